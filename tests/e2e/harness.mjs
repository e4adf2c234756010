// What the browser tests stand on: a real novbe-server in a temporary folder (the demo centre,
// a clerk and a manager) on 127.0.0.1, which can be killed and started again on the same
// port; Debian's Chromium driven by playwright-core; screenshots under the build folder.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before } from 'node:test';
import { chromium } from 'playwright-core';

const binary = process.env.NOVBE_SERVER_BINARY;
const demoConfig = process.env.NOVBE_DEMO_CONFIG;
export const screenshots = process.env.NOVBE_SCREENSHOTS ?? join(tmpdir(), 'novbe-e2e-screenshots');
export const clerk = { user: 'anna', secret: 'anna-secret-1' };
export const manager = { user: 'leyla', secret: 'leyla-secret-1' };
export const kioskToken = 'demo-kiosk-entrance-7f3a';
export const ratingToken = 'demo-rating-counter1-5d80';

// A centre's clock near midday whatever hour the tests run at, for tests that need hours left in
// the centre's day: a whole-hour zone (Etc/GMT names its sign reversed) and its offset from UTC.
export function middayZone(now = new Date()) {
    const hours = ((12 - now.getUTCHours() + 36) % 24) - 12;
    return { zone: hours === 0 ? 'Etc/GMT' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`, offsetMs: hours * 3600e3 };
}
export const inZone = (configText, zone) => configText.replace(/\ntime_zone = "[^"]*"/, `\ntime_zone = "${zone}"`);

export class Server {
    // zone: the centre's time zone instead of the demo's Asia/Baku (middayZone()).
    constructor({ zone } = {}) {
        if (!binary || !demoConfig) throw new Error('NOVBE_SERVER_BINARY and NOVBE_DEMO_CONFIG must be set (ctest sets them)');
        this.folder = mkdtempSync(join(tmpdir(), 'novbe-e2e-'));
        this.config = join(this.folder, 'centre.toml');
        copyFileSync(demoConfig, this.config);
        // Open all day, so that the pages' tests pass at any hour of the demo centre's day.
        writeFileSync(this.config, readFileSync(this.config, 'utf8')
            .replace(/\nopening = "[^"]*"/, '\nopening = "00:00"').replace(/\nclosing = "[^"]*"/, '\nclosing = "24:00"'));
        if (zone) writeFileSync(this.config, inZone(readFileSync(this.config, 'utf8'), zone));
        for (const [who, role] of [[clerk, 'clerk'], [manager, 'manager']]) {
            const r = spawnSync(binary, ['user', 'add', '--config', this.config, '--name', who.user, '--role', role], { input: `${who.secret}\n` });
            if (r.status !== 0) throw new Error(`user add failed: ${r.stderr}`);
        }
        this.log = '';
        this.port = 0;
    }

    // Starts on the port it had before (0 the first time) and resolves once it listens.
    start() {
        const listen = `127.0.0.1:${this.port}`;
        const from = this.log.length;  // a restart's own lines: the last run's "listening on" is no answer
        this.process = spawn(binary, ['run', '--config', this.config, '--listen', listen, '--data-dir', this.folder], { stdio: ['ignore', 'ignore', 'pipe'] });
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`novbe-server did not listen within 10 s:\n${this.log}`)), 10000);
            this.process.stderr.on('data', (chunk) => {
                this.log += chunk;
                const m = /listening on 127\.0\.0\.1:(\d+)/.exec(this.log.slice(from));
                if (m && !this.listening) {
                    this.listening = true;
                    this.port = Number(m[1]);
                    clearTimeout(timer);
                    resolve(this);
                }
            });
            this.process.on('exit', (code) => {
                if (!this.listening) reject(new Error(`novbe-server exited with ${code}:\n${this.log}`));
            });
        });
    }

    kill() {
        return new Promise((resolve) => {
            this.listening = false;
            this.process.on('exit', resolve);
            this.process.kill('SIGKILL');
        });
    }

    async stop() {
        if (this.process?.exitCode === null) {
            await new Promise((resolve) => { this.process.on('exit', resolve); this.process.kill('SIGTERM'); });
        }
        for (const alarm of ['AddressSanitizer', 'ThreadSanitizer', 'runtime error:'])
            if (this.log.includes(alarm)) throw new Error(`novbe-server reported a sanitizer error:\n${this.log}`);
        rmSync(this.folder, { recursive: true, force: true });
    }

    get url() { return `http://127.0.0.1:${this.port}`; }
}

export async function launch() {
    mkdirSync(screenshots, { recursive: true });
    return chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
    });
}

// A page that fails the test on any script error or failed request of its own.
export async function open(context, url, errors) {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error' && !/WebSocket|ERR_CONNECTION_REFUSED/.test(m.text())) errors.push(`${url}: ${m.text()}`); });
    await page.goto(url);
    return page;
}

export async function shoot(page, name) {
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

export function readText(path) { return readFileSync(path, 'utf8'); }

// The citizens' sentences in each of the five languages (web/i18n/LANG.json), as the pages load them.
export const words = Object.fromEntries(['az', 'en', 'ru', 'rw', 'fr'].map((code) =>
    [code, JSON.parse(readFileSync(new URL(`../../web/i18n/${code}.json`, import.meta.url), 'utf8'))]));

// A file's demo server(s) and Chromium, set by serverAndBrowser's hooks. Imports of them are live
// bindings, so a test reads the ones started for its file.
export let server;
export let servers = [];
export let browser;

// A user of `role` with `who`'s name and secret in the configuration at `config` (user add).
export function addUser(config, who, role) {
    const r = spawnSync(binary, ['user', 'add', '--config', config, '--name', who.user, '--role', role], { input: `${who.secret}\n` });
    if (r.status !== 0) throw new Error(`user add ${who.user}: ${r.stderr}`);
}

// The set-up every browser test file shares: `count` demo servers (each config changed by
// `edit(text, i)` first, with the `admins` added) and one Chromium, started before the file's
// first test; after its last, the browser closed and each server stopped (which fails on a
// sanitizer's report). A file's own steps go in the same hooks, since node runs a file's
// top-level async hooks side by side: `first()` before the servers are made, `ready()` once all
// is up, `last()` after the teardown. `freshContexts`: each test's browser contexts are closed
// after it, since their idle keep-alive connections count among the address's connections
// before a Hello ([server] max_unauthenticated_per_address, 64), and a page opened once they
// are used up cannot load its modules.
export function serverAndBrowser({ count = 1, edit, admins = [], freshContexts = false, first, ready, last } = {}) {
    before(async () => {
        await first?.();
        servers = Array.from({ length: count }, () => new Server());
        if (edit) servers.forEach((s, i) => writeFileSync(s.config, edit(readText(s.config), i)));
        for (const s of servers) for (const who of admins) addUser(s.config, who, 'admin');
        for (const s of servers) await s.start();
        server = servers[0];
        browser = await launch();
        await ready?.();
    });
    if (freshContexts) afterEach(async () => {
        for (const context of browser.contexts()) await context.close();
    });
    after(async () => {
        try {
            await browser?.close();
            for (const s of servers) await s.stop();
        } finally {
            await last?.();
        }
    });
}
