"""Two app servers, one case, and the install path tried: one extra docassemble server does both.

The package's wheel is built from the work tree and installed with pip, not editable, into a Python
environment that has docassemble but not this package (as docassemble's Package Management installs
one): a new venv that sees the project venv's libraries (a .pth file) and none of the project's source.
A second docassemble web server runs on that Python, on the test server's PostgreSQL, Redis, files
folder and secret key: a second app server of the same site, as docassemble's multi-server arrangement
has it. Debian's nginx (run as its own process with its config, pid and temp folders under the test's
folder) sends each request to the next server in turn.

- One case is walked screen by screen through nginx to its documents, each of which downloads through
  both servers (test_one_case_walked_through_two_app_servers_in_turn).
- One case is walked on the wheel's server alone to its documents, PDFs and Spanish screens included
  (test_the_wheel_installs_and_serves_a_case).

One extra server start serves both (each start costs about a minute of the suite).
"""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest
import requests

from tests.support import app_server
from tests.support import server as server_control
from tests.support.api import ApiSession
from tests.support.cases import CASES
from tests.support.documents import docx_text, pdf_text

NGINX = "/usr/sbin/nginx"
PACKAGE = "docassemble/notonemore"


def _ports() -> tuple[int, int]:
    """The second app server's port and nginx's: the two after the test server's."""
    web = int(server_control.test_env()["NOM_WEB_PORT"])
    return web + 1, web + 2


NGINX_CONF = """\
{user}
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 128; }}
http {{
  access_log {folder}/access.log;
  client_body_temp_path {folder}/tmp/body;
  proxy_temp_path {folder}/tmp/proxy;
  fastcgi_temp_path {folder}/tmp/fastcgi;
  uwsgi_temp_path {folder}/tmp/uwsgi;
  scgi_temp_path {folder}/tmp/scgi;
  client_max_body_size 60m;
  upstream docassemble {{
    server 127.0.0.1:{first};
    server 127.0.0.1:{second};
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://docassemble;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout 300s;
      # which app server answered (the test checks that both did, in turn)
      add_header X-Upstream $upstream_addr always;
    }}
  }}
}}
"""


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


@pytest.fixture(scope="module")
def wheel(server, tmp_path_factory):
    """The wheel of the work tree, its file names, and a Python with docassemble where it is installed."""
    tmp = tmp_path_factory.mktemp("wheel")
    built = build_wheel(tmp)
    with zipfile.ZipFile(built) as archive:
        packed = set(archive.namelist())
    python, env = server_python(tmp)
    run = {"env": env, "cwd": tmp, "capture_output": True, "text": True}
    missing = subprocess.run([str(python), "-c", "import docassemble.notonemore"], **run)
    installed = subprocess.run([str(python), "-m", "pip", "install", "--no-index", "--no-build-isolation", str(built)], **run)
    where = subprocess.run([str(python), "-c", "import docassemble.notonemore as p; print(p.__file__)"], **run)
    return {"folder": tmp, "packed": packed, "python": python, "env": env, "missing": missing,
            "installed": installed, "where": where}


@pytest.fixture(scope="module")
def balanced(server, wheel):
    """The wheel's app server (the test server's database, Redis, files and secret key) and nginx before it
    and the test server; yields nginx's URL, the two servers' URLs and the wheel's server's URL."""
    assert wheel["installed"].returncode == 0, wheel["installed"].stdout + wheel["installed"].stderr
    second_port, nginx_port = _ports()
    tmp = wheel["folder"]
    second = app_server.start(server, tmp / "second", second_port, {"packages": str(tmp / "server-venv")},
                              python=wheel["python"], env=wheel["env"])
    folder = tmp / "nginx"
    (folder / "tmp").mkdir(parents=True)
    conf = folder / "nginx.conf"
    conf.write_text(NGINX_CONF.format(user="user root;" if os.geteuid() == 0 else "", folder=folder,
                                      first=server.url.rsplit(":", 1)[1], second=second_port, port=nginx_port))
    started = subprocess.run([NGINX, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(conf)],
                             capture_output=True, text=True)
    try:
        assert started.returncode == 0, started.stderr
        yield f"http://127.0.0.1:{nginx_port}", {server.url, second.url}, second.url
    finally:
        pidfile = folder / "nginx.pid"
        if pidfile.exists():
            pid = int(pidfile.read_text())
            os.kill(pid, 15)
            for _ in range(50):
                if not Path(f"/proc/{pid}").exists():
                    break
                time.sleep(0.1)
        second.stop()


def test_one_case_walked_through_two_app_servers_in_turn(server, balanced):
    url, backends, _ = balanced
    answered_by: list[str] = []
    api = ApiSession(url, server.api_key, server.interview)
    api.http.hooks["response"].append(lambda response, *args, **kwargs: answered_by.append(response.headers["X-Upstream"]))
    case = CASES[3]   # a final order, at home: every document
    answers = case.answers()
    screen = api.walk({k: v for k, v in answers.items() if k != "case_summary_reviewed"})
    assert screen["questionText"] == "Case summary"
    api.answer({"case_summary_reviewed": True})
    screen = api.walk(answers)
    assert screen["questionText"].strip() == "Your documents are ready"

    # nginx took turns: every answer went to the other server than the one before
    served = ["http://" + addr for addr in answered_by]
    assert set(served) == backends, Counter(served)
    assert len(served) >= 20 and all(a != b for a, b in zip(served, served[1:])), served

    # every PDF made ("Download all" makes them), then every document, DOCX and PDF, downloads through both
    # servers and is the same through each
    screen = api.action("documents_zip_download")
    for attachment in screen["attachments"]:
        for form in ("docx", "pdf"):
            if form not in attachment["url"]:
                continue
            before = len(answered_by)
            copies = [api.download(attachment["url"][form]) for _ in range(2)]
            assert copies[0] == copies[1], (attachment["name"], form)
            assert {"http://" + a for a in answered_by[before:]} == backends, (attachment["name"], form)
    urls = {a["name"]: a["url"] for a in screen["attachments"]}
    letter = urls["Request to ICE"]
    assert set(letter) >= {"docx", "pdf"}, letter    # the PDFs were made: each app server reaches a converter
    name = f"{case.first} {case.last}"
    assert name in docx_text(api.download(letter["docx"]))
    assert name in " ".join(pdf_text(api.download(letter["pdf"])).split())

    # and the case reads the same straight from either server (one session, in the shared database)
    for backend in backends:
        direct = ApiSession(backend, server.api_key, server.interview, session=api.session, secret=api.secret)
        assert direct.question()["questionText"].strip() == "Your documents are ready"
    assert requests.get(f"{url}/health_check", timeout=10).status_code == 200


def test_the_wheel_installs_and_serves_a_case(server, wheel, balanced):
    tracked = {name for name in _git("ls-files", PACKAGE) if "__pycache__" not in name}
    assert {n for n in tracked if "/data/" in n} and {n for n in tracked if n.endswith(".py")}
    assert tracked - wheel["packed"] == set(), sorted(tracked - wheel["packed"])[:20]   # every template, source, question, words file, xlf
    # the server's Python had docassemble and not the package; pip installed the wheel there, its requirements met by the server's
    missing = wheel["missing"]
    assert missing.returncode != 0 and "No module named 'docassemble.notonemore'" in missing.stderr
    assert wheel["installed"].returncode == 0, wheel["installed"].stdout + wheel["installed"].stderr
    assert wheel["where"].stdout.startswith(str(wheel["folder"] / "server-venv")), wheel["where"].stdout + wheel["where"].stderr

    _, _, fresh = balanced   # the server on that Python, asked directly
    api = ApiSession(fresh, server.api_key, server.interview)
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
    spanish = ApiSession(fresh, server.api_key, server.interview)
    assert spanish.answer({"user_language": "es"})["questionText"] == "¿Quién es usted?"
    # the documents it made are kept in the site's files folder, which both servers share: the test server
    # hands out the same bytes
    letter = urls["Request to ICE"]["docx"]
    other = ApiSession(server.url, server.api_key, server.interview, session=api.session, secret=api.secret)
    other.http.cookies.update(api.http.cookies)   # the same browser session (kept in the shared Redis)
    assert other.download(letter) == api.download(letter)
