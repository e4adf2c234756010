// The texts of citizens and staff (web/i18n/LANG.json): every language says everything English
// says, with the same {placeholders}, and nothing English does not. The pages and the native
// kiosk and counter read these files; staff refusals ("staffRefusal.ERROR_CODE_X") too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const LANGUAGES = ['az', 'en', 'ru', 'rw', 'fr'];
const read = (code) => JSON.parse(readFileSync(new URL(`../../web/i18n/${code}.json`, import.meta.url), 'utf8'));
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const english = read('en');
const staffOnly = (key) => key.startsWith('staffRefusal.');

for (const code of LANGUAGES) {
    test(`${code} has every sentence, with the same placeholders`, () => {
        const table = read(code);
        const expected = Object.keys(english);
        assert.deepEqual(Object.keys(table).sort(), expected.sort());
        for (const [key, text] of Object.entries(english).filter(([key]) => expected.includes(key))) {
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

test('staff read their counter and refusals in their language, not in English', () => {
    for (const code of LANGUAGES.filter((c) => c !== 'en')) {
        const table = read(code);
        const same = Object.keys(english).filter((key) => (key.startsWith('staff.') || staffOnly(key)) && table[key] === english[key]);
        // "{n} min", "Service", "Ticket", "Pause", "Centre(s)", "{n} s" and "{h} h {m} min" are French as well
        // as English, and so is "Date"; nothing else may stay English.
        const french = ['staff.counter.minutes', 'staff.counter.service', 'staff.counter.pause', 'staff.dashboard.column.ticket', 'staff.dashboard.column.service',
            'staff.central.centres', 'staff.central.centre', 'staff.central.seconds', 'staff.central.hours', 'staff.audit.column.ticket', 'staff.remote.pause',
            'staff.bookings.service', 'staff.admin.hours.date', 'staff.central.by.service', 'staff.central.by.centre'];
        assert.deepEqual(same.filter((key) => !(code === 'fr' && french.includes(key))), [], code);
    }
});

test('a refusal is either for citizens or for staff, never both', () => {
    const keys = Object.keys(english);
    const code = (key) => key.slice(key.indexOf('.') + 1);
    const citizens = keys.filter((key) => key.startsWith('refusal.')).map(code);
    const staff = keys.filter(staffOnly).map(code);
    assert.ok(citizens.includes('ERROR_CODE_CENTRE_CLOSED'), 'a kiosk shows CENTRE_CLOSED');
    assert.ok(staff.includes('ERROR_CODE_COUNTER_BUSY'), 'a clerk reads COUNTER_BUSY');
    assert.deepEqual(citizens.filter((c) => staff.includes(c)), []);
});
