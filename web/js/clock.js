// Durations as staff read them: "3:05", "1:02:10" (the native counter's clock_text says the same).
export function clock(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const two = (v) => String(v).padStart(2, '0');
    return s >= 3600 ? `${Math.floor(s / 3600)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}` : `${Math.floor(s / 60)}:${two(s % 60)}`;
}

// A moment as the centre's own clocks show it, "14:03:07", in the centre's time zone (Welcome's
// centre.timeZone), not the browser's: a desk's browser may be set to another zone.
export function centreTime(ms, timeZone) {
    return new Date(ms).toLocaleTimeString('en-GB', { timeZone: timeZone || undefined, hourCycle: 'h23' });
}
