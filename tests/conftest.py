"""Test depths: each folder is one pytest marker (unit, interview, e2e).

`--require-depths` (used by `make test`) fails the run when a depth ran no test or
skipped one, so no depth can be skipped silently; the summary prints how many tests
ran at each depth.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEPTHS = {
    "unit": "the Python modules and static checks, no server",
    "interview": "a YAML interview walked in-process through docassemble.base (tests/support/headless.py)",
    "e2e": "the real server: REST API and headless Chromium",
}
_outcomes: dict[str, Counter] = {depth: Counter() for depth in DEPTHS}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--require-depths", action="store_true",
                     help="fail unless every depth (unit, interview, e2e) ran tests and skipped none")


def pytest_configure(config: pytest.Config) -> None:
    for depth, meaning in DEPTHS.items():
        config.addinivalue_line("markers", f"{depth}: {meaning}")


def _depth_of(path: str) -> str | None:
    try:
        parts = Path(path).resolve().relative_to(ROOT / "tests").parts
    except ValueError:
        return None
    return parts[0] if parts and parts[0] in DEPTHS else None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        depth = _depth_of(str(item.path))
        if depth:
            item.add_marker(getattr(pytest.mark, depth))
    # A test whose function has ``start_early`` (it runs something in the background) is started
    # with the first test of its depth and moved to that depth's end, where it waits for the result.
    for late in [i for i in items if getattr(getattr(i, "function", None), "start_early", None)]:
        depth = _depth_of(str(late.path))
        items.remove(late)
        same = [n for n, i in enumerate(items) if _depth_of(str(i.path)) == depth]
        items.insert(same[-1] + 1 if same else len(items), late)
        _early.setdefault(depth, []).append(late.function.start_early)


_early: dict[str | None, list] = {}


def pytest_runtest_setup(item: pytest.Item) -> None:
    for start in _early.pop(_depth_of(str(item.path)), []):
        start()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    depth = _depth_of(report.nodeid.split("::")[0])
    if depth is None:
        return
    if report.when == "call":
        _outcomes[depth][report.outcome] += 1
    elif report.when == "setup" and report.outcome != "passed":
        _outcomes[depth]["error" if report.failed else "skipped"] += 1


def _missing_depths() -> list[str]:
    return [d for d, c in _outcomes.items() if c["passed"] + c["failed"] == 0 or c["skipped"]]


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    terminalreporter.section("tests run at each depth")
    for depth, c in _outcomes.items():
        terminalreporter.write_line(f"{depth:>9}: {c['passed']} passed, {c['failed']} failed, "
                                    f"{c['error']} errors, {c['skipped']} skipped")
    if config.getoption("--require-depths"):
        for depth in _missing_depths():
            terminalreporter.write_line(f"FAIL: the {depth} depth ran no test or skipped some")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if session.config.getoption("--require-depths") and _missing_depths():
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
