// After the last ticket (docs/DOMAIN.md#last-ticket-cut-off): a LAST_TICKET_PASSED refusal says
// today's tickets for the service are over and offers the first free booking of a later day
// (Error.next_slot_ms), its day and time on the centre's clock. Booking it (BookOffered, keyed
// like every command, so a retry books nothing more) shows the booking with its QR code and short
// code, printed like a ticket; declining returns to the first screen.
import { nameIn, say } from './i18n.js';
import { describe } from './refusals.js';
import qrcode from '../vendor/qrcode.mjs';

const $ = (id) => document.getElementById(id);

// "30.11.2026" and "09:00" of a moment in the centre's zone.
export function dayAndTime(ms, centre) {
    const timeZone = centre?.timeZone || undefined;
    const at = new Date(ms);
    try {
        return {
            day: at.toLocaleDateString('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).replaceAll('/', '.'),
            time: at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }),
        };
    } catch {  // a zone this browser does not know
        return { day: at.toLocaleDateString('en-GB').replaceAll('/', '.'), time: at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }) };
    }
}

// kiosk: { language(), screen(), button(), link, centre(), start(), restartIdle(ms), outOfService() }
export function offerBooking(kiosk, refusal, service) {
    const lang = kiosk.language();
    const centre = kiosk.centre();
    const over = say(lang, 'lastTicketOver', { service: nameIn(service.names, lang, centre, service.id) });
    if (!refusal.nextSlotMs) {
        kiosk.screen(over, [Object.assign(document.createElement('p'), { id: 'no-slot', className: 'offer', textContent: say(lang, 'lastTicketNoSlot') })], kiosk.start);
        return kiosk.restartIdle(15000);
    }
    const offer = Object.assign(document.createElement('p'), { id: 'offer', className: 'offer', textContent: say(lang, 'lastTicketOffer', dayAndTime(refusal.nextSlotMs, centre)) });
    const answers = Object.assign(document.createElement('div'), { className: 'answers' });
    answers.append(Object.assign(kiosk.button(say(lang, 'lastTicketBook'), () => book(kiosk, service, refusal.nextSlotMs)), { id: 'book-offer', className: 'next go' }),
        Object.assign(kiosk.button(say(lang, 'lastTicketDecline'), kiosk.start), { id: 'decline-offer', className: 'next quiet' }));
    kiosk.screen(over, [offer, answers]);
    kiosk.restartIdle(30000);
}

async function book(kiosk, service, slotMs) {
    const lang = kiosk.language();
    kiosk.screen(say(lang, 'oneMoment'), []);
    try {
        const reply = await kiosk.link.request('bookOffered', { serviceId: service.id, slotMs }, 10000);
        showBooked(kiosk, reply.bookedVisit, service);
    } catch (refusal) {
        if (refusal.code === 'ERROR_CODE_UNAVAILABLE') return kiosk.outOfService();
        kiosk.screen(describe(refusal, lang), [], kiosk.start);  // the slot was taken meanwhile, most likely
        kiosk.restartIdle(15000);
    }
}

// The booking as a slip: the day and time, the code to type, the QR code to scan (of /book#TOKEN,
// as the phone page's, which the kiosks' check-in reads).
function showBooked(kiosk, visit, service) {
    const lang = kiosk.language();
    const centre = kiosk.centre();
    kiosk.showSlip('booked');
    $('booked-centre').textContent = centre.name;
    $('booked-service').textContent = nameIn(service.names, lang, centre, service.id);
    $('booked-when').textContent = say(lang, 'lastTicketBooked', dayAndTime(visit.booking.slotMs, centre));
    $('booked-code').textContent = say(lang, 'lastTicketCode', { code: visit.booking.reference });
    $('booked-code').dataset.code = visit.booking.reference;
    const url = `${(centre.publicUrl || location.origin).replace(/\/+$/, '')}/book#${visit.token}`;
    const qr = qrcode(0, 'M');
    qr.addData(url);
    qr.make();
    $('booked-qr').innerHTML = qr.createSvgTag({ cellSize: 4, margin: 16, scalable: true });
    $('booked-qr').dataset.url = url;
    $('booked-scan').textContent = say(lang, 'lastTicketScan');
    $('booked-print').textContent = say(lang, 'print');
    $('booked-done').textContent = say(lang, 'done');
    $('booked-print').onclick = () => window.print();
    $('booked-done').onclick = kiosk.start;
    kiosk.restartIdle(60000);
}
