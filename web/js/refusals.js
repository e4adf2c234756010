// Words for the server's refusals, from web/i18n/LANG.json through i18n.js (the native clients'
// client/refusal.cpp reads the same files): "refusal.CODE" in the citizen's language for what
// citizens can meet, "staffRefusal.CODE" in English for the rest (web/README.md).
import { LANGUAGES, say } from './i18n.js';

const en = LANGUAGES.en;

// A refusal ({code, message, opensAtMs}) in words. The server's own English sentence is kept
// where it says more: whose counter it is, which permission was refused, and when a closed centre
// opens (in English; `opensAt`, the time as the reader's clock says it, puts it in any language).
export function describe(refusal, language = 'en', opensAt = '') {
    const { code, message } = refusal;
    let serverKnowsMore = code === 'ERROR_CODE_COUNTER_NOT_YOURS' || code === 'ERROR_CODE_PERMISSION_DENIED';
    if (code === 'ERROR_CODE_CENTRE_CLOSED') {
        if (opensAt) return say(language, 'centreClosed', { time: opensAt });
        serverKnowsMore = language === 'en';
    }
    if (serverKnowsMore && message) return message;
    const table = LANGUAGES[language] ?? en;
    return table[`refusal.${code}`] ?? en[`refusal.${code}`] ?? en[`staffRefusal.${code}`]
        ?? (message || `The server refused: ${code}.`);
}
