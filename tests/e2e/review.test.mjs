// What an outside review of the pages found (issue 12), each kept fixed by a test that looks as the
// person would, at the device's real size: the hall board's lines in every language of the centre,
// the counter page's sign-in (refused, or with the server away) and the clerk's outcome, and the
// phone page of an unknown ticket.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, clerk, kioskToken, manager, open, readText, Server, server, serverAndBrowser, shoot } from './harness.mjs';

serverAndBrowser();

// Runs `steps` (a function of { kiosk, desk }, two Links of the server's own js/link.js) in `page`.
function script(page, steps) {
    return page.evaluate(async ({ source, kioskToken, clerk }) => {
        const { Link } = await import('/js/link.js');
        const kiosk = await new Link({ role: 'ROLE_KIOSK', deviceToken: kioskToken }).start();
        const desk = await new Link({ role: 'ROLE_CLERK', user: clerk.user, secret: clerk.secret }).start();
        // eslint-disable-next-line no-new-func
        const result = await new Function('h', `return (${source})(h);`)({ kiosk, desk });
        kiosk.close();
        desk.close();
        return result;
    }, { source: steps.toString(), kioskToken, clerk });
}

// Every piece of text shown that runs past the screen or out of its section (the board's sections
// clip what overflows), measured on the text itself, not on its box.
const textOutside = (page) => page.evaluate(() => {
    const out = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        if (!n.textContent.trim() || n.parentElement.closest('[hidden]')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        const section = (n.parentElement.closest('section') ?? document.body).getBoundingClientRect();
        const [left, right] = [Math.max(0, section.left), Math.min(innerWidth, section.right)];
        const [top, bottom] = [Math.max(0, section.top), Math.min(innerHeight, section.bottom)];
        for (const b of range.getClientRects()) {
            // Glyphs may rise a few pixels above a tight line box; sideways, nothing may run out.
            if (b.left < left - 1 || b.right > right + 1 || b.top < top - 4 || b.bottom > bottom + 4)
                out.push({ text: n.textContent.trim().slice(0, 30), box: [b.left, b.right, b.top, b.bottom].map(Math.round), section: [left, right, top, bottom].map(Math.round) });
        }
    }
    return out;
});

test('the hall board shows every line\'s wait inside the screen in each of the centre\'s languages', { timeout: 120000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const board = await open(context, `${server.url}/board`, errors);
    // Counter 1 open (passport, id_card): the other lines say in words that no counter is open, the
    // longest sentences of the board (fr "Aucun guichet ouvert", rw "Nta dirishya rifunguye"); a
    // call that is over says "done" in each language too.
    await script(board, async ({ kiosk, desk }) => {
        await desk.request('openCounter', { counter: 1 });
        for (const serviceId of ['passport', 'passport', 'id_card', 'civil_registry', 'notary', 'property', 'utilities', 'driving_licence'])
            await kiosk.request('issueTicket', { serviceId, language: 'en' });
        await desk.request('callNext', { counter: 1 });
        await desk.request('startServing', { counter: 1 });
        await desk.request('completeService', { counter: 1, outcome: 'ok' });
        await desk.request('callNext', { counter: 1 });
    });
    await board.locator('#line-table td.count', { hasText: '1' }).first().waitFor();
    const languages = ['az', 'en', 'ru', 'rw', 'fr'];
    for (const code of languages) {
        // The board's labels take turns through the languages, one every 10 s.
        await board.waitForFunction((c) => document.documentElement.lang === c, code, { timeout: 60000 });
        await board.waitForTimeout(300);
        await shoot(board, `review-board-${code}`);
        assert.deepEqual(await textOutside(board), [], `in ${code}, text runs off the board or out of its part of it`);
        const waits = await board.locator('#line-table tr:not([hidden]) td.wait').evaluateAll((all) => all.map((td) => td.getBoundingClientRect().right));
        assert.ok(waits.length >= 1, `in ${code}, the board shows some lines`);
        for (const right of waits) assert.ok(right <= 1920, `in ${code}, a line's wait ends at x=${right}, off the 1920 px screen`);
    }
    assert.deepEqual(errors, []);
    await context.close();
});

const words = JSON.parse(readText('web/i18n/en.json'));

async function counterSignIn(page, user, secret, number) {
    await page.fill('#user', user);
    await page.fill('#secret', secret);
    await page.fill('#counter-number', String(number));
    await page.click('#sign-in-button');
}

test('a refused counter sign-in is said in the form alone, truly, and leaves no banner over the next attempt', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await open(context, `${server.url}/counter`, errors);
    await counterSignIn(page, clerk.user, 'not-the-secret', 2);
    await page.locator('#sign-in-error', { hasText: words['staffRefusal.ERROR_CODE_UNAUTHENTICATED'] }).waitFor();
    await page.waitForTimeout(2000);  // the banner shows 1.5 s after a link goes down, at once when refused
    assert.ok(await page.locator('#offline').isHidden(), `a red banner repeats the form's refusal: "${await page.locator('#offline').textContent()}"`);
    await shoot(page, 'review-counter-wrong-secret');

    // A manager's secret is right: the page must not say it is unknown, only that this is a clerk's page.
    await counterSignIn(page, manager.user, manager.secret, 2);
    await page.locator('#sign-in-error', { hasText: 'clerk' }).waitFor();
    await page.waitForTimeout(2000);
    assert.ok(await page.locator('#offline').isHidden(), `a manager is told: "${await page.locator('#offline').textContent()}"`);
    assert.doesNotMatch(await page.locator('body').innerText(), /does not know this user/);

    await counterSignIn(page, clerk.user, clerk.secret, 2);
    await page.locator('#desk').waitFor();
    assert.ok(await page.locator('#offline').isHidden());
    await shoot(page, 'review-counter-signed-in');
    assert.deepEqual(errors, []);
    await context.close();
});

test('a clerk who signs in while the server is away is told so, and is signed in once it is back, without a reload', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await open(context, `${server.url}/counter`, errors);
    await page.locator('#staff-language').waitFor();  // the page's module has run (its words load after 'load')
    await server.kill();
    await counterSignIn(page, clerk.user, clerk.secret, 3);
    await page.locator('#sign-in-error', { hasText: words['refusal.ERROR_CODE_UNAVAILABLE'] }).waitFor({ timeout: 15000 });
    await shoot(page, 'review-counter-server-away');
    await server.start();
    await page.click('#sign-in-button');
    await page.locator('#desk').waitFor({ timeout: 15000 });
    assert.match(await page.locator('#current').textContent(), /3/);
    assert.deepEqual(errors, []);
    await context.close();
});

test('an outcome too long for the server is named as such on the counter page, and the clerk\'s words are kept', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await open(context, `${server.url}/counter`, errors);
    await script(page, async ({ kiosk }) => { await kiosk.request('issueTicket', { serviceId: 'civil_registry', language: 'ru' }); });
    await counterSignIn(page, clerk.user, clerk.secret, 4);
    await page.locator('#desk').waitFor();
    await page.keyboard.press('n');
    await page.locator('#act-start:not([disabled])').waitFor();
    await page.keyboard.press('s');
    await page.locator('#act-done:not([disabled])').waitFor();
    // 150 Cyrillic letters: under any limit in characters, 300 bytes of UTF-8 for the server's 200.
    const outcome = 'Д'.repeat(150);
    await page.fill('#outcome', outcome);
    await page.click('#act-done');
    await page.locator('#message.refused').waitFor();
    assert.match(await page.locator('#message').textContent(), /outcome has at most 200 bytes/);
    assert.equal(await page.inputValue('#outcome'), outcome, 'the words typed are kept to be shortened');
    assert.match(await page.locator('#current').textContent(), /C001/, 'the ticket is still being served');
    await shoot(page, 'review-counter-long-outcome');
    await page.fill('#outcome', 'Документы приняты');
    await page.click('#act-done');
    await page.locator('#message:not(.refused)', { hasText: 'C001' }).waitFor();
    assert.equal(await page.inputValue('#outcome'), '');
    assert.deepEqual(errors, []);
    await context.close();
});

test('a phone opening a ticket address the server does not know is told so in its own language, in place of the number', { timeout: 60000 }, async () => {
    const errors = [];
    const ru = JSON.parse(readText('web/i18n/ru.json'));
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'ru-RU' });
    for (const guess of ['0123456789abcdef0123456789abcdef', 'x'.repeat(2000)]) {
        const page = await open(context, `${server.url}/t/${guess}`, errors);
        await page.locator('#problem', { hasText: ru.unknownTicket }).waitFor({ timeout: 10000 });
        assert.ok(await page.locator('#number').isHidden(), `"${await page.locator('#number').textContent()}" still stands where the number would be`);
        const box = await page.locator('#problem').boundingBox();
        assert.ok(box.y >= 0 && box.y + box.height <= 844 && box.x >= 0 && box.x + box.width <= 390, `the sentence is off the phone's screen: ${JSON.stringify(box)}`);
        assert.ok(await page.locator('#offline').isHidden(), 'no red banner repeats it');
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
        if (guess.length < 100) await shoot(page, 'review-phone-unknown-ticket');
        await page.close();
    }
    assert.deepEqual(errors, []);
    await context.close();
});

test('the phone page follows its ticket from called to being served, with no event for it', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const setup = await open(context, `${server.url}/board`, errors);
    const ticket = await script(setup, async ({ kiosk }) => (await kiosk.request('issueTicket', { serviceId: 'property', language: 'en' })).issuedTicket);
    const token = ticket.token;
    const phone = await open(context, `${server.url}/t/${token}`, errors);
    await phone.locator('#state', { hasText: words.state_waiting }).waitFor();
    await setup.evaluate((n) => { window.ticketNumber = n; }, ticket.number);
    await script(setup, async ({ desk }) => {
        if ((await desk.request('getCounter', { counter: 6 })).counter.status === 'COUNTER_STATUS_CLOSED') await desk.request('openCounter', { counter: 6 });
        await desk.request('callTicket', { counter: 6, number: window.ticketNumber, reason: 'citizen_request' });  // this one, whatever else waits
    });
    await phone.locator('#turn', { hasText: words.yourTurn }).waitFor();
    await script(setup, async ({ desk }) => { await desk.request('startServing', { counter: 6 }); });
    await phone.locator('#state', { hasText: words.state_serving }).waitFor({ timeout: 8000 });
    assert.ok(await phone.locator('#turn').isHidden(), '"It is your turn!" stays while the citizen is being served');
    assert.ok(await phone.locator('#sound').isHidden(), 'the "ring when called" control stays after the call');
    await shoot(phone, 'review-phone-serving');
    assert.deepEqual(errors, []);
    await context.close();
});

test('a board whose ?counters= is not a number names it as typed, in every language, never "NaN"', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const board = await open(context, `${server.url}/board?counters=abc`, errors);
    await board.locator('#refusal p').first().waitFor();
    const said = await board.locator('#refusal p').allTextContents();
    assert.equal(said.length, 5, 'one sentence per language of the centre');
    for (const sentence of said) {
        assert.doesNotMatch(sentence, /NaN/);
        assert.match(sentence, /abc/);
    }
    await shoot(board, 'review-board-counters-abc');
    assert.deepEqual(errors, []);
    await context.close();
});

test('a sign-in or a ticket number too long for one message is refused as too long, the link never taken for unreachable', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await open(context, `${server.url}/counter`, errors);
    const started = Date.now();
    await counterSignIn(page, clerk.user, 'x'.repeat(100000), 1);
    await page.locator('#sign-in-error', { hasText: 'too long' }).waitFor({ timeout: 5000 });
    assert.ok(Date.now() - started < 5000, 'said at once, not after a time-out');
    assert.doesNotMatch(await page.locator('#sign-in-error').textContent(), new RegExp(words['refusal.ERROR_CODE_UNAVAILABLE'].slice(0, 20)));
    await shoot(page, 'review-counter-huge-secret');

    await counterSignIn(page, clerk.user, clerk.secret, 8);  // a counter no other test has used: idle, it may call
    await page.locator('#desk').waitFor();
    await page.fill('#call-number', 'A'.repeat(100000));
    await page.click('#act-call');
    await page.locator('#message.refused', { hasText: 'too long' }).waitFor({ timeout: 5000 });
    await page.waitForTimeout(2000);
    assert.ok(await page.locator('#offline').isHidden(), 'the link stays up');
    assert.ok(!(await page.locator('#act-next').isDisabled()), 'the buttons still act');
    assert.deepEqual(errors, []);
    await context.close();
});

test('a board set up for a long list of unknown services or counters says so inside the screen', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const many = Array.from({ length: 40 }, (_, i) => i + 9).join(',');
    for (const zone of [`services=${'x'.repeat(3000)}`, `counters=${many}`]) {
        const board = await open(context, `${server.url}/board?${zone}`, errors);
        await board.locator('#refusal p').first().waitFor();
        assert.equal(await board.locator('#refusal p').count(), 5);
        assert.deepEqual(await textOutside(board), [], `the sentences for ?${zone.slice(0, 20)}… run off the screen`);
        await shoot(board, `review-board-long-zone-${zone.slice(0, 8)}`);
        await board.close();
    }
    assert.deepEqual(errors, []);
    await context.close();
});

// The hour and minute of a "…since 14:03:07…" sentence, in minutes of the day.
const saidMinutes = (text) => { const m = /(\d{1,2}):(\d\d):\d\d/.exec(text); return m ? Number(m[1]) * 60 + Number(m[2]) : NaN; };
const minutesIn = (timeZone) => {
    const [h, m] = new Date().toLocaleTimeString('en-GB', { timeZone, hourCycle: 'h23' }).split(':').map(Number);
    return h * 60 + m;
};

test('the counter page\'s and the dashboard\'s offline banners tell the time in the centre\'s zone, not the browser\'s', { timeout: 60000 }, async () => {
    const errors = [];
    // The demo centre is in Asia/Baku (UTC+4); these desks' browsers are set to Los Angeles (12 h away).
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, timezoneId: 'America/Los_Angeles' });
    const counter = await open(context, `${server.url}/counter`, errors);
    await counter.locator('#sign-in-button:not([disabled])').waitFor();
    await counterSignIn(counter, clerk.user, clerk.secret, 7);
    await counter.locator('#desk').waitFor();
    const dashboard = await open(context, `${server.url}/dashboard`, errors);
    await dashboard.locator('#sign-in-button:not([disabled])').waitFor();
    await dashboard.fill('#user', manager.user);
    await dashboard.fill('#secret', manager.secret);
    await dashboard.click('#sign-in-button');
    await dashboard.locator('#sign-in').waitFor({ state: 'hidden' });
    await server.kill();
    try {
        for (const [page, name] of [[counter, 'counter'], [dashboard, 'dashboard']]) {
            await page.locator('#offline:not([hidden])').waitFor({ timeout: 10000 });
            const said = await page.locator('#offline').textContent();
            const gap = Math.abs(saidMinutes(said) - minutesIn('Asia/Baku'));
            assert.ok(Math.min(gap, 1440 - gap) <= 2, `the ${name}'s banner "${said}" is not the centre's time (${minutesIn('Asia/Baku')} min into its day)`);
            await shoot(page, `review-${name}-offline-centre-time`);
        }
    } finally {
        await server.start();
    }
    assert.deepEqual(errors, []);
    await context.close();
});

test('a sign-in clicked before the counter page or the dashboard is ready waits for it, and never reloads the page', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    // A slow link: the pages' words arrive 2 s after the page has loaded.
    await context.route('**/i18n/*.json', async (route) => { await new Promise((r) => setTimeout(r, 2000)); await route.continue(); });
    for (const [path, who, done] of [['counter', clerk, '#desk'], ['dashboard', manager, '#board']]) {
        const page = await context.newPage();
        page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
        let loads = 0;
        page.on('load', () => { loads += 1; });
        await page.goto(`${server.url}/${path}`);
        assert.ok(await page.locator('#sign-in-button').isDisabled(), `the ${path}'s sign-in can be clicked before its module is ready`);
        await page.fill('#user', who.user);
        await page.fill('#secret', who.secret);
        if (path === 'counter') await page.fill('#counter-number', '5');
        await page.click('#sign-in-button');  // waits until the button is enabled, as a person would
        await page.locator(done).waitFor({ timeout: 10000 });
        assert.equal(loads, 1, `the ${path} page was reloaded by the click`);
        assert.equal(new URL(page.url()).search, '', 'nothing typed went into the address');
        await page.close();
    }
    assert.deepEqual(errors, []);
    await context.close();
});

test('a hall board the server refuses (a wrong ?token=) shows no clock, never the browser\'s time', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, timezoneId: 'America/Los_Angeles' });
    const board = await open(context, `${server.url}/board?token=not-a-board-token`, errors);
    await board.locator('#offline:not([hidden])', { hasText: words.badDevice }).waitFor({ timeout: 10000 });
    await board.waitForTimeout(1500);  // the clock ticks every second
    assert.equal(await board.locator('#clock').textContent(), '', 'a refused board shows a clock of the browser\'s zone');
    await shoot(board, 'review-board-wrong-token');
    // A board the server welcomes shows the centre's time (Asia/Baku), not Los Angeles'.
    const good = await open(context, `${server.url}/board`, errors);
    await good.waitForFunction(() => document.getElementById('clock').textContent !== '');
    const shown = (await good.locator('#clock').textContent()).split(':').map(Number);
    const gap = Math.abs(shown[0] * 60 + shown[1] - minutesIn('Asia/Baku'));
    assert.ok(Math.min(gap, 1440 - gap) <= 2, `the board's clock ${shown.join(':')} is not the centre's time`);
    assert.deepEqual(errors.filter((e) => !/not-a-board-token/.test(e)), []);
    await context.close();
});

// The dashboard's queue table tells durations in minutes ("15 min", "4–12 min"), never a "16:00"
// that a manager reads as a time of day, and no estimate for a line that no counter serves.
test('the dashboard\'s targets and estimates read as minutes, and a line with no counter open says so', { timeout: 60000 }, async () => {
    const errors = [];
    const fresh = await new Server().start();
    try {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        const page = await open(context, `${fresh.url}/dashboard`, errors);
        await page.fill('#user', manager.user);
        await page.fill('#secret', manager.secret);
        await page.click('#sign-in-button');
        await page.locator('#sign-in').waitFor({ state: 'hidden' });
        await page.locator('#staff-language').selectOption('en');
        await script(page, async ({ kiosk }) => {
            await kiosk.request('issueTicket', { serviceId: 'property', language: 'en' });
        });
        const row = page.locator('#queues tr[data-service="property"]');
        await row.locator('[data-field="estimatedWait"]', { hasText: 'no counter open' }).waitFor({ timeout: 5000 });
        assert.match(await row.locator('[data-field="target"]').textContent(), /^\d+ min$/);
        await script(page, async ({ kiosk, desk }) => {
            await desk.request('openCounter', { counter: 6 });
            await desk.request('callNext', { counter: 6 });
            for (let i = 0; i < 3; i++) await kiosk.request('issueTicket', { serviceId: 'property', language: 'en' });
        });
        await row.locator('[data-field="estimatedWait"]', { hasText: /^\d+(–\d+)? min$/ }).waitFor({ timeout: 5000 });
        await shoot(page, 'review-dashboard-queue-minutes');
        assert.deepEqual(errors, []);
        await context.close();
    } finally {
        await fresh.stop();
    }
});

// A browser that never picked a staff language gets the centre's first once signed in: every
// section of the dashboard, the ones its own modules make too (hall message, spoken calls).
test('a dashboard signed in on a new browser speaks the centre\'s first language in every section', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await open(context, `${server.url}/dashboard`, errors);
    await page.fill('#user', manager.user);
    await page.fill('#secret', manager.secret);
    await page.click('#sign-in-button');
    await page.locator('#sign-in').waitFor({ state: 'hidden' });
    const az = JSON.parse(readText('web/i18n/az.json'));
    await page.locator('#hall-message-control h2', { hasText: az['staff.hallMessage'] }).waitFor({ timeout: 5000 });
    assert.equal(await page.locator('#hall-message-clear').textContent(), az['staff.hallMessageClear']);
    assert.equal(await page.locator('#hall-message-text').getAttribute('placeholder'), az['staff.hallMessageHint']);
    await page.locator('#speech-status h2', { hasText: az['staff.speech'] }).waitFor({ timeout: 5000 });
    await shoot(page, 'review-dashboard-az-sections');
    assert.deepEqual(errors, []);
    await context.close();
});
