// Two small charts drawn on a canvas by hand (a chart library would outweigh the page): bars of
// tickets per hour, and each call's wait as a dot at the time of the call. The value axis steps
// by 1, 2 or 5 times a power of ten and every tick is labelled; the day axis runs from the
// centre's opening to its closing (CentreInfo.opening/closing). What is drawn is also put into
// the canvas's data-* attributes and its aria-label, for readers that cannot see it.
const INK = '#10223a';
const ACCENT = '#0b6bcb';
const GRID = '#d5dce6';
const HEIGHT = 220;

// The step of an even scale with at most `count` intervals up to `max`: 1, 2 or 5 × 10^n.
export function evenStep(max, count = 5, smallest = 1) {
    const raw = Math.max(max / count, smallest);
    const power = 10 ** Math.floor(Math.log10(raw));
    return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw - 1e-9);
}

// The ticks of a scale from 0 that holds `max`: [0, step, 2 step, ... top].
export function valueTicks(max, count = 5) {
    const step = evenStep(max, count);
    const top = Math.max(step, Math.ceil(max / step - 1e-9) * step);
    return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
}

const hoursOf = (text) => {
    const m = /^(\d{1,2}):(\d{2})$/.exec(text ?? '');
    return m ? Number(m[1]) + Number(m[2]) / 60 : null;
};
// "08:30"; a closing at midnight reads "24:00", a time past it "01:30".
const clockText = (hours) => {
    const minutes = Math.round((hours > 24 ? hours - 24 : hours) * 60);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

// The day axis, in hours after local midnight: opening to closing (closing may pass midnight,
// "25:30"); without them, 08:00 to 18:00 widened to what the data holds.
export function dayAxis(opening, closing, seen = []) {
    const from = hoursOf(opening);
    const to = hoursOf(closing);
    if (from !== null && to !== null && to > from) return { from, to };
    return { from: Math.min(8, ...seen.map(Math.floor)), to: Math.max(18, ...seen.map((h) => Math.floor(h) + 1)) };
}

// A local hour of the day on the axis: after midnight it belongs to a day that closes past it.
export const onAxis = (axis, hour) => (axis.to > 24 && hour < axis.from ? hour + 24 : hour);

// A canvas at its shown width in the device's pixels, cleared, with its value scale drawn (a grid
// line and a label per tick, also in data-value-ticks): how these charts and js/history_chart.js's
// bars all start. Returns the context, the plot's edges and y(value).
export function valueFrame(canvas, ticks, { height = HEIGHT, right = 24 } = {}) {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || canvas.width;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    g.font = '14px sans-serif';
    const f = { g, width, left: 48, right: width - right, top: 12, bottom: height - 30 };
    f.y = (value) => f.bottom - ((f.bottom - f.top) * value) / ticks[ticks.length - 1];
    g.strokeStyle = GRID;
    g.fillStyle = INK;
    g.textAlign = 'right';
    for (const v of ticks) {
        g.beginPath(); g.moveTo(f.left, f.y(v)); g.lineTo(f.right, f.y(v)); g.stroke();
        g.fillText(String(v), f.left - 8, f.y(v) + 5);
    }
    canvas.dataset.valueTicks = ticks.join(',');
    return f;
}

function frame(canvas, axis, ticks) {
    const f = valueFrame(canvas, ticks);
    const g = f.g;
    f.x = (hour) => f.left + ((hour - axis.from) * (f.right - f.left)) / (axis.to - axis.from);
    const labels = timeLabels(axis, (f.right - f.left) / (axis.to - axis.from));
    g.textAlign = 'center';
    for (const h of labels) {
        g.beginPath(); g.moveTo(f.x(h), f.bottom); g.lineTo(f.x(h), f.bottom + 5); g.stroke();
        g.fillText(clockText(h), f.x(h), f.bottom + 21);
    }
    canvas.dataset.timeTicks = labels.map(clockText).join(',');
    return f;
}

// Opening, the whole hours between (every 1, 2 or 3 hours, as room allows) and closing.
function timeLabels(axis, pixelsPerHour) {
    const every = [1, 2, 3, 6].find((n) => n * pixelsPerHour >= 56) ?? 6;
    const room = 48 / pixelsPerHour;  // hours a label needs
    const between = [];
    for (let h = Math.ceil(axis.from); h < axis.to; h++)
        if (h % every === 0 && h - axis.from >= room && axis.to - h >= room) between.push(h);
    return [axis.from, ...between, axis.to];
}

// counts: Map local hour (0-23) -> tickets issued in it.
export function perHour(canvas, counts, axis, describe) {
    const ticks = valueTicks(Math.max(4, ...counts.values()));
    const f = frame(canvas, axis, ticks);
    f.g.fillStyle = ACCENT;
    for (const [hour, n] of counts) {
        const h = onAxis(axis, hour);
        const x0 = f.x(Math.max(h, axis.from)) + 3;
        const x1 = f.x(Math.min(h + 1, axis.to)) - 3;
        if (x1 > x0) f.g.fillRect(x0, f.y(n), x1 - x0, f.bottom - f.y(n));
    }
    canvas.setAttribute('aria-label', describe(clockText(axis.from), clockText(axis.to), ticks));
}

// points: [{ hour (fractional, local), minutes }]
export function waits(canvas, points, axis, describe) {
    const ticks = valueTicks(Math.max(5, ...points.map((p) => p.minutes)));
    const f = frame(canvas, axis, ticks);
    f.g.fillStyle = ACCENT;
    for (const p of points) {
        f.g.beginPath(); f.g.arc(f.x(onAxis(axis, p.hour)), f.y(p.minutes), 3.5, 0, Math.PI * 2); f.g.fill();
    }
    canvas.setAttribute('aria-label', describe(clockText(axis.from), clockText(axis.to), ticks));
}
