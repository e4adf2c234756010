// The admin page's services (docs/SETUP.md#services-and-counters-at-runtime): the list, retired
// ones marked and kept at the end; one form that adds a service or changes the one chosen
// (names in the centre's languages, targets, agency); retire from its row after a second,
// in-place confirmation that says what retiring does, a refusal said there.
import { $, admin, attempt, button, centreNow, localName, make, refusalWords, say, within } from './admin_form.js';
import { staffSay } from './staff_language.js';

const NEW = '\u0000new';    // the agency list's "New agency…": not an id a service can have
let editing = '';             // the id of the service in the form, '' when adding
let confirming = '';          // the service whose retirement waits for its confirmation
const problems = new Map();   // service id -> the refusal of its retirement, said in its row

const minutes = (s) => Math.round(Number(s) / 60);

// The agencies the centre's services name, each with its names, for the form's list.
function agencies() {
    const out = new Map();
    for (const s of admin.centre.services) if (s.agency && !out.has(s.agency)) out.set(s.agency, s.agencyNames ?? {});
    return out;
}

function row(s) {
    const tr = make('tr', { className: s.retired ? 'retired' : '' });
    tr.dataset.id = s.id;
    const agencyName = s.agency ? localName(s.agencyNames, s.agency) : '';
    const cells = [s.id, s.prefix, localName(s.names, s.id), minutes(s.targetWaitS), minutes(s.maxWaitS), agencyName,
        s.retired ? staffSay('admin.retired') : admin.waiting.get(s.id) ?? 0];
    cells.forEach((text, i) => tr.append(make('td', { textContent: String(text), className: [3, 4, 6].includes(i) ? 'num' : '' })));
    const actions = make('span', { className: 'actions' });
    if (!s.retired && admin.canChange && confirming === s.id) {
        // Nothing is ever un-retired (docs/SETUP.md#services-and-counters-at-runtime): ask first.
        actions.append(make('span', { className: 'why', textContent: staffSay('admin.retireServiceWhy') }),
            button('admin.retireYes', () => retire(s.id), ''), button('admin.keep', () => { confirming = ''; render(); }));
    } else if (!s.retired && admin.canChange) {
        actions.append(button('admin.change', () => edit(s)), button('admin.retire', () => { confirming = s.id; problems.delete(s.id); render(); }));
    }
    const problem = problems.get(s.id);
    if (problem) actions.append(make('span', { className: 'problem', role: 'alert', textContent: refusalWords(problem, { serviceId: s.id }) }));
    tr.append(make('td', { className: 'admin-only' }, actions));
    return tr;
}

function renderAgencies() {
    const select = $('service-agency');
    const chosen = select.value;
    select.replaceChildren(make('option', { value: '', textContent: staffSay('admin.noAgency') }),
        ...[...agencies()].map(([id, names]) => make('option', { value: id, textContent: localName(names, id) })),
        make('option', { value: NEW, textContent: staffSay('admin.newAgency') }));
    select.value = chosen;
    $('service-new-agency').hidden = select.value !== NEW;
}

function render() {
    const list = [...admin.centre.services].sort((a, b) => Number(a.retired) - Number(b.retired));
    $('services').replaceChildren(...list.map(row));
    renderAgencies();
    $('service-form-title').textContent = editing ? staffSay('admin.changeService', { id: editing }) : staffSay('admin.addService');
    $('service-save').textContent = staffSay(editing ? 'admin.save' : 'admin.addService');
    for (const input of $('service-names').querySelectorAll('[data-language]'))
        input.previousSibling.textContent = staffSay('admin.nameIn', { language: input.dataset.language });
    for (const input of $('service-agency-names').querySelectorAll('[data-language]'))
        input.previousSibling.textContent = staffSay('admin.agencyNameIn', { language: input.dataset.language });
}

// The form's fields, checked as the server checks them (docs/SETUP.md), in the wire's shape.
function typed() {
    const names = {};
    for (const input of $('service-names').querySelectorAll('input'))
        names[input.dataset.language] = within(input.value.trim(), 128, staffSay('admin.nameIn', { language: input.dataset.language }));
    let agency = $('service-agency').value;
    let agencyNames = agency ? agencies().get(agency) : {};
    if (agency === NEW) {  // a new agency comes with its names, one per language (docs/SETUP.md)
        agency = within($('service-agency-id').value.trim(), 64, staffSay('admin.newAgencyId'));
        agencyNames = {};
        for (const input of $('service-agency-names').querySelectorAll('input'))
            agencyNames[input.dataset.language] = within(input.value.trim(), 128, staffSay('admin.agencyNameIn', { language: input.dataset.language }));
    }
    return {
        id: within($('service-id').value.trim(), 64, staffSay('admin.column.id')), prefix: $('service-prefix').value.trim(), names,
        targetWaitS: Number($('service-target').value) * 60, maxWaitS: Number($('service-max').value) * 60,
        agency, agencyNames,
    };
}

function edit(s) {
    editing = s.id;
    $('service-id').value = s.id;
    $('service-prefix').value = s.prefix;
    $('service-id').disabled = $('service-prefix').disabled = true;  // they never change
    for (const input of $('service-names').querySelectorAll('input')) input.value = s.names[input.dataset.language] ?? '';
    $('service-target').value = minutes(s.targetWaitS);
    $('service-max').value = minutes(s.maxWaitS);
    $('service-agency').value = s.agency ?? '';
    $('service-error').textContent = '';
    render();
    $('service-names').querySelector('input')?.focus();
}

function clear() {
    editing = '';
    $('service-form').reset();
    $('service-error').textContent = '';
    $('service-id').disabled = $('service-prefix').disabled = false;
    render();
}

async function save(event) {
    event.preventDefault();
    if (Number($('service-target').value) > Number($('service-max').value)) {
        say($('service-error'), 'admin.targetOverMaximum');
        return;
    }
    const done = await attempt($('service-error'), async () => {
        const s = typed();
        if (!editing) return centreNow(await admin.link.request('addService', { service: s }));
        const { targetWaitS, maxWaitS, agency, agencyNames, names } = s;
        centreNow(await admin.link.request('changeService', { id: editing, names, targetWaitS, maxWaitS, agency, agencyNames }));
    });
    if (done) clear();
}

async function retire(id) {
    problems.delete(id);
    confirming = '';
    try {
        centreNow(await admin.link.request('retireService', { id }));
    } catch (refusal) {
        problems.set(id, refusal);
        render();
    }
}

export function mountServices() {
    $('service-names').replaceChildren(...admin.centre.languages.map((language) => {
        const input = make('input', { required: true, maxLength: 128, lang: language });
        input.dataset.language = language;
        return make('label', {}, make('span'), input);
    }));
    $('service-agency-names').replaceChildren(...admin.centre.languages.map((language) => {
        const input = make('input', { required: true, maxLength: 128, lang: language });
        input.dataset.language = language;
        return make('label', {}, make('span'), input);
    }));
    $('service-agency').addEventListener('change', () => { $('service-new-agency').hidden = $('service-agency').value !== NEW; });
    $('service-form').addEventListener('submit', save);
    $('service-cancel').addEventListener('click', clear);
    return render;
}
