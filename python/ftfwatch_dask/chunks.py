"""Cutting a corpus into chunks of whole documents, and reading a chunk's bytes.

A corpus is a list of inputs: JSON Lines files (`.jsonl`, `.ndjson`: one document a line, as
`ftfwatch ingest --jsonl` reads them), directories (every regular file below, in path order,
one document each, as `ftfwatch ingest DIR` reads them) and single text files. A JSONL chunk
is a byte range that starts and ends on a line boundary; a text chunk is a run of whole files.
A chunk is about `chunk_bytes` long; a single document longer than that is a chunk of its own.
"""

import dataclasses
import hashlib
import os
from typing import List, Tuple

JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclasses.dataclass(frozen=True)
class Chunk:
    kind: str  # "jsonl" (a byte range of lines of `path`) or "files" (whole text files)
    path: str  # the input as given: the JSONL file, the directory or the text file
    start: int = 0  # jsonl: byte range [start, end) of `path`
    end: int = 0
    files: Tuple[Tuple[str, int, int], ...] = ()  # files: (path, size, mtime_ns) in order

    @property
    def size(self) -> int:
        if self.kind == "jsonl":
            return self.end - self.start
        return sum(size for _, size, _ in self.files)

    def key(self) -> str:
        """The chunk's identity in the resume journal: its input, range, and the size and
        modification time of what it reads (a changed file gives new keys)."""
        if self.kind == "jsonl":
            st = os.stat(self.path)
            ident = f"jsonl\0{os.path.abspath(self.path)}\0{st.st_size}\0{st.st_mtime_ns}\0{self.start}\0{self.end}"
        else:
            ident = "files\0" + "\0".join(f"{os.path.abspath(p)}\0{s}\0{m}" for p, s, m in self.files)
        return hashlib.sha256(ident.encode("utf-8", "surrogateescape")).hexdigest()[:32]

    def label(self, first_line: int = 0) -> str:
        """For messages: "corpus.jsonl lines 1201- (bytes 2097152-4194304)" or "texts/ (3 files: a.txt … c.txt)"."""
        if self.kind == "jsonl":
            lines = f" from line {first_line}" if first_line else ""
            return f"{self.path}{lines} (bytes {self.start}-{self.end})"
        names = [p for p, _, _ in self.files]
        if len(names) == 1:
            return names[0]
        return f"{len(names)} files {names[0]} … {names[-1]}"


def _is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


def _jsonl_ranges(path: str, chunk_bytes: int) -> List[Tuple[int, int]]:
    """Byte ranges of about chunk_bytes that end just after a newline (or at the end)."""
    size = os.path.getsize(path)
    ranges = []
    with open(path, "rb") as f:
        start = 0
        while start < size:
            target = start + chunk_bytes
            if target >= size:
                end = size
            else:
                f.seek(target - 1)
                f.readline()  # to the end of the line that holds byte target-1
                end = f.tell()
            ranges.append((start, end))
            start = end
    return ranges


def _dir_files(path: str) -> List[str]:
    found = []
    for root, _, names in os.walk(path):
        for n in names:
            p = os.path.join(root, n)
            if os.path.isfile(p):
                found.append(p)
    # The order of `ftfwatch ingest DIR`: full paths sorted bytewise.
    found.sort(key=lambda p: p.encode("utf-8", "surrogateescape"))
    return found


def plan_chunks(inputs: List[str], chunk_bytes: int) -> List[Chunk]:
    """The chunks of `inputs`, in input order. Raises FileNotFoundError for a missing input."""
    if chunk_bytes <= 0:
        raise ValueError("chunk size must be positive")
    chunks: List[Chunk] = []
    for inp in inputs:
        if not os.path.exists(inp):
            raise FileNotFoundError(f"{inp}: no such file or directory")
        if os.path.isdir(inp) or not _is_jsonl(inp):
            files = _dir_files(inp) if os.path.isdir(inp) else [inp]
            group: List[Tuple[str, int, int]] = []
            group_bytes = 0
            for p in files:
                st = os.stat(p)
                if group and group_bytes + st.st_size > chunk_bytes:
                    chunks.append(Chunk("files", inp, files=tuple(group)))
                    group, group_bytes = [], 0
                group.append((p, st.st_size, st.st_mtime_ns))
                group_bytes += st.st_size
            if group:
                chunks.append(Chunk("files", inp, files=tuple(group)))
        else:
            for start, end in _jsonl_ranges(inp, chunk_bytes):
                chunks.append(Chunk("jsonl", inp, start=start, end=end))
    return chunks


def read_payload(chunk: Chunk):
    """What a worker needs to ingest the chunk without seeing the client's files:
    ("jsonl", bytes) or ("files", [(name, bytes), ...])."""
    if chunk.kind == "jsonl":
        with open(chunk.path, "rb") as f:
            f.seek(chunk.start)
            data = f.read(chunk.end - chunk.start)
        if len(data) != chunk.end - chunk.start:
            raise OSError(f"{chunk.path}: shorter than when the run was planned (changed during the run?)")
        return ("jsonl", data)
    out = []
    for p, _, _ in chunk.files:
        with open(p, "rb") as f:
            out.append((p, f.read()))
    return ("files", out)


def payload_lines(payload) -> int:
    """Newlines in a JSONL payload: how far the next chunk's first line is from this one's."""
    kind, data = payload
    return data.count(b"\n") if kind == "jsonl" else 0
