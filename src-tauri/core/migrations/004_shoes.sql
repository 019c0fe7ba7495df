-- Schema version 4: running shoes and the runs logged against them. Distances in metres.
CREATE TABLE pair (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    model       TEXT CHECK (model IS NULL OR length(model) <= 200),
    start_m     INTEGER NOT NULL CHECK (start_m >= 0),
    purchased   TEXT,
    limit_m     INTEGER NOT NULL CHECK (limit_m > 0),
    retired     INTEGER NOT NULL DEFAULT 0,
    is_default  INTEGER NOT NULL DEFAULT 0,
    later_m     INTEGER,            -- "remind me later": no prompt before this distance...
    later_until TEXT,               -- ...and this day
    acted       TEXT CHECK (acted IN ('wearing', 'replace')),
    notified    TEXT CHECK (notified IN ('wearing', 'replace')),
    created_at  TEXT    NOT NULL
) STRICT;

CREATE TABLE run (
    id         INTEGER PRIMARY KEY,
    pair_id    INTEGER NOT NULL REFERENCES pair (id) ON DELETE RESTRICT,
    local_date TEXT    NOT NULL,
    distance_m INTEGER NOT NULL CHECK (distance_m > 0),
    duration_s INTEGER CHECK (duration_s IS NULL OR duration_s > 0),
    started_at TEXT UNIQUE,         -- an imported run's start, to skip it when imported again
    logged_at  TEXT    NOT NULL
) STRICT;
CREATE INDEX run_by_pair ON run (pair_id);
