"""PDF copies of the assembled documents, made after the DOCX so that a failed conversion loses nothing.

docassemble converts an attachment's PDF inside its own assembly, and a failure there ends the
screen with an error: the DOCX, which was fine, is lost with it. The attachments are therefore
assembled as DOCX only, and ``add_pdfs`` gives each one its PDF afterwards. A document whose
conversion fails keeps its DOCX; the documents screen says which PDFs are missing.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

__all__ = ["add_pdfs", "add_pdf", "download_files"]


def _attribute(doc: Any, name: str) -> Any:
    """The attribute, or None, read without docassemble's lookup of a missing one.

    ``getattr(doc, name, None)`` on a DAObject leaves a pending "not defined" error in
    docassemble's thread state, which a later lookup may raise as if a question were needed.
    """
    return vars(doc).get(name)


def _new_file(filename: str) -> Any:
    """A new file in the case's storage (it has a number, so it can be downloaded)."""
    from docassemble.base.util import DAFile
    the_file = DAFile()
    the_file.set_random_instance_name()
    the_file.initialize(filename=filename)
    return the_file


def _convert(docx_path: str, pdf_path: str, name: str, retry: bool) -> bool:
    """docassemble's own DOCX to PDF (LibreOffice, through unoserver on our servers).

    Tagged: the PDF carries its structure (headings, paragraphs, tables) for screen readers.
    """
    import docassemble.base.pandoc as pandoc
    return bool(pandoc.word_to_pdf(docx_path, 'docx', pdf_path, filename=name, retry=retry, tagged=True))


def add_pdf(doc: Any, retry: bool = True, convert: Callable[[str, str, str, bool], bool] = _convert,
            new_file: Callable[[str], Any] = _new_file) -> bool:
    """Give one assembled document (a DAFileCollection with a DOCX) its PDF; False if conversion failed.

    The PDF becomes ``doc.pdf`` and is named in the document's formats, so docassemble's download
    list and ``zip_file`` offer it beside the DOCX.
    """
    if _attribute(doc, 'pdf') is not None:
        return True
    name = doc.info['filename']
    pdf = new_file(name + '.pdf')
    try:
        ok = convert(doc.docx.path(), pdf.path(), name, retry)
    except Exception as err:  # docassemble raises when no converter is set up at all
        from docassemble.base.util import log
        log(f"notonemore: no PDF for {name}: {err.__class__.__name__}: {err}")
        ok = False
    if not ok:
        return False
    pdf.commit()
    doc.pdf = pdf
    for key in ('formats', 'valid_formats'):
        if 'pdf' not in doc.info.setdefault(key, []):
            doc.info[key].append('pdf')
    doc.info.setdefault('extension', {})['pdf'] = 'pdf'
    doc.info.setdefault('mimetype', {})['pdf'] = 'application/pdf'
    return True


def add_pdfs(documents: Iterable[Any], **kwargs: Any) -> list[Any]:
    """Give every DOCX document its PDF; return the documents that got none.

    After a first failure the others are tried once each, without docassemble's retries: when the
    converter is down, five retries a document would keep the screen waiting for minutes.
    """
    failed: list[Any] = []
    for doc in documents:
        if _attribute(doc, 'docx') is None:   # a text or CSV file has no PDF to make
            continue
        if not add_pdf(doc, retry=not failed, **kwargs):
            failed.append(doc)
    return failed


def download_files(doc: Any) -> list[tuple[str, Any]]:
    """A document's files to download, the one to open first first: ``("pdf", file)`` then ``("docx", file)``
    for a letter (the DOCX alone when its PDF could not be made), ``(extension, file)`` for a text, CSV or
    calendar file (``"ics"``, ``"csv"``...)."""
    files = [(fmt, _attribute(doc, fmt)) for fmt in ('pdf', 'docx')]
    raw = _attribute(doc, 'raw')
    if raw is not None:
        files.append((str(doc.info.get('raw') or '.txt').lstrip('.'), raw))
    return [(fmt, the_file) for fmt, the_file in files if the_file is not None]
