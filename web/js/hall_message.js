// The dashboard's control for the hall message: the one line every hall board shows under its
// header (SetHallMessage, managers only; at most 200 bytes, one line; empty clears it). It
// mounts itself into #hall-message-control once the dashboard has signed in, with its own link
// signed in as the same manager (the dashboard's page owns its own), and follows the board view
// so that it shows what the boards show now, whoever changed it.
import { Link } from './link.js';
import { describe } from './refusals.js';
import { onStaffLanguage, staffSay } from './staff_language.js';

const MAX_BYTES = 200;
const container = document.getElementById('hall-message-control');
const signedIn = document.getElementById('board');  // the dashboard's main, shown once signed in
let credentials = null;
let link = null;
let shown = '';

const make = (tag, props = {}) => Object.assign(document.createElement(tag), props);
const form = make('form', { id: 'hall-message-form', className: 'actions' });
const title = make('h2');
const input = make('input', { id: 'hall-message-text', maxLength: MAX_BYTES, size: 60 });
const set = make('button', { id: 'hall-message-set', type: 'submit' });
const clear = make('button', { id: 'hall-message-clear', type: 'button', className: 'quiet' });
const status = make('p', { id: 'hall-message-status' });

function render() {
    title.textContent = staffSay('hallMessage');
    input.placeholder = staffSay('hallMessageHint');
    set.textContent = staffSay('hallMessageSet');
    clear.textContent = staffSay('hallMessageClear');
    if (!status.classList.contains('refused')) status.textContent = shown ? staffSay('hallMessageShown', { text: shown }) : staffSay('hallMessageNone');
}

async function send(text) {
    status.classList.remove('refused');
    if (new TextEncoder().encode(text).length > MAX_BYTES) {
        status.classList.add('refused');
        status.textContent = describe({ code: 'ERROR_CODE_INVALID_ARGUMENT', message: `A hall message has at most ${MAX_BYTES} bytes.` });
        return;
    }
    try {
        await link.request('setHallMessage', { text });
        if (!text) input.value = '';
    } catch (refusal) {
        status.classList.add('refused');
        status.textContent = describe(refusal);
    }
    render();
}

function start() {
    if (link || !credentials || signedIn?.hidden) return;
    link = new Link({ role: 'ROLE_MANAGER', ...credentials, clientName: 'dashboard hall message' });
    credentials = null;  // kept no longer than needed
    container.hidden = false;
    link.start().then(() => link.subscribe({ view: 'VIEW_BOARD' }, (m) => {
        if (m.body === 'snapshot') shown = m.snapshot.hallMessage;
        if (m.body === 'events') for (const e of m.events.events) if (e.kind === 'hallMessageSet') shown = e.hallMessageSet.text;
        render();
    }));
}

if (container) {
    container.hidden = true;
    form.append(input, set, clear);
    container.append(title, form, status);
    form.addEventListener('submit', (e) => { e.preventDefault(); send(input.value.trim()); });
    clear.addEventListener('click', () => send(''));
    // The dashboard's own sign-in form: the same user and secret, used only after it succeeded.
    document.getElementById('sign-in')?.addEventListener('submit', () => {
        credentials = { user: document.getElementById('user').value.trim(), secret: document.getElementById('secret').value };
    }, true);
    if (signedIn) new MutationObserver(start).observe(signedIn, { attributes: true, attributeFilter: ['hidden'] });
    onStaffLanguage(render);
    render();
}
