"""Closed word lists shared by the extract modules (lemmas, lower case).

Each list names the dev finding or convention it comes from; none holds a dev-article string.
"""

from __future__ import annotations

# Causes of death and damage that are not conflict events (dev distractors: an earthquake, an aviation
# accident; README "Accidents and natural disasters are not conflict events").
DISASTER = frozenset(
    [
        "earthquake",
        "quake",
        "tremor",
        "aftershock",
        "storm",
        "flood",
        "flooding",
        "typhoon",
        "hurricane",
        "cyclone",
        "tornado",
        "tsunami",
        "landslide",
        "mudslide",
        "avalanche",
        "wildfire",
        "fire",
        "blaze",
        "crash",
        "collision",
        "accident",
        "derailment",
        "drought",
        "heatwave",
        "virus",
        "disease",
        "plague",
        "cholera",
        "ebola",
        "coronavirus",
        "influenza",
        "measles",
        "illness",
        "outbreak",
        "epidemic",
        "pandemic",
        "eruption",
        "volcano",
        "lightning",
        # accidental explosions: "a gas leak caused the explosion", "a boiler exploded"
        "leak",
        "boiler",
        "firework",
        "fireworks",
    ]
)

# Modifiers that make an "attack" a bout of illness ("a heart attack", "a panic attack"), and a "cause" of
# death no one's act ("died of natural causes").
ILLNESS_MODIFIERS = frozenset(
    {"heart", "cardiac", "panic", "anxiety", "asthma", "asthmatic", "epileptic", "allergic", "migraine", "natural"}
)

# Nouns whose presence in a clause makes "killed"/"died"/"injured" an attack outcome.
ATTACK_CONTEXT = frozenset(
    [
        "attack",
        "strike",
        "airstrike",
        "bombing",
        "bomb",
        "blast",
        "explosion",
        "ied",
        "explosive",
        "device",
        "shooting",
        "gunfire",
        "gunman",
        "gunmen",
        "shelling",
        "shell",
        "mortar",
        "rocket",
        "missile",
        "drone",
        "raid",
        "ambush",
        "stabbing",
        "knife",
        "assault",
        "clash",
        "fighting",
        "offensive",
        "sniper",
        "grenade",
        "militant",
        "militants",
        "insurgent",
        "terrorist",
        "rebel",
        "assailant",
        "attacker",
        "ambush",
        "massacre",
        "gunbattle",
        "firefight",
        "crossfire",
        "bomber",
        "suicide",
        "shooter",
        "artillery",
        "gunshot",
        "bullet",
        "jihadist",
        "extremist",
        "terrorism",  # "killed in a US counter-terrorism operation" (the tokenizer splits off "counter-")
        "counterterrorism",
        "counterinsurgency",
        "commando",
    ]
)

# Nominal triggers modified by these are not (yet) events: "further Jihadi attacks", "possible strikes".
UNREAL_MODIFIERS = frozenset(
    [
        "further",
        "future",
        "possible",
        "potential",
        "any",
        "more",
        "similar",
        "such",
        "new",
        "planned",
        "imminent",
        "prospective",
        "hypothetical",
        "alleged-future",
    ]
)

# Verbs that turn an event noun into a reported act: "conducted 34 strikes", "launched an offensive".
LIGHT_VERBS = frozenset(
    [
        "conduct",
        "face",
        "suffer",
        "endure",
        "carry",
        "launch",
        "stage",
        "hold",
        "start",
        "begin",
        "mount",
        "perform",
        "commit",
        "unleash",
        "resume",
        "intensify",
        "inflict",
        "escalate",
        "step",
        "order",
        "lead",
        "organize",
        "organise",
        "execute",
        "pursue",
        "wage",
        "make",
        "initiate",
        "continue",
        "spark",
        "trigger",
        "announce",
        "issue",
        "have",
    ]
)

# Verbs of a stance towards an act named as their object ("not intended to support an operation to storm X"):
# denying the stance says nothing of whether the act happens.
STANCE_VERBS = frozenset(
    ["support", "back", "endorse", "oppose", "approve", "justify", "condone", "welcome", "help", "assist", "aid"]
)

# Military hardware that is deployed as a force is ("deployed warships", "deployed a missile battery").
MATERIEL = frozenset(
    {"warship", "ship", "jet", "aircraft", "plane", "bomber", "helicopter", "tank", "battery", "destroyer"}
    | {"carrier", "submarine", "artillery", "missile", "frigate", "fleet", "squadron", "battalion", "brigade"}
)
# Military drill: shooting and destroying in an exercise are practice ("live-fire exercise", "training range").
TRAINING = frozenset({"exercise", "drill", "rehearsal", "wargame", "war-game", "simulation"})
# Words of sport: a country that "defeated" or "beat" another in a match played it.
# Only words with no sense in conflict news ("scores of civilians", "a medical team", "the goal is peace").
SPORT = frozenset(
    {"cricket", "football", "soccer", "rugby", "basketball", "tennis", "hockey", "tournament", "championship"}
    | {"olympics", "olympic", "semifinal", "semi-final", "quarterfinal", "quarter-final"}
    | {"qualify", "qualifier", "qualification", "match", "cup", "league", "fixture", "stadium", "striker"}
)
# Nouns for things said: withdrawing one takes back words, not troops.
STATEMENT_NOUNS = frozenset(
    {"report", "claim", "statement", "remark", "comment", "story", "article", "allegation", "accusation", "tweet"}
)

# Verbs of reaction that take a particular act as their object ("The United States strongly condemns ISIL's
# attacks in Tel Tamer"). In the simple present they are said at the time of speaking, not habitual, and their
# subject reacts to the act rather than doing it.
REACTION_VERBS = frozenset(
    {"condemn", "denounce", "deplore", "decry", "mourn", "lament", "regret", "criticize", "criticise", "slam"}
    | {"applaud", "praise", "commend", "salute", "welcome"}
    # who speaks of, looks into or blames an act did not do it either: "Putin described the killing of Karlov"
    | {"describe", "characterize", "characterise", "blame", "investigate", "probe", "document", "recall"}
    | {"commemorate", "discuss"}
)
# The same reaction as a state: "I am appalled by this latest brutal attack".
REACTION_STATES = frozenset(
    {"appalled", "shocked", "saddened", "horrified", "outraged", "dismayed", "alarmed", "disturbed", "sickened"}
    | {"troubled", "concerned", "angered", "deplored", "condemned"}
)

# Nouns that pass their role to an event noun after "of": "a series of airstrikes", "reports of strikes".
TRANSPARENT = frozenset(
    ["series", "wave", "spate", "string", "barrage", "round", "volley", "number", "reports", "report"]
)

TROOPS = frozenset(
    [
        "troop",
        "force",
        "soldier",
        "army",
        "military",
        "unit",
        "fighter",
        "militia",
        "brigade",
        "battalion",
        "division",
        "regiment",
        "marine",
        "peacekeeper",
        "contingent",
        "personnel",
        "warship",
        "ship",
        "jet",
        "aircraft",
        "carrier",
        "reinforcement",
        "police",
    ]
)

TERRITORY = frozenset(
    [
        "territory",
        "area",
        "town",
        "village",
        "city",
        "district",
        "neighborhood",
        "neighbourhood",
        "base",
        "airport",
        "airfield",
        "position",
        "hill",
        "region",
        "province",
        "road",
        "highway",
        "checkpoint",
        "border",
        "bridge",
        "dam",
        "quarter",
        "suburb",
        "outskirts",
        "stronghold",
        "ground",
        "land",
    ]
)

WEAPONS = {
    "missile": "heavy-weapons",
    "rocket": "heavy-weapons",
    "munition": "heavy-weapons",
    "shell": "heavy-weapons",
    "mortar": "heavy-weapons",
    "artillery": "heavy-weapons",
    "round": "firearms",
    "bullet": "firearms",
    "shot": "firearms",
    "weapon": "",
    "bomb": "explosives",
    "grenade": "explosives",
    "drone": "drone",
    "gas": "unconventional",
    "chlorine": "unconventional",
    "sarin": "unconventional",
    "tear": "crowd-control",
    "cannon": "crowd-control",  # "water cannon"
}

HOSTILE_OBJECTS = frozenset(
    [
        "unit",
        "target",
        "fighter",
        "militant",
        "position",
        "enemy",
        "terrorist",
        "force",
        "convoy",
        "vehicle",
        "tank",
        "insurgent",
        "rebel",
    ]
)

CAPTIVES = frozenset(["prisoner", "hostage", "detainee", "captive", "journalist", "activist", "soldier", "sailor"])

PEOPLE = frozenset(
    [
        "people",
        "protester",
        "demonstrator",
        "supporter",
        "resident",
        "student",
        "worker",
        "crowd",
        "thousand",
        "hundred",
        "dozen",
        "citizen",
        "farmer",
        "activist",
        "opposition",
        "woman",
        "man",
        "youth",
        "voter",
    ]
)

# Vehicles are not actors: "the aircraft overran the runway" (dev distractor, an aviation accident).
VEHICLES = frozenset(
    [
        "aircraft",
        "plane",
        "airplane",
        "airliner",
        "jet",
        "helicopter",
        "car",
        "truck",
        "vehicle",
        "train",
        "ship",
        "boat",
        "bus",
    ]
)

# Verbs whose clausal complement is reported speech or thought: the boundary of a trigger's modality chain.
SPEECH = frozenset(
    [
        "say",
        "tell",
        "report",
        "claim",
        "allege",
        "confirm",
        "deny",
        "add",
        "state",
        "announce",
        "according",
        "note",
        "insist",
        "write",
        "tweet",
        "warn",
        "believe",
        "think",
        "accuse",
        "argue",
        "explain",
        "suggest",
        "acknowledge",
        "admit",
        "show",
        "indicate",
        "reveal",
    ]
)

PLAN_GOVERNORS = frozenset(
    [
        "plan",
        "intend",
        "aim",
        "prepare",
        "ready",
        "going",
        "set",
        "vow",
        "pledge",
        "seek",
        "want",
        "decide",
        "commit",
        "committed",  # "remains committed to ... destroy": the adjective keeps its own lemma
        "prepared",  # "is prepared to impose martial law"
        "determined",
        "propose",
        "poised",
        "expect",
        "hope",
        "schedule",
        "about",
        "plot",
        "eager",  # "has been eager to withdraw"
        "keen",
        "willing",
        "wish",
    ]
)

HYPOTHETICAL_GOVERNORS = frozenset(
    ["consider", "possible", "possibly", "likely", "potential", "risk", "may", "might", "could"]
)

# Present-tense verbs that still report current events ("forces continue to liberate territory").
ONGOING = frozenset(["continue", "keep", "remain"])

# Verbs whose subject undergoes the event named by their object: "civilians are facing shelling".
UNDERGO_VERBS = frozenset({"face", "suffer", "endure", "sustain", "come", "witness", "experience"})

# Attacks and weapons: what did the harm, never who did it. As the subject of "killed" they are no actor ("a
# roadside bomb killed two soldiers": the attacker is unknown), unless a country owns them ("U.S. airstrikes
# killed ...": that country's military).
MEANS_OF_ATTACK = frozenset(
    [
        "attack",
        "strike",
        "airstrike",
        "air-strike",
        "bombing",
        "bomb",
        "car-bomb",
        "blast",
        "explosion",
        "shooting",
        "shelling",
        "gunfire",
        "missile",
        "rocket",
        "shell",
        "mortar",
        "ied",
        "mine",
        "landmine",
        "grenade",
        "bullet",
        "raid",
        "ambush",
        "stabbing",
        "device",
        "munition",
        "drone",  # "a Ukrainian drone struck an oil depot": the state's military, or no one named
        "uav",
    ]
)
# Count nouns in front of attacks: "a series of airstrikes", "a barrage of rockets".
ATTACK_QUANTIFIERS = frozenset(["series", "wave", "barrage", "volley", "salvo", "spate", "string", "round"])

# What a harm verb acts on only in a figure of speech: plans and deals are "killed", records and highs "hit"
# (MEANTIME Wikinews business news: "the deal had been killed by the Pentagon", "we hit a home run").
FIGURATIVE_PATIENTS = frozenset(
    {"deal", "bill", "plan", "proposal", "project", "idea", "program", "programme", "legislation", "measure"}
    | {"agreement", "contract", "bid", "hope", "chance", "talk", "negotiation", "motion", "amendment", "reform"}
    | {"record", "high", "low", "peak", "milestone", "run", "headline", "jackpot", "snag", "roadblock"}
    | {"level", "mark", "threshold", "shelf", "note", "stride", "nerve", "rock"}
)

# Possessors that name the day of an act, not its doer ("yesterday's attack", "Sunday's raid").
DAY_OWNERS = frozenset(
    {"yesterday", "today", "tonight", "night", "morning", "afternoon", "evening"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
