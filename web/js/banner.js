// The offline banner every page shows: only after the link has been down for a moment (a
// reconnect that succeeds at once is not worth alarming anyone), gone as soon as it is back.
// `words` gives a sentence, or a node (the kiosk's, one line per language).
export function offlineBanner(element, words) {
    let timer = null;
    return (status) => {
        if (status.state === 'online') {
            clearTimeout(timer);
            timer = null;
            element.hidden = true;
            return;
        }
        const show = () => {
            const said = words(status);
            if (typeof said === 'string') element.textContent = said;
            else element.replaceChildren(said);
            element.hidden = false;
        };
        if (status.refused) return show();
        timer ??= setTimeout(show, 1500);
    };
}
