// Backups on the Settings screen: export (backup or history CSV), restore from a file or an
// automatic backup after a preview of what it holds, and Today's notice after a damaged data
// file was moved aside at start.

import { h, showMessage } from './dom.js';
import * as api from './api.js';
import { longDate } from './format.js';

const $ = (id) => document.getElementById(id);
const result = $('backup-result');
const error = $('backup-error');
const preview = $('restore-preview');
const fileInput = $('import-backup');

let hooks = { restored: () => {}, openSettings: async () => {} };
/** A restore waiting for confirmation: `() => Promise<Restored>`. */
let pending = null;

/** `restored()` runs after a restore; `openSettings()` shows the Settings screen. */
export const setHooks = (h) => { hooks = { ...hooks, ...h }; };

const day = (iso) => longDate(iso.slice(0, 10));
const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const kb = (bytes) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Fills the backup card: the automatic backups and their folder. */
export async function load() {
  const view = await api.backups();
  $('backup-folder').textContent = view.folder;
  $('auto-backups').replaceChildren(...view.autos.map((b) => h('li', {},
    h('span', {}, `${longDate(b.date)} · ${kb(b.bytes)}`),
    h('button', {
      type: 'button', class: 'ghost', 'data-testid': 'auto-restore', dataset: { date: b.date },
      onclick: () => previewAuto(b.date),
    }, 'Restore…'))));
  return view;
}

/** Shows Today's notice if start-up moved a damaged data file aside. */
export async function notice() {
  const view = await api.backups();
  const box = $('damaged-notice');
  box.hidden = !view.damaged;
  if (!view.damaged) return;
  $('damaged-text').textContent = `Backstride's data file was damaged, so it started fresh. The damaged file was kept, not deleted: ${view.damaged}`;
  const latest = view.autos[0];
  const button = $('restore-latest');
  button.hidden = !latest;
  if (latest) {
    button.textContent = `Restore the backup of ${longDate(latest.date)}`;
    button.onclick = async () => {
      await hooks.openSettings();
      previewAuto(latest.date);
    };
  }
}

function showPreview(summary, restore) {
  pending = restore;
  $('restore-heading').textContent = `Backup made ${day(summary.createdAt)}`;
  const span = summary.firstDay
    ? `From ${longDate(summary.firstDay)} to ${longDate(summary.lastDay)}`
    : 'No days recorded yet';
  $('restore-summary').replaceChildren(...[
    span,
    `${count(summary.sessions, 'session', 'sessions')}, ${count(summary.exercisesDone, 'exercise', 'exercises')} done`,
    `${count(summary.checkIns, 'back check-in', 'back check-ins')}, ${count(summary.notes, 'note', 'notes')}, ${count(summary.pauses, 'pause', 'pauses')}`,
    `${count(summary.pairs, 'pair of shoes', 'pairs of shoes')}, ${count(summary.runs, 'run', 'runs')}`,
  ].map((text) => h('li', {}, text)));
  preview.hidden = false;
  $('restore-confirm').focus();
}

async function attempt(action) {
  result.textContent = '';
  showMessage(error, '');
  try {
    await action();
  } catch (e) {
    showMessage(error, e.message);
  }
}

async function previewAuto(date) {
  await attempt(async () => showPreview(await api.previewAutoBackup(date), () => api.restoreAutoBackup(date)));
}

fileInput.addEventListener('change', async () => {
  const file = fileInput.files[0];
  if (!file) return;
  preview.hidden = true;
  await attempt(async () => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    showPreview(await api.previewBackup(bytes), () => api.restoreBackup(bytes));
  });
  fileInput.value = '';
});

$('restore-confirm').addEventListener('click', () => attempt(async () => {
  const restore = pending;
  if (!restore) return;
  const restored = await restore();
  pending = null;
  preview.hidden = true;
  $('damaged-notice').hidden = true;
  result.textContent = `Restored the backup of ${day(restored.summary.createdAt)}. What was in the app before is saved in ${restored.previous}`;
  await hooks.restored();
  await load();
}));

$('restore-cancel').addEventListener('click', () => {
  pending = null;
  preview.hidden = true;
});

async function exportAs(kind) {
  await attempt(async () => {
    result.textContent = 'Choose where to save it…';
    const exported = await api.exportBackup(kind);
    result.textContent = exported.savedTo
      ? `Saved to ${exported.savedTo}`
      : `Not saved elsewhere. A copy is kept in ${exported.kept}`;
  });
}

$('export-backup').addEventListener('click', () => exportAs('json'));
$('export-csv').addEventListener('click', () => exportAs('csv'));
