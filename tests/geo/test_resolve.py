from __future__ import annotations

from eventwatch.geo._sources import estimate_unit_point
from eventwatch.geo.gazetteer import Gazetteer
from eventwatch.geo.recognize import mention_for_span
from eventwatch.geo.resolve import resolve_mentions


def test_resolve_two_spellings_of_one_name_do_not_confirm_each_other(gaz: Gazetteer) -> None:
    text = (
        "LINCOLN CO. — Cattle were stolen from a feedlot, the Lincoln County sheriff said. "
        "Ranchers across Nebraska were asked to check their herds."
    )
    names = ["LINCOLN CO.", "Lincoln County", "Nebraska"]
    mentions = [mention_for_span(text, text.index(n), text.index(n) + len(n), gaz) for n in names]
    resolve_mentions(mentions, gaz)
    assert [m.chosen.admin1_key for m in mentions if m.chosen] == ["US.NE", "US.NE", "US.NE"]


def test_estimate_unit_point_spans_sparse_edges_but_not_a_stray_town() -> None:
    south = [(45.0 + i * 0.01, -80.0 + i * 0.01) for i in range(200)]  # towns crowd the south: 45–47 N
    north = [(50.0, -79.0), (52.0, -78.0), (53.0, -77.5), (54.0, -78.0), (55.0, -77.0)]  # a few northern settlements
    stray = [(30.0, -120.0)]  # a town filed under the wrong unit
    lat, lon = estimate_unit_point(south + north + stray)
    assert abs(lat - 50.0) < 0.01  # middle of 45–55 N, not pulled to the crowded south
    assert abs(lon - (-78.5)) < 0.01  # middle of -80 … -77, the stray town ignored


def _resolve(text: str, names: list[str], gaz: Gazetteer) -> dict[str, str | None]:
    mentions = [mention_for_span(text, text.index(n), text.index(n) + len(n), gaz) for n in names]
    resolve_mentions(mentions, gaz)
    return {m.text: (m.chosen.name if m.chosen else None) for m in mentions}


def test_resolve_a_named_facility_lies_in_the_town_named_before_it(gaz: Gazetteer) -> None:
    text = (
        "Two men were stabbed in Winnipeg on Friday and taken to Grace General Hospital. "
        "Police in Winnipeg and Brandon, Manitoba, are looking for a third man."
    )
    chosen = _resolve(text, ["Winnipeg", "Grace General Hospital", "Brandon", "Manitoba"], gaz)
    assert chosen["Grace General Hospital"] == "Winnipeg"


def test_resolve_a_small_namesake_abroad_gives_way_to_the_story_town(gaz: Gazetteer) -> None:
    # "Heathrow" is also a Florida hamlet; in a story whose places are all British it is London's airport.
    text = (
        "Fog in England delayed flights at London airports on Saturday. Heathrow cancelled flights, "
        "and trains from Edinburgh and Manchester to London ran late across the UK."
    )
    names = ["England", "London", "Heathrow", "Edinburgh", "Manchester", "UK"]
    mentions = [mention_for_span(text, text.index(n), text.index(n) + len(n), gaz) for n in names]
    resolve_mentions(mentions, gaz)
    heathrow = mentions[2].chosen
    assert heathrow is not None and heathrow.geonameid == 2643743  # London's point (the airport alias)


def test_resolve_a_namesake_abroad_stays_when_the_article_points_at_its_country(gaz: Gazetteer) -> None:
    text = "The storm moved from Heathrow, Florida, to Orlando and Tampa before reaching Miami."
    names = ["Heathrow", "Florida", "Orlando", "Tampa", "Miami"]
    assert _resolve(text, names, gaz)["Heathrow"] == "Heathrow"


def _countries(text: str, names: list[str], gaz: Gazetteer) -> list[tuple[str, str | None]]:
    """Every occurrence of each name, resolved together: (chosen name, its country)."""
    mentions = [
        mention_for_span(text, start, start + len(n), gaz)
        for n in names
        for start in [i for i in range(len(text)) if text.startswith(n, i)]
    ]
    resolve_mentions(mentions, gaz)
    return [(m.chosen.name, m.chosen.country) if m.chosen else (m.text, None) for m in mentions]


def test_resolve_a_repeated_name_does_not_vote_for_its_own_country(gaz: Gazetteer) -> None:
    text = (
        "Paris, a town of 25,000 north-east of Dallas, voted on Tuesday. The Paris school board said Texas "
        "rules apply. Paris police made no arrests."
    )
    resolved = _countries(text, ["Paris", "Dallas", "Texas"], gaz)
    assert {country for _, country in resolved} == {"USA"}


def test_resolve_a_short_name_is_the_big_town_whose_full_name_begins_with_it(gaz: Gazetteer) -> None:
    text = "Thousands marched through Newcastle on Saturday, British police said."
    assert _countries(text, ["Newcastle", "British"], gaz)[0] == ("Newcastle upon Tyne", "GBR")


def test_resolve_two_ambiguous_names_that_are_neighbours_only_in_one_country(gaz: Gazetteer) -> None:
    text = "Young people from Edmonton and Enfield pitched business ideas at an event on Saturday."
    assert {country for _, country in _countries(text, ["Edmonton", "Enfield"], gaz)} == {"GBR"}
    # Two villages side by side abroad are chance, not context.
    text = "A woman missing from Redding, California, for three weeks was found alive."
    assert {country for _, country in _countries(text, ["Redding", "California"], gaz)} == {"USA"}


def test_resolve_a_small_district_abroad_under_two_spellings_gives_way_to_the_story_town(gaz: Gazetteer) -> None:
    text = (
        "A bomb hit a church in Abbassiya, Cairo police said. Egyptian officials in Alexandria and Giza "
        "condemned the attack. Abbasiya residents gathered outside the cathedral in Egypt's capital."
    )
    resolved = _countries(text, ["Abbassiya", "Abbasiya", "Cairo", "Egyptian", "Alexandria", "Giza", "Egypt"], gaz)
    assert {country for _, country in resolved} == {"EGY"}


def _admin1s(text: str, names: list[str], gaz: Gazetteer) -> list[str]:
    mentions = [mention_for_span(text, text.index(n), text.index(n) + len(n), gaz) for n in names]
    resolve_mentions(mentions, gaz, text)
    return [m.chosen.admin1_key if m.chosen else "" for m in mentions]


def test_resolve_a_state_after_a_comma_says_which_town(gaz: Gazetteer) -> None:
    # Paris, Texas is the bigger namesake; the state after the comma outweighs it.
    text = "PARIS, Mo. — Farmers in Missouri and Kansas met on Friday."
    assert _admin1s(text, ["PARIS", "Mo.", "Missouri", "Kansas"], gaz)[0] == "US.MO"
    # And the place says which unit: West Point in New York state, the state rather than the city.
    text = "The president flew to West Point, New York, on Saturday."
    mentions = [mention_for_span(text, text.index(n), text.index(n) + len(n), gaz) for n in ("West Point", "New York")]
    resolve_mentions(mentions, gaz, text)
    assert [(m.chosen.admin1_key, m.chosen.feature_code) for m in mentions if m.chosen] == [
        ("US.NY", "PPL"),
        ("US.NY", "ADM1"),
    ]


def test_resolve_namesake_counties_go_to_the_state_the_article_names_most(gaz: Gazetteer) -> None:
    # Five states have a Dallas County; they tie on every cue but the state.
    text = (
        "Flooding closed roads in Iowa on Monday. Waterloo and Des Moines were spared, but Dallas County "
        "officials, like those in Texas, asked residents of Iowa to stay home."
    )
    assert _admin1s(text, ["Iowa", "Waterloo", "Des Moines", "Dallas County", "Texas", "Iowa"], gaz)[3] == "US.IA"


def test_resolve_a_conflict_town_without_an_admin1_code_still_gives_admin1_context(gaz: Gazetteer) -> None:
    # The extract names Mosul's governorate (Ninawa) but lacks its code; the build fills it in, so Mosul
    # points "Zumar" at the Ninawa village, not its namesake in Erbil.
    text = "Kurdish forces retook Zumar, north-west of Mosul, after fighting near Mosul dam."
    assert _admin1s(text, ["Zumar", "Mosul"], gaz) == ["IQ.15", "IQ.15"]


def test_resolve_the_province_of_a_name_is_the_province(gaz: Gazetteer) -> None:
    # Gold spans in evaluation read the words before the name as the pipeline does.
    text = "Police searched the family home in the western province of Aydin on Friday."
    (mention,) = [mention_for_span(text, text.index("Aydin"), text.index("Aydin") + 5, gaz)]
    resolve_mentions([mention], gaz, text)
    assert mention.chosen is not None and mention.chosen.feature_code == "ADM1"


def test_resolve_a_bare_district_name_is_its_seat_town(gaz: Gazetteer) -> None:
    text = "Turkish troops attacked Kurdish fighters near Tal Abyad. Residents fled Tal Abyad district."
    first, second = (text.index("Tal Abyad"), text.rindex("Tal Abyad"))
    mentions = [mention_for_span(text, i, i + len("Tal Abyad"), gaz) for i in (first, second)]
    resolve_mentions(mentions, gaz, text)
    assert [m.chosen.feature_code for m in mentions if m.chosen] == ["PPLA2", "ADM2"]


def test_resolve_a_name_listed_between_states_is_a_state(gaz: Gazetteer) -> None:
    text = "Teachers walked out last year in West Virginia, Oklahoma and Arizona over pay."
    names = ["West Virginia", "Oklahoma", "Arizona"]
    mentions = [mention_for_span(text, text.index(n), text.index(n) + len(n), gaz) for n in names]
    resolve_mentions(mentions, gaz, text)
    assert [m.chosen.feature_code for m in mentions if m.chosen] == ["ADM1", "ADM1", "ADM1"]


def test_resolve_a_small_town_with_the_name_only_as_an_old_one_gives_way(gaz: Gazetteer) -> None:
    # Clinton, Wisconsin lists "New York" among its names; an Ohio-and-Wisconsin story still means the city.
    text = "Farmers from Ohio and Wisconsin met buyers in New York on Monday."
    names = ["Ohio", "Wisconsin", "New York"]
    mentions = [mention_for_span(text, text.index(n), text.index(n) + len(n), gaz) for n in names]
    resolve_mentions(mentions, gaz, text)
    assert mentions[2].chosen is not None and mentions[2].chosen.name != "Clinton"


def _country_of(text: str, names: list[str], gaz: Gazetteer) -> dict[str, str | None]:
    mentions = [mention_for_span(text, text.index(n), text.index(n) + len(n), gaz) for n in names]
    resolve_mentions(mentions, gaz)
    return {m.text: (m.chosen.country if m.chosen else None) for m in mentions}


def test_resolve_a_name_the_named_country_lacks_is_looked_for_next_door(gaz: Gazetteer) -> None:
    # Israel has no Gaza; its neighbour Palestine has, so Mozambique's province of that name is not it
    text = "Israel launched new airstrikes on Gaza on Monday."
    assert _country_of(text, ["Israel", "Gaza"], gaz)["Gaza"] == "PSE"


def test_resolve_a_name_the_named_country_has_stays_there(gaz: Gazetteer) -> None:
    # Iraq has a Kurdistan: Iran's Kordestan next door does not take it
    text = "Iraq's prime minister met officials from Kurdistan in Baghdad."
    assert _country_of(text, ["Iraq", "Kurdistan", "Baghdad"], gaz)["Kurdistan"] == "IRQ"


def test_gazetteer_lists_neighbours(gaz: Gazetteer) -> None:
    assert {"PSE", "SYR", "LBN", "JOR", "EGY"} <= gaz.neighbours("ISR")
    assert gaz.neighbours("XXX") == frozenset()
