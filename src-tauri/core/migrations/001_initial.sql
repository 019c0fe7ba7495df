-- Schema version 1: which exercises were marked done on which local day.
CREATE TABLE exercise_done (
    local_date  TEXT NOT NULL,  -- YYYY-MM-DD, the user's local calendar day when it was marked
    exercise_id TEXT NOT NULL,  -- catalogue slug, e.g. 'plank'
    done_at     TEXT NOT NULL,  -- UTC instant, RFC 3339
    zone        TEXT NOT NULL,  -- IANA zone it was logged in, e.g. 'Europe/Berlin'
    PRIMARY KEY (local_date, exercise_id)
) STRICT;
