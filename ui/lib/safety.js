// Safety content in the app's own words: the warning signs that need help, why the advice to
// see a professional shows, and the first-day readiness questions with their dialog.

import { $, act, h, showMessage } from './dom.js';
import * as api from './api.js';

const SIGNS = {
  urgent: [
    'numbness or tingling around your genitals or buttocks, the part you sit on',
    'new trouble passing urine, or losing control of your bladder or bowels',
    'numbness, tingling or weakness in both legs',
    'pain that started with a fall, a crash or another accident',
  ],
  soon: [
    'a fever, or feeling unwell in yourself',
    'weight loss you cannot explain',
    'pain that stays constant at night, even lying still',
  ],
};

/** Why the advice shows, by the core's reason. */
export const ADVICE_TEXT = {
  strong: 'Your back pain is strong today.',
  leg: 'Pain, tingling or numbness down a leg is worth having checked.',
  lasting: 'Your back has been sore on most of the last 14 days.',
  frequent: 'You have had three or more recovery days in the last two weeks.',
  rising: 'Your back pain has gone up over your last three check-ins.',
};

const QUESTIONS = [
  ['heart', 'A doctor has said I have a heart condition.'],
  ['chest-pain', 'I get chest pain when I am active, or have had it lately at rest.'],
  ['dizziness', 'I get dizzy, lose my balance or have fainted.'],
  ['bone-or-joint', 'I have a bone or joint problem that gets worse when I am active.'],
  ['medicine', 'I take medicine for my heart or blood pressure.'],
  ['pregnancy', 'I am pregnant, or have had a baby in the last few months.'],
  ['back-operation', 'I have had a back operation in the last year.'],
  ['other-reason', 'A doctor has told me of another reason to be careful with exercise.'],
];

/** Fills every list of warning signs on the page. */
export function fillSigns() {
  for (const list of document.querySelectorAll('ul.signs[data-signs]')) {
    if (list.children.length === 0) list.append(...SIGNS[list.dataset.signs].map((s) => h('li', {}, s)));
  }
}

/** What the readiness answers mean, in a sentence. */
export function readinessText(readiness) {
  if (!readiness.answeredOn) return 'Not answered yet.';
  return readiness.yes.length > 0
    ? 'You answered yes to at least one question. Please check with your doctor before you start '
      + 'or step up exercise; until you change your answers, every exercise stays at its gentlest level.'
    : 'You answered no to every question. If anything changes, review your answers here.';
}

const dialog = $('readiness-dialog');
const box = $('readiness-questions');
const error = $('readiness-error');
let onSaved = () => {};

/** Opens the readiness questions with `readiness`'s answers ticked; `saved(today)` runs once
 * the answers are stored. */
export function openReadiness(readiness, saved) {
  onSaved = saved;
  fillSigns();
  if (box.querySelectorAll('input').length === 0) setUpReadiness();
  for (const input of box.querySelectorAll('input')) input.checked = readiness.yes.includes(input.value);
  showMessage(error, '');
  dialog.showModal();
}

/** Fills the dialog with its questions and wires its buttons, on first opening. */
function setUpReadiness() {
  box.append(...QUESTIONS.map(([id, text]) => h('label', { class: 'option question' },
    h('input', { type: 'checkbox', name: 'yes', value: id, 'data-testid': `readiness-${id}` }), ` ${text}`)));
  $('readiness-save').addEventListener('click', () => {
    const yes = [...box.querySelectorAll('input:checked')].map((input) => input.value);
    return act(api.answerReadiness(yes), error, (today) => {
      dialog.close();
      onSaved(today);
    });
  });
  $('readiness-cancel').addEventListener('click', () => dialog.close());
}
