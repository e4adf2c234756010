// Staff-facing words for the server's refusals (the native clients' client/refusal.cpp says
// the same); the server's own English sentence where there are none (a refused permission says
// exactly what was refused, so its sentence is the server's).
const WORDS = {
    ERROR_CODE_UNAUTHENTICATED: 'Not signed in: the server does not know this user or secret.',
    ERROR_CODE_RATE_LIMITED: 'Too many wrong secrets for this user: wait a minute and try again.',
    ERROR_CODE_UNAVAILABLE: 'The server cannot be reached or is restarting: try again shortly.',
    ERROR_CODE_COUNTER_CLOSED: 'This counter is closed: open it first.',
    ERROR_CODE_COUNTER_PAUSED: 'This counter is paused: resume it first.',
    ERROR_CODE_COUNTER_BUSY: 'A ticket is still at this counter: finish it first (done, no-show or transfer).',
    ERROR_CODE_COUNTER_IDLE: 'No ticket is at this counter: call one first.',
    ERROR_CODE_NOTHING_WAITING: 'Nobody is waiting for the services of this counter.',
    ERROR_CODE_TICKET_NOT_WAITING: 'That ticket is not waiting any more: another counter took it, or it was cancelled.',
    ERROR_CODE_TICKET_NOT_SERVING: 'Service has not started: press start when the citizen arrives.',
    ERROR_CODE_RECALL_LIMIT_REACHED: 'This ticket has been recalled as often as allowed: mark it a no-show.',
    ERROR_CODE_UNKNOWN_TICKET: 'There is no such ticket today.',
};

// COUNTER_NOT_YOURS has no words here on purpose: the server's sentence names whose counter it
// is ("Counter 1 is anna's until it is closed; a manager can take it over."), which staff may know.
export function describe(refusal) {
    if (refusal.code === 'ERROR_CODE_COUNTER_NOT_YOURS')
        return refusal.message || 'This counter belongs to another clerk: a manager can take it over.';
    return WORDS[refusal.code] ?? refusal.message;
}
