// Short cues for the exercise timer: a beep through Web Audio, and a buzz: the phone's haptics
// through the app (Android, iOS), else the Vibration API, each only where the platform has it.

import { buzz } from './api.js';

/** The Vibration API's fallback pattern for each cue that buzzes, in milliseconds. */
const VIBRATION = { go: 120, switch: [120, 80, 120], end: [200, 100, 200] };

let audio = null;

/** Prepares audio; call from a tap, since browsers only allow sound after one. */
export function unlock() {
  try {
    audio ??= new AudioContext();
    audio.resume?.();
  } catch {
    audio = null;
  }
}

/** `tick` for a countdown second, `go` when work starts, `switch` when it is time to change
 * sides, `end` when work ends. */
export function cue(kind) {
  const tone = { tick: [660, 0.08], go: [880, 0.15], switch: [770, 0.2], end: [990, 0.35] }[kind];
  if (audio && tone) {
    try {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = tone[0];
      gain.gain.setValueAtTime(0.2, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + tone[1]);
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + tone[1]);
    } catch {
      // No audio output: the visible countdown still says it all.
    }
  }
  const pattern = VIBRATION[kind];
  if (!pattern) return;
  const vibrate = () => navigator.vibrate?.(pattern);
  buzz(kind).then((felt) => felt || vibrate(), vibrate);
}
