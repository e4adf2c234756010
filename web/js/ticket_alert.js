// The phone rings and vibrates when its ticket is called. Vibration where the browser has it;
// a short tone through WebAudio, which browsers allow only after a touch on the page, hence the
// "tap to enable sound" control that stays until the citizen has touched it.
let audio = null;

// Shows the control (or nothing, where the browser cannot play a tone) and arms the sound on touch.
export function soundControl(button, words) {
    const Context = window.AudioContext ?? window.webkitAudioContext;
    if (!Context) return () => { button.hidden = true; };
    const render = (language) => {
        button.hidden = false;
        button.textContent = words(language, audio?.state === 'running' ? 'soundOn' : 'tapForSound');
        button.classList.toggle('on', audio?.state === 'running');
    };
    let language = 'en';
    button.onclick = async () => {
        audio ??= new Context();
        await audio.resume().catch(() => {});
        render(language);
    };
    return (l) => { language = l; render(l); };
}

// Three short beeps and buzzes, once per call.
export function ring() {
    navigator.vibrate?.([300, 150, 300, 150, 300]);
    if (!audio || audio.state !== 'running') return;
    const start = audio.currentTime + 0.05;
    for (let i = 0; i < 3; ++i) {
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = 880;
        gain.gain.setValueAtTime(0.4, start + i * 0.4);
        gain.gain.exponentialRampToValueAtTime(0.001, start + i * 0.4 + 0.3);
        tone.connect(gain).connect(audio.destination);
        tone.start(start + i * 0.4);
        tone.stop(start + i * 0.4 + 0.3);
    }
}
