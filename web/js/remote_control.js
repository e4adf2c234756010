// The manager's remote control on the dashboard: take a counter over (with a reason code and
// words), then pause or close it as its new holder; cancel a waiting ticket, or move it to another
// service's line, with a reason; end
// the day early after a confirmation. Each refusal is said in words (js/refusals.js), and what
// happened is said too. It mounts itself into #remote-control once the dashboard has signed in,
// with its own link as the same manager (as js/hall_message.js does).
import { nameIn } from './i18n.js';
import { Link } from './link.js';
import { describe } from './refusals.js';
import { onStaffLanguage, staffLanguage, staffSay } from './staff_language.js';

const container = document.getElementById('remote-control');
const signedIn = document.getElementById('board');
let credentials = null;
let link = null;
let said = null;  // [key, values] of what happened, or {refusal}

const make = (tag, props = {}) => Object.assign(document.createElement(tag), props);
const title = make('h2');
const counterRow = make('div', { className: 'actions' });
const counter = make('select', { id: 'remote-counter' });
const counterReason = make('select', { id: 'remote-counter-reason' });
const words = make('input', { id: 'remote-words', maxLength: 200, size: 28 });
const takeOver = make('button', { id: 'remote-take-over', type: 'button' });
const pause = make('button', { id: 'remote-pause', type: 'button' });
const close = make('button', { id: 'remote-close', type: 'button' });
const ticketRow = make('div', { className: 'actions' });
const number = make('input', { id: 'remote-number', size: 6, placeholder: 'A012' });
const ticketReason = make('select', { id: 'remote-ticket-reason' });
const cancel = make('button', { id: 'remote-cancel', type: 'button' });
const moveTo = make('select', { id: 'remote-move-to' });
const move = make('button', { id: 'remote-move', type: 'button' });
const dayRow = make('div', { className: 'actions' });
const endDay = make('button', { id: 'remote-end-day', type: 'button', className: 'quiet' });
const confirmDay = make('button', { id: 'remote-end-day-confirm', type: 'button', hidden: true });
const keepDay = make('button', { id: 'remote-end-day-keep', type: 'button', className: 'quiet', hidden: true });
const status = make('p', { id: 'remote-status', role: 'status' });
// After a take-over, the counter page for it (js/counter.js): where the manager finishes the
// ticket at it, or closes it; in a new tab, so the dashboard stays.
const serve = make('a', { id: 'remote-serve', target: '_blank', rel: 'noopener', hidden: true });
let served = 0;  // the counter taken over last, 0: none
let setUpNow = null;  // the centre as the dashboard follows it (js/dashboard.js 'novbe:setup'), once it changed

function reasonOptions(select) {
    const centre = link?.welcome?.centre;
    const chosen = select.value;
    select.replaceChildren(make('option', { value: '', textContent: staffSay('remote.chooseReason') }),
        ...(centre?.reasons ?? []).map((r) => make('option', { value: r.code, textContent: nameIn(r.names, staffLanguage(), centre, r.code), selected: r.code === chosen })));
}

function render() {
    title.textContent = staffSay('remote.title');
    words.placeholder = staffSay('remote.wordsHint');
    takeOver.textContent = staffSay('remote.takeOver');
    pause.textContent = staffSay('remote.pause');
    close.textContent = staffSay('remote.close');
    cancel.textContent = staffSay('remote.cancel');
    move.textContent = staffSay('auditPage.move');
    endDay.textContent = staffSay('remote.endDay');
    confirmDay.textContent = staffSay('remote.endDayConfirm');
    keepDay.textContent = staffSay('remote.endDayKeep');
    const centre = setUpNow ?? link?.welcome?.centre;
    const chosen = counter.value;
    // Retired ones are no place to act on or move a ticket to.
    counter.replaceChildren(...(centre?.counters ?? []).filter((c) => !c.retired).map((c) => make('option', { value: String(c.number), selected: String(c.number) === chosen,
        textContent: staffSay('dashboard.counterNumber', { number: c.number }) })));
    const to = moveTo.value;
    moveTo.replaceChildren(make('option', { value: '', textContent: staffSay('auditPage.moveTo') }),
        ...(centre?.services ?? []).filter((s) => !s.retired).map((s) => make('option', { value: s.id, selected: s.id === to,
            textContent: nameIn(s.names, staffLanguage(), centre, s.id) })));
    reasonOptions(counterReason);
    reasonOptions(ticketReason);
    serve.hidden = served === 0;
    serve.href = `/counter.html?counter=${served}&role=manager`;
    serve.textContent = staffSay('remote.serveHere', { n: served });
    status.className = said?.refusal ? 'refused' : '';
    status.textContent = !said ? '' : said.refusal ? describe(said.refusal, staffLanguage()) : staffSay(...said);
}

async function run(command, fields, done) {
    try {
        await link.request(command, fields);
        said = done;
        return true;
    } catch (refusal) {
        said = { refusal };
        return false;
    } finally {
        render();
    }
}

const n = () => Number(counter.value);
takeOver.addEventListener('click', () => {
    const which = n();
    run('takeOverCounter', { counter: which, reasonCode: counterReason.value, reason: words.value.trim() },
        ['remote.didTakeOver', { n: which }]).then((ok) => { if (ok) { served = which; render(); } });
});
pause.addEventListener('click', () => run('pauseCounter', { counter: n(), reason: words.value.trim() }, ['remote.didPause', { n: n() }]));
// The link stays while the counter may still be the manager's: a close refused for the ticket
// at it is when it is needed.
close.addEventListener('click', () => {
    const which = n();
    run('closeCounter', { counter: which }, ['remote.didClose', { n: which }]).then((ok) => { if (ok && which === served) { served = 0; render(); } });
});
cancel.addEventListener('click', () => {
    const which = number.value.trim().toUpperCase();
    run('cancelTicket', { number: which, reason: ticketReason.value }, ['remote.didCancel', { number: which }])
        .then((ok) => { if (ok) number.value = ''; });
});
move.addEventListener('click', () => {
    const which = number.value.trim().toUpperCase();
    const centre = setUpNow ?? link?.welcome?.centre;
    const service = centre?.services?.find((s) => s.id === moveTo.value);
    run('moveTicket', { number: which, toServiceId: moveTo.value, reason: ticketReason.value },
        ['auditPage.didMove', { number: which, service: nameIn(service?.names, staffLanguage(), centre, moveTo.value) }])
        .then((ok) => { if (ok) number.value = ''; });
});
// Ending the day closes every waiting ticket unserved: it asks once more, in place.
const confirming = (on) => { endDay.hidden = on; confirmDay.hidden = !on; keepDay.hidden = !on; };
endDay.addEventListener('click', () => confirming(true));
keepDay.addEventListener('click', () => confirming(false));
confirmDay.addEventListener('click', () => { confirming(false); run('closeDay', {}, ['remote.didEndDay', {}]); });

function start() {
    if (link || !credentials || signedIn?.hidden) return;
    link = new Link({ role: 'ROLE_MANAGER', ...credentials, clientName: 'dashboard remote control' }, { onWelcome: render });
    credentials = null;
    container.hidden = false;
    link.start();
}

if (container) {
    container.hidden = true;
    counterRow.append(counter, counterReason, words, takeOver, pause, close);
    ticketRow.append(number, ticketReason, cancel, moveTo, move);
    dayRow.append(endDay, confirmDay, keepDay);
    container.append(title, counterRow, ticketRow, dayRow, status, serve);
    document.getElementById('sign-in')?.addEventListener('submit', () => {
        credentials = { user: document.getElementById('user').value.trim(), secret: document.getElementById('secret').value };
    }, true);
    if (signedIn) new MutationObserver(start).observe(signedIn, { attributes: true, attributeFilter: ['hidden'] });
    onStaffLanguage(render);
    window.addEventListener('novbe:setup', (e) => { setUpNow = e.detail; render(); });
    render();
}
