// Starts the UI: loads Today, refreshes it when the app comes back to the front, and shows
// a full-screen message when the app cannot start.

import { showMessage } from './dom.js';
import * as today from './today.js';

const screens = {
  today: document.getElementById('today'),
  fatal: document.getElementById('fatal'),
  loading: document.getElementById('loading'),
};

function show(name) {
  for (const [key, el] of Object.entries(screens)) el.hidden = key !== name;
}

async function refresh() {
  try {
    await today.load();
    show('today');
  } catch (error) {
    showMessage(document.getElementById('fatal-message'), error.message);
    show('fatal');
  }
  document.body.dataset.ready = 'true';
}

document.querySelector('[data-testid="nav-today"]').addEventListener('click', refresh);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') refresh();
});
refresh();
