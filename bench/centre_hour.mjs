// node --experimental-websocket bench/centre_hour.mjs PORT TICKETS CLERK_SECRET
// A busy centre's hour on a running novbe-server, over its own protocol (proto/novbe.proto, as
// the pages speak it): the entrance kiosk issues TICKETS tickets across the demo's seven
// services while eight clerks (clerk1..clerk8, one per counter) call, serve and complete them as
// fast as the server answers. Used by central_catch_up_bench.sh to fill the log while the central
// database is away. Prints "TICKETS tickets served in S s" and exits 0 when every one is done.
import protobuf from 'protobufjs';
import { fileURLToPath } from 'node:url';

const [port, tickets, secret] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
const root = protobuf.loadSync(fileURLToPath(new URL('../proto/novbe.proto', import.meta.url)));
const ClientMessage = root.lookupType('novbe.v1.ClientMessage');
const ServerMessage = root.lookupType('novbe.v1.ServerMessage');
const services = ['passport', 'id_card', 'civil_registry', 'notary', 'property', 'utilities', 'driving_licence'];

// One WebSocket connection: requests by id, their answers as plain objects; events are ignored.
async function connect() {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, 'novbe.v1');
    ws.binaryType = 'arraybuffer';
    const waiting = new Map();
    let next = 1;
    ws.onmessage = (e) => {
        const m = ServerMessage.toObject(ServerMessage.decode(new Uint8Array(e.data)), { longs: Number, enums: String });
        const done = waiting.get(m.requestId ?? 0);
        if (done) { waiting.delete(m.requestId); done(m); }
    };
    await new Promise((ok, no) => { ws.onopen = ok; ws.onerror = () => no(new Error('cannot connect')); });
    ws.onclose = () => { for (const done of waiting.values()) done({ error: { code: 'CLOSED' } }); };
    return (command) => new Promise((done) => {
        const requestId = next++;
        waiting.set(requestId, done);
        ws.send(ClientMessage.encode(ClientMessage.fromObject({ requestId, ...command })).finish());
    });
}

const must = (m, what) => { if (m.error) throw new Error(`${what}: ${JSON.stringify(m.error)}`); return m; };
const started = Date.now();
const kiosk = await connect();
must(await kiosk({ hello: { protocolVersion: 1, role: 'ROLE_KIOSK', deviceToken: 'demo-kiosk-entrance-7f3a' } }), 'kiosk hello');
let served = 0;
const clerks = [];
for (let c = 1; c <= 8; c++) {
    const ask = await connect();
    must(await ask({ hello: { protocolVersion: 1, role: 'ROLE_CLERK', user: `clerk${c}`, secret } }), `clerk${c} hello`);
    must(await ask({ openCounter: { counter: c } }), `open ${c}`);
    clerks.push(async () => {
        while (served < tickets) {
            const call = await ask({ callNext: { counter: c } });
            if (call.error) { await new Promise((r) => setTimeout(r, 2)); continue; }  // nothing waiting yet
            must(await ask({ startServing: { counter: c } }), 'start');
            must(await ask({ completeService: { counter: c, outcome: '' } }), 'complete');
            served++;
        }
    });
}
const issuing = (async () => {
    for (let i = 0; i < tickets; i++) must(await kiosk({ issueTicket: { serviceId: services[i % services.length] } }), 'issue');
})();
await Promise.all([issuing, ...clerks.map((run) => run())]);
console.log(`${tickets} tickets served in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(0);
