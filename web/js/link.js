// The page's link to novbe-server, as the native clients have it: the server's own schema
// (/novbe.proto, read by protobufjs), one WebSocket (subprotocol novbe.v1, one message per
// binary frame) that reconnects by itself with back-off and jitter, requests matched to their
// replies (mutating ones carry an idempotency key, so one resent after a reconnect is answered
// once), and subscriptions that resume after the last log sequence they were told of.
/* global protobuf */

const SIGNED_OUT = 4003;  // the close code of a user or device changed at runtime
const FINAL_REFUSALS = new Set(['ERROR_CODE_UNAUTHENTICATED', 'ERROR_CODE_PERMISSION_DENIED',
    'ERROR_CODE_UNSUPPORTED_VERSION', 'ERROR_CODE_TICKET_EXPIRED']);
const TRANSIENT = new Set(['ERROR_CODE_UNAVAILABLE', 'ERROR_CODE_INTERNAL']);
const AS_OBJECT = { longs: Number, enums: String, defaults: true, oneofs: true };
// The server closes a frame over [server] max_frame_kib (64 KiB) with 1009 (docs/PROTOCOL.md#close-codes);
// sent again after each reconnect, it left the page "unreachable": refused here instead, named.
const MAX_FRAME_BYTES = 64 * 1024;
const TOO_LARGE = 'What was typed is too long: the server takes at most 64 KiB in one message.';

let schemaPromise = null;

// The schema the server speaks, fetched once per page.
// With it, the server's command table (/commands.json): which commands change the centre and
// so carry an idempotency key.
export function loadSchema() {
    const fetched = (path, as) => fetch(path).then((r) => {
        if (!r.ok) throw new Error(`the server's ${path} is not available (${r.status})`);
        return as(r);
    });
    schemaPromise ??= Promise.all([fetched('/novbe.proto', (r) => r.text()), fetched('/commands.json', (r) => r.json())])
        .then(([text, table]) => {
            const root = protobuf.parse(text).root;
            const mutating = new Set(table.filter((row) => row.effect === 'mutating').map((row) => row.command));
            return { root, mutating, client: root.lookupType('novbe.v1.ClientMessage'),
                server: root.lookupType('novbe.v1.ServerMessage') };
        });
    // A server away at the first try is asked again the next time: kept, the failure would
    // refuse every later sign-in of this page, the server long back (a reload was the only cure).
    const tried = schemaPromise;
    tried.catch(() => { if (schemaPromise === tried) schemaPromise = null; });
    return schemaPromise;
}

function freshKey() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));  // works on plain http too, unlike randomUUID
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// A refusal: the server's code name (ERROR_CODE_...), its sentence, and for CENTRE_CLOSED when
// the centre opens again (Unix ms, 0 otherwise).
export class Refusal extends Error {
    constructor(code, message, opensAtMs = 0, error = {}) {
        super(message);
        this.code = code;
        this.opensAtMs = opensAtMs;
        this.checkInFromMs = error.checkInFromMs ?? 0;  // BOOKING_TOO_EARLY: when to come back
        this.serviceId = error.serviceId ?? '';         // BOOKING_LAPSED: the walk-in ticket's service
        this.nextSlotMs = Number(error.nextSlotMs ?? 0);  // LAST_TICKET_PASSED: the booking offered instead
    }
}

export class Link {
    // hello: { role: 'ROLE_BOARD', deviceToken, user, secret, ticketToken, clientName }
    constructor(hello, { onStatus = () => {}, onWelcome = () => {} } = {}) {
        this.hello = { protocolVersion: 1, ...hello };
        this.onStatus = onStatus;
        this.onWelcome = onWelcome;
        this.status = { state: 'connecting', since: Date.now(), reason: '', refused: false };
        this.welcome = null;
        this.nextId = 1;
        this.pending = new Map();        // id -> { message, resolve, reject, sent, timer }
        this.subscriptions = new Map();  // id -> { subscribe, onMessage, sent }
        this.attempts = 0;
        this.ws = null;
        this.closed = false;
    }

    async start() {
        this.schema = await loadSchema();
        this.connect();
        return this;
    }

    // Resolves with the Reply (a plain object), rejects with a Refusal.
    request(command, fields = {}, timeoutMs = 10000) {
        const id = this.nextId++;
        const message = { requestId: id, [command]: fields };
        if (this.schema.mutating.has(command)) message.idempotencyKey = freshKey();
        return new Promise((resolve, reject) => {
            if (this.status.refused) return reject(new Refusal('ERROR_CODE_UNAVAILABLE', this.status.reason));
            const timer = setTimeout(() => {
                this.pending.delete(id);
                reject(new Refusal('ERROR_CODE_UNAVAILABLE', this.status.state === 'online'
                    ? 'The server did not answer in time.' : `The server cannot be reached (${this.status.reason}).`));
            }, timeoutMs);
            this.pending.set(id, { message, resolve, reject, sent: false, timer });
            this.flush();
        });
    }

    // onMessage gets every snapshot, event batch and error of the subscription, across reconnects.
    subscribe(fields, onMessage) {
        const id = this.nextId++;
        this.subscriptions.set(id, { subscribe: { ...fields }, onMessage, sent: false });
        this.flush();
        return id;
    }

    close() {
        this.closed = true;
        this.ws?.close(1000);
    }

    setStatus(state, reason = '') {
        const wasOnline = this.status.state === 'online';
        const since = wasOnline !== (state === 'online') ? Date.now() : this.status.since;
        this.status = { state, since, reason: reason || this.status.reason, refused: this.status.refused, code: this.status.code,
            signedOut: state !== 'online' && Boolean(this.status.signedOut) };
        this.onStatus(this.status);
    }

    // False, and nothing sent, for a message the server would close the link for.
    send(message) {
        const bytes = this.schema.client.encode(this.schema.client.fromObject(message)).finish();
        if (bytes.length > MAX_FRAME_BYTES) return false;
        this.ws.send(bytes);
        return true;
    }

    // A sign-in refused for good: no retries, every request waiting refused with it.
    refuse(code, message) {
        this.status.refused = true;
        this.status.code = code;  // which refusal: a page may word it for its reader
        this.setStatus('offline', message);
        for (const [id, p] of this.pending) {
            clearTimeout(p.timer);
            p.reject(new Refusal(code, message));
            this.pending.delete(id);
        }
    }

    connect() {
        if (this.closed) return;
        const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
        const ws = new WebSocket(`${scheme}//${location.host}/ws`, 'novbe.v1');
        ws.binaryType = 'arraybuffer';
        this.ws = ws;
        this.greeted = false;
        this.helloRefusal = null;
        this.setStatus('connecting');
        ws.onopen = () => {
            this.helloId = this.nextId++;
            if (this.send({ requestId: this.helloId, hello: this.hello })) return;
            this.refuse('ERROR_CODE_INVALID_ARGUMENT', TOO_LARGE);
            ws.close();
        };
        ws.onmessage = (event) => {
            const m = this.schema.server.toObject(this.schema.server.decode(new Uint8Array(event.data)), AS_OBJECT);
            this.receive(m);
        };
        ws.onclose = (event) => {
            if (ws !== this.ws) return;
            this.greeted = false;
            for (const p of this.pending.values()) p.sent = false;
            for (const s of this.subscriptions.values()) s.sent = false;
            if (this.closed || this.status.refused) return;
            // A Hello refused for now (RATE_LIMITED, UNAVAILABLE): its own sentence, not the close code.
            const why = this.helloRefusal?.message ?? (event.code === 1001 ? 'the server is restarting'
                : event.code === SIGNED_OUT ? `signed out: ${event.reason}` : `connection lost (${event.code})`);
            // Signed out by a set-up change (docs/PROTOCOL.md): a renamed device signs in again as
            // it is now, so the link still retries; a staff page may send its user to sign in.
            this.status.signedOut = event.code === SIGNED_OUT;
            this.setStatus('offline', why);
            const ceiling = Math.min(5000, 250 * 2 ** Math.min(this.attempts++, 5));
            setTimeout(() => this.connect(), ceiling / 2 + Math.random() * ceiling / 2);
        };
    }

    receive(m) {
        if (!this.greeted) return this.greet(m);
        const sub = this.subscriptions.get(m.requestId);
        if (sub) {
            if (m.body === 'snapshot') sub.subscribe.afterSequence = m.snapshot.sequence;
            // The range a batch covers, not its last event: a zone may see nothing for a long while.
            if (m.body === 'events') sub.subscribe.afterSequence = m.events.lastSequence;
            return sub.onMessage(m);
        }
        const p = this.pending.get(m.requestId);
        if (!p) return;
        if (m.body === 'error' && TRANSIENT.has(m.error.code)) {
            p.sent = false;
            return setTimeout(() => this.flush(), 200);
        }
        this.pending.delete(m.requestId);
        clearTimeout(p.timer);
        if (m.body === 'error') p.reject(new Refusal(m.error.code, m.error.message, m.error.opensAtMs, m.error));
        else p.resolve(m.reply);
    }

    greet(m) {
        if (m.requestId !== this.helloId) return;
        if (m.body === 'reply' && m.reply.result === 'welcome') {
            this.greeted = true;
            this.attempts = 0;
            this.welcome = m.reply.welcome;
            this.setStatus('online');
            this.onWelcome(this.welcome);
            return this.flush();
        }
        if (FINAL_REFUSALS.has(m.error.code)) this.refuse(m.error.code, m.error.message);
        this.helloRefusal = m.error;
        this.ws.close();
    }

    flush() {
        if (!this.greeted || this.ws?.readyState !== WebSocket.OPEN) return;
        for (const [id, p] of this.pending) {
            if (p.sent) continue;
            p.sent = this.send(p.message);
            if (p.sent) continue;
            clearTimeout(p.timer);
            this.pending.delete(id);
            p.reject(new Refusal('ERROR_CODE_INVALID_ARGUMENT', TOO_LARGE));
        }
        for (const [id, s] of this.subscriptions) {
            if (s.sent) continue;
            s.sent = true;
            this.send({ requestId: id, subscribe: s.subscribe });
        }
    }
}
