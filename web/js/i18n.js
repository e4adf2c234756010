// The citizens' languages: web/i18n/LANG.json, one file per language with the same keys. The
// native kiosk (kiosk/CMakeLists.txt) builds its texts from the same files.
const CODES = ['az', 'en', 'ru', 'rw', 'fr'];
const tables = await Promise.all(CODES.map(async (code) => {
    const response = await fetch(new URL(`../i18n/${code}.json`, import.meta.url));
    if (!response.ok) throw new Error(`the ${code} texts did not load: ${response.status}`);
    return [code, await response.json()];
}));

export const LANGUAGES = Object.fromEntries(tables);
const en = LANGUAGES.en;

// A sentence in a language with its {placeholders} filled; English where the language has none.
export function say(language, key, values = {}) {
    const table = LANGUAGES[language] ?? en;
    const text = table[key] ?? en[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

// A name from a names map (language -> name): the language's, else the centre's first, else any.
export function nameIn(names, language, centre, fallback = '') {
    return names?.[language] ?? names?.[centre?.languages?.[0]] ?? Object.values(names ?? {})[0] ?? fallback;
}

export function minutes(seconds) {
    return Math.max(1, Math.ceil(seconds / 60));
}

// An estimate's range in whole minutes, { low, high }, from a ticket's or a line's
// estimatedLowS/estimatedHighS (docs/DOMAIN.md#estimates); null when a server sends none.
export function waitRange(o) {
    const low = Math.floor(Number(o?.estimatedLowS ?? 0) / 60), high = Math.ceil(Number(o?.estimatedHighS ?? 0) / 60);
    return high > low ? { low, high } : null;
}

// "about 15–25 min", or "about 20 min" from the middle figure alone.
export function aboutWait(language, o) {
    const range = waitRange(o);
    return range ? say(language, 'aboutRange', range) : say(language, 'about', { n: minutes(o.estimatedWaitS) });
}
