// The dashboard's list of today's exceptions to the line (docs/DOMAIN.md#reasons): each chosen
// call, staff cancel and take-over, with when (local time), who (the event's actor), what, which
// ticket or counter, and why (the reason's name in the staff language). It mounts itself into
// #out-of-turn once the dashboard has signed in, with its own link as the same manager (as
// js/hall_message.js does): the day so far from the audit trail, then the dashboard view live;
// a new day empties it.
import { zonedIso } from './dashboard_csv.js';
import { nameIn } from './i18n.js';
import { Link } from './link.js';
import { onStaffLanguage, staffLanguage, staffSay } from './staff_language.js';

const container = document.getElementById('out-of-turn');
const signedIn = document.getElementById('board');  // the dashboard's main, shown once signed in
const MAX_ROWS = 500;  // a day's exceptions are a few dozen; a runaway day keeps the newest
let credentials = null;
let link = null;
let centre = null;
const actions = [];  // {atMs, who, what, number, counter, from, reason, words}, oldest first

const make = (tag, props = {}) => Object.assign(document.createElement(tag), props);
const title = make('h2');
const none = make('p', { id: 'out-of-turn-none' });
const table = make('table', { id: 'out-of-turn-table' });
const head = make('thead');
const body = make('tbody', { id: 'out-of-turn-rows' });
const COLUMNS = ['time', 'who', 'what', 'ticket', 'counter', 'reason'];

// One event as an exception to the line, or null when it is none.
export function exceptionOf(e) {
    const base = { sequence: Number(e.sequence), atMs: Number(e.atMs), who: e.actor || '' };
    if (e.kind === 'ticketCalled' && e.ticketCalled.reason)
        return { ...base, what: 'call', number: e.ticketCalled.number, counter: e.ticketCalled.counter, reason: e.ticketCalled.reason };
    if (e.kind === 'ticketCancelled' && e.ticketCancelled.reason)
        return { ...base, what: 'cancel', number: e.ticketCancelled.number, counter: '', reason: e.ticketCancelled.reason };
    if (e.kind === 'ticketMoved')
        return { ...base, what: 'move', number: e.ticketMoved.number, counter: '', reason: e.ticketMoved.reason };
    if (e.kind === 'counterChanged' && e.counterChanged.reasonCode)
        return { ...base, what: 'takeOver', number: '', counter: e.counterChanged.counter.number, from: e.counterChanged.takenFrom,
            reason: e.counterChanged.reasonCode, words: e.counterChanged.reason };
    return null;
}

// One row of the audit trail (GetAudit, kind out of turn) as the same exception: the list holds
// the day so far when the dashboard opens, not only what happens after. A take-over's words are
// "clerk: words" there (AuditRow.words).
export function exceptionOfRow(r) {
    const base = { sequence: Number(r.sequence), atMs: Number(r.atMs), who: r.actor || '', reason: r.reasonCode };
    const what = { ticket_called: 'call', ticket_cancelled: 'cancel', ticket_moved: 'move' }[r.kind];
    if (what) return { ...base, what, number: r.ticket, counter: what === 'call' ? r.counter : '' };
    if (r.kind !== 'counter_taken_over') return null;
    const cut = r.words.indexOf(': ');
    return { ...base, what: 'takeOver', number: '', counter: r.counter,
        from: cut < 0 ? '' : r.words.slice(0, cut), words: cut < 0 ? r.words : r.words.slice(cut + 2) };
}

// Each exception once, in the log's order, whichever way it came (the day's rows, or live).
function add(a) {
    if (actions.some((b) => b.sequence === a.sequence)) return;
    actions.push(a);
    actions.sort((x, y) => x.sequence - y.sequence);
}

async function dayUntilNow() {
    let before = 0;
    for (let page = 0; page < 3 && actions.length < MAX_ROWS; ++page) {
        const audit = (await link.request('getAudit', { kind: 'AUDIT_KIND_OUT_OF_TURN', pageSize: 200, beforeSequence: before }, 30000)).audit;
        for (const r of audit.rows) {
            const a = exceptionOfRow(r);
            if (a) add(a);
        }
        before = Number(audit.nextBeforeSequence);
        if (!before) break;
    }
    if (actions.length > MAX_ROWS) actions.splice(0, actions.length - MAX_ROWS);
    render();
}

const reasonName = (code) => nameIn(centre?.reasons?.find((r) => r.code === code)?.names, staffLanguage(), centre, code);
const time = (ms) => zonedIso(ms, centre?.timeZone).slice(11, 19);

function render() {
    title.textContent = staffSay('audit.title');
    none.textContent = staffSay('audit.none');
    none.hidden = actions.length > 0;
    table.hidden = actions.length === 0;
    const tr = make('tr');
    for (const c of COLUMNS) tr.append(make('th', { textContent: staffSay(`audit.column.${c}`) }));
    head.replaceChildren(tr);
    body.replaceChildren(...[...actions].reverse().map((a) => {
        const row = make('tr');
        row.dataset.what = a.what;
        const what = a.what === 'takeOver' ? staffSay('audit.kind.takeOver', { from: a.from || '—' })
            : a.what === 'move' ? staffSay('auditPage.event.ticket_moved') : staffSay(`audit.kind.${a.what}`);
        const reason = reasonName(a.reason) + (a.words ? ` — ${a.words}` : '');
        for (const text of [time(a.atMs), a.who, what, a.number, a.counter, reason]) row.append(make('td', { textContent: String(text ?? '') }));
        return row;
    }));
}

function heard(m) {
    if (m.body === 'snapshot') centre = m.snapshot.centre ?? centre;
    for (const e of m.events?.events ?? []) {
        if (e.kind === 'dayStarted') actions.length = 0;
        const a = exceptionOf(e);
        if (a) add(a);
    }
    if (actions.length > MAX_ROWS) actions.splice(0, actions.length - MAX_ROWS);
    render();
}

function start() {
    if (link || !credentials || signedIn?.hidden) return;
    // The reasons' names come with the centre: in the Welcome, and again in each snapshot.
    link = new Link({ role: 'ROLE_MANAGER', ...credentials, clientName: 'dashboard out of turn' },
        { onWelcome: (w) => { centre = w.centre; render(); } });
    credentials = null;  // kept no longer than needed
    container.hidden = false;
    link.start().then(() => {
        link.subscribe({ view: 'VIEW_DASHBOARD' }, heard);
        return dayUntilNow();
    }).catch(() => {});  // the live list stands alone if the day's rows cannot be read
}

if (container) {
    container.hidden = true;
    table.append(head, body);
    container.append(title, none, table);
    document.getElementById('sign-in')?.addEventListener('submit', () => {
        credentials = { user: document.getElementById('user').value.trim(), secret: document.getElementById('secret').value };
    }, true);
    if (signedIn) new MutationObserver(start).observe(signedIn, { attributes: true, attributeFilter: ['hidden'] });
    onStaffLanguage(render);
    render();
}
