// The isolation hook: only the app's own commands leave the webview. Anything else (a
// command injected by a script that got in, or a plugin's) is renamed to one that does not
// exist, so Tauri refuses it and the caller gets an error instead of waiting forever.

const COMMANDS = new Set([
  'today', 'set_done', 'finish_session', 'check_in', 'record_hurt', 'answer_readiness', 'settings', 'save_plan', 'set_dose', 'set_race',
  'month', 'day', 'explain_streak', 'training', 'log_day', 'set_note', 'save_calendar_settings', 'add_pause', 'remove_pause',
  'reminders', 'save_reminders', 'check_reminders', 'send_test_notification', 'set_autostart', 'shoes', 'add_pair', 'edit_pair', 'retire_pair', 'set_long_run_pair',
  'answer_shoe_prompt', 'add_run', 'edit_run', 'delete_run', 'set_unit', 'set_theme', 'read_run_file',
  'preview_import', 'import_runs', 'cancel_import', 'import_progress',
  'painted', 'backups', 'export_backup', 'preview_backup', 'restore_backup', 'preview_auto_backup',
  'dismiss_damage', 'pick_backup', 'pick_runs', 'pick_run_folder', 'buzz',
]);

window.__TAURI_ISOLATION_HOOK__ = (message) => {
  if (!COMMANDS.has(message.cmd)) message.cmd = 'refused_by_isolation';
  return message;
};
