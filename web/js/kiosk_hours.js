// Whether the centre is open now by its calendar (CentreInfo.calendar: the week, holidays and
// exceptions, docs/SETUP.md#hours-and-holidays), on its own local day (which starts at
// day_start_minutes, docs/DOMAIN.md#opening-hours), and when it opens next: the kiosk says
// "closed today" on its first screen rather than refuse the ticket at the last step. A day a
// manager closed early (CloseDay; the board view's Snapshot.day_closed, then DayClosed and
// DayStarted) is closed all day too. The server still decides: this only spares the citizen the way there.

const minutesOf = (text) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

// The centre's local date ("2026-12-31") and minutes after its midnight, at `ms`.
function localNow(ms, zone) {
    let parts;
    try {
        parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone || undefined, year: 'numeric', month: '2-digit', day: '2-digit',
            hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
    } catch {
        parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
            minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));  // a zone this browser does not know
    }
    const get = (type) => parts.find((p) => p.type === type).value;
    return { date: `${get('year')}-${get('month')}-${get('day')}`, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

const addDays = (date, n) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86400e3).toISOString().slice(0, 10);
const weekdayOf = (date) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;  // Monday 0

// Day `date`'s hours as minutes after its midnight, or null when it is closed all day.
function hoursOn(centre, date) {
    const cal = centre.calendar ?? {};
    const exception = (cal.exceptions ?? []).find((e) => e.date === date);
    if (exception) return exception.hours?.closed ? null : { opening: minutesOf(exception.hours.opening), closing: minutesOf(exception.hours.closing) };
    if ((cal.holidays ?? []).includes(date)) return null;
    const week = cal.weekly ?? [];
    const h = week.length === 7 ? week[weekdayOf(date)] : { opening: centre.opening || '00:00', closing: centre.closing || '24:00' };
    return !h || h.closed ? null : { opening: minutesOf(h.opening), closing: minutesOf(h.closing) };
}

// null while open; else { allDay: closed all day today (a holiday, a closed weekday, a day closed
// early: `dayClosed`), nextMs: when it opens next (null if not within 60 days) }.
export function closedNow(centre, ms = Date.now(), dayClosed = false) {
    const here = localNow(ms, centre.timeZone);
    const start = centre.dayStartMinutes ?? 0;
    let day = here.date;
    let minutes = here.minutes;
    if (minutes < start) {  // before the day start: still the centre's previous day
        day = addDays(day, -1);
        minutes += 1440;
    }
    // A time before the day start is the next calendar morning, as the server reads it (core/calendar.hpp moment_of).
    const inDay = (h) => h && { opening: h.opening < start ? h.opening + 1440 : h.opening, closing: (h.opening < start ? h.opening + 1440 : h.opening) + h.closing - h.opening };
    const today = dayClosed ? null : inDay(hoursOn(centre, day));
    if (today && minutes >= today.opening && minutes < today.closing) return null;
    const at = (days, opening) => ms - (ms % 60000) + ((days * 1440 + opening) - minutes) * 60000;
    if (today && minutes < today.opening) return { allDay: false, nextMs: at(0, today.opening) };
    for (let k = 1; k <= 60; ++k) {
        const h = inDay(hoursOn(centre, addDays(day, k)));
        if (h) return { allDay: !today, nextMs: at(k, h.opening) };
    }
    return { allDay: !today, nextMs: null };
}
