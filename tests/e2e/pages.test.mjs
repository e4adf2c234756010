// The pages in Debian's Chromium against a real novbe-server: a ticket taken on the kiosk page
// and called from the counter page reaches the board within a second; the ticket's phone page
// follows it and takes one rating; the dashboard shows the server's own figures after a
// scripted day; the board comes back by itself after the server is killed and restarted;
// missing credentials get a clear message. Every page leaves a screenshot.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, clerk, kioskToken, manager, open, ratingToken, server, serverAndBrowser, shoot } from './harness.mjs';

serverAndBrowser();

async function signInToCounter(page, number) {
    await page.fill('#user', clerk.user);
    await page.fill('#secret', clerk.secret);
    await page.fill('#counter-number', String(number));
    await page.click('#sign-in-button');
    await page.locator('#desk').waitFor();
    await page.selectOption('#staff-language', 'en');  // the centre's first language is az
}

test('a ticket from the kiosk page, called at the counter page, is on the board within a second', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    // Headless Chromium has no voices: give it an English and an Azerbaijani one that write down what they say.
    await context.addInitScript(() => {
        window.spoken = [];
        window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
        Object.defineProperty(window, 'speechSynthesis', { value: {
            getVoices: () => [{ lang: 'en-GB' }, { lang: 'az-AZ' }],
            speak: (u) => window.spoken.push(`${u.lang}: ${u.text}`),
        } });
    });
    const board = await open(context, `${server.url}/board`, errors);
    await board.locator('#line-table tr').first().waitFor();

    const kiosk = await open(context, `${server.url}/kiosk?token=${kioskToken}`, errors);
    await kiosk.getByRole('button', { name: 'English' }).first().click();
    await kiosk.getByRole('button', { name: 'Passport' }).click();
    await kiosk.getByRole('button', { name: 'No, a normal ticket' }).click();
    await kiosk.locator('#ticket').waitFor({ state: 'visible' });
    const number = (await kiosk.locator('#ticket-number').textContent()).trim();
    assert.match(number, /^A\d{3}$/);
    assert.match(await kiosk.locator('#ticket-qr').getAttribute('data-url'), new RegExp(`^${server.url}/t/[0-9a-f]{32}$`));
    assert.equal(await kiosk.locator('#ticket-qr svg').count(), 1);
    await shoot(kiosk, 'kiosk-ticket');
    await kiosk.emulateMedia({ media: 'print' });
    await shoot(kiosk, 'kiosk-ticket-print');

    const counter = await open(context, `${server.url}/counter`, errors);
    await signInToCounter(counter, 1);
    const called = Date.now();
    await counter.click('#act-next');
    await board.waitForFunction((n) => document.getElementById('latest-number').textContent === n, number, { timeout: 1000 });
    const seenAfter = Date.now() - called;
    assert.equal(await board.locator('#latest-counter').textContent(), '1');
    assert.ok(seenAfter < 1000, `the board showed the call after ${seenAfter} ms`);
    const spoken = number.replace(/^A0*/, 'A ');
    assert.deepEqual(await board.evaluate(() => window.spoken), [
        `az-AZ: ${spoken} nömrəli bilet, 1 nömrəli masaya yaxınlaşın.`,
        `en-GB: Ticket ${spoken}, please go to counter 1.`,
    ], 'said in each configured language that has a voice (ru, rw and fr have none here)');
    await counter.locator('#current', { hasText: number }).waitFor();
    await shoot(board, 'board');
    await shoot(counter, 'counter');
    assert.deepEqual(errors, []);
    await context.close();
});

test('the ticket page follows its ticket to the counter and takes one rating', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const kiosk = await open(context, `${server.url}/kiosk?token=${kioskToken}&lang=fr`, errors);
    await kiosk.getByRole('button', { name: 'Français' }).first().click();
    await kiosk.getByRole('button', { name: 'Carte d\'identité' }).click();
    await kiosk.getByRole('button', { name: 'Oui, prioritaire' }).click();
    await kiosk.locator('#ticket').waitFor({ state: 'visible' });
    const number = (await kiosk.locator('#ticket-number').textContent()).trim();
    const url = await kiosk.locator('#ticket-qr').getAttribute('data-url');

    const phone = await context.newPage();
    phone.on('pageerror', (e) => errors.push(e.message));
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(url);
    await phone.locator('#number', { hasText: number }).waitFor();
    assert.equal(await phone.locator('#state').textContent(), 'En attente');

    const counter = await open(context, `${server.url}/counter`, errors);
    await signInToCounter(counter, 3);
    await counter.click('#act-next');
    await phone.locator('#where', { hasText: 'Veuillez vous présenter au guichet 3' }).waitFor({ timeout: 3000 });
    await shoot(phone, 'ticket-called');
    await counter.click('#act-start');
    await counter.locator('#current', { hasText: 'being served' }).waitFor();
    await counter.click('#act-done');
    await phone.locator('#rating').waitFor({ state: 'visible', timeout: 3000 });
    await phone.locator('#rating button', { hasText: '5' }).click();
    await phone.locator('#thanks', { hasText: 'Merci' }).waitFor();
    assert.equal(await phone.locator('#rating').isHidden(), true, 'a second rating is not offered');
    await shoot(phone, 'ticket-rated');
    await counter.click('#act-close');
    await counter.locator('#current', { hasText: 'closed' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
});

test('the dashboard shows the server\'s own figures after a scripted day, and exports it', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 1800 }, acceptDownloads: true });
    const dashboard = await open(context, `${server.url}/dashboard`, errors);
    await dashboard.fill('#user', manager.user);
    await dashboard.fill('#secret', manager.secret);
    await dashboard.click('#sign-in-button');
    await dashboard.locator('#by-service tr[data-key="passport"]').waitFor();

    // The day: six tickets of three services, served, missed, transferred and left waiting,
    // by a kiosk and a clerk speaking the protocol from a page of the server.
    const figures = await dashboard.evaluate(async ({ kioskToken, clerk, manager }) => {
        const { Link } = await import('/js/link.js');
        const kiosk = await new Link({ role: 'ROLE_KIOSK', deviceToken: kioskToken }).start();
        const desk = await new Link({ role: 'ROLE_CLERK', user: clerk.user, secret: clerk.secret }).start();
        for (const s of ['passport', 'passport', 'id_card', 'notary', 'passport', 'id_card']) await kiosk.request('issueTicket', { serviceId: s, language: 'en' });
        const at = (command, fields = {}) => desk.request(command, { counter: 2, ...fields }).catch((e) => e.code);
        if ((await at('getCounter')).counter.status === 'COUNTER_STATUS_CLOSED') await at('openCounter');
        for (const step of ['callNext', 'startServing', 'completeService', 'callNext', 'markNoShow', 'callNext', 'startServing'])
            await at(step);
        await at('transferTicket', { toServiceId: 'passport' });
        await at('callNext');
        await at('startServing');
        await at('completeService', { outcome: 'done' });
        const boss = await new Link({ role: 'ROLE_MANAGER', user: manager.user, secret: manager.secret }).start();
        await new Promise((r) => setTimeout(r, 500));
        return (await boss.request('getStatistics')).statistics;
    }, { kioskToken, clerk, manager });

    const shown = async (table, key, field) => (await dashboard.locator(`#${table} tr[data-key="${key}"] td[data-field="${field}"]`).textContent()).trim();
    const clock = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    for (const f of figures.byService) {
        await dashboard.waitForFunction(({ key, served }) =>
            document.querySelector(`#by-service tr[data-key="${key}"] td[data-field="served"]`)?.textContent === String(served), { key: f.key, served: f.served }, { timeout: 3000 });
        for (const field of ['issued', 'waiting', 'served', 'noShows', 'transferredOut'])
            assert.equal(await shown('by-service', f.key, field), String(f[field]), `${f.key} ${field}`);
        assert.equal(await shown('by-service', f.key, 'averageWaitS'), f.called ? clock(f.averageWaitS) : '—', `${f.key} average wait`);
        assert.equal(await shown('by-service', f.key, 'withinTargetShare'), f.called ? `${Math.round(f.withinTargetShare * 100)}%` : '—',
            `${f.key} within target`);
    }
    const anna = figures.byClerk.find((f) => f.key === clerk.user);
    assert.ok(anna.served >= 2);
    assert.equal(await shown('by-clerk', clerk.user, 'served'), String(anna.served));
    assert.equal(await shown('by-clerk', clerk.user, 'noShows'), String(anna.noShows));
    const issued = figures.byService.reduce((sum, f) => sum + f.issued, 0);
    assert.equal((await dashboard.locator('#totals [data-field="issued"] b').textContent()).trim(), String(issued));

    const [download] = await Promise.all([dashboard.waitForEvent('download'), dashboard.click('#export')]);
    const csv = (await (await download.createReadStream()).toArray()).join('');
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0].split(',')[0], 'number');
    assert.equal(lines.length - 1, issued, 'one row per ticket, a transferred one too');
    await shoot(dashboard, 'dashboard');
    assert.deepEqual(errors, []);
    await context.close();
});

test('the board says it is offline while the server is down and recovers by itself', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const board = await open(context, `${server.url}/board?services=civil_registry`, errors);
    await board.locator('#line-table tr').first().waitFor();
    assert.equal(await board.locator('#line-table tr').count(), 1, 'a zone shows its services only');
    await server.kill();
    await board.locator('#offline').waitFor({ state: 'visible', timeout: 5000 });
    await shoot(board, 'board-offline');
    await server.start();
    await board.locator('#offline').waitFor({ state: 'hidden', timeout: 10000 });
    const number = await board.evaluate(async ({ kioskToken, clerk }) => {
        const { Link } = await import('/js/link.js');
        const kiosk = await new Link({ role: 'ROLE_KIOSK', deviceToken: kioskToken }).start();
        const t = (await kiosk.request('issueTicket', { serviceId: 'civil_registry', language: 'en' })).issuedTicket;
        const desk = await new Link({ role: 'ROLE_CLERK', user: clerk.user, secret: clerk.secret }).start();
        const status = (await desk.request('getCounter', { counter: 4 })).counter.status;
        if (status === 'COUNTER_STATUS_CLOSED') await desk.request('openCounter', { counter: 4 });
        await desk.request('callNext', { counter: 4 });
        return t.number;
    }, { kioskToken, clerk });
    await board.waitForFunction((n) => document.getElementById('latest-number').textContent === n, number, { timeout: 3000 });
    await shoot(board, 'board-recovered');
    assert.deepEqual(errors, []);
    await context.close();
});

test('pages without their credentials say so instead of showing nothing', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext();
    const kiosk = await open(context, `${server.url}/kiosk`, errors);
    await kiosk.getByText('This screen has no device token').waitFor();
    const wrong = await open(context, `${server.url}/kiosk?token=not-a-token`, errors);
    await wrong.locator('#offline', { hasText: 'does not know this device token' }).waitFor({ timeout: 5000 });
    await shoot(wrong, 'kiosk-wrong-token');
    const dashboard = await open(context, `${server.url}/dashboard`, errors);
    await dashboard.fill('#user', manager.user);
    await dashboard.fill('#secret', 'wrong');
    await dashboard.click('#sign-in-button');
    await dashboard.locator('#sign-in-error', { hasText: 'Not signed in' }).waitFor({ timeout: 5000 });
    assert.deepEqual(errors, []);
    await context.close();
});

test('the counter\'s rating pad asks the citizen just served, in their language, once', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const pad = await open(context, `${server.url}/rate?token=${ratingToken}`, errors);
    await pad.locator('#counter-name', { hasText: / 1$/ }).waitFor();  // "Masa 1": the centre's first language until someone is served
    const number = await pad.evaluate(async ({ kioskToken, clerk }) => {
        const { Link } = await import('/js/link.js');
        const kiosk = await new Link({ role: 'ROLE_KIOSK', deviceToken: kioskToken }).start();
        const desk = await new Link({ role: 'ROLE_CLERK', user: clerk.user, secret: clerk.secret }).start();
        const t = (await kiosk.request('issueTicket', { serviceId: 'passport', language: 'ru' })).issuedTicket;
        const at = (command, fields = {}) => desk.request(command, { counter: 1, ...fields });
        const now = (await at('getCounter')).counter;  // counter 1 may still hold an earlier test's ticket
        if (now.status === 'COUNTER_STATUS_CLOSED') await at('openCounter');
        if (now.current) {
            if (now.current.state === 'TICKET_STATE_CALLED') await at('startServing');
            await at('completeService');
        }
        await at('callTicket', { number: t.number, reason: 'elderly' });
        await at('startServing');
        await at('completeService');
        return t.number;
    }, { kioskToken, clerk });
    await pad.locator('#question', { hasText: 'Пожалуйста, оцените обслуживание' }).waitFor({ timeout: 5000 });
    await shoot(pad, 'rate');
    await pad.locator('#stars button', { hasText: '4' }).click();
    await pad.locator('#answer', { hasText: 'Спасибо за оценку!' }).waitFor();
    await pad.locator('#stars').waitFor({ state: 'hidden' });
    const rated = await pad.evaluate(async ({ manager, number }) => {
        const { Link } = await import('/js/link.js');
        const boss = await new Link({ role: 'ROLE_MANAGER', user: manager.user, secret: manager.secret }).start();
        return (await boss.request('getTickets')).tickets.rows.find((r) => r.number === number).rating;
    }, { manager, number });
    assert.equal(rated, 4);
    assert.deepEqual(errors, []);
    await context.close();
});
