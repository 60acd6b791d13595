"""Only the bench's caseboard step, on the tests' own server (tests/support/server.py, its ports from
NOM_TEST_*): an advocate account with NOM_BENCH_BOARD_CASES cases (200), the board shown 5 times.

    source scripts/env.sh && python -m bench.board
"""
from __future__ import annotations

import os
import statistics

from bench import walks
from bench.run import BOARD_CASES, FULL, URGENT
from tests.support import server as server_control
from tests.support.cases import CASES


def main() -> None:
    running = server_control.start()
    try:
        cases = [{**CASES[n].answers(), "user_role": "advocate"} for n in (FULL, URGENT)]
        out = walks.caseboard(running.url, running.api_key, running.state,
                              int(server_control.test_env()["NOM_PG_PORT"]), cases, BOARD_CASES)
    finally:
        server_control.stop()
    times = out.pop("times")
    print({**out, "times": [round(t, 3) for t in times], "median": round(statistics.median(times), 3),
           "load": os.getloadavg()})


if __name__ == "__main__":
    main()
