// The Training screen: the distance run in each of the last twelve weeks as a bar chart (the
// latest week in the accent), each week's long run, and a calm note when the latest week is a
// big jump over the four before it.

import { $ } from '../lib/dom.js';
import * as api from '../lib/api.js';
import { barChart } from '../lib/chart.js';
import { distance, longDate } from '../lib/format.js';

const els = {
  chart: $('training-chart'), jump: $('load-jump'), empty: $('training-empty'), total: $('training-total'),
  pain: $('pain-chart'),
};

/** The ISO day `n` days before ISO day `iso`. */
const daysBefore = (iso, n) => new Date(Date.parse(`${iso}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

const dayMonth = (iso) => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' })
  .format(new Date(`${iso}T12:00:00Z`));

/** Sets the screen up, once (nothing to wire yet: it only shows). */
export function init() {}

/** Loads and draws the Training screen. */
export async function load() {
  const view = await api.training();
  const { unit, weeks } = view;
  const last = weeks.at(-1);
  const bars = weeks.map((w, i) => ({
    value: w.metres,
    // Every other week is named, counted back from this one, so the names never run together.
    label: (weeks.length - 1 - i) % 2 === 0 ? dayMonth(w.start) : '',
    title: `Week of ${longDate(w.start)}: ${distance(w.metres, unit)} ${unit}`,
    mark: w === last,
    attrs: { 'data-testid': 'training-week', 'data-week-start': w.start, 'data-distance': distance(w.metres, unit) },
  }));
  const cells = weeks.map((w) => [
    longDate(w.start), `${distance(w.metres, unit)} ${unit}`, String(w.runs),
    w.longRunOn ? `${distance(w.longRunM, unit)} ${unit} on ${longDate(w.longRunOn)}` : 'none',
  ]);
  els.chart.replaceChildren(...barChart(bars, {
    caption: `Distance per week, the last ${weeks.length} weeks`,
    headers: ['Week of', 'Distance', 'Runs', 'Long run'], cells,
  }));
  els.total.textContent = last.longRunOn
    ? `This week: ${distance(last.metres, unit)} ${unit} in ${last.runs} ${last.runs === 1 ? 'run' : 'runs'}; the longest ${distance(last.longRunM, unit)} ${unit}.`
    : 'No run this week yet.';
  els.empty.hidden = weeks.some((w) => w.runs > 0);
  els.jump.hidden = !view.jump;
  drawPain(view);
}

/** The last 30 days: each day's bar is the distance of its week, its dot the back check-in. */
function drawPain({ today, unit, weeks, pain }) {
  const byDay = new Map(pain.map((c) => [c.date, c.pain]));
  const weekOf = (iso) => weeks.findLast((w) => w.start <= iso);
  const days = [...Array(30)].map((_, i) => daysBefore(today, 29 - i));
  const bars = days.map((iso, i) => {
    const week = weekOf(iso);
    const metres = week ? week.metres : 0;
    const painToday = byDay.get(iso);
    return {
      value: metres, label: i % 7 === 3 ? dayMonth(iso) : '', dot: painToday,
      title: `${longDate(iso)}: ${painToday === undefined ? 'no check-in' : `back pain ${painToday} of 10`}; that week ${distance(metres, unit)} ${unit}`,
      attrs: { 'data-testid': 'pain-day', 'data-date': iso, 'data-pain': painToday ?? null },
    };
  });
  els.pain.replaceChildren(...barChart(bars, {
    caption: 'Back pain and weekly distance, the last 30 days',
    headers: ['Day', 'Back pain', 'Distance that week'],
    cells: bars.map((b, i) => [longDate(days[i]), b.dot === undefined ? 'no check-in' : `${b.dot} of 10`, `${distance(b.value, unit)} ${unit}`]),
  }));
}
