// How dates, distances and streaks read on screen.

const utcDate = (iso) => new Date(`${iso}T12:00:00Z`);

/** "Monday, 30 March 2026" (in the system's language) for an ISO date. */
export const longDate = (iso) => new Intl.DateTimeFormat(undefined, {
  weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
}).format(utcDate(iso));

/** "March 2026". */
export const monthTitle = (year, month) => new Intl.DateTimeFormat(undefined, {
  month: 'long', year: 'numeric', timeZone: 'UTC',
}).format(new Date(Date.UTC(year, month - 1, 15)));

/** Short weekday names, starting on Monday or Sunday. */
export function weekdayNames(weekStart) {
  const format = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });
  // 5 January 2026 is a Monday, 4 January a Sunday.
  const first = weekStart === 'sun' ? 4 : 5;
  return [...Array(7)].map((_, i) => format.format(new Date(Date.UTC(2026, 0, first + i, 12))));
}

/** The streak as two lines of text: current and best; the number comes first in each. */
export function streakTexts(streak) {
  const unit = streak.unit === 'weeks' ? ['week', 'weeks'] : ['session', 'sessions'];
  const plural = (n) => (n === 1 ? unit[0] : unit[1]);
  return {
    current: `${streak.current} ${plural(streak.current)} in a row`,
    best: `${streak.best} best`,
  };
}

/** How long from ISO day `from` to ISO day `to`, roughly: "about 5 days", "about 6 weeks",
 * "about 4 months". */
export function about(from, to) {
  const days = Math.round((utcDate(to) - utcDate(from)) / 86_400_000);
  const [n, one, many] = days < 14 ? [days, 'day', 'days']
    : days < 70 ? [Math.round(days / 7), 'week', 'weeks'] : [Math.round(days / 30.44), 'month', 'months'];
  return `about ${n} ${n === 1 ? one : many}`;
}

/** A distance in metres, in the user's unit, to one decimal. */
export const distance = (metres, unit) => (metres / (unit === 'mi' ? 1609.344 : 1000)).toFixed(1);
