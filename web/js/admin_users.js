// The admin page's users (docs/SETUP.md#users-and-devices-at-runtime): who may sign in; add one
// (the secret typed twice, 8 to 256 bytes as the server checks it), disable or enable, a new
// secret, another role. The server refuses disabling or demoting the last enabled admin
// (LAST_ADMIN); this page also keeps the signed-in admin's own Disable and role away, since
// either would end this very session: another admin does it (the server would take it).
import { $, admin, attempt, bytes, button, make, refusalWords, roleWord, say } from './admin_form.js';
import { staffSay } from './staff_language.js';

let resetting = '';          // the user whose new secret the form takes, '' when adding
const problems = new Map();  // user name -> the refusal of what was tried in its row

function roleChooser(u) {
    const select = make('select', { disabled: u.name === admin.me });
    select.setAttribute('aria-label', staffSay('admin.roleOf', { name: u.name }));
    for (const role of ['ROLE_CLERK', 'ROLE_MANAGER', 'ROLE_ADMIN']) select.append(make('option', { value: role, textContent: roleWord(role) }));
    select.value = u.role;
    select.addEventListener('change', () => change(u.name, { role: select.value }));
    return select;
}

function row(u) {
    const tr = make('tr', { className: u.disabled ? 'disabled' : '' });
    tr.dataset.name = u.name;
    tr.append(make('td', { textContent: u.name }), make('td', { textContent: roleWord(u.role) }),
        make('td', { textContent: staffSay(u.disabled ? 'admin.disabled' : 'admin.enabled') }));
    const actions = make('span', { className: 'actions' });
    if (admin.canChange) {
        actions.append(roleChooser(u));
        if (u.name === admin.me) actions.append(make('span', { className: 'why', textContent: staffSay('admin.notYourself') }));
        else actions.append(button(u.disabled ? 'admin.enable' : 'admin.disable', () => change(u.name, u.disabled ? { enable: true } : { disable: true })));
        actions.append(button('admin.resetSecret', () => reset(u.name)));
    }
    if (problems.has(u.name)) actions.append(make('span', { className: 'problem', role: 'alert', textContent: refusalWords(problems.get(u.name)) }));
    tr.append(make('td', { className: 'admin-only' }, actions));
    return tr;
}

function render() {
    $('users').replaceChildren(...admin.users.map(row));
    for (const id of ['user-name-label', 'user-role-label']) $(id).hidden = resetting !== '';
    $('user-name').required = resetting === '';
    $('user-form-title').textContent = resetting ? staffSay('admin.resetSecretOf', { name: resetting }) : staffSay('admin.addUser');
    $('user-save').textContent = staffSay(resetting ? 'admin.save' : 'admin.addUser');
}

async function change(name, fields) {
    problems.delete(name);
    try {
        admin.users = (await admin.link.request('changeUser', { name, ...fields })).users.users;
    } catch (refusal) {
        problems.set(name, refusal);
    }
    render();
}

function reset(name) {
    resetting = name;
    $('user-secret').value = $('user-again').value = '';
    $('user-error').textContent = '';
    render();
    $('user-secret').focus();
}

function clear() {
    resetting = '';
    $('user-form').reset();
    $('user-error').textContent = '';
    render();
}

// The secret as the server bounds it, in bytes; both typings the same.
function secret() {
    const s = $('user-secret').value;
    if (bytes(s) < 8 || bytes(s) > 256) return [null, 'admin.secretRule'];
    if (s !== $('user-again').value) return [null, 'admin.secretsDiffer'];
    return [s, ''];
}

async function save(event) {
    event.preventDefault();
    const [s, wrong] = secret();
    if (!s) {
        say($('user-error'), wrong);
        return;
    }
    const name = $('user-name').value.trim();
    if (!resetting && bytes(name) > 64) {
        say($('user-error'), 'admin.tooLong', { what: () => staffSay('admin.column.name'), most: 64 });
        return;
    }
    const done = await attempt($('user-error'), async () => {
        const reply = resetting ? await admin.link.request('changeUser', { name: resetting, newSecret: s })
            : await admin.link.request('addUser', { name, role: $('user-role').value, secret: s });
        admin.users = reply.users.users;
    });
    if (done) clear();
}

export function mountUsers() {
    $('user-form').addEventListener('submit', save);
    $('user-cancel').addEventListener('click', clear);
    $('user-secret').required = $('user-again').required = true;
    return render;
}
