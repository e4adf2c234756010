// The admin page (/admin) as the people who meet it at a manager's 1366x768 and a desk's
// 1920x1080: a clerk who signs in there is told whom it is for and given the counter page's
// address (English, French); a new device's address is on the centre's public_url when the
// configuration sets one, and says where it comes from (admin_page.test.mjs: the demo, none set).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { browser, clerk, open, readText, screenshots, server, serverAndBrowser, servers, shoot } from './harness.mjs';
import { DESK, LAPTOP, allInside } from './admin_screen.mjs';

const admin = { user: 'aysel', secret: 'aysel-secret-1' };
// servers[0]: the demo centre as it is; servers[1]: the demo centre with [centre] public_url set.
serverAndBrowser({ count: 2, edit: (text, i) => (i === 1 ? text.replace('\n# public_url = ', '\npublic_url = ') : text),
    admins: [admin], freshContexts: true });

test('a clerk who signs in is told whom the page is for and given the counter page, in French too', { timeout: 60000 }, async () => {
    const fr = JSON.parse(readText('web/i18n/fr.json'));
    for (const [language, forStaff, clerkPage] of [['en', 'This page is for administrators and managers.', "A clerk's page is the counter page:"],
        ['fr', fr['staff.admin.forStaff'], fr['staff.admin.clerkPage']]]) {
        const errors = [];
        const context = await browser.newContext({ viewport: LAPTOP });
        await context.addInitScript((l) => localStorage.setItem('novbe.staffLanguage', l), language);
        const page = await open(context, `${server.url}/admin`, errors);
        await page.fill('#user', clerk.user);
        await page.fill('#secret', clerk.secret);
        await page.click('#sign-in-button');
        await page.locator('#sign-in-elsewhere').waitFor();
        const said = await page.locator('#sign-in-error').textContent();
        assert.ok(said.startsWith(`${forStaff} `), said);
        assert.ok(said.endsWith(`${clerkPage} ${server.url}/counter`), said);
        assert.doesNotMatch(said, /for managers\./, 'not "for managers" alone');
        assert.ok(await page.locator('#board').isHidden(), 'nothing of the set-up shown');
        await allInside(page, LAPTOP);
        await shoot(page, `admin-clerk-refused-${language}`);
        await page.click('#sign-in-elsewhere');
        await page.locator('#counter-number').waitFor();  // the counter page's own sign-in
        assert.equal(new URL(page.url()).pathname, '/counter');
        assert.deepEqual(errors, []);
        await context.close();
    }
});

test("with the centre's public_url configured, a new device's address is on it, and says so", { timeout: 60000 }, async () => {
    const errors = [];
    const context = await browser.newContext({ viewport: DESK });
    await context.addInitScript(() => localStorage.setItem('novbe.staffLanguage', 'en'));  // the centre's first is az
    const page = await open(context, `${servers[1].url}/admin`, errors);
    await page.fill('#user', admin.user);
    await page.fill('#secret', admin.secret);
    await page.click('#sign-in-button');
    await page.locator('#devices tr').first().waitFor();
    await page.fill('#device-name', 'board hall west');
    await page.selectOption('#device-role', 'ROLE_BOARD');
    await page.click('#device-save');
    const token = await page.locator('#new-token').textContent();
    assert.equal(await page.locator('#new-address').textContent(), `https://novbe.example.az/board?token=${token}`);
    assert.equal(await page.locator('#address-note').getAttribute('data-how'), 'public');
    assert.equal(await page.locator('#address-note').textContent(), "This is the centre's public address, as the configuration sets it ([centre] public_url).");
    assert.equal(await page.locator('#set-up').textContent(),
        "On the board: make this address its browser's start page, full screen. A board reads its token from the address every time.");
    await allInside(page, DESK);
    await page.locator('#device-token').screenshot({ path: join(screenshots, 'admin-device-token-public-url.png') });
    assert.deepEqual(errors, []);
    await context.close();
});
