"""A cProfile run made short enough to read: the functions that cost the most, one line each."""
from __future__ import annotations

import cProfile
import os
import pstats
import re
from typing import Any


def short_name(key: tuple[str, int, str]) -> str:
    """'.../site-packages/docassemble/base/parse.py', 6900, 'finalize_attachment' -> 'docassemble/base/parse.py:6900 finalize_attachment'."""
    path, line, func = key
    if path == "~":   # a built-in
        return func.strip("<>").replace("built-in method ", "")
    path = re.sub(r"^.*/(site-packages|lib/python3\.\d+)/", "", path)
    path = re.sub(r"^.*/(docassemble/notonemore/|bench/|tests/)", r"\1", path)
    return f"{os.path.normpath(path)}:{line} {func}"


def top(profile: cProfile.Profile | pstats.Stats, limit: int = 12, by: str = "cumulative") -> list[dict[str, Any]]:
    """The ``limit`` costliest functions: name, calls, own seconds, cumulative seconds, by ``by`` ('cumulative' or 'own')."""
    stats = profile if isinstance(profile, pstats.Stats) else pstats.Stats(profile)
    rows = [{"function": short_name(key), "calls": nc, "own": tt, "cumulative": ct}
            for key, (cc, nc, tt, ct, callers) in stats.stats.items()]   # type: ignore[attr-defined]
    rows.sort(key=lambda row: row["cumulative" if by == "cumulative" else "own"], reverse=True)
    return rows[:limit]


def total(profile: cProfile.Profile | pstats.Stats) -> float:
    stats = profile if isinstance(profile, pstats.Stats) else pstats.Stats(profile)
    return stats.total_tt  # type: ignore[attr-defined]
