"""Document assembly timed in-process, with real PDF conversion (LibreOffice), and profiled.

PDFs are converted as the bench server converts them: through its unoserver, when it runs one.

Runs the interview through docassemble.base (tests/support/headless.py), no web server, in a
fresh process so that the first assembly is cold:

    python -m bench.docs OUT.json

Each attachment's time is docassemble's own work on it (``prepare_attachment`` +
``finalize_attachment``) plus its PDF conversion, made afterwards by ``pdfs.add_pdf``; its PDF
time is that conversion, its DOCX time the rest. The bundle is the whole documents screen.
"""
from __future__ import annotations

import cProfile
import json
import os
import pstats
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import profile as profiling  # noqa: E402
from tests.support.cases import CASES, answer_for  # noqa: E402
from tests.support.server import INTERVIEW  # noqa: E402

WARM_REPEATS = 2


class AssemblyTimer:
    """Times docassemble's attachment assembly per document; can profile one document."""

    def __init__(self) -> None:
        self.docs: dict[str, dict[str, float]] = defaultdict(lambda: {"total": 0.0, "pdf": 0.0, "builds": 0, "conversions": 0})
        self.profile_doc: str | None = None
        self.profiles: list[cProfile.Profile] = []   # the profiled document's calls

    def reset(self) -> None:
        self.docs.clear()

    def install(self) -> "AssemblyTimer":
        import docassemble.base.parse as parse
        import docassemble.notonemore.pdfs as pdfs
        question = parse.Question
        for method in ("prepare_attachment", "finalize_attachment"):
            setattr(question, method, self._timed(getattr(question, method)))
        # the PDFs are made after the DOCX, one document at a time (pdfs.py): a document's
        # conversion time, and part of its total
        pdfs.add_pdf = self._pdf_timed(pdfs.add_pdf)
        return self

    @contextmanager
    def _measure(self, name: str) -> Iterator[None]:
        """Time (and, for the profiled document, profile) one piece of a document's assembly."""
        profiler = cProfile.Profile() if name == self.profile_doc else None
        start = time.perf_counter()
        if profiler:
            self.profiles.append(profiler)
            profiler.enable()
        try:
            yield
        finally:
            if profiler:
                profiler.disable()
            self.docs[name]["total"] += time.perf_counter() - start

    def _timed(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def timed(question: Any, attachment: dict[str, Any], *args: Any) -> Any:
            name = attachment.get("variable_name") or str(attachment.get("name"))
            with self._measure(name):
                result = method(question, attachment, *args)
            self.docs[name]["builds"] += method.__name__ == "finalize_attachment"
            return result
        return timed

    def _pdf_timed(self, add_pdf: Callable[..., Any]) -> Callable[..., Any]:
        def timed(doc: Any, *args: Any, **kwargs: Any) -> Any:
            name = doc.instanceName
            before = self.docs[name]["total"]
            try:
                with self._measure(name):
                    return add_pdf(doc, *args, **kwargs)
            finally:
                self.docs[name]["pdf"] += self.docs[name]["total"] - before
                self.docs[name]["conversions"] += 1
        return timed

    def split(self) -> dict[str, dict[str, float]]:
        """Per document: docx (assembly without conversion), pdf (conversion), total; how many builds and conversions."""
        return {name: {"docx": t["total"] - t["pdf"], "pdf": t["pdf"], "total": t["total"], "builds": t["builds"],
                       "conversions": t["conversions"]}
                for name, t in self.docs.items()}


def walk(run: Any, answers: dict[str, Any], timer: AssemblyTimer,
         profile_steps: set[int] = frozenset()) -> tuple[Any, list[dict[str, Any]], dict[int, cProfile.Profile]]:
    """Answer screen after screen to the end; time each step (the next screen's assembly), profile some."""
    screen, steps, profiles = run.screen(), [], {}
    for n in range(150):
        if screen.is_terminal:
            return screen, steps, profiles
        names = screen.fields or [screen.continue_field]
        variables = {name: answer_for(name, answers) for name in names}
        timer.reset()
        profiler = cProfile.Profile() if n in profile_steps else None
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        screen = run.answer(variables)
        if profiler:
            profiler.disable()
            profiles[n] = profiler
        steps.append({"step": n, "screen": " ".join(screen.question.split()), "seconds": time.perf_counter() - start})
    raise RuntimeError("walk: no end after 150 screens")


def session(answers: dict[str, Any], timer: AssemblyTimer, profile_steps: set[int] = frozenset()) -> dict[str, Any]:
    """A new session walked to its documents; the last step is the documents screen's assembly."""
    from tests.support.headless import InterviewRun
    run = InterviewRun(INTERVIEW, pdf=True)
    screen, steps, profiles = walk(run, answers, timer, profile_steps)
    if not screen.attachments:
        raise RuntimeError(f"the walk ended on {screen.question!r}, without documents")
    return {"run": run, "screen": screen, "steps": steps, "profiles": profiles,
            "bundle": steps[-1]["seconds"], "docs": timer.split()}


def converter() -> dict[str, Any]:
    """PDF conversion as the server does it: through its unoserver when serve.sh runs one (scripts/env.sh's NOM_RUN)."""
    run = Path(os.environ.get("NOM_RUN", "/nonexistent"))
    try:
        os.kill(int((run / "unoserver.pid").read_text()), 0)
    except (OSError, ValueError):
        return {}
    return {"enable unoconv": True, "unoconvert path": str(run / "unoconvert")}


def measure(case_index: int = 3) -> dict[str, Any]:
    """Cold: the first session in this process. Warm: more sessions in the same process (the
    documents assembled again for another case). Shown again: the first session's documents
    screen once more (what the interview caches, it does not rebuild)."""
    from tests.support.headless import setup
    config = converter()
    setup(config)
    timer = AssemblyTimer().install()
    answers = CASES[case_index].answers()

    first = session(answers, timer)
    cold = {"bundle": first["bundle"], "docs": first["docs"]}
    timer.reset()
    start = time.perf_counter()
    first["run"].refresh()
    shown_again = time.perf_counter() - start
    warm = []
    for _ in range(WARM_REPEATS):
        again = session(answers, timer)
        warm.append({"bundle": again["bundle"], "docs": again["docs"]})

    slowest_doc = max(warm[-1]["docs"], key=lambda name: warm[-1]["docs"][name]["total"])
    timer.profile_doc = slowest_doc
    session(answers, timer)
    doc_profile = pstats.Stats(*timer.profiles)
    timer.profile_doc = None

    steps = first["steps"]
    ranked = sorted(steps, key=lambda s: s["seconds"], reverse=True)
    # the slowest screen, and the slowest one that is not the documents screen
    slowest = sorted({ranked[0]["step"], next(s["step"] for s in ranked if s["step"] != steps[-1]["step"])})
    screen_profiles = session(answers, timer, set(slowest))["profiles"]
    return {
        "case": CASES[case_index].name, "screens": len(steps), "steps": steps,
        "documents": [d.name for d in first["screen"].attachments], "cold": cold, "warm": warm,
        "shown_again": shown_again, "converter": "unoserver" if config else "LibreOffice, a process per file",
        "profiles": {
            "document": _profile_summary(doc_profile, f"assembling {slowest_doc} (DOCX and PDF)"),
            **{f"screen {n}": _profile_summary(screen_profiles[n], next(s["screen"] for s in steps if s["step"] == n))
               for n in slowest}},
    }


def _profile_summary(profile: Any, what: str) -> dict[str, Any]:
    ours = [row for row in profiling.top(profile, 10 ** 6) if row["function"].startswith("docassemble/notonemore/")]
    return {"what": what, "seconds": profiling.total(profile), "cumulative": profiling.top(profile, 14),
            "own": profiling.top(profile, 8, by="own"), "ours": ours[:3]}


def main() -> None:
    out = Path(sys.argv[1])
    out.write_text(json.dumps(measure(), indent=1, default=str))


if __name__ == "__main__":
    main()
