"""The progress line on a terminal (documents, MB, claims, rate, workers), as `ftfwatch
ingest` shows it, and event lines (a worker lost, a chunk retried) that scroll above it."""

import sys
import time


class Progress:
    def __init__(self, enabled: bool, stream=sys.stderr):
        self.enabled = enabled
        self.stream = stream
        self.start = time.monotonic()
        self._last = 0.0
        self._shown = False
        self.documents = self.bytes = self.claims = self.claims_added = 0
        self.chunks_done = self.chunks_total = 0
        self.workers = 0

    def add(self, totals) -> None:
        self.documents += totals["documents"]
        self.bytes += totals["bytes"]
        self.claims += totals["claims"]
        self.claims_added += totals["claims_added"]
        self.chunks_done += 1

    def line(self) -> str:
        secs = time.monotonic() - self.start
        mb = self.bytes / 1e6
        return (f"{self.documents} documents, {mb:.1f} MB, {self.claims} claims ({self.claims_added} new), "
                f"{mb / secs if secs > 0 else 0.0:.1f} MB/s, {self.workers} workers, "
                f"chunk {self.chunks_done}/{self.chunks_total}")

    def show(self, final: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not final and now - self._last < 0.25:
            return
        self._last = now
        self.stream.write("\r" + self.line() + "   ")
        if final:
            self.stream.write("\n")
        self._shown = not final
        self.stream.flush()

    def event(self, message: str) -> None:
        """A line that stays (always printed, terminal or not)."""
        if self._shown:
            self.stream.write("\n")
            self._shown = False
        self.stream.write(f"ftfwatch-dask: {message}\n")
        self.stream.flush()
