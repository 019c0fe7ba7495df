// The colour theme: the system's (prefers-color-scheme) unless light or dark was chosen in
// Settings; Today's call carries the choice, so the first paint already has it.

let chosen = 'system';

/** Shows the app in `theme` ('system', 'light' or 'dark'). */
export function apply(theme) {
  chosen = theme;
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

/** The theme last applied. */
export const current = () => chosen;
