//! Automatic backups: one a day, seven kept, none from before a damage lost, none read that
//! is not a regular file.

use super::*;
use crate::testing::berlin;
use crate::{routine::actions, FixedClock};

fn days_of_use(dir: &Path, store: &Store, days: std::ops::RangeInclusive<u32>) -> FixedClock {
    let mut clock = berlin("2026-03-01", 9);
    for day in days {
        clock = berlin(&format!("2026-03-{day:02}"), 9);
        actions::today(store, &clock).unwrap();
        write_auto(dir, store, &clock).unwrap();
        write_auto(dir, store, &clock).unwrap();
    }
    clock
}

fn dates(dir: &Path) -> Vec<String> {
    autos(dir).iter().map(|b| b.name.clone()).collect()
}

#[test]
fn one_automatic_backup_a_day_and_only_the_last_seven_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_memory().unwrap();
    days_of_use(dir.path(), &store, 1..=10);
    assert_eq!(
        dates(dir.path()),
        (4..=10)
            .rev()
            .map(|d| format!("auto-2026-03-{d:02}.json"))
            .collect::<Vec<_>>()
    );
    let names = fs::read_dir(dir.path().join(FOLDER)).unwrap().count();
    assert_eq!(names, KEEP, "no temporary files are left");
    let newest = backup::read(
        &read_auto(dir.path(), "auto-2026-03-10.json").unwrap(),
        berlin("2026-03-10", 9).today(),
    )
    .unwrap();
    assert_eq!(newest.summary.created_at, berlin("2026-03-10", 9).now);
}

#[test]
fn backups_dated_in_the_future_never_push_out_todays() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_memory().unwrap();
    fs::create_dir_all(dir.path().join(FOLDER)).unwrap();
    for year in 2090..2100 {
        fs::write(dir.path().join(FOLDER).join(format!("auto-{year}-01-01.json")), b"{}").unwrap();
    }
    days_of_use(dir.path(), &store, 1..=2);
    let names = dates(dir.path());
    assert!(names.contains(&"auto-2026-03-02.json".to_string()), "{names:?}");
    assert!(names.contains(&"auto-2026-03-01.json".to_string()), "{names:?}");
}

#[test]
fn backups_from_before_a_damage_are_kept_through_any_days_of_use_until_released() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_memory().unwrap();
    days_of_use(dir.path(), &store, 1..=3);
    let before: Vec<u64> = autos(dir.path()).iter().map(|b| b.bytes).collect();
    let damaged = dir.path().join("backstride-damaged-20260303-080000.sqlite3");
    keep_for_recovery(dir.path(), &damaged, berlin("2026-03-03", 8).now).unwrap();
    assert_eq!(set_aside(dir.path()).unwrap().damaged, damaged.display().to_string());

    // The fresh, empty database: today's backup and twenty more days of them.
    let fresh = Store::open_in_memory().unwrap();
    days_of_use(dir.path(), &fresh, 3..=23);
    let kept: Vec<AutoBackup> = autos(dir.path()).into_iter().filter(|b| b.before_damage).collect();
    assert_eq!(
        kept.iter().map(|b| b.name.as_str()).collect::<Vec<_>>(),
        ["kept-2026-03-03.json", "kept-2026-03-02.json", "kept-2026-03-01.json"]
    );
    assert_eq!(kept.iter().map(|b| b.bytes).collect::<Vec<_>>(), before, "untouched");
    assert_eq!(autos(dir.path()).len(), KEEP + 3);

    release(dir.path()).unwrap();
    assert_eq!(set_aside(dir.path()), None);
    days_of_use(dir.path(), &fresh, 24..=24);
    assert_eq!(autos(dir.path()).len(), KEEP, "rotated like the others once released");
}

#[cfg(unix)]
#[test]
fn only_regular_files_are_listed_or_read_as_backups() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_in_memory().unwrap();
    days_of_use(dir.path(), &store, 1..=1);
    let folder = dir.path().join(FOLDER);
    symlink("/dev/zero", folder.join("auto-2026-02-27.json")).unwrap();
    fs::create_dir(folder.join("auto-2026-02-26.json")).unwrap();
    assert_eq!(dates(dir.path()), ["auto-2026-03-01.json"]);
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(mode(&folder.join("auto-2026-03-01.json")), 0o600);
    let err = read_backup(&folder.join("auto-2026-02-27.json"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("not a regular file"), "{err}");
}

#[test]
fn a_damaged_data_file_is_set_aside_and_the_backups_before_it_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path(), berlin("2026-03-01", 9).now).unwrap();
    assert_eq!(set_aside(dir.path()), None);
    days_of_use(dir.path(), &store, 1..=2);
    drop(store);
    fs::write(
        dir.path().join(crate::store::DB_FILE),
        b"not a database at all, just damage",
    )
    .unwrap();
    let now = berlin("2026-03-02", 10).now;
    let _fresh = open(dir.path(), now).unwrap();
    let aside = set_aside(dir.path()).unwrap();
    assert!(aside.damaged.contains("backstride-damaged-"), "{}", aside.damaged);
    assert_eq!(aside.at, now);
    assert!(autos(dir.path()).iter().all(|b| b.before_damage));
    let _again = open(dir.path(), berlin("2026-03-03", 9).now).unwrap();
    assert_eq!(set_aside(dir.path()), Some(aside), "the notice stays until dealt with");
}
