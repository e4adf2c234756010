// A bar per day for the dashboard's history (js/history.js), on js/charts.js's frame and even
// 1-2-5 scale; what is drawn is also in the canvas's data-* attributes and its aria-label.
import { valueFrame, valueTicks } from './charts.js';

const ACCENT = '#0b6bcb';

// values: [number] per day; days: ["2026-11-28", ...]; describe(from, to, ticks) -> words.
export function dayBars(canvas, values, days, describe) {
    const ticks = valueTicks(Math.max(4, ...values));
    const { g, width, left, right, bottom, y } = valueFrame(canvas, ticks, { height: 200, right: 16 });
    const slot = (right - left) / Math.max(1, days.length);
    // A date under as many bars as room allows (at least 44 px apart), the first and last always;
    // a range across New Year says the years too (a year's range starts and ends on the same MM-DD).
    const years = days.length > 0 && days[0].slice(0, 4) !== days[days.length - 1].slice(0, 4);
    const label = (day) => (years ? day : day.slice(5));
    const every = Math.max(1, Math.ceil((years ? 90 : 44) / slot));
    const labelled = days.map((_, i) => i).filter((i) => i % every === 0 || i === days.length - 1)
        .filter((i, k, all) => i === days.length - 1 || all[k + 1] === undefined || all[k + 1] - i >= every);
    g.textAlign = 'center';
    for (const i of labelled) {
        const text = label(days[i]);
        const half = g.measureText(text).width / 2;  // kept whole inside the canvas at either end
        g.fillText(text, Math.min(Math.max(left + slot * (i + 0.5), half), width - half), bottom + 21);
    }
    g.fillStyle = ACCENT;
    values.forEach((v, i) => {
        const gap = Math.min(3, slot / 6);
        if (v > 0) g.fillRect(left + slot * i + gap, y(v), slot - 2 * gap, bottom - y(v));
    });
    canvas.dataset.values = values.join(',');
    canvas.dataset.dayTicks = labelled.map((i) => days[i]).join(',');
    canvas.setAttribute('aria-label', describe(days[0] ?? '', days[days.length - 1] ?? '', ticks));
}
