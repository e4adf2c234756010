// A bar per day for the dashboard's history (js/history.js), on the even 1-2-5 scale of
// js/charts.js; what is drawn is also in the canvas's data-* attributes and its aria-label.
import { valueTicks } from './charts.js';

const INK = '#10223a';
const ACCENT = '#0b6bcb';
const GRID = '#d5dce6';
const HEIGHT = 200;

// values: [number] per day; days: ["2026-11-28", ...]; describe(from, to, ticks) -> words.
export function dayBars(canvas, values, days, describe) {
    const ticks = valueTicks(Math.max(4, ...values));
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || canvas.width;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(HEIGHT * ratio);
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, HEIGHT);
    g.font = '14px sans-serif';
    const left = 48, right = width - 16, top = 12, bottom = HEIGHT - 30;
    const y = (v) => bottom - ((bottom - top) * v) / ticks[ticks.length - 1];
    const slot = (right - left) / Math.max(1, days.length);
    g.strokeStyle = GRID;
    g.fillStyle = INK;
    g.textAlign = 'right';
    for (const v of ticks) {
        g.beginPath(); g.moveTo(left, y(v)); g.lineTo(right, y(v)); g.stroke();
        g.fillText(String(v), left - 8, y(v) + 5);
    }
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
    canvas.dataset.valueTicks = ticks.join(',');
    canvas.dataset.values = values.join(',');
    canvas.dataset.dayTicks = labelled.map((i) => days[i]).join(',');
    canvas.setAttribute('aria-label', describe(days[0] ?? '', days[days.length - 1] ?? '', ticks));
}
