// The dashboard's alerts before a breach (docs/DOMAIN.md#alerts-before-a-breach): one line per
// service whose first ticket is predicted to wait past its target or maximum within the
// horizon, with the engine's advice (which closed or paused counters serving it could open, and
// how many of them would clear it), at the top of the page where a manager looks first. The
// alerts come in the statistics (a snapshot's, each refresh's) and live as alertChanged events.
import { staffSay } from './staff_language.js';

const alerts = new Map();  // service id -> LineAlert

// All alerts as the figures say now (a snapshot's or a refresh's statistics).
export function setAlerts(list) {
    alerts.clear();
    for (const a of list ?? []) alerts.set(a.serviceId, a);
}

// An alertChanged event: raised, changed, or ended (level unspecified).
export function alertChanged(a) {
    if (!a.level || a.level === 'ALERT_LEVEL_UNSPECIFIED') alerts.delete(a.serviceId);
    else alerts.set(a.serviceId, a);
}

function counterList(numbers) {
    return numbers.map((n) => staffSay('dashboard.counterNumber', { number: n })).join(', ');
}

function advice(a) {
    const open = (a.couldOpen ?? []).map(Number);
    if (!open.length) return staffSay('dashboard.alert.noneToOpen');
    const needed = Number(a.countersNeeded ?? 0);
    if (!needed) return staffSay('dashboard.alert.notEnough', { counters: counterList(open) });
    return staffSay(needed === 1 ? 'dashboard.alert.openOne' : 'dashboard.alert.openSome',
        { counters: counterList(open.slice(0, needed)), n: needed });
}

// Renders the alerts into `section` (hidden when none); `serviceName` and `hhmm` say a service
// and a time of day as the rest of the page does; `limits(id)` gives {target, maximum} minutes.
export function renderAlerts(section, { serviceName, hhmm, limits, order }) {
    section.hidden = alerts.size === 0;
    const list = order.filter((id) => alerts.has(id)).map((id) => alerts.get(id));
    const now = Date.now();
    section.replaceChildren(Object.assign(document.createElement('h2'), { textContent: staffSay('dashboard.alert.heading') }),
        ...list.map((a) => {
            const item = document.createElement('div');
            const maximum = a.level === 'ALERT_LEVEL_MAXIMUM';
            item.className = maximum ? 'alert maximum' : 'alert';
            item.dataset.service = a.serviceId;
            item.dataset.level = maximum ? 'maximum' : 'target';
            const at = Number(a.breachAtMs);
            const minutesLeft = Math.max(0, Math.round((at - now) / 60000));
            const { target, maximum: max } = limits(a.serviceId);
            const key = `dashboard.alert.${maximum ? 'maximum' : 'target'}${at <= now ? 'Now' : 'At'}`;
            const what = staffSay(key, { service: serviceName(a.serviceId), n: maximum ? max : target, time: hhmm(at), left: minutesLeft });
            item.append(Object.assign(document.createElement('strong'), { textContent: what }),
                Object.assign(document.createElement('span'), { className: 'advice', textContent: advice(a) }));
            return item;
        }));
}
