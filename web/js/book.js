// The citizen's phone booking page (/book, docs/DOMAIN.md#phone-bookings): pick a bookable service,
// a day (closed days shown closed), a slot with free places, give the reference (ID card or
// application number) and an optional phone number, and get the booking's code, its QR code and
// the window to arrive in. /book#CODE shows a booking again (the QR code opens it) and cancels
// it. It speaks the public route /api/public/v1/ (docs/booking-api.yaml), which needs no key.
import { LANGUAGES, nameIn, say } from './i18n.js';
import { showBooking } from './book_booking.js';

const $ = (id) => document.getElementById(id);
const API = '/api/public/v1/';
let centre = null;
let language = 'en';
let render = () => {};  // the step on screen, drawn again when the language changes

export async function api(method, path, body) {
    const response = await fetch(API + path, {
        method, cache: 'no-store',
        headers: body ? { 'Content-Type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
    });
    const answer = await response.json().catch(() => ({ error: 'unreadable', message: '' }));
    if (!response.ok) throw Object.assign(new Error(answer.message), { code: answer.error, status: response.status });
    return answer;
}

// A refusal in the citizen's words: bookError.CODE, else the generic one.
export function problem(error) {
    const key = `bookError.${error?.code}`;
    $('problem').textContent = say(language, LANGUAGES.en[key] ? key : 'bookError.other');
    $('problem').hidden = false;
}

const lang = () => language;
const serviceName = (id) => nameIn(centre.services.find((s) => s.id === id)?.names, language, centre, id);
// "Thu 03.12" from "2026-12-03", the weekday in the page's language.
export function dayLabel(date) {
    const weekdays = say(language, 'bookWeekdays').split(',');
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    return `${weekdays[(day + 6) % 7]} ${date.slice(8, 10)}.${date.slice(5, 7)}`;
}
const hhmm = (rfc3339) => rfc3339.slice(11, 16);  // the centre's own clock: answers carry its offset

function button(label, note, onClick, disabled = false, className = '') {
    const b = Object.assign(document.createElement('button'), { type: 'button', disabled, className, onclick: onClick });
    b.append(label);
    if (note) b.append(Object.assign(document.createElement('small'), { textContent: note }));
    return b;
}

function step(title, hint, choices = [], kind = '', back = null) {
    $('booking').hidden = true;
    $('who').hidden = true;
    $('problem').hidden = true;
    $('title').textContent = title;
    $('step').textContent = hint;
    $('choices').className = `choices ${kind}`;
    $('choices').replaceChildren(...choices);
    $('back').hidden = !back;
    $('back').onclick = back;
    $('back').textContent = say(language, 'back');
}

function chooseService() {
    render = chooseService;
    if (!centre.services.length) return step(say(language, 'bookTitle'), say(language, 'bookNoServices'));
    step(say(language, 'bookTitle'), say(language, 'bookChooseService'),
        centre.services.map((s) => button(serviceName(s.id), '', () => chooseDay(s.id))));
}

function chooseDay(service) {
    render = () => chooseDay(service);
    step(serviceName(service), say(language, 'bookChooseDay'),
        centre.days.map((d) => button(dayLabel(d.date).replace(' ', '\n'), d.open ? '' : say(language, 'bookClosed'),
            () => chooseSlot(service, d.date), !d.open, d.open ? '' : 'closed')), 'days', chooseService);
}

async function chooseSlot(service, date) {
    render = () => chooseSlot(service, date);
    step(`${serviceName(service)} · ${dayLabel(date)}`, say(language, 'oneMoment'), [], 'slots', () => chooseDay(service));
    try {
        const day = await api('GET', `slots?service=${encodeURIComponent(service)}&date=${date}`);
        const open = day.slots.filter((s) => s.free > 0);
        $('step').textContent = say(language, open.length ? 'bookChooseSlot' : 'bookNoSlots');
        $('choices').replaceChildren(...day.slots.map((s) => button(hhmm(s.start),
            s.free > 0 ? say(language, 'bookFree', { n: s.free }) : say(language, 'bookFull'),
            () => whoBooks(service, date, s.start), s.free === 0, s.free > 0 ? '' : 'closed')));
    } catch (e) { problem(e); }
}

function whoBooks(service, date, slot) {
    render = () => whoBooks(service, date, slot);
    step(`${serviceName(service)} · ${dayLabel(date)} · ${hhmm(slot)}`, say(language, 'bookWho'), [], '', () => chooseSlot(service, date));
    $('who').hidden = false;
    $('reference-label').textContent = say(language, 'bookReference');
    $('reference-hint').textContent = say(language, 'bookReferenceHint');
    $('phone-label').textContent = say(language, 'bookPhone');
    $('phone-hint').textContent = say(language, 'bookPhoneHint');
    $('book').textContent = say(language, 'bookConfirm');
    $('who').onsubmit = async (e) => {
        e.preventDefault();
        $('book').disabled = true;
        try {
            const made = await api('POST', 'bookings', { service, slot, reference: $('reference').value.trim(), phone: $('phone').value.trim() });
            $('reference').value = $('phone').value = '';
            location.hash = made.token;  // a reload, or the QR code, shows it again
            look(made.token, made);
        } catch (err) { problem(err); } finally { $('book').disabled = false; }
    };
}

async function look(token, known = null) {
    render = () => look(token);
    step(say(language, 'bookYours'), '', [], '', () => { history.replaceState(null, '', location.pathname); chooseService(); });
    $('back').textContent = say(language, 'bookAnother');
    let booking = known;
    try {
        booking ??= await api('GET', `bookings/${encodeURIComponent(token)}`);
        showBooking({ booking, lang, serviceName, dayLabel, hhmm, problem, cancel: () => api('DELETE', `bookings/${booking.token}`) });
    } catch (e) { problem(e); }
}

function words() {
    document.documentElement.lang = language;
    document.title = say(language, 'bookPageTitle', { centre: centre.name });  // the tab and the home-screen name
    $('centre').textContent = centre.name;
    $('find-title').textContent = say(language, 'bookFind');
    $('find-code').placeholder = say(language, 'checkInCode');
    $('find-code').setAttribute('aria-label', say(language, 'checkInCode'));
    $('find-go').textContent = say(language, 'bookShow');
    $('languages').replaceChildren(...centre.languages.filter((l) => LANGUAGES[l]).map((l) =>
        Object.assign(document.createElement('button'), { type: 'button', textContent: LANGUAGES[l].languageName,
            onclick: () => { language = l; localStorage.setItem('novbe.language', l); words(); render(); } })));
}

// The code as the kiosk reads it: the booking's address or its bare 32 hex digits.
const tokenIn = (text) => /([0-9a-fA-F]{32})\/?$/.exec(text.trim())?.[1]?.toLowerCase() ?? null;

async function start() {
    try {
        centre = await api('GET', 'centre');
    } catch (e) {
        $('problem').textContent = say(language, 'bookError.other');
        $('problem').hidden = false;
        return;
    }
    const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem('novbe.language');
    const usable = centre.languages.filter((l) => LANGUAGES[l]);
    language = usable.includes(asked) ? asked
        : usable.find((l) => navigator.language?.startsWith(l)) ?? usable[0] ?? 'en';
    words();
    $('find-form').onsubmit = (e) => {
        e.preventDefault();
        const token = tokenIn($('find-code').value);
        if (!token) return problem({ code: 'unknown_booking' });
        location.hash = token;
    };
    window.addEventListener('hashchange', () => { const t = tokenIn(location.hash.slice(1)); if (t) look(t); });
    const token = tokenIn(location.hash.slice(1));
    if (token) look(token); else chooseService();
}

start();
