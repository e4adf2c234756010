// The manager's live dashboard: counters (open, paused with reason, serving which ticket for
// how long), queues (waiting, longest wait against the target, estimated wait), today's
// figures per service, counter and clerk, tickets per hour and waits over the day, and a CSV
// export of today's tickets. Live from a dashboard subscription; figures and rows are asked
// for again after changes, at most once a second (rows: every 15 s).
import { perHour, waits } from './charts.js';
import { offlineBanner } from './banner.js';
import { clock } from './clock.js';
import { nameIn } from './i18n.js';
import { Link } from './link.js';
import { describe } from './refusals.js';

const $ = (id) => document.getElementById(id);
let link = null;
let centre = null;
const counters = new Map();  // number -> CounterView
const lines = new Map();     // service id -> QueueLine
let statistics = null;
let rows = [];

const service = (id) => centre.services.find((s) => s.id === id);
const serviceName = (id) => nameIn(service(id)?.names, 'en', centre, id);
const cell = (text, cls = '', field = '') => {
    const td = Object.assign(document.createElement('td'), { textContent: String(text), className: cls });
    if (field) td.dataset.field = field;
    return td;
};
const localHour = (ms) => {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: centre.timeZone || undefined, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(new Date(ms));
    const get = (t) => Number(parts.find((p) => p.type === t).value);
    return get('hour') + get('minute') / 60;
};

function renderCounters() {
    const now = Date.now();
    $('counters').replaceChildren(...[...counters.values()].sort((a, b) => a.number - b.number).map((c) => {
        const tr = document.createElement('tr');
        tr.dataset.counter = c.number;
        const t = c.current;
        const status = { COUNTER_STATUS_CLOSED: 'closed', COUNTER_STATUS_OPEN: 'open', COUNTER_STATUS_SERVING: 'serving', COUNTER_STATUS_PAUSED: `paused: ${c.pauseReason}` }[c.status];
        const since = t ? (t.startedAtMs || t.calledAtMs) : c.sinceMs;
        tr.append(cell(c.name || `Counter ${c.number}`), cell(status, '', 'status'), cell(c.clerk), cell(t ? `${t.number} (${t.state === 'TICKET_STATE_SERVING' ? 'serving' : 'called'})` : '', '', 'ticket'),
            cell(c.status === 'COUNTER_STATUS_CLOSED' || !since ? '' : clock((now - since) / 1000), 'num'));
        return tr;
    }));
}

function renderQueues() {
    $('queues').replaceChildren(...centre.services.map((s) => {
        const l = lines.get(s.id) ?? { waiting: 0, longestWaitS: 0, estimatedWaitS: 0, openCounters: 0 };
        const tr = document.createElement('tr');
        tr.dataset.service = s.id;
        if (s.targetWaitS && l.longestWaitS > s.targetWaitS) tr.className = 'over';
        tr.append(cell(serviceName(s.id)), cell(l.waiting, 'num', 'waiting'), cell(clock(l.longestWaitS), 'num'), cell(clock(s.targetWaitS), 'num'),
            cell(l.waiting ? clock(l.estimatedWaitS) : '—', 'num'), cell(l.openCounters, 'num'));
        return tr;
    }));
}

const FIELDS = [['issued', 'Issued'], ['waiting', 'Waiting'], ['served', 'Served'], ['noShows', 'No-shows'], ['transferredOut', 'Transferred'],
    ['cancelled', 'Cancelled'], ['averageWaitS', 'Avg wait'], ['maxWaitS', 'Max wait'], ['averageServiceS', 'Avg service'],
    ['withinTargetShare', 'Within target'], ['averageRating', 'Rating']];

// Waits are measured at calls and service times at completions: with none yet there is no
// figure, and a 0% within target or a 0:00 wait would say something that did not happen.
const WAIT_FIELDS = ['averageWaitS', 'maxWaitS', 'withinTargetShare'];
const unmeasured = (f, field) => (WAIT_FIELDS.includes(field) && !f.called) || (field === 'averageServiceS' && !f.served);

function figuresTable(table, figures, name, skip = []) {
    const fields = FIELDS.filter(([f]) => !skip.includes(f));
    const head = document.createElement('tr');
    head.append(Object.assign(document.createElement('th'), { textContent: '' }), ...fields.map(([, label]) => Object.assign(document.createElement('th'), { textContent: label, className: 'num' })));
    const body = figures.map((f) => {
        const tr = document.createElement('tr');
        tr.dataset.key = f.key;
        tr.append(cell(name(f.key)), ...fields.map(([field]) => {
            const v = f[field];
            const text = unmeasured(f, field) ? '—' : field.endsWith('S') ? clock(v) : field === 'withinTargetShare' ? `${Math.round(v * 100)}%`
                : field === 'averageRating' ? (f.ratings ? `${v.toFixed(1)} (${f.ratings})` : '—') : v;
            return cell(text, 'num', field);
        }));
        return tr;
    });
    const thead = document.createElement('thead');
    const tbody = document.createElement('tbody');
    thead.append(head);
    tbody.append(...body);
    table.replaceChildren(thead, tbody);
}

function renderFigures() {
    if (!statistics) return;
    $('day').textContent = statistics.day;
    const total = (field) => statistics.byService.reduce((sum, f) => sum + f[field], 0);
    const served = total('served');
    const calls = statistics.byService.reduce((sum, f) => sum + f.called, 0);
    const within = calls ? statistics.byService.reduce((sum, f) => sum + f.withinTargetShare * f.called, 0) / calls : 0;
    $('totals').replaceChildren(...[['issued', 'Issued', total('issued')], ['waiting', 'Waiting now', total('waiting')], ['served', 'Served', served],
        ['noShows', 'No-shows', total('noShows')], ['within', 'Within target', calls ? `${Math.round(within * 100)}%` : '—']].map(([field, label, value]) => {
        const d = Object.assign(document.createElement('div'), { className: 'card' });
        d.dataset.field = field;
        d.append(Object.assign(document.createElement('b'), { textContent: String(value) }), label);
        return d;
    }));
    figuresTable($('by-service'), statistics.byService, serviceName);
    figuresTable($('by-counter'), statistics.byCounter, (k) => `Counter ${k}`, ['issued', 'waiting']);
    figuresTable($('by-clerk'), statistics.byClerk, (k) => k, ['issued', 'waiting']);
}

function renderCharts() {
    const hoursSeen = rows.map((r) => Math.floor(localHour(r.issuedAtMs)));
    const hours = [Math.min(8, ...hoursSeen), Math.max(18, ...hoursSeen)];
    const counts = new Map();
    for (const r of rows) if (r.joinedAtMs === r.issuedAtMs) {
        const h = Math.floor(localHour(r.issuedAtMs));
        counts.set(h, (counts.get(h) ?? 0) + 1);
    }
    perHour($('per-hour'), counts, hours);
    waits($('waits'), rows.filter((r) => r.calledAtMs).map((r) => ({ hour: localHour(r.calledAtMs), minutes: (r.calledAtMs - r.joinedAtMs) / 60000 })), hours);
}

const CSV_COLUMNS = ['number', 'serviceId', 'priority', 'state', 'issuedAtMs', 'joinedAtMs', 'calledAtMs', 'startedAtMs', 'endedAtMs',
    'counter', 'clerk', 'recalls', 'ending', 'estimatedWaitS', 'rating', 'outcome', 'language'];
const iso = (ms) => (ms ? new Date(ms).toISOString() : '');
const quote = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

export function toCsv(all) {
    const header = CSV_COLUMNS.map((c) => c.replace(/AtMs$/, '_at').replace(/([A-Z])/g, '_$1').toLowerCase());
    const plain = (v) => String(v).replace(/^(PRIORITY_CLASS|TICKET_STATE)_/, '').toLowerCase();
    const value = (r, c) => (c.endsWith('AtMs') ? iso(r[c]) : c === 'priority' || c === 'state' ? plain(r[c]) : r[c]);
    const body = all.map((r) => CSV_COLUMNS.map((c) => quote(value(r, c))).join(','));
    return [header.join(','), ...body].join('\r\n') + '\r\n';
}

async function exportCsv() {
    const reply = await link.request('getTickets', {}, 30000);
    const blob = new Blob([toCsv(reply.tickets.rows)], { type: 'text/csv;charset=utf-8' });
    const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: `tickets-${reply.tickets.day || 'today'}.csv` });
    a.click();
    URL.revokeObjectURL(a.href);
}

let statisticsDue = null;
function refreshSoon() {
    statisticsDue ??= setTimeout(async () => {
        statisticsDue = null;
        try {
            statistics = (await link.request('getStatistics')).statistics;
            renderFigures();
        } catch { /* shown by the banner */ }
    }, 300);
}
async function refreshRows() {
    try {
        rows = (await link.request('getTickets', {}, 30000)).tickets.rows;
        renderCharts();
    } catch { /* shown by the banner */ }
}

function apply(e) {
    const at = (n) => counters.get(n);
    const k = e.kind;
    if (k === 'counterChanged') counters.set(e.counterChanged.counter.number, e.counterChanged.counter);
    else if (k === 'ticketCalled' && at(e.ticketCalled.counter)) {
        const c = at(e.ticketCalled.counter);
        c.status = 'COUNTER_STATUS_SERVING';
        const old = c.current?.number === e.ticketCalled.number ? c.current : null;
        c.current = { number: e.ticketCalled.number, serviceId: e.ticketCalled.serviceId, state: 'TICKET_STATE_CALLED', calledAtMs: old?.calledAtMs ?? e.atMs, startedAtMs: 0 };
    } else if (k === 'serviceStarted' && at(e.serviceStarted.counter)?.current) {
        Object.assign(at(e.serviceStarted.counter).current, { state: 'TICKET_STATE_SERVING', startedAtMs: e.atMs });
    } else if (['serviceCompleted', 'ticketNoShow', 'ticketTransferred'].includes(k) && at(e[k].counter)) {
        Object.assign(at(e[k].counter), { status: 'COUNTER_STATUS_OPEN', current: null, sinceMs: e.atMs });
    }
}

function onMessage(m) {
    if (m.body === 'snapshot') {
        centre = m.snapshot.centre;
        $('title').textContent = `${centre.name} — dashboard`;
        counters.clear();
        for (const c of m.snapshot.counters) counters.set(c.number, c);
        lines.clear();
        for (const l of m.snapshot.lines) lines.set(l.serviceId, l);
        statistics = m.snapshot.statistics;
        renderFigures();
        refreshRows();
    } else if (m.body === 'events') {
        m.events.events.forEach(apply);
        for (const l of m.events.lines) lines.set(l.serviceId, l);
        refreshSoon();
    }
    if (!centre) return;
    renderCounters();
    renderQueues();
}

async function signIn(event) {
    event.preventDefault();
    $('sign-in-error').textContent = '';
    link?.close();
    link = new Link({ role: 'ROLE_MANAGER', user: $('user').value.trim(), secret: $('secret').value, clientName: 'dashboard' }, {
        onStatus: offlineBanner($('offline'), (s) => (s.refused ? describe({ code: 'ERROR_CODE_UNAUTHENTICATED', message: s.reason }) : `Offline: ${s.reason}. Reconnecting…`)),
    });
    await link.start();
    try {
        await link.request('getCentre');
    } catch (refusal) {
        $('sign-in-error').textContent = describe(refusal);
        return link.close();
    }
    $('sign-in').hidden = true;
    $('board').hidden = false;
    $('export').hidden = false;
    link.subscribe({ view: 'VIEW_DASHBOARD' }, onMessage);
}

$('sign-in').addEventListener('submit', signIn);
$('export').addEventListener('click', exportCsv);
setInterval(() => centre && renderCounters(), 1000);
setInterval(() => centre && refreshRows(), 15000);
