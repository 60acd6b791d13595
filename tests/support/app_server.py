"""More docassemble web servers beside the test server, as a second machine would run them.

An ``AppServer`` is one gunicorn of docassemble with a config.yml of its own (its own logs), made
from the test server's config with some settings changed: the same PostgreSQL, Redis, files and
secret key make it a second app server of the same site (tests/e2e/test_two_servers.py); another
database, files folder, secret key and Python make it a server of its own (test_wheel_install.py).
"""
from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
import yaml

from tests.support import server as server_control


@dataclass
class AppServer:
    url: str
    folder: Path
    pid: int

    def log(self) -> str:
        return "".join(p.read_text(errors="replace")[-3000:] for p in sorted(self.folder.glob("logs/*.log")))

    def stop(self) -> None:
        """Stop this gunicorn (its master, which stops its workers), and wait for it to go."""
        try:
            os.kill(self.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        for _ in range(150):
            try:
                with open(f"/proc/{self.pid}/stat") as stat:
                    if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                        return
            except FileNotFoundError:
                return
            time.sleep(0.1)
        os.kill(self.pid, signal.SIGKILL)


def config_of(test_server: server_control.Server) -> dict[str, Any]:
    """The test server's config.yml (serve.sh writes it on each start)."""
    return yaml.safe_load((test_server.state / "config" / "config.yml").read_text())


def write_config(test_server: server_control.Server, folder: Path, port: int,
                 changes: dict[str, Any] | None = None) -> Path:
    """``folder``/config.yml: the test server's settings but for ``changes``, with logs in ``folder``/logs."""
    logs = folder / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    config = {**config_of(test_server), "url root": f"http://127.0.0.1:{port}", "log": str(logs),
              "flask log": str(logs / "flask.log"), "celery flask log": str(logs / "celery-flask.log"),
              **(changes or {})}
    config_file = folder / "config.yml"
    config_file.write_text(yaml.safe_dump(config))
    config_file.chmod(0o600)
    return config_file


def start(test_server: server_control.Server, folder: Path, port: int, changes: dict[str, Any] | None = None,
          python: Path | None = None, env: dict[str, str] | None = None) -> AppServer:
    """A docassemble web server on ``port`` with the test server's settings but for ``changes``;
    its config, logs and pid in ``folder``; run by ``python`` (the project's venv unless said)."""
    config_file = write_config(test_server, folder, port, changes)
    logs = folder / "logs"
    environment = {**(env or server_control.test_env()), "DA_CONFIG_FILE": str(config_file)}
    pidfile = folder / "gunicorn.pid"
    python = python or Path(os.environ.get("NOM_VENV", server_control.ROOT / ".local" / "venv")) / "bin" / "python"
    # every option as --name=value: docassemble takes the first existing file named on the command line as its config
    subprocess.run([str(python), "-m", "gunicorn", f"--bind=127.0.0.1:{port}", "--workers=1", "--threads=6",
                    "--timeout=120", f"--pid={pidfile}", "--daemon", f"--chdir={folder}",
                    f"--access-logfile={logs / 'access.log'}", f"--error-logfile={logs / 'gunicorn.log'}",
                    "docassemble.webapp.run:application"], env=environment, cwd=folder, check=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(240):
        if pidfile.exists():
            try:
                if requests.get(f"{url}/health_check", timeout=5).status_code == 200:
                    return AppServer(url=url, folder=folder, pid=int(pidfile.read_text()))
            except requests.RequestException:
                pass
        time.sleep(0.5)
    running = AppServer(url=url, folder=folder, pid=int(pidfile.read_text()) if pidfile.exists() else -1)
    log = running.log()
    running.stop()
    raise RuntimeError(f"the app server on {port} did not answer within 120 s:\n{log}")
