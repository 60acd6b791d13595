"""Business days: weekends and U.S. federal holidays, with their observed days, are not business days."""
import datetime as dt

import pytest

from docassemble.notonemore.business_days import (add_business_days, business_days_between, holiday_name, is_business_day,
                                                  is_holiday, next_business_day, previous_business_day)


@pytest.mark.parametrize("day,name", [
    (dt.date(2015, 7, 3), "Independence Day (observed)"),     # July 4 on a Saturday: the Friday before
    (dt.date(2021, 7, 5), "Independence Day (observed)"),     # July 4 on a Sunday: the Monday after
    (dt.date(2019, 11, 28), "Thanksgiving Day"),
    (dt.date(2022, 6, 20), "Juneteenth National Independence Day (observed)"),  # June 19 on a Sunday
    (dt.date(2019, 12, 25), "Christmas Day"),
    (dt.date(2019, 1, 21), "Martin Luther King Jr. Day"),
])
def test_federal_holidays_and_their_observed_days_are_not_business_days(day, name):
    assert holiday_name(day) == name and is_holiday(day)
    assert not is_business_day(day)


def test_juneteenth_counts_from_2021_only():
    assert not is_business_day(dt.date(2023, 6, 19))
    assert is_business_day(dt.date(2019, 6, 19))              # a Wednesday before the holiday existed


def test_weekends_are_not_business_days_and_weekdays_are():
    monday = dt.date(2019, 3, 4)
    assert [is_business_day(monday + dt.timedelta(days=n)) for n in range(7)] == [True] * 5 + [False] * 2
    assert not is_holiday(dt.date(2019, 3, 9))                # a Saturday is not a holiday, just not a business day


def test_next_and_previous_business_day():
    friday_before_july_4 = dt.date(2015, 7, 3)                # observed holiday
    assert next_business_day(friday_before_july_4) == dt.date(2015, 7, 6)
    assert previous_business_day(friday_before_july_4) == dt.date(2015, 7, 2)
    assert next_business_day(dt.date(2015, 7, 2)) == dt.date(2015, 7, 2)
    assert next_business_day(dt.date(2015, 7, 2), include=False) == dt.date(2015, 7, 6)
    assert previous_business_day(dt.date(2019, 11, 29), include=False) == dt.date(2019, 11, 27)   # over Thanksgiving


def test_add_business_days_skips_weekends_and_holidays():
    assert add_business_days(dt.date(2019, 11, 27), 1) == dt.date(2019, 11, 29)
    assert add_business_days(dt.date(2019, 12, 20), 3) == dt.date(2019, 12, 26)   # Fri + Mon, Tue, (Christmas), Thu
    assert add_business_days(dt.date(2019, 12, 26), -3) == dt.date(2019, 12, 20)
    assert add_business_days(dt.date(2019, 12, 21), 0) == dt.date(2019, 12, 21)


def test_business_days_between_counts_the_days_after_the_start():
    # an ICE hold placed on the Wednesday before Thanksgiving: Friday and Monday are its two business days
    assert business_days_between(dt.date(2019, 11, 27), dt.date(2019, 12, 2)) == 2
    assert business_days_between(dt.date(2019, 12, 2), dt.date(2019, 11, 27)) == 0


def test_datetimes_are_taken_as_dates():
    assert not is_business_day(dt.datetime(2019, 11, 28, 9, 30))
    assert next_business_day(dt.datetime(2019, 11, 28, 9, 30)) == dt.date(2019, 11, 29)
