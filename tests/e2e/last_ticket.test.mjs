// The touch kiosk after the last ticket (docs/DOMAIN.md#last-ticket-cut-off): today's hours end
// half an hour from now and one counter serves passports, so after a few tickets the next one's
// call would fall after closing. The kiosk then says today's tickets are over and offers the
// first free booking of the next day on the centre's clock; booking it shows the booking's QR
// code and code (in the manager's list, by "kiosk"); declining goes back to the first screen.
// At the kiosk's two sizes, in English and in Azerbaijani.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, clerk, inZone, kioskToken, manager, middayZone, open, server, serverAndBrowser, shoot, words } from './harness.mjs';

const admin = { user: 'aysel', secret: 'aysel-secret-1' };
// The centre's clock near midday, so that its day has the half hour this needs left whenever it
// runs (Baku's 23:30 made a closing of 24:04, which no day has).
const { zone, offsetMs: shift } = middayZone();
serverAndBrowser({ admins: [admin], freshContexts: true, edit: (text) => inZone(text, zone) });

const centreDate = (ms = Date.now()) => new Date(ms + shift).toISOString().slice(0, 10);
const two = (n) => String(n).padStart(2, '0');
const dayAndTime = (ms) => {
    const [y, m, d] = centreDate(ms).split('-');
    return { day: `${d}.${m}.${y}`, time: new Date(ms + shift).toISOString().slice(11, 16) };
};

// Today's hours end in 30 minutes; counter 1 opens; walk-in passport tickets until the next is
// refused. The refusal's Error, as the page's Link reads it.
function nearClosing(page) {
    const local = new Date(Date.now() + shift);
    const end = local.getUTCHours() * 60 + local.getUTCMinutes() + 30;
    const closing = `${two(Math.floor(end / 60))}:${two(end % 60)}`;
    return page.evaluate(async ({ admin, clerk, kioskToken, date, closing }) => {
        const { Link } = await import('/js/link.js');
        const root = await new Link({ role: 'ROLE_ADMIN', ...admin }).start();
        await root.request('setException', { date, hours: { opening: '00:00', closing } });
        root.close();
        const anna = await new Link({ role: 'ROLE_CLERK', ...clerk }).start();
        await anna.request('openCounter', { counter: 1 });
        anna.close();
        const kiosk = await new Link({ role: 'ROLE_KIOSK', deviceToken: kioskToken }).start();
        try {
            for (let issued = 0; issued < 40; issued++) await kiosk.request('issueTicket', { serviceId: 'passport', language: 'en' });
            return { issued: 40 };
        } catch (refusal) {
            return { code: refusal.code, nextSlotMs: refusal.nextSlotMs };
        } finally { kiosk.close(); }
    }, { admin, clerk, kioskToken, date: centreDate(), closing });
}

const bookingsOn = (page, day) => page.evaluate(async ({ manager, day }) => {
    const { Link } = await import('/js/link.js');
    const leyla = await new Link({ role: 'ROLE_MANAGER', ...manager }).start();
    try { return (await leyla.request('listBookings', { day })).bookings.bookings; } finally { leyla.close(); }
}, { manager, day });

test('after the last ticket the kiosk offers the next day\'s first booking, books it and shows its QR code', { timeout: 180000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const kiosk = await open(context, `${server.url}/kiosk?token=${kioskToken}`, errors);
    await kiosk.getByRole('button', { name: 'English' }).first().waitFor();
    const refused = await nearClosing(kiosk);
    assert.equal(refused.code, 'ERROR_CODE_LAST_TICKET_PASSED', JSON.stringify(refused));
    assert.ok(refused.nextSlotMs > Date.now() + 30 * 60e3, 'a slot of a later day');
    assert.notEqual(centreDate(refused.nextSlotMs), centreDate());

    await kiosk.getByRole('button', { name: 'English' }).first().click();
    await kiosk.getByRole('button', { name: /^Passport/ }).click();
    await kiosk.getByRole('button', { name: words.en.normal }).click();
    await kiosk.locator('#offer').waitFor();
    assert.equal(await kiosk.locator('h2').textContent(), words.en.lastTicketOver.replace('{service}', 'Passport'));
    const { day, time } = dayAndTime(refused.nextSlotMs);
    assert.equal(await kiosk.locator('#offer').textContent(), `We can book you a visit on ${day} at ${time} instead.`);
    await shoot(kiosk, 'kiosk-last-ticket-offer-1080');

    await kiosk.locator('#book-offer').click();
    await kiosk.locator('#booked').waitFor();
    assert.equal(await kiosk.locator('#booked-when').textContent(), `Your visit is booked: ${day} at ${time}.`);
    const code = await kiosk.locator('#booked-code').getAttribute('data-code');
    assert.match(code, /^[2-9A-HJKMNP-Z]{8}$/);
    assert.equal(await kiosk.locator('#booked-code').textContent(), `Booking code: ${code}`);
    assert.match(await kiosk.locator('#booked-qr').getAttribute('data-url'), /\/book#[0-9a-f]{32}$/);
    assert.equal(await kiosk.locator('#booked-qr svg').count(), 1);
    assert.equal(await kiosk.locator('#screen').isVisible(), false);
    await shoot(kiosk, 'kiosk-last-ticket-booked-1080');

    const listed = await bookingsOn(kiosk, centreDate(refused.nextSlotMs));
    assert.deepEqual(listed.map((b) => [b.reference, b.by, b.slotMs]), [[code, 'kiosk', refused.nextSlotMs]]);

    await kiosk.locator('#booked-done').click();
    await kiosk.getByRole('button', { name: 'English' }).first().waitFor();
    assert.deepEqual(errors, []);

    // Landscape, in Azerbaijani: the same offer in the citizen's words; declining books nothing.
    const wide = await open(await browser.newContext({ viewport: { width: 1920, height: 1080 } }), `${server.url}/kiosk?token=${kioskToken}`, errors);
    await wide.getByRole('button', { name: 'Azərbaycan dili' }).first().click();
    await wide.getByRole('button', { name: /^Pasport/ }).click();
    await wide.locator('.choices button').first().click();  // normal
    await wide.locator('#offer').waitFor();
    // The same slot if it holds more than one booking, else the next: a day and a time either way.
    const shape = new RegExp(`^${words.az.lastTicketOffer.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace('{day}', '\\d\\d\\.\\d\\d\\.\\d{4}').replace('{time}', '\\d\\d:\\d\\d')}$`);
    assert.match(await wide.locator('#offer').textContent(), shape);
    assert.equal(await wide.locator('#decline-offer').textContent(), words.az.lastTicketDecline);
    await shoot(wide, 'kiosk-last-ticket-offer-1920');
    await wide.locator('#decline-offer').click();
    await wide.getByRole('button', { name: 'English' }).first().waitFor();
    assert.equal((await bookingsOn(wide, centreDate(refused.nextSlotMs))).length, 1, 'declined: nothing booked');

    // Booked on the landscape kiosk: the card, its QR code and its buttons fit the screen whole.
    await wide.getByRole('button', { name: 'Azərbaycan dili' }).first().click();
    await wide.getByRole('button', { name: /^Pasport/ }).click();
    await wide.locator('.choices button').first().click();
    await wide.locator('#book-offer').click();
    await wide.locator('#booked').waitFor();
    const fit = await wide.evaluate(() => ({ scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
        card: document.getElementById('booked').getBoundingClientRect().bottom, done: document.getElementById('booked-done').getBoundingClientRect().bottom }));
    assert.ok(fit.scroll[0] <= 1920 && fit.scroll[1] <= 1080 && fit.card <= 1080 && fit.done <= 1080, `the booked screen fits 1920x1080: ${JSON.stringify(fit)}`);
    await shoot(wide, 'kiosk-last-ticket-booked-1920');
    assert.equal((await bookingsOn(wide, centreDate(refused.nextSlotMs))).length, 2);
    assert.deepEqual(errors, []);
});
