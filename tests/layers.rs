//! Reads the core's sources: fails when an import runs back up a layer (the store naming a
//! feature, a feature naming the front door) or the store's error names anything else.

use std::path::{Path, PathBuf};

/// The core's feature modules, each a folder (or file) under `src-tauri/core/src/`.
const FEATURES: &[&str] = &[
    "routine",
    "calendar",
    "reminders",
    "shoes",
    "backup",
    "today",
    "appearance",
];

fn core_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/core/src")
}

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                found.push((path, text));
            }
        }
    }
    found
}

/// The crate's top-level modules a file names: `crate::x`, and each `x` of `crate::{x, y::z}`.
fn named_modules(text: &str) -> Vec<String> {
    let ident = |s: &str| -> String { s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect() };
    let mut names = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        if let Some(list) = rest.strip_prefix('{') {
            let (mut depth, mut item_start) = (0, true);
            for (i, c) in list.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && !c.is_whitespace() => {
                        names.push(ident(&list[i..]));
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            names.push(ident(rest));
        }
    }
    names
}

/// The files under `dir` naming any of `modules`, with the module named.
fn naming(dir: &Path, modules: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for (path, text) in sources(dir) {
        for name in named_modules(&text) {
            if modules.contains(&name.as_str()) {
                found.push(format!("{} names crate::{name}", path.display()));
            }
        }
    }
    found
}

#[test]
fn the_module_reader_sees_plain_and_braced_imports() {
    let text =
        "use crate::store::Store;\nuse crate::{calendar::days, routine::{plan, stored}, Clock};\nx(crate::files::f)";
    assert_eq!(named_modules(text), ["store", "calendar", "routine", "Clock", "files"]);
}

#[test]
fn the_store_names_no_feature_and_no_front_door() {
    let mut upward = FEATURES.to_vec();
    upward.push("app");
    let found = naming(&core_src().join("store"), &upward);
    assert!(found.is_empty(), "the store knows rows, not features: {found:#?}");
}

#[test]
fn the_stores_error_names_nothing_else_of_the_crate() {
    let text = std::fs::read_to_string(core_src().join("store/error.rs")).unwrap();
    assert_eq!(named_modules(&text), Vec::<String>::new());
    assert!(
        !text.contains("super::"),
        "store/error.rs imports nothing of the store either"
    );
}

#[test]
fn no_feature_names_the_front_door() {
    for feature in FEATURES {
        let folder = core_src().join(feature);
        let file = core_src().join(format!("{feature}.rs"));
        let mut found = if folder.is_dir() {
            naming(&folder, &["app"])
        } else {
            Vec::new()
        };
        let text = std::fs::read_to_string(&file).unwrap();
        if named_modules(&text).iter().any(|n| n == "app") {
            found.push(format!("{} names crate::app", file.display()));
        }
        assert!(
            found.is_empty(),
            "features are called by app.rs, never the other way: {found:#?}"
        );
    }
}
