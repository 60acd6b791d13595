"""Spanish throughout: every user-facing string of every question file has Spanish, a new
English string without Spanish is caught, and a walk of every screen in Spanish shows no
English sentence (a list of common English words that Spanish never uses)."""
import datetime as dt
import re

import pytest

from tests.support.readability import screen_text
from tests.support.cases import CASES
from tests.support.clock import interview_today, long_date
from tests.support.screens import EVERYONE, TYPED_IN_SPANISH, every_screen, question_ids, walk
from tools import translations

# Common English words that are not Spanish words. Names (people, ICE's offices, states,
# countries) are not on it; official English names are marked lang="en" and left out.
ENGLISH = {"the", "and", "you", "your", "with", "what", "which", "when", "this", "that", "have", "has",
           "will", "not", "are", "is", "of", "to", "for", "from", "yes", "please", "need", "must", "can",
           "does", "do", "it", "they", "them", "their", "there", "be", "been", "an", "or", "if", "about",
           "after", "before", "who", "how", "why", "would", "should", "could", "our", "we", "us", "all",
           "any", "in", "on", "at", "by", "case", "name", "date", "yet", "now", "here", "more", "only"}
WORD = re.compile(r"[0-9A-Za-zÁÉÍÓÚÜÑáéíóúüñ']+")   # a token with a digit (Not1More) is a name


# Legal terms a Spanish text names in English on purpose, so the family knows them on papers.
ENGLISH_TERMS = re.compile(r"stay of removal|deferred action|green card|ICE hold|detainer|A-number|bar number|"
                           r"ICE Public Advocate|DRAFT – for attorney review", re.I)


def english_words(text: str) -> list[str]:
    return sorted({w for w in WORD.findall(ENGLISH_TERMS.sub(" ", text)) if w.lower() in ENGLISH})


def _drop_english(text: str) -> str:
    """Each element marked lang="en" taken out, with what it holds (nested tags counted)."""
    while (start := re.search(r'<(span|a|div)\b[^>]*\blang="en"[^>]*>', text)):
        tag, depth, pos = start.group(1), 1, start.end()
        for tag_match in re.finditer(rf"<(/?){tag}\b[^>]*>", text[pos:]):
            depth += -1 if tag_match.group(1) else 1
            if depth == 0:
                text = text[:start.start()] + " " + text[pos + tag_match.end():]
                break
        else:
            text = text[:start.start()]
    return text


def without_english_parts(value):
    """Text marked lang="en" (official English names, English public texts) taken out of a screen's data."""
    if isinstance(value, str):
        return _drop_english(value)
    if isinstance(value, dict):
        return {k: without_english_parts(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_english_parts(v) for v in value]
    return value


@pytest.fixture(scope="module")
def found():
    return translations.strings()


def test_every_string_of_every_question_file_has_spanish(found):
    assert len(found) > 300
    assert translations.missing(found, translations.read()) == []


def test_a_new_english_string_without_spanish_is_caught():
    fed = translations.strings(
        "include:\n  - docassemble.notonemore:data/questions/main.yml\n---\n"
        "id: a new screen\nquestion: A brand new question nobody has translated\n"
        "subquestion: It has help text too.\nfield: new_answer\n")
    gaps = translations.missing(fed, translations.read())
    assert gaps == ["A brand new question nobody has translated", "It has help text too."]


def test_the_english_detector_finds_english():
    assert english_words("¿Dónde está usted? Where are you in the process?") == ["are", "in", "the", "you"]
    assert english_words("¿En qué parte del proceso de deportación está usted?") == []


@pytest.fixture(scope="module")
def spanish_screens():
    return every_screen("es")


def test_every_screen_in_spanish_shows_no_english(spanish_screens):
    english = {}
    for _, screen in spanish_screens:
        raw = without_english_parts(screen.raw)
        text = screen_text(raw) + " " + raw.get("continueLabel", "") + " " + raw.get("backTitle", "")
        text += " " + " ".join(doc.name for doc in screen.attachments)   # the documents' names, as listed
        if english_words(text):
            english[screen.id] = (english_words(text), text[:300])
    assert english == {}, "\n".join(f"{k}: {v}" for k, v in english.items())
    assert {s.id for _, s in spanish_screens} == question_ids()


def test_spanish_dates_and_words(spanish_screens):
    texts = " ".join(screen_text(s.raw) for _, s in spanish_screens)
    assert re.search(r"Revisado el \d{1,2} de [a-z]+ de 20\d\d", texts)      # a date in Spanish
    assert "Continuar" in {s.raw.get("continueLabel") for _, s in spanish_screens}
    assert "Lo tiene" in texts and "Have it" not in texts
    # an attorney's review, in the family's words (review_case.yml)
    assert "Revisión del abogado: todavía no se pidió." in texts
    assert any("[Compartir con un abogado en esta aplicación](" in str(s.raw) for _, s in spanish_screens)
    assert "¿Está de acuerdo en compartir el caso con un abogado que revisa las cartas en esta aplicación?" in texts
    assert "El abogado ya no puede ver el caso" in texts


ENGLISH_DOCUMENTS = ("not1more-request-to-ice", "not1more-privacy-waiver-cover", "not1more-letter-for-officials",
                     "not1more-support-letter-request-en", "not1more-attorney-review-sheet")
ENGLISH_PUBLIC_TEXTS = ("not1more-campaign-kit", "not1more-petition-texts", "not1more-petition-targets",
                        "not1more-organizing-plan", "not1more-after-the-decision")
SAME_IN_BOTH = [
    ("detained", CASES[1].answers(), ENGLISH_DOCUMENTS),
    ("final order, public texts in English", {**CASES[3].answers(), "consent": EVERYONE, "public_a_number_ok": True,
                                               "public_languages": "en"}, ENGLISH_DOCUMENTS + ENGLISH_PUBLIC_TEXTS),
]


@pytest.mark.parametrize("answers, filenames", [c[1:] for c in SAME_IN_BOTH], ids=[c[0] for c in SAME_IN_BOTH])
def test_the_english_documents_are_the_same_in_a_spanish_session(answers, filenames):
    """What goes to ICE, to officials, to an English-speaking supporter, to the attorney and to an
    English-speaking public is in English whatever language the family uses on screen: word for
    word what an English session makes."""
    from tests.interview.test_campaign import text_of
    texts, days = {}, {}
    for language in ("en", "es", "en"):
        if language == "en" and days and days.get("en") == days.get("es"):
            break   # both made on the same day; a walk that crossed midnight is walked again
        run, walked = walk(answers, before={"user_language": language} if language == "es" else None)
        texts[language] = {d.filename: text_of(d) for d in walked[-1].attachments if d.filename in filenames}
        days[language] = interview_today(run)
    assert days["en"] == days["es"]
    assert set(texts["en"]) == set(filenames)
    for filename in filenames:
        assert texts["es"][filename] == texts["en"][filename], filename


def test_the_familys_summary_is_in_spanish_and_no_document_shows_markup():
    """The ask summary is the family's own page: in Spanish for a Spanish session. The screens'
    words mark English terms for screen readers; documents show the words, not the marks."""
    run, walked = walk({**CASES[3].answers(), **TYPED_IN_SPANISH}, before={"user_language": "es"})
    docs = {d.filename: d.text for d in walked[-1].attachments}
    summary = docs["not1more-ask-summary"]
    today = interview_today(run)   # the interview's own clock; the walk may have crossed midnight
    prepared = {long_date(today, "es"), long_date(today - dt.timedelta(days=1), "es")}
    for spanish in ("Plan de campaña: lo que pedimos", "Persona que enfrenta la deportación: José", "Lo que pedimos",
                    "Suspensión de la deportación", "Quién decide", "Cuidado", "no un consejo legal"):
        assert spanish in summary, spanish
    for english in ("Campaign plan", "The ask", "Who decides", "Be careful", "Still missing", "Prepared on",
                    "How urgent", "legal advice"):
        assert english not in summary, english
    # the date in Spanish, and who prepared it in words that read as Spanish (CASES[3]: the person)
    assert any(f"Preparado el {day} por la persona que enfrenta la deportación." in summary for day in prepared), prepared
    for translated in ("Lo hizo:", "defensor", "notario", "un estatus legal"):
        assert translated not in summary, translated
    for filename, text in docs.items():
        assert "<span" not in text and "lang=" not in text and "</" not in text, filename


def test_the_check_in_day_sheet_is_the_familys_in_spanish(spanish_screens):
    """The check-in day sheet is the family's: a Spanish session gets the Spanish DOCX (written as
    Spanish, dates the Spanish way), with the same people, numbers and links as the English one."""
    end = [s for name, s in spanish_screens if name == CASES[4].name and s.id == "documents screen"][-1]
    docs = {d.filename: " ".join(d.text.split()) for d in end.attachments}
    sheet = docs["not1more-dia-de-la-cita"]
    assert "not1more-check-in-day" not in docs
    for spanish in ("El día de la audiencia en la corte de José", "Qué llevar", "Quién acompaña", "Rosa Peña, 555-301-7788",
                    "El abogado de guardia", "Lic. Elena Torres, 619-555-0142", "Si ICE se queda con José",
                    "localizador de detenidos de ICE: https://locator.ice.gov/odls/", "número A (A 123-456-789)",
                    "país de nacimiento (México; en el localizador, «Mexico»)",
                    "1-888-351-4024 (hablan español)", "Los niños", "no es consejo legal"):
        assert spanish in sheet, spanish
    assert re.search(r"\*?\d{1,2} de [a-z]+ de 20\d\d", sheet)
    for english in ("What to bring", "Who goes along", "If ICE keeps", "legal advice", "April 12, 1988"):
        assert english not in sheet, english
