// One booking on the phone page: its state, service, day and slot, the window to arrive in, its
// QR code (of /book#CODE, which the kiosk's check-in reads as the code) and the code itself, and
// a cancel that asks first. Never its reference or phone: the public route does not give them.
import qrcode from '../vendor/qrcode.mjs';
import { say } from './i18n.js';

const $ = (id) => document.getElementById(id);

// view: { booking, lang(), serviceName(id), dayLabel(date), hhmm(time), problem(error), cancel() }
export function showBooking(view) {
    const { booking: b } = view;
    const language = view.lang();
    const active = b.state === 'active';
    $('booking').hidden = false;
    $('booking-state').textContent = say(language, `bookState_${b.state}`);
    $('booking-state').className = `booking-state${active || b.state === 'checked_in' ? '' : ' ended'}`;
    $('booking-service').textContent = view.serviceName(b.service);
    $('booking-when').textContent = `${view.dayLabel(b.slot.slice(0, 10))} · ${view.hhmm(b.slot)}`;
    $('booking-window').hidden = !active;
    // A window that begins or ends on another day than the slot's (a slot at 00:00) names that day.
    const at = (t) => (t.slice(0, 10) === b.slot.slice(0, 10) ? view.hhmm(t) : `${view.dayLabel(t.slice(0, 10))} ${view.hhmm(t)}`);
    $('booking-window').textContent = say(language, 'bookWindow', { from: at(b.arrive_from), until: at(b.arrive_until) });
    const url = `${location.origin}/book#${b.token}`;
    const qr = qrcode(0, 'M');
    qr.addData(url);
    qr.make();
    $('booking-qr').innerHTML = active ? qr.createSvgTag({ cellSize: 4, margin: 8, scalable: true }) : '';
    $('booking-qr').dataset.url = url;
    $('booking-code-label').textContent = say(language, 'checkInCode');
    $('booking-code').replaceChildren(...b.token.match(/.{4}/g).map((part) => Object.assign(document.createElement('span'), { textContent: part })));
    $('booking-code').dataset.code = b.token;
    $('booking-keep').textContent = active ? say(language, 'bookKeep') : '';
    $('cancel').hidden = !active;
    $('cancel').disabled = false;
    $('cancel').textContent = say(language, 'bookCancel');
    $('cancel').onclick = async () => {
        if (!confirm(say(language, 'bookCancelAsk'))) return;
        $('cancel').disabled = true;
        try {
            showBooking({ ...view, booking: await view.cancel() });
        } catch (e) { view.problem(e); $('cancel').disabled = false; }
    };
}
