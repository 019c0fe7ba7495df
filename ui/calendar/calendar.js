// The Calendar screen: a month grid whose days show done, partial, missed, frozen, paused,
// rest, recovery, today and planned, with a legend; a tap on a day shows what was done and
// lets the user log or un-log it afterwards and keep a note.

import { $, act, h } from '../lib/dom.js';
import * as api from '../lib/api.js';
import { longDate, monthTitle, streakTexts, weekdayNames } from '../lib/format.js';

const STATES = {
  done: 'Done', partial: 'Partly done', missed: 'Missed', frozen: 'Freeze day', paused: 'Paused',
  rest: 'Rest', recovery: 'Recovery', today: 'Today', planned: 'Planned', none: 'Before you started',
};

const els = {
  title: $('calendar-title'), prev: $('calendar-prev'), next: $('calendar-next'), streak: $('calendar-streak'),
  weekdays: $('weekdays'), grid: $('month-grid'), legend: $('legend'), detail: $('day-detail'),
  dayTitle: $('day-title'), dayState: $('day-state'), dayItems: $('day-items'), log: $('day-log'),
  unlog: $('day-unlog'), note: $('day-note'), noteSave: $('day-note-save'), error: $('day-error'),
  empty: $('calendar-empty'),
};
// Days that show a history has begun; a month without any (and no best streak) gets the
// first-day note.
const BEGUN = new Set(['done', 'partial', 'missed', 'frozen', 'paused', 'recovery']);

let shown = null;
let selected = null;

/** Draws the legend and wires the month and day buttons, once. */
export function init() {
  els.legend.replaceChildren(...Object.entries(STATES).filter(([state]) => state !== 'none').map(([state, label]) =>
    h('li', {}, h('span', { class: 'swatch', dataset: { state }, 'aria-hidden': 'true' }), label)));
  els.log.addEventListener('click', () => change(() => api.logDay(selected, true)));
  els.unlog.addEventListener('click', () => change(() => api.logDay(selected, false)));
  els.noteSave.addEventListener('click', () => change(() => api.setNote(selected, els.note.value)));
  els.prev.addEventListener('click', () => step(-1));
  els.next.addEventListener('click', () => step(1));
}

/** Shows `year`-`month`, or the month shown last, or the current month. */
export async function load(year, month) {
  let target = year ? { year, month } : shown;
  if (!target) {
    const [y, m] = (await api.today()).date.split('-').map(Number);
    target = { year: y, month: m };
  }
  render(await api.month(target.year, target.month));
}

function render(m) {
  shown = { year: m.year, month: m.month };
  els.title.textContent = monthTitle(m.year, m.month);
  const { current, best } = streakTexts(m.streak);
  els.streak.textContent = `${current} · ${best}`;
  els.empty.hidden = m.streak.best > 0 || m.days.some((d) => BEGUN.has(d.state));
  els.weekdays.replaceChildren(...weekdayNames(m.weekStart).map((name) => h('span', {}, name)));
  const firstDay = new Date(`${m.days[0].date}T12:00:00Z`).getUTCDay();
  const offset = m.weekStart === 'sun' ? firstDay : (firstDay + 6) % 7;
  els.grid.replaceChildren(
    ...[...Array(offset)].map(() => h('span', { class: 'blank', 'aria-hidden': 'true' })),
    ...m.days.map(dayCell));
  if (selected && !m.days.some((d) => d.date === selected)) {
    selected = null;
    els.detail.hidden = true;
  }
}

function dayCell(day) {
  const extras = [day.afterwards ? 'logged afterwards' : null, day.note ? 'has a note' : null].filter(Boolean);
  return h('button', {
    type: 'button', class: 'day', 'data-testid': 'calendar-day',
    dataset: { date: day.date, state: day.state, afterwards: String(day.afterwards), note: String(day.note) },
    'aria-label': `${longDate(day.date)}: ${[STATES[day.state], ...extras].join(', ')}`,
    'aria-pressed': String(day.date === selected),
    onclick: () => select(day.date),
  }, String(Number(day.date.slice(8))));
}

async function select(date) {
  selected = date;
  for (const cell of els.grid.querySelectorAll('.day')) cell.setAttribute('aria-pressed', String(cell.dataset.date === date));
  await act(api.day(date), els.error, renderDetail);
}

function renderDetail(d) {
  els.detail.hidden = false;
  els.detail.dataset.date = d.date;
  els.detail.dataset.state = d.state;
  els.dayTitle.textContent = longDate(d.date);
  els.dayState.textContent = [STATES[d.state], d.afterwards ? 'logged afterwards' : null].filter(Boolean).join(' · ');
  els.dayItems.replaceChildren(...d.items.map((item) =>
    h('li', { dataset: { done: String(item.done) } }, `${item.done ? '✓' : '○'} ${item.name}`)));
  els.log.hidden = !d.changeable || d.state === 'done';
  els.unlog.hidden = !d.changeable || d.items.length === 0;
  els.note.value = d.note ?? '';
}

/** Runs a change to the selected day, then draws the day and the month anew. */
const change = (action) => act(action, els.error, (day) => {
  renderDetail(day);
  return load();
});

/** Shows the month `delta` months away. */
function step(delta) {
  const index = shown.year * 12 + (shown.month - 1) + delta;
  return act(() => load(Math.floor(index / 12), (index % 12) + 1), els.error);
}
