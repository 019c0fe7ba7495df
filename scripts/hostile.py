#!/usr/bin/env python3
"""Hostile inputs for Backstride's run import (GPX, TCX, FIT) and backup restore (JSON).

Usage: python3 scripts/hostile.py OUT_DIR

Writes each file into OUT_DIR and prints, one per line, KIND<TAB>NAME, where KIND is `import`
(a run file) or `restore` (a backup). Nothing else is printed. Standard library only; big files
are written in chunks. Run by scripts/hostile.sh, which feeds every file to the core.

Each backup is a valid schema-6 backup (the layout of backup.rs's BackupFile, the columns of
migrations/*.sql) except for its one hostile part.
"""

import datetime
import json
import os
import struct
import sys

CHUNK = 1 << 20
SCHEMA = 6
CREATED_AT = "2026-03-01T07:00:00.000Z"
ZONE = "Europe/Berlin"

# --- FIT ---------------------------------------------------------------------------------------

# FIT's CRC-16 from the FIT SDK: the nibble table src-tauri/core/src/shoes/import/fit.rs uses.
NIBBLES = (
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
)


def crc_nibbles(data, crc=0):
    """FIT's CRC exactly as the SDK (and fit.rs) computes it, a nibble at a time."""
    for byte in data:
        for nibble in (byte & 0x0F, byte >> 4):
            tmp = NIBBLES[crc & 0x0F]
            crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ NIBBLES[nibble]
    return crc


# The same CRC a byte at a time: it is linear, so one byte's step is (crc >> 8) ^ T[(crc ^ b) & 0xFF]
# with T[i] the nibble step from crc = i over a zero byte.
BYTE_TABLE = tuple(crc_nibbles(b"\x00", i) for i in range(256))


def crc(data, crc=0):
    table = BYTE_TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


FIT_EPOCH = datetime.datetime(1989, 12, 31, tzinfo=datetime.timezone.utc)
SESSION = 18
# (field number, size, base type): start_time, total_elapsed_time (ms), total_distance (cm), sport.
SESSION_FIELDS = ((2, 4, 0x86), (7, 4, 0x86), (9, 4, 0x86), (5, 1, 0x00))


def write_fit_sessions(path, count):
    """A FIT file with one session definition (local type 0, little-endian) and `count` sessions:
    one a minute from 2025-01-01T00:00:00Z, each 5 km in 1500 s, sport 1 (running)."""
    definition = bytes([0x40, 0, 0]) + struct.pack("<HB", SESSION, len(SESSION_FIELDS))
    definition += b"".join(bytes(f) for f in SESSION_FIELDS)
    record = struct.Struct("<BIIIB")  # header 0x00, start, elapsed ms, distance cm, sport
    data_len = len(definition) + count * record.size
    header = bytes([14, 0x10]) + struct.pack("<HI", 2132, data_len) + b".FIT"
    header += struct.pack("<H", crc(header))
    first = int((datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc) - FIT_EPOCH).total_seconds())
    with open(path, "wb") as out:
        running = crc(header)
        out.write(header)
        running = crc(definition, running)
        out.write(definition)
        batch = 20_000
        for start in range(0, count, batch):
            chunk = b"".join(
                record.pack(0x00, first + 60 * i, 1500 * 1000, 5000 * 100, 1)
                for i in range(start, min(start + batch, count))
            )
            running = crc(chunk, running)
            out.write(chunk)
        out.write(struct.pack("<H", running))


# --- XML ---------------------------------------------------------------------------------------


def write_billion_laughs(path):
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE gpx [", '  <!ENTITY lol "lol">']
    for i in range(1, 10):
        previous = "lol" if i == 1 else f"lol{i - 1}"
        lines.append(f'  <!ENTITY lol{i} "{("&" + previous + ";") * 10}">')
    lines.append("]>")
    lines.append(
        '<gpx version="1.1" creator="hostile" xmlns="http://www.topografix.com/GPX/1/1">'
        "<trk><name>&lol9;</name><trkseg>"
        '<trkpt lat="1" lon="1"><time>2026-03-01T07:00:00Z</time></trkpt>'
        "</trkseg></trk></gpx>"
    )
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")


def write_repeated(path, head, unit, count, tail=b""):
    """`head`, then `unit` `count` times, then `tail`, in chunks."""
    per_chunk = max(1, CHUNK // len(unit))
    block = unit * per_chunk
    with open(path, "wb") as out:
        out.write(head)
        left = count
        while left >= per_chunk:
            out.write(block)
            left -= per_chunk
        out.write(unit * left)
        out.write(tail)


def write_nan_coordinates(path):
    points = [("NaN", "inf", "07:00:00"), ("NaN", "inf", "07:10:00"), ("-inf", "NaN", "07:20:00")]
    pts = "".join(
        f'<trkpt lat="{lat}" lon="{lon}"><time>2026-03-01T{t}Z</time></trkpt>' for lat, lon, t in points
    )
    with open(path, "w") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<gpx version="1.1" creator="hostile" xmlns="http://www.topografix.com/GPX/1/1">'
            f"<trk><name>NaN run</name><trkseg>{pts}</trkseg></trk></gpx>\n"
        )


def write_negative_distance(path):
    points = "".join(
        f"<Trackpoint><Time>2026-03-01T07:{m:02d}:00Z</Time>"
        f"<Position><LatitudeDegrees>52.5{m:02d}</LatitudeDegrees>"
        "<LongitudeDegrees>13.4</LongitudeDegrees></Position></Trackpoint>"
        for m in (0, 10, 20)
    )
    with open(path, "w") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
            '<Activities><Activity Sport="Running"><Id>2026-03-01T07:00:00Z</Id>'
            '<Lap StartTime="2026-03-01T07:00:00Z">'
            "<TotalTimeSeconds>inf</TotalTimeSeconds><DistanceMeters>-5000</DistanceMeters>"
            f"<Track>{points}</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n"
        )


def write_many_tracks(path, count):
    """`count` tracks, each two points 0.01° of latitude apart (about 1.1 km) in 6 minutes, one a
    day from 2020-01-01."""
    first = datetime.date(2020, 1, 1)
    with open(path, "w") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<gpx version="1.1" creator="hostile" xmlns="http://www.topografix.com/GPX/1/1">\n'
        )
        for i in range(count):
            day = (first + datetime.timedelta(days=i)).isoformat()
            out.write(
                f"<trk><name>Run {i + 1}</name><trkseg>"
                f'<trkpt lat="52.5" lon="13.4"><time>{day}T07:00:00Z</time></trkpt>'
                f'<trkpt lat="52.51" lon="13.4"><time>{day}T07:06:00Z</time></trkpt>'
                "</trkseg></trk>\n"
            )
        out.write("</gpx>\n")


# --- Backups -----------------------------------------------------------------------------------

TABLES = (
    "plan_history", "session", "session_item", "progress", "exercise_done", "checkin", "hurt",
    "pause", "day_note", "setting", "zone_log", "pair", "run",
)


def backup(**tables):
    """A valid schema-6 backup: every table, a first plan, a start day, a pair and a run;
    `tables` replaces whole tables."""
    rows = {name: [] for name in TABLES}
    rows["plan_history"] = [{
        "effective_from": "0001-01-01", "mode": "fixed", "strength_days": 21, "per_week": 3,
        "run_days": 10, "equipment": "mat,band",
    }]
    rows["setting"] = [{"key": "started_on", "value": "2026-02-02"}]
    rows["pair"] = [{
        "id": 1, "name": "Blue trainers", "model": None, "start_m": 0, "purchased": "2026-01-15",
        "limit_m": 800000, "retired": 0, "is_default": 1, "later_m": None, "later_until": None,
        "acted": None, "notified": None, "created_at": "2026-02-02T06:00:00.000Z",
    }]
    rows["run"] = [{
        "id": 1, "pair_id": 1, "local_date": "2026-02-03", "distance_m": 5000, "duration_s": 1500,
        "started_at": None, "logged_at": "2026-02-03T18:00:00.000Z",
    }]
    rows.update(tables)
    return {"app": "Backstride", "format": 1, "schema": SCHEMA, "createdAt": CREATED_AT, "tables": rows}


def checkin(date, pain=2):
    return {
        "local_date": date, "pain": pain, "area": "lower", "logged_at": "2026-03-01T06:30:00.000Z",
        "zone": ZONE, "leg": 0,
    }


def far_day(date):
    """A backup whose day on `date` is in the history: a sore check-in and a note."""
    note = {"local_date": date, "note": "far", "updated_at": "2026-03-01T06:30:00.000Z"}
    return backup(checkin=[checkin(date, pain=7)], day_note=[note])


def write_json(path, value):
    with open(path, "w") as out:
        json.dump(value, out, separators=(",", ":"))


def write_padded_backup(path, size):
    """A valid backup of exactly `size` bytes: spaces before its final `}`."""
    text = json.dumps(
        backup(checkin=[checkin("2026-02-0%d" % d) for d in range(2, 10)]), separators=(",", ":")
    ).encode()
    pad = size - len(text)
    assert pad >= 0 and text.endswith(b"}")
    write_repeated(path, text[:-1], b" ", pad, b"}")


def write_reminders_every_minute(path):
    times = ",".join(f"{m // 60:02d}:{m % 60:02d}" for m in range(24 * 60))
    settings = [
        {"key": "started_on", "value": "2026-02-02"},
        {"key": "reminder_times", "value": times},
        {"key": "freezes_per_month", "value": "255"},
        {"key": "reminders_delivered_through", "value": "9999-12-31T00:00:00.000Z"},
    ]
    write_json(path, backup(setting=settings))


# --- Main --------------------------------------------------------------------------------------


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: python3 scripts/hostile.py OUT_DIR\n")
        return 2
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    deep = 8_000_000
    backup_head = json.dumps(
        {"app": "Backstride", "format": 1, "schema": SCHEMA, "createdAt": CREATED_AT}, separators=(",", ":")
    )[:-1]
    files = [
        ("import", "billion-laughs.gpx", write_billion_laughs),
        ("import", "deep-8m.gpx", lambda p: write_repeated(p, b"<gpx><trk>", b"<a>", deep)),
        ("restore", "deep-8m.json",
         lambda p: write_repeated(p, (backup_head + ',"tables":{"run":').encode(), b"[", deep)),
        ("import", "sessions-500k.fit", lambda p: write_fit_sessions(p, 500_000)),
        ("import", "sessions-2k.fit", lambda p: write_fit_sessions(p, 2_000)),
        ("restore", "backup-64mib-plus-1.json", lambda p: write_padded_backup(p, 64 * 1024 * 1024 + 1)),
        ("restore", "backup-256mib-plus-1.json", lambda p: write_padded_backup(p, 256 * 1024 * 1024 + 1)),
        ("restore", "year-minus-262143.json", lambda p: write_json(p, far_day("-262143-01-01"))),
        ("restore", "year-9999.json", lambda p: write_json(p, far_day("9999-12-31"))),
        ("restore", "reminders-every-minute.json", write_reminders_every_minute),
        ("import", "nan-coordinates.gpx", write_nan_coordinates),
        ("import", "negative-distance.tcx", write_negative_distance),
        ("import", "runs-1m.gpx", lambda p: write_many_tracks(p, 2_000)),
    ]
    for kind, name, write in files:
        write(os.path.join(out_dir, name))
        print(f"{kind}\t{name}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
