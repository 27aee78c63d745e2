"""The resume journal: which chunks of a run are stored, so a restarted run does the rest.

One file per run (a run is: these inputs, this chunk size, these ingest options, this
database), one JSON line per stored chunk, appended and fsynced after the chunk's transaction
committed. A chunk that committed but was not journalled (the client died in between) runs
again on resume and adds nothing: the journal saves work, exactness comes from the database.
"""

import hashlib
import json
import os
from typing import Dict, Optional


def default_directory() -> str:
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return os.path.join(base, "ftfwatch-dask")


def run_id(parts) -> str:
    """A short stable name for a run from what defines it (a JSON-serialisable value)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()[:16]


class Journal:
    """Not thread-safe: used by the client's one driver loop."""

    def __init__(self, path: str, resume: bool = True):
        self.path = path
        self._done: Dict[str, int] = {}
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        if resume and os.path.exists(path):
            with open(path, "r", encoding="utf-8") as f:
                for line in f:
                    try:
                        entry = json.loads(line)
                        self._done[entry["key"]] = int(entry["lines"])
                    except (ValueError, KeyError, TypeError):
                        continue  # a line cut short by a crash: that chunk simply runs again
        self._file = open(path, "a" if resume else "w", encoding="utf-8")

    def __len__(self) -> int:
        return len(self._done)

    def lines_of(self, key: str) -> Optional[int]:
        """The newline count of a stored chunk, or None when it is not stored yet."""
        return self._done.get(key)

    def record(self, key: str, lines: int) -> None:
        self._done[key] = lines
        self._file.write(json.dumps({"key": key, "lines": lines}) + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        self._file.close()
