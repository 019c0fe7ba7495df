// The guided player: walks exercises in order. Holds get a 3-second get-ready countdown (8 s
// to change sides) and a visible countdown that ends with a sound and a buzz; reps get a tap
// counter (one for both sides when they alternate). Rests sit between sets and exercises.
// Each finished exercise is marked done; it can pause, skip an exercise, or stop because
// something hurts. The exercise's first caution shows under the timer. Every countdown runs
// to a deadline, so a stalled or hidden page picks up at the right second; the screen is
// kept awake while the player is open, where the webview allows it.

import { $, h } from '../lib/dom.js';
import { cue, unlock } from '../lib/sound.js';
import { isHold } from './exercise.js';
import { figure } from './figure.js';

const GET_READY = 3;
const SWITCH_SIDES = 8;
const REST_BETWEEN_SETS = 30;
const CHANGE_OVER = 20;
/** What `player-state` says for each kind of step. */
const STATE = { 'get-ready': 'get-ready', hold: 'hold', reps: 'reps', rest: 'rest', finished: 'done' };

const els = {
  dialog: $('player'), count: $('player-count'), name: $('player-name'), dose: $('player-dose'),
  phase: $('player-phase'), dial: $('player-dial'), hint: $('player-hint'), next: $('player-next'),
  close: $('player-close'), steps: $('player-steps'), caution: $('player-caution'), state: $('player-state'),
  pause: $('player-pause'), skip: $('player-skip'), hurts: $('player-hurts'), figure: $('player-figure'),
};

let run = null;

/** The phases of one exercise: each set (and side), with rests between sets. */
function phasesOf(item) {
  const alternating = item.dose.kind === 'reps-alternating';
  const sides = item.dose.kind.endsWith('per-side') ? ['left side', 'right side'] : [null];
  const sets = item.dose.sets;
  const phases = [];
  for (let set = 1; set <= sets; set += 1) {
    sides.forEach((side, n) => {
      const label = [sets > 1 ? `Set ${set} of ${sets}` : null, side, alternating ? 'alternate sides, count every rep' : null]
        .filter(Boolean).join(', ');
      if (isHold(item)) {
        phases.push({ type: 'get-ready', seconds: n > 0 ? SWITCH_SIDES : GET_READY, label, switching: n > 0 });
        phases.push({ type: 'hold', seconds: item.amount, label });
      } else {
        phases.push({ type: 'reps', target: alternating ? item.amount * 2 : item.amount, label });
      }
    });
    if (set < sets) phases.push({ type: 'rest', seconds: REST_BETWEEN_SETS, label: 'Rest before the next set' });
  }
  return phases;
}

/**
 * Plays `items` in order. `speed` makes timers run faster (tests only); `setDone(id)` is
 * awaited after each exercise; `onHurt(id)` runs after "stop, this hurts" has closed the
 * player; `onClose()` runs when the player closes.
 */
export function play(items, { speed = 1, setDone, onHurt, onClose }) {
  unlock();
  const steps = [];
  items.forEach((item, i) => {
    for (const phase of phasesOf(item)) steps.push({ item, index: i, ...phase });
    steps.push({ item, index: i, type: 'mark' });
    if (i < items.length - 1) {
      // The rest before the next exercise shows it; what hurts then is the one just done.
      steps.push({ item: items[i + 1], index: i + 1, type: 'rest', seconds: CHANGE_OVER, label: `Next: ${items[i + 1].name}`, after: item });
    }
  });
  steps.push({ item: items[items.length - 1], index: items.length - 1, type: 'finished' });
  run = { steps, at: -1, timer: null, tick: null, count: 0, speed, setDone, onHurt, onClose, total: items.length, left: null };
  els.dialog.showModal();
  keepAwake();
  advance();
}

/** The Screen Wake Lock held while the player is open, if the webview grants one. */
let wakeLock = null;

/** Keeps the screen on while the player is open; without the API the screen sleeps as usual. */
async function keepAwake() {
  if (!run || wakeLock || !navigator.wakeLock || document.visibilityState !== 'visible') return;
  try {
    wakeLock = await navigator.wakeLock.request('screen');
    els.dialog.dataset.awake = 'true';
    // The system drops the lock when the page is hidden; it is asked for again on return.
    wakeLock.addEventListener('release', () => {
      wakeLock = null;
      els.dialog.dataset.awake = 'false';
    });
  } catch {
    wakeLock = null;
  }
}

/** The step now showing. */
const currentStep = () => run?.steps[run.at];

function stopTimer() {
  if (run?.timer) clearInterval(run.timer);
  if (run) {
    run.timer = null;
    run.tick = null;
  }
}

async function advance() {
  stopTimer();
  run.at += 1;
  run.left = null;
  const step = run.steps[run.at];
  if (step.type === 'mark') {
    const at = run.at;
    const playing = run;
    await run.setDone(step.item.id);
    // Closed, skipped or stopped while the mark was saved: nothing more to do here.
    if (run === playing && run.at === at) advance();
    return;
  }
  show(step);
  if (step.switching) cue('switch');
  if (step.seconds !== undefined) countdown(step);
}

function show(step) {
  const { item } = step;
  els.count.textContent = `Exercise ${step.index + 1} of ${run.total}`;
  els.name.textContent = item.name;
  els.dose.textContent = item.doseLabel;
  if (els.figure.dataset.exerciseId !== item.id) {
    els.figure.dataset.exerciseId = item.id;
    els.figure.replaceChildren(...[figure(item.id, item.name)].filter(Boolean));
  }
  els.steps.replaceChildren(...item.steps.map((s) => h('li', {}, s)));
  els.caution.textContent = item.cautions[0] ?? '';
  els.state.dataset.state = STATE[step.type];
  els.pause.textContent = 'Pause';
  els.pause.hidden = step.seconds === undefined;
  els.skip.hidden = step.type === 'finished';
  els.hurts.hidden = step.type === 'finished';
  els.phase.dataset.phase = step.type;
  els.phase.dataset.step = String(run.at);
  els.dial.dataset.phase = step.type;
  const text = {
    'get-ready': ['Get ready', `${step.label || item.name}: starting in`, 'Skip countdown'],
    hold: ['Hold', step.label, 'End this hold'],
    reps: ['Reps', `${step.label ? `${step.label}: ` : ''}tap the circle for each rep`, 'Set done'],
    rest: ['Rest', step.label, 'Skip rest'],
    finished: ['Done', run.total > 1 ? 'Session complete. Rate it on Today.' : 'Exercise complete.', 'Close'],
  }[step.type];
  els.phase.textContent = text[0];
  els.hint.textContent = text[1];
  els.next.textContent = text[2];
  if (step.type === 'reps') {
    run.count = 0;
    els.dial.textContent = `0 / ${step.target}`;
  } else if (step.type === 'finished') {
    els.dial.textContent = '✓';
    cue('end');
  }
  els.dial.disabled = step.type !== 'reps';
  els.dial.setAttribute('aria-label', step.type === 'reps' ? 'Count a rep' : 'Timer');
}

/** Counts `step` down from `remaining` ms to a deadline. The time gone is the larger of the
 * monotonic clock's and the wall clock's (the first can stand still while a phone sleeps), so
 * a late or skipped tick only shows the right second later, never makes the step longer. */
function countdown(step, remaining = (step.seconds * 1000) / run.speed) {
  const started = performance.now();
  const startedAt = Date.now();
  const total = remaining;
  let shown = null;
  const tick = () => {
    const gone = Math.max(performance.now() - started, Date.now() - startedAt);
    const left = Math.max(0, total - gone);
    run.left = left;
    const seconds = Math.ceil((left * run.speed) / 1000);
    if (seconds !== shown) {
      shown = seconds;
      els.dial.textContent = String(seconds);
      if (step.type === 'get-ready' && seconds > 0) cue('tick');
    }
    if (left <= 0) {
      cue(step.type === 'get-ready' ? 'go' : 'end');
      advance();
    }
  };
  run.timer = setInterval(tick, Math.min(100, 1000 / run.speed));
  run.tick = tick;
  tick();
}

/** Wires the player's buttons, once. */
export function init() {
  els.dial.addEventListener('click', () => {
    const step = run?.steps[run.at];
    if (step?.type !== 'reps') return;
    run.count += 1;
    els.dial.textContent = `${run.count} / ${step.target}`;
    if (run.count >= step.target) {
      cue('end');
      advance();
    }
  });

  els.next.addEventListener('click', () => {
    const step = run?.steps[run.at];
    if (!step) return;
    if (step.type === 'finished') els.dialog.close();
    else advance();
  });

  // Pause keeps the time left and the step; resume counts on from there.
  els.pause.addEventListener('click', () => {
    const current = currentStep();
    if (current?.seconds === undefined) return;
    if (run.timer) {
      stopTimer();
      els.state.dataset.state = 'paused';
      els.pause.textContent = 'Resume';
      els.phase.textContent = 'Paused';
    } else {
      show(current);
      countdown(current, run.left ?? (current.seconds * 1000) / run.speed);
    }
  });

  // Skips the rest of this exercise, leaving it not done, and goes on to the next one.
  els.skip.addEventListener('click', () => {
    if (!run) return;
    const index = currentStep()?.index;
    stopTimer();
    // Past this exercise's phases and its done mark; a rest before the next one stays.
    while (run.steps[run.at + 1]?.index === index && run.steps[run.at + 1].type !== 'finished') run.at += 1;
    advance();
  });

  // "Stop, this hurts": the player stops at once and Today records it and opens the check-in.
  els.hurts.addEventListener('click', () => {
    const current = currentStep();
    if (!current) return;
    const { onHurt } = run;
    els.dialog.close();
    onHurt?.((current.after ?? current.item).id);
  });

  // Back on screen: the countdown catches up at once, and the screen is kept awake again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || !run) return;
    run.tick?.();
    keepAwake();
  });

  els.close.addEventListener('click', () => els.dialog.close());
  els.dialog.addEventListener('close', () => {
    stopTimer();
    wakeLock?.release().catch(() => {});
    wakeLock = null;
    const onClose = run?.onClose;
    run = null;
    onClose?.();
  });
}
