//! The Debian package as a runner installs it: Tauri's bundler packages the binary the other
//! tests drive, Debian's and AppStream's own validators read its desktop entry and metainfo,
//! and the binary unpacked from it (`dpkg-deb -x`) paints Today under Xvfb.

mod support;

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use support::{App, Launch};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// tauri.conf.json as JSON.
fn config() -> serde_json::Value {
    let text = std::fs::read_to_string(Path::new(ROOT).join("tauri.conf.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Runs `program` with `args` and returns its stdout; fails the test with its output if it fails.
fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .current_dir(ROOT)
        .output()
        .unwrap_or_else(|e| panic!("{program} did not start ({e}): run scripts/deps.sh"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The .deb the bundler makes of the debug binary (built once for every test here), as
/// `scripts/package.sh` makes the release one.
fn package() -> &'static Path {
    static DEB: OnceLock<PathBuf> = OnceLock::new();
    DEB.get_or_init(|| {
        let bundles = Path::new(env!("CARGO_BIN_EXE_backstride"))
            .with_file_name("bundle")
            .join("deb");
        let _ = std::fs::remove_dir_all(&bundles);
        let cli = Path::new(ROOT).join("target/tauri-cli/node_modules/.bin/tauri");
        run(
            cli.to_str().unwrap(),
            &["bundle", "--debug", "--bundles", "deb", "--ci"],
        );
        let arch = run("dpkg", &["--print-architecture"]);
        let version = config()["version"].as_str().unwrap().to_owned();
        let deb = bundles.join(format!("Backstride_{version}_{}.deb", arch.trim()));
        assert!(deb.is_file(), "the bundler made no {}", deb.display());
        deb
    })
}

/// The package unpacked into a fresh temporary root.
fn unpacked() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    run(
        "dpkg-deb",
        &["-x", package().to_str().unwrap(), root.path().to_str().unwrap()],
    );
    root
}

/// The mark Tauri's bundler writes into the binary it packages, and the unmarked build's.
const BUNDLE_MARK_DEB: &[u8] = b"__TAURI_BUNDLE_TYPE_VAR_DEB";
const BUNDLE_MARK_UNKNOWN: &[u8] = b"__TAURI_BUNDLE_TYPE_VAR_UNK";

fn sha256(bytes: &[u8]) -> Vec<u8> {
    Sha256::digest(bytes).to_vec()
}

#[test]
fn the_package_holds_what_a_desktop_needs() {
    let deb = package().to_str().unwrap();
    let field = |name: &str| run("dpkg-deb", &["-f", deb, name]).trim().to_owned();
    assert_eq!(field("Package"), "backstride");
    assert_eq!(field("Version"), config()["version"].as_str().unwrap());
    let depends = field("Depends");
    for runtime in ["libwebkit2gtk-4.1-0", "libgtk-3-0", "libayatana-appindicator3-1"] {
        assert!(
            depends.split(", ").any(|d| d == runtime),
            "{runtime} missing from Depends: {depends}"
        );
    }
    assert!(field("Description").contains("does not diagnose or treat"));

    let root = unpacked();
    let at = |path: &str| root.path().join(path);
    // The bundler marks its copy as a .deb's (Tauri reads the mark at run time); apart from
    // that mark it is byte for byte the binary the other tests drive.
    let mut packaged = std::fs::read(at("usr/bin/backstride")).unwrap();
    let built = std::fs::read(env!("CARGO_BIN_EXE_backstride")).unwrap();
    let marks: Vec<usize> = (0..built.len().saturating_sub(BUNDLE_MARK_UNKNOWN.len()))
        .filter(|&i| {
            built[i..].starts_with(BUNDLE_MARK_UNKNOWN)
                && packaged.get(i..).is_some_and(|p| p.starts_with(BUNDLE_MARK_DEB))
        })
        .collect();
    assert!(!marks.is_empty(), "the packaged binary has no .deb bundle mark");
    for i in marks {
        packaged[i..i + BUNDLE_MARK_UNKNOWN.len()].copy_from_slice(BUNDLE_MARK_UNKNOWN);
    }
    assert_eq!(
        sha256(&packaged),
        sha256(&built),
        "the packaged binary is not the one the tests drive"
    );
    for size in ["32x32", "128x128", "256x256", "512x512"] {
        let icon = at(&format!("usr/share/icons/hicolor/{size}/apps/backstride.png"));
        let png = std::fs::read(&icon).unwrap_or_else(|_| panic!("no {size} icon"));
        let side = |i: usize| u32::from_be_bytes(png[i..i + 4].try_into().unwrap());
        let (w, h) = size.split_once('x').unwrap();
        assert_eq!(
            (side(16), side(20)),
            (w.parse().unwrap(), h.parse().unwrap()),
            "{size} icon's size"
        );
    }
    assert!(at("usr/share/doc/backstride/copyright").is_file(), "no copyright file");

    let desktop = at("usr/share/applications/Backstride.desktop");
    run("desktop-file-validate", &[desktop.to_str().unwrap()]);
    let entry = std::fs::read_to_string(&desktop).unwrap();
    for line in ["Exec=backstride", "Icon=backstride", "Name=Backstride"] {
        assert!(
            entry.lines().any(|l| l == line),
            "{line} missing from the desktop entry:\n{entry}"
        );
    }
    assert!(!entry.contains("{{"), "a template field was left unfilled:\n{entry}");

    let metainfo = at("usr/share/metainfo/app.backstride.runner.metainfo.xml");
    run("appstreamcli", &["validate", "--no-net", metainfo.to_str().unwrap()]);
    let xml = std::fs::read_to_string(&metainfo).unwrap();
    let identifier = config()["identifier"].as_str().unwrap().to_owned();
    assert!(
        xml.contains(&format!("<id>{identifier}</id>")),
        "the metainfo's id is not {identifier}"
    );
    assert!(xml.contains("<launchable type=\"desktop-id\">Backstride.desktop</launchable>"));
    let newest = xml
        .split("<release version=\"")
        .nth(1)
        .and_then(|r| r.split('"').next());
    assert_eq!(
        newest,
        config()["version"].as_str(),
        "the newest release is not this version"
    );
}

#[tokio::test]
async fn the_unpacked_binary_paints_today() {
    let root = unpacked();
    let binary = root.path().join("usr/bin/backstride");
    let data = tempfile::tempdir().unwrap();
    let launch = Launch::new(data.path(), "2026-03-30T07:30:00+02:00", "Europe/Berlin").binary(&binary);
    let app = App::launch(launch).await;
    app.wait_visible("[data-testid='routine-item']").await;
    assert!(
        app.all("routine-item").await.len() >= 6,
        "a Monday's session has several exercises"
    );
    support::wait_for("the painted mark", || async {
        Ok(app.log().contains("backstride: painted ("))
    })
    .await;
    app.screenshot("package-today-light").await;
    app.quit().await;
    assert!(
        data.path().join("backstride.sqlite3").is_file(),
        "the packaged app kept no data file"
    );
}
