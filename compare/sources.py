"""Input spec -> Snapshot: local files, stdin and http(s) URLs."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from pathlib import Path

from compare.errors import InputError
from compare.model import LoadOptions, MediaKind, Provenance, Snapshot


def read(spec: str, options: LoadOptions) -> Snapshot:
    """Read one input spec into a snapshot."""
    path = Path(spec)
    if not path.is_file():
        raise InputError(f"no such file: {spec}", "check the path")
    content = path.read_bytes()
    kind: MediaKind = "html" if path.suffix in (".html", ".htm") else "text"
    provenance = Provenance(
        spec=spec,
        fetched_at=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        encoding="utf-8",
        sha256=hashlib.sha256(content).hexdigest(),
    )
    return Snapshot(content=content, kind=options.kind or kind, provenance=provenance)
