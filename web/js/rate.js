// The counter-top rating pad (/rate?token=DEVICE): the citizen just served rates the service
// 1-5, once; the server knows which counter the pad belongs to. The pad's token is kept in
// this browser after the first visit.
import { offlineBanner } from './banner.js';
import { LANGUAGES, say } from './i18n.js';
import { Link } from './link.js';

const params = new URLSearchParams(location.search);
if (params.get('token')) localStorage.setItem('novbe.rateToken', params.get('token'));
const token = localStorage.getItem('novbe.rateToken');
const $ = (id) => document.getElementById(id);
let language = params.get('lang') ?? 'az';
let reset = null;

function render() {
    document.documentElement.lang = language;
    const w = link.welcome;
    $('counter-name').textContent = w ? `${w.centre.name} · ${say(language, 'counter')} ${w.counter}` : '';
    $('question').textContent = say(language, 'rateHere');
    $('languages').replaceChildren(...(w?.centre.languages ?? Object.keys(LANGUAGES)).filter((l) => LANGUAGES[l]).map((l) =>
        Object.assign(document.createElement('button'), { textContent: LANGUAGES[l].languageName, onclick: () => { language = l; render(); } })));
}

async function rate(score) {
    clearTimeout(reset);
    try {
        await link.request('rateAtCounter', { counter: link.welcome.counter, score });
        $('answer').textContent = say(language, 'thanks');
    } catch (refusal) {
        $('answer').textContent = refusal.code === 'ERROR_CODE_UNAVAILABLE' ? say(language, 'offline')
            : refusal.code === 'ERROR_CODE_ALREADY_RATED' ? say(language, 'thanks') : say(language, 'nothingToRate');
    }
    reset = setTimeout(() => { $('answer').textContent = ''; }, 5000);
}

$('stars').append(...[1, 2, 3, 4, 5].map((score) => Object.assign(document.createElement('button'), { textContent: String(score), onclick: () => rate(score) })));
const link = new Link({ role: 'ROLE_RATING_DEVICE', deviceToken: token ?? '', clientName: 'rating pad' }, {
    onStatus: offlineBanner($('offline'), (s) => (s.refused ? say('en', 'badDevice') : say(language, 'offline'))),
    onWelcome: render,
});
if (!token) $('answer').textContent = say('en', 'noDevice');
else link.start();
render();
