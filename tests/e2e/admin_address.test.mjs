// The admin page's note under a new device's address (docs/DOMAIN.md#public-address) when the
// browser reached the server by a name other than localhost and the configuration sets no
// public address: the address is the one this browser used, and the note says the device must
// reach the server by the same name (admin_page.test.mjs has localhost, pages_admin.test.mjs a
// public_url). Chromium resolves centre.test to the server's loopback address, as a centre's
// DNS would resolve its own name; the server answers that Host ([server] public_names).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { open, readText, server, serverAndBrowser, shoot } from './harness.mjs';
import { LAPTOP, allInside } from './admin_screen.mjs';

const admin = { user: 'aysel', secret: 'aysel-secret-1' };
serverAndBrowser({ admins: [admin], edit: (text) => `${text}\n[server]\npublic_names = ["centre.test"]\n` });

test('a device address by another name than localhost says it is the browser\'s own, to be reached by the same name', { timeout: 60000 }, async () => {
    const named = await chromium.launch({ executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--host-resolver-rules=MAP centre.test 127.0.0.1'] });
    try {
        const errors = [];
        const context = await named.newContext({ viewport: LAPTOP });
        await context.addInitScript(() => localStorage.setItem('novbe.staffLanguage', 'en'));
        const origin = `http://centre.test:${server.port}`;
        const page = await open(context, `${origin}/admin`, errors);
        await page.fill('#user', admin.user);
        await page.fill('#secret', admin.secret);
        await page.click('#sign-in-button');
        await page.locator('#devices tr').first().waitFor();
        await page.fill('#device-name', 'kiosk by name');
        await page.selectOption('#device-role', 'ROLE_KIOSK');
        await page.click('#device-save');
        const token = await page.locator('#new-token').textContent();
        assert.equal(await page.locator('#new-address').textContent(), `${origin}/kiosk?token=${token}`);
        const en = JSON.parse(readText('web/i18n/en.json'));
        assert.equal(await page.locator('#address-note').getAttribute('data-how'), 'browser');
        assert.equal(await page.locator('#address-note').textContent(), en['staff.admin.addressBrowser'].replace('{host}', `centre.test:${server.port}`));
        await allInside(page, LAPTOP);
        await shoot(page, 'admin-device-address-by-name');
        assert.deepEqual(errors, []);
    } finally {
        await named.close();
    }
});
