// The situation room's page, served by novbe-central: sign in, then every centre the user may
// see, live over the WebSocket /live, sorted by trouble; a click shows one centre in detail.
// Durations tick between messages from the server's clock (each message carries its now_ms).
import { nameIn } from './i18n.js';
import { historyReceived, mountHistory } from './situation_history.js';
import { apply, byTrouble, longestWaitMs, roomState, serverNow, withinShare } from './situation_state.js';
import { mountStaffLanguagePicker, onStaffLanguage, staffLanguage, staffSay } from './staff_language.js';

const $ = (id) => document.getElementById(id);
const state = roomState();
let socket = null;
let credentials = null;
let followed = '';
let retryMs = 500;

function cell(text, className = '') {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    return td;
}

function duration(ms) {
    const s = Math.floor(ms / 1000);
    if (s < 60) return staffSay('central.seconds', { n: s });
    if (s < 3600) return staffSay('counter.minutes', { n: Math.floor(s / 60) });
    return staffSay('central.hours', { h: Math.floor(s / 3600), m: String(Math.floor((s % 3600) / 60)).padStart(2, '0') });
}

function share(f) {
    const x = withinShare(f);
    return x == null ? '—' : `${Math.round(x * 100)}%`;
}

function renderGlance() {
    const now = serverNow(state);
    const rows = byTrouble(state, now);
    $('no-centres').hidden = rows.length > 0;
    $('centres').replaceChildren(...rows.map(({ c, silent, sinceMs, wait }) => {
        const tr = document.createElement('tr');
        tr.dataset.centre = c.centre;
        tr.classList.toggle('silent', silent);
        tr.classList.toggle('chosen', c.centre === followed);
        const name = cell(c.centre);
        if (silent) {
            name.append(Object.assign(document.createElement('span'), { className: 'badge', textContent: staffSay('central.silent') }));
        }
        tr.append(name, cell(String(c.waiting), 'num'), cell(c.waiting ? duration(wait) : '—', 'num'),
            cell(share(c), 'num'), cell(`${c.open_counters}${c.paused_counters ? ` (+${c.paused_counters})` : ''}`, 'num'),
            cell(Number.isFinite(sinceMs) ? staffSay('central.ago', { time: duration(sinceMs) }) : '—', 'num ago'));
        tr.addEventListener('click', () => follow(c.centre === followed ? '' : c.centre));
        return tr;
    }));
}

function renderDetail() {
    const d = state.detail;
    const shown = Boolean(followed && d && d.centre === followed);
    $('detail').hidden = !shown;
    $('room').classList.toggle('with-detail', shown);
    if (!shown) return;
    const now = serverNow(state);
    $('detail-title').textContent = staffSay('central.detailOf', { centre: d.centre, day: d.day ?? '—' });
    $('services').replaceChildren(...d.services.map((s) => {
        const tr = document.createElement('tr');
        const waitNow = longestWaitMs(s, now);
        tr.append(cell(`${s.prefix} ${nameIn(s.names, staffLanguage(), null, s.service)}`),
            cell(s.waiting ? `${s.waiting} (${duration(waitNow)})` : '0', `num${waitNow > s.target_wait_ms ? ' over' : ''}`),
            cell(String(s.issued), 'num'), cell(String(s.served), 'num'), cell(String(s.no_shows), 'num'),
            cell(s.called ? duration(Math.floor(s.wait_sum_ms / s.called)) : '—', 'num'),
            cell(s.called ? duration(s.wait_max_ms) : '—', 'num'), cell(share(s), 'num'));
        return tr;
    }));
    $('counters').replaceChildren(...d.counters.map((k) => {
        const tr = document.createElement('tr');
        const status = k.state === 'paused' ? staffSay('dashboard.status.paused', { reason: '' }).replace(/[:\s]+$/, '')
            : staffSay(`dashboard.status.${k.state}`);
        tr.append(cell(k.name || staffSay('dashboard.counterNumber', { number: k.counter })), cell(status),
            cell(k.clerk ?? ''), cell(k.ticket ?? ''));
        return tr;
    }));
}

function renderHeader() {
    $('scope').textContent = state.role === 'national' ? staffSay('central.national', { user: state.user })
        : staffSay('central.regional', { user: state.user, n: state.allowed.length });
    $('clock').textContent = new Date(serverNow(state)).toLocaleTimeString('en-GB');
}

function renderBanner() {
    const banner = $('offline');
    const words = socket?.readyState !== WebSocket.OPEN && credentials && !$('room').hidden ? staffSay('central.offline')
        : !state.database ? staffSay('central.databaseDown') : '';
    banner.hidden = !words;
    banner.textContent = words;
}

function render() {
    if ($('room').hidden) return;
    renderHeader();
    renderGlance();
    renderDetail();
    renderBanner();
}

function follow(centre) {
    followed = centre;
    if (!centre) state.detail = null;
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ follow: centre }));
    render();
}

function refused(reason) {
    $('sign-in-error').textContent = staffSay(reason === 'locked' ? 'dashboard.rateLimited' : 'dashboard.unknownUser');
    $('sign-in-button').disabled = false;
    credentials = null;
    socket?.close();
}

function connect() {
    const url = new URL('/live', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(url);
    const mine = socket;
    mine.addEventListener('open', () => mine.send(JSON.stringify(credentials)));
    mine.addEventListener('message', (event) => {
        const message = JSON.parse(event.data);
        if (message.type === 'refused') return refused(message.reason);
        if (message.type === 'history') return historyReceived(message);
        if (apply(state, message) === 'welcome') {
            retryMs = 500;
            $('sign-in').hidden = true;
            $('room').hidden = false;
            // The centres' own latest day (their local date), else the server's date in UTC.
            const days = [...state.centres.values()].map((c) => c.day).filter(Boolean).sort();
            const today = days.at(-1) ?? new Date(serverNow(state)).toISOString().slice(0, 10);
            for (const id of ['history-from', 'history-to']) if (!$(id).value) $(id).value = today;
            if (followed) mine.send(JSON.stringify({ follow: followed }));
        }
        render();
    });
    mine.addEventListener('close', () => {
        if (mine !== socket) return;
        if (!credentials) return;
        if ($('room').hidden) {  // never welcomed: the server is not there
            $('sign-in-error').textContent = staffSay('dashboard.unreachable');
            $('sign-in-button').disabled = false;
            credentials = null;
            return;
        }
        renderBanner();
        const wait = retryMs / 2 + Math.random() * retryMs / 2;  // jitter: many screens do not return at once
        retryMs = Math.min(retryMs * 2, 10000);
        setTimeout(connect, wait);
    });
}

mountHistory((message) => {
    if (socket?.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
});

$('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    $('sign-in-error').textContent = '';
    $('sign-in-button').disabled = true;
    credentials = { user: $('user').value, secret: $('secret').value };
    connect();
});

mountStaffLanguagePicker($('language'));
onStaffLanguage(render);
setInterval(render, 1000);  // durations and silence tick between messages
// The button ships disabled: a click before this module's handler is in place would submit the
// form as a page load, with the secret in the address.
$('sign-in-button').disabled = false;
