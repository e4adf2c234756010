// What the admin page's browser tests read off its screen (admin_page.test.mjs,
// pages_admin.test.mjs): the two sizes it is used at, a table's row, and nothing off the screen.
import assert from 'node:assert/strict';

export const LAPTOP = { width: 1366, height: 768 };
export const DESK = { width: 1920, height: 1080 };

// Nothing wider than the screen: every visible box of the page inside it, left to right.
export async function allInside(page, viewport) {
    const out = await page.evaluate((width) => {
        const wide = [];
        for (const e of document.querySelectorAll('header, #sign-in, #sign-in a, main section, main table, main form, main button, main input, main select, .token')) {
            const r = e.getBoundingClientRect();
            if (r.width === 0 || getComputedStyle(e).visibility === 'hidden') continue;
            if (r.left < 0 || r.right > width + 0.5) wide.push(`${e.tagName}#${e.id} ${Math.round(r.left)}..${Math.round(r.right)}`);
        }
        return { wide, scroll: document.documentElement.scrollWidth };
    }, viewport.width);
    assert.deepEqual(out.wide, [], 'every box inside the screen');
    assert.ok(out.scroll <= viewport.width, `no sideways scrolling: ${out.scroll}`);
}

export const row = (page, table, key, value) => page.locator(`#${table} tr[data-${key}="${value}"]`);
