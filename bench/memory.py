"""Memory of a process tree, read from /proc (Linux): the gunicorn server and all it starts."""
from __future__ import annotations

import threading
from pathlib import Path

PROC = Path("/proc")


def children(pid: int) -> list[int]:
    """Direct children of ``pid`` (from every thread's children list)."""
    found: list[int] = []
    for task in (PROC / str(pid) / "task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:   # the thread or the process ended meanwhile
            pass
    return found


def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    todo, seen = [pid], []
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.append(current)
            todo += children(current)
    return seen


def rss_bytes(pid: int) -> int:
    """Resident set size of one process; 0 if it is gone."""
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def name(pid: int) -> str:
    """The process's command name (``comm``: gunicorn, soffice.bin, python3...); "?" if it is gone."""
    try:
        return (PROC / str(pid) / "comm").read_text().strip()
    except OSError:
        return "?"


def by_name(sizes: dict[int, int]) -> dict[str, list[int]]:
    """{pid: RSS} grouped by command name: {name: [processes, RSS bytes]}, largest first."""
    groups: dict[str, list[int]] = {}
    for pid, size in sizes.items():
        group = groups.setdefault(name(pid), [0, 0])
        group[0] += 1
        group[1] += size
    return dict(sorted(groups.items(), key=lambda item: -item[1][1]))


def tree_rss(pid: int) -> int:
    """Sum of the RSS of ``pid`` and its descendants, in bytes."""
    return sum(rss_bytes(p) for p in tree(pid))


def trees_rss(pids: list[int]) -> int:
    """Sum of the RSS of every process in the trees of ``pids``, each process once."""
    return sum(rss_bytes(p) for p in {p for root in pids for p in tree(root)})


class PeakSampler:
    """Samples the RSS of process trees in a background thread; ``peak`` is the highest sum seen.

        with PeakSampler([gunicorn_pid, unoserver_pid]) as sampler:
            ...work...
        sampler.peak, sampler.samples, sampler.at_peak
    """

    def __init__(self, pids: list[int], interval: float = 0.2) -> None:
        self.pids, self.interval = pids, interval
        self.peak, self.samples, self.most_processes = 0, 0, 0
        self.at_peak: dict[str, list[int]] = {}   # at the peak: process name -> [count, RSS bytes]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> None:
        pids = sorted({p for root in self.pids for p in tree(root)})
        sizes = {p: rss_bytes(p) for p in pids}
        if sum(sizes.values()) > self.peak:
            self.peak = sum(sizes.values())
            self.at_peak = by_name(sizes)
        self.most_processes = max(self.most_processes, len(pids))
        self.samples += 1

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()
