// Importing runs: files or an export are read by the app (with progress and a cancel), an
// export is shown before anything is added, then the result is said in words.

import { $, act, h, showMessage } from '../lib/dom.js';
import * as api from '../lib/api.js';

const els = {
  input: $('run-import'), folder: $('run-import-folder'), walks: $('import-walks'),
  progress: $('import-progress'), bar: $('import-bar'), count: $('import-count'), cancel: $('import-cancel'),
  preview: $('import-preview'), total: $('import-preview-total'), pairs: $('import-pairs'),
  left: $('import-preview-left'), dateField: $('import-date-field'), date: $('import-date'),
  confirm: $('import-confirm'), dismiss: $('import-dismiss'), result: $('import-result'), error: $('import-error'),
};
/** The largest file the page itself reads (a file put on the input without the dialog). */
const MAX_PAGE_FILE = 1024 * 1024 * 1024;
/** How often the progress bar asks how far reading has got, in milliseconds. */
const PROGRESS_EVERY = 250;

let render = () => {};
/** The import waiting in the preview, and how to tell the reader it is settled. */
let waiting = null;

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const runs = (n) => plural(n, 'run', 'runs');
const km = (value, unit) => `${value.toFixed(1)} ${unit}`;

/** "a", "a and b", "a, b and c". */
const and = (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** What was left out, one phrase each ("1 run already imported"). */
function leftOut(summary) {
  return [
    summary.skipped ? `${runs(summary.skipped)} already imported` : '',
    summary.withoutDistance ? `${plural(summary.withoutDistance, 'run', 'runs')} with no distance` : '',
    summary.otherSports.length ? `${and(summary.otherSports)} (only runs go on running shoes)` : '',
    summary.refusedCount ? `${runs(summary.refusedCount)} refused (${summary.refused.join('; ')})` : '',
    summary.unreadableCount
      ? `${plural(summary.unreadableCount, 'file', 'files')} that could not be read (${summary.unreadable.join('; ')})` : '',
  ].filter(Boolean);
}

/** A sentence for a file that ended early, or nothing. */
const cutShort = (summary) => (summary.cutShort ? ' A file ends early or is damaged: what came before the damage was read.' : '');

/** Where the runs go: one line a pair. */
const pairLines = (summary) => summary.pairs.map((p) => h('li', { dataset: { pair: p.name } },
  `${p.name}${p.new ? ' (a new pair)' : ''}: ${runs(p.runs)}, ${km(p.distance, summary.unit)}`));

function showResult(imported) {
  render(imported.shoes);
  const left = leftOut(imported);
  const to = imported.pairs.length > 1 ? ` onto ${plural(imported.pairs.length, 'pair', 'pairs')}` : '';
  const skipped = left.length ? `; skipped ${left.join('; ')}` : '';
  els.result.textContent = `Imported ${runs(imported.added)}${to}${skipped}.${cutShort(imported)}`;
}

function showPreview(staged) {
  els.total.textContent = `${runs(staged.added)}, ${km(staged.distance, staged.unit)}, from ${plural(staged.files, 'file', 'files')}.`;
  els.pairs.replaceChildren(...pairLines(staged));
  const left = leftOut(staged);
  els.left.textContent = `${left.length ? `Left out: ${left.join('; ')}.` : ''}${cutShort(staged)}`.trim();
  els.dateField.hidden = staged.withoutTime === 0;
  if (staged.withoutTime && !els.date.value) els.date.value = new Date().toLocaleDateString('sv');
  els.confirm.disabled = staged.added === 0;
  els.preview.hidden = false;
}

/** Settles the import in the preview; `imported` is null when it was set aside. */
function settle(imported) {
  els.preview.hidden = true;
  const done = waiting?.done;
  waiting = null;
  done?.(imported);
}

/** Polls how far reading has got while `reading` runs; the bar shows files read of all. */
async function withProgress(reading) {
  els.bar.value = 0;
  els.count.textContent = 'Reading…';
  els.progress.hidden = false;
  const timer = setInterval(async () => {
    const p = await api.importProgress().catch(() => null);
    if (!p?.reading || !p.total) return;
    els.bar.value = p.done / p.total;
    els.count.textContent = `${p.done} of ${plural(p.total, 'file', 'files')} read`;
  }, PROGRESS_EVERY);
  try {
    return await reading();
  } finally {
    clearInterval(timer);
    els.progress.hidden = true;
  }
}

/** Reads with `reading`, then imports at once, or after the runner confirms the preview. */
async function read(reading) {
  settle(null);
  els.result.textContent = '';
  showMessage(els.error, '');
  await act(async () => {
    const staged = await withProgress(reading);
    if (!staged) return;
    if (!staged.confirm) {
      showResult(await api.importRuns(staged.token, els.walks.checked, null));
      return;
    }
    showPreview(staged);
    await new Promise((done) => { waiting = { token: staged.token, done }; });
  }, els.error);
}

/** Wires the import card, once; `draw` shows the Shoes screen after an import. */
export function init(draw) {
  render = draw;
  // Choosing files opens the platform's dialog, and the app reads the files itself.
  els.input.addEventListener('click', (event) => {
    event.preventDefault();
    read(() => api.pickRuns(els.walks.checked));
  });
  els.folder.addEventListener('click', () => read(() => api.pickRunFolder(els.walks.checked)));
  // Files put on the input without the dialog are checked for size and read one by one.
  els.input.addEventListener('change', async () => {
    const files = [...els.input.files];
    els.input.value = '';
    for (const file of files) {
      await read(async () => {
        if (file.size > MAX_PAGE_FILE) throw { message: 'That file is larger than 1 GB.' };
        return api.readRunFile(file.name, new Uint8Array(await file.arrayBuffer()), els.walks.checked);
      });
    }
  });
  els.cancel.addEventListener('click', () => api.cancelImport());
  const refresh = () => waiting && act(api.previewImport(waiting.token, els.walks.checked, els.date.value), els.error, showPreview);
  els.walks.addEventListener('change', refresh);
  els.date.addEventListener('change', refresh);
  els.confirm.addEventListener('click', async () => {
    if (!waiting) return;
    els.confirm.disabled = true;
    await act(api.importRuns(waiting.token, els.walks.checked, els.date.value), els.error, (imported) => {
      showResult(imported);
      settle(imported);
    });
    els.confirm.disabled = false;
  });
  els.dismiss.addEventListener('click', () => settle(null));
}
