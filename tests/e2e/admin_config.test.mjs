// The admin page's "Check a configuration file" (docs/SETUP.md#check-config-against-the-running-server)
// at a manager's 1366x768: the running server's own file with a service renamed, a service added
// and [rules] changed is judged (added: live; [rules]: needs a restart; renamed: kept as the log
// has it), a file that does not load shows its problems at LINE:COLUMN, a file over 1 MiB is
// refused on the page before anything is sent; the headings follow a language switch.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, open, readText, server, serverAndBrowser, shoot } from './harness.mjs';
import { LAPTOP, allInside } from './admin_screen.mjs';

const admin = { user: 'aysel', secret: 'aysel-secret-1' };
serverAndBrowser({ admins: [admin], freshContexts: true });
const words = (code) => JSON.parse(readText(`web/i18n/${code}.json`));
const en = words('en');

async function adminPage(errors) {
    const context = await browser.newContext({ viewport: LAPTOP });
    await context.addInitScript(() => {
        localStorage.setItem('novbe.staffLanguage', 'en');
        const send = WebSocket.prototype.send;  // counted, so a test can tell that nothing was sent
        WebSocket.prototype.send = function counted(data) {
            window.sends = (window.sends ?? 0) + 1;
            return send.call(this, data);
        };
    });
    const page = await open(context, `${server.url}/admin`, errors);
    await page.fill('#user', admin.user);
    await page.fill('#secret', admin.secret);
    await page.click('#sign-in-button');
    await page.locator('#services tr').first().waitFor();
    return page;
}

const headings = (page) => page.locator('#config-result h3').allTextContents();
const linesUnder = (page, n) => page.locator('#config-result ul').nth(n).locator('li').allTextContents();

test('a file with a service renamed and added and [rules] changed: kept, live and needs a restart', { timeout: 60000 }, async () => {
    const errors = [];
    const page = await adminPage(errors);
    const text = readText(server.config);
    assert.ok(text.includes('en = "Passport"') && text.includes('max_recalls = 2'));
    const edited = `${text.replace('en = "Passport"', 'en = "Passports and visas"').replace('max_recalls = 2', 'max_recalls = 3')}
[[services]]
id = "tax"
prefix = "T"
names = { az = "Vergi", en = "Tax", ru = "Налоги", rw = "Imisoro", fr = "Impôts" }
`;
    await page.locator('#config-section h2', { hasText: en['staff.admin.config.title'] }).waitFor();
    await page.fill('#config-text', edited);
    await page.click('#config-check');
    await page.locator('#config-result[data-verdict="judged"]').waitFor();
    assert.deepEqual(await headings(page), [en['staff.admin.config.live'], en['staff.admin.config.restart'], en['staff.admin.config.kept']]);
    assert.ok((await linesUnder(page, 0)).includes('add service tax'), await linesUnder(page, 0));
    assert.ok((await linesUnder(page, 1)).some((l) => l.includes('[rules]') && l.endsWith('needs a restart')), await linesUnder(page, 1));
    assert.ok((await linesUnder(page, 2)).includes("service passport: the log's set-up of it, not the file's; the log wins"), await linesUnder(page, 2));
    assert.equal(await page.locator('#config-error').textContent(), '');
    await allInside(page, LAPTOP);
    await shoot(page, 'admin-config-judged-en');

    // Nothing was applied: the service list is as it was.
    assert.equal(await page.locator('#services tr[data-id="tax"]').count(), 0);

    // Another staff language: the headings in it, the server's lines as they were.
    const fr = words('fr');
    await page.selectOption('#staff-language', 'fr');
    await page.locator('#config-section h2', { hasText: fr['staff.admin.config.title'] }).waitFor();
    assert.deepEqual(await headings(page), [fr['staff.admin.config.live'], fr['staff.admin.config.restart'], fr['staff.admin.config.kept']]);
    assert.ok((await linesUnder(page, 0)).includes('add service tax'));
    assert.equal(await page.locator('#config-result .hint').textContent(), fr['staff.admin.config.english']);
    await allInside(page, LAPTOP);
    await shoot(page, 'admin-config-judged-fr');
    assert.deepEqual(errors, []);
});

test('a picked file that does not load shows its problems; one over 1 MiB is refused before sending', { timeout: 60000 }, async () => {
    const errors = [];
    const page = await adminPage(errors);
    const bad = readText(server.config).replace('max_recalls = 2', 'max_recalls = "two"');
    // The picker says our words, not the browser's: which file, or none yet.
    assert.equal(await page.locator('#config-section .pick').textContent(), en['staff.admin.config.choose']);
    assert.equal(await page.locator('#config-file-name').textContent(), en['staff.admin.config.noFile']);
    await page.setInputFiles('#config-file', { name: 'centre.toml', mimeType: 'text/plain', buffer: Buffer.from(bad) });
    await page.waitForFunction(() => document.querySelector('#config-text').value.includes('"two"'));
    await page.click('#config-check');
    await page.locator('#config-result[data-verdict="problems"]').waitFor();
    assert.deepEqual(await headings(page), [en['staff.admin.config.problems']]);
    const problems = await linesUnder(page, 0);
    assert.ok(problems.length >= 1 && problems.every((p) => /:\d+:\d+: /.test(p)) && problems.some((p) => p.includes('max_recalls')), problems);
    await shoot(page, 'admin-config-problems-en');
    const ru = words('ru');
    await page.selectOption('#staff-language', 'ru');
    await page.locator('#config-result h3', { hasText: ru['staff.admin.config.problems'] }).waitFor();
    assert.equal(await page.locator('#config-section .pick').textContent(), ru['staff.admin.config.choose']);
    assert.equal(await page.locator('#config-file-name').textContent(), 'centre.toml', 'the chosen file stays named');
    await allInside(page, LAPTOP);
    await shoot(page, 'admin-config-problems-ru');

    // Over the server's 1 MiB: said at once, in the staff language, and nothing is sent (no verdict).
    await page.selectOption('#staff-language', 'en');
    const large = Buffer.alloc(1024 * 1024 + 10, '#');
    const sendsBefore = await page.evaluate(() => window.sends);
    await page.setInputFiles('#config-file', { name: 'huge.toml', mimeType: 'text/plain', buffer: large });
    const said = en['staff.admin.config.tooLarge'].replace('{size}', '1025');
    await page.locator('#config-error', { hasText: said }).waitFor();
    assert.equal(await page.locator('#config-result').isHidden(), true);
    assert.equal(await page.inputValue('#config-text'), '');
    await page.click('#config-check');
    await page.locator('#config-error', { hasText: en['staff.admin.config.empty'] }).waitFor();
    // Pasted, between the frame and the server's limit: the page says which limit, before sending.
    await page.evaluate(() => { document.querySelector('#config-text').value = 'x'.repeat(200 * 1024); });
    await page.click('#config-check');
    await page.locator('#config-error', { hasText: en['staff.admin.config.overFrame'].replace('{size}', '200') }).waitFor();
    const az = words('az');
    await page.selectOption('#staff-language', 'az');
    await page.locator('#config-error', { hasText: az['staff.admin.config.overFrame'].replace('{size}', '200') }).waitFor();
    await shoot(page, 'admin-config-too-large-az');
    assert.equal(await page.evaluate(() => window.sends), sendsBefore, 'nothing went to the server');
    assert.deepEqual(errors, []);
});
