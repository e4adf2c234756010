// The dashboard's line on forwarding to the central database (docs/CENTRAL.md#lag): not
// configured, up to date, so many events and seconds behind, unreachable since HH:MM, or
// stopped with the forwarder's words. Asked for every 2 s (GetForwarding) on a link of its own,
// signed in as the same manager once the dashboard has (like js/hall_message.js).
import { clock } from './clock.js';
import { Link } from './link.js';
import { onStaffLanguage, staffLanguage, staffSay } from './staff_language.js';

const container = document.getElementById('forwarding');
const signedIn = document.getElementById('board');
let credentials = null;
let link = null;
let centre = null;
let state = null;  // the last Forwarding received

const hhmm = (ms) => new Intl.DateTimeFormat(staffLanguage(), { timeZone: centre?.timeZone || undefined, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
const count = (n) => new Intl.NumberFormat(staffLanguage()).format(n);

function render() {
    if (!state) return;
    const events = Number(state.lagEvents);
    const values = { events: count(events), age: clock(Number(state.lagSeconds)) };
    let key = 'forwarding.notConfigured';
    if (state.stopped) key = 'forwarding.stopped';
    else if (Number(state.unreachableSinceMs)) key = 'forwarding.unreachable';
    else if (state.configured) key = events ? 'forwarding.behind' : 'forwarding.inStep';
    container.dataset.state = key.slice('forwarding.'.length);
    container.dataset.events = String(events);
    container.classList.toggle('over', key === 'forwarding.unreachable' || key === 'forwarding.stopped');
    container.textContent = staffSay(key, { ...values, time: Number(state.unreachableSinceMs) ? hhmm(Number(state.unreachableSinceMs)) : '', problem: state.problem });
}

async function poll() {
    try {
        state = (await link.request('getForwarding', {}, 5000)).forwarding;
        render();
    } catch { /* offline: the dashboard's banner says so */ }
}

function start() {
    if (link || !credentials || signedIn?.hidden) return;
    link = new Link({ role: 'ROLE_MANAGER', ...credentials, clientName: 'dashboard forwarding' }, { onWelcome: (w) => { centre = w.centre; render(); } });
    credentials = null;  // kept no longer than needed
    container.hidden = false;
    link.start().then(() => {
        poll();
        setInterval(poll, 2000);
    });
}

if (container) {
    container.hidden = true;
    document.getElementById('sign-in')?.addEventListener('submit', () => {
        credentials = { user: document.getElementById('user').value.trim(), secret: document.getElementById('secret').value };
    }, true);
    if (signedIn) new MutationObserver(start).observe(signedIn, { attributes: true, attributeFilter: ['hidden'] });
    onStaffLanguage(render);
}
