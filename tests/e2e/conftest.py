"""The real server, started once for the end-to-end tests and stopped after them."""
import pytest

from tests.support import server as server_control


@pytest.fixture(scope="session")
def server():
    running = server_control.start()
    yield running
    server_control.stop()


@pytest.fixture
def uploads(tmp_path):
    """Papers to upload: a two-page PDF, a photo (PNG), a text file that claims to be a PDF, a 21 MB PDF."""
    from PIL import Image
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "lease.pdf"
    c = canvas.Canvas(str(pdf))
    for n in (1, 2):
        c.drawString(72, 720, f"Lease page {n}")
        c.showPage()
    c.save()
    png = tmp_path / "family.png"
    Image.new("RGB", (1600, 1200), (200, 180, 150)).save(png)
    fake = tmp_path / "notes.pdf"
    fake.write_text("just notes, not a PDF")
    big = tmp_path / "scan.pdf"      # a real PDF over the 20 MB limit
    with open(big, "wb") as handle:
        handle.write(pdf.read_bytes())
        handle.write(b"%" + b"0" * (21 * 1024 * 1024) + b"\n")
    return {"pdf": pdf, "png": png, "fake": fake, "big": big}
