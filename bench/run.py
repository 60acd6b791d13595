"""The benchmark, end to end, against the server scripts/bench.sh started; writes bench/results.{json,md}.

    python -m bench.run            (scripts/bench.sh sets the environment and the server)

1. the whole download through the server: cold (a fresh server), then the same screen shown again;
2. screen latency: walks of our interview and of docassemble.demo's, taking turns (each of ours
   also downloads its ZIP: the download for a new case on a warm server);
3. screens to the first usable request (urgent, detained) and to the full package;
4. each document's assembly in-process (a fresh process: bench/docs.py), and the profiles;
5. the caseboard of an advocate account with 200 cases (two handed over, copied in PostgreSQL);
6. 20 cases at once, to their documents, with the server's memory sampled (last: requests the
   clients gave up on may still be running in the server).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import report, walks  # noqa: E402
from bench.memory import trees_rss  # noqa: E402
from tests.support.cases import CASES  # noqa: E402

WALKS = int(os.environ.get("NOM_BENCH_WALKS", "3"))          # walks of each interview for latency
CONCURRENT = int(os.environ.get("NOM_BENCH_CASES", "20"))    # cases walked at once
BOARD_CASES = int(os.environ.get("NOM_BENCH_BOARD_CASES", "200"))   # cases on the advocate's caseboard
FULL, URGENT = 3, 0   # CASES: final order at home (all documents), ICE hold on the short path


def machine() -> dict[str, Any]:
    meminfo = dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines())
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return {"cores": os.cpu_count(), "memory_gb": int(meminfo["MemTotal"].split()[0]) / 1024 ** 2, "cpu": cpu,
            "load": os.getloadavg(), "python": platform.python_version()}


def commit() -> dict[str, Any]:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return {"sha": git("rev-parse", "--short", "HEAD"), "subject": git("log", "-1", "--format=%s"),
            "main": git("rev-parse", "--short", git("merge-base", "HEAD", "main") or "main"),
            "dirty": bool(git("status", "--porcelain", "--", "docassemble", "scripts"))}


class Conversions:
    """PDF conversions the server made, counted in unoserver's log (None without one)."""

    def __init__(self, log: Path) -> None:
        self.log = log
        self.seen = self.count()

    def count(self) -> int | None:
        return self.log.read_text().count("Exporting to") if self.log.exists() else None

    def since(self) -> int | None:
        """Conversions since the last call (or since this was made)."""
        now = self.count()
        done = None if now is None or self.seen is None else now - self.seen
        self.seen = now
        return done


def server_pids(run: Path) -> list[int]:
    """The processes recorded in serve.sh's run folder (``*.pid``), Redis's left out."""
    pids = []
    for pidfile in sorted(run.glob("*.pid")):
        try:
            if pidfile.stem != "redis":
                pids.append(int(pidfile.read_text().split()[0]))
        except (OSError, ValueError, IndexError):   # gone, or being written
            pass
    return pids


def step(name: str) -> None:
    print(f"bench: {name}", flush=True)


def main() -> None:
    url, state = os.environ["NOM_URL"], Path(os.environ["NOM_STATE"])
    key = (state / "config" / "admin_api_key").read_text().strip()
    # the server's processes: every process serve.sh started and recorded in its run folder (gunicorn and
    # its workers, the PDF converter and the LibreOffice it runs), with all they start; not Redis (nor
    # PostgreSQL, which keeps its pid elsewhere)
    pids = server_pids(state / "run")
    began = time.perf_counter()
    out: dict[str, Any] = {"date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "machine": machine(),
                           "commit": commit(), "rss_start": trees_rss(pids),
                           "server_processes": sorted(f.stem for f in (state / "run").glob("*.pid") if f.stem != "redis")}

    step("the download: cold, then shown again (server)")
    conversions = Conversions(state / "logs" / "unoserver.log")
    api, screen = walks.walk_case(url, key, CASES[FULL].answers())
    out["bundle"] = {"cold": walks.zip_time(api, screen), "conversions": conversions.since(),
                     "documents": len(screen["attachments"]), "new_case": []}
    out["bundle"]["shown_again"] = walks.shown_again(api)
    out["bundle"]["conversions_shown_again"] = conversions.since()

    step(f"screen latency: {WALKS} walks of each interview, taking turns")
    walks.walk_demo(url, key)   # the demo's first walk loads its YAML: not counted, as ours above
    ours, demo = [], []
    for _ in range(WALKS):
        api, screen = walks.walk_case(url, key, CASES[FULL].answers())
        ours.append(api.times)
        out["bundle"]["new_case"].append(walks.zip_time(api, screen))   # the download for a new case, warm server
        session, stopped = walks.walk_demo(url, key)
        demo.append(session.times)
    out["latency"] = {"ours": ours, "demo": demo, "demo_stopped_at": stopped, "ours_case": CASES[FULL].name}

    step("screens to the first usable request")
    urgent, urgent_end = walks.walk_case(url, key, CASES[URGENT].answers())
    out["screens"] = {
        "urgent": {"case": CASES[URGENT].name, "answered": len(urgent.times), "end": walks.title(urgent_end),
                   "documents": len(urgent_end["attachments"]), "path": urgent.path()},
        "full": {"case": CASES[FULL].name, "answered": len(ours[0]), "end": ours[0][-1][0],
                 "documents": out["bundle"]["documents"]}}

    step("each document in-process, cold and warm, and the profiles (bench/docs.py)")
    docs_json = state / "bench-docs.json"
    subprocess.run([sys.executable, "-m", "bench.docs", str(docs_json)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=open(state / "logs" / "bench-docs.log", "w"))
    out["docs"] = json.loads(docs_json.read_text())

    step(f"the caseboard with {BOARD_CASES} cases (an advocate account of its own)")
    board_cases = [{**CASES[n].answers(), "user_role": "advocate"} for n in (FULL, URGENT)]
    out["caseboard"] = walks.caseboard(url, key, state, int(os.environ["NOM_PG_PORT"]), board_cases, BOARD_CASES)

    step(f"{CONCURRENT} cases at once")
    cases = [CASES[n % len(CASES)].answers() for n in range(CONCURRENT)]
    out["rss_before_concurrency"] = trees_rss(server_pids(state / "run"))
    conversions.since()
    out["concurrency"] = walks.concurrent(url, key, cases, server_pids(state / "run"))
    out["concurrency"]["conversions"] = conversions.since()
    out["concurrency"]["case_names"] = [CASES[n % len(CASES)].name for n in range(CONCURRENT)]

    out["elapsed"], out["load_end"] = time.perf_counter() - began, os.getloadavg()
    (ROOT / "bench" / "results.json").write_text(json.dumps(out, indent=1, default=str) + "\n")
    (ROOT / "bench" / "results.md").write_text(report.render(out))
    print(report.headline(out))
    step(f"done in {out['elapsed'] / 60:.1f} min: bench/results.md")


if __name__ == "__main__":
    main()
