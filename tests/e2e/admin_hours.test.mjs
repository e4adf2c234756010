// The admin page's hours and holidays (docs/SETUP.md#hours-and-holidays) against the demo centre
// at a manager's 1366x768: the week as the centre has it, the form's own checks in the staff
// language (not the browser's), a holiday for today that a connected kiosk obeys at once and
// that is removed again, a date in the past and a day holding a booking refused in words, an
// exception; a manager sees it read-only; Azerbaijani too. And the page's other gaps: required
// fields in the staff language, a new agency with its names, a counter's name cleared.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, kioskToken, manager, open, server, serverAndBrowser, shoot, words } from './harness.mjs';
import { LAPTOP, allInside } from './admin_screen.mjs';

const admin = { user: 'aysel', secret: 'aysel-secret-1' };
serverAndBrowser({ admins: [admin], freshContexts: true });

// The demo centre's date `days` from today: Asia/Baku is UTC+4 all year, its day from midnight.
function centreDate(days = 0) {
    return new Date(Date.now() + 4 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);
}

async function adminPage(who, errors, language = 'en') {
    const context = await browser.newContext({ viewport: LAPTOP });
    await context.addInitScript((l) => localStorage.setItem('novbe.staffLanguage', l), language);
    const page = await open(context, `${server.url}/admin`, errors);
    await page.fill('#user', who.user);
    await page.fill('#secret', who.secret);
    await page.click('#sign-in-button');
    await page.locator('#week tr').nth(6).waitFor();
    return page;
}

function wire(page, body, args = {}) {
    return page.evaluate(async ({ body, args }) => {
        const { Link } = await import('/js/link.js');
        return new Function('Link', 'args', `return (async () => { ${body} })();`)(Link, args);
    }, { body, args: { kioskToken, manager, ...args } });
}

// A kiosk's ticket now: its number, or the refusal's code.
const kioskIssues = (page) => wire(page, `const k = await new Link({ role: 'ROLE_KIOSK', deviceToken: args.kioskToken }).start();
    try { return (await k.request('issueTicket', { serviceId: 'passport', language: 'en' })).issuedTicket.number; }
    catch (e) { return e.code; } finally { k.close(); }`);

// Monday 0 .. Sunday 6, of a date "YYYY-MM-DD".
const weekdayOf = (date) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
const day = (page, i) => page.locator(`#week tr[data-day="${i}"] input`);

test('an admin sees the week, is told what is wrong in words, and closes today for the kiosks', { timeout: 120000 }, async () => {
    const errors = [];
    const page = await adminPage(admin, errors);
    assert.equal(await page.locator('#hours-section h2').textContent(), 'Hours and holidays');
    assert.deepEqual(await page.locator('#week th[scope="row"]').allTextContents(),
        ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    assert.equal(await day(page, 0).nth(0).inputValue(), '00:00', 'the test centre is open all day');
    assert.equal(await day(page, 0).nth(1).inputValue(), '24:00');
    assert.equal(await page.locator('#holidays li.none').textContent(), 'No holidays ahead.');

    // The page's own checks, in the staff language: an empty field, closing before opening.
    await day(page, 2).nth(0).fill('');
    await page.click('#week-save');
    assert.equal(await page.locator('#week-error').textContent(), 'Wednesday: give an opening and a closing time, or mark the day closed.');
    await day(page, 2).nth(0).fill('18:00');
    await day(page, 2).nth(1).fill('09:00');
    await page.click('#week-save');
    assert.equal(await page.locator('#week-error').textContent(), 'Wednesday: the closing time must come after the opening time.');
    await day(page, 2).nth(0).fill('00:00');
    await day(page, 2).nth(1).fill('24:00');
    const closed = weekdayOf(centreDate(3));  // neither today nor the booking's day below
    await day(page, closed).nth(2).check();
    await page.click('#week-save');
    await page.locator('#week-status', { hasText: 'Saved.' }).waitFor();
    assert.equal(await page.locator('#week-error').textContent(), '');
    assert.equal(await day(page, closed).nth(0).isDisabled(), true, 'a closed day has no times to type');
    assert.equal(await day(page, closed).nth(2).isChecked(), true, 'as the centre now has it');
    await day(page, 2).nth(0).fill('00:01');
    assert.equal(await page.locator('#week-status').textContent(), '', '"Saved." goes once the week is edited again');
    await day(page, 2).nth(0).fill('00:00');

    // No date chosen: the page's words, not the browser's bubble.
    await page.click('#holiday-add');
    assert.equal(await page.locator('#holiday-error').textContent(), 'Choose a date.');
    await page.fill('#holiday-date', '2020-01-01');
    await page.click('#holiday-add');
    await page.locator('#holiday-error', { hasText: 'in the past' }).waitFor();
    assert.equal(await page.locator('#holiday-error').textContent(), '2020-01-01 is in the past: a date is today (' + centreDate() + ') or later.');

    assert.match(await kioskIssues(page), /^A\d{3}$/);
    await page.fill('#holiday-date', centreDate());
    await page.click('#holiday-add');
    await page.locator(`#holidays li[data-date="${centreDate()}"]`).waitFor();
    assert.equal(await page.locator('#holiday-error').textContent(), '');
    assert.equal(await kioskIssues(page), 'ERROR_CODE_CENTRE_CLOSED', 'a kiosk is refused at once');
    await shoot(page, 'admin-hours-en-1366');
    await allInside(page, LAPTOP);
    await page.locator(`#holidays li[data-date="${centreDate()}"] button`).click();
    await page.locator('#holidays li.none').waitFor();
    assert.match(await kioskIssues(page), /^A\d{3}$/, 'open again');

    // A day holding a booking does not close: the refusal says how many, and when.
    const slotMs = Date.parse(`${centreDate(2)}T06:00:00Z`);  // 10:00 in Baku
    await wire(page, `const m = await new Link({ role: 'ROLE_MANAGER', ...args.manager }).start();
        await m.request('bookVisit', { serviceId: 'passport', slotMs: args.slotMs, reference: 'AZ-HOURS-1' }); m.close();`, { slotMs });
    await page.fill('#exception-date', centreDate(2));
    await page.fill('#exception-opening', '12:00');
    await page.fill('#exception-closing', '16:00');
    await page.click('#exception-set');
    await page.locator('#exception-error', { hasText: 'active booking' }).waitFor();
    assert.equal(await page.locator('#exception-error').textContent(),
        `1 active booking falls outside these hours, the first on ${centreDate(2)} at 10:00 (passport): cancel or move it first.`);
    await page.fill('#exception-opening', '09:00');
    await page.click('#exception-set');
    await page.locator(`#exceptions li[data-date="${centreDate(2)}"]`, { hasText: '09:00–16:00' }).waitFor();
    assert.equal(await page.locator('#exception-error').textContent(), '');
    assert.deepEqual(errors, []);
});

test('in Azerbaijani the section and the refusals are in its words; a manager sees it read-only', { timeout: 120000 }, async () => {
    const errors = [];
    const page = await adminPage(admin, errors, 'az');
    const az = words.az;
    assert.equal(await page.locator('#hours-section h2').textContent(), az['staff.admin.hours.hours']);
    assert.equal(await page.locator('#week th[scope="row"]').first().textContent(), 'Bazar ertəsi');
    await page.fill('#holiday-date', '2020-01-01');
    await page.click('#holiday-add');
    await page.locator('#holiday-error', { hasText: az['staffRefusal.ERROR_CODE_DATE_OUT_OF_RANGE'] }).waitFor();
    await page.click('#exception-set');
    assert.equal(await page.locator('#exception-error').textContent(), az['staff.admin.hours.pickDate']);
    await shoot(page, 'admin-hours-az-1366');
    await allInside(page, LAPTOP);

    const managerPage = await adminPage(manager, errors);
    assert.equal(await managerPage.locator('#holiday-form').isVisible(), false, 'a manager changes nothing');
    assert.equal(await managerPage.locator('#week-save').isVisible(), false);
    assert.equal(await day(managerPage, 0).count(), 0, 'the week as text: nothing to type into');
    // Today's row: the test before closed the weekday three days on, which on a Friday in Baku is Monday.
    assert.equal(await managerPage.locator(`#week tr[data-day="${weekdayOf(centreDate())}"] td`).first().textContent(), '00:00');
    assert.equal(await managerPage.locator('#holidays li button').count(), 0);
    await shoot(managerPage, 'admin-hours-manager-1366');
    assert.deepEqual(errors, []);
});

test('an empty required field is named in the staff language, and a counter name cleared is "Counter N" again', { timeout: 120000 }, async () => {
    const errors = [];
    const page = await adminPage(admin, errors);
    await page.click('#service-save');
    assert.equal(await page.locator('#service-error').textContent(), 'Fill in Id.', 'not the browser bubble');
    // A new agency, with its names in each language, as the server requires.
    await page.fill('#service-id', 'tax');
    await page.fill('#service-prefix', 'T');
    const names = { az: 'Vergi', en: 'Tax office', ru: 'Налоги', rw: 'Imisoro', fr: 'Impôts' };
    for (const [language, name] of Object.entries(names)) await page.fill(`#service-names input[data-language="${language}"]`, name);
    await page.selectOption('#service-agency', { label: 'New agency…' });
    await page.fill('#service-agency-id', 'tax-service');
    await page.click('#service-save');
    assert.equal(await page.locator('#service-error').textContent(), 'Fill in Agency name (az).');
    const agency = { az: 'Dövlət Vergi Xidməti', en: 'State Tax Service', ru: 'Налоговая служба', rw: "Ikigo cy'imisoro", fr: 'Service des impôts' };
    for (const [language, name] of Object.entries(agency)) await page.fill(`#service-agency-names input[data-language="${language}"]`, name);
    await shoot(page, 'admin-new-agency-en-1366');
    await allInside(page, LAPTOP);
    await page.click('#service-save');
    await page.locator('#services tr[data-id="tax"] td', { hasText: 'State Tax Service' }).waitFor();
    assert.equal(await page.locator('#service-error').textContent(), '');
    assert.equal(await page.locator('#service-new-agency').isVisible(), false, 'the form is clear again');
    await page.locator('#service-agency option', { hasText: 'State Tax Service' }).waitFor({ state: 'attached' });

    await page.fill('#counter-number', '12');
    await page.fill('#counter-name', 'Desk by the door');
    await page.selectOption('#counter-add-service', 'passport');
    await page.click('#counter-add-service-button');
    await page.click('#counter-save');
    const desk = page.locator('#counters tr[data-number="12"]');
    await desk.locator('td', { hasText: 'Desk by the door' }).waitFor();
    await desk.locator('button[data-action="admin.change"]').click();
    assert.equal(await page.inputValue('#counter-name'), 'Desk by the door');
    await page.fill('#counter-name', '');
    await page.click('#counter-save');
    await desk.locator('td', { hasText: /^Counter 12$/ }).waitFor();
    await desk.locator('button[data-action="admin.change"]').click();
    assert.equal(await page.inputValue('#counter-name'), '', 'a counter without a name of its own shows none to edit');

    const az = await adminPage(admin, errors, 'az');
    await az.click('#device-save');
    assert.equal(await az.locator('#device-error').textContent(),
        words.az['staff.admin.required'].replace('{field}', words.az['staff.admin.column.name']));
    await az.locator('#counters tr[data-number="12"] td', { hasText: /^Masa 12$/ }).waitFor();
    assert.deepEqual(errors, []);
});
