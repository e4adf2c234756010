// The audit trail as staff see it, at the counter's and the dashboard's 1366x768: a clerk's
// chosen call needs a reason from the centre's list (none chosen is refused in words, and the
// ticket stays where it was), and the manager's dashboard lists it live under "Out of turn today"
// with who, what, which ticket and why, in the staff language picked, and a dashboard opened
// later lists the day so far. Screenshots of both.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, clerk, kioskToken, manager, open, server, serverAndBrowser, shoot } from './harness.mjs';
import { SCREEN, insideViewport, scrolledInside, signedIn, submit } from './manager_screen.mjs';

serverAndBrowser();

// Two passport tickets from the entrance kiosk, over its own connection; their numbers.
function issueTwo(page) {
    return page.evaluate(async (kioskToken) => {
        const { Link } = await import('/js/link.js');
        const kiosk = await new Link({ role: 'ROLE_KIOSK', deviceToken: kioskToken }).start();
        const numbers = [];
        for (let i = 0; i < 2; i++) numbers.push((await kiosk.request('issueTicket', { serviceId: 'passport', language: 'en' })).issuedTicket.number);
        kiosk.close();
        return numbers;
    }, kioskToken);
}

test('a chosen call needs a reason, and the dashboard lists it live with who and why', { timeout: 120000 }, async () => {
    const errors = [];
    const desk = await browser.newContext({ viewport: SCREEN });
    const counter = await open(desk, `${server.url}/counter`, errors);
    const office = await browser.newContext({ viewport: SCREEN });
    const dashboard = await open(office, `${server.url}/dashboard`, errors);
    await submit(dashboard, manager);
    await signedIn(dashboard);
    await dashboard.locator('#staff-language').selectOption('en');
    await dashboard.locator('#out-of-turn-none', { hasText: 'Nobody has been taken out of turn today.' }).waitFor();

    const [first, second] = await issueTwo(counter);
    await counter.fill('#user', clerk.user);
    await counter.fill('#secret', clerk.secret);
    await counter.fill('#counter-number', '1');
    await counter.click('#sign-in-button');
    await counter.locator('#desk').waitFor();
    await counter.locator('#staff-language').selectOption('en');

    // The list offers the centre's reasons, named in the staff language, after "choose a reason".
    const offered = await counter.locator('#call-reason option').allTextContents();
    assert.equal(offered[0], 'choose a reason');
    assert.ok(offered.includes('Elderly or disabled citizen'), offered.join(' | '));
    await counter.fill('#call-number', second);
    await counter.click('#act-call');
    await counter.locator('#message.refused', { hasText: 'This takes a ticket out of its turn: choose a reason.' }).waitFor();
    await shoot(counter, 'audit-counter-refused');
    assert.match(await counter.locator('#current').textContent(), /open/i, 'the refused call changed nothing');

    await counter.selectOption('#call-reason', 'elderly');
    await counter.click('#act-call');
    await counter.locator('#current', { hasText: second }).waitFor();
    await insideViewport(counter, '#call-reason');
    await insideViewport(counter, '#act-call');
    await shoot(counter, 'audit-counter-called');

    // The dashboard's list: anna called the second ticket before the first, for the elderly.
    const row = dashboard.locator('#out-of-turn-rows tr[data-what="call"]');
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    assert.deepEqual(cells.slice(1), [clerk.user, 'called out of turn', second, '1', 'Elderly or disabled citizen']);
    assert.match(cells[0], /^\d\d:\d\d:\d\d$/, `a local time: ${cells[0]}`);
    assert.notEqual(first, second);
    await dashboard.locator('#out-of-turn').scrollIntoViewIfNeeded();
    const box = await dashboard.locator('#out-of-turn-table').boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= SCREEN.width, `the list fits the screen's width: ${JSON.stringify(box)}`);
    const size = await row.locator('td').first().evaluate((td) => parseFloat(getComputedStyle(td).fontSize));
    assert.ok(size >= 14, `readable at a desk: ${size}px`);
    await shoot(dashboard, 'audit-dashboard-en');

    await dashboard.locator('#staff-language').selectOption('ru');
    await dashboard.locator('#out-of-turn h2', { hasText: 'Вне очереди сегодня' }).waitFor();
    const russian = await row.locator('td').allTextContents();
    assert.equal(russian[2], 'вызвал вне очереди');
    assert.equal(russian[5], 'Пожилой гражданин или человек с инвалидностью');
    await shoot(dashboard, 'audit-dashboard-ru');
    await dashboard.locator('#staff-language').selectOption('en');

    // Remote control: each refusal in words, each action said, each exception listed.
    const said = (text) => dashboard.locator('#remote-status', { hasText: text }).waitFor();
    await dashboard.locator('#remote-control').scrollIntoViewIfNeeded();
    await dashboard.fill('#remote-number', first);
    await dashboard.click('#remote-cancel');
    await said('This takes a ticket out of its turn: choose a reason.');
    await dashboard.selectOption('#remote-ticket-reason', 'wrong_service');
    await dashboard.click('#remote-cancel');
    await said(`${first} is cancelled.`);
    await dashboard.selectOption('#remote-counter', '1');
    await dashboard.selectOption('#remote-counter-reason', 'clerk_absent');
    await dashboard.fill('#remote-words', 'anna was called away');
    await dashboard.click('#remote-take-over');
    await said('Counter 1 is yours now.');
    // The clerk's page follows: no longer hers, and no button the server would refuse.
    await counter.locator('#current', { hasText: `Counter 1 is ${manager.user}'s now: a manager took it over.` }).waitFor();
    assert.ok(await counter.locator('#act-start').isDisabled() && await counter.locator('#act-no-show').isDisabled());
    await shoot(counter, 'audit-counter-taken-over');
    await dashboard.click('#remote-close');
    await said('A ticket is still at this counter');  // the called ticket is served to the end first
    // The dashboard scrolls; each control, once scrolled to, lies wholly on the 1366x768 screen.
    for (const id of ['#remote-counter', '#remote-counter-reason', '#remote-words', '#remote-take-over', '#remote-close', '#remote-cancel', '#remote-end-day']) {
        await scrolledInside(dashboard, id);
    }
    const kinds = await dashboard.locator('#out-of-turn-rows tr').evaluateAll((rows) => rows.map((r) => r.dataset.what));
    assert.deepEqual(kinds, ['takeOver', 'cancel', 'call'], 'the newest first');
    const taken = await dashboard.locator('#out-of-turn-rows tr[data-what="takeOver"] td').allTextContents();
    assert.deepEqual(taken.slice(1), [manager.user, 'took the counter over from anna', '', '1', 'The clerk is absent or ill — anna was called away']);

    // The ticket still at the taken counter is finished where a clerk would: on the counter page,
    // opened from the dashboard's link with the counter and the manager's role filled in.
    const [serving] = await Promise.all([office.waitForEvent('page'), dashboard.click('#remote-serve')]);
    // The popup is about:blank at first: wait for the page's own script, which enables the button
    // after filling the form from the link.
    await serving.locator('#sign-in-button:not([disabled])').waitFor();
    assert.equal(await serving.inputValue('#counter-number'), '1');
    assert.equal(await serving.inputValue('#role'), 'ROLE_MANAGER');
    await serving.fill('#user', manager.user);
    await serving.fill('#secret', manager.secret);
    await serving.fill('#counter-number', '2');
    await serving.click('#sign-in-button');
    await serving.locator('#sign-in-error', { hasText: 'Counter 2 is not yours: a manager takes a counter over on the dashboard first' }).waitFor();
    await serving.fill('#secret', manager.secret);
    await serving.fill('#counter-number', '1');
    await serving.click('#sign-in-button');
    await serving.locator('#desk').waitFor();
    await serving.locator('#current', { hasText: second }).waitFor();
    await serving.click('#act-start');
    await serving.locator('#act-done:not([disabled])').waitFor();
    await serving.click('#act-done');
    await serving.locator('#message', { hasText: `${second} served.` }).waitFor();
    await shoot(serving, 'audit-manager-at-counter');
    await serving.click('#act-close');
    await serving.locator('#current', { hasText: 'closed' }).waitFor();
    await serving.close();

    // A dashboard opened now lists the day so far, the same rows, not only what comes after.
    const later = await open(await browser.newContext({ viewport: SCREEN }), `${server.url}/dashboard`, errors);
    await submit(later, manager);
    await signedIn(later);
    await later.locator('#staff-language').selectOption('en');
    await later.locator('#out-of-turn-rows tr').nth(2).waitFor();
    assert.deepEqual(await later.locator('#out-of-turn-rows tr').evaluateAll((rows) => rows.map((r) => r.dataset.what)), kinds);
    const again = await later.locator('#out-of-turn-rows tr[data-what="takeOver"] td').allTextContents();
    assert.deepEqual(again, taken, 'the take-over read from the audit trail as it was heard live');
    assert.deepEqual((await later.locator('#out-of-turn-rows tr[data-what="call"] td').allTextContents()).slice(1), cells.slice(1));
    await later.context().close();

    await dashboard.click('#remote-end-day');
    assert.ok(await dashboard.locator('#remote-end-day-confirm').isVisible(), 'ending the day asks once more');
    await dashboard.click('#remote-end-day-keep');
    assert.ok(await dashboard.locator('#remote-end-day').isVisible());
    await dashboard.click('#remote-end-day');
    await dashboard.click('#remote-end-day-confirm');
    await said('The day is ended: no more tickets today.');
    await shoot(dashboard, 'audit-dashboard-remote');
    assert.deepEqual(errors, []);
    await desk.close();
    await office.close();
});
