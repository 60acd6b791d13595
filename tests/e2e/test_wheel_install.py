"""The install path of README's "Installing on an existing docassemble server", tried.

A wheel of the package is built from the work tree and installed with pip, not editable, into a
Python environment that has docassemble but not this package (as docassemble's Package Management
installs one): a new venv that sees the project venv's libraries (a .pth file) and none of the
project's source. A docassemble server of its own (its own database, Redis databases, files and
secret key) runs on that Python, and one case is walked to its documents there.
"""
from __future__ import annotations

import secrets
import string
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import psycopg2

from tests.support import app_server
from tests.support import server as server_control
from tests.support.api import ApiSession
from tests.support.cases import CASES
from tests.support.documents import docx_text, pdf_text

PACKAGE = "docassemble/notonemore"


def _git(*args: str) -> list[str]:
    out = subprocess.run(["git", *args, "-z"], cwd=server_control.ROOT, capture_output=True, check=True).stdout
    return [name for name in out.decode().split("\0") if name]


def build_wheel(tmp: Path) -> Path:
    """The wheel of the work tree as it is (committed or not), built from a copy so the tree gets no build/ folder."""
    source = tmp / "source"
    for name in _git("ls-files", "--cached", "--others", "--exclude-standard"):
        path = server_control.ROOT / name
        if path.is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).write_bytes(path.read_bytes())
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
                    "-w", str(tmp / "dist"), str(source)], check=True, capture_output=True)
    (wheel,) = (tmp / "dist").glob("docassemble*notonemore-*.whl")
    return wheel


def server_python(tmp: Path) -> tuple[Path, dict[str, str]]:
    """A Python with docassemble (the project venv's libraries through a .pth file) and without this package."""
    venv = tmp / "server-venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # a path line adds the libraries; the .pth files there (the editable install of this package) are not read
    (site / "docassemble-server.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {**server_control.test_env(), "PYTHONSAFEPATH": "1", "VIRTUAL_ENV": str(venv)}
    env.pop("PYTHONPATH", None)
    env["PATH"] = f"{venv / 'bin'}:{env['PATH']}"
    return python, env


def test_the_wheel_installs_and_serves_a_case(server, tmp_path):
    wheel = build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        packed = set(archive.namelist())
    tracked = {name for name in _git("ls-files", PACKAGE) if "__pycache__" not in name}
    assert {n for n in tracked if "/data/" in n} and {n for n in tracked if n.endswith(".py")}
    assert tracked - packed == set(), sorted(tracked - packed)[:20]   # every template, source, question, words file, xlf

    python, env = server_python(tmp_path)
    run = {"env": env, "cwd": tmp_path, "capture_output": True, "text": True}
    missing = subprocess.run([str(python), "-c", "import docassemble.notonemore"], **run)
    assert missing.returncode != 0 and "No module named 'docassemble.notonemore'" in missing.stderr
    installed = subprocess.run([str(python), "-m", "pip", "install", "--no-index", "--no-build-isolation", str(wheel)], **run)
    assert installed.returncode == 0, installed.stdout + installed.stderr   # its requirements are met by the server's
    where = subprocess.run([str(python), "-c", "import docassemble.notonemore as p; print(p.__file__)"], **run)
    assert where.stdout.startswith(str(tmp_path / "server-venv")), where.stdout + where.stderr

    # a server of its own: a new database, Redis databases 10-12, files folder and secret key
    state = server.state / "config"
    password = (state / "db_password").read_text().strip()
    conn = psycopg2.connect(host="127.0.0.1", port=int(server_control.test_env()["NOM_PG_PORT"]), dbname="postgres",
                            user="docassemble", password=password)
    conn.autocommit = True   # CREATE DATABASE runs outside a transaction
    with conn.cursor() as cur:
        cur.execute("DROP DATABASE IF EXISTS docassemble_wheel WITH (FORCE)")
        cur.execute("CREATE DATABASE docassemble_wheel")
    conn.close()
    # its Redis database empty: docassemble adds the admin's API key only when the admin has none named
    # "default" there, so a key left by an earlier run would keep this run's key out
    import redis
    redis.Redis(host="127.0.0.1", port=int(server_control.test_env()["NOM_REDIS_PORT"]), db=10).flushdb()
    web_port = int(server_control.test_env()["NOM_WEB_PORT"]) + 3
    alphabet = string.ascii_letters + string.digits
    key = "".join(secrets.choice(alphabet) for _ in range(32))
    base = app_server.config_of(server)
    changes = {"db": {**base["db"], "name": "docassemble_wheel"}, "redis": base["redis"] + "?db=10",
               "uploads": str(tmp_path / "files"), "secretkey": "".join(secrets.choice(alphabet) for _ in range(32)),
               "packages": str(tmp_path / "server-venv")}
    folder = tmp_path / "server"
    config = app_server.write_config(server, folder, web_port, changes)
    tables = subprocess.run([str(python), "-m", "docassemble.webapp.create_tables"],
                            **{**run, "env": {**env, "DA_CONFIG_FILE": str(config), "DA_ADMIN_API_KEY": key}})
    assert tables.returncode == 0, tables.stdout[-2000:] + tables.stderr[-2000:]
    privileges = subprocess.run([str(python), "-m", "docassemble.notonemore.privileges"],
                                **{**run, "env": {**env, "DA_CONFIG_FILE": str(config)}})
    assert privileges.returncode == 0 and "attorney" in privileges.stdout, privileges.stdout[-2000:] + privileges.stderr[-2000:]
    fresh = app_server.start(server, folder, web_port, changes, python=python, env=env)
    try:
        api = ApiSession(fresh.url, key, server.interview)
        case = CASES[3]   # a final order, at home: every document
        answers = case.answers()
        screen = api.walk({k: v for k, v in answers.items() if k != "case_summary_reviewed"})
        assert screen["questionText"] == "Case summary", screen.get("questionText")
        api.answer({"case_summary_reviewed": True})
        screen = api.walk(answers)
        assert screen["questionText"].strip() == "Your documents are ready"
        # the Word documents (the case calendar is a raw .ics, never a PDF), then their PDFs ("Download all")
        screen = api.action("documents_zip_download")
        urls = {a["name"]: a["url"] for a in screen["attachments"] if a["name"] != "Case calendar"}
        assert len(urls) >= 8 and all({"docx", "pdf"} <= set(u) for u in urls.values()), urls
        name = f"{case.first} {case.last}"
        assert name in docx_text(api.download(urls["Request to ICE"]["docx"]))
        assert name in " ".join(pdf_text(api.download(urls["Request to ICE"]["pdf"])).split())
        # the Spanish screens (the .xlf) came with it too
        spanish = ApiSession(fresh.url, key, server.interview)
        assert spanish.answer({"user_language": "es"})["questionText"] == "¿Quién es usted?"
        stored = list((tmp_path / "files").rglob("*.docx"))
        assert stored, "the documents are kept in this server's own files folder"
    finally:
        fresh.stop()
        conn = psycopg2.connect(host="127.0.0.1", port=int(server_control.test_env()["NOM_PG_PORT"]), dbname="postgres",
                                user="docassemble", password=password)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("DROP DATABASE IF EXISTS docassemble_wheel WITH (FORCE)")
        conn.close()
