// The hall board: the latest call large and announced, the recent calls, each service's line
// with its estimated wait, and the time. ?services=a,b and ?counters=1,2 show a zone only;
// ?token= is the board's device token where boards need one. Nothing personal is shown: the
// server sends boards none.
import { announce, enableSound, soundBlocked } from './announce.js';
import { offlineBanner } from './banner.js';
import { minutes, nameIn, say } from './i18n.js';
import { Link } from './link.js';

const params = new URLSearchParams(location.search);
const list = (name) => (params.get(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const zone = { services: list('services'), counters: list('counters').map(Number) };
const $ = (id) => document.getElementById(id);

let centre = { name: '', languages: ['en'], services: [] };
let calls = [];             // newest first
const lines = new Map();    // service id -> QueueLine
let languageTurn = 0;       // labels cycle through the centre's languages
const MAX_CALLS = 8;

const language = () => centre.languages[languageTurn % Math.max(1, centre.languages.length)] ?? 'en';
const serviceName = (id) => nameIn(centre.services.find((s) => s.id === id)?.names, language(), centre, id);

function render() {
    const lang = language();
    document.documentElement.lang = lang;
    $('centre').textContent = centre.name || 'Novbe';
    $('latest-ticket-label').textContent = say(lang, 'ticket');
    $('latest-counter-label').textContent = say(lang, 'counter');
    $('calls-title').textContent = say(lang, 'calls');
    const latest = calls[0];
    $('latest-number').textContent = latest?.number ?? '—';
    $('latest-counter').textContent = latest ? String(latest.counter) : '—';
    $('call-list').replaceChildren(...(calls.length ? calls.slice(1, MAX_CALLS + 1).map((c) => {
        const li = document.createElement('li');
        li.innerHTML = '<span class="number"></span><span class="to"></span>';
        li.firstChild.textContent = c.number;
        li.lastChild.textContent = `→ ${c.counter}`;
        return li;
    }) : [Object.assign(document.createElement('li'), { className: 'empty', textContent: say(lang, 'noCalls') })]));
    const shown = centre.services.filter((s) => lines.has(s.id) && (!zone.services.length || zone.services.includes(s.id)));
    $('lines-head').replaceChildren(...['service', 'waiting', 'estimatedWait'].map((key) =>
        Object.assign(document.createElement('th'), { textContent: say(lang, key) })));
    $('line-table').replaceChildren(...shown.map((s) => {
        const l = lines.get(s.id);
        const tr = document.createElement('tr');
        tr.dataset.service = s.id;
        tr.innerHTML = '<td class="name"></td><td class="count"></td><td class="wait"></td>';
        tr.children[0].textContent = `${s.prefix} · ${serviceName(s.id)}`;
        tr.children[1].textContent = String(l.waiting);
        // No counter serves the line now: say so, never a number (docs/DOMAIN.md#estimates).
        tr.children[2].textContent = !l.openCounters ? say(lang, 'noCounterShort') : l.waiting ? say(lang, 'about', { n: minutes(l.estimatedWaitS) }) : '—';
        return tr;
    }));
}

function onMessage(m) {
    if (m.body === 'snapshot') {
        centre = m.snapshot.centre;
        calls = m.snapshot.recentCalls.slice(0, MAX_CALLS + 1);
        lines.clear();
        for (const l of m.snapshot.lines) lines.set(l.serviceId, l);
    } else if (m.body === 'events') {
        for (const e of m.events.events) {
            if (e.kind === 'dayStarted') calls = [];
            if (e.kind !== 'ticketCalled') continue;
            const c = { number: e.ticketCalled.number, counter: e.ticketCalled.counter, serviceId: e.ticketCalled.serviceId, atMs: e.atMs };
            calls = [c, ...calls.filter((old) => old.number !== c.number)].slice(0, MAX_CALLS + 1);
            if (Date.now() - e.atMs < 15000) {  // a call missed while offline is shown, not said
                announce(c, centre.languages);
                $('latest').classList.remove('fresh');
                void $('latest').offsetWidth;  // restart the flash
                $('latest').classList.add('fresh');
            }
        }
        for (const l of m.events.lines) lines.set(l.serviceId, l);
    }
    render();
}

function tick() {
    const now = new Date();
    $('clock').textContent = now.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: centre.timeZone || undefined });
}

const link = new Link({ role: 'ROLE_BOARD', deviceToken: params.get('token') ?? '', clientName: 'board page' }, {
    onStatus: offlineBanner($('offline'), (s) => (s.refused ? say('en', 'badDevice') : say(language(), 'offline'))),
});
link.start().then(() => link.subscribe({ view: 'VIEW_BOARD', serviceIds: zone.services, counters: zone.counters }, onMessage));
render();
tick();
setInterval(tick, 1000);
setInterval(() => { languageTurn += 1; render(); }, 10000);
if (soundBlocked()) {
    $('sound').hidden = false;
    $('sound-on').onclick = () => enableSound().then(() => { $('sound').hidden = true; });
}
