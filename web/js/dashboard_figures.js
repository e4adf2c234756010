// The day's figures on the dashboard: the cards of the whole centre's totals and one table per
// service, counter and clerk, from the server's Statistics, in the staff's language.
import { clock } from './clock.js';
import { staffSay } from './staff_language.js';

const FIELDS = ['issued', 'waiting', 'served', 'noShows', 'transferredOut', 'cancelled', 'averageWaitS', 'maxWaitS',
    'averageServiceS', 'withinTargetShare', 'averageRating'];

// Waits are measured at calls and service times at completions: with none yet there is no
// figure, and a 0% within target or a 0:00 wait would say something that did not happen.
const WAIT_FIELDS = ['averageWaitS', 'maxWaitS', 'withinTargetShare'];
const unmeasured = (f, field) => (WAIT_FIELDS.includes(field) && !f.called) || (field === 'averageServiceS' && !f.served);

const element = (tag, text, className = '') => Object.assign(document.createElement(tag), { textContent: String(text), className });

function shown(f, field) {
    const v = f[field];
    if (unmeasured(f, field)) return '—';
    if (field.endsWith('S')) return clock(v);
    if (field === 'withinTargetShare') return `${Math.round(v * 100)}%`;
    if (field === 'averageRating') return f.ratings ? `${v.toFixed(1)} (${f.ratings})` : '—';
    return v;
}

// table: a <table>; figures: [Figures]; name: key -> the row's name; skip: fields left out.
export function figuresTable(table, figures, name, skip = []) {
    const fields = FIELDS.filter((f) => !skip.includes(f));
    const head = document.createElement('tr');
    head.append(element('th', ''), ...fields.map((field) => element('th', staffSay(`dashboard.figure.${field}`), 'num')));
    const body = figures.map((f) => {
        const tr = document.createElement('tr');
        tr.dataset.key = f.key;
        tr.append(element('td', name(f.key)), ...fields.map((field) => {
            const td = element('td', shown(f, field), 'num');
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
