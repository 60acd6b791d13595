"""Build the NLTK corpora docassemble needs, offline.

docassemble imports ``docassemble_pattern``, which looks for the ``wordnet``,
``wordnet_ic`` and ``sentiwordnet`` corpora at import time and tries to download
them when they are missing. This machine has no route to that download, so this
script builds them from Debian's ``wordnet-base`` and ``wordnet-sense-index``
packages (the real WordNet 3.0 database) plus two minimal files for the corpora
this product never uses (information content and sentiment scores).

Usage: python build_nltk_data.py TARGET_DIR
"""
from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

WORDNET_SRC = Path("/usr/share/wordnet")
WORDNET_FILES = [
    "adj.exc", "adv.exc", "cntlist.rev", "data.adj", "data.adv", "data.noun",
    "data.verb", "index.adj", "index.adv", "index.noun", "index.sense",
    "index.verb", "noun.exc", "verb.exc",
]
# WordNet 3.0's lexicographer files: number, name, part-of-speech number.
LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact "
    "noun.attribute noun.body noun.cognition noun.communication noun.event "
    "noun.feeling noun.food noun.group noun.location noun.motive noun.object "
    "noun.person noun.phenomenon noun.plant noun.possession noun.process "
    "noun.quantity noun.relation noun.shape noun.state noun.substance noun.time "
    "verb.body verb.change verb.cognition verb.communication verb.competition "
    "verb.consumption verb.contact verb.creation verb.emotion verb.motion "
    "verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl"
).split()
POS_NUMBER = {"noun": 1, "verb": 2, "adj": 3, "adv": 4}


def lexnames_text() -> str:
    """Return the contents of WordNet's ``lexnames`` file."""
    lines = []
    for number, name in enumerate(LEXNAMES):
        lines.append(f"{number:02d}\t{name}\t{POS_NUMBER[name.split('.')[0]]}")
    return "\n".join(lines) + "\n"


def build(target: Path) -> None:
    """Write the three corpora, as folders and as zip files, under ``target/corpora``."""
    corpora = target / "corpora"
    wordnet = corpora / "wordnet"
    wordnet.mkdir(parents=True, exist_ok=True)
    for name in WORDNET_FILES:
        source = WORDNET_SRC / name
        if not source.exists():
            raise SystemExit(f"missing {source}: install wordnet-base and wordnet-sense-index")
        shutil.copyfile(source, wordnet / name)
    (wordnet / "lexnames").write_text(lexnames_text())
    (wordnet / "LICENSE").write_text("WordNet 3.0, Princeton University (from Debian's wordnet-base).\n")

    ic = corpora / "wordnet_ic"
    ic.mkdir(parents=True, exist_ok=True)
    # Header line, then one root entry per part of speech so lookups have a maximum.
    (ic / "ic-brown.dat").write_text("wnver::stub\n1740n 1.0 ROOT\n1740v 1.0 ROOT\n")

    senti = corpora / "sentiwordnet"
    senti.mkdir(parents=True, exist_ok=True)
    (senti / "SentiWordNet_3.0.0.txt").write_text(
        "# POS\tID\tPosScore\tNegScore\tSynsetTerms\tGloss\n"
    )

    # docassemble checks for this file and downloads it when absent; the product
    # uses no multilingual WordNet, so an empty corpus is enough.
    omw = corpora / "omw-1.4"
    omw.mkdir(parents=True, exist_ok=True)
    (omw / "README").write_text("Empty: no multilingual WordNet is used.\n")

    for folder in (wordnet, ic, senti, omw):
        with zipfile.ZipFile(corpora / f"{folder.name}.zip", "w") as archive:
            for path in sorted(folder.rglob("*")):
                archive.write(path, path.relative_to(corpora).as_posix())


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    build(Path(sys.argv[1]))
