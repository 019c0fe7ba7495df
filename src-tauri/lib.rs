//! The Tauri shell: reads the environment, opens the store, and exposes the core to the UI
//! through thin commands. Desktop and mobile both start in [`run`].

mod autobackup;
mod blocking;
#[cfg(target_os = "linux")]
mod bus;
mod commands;
mod environment;
mod error;
#[cfg(test)]
mod fuzz;
mod haptics;
mod importing;
mod lock;
#[cfg(mobile)]
mod mobile;
#[cfg(any(debug_assertions, feature = "bench"))]
mod painted;
mod pick;
mod save;
#[cfg(desktop)]
mod scheduler;
mod state;
#[cfg(desktop)]
mod tray;
mod window;

use tauri::{Manager, RunEvent};

/// `$builder` with the app's commands, and in debug builds and the benchmark's the
/// `painted` mark.
macro_rules! with_handlers {
    ($builder:expr) => {
        with_handlers!(@list $builder;
            commands::today::today,
            commands::today::set_done,
            commands::today::finish_session,
            commands::today::check_in,
            commands::today::record_hurt,
            commands::today::answer_readiness,
            commands::today::settings,
            commands::today::save_plan,
            commands::today::set_dose,
            commands::today::set_race,
            commands::calendar::month,
            commands::calendar::day,
            commands::calendar::explain_streak,
            commands::training::training,
            commands::calendar::log_day,
            commands::calendar::set_note,
            commands::calendar::save_calendar_settings,
            commands::calendar::add_pause,
            commands::calendar::remove_pause,
            commands::reminders::reminders,
            commands::reminders::save_reminders,
            commands::reminders::check_reminders,
            commands::reminders::send_test_notification,
            commands::reminders::set_autostart,
            commands::shoes::shoes,
            commands::shoes::add_pair,
            commands::shoes::edit_pair,
            commands::shoes::retire_pair,
            commands::shoes::set_long_run_pair,
            commands::shoes::answer_shoe_prompt,
            commands::shoes::add_run,
            commands::shoes::edit_run,
            commands::shoes::delete_run,
            commands::shoes::set_unit,
            commands::today::set_theme,
            commands::shoes::read_run_file,
            commands::shoes::preview_import,
            commands::shoes::import_runs,
            commands::shoes::cancel_import,
            commands::shoes::import_progress,
            commands::backup::backups,
            commands::backup::export_backup,
            commands::backup::preview_backup,
            commands::backup::restore_backup,
            commands::backup::preview_auto_backup,
            commands::backup::dismiss_damage,
            commands::backup::pick_backup,
            commands::shoes::pick_runs,
            commands::shoes::pick_run_folder,
            commands::today::buzz,
        )
    };
    (@list $builder:expr; $($command:path,)*) => {{
        #[cfg(any(debug_assertions, feature = "bench"))]
        let builder = $builder.invoke_handler(tauri::generate_handler![$($command,)* painted::painted]);
        #[cfg(not(any(debug_assertions, feature = "bench")))]
        let builder = $builder.invoke_handler(tauri::generate_handler![$($command),*]);
        builder
    }};
}

/// Starts Backstride.
#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    let builder = tauri::Builder::default();
    // Registered first: a second launch only brings the running window forward.
    #[cfg(desktop)]
    let builder = builder
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| window::open(app)))
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec![tray::BACKGROUND]),
        ));
    #[cfg(mobile)]
    let builder = builder
        .plugin(tauri_plugin_fs::init())
        .plugin(tauri_plugin_haptics::init());
    let builder = builder
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_alarms::init())
        .setup(|app| {
            let settings = environment::Settings::from_process();
            if let Some(warning) = settings.zone_warning() {
                eprintln!("backstride: {warning}");
            }
            let data_dir = settings.data_dir.clone().or_else(|| app.path().app_data_dir().ok());
            // A second process on the same data stops here, before it touches anything.
            let lock = match data_dir.as_deref().map(lock::DataLock::acquire) {
                Some(Err(lock::LockError::Held)) => return Err(lock::ALREADY_OPEN.into()),
                Some(Ok(lock)) => Some(lock),
                Some(Err(error)) => {
                    eprintln!("backstride: {error}");
                    None
                }
                None => None,
            };
            app.manage(state::AppState::start(settings, data_dir, lock));
            autobackup::start(app.handle().clone());
            #[cfg(desktop)]
            {
                if let Err(error) = tray::start(app.handle()) {
                    eprintln!("backstride: no tray icon: {error}");
                }
                // Started at login: in the tray, with no window, when there is a tray.
                let background = std::env::args().any(|a| a == tray::BACKGROUND);
                if !(background && tray::keeps_running()) {
                    window::open(app.handle());
                }
                scheduler::start(app.handle().clone());
            }
            #[cfg(mobile)]
            {
                window::open(app.handle());
                mobile::start(app.handle().clone());
            }
            Ok(())
        });
    let app = match with_handlers!(builder).build(tauri::generate_context!()) {
        Ok(app) => app,
        Err(error) => {
            eprintln!("Backstride could not start: {error}");
            std::process::exit(1);
        }
    };
    app.run(|_app, event| {
        // The window closed (not "Quit"): stay in the tray so reminders keep coming.
        if let RunEvent::ExitRequested { code: None, api, .. } = event {
            #[cfg(desktop)]
            if tray::keeps_running() {
                eprintln!("backstride: the window is closed; reminders go on from the tray");
                api.prevent_exit();
            }
            #[cfg(mobile)]
            let _ = api;
        }
    });
}
