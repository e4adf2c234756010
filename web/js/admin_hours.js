// The admin page's hours and holidays (docs/SETUP.md#hours-and-holidays): the week's hours, the
// holidays and the other hours of single dates from today on, as the centre's calendar has them
// (CentreInfo.calendar, followed live through CalendarChanged). An admin changes them; a manager
// sees them read-only. Each form is checked here in the staff language (not the browser's own
// messages), then the server's refusal, if any, is said in words next to it.
import { $, Said, admin, attempt, button, centreNow, make, say } from './admin_form.js';
import { staffSay } from './staff_language.js';

const clock = /^([0-3][0-9]|4[0-7]):[0-5][0-9]$/;  // "HH:MM", a closing up to 47:59 (past midnight)
const minutesOf = (text) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3));
let weekEdited = false;  // the week's fields as typed stay until saved, whatever arrives meanwhile
// A change after a save: "Saved." no longer says what the fields hold.
function edited() {
    weekEdited = true;
    $('week-status').textContent = '';
}

const weekday = (i) => staffSay(`admin.hours.weekday.${i}`);
// "2026-12-31" with its weekday in the staff language; the date is the centre's own, not a moment.
function dated(date) {
    const i = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
    return `${weekday(i)} ${date}`;
}
const span = (h) => (h.closed ? staffSay('admin.hours.closedAllDay') : `${h.opening}–${h.closing}`);

// A day's fields as the wire's DayHours, or a problem in the staff language (`day`: the day's
// name, as a function so that a language switch says it again in the new language).
function hoursOf(opening, closing, closed, day) {
    if (closed) return { closed: true };
    if (!clock.test(opening) || !clock.test(closing)) throw new Said('admin.hours.needTimes', { day });
    if (minutesOf(closing) <= minutesOf(opening)) throw new Said('admin.hours.closingAfterOpening', { day });
    return { opening, closing, closed: false };
}

function timeInput(value, label) {
    const input = make('input', { value, maxLength: 5, placeholder: '09:00', inputMode: 'numeric', className: 'short' });
    input.setAttribute('aria-label', label);
    input.disabled = !admin.canChange;
    input.addEventListener('input', edited);
    return input;
}

// A manager reads the week: its hours as text, nothing to type into.
function readOnlyWeek(weekly) {
    $('week').replaceChildren(...[0, 1, 2, 3, 4, 5, 6].map((i) => {
        const h = weekly[i] ?? { closed: true };
        const tr = make('tr', {}, make('th', { textContent: weekday(i), scope: 'row' }), make('td', { textContent: h.closed ? '' : h.opening }),
            make('td', { textContent: h.closed ? '' : h.closing }), make('td', { className: 'centred', textContent: h.closed ? staffSay('admin.hours.closed') : '' }));
        tr.dataset.day = String(i);
        return tr;
    }));
}

function renderWeek() {
    const weekly = admin.centre.calendar?.weekly ?? [];
    if (!admin.canChange) return readOnlyWeek(weekly);
    if (weekEdited && $('week').children.length === 7) {
        [...$('week').children].forEach((tr, i) => { tr.firstChild.textContent = weekday(i); });
        return;
    }
    $('week').replaceChildren(...[0, 1, 2, 3, 4, 5, 6].map((i) => {
        const h = weekly[i] ?? { closed: true };
        const opening = timeInput(h.closed ? '' : h.opening, `${weekday(i)}: ${staffSay('admin.hours.opening')}`);
        const closing = timeInput(h.closed ? '' : h.closing, `${weekday(i)}: ${staffSay('admin.hours.closing')}`);
        const closed = make('input', { type: 'checkbox', checked: Boolean(h.closed), disabled: !admin.canChange });
        closed.setAttribute('aria-label', `${weekday(i)}: ${staffSay('admin.hours.closed')}`);
        const follow = () => {
            opening.disabled = closing.disabled = closed.checked || !admin.canChange;
            opening.placeholder = closing.placeholder = closed.checked ? '' : '09:00';  // a closed day shows no times
        };
        closed.addEventListener('change', () => { edited(); follow(); });
        follow();
        const tr = make('tr', {}, make('th', { textContent: weekday(i), scope: 'row' }), make('td', {}, opening),
            make('td', {}, closing), make('td', { className: 'centred' }, closed));
        tr.dataset.day = String(i);
        return tr;
    }));
}

function listItem(text, onRemove) {
    const li = make('li', {}, make('span', { textContent: text }));
    if (admin.canChange) li.append(' ', button('admin.hours.remove', onRemove));
    return li;
}

function renderDates() {
    const cal = admin.centre.calendar ?? {};
    const holidays = cal.holidays ?? [];
    $('holidays').replaceChildren(...(holidays.length ? holidays.map((d) => {
        const li = listItem(dated(d), () => attempt($('holiday-error'), async () => centreNow(await admin.link.request('removeHoliday', { date: d }))));
        li.dataset.date = d;
        return li;
    }) : [make('li', { className: 'none', textContent: staffSay('admin.hours.noHolidays') })]));
    const exceptions = cal.exceptions ?? [];
    $('exceptions').replaceChildren(...(exceptions.length ? exceptions.map((e) => {
        const li = listItem(`${dated(e.date)}: ${span(e.hours)}`,
            () => attempt($('exception-error'), async () => centreNow(await admin.link.request('setException', { date: e.date, remove: true }))));
        li.dataset.date = e.date;
        return li;
    }) : [make('li', { className: 'none', textContent: staffSay('admin.hours.noExceptions') })]));
}

// The date fields show today as the example of the one form they take (YYYY-MM-DD).
function examples() {
    let today = '';
    try {
        today = new Date().toLocaleDateString('en-CA', { timeZone: admin.centre.timeZone || undefined });
    } catch {
        today = new Date().toISOString().slice(0, 10);  // a zone this browser does not know
    }
    for (const id of ['holiday-date', 'exception-date']) $(id).placeholder = today;
}

function render() {
    renderWeek();
    renderDates();
    examples();
}

async function saveWeek(event) {
    event.preventDefault();
    $('week-status').textContent = '';
    const done = await attempt($('week-error'), async () => {
        const days = [...$('week').children].map((tr, i) => {
            const [opening, closing, closed] = tr.querySelectorAll('input');
            return hoursOf(opening.value.trim(), closing.value.trim(), closed.checked, () => weekday(i));
        });
        centreNow(await admin.link.request('setWeeklyHours', { days }));
    });
    if (done) {
        weekEdited = false;
        render();
        say($('week-status'), 'admin.hours.saved');
    }
}

// A date as typed: YYYY-MM-DD, as the lists show it and whatever the browser's own locale would
// write (a date picker follows it: 12/31/2026 in one browser, 31.12.2026 in another); a real date.
function chosenDate(input) {
    const text = input.value.trim();
    if (!text) throw new Said('admin.hours.pickDate');
    if (!/^\d{4}-\d\d-\d\d$/.test(text)) throw new Said('admin.hours.dateForm', { date: text });
    const day = new Date(`${text}T00:00:00Z`);
    // Written right but no day of the calendar (2026-02-30): said so, not as a wrong form.
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text) throw new Said('admin.hours.noSuchDate', { date: text });
    return text;
}

async function addHoliday(event) {
    event.preventDefault();
    const done = await attempt($('holiday-error'), async () => {
        const date = chosenDate($('holiday-date'));
        // Adding it again would change nothing: say so rather than seem to have done it.
        if ((admin.centre.calendar?.holidays ?? []).includes(date)) throw new Said('admin.hours.holidayExists', { date: () => dated(date) });
        centreNow(await admin.link.request('addHoliday', { date }));
    });
    if (done) $('holiday-date').value = '';
}

async function setException(event) {
    event.preventDefault();
    const done = await attempt($('exception-error'), async () => {
        const date = chosenDate($('exception-date'));
        const hours = hoursOf($('exception-opening').value.trim(), $('exception-closing').value.trim(), $('exception-closed').checked, () => dated(date));
        centreNow(await admin.link.request('setException', { date, hours }));
    });
    if (done) for (const id of ['exception-date', 'exception-opening', 'exception-closing']) $(id).value = '';
}

export function mountHours() {
    $('week-form').addEventListener('submit', saveWeek);
    $('holiday-form').addEventListener('submit', addHoliday);
    $('exception-form').addEventListener('submit', setException);
    $('exception-closed').addEventListener('change', () => {
        $('exception-opening').disabled = $('exception-closing').disabled = $('exception-closed').checked;
    });
    $('week-save').hidden = !admin.canChange;
    return render;
}
