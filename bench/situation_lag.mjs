// node --experimental-websocket bench/situation_lag.mjs CENTRAL_PORT SECONDS CLERK_SECRET PORT...
// The live lag of the situation room: at each centre (its novbe-server's port) a kiosk issues and
// a clerk calls, serves and completes at a busy centre's rate (2,222 tickets an hour: one every
// 1.62 s, each centre starting at its own moment), while a national manager follows /live on
// novbe-central. A call's lag runs from its CallNext being sent (its durable commit included) to
// the first `centre` message whose summary counts it; beside it, the bare limit in the same run:
// the same call from the same moment to a hall board connected to the centre itself, the
// centre's own live path. Prints both lags' percentiles.
import protobuf from 'protobufjs';
import { fileURLToPath } from 'node:url';

const [centralPort, seconds, secret, ...ports] = process.argv.slice(2);
const root = protobuf.loadSync(fileURLToPath(new URL('../proto/novbe.proto', import.meta.url)));
const ClientMessage = root.lookupType('novbe.v1.ClientMessage');
const ServerMessage = root.lookupType('novbe.v1.ServerMessage');
const every = 3600 * 1000 / 2222;

async function centreLink(port, onEvents = () => {}) {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, 'novbe.v1');
    ws.binaryType = 'arraybuffer';
    const waiting = new Map();
    let next = 1;
    ws.onmessage = (e) => {
        const m = ServerMessage.toObject(ServerMessage.decode(new Uint8Array(e.data)), { longs: Number, enums: String });
        if (m.events) onEvents(m.events.events ?? []);
        const done = waiting.get(m.requestId ?? 0);
        if (done) { waiting.delete(m.requestId); done(m); }
    };
    await new Promise((ok, no) => { ws.onopen = ok; ws.onerror = () => no(new Error(`cannot connect to ${port}`)); });
    return (command) => new Promise((done) => {
        const requestId = next++;
        waiting.set(requestId, done);
        ws.send(ClientMessage.encode(ClientMessage.fromObject({ requestId, ...command })).finish());
    });
}
const must = (m, what) => { if (m.error) throw new Error(`${what}: ${JSON.stringify(m.error)}`); return m; };

// The situation room, signed in; per centre the highest `called` seen and when.
const room = new WebSocket(`ws://127.0.0.1:${centralPort}/live`);
const seen = new Map();      // centre -> called count in its latest summary
const pending = new Map();   // centre -> [{ count, at }] calls not yet seen
const lags = [];
const boardLags = [];
room.onmessage = (e) => {
    const m = JSON.parse(e.data);
    const summaries = m.type === 'welcome' ? m.centres : m.type === 'centre' ? [m.summary] : [];
    const now = performance.now();
    for (const s of summaries) {
        seen.set(s.centre, s.called);
        const list = pending.get(s.centre) ?? [];
        while (list.length && list[0].count <= s.called) lags.push(now - list.shift().at);
    }
};
await new Promise((ok, no) => { room.onopen = ok; room.onerror = () => no(new Error('cannot reach novbe-central')); });
const welcomed = new Promise((ok) => room.addEventListener('message', (e) => JSON.parse(e.data).type === 'welcome' && ok()));
room.send(JSON.stringify({ user: 'nigar', secret: 'demo-national-1' }));
await welcomed;

const centres = await Promise.all(ports.map(async (port, k) => {
    const kiosk = await centreLink(port);
    must(await kiosk({ hello: { protocolVersion: 1, role: 'ROLE_KIOSK', deviceToken: 'demo-kiosk-entrance-7f3a' } }), 'kiosk');
    const clerk = await centreLink(port);
    must(await clerk({ hello: { protocolVersion: 1, role: 'ROLE_CLERK', user: 'clerk1', secret } }), 'clerk');
    must(await clerk({ openCounter: { counter: 1 } }), 'open');
    const c = { id: `lag-${k + 1}`, kiosk, clerk, called: 0, boardWaiting: [] };
    const board = await centreLink(port, (events) => {
        const now = performance.now();
        for (const e of events) if (e.ticketCalled && c.boardWaiting.length) boardLags.push(now - c.boardWaiting.shift());
    });
    must(await board({ hello: { protocolVersion: 1, role: 'ROLE_BOARD' } }), 'board');
    must(await board({ subscribe: { view: 'VIEW_BOARD' } }), 'board subscribe');
    return c;
}));
// Each centre's counts as the room has them now (the counter's opening, any earlier calls).
await new Promise((r) => setTimeout(r, 2000));
for (const c of centres) c.called = seen.get(c.id) ?? 0;

const end = performance.now() + Number(seconds) * 1000;
await Promise.all(centres.map(async (c, k) => {
    await new Promise((r) => setTimeout(r, (every * k) / centres.length));
    for (let at = performance.now(); at < end; at += every) {
        await new Promise((r) => setTimeout(r, Math.max(0, at - performance.now())));
        must(await c.kiosk({ issueTicket: { serviceId: 'passport' } }), 'issue');
        const sent = performance.now();
        c.boardWaiting.push(sent);
        const list = pending.get(c.id) ?? [];
        list.push({ count: ++c.called, at: sent });
        pending.set(c.id, list);
        must(await c.clerk({ callNext: { counter: 1 } }), 'call');
        must(await c.clerk({ startServing: { counter: 1 } }), 'start');
        must(await c.clerk({ completeService: { counter: 1, outcome: '' } }), 'complete');
    }
}));
await new Promise((r) => setTimeout(r, 5000));  // the last calls' way to the room
const unseen = [...pending.values()].reduce((n, l) => n + l.length, 0);
const figures = (v) => {
    v.sort((a, b) => a - b);
    const at = (p) => v[Math.min(v.length - 1, Math.floor(p * v.length))].toFixed(0);
    return `median ${at(0.5)} ms, p99 ${at(0.99)} ms, longest ${v[v.length - 1].toFixed(0)} ms`;
};
console.log(`${lags.length} calls at ${centres.length} centres over ${seconds} s; ${unseen} never seen in the room`);
console.log(`  call to the situation room's page: ${figures(lags)}`);
console.log(`  bare limit, the same calls to the centre's own board: ${figures(boardLags)} (${boardLags.length} seen)`);
process.exit(unseen === 0 ? 0 : 1);
