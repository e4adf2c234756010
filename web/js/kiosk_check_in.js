// The kiosk's check-in (docs/DOMAIN.md#check-in): the booking's code in a field that a QR
// scanner types into like a keyboard (ending with Enter), or typed on the on-screen keys; then
// the appointment ticket, shown and printed as a walk-in ticket is, or the refusal in the
// citizen's language: too early says when to come back, a lapsed booking offers a walk-in
// ticket for the same service, an unknown code lets the citizen try again.
import { say } from './i18n.js';
import { opening } from './kiosk_words.js';
import { describe } from './refusals.js';

const KEYS = ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL-', 'ZXCVBNM/'];
const MAX_CODE = 64;  // the server's bound (CheckIn.code)

// A scanned QR code may be the booking's address rather than its bare token: its last 32 hex
// digits are the token.
export function codeOf(text) {
    const t = text.trim();
    const token = /(?:^|[^0-9a-fA-F])([0-9a-fA-F]{32})\/?$/.exec(t);
    return token && t.length > 32 ? token[1] : t.slice(0, MAX_CODE);
}

// kiosk: { language(), screen(title, parts, back), button(label, onClick, hint), link, centre(),
//          show(ticket, service, priority), walkIn(service), start(), restartIdle(ms), outOfService() }
export function checkIn(kiosk, typed = '') {
    const lang = kiosk.language();
    const field = Object.assign(document.createElement('input'), {
        id: 'booking-code', type: 'text', maxLength: 200, autocomplete: 'off', spellcheck: false,
        inputMode: 'none',  // the on-screen keys below, not the system's keyboard
    });
    field.setAttribute('aria-label', say(lang, 'checkInCode'));
    const submit = () => { if (field.value.trim()) send(kiosk, codeOf(field.value)); };
    field.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); submit(); } });
    const type = (ch) => { if (field.value.length < MAX_CODE) field.value += ch; field.focus(); };
    const keypad = Object.assign(document.createElement('div'), { className: 'keypad' });
    for (const row of KEYS) {
        const r = Object.assign(document.createElement('div'), { className: 'keys' });
        r.append(...[...row].map((ch) => Object.assign(kiosk.button(ch, () => type(ch)), { className: 'key' })));
        keypad.append(r);
    }
    const actions = Object.assign(document.createElement('div'), { className: 'keys' });
    actions.append(
        Object.assign(kiosk.button(say(lang, 'keyDelete'), () => { field.value = field.value.slice(0, -1); field.focus(); }), { className: 'key wide quiet' }),
        Object.assign(kiosk.button(say(lang, 'keyClear'), () => { field.value = ''; field.focus(); }), { className: 'key wide quiet' }),
        Object.assign(kiosk.button(say(lang, 'checkIn'), submit), { className: 'key wide go', id: 'check-in' }));
    keypad.append(actions);
    const label = Object.assign(document.createElement('label'), { className: 'code', textContent: say(lang, 'checkInCode') });
    label.append(field);
    kiosk.screen(say(lang, 'checkInTitle'), [label, keypad], kiosk.start);
    field.value = typed;
    field.focus();
}

async function send(kiosk, code) {
    const lang = kiosk.language();
    kiosk.screen(say(lang, 'oneMoment'), []);
    try {
        const reply = await kiosk.link.request('checkIn', { code, language: lang }, 10000);
        const t = reply.issuedTicket;
        const service = kiosk.centre().services.find((s) => s.id === t.serviceId) ?? { id: t.serviceId, names: {} };
        kiosk.show(t, service, t.priority);
    } catch (refusal) {
        refused(kiosk, refusal);
    }
}

function refused(kiosk, refusal) {
    const lang = kiosk.language();
    switch (refusal.code) {
    case 'ERROR_CODE_UNAVAILABLE': return kiosk.outOfService();
    case 'ERROR_CODE_BOOKING_TOO_EARLY':
        kiosk.screen(say(lang, 'checkInTooEarly', { time: opening(refusal.checkInFromMs, kiosk.centre()) }), [], kiosk.start);
        return kiosk.restartIdle(15000);
    case 'ERROR_CODE_BOOKING_LAPSED': {
        const service = kiosk.centre().services.find((s) => s.id === refusal.serviceId);
        const parts = service ? [Object.assign(kiosk.button(say(lang, 'takeWalkIn'), () => kiosk.walkIn(service)), { id: 'walk-in', className: 'next' })] : [];
        kiosk.screen(say(lang, 'checkInLapsed'), parts, kiosk.start);
        return kiosk.restartIdle(20000);
    }
    default: {  // unknown, used or cancelled, a code too long, the centre closed: try again, or go back
        const opens = refusal.code === 'ERROR_CODE_CENTRE_CLOSED' ? opening(refusal.opensAtMs, kiosk.centre()) : '';
        kiosk.screen(describe(refusal, lang, opens), [Object.assign(kiosk.button(say(lang, 'checkInTitle'), () => checkIn(kiosk)), { id: 'try-again', className: 'next' })],
            kiosk.start);
        return kiosk.restartIdle(15000);
    }
    }
}
