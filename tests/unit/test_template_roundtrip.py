"""Every template survives Word-style editing: opened and saved in LibreOffice it is the same document.

An attorney or organizer changes a letter's wording by opening its DOCX in Word or LibreOffice
and saving it. These tests do what LibreOffice Writer's "Save as Word" does to every template
(one ``soffice`` call for all of them, once a session) and check that the saved copy
(a) still compiles, with docassemble's filters, and uses the same names;
(b) keeps every Jinja tag exactly as written (``tools/template_text.py``'s ``template_tags``);
(c) renders the same text as the original for the same values, with every ``{%p if %}``
    taken and with none taken (``tests/support/templates.py``);
(d) reads the same in review (``template_text.py``'s Markdown: a Save alone shows no diff);
and that one sentence changed in the saved copy changes that sentence and nothing else.
"""
from __future__ import annotations

import functools
import shutil
import sys
from pathlib import Path

import jinja2
import pytest
from docx import Document

from tests.support.templates import LibreOfficeSave, render_text, soffice, template_names

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import template_text  # noqa: E402

TEMPLATES = sorted((ROOT / "docassemble" / "notonemore" / "data" / "templates").glob("*.docx"))
IDS = [p.name for p in TEMPLATES]
NEW_SENTENCE = "This sentence was rewritten by an attorney in Word."

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed (make setup installs it)")


# one soffice call for every template, started with the first unit test (conftest's start_early)
# so that LibreOffice works while the other unit tests run; these tests run at the depth's end
SAVE = LibreOfficeSave(TEMPLATES)


def early(test):
    test.start_early = SAVE.start
    return test


@pytest.fixture(scope="session")
def saved() -> dict[str, Path]:
    """Every template as LibreOffice saves it, by file name (the time it took is printed with -s)."""
    copies = SAVE.result()
    print(f"\nLibreOffice saved {len(copies)} templates in {SAVE.seconds:.1f} s (in the background)")
    yield copies
    SAVE.close()


@functools.lru_cache(maxsize=None)
def _original(path: Path, truthy: bool) -> str:
    """A template of the repository, rendered once a session."""
    return render_text(path, truthy)


@functools.lru_cache(maxsize=None)
def _review(path: Path) -> str:
    """A template of the repository as Markdown, once a session."""
    return template_text.template_markdown(path)


@pytest.mark.parametrize("path", TEMPLATES, ids=IDS)
@early
def test_a_template_saved_by_libreoffice_compiles_with_the_same_names(path, saved):
    assert template_names(saved[path.name]) == template_names(path)


@pytest.mark.parametrize("path", TEMPLATES, ids=IDS)
@early
def test_a_template_saved_by_libreoffice_keeps_every_tag(path, saved):
    tags = template_text.template_tags(path)
    assert tags, "a template with no tags"
    assert template_text.template_tags(saved[path.name]) == tags


@pytest.mark.parametrize("truthy", [True, False], ids=["every if taken", "no if taken"])
@pytest.mark.parametrize("path", TEMPLATES, ids=IDS)
@early
def test_a_template_saved_by_libreoffice_renders_the_same_text(path, truthy, saved):
    assert render_text(saved[path.name], truthy) == _original(path, truthy)


@pytest.mark.parametrize("path", TEMPLATES, ids=IDS)
@early
def test_a_template_saved_by_libreoffice_reads_the_same_in_review(path, saved):
    assert template_text.template_markdown(saved[path.name]) == _review(path)


def _fixed_wording(document, rendered: str | None = None) -> tuple[object, str] | None:
    """The body's longest piece of fixed wording outside any tag (what a person would rewrite), with its paragraph.

    With ``rendered`` (the template's renderings), only a piece that one of them prints: a sentence
    in a middle ``{%p elif %}`` branch is printed by neither "every if taken" nor "none".
    """
    best = None
    for paragraph in document.paragraphs:
        for piece in template_text.JINJA_TAG.split(paragraph.text):
            piece = piece.strip()
            if rendered is not None and " ".join(piece.split()) not in rendered:
                continue
            if "{" not in piece and "}" not in piece and len(piece.split()) >= 4 and (best is None or len(piece) > len(best[1])):
                best = (paragraph, piece)
    return best


def _rewrite(paragraph, old: str, new: str) -> None:
    """Type ``new`` over ``old`` as in Word: the paragraph's text in its first run, which keeps its look."""
    text = paragraph.text.replace(old, new, 1)
    runs = paragraph.runs
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


# templates whose every word comes from a words file (data/sources/words) have no sentence to rewrite
EDITABLE = [p for p in TEMPLATES if _fixed_wording(Document(str(p)))]


def test_the_letters_have_wording_to_rewrite():
    assert {"pd_letter.docx", "officials_letter.docx", "ask_summary.docx", "reference_request_es.docx"} <= {p.name for p in EDITABLE}


@pytest.mark.parametrize("path", EDITABLE, ids=[p.name for p in EDITABLE])
@early
def test_a_sentence_changed_in_word_changes_only_that_sentence(path, saved, tmp_path):
    edited = tmp_path / path.name
    shutil.copy(saved[path.name], edited)
    document = Document(str(edited))
    paragraph, old = _fixed_wording(document, _original(path, True) + " " + _original(path, False))
    _rewrite(paragraph, old, NEW_SENTENCE)
    document.save(str(edited))
    old = " ".join(old.split())

    assert template_text.template_tags(edited) == template_text.template_tags(path)
    assert template_names(edited) == template_names(path)
    shown = False
    for truthy in (True, False):
        before, after = _original(path, truthy), render_text(edited, truthy)
        assert NEW_SENTENCE not in before
        shown = shown or NEW_SENTENCE in after
        # the new sentence where the old one was, every other word the same
        assert after.replace(NEW_SENTENCE, old) == before
    assert shown, "the rewritten sentence is in no rendering"
    # the review text shows the change and nothing else (bold and italic marks aside: the
    # rewritten paragraph takes its first run's look)
    plain = lambda markdown: " ".join(markdown.replace("*", "").split())  # noqa: E731
    markdown = template_text.template_markdown(edited)
    assert NEW_SENTENCE in markdown
    assert plain(markdown).replace(NEW_SENTENCE, old) == plain(_review(path))


# --- the checks above can fail --------------------------------------------------------------

def _copy(saved: dict[str, Path], name: str, tmp_path: Path) -> tuple[Path, "object"]:
    copy = tmp_path / name
    shutil.copy(saved[name], copy)
    return copy, Document(str(copy))


def _first_paragraph_with(document, start: str):
    return next(p for p in document.paragraphs if p.text.strip().startswith(start))


@early
def test_a_lost_endif_paragraph_is_caught(saved, tmp_path):
    path = next(p for p in TEMPLATES if "{%p endif %}" in template_text.template_tags(p))
    copy, document = _copy(saved, path.name, tmp_path)
    endif = _first_paragraph_with(document, "{%p endif %}")
    endif._element.getparent().remove(endif._element)
    document.save(str(copy))
    with pytest.raises(jinja2.TemplateSyntaxError):
        template_names(copy)
    assert template_text.template_tags(copy) != template_text.template_tags(path)


@early
def test_a_changed_tag_is_caught(saved, tmp_path):
    path = TEMPLATES[0]
    copy, document = _copy(saved, path.name, tmp_path)
    paragraph = next(p for p in document.paragraphs if "{{" in p.text)
    tag = template_text.JINJA_TAG.search(paragraph.text).group(0)
    _rewrite(paragraph, tag, "{{ a_name_nobody_defines }}")
    document.save(str(copy))
    assert template_text.template_tags(copy) != template_text.template_tags(path)
    assert render_text(copy, True) != _original(path, True)


@early
def test_a_changed_word_is_caught(saved, tmp_path):
    path = EDITABLE[0]
    copy, document = _copy(saved, path.name, tmp_path)
    paragraph, old = _fixed_wording(document)
    _rewrite(paragraph, old, old.replace(old.split()[1], "CHANGED", 1))
    document.save(str(copy))
    assert render_text(copy, True) != _original(path, True)
    assert template_text.template_markdown(copy) != _review(path)


def test_curly_quotes_word_types_inside_a_tag_render_as_docassemble_reads_them(tmp_path):
    """Word turns ' into ’ as one types; docassemble (and so this renderer) reads them as straight quotes."""
    straight, curly = tmp_path / "straight.docx", tmp_path / "curly.docx"
    for path, quote in ((straight, ("'", "'")), (curly, ("\u2018", "\u2019"))):
        document = Document()
        document.add_paragraph("{%p if x == " + quote[0] + "y" + quote[1] + " %}")
        document.add_paragraph("Office: {{ office(field_office)[" + quote[0] + "name" + quote[1] + "] }}.")
        document.add_paragraph("{%p endif %}")
        document.save(str(path))
    assert render_text(curly, True) == render_text(straight, True) == "Office: «office()['name']»."


@early
def test_a_tag_word_splits_across_runs_renders_the_same(saved, tmp_path):
    """Word splits a paragraph into runs where the look changes or spell-check marks a word, in
    the middle of a tag too; docxtpl joins a tag's runs again before Jinja reads it."""
    path = next(p for p in EDITABLE if p.name == "reference_request_en.docx")
    copy, document = _copy(saved, path.name, tmp_path)
    paragraph = next(p for p in document.paragraphs if "{{ client.name.first }}" in p.text and len(p.runs) == 1)
    text = paragraph.text
    cut = text.index("{{ client.name.first }}") + len("{{ client.na")
    paragraph.runs[0].text = text[:cut]
    tail = paragraph.add_run(text[cut:])
    tail.bold = True
    document.save(str(copy))
    assert len(Document(str(copy)).paragraphs[[p.text for p in document.paragraphs].index(text)].runs) == 2
    assert template_text.template_tags(copy) == template_text.template_tags(path)
    assert render_text(copy, True) == _original(path, True)
