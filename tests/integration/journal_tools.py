"""What the integration tests share: free loopback ports, the end of a log, and reading the
events and settings of a kiosk's or host's database without disturbing its writer."""
import socket
import sqlite3


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tail(path, lines=15):
    try:
        with open(path, errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError:
        return ""


def connect(db_file):
    return sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=10)


def events(db_file, device=None):
    """(device_id, seq, type, learner, attempt, at_ms, payload) rows, in journal order."""
    db = connect(db_file)
    query = "SELECT device_id, seq, type, learner, attempt, at_ms, payload FROM events"
    rows = db.execute(query + (" WHERE device_id = ?" if device else "") + " ORDER BY device_id, seq",
                      (device,) if device else ()).fetchall()
    db.close()
    return rows


def setting(db_file, key):
    db = connect(db_file)
    row = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    db.close()
    return row[0] if row else None
