// A call said out loud: a chime, then the sentence in each of the centre's languages: by the
// browser's voice where it has one, else by the server's speech (GET /speech, espeak-ng: the
// same sentence, rendered and cached there), after the browser's have been said; silent only
// where neither has a voice. Browsers start sound only after a click unless started with
// --autoplay-policy=no-user-gesture-required; the board asks once.
import { say } from './i18n.js';

let audio = null;
let serverVoices = {};           // language -> the server's voice for it ('' or absent: none)
let played = Promise.resolve();  // server speech, one clip after another
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

// What the server can say (GET /speech/languages), asked once at start.
export async function loadServerSpeech() {
    try {
        const r = await fetch('/speech/languages');
        serverVoices = r.ok ? await r.json() : {};
    } catch {
        serverVoices = {};
    }
    return serverVoices;
}

function browserVoice(language) {
    if (!('speechSynthesis' in window)) return null;
    return speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(language)) ?? null;
}

// How a language is said here: 'browser', 'server' or 'silent'.
export function howSpoken(language) {
    if (browserVoice(language)) return 'browser';
    return serverVoices[language] ? 'server' : 'silent';
}

async function playFromServer(call, languages) {
    for (let waited = 0; window.speechSynthesis?.speaking && waited < 30000; waited += 200) await sleep(200);
    for (const language of languages) {
        const clip = new Audio(`/speech?lang=${encodeURIComponent(language)}&ticket=${encodeURIComponent(call.number)}&counter=${call.counter}`);
        try {
            await clip.play();
            await new Promise((resolve) => { clip.onended = resolve; clip.onerror = resolve; setTimeout(resolve, 20000); });
        } catch {
            // no sound allowed yet, or the server could not say it: the screen still shows the call
        }
    }
}

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
    const fromServer = [];
    for (const language of languages) {
        const voice = browserVoice(language);
        if (!voice) {
            if (serverVoices[language]) fromServer.push(language);
            continue;
        }
        const u = new SpeechSynthesisUtterance(say(language, 'callSentence', { number: spokenNumber(call.number), counter: call.counter }));
        u.voice = voice;
        u.lang = voice.lang;
        speechSynthesis.speak(u);
    }
    if (fromServer.length) played = played.then(() => playFromServer(call, fromServer));
}
