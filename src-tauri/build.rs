//! Tauri's build step: embeds the config and resolves the capabilities in src-tauri/capabilities.

/// The app's own commands; each gets an `allow-…` permission for the capabilities to grant.
const COMMANDS: &[&str] = &[
    "today",
    "set_done",
    "finish_session",
    "check_in",
    "record_hurt",
    "answer_readiness",
    "settings",
    "save_plan",
    "set_dose",
    "set_race",
    "month",
    "day",
    "explain_streak",
    "training",
    "log_day",
    "set_note",
    "save_calendar_settings",
    "add_pause",
    "remove_pause",
    "reminders",
    "save_reminders",
    "check_reminders",
    "send_test_notification",
    "set_autostart",
    "shoes",
    "add_pair",
    "edit_pair",
    "retire_pair",
    "set_long_run_pair",
    "answer_shoe_prompt",
    "add_run",
    "edit_run",
    "delete_run",
    "set_unit",
    "set_theme",
    "read_run_file",
    "preview_import",
    "import_runs",
    "cancel_import",
    "import_progress",
    "painted",
    "backups",
    "export_backup",
    "preview_backup",
    "restore_backup",
    "preview_auto_backup",
    "dismiss_damage",
    "pick_backup",
    "pick_runs",
    "pick_run_folder",
    "buzz",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
