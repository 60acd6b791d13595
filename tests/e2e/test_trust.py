"""What keeps a case safe on the real server: answers encrypted in the database, twenty cases at
once that never see each other's names, and a PDF converter that is down. (A case that survives a
restart: test_serve_stop.py, whose stop and start of the test server it shares.)"""
from __future__ import annotations

import io
import os
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pikepdf

from tests.support import server as server_control
from tests.support.api import ApiSession
from tests.support.cases import CASES
from tests.support.documents import docx_text, pdf_text


def database_dump(server) -> str:
    """Every row of docassemble's database, as text (pg_dump --data-only)."""
    env = {**os.environ, "PGPASSWORD": (server.state / "config" / "db_password").read_text().strip()}
    port = server_control.test_env()["NOM_PG_PORT"]
    return subprocess.run([f"{env['PGBIN']}/pg_dump", "-h", "127.0.0.1", "-p", port, "-U", "docassemble",
                           "--data-only", "docassemble"], env=env, capture_output=True, text=True, check=True).stdout


def handed_over(n: int, consent: dict[str, bool]) -> dict:
    """A whole final-order case, with a name and A-number of its own."""
    answers = {k: v for k, v in CASES[3].answers().items() if k != "case_summary_reviewed" and not k.startswith("exhibits")}
    answers.update({"client.name.first": f"Zorabel{n:02d}", "client.name.last": f"Quintanilla{n:02d}",
                    "client.a_number": f"A24681{n:03d}", "consent": consent})
    return answers


def test_answers_are_encrypted_in_the_database(server):
    api = ApiSession(server.url, server.api_key, server.interview)
    screen = api.answer(handed_over(99, {"advocate": True, "ice": True}))
    assert screen["questionText"] == "Case summary"
    assert "Zorabel99 Quintanilla99" in " ".join(f.get("helptext", "") for f in screen["fields"])   # it was stored
    dump = database_dump(server)
    assert api.session in dump                      # the case is in this database...
    for secret in ("24681099", "24-681-099", "Zorabel99", "Quintanilla99", "1988-04-12"):
        assert secret not in dump, secret           # ...but none of its answers can be read there
    time.sleep(1.5)                                 # Redis writes its append-only file each second
    for folder in ("redis", "logs"):                # nor in Redis's files or the logs
        for path in (server.state / folder).rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                for secret in (b"24681099", b"Zorabel99", b"Quintanilla99"):
                    assert secret not in data, (path, secret)


def test_twenty_cases_at_once_keep_to_themselves(server):
    def one_case(n: int) -> tuple[int, str]:
        api = ApiSession(server.url, server.api_key, server.interview)
        answers = handed_over(n, {"advocate": True})
        assert api.answer(answers)["questionText"] == "Case summary"
        api.answer({"case_summary_reviewed": True})
        screen = api.walk(answers)
        assert screen["questionText"].strip() == "Your documents are ready", screen["questionText"]
        return n, docx_text(api.download(screen["attachments"][0]["url"]["docx"]))

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(one_case, range(20)))   # an error in any case fails the test
    assert len(results) == 20
    for n, text in results:
        assert f"Zorabel{n:02d} Quintanilla{n:02d}" in text
        others = [m for m in range(20) if m != n and f"Zorabel{m:02d}" in text]
        assert others == [], (n, others)


def stop_unoserver(server) -> None:
    """Stop the server's PDF converter for good: unoserver, its LibreOffice and the loop that would
    start them again (scripts/converter.sh), as a crash of the whole converter would."""
    pidfile = server.state / "run" / "unoserver.pid"
    pid = int(pidfile.read_text())
    os.killpg(pid, 9)                          # unoserver was started in its own group (setsid)
    for _ in range(100):
        try:
            if open(f"/proc/{pid}/stat").read().split()[2] == "Z":   # stopped, not yet reaped
                return
        except FileNotFoundError:
            return
        time.sleep(0.1)
    raise AssertionError("unoserver did not stop")


def test_a_failed_pdf_conversion_says_so_and_keeps_the_docx(server):
    """The real converter down: the documents screen comes as fast as ever (it makes no PDF); a PDF link
    then answers with a plain page, the Word file and a retry, and the screen names the missing PDF; the
    DOCX downloads. Once the converter is back, the same link gives the PDF and "Try the PDFs again" the rest.
    The case's files on disk do not grow with rebuilds and retries."""
    api = ApiSession(server.url, server.api_key, server.interview)
    answers = handed_over(97, {"advocate": True, "ice": True})
    assert api.answer(answers)["questionText"] == "Case summary"
    answers["exhibits.there_are_any"] = False
    api.answer({"case_summary_reviewed": True})
    stop_unoserver(server)
    try:
        start = time.monotonic()
        screen = api.walk(answers)
        shown_in = time.monotonic() - start
        assert screen["questionText"].strip() == "Your documents are ready"
        words = " ".join(screen["subquestionText"].split())
        assert "could not be made" not in words and "One PDF to send" in words     # nobody asked for a PDF yet
        # the Word documents (the case calendar is a raw .ics, never a PDF)
        urls = {a["name"]: a["url"] for a in screen["attachments"] if a["name"] != "Case calendar"}
        assert "Request to ICE" in urls and all("docx" in u and "pdf" not in u for u in urls.values()), urls
        # the letter's PDF link: in a browser it answers with the page that gives the Word file and a retry
        # (its words: tests/interview/test_documents.py); the API then shows the home screen again
        home = api.action("document_pdf", doc="pd_letter")
        assert api.variables()["pdfs_missing"] == ["Request to ICE"]
        words = " ".join(home["subquestionText"].split())
        assert "The PDFs could not be made just now" in words and "No PDF yet for: Request to ICE." in words
        letter = docx_text(api.download(urls["Request to ICE"]["docx"]))
        assert "Zorabel97 Quintanilla97" in letter
        assert shown_in < 30, f"the screen took {shown_in:.0f} s"
    finally:
        server_control.start()                  # serve.sh starts a stopped converter again
    api.action("document_pdf", doc="pd_letter")                    # the same link: the PDF now
    again = api.action("retry_pdfs")
    case_files = _case_files(server)
    words = " ".join(again["subquestionText"].split())
    assert "could not be made" not in words and "One PDF to send" in words
    urls = {a["name"]: a["url"] for a in again["attachments"] if a["name"] != "Case calendar"}
    assert "pdf" in urls["Request to ICE"], urls
    with pikepdf.open(io.BytesIO(api.download(urls["Request to ICE"]["pdf"]))) as pdf:
        assert "/StructTreeRoot" in pdf.Root                   # tagged, as the first try would have been
    # three rebuilds (a changed answer), each with its PDF made: no more files than after the first build
    for signer in ("Rosa Peña", "Marta Díaz", "Lucía Gómez"):
        api.answer({"signer_name": signer})
        screen = api.action("document_pdf", doc="pd_letter")
        letter = {a["name"]: a["url"] for a in screen["attachments"]}["Request to ICE"]
        assert signer in " ".join(pdf_text(api.download(letter["pdf"])).split())
    assert len(_case_files(server)) <= len(case_files), (case_files, _case_files(server))


def _case_files(server) -> list[str]:
    """The numbered files under the test server's uploads folder (docassemble's ``files`` layout: a folder per file)."""
    root = server.state / "da" / "files"
    return sorted(str(p.parent.relative_to(root)) for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def _converts(server, docx: Path, pdf: Path) -> bool:
    """docassemble's own way to a PDF (its "unoconvert path", run/unoconvert) makes one now."""
    pdf.unlink(missing_ok=True)
    done = subprocess.run([str(server.state / "run" / "unoconvert"), "--convert-to", "pdf", str(docx), str(pdf)],
                          capture_output=True, timeout=120)
    return done.returncode == 0 and pdf.exists()


def _converter_back_after(server, kill: str, docx: Path, pdf: Path) -> float:
    """Kill one part of the converter (run/<kill>.pid) and return the seconds until a PDF is made again."""
    run = server.state / "run"
    before = int((run / "unoserver.child.pid").read_text())
    os.kill(int((run / f"{kill}.pid").read_text()), 9)
    start = time.monotonic()
    while time.monotonic() - start < 90:
        child = run / "unoserver.child.pid"
        if child.exists() and child.read_text().strip() not in ("", str(before)) and _converts(server, docx, pdf):
            return time.monotonic() - start
        time.sleep(0.5)
    raise AssertionError(f"no PDF 90 s after {kill} was killed")


def test_a_converter_that_dies_comes_back_by_itself(server, tmp_path):
    """LibreOffice crashing (unoserver then exits), or unoserver killed (its LibreOffice left behind):
    either way the converter's loop starts a new one, and PDFs are made again without `make serve`."""
    docx = tmp_path / "letter.docx"
    docx.write_bytes((server_control.ROOT / "docassemble" / "notonemore" / "data" / "templates" /
                      "organizing_plan.docx").read_bytes())
    pdf = tmp_path / "letter.pdf"
    loop = int((server.state / "run" / "unoserver.pid").read_text())
    # the converter up first (an earlier test may have just started it again): its pid files are then its own
    start = time.monotonic()
    while not _converts(server, docx, pdf):
        assert time.monotonic() - start < 90, "the converter did not come up"
        time.sleep(1)
    for kill in ("libreoffice", "unoserver.child"):
        back_in = _converter_back_after(server, kill, docx, pdf)
        assert back_in < 45, f"PDFs came back {back_in:.0f} s after {kill} was killed"   # about 5 s on an idle machine
        assert pdf.read_bytes().startswith(b"%PDF")
        assert os.getpgid(int((server.state / "run" / "unoserver.child.pid").read_text())) == loop   # still stopped whole by make stop
    log = (server.state / "logs" / "unoserver.log").read_text()
    assert log.count("starting it again") >= 2, log[-2000:]
