// The Today screen: date and state, the readiness card, the back check-in with its advice and
// warning signs, the session (strength or gentle) with done and "stop, this hurts" on each
// exercise, run-day lists, and the rating once every exercise is done.

import { $, act, h, showMessage } from '../lib/dom.js';
import * as api from '../lib/api.js';
import * as theme from '../lib/theme.js';
import { about, distance, longDate, streakTexts } from '../lib/format.js';
import { ADVICE_TEXT, fillSigns, openReadiness, readinessText } from '../lib/safety.js';
import { exerciseDetails, isHold } from './exercise.js';

const STATUS_TEXT = {
  'not-started': (done, total) => `Ready · ${total} exercises`,
  partial: (done, total) => `In progress · ${done} of ${total} done`,
  done: (done, total) => `Done for today · all ${total} exercises`,
  rest: () => 'Rest day',
  recovery: (done, total) => `Recovery day · ${done} of ${total} done`,
};

const els = {
  date: $('today-date'), status: $('session-status'), error: $('today-error'),
  streakCurrent: $('streak-current'), streakBest: $('streak-best'),
  advice: $('pain-advice'), checkinSummary: $('checkin-summary'), scale: $('pain-scale'), area: $('pain-area'),
  shoePrompts: $('shoe-prompts'), recovery: $('recovery-note'), session: $('session'), sessionHeading: $('session-heading'),
  start: $('start-session'), list: $('routine'), rating: $('session-rating'), hurt: $('rating-hurt'),
  ratingError: $('rating-error'), result: $('session-result'), resultHeading: $('result-heading'),
  resultChanges: $('result-changes'), runBefore: $('run-before'), warmUp: $('warm-up'),
  runAfter: $('run-after'), afterRun: $('after-run'), rest: $('rest'),
  readiness: $('readiness'), readinessText: $('readiness-text'), readinessOpen: $('readiness-open'),
  adviceReason: $('advice-reason'), checkin: $('pain-checkin'), leg: $('pain-leg'), postureNote: $('posture-note'),
  signs: $('warning-signs'), signsOpen: $('warning-signs-open'), skipRun: $('skip-run'), hurtNote: $('hurt-note'),
  afterRunNote: $('strength-after-run'), welcome: $('welcome'), checkinToggle: $('checkin-toggle'),
  checkinBody: $('checkin-body'), streakExplain: $('streak-explain'), streakCard: $('streak-card'),
  streakDays: $('streak-days'), runningNotes: $('running-notes'),
};

/** What each day did for the streak, in words. */
const KEPT_BY = {
  kept: 'session kept', frozen: 'missed; a freeze day covered it', rest: 'rest day', recovery: 'recovery day', paused: 'paused',
};

let current = null;
let shownAdvice = null;
let hooks = { play: () => {}, dayOver: () => {}, addPair: () => {} };
let rollover = null;
/** The check-in shows its scale (else one row: the question, or the answer). */
let checkinOpen = false;
/** The first-day tip was dismissed (until the app is opened again). */
let tipDismissed = false;

/** The Today last drawn. */
export const state = () => current;

/**
 * Sets Today up, once. `play(today, items)` opens the guided player; `dayOver()` runs at
 * local midnight; `addPair()` opens the form for a new pair of shoes.
 */
export function init(given) {
  hooks = given;
  buildCheckin();
  els.readinessOpen.addEventListener('click', () => openReadiness(current.readiness, render));
  $('welcome-dismiss').addEventListener('click', () => {
    tipDismissed = true;
    els.welcome.hidden = true;
  });
  els.checkinToggle.addEventListener('click', () => openCheckin(!checkinOpen));
  els.streakExplain.addEventListener('click', () => {
    const open = els.streakCard.hidden;
    els.streakExplain.setAttribute('aria-expanded', String(open));
    if (!open) {
      els.streakCard.hidden = true;
      return;
    }
    act(api.explainStreak(), els.error, ({ days }) => {
      els.streakDays.replaceChildren(...days.map((d) => h('li', {
        'data-testid': 'streak-day', dataset: { date: d.date, kind: d.kind },
      }, `${longDate(d.date)}: ${KEPT_BY[d.kind]}`)));
      els.streakCard.hidden = false;
    });
  });
  els.signsOpen.addEventListener('click', () => {
    showSigns(els.signs.hidden);
    if (!els.signs.hidden) els.signs.scrollIntoView({ block: 'nearest' });
  });
  for (const button of els.rating.querySelectorAll('[data-rating]')) {
    button.addEventListener('click', () => act(
      api.finishSession(current.date, button.dataset.rating, els.hurt.value),
      els.ratingError,
      ({ today, changes }) => {
        showResult(today, changes);
        render(today);
      },
    ));
  }
  $('shoe-add-new').addEventListener('click', () => {
    $('retired-note').hidden = true;
    hooks.addPair();
  });
  els.start.addEventListener('click', () => hooks.play(current, current.items.filter((item) => !item.done)));
}

/** Draws Today: the first time the one that came with the page, then from the app. Rejects
 * with { kind, message } on failure. */
export async function load() {
  const first = api.takeFirstToday();
  const asked = first ? null : performance.now();
  const before = draws;
  const today = first ?? await api.today();
  const answered = first ? null : performance.now();
  // A change's answer drawn while this Today was on its way may be newer: keep that one.
  if (draws !== before) return;
  render(today);
  lastCall = { asked, answered, drawn: performance.now() };
}

/** How many times Today has been drawn. */
let draws = 0;

let lastCall = { asked: null, answered: null, drawn: 0 };

/** When the last Today IPC call was made and answered (null when Today came with the page),
 * and Today drawn (ms since the page began loading). */
export const lastCallMarks = () => lastCall;

/** Runs an action that resolves to a new Today and draws it; its error shows in `errorEl`. */
const update = (promise, errorEl = els.error) => act(promise, errorEl, render);

/** Sets an exercise of `date` (today unless the player says which) done or not done. */
export const setDone = (id, done, date = current.date) => update(api.setDone(date, id, done));

/** Draws `today`; keeps open cards and focus when the same session is redrawn. */
export function render(today) {
  draws += 1;
  if (current && current.date !== today.date) {
    // A new day: yesterday's answers and notes do not carry over.
    els.result.hidden = true;
    setArea(null);
    checkinOpen = false;
    els.leg.setAttribute('aria-pressed', 'false');
    showMessage(els.hurtNote, '');
  }
  current = today;
  theme.apply(today.theme);
  els.welcome.hidden = tipDismissed || today.streak.best > 0 || today.items.some((item) => item.done);
  els.date.dateTime = today.date;
  els.date.textContent = longDate(today.date);
  const streak = streakTexts(today.streak);
  els.streakCurrent.textContent = streak.current;
  els.streakBest.textContent = streak.best;
  els.streakExplain.hidden = today.streak.current === 0;
  if (els.streakExplain.hidden) els.streakCard.hidden = true;
  clearTimeout(rollover);
  rollover = setTimeout(() => hooks.dayOver(), today.nextDayMs + 250);

  const done = today.items.filter((item) => item.done).length;
  els.status.dataset.state = today.state;
  els.status.textContent = STATUS_TEXT[today.state](done, today.items.length);

  renderReadiness(today.readiness, today.streak.best === 0);
  els.advice.hidden = !today.advice;
  els.adviceReason.textContent = ADVICE_TEXT[today.advice] ?? '';
  // The warning signs open with the advice (and can be closed); the check-in's button shows
  // them any day.
  if (today.advice && today.advice !== shownAdvice) showSigns(true);
  shownAdvice = today.advice;
  renderShoePrompts(today.shoePrompts, today.unit);
  renderCheckin(today.checkin);
  els.recovery.hidden = today.state !== 'recovery';
  els.rest.hidden = today.state !== 'rest';

  els.session.hidden = today.items.length === 0;
  els.sessionHeading.textContent = `${today.kind === 'gentle' ? 'Gentle mobility' : 'Back & core'} · ${today.minutes} min`;
  els.start.hidden = done === today.items.length;
  els.afterRunNote.hidden = !today.strengthAfterRun;
  renderRunning(today);
  renderItems(els.list, today.items, routineItem);

  els.runBefore.hidden = !today.runDay;
  els.skipRun.hidden = !today.skipRun;
  els.runAfter.hidden = !today.runDay || today.skipRun;
  renderItems(els.warmUp, today.warmUp, listItem('warmup-item'));
  renderItems(els.afterRun, today.afterRun, listItem('stretch-item'));

  renderRating(today, done);
}

/** What the running asks of today's strength work, a calm line each. */
function renderRunning({ running, unit, kind, items }) {
  const strength = kind === 'strength' && items.length > 0;
  const notes = [
    running.raceDay && !strength && ['race-day', 'Race day: no strength session today. Run well, and go gently for a day or two after.'],
    running.taper && ['taper', `Race on ${longDate(running.taper.race)}: strength is tapering, with the same exercises at the same doses until then.`],
    running.afterLongRun && strength && ['after-long-run', `After yesterday's long run (${distance(running.afterLongRun, unit)} ${unit}), today's session is the gentler one.`],
    running.longRunDay && !strength && ['long-run-day', 'Today is your long-run day, so strength waits for another day this week.'],
  ].filter(Boolean);
  els.runningNotes.replaceChildren(...notes.map(([kind, text]) => h('p', {
    class: 'card banner', 'data-testid': 'running-note', dataset: { kind },
  }, text)));
}

/** Rebuilds a list only when its exercises change; otherwise updates marks in place. */
function renderItems(list, items, make) {
  const same = [...list.children].map((li) => `${li.dataset.exerciseId}:${li.dataset.amount}:${li.dataset.change}`).join()
    === items.map((i) => `${i.id}:${i.amount}:${i.change ?? ''}`).join();
  if (!same) list.replaceChildren(...items.map(make));
  items.forEach((item, i) => {
    const li = list.children[i];
    if (li.dataset.done !== undefined) markItem(li, item, current.hurt.includes(item.id));
  });
}

function routineItem(item) {
  const toggle = h('button', {
    type: 'button', class: 'check', 'data-testid': 'routine-item-done',
    onclick: () => toggleDone(item.id, li),
  }, h('span', { 'aria-hidden': 'true' }, '✓'));
  const hurts = h('button', {
    type: 'button', class: 'ghost stop', 'data-testid': 'stop-hurts',
    'aria-label': `Stop: ${item.name} hurts`, onclick: () => reportHurt(item.id),
  }, 'Hurts');
  const li = h('li', {
    class: 'item card', 'data-testid': 'routine-item',
    dataset: {
      exerciseId: item.id, category: item.category, level: item.level, hold: String(isHold(item)), amount: item.amount, change: item.change ?? '', done: String(item.done),
    },
  }, toggle, exerciseDetails(item, { onDose: setDose, onPlay: (it) => hooks.play(current, [it]) }), hurts);
  return li;
}

const listItem = (testid) => (item) => h('li', {
  class: 'item card plain', 'data-testid': testid,
  dataset: { exerciseId: item.id, amount: item.amount, change: '' },
}, exerciseDetails(item));

function markItem(li, item, hurt) {
  li.dataset.done = String(item.done);
  li.dataset.hurt = String(hurt);
  const stop = li.querySelector('.stop');
  stop.textContent = hurt ? 'Noted' : 'Hurts';
  stop.disabled = hurt;
  const toggle = li.querySelector('.check');
  toggle.setAttribute('aria-pressed', String(item.done));
  toggle.setAttribute('aria-label', item.done ? `${item.name}: done. Tap to undo` : `Mark ${item.name} done`);
}

async function toggleDone(id, li) {
  const toggle = li.querySelector('.check');
  toggle.disabled = true;
  await setDone(id, li.dataset.done !== 'true');
  toggle.disabled = false;
}

/** Sets an exercise's dose by hand; its error shows in `errorEl`, beside the adjuster. */
const setDose = (item, amount, errorEl) => update(api.setDose(item.id, amount), errorEl);

/** "Stop, this hurts" (from Today or the player, for `date`): records it, then opens the
 * check-in. */
export async function reportHurt(id, date = current.date) {
  const name = current.items.find((item) => item.id === id)?.name ?? 'That exercise';
  if (!(await update(api.recordHurt(date, id)))) return;
  showMessage(els.hurtNote, `${name} is noted: stop it for today. Next time it is left out, and after that it comes back a step easier. How is your back now?`);
  openCheckin(true);
  els.checkin.scrollIntoView({ block: 'start' });
  els.checkin.focus();
}

/** The readiness card: the questions until answered (for someone new), the care note after
 * a yes; Settings always has them. */
function renderReadiness(readiness, newcomer) {
  const answered = Boolean(readiness.answeredOn);
  els.readiness.hidden = answered ? readiness.yes.length === 0 : !newcomer;
  if (answered) els.readinessText.textContent = readinessText(readiness);
  els.readinessOpen.textContent = answered ? 'Review my answers' : 'Answer';
}

function showSigns(open) {
  fillSigns();
  els.signs.hidden = !open;
  els.signsOpen.setAttribute('aria-expanded', String(open));
}

/** The check-in's pain scale and its area and leg buttons. */
function buildCheckin() {
  for (let pain = 0; pain <= 10; pain += 1) {
    els.scale.append(h('button', {
      type: 'button', class: 'pain', dataset: { pain }, 'aria-pressed': 'false',
      'aria-label': `Pain ${pain} of 10`,
      // No pain needs no more questions: the check-in closes to its answer.
      onclick: () => saveCheckin(pain, selectedArea()).then((saved) => saved && pain === 0 && openCheckin(false)),
    }, String(pain)));
  }
  for (const button of els.area.querySelectorAll('[data-area]')) {
    button.addEventListener('click', () => {
      const area = button.dataset.area;
      const pain = current.checkin?.pain;
      if (pain) saveCheckin(pain, area).then((saved) => saved && openCheckin(false));
      else setArea(area);
    });
  }
  els.leg.addEventListener('click', () => {
    const leg = els.leg.getAttribute('aria-pressed') !== 'true';
    const pain = current.checkin?.pain;
    if (pain) saveCheckin(pain, selectedArea(), leg);
    else els.leg.setAttribute('aria-pressed', String(leg));
  });
}

function renderCheckin(checkin) {
  for (const button of els.scale.children) {
    button.setAttribute('aria-pressed', String(checkin?.pain === Number(button.dataset.pain)));
  }
  if (checkin?.area) setArea(checkin.area);
  if (checkin) els.leg.setAttribute('aria-pressed', String(checkin.leg));
  els.area.hidden = checkin !== null && checkin !== undefined && checkin.pain === 0;
  els.postureNote.hidden = !(checkin?.pain > 0 && checkin.area === 'upper');
  const where = [checkin?.area ? `${checkin.area} back` : null, checkin?.leg ? 'down a leg' : null].filter(Boolean).join(', ');
  els.checkinSummary.textContent = checkin
    ? `${checkin.pain} of 10${where ? `, ${where}` : ''} · Change`
    : 'Tap to answer, 0 to 10';
  els.checkinBody.hidden = !checkinOpen;
  els.checkinToggle.setAttribute('aria-expanded', String(checkinOpen));
}

/** Opens the check-in to its scale, or closes it to one row. */
function openCheckin(open) {
  checkinOpen = open;
  renderCheckin(current.checkin);
}

/** One card per pair of shoes that needs attention, with its three answers. */
function renderShoePrompts(prompts, unit) {
  els.shoePrompts.replaceChildren(...prompts.map((w) => {
    const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'error-message', hidden: true });
    // Resolves to true once answered and Today is redrawn; shows the message and false if not.
    const answer = (promise) => act(promise, error, load);
    const limit = h('input', {
      type: 'number', min: 0, step: 10, value: distance(w.limitM, unit), hidden: true,
      'aria-label': `New limit in ${unit}`, 'data-testid': 'shoe-prompt-limit-value',
    });
    const save = h('button', {
      type: 'button', class: 'primary', hidden: true, 'data-testid': 'shoe-prompt-limit-save',
      onclick: () => answer(api.answerShoePrompt(w.id, { action: 'change-limit', limit: Number(limit.value || 'NaN') })),
    }, 'Save limit');
    const age = w.tooOld ? ' They are also over a year old.' : '';
    const rate = w.projected && w.level === 'wearing' ? ` At this rate they reach the limit in ${about(current.date, w.projected)}.` : '';
    return h('div', {
      class: `card banner shoe-prompt ${w.level}`, 'data-testid': 'shoe-prompt', dataset: { shoeId: w.id, level: w.level },
    },
    h('h2', {}, w.level === 'replace' ? `Time to replace ${w.name}` : `${w.name}: wearing out`),
    h('p', {}, `${distance(w.totalM, unit)} of ${distance(w.limitM, unit)} ${unit} (${w.percent} %).${age}${rate} `
      + 'Shoes that have lost their cushioning can put more load on your back.'),
    h('div', { class: 'prompt-actions' },
      h('button', {
        type: 'button', class: 'primary', 'data-testid': 'shoe-prompt-retire',
        onclick: () => answer(api.retirePair(w.id, true)).then((retired) => {
          if (!retired) return;
          $('retired-text').textContent = `${w.name} are retired. Running in new shoes? Add them so their distance counts from the first run.`;
          $('retired-note').hidden = false;
        }),
      }, 'Retire them'),
      h('button', { type: 'button', class: 'ghost', 'data-testid': 'shoe-prompt-later', onclick: () => answer(api.answerShoePrompt(w.id, { action: 'later' })) }, 'Remind me later'),
      h('button', { type: 'button', class: 'ghost', 'data-testid': 'shoe-prompt-limit', onclick: () => {
        limit.hidden = false;
        save.hidden = false;
        limit.focus();
      } }, 'Change the limit')),
    h('div', { class: 'prompt-limit' }, limit, save),
    error);
  }));
}

function setArea(area) {
  for (const button of els.area.querySelectorAll('[data-area]')) {
    button.setAttribute('aria-pressed', String(button.dataset.area === area));
  }
}

const selectedArea = () => els.area.querySelector('[data-area][aria-pressed="true"]')?.dataset.area ?? null;

function saveCheckin(pain, area, leg = els.leg.getAttribute('aria-pressed') === 'true') {
  showMessage(els.hurtNote, '');
  return update(api.checkIn(current.date, pain, area, leg));
}

function renderRating(today, done) {
  const ask = today.items.length > 0 && done === today.items.length && !today.rating;
  els.rating.hidden = !ask;
  const options = today.items.map((item) => item.id).join();
  if (!ask || els.hurt.dataset.options === options) return;
  els.hurt.dataset.options = options;
  els.hurt.replaceChildren(
    h('option', { value: '' }, 'No, nothing hurt'),
    ...today.items.map((item) => h('option', { value: item.id }, item.name)));
}

function showResult(today, changes) {
  els.result.hidden = false;
  els.resultHeading.textContent = today.kind === 'gentle'
    ? 'Session saved. Doses wait until your back feels better.'
    : changes.length > 0 ? 'Next time:' : 'Session saved. Doses stay as they are for now.';
  els.resultChanges.replaceChildren(...changes.map((c) => h('li', { 'data-testid': 'dose-change-summary' }, c.text)));
}
