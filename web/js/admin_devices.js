// The admin page's devices (docs/SETUP.md#users-and-devices-at-runtime): kiosks, boards and
// rating pads, revoked ones kept at the end; add one (its token shown once, with the address of
// its page to copy), rename one in the form, revoke one after a second, in-place confirmation.
import { $, admin, attempt, button, kindWord, make, within } from './admin_form.js';
import { staffSay } from './staff_language.js';

let renaming = '';       // the device in the form, '' when adding
let confirming = '';     // the device whose revocation waits for its confirmation
let added = null;        // the last device added here, with its token: shown once, never kept
const PAGES = { ROLE_KIOSK: 'kiosk', ROLE_BOARD: 'board', ROLE_RATING_DEVICE: 'rate' };

function row(d) {
    const tr = make('tr', { className: d.revoked ? 'revoked' : '' });
    tr.dataset.name = d.name;
    const cells = [d.name, kindWord(d.role), d.role === 'ROLE_RATING_DEVICE' ? d.counter : '', staffSay(d.revoked ? 'admin.revoked' : 'admin.inUse')];
    cells.forEach((text, i) => tr.append(make('td', { textContent: String(text), className: i === 2 ? 'num' : '' })));
    const actions = make('span', { className: 'actions' });
    if (!d.revoked && admin.canChange) {
        if (confirming === d.name) {
            actions.append(make('span', { className: 'why', textContent: staffSay('admin.revokeForGood') }),
                button('admin.revokeYes', () => revoke(d.name, actions), ''), button('admin.keep', () => { confirming = ''; render(); }));
        } else {
            actions.append(button('admin.rename', () => rename(d)), button('admin.revoke', () => { confirming = d.name; render(); }));
        }
    }
    tr.append(make('td', { className: 'admin-only' }, actions));
    return tr;
}

function renderToken() {
    $('device-token').hidden = !added;
    if (!added) return $('device-token').replaceChildren();  // gone from the page, not only hidden
    const address = `${location.origin}/${PAGES[added.device.role]}?token=${added.token}`;
    const copy = button('admin.copy', () => navigator.clipboard?.writeText(address));
    $('device-token').replaceChildren(
        make('p', { textContent: staffSay('admin.tokenOf', { name: added.device.name }) }),
        make('p', {}, make('code', { id: 'new-token', textContent: added.token })),
        make('p', {}, make('span', { textContent: `${staffSay('admin.address')} ` }), make('code', { id: 'new-address', textContent: address }), ' ', copy),
        make('p', { className: 'error', textContent: staffSay('admin.tokenOnce') }),
        button('admin.tokenNoted', () => { added = null; renderToken(); }));
}

function render() {
    const list = [...admin.devices].sort((a, b) => Number(a.revoked) - Number(b.revoked));
    $('devices').replaceChildren(...list.map(row));
    const counters = admin.centre.counters.filter((c) => !c.retired);
    const chosen = $('device-counter').value;
    $('device-counter').replaceChildren(...counters.map((c) => make('option', { value: String(c.number), textContent: `${c.number}${c.name ? ` — ${c.name}` : ''}` })));
    if (chosen) $('device-counter').value = chosen;
    const rating = $('device-role').value === 'ROLE_RATING_DEVICE';
    $('device-counter-label').hidden = renaming !== '' || !rating;
    $('device-role-label').hidden = renaming !== '';
    $('device-form-title').textContent = renaming ? staffSay('admin.renameDevice', { name: renaming }) : staffSay('admin.addDevice');
    $('device-save').textContent = staffSay(renaming ? 'admin.save' : 'admin.addDevice');
    renderToken();
}

function rename(d) {
    renaming = d.name;
    $('device-name').value = d.name;
    $('device-error').textContent = '';
    render();
    $('device-name').focus();
}

function clear() {
    renaming = '';
    $('device-form').reset();
    $('device-error').textContent = '';
    render();
}

async function revoke(name, where) {
    const said = make('span', { className: 'problem' });
    where.append(said);
    if (await attempt(said, async () => { admin.devices = (await admin.link.request('changeDevice', { name, revoke: true })).devices.devices; })) {
        confirming = '';
        render();
    }
}

async function save(event) {
    event.preventDefault();
    const done = await attempt($('device-error'), async () => {
        const name = within($('device-name').value.trim(), 64, staffSay('admin.column.name'));
        if (renaming) {
            admin.devices = (await admin.link.request('changeDevice', { name: renaming, newName: name })).devices.devices;
            return;
        }
        const role = $('device-role').value;
        const reply = await admin.link.request('addDevice', { name, role, counter: role === 'ROLE_RATING_DEVICE' ? Number($('device-counter').value) : 0 });
        added = reply.deviceAdded;
        admin.devices = [...admin.devices.filter((d) => d.name !== name || d.revoked), added.device];
    });
    if (done) clear();
}

export function mountDevices() {
    $('device-form').addEventListener('submit', save);
    $('device-cancel').addEventListener('click', clear);
    $('device-role').addEventListener('change', render);
    return render;
}
