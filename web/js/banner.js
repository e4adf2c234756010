// The offline banner every page shows: only after the link has been down for a moment (a
// reconnect that succeeds at once is not worth alarming anyone), gone as soon as it is back.
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
            element.textContent = words(status);
            element.hidden = false;
        };
        if (status.refused) return show();
        timer ??= setTimeout(show, 1500);
    };
}
