// The hall board, read from ten metres: the latest call large and announced, the recent calls
// (those that are over marked "done"), which ticket each counter is serving (closed ones
// marked), each service's line with its estimated wait, the manager's hall message and the
// time. ?services=a,b and ?counters=1,2 show a zone only (a zone of counters lists their
// services); ?token= is the board's device token where boards need one. Nothing personal is
// shown: the server sends boards none.
import { announce, enableSound, loadServerSpeech, soundBlocked } from './announce.js';
import { offlineBanner } from './banner.js';
import { page } from './board_pages.js';
import { BoardState, MAX_CALLS, unknownInZone, zoneServices } from './board_state.js';
import { minutes, nameIn, say, waitRange } from './i18n.js';
import { Link } from './link.js';

const params = new URLSearchParams(location.search);
const list = (name) => (params.get(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
// A counter that is not a number (?counters=abc) stays as typed: the board names it so (not "NaN").
const zone = { services: list('services'), counters: list('counters').map((c) => (/^\d{1,9}$/.test(c) ? Number(c) : c)) };
const $ = (id) => document.getElementById(id);
const make = (tag, className, text) => Object.assign(document.createElement(tag), { className, textContent: text ?? '' });

const state = new BoardState();
let languageTurn = 0;  // labels cycle through the centre's languages; long tables page on the same turn

const language = () => state.centre.languages[languageTurn % Math.max(1, state.centre.languages.length)] ?? 'en';
const serviceName = (id) => nameIn(state.centre.services.find((s) => s.id === id)?.names, language(), state.centre, id);

function renderCalls(lang) {
    const latest = state.calls[0];
    $('latest-number').textContent = latest?.number ?? '—';
    $('latest-counter').textContent = latest ? String(latest.counter) : '—';
    $('latest').classList.toggle('ended', Boolean(latest?.ended));
    $('latest-ticket-label').textContent = latest?.ended ? `${say(lang, 'ticket')} · ${say(lang, 'callOver')}` : say(lang, 'ticket');
    const rest = state.calls.slice(1, MAX_CALLS + 1);
    $('call-list').replaceChildren(...(state.calls.length ? rest.map((c) => {
        const li = make('li', c.ended ? 'ended' : '');
        li.dataset.number = c.number;
        li.append(make('span', 'number', c.number), make('span', 'to', c.ended ? say(lang, 'callOver') : `→ ${c.counter}`));
        return li;
    }) : [make('li', 'empty', say(lang, 'noCalls'))]));
}

// Open counters each with the ticket at it; closed and paused ones on a line of their own each
// ("closed: 2, 4, 5"), dimmed: plainly marked, and eight counters still fit beside the lines.
function renderCounters(lang) {
    const shown = [...state.counters.values()].filter((c) => !zone.counters.length || zone.counters.includes(c.number))
        .sort((a, b) => a.number - b.number);
    const working = shown.filter((c) => c.status === 'COUNTER_STATUS_OPEN' || c.status === 'COUNTER_STATUS_SERVING');
    $('counter-list').replaceChildren(...working.map((c) => {
        const li = make('li', c.current ? '' : 'idle');
        li.dataset.counter = String(c.number);
        li.append(make('span', 'counter', String(c.number)), make('span', 'number', c.current || '—'));
        return li;
    }));
    $('counters-off').replaceChildren(...[['COUNTER_STATUS_CLOSED', 'counterClosed', 'closed'], ['COUNTER_STATUS_PAUSED', 'counterPaused', 'paused']]
        .map(([status, key, className]) => [shown.filter((c) => c.status === status), key, className])
        .filter(([off]) => off.length).map(([off, key, className]) => {
            const p = make('p', className, `${say(lang, key)}: `);
            p.dataset.counters = off.map((c) => c.number).join(',');
            off.forEach((c, i) => p.append(make('span', 'counter', String(c.number)), i + 1 < off.length ? ' ' : ''));
            return p;
        }));
    pageServing();
}

// A line's wait for a ticket taken now: "15–25 min", or the middle figure from a server without ranges.
function boardWait(lang, l) {
    const range = waitRange(l);
    return range ? say(lang, 'minutesRange', range) : say(lang, 'minutes', { n: minutes(l.estimatedWaitS) });
}

function renderLines(lang) {
    const only = zoneServices(state.centre, zone);
    // A retired service's line leaves at once, though the line update that came with its
    // retirement set it again after the event removed it.
    const shown = state.centre.services.filter((s) => !s.retired && state.lines.has(s.id) && (!only || only.has(s.id)));
    // One heading over both figures: a column as wide as "Bategereje" for a two-digit count left
    // the names a third of the table, wrapped on three lines each (rw at 1280x720).
    const figures = Object.assign(make('th', 'figures', `${say(lang, 'waiting')} · ${say(lang, 'estimatedWait')}`), { colSpan: 2 });
    const name = make('th', '', say(lang, 'service'));
    name.prepend(Object.assign(make('span', 'page-sign'), { id: 'lines-page', hidden: true }));
    $('lines-head').replaceChildren(name, figures);
    $('line-table').replaceChildren(...shown.map((s) => {
        const l = state.lines.get(s.id);
        const tr = document.createElement('tr');
        tr.dataset.service = s.id;
        tr.append(make('td', 'name', `${s.prefix} · ${serviceName(s.id)}`), make('td', 'count', String(l.waiting)),
            // No counter serves the line now: say so, never a number (docs/DOMAIN.md#estimates).
            // A time is one unbroken phrase ("34–86 min", "iminota 10–27"): the name wraps instead.
            l.openCounters && l.waiting ? make('td', 'wait time', boardWait(lang, l)) : make('td', 'wait', l.openCounters ? '—' : say(lang, 'noCounterShort')));
        return tr;
    }));
    pageLines();
}

// A list's page shown as "1/2" by its heading while it pages (js/board_pages.js).
function signPage(sign, shown) {
    sign.hidden = !shown;
    sign.textContent = shown ? `${shown.index}/${shown.count}` : '';
}
const pageLines = () => signPage($('lines-page'), page($('lines'), [...$('line-table').children], languageTurn));

// The recent calls give way, the oldest line of two first, while the counters would have no room
// for one line of their own (a long hall message and the offline banner on a 720-line TV): who is
// at which counter matters more to the hall than the sixth call back.
function pageServing() {
    const rows = [...$('counter-list').children, ...$('counters-off').children];
    const calls = [...$('call-list').children];
    for (const r of [...rows, ...calls]) r.hidden = false;
    const cramped = () => rows.length && rows[0].getBoundingClientRect().bottom > $('serving').getBoundingClientRect().bottom + 0.5;
    for (let n = calls.length; n > 2 && cramped(); n -= 2) calls.slice(n - 2, n).forEach((c) => { c.hidden = true; });
    signPage($('serving-page'), page($('serving'), rows, languageTurn));
}
const pageAll = () => {
    pageLines();
    pageServing();
};

const clip = (text) => (text.length > 24 ? `${text.slice(0, 24)}…` : text);

function renderRefusal() {
    $('refusal').hidden = !state.refusal;
    $('board').hidden = Boolean(state.refusal);
    if (!state.refusal) return;
    const unknown = unknownInZone(state.centre, zone);
    // Every language of the centre at once: whoever reads it, staff or citizen, can act on it.
    $('refusal').replaceChildren(...state.centre.languages.map((code) => {
        const names = [...unknown.services.map((id) => `"${clip(id)}"`), ...unknown.counters.map((n) => `${say(code, 'counter')} ${clip(String(n))}`)];
        const shown = names.length > 4 ? [...names.slice(0, 4), '…'] : names;  // a pasted list still fits the screen
        return make('p', '', say(code, 'unknownZone', { names: shown.length ? shown.join(', ') : state.refusal.message }));
    }));
}

function render() {
    const lang = language();
    document.documentElement.lang = lang;
    $('centre').textContent = state.centre.name || 'Novbe';
    $('hall-message').textContent = state.hallMessage;
    $('hall-message').hidden = !state.hallMessage;
    for (const [id, key] of [['latest-counter-label', 'counter'], ['calls-title', 'calls'],
        ['serving-title', 'nowServing'], ['sound-on', 'soundOn']]) $(id).textContent = say(lang, key);
    renderRefusal();
    renderCalls(lang);
    renderCounters(lang);
    renderLines(lang);
    tick();  // the centre's time zone arrives with the snapshot
}

function onMessage(m) {
    if (m.body === 'snapshot') state.snapshot(m.snapshot);
    else if (m.body === 'error' && ['ERROR_CODE_UNKNOWN_SERVICE', 'ERROR_CODE_UNKNOWN_COUNTER', 'ERROR_CODE_INVALID_ARGUMENT'].includes(m.error.code)) {
        state.centre = link.welcome?.centre ?? state.centre;
        state.refusal = m.error;
    } else if (m.body === 'events') {
        for (const e of m.events.events) {
            const c = state.event(e);
            if (c && Date.now() - e.atMs < 15000) {  // a call missed while offline is shown, not said
                announce(c, state.centre.languages);
                $('latest').classList.remove('fresh');
                void $('latest').offsetWidth;  // restart the flash
                $('latest').classList.add('fresh');
            }
        }
        for (const l of m.events.lines) state.lines.set(l.serviceId, l);
    }
    render();
}

// The centre's time, once its zone is known (the Welcome or the snapshot); until then, and on a
// board the server refused (a wrong ?token=), no clock: the browser's own may be another zone's.
function tick() {
    const zone = state.centre.timeZone;
    $('clock').textContent = zone ? new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: zone }) : '';
}

const banner = offlineBanner($('offline'), (s) => (s.refused ? say('en', 'badDevice') : say(language(), 'offline')));
const link = new Link({ role: 'ROLE_BOARD', deviceToken: params.get('token') ?? '', clientName: 'board page' }, {
    onStatus: banner,
});
loadServerSpeech();
link.start().then(() => link.subscribe({ view: 'VIEW_BOARD', serviceIds: zone.services,
    counters: zone.counters.map((c) => (typeof c === 'number' ? c : 0)) }, onMessage));  // 0: no counter, refused as unknown
render();
tick();
setInterval(tick, 1000);
setInterval(() => { languageTurn += 1; render(); }, 10000);
new ResizeObserver(pageAll).observe($('lines'));  // the offline banner or a message takes room: page again
if (soundBlocked()) {
    $('sound').hidden = false;
    $('sound-on').onclick = () => enableSound().then(() => { $('sound').hidden = true; });
}
