"""PDF copies of the assembled documents, made when first downloaded; one file per document and format.

docassemble converts an attachment's PDF inside its own assembly, and a failure there ends the
screen with an error: the DOCX, which was fine, is lost with it. The attachments are therefore
assembled as DOCX only, and ``add_pdf`` gives a document its PDF when someone first asks for it
(the documents screen's PDF links are actions): the screen never waits on LibreOffice. A document
whose conversion fails keeps its DOCX; the screen then names the PDFs that could not be made.

The case's files (``kept``, a dict in the answers: ``"pd_letter.docx"`` -> its DAFile) are one per
document and format for the life of the case. ``keep_documents`` writes a rebuilt DOCX into the file
the case already has for it (same number, so an earlier answers snapshot, the Back button, still
points to a file that exists) and deletes the new copy; the PDFs, the package and the ZIP made from
the old DOCX are deleted then, and made again when asked for. No superseded copy stays on disk.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from typing import Any, Callable, Iterable, Optional

__all__ = ["add_pdfs", "add_pdf", "download_files", "keep_documents", "keep_file", "discard", "find_document", "answered"]


def _attribute(doc: Any, name: str) -> Any:
    """The attribute, or None, read without docassemble's lookup of a missing one.

    ``getattr(doc, name, None)`` on a DAObject leaves a pending "not defined" error in
    docassemble's thread state, which a later lookup may raise as if a question were needed.
    """
    return vars(doc).get(name)


def discard(the_file: Any) -> None:
    """Delete a numbered file from the case's storage (docassemble's own way, as ``DAFile.initialize(reinitialize=True)``)."""
    from docassemble.base.util import get_saved_file_class
    number = vars(the_file).get('number')
    if number is not None:
        get_saved_file_class()(number).delete()


def _exists(the_file: Any) -> bool:
    try:
        return os.path.isfile(the_file.path())
    except Exception:  # docassemble raises when the number has no file any more
        return False


def keep_file(kept: dict[str, Any], key: str, fresh: Any, remove: Callable[[Any], None] = discard) -> Any:
    """The case's one file under ``key``, now with ``fresh``'s content (``fresh`` deleted); ``fresh`` itself the first
    time, or when the name changed."""
    old = kept.get(key)
    if old is fresh:
        return fresh
    if old is not None and vars(old).get('filename') == vars(fresh).get('filename') and _exists(old):
        old.copy_into(fresh)
        old.commit()
        remove(fresh)
        return old
    if old is not None:
        remove(old)
    kept[key] = fresh
    return fresh


def keep_documents(kept: dict[str, Any], documents: Iterable[Any], remove: Callable[[Any], None] = discard) -> None:
    """After a build: each document's DOCX (or raw file) written into the case's one file for it, the new copy
    deleted; every other file of ``kept`` (PDFs, package, ZIP of the previous build; a document no longer made)
    deleted, to be made again from the new DOCX when asked for."""
    current: set[str] = set()
    for doc in documents:
        for fmt in ('docx', 'raw'):
            fresh = _attribute(doc, fmt)
            if fresh is not None:
                key = f"{doc.instanceName}.{fmt}"
                setattr(doc, fmt, keep_file(kept, key, fresh, remove))
                current.add(key)
    for key in [key for key in kept if key not in current]:
        remove(kept.pop(key))


def find_document(documents: Iterable[Any], variable: str) -> Optional[Any]:
    """The assembled document whose attachment variable is ``variable`` and that has a DOCX to convert, or None."""
    return next((doc for doc in documents if getattr(doc, 'instanceName', None) == variable
                 and _attribute(doc, 'docx') is not None), None)


def answered(event: str) -> None:
    """A download link's action done: taken off docassemble's event stack, so that the next screen is the
    interview's own and not this action run again (an action that ends in a file or a redirect is not
    popped by docassemble itself)."""
    from docassemble.base.functions import pop_event_stack
    pop_event_stack(event)


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
            new_file: Callable[[str], Any] = _new_file, kept: Optional[dict[str, Any]] = None) -> bool:
    """Give one assembled document (a DAFileCollection with a DOCX) its PDF; False if conversion failed.

    The PDF becomes ``doc.pdf`` and is named in the document's formats, so docassemble's download
    list and ``zip_file`` offer it beside the DOCX. It is converted into a temporary file first: a
    failure leaves no file behind. With ``kept`` (the case's files) it goes into the case's one PDF file
    for the document, a new one only the first time.
    """
    if _attribute(doc, 'pdf') is not None and _exists(doc.pdf):
        return True
    name = doc.info['filename']
    work = tempfile.mkdtemp(prefix='nom-pdf-')
    made = os.path.join(work, 'document.pdf')
    try:
        try:
            ok = convert(doc.docx.path(), made, name, retry) and os.path.isfile(made) and os.path.getsize(made) > 0
        except Exception as err:  # docassemble raises when no converter is set up at all
            from docassemble.base.util import log
            log(f"notonemore: no PDF for {name}: {err.__class__.__name__}: {err}")
            ok = False
        if not ok:
            return False
        key = f"{getattr(doc, 'instanceName', name)}.pdf"
        pdf = kept.get(key) if kept is not None else None
        if pdf is None or not _exists(pdf):
            pdf = new_file(name + '.pdf')
        pdf.copy_into(made)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    pdf.commit()
    if kept is not None:
        kept[key] = pdf
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
    """A document's files to download on the documents screen: ``("docx", file)`` for a letter (its PDF is
    made on first download, through the screen's link), ``(extension, file)`` for a text, CSV or calendar
    file (``"ics"``, ``"csv"``...)."""
    files = [('docx', _attribute(doc, 'docx'))]
    raw = _attribute(doc, 'raw')
    if raw is not None:
        files.append((str(doc.info.get('raw') or '.txt').lstrip('.'), raw))
    return [(fmt, the_file) for fmt, the_file in files if the_file is not None]
