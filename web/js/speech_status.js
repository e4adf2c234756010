// The dashboard's word on how the boards speak each of the centre's languages: by the browser's
// voice (as this browser has them: the boards run the same Chromium), by the server's speech
// (espeak-ng, GET /speech/languages), or not at all. Mounts itself into #speech-status once the
// dashboard has signed in (its main is shown).
import { howSpoken, loadServerSpeech } from './announce.js';
import { LANGUAGES } from './i18n.js';
import { onStaffLanguage, staffSay } from './staff_language.js';

const container = document.getElementById('speech-status');
const signedIn = document.getElementById('board');
let languages = [];
const KEYS = { browser: 'speechBrowser', server: 'speechServer', silent: 'speechSilent' };

function render() {
    const title = Object.assign(document.createElement('h2'), { textContent: staffSay('speech') });
    const list = document.createElement('ul');
    list.id = 'speech-languages';
    for (const code of languages) {
        const how = howSpoken(code);
        const li = Object.assign(document.createElement('li'), { textContent: staffSay(KEYS[how], { language: LANGUAGES[code]?.languageName ?? code }) });
        li.dataset.language = code;
        li.dataset.how = how;
        if (how === 'silent') li.className = 'error';
        list.append(li);
    }
    container.replaceChildren(title, list);
}

async function start() {
    if (signedIn?.hidden || languages.length) return;
    languages = Object.keys(await loadServerSpeech());  // the centre's languages, each with the server's voice or none
    container.hidden = false;
    render();
}

if (container) {
    container.hidden = true;
    if (signedIn) new MutationObserver(start).observe(signedIn, { attributes: true, attributeFilter: ['hidden'] });
    if ('speechSynthesis' in window) speechSynthesis.addEventListener?.('voiceschanged', () => { if (languages.length) render(); });
    onStaffLanguage(() => { if (languages.length) render(); });
}
