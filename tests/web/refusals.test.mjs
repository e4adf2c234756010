// The pages' words for refusals (web/js/refusals.js), read through i18n.js from web/i18n/LANG.json:
// a citizen reads them in their language, staff in theirs, and the server's sentence stays where
// it says more. Node alone: the JSON files are handed to i18n.js's fetch from disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

globalThis.fetch = async (url) => ({ ok: true, json: async () => JSON.parse(readFileSync(url, 'utf8')) });
const { describe } = await import('../../web/js/refusals.js');

test('a citizen reads a refusal in their language', () => {
    assert.equal(describe({ code: 'ERROR_CODE_ALREADY_RATED', message: 'x' }, 'fr'), 'Ce service a déjà été noté.');
    assert.equal(describe({ code: 'ERROR_CODE_UNKNOWN_SERVICE' }, 'az'), 'Bu mərkəzdə belə xidmət yoxdur.');
    assert.equal(describe({ code: 'ERROR_CODE_INVALID_RATING' }, 'xx'), 'A rating is a whole number from 1 to 5.');
});

test('staff read their own language, from the same file as the native counter', () => {
    assert.equal(describe({ code: 'ERROR_CODE_COUNTER_BUSY', message: 'The server says it otherwise.' }),
        'A ticket is still at this counter: finish it first (done, no-show or transfer).');
    assert.equal(describe({ code: 'ERROR_CODE_COUNTER_PAUSED' }, 'ru'), 'В этом окне перерыв: сначала продолжите работу.');
    assert.equal(describe({ code: 'ERROR_CODE_COUNTER_PAUSED' }, 'xx'), 'This counter is paused: resume it first.');
    assert.match(describe({ code: 'ERROR_CODE_UNAUTHENTICATED', message: '' }), /^Not signed in/);
});

test("the server's sentence stays where it says more", () => {
    const mine = "Counter 1 is anna's until it is closed; a manager can take it over.";
    assert.equal(describe({ code: 'ERROR_CODE_COUNTER_NOT_YOURS', message: mine }), mine);
    assert.equal(describe({ code: 'ERROR_CODE_COUNTER_NOT_YOURS', message: '' }),
        'This counter belongs to another clerk: a manager can take it over.');
    assert.equal(describe({ code: 'ERROR_CODE_PERMISSION_DENIED', message: 'A clerk may not close the day.' }),
        'A clerk may not close the day.');
    const badKey = 'An idempotency key has at most 128 bytes.';
    assert.equal(describe({ code: 'ERROR_CODE_INVALID_ARGUMENT', message: badKey }), badKey);
    assert.equal(describe({ code: 'ERROR_CODE_SOMETHING_NEW', message: 'Something new.' }), 'Something new.');
    assert.equal(describe({ code: 'ERROR_CODE_COUNTER_NOT_YOURS', message: mine }, 'fr'),
        `Ce guichet appartient à un autre agent : un responsable peut le reprendre. (${mine})`);
});

test('a closed centre says when it opens, in any language when the time is known', () => {
    const closed = { code: 'ERROR_CODE_CENTRE_CLOSED', message: 'The centre is closed; it opens again at 08:00.' };
    assert.equal(describe(closed, 'rw', '07.12.2026 08:00'), 'Ikigo kirafunze. Kizongera gufungura: 07.12.2026 08:00.', 'no "saa" (o\'clock) before a date');
    assert.equal(describe(closed, 'en'), closed.message);
    assert.equal(describe(closed, 'ru'), 'Центр закрыт: талоны сейчас не выдаются.');
});
