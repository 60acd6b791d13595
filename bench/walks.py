"""Timed walks through the real server's REST API: our interview, docassemble's demo, many cases at once.

Each answer is one POST /api/session that returns the next screen; its round trip on
loopback is that screen's server time.
"""
from __future__ import annotations

import re
import threading
import time
from typing import Any

from bench.autoanswer import AutoAnswerer
from bench.memory import PeakSampler
from tests.support.api import ApiError, ApiSession
from tests.support.server import INTERVIEW

DEMO = "docassemble.demo:data/questions/questions.yml"


def title(screen: dict[str, Any]) -> str:
    return " ".join((screen.get("questionText") or screen.get("questionName") or "?").split())


class TimedSession(ApiSession):
    """An ApiSession that records each answer's round trip: ``times`` is [(next screen's title, seconds)]."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.times: list[tuple[str, float]] = []
        self.first = ""   # the first screen's title

    def question(self) -> dict[str, Any]:
        screen = super().question()
        self.first = self.first or title(screen)
        return screen

    def answer(self, variables: dict[str, Any]) -> dict[str, Any]:
        start = time.perf_counter()
        screen = super().answer(variables)
        self.times.append((title(screen), time.perf_counter() - start))
        return screen

    def seconds(self) -> list[float]:
        return [s for _, s in self.times]

    def path(self) -> list[str]:
        """The titles of the screens shown, in order, the last one included."""
        return [self.first] + [name for name, _ in self.times]


def zip_link(screen: dict[str, Any]) -> str:
    """The download-all link on the documents screen (a Markdown link ending in .zip)."""
    links = re.findall(r"\]\(([^)\s]+?\.zip)\)", screen.get("subquestionText") or "")
    if not links:
        raise ApiError(f"no ZIP link on {title(screen)!r}")
    return re.sub(r"^https?://[^/]+", "", links[0])


def walk_case(url: str, key: str, answers: dict[str, Any]) -> tuple[TimedSession, dict[str, Any]]:
    """Our interview from the start to the screen with the documents; fails elsewhere."""
    api = TimedSession(url, key, INTERVIEW)
    screen = api.walk(answers, max_steps=120)
    if not screen.get("attachments"):
        raise ApiError(f"walk stopped at {title(screen)!r}, a screen without documents")
    return api, screen


def walk_demo(url: str, key: str, max_screens: int = 60) -> tuple[TimedSession, str]:
    """docassemble.demo's interview with generic answers, until a screen they cannot answer (its first upload)."""
    api = TimedSession(url, key, DEMO)
    answerer, screen = AutoAnswerer(), api.question()
    while len(api.times) < max_screens:
        variables = answerer(screen)
        if variables is None:
            break
        screen = api.answer(variables)
    return api, title(screen)


def zip_time(api: TimedSession, screen: dict[str, Any]) -> dict[str, Any]:
    """The documents screen's time (the answer that led to it) and its ZIP's download."""
    start = time.perf_counter()
    size = len(api.download(zip_link(screen)))
    took = time.perf_counter() - start
    return {"screen": api.times[-1][1], "zip": took, "total": api.times[-1][1] + took, "zip_bytes": size}


def shown_again(api: TimedSession, repeats: int = 3) -> list[dict[str, float]]:
    """The documents screen shown again (GET /api/session/question) and its ZIP, ``repeats`` times."""
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        screen = api.question()
        shown = time.perf_counter() - start
        start = time.perf_counter()
        api.download(zip_link(screen))
        took = time.perf_counter() - start
        out.append({"screen": shown, "zip": took, "total": shown + took})
    return out


def concurrent(url: str, key: str, cases: list[dict[str, Any]], server_pids: list[int]) -> dict[str, Any]:
    """All ``cases`` walked at once, each to its documents and its ZIP; server memory sampled meanwhile."""
    start_line = threading.Barrier(len(cases) + 1)
    outcomes: list[dict[str, Any]] = [{} for _ in cases]

    def one(n: int) -> None:
        start_line.wait()
        api = None
        try:
            api, screen = walk_case(url, key, cases[n])
            api.download(zip_link(screen))
            outcomes[n] = {"ok": True, "times": api.seconds(), "done": time.perf_counter()}
        except Exception as err:   # any failure is an error of the run, counted and shown
            outcomes[n] = {"ok": False, "error": f"{type(err).__name__}: {str(err)[:300]}",
                           "times": api.seconds() if api else []}

    threads = [threading.Thread(target=one, args=(n,)) for n in range(len(cases))]
    with PeakSampler(server_pids) as memory:
        for thread in threads:
            thread.start()
        start_line.wait()
        began = time.perf_counter()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - began
    return {"cases": len(cases), "wall": wall, "outcomes": outcomes, "peak_rss": memory.peak,
            "processes": memory.most_processes, "samples": memory.samples}
