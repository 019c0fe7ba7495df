-- Schema version 3: what the streak calendar needs. Plans get the day they took effect, so
-- changing the plan never rewrites past days; pauses, day notes, settings, and a log of the
-- time zones each local day was seen in (a date skipped by a flight is not a missed day).
CREATE TABLE plan_history (
    effective_from TEXT    NOT NULL PRIMARY KEY,  -- YYYY-MM-DD; '0001-01-01' for the first plan
    mode           TEXT    NOT NULL CHECK (mode IN ('fixed', 'flexible')),
    strength_days  INTEGER NOT NULL CHECK (strength_days BETWEEN 0 AND 127),
    per_week       INTEGER NOT NULL CHECK (per_week BETWEEN 1 AND 7),
    run_days       INTEGER NOT NULL CHECK (run_days BETWEEN 0 AND 127),
    equipment      TEXT    NOT NULL
) STRICT;
INSERT INTO plan_history (effective_from, mode, strength_days, per_week, run_days, equipment)
    SELECT '0001-01-01', mode, strength_days, per_week, run_days, equipment FROM plan;
DROP TABLE plan;

CREATE TABLE pause (
    id         INTEGER PRIMARY KEY,
    start_date TEXT NOT NULL,
    end_date   TEXT NOT NULL,
    CHECK (end_date >= start_date)
) STRICT;

CREATE TABLE day_note (
    local_date TEXT NOT NULL PRIMARY KEY,
    note       TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 500),
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE setting (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE zone_log (
    local_date TEXT NOT NULL,
    zone       TEXT NOT NULL,
    first_seen TEXT NOT NULL,  -- UTC, RFC 3339
    last_seen  TEXT NOT NULL,
    PRIMARY KEY (local_date, zone)
) STRICT;

ALTER TABLE session ADD COLUMN logged_afterwards INTEGER NOT NULL DEFAULT 0;
