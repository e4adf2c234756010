// The admin page's devices (docs/SETUP.md#users-and-devices-at-runtime): kiosks, boards and
// rating pads, revoked ones kept at the end; add one (its token shown once, with the address of
// its page to copy, where that address comes from, and what to do on the device), rename one in
// the form, revoke one after a second, in-place confirmation.
import { $, admin, attempt, button, counterName, hasOwnName, kindWord, make, within } from './admin_form.js';
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

// Where the device reaches the server (docs/DOMAIN.md#public-address): the centre's public_url when
// the configuration sets one; else this browser's own address, said so, and said to be of no use
// elsewhere when this browser is on the server's own machine (localhost).
function deviceOrigin() {
    const configured = (admin.centre.publicUrl ?? '').replace(/\/+$/, '');
    if (configured) return { origin: configured, how: 'public', note: staffSay('admin.addressPublic') };
    const local = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(location.hostname);
    return { origin: location.origin, how: local ? 'local' : 'browser', note: staffSay(local ? 'admin.addressLocal' : 'admin.addressBrowser', { host: location.host }) };
}

// The clipboard only where the page is a secure context (https or localhost); elsewhere the
// address is selected for Ctrl+C, and either way the page says which.
// What it said is kept with the device shown (`added.copied`, a key), so that the panel, drawn
// again at each change and language switch, says it again in the staff language of the moment.
async function copy(code) {
    try {
        await navigator.clipboard.writeText(code.textContent);
        added.copied = 'admin.copied';
    } catch {
        added.copied = 'admin.copyByHand';
    }
    renderToken();
    if (added.copied === 'admin.copyByHand') getSelection().selectAllChildren($('new-address'));
}

function renderToken() {
    $('device-token').hidden = !added;
    if (!added) return $('device-token').replaceChildren();  // gone from the page, not only hidden
    const where = deviceOrigin();
    const role = added.device.role;
    const address = `${where.origin}/${PAGES[role]}?token=${added.token}`;
    const code = make('code', { id: 'new-address', textContent: address });
    const said = make('span', { id: 'copy-said', className: 'why', role: 'status', textContent: added.copied ? staffSay(added.copied) : '' });
    const note = make('p', { id: 'address-note', className: where.how === 'local' ? 'error' : '', textContent: where.note });
    note.dataset.how = where.how;
    const setUp = staffSay(`admin.setUp.${{ ROLE_BOARD: 'board', ROLE_RATING_DEVICE: 'rating' }[role] ?? 'kiosk'}`, { counter: added.device.counter });
    $('device-token').replaceChildren(
        make('p', { textContent: staffSay('admin.tokenOf', { name: added.device.name }) }),
        make('p', {}, make('code', { id: 'new-token', textContent: added.token })),
        make('p', {}, make('span', { textContent: `${staffSay('admin.address')} ` }), code, ' ', button('admin.copy', () => copy(code)), ' ', said),
        note,
        make('p', { id: 'set-up', textContent: setUp }),
        make('p', { className: 'error', textContent: staffSay('admin.tokenOnce') }),
        button('admin.tokenNoted', () => { added = null; renderToken(); }));
}

function render() {
    const list = [...admin.devices].sort((a, b) => Number(a.revoked) - Number(b.revoked));
    $('devices').replaceChildren(...list.map(row));
    const counters = admin.centre.counters.filter((c) => !c.retired);
    const chosen = $('device-counter').value;
    $('device-counter').replaceChildren(...counters.map((c) => make('option', { value: String(c.number), textContent: hasOwnName(c) ? `${c.number} — ${c.name}` : counterName(c) })));
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
