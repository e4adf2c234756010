// The manager's live dashboard: first the alerts before a breach (js/dashboard_alerts.js), then
// counters (open, paused with reason, serving which ticket for how long), queues (waiting,
// longest wait against the target, estimated wait), today's figures per service, counter and
// clerk, tickets per hour and waits over the day, and a CSV export of today's tickets. Live
// from a dashboard subscription; figures and rows are asked for again after changes, at most
// once a second (rows: every 15 s). Every word is the staff's language (js/staff_language.js),
// picked in the header.
import { dayAxis, perHour, waits } from './charts.js';
import { clock } from './clock.js';
import { alertChanged, renderAlerts, setAlerts } from './dashboard_alerts.js';
import { figuresCsv, toCsv } from './dashboard_csv.js';
import { figuresTable, timeTable, totalCards } from './dashboard_figures.js';
import { signInForm } from './dashboard_sign_in.js';
import { minutes, nameIn, waitRange } from './i18n.js';
import { longestWaitS, overTarget, received } from './longest_wait.js';
import { mountStaffLanguagePicker, onStaffLanguage, staffLanguage, staffSay } from './staff_language.js';

const $ = (id) => document.getElementById(id);
let link = null;
let centre = null;
const counters = new Map();  // number -> CounterView
const lines = new Map();     // service id -> QueueLine, as received (js/longest_wait.js)
let statistics = null;
let rows = [];

const service = (id) => centre.services.find((s) => s.id === id);
const serviceName = (id) => nameIn(service(id)?.names, staffLanguage(), centre, id);
const counterName = (number) => staffSay('dashboard.counterNumber', { number });
// A counter's configured name; the configuration's default ("Counter 3", English) is said in the
// staff's language instead.
const counterTitle = (c) => (c.name && c.name !== `Counter ${c.number}` ? c.name : counterName(c.number));
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

function counterStatus(c) {
    if (c.status === 'COUNTER_STATUS_PAUSED') return staffSay('dashboard.status.paused', { reason: c.pauseReason });
    return staffSay(`dashboard.status.${{ COUNTER_STATUS_CLOSED: 'closed', COUNTER_STATUS_OPEN: 'open', COUNTER_STATUS_SERVING: 'serving' }[c.status] ?? 'closed'}`);
}

function renderCounters() {
    const now = Date.now();
    const retired = new Set((centre?.counters ?? []).filter((c) => c.retired).map((c) => c.number));
    $('counters').replaceChildren(...[...counters.values()].filter((c) => !retired.has(c.number)).sort((a, b) => a.number - b.number).map((c) => {
        const tr = document.createElement('tr');
        tr.dataset.counter = c.number;
        const t = c.current;
        const since = t ? (t.startedAtMs || t.calledAtMs) : c.sinceMs;
        const ticket = t ? staffSay(t.state === 'TICKET_STATE_SERVING' ? 'dashboard.ticketServing' : 'dashboard.ticketCalled', { number: t.number }) : '';
        tr.append(cell(counterTitle(c)), cell(counterStatus(c), '', 'status'), cell(c.clerk), cell(ticket, '', 'ticket'),
            cell(c.status === 'COUNTER_STATUS_CLOSED' || !since ? '' : clock((now - since) / 1000), 'num'));
        return tr;
    }));
}

// The range a citizen is told (docs/DOMAIN.md#estimates), in minutes: a duration, never a
// "16:00" that reads as a time of day; nothing to estimate while no counter serves the line.
function dashboardWait(l) {
    if (!l.waiting) return '—';
    if (!l.openCounters) return staffSay('dashboard.noCounterOpen');
    const range = waitRange(l);
    return range ? staffSay('dashboard.rangeMinutes', range) : staffSay('counter.minutes', { n: minutes(Number(l.estimatedWaitS)) });
}

function renderQueues() {
    $('queues').replaceChildren(...centre.services.map((s) => {
        const l = lines.get(s.id) ?? { waiting: 0, longestWaitS: 0, estimatedWaitS: 0, openCounters: 0 };
        const tr = document.createElement('tr');
        tr.dataset.service = s.id;
        tr.append(cell(serviceName(s.id)), cell(l.waiting, 'num', 'waiting'), cell('', 'num', 'longestWait'), cell(staffSay('counter.minutes', { n: minutes(s.targetWaitS) }), 'num', 'target'),
            cell(dashboardWait(l), 'num', 'estimatedWait'), cell(l.openCounters, 'num', 'openCounters'));
        return tr;
    }));
    tickQueues();
}

// Between events the longest waits go on growing, and a line turns red as its target passes.
function tickQueues() {
    for (const tr of $('queues').children) {
        const s = service(tr.dataset.service);
        const l = lines.get(s.id);
        const text = clock(longestWaitS(l));
        const td = tr.querySelector('[data-field="longestWait"]');
        if (td.textContent !== text) td.textContent = text;
        tr.classList.toggle('over', overTarget(l, s.targetWaitS));
    }
}

// Alerts before a breach, at the top: redrawn with the figures, each event, and each minute
// (the minutes left count down).
function showAlerts() {
    const hhmm = (ms) => new Intl.DateTimeFormat('en-GB', { timeZone: centre.timeZone || undefined, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
    const limits = (id) => ({ target: minutes(Number(service(id)?.targetWaitS ?? 0)), maximum: minutes(Number(service(id)?.maxWaitS ?? 0)) });
    renderAlerts($('alerts'), { serviceName, hhmm, limits, order: centre.services.map((s) => s.id) });
}

function renderFigures() {
    if (!statistics) return;
    setAlerts(statistics.alerts);
    showAlerts();
    $('day').textContent = statistics.day;
    totalCards($('totals'), statistics);
    figuresTable($('by-service'), statistics.byService, serviceName);
    figuresTable($('by-counter'), statistics.byCounter, counterName, ['issued', 'waiting']);
    figuresTable($('by-clerk'), statistics.byClerk, (k) => k, ['issued', 'waiting']);
    timeTable($('time-by-counter'), statistics.byCounter, counterName);
    timeTable($('time-by-clerk'), statistics.byClerk, (k) => k);
}

function renderCharts() {
    const axis = dayAxis(centre.opening, centre.closing, rows.map((r) => localHour(r.issuedAtMs)));
    const counts = new Map();
    for (const r of rows) if (r.joinedAtMs === r.issuedAtMs) {
        const h = Math.floor(localHour(r.issuedAtMs));
        counts.set(h, (counts.get(h) ?? 0) + 1);
    }
    const words = (key) => (from, to, ticks) => staffSay(key, { from, to, top: ticks[ticks.length - 1], step: ticks[1] });
    perHour($('per-hour'), counts, axis, words('dashboard.perHourChart'));
    waits($('waits'), rows.filter((r) => r.calledAtMs).map((r) => ({ hour: localHour(r.calledAtMs), minutes: (r.calledAtMs - r.joinedAtMs) / 60000 })),
        axis, words('dashboard.waitsChart'));
}

function renderAll() {
    document.title = staffSay('dashboard.title');
    if (!centre) return;
    $('title').textContent = staffSay('dashboard.titleOf', { centre: centre.name });
    document.title = $('title').textContent;
    renderCounters();
    renderQueues();
    renderFigures();
    renderCharts();
}

async function exportCsv() {
    let reply;
    try {
        reply = await link.request('getTickets', {}, 30000);
    } catch {
        return;  // offline: the banner says so, and the button works again once it is back
    }
    download(toCsv(reply.tickets.rows, centre.timeZone, serviceName), `tickets-${reply.tickets.day || 'today'}.csv`);
}

function download(text, name) {
    const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
    const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
    a.click();
    URL.revokeObjectURL(a.href);
}

// The figures shown: the ones the tables hold, so the file says what the manager sees.
function exportFigures() {
    if (statistics) download(figuresCsv(statistics, counterName), `counters-clerks-${statistics.day || 'today'}.csv`);
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

// A service or counter set up at runtime (docs/SETUP.md#services-and-counters-at-runtime): the
// centre follows, a retired counter leaves the table, and the remote control hears of it.
function setUp(list, item, same) {
    const at = list.findIndex(same);
    if (at >= 0) list[at] = item;
    else list.push(item);
    window.dispatchEvent(new CustomEvent('novbe:setup', { detail: centre }));
}

function apply(e) {
    const at = (n) => counters.get(n);
    const k = e.kind;
    if (k === 'serviceChanged') setUp(centre.services, e.serviceChanged.service, (s) => s.id === e.serviceChanged.service.id);
    else if (k === 'counterSetUp') setUp(centre.counters, e.counterSetUp.counter, (c) => c.number === e.counterSetUp.counter.number);
    else if (k === 'alertChanged') alertChanged(e.alertChanged);
    else if (k === 'counterChanged') counters.set(e.counterChanged.counter.number, e.counterChanged.counter);
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
        counters.clear();
        for (const c of m.snapshot.counters) counters.set(c.number, c);
        lines.clear();
        for (const l of m.snapshot.lines) lines.set(l.serviceId, received(l));
        statistics = m.snapshot.statistics;
        renderAll();
        refreshRows();
        window.dispatchEvent(new Event('novbe:bookings'));  // a reconnect: the bookings too may have moved
        return;
    }
    if (m.body !== 'events' || !centre) return;
    m.events.events.forEach(apply);
    for (const l of m.events.lines) lines.set(l.serviceId, received(l));
    if (m.events.events.some((e) => e.kind === 'alertChanged')) showAlerts();
    // Bookings carry a reference: only this view gets them; dashboard_bookings.js asks again.
    if (m.events.events.some((e) => e.kind === 'bookingChanged')) window.dispatchEvent(new Event('novbe:bookings'));
    refreshSoon();
    renderCounters();
    renderQueues();
}

function signedIn(signedInLink) {
    link = signedInLink;
    // The centre's first language, until someone picks one on this browser.
    $('language').replaceChildren();
    mountStaffLanguagePicker($('language'), link.welcome.centre.languages);
    $('board').hidden = false;
    $('export').hidden = false;
    $('export-figures').hidden = false;
    link.subscribe({ view: 'VIEW_DASHBOARD' }, onMessage);
}

mountStaffLanguagePicker($('language'));
onStaffLanguage(renderAll);
renderAll();
signInForm(signedIn);
$('export').addEventListener('click', exportCsv);
$('export-figures').addEventListener('click', exportFigures);
setInterval(() => centre && renderCounters(), 1000);
setInterval(() => centre && showAlerts(), 30000);
setInterval(() => centre && tickQueues(), 250);  // a wait turns red within a quarter second of its target
setInterval(() => centre && refreshRows(), 15000);
let resized = null;
window.addEventListener('resize', () => { clearTimeout(resized); resized = setTimeout(() => centre && renderCharts(), 200); });
