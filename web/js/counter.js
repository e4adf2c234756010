// The counter page: what novbe-counter does, in a browser. The clerk signs in to a counter,
// which opens if closed (a manager signs in to one they took over on the dashboard, which opens
// the page as counter.html?counter=N&role=manager); the current ticket with its elapsed time, the lines of the counter's
// services (live, from a board subscription of that zone), the clerk's figures (following what
// any client of theirs does), and one button (or key) per action, enabled only when it can act.
// Words are the staff.counter.* sentences in the staff language (js/staff_language.js); refusals
// are said in words.
import { offlineBanner } from './banner.js';
import { centreTime, clock } from './clock.js';
import { minutes, nameIn } from './i18n.js';
import { Link, Refusal } from './link.js';
import { longestWaitS, overTarget, received } from './longest_wait.js';
import { describe } from './refusals.js';
import { mountStaffLanguagePicker, onStaffLanguage, staffLanguage, staffSay } from './staff_language.js';

const $ = (id) => document.getElementById(id);
let link = null;
let number = 0;
let view = null;       // the CounterView
let user = '';
let online = false;
let said = null;       // the last answer: {command, before, after, fields} (said again in another language) or {refusal}
const lines = new Map();

const serviceName = (id) => nameIn(link.welcome.centre.services.find((s) => s.id === id)?.names, staffLanguage(), link.welcome.centre, id);
const REASONS = { break: 'counter.reasonBreak', lunch: 'counter.reasonLunch', meeting: 'counter.reasonMeeting', 'technical problem': 'counter.reasonTechnical' };
const reasonWords = (reason) => (REASONS[reason] ? staffSay(REASONS[reason]) : reason);
const counterName = (c) => (!c.name || c.name === String(c.number) || c.name === `Counter ${c.number}` ? staffSay('counter.named', { n: c.number }) : c.name);

// The counter in one sentence, as novbe-counter says it (counter/commands.cpp describe).
function sentence(c) {
    const since = (ms) => clock((Date.now() - ms) / 1000);
    const t = c.current;
    const counter = counterName(c);
    if (notMine(c)) return staffSay('counter.takenOver', { counter, clerk: c.clerk });
    if (c.status === 'COUNTER_STATUS_SERVING' && t) {
        const values = { counter, number: t.number, service: serviceName(t.serviceId), n: t.recalls };
        if (t.state === 'TICKET_STATE_SERVING') return staffSay('counter.isServing', { ...values, time: since(t.startedAtMs) });
        return staffSay(t.recalls ? 'counter.isRecalled' : 'counter.isCalled', { ...values, time: since(t.calledAtMs) });
    }
    if (c.status === 'COUNTER_STATUS_PAUSED') return staffSay('counter.isPaused', { counter, reason: reasonWords(c.pauseReason), time: since(c.sinceMs) });
    return staffSay(c.status === 'COUNTER_STATUS_OPEN' ? 'counter.isOpen' : 'counter.isClosed', { counter });
}

// Taken over by a manager (docs/DOMAIN.md#counter-ownership): this page can do nothing at it,
// and says so, rather than offering buttons the server would refuse.
const notMine = (c) => c.status !== 'COUNTER_STATUS_CLOSED' && Boolean(c.clerk) && c.clerk !== user;

// Which actions can act now, from the counter's state (and the link: offline, none can).
function possible(c) {
    if (notMine(c)) return Object.fromEntries(Object.keys(ACTIONS).map((id) => [id, false]));
    const held = c.status === 'COUNTER_STATUS_SERVING' ? c.current?.state : '';
    const idle = c.status === 'COUNTER_STATUS_OPEN';
    return {
        'act-next': idle, 'act-call': idle, 'act-pause': idle,
        'act-recall': held === 'TICKET_STATE_CALLED', 'act-start': held === 'TICKET_STATE_CALLED', 'act-no-show': held === 'TICKET_STATE_CALLED',
        'act-done': held === 'TICKET_STATE_SERVING',
        'act-transfer': (held === 'TICKET_STATE_CALLED' || held === 'TICKET_STATE_SERVING') && $('transfer-to').options.length > 0,
        'act-resume': c.status === 'COUNTER_STATUS_PAUSED',
        'act-close': idle || c.status === 'COUNTER_STATUS_PAUSED',
    };
}

const MAX_OUTCOME_BYTES = 200;
const COMPANIONS = { 'act-done': 'outcome', 'act-transfer': 'transfer-to', 'act-call': 'call-number', 'act-pause': 'pause-reason' };

function renderCounter() {
    const c = view;
    $('title').textContent = counterName(c);
    // Anywhere but the ticket's own service: sending it to its own line would only be refused.
    const own = c.status === 'COUNTER_STATUS_SERVING' ? c.current?.serviceId : undefined;
    renderCallReasons();
    const chosen = $('transfer-to').value;
    $('transfer-to').replaceChildren(...link.welcome.centre.services.filter((s) => !s.retired && s.id !== own).map((s) =>
        Object.assign(document.createElement('option'), { value: s.id, textContent: serviceName(s.id), selected: s.id === chosen })));
    for (const [id, can] of Object.entries(possible(c))) {
        $(id).disabled = !can || !online;
        if (COMPANIONS[id]) $(COMPANIONS[id]).disabled = $(id).disabled;  // its outcome, target, number or reason
    }
    $('call-reason').disabled = $('act-call').disabled;
    renderElapsed();
}

// A chosen call is out of turn: the clerk picks one of the centre's reasons (docs/DOMAIN.md#reasons),
// named in the staff language; none picked is refused by the server, in words.
function renderCallReasons() {
    const centre = link.welcome.centre;
    const chosen = $('call-reason').value;
    const none = Object.assign(document.createElement('option'), { value: '', textContent: staffSay('counter.chooseReason') });
    $('call-reason').replaceChildren(none, ...(centre.reasons ?? []).map((r) => Object.assign(document.createElement('option'),
        { value: r.code, textContent: nameIn(r.names, staffLanguage(), centre, r.code), selected: r.code === chosen })));
    $('call-reason').title = staffSay('counter.callReason');
}

function renderElapsed() {
    if (view) $('current').textContent = sentence(view);
}

function renderLines() {
    $('lines').replaceChildren(...view.serviceIds.map((id) => {
        const l = lines.get(id) ?? { waiting: 0, longestWaitS: 0, estimatedWaitS: 0 };
        const tr = document.createElement('tr');
        tr.dataset.service = id;
        // The longest wait ticks between events and turns red past the target (js/longest_wait.js).
        if (overTarget(l, link.welcome.centre.services.find((s) => s.id === id)?.targetWaitS)) tr.className = 'over';
        for (const [text, cls] of [[serviceName(id), ''], [l.waiting, 'num'], [clock(longestWaitS(l)), 'num'], [estimate(l), 'num']])
            tr.append(Object.assign(document.createElement('td'), { textContent: String(text), className: cls }));
        return tr;
    }));
}

// An estimate as a duration ("18 min"), not as a clock time.
function estimate(l) {
    return l.waiting ? staffSay('counter.minutes', { n: minutes(Number(l.estimatedWaitS)) }) : '—';
}


let figures = null;
function renderFigures() {
    const f = figures;
    $('figures').textContent = !f ? staffSay('counter.noTicketsYet')
        : staffSay('counter.figures', { called: f.called, served: f.served, noShows: f.noShows, transferred: f.transferredOut, average: clock(f.averageServiceS) })
            + (f.ratings ? `, ${staffSay('counter.rating', { rating: f.averageRating.toFixed(1), ratings: f.ratings })}` : '');
}

async function refreshFigures() {
    try {
        const stats = (await link.request('getStatistics')).statistics;
        figures = stats.byClerk.find((x) => x.key === user) ?? null;
        renderFigures();
    } catch { /* the next refresh will tell */ }
}

function renderMessage() {
    $('message').className = said?.refusal ? 'refused' : '';
    const words = said && !said.refusal ? happened(said.command, said.before, said.after, said.fields) : null;
    $('message').textContent = said?.refusal ? describe(said.refusal, staffLanguage()) : words ? staffSay(...words) : '';
}

// What an action did, from the counter before and after it: "A012 moved to Notary".
function happened(command, before, after, fields) {
    const held = before.current?.number ?? '';
    const now = after.current?.number ?? '';
    switch (command) {
    case 'openCounter': return ['counter.didOpen'];
    case 'closeCounter': return ['counter.didClose'];
    case 'callNext': case 'callTicket': return ['counter.didCall', { number: now }];
    case 'recallTicket': return ['counter.didRecall', { number: now }];
    case 'startServing': return ['counter.didStart', { number: now }];
    case 'completeService': return ['counter.didDone', { number: held }];
    case 'markNoShow': return ['counter.didNoShow', { number: held }];
    case 'transferTicket': return ['counter.didTransfer', { number: held, service: serviceName(fields.toServiceId) }];
    case 'pauseCounter': return ['counter.didPause', { reason: reasonWords(fields.reason) }];
    case 'resumeCounter': return ['counter.didResume'];
    default: return null;
    }
}

async function act(command, fields = {}) {
    const before = view;
    try {
        const reply = await link.request(command, { counter: number, ...fields });
        view = reply.counter;
        said = { command, before, after: view, fields };
        return true;
    } catch (refusal) {
        said = { refusal };
        return false;
    } finally {
        renderCounter();
        renderMessage();
        refreshFigures();
    }
}

const ACTIONS = {
    'act-next': () => act('callNext'),
    'act-recall': () => act('recallTicket'),
    'act-start': () => act('startServing'),
    'act-done': () => {
        // The server takes at most 200 bytes (docs/DOMAIN.md#tickets) and says only
        // "a value out of range": say which, and keep the words typed.
        if (new TextEncoder().encode($('outcome').value).length > MAX_OUTCOME_BYTES) {
            said = { refusal: { code: 'ERROR_CODE_INVALID_ARGUMENT', message: `An outcome has at most ${MAX_OUTCOME_BYTES} bytes.` } };
            return renderMessage();
        }
        return act('completeService', { outcome: $('outcome').value }).then((ok) => { if (ok) $('outcome').value = ''; });
    },
    'act-no-show': () => act('markNoShow'),
    'act-transfer': () => act('transferTicket', { toServiceId: $('transfer-to').value }),
    'act-call': () => act('callTicket', { number: $('call-number').value.trim().toUpperCase(), reason: $('call-reason').value })
        .then((ok) => { if (ok) $('call-reason').value = ''; }),
    'act-pause': () => act('pauseCounter', { reason: $('pause-reason').value }),
    'act-resume': () => act('resumeCounter'),
    'act-close': () => act('closeCounter'),
};

// Online or not: offline, no button can act, and the last answer is gone (it may no longer be true).
function linkChanged(status) {
    online = status.state === 'online';
    if (!online && said) {
        said = null;
        renderMessage();
    }
    if (view) renderCounter();
}

// An admin disabled this user, gave them a new secret or another role
// (docs/SETUP.md#users-and-devices-at-runtime): back to the sign-in form, saying so, rather than
// "connection lost" for ever.
function signedOut() {
    link.close();
    view = null;
    online = false;
    $('offline').hidden = true;
    $('desk').hidden = true;
    $('sign-in').hidden = false;
    $('secret').value = '';
    $('title').textContent = staffSay('counter.title');  // no longer this counter's page, nor this user's
    $('who').textContent = '';
    $('sign-in-error').textContent = staffSay('counter.signedOut');
}

// The set-up changed at runtime (docs/SETUP.md#services-and-counters-at-runtime): a new or
// renamed service is offered for transfers and a retired one no longer; whether this counter's
// own services may have changed.
function setUpChanged(events) {
    const services = link.welcome.centre.services;
    for (const e of events) {
        if (e.kind !== 'serviceChanged') continue;
        const service = e.serviceChanged.service;
        const at = services.findIndex((s) => s.id === service.id);
        if (at < 0) services.push(service);
        else services[at] = service;
    }
    return events.some((e) => e.kind === 'serviceChanged' || e.counterSetUp?.counter?.number === number);
}

async function signIn(event) {
    event.preventDefault();
    user = $('user').value.trim();
    number = Number($('counter-number').value);
    $('sign-in-error').textContent = '';
    view = null;  // an earlier attempt's counter: the new link's statuses would render it with no welcome
    link?.close();
    // Until this attempt has signed in, its refusal is said in the form alone: a banner of its own
    // outlived it, and said "does not know this user or secret" to a manager with the right one.
    let banner = () => {};
    const role = $('role').value;
    link = new Link({ role, user, secret: $('secret').value, clientName: 'counter page' }, {
        onStatus: (s) => {
            if (s.signedOut && view) return signedOut();  // before the banner, whose timer would outlive it
            banner(s);
            linkChanged(s);
        },
    });
    try {
        await link.start();  // fails while the server is away (its schema cannot be fetched)
        view = (await link.request('getCounter', { counter: number })).counter;
        // A manager serves only at a counter they hold (docs/DOMAIN.md#counter-ownership); said
        // now, not as a refusal of each button later.
        if (role === 'ROLE_MANAGER' && (view.status === 'COUNTER_STATUS_CLOSED' || view.clerk !== user)) {
            $('sign-in-error').textContent = staffSay('counter.notHeld', { n: number });
            return link.close();
        }
    } catch (refusal) {
        $('sign-in-error').textContent = describe(refusal instanceof Refusal ? refusal : new Refusal('ERROR_CODE_UNAVAILABLE', ''), staffLanguage());
        return link.close();
    }
    const zone = link.welcome.centre.timeZone;  // the banner's time is the centre's, not this browser's
    banner = offlineBanner($('offline'), (s) => (s.refused ? describe({ code: s.code ?? 'ERROR_CODE_UNAUTHENTICATED', message: s.reason }, staffLanguage())
        : staffSay('counter.offline', { time: centreTime(s.since, zone), reason: s.reason })));
    online = true;
    $('who').textContent = `${user} · ${link.welcome.centre.name}`;
    $('staff-language')?.remove();  // again, now that the centre's first language is known
    mountStaffLanguagePicker($('who').parentElement, link.welcome.centre.languages);
    if (view.status === 'COUNTER_STATUS_CLOSED') await act('openCounter');
    renderCounter();
    // Shown only now: a desk shown before its counter was open had its keys and buttons dead, and
    // a clerk's first "n" did nothing.
    $('sign-in').hidden = true;
    $('desk').hidden = false;
    refreshFigures();
    // Every line, not only this counter's: an admin may give it another service at runtime.
    link.subscribe({ view: 'VIEW_BOARD' }, (m) => {
        for (const l of m.snapshot?.lines ?? []) lines.set(l.serviceId, received(l));
        for (const l of m.events?.lines ?? []) lines.set(l.serviceId, received(l));
        renderLines();
        const events = m.events?.events ?? [];
        const setUp = setUpChanged(events);
        // Done here or from another client of this clerk (novbe-counter): the counter and My day follow.
        const ours = events.some((e) => e[e.kind]?.counter === number || e.counterChanged?.counter?.number === number);
        if (ours || setUp) {
            link.request('getCounter', { counter: number }).then((r) => { view = r.counter; renderCounter(); renderLines(); }, () => {});
        }
        if (ours) refreshFigures();
    });
}

mountStaffLanguagePicker(document.querySelector('header'));  // the sign-in form in this browser's language
const asked = new URLSearchParams(location.search);  // the dashboard's link after a take-over
if (/^[0-9]{1,4}$/.test(asked.get('counter') ?? '')) $('counter-number').value = asked.get('counter');
if (asked.get('role') === 'manager') $('role').value = 'ROLE_MANAGER';
$('sign-in').addEventListener('submit', signIn);
// Disabled in the HTML until here: a click before the words and this handler were in place was a
// plain form submit that reloaded the page and lost what was typed.
$('sign-in-button').disabled = false;
for (const [id, run] of Object.entries(ACTIONS)) $(id).addEventListener('click', run);
document.addEventListener('keydown', (e) => {
    if ($('desk').hidden || e.target.matches('input, select') || e.ctrlKey || e.metaKey || e.altKey) return;
    const b = document.querySelector(`button[data-key="${e.key}"]`);
    if (b && !b.disabled) { e.preventDefault(); b.click(); }
});
onStaffLanguage(() => {
    if (!view) return;
    renderCounter();
    renderLines();
    renderFigures();
    renderMessage();
});
setInterval(() => view && renderElapsed(), 1000);
setInterval(() => view && renderLines(), 250);  // the longest waits tick
setInterval(() => view && online && refreshFigures(), 30000);  // ratings reach no board: My day catches up
