from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from eventwatch.config import load_config
from eventwatch.geo import run
from eventwatch.geo.assign import main_place
from eventwatch.geo.gazetteer import Gazetteer
from eventwatch.records import (
    Actor,
    Analysis,
    Claim,
    EventMention,
    ParsedArticle,
    Place,
    Plover,
    Precision,
    Source,
    SourceKind,
    Span,
    Stance,
)

TEXT = (
    "ALEPPO, Syria (Reuters) - Residents reported heavy fighting on Sunday.\n\n"
    "Government aircraft bombed Saraqib in Idlib province on Monday.\n\n"
    "Officials in Damascus said talks would resume."
)


def _event(parsed: ParsedArticle, trigger: str, sentence_index: int, evidence: str | None) -> EventMention:
    start = parsed.article.text.index(trigger)
    ev = (
        (Span(parsed.article.text.index(evidence), parsed.article.text.index(evidence) + len(evidence)),)
        if evidence
        else ()
    )
    return EventMention(
        id=trigger,
        article_id="t",
        sentence_index=sentence_index,
        evidence=ev,
        trigger=Span(start, start + len(trigger)),
        plover=Plover.ASSAULT,
    )


def _run(parsed: ParsedArticle, events: tuple[EventMention, ...], gaz: Gazetteer) -> Analysis:
    cfg = load_config(gazetteer_path=str(gaz.path))
    return next(run([Analysis(parsed=parsed, event_mentions=events)], cfg))


def test_run_fills_places_and_clause_location(gaz: Gazetteer, parse: Callable[[str], ParsedArticle]) -> None:
    parsed = parse(TEXT)
    out = _run(parsed, (_event(parsed, "bombed", 1, "Government aircraft bombed Saraqib in Idlib province"),), gaz)
    assert {p.name for p in out.places} >= {"ALEPPO", "Saraqib", "Idlib", "Damascus"}
    (em,) = out.event_mentions
    assert [p.name for p in em.locations] == ["Saraqib"]  # Idlib province is coarser and contains it
    assert em.locations[0].rule == "clause"


def test_run_falls_back_to_dateline(gaz: Gazetteer, parse: Callable[[str], ParsedArticle]) -> None:
    parsed = parse(TEXT)
    out = _run(parsed, (_event(parsed, "fighting", 0, None),), gaz)
    (place,) = out.event_mentions[0].locations
    assert place.name == "ALEPPO" and place.rule in {"sentence", "dateline"}


def test_run_the_dateline_is_not_the_first_sentence_clause(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    # The parser reads "BAGHDAD -" into the first sentence; the offensive is in Mosul, where the clause says.
    text = (
        "BAGHDAD - The coalition provided 24,000 gas masks to Iraqi forces during training in preparation for "
        "the Mosul offensive."
    )
    parsed = parse(text)
    out = _run(parsed, (_event(parsed, "offensive", 0, text),), gaz)
    assert [(p.name, p.rule) for p in out.event_mentions[0].locations] == [("Mosul", "clause")]


def test_run_article_without_places_gives_no_location(gaz: Gazetteer, parse: Callable[[str], ParsedArticle]) -> None:
    parsed = parse("Talks were held and a statement was issued afterwards.")
    out = _run(parsed, (_event(parsed, "held", 0, None),), gaz)
    assert out.places == () and out.event_mentions[0].locations == ()


def test_run_a_country_that_acts_is_not_where_it_happened(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    parsed = parse("U.S. airstrikes hit al-Qaida vehicles near Sarmada, Syria, on Monday.")
    out = _run(parsed, (_event(parsed, "airstrikes", 0, "U.S. airstrikes hit al-Qaida vehicles near Sarmada"),), gaz)
    assert [p.name for p in out.event_mentions[0].locations] == ["Sarmada"]


def test_run_a_country_only_clause_takes_the_article_city_inside_it(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    text = (
        "BAGHDAD, Iraq (AP) - Protesters gathered in Baghdad on Friday.\n\n"
        "Police fired tear gas at demonstrators across Iraq, officials said."
    )
    parsed = parse(text)
    out = _run(parsed, (_event(parsed, "fired", 1, "Police fired tear gas at demonstrators across Iraq"),), gaz)
    (place,) = out.event_mentions[0].locations
    assert place.name == "BAGHDAD" and place.rule == "dateline"


def test_run_a_country_clause_keeps_the_country_when_the_article_city_lies_elsewhere(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    text = "BEIRUT, Lebanon (AP) - Officials met on Friday.\n\nGunmen attacked a convoy in Syria on Thursday."
    parsed = parse(text)
    out = _run(parsed, (_event(parsed, "attacked", 1, "Gunmen attacked a convoy in Syria"),), gaz)
    assert [p.name for p in out.event_mentions[0].locations] == ["Syria"]


def test_run_a_casualty_home_town_is_not_where_he_died(gaz: Gazetteer, parse: Callable[[str], ParsedArticle]) -> None:
    parsed = parse("Army Sgt. James R. Miller, 27, of Bangor, Maine, died Tuesday in Baghdad, Iraq, of wounds.")
    out = _run(parsed, (_event(parsed, "died", 0, "died Tuesday in Baghdad, Iraq, of wounds"),), gaz)
    names = [p.name for p in out.event_mentions[0].locations]
    assert names == ["Baghdad"]


def test_run_an_office_seat_does_not_place_the_event(gaz: Gazetteer, parse: Callable[[str], ParsedArticle]) -> None:
    text = (
        "Protesters gathered in Basra on Friday.\n\n"
        "Gunmen stormed a police station on Sunday, the spokesman for the governor of Anbar said."
    )
    parsed = parse(text)
    out = _run(parsed, (_event(parsed, "stormed", 1, "Gunmen stormed a police station on Sunday"),), gaz)
    assert [p.name for p in out.event_mentions[0].locations] == ["Basra"]


def test_run_a_state_acts_from_its_capital(gaz: Gazetteer, parse: Callable[[str], ParsedArticle]) -> None:
    text = (
        "Iraq issued arrest warrants for 12 former officials on Monday, state media reported.\n\n"
        "A judge in Baghdad said the men had fled to Iraq's Kurdistan region, and police across Iraq were told "
        "to detain them. Relatives in Iraq denied the charges."
    )
    parsed = parse(text)
    event = _event(parsed, "issued", 0, "Iraq issued arrest warrants for 12 former officials")
    event = replace(event, actor1=Actor("Iraq", Span(0, 4)))
    (place,) = _run(parsed, (event,), gaz).event_mentions[0].locations
    assert place.name == "Baghdad"


def test_run_a_state_without_its_capital_named_stays_the_country(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    parsed = parse("Iraq issued arrest warrants for 12 former officials on Monday, state media in Iraq reported.")
    event = replace(_event(parsed, "issued", 0, "Iraq issued arrest warrants"), actor1=Actor("Iraq", Span(0, 4)))
    assert [p.name for p in _run(parsed, (event,), gaz).event_mentions[0].locations] == ["Iraq"]


def test_run_a_country_left_is_the_place(gaz: Gazetteer, parse: Callable[[str], ParsedArticle]) -> None:
    text = "The White House said U.S. troops would be leaving Afghanistan by September."
    parsed = parse(text)
    start = text.index("Afghanistan")
    event = replace(
        _event(parsed, "leaving", 0, "U.S. troops would be leaving Afghanistan"),
        actor2=Actor("Afghanistan", Span(start, start + len("Afghanistan"))),
    )
    assert [p.name for p in _run(parsed, (event,), gaz).event_mentions[0].locations] == ["Afghanistan"]


def test_run_a_sentence_without_a_place_continues_at_the_last_town(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    text = (
        "Rebels shelled a checkpoint near Maarat al-Numan, Syria, on Friday, the monitor said.\n"
        "A second shell hit the market itself an hour later, it added."
    )
    parsed = parse(text)
    out = _run(parsed, (_event(parsed, "hit", 1, "A second shell hit the market itself an hour later"),), gaz)
    (place,) = out.event_mentions[0].locations
    assert place.name == "Maarat al-Numan" and place.rule == "context"


def test_run_a_new_paragraph_does_not_continue_at_the_last_town(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    text = (
        "Syrian rebels said on Friday that the wounded commander was taken to a hospital in Maarat al-Numan.\n\n"
        "A spokesman for the Syrian government confirmed that two suspects were arrested."
    )
    parsed = parse(text)
    out = _run(parsed, (_event(parsed, "arrested", 1, "two suspects were arrested"),), gaz)
    assert all(p.rule != "context" for p in out.event_mentions[0].locations)


def test_run_a_country_clause_keeps_the_country_over_the_most_mentioned_city(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    text = (
        "Officials in Damascus welcomed the ceasefire in Syria announced by Russia and Turkey.\n\n"
        "Talks in Damascus continued on Friday."
    )
    parsed = parse(text)
    out = _run(parsed, (_event(parsed, "ceasefire", 0, "the ceasefire in Syria announced by Russia and Turkey"),), gaz)
    assert [p.name for p in out.event_mentions[0].locations] == ["Syria"]


def _events_run(
    parsed: ParsedArticle, specs: list[tuple[str, int, str, Plover]], gaz: Gazetteer
) -> tuple[EventMention, ...]:
    events = tuple(replace(_event(parsed, t, i, ev), plover=plover) for t, i, ev, plover in specs)
    return _run(parsed, events, gaz).event_mentions


def test_run_an_event_named_again_keeps_its_town(gaz: Gazetteer, parse: Callable[[str], ParsedArticle]) -> None:
    text = (
        "On Saturday, thousands of opposition supporters held a rally in Kharkiv, Ukraine.\n\n"
        "Police officers in Ukraine detained six activists before the vote. Riot police were deployed during the "
        "rally."
    )
    parsed = parse(text)
    specs = [
        ("rally", 0, "thousands of opposition supporters held a rally in Kharkiv", Plover.PROTEST),
        ("deployed", 2, "Riot police were deployed during the rally", Plover.MOBILIZE),
    ]
    _, second = _events_run(parsed, specs, gaz)
    assert [(p.name, p.rule) for p in second.locations] == [("Kharkiv", "coreference")]


def test_run_a_demand_is_placed_where_it_was_said(gaz: Gazetteer, parse: Callable[[str], ParsedArticle]) -> None:
    text = (
        "Iran's president demanded on Sunday that foreign navies withdraw from the region.\n\n"
        "He made the demand in a speech delivered in Tehran. Iran and Iraq signed a trade deal last year."
    )
    parsed = parse(text)
    specs = [("demanded", 0, "Iran's president demanded on Sunday that foreign navies withdraw", Plover.REQUEST)]
    (event,) = _events_run(parsed, specs, gaz)
    assert [(p.name, p.rule) for p in event.locations] == [("Tehran", "speech")]


def test_run_a_place_in_a_source_name_counts_for_the_article_only(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    text = (
        "Officials in Kyiv said shelling destroyed a school on Monday.\n\n"
        "Shelling also hit Kharkiv, Ukraine. Residents of Kharkiv fled west."
    )
    parsed = parse(text)
    source = Source("Officials in Kyiv", SourceKind.OFFICIAL, Span(0, len("Officials in Kyiv")))
    claim = Claim(source=source, stance=Stance.ASSERT, evidence=Span(0, 10))
    event = replace(_event(parsed, "destroyed", 0, "shelling destroyed a school on Monday"), claims=(claim,))
    out = _run(parsed, (event,), gaz)
    assert any(p.name == "Kyiv" for p in out.places)
    assert [(p.name, p.rule) for p in out.event_mentions[0].locations] == [("Kharkiv", "article")]


def test_run_a_sentence_naming_an_unknown_place_does_not_continue_at_the_last_town(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    text = (
        "Near Ar Raqqah, two strikes destroyed a checkpoint.\nNear Qzxwvut Zayr, one strike destroyed an oil pump jack."
    )
    parsed = parse(text)
    out = _run(parsed, (_event(parsed, "destroyed an oil", 1, "one strike destroyed an oil pump jack"),), gaz)
    assert all(p.rule != "context" for p in out.event_mentions[0].locations)


def test_run_a_definite_noun_with_its_own_modifiers_names_another_event(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    text = (
        "On Saturday, gunmen launched an attack in Kirkuk, Iraq.\n\n"
        "The attack on December 27th was planned abroad, militia leaders said."
    )
    parsed = parse(text)
    specs = [
        ("attack", 0, "gunmen launched an attack in Kirkuk", Plover.ASSAULT),
        ("planned", 1, "The attack on December 27th was planned abroad", Plover.ASSAULT),
    ]
    _, second = _events_run(parsed, specs, gaz)
    assert all(p.rule != "coreference" for p in second.locations)


def _with_reports(parsed: ParsedArticle, event: EventMention, *reports: str) -> EventMention:
    text = parsed.article.text
    spans = tuple(Span(text.index(r), text.index(r) + len(r)) for r in reports)
    return replace(event, evidence=event.evidence + spans)


def test_run_a_further_report_without_a_place_adds_the_town_before_it(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    text = (
        "Government aircraft bombed a market in Saraqib on Monday, the monitor said.\n"
        "Rebel fighters pushed towards the edge of Maarat al-Numan. To cover that push, allied gunners fired "
        "dozens of shells overnight."
    )
    parsed = parse(text)
    event = _with_reports(
        parsed,
        _event(parsed, "bombed", 0, "Government aircraft bombed a market in Saraqib on Monday"),
        "allied gunners fired dozens of shells overnight",
    )
    places = _run(parsed, (event,), gaz).event_mentions[0].locations
    assert [(p.name, p.rule) for p in places] == [("Saraqib", "clause"), ("Maarat al-Numan", "context")]


def test_run_a_further_report_naming_other_places_adds_nothing(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    text = (
        "Government aircraft bombed a market in Saraqib on Monday, the monitor said.\n"
        "Rebel fighters pushed towards the edge of Maarat al-Numan. The raid came a week after shelling in Homs."
    )
    parsed = parse(text)
    event = _with_reports(
        parsed,
        _event(parsed, "bombed", 0, "Government aircraft bombed a market in Saraqib on Monday"),
        "The raid came a week after shelling",
    )
    places = _run(parsed, (event,), gaz).event_mentions[0].locations
    assert [p.name for p in places] == ["Saraqib"]


def test_run_the_events_own_clause_says_where_before_clauses_merged_into_it(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    parsed = parse(TEXT)
    event = _event(parsed, "bombed", 1, "Government aircraft bombed Saraqib in Idlib province")
    retold = "Officials in Damascus said talks would resume"
    start = parsed.article.text.index(retold)
    event = replace(event, evidence=(*event.evidence, Span(start, start + len(retold))))
    (em,) = _run(parsed, (event,), gaz).event_mentions
    assert [(p.name, p.rule) for p in em.locations] == [("Saraqib", "clause")]


def test_run_a_country_naming_a_region_says_where_and_one_naming_the_actor_does_not(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    text = (
        "Hamza bin Laden was killed in a United States counterterrorism operation in the Afghanistan/Pakistan "
        "region, the White House said."
    )
    parsed = parse(text)
    out = _run(parsed, (_event(parsed, "killed", 0, text.split(", the White")[0]),), gaz)
    assert {p.name for p in out.event_mentions[0].locations} == {"Afghanistan", "Pakistan"}


def test_run_a_clause_naming_only_its_actors_country_does_not_place_the_event(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    # The only place named is who acted: the event falls back to the article's place, and says so.
    text = "United States forces struck an al-Qaida camp on Monday, officials said."
    parsed = parse(text)
    out = _run(parsed, (_event(parsed, "struck", 0, "United States forces struck an al-Qaida camp"),), gaz)
    (place,) = out.event_mentions[0].locations
    assert place.rule == "article"


def _with_victims(parsed: ParsedArticle, victims: str, country: str) -> EventMention:
    text = "Jets bombed a hospital in Idlib, Syria, on Monday, killing " + victims
    return replace(_event(parsed, "bombed", 1, text), actor2=Actor(text=victims, country=country, sector="CVL"))


def test_run_unnamed_local_victims_are_of_the_country_the_event_is_placed_in(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    # the extract stage gave them the article's first country, Russia
    parsed = parse("Russia denied the report. Jets bombed a hospital in Idlib, Syria, on Monday, killing 12 civilians.")
    out = _run(parsed, (_with_victims(parsed, "12 civilians", "RUS"),), gaz)
    assert out.event_mentions[0].actor2 is not None and out.event_mentions[0].actor2.country == "SYR"


def test_run_victims_whose_words_name_their_country_keep_it(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    text = "Russia denied the report. Jets bombed a hospital in Idlib, Syria, on Monday, killing Russian civilians."
    parsed = parse(text)
    out = _run(parsed, (_with_victims(parsed, "Russian civilians", "RUS"),), gaz)
    assert out.event_mentions[0].actor2 is not None and out.event_mentions[0].actor2.country == "RUS"


@pytest.mark.parametrize(
    ("recipient", "country"),
    [
        pytest.param("oil facilities", "SAU", id="a-thing-hit-there"),
        pytest.param("the Abqaiq Market", "SAU", id="a-site-named-there"),
        pytest.param("Abqaiq", "SAU", id="the-place-itself"),
        pytest.param("Aramco", None, id="a-named-body-may-be-foreign"),
        pytest.param("they", None, id="a-pronoun"),
        pytest.param("Yemeni oil facilities", None, id="words-naming-a-country"),
    ],
)
def test_run_what_an_attack_hit_is_of_the_country_it_was_hit_in(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle], recipient: str, country: str | None
) -> None:
    text = f"Drones struck {recipient} in Abqaiq, Saudi Arabia, on Saturday."
    parsed = parse(text)
    event = replace(_event(parsed, "struck", 0, text.rstrip(".")), actor2=Actor(text=recipient))
    (out,) = _run(parsed, (event,), gaz).event_mentions
    assert out.actor2 is not None and out.actor2.country == country


def test_run_a_country_apposed_to_the_actor_names_who_not_where(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    text = "The regime and its backers, notably Russia, are inflicting the worst bombardment yet on Aleppo."
    parsed = parse(text)
    actor = "The regime and its backers"
    event = replace(
        _event(parsed, "bombardment", 0, text.rstrip(".")),
        actor1=Actor(text=actor, span=Span(0, len(actor)), country="SYR", sector="GOV/MIL"),
    )
    out = _run(parsed, (event,), gaz)
    assert [p.name for p in out.event_mentions[0].locations] == ["Aleppo"]


def test_run_a_country_where_the_recipient_is_places_the_event(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    text = "The UK, US and France carried out targeted strikes on chemical weapons facilities in Syria overnight."
    parsed = parse(text)
    target = "chemical weapons facilities in Syria"
    start = text.index(target)
    event = replace(
        _event(parsed, "strikes", 0, text.rstrip(".")),
        actor1=Actor(text="The UK", span=Span(0, 6), country="GBR", sector="GOV/MIL"),
        actor2=Actor(text=target, span=Span(start, start + len(target)), country="SYR"),
    )
    out = _run(parsed, (event,), gaz)
    assert [p.name for p in out.event_mentions[0].locations] == ["Syria"]


def test_run_a_town_attacked_is_where(gaz: Gazetteer, parse: Callable[[str], ParsedArticle]) -> None:
    text = (
        "I condemn in the strongest terms the chemical weapons attack on Douma on 7 April, which killed dozens "
        "of civilians. All the evidence points to the Syrian regime."
    )
    parsed = parse(text)
    out = _run(parsed, (_event(parsed, "attack", 0, "the chemical weapons attack on Douma"),), gaz)
    assert [p.name for p in out.event_mentions[0].locations] == ["Douma"]


def test_run_where_an_attack_came_from_is_not_where_it_struck(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    text = "Drones struck an oil processing plant at Abqaiq in Saudi Arabia. The attacks came from Yemen."
    parsed = parse(text)
    out = _run(parsed, (_event(parsed, "attacks", 1, "The attacks came from Yemen"),), gaz)
    assert "Yemen" not in [p.name for p in out.event_mentions[0].locations]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a region named only to describe the town: not Sudan's Red Sea state
        ("A bomb killed five people in the Red Sea port town of Mokha, Yemen.", "killed", ["Mokha"]),
        # a part of the city named with it stays
        ("Gunmen attacked officers in the Doura district of Baghdad.", "attacked", ["Doura", "Baghdad"]),
    ],
)
def test_run_a_place_that_describes_another_does_not_place_the_event(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle], text: str, trigger: str, expected: list[str]
) -> None:
    parsed = parse(text)
    out = _run(parsed, (_event(parsed, trigger, 0, text.rstrip(".")),), gaz)
    assert [p.name for p in out.event_mentions[0].locations] == expected


def test_main_place_counts_entries_without_an_id_apart() -> None:
    def place(name: str, geonameid: int | None, precision: Precision) -> Place:
        return Place(name=name, span=None, lat=0.0, lon=0.0, precision=precision, geonameid=geonameid)

    places = [
        place("Saba", None, Precision.ADMIN2),
        place("Hama", None, Precision.ADMIN2),
        place("Aleppo", 170063, Precision.CITY),
    ]
    main = main_place(places)
    assert main is not None and main.name == "Aleppo"  # once each: the finest
