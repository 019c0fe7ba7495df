//! The desktop tray: with a tray host on the desktop, Backstride keeps running when its window
//! is closed, so reminders come; the tray opens the window, shows today's status and quits.

use crate::state::AppState;
use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime};

/// The argument autostart passes: start with no window, in the tray.
pub const BACKGROUND: &str = "--background";

/// The tray menu's status line, kept to update.
pub struct TrayStatus<R: Runtime>(MenuItem<R>);

/// Puts Backstride in the tray.
pub fn start<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let status = MenuItem::with_id(
        app,
        "status",
        status_text(&app.state::<AppState>()),
        false,
        None::<&str>,
    )?;
    let open = MenuItem::with_id(app, "open", "Open Backstride", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit Backstride", true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&status, &open, &quit])?;
    let mut tray = TrayIconBuilder::with_id("backstride")
        .tooltip("Backstride")
        .menu(&menu)
        .on_menu_event(|app, event| match event.id.as_ref() {
            "open" => crate::window::open(app),
            "quit" => {
                eprintln!("backstride: quit from the tray");
                app.exit(0);
            }
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    app.manage(TrayStatus(status));
    Ok(())
}

/// Today's status in a few words, for the tray menu.
pub fn status_text(state: &AppState) -> String {
    state
        .read(|core| core.today())
        .map_or_else(|_| "Today: open Backstride to see".to_string(), |today| today.status())
}

/// Sets the tray's status line.
pub fn set_status<R: Runtime>(app: &AppHandle<R>, text: &str) {
    if let Some(status) = app.try_state::<TrayStatus<R>>() {
        let _ = status.0.set_text(text);
    }
}

/// Whether closing the window leaves Backstride running: a tray host is there to open it.
pub fn keeps_running() -> bool {
    #[cfg(target_os = "linux")]
    return crate::bus::tray_host();
    #[cfg(not(target_os = "linux"))]
    return true;
}
