// The day's figures on the dashboard: the cards of the whole centre's totals and one table per
// service, counter and clerk, from the server's Statistics, in the staff's language.
import { clock } from './clock.js';
import { staffSay } from './staff_language.js';

const FIELDS = ['issued', 'waiting', 'served', 'noShows', 'transferredOut', 'cancelled', 'averageWaitS', 'maxWaitS',
    'averageServiceS', 'withinTargetShare', 'averageRating'];
// The clerks' figures (docs/DOMAIN.md#clerks-figures), for counters and clerks: a table of
// their own, since beside the others no language's headings would fit a 1366-pixel screen.
const CLERK_FIELDS = ['averageWalkS', 'idleWaitingS', 'pausedS', 'pauses'];

// Waits are measured at calls and service times at completions: with none yet there is no
// figure, and a 0% within target or a 0:00 wait would say something that did not happen.
const WAIT_FIELDS = ['averageWaitS', 'maxWaitS', 'withinTargetShare'];
const unmeasured = (f, field) => (WAIT_FIELDS.includes(field) && !f.called) || (field === 'averageServiceS' && !f.served)
    || (field === 'averageWalkS' && !f.called);

// Seconds paused today, all reasons together.
export const pausedSeconds = (f) => (f.pauses ?? []).reduce((sum, p) => sum + Number(p.seconds), 0);
// "lunch 30:00 · bank 5:10": each reason the clerk gave with its time, longest first.
export const pausesText = (f) => [...(f.pauses ?? [])].sort((a, b) => Number(b.seconds) - Number(a.seconds))
    .map((p) => `${p.reason} ${clock(Number(p.seconds))}`).join(' · ');

const element = (tag, text, className = '') => Object.assign(document.createElement(tag), { textContent: String(text), className });

function shown(f, field) {
    if (field === 'pausedS') return f.pauses?.length ? clock(pausedSeconds(f)) : '—';
    if (field === 'pauses') return pausesText(f) || '—';
    const v = f[field];
    if (unmeasured(f, field)) return '—';
    if (field.endsWith('S')) return clock(Number(v));
    if (field === 'withinTargetShare') return `${Math.round(v * 100)}%`;
    if (field === 'averageRating') return f.ratings ? `${v.toFixed(1)} (${f.ratings})` : '—';
    return v;
}

// table: a <table>; figures: [Figures]; name: key -> the row's name; skip: fields left out.
export function figuresTable(table, figures, name, skip = []) {
    fill(table, figures, name, FIELDS.filter((f) => !skip.includes(f)));
}

// The walk, idle and pause figures of counters or clerks.
export function timeTable(table, figures, name) {
    fill(table, figures, name, CLERK_FIELDS);
}

function fill(table, figures, name, fields) {
    const head = document.createElement('tr');
    const kind = (field) => (field === 'pauses' ? 'reasons' : 'num');
    head.append(element('th', ''), ...fields.map((field) => element('th', staffSay(`dashboard.figure.${field}`), kind(field))));
    const body = figures.map((f) => {
        const tr = document.createElement('tr');
        tr.dataset.key = f.key;
        tr.append(element('td', name(f.key)), ...fields.map((field) => {
            const td = element('td', shown(f, field), kind(field));
            td.dataset.field = field;
            return td;
        }));
        return tr;
    });
    const thead = document.createElement('thead');
    const tbody = document.createElement('tbody');
    thead.append(head);
    tbody.append(...body);
    table.replaceChildren(thead, tbody);
}

// The centre's totals: issued, waiting now, served, no-shows, and the share called within target.
export function totalCards(container, statistics) {
    const total = (field) => statistics.byService.reduce((sum, f) => sum + f[field], 0);
    const calls = total('called');
    const within = calls ? statistics.byService.reduce((sum, f) => sum + f.withinTargetShare * f.called, 0) / calls : 0;
    const cards = [['issued', total('issued')], ['waiting', total('waiting')], ['served', total('served')],
        ['noShows', total('noShows')], ['within', calls ? `${Math.round(within * 100)}%` : '—']];
    container.replaceChildren(...cards.map(([field, value]) => {
        const d = element('div', '', 'card');
        d.dataset.field = field;
        d.append(element('b', value), staffSay(`dashboard.card.${field}`));
        return d;
    }));
}
