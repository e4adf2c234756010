// The citizens' texts (web/i18n/LANG.json): every language says everything English says, with the
// same {placeholders}, and nothing English does not. The pages and the native kiosk read these files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const LANGUAGES = ['az', 'en', 'ru', 'rw', 'fr'];
const read = (code) => JSON.parse(readFileSync(new URL(`../../web/i18n/${code}.json`, import.meta.url), 'utf8'));
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const english = read('en');

for (const code of LANGUAGES) {
    test(`${code} has every sentence, with the same placeholders`, () => {
        const table = read(code);
        assert.deepEqual(Object.keys(table).sort(), Object.keys(english).sort());
        for (const [key, text] of Object.entries(english)) {
            assert.equal(typeof table[key], 'string', key);
            assert.notEqual(table[key].trim(), '', key);
            assert.deepEqual(placeholders(table[key]), placeholders(text), `${code}.${key}: ${table[key]}`);
        }
    });
}

test('the languages are five distinct ones, each naming itself', () => {
    const names = LANGUAGES.map((code) => read(code).languageName);
    assert.equal(new Set(names).size, LANGUAGES.length);
});
