// A call said out loud: a chime, then the sentence in each of the centre's languages that the
// browser has a voice for (the chime alone where none has). Browsers start sound only after a
// click unless started with --autoplay-policy=no-user-gesture-required; the board asks once.
import { say } from './i18n.js';

let audio = null;

export function soundBlocked() {
    audio ??= new AudioContext();
    return audio.state !== 'running';
}

export function enableSound() {
    audio ??= new AudioContext();
    return audio.resume();
}

function chime() {
    if (!audio || audio.state !== 'running') return;
    const start = audio.currentTime;
    for (const [i, frequency] of [659.25, 523.25].entries()) {  // E5 then C5: the classic two-tone
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start + i * 0.45);
        gain.gain.exponentialRampToValueAtTime(0.4, start + i * 0.45 + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.45 + 0.9);
        tone.connect(gain).connect(audio.destination);
        tone.start(start + i * 0.45);
        tone.stop(start + i * 0.45 + 1);
    }
}

// "A012" is said "A 12": letters apart, the number as a number.
export function spokenNumber(number) {
    const m = /^([A-Za-z]*)0*(\d+)$/.exec(number);
    return m ? `${m[1].split('').join(' ')} ${m[2]}` : number;
}

export function announce(call, languages) {
    chime();
    if (!('speechSynthesis' in window)) return;
    const voices = speechSynthesis.getVoices();
    for (const language of languages) {
        const voice = voices.find((v) => v.lang.toLowerCase().startsWith(language));
        if (!voice) continue;
        const u = new SpeechSynthesisUtterance(say(language, 'callSentence', { number: spokenNumber(call.number), counter: call.counter }));
        u.voice = voice;
        u.lang = voice.lang;
        speechSynthesis.speak(u);
    }
}
