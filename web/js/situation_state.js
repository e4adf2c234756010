// What the situation room knows, from novbe-central's messages on /live (docs/CENTRAL.md#situation-room):
// each centre's summary, the followed centre's detail, the server's clock, and when a centre
// counts as silent. Pure: no DOM, so the order by trouble can be read and tested on its own.
export function roomState() {
    return { centres: new Map(), detail: null, offsetMs: 0, silentAfterMs: 300000, database: true, user: '', role: '', allowed: [] };
}

// Applies one message; returns its type.
export function apply(state, message) {
    if (typeof message.now_ms === 'number') state.offsetMs = message.now_ms - Date.now();
    switch (message.type) {
    case 'welcome':
        Object.assign(state, { user: message.user, role: message.role, allowed: message.allowed,
            silentAfterMs: message.silent_after_ms, database: message.database });
        state.centres = new Map(message.centres.map((c) => [c.centre, c]));
        break;
    case 'centre': state.centres.set(message.summary.centre, message.summary); break;
    case 'detail': state.detail = message.detail; break;
    case 'status': state.database = message.database; break;
    default: break;
    }
    return message.type;
}

export function serverNow(state) {
    return Date.now() + state.offsetMs;
}

// How long since the centre's last batch arrived, and whether that is longer than allowed.
export function silence(state, c, now = serverNow(state)) {
    const sinceMs = c.last_batch_ms == null ? Infinity : Math.max(0, now - c.last_batch_ms);
    return { sinceMs, silent: sinceMs > state.silentAfterMs };
}

export function longestWaitMs(c, now) {
    return c.oldest_waiting_ms == null ? 0 : Math.max(0, now - c.oldest_waiting_ms);
}

export function withinShare(f) {
    return f.called > 0 ? f.within_target / f.called : null;
}

// Most trouble first: silent centres (longest silent first), then the longest wait now, then
// the most people waiting, then the lowest share within target; the name breaks ties.
export function byTrouble(state, now = serverNow(state)) {
    const rows = [...state.centres.values()].map((c) => ({ c, ...silence(state, c, now), wait: longestWaitMs(c, now) }));
    rows.sort((a, b) => (b.silent - a.silent) || (a.silent && b.silent ? b.sinceMs - a.sinceMs : 0)
        || (b.wait - a.wait) || (b.c.waiting - a.c.waiting)
        || ((withinShare(a.c) ?? 1) - (withinShare(b.c) ?? 1)) || a.c.centre.localeCompare(b.c.centre));
    return rows;
}
