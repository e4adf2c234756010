// The page a ticket's QR code opens (/t/TOKEN), for the citizen's phone: that ticket alone, its
// place in line and estimated wait, the counter to go to once called, and after the service
// a 1-5 rating the server accepts once. In the ticket's language, switchable. When the ticket is
// called (or called again) the phone vibrates and, once sound is enabled by a touch, rings.
import { offlineBanner } from './banner.js';
import { aboutWait, LANGUAGES, nameIn, say } from './i18n.js';
import { Link } from './link.js';
import { describe } from './refusals.js';
import { ring, soundControl } from './ticket_alert.js';

const $ = (id) => document.getElementById(id);
const token = location.pathname.split('/').pop();
let status = null;
let language = null;
let chosenLanguage = null;
let askAgain = null;   // while called: the start of service reaches no view (see render)
let callHeard = false;  // a TicketCalled for this ticket arrived: ring once its status says so
const showSound = soundControl($('sound'), say);

function render(before = status) {
    if (!status) return;
    language = chosenLanguage ?? (LANGUAGES[status.language] ? status.language : 'en');
    document.documentElement.lang = language;
    const centre = link.welcome.centre;
    const state = status.state.replace('TICKET_STATE_', '').toLowerCase();
    $('centre').textContent = centre.name;
    $('caption').textContent = say(language, 'yourNumber');
    $('number').textContent = status.number;
    $('service').textContent = nameIn(centre.services.find((s) => s.id === status.serviceId)?.names, language, centre, status.serviceId);
    $('state').textContent = say(language, `state_${state}`);
    $('where').className = state === 'called' ? 'called' : state === 'waiting' && !status.openCounters ? 'closed' : '';
    const place = status.peopleAhead ? say(language, 'peopleAhead', { n: status.peopleAhead }) : say(language, 'youAreNext');
    const wait = status.openCounters ? ` · ${aboutWait(language, status)}` : `\n${say(language, 'noCounterOpen')}`;
    $('where').textContent = state === 'waiting' ? place + wait
        : (state === 'called' || state === 'serving') ? say(language, 'goToCounter', { counter: status.counter }) : '';
    $('turn').hidden = state !== 'called';
    $('turn').textContent = say(language, 'yourTurn');
    showSound(language);
    if (state !== 'waiting' && state !== 'called') $('sound').hidden = true;  // nothing left to ring for
    // A board's view, this page's too, is not told when service starts (docs/DOMAIN.md#boards):
    // while called, ask again now and then, so that "It is your turn!" gives way to "being served".
    clearTimeout(askAgain);
    if (state === 'called') askAgain = setTimeout(refresh, 4000);
    const called = state === 'called' && (callHeard || (before && before.state !== status.state));
    callHeard = false;
    if (called) ring();
    $('rating').hidden = !status.canRate;
    $('rate-question').textContent = say(language, 'rateQuestion');
    $('thanks').hidden = !status.rating;
    $('thanks').textContent = say(language, 'alreadyRated', { n: status.rating });
    $('leave').hidden = state !== 'waiting';
    $('leave').textContent = say(language, 'leave');
    $('book-link').textContent = say(language, 'bookLink');  // the next visit, booked ahead
    $('book-link').href = `/book?lang=${language}`;
    $('languages').replaceChildren(...centre.languages.filter((l) => LANGUAGES[l]).map((l) =>
        Object.assign(document.createElement('button'), { textContent: LANGUAGES[l].languageName, onclick: () => { chosenLanguage = l; render(); } })));
}

async function refresh() {
    try {
        const before = status;
        status = (await link.request('getTicketStatus', { ticketToken: token })).ticketStatus;
        render(before);
    } catch (refusal) {
        $('problem').hidden = false;
        $('problem').textContent = describe(refusal, language ?? 'en');
    }
}

$('rating').querySelector('.stars').append(...[1, 2, 3, 4, 5].map((score) =>
    Object.assign(document.createElement('button'), {
        textContent: String(score),
        onclick: async () => {
            try {
                status = (await link.request('rateService', { ticketToken: token, score })).ticketStatus;
                render();
                $('thanks').textContent = say(language, 'thanks');
            } catch (refusal) {
                $('problem').hidden = false;
                $('problem').textContent = describe(refusal, language ?? 'en');
            }
        },
    })));
$('leave').onclick = async () => {
    if (!confirm(say(language, 'confirmLeave'))) return;
    await link.request('cancelTicket', { number: status.number }).catch(() => {});
    refresh();
};

// Before the ticket has said its language: the phone's own, if the centre's pages have it.
const phoneLanguage = () => navigator.languages.map((l) => l.slice(0, 2).toLowerCase()).find((l) => LANGUAGES[l]) ?? 'en';
const banner = offlineBanner($('offline'), () => say(language ?? phoneLanguage(), 'offline'));

// A ticket the server does not know (a mistyped or guessed address) or of another day: said in
// the page itself, in place of the number, and not as a banner under a "…" that looked as if
// the ticket were still loading.
function refused(s) {
    const reader = language ?? phoneLanguage();
    document.documentElement.lang = reader;
    $('number').hidden = true;
    $('problem').hidden = false;
    $('problem').textContent = s.code === 'ERROR_CODE_TICKET_EXPIRED' ? describe({ code: s.code, message: s.reason }, reader) : say(reader, 'unknownTicket');
}

const link = new Link({ role: 'ROLE_TICKET_HOLDER', ticketToken: token, clientName: 'ticket page' }, {
    onStatus: (s) => (s.refused ? refused(s) : banner(s)),
});
link.start().then(() => {
    let pending = null;
    // Every change to the line may move this ticket: ask for its status again, at most once a second.
    link.subscribe({ view: 'VIEW_TICKET' }, (m) => {
        if (m.body === 'snapshot' && m.snapshot.ticket) {
            const before = status;
            status = m.snapshot.ticket;
            return render(before);
        }
        if (m.body === 'events' && m.events.events.some((e) => e.kind === 'ticketCalled' && e.ticketCalled.number === status?.number)) callHeard = true;
        pending ??= setTimeout(() => { pending = null; refresh(); }, 300);
    });
});
