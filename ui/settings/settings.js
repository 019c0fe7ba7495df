// The Settings screen: the plan (fixed days or N a week, run days, equipment, with a warning,
// never a block, for more than three strength days or two in a row), a race day, the safety questions,
// appearance and distances, and the calendar (week start, freeze days, pauses), saved on
// every change; a refused change shows why, beside its own form, and is not saved.

import { $, act, h, showMessage } from '../lib/dom.js';
import * as api from '../lib/api.js';
import * as theme from '../lib/theme.js';
import { openReadiness, readinessText } from '../lib/safety.js';
import { longDate } from '../lib/format.js';

const DAYS = [['mon', 'Mon'], ['tue', 'Tue'], ['wed', 'Wed'], ['thu', 'Thu'], ['fri', 'Fri'], ['sat', 'Sat'], ['sun', 'Sun']];
const EQUIPMENT = [['mat', 'Mat'], ['band', 'Resistance band'], ['dumbbell', 'Dumbbells'], ['kettlebell', 'Kettlebell'], ['foam-roller', 'Foam roller']];

const form = $('plan-form');
const groups = { strengthDays: $('strength-days'), runDays: $('run-days'), equipment: $('equipment') };
const error = $('settings-error');
const saved = $('settings-saved');
const strengthWarning = $('strength-warning');
const readinessNote = $('readiness-settings-text');
const calendarForm = $('calendar-form');
const calendarError = $('calendar-settings-error');
const pauseList = $('pauses');
const unitForm = $('unit-form');
const unitError = $('unit-error');
const raceForm = $('race-form');
const raceError = $('race-error');
const raceSaved = $('race-saved');

let timerSpeed = 1;

/** How fast exercise timers run (1 except in tests). */
export const speed = () => timerSpeed;

function chips(group, name, options) {
  group.replaceChildren(...options.map(([value, label]) => h('label', { class: 'chip' },
    h('input', { type: 'checkbox', name, value }), label)));
}

/**
 * Builds the forms' choices and wires them, once. `todayChanged(today)` draws Today anew
 * after the safety questions were answered here.
 */
export function init({ todayChanged }) {
  chips(groups.strengthDays, 'strengthDays', DAYS);
  chips(groups.runDays, 'runDays', DAYS);
  chips(groups.equipment, 'equipment', EQUIPMENT);
  form.elements.perWeek.replaceChildren(...[1, 2, 3, 4, 5, 6, 7].map((n) => h('option', { value: n }, String(n))));
  form.addEventListener('change', () => {
    updateEnabled();
    saving = saving.then(save);
  });
  $('settings-readiness').addEventListener('click', () => {
    openReadiness(readiness, (view) => {
      todayChanged(view);
      readiness = view.readiness;
      readinessNote.textContent = readinessText(readiness);
    });
  });

  calendarForm.elements.freezes.replaceChildren(...[0, 1, 2, 3, 4, 5].map((n) => h('option', { value: n }, String(n))));
  calendarForm.addEventListener('change', (event) => {
    if (event.target.name === 'weekStart' || event.target.name === 'freezes') {
      const { weekStart, freezes } = calendarForm.elements;
      calendarChange(api.saveCalendarSettings(weekStart.value, Number(freezes.value)));
    }
  });
  $('pause-add').addEventListener('click', () => {
    const { pauseStart, pauseEnd } = calendarForm.elements;
    if (!pauseStart.value || !pauseEnd.value) {
      showMessage(calendarError, 'Choose the first and the last day of the pause.');
      return;
    }
    calendarChange(api.addPause(pauseStart.value, pauseEnd.value));
  });

  raceForm.addEventListener('submit', (event) => {
    event.preventDefault();
    saveRace(raceForm.elements.race.value);
  });
  $('race-clear').addEventListener('click', () => {
    raceForm.elements.race.value = '';
    saveRace('');
  });

  unitForm.addEventListener('change', (event) => act(
    event.target.name === 'theme'
      ? api.setTheme(event.target.value).then(theme.apply)
      : api.setUnit(unitForm.elements.unit.value),
    unitError,
  ));
  for (const each of [form, calendarForm, unitForm]) each.addEventListener('submit', (event) => event.preventDefault());
}

/** Loads the plan, the unit and the calendar settings into the forms. */
export async function load() {
  const [settings, shoes] = await Promise.all([api.settings(), api.shoes()]);
  timerSpeed = settings.timerSpeed;
  fill(settings.plan);
  fillCalendar(settings.calendar);
  raceForm.elements.race.value = settings.race ?? '';
  raceSaved.textContent = '';
  unitForm.elements.unit.value = shoes.unit;
  unitForm.elements.theme.value = theme.current();
  readiness = settings.readiness;
  readinessNote.textContent = readinessText(readiness);
}

let readiness = { answeredOn: null, yes: [] };

/** A warning (never a block) for more than three strength days a week or two in a row. */
function warnAboutDays() {
  const fixed = form.elements.mode.value === 'fixed';
  const days = checked('strengthDays').map((d) => DAYS.findIndex(([value]) => value === d));
  const count = fixed ? days.length : Number(form.elements.perWeek.value);
  const inARow = fixed && days.some((d) => days.includes((d + 1) % 7));
  const warnings = [
    count > 3 ? `${count} strength days a week leave little time to recover: two or three suit most runners.` : null,
    inARow ? 'Two strength days in a row: muscles grow stronger in the rest between sessions, so a day off between them helps.' : null,
  ].filter(Boolean);
  strengthWarning.textContent = warnings.join(' ');
  strengthWarning.hidden = warnings.length === 0;
}

function fill(plan) {
  form.elements.mode.value = plan.mode;
  form.elements.perWeek.value = String(plan.perWeek);
  for (const [group, values] of [['strengthDays', plan.strengthDays], ['runDays', plan.runDays], ['equipment', plan.equipment]]) {
    for (const box of groups[group].querySelectorAll('input')) box.checked = values.includes(box.value);
  }
  updateEnabled();
}

function updateEnabled() {
  const fixed = form.elements.mode.value === 'fixed';
  for (const box of groups.strengthDays.querySelectorAll('input')) box.disabled = !fixed;
  form.elements.perWeek.disabled = fixed;
  warnAboutDays();
}

const checked = (group) => [...groups[group].querySelectorAll('input:checked')].map((box) => box.value);

let saving = Promise.resolve();

/** Saves what the form shows; saves run one after another, each reading the form anew. */
async function save() {
  const plan = {
    mode: form.elements.mode.value,
    strengthDays: checked('strengthDays'),
    perWeek: Number(form.elements.perWeek.value),
    runDays: checked('runDays'),
    equipment: checked('equipment'),
  };
  saved.textContent = '';
  await act(api.savePlan(plan), error, () => {
    saved.textContent = 'Saved. Today follows your new plan.';
  });
}

/** Stores the race day (an empty one clears it). */
async function saveRace(date) {
  raceSaved.textContent = '';
  await act(api.setRace(date), raceError, () => {
    raceSaved.textContent = date ? `Saved. Strength work tapers over the 10 days before ${longDate(date)}.` : 'No race set.';
  });
}

function fillCalendar(calendar) {
  calendarForm.elements.weekStart.value = calendar.weekStart;
  calendarForm.elements.freezes.value = String(calendar.freezesPerMonth);
  pauseList.replaceChildren(...calendar.pauses.map((pause) => h('li', { class: 'pause', 'data-testid': 'pause' },
    h('span', {}, `${pause.start} to ${pause.end}`),
    h('button', {
      type: 'button', class: 'ghost', 'aria-label': `Remove the pause from ${pause.start} to ${pause.end}`,
      onclick: () => calendarChange(api.removePause(pause.id)),
    }, 'Remove'))));
}

/** Runs a change to the calendar settings and fills the form from what it resolves to. */
const calendarChange = (promise) => act(promise, calendarError, fillCalendar);
