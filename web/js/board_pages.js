// The hall board's paging (js/board.js): rows that do not fit above their section's bottom (a long
// list, a long name wrapped, the offline banner taking room) are shown a page at a time, the next
// page at each of the board's language turns: none is cut, and none is skipped. Pages follow on
// from where the last one ended, since their bounds change with the language (a name wraps to
// three lines in one and one in another): numbered pages per language once skipped rows at the
// turns where the count changed. Rows side by side (the lists' two columns) are one line, kept
// together. A page with room left once drawn is filled with the rows before it, never one row
// alone in space. page() says which page is shown, { index, count } ("2/3" on the board), or
// null when every row fits: a citizen whose line is not on the screen knows another page comes.
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
        return null;
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
        const drawn = drawnBottom(lines, from, end);
        if (drawn <= bottom + 0.5) return fill(section, lines, { turn, start, from, end }, bottom);
        if (end - from === 1) break;
        room -= drawn - bottom + 1;
    }
    const { end } = where.get(section);
    return numbered(lines.length, start, end);
}

// The page's number among those of its size: the last one ends the list, the others follow on.
function numbered(total, start, end) {
    const size = Math.max(1, end - start);
    const count = Math.max(2, Math.ceil(total / size));
    const index = end >= total ? count : Math.min(count - 1, Math.max(1, Math.ceil(end / size)));
    return { index, count };
}

const drawnBottom = (lines, from, end) => Math.max(...lines.slice(from, end).flatMap((line) => line.rows.map((r) => r.getBoundingClientRect().bottom)));
const show = (line, shown) => { for (const r of line.rows) r.hidden = !shown; };

// Heights measured with every row shown overstate a row whose table is narrower once fewer rows
// are drawn (a long name in another row widened its column): a page packed by them can leave a
// row's room empty. So once drawn, the page takes the next line while it still fits, then the
// lines before its first (shown on the last page too: room is never left empty while a row that
// fits waits), each tried as drawn. The next page still starts where this one ends.
function fill(section, lines, page, bottom) {
    let { from, end } = page;
    while (end < lines.length) {
        show(lines[end], true);
        if (drawnBottom(lines, from, end + 1) > bottom + 0.5) {
            show(lines[end], false);
            break;
        }
        end += 1;
    }
    while (from > 0) {
        show(lines[from - 1], true);
        if (drawnBottom(lines, from - 1, end) > bottom + 0.5) {
            show(lines[from - 1], false);
            break;
        }
        from -= 1;
    }
    where.set(section, { turn: page.turn, start: page.start, end });
    return numbered(lines.length, page.start, end);
}
