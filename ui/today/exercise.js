// An exercise's expandable card body: name and dose in the summary; its drawing, targets,
// steps, cautions and (for the session) a dose adjuster and a timer button inside.

import { h } from '../lib/dom.js';

const CATEGORY_TEXT = {
  core: 'Core', back: 'Back', posture: 'Posture', hips: 'Glutes & hips', 'upper-body': 'Upper body',
  mobility: 'Mobility', 'warm-up': 'Warm-up',
};

/** True when the exercise is held for time rather than counted in reps. */
export const isHold = (item) => item.dose.kind.startsWith('hold');

/** The step of the dose adjuster, matching the core's progression steps. */
const STEP = { reps: 2, 'reps-per-side': 1, 'reps-alternating': 1, 'hold-seconds': 5, 'hold-seconds-per-side': 5 };

/**
 * The <details> body of an exercise. `actions` (optional):
 * { onDose(item, amount, errorEl), onPlay(item) } add the dose adjuster and the timer button;
 * `onDose` shows its error in `errorEl`, under the adjuster.
 */
export function exerciseDetails(item, actions) {
  const summary = h('summary', {},
    h('span', { class: 'item-name' }, item.name),
    h('span', { class: 'item-dose' },
      item.doseLabel,
      item.change ? h('span', { class: 'item-change', 'data-testid': 'dose-change' }, item.change) : null));
  const body = h('div', { class: 'item-detail' },
    h('div', { class: 'item-figure' }),
    h('p', { class: 'item-meta' }, `${CATEGORY_TEXT[item.category] ?? item.category} · ${item.targets.join(', ')}`),
    item.floor ? h('p', { class: 'item-meta floor' }, 'On the floor: a mat, a carpet or a folded towel is kinder to knees and spine.') : null,
    h('ol', { class: 'steps' }, item.steps.map((step) => h('li', {}, step))),
    h('ul', { class: 'cautions', 'aria-label': 'Take care' }, item.cautions.map((c) => h('li', {}, c))),
    actions ? exerciseActions(item, actions) : null);
  // The drawing's module loads when a card is first opened, not before Today's first paint.
  return h('details', {
    class: 'item-body',
    ontoggle: (event) => {
      const place = event.target.querySelector('.item-figure');
      if (!event.target.open || place.childElementCount > 0) return;
      import('./figure.js').then(({ figure }) => place.replaceChildren(...[figure(item.id, item.name)].filter(Boolean)));
    },
  }, summary, body);
}

function exerciseActions(item, { onDose, onPlay }) {
  const unit = isHold(item) ? 's' : 'reps';
  const step = STEP[item.dose.kind] ?? 1;
  const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'error-message', hidden: true });
  const adjust = (delta) => () => onDose(item, item.amount + delta, error);
  return h('div', { class: 'item-actions' },
    h('button', { type: 'button', class: 'primary', 'data-testid': 'exercise-play', onclick: () => onPlay(item) },
      isHold(item) ? 'Start timer' : 'Count reps'),
    h('div', { class: 'stepper', role: 'group', 'aria-label': `Dose of ${item.name}` },
      h('button', { type: 'button', class: 'ghost', 'aria-label': `Less: ${item.amount - step} ${unit}`, onclick: adjust(-step) }, '−'),
      h('span', { class: 'stepper-value', 'data-testid': 'dose-amount' }, `${item.amount} ${unit}`),
      h('button', { type: 'button', class: 'ghost', 'aria-label': `More: ${item.amount + step} ${unit}`, onclick: adjust(step) }, '+')),
    error);
}
