-- Schema version 2: the stored plan, started sessions with their exercises and doses,
-- progression per exercise, and the daily back check-in.
CREATE TABLE plan (
    id            INTEGER PRIMARY KEY CHECK (id = 1),  -- one row
    mode          TEXT    NOT NULL CHECK (mode IN ('fixed', 'flexible')),
    strength_days INTEGER NOT NULL CHECK (strength_days BETWEEN 0 AND 127),  -- Monday = bit 0
    per_week      INTEGER NOT NULL CHECK (per_week BETWEEN 1 AND 7),
    run_days      INTEGER NOT NULL CHECK (run_days BETWEEN 0 AND 127),
    equipment     TEXT    NOT NULL  -- comma-separated: mat, band, dumbbell, kettlebell, foam-roller
) STRICT;

-- A session is stored when its first exercise is marked done, with the exercises and doses
-- it was built with, so later plan changes do not rewrite a day that has begun.
CREATE TABLE session (
    local_date    TEXT NOT NULL PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('strength', 'gentle')),
    started_at    TEXT NOT NULL,  -- UTC, RFC 3339
    zone          TEXT NOT NULL,
    rating        TEXT CHECK (rating IN ('easy', 'fine', 'too-hard')),
    hurt_exercise TEXT,
    rated_at      TEXT
) STRICT;

CREATE TABLE session_item (
    local_date  TEXT    NOT NULL REFERENCES session (local_date) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    exercise_id TEXT    NOT NULL,
    amount      INTEGER NOT NULL CHECK (amount > 0),
    PRIMARY KEY (local_date, position)
) STRICT;
CREATE INDEX session_item_by_exercise ON session_item (exercise_id, local_date);

CREATE TABLE progress (
    exercise_id TEXT    NOT NULL PRIMARY KEY,
    amount      INTEGER NOT NULL CHECK (amount > 0),
    ok_count    INTEGER NOT NULL CHECK (ok_count >= 0),
    previous    INTEGER,
    changed_on  TEXT
) STRICT;

CREATE TABLE checkin (
    local_date TEXT    NOT NULL PRIMARY KEY,
    pain       INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    area       TEXT CHECK (area IN ('lower', 'upper')),
    logged_at  TEXT    NOT NULL,
    zone       TEXT    NOT NULL
) STRICT;
