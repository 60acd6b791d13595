"""Step 6's one PDF to send: index, parts in order, footers, images made pages, bad files refused."""
from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from reportlab.pdfgen import canvas

from docassemble.notonemore import package
from docassemble.notonemore.package import PackageError, Part, build_package, sniff

NAME = "María José Núñez, A 123-456-789"
WORDS = {"heading": NAME, "index_title": "Index of documents", "page_label": "pages", "footer": NAME}
LETTER = (612, 792)


def make_pdf(path, pages=1, size=LETTER, text="PAGE", rotate=0):
    pdf = canvas.Canvas(str(path), pagesize=size)
    for number in range(1, pages + 1):
        pdf.drawString(72, size[1] - 72, f"{text} {number}")
        pdf.showPage()
    pdf.save()
    if rotate:
        with pikepdf.open(path, allow_overwriting_input=True) as doc:
            for page in doc.pages:
                page.obj.Rotate = rotate
            doc.save(path)
    return str(path)


def make_image(path, size=(400, 300), mode="RGB", fmt="PNG", color="red", **save):
    Image.new(mode, size, color).save(path, fmt, **save)
    return str(path)


def page_text(path, number):
    return subprocess.run(["pdftotext", "-raw", "-f", str(number), "-l", str(number), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def words(path, number):
    """(word, xMin, yMin) of a page, in displayed coordinates (origin top left)."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(number), "-l", str(number), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    return [(w, float(x), float(y)) for x, y, w in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<', html)]


def build(tmp_path, parts, **changes):
    return build_package(parts, str(tmp_path / "out.pdf"), **{**WORDS, **changes})


@pytest.fixture
def case(tmp_path):
    """A letter (2 pages), a waiver, a photo, a 3-page landscape A4 exhibit and a JPEG."""
    return [
        Part("Request letter", make_pdf(tmp_path / "letter.pdf", 2, text="LETTER"), "letter"),
        Part("Privacy waiver", make_pdf(tmp_path / "waiver.pdf", text="WAIVER"), "waiver"),
        Part("Exhibit A: Birth certificate of María José Núñez", make_image(tmp_path / "a.png"), "exhibit"),
        Part("Exhibit B: O'Brien & <Sons> pay records", make_pdf(tmp_path / "b.pdf", 3, (842, 595), "PAYROLL"),
             "exhibit"),
        Part("Exhibit C: Photo", make_image(tmp_path / "c.jpg", fmt="JPEG"), "exhibit"),
    ]


# title, section, first page, last page (the index is page 1)
EXPECTED = [
    ("Request letter", "letter", 2, 3),
    ("Privacy waiver", "waiver", 4, 4),
    ("Exhibit A: Birth certificate of María José Núñez", "exhibit", 5, 5),
    ("Exhibit B: O'Brien & <Sons> pay records", "exhibit", 6, 8),
    ("Exhibit C: Photo", "exhibit", 9, 9),
]


def test_index_order_and_page_ranges(tmp_path, case):
    result = build(tmp_path, case)
    assert result.pages == 9
    assert [(e.title, e.section, e.first_page, e.last_page) for e in result.index] == EXPECTED
    with pikepdf.open(result.path) as pdf:
        assert len(pdf.pages) == 9
    index = page_text(result.path, 1).splitlines()
    assert index[:2] == [NAME, "Index of documents"]
    for title, _, first, last in EXPECTED:
        assert any(line.startswith(title) and line.endswith(f"pages {first}–{last}") for line in index), title


def test_parts_keep_their_pages_in_order(tmp_path, case):
    result = build(tmp_path, case)
    for number, text in [(2, "LETTER 1"), (3, "LETTER 2"), (4, "WAIVER 1"),
                         (6, "PAYROLL 1"), (7, "PAYROLL 2"), (8, "PAYROLL 3")]:
        assert text in page_text(result.path, number)
    with pikepdf.open(result.path) as pdf:
        sizes = [tuple(float(v) for v in list(page.mediabox)[2:]) for page in pdf.pages]
        assert sizes == [LETTER] * 5 + [(842, 595)] * 3 + [LETTER]  # images are Letter; others keep their size
        outline = pdf.open_outline()
        assert [item.title for item in outline.root] == ["Index of documents"] + [row[0] for row in EXPECTED]


def test_every_page_has_a_footer_at_its_bottom(tmp_path, case):
    case.append(Part("Exhibit D: turned page", make_pdf(tmp_path / "d.pdf", text="TURNED", rotate=90), "exhibit"))
    result = build(tmp_path, case)
    assert result.pages == 10
    for number in range(1, 11):
        assert f"{NAME} — {number} / 10" in page_text(result.path, number)
        found = [(x, y) for w, x, y in words(result.path, number) if w == f"{number}"]
        height = 595 if number in (6, 7, 8) else 612 if number == 10 else 792  # displayed height
        assert found and found[-1][1] > height - 30, number  # upright, at the bottom, even on the turned page


def test_unicode_and_markup_characters_survive(tmp_path):
    title = "Exhibit A: Letter from Zoë O'Brien & <Sons> — “Iglesia San José”"
    result = build(tmp_path, [Part(title, make_pdf(tmp_path / "x.pdf"), "exhibit")], page_label="páginas")
    index = page_text(result.path, 1)
    assert NAME in index and title in index and "páginas 2–2" in index
    assert f"{NAME} — 2 / 2" in page_text(result.path, 2)


def test_a_long_index_takes_more_pages_and_the_numbers_follow(tmp_path):
    one = make_pdf(tmp_path / "one.pdf")
    parts = [Part(f"Exhibit {n}: a reference letter from a neighbor", one, "exhibit") for n in range(1, 61)]
    result = build(tmp_path, parts)
    assert result.pages == 62
    assert (result.index[0].first_page, result.index[-1].last_page) == (3, 62)
    assert "Index of documents" in page_text(result.path, 2)
    assert "Exhibit 60: a reference letter from a neighbor" in page_text(result.path, 2)
    assert f"{NAME} — 62 / 62" in page_text(result.path, 62)


def test_a_long_title_wraps(tmp_path):
    title = "Exhibit A: " + "very long description of the document " * 6
    result = build(tmp_path, [Part(title.strip(), make_pdf(tmp_path / "x.pdf"), "exhibit")])
    assert " ".join(page_text(result.path, 1).split()).count("pages 2–2") == 1


def drawn_boxes(path, number):
    """(width, height, x, y) on the page of each image drawn there, from the cm before its Do."""
    with pikepdf.open(path) as pdf:
        boxes, matrix = [], None
        for operands, operator in pikepdf.parse_content_stream(pdf.pages[number - 1]):
            if str(operator) == "cm":
                matrix = [float(v) for v in operands]
            if str(operator) == "Do" and str(operands[0]).startswith("/Im"):
                boxes.append((matrix[0], matrix[3], matrix[4], matrix[5]))
        return boxes, [(im.width, im.height) for im in
                       (pikepdf.PdfImage(x) for x in pdf.pages[number - 1].images.values())]


@pytest.mark.parametrize("size,fmt,dpi", [((8000, 5000), "JPEG", 72), ((2400, 3600), "PNG", 72),
                                          ((40, 30), "PNG", 300), ((3000, 200), "JPEG", 10)])
def test_images_are_scaled_into_a_letter_page_with_margins(tmp_path, size, fmt, dpi):
    image = make_image(tmp_path / f"i.{fmt.lower()}", size, fmt=fmt, dpi=(dpi, dpi))
    result = build(tmp_path, [Part("Exhibit A", image, "exhibit")])
    (width, height, x, y), = drawn_boxes(result.path, 2)[0]
    assert x >= 53.9 and y >= 53.9 and x + width <= 612 - 53.9 and y + height <= 792 - 53.9
    assert max(width / (612 - 108), height / (792 - 108)) == pytest.approx(1, abs=0.01)  # fills the box
    assert abs(width / height - size[0] / size[1]) < 0.02
    pixels, = drawn_boxes(result.path, 2)[1]
    assert pixels[0] <= package._BOX_PX[0] and pixels[1] <= package._BOX_PX[1]  # huge ones downsampled


@pytest.mark.parametrize("mode,color,save", [("RGBA", (255, 0, 0, 0), {}), ("LA", (0, 0), {}),
                                             ("P", 0, {"transparency": 0}), ("1", 1, {}), ("L", 128, {})])
def test_transparent_and_palette_pngs_become_pages_on_white(tmp_path, mode, color, save):
    image = make_image(tmp_path / "t.png", mode=mode, color=color, **save)
    result = build(tmp_path, [Part("Exhibit A", image, "exhibit")])
    with pikepdf.open(result.path) as pdf:
        embedded = pikepdf.PdfImage(next(iter(pdf.pages[1].images.values())))
        assert "/SMask" not in embedded.obj
        pixel = embedded.as_pil_image().convert("RGB").getpixel((5, 5))
    assert pixel == ((255, 255, 255) if mode != "L" else (128, 128, 128))


def test_photo_orientation_is_applied_and_its_metadata_dropped(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # taken sideways: turn 90 degrees clockwise to view
    exif[0x010F] = "PhoneMaker SECRET"
    image = make_image(tmp_path / "p.jpg", (400, 200), fmt="JPEG", exif=exif.tobytes())
    result = build(tmp_path, [Part("Exhibit A", image, "exhibit")])
    assert drawn_boxes(result.path, 2)[1] == [(200, 400)]
    assert b"PhoneMaker" not in (tmp_path / "out.pdf").read_bytes()


def test_a_jpeg_beyond_pillows_size_limit_is_read_at_reduced_scale(tmp_path, monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 4_500_000)  # Image.open refuses more than twice that
    image = make_image(tmp_path / "big.jpg", (4200, 2400), fmt="JPEG")
    with pytest.raises(Image.DecompressionBombError):
        Image.open(image)
    assert build(tmp_path, [Part("Exhibit A", image, "exhibit")]).pages == 2


def test_a_filled_form_is_printed_into_the_page(tmp_path):
    path = tmp_path / "form.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.acroForm.textfield(name="name", value="Ana Lopez Signed", x=72, y=600, width=300, height=20)
    pdf.showPage()
    pdf.save()
    result = build(tmp_path, [Part("Privacy waiver", str(path), "waiver")])
    assert "Ana Lopez Signed" in page_text(result.path, 2)
    with pikepdf.open(result.path) as out:
        assert "/AcroForm" not in out.Root and "/Annots" not in out.pages[1]


def test_files_are_recognised_by_content_not_name(tmp_path):
    png_named_pdf = make_image(tmp_path / "scan.pdf")
    pdf_named_jpg = make_pdf(tmp_path / "letter.jpg")
    result = build(tmp_path, [Part("A", png_named_pdf, "exhibit"), Part("B", pdf_named_jpg, "exhibit")])
    assert result.pages == 3


def test_a_pdf_with_only_an_owner_password_is_accepted(tmp_path):
    with pikepdf.open(make_pdf(tmp_path / "plain.pdf", text="OPEN")) as pdf:
        pdf.save(tmp_path / "owner.pdf", encryption=pikepdf.Encryption(user="", owner="secret"))
    result = build(tmp_path, [Part("A", str(tmp_path / "owner.pdf"), "exhibit")])
    assert "OPEN 1" in page_text(result.path, 2)


def bad_file(tmp_path, kind):
    path = tmp_path / f"bad-{kind}"
    good_pdf = (tmp_path / "good.pdf").read_bytes()
    data = {
        "text_named_pdf": b"Dear officer, this is not a PDF.\n",
        "zero_bytes": b"",
        "gif": None,
        "garbage_pdf": b"%PDF-1.4\n" + bytes(range(256)) * 8,
        "truncated_pdf": good_pdf[:40],
        "truncated_jpeg": None,
        "corrupt_png": None,
        "no_pages_pdf": None,
        "encrypted": None,
    }[kind]
    if kind == "gif":
        make_image(path, fmt="GIF")
    elif kind == "truncated_jpeg":
        path.write_bytes((tmp_path / "good.jpg").read_bytes()[:600])
    elif kind == "corrupt_png":
        raw = bytearray((tmp_path / "good.png").read_bytes())
        raw[60:70] = b"\x00" * 10  # inside the image data: the checksum no longer matches
        path.write_bytes(bytes(raw))
    elif kind == "no_pages_pdf":
        pikepdf.new().save(path)
    elif kind == "encrypted":
        with pikepdf.open(tmp_path / "good.pdf") as pdf:
            pdf.save(path, encryption=pikepdf.Encryption(user="secret", owner="secret"))
    else:
        path.write_bytes(data)
    if kind == "text_named_pdf":
        path = path.rename(path.with_suffix(".pdf"))
    return str(path)


REFUSALS = [
    ("text_named_pdf", "not_pdf_or_image"), ("zero_bytes", "not_pdf_or_image"), ("gif", "not_pdf_or_image"),
    ("garbage_pdf", "unreadable"), ("truncated_pdf", "unreadable"), ("truncated_jpeg", "unreadable"),
    ("corrupt_png", "unreadable"), ("no_pages_pdf", "unreadable"), ("encrypted", "encrypted"),
]


@pytest.mark.parametrize("kind,code", REFUSALS)
def test_bad_files_are_refused_with_a_code(tmp_path, kind, code):
    make_pdf(tmp_path / "good.pdf")
    make_image(tmp_path / "good.jpg", (300, 300), fmt="JPEG")
    Image.effect_noise((200, 200), 50).save(tmp_path / "good.png")
    parts = [Part("Letter", str(tmp_path / "good.pdf"), "letter"), Part("Bad", bad_file(tmp_path, kind), "exhibit")]
    with pytest.raises(ValueError, match=f"^{code}$") as caught:
        build(tmp_path, parts)
    assert isinstance(caught.value, PackageError) and (caught.value.code, caught.value.part) == (code, 1)
    assert not (tmp_path / "out.pdf").exists()


def test_a_missing_file_and_no_parts_are_refused(tmp_path):
    with pytest.raises(ValueError, match="^unreadable$"):
        build(tmp_path, [Part("Gone", str(tmp_path / "gone.pdf"), "exhibit")])
    with pytest.raises(ValueError, match="^empty$"):
        build(tmp_path, [])


def test_an_unknown_section_is_a_programming_error(tmp_path):
    with pytest.raises(ValueError, match="section"):
        build(tmp_path, [Part("A", make_pdf(tmp_path / "a.pdf"), "appendix")])


def test_sniff(tmp_path):
    (tmp_path / "junk_then_pdf").write_bytes(b"\r\n\x00junk\n" + Path(make_pdf(tmp_path / "p.pdf")).read_bytes())
    (tmp_path / "text.pdf").write_text("%PDF is mentioned far later" + " " * 2000 + "%PDF-1.4")
    assert sniff(make_pdf(tmp_path / "a.pdf")) == "pdf"
    assert sniff(str(tmp_path / "junk_then_pdf")) == "pdf"
    assert sniff(make_image(tmp_path / "a.png")) == "png"
    assert sniff(make_image(tmp_path / "a.jpg", fmt="JPEG")) == "jpeg"
    assert sniff(make_image(tmp_path / "a.gif", fmt="GIF")) is None
    assert sniff(str(tmp_path / "text.pdf")) is None
    assert sniff(str(tmp_path / "missing")) is None
    assert build(tmp_path, [Part("A", str(tmp_path / "junk_then_pdf"), "exhibit")]).pages == 2  # readers allow it


def test_ten_mixed_parts_pack_in_order(tmp_path):
    """Speed is measured by `make bench`; here, that ten parts of three kinds all pack."""
    pdf, png, jpeg = make_pdf(tmp_path / "s.pdf", 2), make_image(tmp_path / "s.png"), make_image(
        tmp_path / "s.jpg", fmt="JPEG")
    parts = [Part(f"Exhibit {n}", (pdf, png, jpeg)[n % 3], "exhibit") for n in range(10)]
    result = build(tmp_path, parts)
    assert result.pages == 1 + 4 * 2 + 6


@pytest.mark.parametrize("number,label", [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ"), (702, "AAA")])
def test_exhibit_letters(number, label):
    assert package.exhibit_letter(number) == label


def test_upload_problem_matches_what_packs(tmp_path):
    text = tmp_path / "notes.pdf"
    text.write_text("just words, not a PDF")
    assert package.upload_problem(str(text)) == "not_pdf_or_image"
    good = tmp_path / "ok.png"
    from PIL import Image as _Image
    _Image.new("RGB", (40, 30), "white").save(good)
    assert package.upload_problem(str(good)) is None
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n garbage")
    assert package.upload_problem(str(broken)) == "unreadable"


def test_an_upload_over_the_limit_is_refused_before_it_is_opened(tmp_path):
    big = tmp_path / "scan.pdf"
    with open(big, "wb") as handle:
        handle.truncate(package.MAX_UPLOAD_MB * 1024 * 1024 + 1)   # sparse: no time spent writing
    assert package.upload_problem(str(big)) == "too_big"
