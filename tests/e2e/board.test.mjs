// The hall board at its real size, 1920x1080, read as a citizen in the hall would from 10 m: a
// freshly opened board shows every recent call once, those that are over marked "done"; which
// ticket each counter is serving and which counters are closed; a zone of counters lists only
// their services, and an unknown zone says so in the centre's languages; no text under 48 px,
// and the offline banner covers nothing. Screenshots of each state.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, clerk, kioskToken, manager, open, server, serverAndBrowser, shoot, words } from './harness.mjs';

serverAndBrowser();

const hall = () => browser.newContext({ viewport: { width: 1920, height: 1080 } });

// Runs `steps` (a function of { kiosk, desk, manager } Links) inside a page of the server.
function script(page, steps, args = {}) {
    return page.evaluate(async ({ source, kioskToken, clerk, args }) => {
        const { Link } = await import('/js/link.js');
        const kiosk = await new Link({ role: 'ROLE_KIOSK', deviceToken: kioskToken }).start();
        const desk = await new Link({ role: 'ROLE_CLERK', user: clerk.user, secret: clerk.secret }).start();
        const issue = async (serviceId) => (await kiosk.request('issueTicket', { serviceId, language: 'en' })).issuedTicket.number;
        const open = async (counter) => {
            if ((await desk.request('getCounter', { counter })).counter.status === 'COUNTER_STATUS_CLOSED') await desk.request('openCounter', { counter });
        };
        // eslint-disable-next-line no-new-func
        return new Function('h', `return (${source})(h);`)({ kiosk, desk, issue, open, args });
    }, { source: steps.toString(), kioskToken, clerk, args });
}

const texts = (page, selector) => page.locator(selector).evaluateAll((all) => all.filter((e) => !e.hidden).map((e) => e.textContent.trim()));
// The texts and the language the board shows them in at that moment (its labels take turns).
const textsIn = (page, selector) => page.evaluate((selector) => ({ lang: document.documentElement.lang,
    texts: [...document.querySelectorAll(selector)].filter((e) => !e.hidden).map((e) => e.textContent.trim()) }), selector);

test('a freshly opened board shows each recent call once, the ended ones marked done, and who each counter serves', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await hall();
    const setup = await open(context, `${server.url}/board`, errors);
    const numbers = await script(setup, async ({ desk, issue, open }) => {
        await open(1);
        const numbers = [];
        for (let i = 0; i < 6; ++i) numbers.push(await issue('passport'));
        for (let i = 0; i < 5; ++i) {
            await desk.request('callNext', { counter: 1 });
            await desk.request('startServing', { counter: 1 });
            await desk.request('completeService', { counter: 1, outcome: 'ok' });
        }
        await desk.request('callNext', { counter: 1 });
        await desk.request('recallTicket', { counter: 1 });
        await desk.request('recallTicket', { counter: 1 });
        return numbers;
    });
    const board = await open(context, `${server.url}/board`, errors);
    await board.locator('#latest-number', { hasText: numbers[5] }).waitFor();
    await shoot(board, 'board-fresh-after-recalls');
    assert.deepEqual(await texts(board, '#call-list li .number'), numbers.slice(0, 5).reverse(),
        'every earlier call once, newest first: the recalled one is not repeated and none is left out');
    const over = await textsIn(board, '#call-list li .to');
    assert.deepEqual(over.texts, Array(5).fill(words[over.lang].callOver), `each marked "${words[over.lang].callOver}" (${over.lang})`);
    const look = await board.locator('#call-list li').first().evaluate((li) => ({
        line: getComputedStyle(li.querySelector('.number')).textDecorationLine, opacity: Number(getComputedStyle(li).opacity) }));
    assert.equal(look.line, 'line-through', 'a served call is struck through');
    assert.ok(look.opacity <= 0.6, `and dimmed (opacity ${look.opacity})`);
    assert.equal(await board.locator('#counter-list li[data-counter="1"] .number').textContent(), numbers[5]);
    const closed = await textsIn(board, '#counters-off p.closed');
    assert.deepEqual(closed.texts, [`${words[closed.lang].counterClosed}: 2 3 4 5 6 7 8`], 'the closed counters are named as closed');
    assert.ok(Number(await board.locator('#counters-off p.closed').evaluate((p) => getComputedStyle(p).opacity)) <= 0.6, 'and dimmed');
    await shoot(board, 'board-fresh-after-recalls');

    // Live: the no-show is marked at once, counter 1 is free, and a counter that opens shows.
    await script(setup, async ({ desk, open }) => { await desk.request('markNoShow', { counter: 1 }); await open(2); });
    await board.locator('#latest.ended').waitFor({ timeout: 3000 });
    const latestLabel = await textsIn(board, '#latest-ticket-label');
    assert.match(latestLabel.texts[0], new RegExp(`· ${words[latestLabel.lang].callOver}$`), 'the latest call, over, says so too');
    assert.equal(await board.locator('#latest-number').evaluate((e) => getComputedStyle(e).textDecorationLine), 'line-through');
    await board.locator('#counter-list li[data-counter="2"]').waitFor({ timeout: 3000 });
    assert.equal(await board.locator('#counter-list li[data-counter="1"] .number').textContent(), '—');
    await shoot(board, 'board-no-show');
    await script(setup, async ({ desk }) => { await desk.request('closeCounter', { counter: 1 }); await desk.request('closeCounter', { counter: 2 }); });
    assert.deepEqual(errors, []);
    await context.close();
});

test('a zone of counters lists only their services and counters; an unknown zone says what is unknown', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await hall();
    const board = await open(context, `${server.url}/board?counters=5`, errors);
    await board.locator('#line-table tr').first().waitFor();
    assert.deepEqual(await board.locator('#line-table tr').evaluateAll((rows) => rows.map((r) => r.dataset.service)), ['civil_registry', 'notary']);
    assert.deepEqual(await texts(board, '#counter-list li .counter'), [], 'counter 5 is closed');
    assert.equal(await board.locator('#counters-off p.closed').getAttribute('data-counters'), '5', 'and only counter 5 is listed');
    await shoot(board, 'board-zone-counter-5');

    const wrong = await open(context, `${server.url}/board?services=passport,pasport`, errors);
    await wrong.locator('#refusal p').first().waitFor();
    const said = await texts(wrong, '#refusal p');
    assert.equal(said.length, 5, 'in each of the centre\'s five languages');
    for (const sentence of said) assert.match(sentence, /"pasport"/);
    assert.match(said[1], /^This screen is set up for "pasport", which this centre does not have/);
    assert.equal(await wrong.locator('#board').isHidden(), true, 'no empty board beside it');
    await shoot(wrong, 'board-unknown-service');
    const counter = await open(context, `${server.url}/board?counters=99`, errors);
    await counter.locator('#refusal p', { hasText: 'Counter 99' }).waitFor();
    assert.match((await texts(counter, '#refusal p'))[3], /Idirishya 99/, 'the counter named in Kinyarwanda too');
    assert.deepEqual(errors, []);
    await context.close();
});

// Every element that shows text of its own, with its font size and box.
const shownTexts = (page) => page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => {
    const own = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    const box = e.getBoundingClientRect();
    return own && box.width > 0 && box.height > 0 && !e.closest('[hidden]');
}).map((e) => {
    const box = e.getBoundingClientRect();
    const section = (e.closest('section') ?? document.body).getBoundingClientRect();  // sections clip what overflows
    return { text: e.textContent.trim().slice(0, 30), id: e.id, px: parseFloat(getComputedStyle(e).fontSize),
        top: box.top, bottom: box.bottom, left: box.left, right: box.right,
        section: [section.top, section.bottom, section.left, section.right],
        clipped: box.top < section.top - 0.5 || box.bottom > section.bottom + 0.5 || box.left < section.left - 0.5 || box.right > section.right + 0.5 };
}));

test('every text is at least 48 px, inside the screen, and the offline banner covers none of it', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await hall();
    const board = await open(context, `${server.url}/board`, errors);
    await script(board, async ({ desk, issue, open }) => {
        await open(3);
        for (const s of ['passport', 'id_card', 'civil_registry', 'notary', 'property', 'utilities', 'driving_licence']) await issue(s);
        await desk.request('callNext', { counter: 3 });
    });
    await board.locator('#latest-number', { hasText: /\d/ }).waitFor();
    await board.locator('#line-table tr td.count', { hasText: '1' }).first().waitFor();
    for (const t of await shownTexts(board)) {
        assert.ok(t.px >= 48, `"${t.text}" is ${t.px} px`);
        assert.ok(t.top >= 0 && t.left >= 0 && t.bottom <= 1080 && t.right <= 1920, `"${t.text}" is off the screen: ${JSON.stringify(t)}`);
        assert.ok(!t.clipped, `"${t.text}" runs out of its part of the screen: ${JSON.stringify(t)}`);
    }
    await shoot(board, 'board-sizes');

    await server.kill();
    await board.locator('#offline').waitFor({ state: 'visible', timeout: 5000 });
    await board.waitForTimeout(300);
    const shown = await shownTexts(board);
    const banner = (await board.locator('#offline').boundingBox());
    for (const t of shown.filter((x) => x.id !== 'offline')) {
        assert.ok(!t.clipped, `"${t.text}" runs out of its part of the screen: ${JSON.stringify(t)}`);
        assert.ok(t.bottom <= banner.y, `"${t.text}" (bottom ${t.bottom}) is under the offline banner (top ${banner.y})`);
    }
    const rows = await board.locator('#line-table tr').evaluateAll((all) => all.filter((r) => !r.hidden).length);
    assert.ok(rows >= 1, 'the table still shows rows (a page at a time)');
    await shoot(board, 'board-offline-sizes');
    await server.start();
    await board.locator('#offline').waitFor({ state: 'hidden', timeout: 10000 });
    assert.deepEqual(errors, []);
    await context.close();
});

test('the hall message set on the dashboard shows on the board as a line, and goes when cleared', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await hall();
    const board = await open(context, `${server.url}/board`, errors);
    await board.locator('#line-table tr').first().waitFor();
    assert.equal(await board.locator('#hall-message').isHidden(), true, 'no message, no line');
    const office = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const dashboard = await open(office, `${server.url}/dashboard`, errors);
    await dashboard.fill('#user', manager.user);
    await dashboard.fill('#secret', manager.secret);
    await dashboard.click('#sign-in-button');
    await dashboard.locator('#hall-message-status').waitFor();
    const text = 'Counter 4 closes at 16:00 today';
    await dashboard.fill('#hall-message-text', text);
    await dashboard.click('#hall-message-set');
    await board.locator('#hall-message', { hasText: text }).waitFor({ timeout: 3000 });
    await dashboard.locator('#hall-message-status', { hasText: text }).waitFor({ timeout: 3000 });
    await shoot(dashboard, 'dashboard-hall-message');
    const line = await board.locator('#hall-message').evaluate((e) => ({ px: parseFloat(getComputedStyle(e).fontSize), box: e.getBoundingClientRect().toJSON() }));
    assert.ok(line.px >= 48, `the message is ${line.px} px`);
    assert.ok(line.box.right <= 1920 && line.box.bottom <= 1080);
    for (const t of await shownTexts(board)) {
        assert.ok(t.px >= 48, `"${t.text}" is ${t.px} px`);
        assert.ok(!t.clipped, `"${t.text}" runs out of its part of the screen with the message shown: ${JSON.stringify(t)}`);
    }
    await shoot(board, 'board-hall-message');

    const fresh = await open(context, `${server.url}/board`, errors);
    await fresh.locator('#hall-message', { hasText: text }).waitFor({ timeout: 3000 });  // in the snapshot too
    await dashboard.click('#hall-message-clear');
    await board.locator('#hall-message').waitFor({ state: 'hidden', timeout: 3000 });
    await fresh.locator('#hall-message').waitFor({ state: 'hidden', timeout: 3000 });
    assert.deepEqual(errors, []);
    await office.close();
    await context.close();
});

test('a language the browser has no voice for (Kinyarwanda) is said by the server\'s speech; the dashboard says so', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await hall();
    // Voices for every language but Kinyarwanda, as on a stock Chromium with the usual voices.
    await context.addInitScript(() => {
        window.spoken = [];
        window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
        Object.defineProperty(window, 'speechSynthesis', { value: {
            getVoices: () => [{ lang: 'az-AZ' }, { lang: 'en-GB' }, { lang: 'ru-RU' }, { lang: 'fr-FR' }],
            speak: (u) => window.spoken.push(u.lang),
            speaking: false,
            addEventListener: () => {},
        } });
    });
    const speech = [];
    const board = await open(context, `${server.url}/board`, errors);
    board.on('response', (r) => { if (r.url().includes('/speech?')) speech.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] }); });
    await board.locator('#line-table tr').first().waitFor();
    const number = await script(board, async ({ desk, issue, open }) => {
        await open(6);
        await issue('property');
        return (await desk.request('callNext', { counter: 6 })).counter.current.number;
    });
    await board.locator('#latest-number', { hasText: number }).waitFor({ timeout: 3000 });
    await board.waitForFunction(() => window.spoken.length === 4, null, { timeout: 3000 });
    for (let i = 0; i < 50 && !speech.length; ++i) await board.waitForTimeout(100);
    assert.deepEqual(await board.evaluate(() => window.spoken), ['az-AZ', 'en-GB', 'ru-RU', 'fr-FR'], 'four languages by the browser');
    assert.equal(speech.length, 1, `one clip from the server: ${JSON.stringify(speech)}`);
    assert.equal(new URL(speech[0].url).search, `?lang=rw&ticket=${number}&counter=6`);
    assert.equal(speech[0].status, 200);
    assert.equal(speech[0].type, 'audio/wav');

    const office = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await office.addInitScript(() => {
        localStorage.setItem('novbe.staffLanguage', 'en');  // the manager picked English (the centre's first is az)
        Object.defineProperty(window, 'speechSynthesis', { value: { getVoices: () => [{ lang: 'en-GB' }], addEventListener: () => {} } });
    });
    const dashboard = await open(office, `${server.url}/dashboard`, errors);
    await dashboard.fill('#user', manager.user);
    await dashboard.fill('#secret', manager.secret);
    await dashboard.click('#sign-in-button');
    await dashboard.locator('#speech-languages li').first().waitFor();
    const how = await dashboard.locator('#speech-languages li').evaluateAll((all) => Object.fromEntries(all.map((li) => [li.dataset.language, li.dataset.how])));
    assert.deepEqual(how, { az: 'server', en: 'browser', ru: 'server', rw: 'server', fr: 'server' });
    assert.match(await dashboard.locator('#speech-languages li[data-language="rw"]').textContent(), /Ikinyarwanda: the server's speech/);
    await shoot(dashboard, 'dashboard-speech');
    await script(board, async ({ desk }) => { await desk.request('markNoShow', { counter: 6 }); await desk.request('closeCounter', { counter: 6 }); });
    assert.deepEqual(errors, []);
    await office.close();
    await context.close();
});
