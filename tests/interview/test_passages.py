"""Free text only as reviewed: each passage the letters print is shown as it prints, confirmed or
edited, a Spanish one never printed raw, a first-person letter's "her" pointed out, and a changed
answer reviewed again."""
from tests.interview.test_branches import walk_to_summary
from tests.interview.test_documents import documents
from tests.support.cases import CASES, day

SPANISH = "[nombre], su hija, es ciudadana y va a la escuela."


def docs_of(screen):
    return {doc.name: " ".join(doc.text.split()) for doc in screen.attachments}


def words(screen):
    return " ".join((screen.question + " " + screen.subquestion).split())


def test_each_passage_is_shown_as_it_prints_before_the_documents():
    run, screens = walk_to_summary(CASES[4].answers(), stop=("documents screen",))
    ids = [s.id for s in screens]
    assert ids.index("review family details") < ids.index("review community details") < ids.index("documents screen")
    assert ids.index("review family details") > ids.index("signer")              # after the documents' questions
    family = screens[ids.index("review family details")]
    assert "This is what they will say, word for word:" in words(family) and "Two children, 6 and 9." in words(family)
    assert family.fields == ["family_details_reviewed"]
    assert "Spanish" not in words(family) and "This part says" not in words(family)
    assert run.value("reviewed_passages") == {"family_details": "Two children, 6 and 9.",
                                              "community_details": "Volunteers at church."}
    letter = docs_of(screens[-1])["Request to ICE"]
    assert "Two children, 6 and 9." in letter and "Volunteers at church." in letter


def test_an_edited_passage_is_what_prints_and_nothing_else_is_lost():
    answers = {**CASES[4].answers(), "community_details_reviewed": "Sings in the choir of St. Anne's every Sunday."}
    run, screen, docs = documents(answers)
    letter = docs["Request to ICE"]
    assert "Sings in the choir of St. Anne's every Sunday." in letter
    assert "Volunteers at church." not in letter
    assert run.value("community_details") == "Volunteers at church."          # the answer itself is kept
    assert "Two children, 6 and 9." in letter and "Ana Ruiz & <Co>" in letter


def test_a_spanish_passage_is_flagged_and_never_printed_raw():
    answers = {**CASES[4].answers(), "family_details": SPANISH}
    run, screens = walk_to_summary(answers, stop=("documents screen",))
    family = next(s for s in screens if s.id == "review family details")
    assert "This looks like it is in Spanish." in words(family) and SPANISH in words(family)
    assert run.value("family_details_reviewed") == ""                        # the box did not start with the Spanish
    assert "family_details" not in run.value("reviewed_passages")
    for name, text in docs_of(screens[-1]).items():
        assert "su hija" not in text, name
    # given in English, it prints
    run, screen, docs = documents({**answers, "family_details_reviewed": "Her daughter is a U.S. citizen and goes to school."})
    assert "Her daughter is a U.S. citizen and goes to school." in docs["Request to ICE"]
    assert "su hija" not in docs["Request to ICE"]


def test_spanish_given_as_the_english_text_still_stays_out():
    # an intake system (or a browser without the check) hands in Spanish as the confirmed text
    run, screen, docs = documents({**CASES[4].answers(), "family_details_reviewed": SPANISH})
    assert "family_details" not in run.value("reviewed_passages")
    assert "su hija" not in docs["Request to ICE"]


def test_a_first_person_letter_points_out_third_person_words():
    answers = {**CASES[3].answers(), "community_details": "Volunteers at her church with José."}    # the person writes
    run, screens = walk_to_summary(answers, stop=("documents screen",))
    community = next(s for s in screens if s.id == "review community details")
    assert "The letter speaks in your own voice (I, me, my). This part says: **her and José**. If that is you, change it to I, me or my." in words(community)
    family = next(s for s in screens if s.id == "review family details")
    assert "This part says" not in words(family)
    # someone else writing about the person: "her" is right, nothing to point out
    run, screens = walk_to_summary({**CASES[4].answers(), "community_details": "Volunteers at her church."},
                                   stop=("documents screen",))
    assert "This part says" not in words(next(s for s in screens if s.id == "review community details"))


def test_a_changed_answer_is_reviewed_again():
    run, screens = walk_to_summary(CASES[4].answers(), stop=("documents screen",))
    screen = run.answer({"community_details": "Coaches the soccer team at the school."}, mark_answered=False)
    assert screen.id == "review community details"
    assert "Coaches the soccer team at the school." in words(screen)
    screen = run.answer({"community_details_reviewed": "Coaches the soccer team at the school."})
    assert screen.id == "documents screen"                                   # nothing else is asked again
    letter = docs_of(screen)["Request to ICE"]
    assert "Coaches the soccer team at the school." in letter
    assert "Volunteers at church." not in letter and "Two children, 6 and 9." in letter


def test_the_short_first_request_asks_no_passage():
    run, screens = walk_to_summary(CASES[0].answers(), stop=("documents screen",))
    assert not [s.id for s in screens if s.id.startswith("review ")]
    assert run.value("reviewed_passages") == {}


def test_what_happened_is_reviewed_only_when_the_letter_can_print_it():
    answers = {**CASES[4].answers(), "private_history": {"arrests": True},
               "private_history_details": "Arrested in 2009 for a traffic matter; no charges."}
    run, screens = walk_to_summary(answers, stop=("documents screen",))
    assert "review private history details" not in [s.id for s in screens]  # not cleared: never printed
    assert "2009" not in docs_of(screens[-1])["Request to ICE"]
    cleared = {**answers, "attorney_cleared": True, "attorney_reviewer": "Lic. Marta Díaz",
               "attorney_reviewer_org": "Bar 12345", "attorney_review_date": day(-30),
               "cleared_disclosures": {"arrests": True}}
    run, screens = walk_to_summary(cleared, stop=("documents screen",))
    shown = next(s for s in screens if s.id == "review private history details")
    assert "Arrested in 2009 for a traffic matter; no charges." in words(shown)
    assert "Arrested in 2009 for a traffic matter; no charges." in docs_of(screens[-1])["Request to ICE"]


def test_the_case_summary_shows_each_passage_state():
    run, screens = walk_to_summary({**CASES[4].answers(), "family_details": SPANISH}, stop=("documents screen",))
    summary = run.action("case_summary_reviewed")
    rows = " ".join(" ".join(str(f.get("helptext", "")) for f in summary.raw["fields"]).split())
    assert "What the letter says about the family:** left out of the letter" in rows
    assert "What the letter says about the community:** checked, in the letter" in rows
    assert "about health" not in rows                                       # no health passage in this case
