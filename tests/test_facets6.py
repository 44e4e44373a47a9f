"""facets6: units written two ways, "May" the month, parts of a measure ("half a mile"),
lengths of time, a quote over two sentences, negations moved to another verb, days told from
today, frequencies, and a guard on pairing many equal figures."""

from __future__ import annotations

import pytest
from test_facets import doc, kinds

from compare import compare
from compare.facets import same_number, sentence_facets

Told = list[tuple[str, str, str | None, str | None]]


def whole(old: tuple[str, ...], new: tuple[str, ...]) -> Told:
    return [(c.kind, c.action, c.old, c.new) for c in compare(doc(*old), doc(*new)).changes]


# -- 1. one value, its unit written two ways ---------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The wall is 10 metres high.", "The wall is 10m high."),
        ("The new barrier is 2.5m tall.", "The new barrier is 2.5 metres tall."),
        ("The walk is 5 km long.", "The walk is 5 kilometres long."),
        ("The bag weighs 3 kg.", "The bag weighs 3 kilograms."),
        ("The fund raised £2m.", "The fund raised £2 million."),
    ],
)
def test_unit_written_two_ways_is_no_change(old: str, new: str) -> None:
    assert kinds(old, new) == []


def test_metres_short_still_changes_with_the_value() -> None:
    assert [k[:2] for k in kinds("The wall is 10 metres high.", "The wall is 12m high.")] == [
        ("number", "changed")
    ]


# -- 2. "May" the month --------------------------------------------------------------------------


def test_may_after_of_is_a_month() -> None:
    old = "We are looking at the end of April at the earliest."
    assert kinds(old, "We are looking at the middle of May at the earliest.") == [
        ("number", "changed", "April", "May")
    ]
    # The verb stays a verb.
    assert kinds("Talks resume in April.", "Talks may resume in April.") == [
        ("hedge", "added", None, "may")
    ]
    assert not sentence_facets("Some of May's ministers may resign before the vote.").numbers


# -- 3. a part of a measure -------------------------------------------------------------------


def test_half_a_mile_is_one_figure() -> None:
    old = "Residents within half a mile of the site were told to stay indoors."
    new = "Residents within a mile of the site were told to stay indoors."
    assert kinds(old, new) == [("number", "changed", "half a mile", "a mile")]
    told = whole((old,), (f"{new} The restriction was extended from half a mile at 4 p.m.",))
    assert ("number", "changed", "half a mile", "a mile") in told
    assert not any(k[2] == "half" or k[3] == "half" for k in told)


# -- 4. lengths of time ---------------------------------------------------------------------------


def test_minutes_and_half_an_hour_are_durations() -> None:
    def first(text: str) -> object:
        return sentence_facets(text).numbers[0]

    thirty, half_hour = first("Crews came within 30 minutes."), first("Crews came in half an hour.")
    assert same_number(thirty, half_hour)  # type: ignore[arg-type]
    assert not same_number(first("Crews came within 25 minutes."), half_hour)  # type: ignore[arg-type]
    assert same_number(first("It took 90 minutes."), first("It took an hour and a half."))  # type: ignore[arg-type]
    assert not same_number(first("It went 70 km an hour."), first("It took 70 hours."))  # type: ignore[arg-type]


# -- 5. a quote over two sentences ----------------------------------------------------------------


def test_quote_over_two_sentences_has_the_closing_sentences_speaker() -> None:
    lead = "Police closed the road on Monday. The fire started at noon."
    quote = '"The whole building shook. I thought it was an earthquake," said Dev Rana, nearby.'
    for old, new, action in (
        ((lead,), (lead, quote), "added"),
        ((lead, quote), (lead,), "removed"),
    ):
        told = compare(doc(*old), doc(*new)).changes
        details = [c.detail for c in told if c.kind == "quote"]
        assert details == [
            f'quote {action} (Dev Rana): "The whole building shook."',
            f'quote {action} (Dev Rana): "I thought it was an earthquake"',
        ], details
    # A quote that closes with no speaker is given none.
    unsaid = '"The whole building shook. I thought it was an earthquake." The road reopened.'
    told = compare(doc(lead), doc(lead, unsaid)).changes
    assert all("(" not in c.detail for c in told if c.kind == "quote")


# -- 6. a negation moved to another verb ------------------------------------------------------


def test_negation_moved_to_another_verb_is_a_flip() -> None:
    assert kinds(
        "Minister Paul Ressin did not resign after the report was published.",
        "Minister Paul Ressin resigned after the report was published but did not comment.",
    ) == [
        ("negation", "changed", "did not resign", "resigned"),
        ("negation", "added", None, "did not comment"),
    ]
    assert kinds(
        "The striker did not win the award after the final.",
        "The striker won the award after the final but did not attend.",
    ) == [
        ("negation", "changed", "did not win", "won"),
        ("negation", "added", None, "did not attend"),
    ]
    # Already read: the flip of "was not injured", the passengers a negation of their own.
    assert kinds(
        "Police said the driver was not injured.",
        "Police said the driver was injured, but no passengers were hurt.",
    ) == [
        ("negation", "changed", "was not injured", "was injured"),
        ("negation", "added", None, "no passengers"),
    ]
    # The same no to other words, or the clauses turned round: no flip.
    assert (
        kinds("The council did not approve the plan.", "The council did not back the plan.") == []
    )
    assert (
        kinds("He did not resign and did not comment.", "He did not comment and did not resign.")
        == []
    )


# -- 7. days told from today ---------------------------------------------------------------------


def test_days_told_from_today_are_dates() -> None:
    said = "The mayor said {} that the road would reopen."
    assert kinds(said.format("yesterday"), said.format("on Monday")) == [
        ("number", "changed", "yesterday", "Monday")
    ]
    assert kinds(said.format("yesterday"), said.format("today")) == [
        ("number", "changed", "yesterday", "today")
    ]
    assert kinds(said.format("last night"), said.format("last week")) == [
        ("number", "changed", "last night", "last week")
    ]
    # One side alone gives no date: nothing took its place.
    assert kinds("The mayor said that the road would reopen.", said.format("yesterday")) == []
    assert kinds(said.format("today"), said.format("today")) == []


# -- 8. how often ---------------------------------------------------------------------------------


def test_frequencies_without_a_count() -> None:
    assert kinds("It runs twice daily.", "It runs every week.") == [
        ("number", "changed", "daily", "every week")
    ]
    assert kinds("It runs hourly.", "It runs every two hours.") == [
        ("number", "changed", "hourly", "every two hours")
    ]
    # The same period written another way.
    assert kinds("Officials meet every week.", "Officials meet weekly.") == []
    assert kinds("It runs once a day.", "It runs every day.") == []
    assert kinds("It runs every other day.", "It runs every two days.") == []
    assert kinds("Each year the festival grows.", "Every year the festival grows.") == []


# -- 9. many figures of one value in one sentence ---------------------------------------------


def test_pairing_many_equal_figures_is_linear() -> None:
    from timing import in_units

    from compare.facets import clear_caches, compare_sentences

    def units(count: int) -> float:
        spans = ", then ".join(["an hour and a half"] * count)
        old, new = f"It took {spans}.", f"It took {spans} and two days."

        def run() -> tuple[object, ...]:
            clear_caches()
            return compare_sentences(old, new)

        told, spent = in_units(run, repeat=3)
        assert [(c.kind, c.action) for c in told] == [("number", "added")]
        return spent

    units(50)  # warm up (patterns compiled)
    small, large = units(250), units(1000)
    # Linear: ~4x. Pairing each figure with all its twins was ~16x (and 20 s at 2,000).
    assert large < 8 * max(small, 1.0) + 20
    assert large < 600


# -- 10. abroad: a past reported with a modal -----------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "cue"),
    [
        ("Der Täter soll geflohen sein.", "Der Täter ist geflohen.", "soll"),
        (
            "Der Mann soll am Montag in Berlin festgenommen worden sein.",
            "Der Mann wurde am Montag in Berlin festgenommen.",
            "soll",
        ),
        ("De dader zou zijn gevlucht.", "De dader is gevlucht.", "zou"),
        (
            "De verdachte zou aangehouden zijn, meldt de politie.",
            "De verdachte is aangehouden, meldt de politie.",
            "zou",
        ),
    ],
)
def test_german_and_dutch_modal_reports_a_past(old: str, new: str, cue: str) -> None:
    assert kinds(old, new) == [("hedge", "removed", cue, None)]


def test_a_modal_with_no_past_reports_nothing() -> None:
    assert kinds("Das Museum soll ein Hotel werden.", "Das Museum wird ein Hotel.") == []
    assert kinds("Die Stadt soll den Plan prüfen.", "Die Stadt prüft den Plan.") == []
    assert kinds("Het zou mooi zijn.", "Het is mooi.") == []


# -- 10. abroad: Arabic and Chinese weekdays and counts in words, Hebrew negation -----------------


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        ("سيعقد الاجتماع يوم الاثنين.", "سيعقد الاجتماع يوم الثلاثاء.", "الاثنين", "الثلاثاء"),
        ("تستمر الأشغال ستة أسابيع.", "تستمر الأشغال ثمانية أسابيع.", "ستة", "ثمانية"),
        ("会议将于周一举行。", "会议将于周二举行。", "周一", "周二"),
        ("工程将持续六周。", "工程将持续八周。", "六", "八"),
        ("警方逮捕了两个人。", "警方逮捕了三个人。", "两", "三"),
    ],
)
def test_arabic_and_chinese_figures_in_words(old: str, new: str, was: str, now: str) -> None:
    assert kinds(old, new) == [("number", "changed", was, now)]


def test_chinese_counts_are_not_weekdays_months_or_ranks() -> None:
    # "六周一直" is six weeks on end, not a Monday; "十一月" a month; "第三" a rank.
    assert [n.key for n in sentence_facets("工程将持续六周一直到十一月。").numbers] == ["6"]
    assert not sentence_facets("第三名选手获胜。").numbers
    assert kinds("会议将于周一举行。", "会议将于星期一举行。") == []


@pytest.mark.parametrize(
    ("old", "new", "told"),
    [
        ("הגשר אינו בטוח.", "הגשר בטוח.", ("negation", "changed", "הגשר אינו בטוח", "הגשר בטוח")),
        (
            "המשטרה לא עצרה את החשוד.",
            "המשטרה עצרה את החשוד.",
            ("negation", "changed", "המשטרה לא עצרה", "המשטרה עצרה"),
        ),
        ("אין נפגעים.", "יש נפגעים.", ("negation", "removed", "אין נפגעים", None)),
    ],
)
def test_hebrew_negations(
    old: str, new: str, told: tuple[str, str, str | None, str | None]
) -> None:
    assert kinds(old, new) == [told]


def test_hebrew_not_only_says_no_to_nothing() -> None:
    assert kinds("המשטרה לא רק עצרה את החשוד.", "המשטרה עצרה את החשוד.") == []
