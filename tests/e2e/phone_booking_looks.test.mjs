// The phone booking page's looks (/book, docs/DOMAIN.md#phone-bookings) at 390x844 and 360x640:
// the page's title (the tab, the home-screen name) in each of the five languages; the days'
// rows of one height whether a day is open or closed; a closed day read at full strength (its
// text at least 4.5:1 against its own background, WCAG AA), not faded grey on grey.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { Server, launch, open, shoot } from './harness.mjs';

const words = Object.fromEntries(['en', 'az', 'ru', 'fr', 'rw'].map((l) =>
    [l, JSON.parse(readFileSync(new URL(`../../web/i18n/${l}.json`, import.meta.url), 'utf8'))]));

// A date `days` from today in the demo centre's zone (Asia/Baku, +04:00), "YYYY-MM-DD".
const bakuDate = (days) => new Date(Date.now() + 4 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);

let server;
let browser;

before(async () => {
    server = new Server();
    // Two closed days among the fourteen, so the day step shows both kinds side by side.
    writeFileSync(server.config, `${readFileSync(server.config, 'utf8')}\n[booking.exceptions]\n"${bakuDate(2)}" = "closed"\n"${bakuDate(4)}" = "closed"\n`);
    await server.start();
    browser = await launch();
});

after(async () => {
    await browser?.close();
    await server?.stop();
});

// WCAG's contrast ratio of two "rgb(r, g, b)" colours.
function contrast(a, b) {
    const luminance = (css) => {
        const [r, g, bl] = css.match(/[\d.]+/g).slice(0, 3).map((v) => {
            const c = Number(v) / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
}

for (const size of [{ width: 390, height: 844 }, { width: 360, height: 640 }]) {
    test(`the days at ${size.width}x${size.height}: rows of one height, closed days readable`, async () => {
        const errors = [];
        const context = await browser.newContext({ viewport: size });
        const page = await open(context, `${server.url}/book?lang=en`, errors);
        await page.locator('#choices button').first().click();
        await page.locator('#step', { hasText: words.en.bookChooseDay }).waitFor();
        await shoot(page, `phone-booking-days-${size.width}x${size.height}`);
        const days = await page.locator('#choices button').evaluateAll((buttons) => buttons.map((b) => {
            const style = getComputedStyle(b);
            const note = b.querySelector('small');
            return { height: b.getBoundingClientRect().height, closed: b.disabled, color: style.color,
                background: style.backgroundColor, opacity: Number(style.opacity),
                note: note ? getComputedStyle(note).color : null, noteOpacity: note ? Number(getComputedStyle(note).opacity) : 1 };
        }));
        assert.equal(days.length, 15, 'today and 14 days ahead');
        assert.equal(days.filter((d) => d.closed).length, 2);
        const heights = new Set(days.map((d) => Math.round(d.height)));
        assert.equal(heights.size, 1, `one height for every day: ${[...heights]}`);
        for (const d of days.filter((x) => x.closed)) {
            assert.equal(d.opacity, 1, 'not faded');
            assert.equal(d.noteOpacity, 1, 'its note not faded');
            assert.ok(contrast(d.color, d.background) >= 4.5, `day ${d.color} on ${d.background}`);
            assert.ok(contrast(d.note, d.background) >= 4.5, `"closed" ${d.note} on ${d.background}`);
        }
        const open_ = days.find((d) => !d.closed);
        assert.notEqual(open_.background, days.find((d) => d.closed).background, 'a closed day looks unlike an open one');
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth) <= 0, 'nothing wider than the phone');
        assert.deepEqual(errors, []);
        await context.close();
    });
}

test('the page title is in each of the five languages, with the centre name', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    for (const lang of ['en', 'az', 'ru', 'fr', 'rw']) {
        const errors = [];
        const page = await open(context, `${server.url}/book?lang=${lang}`, errors);
        await page.locator('#choices button').first().waitFor();
        const centre = await page.locator('#centre').textContent();
        assert.ok(centre.length > 0);
        assert.equal(await page.title(), words[lang].bookPageTitle.replace('{centre}', centre));
        assert.deepEqual(errors, []);
        await page.close();
    }
    const titles = new Set(['en', 'az', 'ru', 'fr', 'rw'].map((l) => words[l].bookPageTitle));
    assert.equal(titles.size, 5, 'five different titles: none an English copy');
    await context.close();
});
