"""Small statistics for the benchmark: percentiles, summaries, ratios. Pure functions."""
from __future__ import annotations

import math
from typing import Iterable, Sequence


def percentile(values: Iterable[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between closest ranks (numpy's default).

    p50 of [1, 2, 3, 4] is 2.5; p95 of 20 values lies between the 19th and the 20th.
    """
    data = sorted(values)
    if not data:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} is not between 0 and 100")
    rank = (len(data) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return data[low] + (data[high] - data[low]) * (rank - low)


def median(values: Iterable[float]) -> float:
    return percentile(values, 50)


def summary(values: Sequence[float]) -> dict[str, float]:
    """n, p50, p95 and max of a list of seconds."""
    return {"n": len(values), "p50": percentile(values, 50), "p95": percentile(values, 95), "max": max(values)}


def ratio(ours: float, theirs: float) -> float:
    """ours / theirs; infinite when theirs is zero."""
    return ours / theirs if theirs else math.inf


def per_minute(count: int, seconds: float) -> float:
    """A rate: ``count`` done in ``seconds``, per minute."""
    return count * 60 / seconds if seconds > 0 else 0.0
