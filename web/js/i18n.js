// The citizens' languages: one file per language under /i18n, the same keys in each.
import az from '../i18n/az.js';
import en from '../i18n/en.js';
import fr from '../i18n/fr.js';
import ru from '../i18n/ru.js';
import rw from '../i18n/rw.js';

export const LANGUAGES = { az, en, ru, rw, fr };

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
