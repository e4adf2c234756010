// The counter page: what novbe-counter does, in a browser. The clerk signs in to a counter,
// which opens if closed; the current ticket with its elapsed time, the lines of the counter's
// services (live, from a board subscription of that zone), the clerk's figures, and one
// button (or key) per action. Refusals are said in words.
import { offlineBanner } from './banner.js';
import { clock } from './clock.js';
import { nameIn } from './i18n.js';
import { Link } from './link.js';
import { longestWaitS, overTarget, received } from './longest_wait.js';
import { describe } from './refusals.js';

const $ = (id) => document.getElementById(id);
let link = null;
let number = 0;
let view = null;       // the CounterView
let user = '';
const lines = new Map();

const serviceName = (id) => nameIn(link.welcome.centre.services.find((s) => s.id === id)?.names, 'en', link.welcome.centre, id);

function renderCounter() {
    const c = view;
    const t = c.current;
    const states = { COUNTER_STATUS_CLOSED: 'closed', COUNTER_STATUS_OPEN: 'open, nobody at it', COUNTER_STATUS_PAUSED: `paused (${c.pauseReason})` };
    $('title').textContent = c.name || `Counter ${c.number}`;
    $('current').textContent = c.status === 'COUNTER_STATUS_SERVING' && t
        ? `${t.number} · ${serviceName(t.serviceId)} · ${t.state === 'TICKET_STATE_SERVING' ? 'being served' : `called${t.recalls ? `, recalled ${t.recalls}×` : ''}`}`
        : states[c.status] ?? c.status;
    renderElapsed();
}

function renderElapsed() {
    const t = view?.current;
    if (!t || view.status !== 'COUNTER_STATUS_SERVING') {
        $('elapsed').textContent = view?.status === 'COUNTER_STATUS_PAUSED' ? `for ${clock((Date.now() - view.sinceMs) / 1000)}` : '';
        return;
    }
    const from = t.state === 'TICKET_STATE_SERVING' ? t.startedAtMs : t.calledAtMs;
    $('elapsed').textContent = `${t.state === 'TICKET_STATE_SERVING' ? 'serving for' : 'called'} ${clock((Date.now() - from) / 1000)}`;
}

function renderLines() {
    $('lines').replaceChildren(...view.serviceIds.map((id) => {
        const l = lines.get(id) ?? { waiting: 0, longestWaitS: 0, estimatedWaitS: 0 };
        const tr = document.createElement('tr');
        tr.dataset.service = id;
        // The longest wait ticks between events and turns red past the target (js/longest_wait.js).
        if (overTarget(l, link.welcome.centre.services.find((s) => s.id === id)?.targetWaitS)) tr.className = 'over';
        for (const [text, cls] of [[serviceName(id), ''], [l.waiting, 'num'], [clock(longestWaitS(l)), 'num'], [l.waiting ? clock(l.estimatedWaitS) : '—', 'num']])
            tr.append(Object.assign(document.createElement('td'), { textContent: String(text), className: cls }));
        return tr;
    }));
}

async function refreshFigures() {
    try {
        const stats = (await link.request('getStatistics')).statistics;
        const f = stats.byClerk.find((x) => x.key === user);
        $('figures').textContent = f ? `called ${f.called}, served ${f.served}, no-shows ${f.noShows}, transferred ${f.transferredOut}, average service ${clock(f.averageServiceS)}${f.ratings ? `, rating ${f.averageRating.toFixed(1)} (${f.ratings})` : ''}` : 'no tickets yet';
    } catch { /* the next refresh will tell */ }
}

async function act(command, fields = {}) {
    try {
        const reply = await link.request(command, { counter: number, ...fields });
        view = reply.counter;
        renderCounter();
        $('message').className = '';
        $('message').textContent = `OK: ${$('current').textContent}`;
        refreshFigures();
        return true;
    } catch (refusal) {
        $('message').className = 'refused';
        $('message').textContent = describe(refusal);
        return false;
    }
}

const ACTIONS = {
    'act-next': () => act('callNext'),
    'act-recall': () => act('recallTicket'),
    'act-start': () => act('startServing'),
    'act-done': () => act('completeService', { outcome: $('outcome').value }).then((ok) => { if (ok) $('outcome').value = ''; }),
    'act-no-show': () => act('markNoShow'),
    'act-transfer': () => act('transferTicket', { toServiceId: $('transfer-to').value }),
    'act-call': () => act('callTicket', { number: $('call-number').value.trim().toUpperCase() }),
    'act-pause': () => act('pauseCounter', { reason: $('pause-reason').value }),
    'act-resume': () => act('resumeCounter'),
    'act-close': () => act('closeCounter'),
};

async function signIn(event) {
    event.preventDefault();
    user = $('user').value.trim();
    number = Number($('counter-number').value);
    $('sign-in-error').textContent = '';
    link?.close();
    link = new Link({ role: 'ROLE_CLERK', user, secret: $('secret').value, clientName: 'counter page' }, {
        onStatus: offlineBanner($('offline'), (s) => (s.refused ? describe({ code: 'ERROR_CODE_UNAUTHENTICATED', message: s.reason }) : `Offline since ${new Date(s.since).toLocaleTimeString('en-GB')}: ${s.reason}. Reconnecting…`)),
    });
    await link.start();
    try {
        view = (await link.request('getCounter', { counter: number })).counter;
    } catch (refusal) {
        $('sign-in-error').textContent = describe(refusal);
        return link.close();
    }
    $('sign-in').hidden = true;
    $('desk').hidden = false;
    $('who').textContent = `${user} · ${link.welcome.centre.name}`;
    $('transfer-to').replaceChildren(...link.welcome.centre.services.map((s) =>
        Object.assign(document.createElement('option'), { value: s.id, textContent: serviceName(s.id) })));
    if (view.status === 'COUNTER_STATUS_CLOSED') await act('openCounter');
    renderCounter();
    refreshFigures();
    link.subscribe({ view: 'VIEW_BOARD', serviceIds: view.serviceIds }, (m) => {
        for (const l of m.snapshot?.lines ?? []) lines.set(l.serviceId, received(l));
        for (const l of m.events?.lines ?? []) lines.set(l.serviceId, received(l));
        renderLines();
        const ours = (m.events?.events ?? []).some((e) => e[e.kind]?.counter === number || e.counterChanged?.counter?.number === number);
        if (ours) link.request('getCounter', { counter: number }).then((r) => { view = r.counter; renderCounter(); }, () => {});
    });
}

$('sign-in').addEventListener('submit', signIn);
for (const [id, run] of Object.entries(ACTIONS)) $(id).addEventListener('click', run);
document.addEventListener('keydown', (e) => {
    if ($('desk').hidden || e.target.matches('input, select') || e.ctrlKey || e.metaKey || e.altKey) return;
    const b = document.querySelector(`button[data-key="${e.key}"]`);
    if (b) { e.preventDefault(); b.click(); }
});
setInterval(() => view && renderElapsed(), 1000);
setInterval(() => view && renderLines(), 250);  // the longest waits tick
