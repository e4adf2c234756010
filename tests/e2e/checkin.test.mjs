// A citizen with a booking at the touch kiosk (docs/DOMAIN.md#check-in), portrait 1080x1920 and
// landscape 1920x1080: "I have a booking" on the first screen in every language, the code typed
// on the on-screen keys or scanned (a QR scanner types like a keyboard and ends with Enter), the
// refusal in the chosen language, and back to the start; nothing off screen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, kioskToken, open, server, serverAndBrowser, shoot, words } from './harness.mjs';

const SIZES = { portrait: { width: 1080, height: 1920 }, landscape: { width: 1920, height: 1080 } };

serverAndBrowser();

// Visible elements of `selector` not wholly inside the viewport.
function offScreen(page, selector) {
    return page.evaluate((sel) => [...document.querySelectorAll(sel)].filter((e) => e.offsetParent !== null).map((e) => {
        const r = e.getBoundingClientRect();
        return { text: e.textContent.trim().slice(0, 40), left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }).filter((r) => r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight), selector);
}

async function kioskPage(context, errors, query = '') {
    const kiosk = await open(context, `${server.url}/kiosk?token=${kioskToken}${query}`, errors);
    await kiosk.locator('#have-booking').waitFor();
    return kiosk;
}

for (const [shape, viewport] of Object.entries(SIZES)) {
    test(`${shape}: the booking's code on the on-screen keys, refused in English, then back to the start`, { timeout: 60000 }, async () => {
        const errors = [];
        const context = await browser.newContext({ viewport });
        const kiosk = await kioskPage(context, errors);
        // Asked in every language of the centre, on the first screen, with the language choice.
        assert.equal(await kiosk.locator('#have-booking [lang]').count(), 5);
        for (const l of ['az', 'en', 'ru', 'rw', 'fr'])
            assert.equal(await kiosk.locator(`#have-booking [lang="${l}"]`).textContent(), words[l].haveBooking);
        assert.deepEqual(await offScreen(kiosk, '#screen button'), []);
        await shoot(kiosk, `checkin-${shape}-start`);

        await kiosk.locator('#have-booking').click();
        await kiosk.locator('#languages button', { hasText: 'English' }).click();
        await kiosk.locator('h2', { hasText: words.en.checkInTitle }).waitFor();
        assert.equal(await kiosk.evaluate(() => document.documentElement.lang), 'en');
        for (const key of 'APP7')
            await kiosk.locator('.keys button.key', { hasText: new RegExp(`^${key}$`) }).click();
        assert.equal(await kiosk.locator('#booking-code').inputValue(), 'APP7');
        await kiosk.getByRole('button', { name: words.en.keyDelete }).click();
        assert.equal(await kiosk.locator('#booking-code').inputValue(), 'APP');
        assert.deepEqual(await offScreen(kiosk, '#screen button, #booking-code'), []);
        const keySize = await kiosk.locator('.keys button.key').first().boundingBox();
        assert.ok(keySize.width >= 80 && keySize.height >= 80, `a key of ${keySize.width}x${keySize.height}`);
        await shoot(kiosk, `checkin-${shape}-keypad-en`);

        await kiosk.locator('#check-in').click();
        await kiosk.locator('h2', { hasText: words.en['refusal.ERROR_CODE_BOOKING_UNKNOWN'] }).waitFor({ timeout: 10000 });
        assert.deepEqual(await offScreen(kiosk, '#screen button'), []);
        await shoot(kiosk, `checkin-${shape}-unknown-en`);
        await kiosk.getByRole('button', { name: words.en.back }).click();
        await kiosk.locator('#have-booking [lang]').first().waitFor();
        // Beside the services too, on Back's row: on screen however many services there are.
        await kiosk.locator('#screen .choices button', { hasText: 'Ikinyarwanda' }).click();
        await kiosk.locator('.footer #have-booking', { hasText: words.rw.haveBooking }).waitFor();
        assert.deepEqual(await offScreen(kiosk, '#screen button'), []);
        await kiosk.locator('#have-booking').click();
        await kiosk.locator('h2', { hasText: words.rw.checkInTitle }).waitFor();
        assert.deepEqual(errors, []);
        await context.close();
    });
}

test('a QR scan on the first screen checks in at once, in the centre\'s first language, and the kiosk starts afresh', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: SIZES.portrait });
    const kiosk = await kioskPage(context, errors, '&idle=3');
    // A scanner types fast and ends with Enter; the booking's address ends with its token.
    await kiosk.keyboard.type(`${server.url}/b/0123456789abcdef0123456789abcdef`, { delay: 5 });
    await kiosk.keyboard.press('Enter');
    await kiosk.locator('h2', { hasText: words.az['refusal.ERROR_CODE_BOOKING_UNKNOWN'] }).waitFor({ timeout: 10000 });
    assert.equal(await kiosk.evaluate(() => document.documentElement.lang), 'az');
    await shoot(kiosk, 'checkin-portrait-scan-unknown-az');
    // Untouched, the next citizen's start comes back by itself.
    await kiosk.locator('#have-booking [lang]').first().waitFor({ timeout: 20000 });
    assert.deepEqual(errors, []);
    await context.close();
});

test('a huge typed code is cut to the server\'s bound, and its refusal is in the citizen\'s words', { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: SIZES.landscape });
    const kiosk = await kioskPage(context, errors);
    await kiosk.locator('#have-booking').click();
    await kiosk.locator('#languages button', { hasText: 'Français' }).click();
    await kiosk.locator('#booking-code').fill('9'.repeat(150));
    await kiosk.locator('#booking-code').press('Enter');
    await kiosk.locator('h2', { hasText: words.fr['refusal.ERROR_CODE_BOOKING_UNKNOWN'] }).waitFor({ timeout: 10000 });
    await shoot(kiosk, 'checkin-landscape-unknown-fr');
    assert.deepEqual(errors, []);
    await context.close();
});
