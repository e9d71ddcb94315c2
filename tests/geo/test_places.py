from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwatch.geo import Gazetteer, find_places
from eventwatch.records import ParsedArticle, Place, Precision

Parse = Callable[[str], ParsedArticle]


def _by_name(places: tuple[Place, ...], name: str) -> list[Place]:
    return [p for p in places if p.name == name]


def test_find_places_spans_slice_to_names(gaz: Gazetteer, seed: ParsedArticle) -> None:
    places = find_places(seed, gaz)
    assert places
    assert all(p.span is not None and p.span.slice(seed.article.text) == p.name for p in places)


@pytest.mark.parametrize("name", ["Aleppo", "Idlib", "Homs", "Khan al-Asal"])
def test_find_places_seed_resolves_in_syria(gaz: Gazetteer, seed: ParsedArticle, name: str) -> None:
    found = _by_name(find_places(seed, gaz), name)
    assert found and all(p.country == "SYR" for p in found)


def test_find_places_seed_aleppo_is_the_city(gaz: Gazetteer, seed: ParsedArticle) -> None:
    aleppo = _by_name(find_places(seed, gaz), "Aleppo")
    assert {p.geonameid for p in aleppo} == {170063}
    assert all(p.precision is Precision.CITY for p in aleppo)


def test_find_places_seed_khan_al_asal_is_the_aleppo_village(gaz: Gazetteer, seed: ParsedArticle) -> None:
    (khan,) = _by_name(find_places(seed, gaz), "Khan al-Asal")
    assert khan.geonameid == 168368 and khan.admin1 == "Aleppo"


@pytest.mark.parametrize("name", ["al-Rashedeen", "al-Mansoureh", "al-Bahouth al-Elmiyeh"])
def test_find_places_seed_neighbourhoods_resolve_to_aleppo(gaz: Gazetteer, seed: ParsedArticle, name: str) -> None:
    (place,) = _by_name(find_places(seed, gaz), name)
    assert place.geonameid == 170063
    assert place.precision is Precision.DISTRICT and place.is_approximate


def test_find_places_operation_name_is_not_a_place(gaz: Gazetteer, seed: ParsedArticle) -> None:
    names = {p.name for p in find_places(seed, gaz)}
    assert not names & {"Saraqib", "Abu Omar Saraqib", "Abu Omar"}


def test_find_places_real_saraqib_is_a_place(gaz: Gazetteer, parse: Parse) -> None:
    places = find_places(parse("Government shelling killed four people in Saraqib on Monday."), gaz)
    assert [p.country for p in places if p.name == "Saraqib"] == ["SYR"]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        (
            "There are also reports of air strikes on the Al-Qaeda controlled eastern districts of Aleppo.",
            "eastern districts",
        ),
        ("Only once western Aleppo is finally secured will the army move.", "western"),
    ],
)
def test_find_places_keeps_sub_city_qualifier(gaz: Gazetteer, parse: Parse, text: str, qualifier: str) -> None:
    (aleppo,) = _by_name(find_places(parse(text), gaz), "Aleppo")
    assert aleppo.qualifier == qualifier and aleppo.precision is Precision.CITY


@pytest.mark.parametrize(
    ("text", "name", "precision"),
    [
        ("Russian strikes hit Al-Qaeda bases in Idlib and Homs province.", "Homs", Precision.ADMIN1),
        ("The Syrian army has started a major ground operation in Syria.", "Syria", Precision.COUNTRY),
        ("The shelling of Aleppo went on.", "Aleppo", Precision.CITY),
    ],
)
def test_find_places_precision_levels(gaz: Gazetteer, parse: Parse, text: str, name: str, precision: Precision) -> None:
    (place,) = _by_name(find_places(parse(text), gaz), name)
    assert place.precision is precision


@pytest.mark.parametrize(
    "text",
    [
        "Police said the man was taken home on Monday.",
        "Students at Aleppo University protested on Sunday.",
        "The statements are solely those of the author and do not represent those of The Duran.",
        "He met Soros, Nuland and Biden in May.",
        # GeoNames alternate names hold airport codes: BBC is Bay City, UTC is Utrecht.
        "He told the BBC that the rally began at 1500 UTC.",
        # Ranks and nicknames belong to the person: no Texas, no Coe (Iowa), no Colima.
        'During the call, Brig. Gen. Richard "Tex" Coe, the lead investigating officer, will present the findings.',
        "Col. John J. Thomas, a Central Command spokesman, will moderate.",
        # Regions wider than a country are not the US villages called Middle East and Levant.
        "Peace in the Middle East needs the Levant to be stable.",
        # Bodies off the Earth are not villages of that name (Titan in Afghanistan).
        "The probe photographed Titan, a moon of Saturn, on its way back to Earth.",
        # An institution named after its seat, a faith: not White House (Tennessee) or Hindu (Nigeria).
        "The White House said Congress would vote before Diwali, the Hindu festival of lights.",
        # A person's surname read again alone is the person, not a village of that name.
        # A thing's given name: a title, not the country or a town.
        "The toilet is an artwork entitled America made by Italian artist Maurizio Cattelan.",
        # A time zone after a time: not the Est region of Burkina Faso.
        "Around 3 p.m. EST, the exchange halted trading.",
        # A church's dedication: no St. Paul (Minnesota), no St. Peter.
        "The explosion hit the small church of St. Peter and St. Paul attached to the cathedral.",
    ],
)
def test_find_places_guards_reject_non_places(gaz: Gazetteer, parse: Parse, text: str) -> None:
    assert find_places(parse(text), gaz) == ()


def test_find_places_a_street_or_square_named_after_a_place_lies_in_the_town(gaz: Gazetteer, parse: Parse) -> None:
    places = find_places(parse("Protesters rallied in Tahrir Square and on Haifa Street in Baghdad."), gaz)
    assert {p.name for p in places} == {"Baghdad"}


def test_find_places_an_operations_given_name_is_no_place(gaz: Gazetteer, parse: Parse) -> None:
    places = find_places(parse('Turkish forces began an operation called "Afrin" in Syria on Saturday.'), gaz)
    assert {p.name for p in places} == {"Syria"}


def test_find_places_a_place_given_its_name_is_a_place(gaz: Gazetteer, parse: Parse) -> None:
    places = find_places(parse("Fighting reached a village called Maaloula in Syria."), gaz)
    assert "Maaloula" in {p.name for p in places}


def test_find_places_airport_is_a_place(gaz: Gazetteer, parse: Parse) -> None:
    places = find_places(parse("Israeli jets struck near Damascus Airport overnight."), gaz)
    assert any(p.country == "SYR" for p in places)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Twin bombings yesterday struck the Jolo Cathedral in Mindanao, Philippines.", "Jolo"),
        ("Prisoners rioted at Abu Ghraib prison near Baghdad.", "Abu Ghraib"),
    ],
)
def test_find_places_a_site_named_after_its_town_is_there(gaz: Gazetteer, parse: Parse, text: str, name: str) -> None:
    assert name in {p.name for p in find_places(parse(text), gaz)}


def test_find_places_unknown_name_keeps_the_others(gaz: Gazetteer, parse: Parse) -> None:
    places = find_places(parse("Fighting spread from Qzxwvutopia to Idlib and Aleppo."), gaz)
    assert {p.name for p in places} == {"Idlib", "Aleppo"}


def test_find_places_demonyms_only_on_request(gaz: Gazetteer, parse: Parse) -> None:
    parsed = parse("The Syrian army advanced.")
    assert find_places(parsed, gaz) == ()
    (syrian,) = find_places(parsed, gaz, include_demonyms=True)
    assert syrian.country == "SYR" and syrian.precision is Precision.COUNTRY


def test_find_places_resolved_name_is_english(gaz: Gazetteer, seed: ParsedArticle) -> None:
    aleppo = _by_name(find_places(seed, gaz), "Aleppo")
    assert {p.resolved_name for p in aleppo} == {"Aleppo"}


@pytest.mark.parametrize(
    ("text", "name", "geonameid"),
    [
        ("Officials in Plymouth County said the road was closed.", "Plymouth County", None),
        ("Tillerson met with Trump in New York on Saturday.", "New York", 5128581),
        ("Turning right on red lights became legal in Quebec in 2003.", "Quebec", 6115047),
        ("Near Ar Raqqah, Syria, 15 strikes engaged five ISIL tactical units.", "Raqqah", 172955),
    ],
)
def test_find_places_admin_units_and_openers(
    gaz: Gazetteer, parse: Parse, text: str, name: str, geonameid: int | None
) -> None:
    (place,) = _by_name(find_places(parse(text), gaz), name)
    assert geonameid is None or place.geonameid == geonameid


def test_find_places_a_military_airfield_is_at_its_place(gaz: Gazetteer, parse: Parse) -> None:
    places = find_places(parse("Rebels shelled Kuweires Military Airport east of Aleppo on Friday."), gaz)
    assert any(p.name == "Kuweires" and p.country == "SYR" for p in places)


def test_find_places_a_metropolis_known_by_its_initials(gaz: Gazetteer, parse: Parse) -> None:
    places = find_places(parse("Thousands marched through NYC on Saturday."), gaz)
    assert [p.resolved_name for p in places] == ["New York City"]


def test_find_places_northern_country_lies_in_its_northern_part(gaz: Gazetteer, parse: Parse) -> None:
    (plain_syria,) = find_places(parse("Fighting continued in Syria on Monday."), gaz)
    (north,) = find_places(parse("A soldier was killed in northern Syria on Monday."), gaz)
    assert north.qualifier == "northern" and north.is_approximate
    assert north.lat is not None and plain_syria.lat is not None and north.lat > plain_syria.lat + 1.0


def test_find_places_mixed_case_initials_are_not_a_capital(gaz: Gazetteer, parse: Parse) -> None:
    places = find_places(parse("According to a DoD news release, the soldier died near Raqqa."), gaz)
    assert [p.name for p in places] == ["Raqqa"]


def test_find_places_a_town_spelt_exactly_beats_a_country_spelt_otherwise(gaz: Gazetteer, parse: Parse) -> None:
    places = find_places(parse("The storm hit Columbia, Kentucky, and Campbellsville on Friday."), gaz)
    columbia = next(p for p in places if p.name == "Columbia")
    assert columbia.precision is not Precision.COUNTRY and columbia.country == "USA"


def test_find_places_a_capitalised_dateline_keeps_its_alternate_spelling(gaz: Gazetteer, parse: Parse) -> None:
    places = find_places(parse("RAQQA, Syria (Reuters) - Shelling killed four people on Sunday."), gaz)
    assert any(p.name == "RAQQA" and p.resolved_name == "Ar Raqqah" for p in places)


def test_find_places_a_city_beats_a_district_listed_under_its_name(gaz: Gazetteer, parse: Parse) -> None:
    places = find_places(parse("Russian missiles hit Kharkiv, Ukraine, overnight."), gaz)
    kharkiv = next(p for p in places if p.name == "Kharkiv")
    assert kharkiv.resolved_name == "Kharkiv" and kharkiv.precision is Precision.CITY


def test_find_places_a_sentence_opening_noun_is_not_part_of_the_name(gaz: Gazetteer, parse: Parse) -> None:
    places = find_places(parse("Residents of Kharkiv fled west on Monday."), gaz)
    assert [p.name for p in places] == ["Kharkiv"]


def test_find_places_a_building_named_after_a_common_word_is_not_a_town(gaz: Gazetteer, parse: Parse) -> None:
    places = find_places(parse("Police received the first call about the attack at Fishmongers' Hall in London."), gaz)
    assert [p.name for p in places] == ["London"]


def test_find_places_a_small_namesake_abroad_is_no_place(gaz: Gazetteer, parse: Parse) -> None:
    # "Siri" is a village in Pakistan; in a story about California it is the assistant.
    text = (
        "Apple showed its phones in San Francisco on Tuesday.\n\n"
        '"I love the way you keep adding things, whether its Siri shortcuts, or handoffs," he told the crowd.\n\n'
        "Engineers in San Jose, Oakland and Los Angeles tested them across California."
    )
    assert "Siri" not in {p.name for p in find_places(parse(text), gaz)}


def test_find_places_a_surname_with_a_place_cue_is_still_a_place(gaz: Gazetteer, parse: Parse) -> None:
    text = "Residents of Aleppo praised Ahmed Saraqib. Jets later bombed the town of Saraqib in Idlib."
    assert [p.country for p in find_places(parse(text), gaz) if p.name == "Saraqib"] == ["SYR"]


def test_find_places_a_bare_compass_word_is_no_place(gaz: Gazetteer, parse: Parse) -> None:
    # Cameroon has regions called East and South; "the Near East and South and Central Asia" names neither.
    text = "The envoy for religious minorities in the Near East and South and Central Asia will visit Turkey."
    assert {p.name for p in find_places(parse(text), gaz)} == {"Asia", "Turkey"}


def test_find_places_a_surname_read_again_alone_is_the_person(gaz: Gazetteer, parse: Parse) -> None:
    text = (
        "Science fiction author Helen Webb spoke in Los Angeles. Webb said the book was finished. "
        "Webb thanked her readers in Texas."
    )
    assert {p.name for p in find_places(parse(text), gaz)} == {"Los Angeles", "Texas"}  # Webb, Texas is a town


def test_find_places_a_big_city_the_model_tags_as_a_person(gaz: Gazetteer, parse: Parse) -> None:
    text = (
        "The report ranked Canadian cities by health. The overall health of the population put Edmonton near "
        "the bottom of the list, and Calgary came first in Alberta."
    )
    assert "Edmonton" in {p.name for p in find_places(parse(text), gaz)}


def test_find_places_where_a_named_person_is_from(gaz: Gazetteer, parse: Parse) -> None:
    text = "The panel, headed by Anne McLellan of Edmonton, met in Calgary and Ottawa."
    assert [p.country for p in find_places(parse(text), gaz) if p.name == "Edmonton"] == ["CAN"]


def test_find_places_a_persons_first_name_after_of_is_the_person(gaz: Gazetteer, parse: Parse) -> None:
    text = "Jamal Khashoggi was killed in Istanbul. The world stayed silent over the killing of Jamal."
    assert {p.name for p in find_places(parse(text), gaz)} == {"Istanbul"}


def test_find_places_a_person_named_earlier_after_to_or_into_is_the_person(gaz: Gazetteer, parse: Parse) -> None:
    text = (
        "Ilhan Omar was elected in Minneapolis. Her client did not intend to cause harm to Omar, the lawyer said. "
        "Republicans in Washington pressed for an investigation into Biden after Joe Biden spoke."
    )
    assert {p.name for p in find_places(parse(text), gaz)} == {"Minneapolis", "Washington"}


def test_find_places_a_capitalised_small_town_only_in_a_dateline(gaz: Gazetteer, parse: Parse) -> None:
    places = find_places(parse("HIT, Iraq (Reuters) - Gunmen attacked a checkpoint in Anbar province."), gaz)
    assert [p.country for p in places if p.name == "HIT"] == ["IRQ"]
    places = find_places(parse("Gunmen said HIT was a target in Anbar province."), gaz)
    assert {p.name for p in places} == {"Anbar"}


def test_find_places_initials_are_not_a_small_town_of_that_name(gaz: Gazetteer, parse: Parse) -> None:
    text = "Ministers met in Paris on Monday. The EU reiterated its position, and BA cancelled flights to London."
    assert {p.name for p in find_places(parse(text), gaz)} == {"Paris", "London"}  # not Eu, Normandy


def test_find_places_no_part_of_a_name_that_is_never_a_place(gaz: Gazetteer, parse: Parse) -> None:
    text = "Peace in the Middle East needs the Levant to be stable, the White House said in Washington on Monday."
    assert {p.name for p in find_places(parse(text), gaz)} == {"Washington"}  # not Middle, Tennessee


def test_find_places_a_hospital_named_like_a_place_abroad_is_no_place(gaz: Gazetteer, parse: Parse) -> None:
    # Salem is an old name of Jerusalem; the hospital is in Mosul.
    text = "Iraqi forces attempted to seize the Al Salem hospital complex from ISIL fighters in East Mosul."
    assert {p.name for p in find_places(parse(text), gaz)} == {"Mosul"}


def test_places_conflict_regions_the_extract_lacks_come_from_the_alias_table(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle]
) -> None:
    text = (
        "Syrian government forces shelled Eastern Ghouta on Sunday, a Syrian monitor said. Turkish-backed "
        "fighters attacked Kurdish forces in Serekaniye in northern Syria."
    )
    places = {p.name: p for p in find_places(parse(text), gaz)}
    assert places["Ghouta"].resolved_name == "Ghouta" and places["Ghouta"].is_approximate
    assert places["Serekaniye"].geonameid == 165509


@pytest.mark.parametrize(
    ("text", "qualifier", "north_km", "east_km"),
    [
        ("Rebels attacked army positions 20 km north of Raqqa, a Syrian monitor said.", "20 km north", 20.0, 0.0),
        ("The wreck lay about 50 miles (80 km) south of Raqqa, Syrian officials said.", "50 mi south", -80.5, 0.0),
        ("A bomb exploded 15 km south-west of Raqqa, Syrian police said.", "15 km southwest", -10.6, -10.6),
    ],
)
def test_places_a_distance_and_bearing_move_the_point(
    gaz: Gazetteer, parse: Callable[[str], ParsedArticle], text: str, qualifier: str, north_km: float, east_km: float
) -> None:
    (raqqa,) = [p for p in find_places(parse(text), gaz) if p.name == "Raqqa"]
    assert raqqa.qualifier == qualifier and raqqa.is_approximate
    home = next(c for c in gaz.lookup("Raqqa") if c.geonameid == raqqa.geonameid)
    assert raqqa.lat is not None and raqqa.lon is not None
    assert abs((raqqa.lat - home.lat) * 111.2 - north_km) < 1.5
    assert abs((raqqa.lon - home.lon) * 111.2 * 0.81 - east_km) < 1.5  # cos(36 N) ~ 0.81


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Flights out of Heathrow were cancelled across Britain.", "GB"),
        ("The plane landed at Schiphol in the Netherlands.", "NL"),
    ],
)
def test_places_an_airport_known_by_its_own_name_is_at_its_city(
    gaz: Gazetteer, parse: Parse, text: str, city: str
) -> None:
    airport = next(p for p in find_places(parse(text), gaz) if p.name in ("Heathrow", "Schiphol"))
    assert airport.country == {"GB": "GBR", "NL": "NLD"}[city] and airport.is_approximate


def test_find_places_a_capitalised_means_of_attack_is_no_place(gaz: Gazetteer, parse: Parse) -> None:
    places = find_places(parse("BEIRUT (Reuters) - Air strikes hit a hospital in Idlib province on Wednesday."), gaz)
    assert "Air" not in {p.name for p in places}


def test_find_places_an_outlet_named_beside_its_word_is_no_place(gaz: Gazetteer, parse: Parse) -> None:
    # Saba is Yemen's news agency, not the Yemeni district of that name
    text = (
        "A bombing killed a photojournalist in Mokha, Yemen. Similar attributions of responsibility were made by "
        "state news firm Saba and al-Eryani."
    )
    assert not _by_name(find_places(parse(text), gaz), "Saba")


def test_find_places_ground_a_force_enters_is_a_place_whatever_the_tagger_says(gaz: Gazetteer, parse: Parse) -> None:
    # the small model tags both towns PERSON after "Bashar al-Assad"
    text = (
        "The Syrian Army — whose commander-in-chief is President Bashar al-Assad — entered Tell Tamer and Ain "
        "Issa yesterday according to state media."
    )
    assert {p.name for p in find_places(parse(text), gaz)} == {"Tell Tamer", "Ain Issa"}
