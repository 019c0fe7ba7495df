// The app's commands, called over Tauri's IPC. Every failure becomes { kind, message }.

const invoke = window.__TAURI__?.core?.invoke;

async function call(command, args, options) {
  if (!invoke) {
    throw { kind: 'startup', message: 'Backstride has to be opened as the app, not in a web browser.' };
  }
  try {
    return await invoke(command, args, options);
  } catch (error) {
    if (error && typeof error.message === 'string') {
      return Promise.reject({ kind: error.kind ?? 'invalid', message: error.message });
    }
    return Promise.reject({ kind: 'invalid', message: 'Something went wrong. Please try again.' });
  }
}

/** Today's screen. */
export const today = () => call('today');

// The first Today comes with the page (src-tauri/window.rs puts it, as data, in a script that
// runs before this one), so the first paint waits on no IPC call; every later one asks.
let firstToday = window.__BACKSTRIDE_TODAY__ ?? null;

/** The Today that came with the page, once; null after that, or if none came. */
export function takeFirstToday() {
  const first = firstToday;
  firstToday = null;
  return first;
}

/** Marks one of `date`'s exercises done or not done; resolves to the updated Today. */
export const setDone = (date, exerciseId, done) => call('set_done', { date, exerciseId, done });

/** Finishes `date`'s session; resolves to { today, changes }. */
export const finishSession = (date, rating, hurt) => call('finish_session', { date, rating, hurt: hurt || null });

/** Stores `date`'s back check-in (`leg`: pain, tingling or numbness down a leg); resolves to
 * the updated Today. */
export const checkIn = (date, pain, area, leg) => call('check_in', { date, pain, area: area || null, leg: Boolean(leg) });

/** "Stop, this hurts": records that one of `date`'s exercises hurt; resolves to the updated Today. */
export const recordHurt = (date, exerciseId) => call('record_hurt', { date, exerciseId });

/** Stores the readiness answers (the ids answered yes); resolves to the updated Today. */
export const answerReadiness = (yes) => call('answer_readiness', { yes });

/** The plan and settings: { plan, timerSpeed }. */
export const settings = () => call('settings');

/** Saves the plan; resolves to the updated Today. */
export const savePlan = (plan) => call('save_plan', { plan });

/** Sets an exercise's dose by hand; resolves to the updated Today. */
export const setDose = (exerciseId, amount) => call('set_dose', { exerciseId, amount });
export const setRace = (date) => call('set_race', { date });

/** A month of the calendar: { year, month, today, weekStart, days, streak }. */
export const month = (year, month) => call('month', { year, month });

/** Today's streak and the days that made it or kept it whole: { streak, days: [{ date, kind }] },
 * newest first. */
export const explainStreak = () => call('explain_streak');

/** One day's detail. */
export const day = (date) => call('day', { date });

/** Logs a past day as done (or un-logs it); resolves to the day's detail. */
export const logDay = (date, done) => call('log_day', { date, done });

/** Sets a day's note; resolves to the day's detail. */
export const setNote = (date, note) => call('set_note', { date, note });

/** Saves the week start and freeze days; resolves to the calendar settings. */
export const saveCalendarSettings = (weekStart, freezes) => call('save_calendar_settings', { weekStart, freezes });

/** Adds a pause; resolves to the calendar settings. */
export const addPause = (start, end) => call('add_pause', { start, end });

/** Removes a pause; resolves to the calendar settings. */
export const removePause = (id) => call('remove_pause', { id });

/** The reminder settings, upcoming and missed reminders, and the notification permission. */
export const reminders = () => call('reminders');

/** Saves the reminder settings (times as "HH:MM"); resolves like `reminders`. */
export const saveReminders = (times, evening, shoePrompts) => call('save_reminders', { times, evening, shoePrompts });

/** The reminders' self-check: `{ lines: [{ kind, ok, text, fix }], autostart }`. */
export const checkReminders = () => call('check_reminders');

/** Sends a test notification now; resolves like `checkReminders`. */
export const sendTestNotification = () => call('send_test_notification');

/** Turns starting at login on or off (desktop); resolves like `checkReminders`. */
export const setAutostart = (on) => call('set_autostart', { on });

/** The Training screen: { unit, weeks: [{ start, metres, runs, longRunM, longRunOn }], jump }. */
export const training = () => call('training');

/** The Shoes screen: { unit, pairs, runs }. */
export const shoes = () => call('shoes');

/** Adds a pair: { name, model, start, purchased, limit, default }; resolves to the Shoes screen. */
export const addPair = (pair) => call('add_pair', { pair });

/** Retires a pair or brings it back. */
export const retirePair = (id, retired) => call('retire_pair', { id, retired });
export const setLongRunPair = (id) => call('set_long_run_pair', { id });

/** Answers a wear prompt: { action: 'later' } or { action: 'change-limit', limit }. */
export const answerShoePrompt = (id, answer) => call('answer_shoe_prompt', { id, answer });

/** Logs a run: { date, distance, minutes, pairId }. */
export const addRun = (run) => call('add_run', { run });

/** Deletes a run. */
export const deleteRun = (id) => call('delete_run', { id });

/** Chooses km or mi. */
export const setUnit = (unit) => call('set_unit', { unit });

/** Chooses the colour theme: 'system', 'light' or 'dark'; resolves to it. */
export const setTheme = (theme) => call('set_theme', { theme });

/** Changes a pair. */
export const editPair = (id, pair) => call('edit_pair', { id, pair });

/** Changes a run. */
export const editRun = (id, run) => call('edit_run', { id, run });

/** Asks for run files or an export in the platform's open dialog; the app reads them and
 * keeps their runs. Resolves to a preview { token, confirm, pairs, added, distance, ... }, or
 * null when the dialog was cancelled. `walks`: walks and hikes count too. */
export const pickRuns = (walks) => call('pick_runs', { walks });

/** As `pickRuns`, for a folder (an unpacked export). */
export const pickRunFolder = (walks) => call('pick_run_folder', { walks });

/** Reads a run file or an export given as bytes (a file put on the input without the
 * dialog); resolves to a preview like `pickRuns`. */
export const readRunFile = (fileName, bytes, walks) => call('read_run_file', bytes, {
  headers: { 'x-file-name': encodeURIComponent(fileName), 'x-walks': walks ? '1' : '0' },
});

/** What importing the runs kept as `token` would do with these choices; a preview. */
export const previewImport = (token, walks, date) => call('preview_import', { token, walks, date: date || null });

/** Imports the runs kept as `token`; resolves to { added, skipped, pairs, ..., shoes }. */
export const importRuns = (token, walks, date) => call('import_runs', { token, walks, date: date || null });

/** Stops the import being read. */
export const cancelImport = () => call('cancel_import');

/** How far the import being read has got: { reading, done, total }. */
export const importProgress = () => call('import_progress');

/** The automatic backups { autos, folder, damaged }: `damaged` ({ damaged, at }) says where
 * a damaged data file went, until a backup is restored or the notice dismissed. */
export const backups = () => call('backups');

/** Dismisses the notice of a damaged data file; resolves like `backups`. */
export const dismissDamage = () => call('dismiss_damage');

/** Asks for a backup file in the platform's open dialog; the app reads and checks it.
 * Resolves to { token, summary }, or null when the dialog was cancelled. */
export const pickBackup = () => call('pick_backup');

/** Exports a backup ('json') or the history ('csv'); resolves to { kept, savedTo }. */
export const exportBackup = (kind) => call('export_backup', { kind });

/** Reads and checks a backup file's bytes; resolves to { token, summary }. Nothing changes. */
export const previewBackup = (bytes) => call('preview_backup', bytes);

/** Reads and checks the automatic backup called `name`; resolves to { token, summary }. */
export const previewAutoBackup = (name) => call('preview_auto_backup', { name });

/** Replaces everything with the backup previewed as `token`; resolves to { summary, previous }. */
export const restoreBackup = (token) => call('restore_backup', { token });

/** A touch cue from the phone's haptics: 'go', 'switch' or 'end'. Resolves to true when the
 * device gave it, false where it has none (desktops), so the caller can fall back. */
export const buzz = (cue) => call('buzz', { cue });

/** Tells the app Today is painted, with how long Today's IPC call took (for the benchmark). */
export const painted = (marks) => call('painted', { marks });
