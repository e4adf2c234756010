// The manager's dashboard as a manager uses it, at the dashboard's 1366x768: signing in after
// failed attempts ends signed in with no banner; the longest wait ticks and turns red on time
// with no event (on the counter page too); the charts' even scales and opening-to-closing day;
// the CSV as a spreadsheet reads it; the page in the staff's language, kept after a reload.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, clerk, kioskToken, manager, open, server, serverAndBrowser, shoot } from './harness.mjs';
import { SCREEN, assertEvenScale, dashboardPage as pageAt, insideViewport, parseCsv, serverWith, signedIn, submit, visibleState } from './manager_screen.mjs';

serverAndBrowser();  // the demo centre, open all day

const dashboardPage = (errors, url = server.url, options = {}) => pageAt(browser, url, errors, options);

test('sign-in after a clerk and a wrong secret ends signed in with no banner, every time', { timeout: 90000 }, async () => {
    const errors = [];
    const { context, page } = await dashboardPage(errors);
    for (let round = 0; round < 4; round++) {
        if (round) await page.reload();
        const pause = round * 700;  // each side of the banner's 1.5 s delay
        await submit(page, clerk);
        await page.locator('#sign-in-error', { hasText: 'This page is for managers.' }).waitFor({ timeout: 5000 });
        let seen = await visibleState(page);
        assert.equal(seen.error, `This page is for managers. ${clerk.user} signs in as clerk, not as manager.`);
        assert.deepEqual([seen.banner, seen.board], [null, false], `round ${round}: a clerk is not signed in and no banner says otherwise`);
        if (round === 0) await shoot(page, 'manager-sign-in-clerk');
        await page.waitForTimeout(pause);

        await submit(page, { user: manager.user, secret: 'not-the-secret' });
        await page.locator('#sign-in-error', { hasText: 'Not signed in: this user is unknown or the secret is wrong.' }).waitFor({ timeout: 5000 });
        seen = await visibleState(page);
        assert.deepEqual([seen.banner, seen.board], [null, false], `round ${round}: after a wrong secret`);
        if (round === 0) await shoot(page, 'manager-sign-in-wrong');
        await page.waitForTimeout(pause);

        await submit(page, manager);
        await signedIn(page);
        await page.waitForTimeout(2500);  // longer than any banner's delay
        seen = await visibleState(page);
        assert.deepEqual(seen, { banner: null, error: null, board: true }, `round ${round}: signed in, nothing over the dashboard`);
        assert.equal(await page.locator('#counters tr').count(), 8, 'the live counters are there');
        await insideViewport(page, '#staff-language');
        if (round === 0) await shoot(page, 'manager-signed-in');
    }
    assert.deepEqual(errors, []);
    await context.close();
});

test('the longest wait ticks and turns red as the target passes, with no event, on dashboard and counter', { timeout: 120000 }, async () => {
    // Passport's target is one minute here; one ticket is taken, and then nothing happens.
    const short = await serverWith((text) => text.replace(/(id = "passport"[^[]*?)target_wait_minutes = \d+/, '$1target_wait_minutes = 1'));
    const errors = [];
    try {
        const { context, page: dashboard } = await dashboardPage(errors, short.url);
        await submit(dashboard, manager);
        await signedIn(dashboard);
        const counter = await open(context, `${short.url}/counter`, errors);
        await counter.fill('#user', clerk.user);
        await counter.fill('#secret', clerk.secret);
        await counter.fill('#counter-number', '1');
        await counter.click('#sign-in-button');
        await counter.locator('#lines tr[data-service="passport"]').waitFor();

        const issuedAtMs = await dashboard.evaluate(async (token) => {
            const { Link } = await import('/js/link.js');
            const kiosk = await new Link({ role: 'ROLE_KIOSK', deviceToken: token }).start();
            return (await kiosk.request('issueTicket', { serviceId: 'passport', language: 'en' })).issuedTicket.issuedAtMs;
        }, kioskToken);
        const dashboardRow = '#queues tr[data-service="passport"]';
        const counterRow = '#lines tr[data-service="passport"]';
        const waited = async (page, selector) => {
            const text = await page.locator(`${selector} td:nth-child(3)`).textContent();
            const [m, s] = text.split(':').map(Number);
            return { shown: m * 60 + s, actual: (Date.now() - issuedAtMs) / 1000, red: await page.locator(selector).evaluate((tr) => tr.classList.contains('over')) };
        };
        await dashboard.waitForTimeout(3000);
        const first = [await waited(dashboard, dashboardRow), await waited(counter, counterRow)];
        await dashboard.waitForTimeout(4000);
        const later = [await waited(dashboard, dashboardRow), await waited(counter, counterRow)];
        for (const [i, where] of ['dashboard', 'counter'].entries()) {
            for (const w of [first[i], later[i]]) {
                assert.ok(Math.abs(w.shown - w.actual) <= 1.5, `${where} shows ${w.shown} s waited after ${w.actual} s`);
                assert.equal(w.red, false, `${where}: not red before the target`);
            }
            assert.ok(later[i].shown - first[i].shown >= 3, `${where} ticked from ${first[i].shown} to ${later[i].shown} with no event`);
        }
        await shoot(dashboard, 'manager-longest-wait-ticking');

        // The moment each row turns red, by the browser's clock, against the ticket's issue.
        const turnsRed = (page, selector) => page.waitForFunction((s) => document.querySelector(s)?.classList.contains('over') && Date.now(),
            selector, { polling: 50, timeout: 70000 }).then((h) => h.jsonValue());
        const [onDashboard, onCounter] = await Promise.all([turnsRed(dashboard, dashboardRow), turnsRed(counter, counterRow)]);
        for (const [where, at] of [['dashboard', onDashboard], ['counter', onCounter]]) {
            const afterS = (at - issuedAtMs) / 1000;
            assert.ok(afterS >= 60 && afterS <= 61.5, `${where} turned red ${afterS} s after the ticket was taken (target 60 s)`);
        }
        const red = await dashboard.locator(`${dashboardRow} td:nth-child(3)`).evaluate((td) => getComputedStyle(td).color);
        assert.equal(red, 'rgb(179, 38, 30)', 'the over-target row is in the warning red');
        await dashboard.waitForTimeout(1200);
        const now = await waited(dashboard, dashboardRow);
        assert.ok(now.red && now.shown >= 61, `still ticking past the target: ${now.shown}`);
        await shoot(dashboard, 'manager-longest-wait-over');
        await shoot(counter, 'manager-counter-longest-wait-over');
        assert.deepEqual(errors, []);
        await context.close();
    } finally {
        await short.stop();
    }
});

test('the CSV has one row per ticket, local times with the offset, names beside ids, empty cells for nothing', { timeout: 60000 }, async () => {
    const errors = [];
    const { context, page } = await dashboardPage(errors, server.url, { acceptDownloads: true });
    await submit(page, manager);
    await signedIn(page);
    // Four tickets: one served at counter 2 and rated, one transferred from notary to passport, two waiting.
    const day = await page.evaluate(async ({ kioskToken, clerk }) => {
        const { Link } = await import('/js/link.js');
        const kiosk = await new Link({ role: 'ROLE_KIOSK', deviceToken: kioskToken }).start();
        const issue = async (serviceId) => (await kiosk.request('issueTicket', { serviceId, language: 'en' })).issuedTicket;
        const served = await issue('passport');
        const waiting = await issue('passport');
        const moved = await issue('notary');
        const idCard = await issue('id_card');
        const desk = await new Link({ role: 'ROLE_CLERK', user: clerk.user, secret: clerk.secret }).start();
        const at = async (counter, command, fields = {}) => (await desk.request(command, { counter, ...fields })).counter;
        for (const n of [2, 5]) if ((await at(n, 'getCounter')).status === 'COUNTER_STATUS_CLOSED') await at(n, 'openCounter');
        await at(5, 'callTicket', { number: moved.number, reason: 'elderly' });
        await at(5, 'startServing');
        await at(5, 'transferTicket', { toServiceId: 'passport' });
        await at(2, 'callTicket', { number: served.number, reason: 'elderly' });
        await at(2, 'startServing');
        await at(2, 'completeService', { outcome: 'done' });
        const holder = await new Link({ role: 'ROLE_TICKET_HOLDER', ticketToken: served.token }).start();
        await holder.request('rateService', { ticketToken: served.token, score: 5 });
        await at(2, 'closeCounter');
        await at(5, 'closeCounter');
        return { served, waiting, moved, idCard };
    }, { kioskToken, clerk });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const rows = parseCsv((await (await download.createReadStream()).toArray()).join(''));
    const names = await page.evaluate(() => document.documentElement.lang);
    assert.equal(names, 'az', 'the page speaks the centre\'s first language until someone picks another');
    const numbers = rows.map((r) => r.number);
    assert.equal(new Set(numbers).size, numbers.length, `one row per ticket: ${numbers}`);
    for (const t of Object.values(day)) assert.ok(numbers.includes(t.number), `${t.number} has its row`);
    const row = (t) => rows.find((r) => r.number === t.number);

    const local = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+04:00$/;  // Asia/Baku
    for (const r of rows) {
        for (const c of ['issued_at', 'joined_at', 'called_at', 'started_at', 'ended_at'])
            assert.ok(r[c] === '' || local.test(r[c]), `${r.number} ${c} is local time with its offset: ${r[c]}`);
    }
    for (const t of Object.values(day))
        assert.ok(Math.abs(Date.parse(row(t).issued_at) - t.issuedAtMs) < 1000, `${t.number} issued at ${row(t).issued_at}`);

    const s = row(day.served);
    assert.deepEqual([s.service_id, s.service_name, s.state, s.counter, s.clerk, s.ending, s.rating, s.transferred_from],
        ['passport', 'Pasport', 'done', '2', clerk.user, 'done', '5', '']);
    const m = row(day.moved);
    assert.deepEqual([m.service_id, m.service_name, m.transferred_from, m.transferred_from_name, m.state, m.counter, m.rating, m.called_at],
        ['passport', 'Pasport', 'notary', 'Notariat', 'waiting', '', '', ''], 'the transferred ticket is one row, where it is now');
    assert.ok(!rows.some((r) => r.service_id === 'notary'), 'no second row left in the line it left');
    for (const t of [day.waiting, day.idCard])
        assert.deepEqual([row(t).state, row(t).counter, row(t).rating, row(t).called_at], ['waiting', '', '', ''], `${t.number}: nothing is not 0`);
    assert.equal(row(day.idCard).service_name, 'Şəxsiyyət vəsiqəsi');
    assert.deepEqual(errors, []);
    await context.close();
});

test('the charts have even, labelled scales, and the day runs from opening to closing', { timeout: 60000 }, async () => {
    const errors = [];
    const { context, page } = await dashboardPage(errors);
    await submit(page, manager);
    await signedIn(page);
    await page.evaluate(async (token) => {
        const { Link } = await import('/js/link.js');
        const kiosk = await new Link({ role: 'ROLE_KIOSK', deviceToken: token }).start();
        for (let i = 0; i < 5; i++) await kiosk.request('issueTicket', { serviceId: 'property', language: 'en' });
    }, kioskToken);
    await page.reload();  // the charts' rows are fetched again every 15 s; a reload has them at once
    await submit(page, manager);
    await signedIn(page);
    const perHour = page.locator('#per-hour');
    await page.waitForFunction(() => document.getElementById('per-hour').dataset.valueTicks);
    const ticks = (await perHour.getAttribute('data-value-ticks')).split(',').map(Number);
    // The busiest hour, counted here from the server's rows by the centre's clock.
    const busiest = await page.evaluate(async (who) => {
        const { Link } = await import('/js/link.js');
        const boss = await new Link({ role: 'ROLE_MANAGER', ...who }).start();
        const hour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Baku', hour: 'numeric', hourCycle: 'h23' });
        const counts = {};
        for (const r of (await boss.request('getTickets')).tickets.rows) if (r.joinedAtMs === r.issuedAtMs) {
            const h = hour.format(new Date(r.issuedAtMs));
            counts[h] = (counts[h] ?? 0) + 1;
        }
        return Math.max(...Object.values(counts));
    }, { user: manager.user, secret: manager.secret });
    assert.ok(busiest >= 5, `the busiest hour has the 5 tickets just taken: ${busiest}`);
    assertEvenScale(ticks, Math.max(4, busiest), 'tickets per hour');
    assert.deepEqual([(await perHour.getAttribute('data-time-ticks')).split(',').at(0), (await perHour.getAttribute('data-time-ticks')).split(',').at(-1)],
        ['00:00', '24:00'], 'open all day: midnight to midnight');
    await perHour.scrollIntoViewIfNeeded();
    await shoot(page, 'manager-charts');
    await context.close();

    // A centre open 08:30 to 19:00: the day axis is that, labelled each hour between.
    const hours = await serverWith((text) => text.replace(/\nopening = "[^"]*"/, '\nopening = "08:30"').replace(/\nclosing = "[^"]*"/, '\nclosing = "19:00"'));
    try {
        const other = await dashboardPage(errors, hours.url);
        await submit(other.page, manager);
        await signedIn(other.page);
        await other.page.waitForFunction(() => document.getElementById('waits').dataset.timeTicks);
        for (const id of ['per-hour', 'waits']) {
            assert.equal(await other.page.locator(`#${id}`).getAttribute('data-time-ticks'),
                '08:30,09:00,10:00,11:00,12:00,13:00,14:00,15:00,16:00,17:00,18:00,19:00', `${id}: opening to closing`);
        }
        assertEvenScale((await other.page.locator('#waits').getAttribute('data-value-ticks')).split(',').map(Number), 5, 'waits in minutes');
        assert.match(await other.page.locator('#per-hour').getAttribute('aria-label'), /08:30.*19:00/);
        await other.page.locator('#per-hour').scrollIntoViewIfNeeded();
        await shoot(other.page, 'manager-charts-opening-hours');

        // Signed in, the banner is the signed-in link's: up while the server is down, gone once it is back.
        await hours.kill();
        await other.page.locator('#offline').waitFor({ state: 'visible', timeout: 5000 });
        assert.match(await other.page.locator('#offline').textContent(), /^Əlaqə saat \d\d:\d\d:\d\d kəsilib\. Yenidən qoşulur…$/);
        await insideViewport(other.page, '#offline');
        await shoot(other.page, 'manager-offline');
        await hours.start();
        await other.page.locator('#offline').waitFor({ state: 'hidden', timeout: 10000 });

        // Five wrong secrets lock the manager for a minute: the form says so, and nothing hangs or reconnects.
        // The signed-in dashboard goes first: its sign-ins (it may still be reconnecting) are right
        // secrets, and a right secret forgets the wrong ones before it.
        await other.context.close();
        const locked = await dashboardPage(errors, hours.url);
        const page = locked.page;
        for (let i = 0; i < 5; i++) {
            await submit(page, { user: manager.user, secret: `wrong-${i}` });
            await page.locator('#sign-in-error', { hasText: 'Not signed in: this user is unknown' }).waitFor({ timeout: 5000 });
            await page.locator('#sign-in-button:enabled').waitFor();
            await page.evaluate(() => { document.getElementById('sign-in-error').textContent = ''; });
        }
        await submit(page, manager);
        await page.locator('#sign-in-error', { hasText: 'too many wrong secrets' }).waitFor({ timeout: 5000 });
        await page.waitForTimeout(2000);
        assert.deepEqual(await visibleState(page), { banner: null, error: 'Not signed in: too many wrong secrets for this user. Wait a minute and try again.', board: false });
        await shoot(page, 'manager-sign-in-locked');
        await locked.context.close();
    } finally {
        await hours.stop();
    }
    assert.deepEqual(errors, []);
});

test('the dashboard speaks the language picked in its header, and keeps it after a reload', { timeout: 60000 }, async () => {
    const errors = [];
    const { context, page } = await dashboardPage(errors);
    // The alerts' section comes and goes with the centre's forecast (docs/DOMAIN.md#alerts-before-a-breach):
    // the other tests leave tickets waiting, so it is left out of the page's fixed headings.
    const headings = () => page.locator('#board h2').evaluateAll((all) => all.filter((h) => !h.closest('#alerts')).map((h) => h.textContent));
    const english = /\b(Today|Counters|Queues|Issued|Waiting|Served|Longest wait|Counter \d|closed|open|Export|Status|Clerk|Rating)\b/;
    await submit(page, manager);
    await signedIn(page);
    assert.equal(await page.locator('#staff-language').inputValue(), 'az', 'the centre\'s first language to begin with');
    await page.locator('#staff-language').selectOption({ label: 'English' });
    assert.deepEqual((await headings()).slice(0, 4), ['Today', 'Out of turn today', 'Counters', 'Remote control']);
    assert.equal(await page.locator('#counters tr[data-counter="1"] td').first().textContent(), 'Counter 1');

    await page.locator('#staff-language').selectOption({ label: 'Azərbaycan dili' });
    assert.deepEqual(await headings(), ['Bu gün', 'Bu gün növbədən kənar', 'Masalar', 'Uzaqdan idarə', 'Növbələr', 'Yazılışlar', 'Saatlar üzrə biletlər',
        'Gün ərzində gözləmə (dəqiqə, çağırış vaxtına görə)', 'Xidmətlər üzrə', 'Masalar üzrə', 'Əməkdaşlar üzrə', 'Yaxınlaşma, boş vaxt və fasilələr', 'Tarixçə',
        'Zal üçün elan', 'Səsli çağırışlar']);
    const words = await page.locator('body').innerText();
    assert.doesNotMatch(words, english, 'no English word is left on the page');
    assert.equal(await page.locator('#counters tr[data-counter="1"] td').first().textContent(), 'Masa 1');
    assert.equal(await page.locator('#queues tr[data-service="passport"] td').first().textContent(), 'Pasport');
    await insideViewport(page, '#staff-language');
    await insideViewport(page, '#export');
    await shoot(page, 'manager-azerbaijani');

    await page.reload();
    // The sign-in form too, after a reload, once the page's words have loaded.
    await page.locator('#sign-in h2', { hasText: 'Menecer girişi' }).waitFor({ timeout: 5000 });
    await page.locator('#sign-in-button', { hasText: 'Daxil ol' }).waitFor({ timeout: 5000 });
    await submit(page, { user: manager.user, secret: 'not-the-secret' });
    await page.locator('#sign-in-error', { hasText: 'Daxil olunmadı: belə istifadəçi yoxdur və ya şifrə səhvdir.' }).waitFor({ timeout: 5000 });
    await page.locator('#staff-language').selectOption({ label: 'Français' });
    assert.equal(await page.locator('#sign-in-error').textContent(), 'Non connecté : utilisateur inconnu ou mot de passe erroné.');
    await page.locator('#staff-language').selectOption({ label: 'Azərbaycan dili' });
    await submit(page, manager);
    await signedIn(page);
    assert.equal((await headings())[0], 'Bu gün');
    assert.equal(await page.locator('#staff-language').inputValue(), 'az');
    assert.doesNotMatch(await page.locator('body').innerText(), english);

    for (const [label, today] of [['Русский', 'Сегодня'], ['Français', 'Aujourd\'hui'], ['Ikinyarwanda', 'Uyu munsi'], ['Azərbaycan dili', 'Bu gün']]) {
        await page.locator('#staff-language').selectOption({ label });
        assert.equal((await headings())[0], today, label);
        // Long words in some languages must not push anything off the screen's width.
        const wide = await page.evaluate(() => ({ page: document.documentElement.scrollWidth,
            sections: [...document.querySelectorAll('section')].filter((s) => s.scrollWidth > s.clientWidth).map((s) => s.querySelector('h2').textContent) }));
        assert.deepEqual(wide, { page: SCREEN.width, sections: [] }, `${label}: everything within the screen's width`);
        await shoot(page, `manager-${label}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
});
