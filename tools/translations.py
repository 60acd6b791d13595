"""The Spanish translation file: every user-facing string of the interview, with its Spanish.

    python tools/translations.py          # add new English strings (empty Spanish), drop gone ones
    python tools/translations.py --check  # list the strings that have no Spanish; exit 1 if any
    python tools/translations.py --merge OTHER.xlf [...]   # also take the Spanish of other copies

``--merge`` is for a merge of two branches that both added strings: git's conflict in the file is
resolved by writing either side, then merging the other side's copy (``git show
BRANCH:docassemble/notonemore/data/sources/translations-es.xlf > /tmp/other.xlf``). A string's
Spanish is taken from this file first, then from the other copies in the order given; the
strings and their order are those of the merged interview.

The strings are those docassemble itself puts in a translation file: it reads each interview of ``ENTRIES``
with its "translating" switch on, and each block lists the texts it shows (questions, help,
labels, choices, buttons, templates, data). The file is XLIFF 1.2,
``data/sources/translations-es.xlf``, named by the ``translations`` block in main.yml.
The Spanish is written by hand in that file; it keeps the Mako of its English original.
"""
from __future__ import annotations

import hashlib
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
XLF = ROOT / "docassemble" / "notonemore" / "data" / "sources" / "translations-es.xlf"
MAIN = "docassemble.notonemore:data/questions/main.yml"
#: The interviews a user starts (each names the same translations file): the case, the advocate's caseboard, the attorney's review.
ENTRIES = (MAIN, "docassemble.notonemore:data/questions/caseboard.yml",
           "docassemble.notonemore:data/questions/attorney.yml")
NS = "urn:oasis:names:tc:xliff:document:1.2"
ET.register_namespace("", NS)


def strings(yaml_source: str | None = None) -> dict[str, str]:
    """English text -> the id of the first block that shows it, read by docassemble's parser.

    ``yaml_source`` is the text of an interview to read instead of main.yml (a test feeds one).
    """
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.support.headless import InterviewRun
    from docassemble.base.interview_source import InterviewSourceString, interview_source_from_string
    from docassemble.base.parse import Interview

    run = InterviewRun(MAIN)   # docassemble loaded, and its per-request state to parse in
    interviews = []
    with run._context():
        for entry in (ENTRIES if yaml_source is None else (None,)):
            if entry is not None:
                source = interview_source_from_string(entry)
                source.update()
            else:
                source = InterviewSourceString(content=yaml_source, directory=str(ROOT), package="docassemble.notonemore",
                                               path="docassemble.notonemore:data/questions/fed.yml")
            source.translating = True
            interviews.append(Interview(source=source))
    found: dict[str, str] = {}
    for question in (q for interview in interviews for q in interview.questions_list):
        if getattr(question, "language", "*") == "es":   # a block written in Spanish (language: es)
            continue
        for text in getattr(question, "translations", []):
            block = str(getattr(question, "id", None) or question.name)
            if block not in NAME_LISTS and not NOT_WORDS.match(text):
                found.setdefault(text, block)
    return found


# Not shown to anyone: the data blocks that list variable names, file names, action names.
NAME_LISTS = {"documents built", "free text answers", "language dependent"}
NOT_WORDS = re.compile(r"^(?:[a-z]+(?:_[a-z]+)+|not1more-[a-z0-9-]+)$")


def read(path: Path = XLF) -> dict[str, str]:
    """English text -> Spanish text ("" where there is none yet)."""
    if not path.exists():
        return {}
    units = ET.parse(path).getroot().iter(f"{{{NS}}}trans-unit")
    return {unit.find(f"{{{NS}}}source").text or "": (unit.find(f"{{{NS}}}target").text or "")
            if unit.find(f"{{{NS}}}target") is not None else "" for unit in units}


def missing(found: dict[str, str], spanish: dict[str, str]) -> list[str]:
    """The English strings that have no Spanish."""
    return [text for text in found if not spanish.get(text, "").strip()]


def merge(spanish: dict[str, str], *others: dict[str, str]) -> dict[str, str]:
    """``spanish`` with each string it has no Spanish for taken from the first of ``others`` that has it."""
    merged = dict(spanish)
    for other in others:
        for text, target in other.items():
            if target.strip() and not merged.get(text, "").strip():
                merged[text] = target
    return merged


def write(found: dict[str, str], spanish: dict[str, str], path: Path = XLF) -> None:
    root = ET.Element(f"{{{NS}}}xliff", version="1.2")
    file_el = ET.SubElement(root, f"{{{NS}}}file", {"source-language": "en", "target-language": "es",
                                                     "datatype": "plaintext", "original": MAIN})
    body = ET.SubElement(file_el, f"{{{NS}}}body")
    for text, block in found.items():
        unit = ET.SubElement(body, f"{{{NS}}}trans-unit", id=hashlib.md5(text.encode()).hexdigest()[:12])
        ET.SubElement(unit, f"{{{NS}}}note").text = block
        ET.SubElement(unit, f"{{{NS}}}source").text = text
        ET.SubElement(unit, f"{{{NS}}}target").text = spanish.get(text, "")
    ET.indent(root)
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n",
                    encoding="utf-8")


def main(argv: list[str]) -> int:
    found, spanish = strings(), read()
    if "--check" in argv:
        gaps = missing(found, spanish)
        for text in gaps:
            print(f"no Spanish ({found[text]}): {text[:100]!r}")
        print(f"{len(found)} strings, {len(gaps)} without Spanish")
        return 1 if gaps else 0
    if "--merge" in argv:
        spanish = merge(spanish, *(read(Path(other)) for other in argv[argv.index("--merge") + 1:]))
    write(found, spanish)
    print(f"{XLF.relative_to(ROOT)}: {len(found)} strings, {len(missing(found, spanish))} without Spanish")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
