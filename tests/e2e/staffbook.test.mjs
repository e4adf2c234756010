// The dashboard's bookings as a manager uses them, at the dashboard's 1366x768
// (docs/PROTOCOL.md#staff-bookings): book a free slot for a citizen from the form, see it in the
// day's list and in today's counts, be told in words when the same reference is booked twice,
// cancel it from the list and see the slot free again; the section in Russian; nothing wider
// than the screen.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { Server, launch, manager, middayZone, screenshots, shoot } from './harness.mjs';
import { SCREEN, dashboardPage, signedIn, submit } from './manager_screen.mjs';

const words = Object.fromEntries(['en', 'ru'].map((l) =>
    [l, JSON.parse(readFileSync(new URL(`../../web/i18n/${l}.json`, import.meta.url), 'utf8'))]));

let server;
let browser;

before(async () => {
    // Near midday on the centre's clock, so that today has slots left whenever this runs.
    server = await new Server({ zone: middayZone().zone }).start();
    browser = await launch();
});

after(async () => {
    await browser?.close();
    await server?.stop();
});

// Each visible element of `selector`, scrolled to, lies across the screen's width and fits its height.
async function onScreen(page, selector) {
    for (const e of await page.locator(selector).all()) {
        if (!(await e.isVisible())) continue;
        await e.scrollIntoViewIfNeeded();
        const box = await e.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= SCREEN.width && box.y >= -1 && box.y + box.height <= SCREEN.height + 1,  // sub-pixel scrolling
            `${selector} is on the screen: ${JSON.stringify(box)} ${(await e.textContent()).slice(0, 40)}`);
    }
}

const countsOf = (page, service) => page.locator(`#booking-counts tr[data-service="${service}"] td`).allTextContents();
// The free count the form offers for the first slot ("01:30 (3 free)").
const firstSlot = (page) => page.locator('#book-slot option').first().textContent();

test('a manager books a slot for a citizen, sees it listed and counted, and cancels it', { timeout: 90000 }, async () => {
    const errors = [];
    const { context, page } = await dashboardPage(browser, server.url, errors);
    await submit(page, manager);
    await signedIn(page);
    await page.locator('#staff-language').selectOption('en');  // the centre's first language is az
    await page.locator('#bookings h2', { hasText: words.en['staff.bookings.title'] }).waitFor();
    await page.locator('#book-service').selectOption('passport');
    await page.locator('#book-slot option').first().waitFor({ state: 'attached', timeout: 15000 });
    const offered = await firstSlot(page);
    const [, time, free] = offered.match(/^(\d\d:\d\d) \((\d+) free\)$/) ?? [];
    assert.ok(time && Number(free) > 0, `a free slot with its time and free places: ${offered}`);
    assert.equal(await page.locator('#booking-rows tr[data-booking]').count(), 0);
    assert.equal(await page.locator('#bookings-note').textContent(), words.en['staff.bookings.none']);

    await page.fill('#book-reference', 'APP-2026-0042');
    await page.fill('#book-phone', '+994 50 555 12 34');
    await page.click('#book-button');
    const status = page.locator('#bookings-status');
    await status.filter({ hasText: `Booked APP-2026-0042 for ${time}. Booking code: ` }).waitFor({ timeout: 10000 });
    assert.match(await status.textContent(), /Booking code: [0-9a-f]{32}$/);
    const row = page.locator('#booking-rows tr[data-booking]');
    await row.first().waitFor();
    assert.deepEqual((await row.first().locator('td').allTextContents()).slice(0, 5),
        [time, 'Passport', 'APP-2026-0042', 'Booked', manager.user]);
    assert.deepEqual(await countsOf(page, 'passport'), ['Passport', '1', '0', '0', '0 %']);
    assert.equal(await firstSlot(page), `${time} (${Number(free) - 1} free)`);
    assert.deepEqual(await page.locator('#booking-waits tr').evaluateAll((rows) => rows.slice(1).map((r) => r.textContent)),
        ['Booked——', 'Walk-in——'], 'no one has been called yet: no wait to tell');
    await onScreen(page, '#bookings h2, #bookings h3, #bookings table, #bookings form, #bookings-status');
    await page.locator('#bookings').scrollIntoViewIfNeeded();
    await shoot(page, 'staffbook-dashboard-booked');
    await page.locator('#bookings').screenshot({ path: join(screenshots, 'staffbook-bookings-section.png') });

    // The same reference again, for the same service: refused in words, nothing booked.
    await page.fill('#book-reference', 'APP-2026-0042');
    await page.click('#book-button');
    await status.filter({ hasText: words.en['staffRefusal.ERROR_CODE_ALREADY_BOOKED'] }).waitFor({ timeout: 10000 });
    assert.equal(await row.count(), 1);
    await shoot(page, 'staffbook-dashboard-refused');

    await row.first().getByRole('button', { name: 'Cancel' }).click();
    await status.filter({ hasText: 'The booking of APP-2026-0042 is cancelled.' }).waitFor({ timeout: 10000 });
    await page.locator('#booking-rows tr[data-state="BOOKING_STATE_CANCELLED"]').waitFor();
    assert.equal(await row.first().getByRole('button').count(), 0, 'a cancelled booking has no cancel button');
    assert.deepEqual(await countsOf(page, 'passport'), ['Passport', '0', '0', '0', '0 %']);
    assert.equal(await firstSlot(page), offered, 'the slot is free again');

    // In Russian: headings, columns and states.
    await page.locator('#staff-language').selectOption('ru');
    await page.locator('#bookings h2', { hasText: words.ru['staff.bookings.title'] }).waitFor();
    assert.equal(await row.first().locator('td').nth(3).textContent(), words.ru['staff.bookings.state.cancelled']);
    assert.equal(await page.locator('#book-button').textContent(), words.ru['staff.bookings.book']);
    assert.equal(await status.textContent(), '', 'the English line is not left under Russian words');
    await onScreen(page, '#bookings h2, #bookings h3, #bookings table, #bookings form, #bookings-status');
    await page.locator('#bookings').scrollIntoViewIfNeeded();
    await shoot(page, 'staffbook-dashboard-ru');
    await page.locator('#bookings').screenshot({ path: join(screenshots, 'staffbook-bookings-section-ru.png') });
    assert.deepEqual(errors, []);
    await context.close();
});
