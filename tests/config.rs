//! Reads tauri.conf.json and the capabilities: fails if a wider permission or a weaker CSP
//! slips in.

use serde_json::Value;
use std::path::Path;

fn json(path: &str) -> Value {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn capabilities_grant_only_the_apps_own_commands() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/capabilities");
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 1, "one capability file: {files:?}");
    let capability = json("src-tauri/capabilities/default.json");
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    assert!(capability.get("remote").is_none(), "no remote origin may call commands");
    let mut permissions: Vec<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().expect("plain permission names only, no scopes").to_string())
        .collect();
    // Exactly one `allow-…` per command the app registers, and nothing else: no core or
    // plugin permission, no scope.
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/lib.rs")).unwrap();
    let mut expected: Vec<String> = lib
        .split("commands::")
        .chain(lib.split("painted::").skip(1).take(1))
        .skip(1)
        .map(|rest| {
            // `commands::today::set_done`: the command is the path's last name.
            let path: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let name = path.rsplit("::").next().unwrap_or_default();
            format!("allow-{}", name.replace('_', "-"))
        })
        .collect();
    permissions.sort();
    expected.sort();
    assert!(expected.len() >= 7, "found the registered commands: {expected:?}");
    assert_eq!(permissions, expected);
}

#[test]
fn the_csp_allows_only_the_apps_own_code() {
    let config = json("tauri.conf.json");
    let security = &config["app"]["security"];
    assert_eq!(security["freezePrototype"], true);
    let csp = security["csp"].as_object().expect("a CSP is set");
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    assert_eq!(
        csp["connect-src"], "'self' ipc: http://ipc.localhost",
        "the app's own files (a screen's markup) and Tauri's IPC, nothing else"
    );
    for (directive, value) in csp.iter().filter(|(d, _)| *d != "connect-src") {
        let value = value.as_str().unwrap();
        for loophole in ["unsafe-inline", "unsafe-eval", "http:", "https:", "*"] {
            assert!(!value.contains(loophole), "{directive} allows {loophole}");
        }
        assert!(!value.contains("localhost"), "{directive} names a host");
    }
    assert!(
        config["build"].get("devUrl").is_none(),
        "the UI is served from ui/, never a URL"
    );
}

#[test]
fn the_isolation_hook_lets_through_exactly_the_granted_commands() {
    let config = json("tauri.conf.json");
    let pattern = &config["app"]["security"]["pattern"];
    assert_eq!(pattern["use"], "isolation");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(pattern["options"]["dir"].as_str().unwrap());
    let hook = std::fs::read_to_string(dir.join("isolation.js")).unwrap();
    let list = hook.split("new Set([").nth(1).unwrap().split("])").next().unwrap();
    let mut allowed: Vec<String> = list
        .split(',')
        .map(|name| name.trim().trim_matches('\'').to_string())
        .filter(|name| !name.is_empty())
        .map(|name| format!("allow-{}", name.replace('_', "-")))
        .collect();
    let mut granted: Vec<String> = json("src-tauri/capabilities/default.json")["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect();
    allowed.sort();
    granted.sort();
    assert_eq!(allowed, granted);
}

#[test]
fn plugins_are_used_from_rust_only_and_the_desktop_runs_one_instance() {
    let manifest = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/lib.rs")).unwrap();
    // The UI calls no plugin: every plugin is driven from Rust, so no capability grants one.
    let mut todo = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("ui")];
    let mut seen = 0;
    while let Some(dir) = todo.pop() {
        for path in std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()) {
            if path.is_dir() {
                todo.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(!text.contains("plugin:"), "{path:?} calls a plugin");
            assert!(
                !text.contains("http://") && !text.contains("https://"),
                "{path:?} loads remote content"
            );
            seen += 1;
        }
    }
    assert!(seen > 10, "every UI file is read, in every folder: {seen}");
    assert!(manifest.contains("tauri-plugin-single-instance"));
    assert!(lib.contains("tauri_plugin_single_instance::init"));
    let first_plugin = lib.find(".plugin(").unwrap();
    assert!(
        lib[first_plugin..].starts_with(".plugin(tauri_plugin_single_instance::init"),
        "single-instance must be the first plugin registered"
    );
}

#[test]
fn the_benchmarks_painted_mark_is_not_in_release_builds() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/lib.rs")).unwrap();
    let gate = "#[cfg(any(debug_assertions, feature = \"bench\"))]";
    assert!(lib.contains(&format!("{gate}\nmod painted;")), "the module is gated");
    let registered: Vec<&str> = lib.lines().filter(|l| l.contains("painted::painted")).collect();
    assert_eq!(registered.len(), 1, "registered in one handler list: {registered:?}");
    let before = lib.split("painted::painted").next().unwrap();
    assert!(
        before.trim_end().rsplit('\n').nth(1).is_some_and(|l| l.trim() == gate),
        "that list is gated"
    );
}

#[test]
fn android_declares_exact_alarms_and_the_plugin_class_the_shell_registers() {
    let read = |path: &str| std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    let plugin = "src-tauri/plugins/alarms";
    let manifest = read(&format!("{plugin}/android/src/main/AndroidManifest.xml"));
    assert!(manifest.contains(r#"<uses-permission android:name="android.permission.SCHEDULE_EXACT_ALARM" />"#));
    // Store policy keeps USE_EXACT_ALARM for alarm clocks and calendars.
    assert!(!manifest.contains(r#"android:name="android.permission.USE_EXACT_ALARM""#));
    let kotlin = read(&format!("{plugin}/android/src/main/java/AlarmsPlugin.kt"));
    let rust = read(&format!("{plugin}/src/android.rs"));
    assert!(kotlin.contains("package app.backstride.alarms") && kotlin.contains("class AlarmsPlugin("));
    assert!(rust.contains(r#"register_android_plugin("app.backstride.alarms", "AlarmsPlugin")"#));
    for command in ["facts", "requestExactAlarms"] {
        assert!(
            kotlin.contains(&format!("fun {command}(invoke: Invoke)")),
            "Kotlin has no {command}"
        );
        assert!(rust.contains(&format!("\"{command}\"")), "Rust never calls {command}");
    }
    for answer in ["exactAlarms", "batteryUnrestricted"] {
        assert!(
            kotlin.contains(&format!("\"{answer}\"")),
            "Kotlin does not answer {answer}"
        );
    }
    assert!(read(&format!("{plugin}/build.rs")).contains(r#".android_path("android")"#));
}

/// The UI files the first paint loads: index.html, style.css, app.js and what it imports
/// statically (`import ... from`), as paths under ui/.
fn first_paint_files() -> Vec<String> {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let (mut found, mut todo) = (
        vec!["index.html".to_string(), "style.css".to_string()],
        vec!["app.js".to_string()],
    );
    while let Some(module) = todo.pop() {
        if found.contains(&module) {
            continue;
        }
        let text = std::fs::read_to_string(ui.join(&module)).unwrap();
        let dir = Path::new(&module).parent().unwrap().to_path_buf();
        for line in text.lines().filter(|l| l.starts_with("import ")) {
            let Some(name) = line.split('\'').nth(1) else { continue };
            let mut path = dir.clone();
            for part in name.split('/') {
                match part {
                    "." => {}
                    ".." => {
                        path.pop();
                    }
                    part => path.push(part),
                }
            }
            todo.push(path.to_string_lossy().into_owned());
        }
        found.push(module);
    }
    found
}

#[test]
fn only_todays_markup_styles_and_modules_load_before_the_first_paint() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let first = first_paint_files();
    assert!(first.iter().any(|f| f == "today/today.js"), "{first:?}");
    for file in &first {
        assert!(
            !["calendar/", "training/", "shoes/", "settings/", "today/player"]
                .iter()
                .any(|other| file.starts_with(other)),
            "{file} loads before Today is painted: {first:?}"
        );
    }
    // The other screens' markup is in their own files, not in index.html.
    let index = std::fs::read_to_string(ui.join("index.html")).unwrap();
    for part in [
        "calendar/calendar.html",
        "training/training.html",
        "shoes/shoes.html",
        "settings/settings.html",
        "today/player.html",
    ] {
        let markup = std::fs::read_to_string(ui.join(part)).unwrap();
        let ids: Vec<&str> = markup
            .split(" id=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        assert!(!ids.is_empty(), "{part} has markup");
        for id in ids {
            assert!(
                !index.contains(&format!(" id=\"{id}\"")),
                "{id} of {part} is also in index.html"
            );
        }
    }
}
