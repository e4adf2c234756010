// Today's tickets as a spreadsheet reads them: one row per ticket (its stays in the lines of the
// services it was transferred through, joined into one), times in the centre's time zone with
// its offset (ISO 8601, 2026-12-01T09:15:03+04:00), the services' names beside their ids, and
// empty cells where there is nothing (no counter yet, no rating), never a 0 that did not happen.
const COLUMNS = ['number', 'service_id', 'service_name', 'transferred_from', 'transferred_from_name', 'priority', 'state',
    'issued_at', 'joined_at', 'called_at', 'started_at', 'ended_at', 'counter', 'clerk', 'called_by', 'served_by', 'recalls', 'ending',
    'estimated_wait_s', 'rating', 'outcome', 'language'];

const two = (n) => String(n).padStart(2, '0');
const formats = new Map();

// An instant as local ISO 8601 time with the zone's offset at that instant.
export function zonedIso(ms, timeZone) {
    if (!ms) return '';
    const key = timeZone || '';
    if (!formats.has(key)) {
        formats.set(key, new Intl.DateTimeFormat('en-GB', { timeZone: timeZone || undefined, year: 'numeric', month: 'numeric',
            day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' }));
    }
    const p = Object.fromEntries(formats.get(key).formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    const offset = Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
    const sign = offset < 0 ? '-' : '+';
    return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}`
        + `${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
}

// The stays of one ticket (same number, same issue), in the order it went through the lines.
function tickets(rows) {
    const byTicket = new Map();
    for (const r of rows) {
        const key = `${r.number}@${r.issuedAtMs}`;
        if (!byTicket.has(key)) byTicket.set(key, []);
        byTicket.get(key).push(r);
    }
    return [...byTicket.values()].map((stays) => stays.sort((a, b) => a.joinedAtMs - b.joinedAtMs));
}

function ticketRow(stays, timeZone, serviceName) {
    const first = stays[0];
    const last = stays[stays.length - 1];
    const before = stays.slice(0, -1);
    const plain = (v) => String(v).replace(/^(PRIORITY_CLASS|TICKET_STATE)_/, '').toLowerCase();
    const rating = Math.max(...stays.map((s) => s.rating));
    return {
        number: first.number, service_id: last.serviceId, service_name: serviceName(last.serviceId),
        transferred_from: before.map((s) => s.serviceId).join('; '), transferred_from_name: before.map((s) => serviceName(s.serviceId)).join('; '),
        priority: plain(first.priority), state: plain(last.state),
        issued_at: zonedIso(first.issuedAtMs, timeZone), joined_at: zonedIso(last.joinedAtMs, timeZone),
        called_at: zonedIso(last.calledAtMs, timeZone), started_at: zonedIso(last.startedAtMs, timeZone),
        ended_at: zonedIso(last.endedAtMs, timeZone), counter: last.counter || '', clerk: last.clerk,
        called_by: last.calledBy ?? '', served_by: last.servedBy ?? '',
        recalls: stays.reduce((sum, s) => sum + s.recalls, 0), ending: last.ending, estimated_wait_s: first.estimatedWaitS,
        rating: rating || '', outcome: last.outcome, language: first.language,
    };
}

const quote = (v) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

// rows: GetTickets's TicketRows.rows; serviceName: id -> the name the manager reads.
export function toCsv(rows, timeZone, serviceName) {
    const body = tickets(rows).map((stays) => {
        const row = ticketRow(stays, timeZone, serviceName);
        return COLUMNS.map((c) => quote(row[c])).join(',');
    });
    return [COLUMNS.join(','), ...body].join('\r\n') + '\r\n';
}

// The day's figures per counter and per clerk (docs/DOMAIN.md#clerks-figures), one row each:
// seconds as whole numbers, a pause's reasons as "reason: seconds" joined by "; ", and empty
// cells for what was not measured (no call yet: no wait and no walk).
const FIGURE_COLUMNS = ['kind', 'key', 'name', 'called', 'served', 'no_shows', 'transferred_out', 'average_wait_s',
    'average_service_s', 'average_walk_s', 'idle_waiting_s', 'paused_s', 'pauses'];

function figuresRow(kind, f, name) {
    const seconds = (v, measured) => (measured ? Number(v) : '');
    const pauses = f.pauses ?? [];
    return {
        kind, key: f.key, name: name(f.key), called: f.called, served: f.served, no_shows: f.noShows,
        transferred_out: f.transferredOut, average_wait_s: seconds(f.averageWaitS, f.called),
        average_service_s: seconds(f.averageServiceS, f.served), average_walk_s: seconds(f.averageWalkS, f.called),
        idle_waiting_s: Number(f.idleWaitingS), paused_s: pauses.reduce((sum, p) => sum + Number(p.seconds), 0),
        pauses: pauses.map((p) => `${p.reason}: ${Number(p.seconds)}`).join('; '),
    };
}

// statistics: GetStatistics's Statistics; counterName: number -> the name the manager reads.
export function figuresCsv(statistics, counterName) {
    const rows = [...statistics.byCounter.map((f) => figuresRow('counter', f, counterName)),
        ...statistics.byClerk.map((f) => figuresRow('clerk', f, (k) => k))];
    const body = rows.map((row) => FIGURE_COLUMNS.map((c) => quote(row[c])).join(','));
    return [FIGURE_COLUMNS.join(','), ...body].join('\r\n') + '\r\n';
}
