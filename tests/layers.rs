//! Reads the core's and the UI's sources: fails when an import runs back up a layer (the store
//! naming a feature, a feature naming the front door, one screen importing another) or the
//! store's error names anything else.

use std::path::{Path, PathBuf};

/// The core's feature modules, each a folder (or file) under `src-tauri/core/src/`.
const FEATURES: &[&str] = &[
    "routine",
    "calendar",
    "reminders",
    "shoes",
    "backup",
    "today",
    "training",
    "summary",
    "appearance",
];

fn core_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/core/src")
}

/// Every file under `dir` whose name ends in `.{ext}`, with its text.
fn files(dir: &Path, ext: &str) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == ext) {
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
    for (path, text) in files(dir, "rs") {
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

fn ui() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("ui")
}

/// The modules a UI file imports: `import … from '…'` at the start of a line, and `import('…')`.
fn ui_imports(text: &str) -> Vec<String> {
    let quoted = |rest: &str| rest.split('\'').next().unwrap_or_default().to_string();
    let mut found: Vec<String> = text
        .lines()
        .filter(|line| line.starts_with("import "))
        .filter_map(|line| line.split(" from '").nth(1).map(quoted))
        .collect();
    found.extend(
        text.match_indices("import('")
            .map(|(at, _)| quoted(&text[at + "import('".len()..])),
    );
    found
}

/// Each UI import as (importing file, imported file), both within `ui/`; panics on an import
/// that names no file there.
fn ui_arrows() -> Vec<(PathBuf, PathBuf)> {
    let root = ui().canonicalize().unwrap();
    let mut arrows = Vec::new();
    for (path, text) in files(&root, "js") {
        for name in ui_imports(&text) {
            assert!(
                name.starts_with("./") || name.starts_with("../"),
                "{} imports {name}: only the app's own files",
                path.display()
            );
            let target = path.parent().unwrap().join(&name).canonicalize();
            let target = target.unwrap_or_else(|_| panic!("{} imports {name}, which is not there", path.display()));
            assert!(
                target.starts_with(&root),
                "{} imports {name}, outside ui/",
                path.display()
            );
            arrows.push((path.clone(), target));
        }
    }
    arrows
}

#[test]
fn the_import_reader_sees_static_and_lazy_imports() {
    let text = "import { $, h } from '../lib/dom.js';\nimport * as api from './api.js';\nconst s = () => import('./settings/settings.js');\n  // import x from 'nowhere'\n";
    assert_eq!(
        ui_imports(text),
        ["../lib/dom.js", "./api.js", "./settings/settings.js"]
    );
}

#[test]
fn every_ui_import_names_a_file_that_is_there() {
    let arrows = ui_arrows();
    // app.js reaches every screen, and each screen its shared helpers.
    for screen in [
        "today/today.js",
        "calendar/calendar.js",
        "training/training.js",
        "shoes/shoes.js",
        "settings/settings.js",
    ] {
        let file = ui().join(screen).canonicalize().unwrap();
        assert!(arrows.iter().any(|(_, to)| *to == file), "nothing imports {screen}");
    }
}

#[test]
fn screens_import_their_own_folder_and_lib_never_another_screen() {
    let root = ui().canonicalize().unwrap();
    let folder = |path: &Path| path.parent().unwrap().strip_prefix(&root).unwrap().to_path_buf();
    let lib = PathBuf::from("lib");
    let mut wrong = Vec::new();
    for (from, to) in ui_arrows() {
        let (at, into) = (folder(&from), folder(&to));
        // app.js, at the top, may import anything; a screen its own folder and lib/; lib/ only lib/.
        let allowed = at.as_os_str().is_empty() || into == at || into == lib;
        if !allowed || into.as_os_str().is_empty() {
            wrong.push(format!("{} imports {}", from.display(), to.display()));
        }
    }
    assert!(wrong.is_empty(), "screens share code through ui/lib only: {wrong:#?}");
}
