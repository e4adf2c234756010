// What the kiosk says beyond one sentence: the start and out-of-service screens in every
// language of the centre, a service button's line, the ticket's wait, and opening times.
import { aboutWait, say } from './i18n.js';

// One line per language, each marked with its language (fonts, screen readers).
export function inEveryLanguage(languages, key) {
    const all = document.createElement('span');
    all.className = 'every-language';
    all.append(...languages.map((l) => Object.assign(document.createElement('span'), { lang: l, textContent: say(l, key) })));
    return all;
}

// Under a service's name: how many wait and about how long, or that no counter serves it now.
export function lineHint(line, language) {
    if (!line) return ' ';
    if (!line.openCounters) return `${say(language, 'waitingCount', { n: line.waiting })} · ${say(language, 'noCounterShort')}`;
    if (!line.waiting) return say(language, 'waitingCount', { n: 0 });
    return `${say(language, 'waitingCount', { n: line.waiting })} · ${aboutWait(language, line)}`;
}

// The ticket's estimate, or that no counter is open for its service now: never a made-up number.
export function waitWords(t, language) {
    if (!t.openCounters) return say(language, 'noCounterOpen');
    return `${say(language, 'estimatedWait')}: ${aboutWait(language, t)}`;
}

// When the centre opens again, in its own time zone: "08:00", with the date when not today.
export function opening(ms, centre) {
    const zone = centre?.timeZone || undefined;
    const at = new Date(ms);
    const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    const day = { year: 'numeric', month: '2-digit', day: '2-digit' };
    try {
        const sameDay = at.toLocaleDateString('en-GB', { ...day, timeZone: zone }) === new Date().toLocaleDateString('en-GB', { ...day, timeZone: zone });
        return at.toLocaleString('en-GB', { ...(sameDay ? {} : day), ...time, timeZone: zone });
    } catch {
        return at.toLocaleTimeString('en-GB', time);  // a zone this browser does not know
    }
}
