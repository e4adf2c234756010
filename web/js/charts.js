// Two small charts drawn on a canvas by hand (a chart library would outweigh the page): bars of
// tickets per hour, and each call's wait as a dot at the time of the call.
const INK = '#10223a';
const ACCENT = '#0b6bcb';
const GRID = '#d5dce6';

function frame(canvas) {
    const g = canvas.getContext('2d');
    g.clearRect(0, 0, canvas.width, canvas.height);
    g.font = '14px sans-serif';
    g.fillStyle = INK;
    return { g, left: 48, right: canvas.width - 12, top: 12, bottom: canvas.height - 28 };
}

function axes({ g, left, right, top, bottom }, hours, max, unit) {
    g.strokeStyle = GRID;
    for (let i = 0; i <= 4; i++) {
        const y = bottom - ((bottom - top) * i) / 4;
        g.beginPath(); g.moveTo(left, y); g.lineTo(right, y); g.stroke();
        g.fillText(`${Math.round((max * i) / 4)}${unit}`, 4, y + 4);
    }
    const [first, last] = hours;
    const step = (right - left) / (last - first + 1);
    for (let h = first; h <= last; h++) g.fillText(String(h).padStart(2, '0'), left + (h - first) * step + step / 2 - 8, bottom + 18);
    return step;
}

// counts: Map hour -> tickets
export function perHour(canvas, counts, hours) {
    const f = frame(canvas);
    const max = Math.max(4, ...counts.values());
    const step = axes(f, hours, max, '');
    f.g.fillStyle = ACCENT;
    for (const [h, n] of counts) {
        const height = ((f.bottom - f.top) * n) / max;
        f.g.fillRect(f.left + (h - hours[0]) * step + 4, f.bottom - height, step - 8, height);
    }
}

// points: [{ hour (fractional), minutes }]
export function waits(canvas, points, hours) {
    const f = frame(canvas);
    const max = Math.max(5, ...points.map((p) => p.minutes));
    const step = axes(f, hours, max, 'm');
    f.g.fillStyle = ACCENT;
    for (const p of points) {
        const x = f.left + (p.hour - hours[0]) * step;
        const y = f.bottom - ((f.bottom - f.top) * p.minutes) / max;
        f.g.beginPath(); f.g.arc(x, y, 3, 0, Math.PI * 2); f.g.fill();
    }
}
