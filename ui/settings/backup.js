// Backups on the Settings screen: export (backup or history CSV), restore from a file or an
// automatic backup after a preview of what it holds, and Today's notice after a damaged data
// file was moved aside at start. A chosen file is read by the app itself, once: the preview
// names what the confirmation restores.

import { $, act, h, showMessage } from '../lib/dom.js';
import * as api from '../lib/api.js';
import { longDate } from '../lib/format.js';

const result = $('backup-result');
const error = $('backup-error');
const preview = $('restore-preview');
const fileInput = $('import-backup');

let hooks = { restored: () => {}, openSettings: async () => {} };
/** The token of the backup previewed, waiting for confirmation. */
let pending = null;
/** The largest backup file the app reads (backup::MAX_BYTES). */
const MAX_BYTES = 256 * 1024 * 1024;

const day = (iso) => longDate(iso.slice(0, 10));
const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const kb = (bytes) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Fills the backup card: the automatic backups and their folder. */
export async function load() {
  const view = await api.backups();
  $('backup-folder').textContent = view.folder;
  $('auto-backups').replaceChildren(...view.autos.map((b) => h('li', {},
    h('span', {}, `${longDate(b.date)}${b.beforeDamage ? ', from before the damage' : ''} · ${kb(b.bytes)}`),
    h('button', {
      type: 'button', class: 'ghost', 'data-testid': 'auto-restore', dataset: { date: b.date, name: b.name },
      onclick: () => previewAuto(b.name),
    }, 'Restore…'))));
  return view;
}

/** Shows Today's notice if start-up moved a damaged data file aside. */
export async function notice() {
  const view = await api.backups();
  const box = $('damaged-notice');
  box.hidden = !view.damaged;
  if (!view.damaged) return;
  $('damaged-text').textContent = `Backstride's data file was damaged, so it started fresh. The damaged file was kept, not deleted: ${view.damaged.damaged}. The automatic backups from before it are kept until you restore one or dismiss this.`;
  const latest = view.autos.find((b) => b.beforeDamage);
  const button = $('restore-latest');
  button.hidden = !latest;
  if (latest) {
    button.textContent = `Restore the backup of ${longDate(latest.date)}`;
    button.onclick = async () => {
      await hooks.openSettings();
      previewAuto(latest.name);
    };
  }
}

function showPreview({ token, summary }) {
  pending = token;
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

/** Runs `action` with the card's last result and error cleared; its error shows on the card. */
function attempt(action) {
  result.textContent = '';
  showMessage(error, '');
  return act(action, error);
}

async function previewAuto(name) {
  await attempt(async () => showPreview(await api.previewAutoBackup(name)));
}

async function exportAs(kind) {
  await attempt(async () => {
    result.textContent = 'Choose where to save it…';
    const exported = await api.exportBackup(kind);
    result.textContent = exported.savedTo
      ? `Saved to ${exported.savedTo}`
      : `Not saved elsewhere. A copy is kept in ${exported.kept}`;
  });
}

/**
 * Wires the backup card and Today's damage notice, once. `restored()` runs after a restore;
 * `openSettings()` shows the Settings screen.
 */
export function init(given) {
  hooks = given;
  $('dismiss-damage').addEventListener('click', async () => {
    try {
      await api.dismissDamage();
      $('damaged-notice').hidden = true;
    } catch (e) {
      $('damaged-text').textContent = e.message;
    }
  });

  // Choosing a file opens the platform's dialog, and the app reads the file itself.
  fileInput.addEventListener('click', (event) => {
    event.preventDefault();
    preview.hidden = true;
    attempt(async () => {
      const picked = await api.pickBackup();
      if (picked) showPreview(picked);
    });
  });

  // A file put on the input without the dialog is checked for size before it is read.
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files[0];
    if (!file) return;
    preview.hidden = true;
    await attempt(async () => {
      if (file.size > MAX_BYTES) throw { message: 'This backup cannot be restored: the file is far larger than any Backstride backup.' };
      showPreview(await api.previewBackup(new Uint8Array(await file.arrayBuffer())));
    });
    fileInput.value = '';
  });

  $('restore-confirm').addEventListener('click', () => attempt(async () => {
    const token = pending;
    if (token === null) return;
    const restored = await api.restoreBackup(token);
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

  $('export-backup').addEventListener('click', () => exportAs('json'));
  $('export-csv').addEventListener('click', () => exportAs('csv'));
  $('export-summary').addEventListener('click', () => exportAs('html'));
}
