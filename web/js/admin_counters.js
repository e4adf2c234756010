// The admin page's counters (docs/SETUP.md#services-and-counters-at-runtime): the list; one
// form that adds a counter or changes the one chosen (name, services in the order to serve them,
// routing); retire from its row after a second, in-place confirmation, refused in words while
// it is open or has a ticket at it. A counter without a name is shown as "Counter N".
import { $, admin, button, attempt, centreNow, counterName, hasOwnName, make, refusalWords, Said, say, serviceName, within } from './admin_form.js';
import { staffSay } from './staff_language.js';

let editing = 0;             // the number of the counter in the form, 0 when adding
let confirming = 0;          // the counter whose retirement waits for its confirmation
let chosen = [];             // the form's services, in order
const problems = new Map();  // counter number -> the refusal of its retirement

const policyWord = (p) => staffSay(p === 'ROUTING_POLICY_STRICT_SERVICE_ORDER' ? 'admin.policy.strictOrder' : 'admin.policy.longestWait');

function row(c) {
    const tr = make('tr', { className: c.retired ? 'retired' : '' });
    tr.dataset.number = String(c.number);
    const cells = [c.number, counterName(c), c.serviceIds.map(serviceName).join(', ') || '—', c.retired ? staffSay('admin.retired') : policyWord(c.policy)];
    cells.forEach((text, i) => tr.append(make('td', { textContent: String(text), className: i === 0 ? 'num' : '' })));
    const actions = make('span', { className: 'actions' });
    if (!c.retired && admin.canChange && confirming === c.number) {
        // Nothing is ever un-retired (docs/SETUP.md#services-and-counters-at-runtime): ask first.
        actions.append(make('span', { className: 'why', textContent: staffSay('admin.retireCounterWhy') }),
            button('admin.retireYes', () => retire(c.number), ''), button('admin.keep', () => { confirming = 0; render(); }));
    } else if (!c.retired && admin.canChange) {
        actions.append(button('admin.change', () => edit(c)), button('admin.retire', () => { confirming = c.number; problems.delete(c.number); render(); }));
    }
    if (problems.has(c.number)) actions.append(make('span', { className: 'problem', role: 'alert', textContent: refusalWords(problems.get(c.number)) }));
    tr.append(make('td', { className: 'admin-only' }, actions));
    return tr;
}

// The chosen services as an ordered list, each with buttons to move it up or take it out.
function renderChosen() {
    $('counter-services').replaceChildren(...chosen.map((id, i) => {
        const up = make('button', { type: 'button', className: 'quiet', textContent: '↑', disabled: i === 0 });
        up.setAttribute('aria-label', staffSay('admin.moveUp', { service: serviceName(id) }));
        up.addEventListener('click', () => { [chosen[i - 1], chosen[i]] = [chosen[i], chosen[i - 1]]; renderChosen(); });
        const out = make('button', { type: 'button', className: 'quiet', textContent: '✕' });
        out.setAttribute('aria-label', staffSay('admin.takeOut', { service: serviceName(id) }));
        out.addEventListener('click', () => { chosen.splice(i, 1); renderChosen(); });
        const li = make('li', {}, make('span', { textContent: serviceName(id) }), up, out);
        li.dataset.id = id;
        return li;
    }));
    const open = admin.centre.services.filter((s) => !s.retired && !chosen.includes(s.id));
    $('counter-add-service').replaceChildren(...open.map((s) => make('option', { value: s.id, textContent: serviceName(s.id) })));
    $('counter-add-service-button').disabled = open.length === 0;
}

function render() {
    const list = [...admin.centre.counters].sort((a, b) => Number(a.retired) - Number(b.retired) || a.number - b.number);
    $('counters').replaceChildren(...list.map(row));
    chosen = chosen.filter((id) => admin.centre.services.some((s) => s.id === id && !s.retired));
    renderChosen();
    $('counter-form-title').textContent = editing ? staffSay('admin.changeCounter', { number: editing }) : staffSay('admin.addCounter');
    $('counter-save').textContent = staffSay(editing ? 'admin.save' : 'admin.addCounter');
}

function edit(c) {
    editing = c.number;
    $('counter-number').value = String(c.number);
    $('counter-number').disabled = true;
    $('counter-name').value = hasOwnName(c) ? c.name : '';  // "Counter N" is no name of its own
    $('counter-policy').value = c.policy === 'ROUTING_POLICY_STRICT_SERVICE_ORDER' ? c.policy : 'ROUTING_POLICY_LONGEST_WAIT_FIRST';
    chosen = [...c.serviceIds];
    $('counter-error').textContent = '';
    render();
    $('counter-name').focus();
}

function clear() {
    editing = 0;
    chosen = [];
    $('counter-form').reset();
    $('counter-error').textContent = '';
    $('counter-number').disabled = false;
    render();
}

async function save(event) {
    event.preventDefault();
    if (chosen.length === 0) {
        say($('counter-error'), 'admin.noServices');
        return;
    }
    const done = await attempt($('counter-error'), async () => {
        const fields = { name: within($('counter-name').value.trim(), 128, staffSay('admin.column.name')),
            serviceIds: chosen, policy: $('counter-policy').value };
        // A name cleared is the one the server gives a counter without one (an empty name on the
        // wire changes nothing): "Counter N", as a file names it, shown in the staff language.
        if (editing) centreNow(await admin.link.request('changeCounter', { number: editing, ...fields, name: fields.name || `Counter ${editing}` }));
        else {
            const number = Number($('counter-number').value);
            try {
                centreNow(await admin.link.request('addCounter', { counter: { number, ...fields } }));
            } catch (refusal) {
                // DUPLICATE_NAME's words speak of a name; here it is the number that is taken.
                throw refusal.code === 'ERROR_CODE_DUPLICATE_NAME' ? new Said('admin.counterNumberTaken', { n: number }) : refusal;
            }
        }
    });
    if (done) clear();
}

async function retire(number) {
    problems.delete(number);
    confirming = 0;
    try {
        centreNow(await admin.link.request('retireCounter', { number }));
    } catch (refusal) {
        problems.set(number, refusal);
        render();
    }
}

export function mountCounters() {
    $('counter-add-service-button').addEventListener('click', () => {
        const id = $('counter-add-service').value;
        if (id && !chosen.includes(id)) chosen.push(id);
        renderChosen();
        $('counter-add-service').focus();
    });
    $('counter-form').addEventListener('submit', save);
    $('counter-cancel').addEventListener('click', clear);
    return render;
}
