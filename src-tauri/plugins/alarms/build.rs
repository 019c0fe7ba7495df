//! Hands the Android library in `android/` (its manifest declares SCHEDULE_EXACT_ALARM) to
//! the app's Gradle build; the plugin has no commands for the webview.

fn main() {
    tauri_plugin::Builder::new(&[]).android_path("android").build();
}
