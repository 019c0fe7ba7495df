// Starts the UI: switches between the tabs, loads each screen when it is shown, opens the
// guided player, turns the day over at local midnight, and shows a full-screen message when
// the app cannot start.

import { $, fill, showMessage } from './lib/dom.js';
import * as api from './lib/api.js';
import * as today from './today/today.js';

const scriptStart = performance.now();
// Tauri's isolation frame holds every IPC call until it says it is ready; noted for the
// start-up benchmark, to tell that wait from the call itself.
let isolationReady = null;
window.addEventListener('message', (event) => {
  if (event.data === '__TAURI_ISOLATION_READY__') isolationReady ??= performance.now();
});

/** What `load` resolves to (a module, after its screen's markup), loaded on first use and set
 * up once with `setUp`; a failed load is tried again on the next use. */
function lazy(load, setUp) {
  let ready = null;
  return () => {
    ready ??= load().then((module) => {
      setUp(module);
      return module;
    }, (error) => {
      ready = null;
      throw error;
    });
    return ready;
  };
}

// Only Today's markup, styles and modules load before Today is painted; the other screens'
// are fetched on first use or right after that paint (scripts/bench.sh measures the start-up).
// A screen's markup is in place before its module runs, as the module finds its elements.
const settingsPart = lazy(() => fill('settings', 'settings/settings.html', ['settings/settings.css']), () => {});
const settings = lazy(() => settingsPart().then(() => import('./settings/settings.js')), (s) => s.init({ todayChanged: today.render }));
const reminders = lazy(() => settingsPart().then(() => import('./settings/reminders.js')), (r) => r.init());
const backup = lazy(() => settingsPart().then(() => import('./settings/backup.js')), (b) => b.init({
  openSettings: () => open('settings'),
  restored: () => settings().then((s) => s.load()).catch(() => {}),
}));
const calendar = lazy(() => fill('calendar', 'calendar/calendar.html', ['calendar/calendar.css'])
  .then(() => import('./calendar/calendar.js')), (c) => c.init());
const training = lazy(() => fill('training', 'training/training.html', ['lib/chart.css'])
  .then(() => import('./training/training.js')), (t) => t.init());
const shoes = lazy(() => fill('shoes', 'shoes/shoes.html', ['shoes/shoes.css'])
  .then(() => import('./shoes/shoes.js')), (s) => s.init({ today: () => today.state()?.date ?? '' }));
const player = lazy(() => fill('player', 'today/player.html', ['today/player.css'])
  .then(() => import('./today/player.js')), (p) => p.init());

const screens = Object.fromEntries(['today', 'calendar', 'training', 'shoes', 'settings', 'problem', 'fatal', 'loading']
  .map((id) => [id, $(id)]));
const loaders = {
  // Today is drawn first; its reminder notes follow once it is on screen.
  today: async () => {
    await today.load();
    painted.then(reminders).then((r) => r.load()).catch(() => {});
  },
  calendar: async () => (await calendar()).load(),
  training: async () => (await training()).load(),
  shoes: async () => (await shoes()).load(),
  settings: async () => {
    const [s, r, b] = await Promise.all([settings(), reminders(), backup()]);
    r.check();
    return Promise.all([s.load(), r.load(), b.load()]);
  },
};
/** Resolves once Today is first on screen. */
let paint;
const painted = new Promise((resolve) => { paint = resolve; });
let shown = 'today';
let started = false;

/** Shows screen `name`, with `tab` marked as the current tab. */
function show(name, tab = name) {
  // Another screen starts at its top, as a tab does in any phone app.
  if (screens[name].hidden) $('view').scrollTo(0, 0);
  for (const [key, el] of Object.entries(screens)) el.hidden = key !== name;
  for (const button of document.querySelectorAll('.tab')) {
    if (button.dataset.screen === tab) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
}

/** Loads and shows tab `name`. If Today cannot load at start the app cannot start; any later
 * failure shows what went wrong, with a button to try that tab again. */
async function open(name) {
  try {
    await loaders[name]();
    shown = name;
    started = true;
    show(name);
  } catch (error) {
    const where = started ? 'problem' : 'fatal';
    showMessage($(`${where}-message`), error.message);
    shown = name;
    show(where, name);
  }
  document.body.dataset.ready = 'true';
}

$('problem-retry').addEventListener('click', () => open(shown));

today.init({
  play: async (current, items) => {
    if (items.length === 0) return;
    const [s, { play }] = await Promise.all([settings(), player()]);
    await s.load().catch(() => {});
    // The session belongs to the day it started on, also if it runs past midnight.
    const { date } = current;
    play(items, {
      speed: s.speed(),
      setDone: (id) => today.setDone(id, true, date),
      onHurt: (id) => today.reportHurt(id, date),
      onClose: () => today.load().catch(() => {}),
    });
  },
  addPair: async () => {
    await open('shoes');
    (await shoes()).addPair();
  },
  // At local midnight Today becomes the next day, and the calendar moves its "today".
  dayOver: () => {
    today.load().catch(() => {});
    if (shown === 'calendar') calendar().then((c) => c.load()).catch(() => {});
  },
});

for (const tab of document.querySelectorAll('.tab')) {
  tab.addEventListener('click', () => open(tab.dataset.screen));
}
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') open(shown);
});
// Once Today is on screen (two frames later), the app is told, for the start-up benchmark.
// Today is then asked for once more, in case the one that came with the page is older than
// the data (the page was loaded again): never a stale session for longer than one call.
// Then the other screens' markup and modules are fetched, so a first tap on a tab does not wait.
open('today')
  .then(() => new Promise((next) => requestAnimationFrame(() => requestAnimationFrame(next))))
  .then(() => {
    paint();
    return api.painted({ script: scriptStart, isolationReady, ...today.lastCallMarks(), painted: performance.now() }).catch(() => {});
  })
  .then(() => today.load().catch(() => {}))
  .then(() => backup())
  .then((b) => b.notice())
  .then(() => Promise.all([settings(), calendar(), shoes(), player()]))
  .catch(() => {});
