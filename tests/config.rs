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
        .skip(1)
        .map(|rest| {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
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
    assert_eq!(csp["connect-src"], "ipc: http://ipc.localhost", "only Tauri's IPC");
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
