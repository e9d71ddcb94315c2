"""Word lists that guard toponym recognition: context cues, name parts, and words that are never places.

The common-word list holds capitalised English words that are also gazetteer names somewhere among the
~1.5M names (GeoNames has villages called Police, Home, Man, Of, Said, Mobile, ...); single-token matches
of these are accepted only when the NER tags them GPE/LOC.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words before a toponym that make a place reading likely ("in Aleppo", "outside Homs").
LOCATION_PREPOSITIONS = _words(
    """
    in near around at from of outside inside into to toward towards across throughout via between
    within along north south east west northeast northwest southeast southwest
    """
)
# "X province", "X governorate": the head says what kind of unit X is (→ preferred precision).
ADMIN_HEADS = {
    "province": "admin1",
    "governorate": "admin1",
    "state": "admin1",
    "region": "admin1",
    "oblast": "admin1",
    "prefecture": "admin1",
    "county": "admin2",
    "district": "admin2",
    "countryside": "admin1",
    "city": "city",
    "town": "city",
    "village": "city",
    "municipality": "admin2",
    # offices of a state or province: "New York Gov. Andrew Cuomo", "Quebec Health Minister"
    "gov": "admin1",
    "governor": "admin1",
    "premier": "admin1",
    "legislature": "admin1",
    "lawmakers": "admin1",
}
# Sites named after their place: "Damascus Airport" locates at Damascus (gold convention: Baghdad airport
# → Baghdad), "the Jolo Cathedral" at Jolo, "Abu Ghraib prison" at Abu Ghraib; the name is a place reading,
# not an organisation.
SITE_HEADS = _words(
    """
    airport airbase airfield base dam road highway bridge crossing camp checkpoint
    border hospital port harbour harbor market
    cathedral church mosque shrine temple synagogue prison jail stadium
    """
)
# Buildings and grounds known by a name of their own ("St. Michael's Hospital", "Pearson International
# Airport", "Stade de France"): no gazetteer holds them, but they lie in the town the article is about. So do
# streets and squares, often named after other places (Baghdad's Haifa Street, Tahrir Square).
FACILITY_WORDS = _words(
    """
    airport hospital church cathedral mosque synagogue stadium stade prison hotel embassy consulate palace
    street square
    """
)
# Organisation heads: "Aleppo University", "Damascus Times" are not places.
ORG_HEADS = _words(
    """
    university college institute school academy club fc united times news post agency party council
    company bank ministry committee front brigade brigades battalion army forces movement police
    radio tv television channel network group foundation association federation league corporation
    """
)
DIRECTIONS = _words(
    """
    northern southern eastern western central north south east west northeastern northwestern
    southeastern southwestern northeast northwest southeast southwest greater upper lower old new
    outer inner
    """
)
# "eastern districts of Aleppo": sub-city area nouns kept as the qualifier.
AREA_NOUNS = _words(
    """
    district districts part parts area areas suburb suburbs outskirts neighbourhood neighbourhoods
    neighborhood neighborhoods quarter quarters countryside edge edges side sections section
    """
)
# Lower-case tokens that may sit inside a multi-word toponym ("Khan al-Asal", "Deir ez-Zor").
NAME_CONNECTORS = _words(
    """
    al el ad ar as ash at az an ez es ed er ul ud de del la le da di du of bin ibn
    """
)
MONTHS_DAYS = _words(
    """
    january february march april may june july august september october november december jan feb
    mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday
    sunday
    """
)
COMMON_WORDS = (
    _words(
        """
        police home man said will mobile of army people government president minister general reading
        bath university hope independence victory liberty union unity freedom peace justice progress
        reform troops forces news time times office court state city town village center centre street
        road north south east west central gulf bay sea river lake mountain valley island islands desert
        god allah islam church mosque christmas easter ramadan eid media press tv radio jihadi jihad
        sunni shia shiite alawite kurd kurds arab arabs western eastern northern southern russians
        syrians americans ceasefire operation offensive battle war attack strike strikes army's reuters
        ap afp sana fars tass twitter facebook youtube internet european union nations security council
        assembly obama trump putin assad erdogan mother father sun moon star mars venus orange lemon
        olive cherry apple rose lily grace florence chelsea victoria regina jordan georgia chad hall molotov
        air drone drones missile missiles rocket rockets shelling bombing
        """
    )
    | MONTHS_DAYS
    | frozenset(STOP_WORDS)
)
# Places that are also very common first names or nouns but are nonetheless places when NER says so.
ALWAYS_PLACE_WHEN_GPE = _words(
    """
    jordan georgia chad victoria regina florence
    """
)
# Armed groups and organisations whose names collide with gazetteer entries (Al Qa'idah, Yemen).
NEVER_PLACES = frozenset(
    phrase.strip()
    for phrase in str.split(
        """
    al qaeda|qaeda|al qaida|hezbollah|hamas|taliban|isis|isil|daesh|nusra|al nusra|houthi|houthis|
    al shabaab|boko haram|pkk|ypg|sdf|fsa|hts|jihadi|islamic state|white helmets|red crescent|red cross
    """,
        "|",
    )
)
# Office holders: "president of the US", "the prosecutor general of Tehran" name the office's seat, which says
# whose the person is, not where an event happened (residents, citizens and natives are not here: "residents
# of Aleppo were killed" were killed there).
OFFICE_TITLES = _words(
    """
    president presidents minister ministers prosecutor prosecutors attorney attorneys governor governors mayor
    mayors ambassador ambassadors envoy envoys consul king queen emir leader leaders chief spokesman
    spokeswoman spokesperson commander commanders secretary representative representatives general judge
    senator congressman congresswoman
    """
)
# Ranks and forms of address before a person's name ("Brig. Gen. Richard \"Tex\" Coe", "Col. John Thomas"); a
# gazetteer name among them is part of the name (AP state abbreviations such as "Miss." are left out).
PERSON_TITLES = _words(
    """
    gen brig col lt maj capt sgt cpl pvt adm cmdr cdr dr mr mrs ms mme sen rep gov prof rev fr sr jr
    general brigadier colonel lieutenant major captain sergeant corporal admiral commander marshal
    president minister sheikh imam ayatollah mullah emir prince king queen pope bishop cardinal judge
    mister madam
    """
)
# Regions wider than a country: the gazetteer knows them only as small namesakes (Middle East and Levant are
# villages in the US, Mesopotamia one in Greece), so they are left unplaced rather than put there.
WORLD_REGIONS = frozenset(
    {"middle east", "levant", "near east", "far east", "maghreb", "mesopotamia", "arabian peninsula"}
)
# Institutions named after their seat, which news uses for the institution ("the White House said"), and
# faiths and movements (NER tags them NORP): never the towns of those names (White House, Tennessee).
INSTITUTIONS_AND_FAITHS = frozenset(
    phrase.strip()
    for phrase in str.split(
        """
    white house|congress|capitol hill|pentagon|kremlin|downing street|elysee|knesset|duma|senate|
    hindu|hindus|sikh|sikhs|muslim|muslims|christian|christians|jewish|jew|jews|buddhist|buddhists|nazi|nazis|
    catholic|catholics|protestant|salafi|salafist|wahhabi|jedi
    """,
        "|",
    )
)
# Bodies off the Earth, which NER tags LOC ("the Earth", "Titan"), are never its villages of that name.
CELESTIAL_BODIES = _words(
    """
    earth moon sun mercury venus mars jupiter saturn uranus neptune pluto titan europa ganymede callisto io
    enceladus ceres
    """
)
