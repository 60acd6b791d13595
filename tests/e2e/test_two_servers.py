"""Two app servers, one case: docassemble's multi-server arrangement, tried on one machine.

The test server (serve.sh) and a second docassemble web server on the same PostgreSQL, Redis, files
folder and secret key, behind nginx (Debian's, run as its own process with its config, pid and temp
folders under the test's folder), which sends each request to the next server in turn. One case is
walked screen by screen through nginx to its documents, each of which downloads through both.
"""
from __future__ import annotations

import os
import subprocess
import time
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


@pytest.fixture
def balanced(server, tmp_path):
    """nginx on its port before the test server and a second app server; yields nginx's URL and the two servers' URLs."""
    second_port, nginx_port = _ports()
    second = app_server.start(server, tmp_path / "second", second_port)
    folder = tmp_path / "nginx"
    (folder / "tmp").mkdir(parents=True)
    conf = folder / "nginx.conf"
    conf.write_text(NGINX_CONF.format(user="user root;" if os.geteuid() == 0 else "", folder=folder,
                                      first=server.url.rsplit(":", 1)[1], second=second_port, port=nginx_port))
    started = subprocess.run([NGINX, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(conf)],
                             capture_output=True, text=True)
    assert started.returncode == 0, started.stderr
    try:
        yield f"http://127.0.0.1:{nginx_port}", {server.url, second.url}
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
    url, backends = balanced
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
