// The staff pages' language (counter, dashboard, admin): each clerk or manager picks it on the
// page, it is kept in this browser, and it starts as the centre's first language. Texts are the
// `staff.*` keys of web/i18n/LANG.json (web/README.md), in all five languages like the
// citizens'. Static words in the HTML carry `data-staff="key"` (text) or
// `data-staff-placeholder="key"`; words made in code use `staffSay`.
import { LANGUAGES, say } from './i18n.js';

const STORED = 'novbe.staffLanguage';
const listeners = new Set();
let current = localStorage.getItem(STORED) ?? '';

export function staffLanguage() {
    return LANGUAGES[current] ? current : 'en';
}

// The staff sentence `key` in the chosen language, with its {placeholders} filled.
export function staffSay(key, values = {}) {
    return say(staffLanguage(), `staff.${key}`, values);
}

// Called after every change of language, so a page re-renders what it made in code.
export function onStaffLanguage(listener) {
    listeners.add(listener);
}

function translateStatic(root = document) {
    for (const e of root.querySelectorAll('[data-staff]')) e.textContent = staffSay(e.dataset.staff);
    for (const e of root.querySelectorAll('[data-staff-placeholder]')) e.placeholder = staffSay(e.dataset.staffPlaceholder);
    document.documentElement.lang = staffLanguage();
}

export function setStaffLanguage(code) {
    if (!LANGUAGES[code]) return;
    current = code;
    localStorage.setItem(STORED, code);
    translateStatic();
    for (const listener of listeners) listener(code);
}

// A <select> of the five languages, each in its own name, in `container`; the centre's first
// language (from the Welcome) is the default until someone picks one on this browser.
export function mountStaffLanguagePicker(container, centreLanguages = []) {
    const before = staffLanguage();
    if (!localStorage.getItem(STORED) && LANGUAGES[centreLanguages[0]]) current = centreLanguages[0];
    const select = document.createElement('select');
    select.id = 'staff-language';
    select.setAttribute('aria-label', 'Language');
    for (const [code, table] of Object.entries(LANGUAGES)) {
        select.append(Object.assign(document.createElement('option'), { value: code, textContent: table.languageName }));
    }
    select.value = staffLanguage();
    select.addEventListener('change', () => setStaffLanguage(select.value));
    container.append(select);
    translateStatic();
    // Words made in code before the centre was known (the hall message's, the voices') follow too.
    if (staffLanguage() !== before) for (const listener of listeners) listener(staffLanguage());
    return select;
}
