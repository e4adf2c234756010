// The touch kiosk: language, service (grouped by agency), priority, then the ticket on screen
// with its QR code, printed through the browser on 80 mm paper (Chromium's --kiosk-printing
// prints without a dialog; ?print=auto prints each ticket at once). The device token comes
// from ?token= once and is kept in this browser. Out of service while the server is away:
// never a made-up number.
import { offlineBanner } from './banner.js';
import { LANGUAGES, minutes, nameIn, say } from './i18n.js';
import { Link } from './link.js';
import { describe } from './refusals.js';
import qrcode from '../vendor/qrcode.mjs';

const params = new URLSearchParams(location.search);
if (params.get('token')) localStorage.setItem('novbe.kioskToken', params.get('token'));
const token = localStorage.getItem('novbe.kioskToken');
const autoPrint = params.get('print') === 'auto';
const $ = (id) => document.getElementById(id);

let centre = { name: '', languages: Object.keys(LANGUAGES), services: [] };
let language = params.get('lang') ?? 'az';
let backToStart = null;

function button(label, onClick, hint = '') {
    const b = document.createElement('button');
    b.textContent = label;
    if (hint) b.append(Object.assign(document.createElement('small'), { textContent: hint }));
    b.onclick = onClick;
    return b;
}

function screen(title, buttons, back) {
    clearTimeout(backToStart);
    $('ticket').hidden = true;
    $('screen').hidden = false;
    const h = Object.assign(document.createElement('h2'), { textContent: title });
    const parts = [h, ...buttons];
    if (back) parts.push(Object.assign(button(say(language, 'back'), back), { className: 'quiet back' }));
    $('screen').replaceChildren(...parts);
}

function languageBar() {
    $('languages').replaceChildren(...centre.languages.filter((l) => LANGUAGES[l]).map((l) => {
        const b = button(LANGUAGES[l].languageName, () => { language = l; chooseService(); });
        b.setAttribute('aria-pressed', String(l === language));
        return b;
    }));
}

function chooseLanguage() {
    languageBar();
    document.documentElement.lang = language;
    const grid = document.createElement('div');
    grid.className = 'choices';
    grid.append(...centre.languages.filter((l) => LANGUAGES[l]).map((l) =>
        button(LANGUAGES[l].languageName, () => { language = l; chooseService(); })));
    screen(say(language, 'chooseLanguage'), [grid]);
}

function chooseService() {
    languageBar();
    document.documentElement.lang = language;
    const groups = new Map();
    for (const s of centre.services) {
        const agency = nameIn(s.agencyNames, language, centre, s.agency);
        if (!groups.has(agency)) groups.set(agency, []);
        groups.get(agency).push(s);
    }
    const parts = [];
    for (const [agency, services] of groups) {
        parts.push(Object.assign(document.createElement('h3'), { textContent: agency }));
        const grid = document.createElement('div');
        grid.className = 'choices';
        grid.append(...services.map((s) => button(nameIn(s.names, language, centre, s.id), () => choosePriority(s))));
        parts.push(grid);
    }
    screen(say(language, 'chooseService'), parts, chooseLanguage);
}

function choosePriority(service) {
    const grid = document.createElement('div');
    grid.className = 'choices';
    grid.append(button(say(language, 'normal'), () => take(service, 'PRIORITY_CLASS_NORMAL')),
        button(say(language, 'priority'), () => take(service, 'PRIORITY_CLASS_PRIORITY'), say(language, 'priorityHint')));
    screen(say(language, 'choosePriority'), [grid], chooseService);
}

async function take(service, priority) {
    screen(say(language, 'oneMoment'), []);
    try {
        const reply = await link.request('issueTicket', { serviceId: service.id, priority, language }, 10000);
        show(reply.issuedTicket, service, priority);
    } catch (refusal) {
        const words = refusal.code === 'ERROR_CODE_UNAVAILABLE' ? say(language, 'outOfService')
            : describe(refusal, language, refusal.code === 'ERROR_CODE_CENTRE_CLOSED' ? opening(refusal.opensAtMs) : '');
        screen(words, []);
        backToStart = setTimeout(chooseLanguage, 6000);
    }
}

// When the centre opens again, in its own time zone: "08:00", with the date when not today.
function opening(ms) {
    const zone = centre?.timeZone || undefined;
    const at = new Date(ms);
    const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    const day = { year: 'numeric', month: '2-digit', day: '2-digit' };
    try {
        const sameDay = at.toLocaleDateString('en-GB', { ...day, timeZone: zone }) === new Date().toLocaleDateString('en-GB', { ...day, timeZone: zone });
        return at.toLocaleString('en-GB', { ...(sameDay ? {} : day), ...time, timeZone: zone });
    } catch {
        return at.toLocaleTimeString('en-GB', time);  // a zone this browser does not know
    }
}

function show(t, service, priority) {
    $('screen').hidden = true;
    $('ticket').hidden = false;
    $('ticket-centre').textContent = centre.name;
    $('ticket-service').textContent = nameIn(service.names, language, centre, service.id);
    $('ticket-caption').textContent = say(language, 'yourNumber');
    $('ticket-number').textContent = t.number;
    $('ticket-priority').textContent = priority === 'PRIORITY_CLASS_PRIORITY' ? say(language, 'priorityMark') : '';
    $('ticket-ahead').textContent = t.peopleAhead ? say(language, 'peopleAhead', { n: t.peopleAhead }) : say(language, 'youAreNext');
    $('ticket-wait').textContent = `${say(language, 'estimatedWait')}: ${say(language, 'about', { n: minutes(t.estimatedWaitS) })}`;
    const qr = qrcode(0, 'M');
    qr.addData(`${location.origin}/t/${t.token}`);
    qr.make();
    $('ticket-qr').innerHTML = qr.createSvgTag({ cellSize: 4, margin: 16, scalable: true });
    $('ticket-qr').dataset.url = `${location.origin}/t/${t.token}`;
    $('ticket-scan').textContent = say(language, 'scanToFollow');
    $('ticket-time').textContent = new Date(t.issuedAtMs).toLocaleString('en-GB', { timeZone: centre.timeZone || undefined, dateStyle: 'short', timeStyle: 'short' });
    $('print').textContent = say(language, 'print');
    $('done').textContent = say(language, 'done');
    $('print').onclick = () => window.print();
    $('done').onclick = chooseLanguage;
    if (autoPrint) window.print();
    backToStart = setTimeout(chooseLanguage, 30000);
}

const link = new Link({ role: 'ROLE_KIOSK', deviceToken: token ?? '', clientName: 'kiosk page' }, {
    onStatus: offlineBanner($('offline'), (s) => (s.refused ? say('en', 'badDevice') : say(language, 'outOfService'))),
    onWelcome: (w) => {
        const first = !centre.services.length;
        centre = w.centre;
        $('centre').textContent = centre.name;
        if (!centre.languages.includes(language)) language = centre.languages[0] ?? 'en';
        if (first) chooseLanguage();
    },
});
if (!token) {
    $('screen').replaceChildren(Object.assign(document.createElement('p'), { className: 'notice error', textContent: say('en', 'noDevice') }));
} else {
    screen(say(language, 'oneMoment'), []);
    link.start();
}
