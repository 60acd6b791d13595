"""A small client for docassemble's REST API, as an advocate's intake system would use it."""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

import requests

from tests.support.cases import answer_for


class ApiError(AssertionError):
    """A REST API call that did not answer as expected (a failed test, with the server's reply)."""


@dataclass(frozen=True)
class Account:
    """A user account made through the API: its sign-in, id, API key and secret (the key to its cases)."""

    username: str
    password: str
    user_id: int
    key: str
    secret: str


def new_account(url: str, admin_key: str, kind: str, privileges: str = "user") -> Account:
    """A new account (``kind`` names it: advocate, family...) with its own API key, made by the admin's key."""
    username, password = f"{kind}-{secrets.token_hex(4)}@example.org", secrets.token_urlsafe(18)
    made = requests.post(f"{url}/api/user/new", timeout=60,
                         data={"key": admin_key, "username": username, "password": password, "privileges": privileges})
    if made.status_code != 200:
        raise ApiError(f"POST /api/user/new -> {made.status_code}: {made.text[:300]}")
    user_id = made.json()["user_id"]
    key = requests.post(f"{url}/api/user/{user_id}/api", data={"key": admin_key, "name": "intake"}, timeout=60).json()
    return Account(username, password, user_id, key, ApiSession.account_secret(url, key, username, password))


class ApiSession:
    """One interview session driven through /api/session."""

    def __init__(self, url: str, key: str, interview: str, session: str | None = None, secret: str | None = None) -> None:
        """A new session, or (with ``session``) one already begun, e.g. in a browser.

        A new session with ``secret`` (an account's, from ``account_secret``) is encrypted with it, so
        that account opens it in the browser; without, docassemble makes a secret of the session's own.
        """
        self.url, self.key, self.interview = url, key, interview
        self.http = requests.Session()
        if session is None:
            params = {"i": interview, "key": key, **({"secret": secret} if secret else {})}
            started = self._check(self.http.get(f"{url}/api/session/new", params=params, timeout=60))
            session, secret = started["session"], secret or started["secret"]
        self.session, self.secret = session, secret

    @staticmethod
    def account_secret(url: str, key: str, username: str, password: str) -> str:
        """The account's own secret (docassemble derives it from the password): ``GET /api/secret``."""
        response = requests.get(f"{url}/api/secret", params={"key": key, "username": username, "password": password},
                                timeout=60)
        if response.status_code != 200:
            raise ApiError(f"GET /api/secret -> {response.status_code}: {response.text[:300]}")
        return response.json()

    def variables(self) -> dict[str, Any]:
        """The session's variables as docassemble gives them back: ``GET /api/session``."""
        return self._check(self.http.get(f"{self.url}/api/session", params=self._ids(), timeout=120))

    def _check(self, response: requests.Response) -> Any:
        if response.status_code != 200:
            raise ApiError(f"{response.request.method} {response.url} -> {response.status_code}: {response.text[:1000]}")
        return response.json()

    def _ids(self) -> dict[str, str]:
        return {"i": self.interview, "session": self.session, "secret": self.secret, "key": self.key}

    def question(self) -> dict[str, Any]:
        return self._check(self.http.get(f"{self.url}/api/session/question", params=self._ids(), timeout=120))

    def answer(self, variables: dict[str, Any]) -> dict[str, Any]:
        """Set variables (as the form would) and return the next screen."""
        return self._check(self.http.post(f"{self.url}/api/session", json={**self._ids(), "variables": variables},
                                          timeout=120))

    def action(self, name: str, **arguments: Any) -> dict[str, Any]:
        """Run an event, as a link made with url_action() does; return the screen after it."""
        response = self.http.post(f"{self.url}/api/session/action",
                                  json={**self._ids(), "action": name, "arguments": arguments}, timeout=300)
        if response.status_code != 204:
            raise ApiError(f"action {name} -> {response.status_code}: {response.text[:1000]}")
        return self.question()

    def upload(self, variables: dict[str, Any], file_variable: str, path: Any, mimetype: str) -> dict[str, Any]:
        """Answer a screen that asks for a file, as a multipart POST (docassemble's ``file_variables``)."""
        import json
        with open(path, "rb") as handle:
            response = self.http.post(f"{self.url}/api/session", data={
                **self._ids(), "variables": json.dumps(variables), "file_variables": json.dumps({"file0": file_variable}),
            }, files={"file0": (str(path).rsplit("/", 1)[-1], handle, mimetype)}, timeout=120)
        return self._check(response)

    def download(self, path: str) -> bytes:
        response = self.http.get(f"{self.url}{path}", params={"key": self.key, "i": self.interview,
                                                             "session": self.session, "secret": self.secret},
                                 timeout=120)
        if response.status_code != 200:
            raise ApiError(f"download {path} -> {response.status_code}")
        return response.content

    def walk(self, answers: dict[str, Any], max_steps: int = 80) -> dict[str, Any]:
        """Answer screen after screen from ``answers``; return the first screen asking something else.

        As a person would, answer only what each screen asks: a screen is answered when all
        its variables are keys of ``answers`` (optional fields may be left out).
        """
        screen = self.question()
        for _ in range(max_steps):
            known = self.answers_for(screen, answers)
            if known is None:
                return screen
            screen = self.answer(known)
            if screen.get("errors"):
                raise ApiError(f"{screen.get('questionText')}: {screen['errors']}")
        raise ApiError(f"walk: still going after {max_steps} screens")

    @staticmethod
    def answers_for(screen: dict[str, Any], answers: dict[str, Any]) -> dict[str, Any] | None:
        """What ``screen`` asks, answered from ``answers``; None if it asks nothing or something not there."""
        fields = [f for f in screen.get("fields", []) if f.get("variable_name")]
        asked = [f["variable_name"] for f in fields]
        needed = [f["variable_name"] for f in fields if f.get("required", True)]
        if screen.get("question_variable_name"):   # a Continue that sets a variable
            asked.append(screen["question_variable_name"])
            needed.append(screen["question_variable_name"])
        known = {}
        for name in asked:
            try:
                known[name] = answer_for(name, answers)
            except KeyError:
                pass
        if not asked or not all(name in known for name in needed):
            return None
        return known
