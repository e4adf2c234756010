// The admin page's "Check a configuration file" (docs/SETUP.md#check-config-against-the-running-server):
// the admin pastes or picks a TOML file; the page sends CheckConfig { toml } and shows what the
// server's next SIGHUP would do with it (live, needs a restart, refused, kept) or the file's
// problems (FILE:LINE:COLUMN). Nothing is applied. The headings are in the staff language; the
// lines are the server's sentences, in English, as its log says them (docs/PROTOCOL.md).
import { $, admin, attempt, bytes, make, say } from './admin_form.js';
import { staffSay } from './staff_language.js';

// The server reads at most 1 MiB of a file (net::max_config_bytes), and the link sends at most
// 64 KiB in one message (js/link.js, [server] max_frame_kib): a larger text is said so here, before
// anything is sent.
const MOST_BYTES = 1024 * 1024;
const FRAME_BYTES = 64 * 1024 - 1024;  // the message's own fields besides the text
const kib = (n) => Math.ceil(n / 1024);

let result = null;  // the last ConfigCheck, drawn again in each staff language

function tooLarge(size) {
    if (size > MOST_BYTES) return ['admin.config.tooLarge', { size: kib(size) }];
    if (size > FRAME_BYTES) return ['admin.config.overFrame', { size: kib(size) }];
    return null;
}

function part(key, lines, always) {
    if (!always && lines.length === 0) return [];
    const list = lines.length ? lines.map((line) => make('li', { textContent: line }))
        : [make('li', { className: 'none', textContent: staffSay('admin.config.nothing') })];
    return [make('h3', { textContent: staffSay(key) }), make('ul', { className: 'config-lines' }, ...list)];
}

function render() {
    // The chosen file's name, in place of the browser's own words (admin.html .file-pick).
    $('config-file-name').textContent = $('config-file').files[0]?.name ?? staffSay('admin.config.noFile');
    const where = $('config-result');
    where.hidden = !result;
    if (!result) return where.replaceChildren();
    const problems = result.problems ?? [];
    where.dataset.verdict = problems.length ? 'problems' : 'judged';
    const parts = problems.length ? part('admin.config.problems', problems, true)
        : [...part('admin.config.live', result.live ?? [], true), ...part('admin.config.restart', result.restart ?? [], true),
            ...part('admin.config.refused', result.refused ?? [], false), ...part('admin.config.kept', result.kept ?? [], false)];
    where.replaceChildren(...parts, make('p', { className: 'hint', textContent: staffSay('admin.config.english') }));
}

// A picked file goes into the text box (where it can be read and edited), unless it is too large to send.
async function picked() {
    const file = $('config-file').files[0];
    result = null;
    render();  // says the file's name too
    if (!file) return;
    const large = tooLarge(file.size);
    if (large) {
        $('config-text').value = '';
        say($('config-error'), ...large);
        return;
    }
    $('config-error').textContent = '';
    $('config-text').value = await file.text();
}

async function check(event) {
    event.preventDefault();
    result = null;
    render();
    const toml = $('config-text').value;
    if (!toml.trim()) return say($('config-error'), 'admin.config.empty');
    const large = tooLarge(bytes(toml));
    if (large) return say($('config-error'), ...large);
    await attempt($('config-error'), async () => {
        result = (await admin.link.request('checkConfig', { toml })).configCheck;
    });
    render();
}

export function mountConfigCheck() {
    $('config-form').addEventListener('submit', check);
    $('config-file').addEventListener('change', picked);
    return render;
}
