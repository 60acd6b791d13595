"""`make serve` twice changes nothing that works; `make stop` stops exactly what it started; both
work with the state in a folder only its owner may enter (mode 700, as `mktemp -d` or root's home);
a case begun before a stop goes on after the start."""
import os
import re
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from tests.support import server as server_control
from tests.e2e.test_trust import handed_over
from tests.support.api import ApiSession


def _pids(state):
    run = state / "run"
    pids = {name: int((run / f"{name}.pid").read_text()) for name in ("gunicorn", "redis", "unoserver")}
    pids["postgres"] = int((state / "pgdata" / "postmaster.pid").read_text().split()[0])
    return pids


def _alive(pid):
    """Running, not merely a zombie waiting for this sandbox's init to reap it."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _port_open(port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", int(port))) == 0


def _stopped_everything(state, pids, env):
    assert not any(_alive(pid) for pid in pids.values()), pids
    uno_ports = (int(env["NOM_WEB_PORT"]) + 1000, int(env["NOM_WEB_PORT"]) + 2000)   # scripts/env.sh
    for port in (env["NOM_WEB_PORT"], env["NOM_REDIS_PORT"], env["NOM_PG_PORT"], *uno_ports):
        assert not _port_open(port), port
    leftover = subprocess.run(["pgrep", "-f", str(state)], capture_output=True, text=True).stdout
    assert leftover.strip() == "", leftover


def _serve_and_stop_in_a_closed_folder(env):
    """A fresh state, PostgreSQL's cluster too, in a new mode-700 folder (on the test server's ports)."""
    closed = Path(tempfile.mkdtemp(prefix="nom-700-"))
    state = closed / "state"
    env = {**env, "NOM_STATE": str(state)}
    try:
        assert closed.stat().st_mode & 0o777 == 0o700
        if os.geteuid() == 0:   # the case that failed: PostgreSQL's own user cannot enter the folder
            assert subprocess.run(["runuser", "-u", "postgres", "--", "test", "-x", str(closed)]).returncode != 0
        if os.geteuid() == 0:   # where no user namespace may be made, serve stops at once and says why
            refused = subprocess.run([str(server_control.ROOT / "scripts" / "serve.sh")],
                                     env={**env, "NOM_DB_USERNS": "no"}, capture_output=True, text=True)
            assert refused.returncode == 1, refused.stdout + refused.stderr
            named = re.search(r"who cannot enter (/.*?) \(drwx------ root\)", refused.stderr)
            assert named and closed.is_relative_to(named[1]), refused.stderr   # the folder, or a closed one above it
            assert "NOM_STATE=/var/tmp/notonemore make serve" in refused.stderr
            assert not (state / "pgdata" / "PG_VERSION").exists()

        served = subprocess.run([str(server_control.ROOT / "scripts" / "serve.sh")], env=env, capture_output=True, text=True)
        assert served.returncode == 0, served.stdout + served.stderr
        assert f"creating the PostgreSQL cluster in {state / 'pgdata'}" in served.stdout
        pids = _pids(state)
        postmaster = Path(f"/proc/{pids['postgres']}/cmdline").read_bytes().split(b"\0")
        assert str(state / "pgdata").encode() in postmaster   # its data inside the closed folder
        api = ApiSession(f"http://127.0.0.1:{env['NOM_WEB_PORT']}", (state / "config" / "admin_api_key").read_text().strip(),
                         server_control.INTERVIEW)
        assert "name of the person" in api.answer({"user_role": "advocate"})["questionText"]   # stored in PostgreSQL

        stopped = subprocess.run([str(server_control.ROOT / "scripts" / "stop.sh")], env=env, capture_output=True, text=True)
        assert "stop: postgresql stopped" in stopped.stdout, stopped.stdout + stopped.stderr
        _stopped_everything(state, pids, env)
    finally:   # stopped even when a check failed, so the test server can start again on these ports
        subprocess.run([str(server_control.ROOT / "scripts" / "stop.sh")], env=env, capture_output=True)
        shutil.rmtree(closed, ignore_errors=True)


def test_second_serve_keeps_processes_and_stop_ends_them(server):
    # a case begun before the stop goes on after the start, to its summary with the name it was given
    # (the test server's one stop and start here serve both checks)
    api = ApiSession(server.url, server.api_key, server.interview)
    answers = handed_over(98, {"advocate": True})
    del answers["signer_phone"]
    first = {k: answers[k] for k in ("user_role", "client.name.first", "client.name.last",
                                     "roles_and_limits_acknowledged", "consent", "custody_status")}
    begun = api.answer(first)
    before = _pids(server.state)

    again = server_control.start()
    assert again.url == server.url
    assert _pids(server.state) == before, "a second `make serve` restarted something"

    server_control.stop()
    env = server_control.test_env()
    _stopped_everything(server.state, before, env)

    try:   # while the ports are free: the same with a fresh state in a folder closed to other users
        _serve_and_stop_in_a_closed_folder(env)
    finally:
        server_control.start()  # the rest of the suite, and the case begun above, go on
    assert api.question()["questionText"] == begun["questionText"]
    summary = api.walk(answers)
    assert summary["questionText"] == "Case summary"
    assert "Zorabel98 Quintanilla98" in " ".join(f.get("helptext", "") for f in summary["fields"])
