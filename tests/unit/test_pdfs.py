"""pdfs.add_pdfs: a PDF beside each DOCX, and a failed conversion that keeps the DOCX; keep_documents: one file
per document and format across builds."""
import os
import shutil
import tempfile
from types import SimpleNamespace

import pytest

from docassemble.notonemore.pdfs import add_pdf, add_pdfs, find_document, keep_documents

_ROOT = tempfile.mkdtemp(prefix="nom-test-pdfs-")


class FakeFile:
    """A numbered file as DAFile has it: a path that exists, ``copy_into``, ``commit``."""
    def __init__(self, path, content=b""):
        self._path, self.committed = os.path.join(_ROOT, path.lstrip("/")), False
        self.filename = os.path.basename(path)
        os.makedirs(os.path.dirname(self._path), exist_ok=True)
        with open(self._path, "wb") as handle:
            handle.write(content)

    def path(self):
        return self._path

    def copy_into(self, other):
        shutil.copyfile(other.path() if isinstance(other, FakeFile) else other, self._path)

    def commit(self):
        self.committed = True

    def read(self):
        with open(self._path, "rb") as handle:
            return handle.read()


def collection(name, docx=True, content=b"docx"):
    """What docassemble's attachment block makes: a DAFileCollection with a DOCX and its info."""
    doc = SimpleNamespace(instanceName=name.lower().replace(" ", "_"), info={"name": name, "filename": name.lower().replace(" ", "-"), "formats": ["docx"],
                                "valid_formats": ["docx"], "extension": {"docx": "docx"},
                                "mimetype": {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}})
    if docx:
        doc.docx = FakeFile(f"/cases/{name}/{os.urandom(4).hex()}/{name}.docx", content)
    return doc


class Converter:
    """Records each call; fails for the names in ``fail`` (all when ``fail`` is True), or raises."""
    def __init__(self, fail=(), raises=False):
        self.fail, self.raises, self.calls = fail, raises, []

    def __call__(self, docx_path, pdf_path, name, retry):
        self.calls.append((docx_path, pdf_path, name, retry))
        if self.raises:
            raise RuntimeError("LibreOffice is not available")
        if self.fail is True or name in self.fail:
            return False
        with open(docx_path, "rb") as docx, open(pdf_path, "wb") as pdf:
            pdf.write(b"%PDF of " + docx.read())
        return True


def new_file(filename):
    return FakeFile("/cases/new/" + filename)


def test_each_docx_gets_its_pdf_named_in_its_formats():
    docs = [collection("Request to ICE"), collection("The ask")]
    convert = Converter()
    assert add_pdfs(docs, convert=convert, new_file=new_file) == []
    assert [(c[0], c[2]) for c in convert.calls] == [(docs[0].docx.path(), "request-to-ice"), (docs[1].docx.path(), "the-ask")]
    for doc in docs:
        assert doc.pdf.committed and doc.pdf.path().endswith(".pdf") and doc.pdf.read() == b"%PDF of docx"
        assert not os.path.exists(convert.calls[0][1])           # converted in a temporary folder, then copied
        assert doc.info["formats"] == ["docx", "pdf"] and doc.info["valid_formats"] == ["docx", "pdf"]
        assert doc.info["extension"]["pdf"] == "pdf" and doc.info["mimetype"]["pdf"] == "application/pdf"
        assert doc.docx.path().endswith(".docx")                  # the DOCX stays


def test_a_failed_conversion_keeps_the_docx_and_names_the_document():
    docs = [collection("Request to ICE"), collection("The ask"), collection("Letter")]
    failed = add_pdfs(docs, convert=Converter(fail={"the-ask"}), new_file=new_file)
    assert failed == [docs[1]]
    assert not hasattr(docs[1], "pdf") and docs[1].info["formats"] == ["docx"]
    assert docs[1].docx.path().endswith("/The ask.docx")
    assert hasattr(docs[0], "pdf") and hasattr(docs[2], "pdf")  # the others still get theirs


def test_after_a_failure_the_others_are_tried_once_without_retries():
    docs = [collection(n) for n in ("A", "B", "C")]
    convert = Converter(fail=True)
    assert add_pdfs(docs, convert=convert, new_file=new_file) == docs
    assert [c[3] for c in convert.calls] == [True, False, False]


def test_a_converter_that_raises_counts_as_a_failure(monkeypatch):
    logged = []
    import docassemble.base.util as da_util
    monkeypatch.setattr(da_util, "log", logged.append, raising=False)
    doc = collection("Request to ICE")
    assert add_pdf(doc, convert=Converter(raises=True), new_file=new_file) is False
    assert not hasattr(doc, "pdf") and "LibreOffice is not available" in logged[0]


def test_files_without_a_docx_are_left_alone_and_a_pdf_is_not_made_twice():
    text = collection("Petition texts", docx=False)
    done = collection("The ask")
    done.pdf = FakeFile("/cases/the-ask.pdf")
    convert = Converter()
    assert add_pdfs([text, done], convert=convert, new_file=new_file) == []
    assert convert.calls == [] and not hasattr(text, "pdf") and done.pdf.path().endswith("/cases/the-ask.pdf")


@pytest.mark.parametrize("fail", [True, ()], ids=["converter down", "converter up"])
def test_the_result_lists_exactly_the_documents_without_a_pdf(fail):
    docs = [collection("One"), collection("Two")]
    failed = add_pdfs(docs, convert=Converter(fail=fail), new_file=new_file)
    assert failed == [d for d in docs if not hasattr(d, "pdf")]
    assert len(failed) == (2 if fail else 0)


def test_a_pdf_whose_file_is_gone_is_made_again_into_the_case_file():
    """An earlier answers snapshot (Back) may name a PDF deleted since: the link makes it again."""
    doc, kept = collection("The ask"), {}
    assert add_pdf(doc, convert=Converter(), new_file=new_file, kept=kept) and kept["the_ask.pdf"] is doc.pdf
    os.remove(doc.pdf.path())
    assert add_pdf(doc, convert=Converter(), new_file=new_file, kept=kept) and doc.pdf.read() == b"%PDF of docx"


def test_a_rebuild_writes_into_the_same_files_and_deletes_the_last_builds_copies():
    kept, removed = {}, []
    first = [collection("Request to ICE", content=b"v1"), collection("The ask", content=b"v1")]
    keep_documents(kept, first, remove=removed.append)
    assert removed == [] and kept == {"request_to_ice.docx": first[0].docx, "the_ask.docx": first[1].docx}
    add_pdfs(first, convert=Converter(), new_file=new_file, kept=kept)
    kept["documents_zip"] = FakeFile("/cases/zip/not1more-documents.zip")
    stable, old_pdf = first[0].docx, first[0].pdf
    for version in (b"v2", b"v3", b"v4"):                              # three rebuilds, the ask no longer made
        again = [collection("Request to ICE", content=version)]
        fresh = again[0].docx
        keep_documents(kept, again, remove=removed.append)
        assert again[0].docx is stable and stable.read() == version and stable.committed
        assert fresh in removed and set(kept) == {"request_to_ice.docx"}
    assert old_pdf in removed and first[1].docx in removed and first[1].pdf in removed
    assert find_document(again, "request_to_ice") is again[0] and find_document(again, "the_ask") is None
