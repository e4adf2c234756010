// A real booking checked in on the touch kiosk and called on a hall board, with nothing standing
// in for the server (docs/DOMAIN.md#check-in): the demo portal books the next free passport slot
// over the HTTP API (docs/booking-api.yaml, the demo key of deploy/demo/centre.toml), the
// citizen types its reference at the kiosk in French, at 1080x1920 and 1920x1080, and gets an
// appointment ticket shown as a walk-in ticket is; a clerk calls next and the board shows that
// number. checkin_screens.test.mjs keeps its stand-in only for too early and lapsed, which need
// a booking's window to lie ahead or behind the server's clock.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { Server, clerk, kioskToken, launch, middayZone, open, shoot } from './harness.mjs';

const SIZES = { portrait: { width: 1080, height: 1920 }, landscape: { width: 1920, height: 1080 } };
const PORTAL_KEY = 'demo-portal-key-4b1e';
const fr = JSON.parse(readFileSync(new URL('../../web/i18n/fr.json', import.meta.url), 'utf8'));
// The centre's clock near midday, so that today has slots left whenever this runs.
const { zone, offsetMs } = middayZone();
const centreDate = () => new Date(Date.now() + offsetMs).toISOString().slice(0, 10);

let server;
let browser;

before(async () => {
    server = new Server({ zone });
    await server.start();
    browser = await launch();
});

after(async () => {
    await browser?.close();
    await server?.stop();
});

async function api(method, path, body) {
    const r = await fetch(`${server.url}/api/v1/${path}`, {
        method, headers: { 'X-Api-Key': PORTAL_KEY, 'Content-Type': 'application/json' }, body: body && JSON.stringify(body),
    });
    return { status: r.status, json: await r.json() };
}

// The next passport slot with room, booked by the portal for `reference`; its check-in window
// is open now (slots are 30 minutes, the window opens 30 minutes before).
async function bookNext(reference) {
    const slots = await api('GET', `slots?service=passport&date=${centreDate()}`);
    assert.equal(slots.status, 200, JSON.stringify(slots.json));
    const slot = slots.json.slots.find((s) => s.free > 0);
    assert.ok(slot, `a free passport slot is left today: ${JSON.stringify(slots.json)}`);
    const made = await api('POST', 'bookings', { service: 'passport', slot: slot.start, reference });
    assert.equal(made.status, 201, JSON.stringify(made.json));
    return made.json;
}

function offScreen(page, selector) {
    return page.evaluate((sel) => [...document.querySelectorAll(sel)].filter((e) => e.offsetParent !== null).map((e) => {
        const r = e.getBoundingClientRect();
        return { text: e.textContent.trim().slice(0, 40), left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }).filter((r) => r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight), selector);
}

// A clerk's steps at counter 1 (opened if closed), from inside a page of the server: `call`
// calls the next ticket and returns its number; else the one called is served and done.
function atCounter(page, call) {
    return page.evaluate(async ({ clerk, call }) => {
        const { Link } = await import('/js/link.js');
        const desk = await new Link({ role: 'ROLE_CLERK', user: clerk.user, secret: clerk.secret }).start();
        if ((await desk.request('getCounter', { counter: 1 })).counter.status === 'COUNTER_STATUS_CLOSED') await desk.request('openCounter', { counter: 1 });
        if (call) return (await desk.request('callNext', { counter: 1 })).counter.current.number;
        await desk.request('startServing', { counter: 1 });
        await desk.request('completeService', { counter: 1, outcome: 'ok' });
        return '';
    }, { clerk, call });
}

for (const [shape, viewport] of Object.entries(SIZES)) {
    test(`${shape}: a portal's booking checked in by its reference in French becomes a ticket the board calls`, { timeout: 90000 }, async () => {
        const errors = [];
        const reference = `APP-E2E-${shape.toUpperCase()}`;
        await bookNext(reference);
        const context = await browser.newContext({ viewport });
        const kiosk = await open(context, `${server.url}/kiosk?token=${kioskToken}`, errors);
        await kiosk.locator('#have-booking').click();
        await kiosk.locator('#languages button', { hasText: 'Français' }).click();
        await kiosk.locator('#booking-code').fill(reference);
        await kiosk.locator('#booking-code').press('Enter');
        await kiosk.locator('#ticket').waitFor({ state: 'visible', timeout: 10000 });
        const number = await kiosk.locator('#ticket-number').textContent();
        assert.match(number, /^A\d{3}$/);
        assert.equal(await kiosk.locator('#ticket-caption').textContent(), fr.yourNumber);
        assert.equal(await kiosk.locator('#ticket-service').textContent(), 'Passeport');
        assert.deepEqual(await offScreen(kiosk, '#ticket, #ticket button'), []);
        await shoot(kiosk, `staffbook-checkin-${shape}-ticket-fr`);

        await kiosk.getByRole('button', { name: fr.done }).click();
        await kiosk.locator('#have-booking').waitFor();
        const hall = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
        const board = await open(hall, `${server.url}/board`, errors);
        await board.locator('#latest-number').waitFor({ state: 'attached' });
        assert.equal(await atCounter(board, true), number, 'the checked-in ticket is the one waiting, and is called');
        await board.locator('#latest-number', { hasText: number }).waitFor({ timeout: 10000 });
        await shoot(board, `staffbook-checkin-${shape}-board`);
        await atCounter(board, false);  // served: the counter is free for the next test
        assert.deepEqual(errors, []);
        await hall.close();
        await context.close();
    });
}
