//! Crash safety: a child process marks 1,000 exercises done through the store, reporting each
//! one once the store has returned, and is killed with SIGKILL at random moments, round after
//! round, until all are reported. After every kill each reported completion must be in the
//! file and `PRAGMA integrity_check` must say ok.

use backstride_core::routine::catalogue::CATALOGUE;
use backstride_core::store::DB_FILE;
use backstride_core::Store;
use chrono::{Days, NaiveDate, TimeZone, Utc};
use rusqlite::{Connection, OpenFlags};
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const TOTAL: usize = 1000;
/// Set in the child: the database it writes to.
const CHILD: &str = "BACKSTRIDE_CRASH_CHILD";
const TEST: &str = "completions_survive_sigkill_at_random_moments";

/// Completion `i`: ten exercises a day from 2020-01-01 on.
fn completion(i: usize) -> (NaiveDate, &'static str) {
    let first = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    (first + Days::new((i / 10) as u64), CATALOGUE[i % 10].id)
}

/// The child: marks every completion not yet stored and prints `ack <i>` after each one.
fn writer(path: &Path) {
    let store = Store::open(path).expect("the store opens");
    let at = Utc.with_ymd_and_hms(2026, 11, 22, 7, 30, 0).unwrap();
    let mut out = std::io::stdout().lock();
    // After a line break: the test harness has just printed "test <name> ... " unended.
    writeln!(out, "\nready")
        .and_then(|()| out.flush())
        .expect("the parent listens");
    for i in 0..TOTAL {
        let (date, id) = completion(i);
        if !store.done_on(date).expect("a read").contains(id) {
            store.set_done(date, id, true, at, chrono_tz::UTC).expect("a write");
        }
        writeln!(out, "ack {i}")
            .and_then(|()| out.flush())
            .expect("the parent listens");
    }
}

/// A small xorshift generator: the test prints its seed, and `CRASH_SEED` repeats a run.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn stored(path: &Path) -> (String, BTreeSet<usize>) {
    // Killed before the store created its file: nothing was written, so nothing was
    // acknowledged that could be lost.
    if !path.exists() {
        return ("ok".into(), BTreeSet::new());
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    let has_table: bool = conn
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_schema WHERE name = 'exercise_done'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut found = BTreeSet::new();
    if has_table {
        for i in 0..TOTAL {
            let (date, id) = completion(i);
            let n: i64 = conn
                .query_row(
                    "SELECT count(*) FROM exercise_done WHERE local_date = ?1 AND exercise_id = ?2",
                    (date.to_string(), id),
                    |r| r.get(0),
                )
                .unwrap();
            if n == 1 {
                found.insert(i);
            }
        }
    }
    (check, found)
}

#[test]
fn completions_survive_sigkill_at_random_moments() {
    if let Ok(db) = std::env::var(CHILD) {
        return writer(Path::new(&db));
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(DB_FILE);
    let seed = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos() as u64 | 1);
    let mut random = Random(seed);
    let mut acknowledged = BTreeSet::new();
    let (mut rounds, mut killed) = (0, 0);
    while acknowledged.len() < TOTAL {
        rounds += 1;
        assert!(rounds <= 2000, "seed {seed}: no progress after {rounds} rounds");
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", TEST, "--nocapture", "--test-threads=1"])
            .env(CHILD, &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (lines, heard) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if lines.send(line).is_err() {
                    break;
                }
            }
        });
        // The kill moment is the random part. One round in five it falls anywhere in the first
        // 40 ms, which includes opening and migrating the file; the others fall after a random
        // number (0 to 12) of new completions plus up to 2 ms, so every round makes progress
        // however slow the disk is.
        let ack = |line: &str| line.strip_prefix("ack ").and_then(|n| n.parse::<usize>().ok());
        let mut heard_now = Vec::new();
        if random.below(5) == 0 {
            std::thread::sleep(Duration::from_micros(random.below(40_000)));
        } else {
            let wanted = random.below(13) as usize;
            let mut fresh = 0;
            for line in heard.iter() {
                if let Some(i) = ack(&line) {
                    fresh += usize::from(!acknowledged.contains(&i));
                    heard_now.push(i);
                }
                if line == "ready" && wanted == 0 || fresh >= wanted && wanted > 0 {
                    break;
                }
            }
            std::thread::sleep(Duration::from_micros(random.below(2_000)));
        }
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed += 1;
        }
        child.wait().unwrap();
        acknowledged.extend(heard_now);
        acknowledged.extend(heard.iter().filter_map(|line| ack(&line)));

        let (check, found) = stored(&db);
        assert_eq!(check, "ok", "seed {seed}, round {rounds}");
        let lost: Vec<_> = acknowledged.difference(&found).collect();
        assert!(
            lost.is_empty(),
            "seed {seed}, round {rounds}: acknowledged but lost: {lost:?}"
        );
    }
    eprintln!("crash test: seed {seed}, {rounds} rounds, {killed} killed with SIGKILL, {TOTAL} completions kept");
    assert!(
        killed >= 20,
        "seed {seed}: only {killed} kills; the test would prove little"
    );
}
