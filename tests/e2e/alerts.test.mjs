// Alerts before a breach on the manager's dashboard at 1366x768 (docs/DOMAIN.md#alerts-before-a-breach):
// a citizen waits for a line no open counter serves, and within the server's ticks an alert
// rises at the top of the page, on the screen and large, saying when the target passes and which
// counter to open, in each of the five staff languages; the clerk opening that counter ends it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, clerk, kioskToken, manager, server, serverAndBrowser, shoot } from './harness.mjs';
import { dashboardPage, insideViewport, signedIn, submit } from './manager_screen.mjs';

serverAndBrowser();

const threeTicks = 50000;  // the server decides alerts every 15 s

// What the manager reads: every alert's words and where it is, its text's size.
const alertsSeen = (page) => page.evaluate(() => [...document.querySelectorAll('#alerts .alert')].map((a) => ({
    service: a.dataset.service, level: a.dataset.level, text: a.innerText.replace(/\s+/g, ' ').trim(),
    size: parseFloat(getComputedStyle(a.querySelector('strong')).fontSize),
})));

test('a line nobody serves raises an alert with advice, in five languages, and opening its counter ends it', { timeout: 180000 }, async () => {
    const errors = [];
    const { context, page } = await dashboardPage(browser, server.url, errors);
    await submit(page, manager);
    await signedIn(page);
    await page.selectOption('#staff-language', 'en');  // the centre's first language is Azerbaijani
    assert.equal(await page.locator('#alerts').isHidden(), true, 'no alert while nobody waits');

    // Property registration: target 20 min, served by counter 6 only, closed.
    await page.evaluate(async (token) => {
        const { Link } = await import('/js/link.js');
        const kiosk = await new Link({ role: 'ROLE_KIOSK', deviceToken: token }).start();
        await kiosk.request('issueTicket', { serviceId: 'property', language: 'en' });
    }, kioskToken);
    const alert = page.locator('#alerts .alert[data-service="property"]');
    await alert.waitFor({ timeout: threeTicks });

    let seen = await alertsSeen(page);
    assert.equal(seen.length, 1, 'one line is foreseen to breach');
    assert.equal(seen[0].level, 'target');
    assert.match(seen[0].text, /^Property registration: the target wait of 20 min is predicted to pass at \d\d:\d\d \(in (19|20) min\)\. Open or resume Counter 6 to clear it\.$/);
    assert.ok(seen[0].size >= 20, `the alert reads from a step back: ${seen[0].size}px`);
    await insideViewport(page, '#alerts');
    const first = await page.locator('main > section:not([hidden])').first().getAttribute('id');
    assert.equal(first, 'alerts', 'the alerts come first on the page');
    await shoot(page, 'alerts-en');

    const expected = {
        ru: /^Регистрация недвижимости: норматив ожидания 20 мин будет превышен в \d\d:\d\d \(через \d+ мин\)\. Откройте или верните с перерыва: Окно 6, чтобы этого избежать\.$/,
        az: /^Daşınmaz əmlakın qeydiyyatı: 20 dəq hədəf gözləmə vaxtının saat \d\d:\d\d radələrində \(\d+ dəq sonra\) aşılacağı gözlənilir\. Bunun qarşısını almaq üçün Masa 6 açın və ya fasiləni bitirin\.$/,
        fr: /^Enregistrement foncier : l'attente cible de 20 min devrait être dépassée à \d\d:\d\d \(dans \d+ min\)\. Ouvrez ou reprenez Guichet 6 pour l'éviter\.$/,
        rw: /^Kwandikisha ubutaka n'inzu: igihe cyo gutegereza cyagenwe cy'iminota 20 kizarenga saa \d\d:\d\d \(mu minota \d+\)\. Fungura cyangwa usubukure Idirishya 6 kugira ngo bitabaho\.$/,
    };
    for (const [language, words] of Object.entries(expected)) {
        await page.selectOption('#staff-language', language);
        seen = await alertsSeen(page);
        assert.match(seen[0].text, words, `the alert in ${language}`);
        assert.match(await page.locator('#alerts h2').innerText(), /\S/);
        await insideViewport(page, '#alerts');
        await shoot(page, `alerts-${language}`);
    }
    await page.selectOption('#staff-language', 'en');

    await page.evaluate(async (who) => {
        const { Link } = await import('/js/link.js');
        const desk = await new Link({ role: 'ROLE_CLERK', user: who.user, secret: who.secret }).start();
        await desk.request('openCounter', { counter: 6 });
    }, clerk);
    await page.locator('#alerts').waitFor({ state: 'hidden', timeout: threeTicks });
    assert.deepEqual(await alertsSeen(page), [], 'the open counter cleared the forecast');
    await shoot(page, 'alerts-cleared');
    assert.deepEqual(errors, []);
    await context.close();
});
