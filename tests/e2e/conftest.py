"""The real server, started once for the end-to-end tests and stopped after them."""
import pytest

from tests.support import server as server_control


@pytest.fixture(scope="session")
def server():
    running = server_control.start()
    yield running
    server_control.stop()
