// The dashboard's history and forwarding line as a manager uses them, at the dashboard's
// 1366x768: a range of past days (rows the log keeps in service_days and staff_days, written here
// as the server's writer would) shows the range's figures, a bar per day, the counters' and
// clerks' walk, idle and pause times over the range, and CSVs whose rows add up; a range too
// long is refused in words; the words follow the staff's language; a centre without [central]
// says so at the top.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { browser, manager, server, serverAndBrowser, shoot } from './harness.mjs';
import { SCREEN, dashboardPage, parseCsv, serverWith, signedIn, submit } from './manager_screen.mjs';

const DAY = 86400000;
const localToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Baku', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const dateOf = (dayNumber) => new Date(dayNumber * DAY).toISOString().slice(0, 10);
const today = Math.round(Date.parse(localToday()) / DAY);

// Five past days: passport 10 + d tickets (d = 1..5 days ago), notary 3 on the odd days.
function pastDays() {
    const rows = [];
    for (let d = 1; d <= 5; d++) {
        const issued = 10 + d;
        rows.push({ day: today - d, service: 'passport', issued, called: issued - 1, served: issued - 2, noShows: 1, waitSum: (issued - 1) * 300000, waitMax: 600000 + d * 60000, within: issued - 3 });
        if (d % 2) rows.push({ day: today - d, service: 'notary', issued: 3, called: 3, served: 3, noShows: 0, waitSum: 3 * 120000, waitMax: 180000, within: 3 });
    }
    return rows;
}

// Counter 3 worked by leyla on the last three past days: 4 walks of 30 s, 2 min idle and a lunch
// of 30 min each day, and a prayer of 5 min on the day before yesterday.
function staffDays() {
    const rows = [];
    for (let d = 1; d <= 3; d++)
        for (const [kind, who] of [[0, '3'], [1, 'leyla']])
            rows.push(`(${today - d}, ${kind}, '${who}', 0, 0, 4, 4, 0, 0, 0, 0, 4, 1200000, 400000, 960000, 0, 0, 0, 0, 0, 0, 0, 0, `
                + `4, 120000, 120000)`);
    const pauses = [];
    for (let d = 1; d <= 3; d++) for (const [kind, who] of [[0, '3'], [1, 'leyla']]) {
        pauses.push(`(${today - d}, ${kind}, '${who}', 'lunch', 1800000)`);
        if (d === 2) pauses.push(`(${today - d}, ${kind}, '${who}', 'prayer', 300000)`);
    }
    return `INSERT INTO staff_days VALUES ${rows.join(', ')}; INSERT INTO staff_pauses VALUES ${pauses.join(', ')};`;
}

serverAndBrowser({ ready: () => {
    const values = pastDays().map((r) => `(${r.day}, '${r.service}', ${r.issued}, 0, ${r.called}, ${r.served}, ${r.noShows}, 0, 0, 0, ${r.within}, `
        + `${r.waitSum}, ${r.waitMax}, ${r.served * 240000}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`);  // walks, walk_sum_ms: schema 4
    execFileSync('sqlite3', [join(server.folder, 'centre.db'), `PRAGMA busy_timeout = 5000; INSERT INTO service_days VALUES ${values.join(', ')}; ${staffDays()}`]);
} });

async function signedInDashboard(errors, options = {}) {
    const { context, page } = await dashboardPage(browser, server.url, errors, options);
    await submit(page, manager);
    await signedIn(page);
    await page.selectOption('#staff-language', 'en');  // the centre's first language is az
    await page.locator('#history-form').waitFor();
    return { context, page };
}

async function onScreen(page, selector) {
    await page.locator(selector).scrollIntoViewIfNeeded();
    const box = await page.locator(selector).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= SCREEN.width && box.width > 0, `${selector} fits the screen's width: ${JSON.stringify(box)}`);
    return box;
}

test('a range of past days shows their figures, a bar per day and a CSV that adds up', { timeout: 90000 }, async () => {
    const errors = [];
    const { context, page } = await signedInDashboard(errors, { acceptDownloads: true });
    const from = dateOf(today - 6);
    const to = dateOf(today - 1);
    await page.fill('#history-from', from);
    await page.fill('#history-to', to);
    await page.click('#history-show');
    await page.locator('#history-status', { hasText: `${from} to ${to}: 6 days` }).waitFor({ timeout: 10000 });
    const rows = pastDays();
    const sum = (service, field) => rows.filter((r) => r.service === service).reduce((n, r) => n + r[field], 0);
    const cell = (service, field) => page.locator(`#history-by-service tr[data-key="${service}"] td[data-field="${field}"]`).textContent();
    assert.equal(await cell('passport', 'served'), String(sum('passport', 'served')));
    assert.equal(await cell('notary', 'served'), '9');
    const passportAverage = Math.round(sum('passport', 'waitSum') / sum('passport', 'called') / 1000);
    assert.equal(await cell('passport', 'averageWaitS'), `${Math.floor(passportAverage / 60)}:${String(passportAverage % 60).padStart(2, '0')}`);
    assert.equal(await cell('passport', 'maxWaitS'), '15:00', 'the longest wait is the longest of the days, not a sum');
    const issuedCard = await page.locator('#history-totals [data-field="issued"] b').textContent();
    assert.equal(issuedCard, String(sum('passport', 'issued') + 9));
    const bars = (await page.locator('#history-issued').getAttribute('data-values')).split(',').map(Number);
    assert.deepEqual(bars, [0, 15 + 3, 14, 13 + 3, 12, 11 + 3], 'oldest first; the day with no rows is an empty bar');
    await onScreen(page, '#history-issued');
    await onScreen(page, '#history-wait');
    await onScreen(page, '#history-by-service');
    await page.locator('#history').scrollIntoViewIfNeeded();
    await shoot(page, 'history-range');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#history-csv')]);
    assert.equal(download.suggestedFilename(), `history-${from}-${to}.csv`);
    const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
    const daily = csv.filter((r) => !r.day.includes('..'));
    const totals = csv.filter((r) => r.day === `${from}..${to}`);
    assert.equal(daily.length, rows.length);
    for (const service of ['passport', 'notary']) {
        const total = totals.find((r) => r.service_id === service);
        const served = daily.filter((r) => r.service_id === service).reduce((n, r) => n + Number(r.served), 0);
        assert.equal(Number(total.served), served, `${service}: the range's row is the sum of its days'`);
        assert.equal(Number(total.issued), sum(service, 'issued'));
    }
    assert.equal(totals.find((r) => r.service_id === 'passport').service_name, 'Passport');

    // The counters and clerks over the range: three days of leyla at counter 3.
    const time = (table, key, field) => page.locator(`#${table} tr[data-key="${key}"] td[data-field="${field}"]`).textContent();
    for (const [table, key] of [['history-time-by-counter', '3'], ['history-time-by-clerk', 'leyla']]) {
        assert.equal(await time(table, key, 'averageWalkS'), '0:30', `${key}: the walk averaged over the range's walks`);
        assert.equal(await time(table, key, 'idleWaitingS'), '6:00', `${key}: idle time summed over the days`);
        assert.equal(await time(table, key, 'pausedS'), '1:35:00');
        assert.equal(await time(table, key, 'pauses'), 'lunch 1:30:00 · prayer 5:00');
    }
    assert.equal(await page.locator('#history-time-by-counter tr[data-key="3"] td').first().textContent(), 'Counter 3');
    await onScreen(page, '#history-time-by-clerk');
    await page.locator('#history-time-by-counter').scrollIntoViewIfNeeded();
    await shoot(page, 'history-clerks');
    const [staffDownload] = await Promise.all([page.waitForEvent('download'), page.click('#history-staff-csv')]);
    assert.equal(staffDownload.suggestedFilename(), `counters-clerks-${from}-${to}.csv`);
    const staffRows = parseCsv(readFileSync(await staffDownload.path(), 'utf8'));
    assert.deepEqual(staffRows.map((r) => [r.kind, r.key, r.called, r.average_walk_s, r.idle_waiting_s, r.paused_s, r.pauses]), [
        ['counter', '3', '12', '30', '360', '5700', 'lunch: 5400; prayer: 300'],
        ['clerk', 'leyla', '12', '30', '360', '5700', 'lunch: 5400; prayer: 300'],
    ]);
    assert.deepEqual(errors, []);
    await context.close();
});

test('a range over a year (366 days) is refused in words, in the staff language; no central database is said at the top', { timeout: 60000 }, async () => {
    const errors = [];
    const { context, page } = await signedInDashboard(errors);
    await page.locator('#forwarding', { hasText: 'Central database: not configured' }).waitFor({ timeout: 10000 });
    const top = await page.locator('#forwarding').boundingBox();
    assert.ok(top.y + top.height <= SCREEN.height && top.x + top.width <= SCREEN.width, 'the forwarding line is on the first screen');
    await page.fill('#history-from', dateOf(today - 400));
    await page.fill('#history-to', dateOf(today));
    await page.click('#history-show');
    await page.locator('#history-status', { hasText: 'A range has at most 366 days.' }).waitFor({ timeout: 5000 });
    await page.selectOption('#staff-language', 'az');
    await page.locator('#history h2', { hasText: 'Tarixçə' }).waitFor({ timeout: 5000 });
    await page.locator('#forwarding', { hasText: 'Mərkəzi verilənlər bazası: qoşulmayıb' }).waitFor({ timeout: 5000 });
    await page.fill('#history-from', dateOf(today - 2));
    await page.click('#history-show');
    await page.locator('#history-status', { hasText: '3 gün' }).waitFor({ timeout: 10000 });
    await page.locator('#history').scrollIntoViewIfNeeded();
    await shoot(page, 'history-az');
    assert.deepEqual(errors, []);
    await context.close();
});

test('a whole year, the longest range, is a bar per day within the screen, its dates spaced', { timeout: 60000 }, async () => {
    const errors = [];
    const { context, page } = await signedInDashboard(errors);
    await page.fill('#history-from', dateOf(today - 365));
    await page.fill('#history-to', dateOf(today));
    await page.click('#history-show');
    await page.locator('#history-status', { hasText: `${dateOf(today - 365)} to ${dateOf(today)}: 366 days` }).waitFor({ timeout: 10000 });
    const bars = (await page.locator('#history-issued').getAttribute('data-values')).split(',').map(Number);
    assert.equal(bars.length, 366);
    assert.deepEqual(bars.slice(-6, -1), [15 + 3, 14, 13 + 3, 12, 11 + 3], 'the past days at the end, oldest first');
    const labels = (await page.locator('#history-issued').getAttribute('data-day-ticks')).split(',');
    assert.ok(labels.length >= 4 && labels.length <= 40, `a readable number of dates: ${labels.length}`);
    assert.equal(labels[0], dateOf(today - 365));
    assert.equal(labels[labels.length - 1], dateOf(today));
    await onScreen(page, '#history-issued');
    await page.locator('#history-issued').scrollIntoViewIfNeeded();
    await shoot(page, 'history-year');
    assert.deepEqual(errors, []);
    await context.close();
});

test('a central database that cannot be reached is said in red at the top, since when and how far behind, live', { timeout: 60000 }, async () => {
    // Nothing listens on port 1: every attempt fails at once, as a cut WAN line would.
    const cut = await serverWith((text) => `${text}\n[central]\nconnection = "host=127.0.0.1 port=1 dbname=novbe connect_timeout=2"\ncentre_id = "baku-1"\n`);
    const errors = [];
    try {
        const { context, page } = await dashboardPage(browser, cut.url, errors);
        await submit(page, manager);
        await signedIn(page);
        await page.selectOption('#staff-language', 'en');
        const line = page.locator('#forwarding[data-state="unreachable"]');
        await line.waitFor({ timeout: 15000 });
        const text = await line.textContent();
        assert.match(text, /^Central database unreachable since \d\d:\d\d: \d+ events behind \(\d+:\d\d\)$/);
        assert.ok(Number(await line.getAttribute('data-events')) > 0, 'the set-up events at least wait to be sent');
        const colour = await line.evaluate((e) => getComputedStyle(e).color);
        assert.equal(colour, 'rgb(179, 38, 30)', 'in the warning red');
        const box = await line.boundingBox();
        assert.ok(box.y + box.height <= SCREEN.height && box.x + box.width <= SCREEN.width, 'on the first screen');
        await page.screenshot({ path: `${process.env.NOVBE_SCREENSHOTS ?? '/tmp'}/history-forwarding-unreachable.png` });
        await page.selectOption('#staff-language', 'ru');
        await page.locator('#forwarding', { hasText: 'Центральная база данных недоступна с' }).waitFor({ timeout: 5000 });
        assert.deepEqual(errors, []);
        await context.close();
    } finally {
        await cut.stop();
    }
});
