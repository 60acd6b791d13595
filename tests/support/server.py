"""Start and stop the real docassemble server for the end-to-end tests.

The tests run their own copy of what `make serve` runs (same scripts), with state in
.local/test-server and other loopback ports, so a developer's running server is untouched.
"""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INTERVIEW = "docassemble.notonemore:data/questions/main.yml"


@dataclass
class Server:
    url: str
    api_key: str
    state: Path
    interview: str = INTERVIEW

    #: The account the server is set up with (its API key is ``api_key``).
    admin_email = "admin@example.com"

    @property
    def admin_password(self) -> str:
        return (self.state / "config" / "admin_password").read_text().strip()

    @property
    def interview_url(self) -> str:
        return f"{self.url}/interview?i={self.interview}"

    def sql(self, query: str, *params: object) -> list[tuple]:
        """Rows from the server's own PostgreSQL database (to see what a session left behind)."""
        import psycopg2
        password = (self.state / "config" / "db_password").read_text().strip()
        with psycopg2.connect(host="127.0.0.1", port=int(test_env()["NOM_PG_PORT"]), dbname="docassemble",
                              user="docassemble", password=password) as conn, conn.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchall()

    def upload_dir(self, number: int) -> Path:
        """Where docassemble keeps stored file ``number`` (its hex digits in groups of three)."""
        digits = f"{number:012x}"
        return self.state / "da" / "files" / "/".join(digits[i:i + 3] for i in range(0, 12, 3))


def test_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "NOM_STATE": str(ROOT / ".local" / "test-server"),
        "NOM_PG_PORT": env.get("NOM_TEST_PG_PORT", "54339"),
        "NOM_REDIS_PORT": env.get("NOM_TEST_REDIS_PORT", "63809"),
        "NOM_WEB_PORT": env.get("NOM_TEST_WEB_PORT", "8099"),
    })
    return env


def start() -> Server:
    env = test_env()
    result = subprocess.run([str(ROOT / "scripts" / "serve.sh")], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"serve.sh failed:\n{result.stdout}\n{result.stderr}")
    state = Path(env["NOM_STATE"])
    key = (state / "config" / "admin_api_key").read_text().strip()
    return Server(url=f"http://127.0.0.1:{env['NOM_WEB_PORT']}", api_key=key, state=state)


def stop() -> None:
    subprocess.run([str(ROOT / "scripts" / "stop.sh")], env=test_env(), capture_output=True, text=True, check=True)
