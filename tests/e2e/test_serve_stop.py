"""`make serve` twice changes nothing that works; `make stop` stops exactly what it started."""
import socket
import subprocess

from tests.support import server as server_control
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


def test_second_serve_keeps_processes_and_stop_ends_them(server):
    api = ApiSession(server.url, server.api_key, server.interview)
    api.answer({"user_role": "advocate"})
    before = _pids(server.state)

    again = server_control.start()
    assert again.url == server.url
    assert _pids(server.state) == before, "a second `make serve` restarted something"

    server_control.stop()
    env = server_control.test_env()
    assert not any(_alive(pid) for pid in before.values()), before
    uno_ports = (int(env["NOM_WEB_PORT"]) + 1000, int(env["NOM_WEB_PORT"]) + 2000)   # scripts/env.sh
    for port in (env["NOM_WEB_PORT"], env["NOM_REDIS_PORT"], env["NOM_PG_PORT"], *uno_ports):
        assert not _port_open(port), port
    leftover = subprocess.run(["pgrep", "-f", str(server.state)], capture_output=True, text=True).stdout
    assert leftover.strip() == "", leftover

    server_control.start()  # the rest of the suite, and the case begun above, go on
    screen = api.question()
    assert "name of the person" in screen["questionText"], screen
