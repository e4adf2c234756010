// The dashboard's sign-in: one attempt at a time, each on a link of its own. An attempt that is
// refused or cannot reach the server closes its link and says why in the form; only the link
// that signed in may show the offline banner. (Earlier attempts' late statuses once left
// "Not signed in" or "Offline: . Reconnecting…" over a working dashboard.)
import { offlineBanner } from './banner.js';
import { centreTime } from './clock.js';
import { Link, Refusal } from './link.js';
import { describe } from './refusals.js';
import { onStaffLanguage, staffLanguage, staffSay } from './staff_language.js';

const $ = (id) => document.getElementById(id);
const ATTEMPT_MS = 15000;

// The sign-in form's words for a refusal: for a signed-in user of another role, whom the page is
// for (`forWhom`, a staff key) and the server's own words (they name the role); the staff's
// language for the others.
export function signInWords(refusal, forWhom = 'dashboard.forManagers') {
    switch (refusal.code) {
    case 'ERROR_CODE_PERMISSION_DENIED': {
        // The server's English in brackets after the reader's own words (web/README.md).
        const server = staffLanguage() === 'en' ? refusal.message : `(${refusal.message})`;
        return `${staffSay(forWhom)} ${server}`;
    }
    case 'ERROR_CODE_UNAUTHENTICATED': return staffSay('dashboard.unknownUser');
    case 'ERROR_CODE_RATE_LIMITED': return staffSay('dashboard.rateLimited');
    case 'ERROR_CODE_UNAVAILABLE': return staffSay('dashboard.unreachable');
    default: return describe(refusal);
    }
}

// Resolves with a link the server has welcomed as this manager; rejects with a Refusal, its link closed.
async function attempt(hello) {
    let follow = () => {};
    let timer = null;
    const link = new Link(hello, { onStatus: (s) => follow(s) });
    const welcomed = new Promise((resolve, reject) => {
        timer = setTimeout(() => reject(new Refusal('ERROR_CODE_UNAVAILABLE', 'no answer')), ATTEMPT_MS);
        follow = (s) => {
            if (s.state === 'online') resolve();
            else if (s.refused) reject(new Refusal(s.code, s.reason));
            else if (s.state === 'offline') reject(new Refusal(link.helloRefusal?.code ?? 'ERROR_CODE_UNAVAILABLE', s.reason));
            else return;
            clearTimeout(timer);
        };
    });
    try {
        await link.start();
        await welcomed;
    } catch (e) {
        clearTimeout(timer);
        welcomed.catch(() => {});  // when start() failed first, the welcome's own refusal is not news
        follow = () => {};
        link.close();
        throw e instanceof Refusal ? e : new Refusal('ERROR_CODE_UNAVAILABLE', String(e.message ?? e));
    }
    const banner = offlineBanner($('offline'), (s) => (s.refused ? staffSay('dashboard.signedOut')
        : staffSay('dashboard.offline', { time: centreTime(s.since, link.welcome.centre.timeZone) })));
    // Signed out by an admin (disabled, a new secret, another role: docs/SETUP.md): said at once,
    // and the page's controls go, rather than "Reconnecting…" over controls that would be refused.
    follow = (s) => {
        if (!s.signedOut && !s.refused) return banner(s);
        link.close();
        $('board').hidden = true;
        banner({ ...s, refused: true });
    };
    follow(link.status);
    return link;
}

// Wires the form: on success, onSignedIn(link) once; the form then hides. `roles` are tried in
// order, the next only when the server says the user is not the one before (the admin page signs
// an admin in as admin and a manager as manager, read-only). `forWhom` says whom the page is for
// to a user of another role, and `elsewhere` ({ path, key }) links them to their own page.
export function signInForm(onSignedIn, { roles = ['ROLE_MANAGER'], clientName = 'dashboard', forWhom, elsewhere } = {}) {
    let busy = false;
    let refused = null;  // the last attempt's refusal, said again in a newly picked language
    const say = (refusal) => {
        $('sign-in-error').textContent = signInWords(refusal, forWhom);
        if (refusal.code !== 'ERROR_CODE_PERMISSION_DENIED' || !elsewhere) return;
        const address = new URL(elsewhere.path, location.href).href;
        const link = Object.assign(document.createElement('a'), { id: 'sign-in-elsewhere', href: address, textContent: address });
        $('sign-in-error').append(' ', staffSay(elsewhere.key), ' ', link);
    };
    onStaffLanguage(() => { if (refused) say(refused); });
    $('sign-in').addEventListener('submit', async (event) => {
        event.preventDefault();
        if (busy) return;
        busy = true;
        refused = null;
        $('sign-in-error').textContent = '';
        $('sign-in-button').disabled = true;
        try {
            const hello = { user: $('user').value.trim(), secret: $('secret').value, clientName };
            let link = null;
            for (const [i, role] of roles.entries()) {
                try {
                    link = await attempt({ ...hello, role });
                    break;
                } catch (refusal) {
                    if (refusal.code !== 'ERROR_CODE_PERMISSION_DENIED' || i === roles.length - 1) throw refusal;
                }
            }
            $('sign-in').hidden = true;
            onSignedIn(link);
        } catch (refusal) {
            refused = refusal;
            say(refusal);
        } finally {
            busy = false;
            $('sign-in-button').disabled = false;
        }
    });
    // Disabled in the HTML until here: a click before the words and this handler were in place was
    // a plain form submit that reloaded the page and lost what was typed.
    $('sign-in-button').disabled = false;
}
