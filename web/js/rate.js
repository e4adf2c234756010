// The counter-top rating pad (/rate?token=DEVICE): the citizen just served rates the service
// 1-5, once, asked in their own language (the ticket's); the server knows which counter the
// pad belongs to. The pad looks every two seconds for the ticket its counter served last, and
// shows the stars only while that ticket can be rated. Its token is kept in this browser.
import { offlineBanner } from './banner.js';
import { LANGUAGES, say } from './i18n.js';
import { Link } from './link.js';

const params = new URLSearchParams(location.search);
if (params.get('token')) localStorage.setItem('novbe.rateToken', params.get('token'));
const token = localStorage.getItem('novbe.rateToken');
const $ = (id) => document.getElementById(id);
let language = params.get('lang') ?? null;  // null: the citizen's, or the centre's first
let last = null;                            // TicketStatus of the counter's last served ticket
let thanked = null;                         // the number just rated here: thanks stay a moment

function lang() {
    if (language) return language;
    if (last && LANGUAGES[last.language]) return last.language;
    return link.welcome?.centre.languages[0] ?? 'en';
}

function render() {
    const l = lang();
    document.documentElement.lang = l;
    const w = link.welcome;
    $('counter-name').textContent = w ? `${w.centre.name} · ${say(l, 'counter')} ${w.counter}` : '';
    const open = Boolean(last?.canRate);
    $('question').textContent = open ? say(l, 'rateHere') : '';
    $('stars').hidden = !open;
    if (!open && thanked !== last?.number) $('answer').textContent = last?.rating ? say(l, 'thanks') : say(l, 'nothingToRate');
    $('languages').replaceChildren(...(w?.centre.languages ?? Object.keys(LANGUAGES)).filter((x) => LANGUAGES[x]).map((x) =>
        Object.assign(document.createElement('button'), { textContent: LANGUAGES[x].languageName, onclick: () => { language = x; render(); } })));
}

async function look() {
    try {
        const status = (await link.request('getLastServed', { counter: link.welcome.counter })).ticketStatus;
        if (status.number !== last?.number) { language = params.get('lang'); thanked = null; $('answer').textContent = ''; }
        last = status;
    } catch (refusal) {
        if (refusal.code === 'ERROR_CODE_UNKNOWN_TICKET') last = null;  // nobody served here yet today
    }
    render();
}

async function rate(score) {
    try {
        last = (await link.request('rateAtCounter', { counter: link.welcome.counter, score })).ticketStatus;
        thanked = last.number;
        $('answer').textContent = say(lang(), 'thanks');
    } catch (refusal) {
        $('answer').textContent = refusal.code === 'ERROR_CODE_UNAVAILABLE' ? say(lang(), 'offline') : say(lang(), 'nothingToRate');
    }
    render();
}

$('stars').append(...[1, 2, 3, 4, 5].map((score) => Object.assign(document.createElement('button'), { textContent: String(score), onclick: () => rate(score) })));
const link = new Link({ role: 'ROLE_RATING_DEVICE', deviceToken: token ?? '', clientName: 'rating pad' }, {
    onStatus: offlineBanner($('offline'), (s) => (s.refused ? say('en', 'badDevice') : say(lang(), 'offline'))),
    onWelcome: () => { look(); },
});
if (!token) $('answer').textContent = say('en', 'noDevice');
else {
    link.start();
    setInterval(() => link.welcome && look(), 2000);
}
render();
