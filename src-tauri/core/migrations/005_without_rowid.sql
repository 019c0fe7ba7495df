-- Schema version 5: the tables keyed by day keep their rows in their primary key (WITHOUT
-- ROWID), so a row is stored once instead of in the table and again in its key's index.
-- `session` keeps its rowid: it is referenced, and dropping it here would cascade. Runs get
-- a covering index for shoe totals.
CREATE TABLE exercise_done_v5 (
    local_date  TEXT NOT NULL,  -- YYYY-MM-DD, the user's local calendar day when it was marked
    exercise_id TEXT NOT NULL,  -- catalogue slug, e.g. 'plank'
    done_at     TEXT NOT NULL,  -- UTC instant, RFC 3339
    zone        TEXT NOT NULL,  -- IANA zone it was logged in, e.g. 'Europe/Berlin'
    PRIMARY KEY (local_date, exercise_id)
) STRICT, WITHOUT ROWID;
INSERT INTO exercise_done_v5 SELECT local_date, exercise_id, done_at, zone FROM exercise_done;
DROP TABLE exercise_done;
ALTER TABLE exercise_done_v5 RENAME TO exercise_done;

CREATE TABLE session_item_v5 (
    local_date  TEXT    NOT NULL REFERENCES session (local_date) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    exercise_id TEXT    NOT NULL,
    amount      INTEGER NOT NULL CHECK (amount > 0),
    PRIMARY KEY (local_date, position)
) STRICT, WITHOUT ROWID;
INSERT INTO session_item_v5 SELECT local_date, position, exercise_id, amount FROM session_item;
DROP TABLE session_item;
ALTER TABLE session_item_v5 RENAME TO session_item;
CREATE INDEX session_item_by_exercise ON session_item (exercise_id, local_date);

CREATE TABLE checkin_v5 (
    local_date TEXT    NOT NULL PRIMARY KEY,
    pain       INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    area       TEXT CHECK (area IN ('lower', 'upper')),
    logged_at  TEXT    NOT NULL,
    zone       TEXT    NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO checkin_v5 SELECT local_date, pain, area, logged_at, zone FROM checkin;
DROP TABLE checkin;
ALTER TABLE checkin_v5 RENAME TO checkin;

CREATE TABLE day_note_v5 (
    local_date TEXT NOT NULL PRIMARY KEY,
    note       TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 500),
    updated_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO day_note_v5 SELECT local_date, note, updated_at FROM day_note;
DROP TABLE day_note;
ALTER TABLE day_note_v5 RENAME TO day_note;

CREATE TABLE zone_log_v5 (
    local_date TEXT NOT NULL,
    zone       TEXT NOT NULL,
    first_seen TEXT NOT NULL,  -- UTC, RFC 3339
    last_seen  TEXT NOT NULL,
    PRIMARY KEY (local_date, zone)
) STRICT, WITHOUT ROWID;
INSERT INTO zone_log_v5 SELECT local_date, zone, first_seen, last_seen FROM zone_log;
DROP TABLE zone_log;
ALTER TABLE zone_log_v5 RENAME TO zone_log;

-- A pair's total and first run read from the index alone.
DROP INDEX run_by_pair;
CREATE INDEX run_by_pair ON run (pair_id, local_date, distance_m);
