"""tools/translations.py's pure parts: the XLIFF file read and written, and two copies merged."""
from tools import translations


def test_a_merge_takes_the_spanish_each_copy_has():
    ours = {"Yes": "Sí", "New on our side": "Nuevo de este lado", "Not yet translated": ""}
    theirs = {"Yes": "Sí (otro)", "New on their side": "Nuevo del otro lado", "Not yet translated": "Aún no"}
    merged = translations.merge(ours, theirs)
    assert merged == {"Yes": "Sí", "New on our side": "Nuevo de este lado", "Not yet translated": "Aún no",
                      "New on their side": "Nuevo del otro lado"}
    assert ours["Not yet translated"] == ""          # the inputs are left as they were


def test_the_file_reads_back_what_was_written(tmp_path):
    path = tmp_path / "es.xlf"
    translations.write({"Continue": "block a", "% if x:\nHi\n% endif\n": "block b"},
                       {"Continue": "Continuar", "% if x:\nHi\n% endif\n": "% if x:\nHola\n% endif\n"}, path)
    assert translations.read(path) == {"Continue": "Continuar", "% if x:\nHi\n% endif\n": "% if x:\nHola\n% endif\n"}
    # a copy merged into a file that lacks a string's Spanish fills it; the order is the interview's
    other = tmp_path / "other.xlf"
    translations.write({"Back": "block c"}, {"Back": "Atrás"}, other)
    merged = translations.merge({"Continue": "Continuar", "Back": ""}, translations.read(other))
    assert merged == {"Continue": "Continuar", "Back": "Atrás"}
