"""The caseboard's cards: read from a case's answers by name, sorted by what is due first."""
import datetime as dt
from types import SimpleNamespace

from docassemble.notonemore.caseboard import (ANSWER_NAMES, STAGES, CaseCard, NextDate, answers_of, board_cards,
                                              case_card, escape_html, own_sessions, sort_cards)

TODAY = dt.date(2019, 3, 4)   # a Monday


def d(days):
    return TODAY + dt.timedelta(days=days)


def card(name="Ana Ruiz", status="final_order", **answers):
    first, _, last = name.partition(" ")
    return case_card("s-" + first, {"client.name.first": first, "client.name.last": last,
                                     "custody_status": status, **answers}, TODAY, section="step3")


def test_the_next_date_is_the_nearest_date_still_ahead_that_the_custody_status_has():
    c = card(removal_date=d(9), check_in_date=d(3))
    assert c.next_date == NextDate(code="check_in", day=d(3), days_left=3)
    # a person ICE holds has no check-in: the removal date is next
    assert card(removal_date=d(9), check_in_date=d(3), client_detained=True).next_date.code == "removal"
    # a date that passed is not next; today is, with 0 days left
    assert card(removal_date=d(-1), check_in_date=d(0)).next_date == NextDate("check_in", d(0), 0)
    # a hearing counts for a person in court, not for a final order
    assert card(status="in_proceedings_free", hearing_date=d(20), check_in_date=d(30)).next_date.code == "hearing"
    assert card(hearing_date=d(5)).next_date is None
    # dates as an intake system sends them (ISO text) and as docassemble keeps them (datetimes)
    assert card(removal_date=d(4).isoformat()).next_date.day == d(4)
    assert card(removal_date=dt.datetime.combine(d(4), dt.time(9))).next_date.days_left == 4
    assert card(status="jail_with_ice_hold").next_date is None


def test_the_card_has_the_name_the_status_the_urgency_and_what_is_missing():
    c = card("Ana Ruiz", "final_order", removal_date=d(2), transfer_status="none",
             still_missing=["attorney_consult", "privacy_waiver"], **{"client.name.middle": "María"})
    assert c.name == "Ana María Ruiz"
    assert (c.custody_status, c.urgency) == ("final_order", "hours")
    assert c.missing == ("attorney_consult", "privacy_waiver")
    assert card(status="in_proceedings_free", hearing_date=d(60), transfer_status="expected").urgency == "hours"
    assert card(status="in_proceedings_free", hearing_date=d(60)).urgency == "weeks"
    assert card(status="jail_with_ice_hold").urgency == "hours"


def test_a_case_in_intake_says_where_it_stopped_and_a_finished_one_that_its_documents_are_made():
    assert card().stage == "step3" and card().in_intake
    done = card(documents_fingerprint="0123abcd")
    assert done.stage == "documents_made" and not done.in_intake
    fresh = case_card("s0", {}, TODAY)
    assert (fresh.name, fresh.custody_status, fresh.urgency, fresh.next_date, fresh.missing, fresh.stage) == \
        ("", None, None, None, (), "step1")
    assert case_card("s0", {}, TODAY, section="somewhere else").stage == "step1"
    assert set(STAGES) >= {"step1", "step3", "step4", "summary", "documents", "campaign"}


def test_cards_are_sorted_by_the_next_date_then_urgency_and_undated_cases_come_last():
    later = card("Bea Soto", removal_date=d(12), transfer_status="expected")   # hours: ICE may move her
    sooner = card("Caro Paz", status="in_proceedings_free", check_in_date=d(2))
    same_day_calmer = card("Ada Luz", status="in_proceedings_free", hearing_date=d(12))
    hold = card("Dan Rey", status="jail_with_ice_hold")             # undated, but hours
    calm = card("Eva Sol", status="in_proceedings_free")            # undated, weeks
    blank = case_card("s-new", {}, TODAY)                            # nothing known yet
    ordered = sort_cards([blank, calm, later, hold, same_day_calmer, sooner])
    assert [c.name for c in ordered] == ["Caro Paz", "Bea Soto", "Ada Luz", "Dan Rey", "Eva Sol", ""]


def test_answers_are_read_from_a_sessions_variables_by_their_names():
    client = SimpleNamespace(name=SimpleNamespace(first="José", last="O'Brien"))
    variables = {"client": client, "custody_status": "final_order", "removal_date": d(3), "other": 1}
    assert answers_of(variables) == {"client.name.first": "José", "client.name.last": "O'Brien",
                                     "custody_status": "final_order", "removal_date": d(3)}
    assert set(answers_of({"client": SimpleNamespace()})) == set()
    assert "custody_status" in ANSWER_NAMES


def test_the_board_reads_every_page_of_the_accounts_own_sessions():
    nav = SimpleNamespace(current="step4")
    pages = {None: ([{"session": "a", "dict": {"client": SimpleNamespace(name=SimpleNamespace(first="Ana")),
                                                 "custody_status": "final_order", "removal_date": d(20), "nav": nav}}],
                    "next"),
             "next": ([{"session": "b", "dict": {"custody_status": "jail_with_ice_hold"}},
                       {"session": "c", "dict": None}], None)}
    asked = []

    def listing(filename, next_id):
        asked.append((filename, next_id))
        return pages[next_id]

    rows = own_sessions("main.yml", listing)
    assert asked == [("main.yml", None), ("main.yml", "next")] and len(rows) == 3
    cards = board_cards(rows, TODAY)
    assert [(c.session, c.stage) for c in cards] == [("a", "step4"), ("b", "step1")]   # unreadable "c" left out
    assert isinstance(cards[0], CaseCard) and cards[0].as_dict()["next_date"]["days_left"] == 20


def test_a_name_shown_as_html_stays_text():
    assert escape_html('<b>Ana</b> "R" & co') == "&lt;b&gt;Ana&lt;/b&gt; &quot;R&quot; &amp; co"


# --- the card facts in the user's encrypted store ---
from docassemble.notonemore.caseboard import (card_facts, card_key, card_of_facts, delete_card, save_card,  # noqa: E402
                                              session_variables_of, stored_board_cards)


class _Store:
    def __init__(self):
        self.data, self.writes = {}, 0

    def set(self, key, value):
        self.data[key] = value
        self.writes += 1

    def get(self, key):
        return self.data.get(key)

    def delete(self, key):
        self.data.pop(key, None)


def test_card_facts_are_plain_and_give_the_same_card():
    import json
    answers = {"client.name.first": "Ana", "client.name.last": "Ruiz", "custody_status": "final_order",
               "removal_date": dt.datetime(2019, 5, 9, 0, 0), "still_missing": ["passport"],
               "documents_fingerprint": "abc"}
    facts = card_facts(answers, "summary")
    json.dumps(facts)
    assert facts["removal_date"] == "2019-05-09" and facts["documents_fingerprint"] is True
    today = dt.date(2019, 5, 1)
    assert card_of_facts("s1", facts, today) == case_card("s1", answers, today, "summary")
    assert card_facts({}, "nowhere") == {"section": None}


def test_save_card_writes_only_when_changed():
    store = _Store()
    last = save_card("s1", {"a": 1}, None, store)
    last = save_card("s1", {"a": 1}, last, store)
    assert store.writes == 1 and store.data[card_key("s1")] == {"a": 1}
    save_card("s1", {"a": 2}, last, store)
    assert store.writes == 2
    delete_card("s1", store)
    assert card_key("s1") not in store.data


def test_stored_board_cards_falls_back_for_sessions_without_a_card_and_skips_gone():
    today = dt.date(2019, 5, 1)
    stored = {"s1": card_facts({"client.name.first": "Ana"}, "step3")}
    asked = []

    def read_answers(missing):
        asked.append(missing)
        return {"s2": {"client": None}}

    cards = stored_board_cards(["s1", "s2", "s3"], stored.get, read_answers, today)
    assert sorted(card.session for card in cards) == ["s1", "s2"]
    assert asked == [["s2", "s3"]]
    assert {card.session: card.stage for card in cards}["s1"] == "step3"
    asked.clear()
    stored_board_cards(["s1"], stored.get, read_answers, today)
    assert asked == []


def test_session_variables_of_reads_few_one_by_one_and_many_in_one_listing():
    calls = []

    def listing(filename, session=None, next_id=None):
        calls.append(session)
        rows = [{"session": f"s{n}", "dict": {"n": n}} for n in range(10)] + [{"session": "bad", "dict": None}]
        return [row for row in rows if session is None or row["session"] == session], None
    assert session_variables_of("f", ["s9", "gone"], listing) == {"s9": {"n": 9}}
    assert calls == ["s9", "gone"]
    calls.clear()
    many = [f"s{n}" for n in range(7)] + ["bad"]
    assert session_variables_of("f", many, listing) == {f"s{n}": {"n": n} for n in range(7)}
    assert calls == [None]
