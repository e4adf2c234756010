// What the hall board knows, kept from its subscription's snapshot and events: the recent calls
// (each number once, newest first; a call that is over marked `ended`), the counters (status and
// the ticket at each), the lines and the hall message. No DOM here: board.js draws it.
export const MAX_CALLS = 6;

export class BoardState {
    constructor() {
        this.centre = { name: '', languages: ['en'], services: [], counters: [] };
        this.calls = [];
        this.counters = new Map();  // number -> { number, status, current: 'A012' or '' }
        this.lines = new Map();     // service id -> QueueLine
        this.hallMessage = '';
        this.refusal = null;        // the server's Error for the Subscribe (an unknown zone)
    }

    // A recall is a call again: the number moves to the front, once (the server does the same
    // for the snapshot's recent calls: docs/DOMAIN.md#recalls).
    call(c) {
        this.calls = [c, ...this.calls.filter((old) => old.number !== c.number)].slice(0, MAX_CALLS + 1);
    }

    setCounter(view) {
        this.counters.set(view.number, { number: view.number, status: view.status, current: view.current?.number ?? '' });
    }

    // The call to `counter` for `number` is over: served, no-show or transferred.
    ended(number, counter) {
        for (const c of this.calls) if (c.number === number && c.counter === counter) c.ended = true;
        const at = this.counters.get(counter);
        if (at?.current === number) Object.assign(at, { current: '', status: 'COUNTER_STATUS_OPEN' });
    }

    snapshot(s) {
        this.refusal = null;
        this.centre = s.centre;
        this.calls = [];
        for (const c of [...s.recentCalls].reverse()) this.call({ ...c });  // older logs may repeat a number
        this.counters.clear();
        for (const view of s.counters) this.setCounter(view);
        this.lines.clear();
        for (const l of s.lines) this.lines.set(l.serviceId, l);
        this.hallMessage = s.hallMessage ?? '';
    }

    // Applies one event; returns the call to announce, if it is one.
    event(e) {
        switch (e.kind) {
        case 'dayStarted':
            this.calls = [];
            for (const view of e.dayStarted.counters ?? []) if (this.counters.has(view.number)) this.setCounter(view);
            return null;
        case 'ticketCalled': {
            const t = e.ticketCalled;
            const c = { number: t.number, counter: t.counter, serviceId: t.serviceId, atMs: e.atMs, recall: t.recall, ended: false };
            this.call(c);
            for (const [n, at] of this.counters) if (at.current === t.number && n !== t.counter) at.current = '';
            const at = this.counters.get(t.counter);
            if (at) Object.assign(at, { current: t.number, status: 'COUNTER_STATUS_SERVING' });
            return c;
        }
        case 'serviceCompleted': this.ended(e.serviceCompleted.number, e.serviceCompleted.counter); break;
        case 'ticketNoShow': this.ended(e.ticketNoShow.number, e.ticketNoShow.counter); break;
        case 'ticketTransferred': this.ended(e.ticketTransferred.number, e.ticketTransferred.counter); break;
        case 'counterChanged': if (this.counters.has(e.counterChanged.counter.number)) this.setCounter(e.counterChanged.counter); break;
        case 'hallMessageSet': this.hallMessage = e.hallMessageSet.text; break;
        // The set-up changed at runtime (docs/SETUP.md#services-and-counters-at-runtime): a
        // retired service's line and a retired counter's row leave the board, a new one comes.
        case 'serviceChanged': {
            const service = e.serviceChanged.service;
            this.centre.services = upsert(this.centre.services, service, (s) => s.id === service.id);
            if (service.retired) this.lines.delete(service.id);
            break;
        }
        case 'counterSetUp': {
            const counter = e.counterSetUp.counter;
            this.centre.counters = upsert(this.centre.counters, counter, (c) => c.number === counter.number);
            if (counter.retired) this.counters.delete(counter.number);
            else if (!this.counters.has(counter.number)) this.setCounter({ number: counter.number, status: 'COUNTER_STATUS_CLOSED' });
            break;
        }
        default: break;
        }
        return null;
    }
}

// `list` with `item` in place of the one `same` finds, or added at its end.
function upsert(list, item, same) {
    const at = list.findIndex(same);
    return at < 0 ? [...list, item] : list.map((old, i) => (i === at ? item : old));
}

// What of a zone (?services=, ?counters=) the centre does not have.
export function unknownInZone(centre, zone) {
    const services = new Set(centre.services.map((s) => s.id));
    const counters = new Set(centre.counters.map((c) => c.number));
    return { services: zone.services.filter((id) => !services.has(id)), counters: zone.counters.filter((n) => !counters.has(n)) };
}

// The services a zone's board lists: those named, else those of its counters, else all.
export function zoneServices(centre, zone) {
    if (zone.services.length) return new Set(zone.services);
    if (!zone.counters.length) return null;
    return new Set(centre.counters.filter((c) => zone.counters.includes(c.number)).flatMap((c) => c.serviceIds));
}
