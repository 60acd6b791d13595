"""A small client for docassemble's REST API, as an advocate's intake system would use it."""
from __future__ import annotations

from typing import Any

import requests


class ApiError(AssertionError):
    pass


class ApiSession:
    """One interview session driven through /api/session."""

    def __init__(self, url: str, key: str, interview: str) -> None:
        self.url, self.key, self.interview = url, key, interview
        self.http = requests.Session()
        started = self._check(self.http.get(f"{url}/api/session/new", params={"i": interview, "key": key}, timeout=60))
        self.session, self.secret = started["session"], started["secret"]

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

    def download(self, path: str) -> bytes:
        response = self.http.get(f"{self.url}{path}", params={"key": self.key, "i": self.interview,
                                                             "session": self.session, "secret": self.secret},
                                 timeout=120)
        if response.status_code != 200:
            raise ApiError(f"download {path} -> {response.status_code}")
        return response.content
