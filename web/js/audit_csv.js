// The audit trail's rows as words and as a spreadsheet reads them (docs/DOMAIN.md#audit): what
// each event was, in the staff language, and a CSV with the centre's local time and its offset
// (the server's AuditRow.local_time), empty cells where an event has nothing, never a 0.
import { nameIn } from './i18n.js';
import { staffLanguage, staffSay } from './staff_language.js';

const KINDS = new Set(['day_started', 'day_closed', 'ticket_issued', 'ticket_called', 'ticket_recalled', 'service_started',
    'service_completed', 'ticket_no_show', 'ticket_transferred', 'ticket_cancelled', 'ticket_rated', 'counter_opened',
    'counter_paused', 'counter_resumed', 'counter_closed', 'counter_taken_over', 'hall_message_set', 'user_set', 'device_set',
    'service_set', 'counter_set', 'calendar_set', 'booking_made', 'booking_cancelled', 'booking_rescheduled', 'booking_checked_in',
    'booking_lapsed', 'bookings_forgotten', 'alert_changed', 'ticket_moved']);

// What happened, in the staff language: a chosen call and a staff cancel are named as such.
export function whatOf(row) {
    if (row.kind === 'ticket_called' && row.reasonCode) return staffSay('auditPage.event.chosenCall');
    if (row.kind === 'ticket_cancelled' && row.reasonCode) return staffSay('auditPage.event.staffCancel');
    return KINDS.has(row.kind) ? staffSay(`auditPage.event.${row.kind}`) : row.kind;
}

export function roleOf(row) {
    // No wire role but a name: the server's own doing (a new day, closing time, the file's set-up as "config").
    const role = row.actorRole && row.actorRole !== 'ROLE_UNSPECIFIED' ? row.actorRole : (row.actor ? 'server' : '');
    return role ? staffSay(`auditPage.role.${role.replace(/^ROLE_/, '').toLowerCase()}`) : '';
}

export const reasonName = (centre, code) =>
    (code ? nameIn(centre?.reasons?.find((r) => r.code === code)?.names, staffLanguage(), centre, code) : '');
export const serviceName = (centre, id) =>
    (id ? nameIn(centre?.services?.find((s) => s.id === id)?.names, staffLanguage(), centre, id) : '');

const COLUMNS = ['time', 'actor', 'role', 'kind', 'what', 'ticket', 'counter', 'service_id', 'service_name', 'reason_code',
    'reason_name', 'words', 'sequence'];
const quote = (v) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

// rows: AuditPage.rows, newest first, as the pages came.
export function auditCsv(rows, centre) {
    const body = rows.map((r) => {
        const cells = {
            time: r.localTime, actor: r.actor, role: roleOf(r), kind: r.kind, what: whatOf(r), ticket: r.ticket,
            counter: r.counter || '', service_id: r.serviceId, service_name: serviceName(centre, r.serviceId),
            reason_code: r.reasonCode, reason_name: reasonName(centre, r.reasonCode), words: r.words, sequence: String(r.sequence),
        };
        return COLUMNS.map((c) => quote(cells[c] ?? '')).join(',');
    });
    return [COLUMNS.join(','), ...body].join('\r\n') + '\r\n';
}
