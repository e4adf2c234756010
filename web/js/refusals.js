// Words for the server's refusals, from web/i18n/LANG.json through i18n.js (the native clients'
// client/refusal.cpp reads the same files): "refusal.CODE" for what citizens can meet,
// "staffRefusal.CODE" for the rest, in the reader's language: the citizen's, or the staff page's
// (js/staff_language.js) (web/README.md).
import { LANGUAGES, say } from './i18n.js';

const en = LANGUAGES.en;

// The codes whose server sentence says more than the generic words: whose counter it is, what
// was refused, which value was wrong, whose prefix it is, which protocol version the server speaks,
// how many bookings stand in the way and which date is out of range.
const DETAILED = new Set(['ERROR_CODE_COUNTER_NOT_YOURS', 'ERROR_CODE_PERMISSION_DENIED', 'ERROR_CODE_INVALID_ARGUMENT',
    'ERROR_CODE_UNSUPPORTED_VERSION', 'ERROR_CODE_PREFIX_TAKEN', 'ERROR_CODE_DAY_HAS_BOOKINGS', 'ERROR_CODE_SERVICE_HAS_BOOKINGS',
    'ERROR_CODE_DATE_OUT_OF_RANGE']);

// A refusal ({code, message, opensAtMs}) in words; the server's own English sentence for the
// DETAILED codes (after the reader's own words, in brackets, in another language) and, in
// English, for a closed centre (it says when it opens; `opensAt`, the time as the reader's clock
// says it, puts that into any language).
export function describe(refusal, language = 'en', opensAt = '') {
    const { code, message } = refusal;
    let serverKnowsMore = DETAILED.has(code);
    if (code === 'ERROR_CODE_CENTRE_CLOSED') {
        if (opensAt) return say(language, 'centreClosed', { time: opensAt });
        serverKnowsMore = language === 'en';
    }
    const table = LANGUAGES[language] ?? en;
    const own = table[`refusal.${code}`] ?? table[`staffRefusal.${code}`];
    if (serverKnowsMore && message) return own && table !== en ? `${own} (${message})` : message;
    return own ?? en[`refusal.${code}`] ?? en[`staffRefusal.${code}`] ?? (message || `The server refused: ${code}.`);
}
