"""Step 6 of the guide: the one PDF to send (letter, privacy waiver, supporting documents).

``build_package`` puts the parts in the order given behind an index page, turns photos
and scans (PNG, JPEG) into Letter pages, and stamps every page with a footer "name — n / total".
Unlike the rest of the package it prints words, so the caller passes them in (already
translated). Bad input is refused with a ``PackageError`` (a ValueError) whose message
is a stable code: "empty", "not_pdf_or_image", "unreadable" or "encrypted".
"""
from __future__ import annotations

import io
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

import img2pdf
import pikepdf
import reportlab
from PIL import Image, ImageOps, JpegImagePlugin, PngImagePlugin
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

__all__ = ["SECTIONS", "Part", "IndexEntry", "PackageResult", "PackageError", "build_package", "sniff",
           "upload_problem", "exhibit_letter"]

SECTIONS: tuple[str, ...] = ("letter", "waiver", "exhibit")
LETTER = (612.0, 792.0)   # US Letter, in points
MARGIN = 54.0             # 3/4 inch around images and the index
IMAGE_DPI = 300           # photos are downsampled to this resolution on the page
MAX_PNG_PIXELS = 60_000_000  # a PNG is decoded whole; larger ones are refused ("unreadable")
_BOX_PX = tuple(int((side - 2 * MARGIN) / 72 * IMAGE_DPI) for side in LETTER)
_LAYOUT = img2pdf.get_layout_fun(pagesize=LETTER, border=(MARGIN, MARGIN), fit=img2pdf.FitMode.into)
_FONTS = (  # (regular, bold) TrueType files with accents, dashes, etc.; Helvetica is the last resort
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    tuple(os.path.join(os.path.dirname(reportlab.__file__), "fonts", f) for f in ("Vera.ttf", "VeraBd.ttf")),
)


@dataclass(frozen=True)
class Part:
    """One document: ``title`` is printed in the index; ``path`` is a PDF, PNG or JPEG file."""

    title: str
    path: str
    section: str  # one of SECTIONS


@dataclass(frozen=True)
class IndexEntry:
    """Where a part landed: pages numbered 1-based in the final PDF, index pages included."""

    title: str
    section: str
    first_page: int
    last_page: int


@dataclass(frozen=True)
class PackageResult:
    """The PDF written, its page count, and the index printed on its first page(s)."""

    path: str
    pages: int
    index: tuple[IndexEntry, ...]


class PackageError(ValueError):
    """A refused input. ``str(error)`` is the code; ``part`` is the 0-based index of the bad part."""

    def __init__(self, code: str, part: Optional[int] = None) -> None:
        super().__init__(code)
        self.code, self.part = code, part


def sniff(path: str) -> Optional[str]:
    """Return "pdf", "png" or "jpeg" from the file's first bytes (not its name), else None."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(1024)
    except OSError:
        return None
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    return "pdf" if b"%PDF-" in head else None  # readers accept junk before the header


@lru_cache(maxsize=1)
def _fonts() -> tuple[str, str]:
    for regular, bold in _FONTS:
        try:
            pdfmetrics.registerFont(TTFont("NomSans", regular))
            pdfmetrics.registerFont(TTFont("NomSans-Bold", bold if os.path.exists(bold) else regular))
            return "NomSans", "NomSans-Bold"
        except Exception:  # missing or unusable font file: try the next
            continue
    return "Helvetica", "Helvetica-Bold"


def _image_pdf(path: str, kind: str) -> bytes:
    # The plugin classes skip Pillow's size refusal: a huge JPEG is decoded at a reduced scale.
    opener = JpegImagePlugin.JpegImageFile if kind == "jpeg" else PngImagePlugin.PngImageFile
    with opener(path) as image:
        if kind == "png" and image.width * image.height > MAX_PNG_PIXELS:
            raise ValueError("too many pixels")
        if kind == "jpeg":
            image.draft(image.mode, (min(_BOX_PX), min(_BOX_PX)))
        image.load()  # a corrupt or truncated file fails here
        try:
            page = ImageOps.exif_transpose(image)  # a phone photo taken sideways
        except Exception:  # damaged EXIF data: the picture itself is fine
            page = image.copy()
    if page.has_transparency_data:  # RGBA, LA, palette with transparency: flatten onto white
        rgba, page = page.convert("RGBA"), Image.new("RGB", page.size, "white")
        page.paste(rgba, mask=rgba.getchannel("A"))
    elif page.mode not in ("RGB", "L"):
        page = page.convert("RGB")
    page.thumbnail(_BOX_PX)  # only ever shrinks
    buffer = io.BytesIO()  # re-encoded: this also drops EXIF metadata such as GPS position
    if kind == "jpeg":
        page.save(buffer, "JPEG", quality=85)
    else:  # scans and screenshots stay lossless
        page.save(buffer, "PNG", compress_level=3)
    return img2pdf.convert(buffer.getvalue(), layout_fun=_LAYOUT)


def _flatten(pdf: pikepdf.Pdf) -> None:
    """Print a filled form's fields (the waiver) into its pages: the package has no form.

    A damaged form is left as it is.
    """
    try:
        pdf.generate_appearance_streams()
        resources = pdf.Root.AcroForm.get("/DR")
        for page in pdf.pages:  # an appearance without its own fonts uses the form's, which flattening drops
            for annotation in page.obj.get("/Annots", ()):
                normal = annotation.get("/AP", {}).get("/N")
                streams = normal.values() if isinstance(normal, pikepdf.Dictionary) else [normal]
                for stream in (s for s in streams if isinstance(s, pikepdf.Stream)):
                    stream.write(stream.read_bytes())  # qpdf generates appearances lazily: fix them now
                    if "/Resources" not in stream and resources is not None:
                        stream.Resources = resources
        pdf.flatten_annotations("all")
    except Exception:
        pass


def _load(part: Part, number: int) -> tuple[pikepdf.Pdf, list[tuple[float, float]]]:
    """The part as a PDF, and the displayed size of each of its pages."""
    if part.section not in SECTIONS:
        raise ValueError(f"section must be one of {SECTIONS}, not {part.section!r}")
    kind = sniff(part.path)
    if kind is None:
        raise PackageError("not_pdf_or_image" if os.path.isfile(part.path) else "unreadable", number)
    try:
        pdf = pikepdf.open(part.path) if kind == "pdf" else pikepdf.open(io.BytesIO(_image_pdf(part.path, kind)))
    except pikepdf.PasswordError as error:
        raise PackageError("encrypted", number) from error
    except Exception as error:  # pikepdf, Pillow and img2pdf raise many types on a bad file
        raise PackageError("unreadable", number) from error
    try:
        if "/AcroForm" in pdf.Root:
            _flatten(pdf)
        sizes = [_view(page) for page in pdf.pages]
        if not sizes:
            raise ValueError("no pages")
    except Exception as error:
        pdf.close()
        raise PackageError("unreadable", number) from error
    return pdf, sizes


def _index(parts: Sequence[Part], counts: Sequence[int], heading: str, index_title: str,
           page_label: str) -> tuple[bytes, tuple[IndexEntry, ...]]:
    regular, bold = _fonts()
    size, line, width = 11, 16, LETTER[0] - 2 * MARGIN
    column = width - pdfmetrics.stringWidth(f"{page_label} 8888–8888", regular, size) - 24
    head = [(bold, 14, text) for text in simpleSplit(heading, bold, 14, width)[:3]]
    head += [(bold, 12, text) for text in simpleSplit(index_title, bold, 12, width)[:3]]
    room = int((LETTER[1] - 2 * MARGIN) // line) - len(head) - 1
    wrapped = [simpleSplit(part.title, regular, size, column)[:room] or [""] for part in parts]
    pages: list[list[int]] = [[]]
    used = 0
    for number, lines in enumerate(wrapped):
        if used + len(lines) > room and pages[-1]:
            pages.append([])
            used = 0
        pages[-1].append(number)
        used += len(lines)
    first, entries = len(pages) + 1, []
    for part, count in zip(parts, counts):
        entries.append(IndexEntry(part.title, part.section, first, first + count - 1))
        first += count
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=LETTER)
    for page in pages:
        y = LETTER[1] - MARGIN
        for font, font_size, text in head:
            pdf.setFont(font, font_size)
            pdf.drawString(MARGIN, y, text)
            y -= line
        y -= line
        pdf.setFont(regular, size)
        for number in page:
            span = f"{page_label} {entries[number].first_page}–{entries[number].last_page}"
            for text in wrapped[number]:
                pdf.drawString(MARGIN, y, text)
                y -= line
            start = MARGIN + pdfmetrics.stringWidth(text, regular, size) + 6
            end = LETTER[0] - MARGIN - pdfmetrics.stringWidth(span, regular, size) - 6
            pdf.drawString(start, y + line, "." * max(0, int((end - start) // pdfmetrics.stringWidth(".", regular, size))))
            pdf.drawRightString(LETTER[0] - MARGIN, y + line, span)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue(), tuple(entries)


def _view(page: pikepdf.Page) -> tuple[float, float]:
    """Width and height as displayed, after the page's /Rotate."""
    x0, y0, x1, y1 = (float(value) for value in page.cropbox)
    width, height = abs(x1 - x0), abs(y1 - y0)
    return (height, width) if int(page.obj.get("/Rotate", 0)) % 180 == 90 else (width, height)


def _footers(sizes: Sequence[tuple[float, float]], footer: str) -> pikepdf.Pdf:
    regular, _ = _fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for number, (width, height) in enumerate(sizes, 1):
        text = f"{footer} — {number} / {len(sizes)}"
        pdf.setPageSize((width, height))
        pdf.setFont(regular, min(8.0, 0.9 * width / max(pdfmetrics.stringWidth(text, regular, 1), 1.0)))
        pdf.drawCentredString(width / 2, min(14.0, height / 20), text)
        pdf.showPage()
    pdf.save()
    return pikepdf.open(io.BytesIO(buffer.getvalue()))


def _stamp(pdf: pikepdf.Pdf, overlay: pikepdf.Pdf, start: int) -> None:
    for offset, page in enumerate(pdf.pages):
        form = pdf.copy_foreign(overlay.pages[start + offset].as_form_xobject())
        name = page.add_resource(form, pikepdf.Name.XObject, prefix="NomFooter")
        place = page.calc_form_xobject_placement(form, name, pikepdf.Rectangle(page.cropbox))
        page.contents_add(b"q\n", prepend=True)  # the page's own drawing state cannot leak into the footer
        page.contents_add(b"\nQ\n" + place)


def build_package(parts: Sequence[Part], out_path: str, *, heading: str, index_title: str,
                  page_label: str, footer: str) -> PackageResult:
    """Write the index page(s), then ``parts`` in order, to ``out_path``, every page with a footer.

    ``heading`` (e.g. the person's name and A-number) and ``index_title`` head the index;
    each index line reads "title ..... {page_label} 3–4". Raises ``PackageError`` (a
    ValueError) with the code "empty", "not_pdf_or_image", "unreadable" or "encrypted".
    """
    if not parts:
        raise PackageError("empty")
    sources: list[pikepdf.Pdf] = []
    try:
        sizes: list[tuple[float, float]] = []
        for number, part in enumerate(parts):
            pdf, part_sizes = _load(part, number)
            sources.append(pdf)
            sizes += part_sizes
        index_bytes, entries = _index(parts, [len(pdf.pages) for pdf in sources], heading, index_title, page_label)
        sources.insert(0, pikepdf.open(io.BytesIO(index_bytes)))
        sizes[:0] = [LETTER] * len(sources[0].pages)
        sources.append(_footers(sizes, footer))
        sources.append(pikepdf.new())
        *documents, overlay, out = sources
        for number, pdf in enumerate(documents):
            try:
                _stamp(pdf, overlay, entries[number - 1].first_page - 1 if number else 0)
                out.pages.extend(pdf.pages)
            except Exception as error:
                raise PackageError("unreadable", number - 1 if number else None) from error
        with out.open_outline() as outline:
            outline.root.append(pikepdf.OutlineItem(index_title, 0))
            outline.root.extend(pikepdf.OutlineItem(entry.title, entry.first_page - 1) for entry in entries)
        out.docinfo["/Title"] = heading
        try:
            out.save(out_path)
        except pikepdf.PdfError as error:
            raise PackageError("unreadable") from error
        return PackageResult(out_path, len(sizes), entries)
    finally:
        for pdf in sources:
            pdf.close()



MAX_UPLOAD_MB = 20


def upload_problem(path: str) -> Optional[str]:
    """A refusal code for one uploaded file (``too_big``, ``not_pdf_or_image``, ``unreadable``, ``encrypted``), or None.

    The file is opened the way ``build_package`` opens a part, so what passes here packs later.
    """
    if os.path.getsize(path) > MAX_UPLOAD_MB * 1024 * 1024:
        return "too_big"
    try:
        pdf, _sizes = _load(Part(title="", path=path, section="exhibit"), 0)
        pdf.close()
    except PackageError as error:
        return error.code
    return None


def exhibit_letter(number: int) -> str:
    """Exhibit labels: 0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    label = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        label = chr(ord("A") + rest) + label
    return label
