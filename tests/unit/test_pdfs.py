"""pdfs.add_pdfs: a PDF beside each DOCX, and a failed conversion that keeps the DOCX."""
from types import SimpleNamespace

import pytest

from docassemble.notonemore.pdfs import add_pdf, add_pdfs


class FakeFile:
    def __init__(self, path):
        self._path, self.committed = path, False

    def path(self):
        return self._path

    def commit(self):
        self.committed = True


def collection(name, docx=True):
    """What docassemble's attachment block makes: a DAFileCollection with a DOCX and its info."""
    doc = SimpleNamespace(info={"name": name, "filename": name.lower().replace(" ", "-"), "formats": ["docx"],
                                "valid_formats": ["docx"], "extension": {"docx": "docx"},
                                "mimetype": {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}})
    if docx:
        doc.docx = FakeFile(f"/cases/{name}.docx")
    return doc


class Converter:
    """Records each call; fails for the names in ``fail`` (all when ``fail`` is True), or raises."""
    def __init__(self, fail=(), raises=False):
        self.fail, self.raises, self.calls = fail, raises, []

    def __call__(self, docx_path, pdf_path, name, retry):
        self.calls.append((docx_path, pdf_path, name, retry))
        if self.raises:
            raise RuntimeError("LibreOffice is not available")
        return not (self.fail is True or name in self.fail)


def new_file(filename):
    return FakeFile("/cases/new/" + filename)


def test_each_docx_gets_its_pdf_named_in_its_formats():
    docs = [collection("Request to ICE"), collection("The ask")]
    convert = Converter()
    assert add_pdfs(docs, convert=convert, new_file=new_file) == []
    assert [c[:3] for c in convert.calls] == [("/cases/Request to ICE.docx", "/cases/new/request-to-ice.pdf", "request-to-ice"),
                                              ("/cases/The ask.docx", "/cases/new/the-ask.pdf", "the-ask")]
    for doc in docs:
        assert doc.pdf.committed and doc.pdf.path().endswith(".pdf")
        assert doc.info["formats"] == ["docx", "pdf"] and doc.info["valid_formats"] == ["docx", "pdf"]
        assert doc.info["extension"]["pdf"] == "pdf" and doc.info["mimetype"]["pdf"] == "application/pdf"
        assert doc.docx.path().endswith(".docx")                  # the DOCX stays


def test_a_failed_conversion_keeps_the_docx_and_names_the_document():
    docs = [collection("Request to ICE"), collection("The ask"), collection("Letter")]
    failed = add_pdfs(docs, convert=Converter(fail={"the-ask"}), new_file=new_file)
    assert failed == [docs[1]]
    assert not hasattr(docs[1], "pdf") and docs[1].info["formats"] == ["docx"]
    assert docs[1].docx.path() == "/cases/The ask.docx"
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
    assert convert.calls == [] and not hasattr(text, "pdf") and done.pdf.path() == "/cases/the-ask.pdf"


@pytest.mark.parametrize("fail", [True, ()], ids=["converter down", "converter up"])
def test_the_result_lists_exactly_the_documents_without_a_pdf(fail):
    docs = [collection("One"), collection("Two")]
    failed = add_pdfs(docs, convert=Converter(fail=fail), new_file=new_file)
    assert failed == [d for d in docs if not hasattr(d, "pdf")]
    assert len(failed) == (2 if fail else 0)
