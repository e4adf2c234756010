// A line's longest wait as it is now, between events: the server says how long the first in line
// had waited when it sent the line (QueueLine.longest_wait_s); the page adds the time since the
// line arrived, on its own monotonic clock (so a computer whose clock is wrong still counts
// right). Pages re-render it every second, so it ticks and turns red with no event needed.
const now = () => performance.now();

// The line as the page keeps it: the server's QueueLine and when it arrived.
export function received(line) {
    return { ...line, receivedAt: now() };
}

// Seconds the first in line has waited by now; 0 for an empty line.
export function longestWaitS(line) {
    if (!line?.waiting) return 0;
    return line.longestWaitS + (line.receivedAt === undefined ? 0 : (now() - line.receivedAt) / 1000);
}

// Past the service's target (a target of 0 means none): the line is shown in red.
export function overTarget(line, targetWaitS) {
    return targetWaitS > 0 && longestWaitS(line) > targetWaitS;
}
