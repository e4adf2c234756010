// The citizen's phone booking page (/book, docs/DOMAIN.md#phone-bookings) at 390x844 against the
// real server: a service, a day, a free time, the reference and a phone number; the booking's
// code, QR code and the window to arrive in; that code checked in at the touch kiosk and the
// ticket called on the hall board. Then the page in each language, a booking shown again from its
// link and cancelled, and no reference or phone number ever on the page after booking.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { Server, clerk, kioskToken, launch, manager, middayZone, open, shoot } from './harness.mjs';
import { dashboardPage, signedIn, submit } from './manager_screen.mjs';

const PHONE = { width: 390, height: 844 };
const words = Object.fromEntries(['en', 'az', 'ru', 'fr', 'rw'].map((l) =>
    [l, JSON.parse(readFileSync(new URL(`../../web/i18n/${l}.json`, import.meta.url), 'utf8'))]));

let server;
let browser;

before(async () => {
    server = new Server({ zone: middayZone().zone });
    // Every page here comes from 127.0.0.1, and books a dozen times: one address's daily bound (3,
    // docs/DOMAIN.md#phone-bookings) is the loopback tests' to prove, not these. The centre's clock
    // is near midday: late in Baku's evening the tests before took today's last times, and the
    // dashboard lists today's.
    writeFileSync(server.config, readFileSync(server.config, 'utf8')
        .replace(/\nphone_bookings_per_address = \d+/, '\nphone_bookings_per_address = 100'));
    await server.start();
    browser = await launch();
});

after(async () => {
    await browser?.close();
    await server?.stop();
});

// Nothing wider than the phone: no sideways scrolling, no clipped button.
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

// The whole flow on the page in `lang`, booking the first free time of the first open day (today:
// its first time left starts within 30 minutes, so check-in is open now). Returns the code.
async function bookOnPhone(page, lang, reference, shots) {
    const w = words[lang];
    await page.locator('#choices button').first().waitFor();
    assert.equal(await page.locator('#title').textContent(), w.bookTitle);
    if (shots) await shoot(page, `phone-booking-${lang}-1-service`);
    await page.locator('#choices button').first().click();
    await page.locator('#step', { hasText: w.bookChooseDay }).waitFor();
    if (shots) await shoot(page, `phone-booking-${lang}-2-day`);
    await page.locator('#choices button:not([disabled])').first().click();
    await page.locator('#step', { hasText: w.bookChooseSlot }).waitFor();
    assert.ok(await page.locator('#choices button small', { hasText: w.bookFree.replace('{n}', '').trim() }).count() > 0);
    if (shots) await shoot(page, `phone-booking-${lang}-3-time`);
    assert.ok(await overflow(page) <= 0, 'the times fit the phone');
    await page.locator('#choices button:not([disabled])').first().click();
    await page.locator('#reference').fill(reference);
    await page.locator('#phone').fill('+994 50 123 45 67');
    assert.equal(await page.locator('#reference-label').textContent(), w.bookReference);
    if (shots) await shoot(page, `phone-booking-${lang}-4-who`);
    await page.locator('#book').click();
    await page.locator('#booking').waitFor({ state: 'visible', timeout: 10000 });
    assert.equal(await page.locator('#booking-state').textContent(), w.bookState_active);
    const window = await page.locator('#booking-window').textContent();
    const pattern = new RegExp(w.bookWindow.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('{from}', '(\\d\\d:\\d\\d)').replace('{until}', '(\\d\\d:\\d\\d)'));
    assert.match(window, pattern);
    const code = await page.locator('#booking-code').getAttribute('data-code');
    assert.match(code, /^[0-9a-f]{32}$/);
    assert.equal(await page.locator('#booking-qr svg').count(), 1);
    assert.equal(await page.locator('#booking-qr').getAttribute('data-url'), `${server.url}/book#${code}`);
    const text = await page.locator('body').innerText();
    assert.ok(!text.includes(reference) && !text.includes('123 45 67'), 'no reference or phone on the page after booking');
    assert.ok(await overflow(page) <= 0, 'the booking fits the phone');
    if (shots) await shoot(page, `phone-booking-${lang}-5-booked`);
    return code;
}

// A clerk at counter 1 calls the next ticket, from inside a page of the server.
function callNext(page) {
    return page.evaluate(async ({ clerk }) => {
        const { Link } = await import('/js/link.js');
        const desk = await new Link({ role: 'ROLE_CLERK', user: clerk.user, secret: clerk.secret }).start();
        if ((await desk.request('getCounter', { counter: 1 })).counter.status === 'COUNTER_STATUS_CLOSED') await desk.request('openCounter', { counter: 1 });
        const number = (await desk.request('callNext', { counter: 1 })).counter.current.number;
        await desk.request('startServing', { counter: 1 });
        await desk.request('completeService', { counter: 1, outcome: 'ok' });
        return number;
    }, { clerk });
}

test('booked on the phone, checked in at the kiosk with its code, called on the board', { timeout: 90000 }, async () => {
    const errors = [];
    const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await open(phone, `${server.url}/book?lang=en`, errors);
    const code = await bookOnPhone(page, 'en', 'AZE-E2E-0001', true);

    const hall = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const kiosk = await open(hall, `${server.url}/kiosk?token=${kioskToken}`, errors);
    await kiosk.locator('#have-booking').click();
    await kiosk.locator('#booking-code').fill(`${server.url}/book#${code}`);  // as a QR scanner types it
    await kiosk.locator('#booking-code').press('Enter');
    await kiosk.locator('#ticket').waitFor({ state: 'visible', timeout: 10000 });
    const number = await kiosk.locator('#ticket-number').textContent();
    assert.match(number, /^A\d{3}$/);
    await shoot(kiosk, 'phone-booking-kiosk-checked-in');

    const screen = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const board = await open(screen, `${server.url}/board`, errors);
    await board.locator('#latest-number').waitFor({ state: 'attached' });
    assert.equal(await callNext(board), number, 'the checked-in booking is the ticket called');
    await board.locator('#latest-number', { hasText: number }).waitFor({ timeout: 10000 });

    await page.reload();  // the page keeps the booking in its address
    await page.locator('#booking-state', { hasText: words.en.bookState_checked_in }).waitFor({ timeout: 10000 });
    assert.equal(await page.locator('#cancel').isVisible(), false, 'a checked-in booking cannot be cancelled');
    assert.deepEqual(errors, []);
    await Promise.all([phone.close(), hall.close(), screen.close()]);
});

for (const lang of ['az', 'ru', 'fr', 'rw']) {
    test(`${lang}: booked, shown again from its link, and cancelled, all in ${lang}`, { timeout: 60000 }, async () => {
        const errors = [];
        const w = words[lang];
        const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
        const page = await open(phone, `${server.url}/book?lang=${lang}`, errors);
        const code = await bookOnPhone(page, lang, `E2E-${lang.toUpperCase()}-77`, true);

        const later = await open(phone, `${server.url}/book?lang=${lang}#${code}`, errors);
        await later.locator('#booking-state', { hasText: w.bookState_active }).waitFor();
        later.on('dialog', (d) => d.accept());
        await later.locator('#cancel').click();
        await later.locator('#booking-state', { hasText: w.bookState_cancelled }).waitFor({ timeout: 10000 });
        assert.equal(await later.locator('#cancel').isVisible(), false);
        await shoot(later, `phone-booking-${lang}-6-cancelled`);

        await later.locator('#back').click();  // book another: the same reference may book again
        const again = await bookOnPhone(later, lang, `E2E-${lang.toUpperCase()}-77`, false);
        assert.notEqual(again, code);
        assert.deepEqual(errors, []);
        await phone.close();
    });
}

test('a refusal is said in the citizen language: the same reference twice for one service', { timeout: 60000 }, async () => {
    const errors = [];
    const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await open(phone, `${server.url}/book?lang=ru`, errors);
    await bookOnPhone(page, 'ru', 'TWICE-1', false);
    await page.locator('#back').click();
    await page.locator('#choices button').first().click();
    await page.locator('#choices button:not([disabled])').first().click();
    await page.locator('#choices button:not([disabled])').first().click();
    await page.locator('#reference').fill('TWICE-1');
    await page.locator('#book').click();
    await page.locator('#problem', { hasText: words.ru['bookError.already_booked'] }).waitFor({ timeout: 10000 });
    await shoot(page, 'phone-booking-ru-refused');
    assert.deepEqual(errors.filter((e) => !e.includes('status of 409')), [], 'the refusal itself is the browser\'s only complaint');
    await phone.close();
});

test("a booking made and cancelled on the phone reaches the open dashboard at once", { timeout: 60000 }, async () => {
    const errors = [];
    const { context, page: dashboard } = await dashboardPage(browser, server.url, errors);
    await submit(dashboard, manager);
    await signedIn(dashboard);
    await dashboard.locator('#staff-language').selectOption('en');
    await dashboard.locator('#bookings h2', { hasText: words.en['staff.bookings.title'] }).waitFor();
    await dashboard.waitForTimeout(500);  // its first list is in: what comes now is pushed

    const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await open(phone, `${server.url}/book?lang=en`, errors);
    await bookOnPhone(page, 'en', 'DASH-E2E-1', false);
    const booked = Date.now();
    const row = dashboard.locator('#booking-rows tr[data-booking]', { hasText: 'DASH-E2E-1' });
    await row.waitFor({ timeout: 4000 });  // it polled every 10 s before the event
    assert.ok(Date.now() - booked < 4000);
    assert.deepEqual((await row.locator('td').allTextContents()).slice(1, 5),
        ['Passport', 'DASH-E2E-1', 'Booked', words.en['staff.bookings.byPhone']]);
    await shoot(dashboard, 'phone-booking-dashboard-live');

    page.on('dialog', (d) => d.accept());
    await page.locator('#cancel').click();
    await page.locator('#booking-state', { hasText: words.en.bookState_cancelled }).waitFor({ timeout: 10000 });
    await row.locator('td', { hasText: words.en['staff.bookings.state.cancelled'] }).waitFor({ timeout: 4000 });
    assert.deepEqual(errors, []);
    await Promise.all([phone.close(), context.close()]);
});
