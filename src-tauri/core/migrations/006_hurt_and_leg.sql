-- Schema version 6: exercises that hurt get a table of their own ("stop, this hurts" records
-- one before the session is finished, and a day can have more than one); a check-in also
-- records pain, tingling or numbness down a leg.
CREATE TABLE hurt (
    local_date  TEXT NOT NULL,  -- YYYY-MM-DD, the local day of the session
    exercise_id TEXT NOT NULL,  -- catalogue slug
    at          TEXT NOT NULL,  -- UTC instant, RFC 3339
    zone        TEXT NOT NULL,  -- IANA zone it was logged in
    PRIMARY KEY (local_date, exercise_id)
) STRICT, WITHOUT ROWID;
INSERT INTO hurt (local_date, exercise_id, at, zone)
    SELECT local_date, hurt_exercise, coalesce(rated_at, started_at), zone
    FROM session WHERE hurt_exercise IS NOT NULL;
ALTER TABLE session DROP COLUMN hurt_exercise;

ALTER TABLE checkin ADD COLUMN leg INTEGER NOT NULL DEFAULT 0 CHECK (leg IN (0, 1));
