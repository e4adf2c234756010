// The admin page (/admin, docs/SETUP.md) against the demo centre, at a manager's 1366x768 and a
// desk's 1920x1080: an admin adds a service and a kiosk in the hall shows it without a reload,
// while a second admin's page follows; adds a counter; retiring is refused in words while a
// ticket waits or the counter is open, then allowed; a new device's token, shown once, signs a
// kiosk in; a disabled clerk's session ends; a manager sees it all read-only; Russian too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { browser, clerk, kioskToken, manager, open, readText, screenshots, server, serverAndBrowser, shoot } from './harness.mjs';
import { DESK, LAPTOP, allInside, row } from './admin_screen.mjs';

const admin = { user: 'aysel', secret: 'aysel-secret-1' };
const second = { user: 'farid', secret: 'farid-secret-1' };
serverAndBrowser({ admins: [admin, second], freshContexts: true });

async function adminPage(who, errors, viewport = LAPTOP, language = 'en') {
    const context = await browser.newContext({ viewport });
    await context.addInitScript((l) => localStorage.setItem('novbe.staffLanguage', l), language);
    const page = await open(context, `${server.url}/admin`, errors);
    await page.fill('#user', who.user);
    await page.fill('#secret', who.secret);
    await page.click('#sign-in-button');
    await page.locator('#services tr').first().waitFor();
    await page.locator('#users tr').first().waitFor();
    await page.locator('#devices tr').first().waitFor();
    return { context, page };
}

// Speaks the protocol from a page of the server, as a kiosk, clerk or manager would.
function wire(page, body, args = {}) {
    return page.evaluate(async ({ body, args }) => {
        const { Link } = await import('/js/link.js');
        return new Function('Link', 'args', `return (async () => { ${body} })();`)(Link, args);
    }, { body, args: { kioskToken, clerk, manager, ...args } });
}


test('an admin adds a service, a kiosk and a second admin follow live; retiring it waits for its line', { timeout: 120000 }, async () => {
    const errors = [];
    const kioskContext = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const kiosk = await open(kioskContext, `${server.url}/kiosk?token=${kioskToken}`, errors);
    await kiosk.locator('#screen .choices button', { hasText: 'English' }).click();
    await kiosk.locator('button.service[value="passport"]').waitFor();
    // A board and a clerk's counter page in the hall follow too (the board's line, the transfer list).
    const board = await open(await browser.newContext({ viewport: { width: 1920, height: 1080 } }), `${server.url}/board`, errors);
    await board.locator('#line-table tr').first().waitFor();
    const desk = await open(await browser.newContext({ viewport: { width: 1366, height: 768 } }), `${server.url}/counter`, errors);
    await desk.fill('#user', clerk.user);
    await desk.fill('#secret', clerk.secret);
    await desk.fill('#counter-number', '1');
    await desk.click('#sign-in-button');
    await desk.locator('#desk').waitFor();
    const { page } = await adminPage(admin, errors);
    const { page: other } = await adminPage(second, errors);

    await page.fill('#service-id', 'tax');
    await page.fill('#service-prefix', 'T');
    const names = { az: 'Vergi', en: 'Tax office', ru: 'Налоги', rw: 'Imisoro', fr: 'Impôts' };
    for (const [language, name] of Object.entries(names)) await page.fill(`#service-names input[data-language="${language}"]`, name);
    await page.fill('#service-target', '10');
    await page.fill('#service-max', '30');
    await page.selectOption('#service-agency', 'migration');
    await page.click('#service-save');
    await row(page, 'services', 'id', 'tax').waitFor();
    assert.equal(await page.locator('#service-error').textContent(), '');
    assert.deepEqual((await row(page, 'services', 'id', 'tax').locator('td').allTextContents()).slice(0, 7),
        ['tax', 'T', 'Tax office', '10', '30', 'State Migration Service', '0']);
    await kiosk.locator('button.service[value="tax"]', { hasText: 'Tax office' }).waitFor();  // no reload
    await row(other, 'services', 'id', 'tax').waitFor();

    // Changed: its new target on both admins' pages; the id and prefix stay as they were.
    await row(page, 'services', 'id', 'tax').locator('button[data-action="admin.change"]').click();
    assert.ok(await page.locator('#service-id').isDisabled() && await page.locator('#service-prefix').isDisabled());
    await page.fill('#service-target', '12');
    await page.fill('#service-names input[data-language="en"]', 'Tax and duties');
    await page.click('#service-save');
    await row(other, 'services', 'id', 'tax').locator('td', { hasText: 'Tax and duties' }).waitFor();
    assert.equal(await row(other, 'services', 'id', 'tax').locator('td').nth(3).textContent(), '12');
    await kiosk.locator('button.service[value="tax"]', { hasText: 'Tax and duties' }).waitFor();
    await desk.locator('#transfer-to option[value="tax"]', { hasText: names.az }).waitFor({ state: 'attached' });  // in az, the centre's first

    // A taken prefix is refused in words beside the form, and what was typed stays.
    await page.fill('#service-id', 'tax2');
    await page.fill('#service-prefix', 'A');
    for (const [language, name] of Object.entries(names)) await page.fill(`#service-names input[data-language="${language}"]`, `${name} 2`);
    await page.click('#service-save');
    await page.locator('#service-error', { hasText: 'Prefix A is taken by service passport.' }).waitFor();
    assert.equal(await page.inputValue('#service-id'), 'tax2');
    assert.equal(await page.inputValue('#service-names input[data-language="ru"]'), 'Налоги 2');
    await page.click('#service-cancel');

    // Retire: refused while a ticket waits, saying how many; allowed once the line is empty.
    const number = await wire(page, `const k = await new Link({ role: 'ROLE_KIOSK', deviceToken: args.kioskToken }).start();
        const t = await k.request('issueTicket', { serviceId: 'tax', language: 'en' }); k.close(); return t.issuedTicket.number;`);
    await row(page, 'services', 'id', 'tax').locator('td', { hasText: /^1$/ }).waitFor();
    await board.locator('#line-table tr[data-service="tax"]').waitFor({ state: 'attached' });
    // Retiring asks first, saying what it does; "Keep it" leaves the service as it was.
    await row(page, 'services', 'id', 'tax').locator('button[data-action="admin.retire"]').click();
    assert.equal(await row(page, 'services', 'id', 'tax').locator('.why').textContent(),
        'Retire for good? The service leaves the kiosks and the boards and takes no more tickets; its counters stop serving it. Its tickets and figures stay in the history.');
    assert.equal(await row(page, 'services', 'id', 'tax').locator('button[data-action="admin.change"]').count(), 0, 'only the two answers offered');
    await allInside(page, LAPTOP);
    await shoot(page, 'admin-services-retire-confirm');
    await row(page, 'services', 'id', 'tax').locator('button[data-action="admin.keep"]').click();
    assert.equal(await row(page, 'services', 'id', 'tax').locator('.why').count(), 0);
    assert.equal(await page.locator('#services tr.retired[data-id="tax"]').count(), 0, 'kept');
    await row(page, 'services', 'id', 'tax').locator('button[data-action="admin.retire"]').click();
    await row(page, 'services', 'id', 'tax').locator('button[data-action="admin.retireYes"]').click();
    await row(page, 'services', 'id', 'tax').locator('.problem', { hasText: 'Waiting in this line: 1. Move them to another service first.' }).waitFor();
    await allInside(page, LAPTOP);
    await shoot(page, 'admin-services-retire-refused');
    await wire(page, `const m = await new Link({ role: 'ROLE_MANAGER', ...args.manager }).start();
        await m.request('cancelTicket', { number: args.number, reason: 'wrong_service' }); m.close();`, { number });
    await row(page, 'services', 'id', 'tax').locator('td', { hasText: /^0$/ }).waitFor();
    await row(page, 'services', 'id', 'tax').locator('button[data-action="admin.retire"]').click();
    assert.equal(await row(page, 'services', 'id', 'tax').locator('.problem').count(), 0, 'the old refusal is gone once asked again');
    await row(page, 'services', 'id', 'tax').locator('button[data-action="admin.retireYes"]').click();
    await page.locator('#services tr.retired[data-id="tax"]').waitFor();
    assert.equal(await page.locator('#services tr').last().getAttribute('data-id'), 'tax', 'retired ones at the end');
    await kiosk.locator('button.service[value="tax"]').waitFor({ state: 'detached' });
    await other.locator('#services tr.retired[data-id="tax"]').waitFor();
    await board.locator('#line-table tr[data-service="tax"]').waitFor({ state: 'detached' });
    await desk.locator('#transfer-to option[value="tax"]').waitFor({ state: 'detached' });
    await wire(page, `const d = await new Link({ role: 'ROLE_CLERK', ...args.clerk }).start();
        await d.request('closeCounter', { counter: 1 }); d.close();`);  // as the other tests find it
    assert.deepEqual(errors, []);
});

test('an admin adds a counter with its services in order, changes it, and retires it once it is closed', { timeout: 120000 }, async () => {
    const errors = [];
    const { page } = await adminPage(admin, errors, DESK);
    // The demo's counters have no names: each is called by its number, never a blank cell.
    for (const n of [1, 8]) assert.equal(await row(page, 'counters', 'number', n).locator('td').nth(1).textContent(), `Counter ${n}`);
    await page.fill('#counter-number', '10');
    await page.selectOption('#counter-add-service', 'notary');
    await page.click('#counter-add-service-button');
    await page.click('#counter-save');
    await row(page, 'counters', 'number', 10).waitFor();
    assert.equal(await row(page, 'counters', 'number', 10).locator('td').nth(1).textContent(), 'Counter 10', 'added without a name');
    assert.equal(await page.locator('#device-counter option[value="10"]').textContent(), 'Counter 10');
    await page.fill('#counter-number', '9');
    await page.fill('#counter-name', 'Counter 9');
    await page.selectOption('#counter-policy', 'ROUTING_POLICY_STRICT_SERVICE_ORDER');
    for (const id of ['passport', 'id_card']) {
        await page.selectOption('#counter-add-service', id);
        await page.click('#counter-add-service-button');
    }
    await page.locator('#counter-services li[data-id="id_card"] button').first().click();  // up: first
    assert.deepEqual(await page.locator('#counter-services li > span').allTextContents(), ['Identity card', 'Passport']);
    await page.click('#counter-save');
    await row(page, 'counters', 'number', 9).waitFor();
    assert.deepEqual((await row(page, 'counters', 'number', 9).locator('td').allTextContents()).slice(0, 4),
        ['9', 'Counter 9', 'Identity card, Passport', "In the counter's order"]);
    assert.equal(await page.locator('#counter-services li').count(), 0, 'the form is empty again');

    await row(page, 'counters', 'number', 9).locator('button[data-action="admin.change"]').click();
    assert.equal(await page.locator('#counter-form-title').textContent(), 'Change counter 9');
    await page.fill('#counter-name', 'Window 9');
    await page.locator('#counter-services li[data-id="passport"] button').last().click();  // take passport out
    await page.click('#counter-save');
    await row(page, 'counters', 'number', 9).locator('td', { hasText: 'Window 9' }).waitFor();
    assert.equal(await row(page, 'counters', 'number', 9).locator('td').nth(2).textContent(), 'Identity card');

    await wire(page, `const a = await new Link({ role: 'ROLE_CLERK', ...args.clerk }).start();
        await a.request('openCounter', { counter: 9 }); a.close();`);
    await row(page, 'counters', 'number', 9).locator('button[data-action="admin.retire"]').click();
    assert.equal(await row(page, 'counters', 'number', 9).locator('.why').textContent(),
        'Retire for good? The counter opens no more and leaves the boards. Its number and history stay.');
    await row(page, 'counters', 'number', 9).locator('button[data-action="admin.retireYes"]').click();
    await row(page, 'counters', 'number', 9).locator('.problem', { hasText: 'This counter is open or has a ticket at it: close it first.' }).waitFor();
    await allInside(page, DESK);
    await shoot(page, 'admin-counters-desk');
    await wire(page, `const a = await new Link({ role: 'ROLE_CLERK', ...args.clerk }).start();
        await a.request('closeCounter', { counter: 9 }); a.close();`);
    await row(page, 'counters', 'number', 9).locator('button[data-action="admin.retire"]').click();
    await row(page, 'counters', 'number', 9).locator('button[data-action="admin.keep"]').click();
    assert.equal(await page.locator('#counters tr.retired').count(), 0, 'kept');
    await row(page, 'counters', 'number', 9).locator('button[data-action="admin.retire"]').click();
    await row(page, 'counters', 'number', 9).locator('button[data-action="admin.retireYes"]').click();
    await page.locator('#counters tr.retired[data-number="9"]').waitFor();
    assert.equal(await page.locator('#counters tr').last().getAttribute('data-number'), '9');
    assert.deepEqual(errors, []);
});

test('an admin adds a kiosk, whose token is shown once and signs it in; renames it, then revokes it after a confirmation', { timeout: 120000 }, async () => {
    const errors = [];
    const { page } = await adminPage(admin, errors);
    await page.fill('#device-name', 'kiosk hall east');
    await page.selectOption('#device-role', 'ROLE_KIOSK');
    assert.ok(await page.locator('#device-counter-label').isHidden(), 'a kiosk stands at no counter');
    await page.click('#device-save');
    await page.locator('#device-token').waitFor();
    const token = await page.locator('#new-token').textContent();
    assert.match(token, /^[0-9a-f]{32}$/);
    assert.equal(await page.locator('#new-address').textContent(), `${server.url}/kiosk?token=${token}`);
    assert.match(await page.locator('#device-token').textContent(), /this token is not shown again/);
    // No public_url in the demo, and this browser is on the server's own machine: said plainly.
    const en = JSON.parse(readText('web/i18n/en.json'));
    assert.equal(await page.locator('#address-note').getAttribute('data-how'), 'local');
    assert.equal(await page.locator('#address-note').textContent(), en['staff.admin.addressLocal'].replace('{host}', new URL(server.url).host));
    assert.equal(await page.locator('#set-up').textContent(), en['staff.admin.setUp.kiosk']);
    await row(page, 'devices', 'name', 'kiosk hall east').waitFor();
    await allInside(page, LAPTOP);
    await page.locator('#device-token').screenshot({ path: join(screenshots, 'admin-device-token.png') });

    const kioskContext = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const kiosk = await open(kioskContext, await page.locator('#new-address').textContent(), errors);
    await kiosk.locator('#screen .choices button', { hasText: 'English' }).waitFor();
    assert.ok(await kiosk.locator('#offline').isHidden(), 'the new token signs the kiosk in');
    await page.locator('#device-token button[data-action="admin.tokenNoted"]').click();
    assert.ok(await page.locator('#device-token').isHidden());
    assert.equal(await page.locator('#new-token').count(), 0, 'the token is nowhere on the page any more');

    await row(page, 'devices', 'name', 'kiosk hall east').locator('button[data-action="admin.rename"]').click();
    await page.fill('#device-name', 'kiosk hall east door');
    await page.click('#device-save');
    await row(page, 'devices', 'name', 'kiosk hall east door').waitFor();

    const renamed = row(page, 'devices', 'name', 'kiosk hall east door');
    await renamed.locator('button[data-action="admin.revoke"]').click();
    await renamed.locator('button[data-action="admin.keep"]').click();
    assert.equal(await renamed.locator('tr.revoked').count(), 0);
    await renamed.locator('button[data-action="admin.revoke"]').click();
    await renamed.locator('.why', { hasText: 'Revoke for good?' }).waitFor();
    await renamed.locator('button[data-action="admin.revokeYes"]').click();
    await page.locator('#devices tr.revoked[data-name="kiosk hall east door"]').waitFor();
    await kiosk.locator('#offline').waitFor({ state: 'visible' });  // its connection closed, its token refused

    // A rating pad names its counter, and its address is the pad's page.
    await page.fill('#device-name', 'rating pad counter 2');
    await page.selectOption('#device-role', 'ROLE_RATING_DEVICE');
    await page.selectOption('#device-counter', '2');
    await page.click('#device-save');
    await page.locator('#new-address', { hasText: `${server.url}/rate?token=` }).waitFor();
    assert.equal(await page.locator('#set-up').textContent(), 'On the rating pad at counter 2: open this address once in its browser, which keeps the token.');
    await page.locator('#device-token button[data-action="admin.copy"]').click();
    await page.locator('#copy-said', { hasText: /^(Copied\.|Selected: press Ctrl\+C to copy it\.)$/ }).waitFor();
    assert.deepEqual((await row(page, 'devices', 'name', 'rating pad counter 2').locator('td').allTextContents()).slice(0, 4),
        ['rating pad counter 2', 'Rating pad', '2', 'in use']);
    assert.deepEqual(errors, []);
});

test('an admin adds a clerk (the secret typed twice), disables them and their counter page is signed out, sets a new secret and a role', { timeout: 120000 }, async () => {
    const errors = [];
    const { page } = await adminPage(admin, errors);
    await page.fill('#user-name', 'rashad');
    await page.selectOption('#user-role', 'ROLE_CLERK');
    await page.fill('#user-secret', 'short');
    await page.fill('#user-again', 'short');
    await page.click('#user-save');
    await page.locator('#user-error', { hasText: 'A secret has 8 to 256 bytes.' }).waitFor();
    await page.fill('#user-secret', 'rashad-secret-1');
    await page.fill('#user-again', 'rashad-secret-2');
    await page.click('#user-save');
    await page.locator('#user-error', { hasText: 'The two secrets are not the same.' }).waitFor();
    assert.equal(await page.inputValue('#user-name'), 'rashad', 'nothing typed is lost');
    await page.fill('#user-again', 'rashad-secret-1');
    await page.click('#user-save');
    await row(page, 'users', 'name', 'rashad').waitFor();
    const { page: other } = await adminPage(second, errors);
    await row(other, 'users', 'name', 'rashad').waitFor();
    assert.deepEqual((await row(page, 'users', 'name', 'rashad').locator('td').allTextContents()).slice(0, 3), ['rashad', 'Clerk', 'may sign in']);

    // One's own user: no Disable, and the reason said.
    const me = row(page, 'users', 'name', admin.user);
    assert.equal(await me.locator('button[data-action="admin.disable"]').count(), 0);
    assert.match(await me.locator('.why').textContent(), /You are signed in as this user/);
    assert.ok(await me.locator('select').isDisabled());

    const deskContext = await browser.newContext({ viewport: LAPTOP });
    const desk = await open(deskContext, `${server.url}/counter`, errors);
    await desk.fill('#user', 'rashad');
    await desk.fill('#secret', 'rashad-secret-1');
    await desk.fill('#counter-number', '4');
    await desk.click('#sign-in-button');
    await desk.locator('#desk').waitFor();
    await row(page, 'users', 'name', 'rashad').locator('button[data-action="admin.disable"]').click();
    await row(page, 'users', 'name', 'rashad').locator('td', { hasText: 'disabled' }).waitFor();
    await row(other, 'users', 'name', 'rashad').locator('td', { hasText: 'disabled' }).waitFor();  // the second admin's page follows
    // Their session ended: the counter page is back at its sign-in form and says why.
    const az = JSON.parse(readText('web/i18n/az.json'));  // the staff language a new browser starts in
    await desk.locator('#sign-in-error', { hasText: az['staff.counter.signedOut'] }).waitFor();
    assert.ok(await desk.locator('#desk').isHidden() && await desk.locator('#offline').isHidden());
    await shoot(desk, 'admin-clerk-disabled-counter-page');
    await row(page, 'users', 'name', 'rashad').locator('button[data-action="admin.enable"]').click();
    await row(page, 'users', 'name', 'rashad').locator('td', { hasText: 'may sign in' }).waitFor();

    await row(page, 'users', 'name', 'rashad').locator('button[data-action="admin.resetSecret"]').click();
    assert.equal(await page.locator('#user-form-title').textContent(), 'A new secret for rashad');
    await page.fill('#user-secret', 'rashad-secret-9');
    await page.fill('#user-again', 'rashad-secret-9');
    await page.click('#user-save');
    await page.locator('#user-form-title', { hasText: 'Add a user' }).waitFor();
    assert.equal(await page.locator('#user-error').textContent(), '');
    const signedInAs = await wire(page, `const r = await new Link({ role: 'ROLE_CLERK', user: 'rashad', secret: 'rashad-secret-9' }).start();
        await new Promise((ok) => { const t = setInterval(() => { if (r.welcome) { clearInterval(t); ok(); } }, 50); });
        r.close(); return r.welcome.user;`);
    assert.equal(signedInAs, 'rashad', 'the new secret signs in');

    await row(page, 'users', 'name', 'rashad').locator('select').selectOption('ROLE_MANAGER');
    await row(page, 'users', 'name', 'rashad').locator('td', { hasText: /^Manager$/ }).waitFor();
    // A manager made a clerk again: their open dashboard says so at once and keeps no controls.
    const office = await open(await browser.newContext({ viewport: LAPTOP }), `${server.url}/dashboard`, []);
    await office.fill('#user', 'rashad');
    await office.fill('#secret', 'rashad-secret-9');
    await office.click('#sign-in-button');
    await office.locator('#board').waitFor();
    await row(page, 'users', 'name', 'rashad').locator('select').selectOption('ROLE_CLERK');
    await office.locator('#offline', { hasText: az['staff.dashboard.signedOut'] }).waitFor({ timeout: 5000 });
    assert.ok(await office.locator('#board').isHidden(), 'no controls the server would refuse');
    await shoot(office, 'admin-manager-demoted-dashboard');
    await office.context().close();
    await row(page, 'users', 'name', 'rashad').locator('select').selectOption('ROLE_MANAGER');
    await row(page, 'users', 'name', 'rashad').locator('td', { hasText: /^Manager$/ }).waitFor();
    await allInside(page, LAPTOP);
    await shoot(page, 'admin-users-laptop');
    assert.deepEqual(errors, []);
});

test('a manager sees the set-up read-only, with one line saying why, and the dashboard links to it', { timeout: 60000 }, async () => {
    const errors = [];
    const { context, page } = await adminPage(manager, errors, DESK);
    assert.equal(await page.locator('#read-only').textContent(), 'Only an admin changes the set-up: you see it read-only.');
    assert.ok(await page.locator('#read-only').isVisible());
    assert.ok(await page.locator('#services tr').count() >= 7 && await page.locator('#users tr').count() >= 3);
    for (const form of ['service', 'counter', 'device', 'user']) assert.ok(await page.locator(`#${form}-form`).isHidden(), `no ${form} form`);
    assert.equal(await page.locator('main button:visible, main input:visible, main select:visible').count(), 0, 'nothing to change');
    await allInside(page, DESK);
    await shoot(page, 'admin-manager-read-only');

    const dashboard = await open(context, `${server.url}/dashboard`, errors);
    assert.equal(await dashboard.locator('#to-admin').getAttribute('href'), '/admin');
    assert.equal(await dashboard.locator('#to-admin').textContent(), 'Administration');
    assert.deepEqual(errors, []);
});

test('in Russian: the headings, the forms and a refusal, nothing off screen at either size', { timeout: 60000 }, async () => {
    const ru = JSON.parse(readText('web/i18n/ru.json'));
    for (const viewport of [LAPTOP, DESK]) {
        const errors = [];
        const { page } = await adminPage(admin, errors, viewport, 'ru');
        await page.locator('#services-section h2', { hasText: ru['staff.admin.services'] }).waitFor();
        assert.equal(await page.locator('#users-section h2').textContent(), ru['staff.admin.users']);
        assert.equal(await page.locator('#counter-save').textContent(), ru['staff.admin.addCounter']);
        assert.equal(await row(page, 'users', 'name', 'anna').locator('td').nth(1).textContent(), ru['staff.admin.role.clerk']);
        assert.equal(await row(page, 'counters', 'number', 3).locator('td').nth(1).textContent(), ru['staff.dashboard.counterNumber'].replace('{number}', '3'));
        await row(page, 'counters', 'number', 3).locator('button[data-action="admin.retire"]').click();
        assert.equal(await row(page, 'counters', 'number', 3).locator('.why').textContent(), ru['staff.admin.retireCounterWhy']);
        assert.equal(await row(page, 'counters', 'number', 3).locator('button[data-action="admin.retireYes"]').textContent(), ru['staff.admin.retireYes']);
        await allInside(page, viewport);
        await row(page, 'counters', 'number', 3).locator('button[data-action="admin.keep"]').click();
        await page.fill('#counter-number', '1');
        await page.click('#counter-save');
        await page.locator('#counter-error', { hasText: ru['staff.admin.noServices'] }).waitFor();
        await page.click('#counter-add-service-button');
        await page.click('#counter-save');
        await page.locator('#counter-error', { hasText: ru['staff.admin.counterNumberTaken'].replace('{n}', '1') }).waitFor();
        await allInside(page, viewport);
        await shoot(page, `admin-ru-${viewport.width}`);
        assert.deepEqual(errors, []);
    }
});

test('a form is used by keyboard alone: a board added with Tab, arrows and Enter', { timeout: 60000 }, async () => {
    const errors = [];
    const { page } = await adminPage(admin, errors);
    await page.focus('#device-name');
    await page.keyboard.type('board hall 2');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'device-role');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.inputValue('#device-role'), 'ROLE_BOARD');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'device-save', 'a board has no counter to pass');
    await page.keyboard.press('Enter');
    await page.locator('#new-address', { hasText: `${server.url}/board?token=` }).waitFor();
    await row(page, 'devices', 'name', 'board hall 2').waitFor();
    assert.deepEqual(errors, []);
});
