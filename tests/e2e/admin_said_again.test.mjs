// The admin page at a manager's 1366x768: each sentence the page says itself (a check before
// sending, "saved", "copied", an empty required field) and a server's refusal are said again in
// the new staff language after a switch (js/admin_form.js say/attempt), not left in the old one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, open, readText, server, serverAndBrowser, shoot } from './harness.mjs';
import { LAPTOP } from './admin_screen.mjs';

const admin = { user: 'aysel', secret: 'aysel-secret-1' };
serverAndBrowser({ admins: [admin], freshContexts: true });
const tables = Object.fromEntries(['en', 'az', 'ru', 'fr', 'rw'].map((c) => [c, JSON.parse(readText(`web/i18n/${c}.json`))]));
const sayIn = (code, key, values = {}) => tables[code][`staff.${key}`].replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''));

async function adminPage(errors) {
    const context = await browser.newContext({ viewport: LAPTOP });
    await context.addInitScript(() => localStorage.setItem('novbe.staffLanguage', 'en'));
    const page = await open(context, `${server.url}/admin`, errors);
    await page.fill('#user', admin.user);
    await page.fill('#secret', admin.secret);
    await page.click('#sign-in-button');
    await page.locator('#services tr').first().waitFor();
    await page.locator('#devices tr').first().waitFor();
    return page;
}

// `where` says `en` now; after a switch to `code` it says `then(code)`, then English again.
async function saidAgain(page, where, en, then, code, shot) {
    await page.locator(where, { hasText: en }).waitFor();
    assert.equal(await page.locator(where).textContent(), en);
    await page.selectOption('#staff-language', code);
    await page.locator('#services-section h2', { hasText: tables[code]['staff.admin.services'] }).waitFor();
    assert.equal(await page.locator(where).textContent(), then(code), `${where} in ${code}`);
    if (shot) await shoot(page, shot);
    await page.selectOption('#staff-language', 'en');
    assert.equal(await page.locator(where).textContent(), then('en'), `${where} in English again`);
}

test('each kind of sentence the admin page says is said again after a language switch', { timeout: 90000 }, async () => {
    const errors = [];
    const page = await adminPage(errors);

    // A counter without services (the page's own check).
    await page.fill('#counter-number', '41');
    await page.click('#counter-save');
    await saidAgain(page, '#counter-error', sayIn('en', 'admin.noServices'), (c) => sayIn(c, 'admin.noServices'), 'ru', 'admin-said-again-counter-ru');
    await page.click('#counter-cancel');

    // A target over the maximum (the page's own check).
    await page.fill('#service-id', 'x1');
    await page.fill('#service-prefix', 'X');
    for (const input of await page.locator('#service-names input').all()) await input.fill('X');
    await page.fill('#service-target', '50');
    await page.fill('#service-max', '10');
    await page.click('#service-save');
    await saidAgain(page, '#service-error', sayIn('en', 'admin.targetOverMaximum'), (c) => sayIn(c, 'admin.targetOverMaximum'), 'az', 'admin-said-again-service-az');

    // A server's refusal (attempt): a prefix taken.
    await page.fill('#service-target', '10');
    await page.fill('#service-max', '30');
    await page.fill('#service-prefix', 'A');
    await page.click('#service-save');
    await page.locator('#service-error', { hasText: 'passport' }).waitFor();
    const taken = await page.locator('#service-error').textContent();
    await page.selectOption('#staff-language', 'fr');
    await page.locator('#service-error', { hasText: 'passport' }).waitFor();
    assert.notEqual(await page.locator('#service-error').textContent(), taken, 'the refusal in French');
    await page.selectOption('#staff-language', 'en');
    assert.equal(await page.locator('#service-error').textContent(), taken, 'the refusal in English again');
    await page.click('#service-cancel');

    // Secrets that differ, then a name too long in bytes (with the field's name in the sentence).
    await page.fill('#user-name', 'zaur');
    await page.fill('#user-secret', 'zaur-secret-1');
    await page.fill('#user-again', 'zaur-secret-2');
    await page.click('#user-save');
    await saidAgain(page, '#user-error', sayIn('en', 'admin.secretsDiffer'), (c) => sayIn(c, 'admin.secretsDiffer'), 'rw');
    await page.fill('#user-again', 'zaur-secret-1');
    await page.fill('#user-name', 'ə'.repeat(33));
    await page.click('#user-save');
    const tooLong = (c) => sayIn(c, 'admin.tooLong', { what: sayIn(c, 'admin.column.name'), most: 64 });
    await saidAgain(page, '#user-error', tooLong('en'), tooLong, 'ru', 'admin-said-again-user-ru');
    await page.click('#user-cancel');

    // An empty required field, named by its label.
    await page.click('#device-save');
    const required = (c) => sayIn(c, 'admin.required', { field: sayIn(c, 'admin.column.name') });
    await saidAgain(page, '#device-error', required('en'), required, 'fr');

    // The week saved.
    await page.click('#week-save');
    await saidAgain(page, '#week-status', sayIn('en', 'admin.hours.saved'), (c) => sayIn(c, 'admin.hours.saved'), 'az', 'admin-said-again-hours-az');

    // A new device's address copied (or, where the clipboard is not allowed, to copy by hand).
    await page.fill('#device-name', 'kiosk said again');
    await page.click('#device-save');
    await page.locator('#new-address').waitFor();
    await page.locator('#device-token button[data-action="admin.copy"]').click();
    await page.locator('#copy-said:not(:empty)').waitFor();
    const copied = await page.locator('#copy-said').textContent();
    const key = copied === sayIn('en', 'admin.copied') ? 'admin.copied' : 'admin.copyByHand';
    assert.equal(copied, sayIn('en', key));
    await saidAgain(page, '#copy-said', sayIn('en', key), (c) => sayIn(c, key), 'ru', 'admin-said-again-copy-ru');
    assert.deepEqual(errors, []);
});
