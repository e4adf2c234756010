// The situation room's page (novbe-central, docs/CENTRAL.md#situation-room) in Chromium, over a
// real PostgreSQL fed by two real centres: every centre at a glance, a centre's call arriving
// live, a silent centre marked and sorted first, the words in the staff's language, nothing
// off-screen at a desk's 1366x768 and a wall's 1920x1080.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { browser, clerk, kioskToken, open, serverAndBrowser, servers, shoot } from './harness.mjs';

const central = process.env.NOVBE_CENTRAL_BINARY;
const kiosk = process.env.NOVBE_KIOSK_BINARY;
const counter = process.env.NOVBE_COUNTER_BINARY;
const pgBin = '/usr/lib/postgresql/15/bin/';
const root = process.getuid() === 0;
const SILENT_S = 6;

// A PostgreSQL 15 of the test's own, on a Unix socket in its folder (as tests/central/pg_cluster.cpp).
class Postgres {
    constructor() {
        this.folder = mkdtempSync(join(tmpdir(), 'novbe-e2e-pg-'));
        if (root) execFileSync('chown', ['postgres:', this.folder]);
        chmodSync(this.folder, 0o755);
        this.run(`${pgBin}initdb -D ${this.folder}/data -A trust -U novbe -E UTF8 --no-sync`);
        this.run(`${pgBin}pg_ctl -D ${this.folder}/data -l ${this.folder}/server.log -w -t 30 -o "-k ${this.folder} -p 5432 -c listen_addresses= -c fsync=off" start`);
    }
    run(command) {
        const argv = root ? ['runuser', '-u', 'postgres', '--', 'sh', '-c', command] : ['sh', '-c', command];
        const r = spawnSync(argv[0], argv.slice(1), { timeout: 60000, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`${command}: ${r.stdout}${r.stderr}`);
    }
    get connection() { return `host=${this.folder} port=5432 user=novbe dbname=postgres`; }
    stop() {
        try { this.run(`${pgBin}pg_ctl -D ${this.folder}/data -m fast -w -t 30 stop`); } finally { rmSync(this.folder, { recursive: true, force: true }); }
    }
}

class Room {
    constructor(connection) {
        this.folder = mkdtempSync(join(tmpdir(), 'novbe-e2e-central-'));
        this.config = join(this.folder, 'central.toml');
        const hash = execFileSync(central, ['hash-secret'], { input: 'nigar-secret-1\n', encoding: 'utf8' }).trim();
        writeFileSync(this.config, `[database]\nconnection = "${connection}"\n\n[situation]\nsilent_after_seconds = ${SILENT_S}\n\n`
            + `[[users]]\nname = "nigar"\nrole = "national"\nsecret = "${hash}"\n`);
        this.log = '';
    }
    start() {
        this.process = spawn(central, ['--config', this.config, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'ignore', 'pipe'] });
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`novbe-central did not listen:\n${this.log}`)), 10000);
            this.process.stderr.on('data', (chunk) => {
                this.log += chunk;
                const m = /listening on 127\.0\.0\.1:(\d+)/.exec(this.log);
                if (m && !this.port) { this.port = Number(m[1]); clearTimeout(timer); resolve(this); }
            });
        });
    }
    async stop() {
        if (this.process?.exitCode === null) await new Promise((resolve) => { this.process.on('exit', resolve); this.process.kill('SIGTERM'); });
        rmSync(this.folder, { recursive: true, force: true });
        for (const alarm of ['AddressSanitizer', 'runtime error:']) assert.ok(!this.log.includes(alarm), this.log);
    }
    get url() { return `http://127.0.0.1:${this.port}/`; }
}

function issueAt(server, service = 'passport') {
    execFileSync(kiosk, ['issue', '--service', service, '--lang', 'en', '--server', `127.0.0.1:${server.port}`, '--token', kioskToken], { timeout: 20000 });
}
function counterAt(server, ...action) {
    execFileSync(counter, ['--server', `127.0.0.1:${server.port}`, '--user', clerk.user, ...action],
        { env: { ...process.env, NOVBE_SECRET: clerk.secret }, timeout: 20000 });
}

let pg, room;
const errors = [];

// The cluster first, since the two centres forward to it, and the room once they run; both stop last.
serverAndBrowser({
    count: 2,
    first: () => { pg = new Postgres(); },
    edit: (config, i) => `${config}\n[central]\nconnection = "${pg.connection}"\ncentre_id = "baku-${i + 1}"\n`,
    ready: async () => { room = await new Room(pg.connection).start(); },
    last: async () => {
        await room?.stop();
        pg?.stop();
    },
});

// The row of a centre as a person reads it: its cells' texts.
// A table row's cells' texts, joined by tabs as its innerText would be.
async function cellsOf(row) {
    return (await row.locator('th, td').allTextContents()).map((t) => t.trim()).join('\t');
}

async function rowOf(page, centre) {
    return page.locator(`#centres tr[data-centre="${centre}"] td`).allInnerTexts();
}

// Every cell inside its panel too: a panel clips what overflows it, which the viewport check misses.
async function unclipped(page) {
    for (const [cells, panel] of [['#centres td, #glance th', '#glance'], ['#services td, #detail th, #counters td', '#detail']]) {
        const clipped = await page.evaluate(([c, p]) => {
            const box = document.querySelector(p).getBoundingClientRect();
            return [...document.querySelectorAll(c)].filter((e) => e.getBoundingClientRect().right > box.right + 0.5)
                .map((e) => e.textContent);
        }, [cells, panel]);
        assert.deepEqual(clipped, [], `cut off at the right of ${panel}`);
    }
}

async function inside(page, selector, size) {
    await unclipped(page);
    for (const box of await page.locator(selector).evaluateAll((es) => es.map((e) => e.getBoundingClientRect().toJSON()))) {
        assert.ok(box.x >= 0 && box.y >= 0 && box.right <= size.width + 0.5 && box.bottom <= size.height + 0.5,
            `${selector} is off-screen at ${size.width}x${size.height}: ${JSON.stringify(box)}`);
    }
}

test('every centre at a glance, a call arriving live, a silent centre marked first, at 1366x768 and 1920x1080', async () => {
    issueAt(servers[1]);                      // baku-2 forwards once, then stays quiet
    const quietSince = Date.now();
    issueAt(servers[0]);
    issueAt(servers[0], 'id_card');
    const size = { width: 1366, height: 768 };
    const context = await browser.newContext({ viewport: size });
    const page = await open(context, room.url, errors);
    await page.fill('#user', 'nigar');
    await page.fill('#secret', 'nigar-secret-1');
    await page.click('#sign-in-button');
    await page.waitForSelector('#centres tr[data-centre="baku-2"]');
    await page.waitForFunction(() => document.querySelector('#centres tr[data-centre="baku-1"] td:nth-child(2)')?.textContent === '2');
    assert.equal((await rowOf(page, 'baku-2'))[1], '1');
    assert.match(await page.locator('#scope').innerText(), /nigar: every centre/);
    // One centre in detail: its lines and counters.
    await page.click('#centres tr[data-centre="baku-1"]');
    await page.waitForSelector('#detail:not([hidden]) #services tr');
    assert.match(await page.locator('#detail-title').innerText(), /^baku-1 on \d{4}-\d\d-\d\d$/);
    // Cell by cell: a row's innerText has its tabs only once the browser has laid the row out.
    const passport = await cellsOf(page.locator('#services tr', { hasText: 'Passport' }).first());
    assert.match(passport, /^A Passport\t1 \(\d+ s\)\t1\t0\t0/);
    // Once baku-2 has been quiet long enough, a call at baku-1 arrives live.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, quietSince + SILENT_S * 1000 + 500 - Date.now())));
    counterAt(servers[0], 'open', '1');
    const called = Date.now();
    counterAt(servers[0], 'next', '1');
    await page.waitForFunction(() => document.querySelector('#centres tr[data-centre="baku-1"] td:nth-child(2)')?.textContent === '1', null, { timeout: 5000 });
    await page.waitForFunction(() => [...document.querySelectorAll('#counters tr')].some((tr) => /A001|B001/.test(tr.textContent)), null, { timeout: 5000 });
    console.log(`a call at baku-1 reached the page in ${Date.now() - called} ms (after the counter program returned)`);
    // The silent centre is marked and comes first; the busy one is not silent.
    await page.waitForSelector('#centres tr.silent[data-centre="baku-2"]', { timeout: 5000 });
    assert.equal(await page.locator('#centres tr').first().getAttribute('data-centre'), 'baku-2');
    assert.equal(await page.locator('#centres tr[data-centre="baku-2"] .badge').innerText(), 'silent');
    assert.equal(await page.locator('#centres tr.silent[data-centre="baku-1"]').count(), 0);
    const counters = await cellsOf(page.locator('#counters tr', { hasText: 'anna' }).first());
    assert.match(counters, /open\tanna\t(A|B)001/);
    await inside(page, '#glance, #detail, header, #centres td, #services td', size);
    for (const cellSize of await page.locator('#centres td').evaluateAll((es) => es.map((e) => parseFloat(getComputedStyle(e).fontSize)))) {
        assert.ok(cellSize >= 16, `a glance cell's text is ${cellSize}px`);
    }
    await shoot(page, 'situation-1366x768');
    // In Azerbaijani, the same page.
    await page.selectOption('#staff-language', 'az');
    assert.equal(await page.locator('h1').innerText(), 'Vəziyyət otağı');
    assert.equal(await page.locator('#centres tr[data-centre="baku-2"] .badge').innerText(), 'məlumat gəlmir');
    await inside(page, '#glance, #detail, header, #centres td, #services td, #services th', size);  // longer words, still inside
    await shoot(page, 'situation-1366x768-az');
    // A wall screen: bigger text, still all inside.
    const wall = { width: 1920, height: 1080 };
    await page.setViewportSize(wall);
    await page.selectOption('#staff-language', 'en');
    await inside(page, '#glance, #detail, header, #centres td, #services td, #services th', wall);
    // Read from the page as it stands: a live update may redraw the table between a locator's
    // find and its read, and a cell no longer on the page has no computed size.
    const wallSize = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#centres td')).fontSize));
    assert.ok(wallSize >= 24, `the wall's glance text is ${wallSize}px`);
    await shoot(page, 'situation-1920x1080');
    // Today's history as a file: the centres' rows as the central projection has them.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#history-download')]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(download.suggestedFilename(), /^novbe-history-service-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$/);
    assert.match(csv, /^centre,day,service,service_name,issued,served,no_shows,/);
    assert.match(csv, /\nbaku-1,\d{4}-\d\d-\d\d,passport,Passport,1,0,0,0,1,/);
    assert.match(csv, /\nbaku-2,\d{4}-\d\d-\d\d,passport,Passport,1,0,0,0,0,/);
    await context.close();
    assert.deepEqual(errors, []);
});

test('history over two days per agency: the chart of the range and the CSV of its rows, at 1366x768', async () => {
    issueAt(servers[1], 'notary');            // baku-2: justice's only ticket; the first test's are migration's
    const size = { width: 1366, height: 768 };
    const context = await browser.newContext({ viewport: size, acceptDownloads: true });
    const page = await open(context, room.url, errors);
    await page.fill('#user', 'nigar');
    await page.fill('#secret', 'nigar-secret-1');
    await page.click('#sign-in-button');
    await page.waitForSelector('#centres tr[data-centre="baku-2"]');
    await page.waitForFunction(() => document.querySelector('#centres tr[data-centre="baku-2"] td:nth-child(2)')?.textContent === '2');
    const day = await page.inputValue('#history-to');
    const before = new Date(Date.parse(day) - 86400000).toISOString().slice(0, 10);
    await page.fill('#history-from', before);
    await page.selectOption('#history-by', 'agency');
    await page.click('#history-show');
    await page.waitForSelector('#history-charts:not([hidden])');
    // Two days: nothing the day before, every centre's tickets today (3 of migration, 1 of justice),
    // one call of them, made within target.
    assert.equal(await page.getAttribute('#history-issued', 'data-values'), '0,4');
    assert.equal(await page.getAttribute('#history-within', 'data-values'), '0,100');
    assert.equal(await page.getAttribute('#history-issued', 'data-day-ticks'), `${before},${day}`);
    assert.match(await page.getAttribute('#history-within', 'aria-label'), /^Share of calls within target each day from /);
    assert.equal(await page.locator('#history-status').innerText(), `${before} to ${day}, per agency: 2 rows`);
    await page.locator('#history-within').scrollIntoViewIfNeeded();
    await inside(page, '#history-charts canvas, #history select, #history button', size);
    await shoot(page, 'situation-history-agency-1366x768');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#history-download')]);
    assert.equal(download.suggestedFilename(), `novbe-history-agency-${before}-${day}.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    const rows = csv.split('\n');
    assert.equal(rows[0], 'day,agency,agency_name,issued,served,no_shows,cancelled,called,average_wait_s,max_wait_s,within_target,ratings,average_rating');
    assert.equal(rows[1], `${day},justice,Ministry of Justice,1,0,0,0,0,0,0,0,0,`);
    assert.match(rows[2], new RegExp(`^${day},migration,State Migration Service,3,0,0,0,1,\\d+,\\d+,1,0,$`));
    assert.deepEqual(rows.slice(3), ['']);
    // In Russian, the same chart with its words.
    await page.selectOption('#staff-language', 'ru');
    assert.equal(await page.locator('#history-charts h3').nth(1).innerText(), 'Доля вызовов в пределах норматива по дням (%)');
    assert.equal(await page.locator('#history-by option:checked').innerText(), 'по ведомствам');
    await page.locator('#history-within').scrollIntoViewIfNeeded();  // the longer words take more lines above it
    await inside(page, '#history-charts canvas, #history select, #history button', size);
    await shoot(page, 'situation-history-agency-1366x768-ru');
    await context.close();
    assert.deepEqual(errors, []);
});

test('a wrong secret is refused in the form, in words', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await open(context, room.url, errors);
    await page.fill('#user', 'nigar');
    await page.fill('#secret', 'not-the-secret');
    await page.click('#sign-in-button');
    await page.waitForFunction(() => document.querySelector('#sign-in-error').textContent !== '');
    assert.equal(await page.locator('#sign-in-error').innerText(), 'Not signed in: this user is unknown or the secret is wrong.');
    assert.ok(await page.locator('#room').isHidden());
    await context.close();
    assert.deepEqual(errors, []);
});
