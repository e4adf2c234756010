// The check-in's answers on the touch kiosk as the citizen sees them (docs/DOMAIN.md#check-in):
// too early says when to come back on the centre's clock, and lapsed offers a walk-in ticket for
// the same service; in the chosen language, nothing off screen, at 1080x1920 and 1920x1080.
// Both need a booking whose window lies ahead of or behind the server's clock, which a real
// server cannot produce on demand, so the page's link goes through a relay (Playwright's
// routeWebSocket) that answers CheckIn for the codes EARLY and LATE the way the server does
// (tests/unit/net/check_in_test.cpp shows the server's side) and passes everything else to the
// real server. A real booking checked in and called is staffbook_checkin.test.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import protobuf from 'protobufjs';
import { browser, kioskToken, open, server, serverAndBrowser, shoot, words } from './harness.mjs';

const SIZES = { portrait: { width: 1080, height: 1920 }, landscape: { width: 1920, height: 1080 } };
const root = protobuf.loadSync(new URL('../../proto/novbe.proto', import.meta.url).pathname);
const ClientMessage = root.lookupType('novbe.v1.ClientMessage');
const ServerMessage = root.lookupType('novbe.v1.ServerMessage');
// 12:30 today in Baku (UTC+4 all year), the demo centre's zone: the page adds the date to any other day.
const bakuToday = new Date(Date.now() + 4 * 3600e3);
const comeBackAt = Date.UTC(bakuToday.getUTCFullYear(), bakuToday.getUTCMonth(), bakuToday.getUTCDate(), 8, 30);
const sayTime = (ms) => new Date(ms).toLocaleString('en-GB', { timeZone: 'Asia/Baku', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

serverAndBrowser();

// The server's answers to CheckIn for the test codes; anything else goes to the server as sent.
function relay(ws) {
    const real = ws.connectToServer();
    ws.onMessage((frame) => {
        const m = ClientMessage.decode(Buffer.from(frame));
        const answer = (error) => ws.send(Buffer.from(ServerMessage.encode(ServerMessage.fromObject({ requestId: m.requestId, error })).finish()));
        if (m.checkIn?.code === 'EARLY')
            return answer({ code: 'ERROR_CODE_BOOKING_TOO_EARLY', message: `Check-in for this booking opens at ${sayTime(comeBackAt)}.`, checkInFromMs: comeBackAt });
        if (m.checkIn?.code === 'LATE')
            return answer({ code: 'ERROR_CODE_BOOKING_LAPSED', message: words.en['refusal.ERROR_CODE_BOOKING_LAPSED'], serviceId: 'passport' });
        real.send(frame);
    });
}

async function kioskPage(viewport, errors) {
    const context = await browser.newContext({ viewport });
    await context.routeWebSocket(/\/ws$/, relay);
    const kiosk = await open(context, `${server.url}/kiosk?token=${kioskToken}`, errors);
    await kiosk.locator('#have-booking').waitFor();
    return { context, kiosk };
}

function offScreen(page, selector) {
    return page.evaluate((sel) => [...document.querySelectorAll(sel)].filter((e) => e.offsetParent !== null).map((e) => {
        const r = e.getBoundingClientRect();
        return { text: e.textContent.trim().slice(0, 40), left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }).filter((r) => r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight), selector);
}

async function checkIn(kiosk, languageName, code) {
    await kiosk.locator('#have-booking').click();
    await kiosk.locator('#languages button', { hasText: languageName }).click();
    await kiosk.locator('#booking-code').fill(code);
    await kiosk.locator('#booking-code').press('Enter');
}

for (const [shape, viewport] of Object.entries(SIZES)) {
    test(`${shape}: too early says when to come back on the centre's clock, in Russian`, { timeout: 60000 }, async () => {
        const errors = [];
        const { context, kiosk } = await kioskPage(viewport, errors);
        await checkIn(kiosk, 'Русский', 'EARLY');
        const said = words.ru.checkInTooEarly.replace('{time}', '12:30');
        await kiosk.locator('h2', { hasText: said }).waitFor({ timeout: 10000 });
        assert.equal(sayTime(comeBackAt), '12:30');
        assert.deepEqual(await offScreen(kiosk, '#screen button, #screen h2'), []);
        await shoot(kiosk, `checkin-${shape}-too-early-ru`);
        await kiosk.getByRole('button', { name: words.ru.back }).click();
        await kiosk.locator('#have-booking [lang]').first().waitFor();
        assert.deepEqual(errors, []);
        await context.close();
    });

    test(`${shape}: a lapsed booking offers a walk-in ticket for its service, in Kinyarwanda`, { timeout: 60000 }, async () => {
        const errors = [];
        const { context, kiosk } = await kioskPage(viewport, errors);
        await checkIn(kiosk, 'Ikinyarwanda', 'LATE');
        await kiosk.locator('h2', { hasText: words.rw.checkInLapsed }).waitFor({ timeout: 10000 });
        assert.deepEqual(await offScreen(kiosk, '#screen button, #screen h2'), []);
        await shoot(kiosk, `checkin-${shape}-lapsed-rw`);
        await kiosk.locator('#walk-in', { hasText: words.rw.takeWalkIn }).click();
        await kiosk.getByRole('button', { name: words.rw.normal }).click();
        await kiosk.locator('#ticket').waitFor({ state: 'visible' });
        assert.match(await kiosk.locator('#ticket-number').textContent(), /^A\d{3}$/);
        assert.equal(await kiosk.locator('#ticket-service').textContent(), 'Pasiporo');
        assert.deepEqual(errors, []);
        await context.close();
    });
}
