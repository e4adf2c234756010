// The audit page (docs/DOMAIN.md#audit): a manager signs in as on the dashboard, picks days (at
// most 31), a user, a counter and a kind, and pages through who did what, newest first, read by
// the server from its log (GetAudit). The CSV has every row of the filters, fetched page by page.
import { auditCsv, reasonName, roleOf, serviceName, whatOf } from './audit_csv.js';
import { signInForm } from './dashboard_sign_in.js';
import { describe } from './refusals.js';
import { counterName } from './staff_counter_name.js';
import { mountStaffLanguagePicker, onStaffLanguage, staffLanguage, staffSay } from './staff_language.js';

const $ = (id) => document.getElementById(id);
const make = (tag, props = {}) => Object.assign(document.createElement(tag), props);
const CSV_PAGES = 100;  // 20,000 rows at most in one download

let link = null;
let centre = null;
let query = null;     // the filters of what is shown
let befores = [0];    // where each page shown so far started: back to newer pages
let page = null;      // the AuditPage shown
let problem = null;   // the last refusal, said again in a newly picked language

const localDate = (ms) => new Date(ms).toLocaleDateString('sv-SE', { timeZone: centre?.timeZone || undefined });

function filters() {
    return {
        fromDay: $('from').value, toDay: $('to').value, user: $('who').value.trim(),
        counter: Number($('counter').value) || 0, kind: $('kind').value, pageSize: Number($('page-size').value),
    };
}

function renderCounters() {
    const chosen = $('counter').value;
    const options = [make('option', { value: '0', textContent: staffSay('auditPage.anyCounter') })];
    for (const c of centre?.counters ?? []) options.push(make('option', { value: String(c.number), textContent: counterName(c) }));
    $('counter').replaceChildren(...options);
    $('counter').value = chosen || '0';
}

function render() {
    document.title = centre ? staffSay('auditPage.titleOf', { centre: centre.name }) : staffSay('auditPage.title');
    $('title').textContent = document.title;
    if (!centre) return;
    renderCounters();
    $('audit-error').textContent = !problem ? '' : problem.key ? staffSay(problem.key) : describe(problem, staffLanguage());
    const rows = page?.rows ?? [];
    $('audit-rows').replaceChildren(...rows.map((r) => {
        const tr = make('tr');
        tr.dataset.kind = r.kind;
        const reason = reasonName(centre, r.reasonCode);
        const cells = [r.localTime.replace('T', ' ').slice(0, 19), r.actor, roleOf(r), whatOf(r), r.ticket, r.counter || '',
            serviceName(centre, r.serviceId), reason, r.words];
        cells.forEach((text, i) => tr.append(make('td', { textContent: String(text ?? ''), className: i === 5 ? 'num' : i === 8 ? 'words' : '' })));
        tr.firstChild.title = r.localTime;
        return tr;
    }));
    $('audit-table').hidden = rows.length === 0;
    $('audit-none').hidden = !page || rows.length > 0;
    $('audit-none').textContent = page?.nextBeforeSequence > 0 ? staffSay('auditPage.noneYet') : staffSay('auditPage.none');
    $('newer').disabled = befores.length <= 1;
    $('older').disabled = !(page?.nextBeforeSequence > 0);
    $('page-number').textContent = page ? staffSay('auditPage.page', { page: befores.length }) : '';
}

// The server's own limits on a range (docs/DOMAIN.md#audit), said in the staff language before
// asking: its refusal names GetAudit's fields, which a manager does not read.
function rangeProblem(filter) {
    const from = Date.parse(filter.fromDay);
    const to = Date.parse(filter.toDay);
    if (Number.isNaN(from) || Number.isNaN(to)) return null;  // the server says what is wrong
    if (to < from) return 'auditPage.toBeforeFrom';
    return (to - from) / 86400000 + 1 > 31 ? 'auditPage.tooManyDays' : null;
}

async function ask(before, filter = query) {
    const wrong = rangeProblem(filter);
    if (wrong) {
        problem = { key: wrong };
        render();
        return null;
    }
    try {
        const reply = await link.request('getAudit', { ...filter, beforeSequence: before }, 30000);
        problem = null;
        return reply.audit;
    } catch (refusal) {
        problem = refusal;
        render();
        return null;
    }
}

async function show(before) {
    // A refused query leaves no rows of an earlier one under its error, as if they answered it.
    page = await ask(before);
    render();
}

async function download() {
    const filter = filters();  // what the form says now, whatever page is shown
    const rows = [];
    let before = 0;
    for (let i = 0; i < CSV_PAGES; ++i) {
        const got = await ask(before, filter);
        if (!got) return;
        rows.push(...got.rows);
        before = Number(got.nextBeforeSequence);
        if (!before) break;
    }
    const blob = new Blob([auditCsv(rows, centre)], { type: 'text/csv;charset=utf-8' });
    const name = `audit-${filter.fromDay}${filter.toDay !== filter.fromDay ? `-${filter.toDay}` : ''}.csv`;
    const a = Object.assign(make('a'), { href: URL.createObjectURL(blob), download: name });
    a.click();
    URL.revokeObjectURL(a.href);
}

function signedIn(signedInLink) {
    link = signedInLink;
    centre = link.welcome.centre;
    $('language').replaceChildren();
    mountStaffLanguagePicker($('language'), centre.languages);
    const today = localDate(Number(link.welcome.serverTimeMs));
    $('from').value = today;
    $('to').value = today;
    $('board').hidden = false;
    query = filters();
    show(0);
}

$('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    query = filters();
    befores = [0];
    show(0);
});
// Older goes on where this page stopped; Newer goes back to where the page before started.
async function turn(before, step) {
    const got = await ask(before);
    if (got) {
        page = got;
        step();
    }
    render();
}
$('older').addEventListener('click', () => {
    const next = Number(page?.nextBeforeSequence ?? 0);
    if (next) turn(next, () => befores.push(next));
});
$('newer').addEventListener('click', () => {
    if (befores.length > 1) turn(befores[befores.length - 2], () => befores.pop());
});
$('csv').addEventListener('click', download);

mountStaffLanguagePicker($('language'));
onStaffLanguage(render);
render();
signInForm(signedIn);
