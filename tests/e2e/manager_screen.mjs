// What the manager's browser tests (manager.test.mjs) read off the dashboard at its real size,
// 1366x768: the sign-in form and banner as shown, boxes inside the screen, a downloaded CSV
// parsed as a spreadsheet would, a chart's scale checked as a reader would trust it.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { Server, open, readText } from './harness.mjs';

export const SCREEN = { width: 1366, height: 768 };

// A demo centre changed by `edit` (config text -> config text) before it starts.
export async function serverWith(edit) {
    const s = new Server();
    writeFileSync(s.config, edit(readText(s.config)));
    return s.start();
}

export async function dashboardPage(browser, url, errors, options = {}) {
    const context = await browser.newContext({ viewport: SCREEN, ...options });
    return { context, page: await open(context, `${url}/dashboard`, errors) };
}

export async function submit(page, who) {
    await page.fill('#user', who.user);
    await page.fill('#secret', who.secret);
    await page.click('#sign-in-button');
}

export async function signedIn(page) {
    await page.locator('#counters tr').first().waitFor();
}

// What a manager sees of the banner and the form: nothing off-screen, the words shown.
export async function visibleState(page) {
    return page.evaluate(() => ({
        banner: document.getElementById('offline').hidden ? null : document.getElementById('offline').textContent,
        error: document.getElementById('sign-in').hidden ? null : document.getElementById('sign-in-error').textContent,
        board: !document.getElementById('board').hidden,
    }));
}

// Scrolled to, `selector` lies wholly on the screen. Playwright's scroll stops at a control
// shown all but a fraction of a pixel, and the dashboard's lists grow above it as rows come (the
// day so far, then live): then it is brought to the screen's middle, as a person would scroll.
export async function scrolledInside(page, selector) {
    await page.locator(selector).scrollIntoViewIfNeeded();
    for (let attempt = 0; ; ++attempt) {
        try {
            return await insideViewport(page, selector);
        } catch (cut) {
            if (attempt === 3) throw cut;
            await page.locator(selector).evaluate((e) => e.scrollIntoView({ block: 'center' }));
            await page.waitForTimeout(100);
        }
    }
}

export async function insideViewport(page, selector) {
    const box = await page.locator(selector).boundingBox();
    assert.ok(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= SCREEN.width && box.y + box.height <= SCREEN.height,
        `${selector} is on the screen: ${JSON.stringify(box)}`);
}

// A CSV file as a spreadsheet reads it: quoted cells may hold commas, quotes and line breaks.
export function parseCsv(text) {
    const rows = [];
    let row = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
    }
    assert.equal(row.length + cell.length, 0, 'the file ends with a line break');
    const [header, ...body] = rows;
    return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
}

// A scale as a reader trusts it: from 0, even steps of 1, 2 or 5 times a power of ten, few enough to read.
export function assertEvenScale(ticks, holds, what) {
    const step = ticks[1] - ticks[0];
    assert.equal(ticks[0], 0, `${what} starts at 0`);
    assert.ok(ticks.every((v, i) => Math.abs(v - i * step) < 1e-9), `${what} steps evenly: ${ticks}`);
    const mantissa = step / 10 ** Math.floor(Math.log10(step));
    assert.ok([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9), `${what} steps by 1, 2 or 5 x 10^n: ${step}`);
    assert.ok(ticks.length >= 3 && ticks.length <= 7, `${what} has a readable number of ticks: ${ticks}`);
    assert.ok(ticks.at(-1) >= holds && ticks.at(-1) - step < holds, `${what} ends at the first tick above ${holds}: ${ticks}`);
}
