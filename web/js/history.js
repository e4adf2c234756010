// The dashboard's history: a range of the centre's days (at most 366: a year) from its own log
// (GetHistory), with the same figures as today's per service, the range's totals, a bar per day
// of tickets issued and of the average wait, the range as CSV (one row per day and service,
// then one per service for the whole range), and the counters' and clerks' walk, idle and pause
// times over the range, with their CSV as today's (docs/DOMAIN.md#clerks-figures). It mounts itself into #history once the dashboard
// has signed in, with its own link as the same manager, like js/hall_message.js.
import { figuresCsv } from './dashboard_csv.js';
import { figuresTable, timeTable, totalCards } from './dashboard_figures.js';
import { dayBars } from './history_chart.js';
import { nameIn } from './i18n.js';
import { Link } from './link.js';
import { describe } from './refusals.js';
import { onStaffLanguage, staffLanguage, staffSay } from './staff_language.js';

const MAX_DAYS = 366;
const container = document.getElementById('history');
const signedIn = document.getElementById('board');
let credentials = null;
let link = null;
let centre = null;
let shown = null;  // the last History received

const make = (tag, props = {}) => Object.assign(document.createElement(tag), props);
const title = make('h2');
const form = make('form', { id: 'history-form', className: 'actions' });
const fromLabel = make('label');
const from = make('input', { id: 'history-from', type: 'date', required: true });
const toLabel = make('label');
const to = make('input', { id: 'history-to', type: 'date', required: true });
const show = make('button', { id: 'history-show', type: 'submit' });
const csv = make('button', { id: 'history-csv', type: 'button', className: 'quiet', disabled: true });
const staffCsv = make('button', { id: 'history-staff-csv', type: 'button', className: 'quiet', disabled: true });
const status = make('p', { id: 'history-status', role: 'status' });
const cards = make('div', { id: 'history-totals', className: 'cards' });
const table = make('table', { id: 'history-by-service', className: 'figures' });
const issuedTitle = make('h3');
const issuedChart = make('canvas', { id: 'history-issued', width: 1200, height: 200 });
const waitTitle = make('h3');
const waitChart = make('canvas', { id: 'history-wait', width: 1200, height: 200 });
issuedChart.setAttribute('role', 'img');
waitChart.setAttribute('role', 'img');
const timeTitle = make('h3');
const byCounterTitle = make('h4');
const byCounter = make('table', { id: 'history-time-by-counter', className: 'figures' });
const byClerkTitle = make('h4');
const byClerk = make('table', { id: 'history-time-by-clerk', className: 'figures' });

const dayMs = 86400000;
const daysBetween = (a, b) => Math.round((Date.parse(b) - Date.parse(a)) / dayMs);
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const serviceName = (id) => nameIn(centre?.services.find((s) => s.id === id)?.names, staffLanguage(), centre, id);
const counterName = (number) => staffSay('dashboard.counterNumber', { number });

function render() {
    title.textContent = staffSay('history.title');
    fromLabel.replaceChildren(staffSay('history.from'), ' ', from);
    toLabel.replaceChildren(staffSay('history.to'), ' ', to);
    show.textContent = staffSay('history.show');
    csv.textContent = staffSay('history.csv');
    staffCsv.textContent = staffSay('dashboard.exportFigures');
    timeTitle.textContent = staffSay('dashboard.clerkTime');
    byCounterTitle.textContent = staffSay('dashboard.byCounter');
    byClerkTitle.textContent = staffSay('dashboard.byClerk');
    issuedTitle.textContent = staffSay('history.issuedPerDay');
    waitTitle.textContent = staffSay('history.waitPerDay');
    if (!shown) return;
    if (!status.classList.contains('refused'))
        status.textContent = staffSay('history.range', { from: shown.from, to: shown.to, days: shown.days.length });
    totalCards(cards, { byService: shown.byService.map((f) => ({ ...f, waiting: 0 })) });
    cards.querySelector('[data-field="waiting"]')?.remove();  // "waiting now" says nothing of past days
    figuresTable(table, shown.byService, serviceName, ['waiting']);
    timeTable(byCounter, shown.byCounter, counterName);
    timeTable(byClerk, shown.byClerk, (k) => k);
    const days = shown.days.map((d) => d.day);
    const sum = (d, field) => d.byService.reduce((n, f) => n + f[field], 0);
    const words = (key) => (a, b, ticks) => staffSay(key, { from: a, to: b, top: ticks[ticks.length - 1], step: ticks[1] });
    dayBars(issuedChart, shown.days.map((d) => sum(d, 'issued')), days, words('history.issuedChart'));
    // A day's average wait over its calls: each service's average weighted by its calls.
    const wait = (d) => { const calls = sum(d, 'called'); return calls ? Math.round(d.byService.reduce((n, f) => n + Number(f.averageWaitS) * f.called, 0) / calls / 6) / 10 : 0; };
    dayBars(waitChart, shown.days.map(wait), days, words('history.waitChart'));
}

function refuse(text) {
    status.classList.add('refused');
    status.textContent = text;
}

async function ask() {
    status.classList.remove('refused');
    const days = daysBetween(from.value, to.value);
    if (!from.value || !to.value || Number.isNaN(days)) return refuse(staffSay('history.pickDates'));
    if (days < 0) return refuse(staffSay('history.backwards'));
    if (days >= MAX_DAYS) return refuse(staffSay('history.tooLong', { days: MAX_DAYS }));
    status.textContent = staffSay('history.reading');
    try {
        shown = (await link.request('getHistory', { from: from.value, to: to.value }, 30000)).history;
        csv.disabled = false;
        staffCsv.disabled = false;
    } catch (refusal) {
        return refuse(describe(refusal, staffLanguage()));
    }
    render();
}

const CSV_FIELDS = ['issued', 'called', 'served', 'noShows', 'transferredIn', 'transferredOut', 'cancelled', 'closedUnserved',
    'averageWaitS', 'maxWaitS', 'withinTargetShare', 'averageServiceS', 'ratings', 'averageRating'];
const CSV_HEAD = 'day,service_id,service_name,issued,called,served,no_shows,transferred_in,transferred_out,cancelled,'
    + 'closed_unserved,average_wait_s,max_wait_s,within_target_share,average_service_s,ratings,average_rating';
const quoted = (text) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
const csvRow = (day, f) => [day, quoted(f.key), quoted(serviceName(f.key)), ...CSV_FIELDS.map((k) => {
    if (k === 'withinTargetShare' || k === 'averageRating') return f[k === 'averageRating' ? 'ratings' : 'called'] ? Number(f[k]).toFixed(4) : '';
    return String(f[k]);
})].join(',');

// Each day's rows, then the range's (day "FROM..TO"): a spreadsheet sums the first, reads the second.
export function historyCsv(h) {
    const lines = [CSV_HEAD];
    for (const d of h.days) for (const f of d.byService) lines.push(csvRow(d.day, f));
    for (const f of h.byService) lines.push(csvRow(`${h.from}..${h.to}`, f));
    return `${lines.join('\r\n')}\r\n`;  // RFC 4180, as the tickets' CSV (js/dashboard_csv.js)
}

function download(text, name) {
    const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
    const a = make('a', { href: URL.createObjectURL(blob), download: name });
    a.click();
    URL.revokeObjectURL(a.href);
}

function start() {
    if (link || !credentials || signedIn?.hidden) return;
    link = new Link({ role: 'ROLE_MANAGER', ...credentials, clientName: 'dashboard history' }, { onWelcome: welcomed });
    credentials = null;  // kept no longer than needed
    container.hidden = false;
    link.start();
}

function welcomed(welcome) {
    centre = welcome.centre;
    // The last seven days up to the centre's today, by its server's clock, time zone and day start.
    const now = Number(welcome.serverTimeMs || Date.now()) - (centre.dayStartMinutes ?? 0) * 60000;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: centre.timeZone || undefined, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
    to.value ||= today;
    from.value ||= isoDay(Date.parse(today) - 6 * dayMs);
    render();
}

if (container) {
    container.hidden = true;
    form.append(fromLabel, toLabel, show, csv, staffCsv);
    container.append(title, form, status, cards, table, issuedTitle, issuedChart, waitTitle, waitChart,
        timeTitle, byCounterTitle, byCounter, byClerkTitle, byClerk);
    form.addEventListener('submit', (e) => { e.preventDefault(); ask(); });
    csv.addEventListener('click', () => shown && download(historyCsv(shown), `history-${shown.from}-${shown.to}.csv`));
    staffCsv.addEventListener('click', () => shown && download(figuresCsv(shown, counterName),
        `counters-clerks-${shown.from}-${shown.to}.csv`));
    document.getElementById('sign-in')?.addEventListener('submit', () => {
        credentials = { user: document.getElementById('user').value.trim(), secret: document.getElementById('secret').value };
    }, true);
    if (signedIn) new MutationObserver(start).observe(signedIn, { attributes: true, attributeFilter: ['hidden'] });
    onStaffLanguage(render);
    render();
}
