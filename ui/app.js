// Starts the UI: switches between the tabs, loads each screen when it is shown, opens the
// guided player, turns the day over at local midnight, and shows a full-screen message when
// the app cannot start.

import { showMessage } from './dom.js';
import * as api from './api.js';
import * as today from './today.js';
import * as settings from './settings.js';
import * as calendar from './calendar.js';
import * as reminders from './reminders.js';
import * as shoes from './shoes.js';
import * as backup from './backup.js';
import { play } from './player.js';

const screens = {
  today: document.getElementById('today'),
  calendar: document.getElementById('calendar'),
  shoes: document.getElementById('shoes'),
  settings: document.getElementById('settings'),
  fatal: document.getElementById('fatal'),
  loading: document.getElementById('loading'),
};
const loaders = {
  // Today paints from its own call; the reminder notes follow without holding it up.
  today: async () => {
    await today.load();
    reminders.load().catch(() => {});
  },
  calendar: () => calendar.load(),
  shoes: shoes.load,
  settings: () => Promise.all([settings.load(), reminders.load(), backup.load()]),
};
let shown = 'today';

function show(name) {
  for (const [key, el] of Object.entries(screens)) el.hidden = key !== name;
  backup.setHooks({
  openSettings: () => open('settings'),
  restored: () => settings.load().catch(() => {}),
});

for (const tab of document.querySelectorAll('.tab')) {
    if (tab.dataset.screen === name) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
}

async function open(name) {
  try {
    await loaders[name]();
    shown = name;
    show(name);
  } catch (error) {
    showMessage(document.getElementById('fatal-message'), error.message);
    show('fatal');
  }
  document.body.dataset.ready = 'true';
}

today.setHooks({
  play: async (current, items) => {
    if (items.length === 0) return;
    await settings.load().catch(() => {});
    play(items, {
      speed: settings.speed(),
      markDone: (id) => today.markDone(id, true),
      onClose: () => today.load().catch(() => {}),
    });
  },
  addPair: async () => {
    await open('shoes');
    shoes.addPair();
  },
  // At local midnight Today becomes the next day, and the calendar moves its "today".
  dayOver: () => {
    today.load().catch(() => {});
    if (shown === 'calendar') calendar.load().catch(() => {});
  },
});

backup.setHooks({
  openSettings: () => open('settings'),
  restored: () => settings.load().catch(() => {}),
});

for (const tab of document.querySelectorAll('.tab')) {
  tab.addEventListener('click', () => open(tab.dataset.screen));
}
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') open(shown);
});
// Once Today is on screen (two frames later), the app is told, for the start-up benchmark.
open('today')
  .then(() => requestAnimationFrame(() => requestAnimationFrame(() => api.painted(today.lastCallMs()).catch(() => {}))))
  .then(() => backup.notice())
  .catch(() => {});
