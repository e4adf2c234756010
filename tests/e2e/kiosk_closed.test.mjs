// The touch kiosk on a day the centre is closed (docs/SETUP.md#hours-and-holidays), at a kiosk's
// 1080x1920: its first screen says "closed today" and when it opens next, in every language of
// the centre, instead of leading a citizen through language, service and priority to a refusal;
// it follows an admin's holiday and its removal live, says "closed" after today's hours, and
// "closed today" once a manager closed the day early (from the first screen after a reload too).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, kioskToken, open, server, serverAndBrowser, shoot, words } from './harness.mjs';

const admin = { user: 'aysel', secret: 'aysel-secret-1' };
serverAndBrowser({ admins: [admin], freshContexts: true });

const centreDate = (days = 0) => new Date(Date.now() + 4 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);

// An admin's command over the wire, from the kiosk page's own Link module.
const asAdmin = (page, kind, body) => page.evaluate(async ({ who, kind, body }) => {
    const { Link } = await import('/js/link.js');
    const link = await new Link({ role: 'ROLE_ADMIN', ...who }).start();
    try { await link.request(kind, body); } finally { link.close(); }
}, { who: admin, kind, body });

test('a holiday today is said on the first screen, in every language, and goes when it is removed', { timeout: 120000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const kiosk = await open(context, `${server.url}/kiosk?token=${kioskToken}`, errors);
    await kiosk.getByRole('button', { name: 'English' }).first().waitFor();
    assert.equal(await kiosk.locator('#closed-notice').count(), 0, 'open all day: the usual start');

    await asAdmin(kiosk, 'addHoliday', { date: centreDate() });
    await kiosk.locator('#closed-notice').waitFor();
    // Open again tomorrow at the day's start (the test centre is open all day): the date and time.
    const tomorrow = centreDate(1).split('-').reverse().join('/');
    assert.equal(await kiosk.locator('#closed-notice [lang="en"]').textContent(), `Closed today. We open again: ${tomorrow}, 00:00.`);
    for (const l of ['az', 'ru', 'rw', 'fr'])
        assert.equal(await kiosk.locator(`#closed-notice [lang="${l}"]`).textContent(),
            words[l].closedToday.replace('{time}', `${tomorrow}, 00:00`), l);
    assert.equal(await kiosk.locator('.choices button').count(), 0, 'no language to choose for a ticket it would refuse');
    assert.equal(await kiosk.locator('#languages button').count(), 0, 'nor in the header');
    assert.equal(await kiosk.locator('#have-booking').isVisible(), true, 'a booking may still be checked in');
    await shoot(kiosk, 'kiosk-closed-today-1080');

    await asAdmin(kiosk, 'removeHoliday', { date: centreDate() });
    await kiosk.getByRole('button', { name: 'English' }).first().waitFor();
    assert.equal(await kiosk.locator('#closed-notice').count(), 0);

    // Today's hours over (00:00-00:01): closed now, open again tomorrow.
    await asAdmin(kiosk, 'setException', { date: centreDate(), hours: { opening: '00:00', closing: '00:01' } });
    await kiosk.locator('#closed-notice').waitFor();
    assert.equal(await kiosk.locator('#closed-notice [lang="en"]').textContent(), `The centre is closed. It opens again at ${tomorrow}, 00:00.`);
    await asAdmin(kiosk, 'setException', { date: centreDate(), remove: true });
    await kiosk.getByRole('button', { name: 'English' }).first().waitFor();
    assert.deepEqual(errors, []);
});

// Last in this file: the day stays closed for the server's life.
test('a day a manager closed early is said closed on the first screen, live and after a reload', { timeout: 120000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const kiosk = await open(context, `${server.url}/kiosk?token=${kioskToken}`, errors);
    await kiosk.getByRole('button', { name: 'English' }).first().waitFor();
    assert.equal(await kiosk.locator('#closed-notice').count(), 0, 'open all day: the usual start');

    await asAdmin(kiosk, 'closeDay', {});
    await kiosk.locator('#closed-notice').waitFor();
    const tomorrow = centreDate(1).split('-').reverse().join('/');
    assert.equal(await kiosk.locator('#closed-notice [lang="en"]').textContent(), `Closed today. We open again: ${tomorrow}, 00:00.`);
    assert.equal(await kiosk.locator('.choices button').count(), 0, 'no language to choose for a ticket it would refuse');
    assert.equal(await kiosk.locator('#have-booking').isVisible(), true);

    // A kiosk started after the close knows it from its first screen (the snapshot's day_closed).
    await kiosk.reload();
    await kiosk.locator('#closed-notice').waitFor();
    assert.equal(await kiosk.locator('#closed-notice [lang="en"]').textContent(), `Closed today. We open again: ${tomorrow}, 00:00.`);
    for (const l of ['az', 'ru', 'rw', 'fr'])
        assert.equal(await kiosk.locator(`#closed-notice [lang="${l}"]`).textContent(),
            words[l].closedToday.replace('{time}', `${tomorrow}, 00:00`), l);
    assert.equal(await kiosk.locator('.choices button').count(), 0);
    await shoot(kiosk, 'kiosk-day-closed-early-1080');
    assert.deepEqual(errors, []);
});
