// The counter page as a clerk uses it, at the counter's 1366x768: buttons that cannot act now are
// disabled, a called ticket can be sent to another line (never its own), the answer says what
// happened and does not outlive the link, estimates read as durations, My day follows what the
// clerk's other client does, and the page speaks the staff language picked (the centre's first
// until then). Screenshots of each state, in English and Azerbaijani.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, clerk, kioskToken, open, server, serverAndBrowser, shoot } from './harness.mjs';

serverAndBrowser();

const ACTIONS = ['act-next', 'act-recall', 'act-start', 'act-done', 'act-no-show', 'act-transfer', 'act-call', 'act-pause', 'act-resume', 'act-close'];

// The ids of the buttons a clerk can press now.
const enabled = (page) => page.evaluate((ids) => ids.filter((id) => !document.getElementById(id).disabled), ACTIONS);

// What the other client of the same clerk (novbe-counter, say) does, over its own connection.
function elsewhere(page, steps, counter) {
    return page.evaluate(async ({ clerk, kioskToken, steps, counter }) => {
        const { Link } = await import('/js/link.js');
        const kiosk = await new Link({ role: 'ROLE_KIOSK', deviceToken: kioskToken }).start();
        const desk = await new Link({ role: 'ROLE_CLERK', user: clerk.user, secret: clerk.secret }).start();
        for (const [command, fields] of steps) {
            if (command === 'issueTicket') await kiosk.request(command, { language: 'en', ...fields });
            else await desk.request(command, { counter, ...fields });
        }
        kiosk.close();
        desk.close();
    }, { clerk, kioskToken, steps, counter });
}

async function signIn(page, number) {
    await page.fill('#user', clerk.user);
    await page.fill('#secret', clerk.secret);
    await page.fill('#counter-number', String(number));
    await page.click('#sign-in-button');
    await page.locator('#desk').waitFor();
}

// Everything the clerk may need to see or press lies inside the screen, none of it overlapping the next.
async function assertOnScreen(page) {
    const boxes = await page.evaluate(() => [...document.querySelectorAll('#desk button, #desk select, #desk input, #current, #message, header *')]
        .filter((e) => e.offsetParent !== null).map((e) => { const r = e.getBoundingClientRect(); return { id: e.id || e.tagName, x: r.x, y: r.y, right: r.right, bottom: r.bottom }; }));
    for (const b of boxes) assert.ok(b.x >= 0 && b.right <= 1366 && b.y >= 0 && b.bottom <= 768, `${b.id} is off the 1366x768 screen: ${JSON.stringify(b)}`);
}

test('the counter page: state-bound buttons, transfer of a called ticket, answers that say what happened, durations', { timeout: 90000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await open(context, `${server.url}/counter`, errors);
    await elsewhere(page, [['issueTicket', { serviceId: 'notary' }]], 5);
    await shoot(page, 'counter-sign-in');
    await signIn(page, 5);
    assert.equal(await page.locator('#staff-language').count(), 1);
    assert.equal(await page.locator('#staff-language').inputValue(), 'az', 'the centre\'s first language until one is picked');
    await page.selectOption('#staff-language', 'en');
    assert.deepEqual(await enabled(page), ['act-next', 'act-call', 'act-pause', 'act-close']);
    const notary = page.locator('#lines tr[data-service="notary"] td');
    await page.locator('#lines tr[data-service="notary"] td:nth-child(2)', { hasText: '1' }).waitFor();
    assert.match(await notary.nth(3).textContent(), /^\d+ min$/, 'an estimate is a duration');
    await assertOnScreen(page);
    await shoot(page, 'counter-open-en');

    await page.keyboard.press('n');
    await page.locator('#message', { hasText: /^[A-Z]+\d{3} / }).waitFor();
    const number = (await page.locator('#message').textContent()).split(' ')[0];
    assert.equal(await page.locator('#message').textContent(), `${number} called.`);
    assert.deepEqual(await enabled(page), ['act-recall', 'act-start', 'act-no-show', 'act-transfer']);
    assert.equal(await page.locator('#outcome').isDisabled(), true, 'no outcome before the service started');
    const targets = await page.locator('#transfer-to option').evaluateAll((os) => os.map((o) => o.value));
    assert.ok(!targets.includes('notary') && targets.includes('passport'), `the ticket's own line is no target: ${targets}`);
    await assertOnScreen(page);
    await shoot(page, 'counter-called-en');

    await page.selectOption('#transfer-to', 'civil_registry');
    await page.click('#act-transfer');  // called, not started: sent on to the right line
    await page.locator('#message', { hasText: `${number} moved to Births, marriages and deaths` }).waitFor();
    // The counter and My day are read again on each event: the two answers may come a moment apart.
    await page.locator('#current', { hasText: /is open; nobody is at it/ }).waitFor({ timeout: 5000 });
    await page.locator('#figures', { hasText: 'transferred 1' }).waitFor();

    await page.click('#act-next');
    await page.click('#act-start');
    await page.locator('#current', { hasText: 'being served' }).waitFor();
    assert.deepEqual(await enabled(page), ['act-done', 'act-transfer']);
    await shoot(page, 'counter-serving-en');
    await page.click('#act-done');
    await page.locator('#message', { hasText: / served\.$/ }).waitFor();

    await page.click('#act-pause');
    await page.locator('#message', { hasText: 'Paused: break.' }).waitFor();
    assert.deepEqual(await enabled(page), ['act-resume', 'act-close']);
    await shoot(page, 'counter-paused-en');

    // The same in Azerbaijani: every word the page makes, the lines' minutes too.
    await page.selectOption('#staff-language', 'az');
    await page.locator('#act-resume').filter({ hasText: 'Davam et' }).waitFor();
    assert.match(await page.locator('#current').textContent(), /^Masa 5 fasilədədir \(qısa fasilə\): \d+:\d\d\.$/);
    assert.match(await page.locator('#act-resume').textContent(), /^Davam et \(u\)$/);
    assert.match(await page.locator('#figures').textContent(), /^çağırılıb 2, xidmət olunub 1, gəlməyib 0, yönləndirilib 1/);
    assert.equal(await page.locator('#message').textContent(), 'Fasilə: qısa fasilə.');
    await assertOnScreen(page);
    await shoot(page, 'counter-paused-az');
    await page.click('#act-resume');
    await page.locator('#message', { hasText: 'İş davam edir.' }).waitFor();
    await page.click('#act-next');
    await page.locator('#message', { hasText: 'Bu masanın xidmətləri üçün gözləyən yoxdur.' }).waitFor();  // a refusal, in az
    await shoot(page, 'counter-refused-az');
    const again = await open(context, `${server.url}/counter`, errors);  // the next sign-in, in the language picked
    await again.locator('#sign-in h2', { hasText: 'Masaya daxil olun' }).waitFor();
    await shoot(again, 'counter-sign-in-az');
    assert.deepEqual(errors, []);
    await context.close();
});

test('My day follows the clerk\'s other client, and nothing stale or pressable is left offline', { timeout: 90000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await open(context, `${server.url}/counter`, errors);
    await signIn(page, 6);
    await page.selectOption('#staff-language', 'en');
    await page.locator('#figures', { hasText: /no tickets yet|called/ }).waitFor();
    const before = await page.locator('#figures').textContent();
    const served = Number(/served (\d+)/.exec(before)?.[1] ?? 0);
    // The clerk serves one from the terminal; the page is not touched.
    await elsewhere(page, [['issueTicket', { serviceId: 'property' }], ['callNext'], ['startServing'], ['completeService']], 6);
    await page.locator('#figures', { hasText: `served ${served + 1}` }).waitFor({ timeout: 5000 });
    // The counter and My day are read again on each event: the two answers may come a moment apart.
    await page.locator('#current', { hasText: /is open; nobody is at it/ }).waitFor({ timeout: 5000 });

    await page.click('#act-pause');
    await page.locator('#message', { hasText: 'Paused' }).waitFor();
    await server.kill();
    await page.locator('#offline', { hasText: 'Offline since' }).waitFor({ timeout: 10000 });
    assert.equal(await page.locator('#message').textContent(), '', 'the last answer is gone with the link');
    assert.deepEqual(await enabled(page), [], 'offline, no button can act');
    await shoot(page, 'counter-offline-en');
    await server.start();
    await page.locator('#offline').waitFor({ state: 'hidden', timeout: 15000 });
    await page.waitForFunction(() => !document.getElementById('act-resume').disabled, null, { timeout: 5000 });
    assert.deepEqual(await enabled(page), ['act-resume', 'act-close']);
    assert.deepEqual(errors, []);
    await context.close();
});
