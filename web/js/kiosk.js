// The touch kiosk: language, service (grouped by agency, each button with its line's waiting
// count and estimate, live from the public board view), priority, then the ticket on screen with
// its QR code of the centre's public address, printed through the browser on 80 mm paper
// (Chromium's --kiosk-printing prints without a dialog; ?print=auto prints each ticket at once).
// Every citizen starts afresh: after each ticket and after ?idle= seconds untouched (60), the
// kiosk is back at the language choice in the centre's first language. The device token comes
// from ?token= once and is kept in this browser. Out of service while the server is away, in
// every language of the centre: never a made-up number.
import { offlineBanner } from './banner.js';
import { LANGUAGES, nameIn, say } from './i18n.js';
import { checkIn } from './kiosk_check_in.js';
import { closedNow } from './kiosk_hours.js';
import { offerBooking } from './kiosk_offer.js';
import { inEveryLanguage, lineHint, opening, waitWords } from './kiosk_words.js';
import { Link } from './link.js';
import { describe } from './refusals.js';
import qrcode from '../vendor/qrcode.mjs';

const params = new URLSearchParams(location.search);
if (params.get('token')) localStorage.setItem('novbe.kioskToken', params.get('token'));
const token = localStorage.getItem('novbe.kioskToken');
const autoPrint = params.get('print') === 'auto';
const idleMs = 1000 * Math.min(3600, Math.max(2, Number(params.get('idle')) || 60));
const $ = (id) => document.getElementById(id);

let centre = { name: '', languages: Object.keys(LANGUAGES), services: [] };
let language = params.get('lang') ?? 'az';
const startLanguage = () => (spoken().includes(params.get('lang')) ? params.get('lang') : spoken()[0] ?? 'en');
let atStart = true;
let backToStart = null;
const lines = new Map();  // service id -> QueueLine, from the board view
let dayClosed = false;  // today closed already (a manager's CloseDay, or closing time), from the board view

const spoken = () => centre.languages.filter((l) => LANGUAGES[l]);

function button(label, onClick, hint = '') {
    const b = document.createElement('button');
    b.append(Object.assign(document.createElement('span'), { className: 'label', textContent: label }));
    if (hint) b.append(Object.assign(document.createElement('small'), { textContent: hint }));
    b.onclick = onClick;
    return b;
}

// Any screen but the first goes back to it once nobody has touched the kiosk for idleMs.
function restartIdle(ms = idleMs) {
    clearTimeout(backToStart);
    if (!atStart) backToStart = setTimeout(chooseLanguage, ms);
}
document.addEventListener('pointerdown', () => restartIdle(), { capture: true });
document.addEventListener('keydown', () => restartIdle(), { capture: true });

function screen(title, parts, back, start = false, beside = null) {
    atStart = start;
    restartIdle();
    $('ticket').hidden = true;
    $('booked').hidden = true;
    $('screen').hidden = false;
    const h = document.createElement('h2');
    if (typeof title === 'string') h.textContent = title;
    else h.append(title);
    const body = Object.assign(document.createElement('div'), { className: 'body' });
    body.append(...parts);
    const all = [h, body];
    const backButton = back && Object.assign(button(say(language, 'back'), back), { className: 'quiet back' });
    // `beside`: a button on Back's row, always on screen however long the choices above it.
    if (beside) all.push(Object.assign(document.createElement('div'), { className: 'footer' }));
    if (beside) all.at(-1).append(...[backButton, beside].filter(Boolean));
    else if (backButton) all.push(backButton);
    $('screen').replaceChildren(...all);
}

function languageBar(pressed, then = chooseService) {
    $('languages').replaceChildren(...spoken().map((l) => {
        const b = button(LANGUAGES[l].languageName, () => { language = l; then(); });
        b.lang = l;
        b.setAttribute('aria-pressed', String(l === pressed));
        return b;
    }));
}

// "Closed today" or "closed now", with when it opens next, in every language of the centre.
function closedNotice(closed) {
    const all = Object.assign(document.createElement('span'), { id: 'closed-notice', className: 'every-language' });
    all.append(...spoken().map((l) => {
        const time = closed.nextMs ? opening(closed.nextMs, centre) : '';
        const key = closed.allDay ? (time ? 'closedToday' : 'closedTodayForNow') : 'centreClosed';
        return Object.assign(document.createElement('span'), { lang: l, textContent: say(l, key, { time }) });
    }));
    return all;
}

// The start: nobody's language yet, the question asked in every language of the centre. While
// the calendar has the centre closed, it says so instead of offering a ticket it would refuse;
// a booking's check-in stays (one may check in before opening).
let startShows = '';  // what the start screen said, so a timer redraws it only when that changes
function chooseLanguage() {
    language = startLanguage();
    languageBar(null);
    document.documentElement.lang = language;
    const closed = closedNow(centre, Date.now(), dayClosed);
    startShows = JSON.stringify(closed);
    const grid = Object.assign(document.createElement('div'), { className: 'choices' });
    grid.append(...spoken().map((l) =>
        Object.assign(button(LANGUAGES[l].languageName, () => { language = l; chooseService(); }), { lang: l })));
    // A booking's check-in, asked in every language: the citizen picks a language on its screen.
    const booking = Object.assign(document.createElement('button'), { id: 'have-booking', className: 'booking' });
    booking.append(inEveryLanguage(spoken(), 'haveBooking'));
    booking.onclick = () => bookingCheckIn();
    if (closed) {
        $('languages').replaceChildren();  // a language leads to a ticket, which the server would refuse
        screen(closedNotice(closed), [booking], null, true);
    }
    else screen(inEveryLanguage(spoken(), 'chooseLanguage'), [grid, booking], null, true);
}
// The hours come and go while the kiosk waits at its start: opening time, closing time, an
// admin's holiday (CalendarChanged).
setInterval(() => {
    if (atStart && centre.services.length && startShows !== JSON.stringify(closedNow(centre, Date.now(), dayClosed))) chooseLanguage();
}, 15000);

// What the check-in screens need of the kiosk (js/kiosk_check_in.js).
const kiosk = {
    language: () => language, screen, button, link: null, centre: () => centre, show, showSlip,
    restartIdle: (ms) => restartIdle(Math.min(ms, idleMs)),
    walkIn: (service) => { languageBar(language); choosePriority(service); }, start: () => chooseLanguage(),
    outOfService: () => { screen(inEveryLanguage(spoken(), 'outOfService'), []); restartIdle(Math.min(6000, idleMs)); },
};
function bookingCheckIn(typed = '') {
    languageBar(language, () => bookingCheckIn());
    document.documentElement.lang = language;
    checkIn(kiosk, typed);
}
// A QR scanner types like a keyboard: a key pressed on the first screen starts the check-in with it,
// and the rest of the scan lands in its field.
document.addEventListener('keydown', (e) => {
    if (!atStart || e.key.length !== 1 || !e.key.trim() || e.ctrlKey || e.altKey || e.metaKey) return;
    e.preventDefault();
    bookingCheckIn(e.key);
});

function chooseService() {
    languageBar(language);
    document.documentElement.lang = language;
    const groups = new Map();
    for (const s of centre.services.filter((one) => !one.retired)) {  // a retired one is offered no more
        const agency = nameIn(s.agencyNames, language, centre, s.agency);
        if (!groups.has(agency)) groups.set(agency, []);
        groups.get(agency).push(s);
    }
    const agencies = Object.assign(document.createElement('div'), { className: 'agencies' });
    for (const [agency, services] of groups) {
        const group = Object.assign(document.createElement('section'), { className: 'agency' });
        group.append(Object.assign(document.createElement('h3'), { textContent: agency }),
            ...services.map((s) => Object.assign(button(nameIn(s.names, language, centre, s.id), () => choosePriority(s),
                lineHint(lines.get(s.id), language)), { className: 'service', value: s.id })));
        agencies.append(group);
    }
    const booking = Object.assign(button(say(language, 'haveBooking'), () => bookingCheckIn(), say(language, 'haveBookingHint')),
        { id: 'have-booking', className: 'booking' });
    screen(say(language, 'chooseService'), [agencies], chooseLanguage, false, booking);
}

// A line changed: the service buttons on screen say so at once.
function refreshButtons() {
    for (const b of document.querySelectorAll('button.service')) {
        const hint = b.querySelector('small');
        if (hint) hint.textContent = lineHint(lines.get(b.value), language);
    }
}

function choosePriority(service) {
    const grid = Object.assign(document.createElement('div'), { className: 'choices' });
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
        if (refusal.code === 'ERROR_CODE_LAST_TICKET_PASSED') return offerBooking(kiosk, refusal, service);
        if (refusal.code === 'ERROR_CODE_UNAVAILABLE') screen(inEveryLanguage(spoken(), 'outOfService'), []);
        else screen(describe(refusal, language, refusal.code === 'ERROR_CODE_CENTRE_CLOSED' ? opening(refusal.opensAtMs, centre) : ''), []);
        restartIdle(Math.min(6000, idleMs));
    }
}

// Where phones reach the centre: the configured public address, else this page's own.
function ticketUrl(t) {
    return `${(centre.publicUrl || location.origin).replace(/\/+$/, '')}/t/${t.token}`;
}

// A slip on screen (the ticket, or a booking: kiosk_offer.js) in place of the questions.
function showSlip(id) {
    atStart = false;
    $('screen').hidden = true;
    $('ticket').hidden = id !== 'ticket';
    $('booked').hidden = id !== 'booked';
}

function show(t, service, priority) {
    showSlip('ticket');
    $('ticket-centre').textContent = centre.name;
    $('ticket-service').textContent = nameIn(service.names, language, centre, service.id);
    $('ticket-caption').textContent = say(language, 'yourNumber');
    $('ticket-number').textContent = t.number;
    $('ticket-priority').textContent = priority === 'PRIORITY_CLASS_PRIORITY' ? say(language, 'priorityMark') : '';
    $('ticket-ahead').textContent = t.peopleAhead ? say(language, 'peopleAhead', { n: t.peopleAhead }) : say(language, 'youAreNext');
    $('ticket-wait').textContent = waitWords(t, language);
    $('ticket-wait').classList.toggle('closed', !t.openCounters);
    const url = ticketUrl(t);
    const qr = qrcode(0, 'M');
    qr.addData(url);
    qr.make();
    $('ticket-qr').innerHTML = qr.createSvgTag({ cellSize: 4, margin: 16, scalable: true });
    $('ticket-qr').dataset.url = url;
    $('ticket-scan').textContent = say(language, 'scanToFollow');
    $('ticket-time').textContent = new Date(t.issuedAtMs).toLocaleString('en-GB', { timeZone: centre.timeZone || undefined, dateStyle: 'short', timeStyle: 'short' });
    $('print').textContent = say(language, 'print');
    $('done').textContent = say(language, 'done');
    $('print').onclick = () => window.print();
    $('done').onclick = chooseLanguage;
    if (autoPrint) window.print();
    restartIdle(Math.min(30000, idleMs));  // "take your ticket", then the next citizen's start
}

function onLines(m) {
    if (m.body === 'snapshot') {
        lines.clear();
        for (const l of m.snapshot.lines) lines.set(l.serviceId, l);
        if (dayClosed !== Boolean(m.snapshot.dayClosed)) {
            dayClosed = Boolean(m.snapshot.dayClosed);
            if (atStart && centre.services.length) chooseLanguage();
        }
    } else if (m.body === 'events') {
        for (const l of m.events.lines) lines.set(l.serviceId, l);
        // docs/SETUP.md#services-and-counters-at-runtime: a service added, renamed or retired
        // shows on the menu at once; a citizen further along keeps their screen.
        let changed = false;
        for (const e of m.events.events) {
            if (e.kind === 'dayClosed' || e.kind === 'dayStarted') {  // a day closed early, or the next one begun
                dayClosed = e.kind === 'dayClosed';
                if (atStart) chooseLanguage();
            }
            if (e.kind === 'calendarChanged') {
                centre.calendar = e.calendarChanged.calendar;
                if (atStart) chooseLanguage();
            }
            if (e.kind !== 'serviceChanged') continue;
            const service = e.serviceChanged.service;
            const at = centre.services.findIndex((s) => s.id === service.id);
            centre.services = at < 0 ? [...centre.services, service] : centre.services.map((s, i) => (i === at ? service : s));
            changed = true;
        }
        if (changed && document.querySelector('button.service')) chooseService();
    }
    refreshButtons();
}

const link = kiosk.link = new Link({ role: 'ROLE_KIOSK', deviceToken: token ?? '', clientName: 'kiosk page' }, {
    onStatus: offlineBanner($('offline'), (s) => (s.refused ? say('en', 'badDevice') : inEveryLanguage(spoken(), 'outOfService'))),
    onWelcome: (w) => {
        const first = !centre.services.length;
        centre = w.centre;
        $('centre').textContent = centre.name;
        if (first) chooseLanguage();
    },
});
if (!token) {
    $('screen').replaceChildren(Object.assign(document.createElement('p'), { className: 'notice error', textContent: say('en', 'noDevice') }));
} else {
    screen(inEveryLanguage(spoken(), 'oneMoment'), [], null, true);
    link.start().then(() => link.subscribe({ view: 'VIEW_BOARD' }, onLines));
}
