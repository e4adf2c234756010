// The dashboard's bookings (docs/PROTOCOL.md#staff-bookings): today's bookings per service
// (booked, checked in, lapsed, the no-show rate), how booked and walk-in citizens waited today
// (each group's average and p90, from GetStatistics), a day's list with a cancel button per
// active booking (ListBookings, CancelBooking), and a form that books a free slot for a citizen
// (BookVisit; the slots are those the HTTP API lists). Mounted into #bookings once the dashboard
// has signed in, with its own link as the same manager, like the hall message's control; asked
// again after each change here, and at once when the dashboard's subscription says a booking was
// made, cancelled, rescheduled, checked in or lapsed anywhere (BookingChanged, 'novbe:bookings'
// from dashboard.js), or hands it a new snapshot (a reconnect: whatever it missed).
import { clock } from './clock.js';
import { nameIn } from './i18n.js';
import { Link } from './link.js';
import { describe } from './refusals.js';
import { onStaffLanguage, staffLanguage, staffSay } from './staff_language.js';

const container = document.getElementById('bookings');
const signedIn = document.getElementById('board');
let credentials = null;
let link = null;
let centre = null;
let statistics = null;
let list = null;
let formSlots = [];

const make = (tag, props = {}, ...children) => { const e = Object.assign(document.createElement(tag), props); e.append(...children); return e; };
const cell = (text, cls = '') => make('td', { textContent: String(text), className: cls });
const head = (...keys) => make('tr', {}, ...keys.map(([key, cls]) => make('th', { textContent: staffSay(key), className: cls ?? '' })));
const serviceName = (id) => nameIn(centre?.services.find((s) => s.id === id)?.names, staffLanguage(), centre, id);
const hhmm = (ms) => new Intl.DateTimeFormat('en-GB', { timeZone: centre?.timeZone || undefined, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(Number(ms)));
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: centre?.timeZone || undefined }).format(new Date());
const bookable = () => (centre?.services ?? []).filter((s) => s.bookable && !s.retired);

const title = make('h2');
const counts = make('table', { id: 'booking-counts', className: 'figures' });
const waitsTitle = make('h3');
const waits = make('table', { id: 'booking-waits', className: 'figures' });
const listTitle = make('h3');
const dayLabel = make('label', {}, make('span'), ' ');
const day = make('input', { id: 'bookings-day', type: 'date' });
const rows = make('table', { id: 'booking-rows' });
const note = make('p', { id: 'bookings-note' });
const formTitle = make('h3');
const form = make('form', { id: 'book-visit', className: 'actions' });
const field = (id, tag, props = {}) => { const input = make(tag, { id, ...props }); return [make('label', { htmlFor: id }, make('span'), ' ', input), input]; };
const [serviceLabel, service] = field('book-service', 'select');
const [slotLabel, slot] = field('book-slot', 'select', { required: true });
const [referenceLabel, reference] = field('book-reference', 'input', { required: true, maxLength: 64, size: 14, autocomplete: 'off' });
const [phoneLabel, phone] = field('book-phone', 'input', { type: 'tel', maxLength: 20, size: 14, autocomplete: 'off' });
const book = make('button', { id: 'book-button', type: 'submit' });
const status = make('p', { id: 'bookings-status', role: 'status' });

// A group with no call yet has no wait to tell: "—", as the figures' tables show it.
const waited = (avg, p90) => (Number(avg ?? 0) || Number(p90 ?? 0) ? [clock(Number(avg ?? 0)), clock(Number(p90 ?? 0))] : ['—', '—']);
function renderFigures() {
    const f = statistics?.byService ?? [];
    counts.replaceChildren(head(['bookings.service'], ['bookings.booked', 'num'], ['bookings.checkedIn', 'num'], ['bookings.lapsed', 'num'], ['bookings.noShow', 'num']),
        ...f.filter((x) => x.bookings || centre?.services.some((s) => s.id === x.key && !s.retired)).map((x) => {
            const tr = make('tr', {}, cell(serviceName(x.key)), cell(x.bookings ?? 0, 'num'), cell(x.bookingsCheckedIn ?? 0, 'num'),
                cell(x.bookingsLapsed ?? 0, 'num'), cell(`${x.noShowPercent ?? 0} %`, 'num'));
            tr.dataset.service = x.key;
            return tr;
        }));
    const c = statistics?.centre ?? {};
    const group = (key, avg, p90) => make('tr', { className: key }, cell(staffSay(`bookings.${key}`)), ...waited(avg, p90).map((t) => cell(t, 'num')));
    waits.replaceChildren(head(['bookings.group'], ['bookings.average', 'num'], ['bookings.p90', 'num']),
        group('bookedGroup', c.bookedAverageWaitS, c.bookedP90WaitS), group('walkIn', c.walkInAverageWaitS, c.walkInP90WaitS));
}

const stateKey = { BOOKING_STATE_ACTIVE: 'active', BOOKING_STATE_CHECKED_IN: 'checkedIn', BOOKING_STATE_CANCELLED: 'cancelled', BOOKING_STATE_LAPSED: 'lapsed' };
function renderList() {
    const b = list?.bookings ?? [];
    rows.replaceChildren(head(['bookings.time'], ['bookings.service'], ['bookings.reference'], ['bookings.state'], ['bookings.by'], ['bookings.cancel']),
        ...b.map((x) => {
            const tr = make('tr', {}, cell(hhmm(x.slotMs)), cell(serviceName(x.serviceId)), cell(x.reference),
                cell(staffSay(`bookings.state.${stateKey[x.state] ?? 'active'}`)), cell(x.by === 'phone' ? staffSay('bookings.byPhone') : x.by.replace(/^staff:/, '')), make('td'));
            tr.dataset.booking = x.booking;
            tr.dataset.state = x.state;
            if (x.state === 'BOOKING_STATE_ACTIVE') {
                const cancel = make('button', { type: 'button', className: 'quiet', textContent: staffSay('bookings.cancel') });
                cancel.addEventListener('click', () => act('cancelBooking', { booking: x.booking }, () => staffSay('bookings.cancelledOne', { reference: x.reference })));
                tr.lastChild.append(cancel);
            }
            return tr;
        }));
    note.textContent = list?.truncated ? staffSay('bookings.truncated') : b.length ? '' : staffSay('bookings.none');
}

function renderForm() {
    const chosen = service.value;
    service.replaceChildren(...bookable().map((s) => make('option', { value: s.id, textContent: serviceName(s.id) })));
    if (chosen) service.value = chosen;
    const free = formSlots.filter((s) => s.free > 0);
    const was = slot.value;
    slot.replaceChildren(...free.map((s) => make('option', { value: String(s.startMs), textContent: `${hhmm(s.startMs)} (${staffSay('bookings.free', { free: s.free })})` })));
    if (free.some((s) => String(s.startMs) === was)) slot.value = was;
    book.disabled = !free.length;
    if (!free.length && !status.textContent) status.textContent = staffSay('bookings.noSlots');
    else if (free.length && status.textContent === staffSay('bookings.noSlots')) status.textContent = '';  // slots came in since
}

function render() {
    title.textContent = staffSay('bookings.title');
    waitsTitle.textContent = staffSay('bookings.waitsTitle');
    listTitle.textContent = staffSay('bookings.listTitle');
    formTitle.textContent = staffSay('bookings.formTitle');
    dayLabel.firstChild.textContent = staffSay('bookings.day');
    for (const [label, key] of [[serviceLabel, 'service'], [slotLabel, 'slot'], [referenceLabel, 'reference'], [phoneLabel, 'phone']])
        label.firstChild.textContent = staffSay(`bookings.${key}`);
    book.textContent = staffSay('bookings.book');
    renderFigures();
    renderList();
    renderForm();
}

async function refresh() {
    if (!link) return;
    try {
        statistics = (await link.request('getStatistics')).statistics;
        list = (await link.request('listBookings', { day: day.value || today() })).bookings;
        formSlots = service.value ? (await link.request('listBookings', { day: day.value || today(), serviceId: service.value })).bookings.slots : [];
    } catch { /* offline: the page's banner says so; asked again at the next snapshot */ }
    render();
}

// A change, then what it did in one line (or the refusal, in the staff's words).
async function act(command, body, done) {
    status.classList.remove('refused');
    try {
        const reply = await link.request(command, body);
        status.textContent = done(reply);
    } catch (refusal) {
        status.classList.add('refused');
        status.textContent = describe(refusal, staffLanguage());
    }
    await refresh();
}

// A burst of changes (a portal's rush) asks once.
let pending = null;
function soon() {
    clearTimeout(pending);
    pending = setTimeout(refresh, 150);
}

function start() {
    if (link || !credentials || signedIn?.hidden) return;
    // The centre comes with the Welcome (again after each reconnect: services may have changed).
    link = new Link({ role: 'ROLE_MANAGER', ...credentials, clientName: 'dashboard bookings' }, { onWelcome: (welcome) => {
        const first = !centre;
        centre = welcome.centre;
        if (first) {
            container.hidden = false;
            day.value = today();
            window.addEventListener('novbe:bookings', soon);
        }
        render();
        refresh();
    } });
    credentials = null;
    link.start();
}

if (container) {
    container.hidden = true;
    form.append(serviceLabel, slotLabel, referenceLabel, phoneLabel, book);
    container.append(title, counts, waitsTitle, waits, listTitle, dayLabel, rows, note, formTitle, form, status);
    dayLabel.append(day);
    day.addEventListener('change', () => { status.textContent = ''; refresh(); });
    service.addEventListener('change', () => { status.textContent = ''; refresh(); });
    form.addEventListener('submit', (e) => {
        e.preventDefault();
        const ref = reference.value.trim();
        act('bookVisit', { serviceId: service.value, slotMs: slot.value, reference: ref, phone: phone.value.trim() }, (r) => {
            reference.value = '';
            phone.value = '';
            return staffSay('bookings.made', { reference: ref, time: hhmm(r.bookedVisit.booking.slotMs), token: r.bookedVisit.token });
        });
    });
    document.getElementById('sign-in')?.addEventListener('submit', () => {
        credentials = { user: document.getElementById('user').value.trim(), secret: document.getElementById('secret').value };
    }, true);
    if (signedIn) new MutationObserver(start).observe(signedIn, { attributes: true, attributeFilter: ['hidden'] });
    // A line said in the language before is not left standing in the new one.
    onStaffLanguage(() => { status.textContent = ''; status.classList.remove('refused'); render(); });
}
