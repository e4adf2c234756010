// The hall board on the TVs it runs on: 1920x1080, 1366x768 and 1280x720, with the demo centre
// and with a crowded one (twelve services, several with long names in all five languages, and
// twenty counters open, paused and closed). In each of the five languages the board takes turns
// in, every visible element's box is inside the screen and inside its part of it (nothing
// clipped), no text is smaller than 1/22.5 of the screen's height (48 px at 1080), and every
// line and counter is shown on some turn (a list that does not fit pages, none is cut, and its
// heading says which page is shown).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crowded } from './board_crowd.mjs';
import { browser, clerk, kioskToken, manager, open, servers, serverAndBrowser, shoot } from './harness.mjs';

serverAndBrowser({ count: 2, edit: (text, i) => (i === 1 ? crowded(text) : text) });

const SIZES = [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }, { width: 1280, height: 720 }];

// Tickets in every line, some counters serving, some paused, the rest closed; `calls` calls.
function fill(page, { serving, paused, calls }) {
    return page.evaluate(async ({ kioskToken, clerk, serving, paused, calls }) => {
        const { Link } = await import('/js/link.js');
        const kiosk = await new Link({ role: 'ROLE_KIOSK', deviceToken: kioskToken }).start();
        const desk = await new Link({ role: 'ROLE_CLERK', user: clerk.user, secret: clerk.secret }).start();
        const centre = (await kiosk.request('getCentre', {})).centre;
        for (const s of centre.services) for (let i = 0; i < 6; ++i) await kiosk.request('issueTicket', { serviceId: s.id, language: 'en' });
        for (const counter of [...serving, ...paused]) await desk.request('openCounter', { counter });
        const busy = new Set();
        for (let i = 0; i < calls; ++i) {
            const counter = serving[i % serving.length];
            if (busy.has(counter)) {
                await desk.request('startServing', { counter });
                await desk.request('completeService', { counter, outcome: 'ok' });
            }
            await desk.request('callNext', { counter });
            busy.add(counter);
        }
        for (const counter of paused) await desk.request('pauseCounter', { counter, reason: 'break' });
        kiosk.close();
        desk.close();
        return centre.services.length;
    }, { kioskToken, clerk, serving, paused, calls });
}

// What the board shows now: each visible element's box and font size, the rows and counters
// not paged away, the lines paged away that would have fitted, and the language its labels are in.
const seen = (page) => page.evaluate(() => {
    const shown = (e) => !e.closest('[hidden]') && e.getBoundingClientRect().width > 0;
    const boxes = [...document.querySelectorAll('body *')].filter(shown).map((e) => {
        const box = e.getBoundingClientRect();
        const part = (e.closest('section') ?? document.body).getBoundingClientRect();  // sections clip what overflows
        const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
        return { what: `${e.tagName.toLowerCase()}#${e.id}.${e.className} "${e.textContent.trim().slice(0, 30)}"`, own,
            px: parseFloat(getComputedStyle(e).fontSize), box: [box.left, box.top, box.right, box.bottom].map(Math.round),
            clipped: box.top < part.top - 0.5 || box.bottom > part.bottom + 0.5 || box.left < part.left - 0.5 || box.right > part.right + 0.5 };
    });
    // A row paged away next to those shown that would fit once drawn: room the paging left empty.
    const rows = [...document.querySelectorAll('#line-table tr')];
    const bottom = document.getElementById('lines').getBoundingClientRect().bottom;
    const at = rows.map((r, i) => (r.hidden ? -1 : i)).filter((i) => i >= 0);
    const room = [];
    for (const i of [at[0] - 1, at.at(-1) + 1]) {
        if (!rows[i]) continue;
        rows[i].hidden = false;
        const drawn = Math.max(...rows.filter((r) => !r.hidden).map((r) => r.getBoundingClientRect().bottom));
        rows[i].hidden = true;
        if (drawn <= bottom + 0.5) room.push(rows[i].dataset.service);
    }
    const sign = (id) => { const e = document.getElementById(id); return e && shown(e) ? e.textContent : ''; };
    return { lang: document.documentElement.lang, boxes, room, signs: { lines: sign('lines-page'), serving: sign('serving-page') },
        lines: [...document.querySelectorAll('#line-table tr')].filter(shown).map((r) => r.dataset.service),
        counters: [...document.querySelectorAll('#counter-list li, #counters-off .counter')].filter(shown).map((e) => e.dataset.counter ?? e.textContent.trim()),
        scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight] };
});

function inside(view, size, name) {
    const least = size.height / 22.5;
    for (const b of view.boxes) {
        const [left, top, right, bottom] = b.box;
        assert.ok(left >= 0 && top >= 0 && right <= size.width && bottom <= size.height, `${name}: ${b.what} is off the screen: ${b.box}`);
        assert.ok(!b.clipped, `${name}: ${b.what} runs out of its part of the screen: ${b.box}`);
        if (b.own) assert.ok(b.px >= least - 0.5, `${name}: ${b.what} is ${b.px} px, under ${least.toFixed(1)}`);
    }
    assert.ok(view.scroll[0] <= size.width && view.scroll[1] <= size.height, `${name}: the page scrolls: ${view.scroll}`);
    assert.deepEqual(view.room, [], `${name}: a line paged away would fit in the room left under the lines`);
}

// A list that pages says so by its heading ("1/2"), and one shown whole says nothing.
function pageSigns(view, expect, name) {
    for (const [list, sign, all] of [['lines', view.signs.lines, expect.lines], ['counters', view.signs.serving, expect.counters]]) {
        const whole = view[list].length === all;
        if (whole) assert.equal(sign, '', `${name}: every one of the ${list} is shown, yet a page sign says ${sign}`);
        else assert.match(sign, /^[1-9]\d*\/[1-9]\d*$/, `${name}: ${view[list].length} of ${all} ${list} shown and no page sign`);
        if (!whole) {
            const [index, count] = sign.split('/').map(Number);
            assert.ok(index <= count && count >= 2, `${name}: the ${list}' page sign ${sign}`);
        }
    }
}

// Each size in turn, the board's five language turns at each: all inside, every line and counter shown.
async function everySize(server, name, expect) {
    for (const size of SIZES) {
        const errors = [];
        const context = await browser.newContext({ viewport: size });
        await context.clock.install();
        const board = await open(context, `${server.url}/board`, errors);
        await board.locator('#latest-number', { hasText: /\d/ }).waitFor();
        await board.locator('#line-table tr').first().waitFor();
        const lines = new Set();
        const counters = new Set();
        const languages = [];
        // Five turns, one per language; more (up to two rounds) only while some row is still to come.
        for (let turn = 0; turn < 10 && (turn < 5 || lines.size < expect.lines || counters.size < expect.counters); ++turn) {
            const view = await seen(board);
            languages.push(view.lang);
            inside(view, size, `${name} ${size.width}x${size.height} ${view.lang} turn ${turn}`);
            pageSigns(view, expect, `${name} ${size.width}x${size.height} ${view.lang} turn ${turn}`);
            view.lines.forEach((l) => lines.add(l));
            view.counters.forEach((c) => counters.add(String(c)));
            if (turn < 5) await shoot(board, `board-${name}-${size.width}x${size.height}-${view.lang}`);
            await board.clock.runFor(10000);  // the next language's turn
            await board.waitForFunction((was) => document.documentElement.lang !== was, view.lang);
        }
        assert.deepEqual(languages.slice(0, 5), ['az', 'en', 'ru', 'rw', 'fr'], 'each of the centre\'s languages had its turn');
        console.log(`${name} ${size.width}x${size.height}: every line and counter seen in ${languages.length} turns`);
        assert.equal(lines.size, expect.lines, `${name} ${size.width}x${size.height}: every line shown on some turn: ${[...lines]}`);
        assert.equal(counters.size, expect.counters, `${name} ${size.width}x${size.height}: every counter shown on some turn: ${[...counters]}`);
        assert.deepEqual(errors, []);
        await context.close();
    }
}

test('the demo centre\'s board fits 1920x1080, 1366x768 and 1280x720 in every language', { timeout: 180000 }, async () => {
    const context = await browser.newContext();
    const services = await fill(await open(context, `${servers[0].url}/board`, []), { serving: [1, 3, 4], paused: [6], calls: 7 });
    await context.close();
    await everySize(servers[0], 'demo', { lines: services, counters: 8 });
});

test('a crowded centre\'s board (long names, twenty counters) fits every size in every language, paging what does not', { timeout: 240000 }, async () => {
    const context = await browser.newContext();
    const services = await fill(await open(context, `${servers[1].url}/board`, []), { serving: [1, 2, 3, 5, 7, 9, 10, 11, 12, 14, 17, 20], paused: [4, 15, 18], calls: 20 });
    await context.close();
    assert.equal(services, 12);
    await everySize(servers[1], 'crowded', { lines: services, counters: 20 });
});

test('with a long hall message and then the offline banner, the crowded board still fits 1366x768 and 1280x720', { timeout: 120000 }, async () => {
    const crowd = servers[1];
    const text = 'Counters 4 to 8 close at 16:00 today for a system update; passports and identity cards are served at counters 1 to 3 until then.';
    const office = await browser.newContext();
    const desk = await open(office, `${crowd.url}/board`, []);
    await desk.evaluate(async ({ manager, text }) => {
        const { Link } = await import('/js/link.js');
        const m = await new Link({ role: 'ROLE_MANAGER', user: manager.user, secret: manager.secret }).start();
        await m.request('setHallMessage', { text });
        m.close();
    }, { manager, text });
    await office.close();
    const boards = [];
    for (const size of SIZES.slice(1)) {
        const context = await browser.newContext({ viewport: size });
        const board = await open(context, `${crowd.url}/board`, []);
        await board.locator('#hall-message', { hasText: text }).waitFor();
        await board.locator('#line-table tr').first().waitFor();
        inside(await seen(board), size, `message ${size.width}x${size.height}`);
        await shoot(board, `board-crowded-message-${size.width}x${size.height}`);
        boards.push({ board, size });
    }
    await crowd.kill();
    for (const { board, size } of boards) {
        await board.locator('#offline').waitFor({ state: 'visible', timeout: 10000 });
        // Paging follows the room the banner takes (a ResizeObserver); wait until nothing runs under it.
        const under = () => board.evaluate(() => {
            const top = document.getElementById('offline').getBoundingClientRect().top;
            return [...document.querySelectorAll('main *')].filter((e) => !e.closest('[hidden]') && e.getBoundingClientRect().bottom > top + 0.5)
                .map((e) => `${e.tagName}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().bottom)} > ${Math.round(top)}`);
        });
        for (let i = 0; i < 50 && (await under()).length; ++i) await board.waitForTimeout(100);
        assert.deepEqual(await under(), [], `offline ${size.width}x${size.height}: nothing under the banner`);
        inside(await seen(board), size, `offline ${size.width}x${size.height}`);
        assert.ok(await board.locator('#line-table tr:not([hidden])').count() >= 1, 'the lines still show, a page at a time');
        await shoot(board, `board-crowded-offline-${size.width}x${size.height}`);
    }
    await crowd.start();
    for (const { board } of boards) await board.locator('#offline').waitFor({ state: 'hidden', timeout: 15000 });
    for (const { board } of boards) await board.context().close();
});
