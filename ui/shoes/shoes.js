// The Shoes screen: each pair with its distance, wear and prompt, retired pairs in a list of
// their own (collapsed once it is long); forms to add or edit a pair and to log or edit a run (the default pair
// preselected); the latest runs.

import { $, act, h, showMessage } from '../lib/dom.js';
import * as api from '../lib/api.js';
import { about, distance, longDate } from '../lib/format.js';
import * as runImport from './run-import.js';

const els = {
  list: $('shoe-list'), runs: $('run-list'), runsHeading: $('runs-heading'), empty: $('shoes-empty'),
  error: $('shoes-error'), pairForm: $('pair-form'), runForm: $('run-form'),
  retired: $('retired-pairs'), retiredSummary: $('retired-summary'), retiredList: $('retired-list'),
  longHint: $('run-long-hint'),
};

const STATUS = { wearing: 'Wearing out', replace: 'Replace now' };
/** From this many retired pairs their list starts collapsed. */
const COLLAPSE_FROM = 3;
/** Whether the runner opened (true) or closed (false) the retired list; null until then. */
let retiredChoice = null;
let view = null;
/** Today's date, as the app's clock has it (the day a new run starts on). */
let todayDate = () => '';

/** Sets the screen up, once; `today()` is Today's date. */
export function init({ today }) {
  todayDate = today;
  els.pairForm.addEventListener('submit', (event) => {
    event.preventDefault();
    savePair();
  });
  els.runForm.addEventListener('submit', (event) => {
    event.preventDefault();
    saveRun();
  });
  for (const button of document.querySelectorAll('#shoes [data-close]')) {
    button.addEventListener('click', () => { button.closest('form').hidden = true; });
  }
  $('shoe-add').addEventListener('click', () => openPairForm(null));
  $('run-add').addEventListener('click', () => openRunForm(null));
  // Importing runs draws the Shoes screen it leaves.
  runImport.init(render);
  els.retiredSummary.addEventListener('click', () => { retiredChoice = !els.retired.open; });
  els.runForm.elements.distance.addEventListener('input', suggestPair);
  els.runForm.elements.pair.addEventListener('change', () => { pairChosen = true; });
}

/** The runner chose the run's pair by hand: the form no longer suggests one. */
let pairChosen = false;

/** Preselects the pair for new runs, or the pair for long runs once the distance typed is a
 * long run for this runner (1.5 times their usual run). */
function suggestPair() {
  const f = els.runForm;
  if (f.dataset.editId || pairChosen) return;
  const typed = Number(f.elements.distance.value);
  const longPair = view.pairs.find((w) => w.id === view.longRunPair);
  const long = Boolean(longPair) && view.longRunFrom !== null && typed >= view.longRunFrom;
  const pick = long ? longPair : view.pairs.find((w) => w.default && !w.retired);
  if (pick) f.elements.pair.value = String(pick.id);
  els.longHint.hidden = !long;
  els.longHint.textContent = long ? `A long run for you, so it goes on ${longPair.name}.` : '';
}

/** Loads and draws the Shoes screen. */
export async function load() {
  render(await api.shoes());
}

function render(v) {
  view = v;
  for (const el of document.querySelectorAll('.unit-name')) el.textContent = v.unit;
  els.empty.hidden = v.pairs.length > 0;
  const retired = v.pairs.filter((w) => w.retired);
  els.list.replaceChildren(...v.pairs.filter((w) => !w.retired).map(card));
  els.retired.hidden = retired.length === 0;
  els.retired.open = retiredChoice ?? retired.length < COLLAPSE_FROM;
  els.retiredList.replaceChildren(...retired.map(card));
  const total = retired.reduce((sum, w) => sum + w.totalM, 0);
  els.retiredSummary.textContent = `Retired pairs (${retired.length}) · ${distance(total, v.unit)} ${v.unit} together`;
  const names = new Map(v.pairs.map((w) => [w.id, w.name]));
  els.runsHeading.hidden = v.runs.length === 0;
  els.runs.replaceChildren(...v.runs.map((run) => h('li', { class: 'run', 'data-testid': 'run-item', dataset: { runId: run.id } },
    h('button', { type: 'button', class: 'run-open', onclick: () => openRunForm(run) },
      `${run.date} · ${distance(run.distanceM, v.unit)} ${v.unit} · ${names.get(run.pairId) ?? ''}`),
    h('button', {
      type: 'button', class: 'ghost', 'data-testid': 'run-delete', 'aria-label': `Delete the run of ${run.date}`,
      onclick: () => update(api.deleteRun(run.id)),
    }, 'Delete'))));
  const select = els.runForm.elements.pair;
  select.replaceChildren(...v.pairs.filter((w) => !w.retired).map((w) => h('option', { value: w.id }, w.name)));
  const chosen = v.pairs.find((w) => w.default && !w.retired);
  if (chosen) select.value = String(chosen.id);
}

function card(w) {
  const status = w.retired ? 'Retired' : STATUS[w.level] ?? 'Good to go';
  return h('li', {
    class: 'card shoe-card', 'data-testid': 'shoe-card',
    dataset: { shoeId: w.id, level: w.level ?? 'ok', retired: String(w.retired) },
  },
  h('div', { class: 'shoe-top' },
    h('h2', {}, w.name),
    w.default && !w.retired ? h('span', { class: 'badge' }, 'For new runs') : null,
    w.id === view.longRunPair ? h('span', { class: 'badge' }, 'For long runs') : null),
  w.model ? h('p', { class: 'hint' }, w.model) : null,
  h('p', { class: 'shoe-numbers' },
    h('span', { 'data-testid': 'shoe-distance' }, `${distance(w.totalM, view.unit)} ${view.unit}`),
    ` of ${distance(w.limitM, view.unit)} ${view.unit} · `,
    h('span', { 'data-testid': 'shoe-wear' }, `${w.percent} %`)),
  h('progress', { max: 100, value: Math.min(w.percent, 100), class: `wear ${w.level ?? 'ok'}`, 'aria-label': `${w.name}: ${w.percent} % worn` }),
  h('p', { class: 'shoe-status' }, w.tooOld && !w.retired ? `${status}: over a year old` : status),
  w.retired ? null : h('p', { class: 'hint', 'data-testid': 'shoe-rotation' },
    `Last 30 days ${distance(w.rotation.last30M, view.unit)} ${view.unit} · 90 days ${distance(w.rotation.last90M, view.unit)} ${view.unit} · ${w.rotation.share} % of your runs`),
  w.projected ? h('p', { class: 'hint', 'data-testid': 'shoe-projection', dataset: { date: w.projected } },
    `At this rate it reaches its limit in ${about(todayDate(), w.projected)}, around ${longDate(w.projected)}.`) : null,
  h('div', { class: 'shoe-actions' },
    h('button', {
      type: 'button', class: 'ghost', 'data-testid': 'shoe-retire', onclick: () => retire(w),
    }, w.retired ? 'Bring back' : 'Retire'),
    w.retired ? null : h('button', { type: 'button', class: 'ghost', onclick: () => openPairForm(w) }, 'Edit'),
    w.retired ? null : h('button', {
      type: 'button', class: 'ghost', 'data-testid': 'shoe-long-runs', 'aria-pressed': String(w.id === view.longRunPair),
      onclick: () => update(api.setLongRunPair(w.id === view.longRunPair ? null : w.id)),
    }, 'For long runs')));
}

/** Runs an action that resolves to the Shoes screen and draws it; its error shows in `errorEl`. */
const update = (promise, errorEl = els.error) => act(promise, errorEl, render);

/** Retires a pair or brings it back; a pair just retired stays in sight in the opened list. */
async function retire(w) {
  if (!w.retired) retiredChoice = true;
  await update(api.retirePair(w.id, !w.retired));
}

const number = (input) => (input.value === '' ? null : Number(input.value));
const formError = (form) => form.querySelector('.error');

function openPairForm(w) {
  const f = els.pairForm;
  f.dataset.editId = w ? String(w.id) : '';
  f.querySelector('h2').textContent = w ? `Edit ${w.name}` : 'Add a pair';
  f.elements.name.value = w?.name ?? '';
  f.elements.model.value = w?.model ?? '';
  f.elements.start.value = w ? distance(w.startM, view.unit) : '0';
  f.elements.purchased.value = w?.purchased ?? '';
  f.elements.limit.value = w ? distance(w.limitM, view.unit) : String(view.defaultLimit);
  f.elements.default.checked = w ? w.default : view.pairs.length === 0;
  showMessage(formError(f), '');
  els.runForm.hidden = true;
  f.hidden = false;
  f.elements.name.focus();
}

function openRunForm(run) {
  const f = els.runForm;
  f.dataset.editId = run ? String(run.id) : '';
  f.querySelector('h2').textContent = run ? 'Edit the run' : 'Log a run';
  f.elements.date.value = run?.date ?? todayDate();
  f.elements.distance.value = run ? distance(run.distanceM, view.unit) : '';
  f.elements.minutes.value = run?.durationS ? String(Math.round(run.durationS / 60)) : '';
  if (run) f.elements.pair.value = String(run.pairId);
  pairChosen = false;
  suggestPair();
  showMessage(formError(f), '');
  els.pairForm.hidden = true;
  f.hidden = false;
  f.elements.distance.focus();
}

async function savePair() {
  const f = els.pairForm;
  const pair = {
    name: f.elements.name.value, model: f.elements.model.value || null, start: number(f.elements.start),
    purchased: f.elements.purchased.value || null, limit: number(f.elements.limit), default: f.elements.default.checked,
  };
  const id = f.dataset.editId;
  if (await update(id ? api.editPair(Number(id), pair) : api.addPair(pair), formError(f))) f.hidden = true;
}

async function saveRun() {
  const f = els.runForm;
  const run = {
    date: f.elements.date.value, distance: number(f.elements.distance), minutes: number(f.elements.minutes),
    pairId: f.elements.pair.value ? Number(f.elements.pair.value) : null,
  };
  const id = f.dataset.editId;
  if (await update(id ? api.editRun(Number(id), run) : api.addRun(run), formError(f))) f.hidden = true;
}

/** Opens the form for a new pair. */
export const addPair = () => openPairForm(null);
