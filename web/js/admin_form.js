// What the admin page's sections share (js/admin.js): the page's state, elements, bounds in
// bytes as the server counts them (docs/SETUP.md), and a refusal said in the staff language
// next to what was tried.
import { describe } from './refusals.js';
import { staffLanguage, staffSay } from './staff_language.js';

export const $ = (id) => document.getElementById(id);
export const make = (tag, props = {}, ...children) => {
    const e = Object.assign(document.createElement(tag), props);
    e.append(...children);
    return e;
};

// One page's state: the link (signed in as admin, or as manager: read-only), the centre as it
// is now, each line's waiting count, the users and devices, and the sections' render functions.
export const admin = {
    link: null, centre: null, me: '', canChange: false,
    waiting: new Map(), users: [], devices: [], renders: [],
    render() {
        for (const r of this.renders) r();
        sayAgain();
    },
};

// A command's reply is the centre as it is after it: shown at once, before the event arrives.
export function centreNow(reply) {
    if (reply?.centre) admin.centre = reply.centre;
    admin.render();
}

const encoder = new TextEncoder();
export const bytes = (text) => encoder.encode(text).length;

// A name in the staff language, else the centre's first, else any.
export function localName(names, fallback = '') {
    const n = names ?? {};
    return n[staffLanguage()] || n[admin.centre?.languages?.[0]] || Object.values(n)[0] || fallback;
}

// A counter's name, else "Counter N" in the staff language: a counter added without one has none,
// and one seeded from the file without one is named "Counter N" in English (server/app/config_file.cpp).
// A counter's own name; the server names one given none "Counter N", in English, as a file does.
export { counterName, hasOwnName } from './staff_counter_name.js';

export const serviceName = (id) => localName(admin.centre?.services.find((s) => s.id === id)?.names, id);

// A refusal in words; a service's waiting count where the server's code is about its line.
export function refusalWords(refusal, { serviceId = '' } = {}) {
    if (refusal instanceof Said) return refusal.words();
    if (refusal.code === 'ERROR_CODE_SERVICE_HAS_WAITING' && serviceId)
        return staffSay('admin.hasWaiting', { count: admin.waiting.get(serviceId) ?? '?' });
    return describe(refusal, staffLanguage());
}

// A problem the page finds itself, kept as its key and values so that it is said again in the
// next staff language (a value may be a function: a weekday's name, say, in that language).
export class Said extends Error {
    constructor(key, params = {}) {
        super('');
        this.key = key;
        this.params = params;
        this.message = this.words();
    }
    words() {
        const values = Object.fromEntries(Object.entries(this.params).map(([k, v]) => [k, typeof v === 'function' ? v() : v]));
        return staffSay(this.key, values);
    }
}
// A local refusal, said like the server's (the page checks bytes where maxlength counts letters).
export class Problem extends Said {
    constructor(key, params) {
        super(key, params);
        this.code = 'ERROR_CODE_TOO_LONG';
    }
}
export function within(text, most, label) {
    if (bytes(text) > most) throw new Problem('admin.tooLong', { what: label, most });
    return text;
}

// The error lines shown now, each with how to say it again: after a language switch they speak
// the new language (an element whose text was since changed by other code is left alone).
const shown = new Map();  // element -> { text, words }
function show(where, words) {
    where.textContent = words();
    shown.set(where, { text: where.textContent, words });
}
// A sentence the page says itself into `where` (a problem found before sending, a "saved"),
// said again in the next staff language like a refusal; `params` as Said's (a function: its value
// in the language of the moment).
export function say(where, key, params = {}) {
    show(where, () => new Said(key, params).words());
}
function sayAgain() {
    for (const [where, { text, words }] of shown) {
        if (where.textContent !== text) {
            shown.delete(where);
            continue;
        }
        show(where, words);
    }
}

// Runs `act` (a request); its refusal goes into `where` (an element), in words, and stays until
// the next try. Resolves true when it was done. Nothing typed is cleared on a refusal.
export async function attempt(where, act, context = {}) {
    where.textContent = '';
    where.dataset.code = '';
    shown.delete(where);
    try {
        await act();
        return true;
    } catch (refusal) {
        show(where, () => refusalWords(refusal, context));
        where.dataset.code = refusal.code ?? '';
        return false;
    }
}

export function button(key, onClick, className = 'quiet') {
    const b = make('button', { type: 'button', className, textContent: staffSay(key) });
    b.dataset.action = key;
    b.addEventListener('click', onClick);
    return b;
}

export const roleWord = (role) => staffSay(`admin.role.${{ ROLE_CLERK: 'clerk', ROLE_MANAGER: 'manager', ROLE_ADMIN: 'admin' }[role] ?? 'clerk'}`);
export const kindWord = (role) => staffSay(`admin.kind.${{ ROLE_KIOSK: 'kiosk', ROLE_BOARD: 'board', ROLE_RATING_DEVICE: 'rating' }[role] ?? 'kiosk'}`);

// Each form says its own empty required field in the staff language, not in the browser's (whose
// bubble speaks the browser's language): the field's label is named in the form's error line, and
// the form's own submit handler does not run.
export function sayRequiredFields(form) {
    form.noValidate = true;
    form.addEventListener('submit', (event) => {
        const empty = [...form.querySelectorAll('[required]')].find((input) => !input.disabled && input.offsetParent !== null && !input.value.trim());
        if (!empty) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        const label = empty.closest('label')?.querySelector('span')?.textContent || empty.getAttribute('aria-label') || empty.id;
        const where = form.querySelector('.error');
        const field = () => empty.closest('label')?.querySelector('span')?.textContent || label;  // the label's words now
        if (where) show(where, () => staffSay('admin.required', { field: field() }));
        empty.focus();
    }, true);  // before the form's own handler
}
