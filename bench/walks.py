"""Timed walks through the real server's REST API: our interview, docassemble's demo, many cases at once.

Each answer is one POST /api/session that returns the next screen; its round trip on
loopback is that screen's server time.
"""
from __future__ import annotations

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


def download_zip(api: ApiSession, screen: dict[str, Any]) -> bytes:
    """The documents screen's "Download all (ZIP)": its action (every PDF made first, as the link does), then the ZIP."""
    if "Download all (ZIP)" not in (screen.get("subquestionText") or ""):
        raise ApiError(f"no ZIP link on {title(screen)!r}")
    response = api.http.post(f"{api.url}/api/session/action", json={**api._ids(), "action": "documents_zip_download",
                                                                   "arguments": {}}, timeout=300)
    if response.status_code != 204:
        raise ApiError(f"ZIP action -> {response.status_code}: {response.text[:300]}")
    made = api.variables()["documents_zip"]
    return api.download(f"/uploadedfile/{made['number']}/{made['filename']}")


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
    size = len(download_zip(api, screen))
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
        download_zip(api, screen)
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
            download_zip(api, screen)
            outcomes[n] = {"ok": True, "times": api.seconds(), "screens": api.times, "done": time.perf_counter()}
        except Exception as err:   # any failure is an error of the run, counted and shown
            outcomes[n] = {"ok": False, "error": f"{type(err).__name__}: {str(err)[:300]}",
                           "times": api.seconds() if api else [], "screens": api.times if api else []}

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
            "processes": memory.most_processes, "samples": memory.samples, "at_peak": memory.at_peak}


BOARD = "docassemble.notonemore:data/questions/caseboard.yml"


def caseboard(url: str, key: str, state: Any, pg_port: int, cases: list[dict[str, Any]], total: int = 200,
              repeats: int = 5) -> dict[str, Any]:
    """The caseboard's time for an advocate account with ``total`` cases.

    A new account hands over ``cases`` through the REST API with its own secret (as an intake system
    does, README *Handing a case over*); their encrypted rows are then copied in PostgreSQL under new
    session ids of the same account until it holds ``total`` (the same encrypted answers, so reading
    each costs what a real case costs), each with a copy of its case's card in the account's store (the
    board reads a case's card, not its answers, when it has one). The board is then shown ``repeats`` times (a new board
    session each time, as a visit): ``POST /api/session/new`` + ``GET /api/session/question``.
    """
    import secrets as _secrets
    from pathlib import Path

    import psycopg2
    import requests

    username, password = f"bench-advocate-{_secrets.token_hex(4)}@example.org", _secrets.token_urlsafe(18)
    made = requests.post(f"{url}/api/user/new", data={"key": key, "username": username, "password": password,
                                                      "privileges": "user"}, timeout=60)
    made.raise_for_status()
    user_id = made.json()["user_id"]
    user_key = requests.post(f"{url}/api/user/{user_id}/api", data={"key": key, "name": "bench"}, timeout=60).json()
    secret = ApiSession.account_secret(url, user_key, username, password)
    for answers in cases:
        ApiSession(url, user_key, INTERVIEW, secret=secret).walk(answers, max_steps=120)
    db = psycopg2.connect(host="127.0.0.1", port=pg_port, user="docassemble", dbname="docassemble",
                          password=(Path(state) / "config" / "db_password").read_text().strip())
    with db, db.cursor() as cur:
        cur.execute("SELECT key, filename, dictionary, encrypted FROM userdict WHERE user_id = %s AND indexno IN "
                    "(SELECT max(indexno) FROM userdict WHERE user_id = %s GROUP BY key)", (user_id, user_id))
        rows = cur.fetchall()
        # each case's card (the board's facts, encrypted with the account's key), written as it ran
        prefix = f"da:userid:{user_id}:card:"
        cur.execute("SELECT key, value, encrypted FROM globalobjectstorage WHERE user_id = %s AND key LIKE %s",
                    (user_id, prefix + "%"))
        cards = {key[len(prefix):]: (value, encrypted) for key, value, encrypted in cur.fetchall()}
        for n in range(total - len(rows)):
            old, filename, dictionary, encrypted = rows[n % len(rows)]
            new = _secrets.token_hex(16)
            cur.execute("INSERT INTO userdict (key, filename, user_id, dictionary, encrypted, modtime) "
                        "VALUES (%s, %s, %s, %s, %s, now())", (new, filename, user_id, dictionary, encrypted))
            cur.execute("INSERT INTO userdictkeys (key, filename, user_id) VALUES (%s, %s, %s)", (new, filename, user_id))
            if old in cards:   # the copy gets the card of the case it copies, as the case itself would
                cur.execute("INSERT INTO globalobjectstorage (key, value, encrypted, user_id) VALUES (%s, %s, %s, %s)",
                            (prefix + new, *cards[old], user_id))
    db.close()
    times, shown = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        screen = ApiSession(url, user_key, BOARD, secret=secret).question()
        times.append(time.perf_counter() - start)
        shown = (screen.get("subquestionText") or "").count("nom-case-link")
    return {"cases": total, "handed_over": len(cases), "cards": len(cards), "shown": shown, "times": times}
