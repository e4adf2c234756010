// The audit page at the manager's 1366x768 (docs/DOMAIN.md#audit): after a morning with a chosen
// call and a staff cancel, a manager signs in, sees both newest first with who, what and why,
// narrows to one user, pages through everything, downloads the CSV with local times and their
// offset, and reads it all in Russian; a clerk's sign-in is refused. Screenshots of each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, clerk, kioskToken, manager, open, server, serverAndBrowser, shoot } from './harness.mjs';
import { SCREEN, insideViewport, parseCsv, scrolledInside, signedIn, submit } from './manager_screen.mjs';

serverAndBrowser();

// `count` tickets from the kiosk; anna opens counter 1 and calls the second out of turn; the
// manager cancels the first with a reason. Returns the first two numbers.
function morning(page, count) {
    return page.evaluate(async ({ kioskToken, clerk, manager, count }) => {
        const { Link } = await import('/js/link.js');
        const kiosk = await new Link({ role: 'ROLE_KIOSK', deviceToken: kioskToken }).start();
        const numbers = [];
        for (let i = 0; i < count; i++) numbers.push((await kiosk.request('issueTicket', { serviceId: 'passport', language: 'en' })).issuedTicket.number);
        kiosk.close();
        const anna = await new Link({ role: 'ROLE_CLERK', ...clerk }).start();
        await anna.request('openCounter', { counter: 1 });
        await anna.request('callTicket', { counter: 1, number: numbers[1], reason: 'elderly' });
        anna.close();
        const leyla = await new Link({ role: 'ROLE_MANAGER', ...manager }).start();
        await leyla.request('cancelTicket', { number: numbers[0], reason: 'wrong_service' });
        leyla.close();
        return numbers.slice(0, 2);
    }, { kioskToken, clerk, manager, count });
}

const cells = (page, i) => page.locator('#audit-rows tr').nth(i).locator('td').allTextContents();

test('a manager reads who did what, filters, pages, downloads it and reads it in Russian', { timeout: 120000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: SCREEN, acceptDownloads: true });
    const page = await open(context, `${server.url}/audit`, errors);
    const [first, second] = await morning(page, 30);

    await submit(page, manager);
    await page.locator('#audit-rows tr').first().waitFor();
    await page.locator('#staff-language').selectOption('en');
    await page.locator('h1', { hasText: 'audit trail' }).waitFor();
    assert.equal(await page.locator('#audit-rows tr').count(), 2, 'out of turn: the cancel and the chosen call');
    const cancel = await cells(page, 0);
    assert.match(cancel[0], /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/, `a local time: ${cancel[0]}`);
    assert.deepEqual(cancel.slice(1), [manager.user, 'manager', 'cancelled by staff', first, '', 'Passport', 'Ticket taken for the wrong service', '']);
    assert.deepEqual((await cells(page, 1)).slice(1), [clerk.user, 'clerk', 'chosen call (out of turn)', second, '1', 'Passport', 'Elderly or disabled citizen', '']);
    for (const id of ['#from', '#to', '#who', '#counter', '#kind', '#page-size', '#show', '#csv', '#audit-table']) await insideViewport(page, id);
    const size = await page.locator('#audit-rows td').first().evaluate((td) => parseFloat(getComputedStyle(td).fontSize));
    assert.ok(size >= 14, `readable at a desk: ${size}px`);
    await shoot(page, 'audit-page-en');

    // One user: anna's chosen call alone.
    await page.fill('#who', clerk.user);
    await page.click('#show');
    await page.locator('#audit-rows tr').nth(1).waitFor({ state: 'detached' });
    assert.equal((await cells(page, 0))[3], 'chosen call (out of turn)');

    // Everything, 25 a page: over 30 issues make two pages, newest first, and back again.
    await page.fill('#who', '');
    await page.selectOption('#kind', 'AUDIT_KIND_UNSPECIFIED');
    await page.selectOption('#page-size', '25');
    await page.click('#show');
    await page.locator('#audit-rows tr').nth(24).waitFor();
    assert.equal(await page.locator('#audit-rows tr').count(), 25);
    assert.equal(await page.locator('#page-number').textContent(), 'Page 1');
    assert.ok(await page.locator('#newer').isDisabled());
    const newest = (await cells(page, 0))[3];
    assert.equal(newest, 'cancelled by staff');
    await page.click('#older');
    await page.locator('#page-number', { hasText: 'Page 2' }).waitFor();
    const older = await page.locator('#audit-rows tr').count();
    assert.ok(older > 0 && older <= 25, `the rest on page 2: ${older}`);
    const kinds = await page.locator('#audit-rows tr').evaluateAll((rows) => rows.map((r) => r.dataset.kind));
    assert.ok(kinds.includes('user_set'), `the file's users are the oldest: ${kinds.join(' ')}`);
    assert.ok(kinds.includes('service_set') && kinds.includes('counter_set'), `and the file's services and counters: ${kinds.join(' ')}`);
    const whats = await page.locator('#audit-rows tr td:nth-child(4)').allTextContents();
    assert.deepEqual(whats.filter((w) => w.includes('_')), [], `every event said in words, none by its log name: ${whats.join(' | ')}`);
    await shoot(page, 'audit-page-older');
    await page.click('#newer');
    await page.locator('#page-number', { hasText: 'Page 1' }).waitFor();

    // More than 31 days, or an end before the start, is refused in the manager's words (not
    // GetAudit's), and no rows of the earlier query stay under it as if they answered this one.
    const today = await page.inputValue('#to');
    await page.fill('#from', '2000-01-01');
    await page.click('#show');
    await page.locator('#audit-error', { hasText: 'Choose at most 31 days at once.' }).waitFor();
    assert.ok(await page.locator('#audit-table').isHidden());
    await page.fill('#from', today);
    await page.fill('#to', '2000-01-01');
    await page.click('#show');
    await page.locator('#audit-error', { hasText: '"To" comes before "From"' }).waitFor();
    await page.fill('#to', today);
    await page.click('#show');
    await page.locator('#audit-rows tr').first().waitFor();
    assert.equal(await page.locator('#audit-error').textContent(), '');

    // The CSV of what the filters say, every page of it: the chosen call and the cancel.
    await page.selectOption('#kind', 'AUDIT_KIND_OUT_OF_TURN');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    assert.match(download.suggestedFilename(), /^audit-\d{4}-\d\d-\d\d\.csv$/);
    const rows = parseCsv((await (await download.createReadStream()).toArray()).join(''));
    assert.equal(rows.length, 2);
    for (const r of rows) assert.match(r.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+04:00$/, `local time with Baku's offset: ${r.time}`);
    assert.deepEqual([rows[0].kind, rows[0].ticket, rows[0].counter, rows[0].reason_code, rows[0].actor], ['ticket_cancelled', first, '', 'wrong_service', manager.user]);
    assert.deepEqual([rows[1].kind, rows[1].ticket, rows[1].counter, rows[1].reason_code, rows[1].actor], ['ticket_called', second, '1', 'elderly', clerk.user]);

    // In Russian: the headings, the kinds, the roles and the reasons.
    await page.click('#show');
    await page.locator('#audit-rows tr').nth(1).waitFor();
    await page.locator('#staff-language').selectOption('ru');
    await page.locator('h1', { hasText: 'журнал аудита' }).waitFor();
    const russian = await cells(page, 0);
    assert.deepEqual(russian.slice(2, 4), ['менеджер', 'отменён сотрудником']);
    assert.equal(russian[7], 'Талон взят не на ту услугу');
    assert.equal(await page.locator('#show').textContent(), 'Показать');
    assert.equal(await page.locator('#counter option[value="1"]').textContent(), 'Окно 1', 'a counter without a name of its own, in Russian too');
    for (const id of ['#show', '#csv', '#audit-table']) await insideViewport(page, id);
    await shoot(page, 'audit-page-ru');
    await page.locator('#staff-language').selectOption('en');
    assert.deepEqual(errors, []);
    await context.close();
});

test('a clerk may not read the audit trail', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: SCREEN });
    const page = await open(context, `${server.url}/audit`, errors);
    await submit(page, clerk);
    await page.locator('#sign-in-error', { hasText: /manager/i }).waitFor();
    assert.ok(await page.locator('#board').isHidden(), 'nothing of the trail is shown');
    await insideViewport(page, '#sign-in-error');
    await shoot(page, 'audit-page-clerk-refused');
    assert.deepEqual(errors, []);
    await context.close();
});

test('the dashboard moves a waiting ticket to another line with a reason, and the audit lists it', { timeout: 90000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: SCREEN, acceptDownloads: true });
    const dashboard = await open(context, `${server.url}/dashboard`, errors);
    await submit(dashboard, manager);
    await signedIn(dashboard);
    await dashboard.locator('#staff-language').selectOption('en');
    const waiting = await dashboard.evaluate(async (kioskToken) => {
        const { Link } = await import('/js/link.js');
        const kiosk = await new Link({ role: 'ROLE_KIOSK', deviceToken: kioskToken }).start();
        const number = (await kiosk.request('issueTicket', { serviceId: 'passport', language: 'en' })).issuedTicket.number;
        kiosk.close();
        return number;
    }, kioskToken);
    await dashboard.locator('#remote-control').scrollIntoViewIfNeeded();
    await dashboard.fill('#remote-number', waiting);
    await dashboard.selectOption('#remote-move-to', 'id_card');
    await dashboard.click('#remote-move');
    await dashboard.locator('#remote-status', { hasText: 'This takes a ticket out of its turn: choose a reason.' }).waitFor();
    await dashboard.selectOption('#remote-ticket-reason', 'wrong_service');
    await dashboard.click('#remote-move');
    await dashboard.locator('#remote-status', { hasText: `${waiting} moved to Identity card.` }).waitFor();
    for (const id of ['#remote-number', '#remote-ticket-reason', '#remote-cancel', '#remote-move-to', '#remote-move']) {
        await scrolledInside(dashboard, id);
    }
    const row = dashboard.locator('#out-of-turn-rows tr[data-what="move"]');
    await row.waitFor();
    assert.deepEqual((await row.locator('td').allTextContents()).slice(1), [manager.user, 'moved to another line', waiting, '', 'Ticket taken for the wrong service']);
    await shoot(dashboard, 'audit-page-dashboard-move');

    await dashboard.click('#to-audit');
    await dashboard.waitForURL(/\/audit$/);
    await submit(dashboard, manager);
    const moved = dashboard.locator('#audit-rows tr[data-kind="ticket_moved"]');
    await moved.waitFor();
    assert.deepEqual((await moved.locator('td').allTextContents()).slice(1),
        [manager.user, 'manager', 'moved to another line', waiting, '', 'Identity card', 'Ticket taken for the wrong service', '']);
    assert.deepEqual(errors, []);
    await context.close();
});
