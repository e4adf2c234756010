// The clerks' figures on the manager's dashboard (docs/DOMAIN.md#clerks-figures), at 1366x768:
// a clerk's walk to start, the time idle while a line waited and each pause's reason appear in
// the dashboard's walk, idle and pause tables, and "Counters and clerks (CSV)" writes the same in seconds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, clerk, kioskToken, manager, server, serverAndBrowser, shoot, words } from './harness.mjs';
import { dashboardPage, parseCsv, signedIn, submit } from './manager_screen.mjs';

serverAndBrowser();  // the demo centre, open all day

const REASON = 'lunch, upstairs "B"';  // a comma and quotes: the CSV must quote them

test('a clerk\'s walk, idle time and pauses by reason are on the dashboard and in its CSV', { timeout: 90000 }, async () => {
    const errors = [];
    const { context, page } = await dashboardPage(browser, server.url, errors, { acceptDownloads: true });
    await submit(page, manager);
    await signedIn(page);
    await page.evaluate(async ({ kioskToken, clerk, reason }) => {
        const { Link } = await import('/js/link.js');
        const pause = (ms) => new Promise((done) => setTimeout(done, ms));
        const kiosk = await new Link({ role: 'ROLE_KIOSK', deviceToken: kioskToken }).start();
        const desk = await new Link({ role: 'ROLE_CLERK', user: clerk.user, secret: clerk.secret }).start();
        const at = (command, fields = {}) => desk.request(command, { counter: 2, ...fields });
        await at('openCounter');
        await kiosk.request('issueTicket', { serviceId: 'passport', language: 'en' });
        await pause(2200);  // open, free and not calling while passport has someone waiting
        await at('callNext');
        await pause(1600);  // the citizen walks to the counter
        await at('startServing');
        await at('completeService', { outcome: 'done' });
        await at('pauseCounter', { reason });
        await pause(2200);
        await at('resumeCounter');
        await at('closeCounter');
    }, { kioskToken, clerk, reason: REASON });

    // The tables follow the events; the staff language is the centre's first (az) until changed.
    const cell = (table, key, field) => page.locator(`#${table} tr[data-key="${key}"] td[data-field="${field}"]`);
    for (const [table, key] of [['time-by-counter', '2'], ['time-by-clerk', clerk.user]]) {
        await cell(table, key, 'pauses').filter({ hasText: `${REASON} 0:02` }).waitFor({ timeout: 10000 });
        assert.equal(await cell(table, key, 'pausedS').textContent(), '0:02', `${table}: paused in all`);
        const walk = await cell(table, key, 'averageWalkS').textContent();
        assert.ok(['0:01', '0:02'].includes(walk), `${table}: the walk from call to start is about 1.6 s: ${walk}`);
        const idle = await cell(table, key, 'idleWaitingS').textContent();
        assert.ok(['0:02', '0:03'].includes(idle), `${table}: idle while passport waited about 2.2 s: ${idle}`);
    }
    const heads = await page.locator('#time-by-counter th').allTextContents();
    for (const field of ['averageWalkS', 'idleWaitingS', 'pausedS', 'pauses'])
        assert.ok(heads.includes(words.az[`staff.dashboard.figure.${field}`]), `the counter table has its ${field} column in az: ${heads}`);
    const wide = await page.evaluate(() => [...document.querySelectorAll('#time-by-counter, #time-by-clerk')]
        .filter((t) => t.scrollWidth > t.parentElement.clientWidth).map((t) => t.id));
    assert.deepEqual(wide, [], 'the tables fit the dashboard\'s width');
    await page.locator('#time-by-clerk').scrollIntoViewIfNeeded();
    await shoot(page, 'dashboard-clerk-figures');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-figures')]);
    assert.match(download.suggestedFilename(), /^counters-clerks-\d{4}-\d\d-\d\d\.csv$/);
    const rows = parseCsv((await (await download.createReadStream()).toArray()).join(''));
    for (const [kind, key] of [['counter', '2'], ['clerk', clerk.user]]) {
        const r = rows.find((x) => x.kind === kind && x.key === key);
        assert.ok(r, `${kind} ${key} has its row`);
        assert.deepEqual([r.called, r.served, r.paused_s, r.pauses], ['1', '1', '2', `${REASON}: 2`], `${kind} ${key}`);
        assert.ok(['1', '2'].includes(r.average_walk_s), `${kind} ${key} walk: ${r.average_walk_s}`);
        assert.ok(['2', '3'].includes(r.idle_waiting_s), `${kind} ${key} idle: ${r.idle_waiting_s}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
});
