// The situation room's history (docs/CENTRAL.md#history): a date range over the user's centres,
// rows per service, centre or agency; "Show" draws the range's days (tickets issued, and the
// share of calls within target) with js/history_chart.js as the centre's dashboard does, and
// "Download CSV" saves the rows as a file too. One request at a time, over the page's /live.
import { dayBars } from './history_chart.js';
import { onStaffLanguage, staffSay } from './staff_language.js';

const $ = (id) => document.getElementById(id);
const dayMs = 86400000;
const MAX_DAYS = 400;  // novbe-central's bound (central/history_query.hpp)
let shown = null;      // the last answer drawn
let saving = false;    // the request in flight was "Download CSV"

// Every day of the answer's range (days without figures are zeros), at most MAX_DAYS.
function everyDay(answer) {
    const byDay = new Map((answer.days ?? []).map((d) => [d.day, d]));
    const out = [];
    for (let t = Date.parse(answer.from); t <= Date.parse(answer.to) && out.length < MAX_DAYS; t += dayMs) {
        const day = new Date(t).toISOString().slice(0, 10);
        out.push(byDay.get(day) ?? { day, issued: 0, called: 0, within_target: 0 });
    }
    return out;
}

function draw() {
    if (!shown) return;
    $('history-charts').hidden = false;
    const days = everyDay(shown);
    const names = days.map((d) => d.day);
    const words = (key) => (from, to, ticks) => staffSay(key, { from, to, top: ticks[ticks.length - 1], step: ticks[1] });
    dayBars($('history-issued'), days.map((d) => d.issued), names, words('history.issuedChart'));
    // A day without calls has no share: drawn as 0, as the centre's own charts draw an empty day.
    dayBars($('history-within'), days.map((d) => (d.called ? Math.round((100 * d.within_target) / d.called) : 0)), names,
        words('central.withinChart'));
    const rows = shown.csv.split('\n').filter((line) => line && !line.startsWith('#')).length - 1;
    $('history-status').textContent = staffSay('central.historyRows', {
        from: shown.from, to: shown.to, rows, by: staffSay(`central.by.${shown.by}`),
    });
}

function save(answer) {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([answer.csv], { type: 'text/csv' }));
    link.download = `novbe-history-${answer.by}-${answer.from}-${answer.to}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

// The answer to {"history": ...}: drawn, and saved when asked for.
export function historyReceived(answer) {
    for (const id of ['history-show', 'history-download']) $(id).disabled = false;
    if (answer.error) {
        $('history-error').textContent = staffSay('central.historyError', { reason: answer.error });
        return;
    }
    $('history-error').textContent = '';
    shown = answer;
    draw();
    if (saving) save(answer);
}

// send(message) -> whether it went (the socket is open).
export function mountHistory(send) {
    $('history').addEventListener('submit', (event) => {
        event.preventDefault();
        saving = event.submitter?.id === 'history-download';
        const request = { from: $('history-from').value, to: $('history-to').value, by: $('history-by').value };
        if (!send({ history: request })) return;
        for (const id of ['history-show', 'history-download']) $(id).disabled = true;
    });
    onStaffLanguage(draw);
}
