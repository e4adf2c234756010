// The admin page's hours and holidays in people's words (docs/SETUP.md#hours-and-holidays), at a
// manager's 1366x768: a date is typed YYYY-MM-DD whatever the browser's locale (no date picker
// that writes 12/31/2026), a wrong one is named; a holiday the centre has already is said so
// rather than seem done; the server's refusal of hours names no configuration key; and an error
// shown speaks the new language after a language switch, the page's own and the server's alike.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, open, server, serverAndBrowser, shoot, words } from './harness.mjs';
import { LAPTOP, allInside } from './admin_screen.mjs';

const admin = { user: 'aysel', secret: 'aysel-secret-1' };
serverAndBrowser({ admins: [admin], freshContexts: true });

// The demo centre's date `days` from today: Asia/Baku is UTC+4 all year, its day from midnight.
const centreDate = (days = 0) => new Date(Date.now() + 4 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);
const weekdayOf = (date) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => values[k]);

async function adminPage(errors) {
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'en-US' });  // a browser that writes mm/dd/yyyy
    await context.addInitScript(() => localStorage.setItem('novbe.staffLanguage', 'en'));
    const page = await open(context, `${server.url}/admin`, errors);
    await page.fill('#user', admin.user);
    await page.fill('#secret', admin.secret);
    await page.click('#sign-in-button');
    await page.locator('#week tr').nth(6).waitFor();
    return page;
}

test('dates are YYYY-MM-DD, a holiday twice is said so, and an error follows a language switch', { timeout: 120000 }, async () => {
    const errors = [];
    const page = await adminPage(errors);
    assert.equal(await page.locator('#holiday-date').getAttribute('type'), null, 'a text field, not the locale\'s date picker');
    assert.equal(await page.locator('#holiday-date').getAttribute('placeholder'), centreDate(), 'today, as the one form it takes');

    await page.fill('#holiday-date', '12/31/2026');
    await page.click('#holiday-add');
    assert.equal(await page.locator('#holiday-error').textContent(),
        'Write the date as YYYY-MM-DD (year, month, day), e.g. 2026-12-31, not “12/31/2026”.');
    await page.fill('#holiday-date', '2026-02-31');
    await page.click('#holiday-add');
    assert.equal(await page.locator('#holiday-error').textContent(), 'There is no 2026-02-31 in the calendar: check the month and the day.',
        'no such day, said as that rather than as a wrong form');

    const date = centreDate(5);
    await page.fill('#holiday-date', date);
    await page.click('#holiday-add');
    await page.locator(`#holidays li[data-date="${date}"]`).waitFor();
    assert.equal(await page.locator('#holiday-date').inputValue(), '');
    await page.fill('#holiday-date', date);
    await page.click('#holiday-add');
    const en = words.en, ru = words.ru;
    const weekday = weekdayOf(date);
    assert.equal(await page.locator('#holiday-error').textContent(),
        fill(en['staff.admin.hours.holidayExists'], { date: `${en[`staff.admin.hours.weekday.${weekday}`]} ${date}` }));
    assert.equal(await page.locator('#holiday-date').inputValue(), date, 'what was typed stays');

    // The server's refusal of a closing past the centre's next day: its words, not a file's key.
    await page.locator('#week tr[data-day="0"] input').nth(0).fill('18:00');
    await page.locator('#week tr[data-day="0"] input').nth(1).fill('25:00');
    await page.click('#week-save');
    const refusal = "Monday: the closing time 25:00 comes after the centre's next day begins (00:00): close by then.";
    await page.locator('#week-error', { hasText: 'close by then' }).waitFor();
    assert.equal(await page.locator('#week-error').textContent(), refusal);

    // In Russian both are said again, in Russian; back in English, in English.
    await page.selectOption('#staff-language', 'ru');
    assert.equal(await page.locator('#holiday-error').textContent(),
        fill(ru['staff.admin.hours.holidayExists'], { date: `${ru[`staff.admin.hours.weekday.${weekday}`]} ${date}` }));
    assert.equal(await page.locator('#week-error').textContent(), `${ru['refusal.ERROR_CODE_INVALID_ARGUMENT'] ?? ru['staffRefusal.ERROR_CODE_INVALID_ARGUMENT']} (${refusal})`);
    assert.equal(await page.locator('#hours-section h2').textContent(), ru['staff.admin.hours.hours']);
    await shoot(page, 'admin-hours-words-ru-1366');
    await allInside(page, LAPTOP);
    await page.selectOption('#staff-language', 'en');
    assert.equal(await page.locator('#week-error').textContent(), refusal);
    assert.match(await page.locator('#holiday-error').textContent(), /is a holiday already\.$/);
    for (const id of ['#week-error', '#holiday-error']) assert.doesNotMatch(await page.locator(id).textContent(), /_minutes|day_start/);
    assert.deepEqual(errors, []);
});
