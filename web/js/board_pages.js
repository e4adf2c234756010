// The hall board's paging (js/board.js): rows that do not fit above their section's bottom (a long
// list, a long name wrapped, the offline banner taking room) are shown a page at a time, the next
// page at each of the board's language turns: none is cut, and none is skipped. Pages follow on
// from where the last one ended, since their bounds change with the language (a name wraps to
// three lines in one and one in another): numbered pages per language once skipped rows at the
// turns where the count changed. Rows side by side (the lists' two columns) are one line, kept
// together. The last page is filled back with the rows before it, never one row alone in space.
const where = new WeakMap();  // section -> { turn, start, end }: the lines shown at that turn

function linesOf(rows) {
    const lines = [];
    for (const r of rows) {
        const box = r.getBoundingClientRect();
        const last = lines.at(-1);
        if (last && Math.abs(box.top - last.top) < 1) {
            last.rows.push(r);
            last.bottom = Math.max(last.bottom, box.bottom);
        } else lines.push({ rows: [r], top: box.top, bottom: box.bottom });
    }
    return lines;
}

export function page(section, rows, turn) {
    for (const r of rows) r.hidden = false;
    const bottom = section.getBoundingClientRect().bottom;
    const lines = linesOf(rows);
    if (!lines.length || lines.at(-1).bottom <= bottom + 0.5) {
        where.delete(section);
        return;
    }
    const before = where.get(section);
    const start = before?.turn === turn ? Math.min(before.start, lines.length - 1)
        : before && before.end < lines.length ? before.end : 0;
    let room = bottom - lines[0].top;
    // Packed by the heights measured with every row shown; a page that still overflows once drawn
    // (a table's columns follow its visible rows) is packed again with less room.
    for (let attempt = 0; attempt < 4; ++attempt) {
        let end = start + 1;
        while (end < lines.length && lines[end].bottom - lines[start].top <= room + 0.5) end += 1;
        let from = start;
        if (end === lines.length) while (from > 0 && lines[end - 1].bottom - lines[from - 1].top <= room + 0.5) from -= 1;
        lines.forEach((line, i) => { for (const r of line.rows) r.hidden = i < from || i >= end; });
        where.set(section, { turn, start, end });
        const drawn = Math.max(...lines.slice(from, end).flatMap((line) => line.rows.map((r) => r.getBoundingClientRect().bottom)));
        if (drawn <= bottom + 0.5 || end - from === 1) return;
        room -= drawn - bottom + 1;
    }
}
