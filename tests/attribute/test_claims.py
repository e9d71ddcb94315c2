"""Reporting structures -> claims (attribute/claims.py, _verbs.py, link.py), on real sentences."""

from __future__ import annotations

import pytest

from eventwatch.records import Plover, SourceKind, Stance

A = Plover.ASSAULT


def _sources(analysis, index=0):
    return [(c.source.text, c.stance) for c in analysis.event_mentions[index].claims]


@pytest.mark.parametrize(
    ("text", "event", "source", "stance"),
    [
        pytest.param(
            "Police said the suspected gunman surrendered himself to police after being confronted by officers.",
            ("the suspected gunman surrendered himself", "surrendered", Plover.COERCE),
            "Police",
            Stance.ASSERT,
            id="x-said-that",
        ),
        pytest.param(
            "A U.S. strike on Jan. 1 hit two al-Qaida vehicles near Sarmada, Syria, Cook said.",
            ("A U.S. strike on Jan. 1 hit two al-Qaida vehicles", "hit", A),
            "Cook",
            Stance.ASSERT,
            id="s-comma-x-said",
        ),
        pytest.param(
            "Yesterday, Indonesia's security minister Wiranto was stabbed, according to government authorities.",
            ("Indonesia's security minister Wiranto was stabbed", "stabbed", A),
            "government authorities",
            Stance.ASSERT,
            id="according-to",
        ),
        pytest.param(
            "A series of precision U.S. airstrikes in Idlib province killed more than 20 militants, "
            "Pentagon Press "
            "Secretary Peter Cook told reporters today.",
            (
                "A series of precision U.S. airstrikes in Idlib province killed more than 20 militants",
                "killed",
                A,
            ),
            "Pentagon Press Secretary Peter Cook",
            Stance.ASSERT,
            id="x-told-y",
        ),
        pytest.param(
            "Dedi Prasetyo, a spokesperson for the Indonesian National Police, confirmed that two "
            "suspects were "
            "arrested.",
            ("two suspects were arrested", "arrested", Plover.COERCE),
            "Dedi Prasetyo, a spokesperson for the Indonesian National Police",
            Stance.CONFIRM,
            id="confirmed-that",
        ),
        pytest.param(
            "His associates have alleged Navalny was poisoned.",
            ("Navalny was poisoned", "poisoned", A),
            "His associates",
            Stance.CLAIM,
            id="alleged",
        ),
        pytest.param(
            "The Syrian army now claims full control of Aleppo, but this is a hollow victory.",
            ("The Syrian army now claims full control of Aleppo", "control", A),
            "The Syrian army",
            Stance.CLAIM,
            id="claims-object",
        ),
        pytest.param(
            "On Monday, state-owned Iranian news agency Fars reported Iran issued arrest warrants on 36 people.",
            ("Iran issued arrest warrants on 36 people", "issued", Plover.ACCUSE),
            "state-owned Iranian news agency Fars",
            Stance.REPORT,
            id="media-reported",
        ),
        pytest.param(
            "There are also reports of air strikes on the Al-Qaeda controlled eastern districts of Aleppo.",
            ("air strikes on the Al-Qaeda controlled eastern districts of Aleppo", "strikes", A),
            "reports",
            Stance.REPORT,
            id="reports-of",
        ),
        pytest.param(
            "The officers eventually shot him dead, reportedly outside a Boots store.",
            ("The officers eventually shot him dead", "shot", A),
            "reportedly",
            Stance.REPORT,
            id="reportedly",
        ),
        pytest.param(
            "According to U.S. Attorney John Bash, the manifesto if written by the suspect could strengthen "
            "the charges over the shooting.",
            ("the charges over the shooting", "shooting", A),
            "U.S. Attorney John Bash",  # not "…, the manifesto": the next clause's subject
            Stance.ASSERT,
            id="according-to-before-a-clause",
        ),
        pytest.param(
            "The minister condemned the bombings in Iraq today, including one in Baghdad claimed by Daesh that "
            "targeted mourners.",
            ("the bombings in Iraq today", "bombings", A),
            "Daesh",  # the agent of a participle on the act, not the whole noun phrase
            Stance.CLAIM,
            id="act-claimed-by-participle",
        ),
        pytest.param(
            "On Friday, the Combined Joint Task Force released a statement saying an attack on an Iraqi air base "
            "near Mosul produced no casualties.",
            ("an attack on an Iraqi air base", "attack", A),
            "the Combined Joint Task Force",  # who issued the statement, not "a statement saying an attack …"
            Stance.ASSERT,
            id="statement-saying-issued-by",
        ),
        pytest.param(
            "The Iranian Revolutionary Guard Corps (IRGC), which includes the Quds Force, declared that the "
            "general was killed by the airstrike.",
            ("the general was killed by the airstrike", "killed", A),
            "The Iranian Revolutionary Guard Corps",  # no parenthesis left open by the cut relative clause
            Stance.ASSERT,
            id="source-before-a-relative-clause",
        ),
        pytest.param(
            "The attack was claimed by the Houthi movement in Yemen. Saudi officials said the attack "
            "came from "
            "the north.",
            ("The attack was claimed", "attack", A),
            "the Houthi movement in Yemen",
            Stance.CLAIM,
            id="passive-claimed-by",
        ),
    ],
)
def test_claims_reporting_structure(analyse, text, event, source, stance):
    analysis = analyse(text, [event])
    assert (source, stance) in _sources(analysis)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        pytest.param(
            "Not surprisingly pro-Jihadi news outlets are claiming that the Russians are involved in "
            "these strikes "
            "as well. However this has been categorically denied by Dmitry Peskov, Putin’s spokesman.",
            "Dmitry Peskov, Putin’s spokesman",
            id="passive-denied-by-this",
        ),
        pytest.param(
            "US Secretary of State Mike Pompeo said the strike was Iran's doing. Iran rejected "
            "reports that it "
            "carried out the strike.",
            "Iran",
            id="rejected-reports-that",
        ),
    ],
)
def test_claims_denial(analyse, text, source):
    strikes = "There were air strikes on the eastern districts of Aleppo. "
    analysis = analyse(strikes + text, [("air strikes on the eastern districts of Aleppo", "strikes", A)])
    assert (source, Stance.DENY) in _sources(analysis)


def test_claims_claimed_responsibility(analyse):
    text = "A car bomb exploded in Mogadishu on Saturday. Al-Shabaab claimed responsibility for the attack."
    analysis = analyse(text, [("A car bomb exploded in Mogadishu", "exploded", A)])
    claim = next(c for c in analysis.event_mentions[0].claims if c.source.text == "Al-Shabaab")
    assert (claim.stance, claim.about, claim.source.kind) == (
        Stance.CLAIM,
        "responsibility",
        SourceKind.ARMED_GROUP,
    )


def test_claims_nominal_claim_that(analyse):
    text = "The rebels' claim that they shot down a helicopter near Idlib could not be checked."
    analysis = analyse(text, [("they shot down a helicopter near Idlib", "shot", A)])
    assert ("The rebels'", Stance.CLAIM) in _sources(analysis) or ("The rebels", Stance.CLAIM) in _sources(analysis)


def test_claims_quote_block_after_saying_the_following(analyse, seed_text):
    evidence = "After repelling terrorists’ continued attacks on government forces’ positions in Western Aleppo"
    analysis = analyse(seed_text, [(evidence, "repelling", A)])
    (claim,) = analysis.event_mentions[0].claims
    assert claim.source.text.startswith("a Syrian army field commander")
    assert [v.name for v in claim.source.via] == ["Fars News Agency"]


def test_claims_according_to_an_agency_the_official_said(analyse):
    # The parser takes the agency for the subject of "said" and the prosecutor for its appositive.
    text = (
        "According to semi-official news agency ISNA, the prosecutor general of Tehran, Ali Alghasi Mehr, said "
        "the 36 suspects must face murder charges over the assassination."
    )
    analysis = analyse(text, [("the assassination", "assassination", A)])
    (claim,) = analysis.event_mentions[0].claims
    assert (claim.source.text, claim.source.kind) == (
        "the prosecutor general of Tehran, Ali Alghasi Mehr",
        SourceKind.OFFICIAL,
    )
    assert [(v.text, v.name) for v in claim.source.via] == [("semi-official news agency ISNA", "ISNA")]


@pytest.mark.parametrize(
    ("text", "event", "expected"),
    [
        pytest.param(
            "The shooting began at 10:39 a.m. local time (1639 UTC), according to police, who said officers "
            "arrived at the Walmart six minutes later.",
            ("officers arrived at the Walmart", "arrived", Plover.MOBILIZE),
            [("police", Stance.ASSERT)],
            id="according-to-hung-on-the-relative",  # the parser puts "according" under "said"
        ),
        pytest.param(
            "The convoy was hit near the border, according to officials, who later said five soldiers died.",
            ("five soldiers died", "died", A),
            [("officials", Stance.ASSERT)],
            id="relative-read-as-complement",
        ),
    ],
)
def test_claims_relative_clause_speaker_is_its_noun(analyse, text, event, expected):
    # "X, who said ..." that the parser made a second main clause: the speaker is X, never "who".
    assert _sources(analyse(text, [event])) == expected


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "The shooting began at 10:39 a.m. local time (1639 UTC), according to police, who said officers "
            "arrived at the Walmart six minutes later.",
            ("The shooting began", "shooting", A),
        ),
        (
            "The convoy was hit near the border, according to officials, who later said five soldiers died.",
            ("The convoy was hit", "hit", A),
        ),
    ],
)
def test_claims_according_to_reports_the_clause_before_a_relative(analyse, text, event):
    assert _sources(analyse(text, [event])) == [(text.split("according to ")[1].split(",")[0], Stance.ASSERT)]


@pytest.mark.parametrize(
    ("text", "speaker", "relay"),
    [
        pytest.param(
            "Fars reported a field commander as saying the army repelled the attacks.",
            "a field commander",
            "Fars",
            id="reported-x-as-saying",
        ),
        pytest.param(
            "Reuters quoted a commander saying the army repelled the attacks.",
            "a commander",
            "Reuters",
            id="quoted-x-saying",
        ),
        pytest.param(
            # the parser hangs "as saying" on the relative clause's verb, not on "cited"
            "The BBC also cited Budi Gunawan, chief of the Indonesian State Intelligence Agency, as saying the "
            "army repelled the attacks, which itself was related to the Islamic State.",
            "Budi Gunawan, chief of the Indonesian State Intelligence Agency",
            "The BBC",
            id="cited-x-as-saying-misattached",
        ),
    ],
)
def test_claims_outlet_relays_the_speaker_it_names(analyse, text, speaker, relay):
    analysis = analyse(text, [("the army repelled the attacks", "repelled", A)])
    (claim,) = analysis.event_mentions[0].claims
    assert claim.source.text == speaker
    assert [v.text for v in claim.source.via] == [relay]


def test_claims_said_colon_block(analyse):
    text = (
        "Minister Ellwood said:\n\nWe are concerned about the Wadi Barada area of Damascus, where "
        "civilians are "
        "facing ongoing shelling by the Asad regime."
    )
    analysis = analyse(text, [("civilians are facing ongoing shelling by the Asad regime", "facing", A)])
    assert ("Minister Ellwood", Stance.ASSERT) in _sources(analysis)


def test_claims_quote_with_speaker_after(analyse):
    text = "“The coalition in the last 24 hours conducted 10 airstrikes against ISIL in Raqqah,” Cook said."
    analysis = analyse(text, [("conducted 10 airstrikes against ISIL in Raqqah", "conducted", A)])
    assert ("Cook", Stance.ASSERT) in _sources(analysis)


def test_claims_pronoun_resolved_to_a_hyphenated_name_keeps_the_whole_name(analyse):
    text = (
        "U.N. Secretary-General Ban Ki-moon said the talks would resume. "
        "A roadside bomb killed three soldiers near Kirkuk on Monday, he said."
    )
    analysis = analyse(text, [("A roadside bomb killed three soldiers near Kirkuk on Monday", "killed", A)])
    assert analysis.event_mentions[0].claims[0].source.text == "Ban Ki-moon"


@pytest.mark.parametrize(
    ("pronoun_sentence", "expected"),
    [
        pytest.param("And, a Jan. 3 U.S. strike hit the headquarters compound itself, he added.", "Cook", id="he"),
        pytest.param(
            "And, a Jan. 3 U.S. strike hit the headquarters compound itself, she added.",
            "Cook",
            id="she-falls-back-to-person",
        ),
    ],
)
def test_claims_pronoun_resolved_to_named_source(analyse, pronoun_sentence, expected):
    text = "Pentagon Press Secretary Peter Cook said the campaign is progressing. " + pronoun_sentence
    analysis = analyse(text, [("a Jan. 3 U.S. strike hit the headquarters compound itself", "hit", A)])
    assert analysis.event_mentions[0].claims[0].source.text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Reports from Syrian and Iranian news agencies appear to confirm that the Syrian army "
            "has now started a "
            "major ground operation in and around Aleppo.",
            ["Syrian news agencies", "Iranian news agencies"],
            id="adjectives",
        ),
        pytest.param(
            "After the attack, both Saudi Arabia and the United States said that Iranian drones struck the plant.",
            ["Saudi Arabia", "the United States"],
            id="nouns",
        ),
    ],
)
def test_claims_compound_source_split(analyse, text, expected):
    trigger = "started" if "started" in text else "struck"
    evidence = text[text.index("the Syrian army") if "Syrian army" in text else text.index("Iranian drones") :]
    analysis = analyse(text, [(evidence.rstrip("."), trigger, A)])
    assert [c.source.text for c in analysis.event_mentions[0].claims] == expected


def test_claims_author_claim_when_nobody_speaks(analyse):
    text = "Near Palmyra, one strike destroyed an ISIL-held tank."
    analysis = analyse(text, [("one strike destroyed an ISIL-held tank", "destroyed", A)], outlet="CENTCOM")
    (claim,) = analysis.event_mentions[0].claims
    assert (claim.source.text, claim.source.kind, claim.stance, claim.cue) == (
        "CENTCOM",
        SourceKind.AUTHOR,
        Stance.ASSERT,
        None,
    )


def test_claims_author_named_the_author_without_outlet(analyse):
    text = "Near Palmyra, one strike destroyed an ISIL-held tank."
    analysis = analyse(text, [("one strike destroyed an ISIL-held tank", "destroyed", A)])
    assert analysis.event_mentions[0].claims[0].source.text == "the author"


def test_claims_presupposed_nominal_event_stays_with_author(analyse, seed_text):
    evidence = "the Russian air and cruise missile strikes on Al-Qaeda bases in Idlib and Homs province"
    east = "air strikes on the Al-Qaeda controlled eastern districts of Aleppo"
    analysis = analyse(seed_text, [(evidence, "strikes", A), (east, "strikes", A)])
    assert [c.source.kind for c in analysis.event_mentions[0].claims] == [SourceKind.AUTHOR]


def test_claims_detail_attribution_has_about(analyse):
    text = (
        "A gunman shot shoppers at a Walmart store in El Paso. According to Mexican President Andrés Manuel "
        "López Obrador, six Mexican nationals were killed in the attack."
    )
    analysis = analyse(text, [("A gunman shot shoppers at a Walmart store in El Paso", "shot", A)])
    claim = next(c for c in analysis.event_mentions[0].claims if "Obrador" in c.source.text)
    assert claim.about == "death toll"


def test_claims_evidence_slices_article_text(analyse, seed_text):
    evidence = "air strikes on the Al-Qaeda controlled eastern districts of Aleppo"
    analysis = analyse(seed_text, [(evidence, "strikes", A)])
    for claim in analysis.event_mentions[0].claims:
        assert claim.evidence.slice(seed_text).strip()
        if claim.source.span is not None:
            assert claim.source.span.slice(seed_text) == claim.source.text


def test_claims_source_text_leaves_out_a_comment_on_the_source(analyse):
    text = "A field commander, presumably in the city, said that troops repelled attacks on Monday."
    analysis = analyse(text, [("troops repelled attacks", "repelled", A)])
    (claim,) = analysis.event_mentions[0].claims
    assert claim.source.text == "A field commander"


def test_claims_source_text_keeps_an_appositive(analyse):
    text = "Dmitry Peskov, Putin's spokesman, denied that Russian jets bombed the hospital."
    analysis = analyse(text, [("Russian jets bombed the hospital", "bombed", A)])
    (claim,) = analysis.event_mentions[0].claims
    assert claim.source.text.startswith("Dmitry Peskov, Putin's spokesman")


def test_claims_source_text_leaves_out_a_participle_comment(analyse):
    text = "Rebels shelled the town, two officials, speaking on condition of anonymity, said."
    analysis = analyse(text, [("Rebels shelled the town", "shelled", A)])
    assert _sources(analysis) == [("two officials", Stance.ASSERT)]


def test_claims_passive_quoted_as_saying_keeps_the_chain(analyse):
    text = "The army was quoted by Reuters as saying rebels shelled the town."
    (claim,) = analyse(text, [("rebels shelled the town", "shelled", A)]).event_mentions[0].claims
    assert (claim.source.text, [v.text for v in claim.source.via]) == ("The army", ["Reuters"])


def test_claims_a_contrastive_clause_is_not_part_of_the_report(analyse):
    text = "Witnesses said the army shelled the town, while the army blamed the rebels for the shelling."
    events = [("the army shelled the town", "shelled", A)]
    claims = analyse(text, events).event_mentions[0].claims
    assert sorted((c.source.text, c.stance, c.about) for c in claims) == [
        ("Witnesses", Stance.ASSERT, None),  # the witnesses' report covers the shelling, not the blame
        ("the army", Stance.CLAIM, "responsibility"),
    ]


def test_claims_clause_final_source_the_parser_hung_on_the_clause(analyse):
    # The parser reads the Observatory as an appositive of "civilians" and leaves "said" without a subject.
    text = (
        "Russian jets struck a market in Aleppo on Monday, killing 12 civilians, the Syrian Observatory for "
        "Human Rights said."
    )
    (claim,) = analyse(text, [("Russian jets struck a market", "struck", A)]).event_mentions[0].claims
    assert (claim.source.text, claim.source.kind) == ("the Syrian Observatory for Human Rights", SourceKind.NGO_MONITOR)


def test_claims_speakers_after_a_participle_object(analyse):
    # The parser coordinates "10 people" (killed) with "police and witnesses" (who said so).
    text = (
        "A car bomb exploded near a market in Mogadishu on Saturday, killing at least 10 people, police and "
        "witnesses said."
    )
    analysis = analyse(text, [("A car bomb exploded near a market", "exploded", A)])
    assert sorted(source for source, _ in _sources(analysis)) == ["police", "witnesses"]


def test_claims_unnamed_reports_a_named_source_passes_on(analyse):
    text = (
        "The UN human rights office said it had received reports that at least 20 civilians were killed in "
        "airstrikes on Maarat al-Numan."
    )
    (claim,) = analyse(text, [("airstrikes on Maarat al-Numan", "airstrikes", A)]).event_mentions[0].claims
    assert (claim.source.text, [v.text for v in claim.source.via]) == ("reports", ["The UN human rights office"])


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Gunmen opened fire on a bus in Quetta in what officials called a terrorist attack.", "officials"),
        ("A man stabbed two people in Streatham in what the police declared a terrorist-related attack.", "the police"),
    ],
)
def test_claims_what_a_source_called_an_attack(analyse, text, source):
    (attack,) = analyse(text, [("attack", "attack", A)]).event_mentions
    assert (source, Stance.ASSERT) in _sources_of(attack)


def test_claims_called_on_is_no_characterisation(analyse):
    text = "The president called on the rebels to lay down their arms near Quetta after the attack."
    (attack,) = analyse(text, [("the attack", "attack", A)]).event_mentions
    assert all(c.source.text != "The president" for c in attack.claims)


def _sources_of(mention):
    return [(c.source.text, c.stance) for c in mention.claims]


def test_claims_withdrawing_people_retracts_nothing(analyse):
    text = (
        "Violence continued through the evening, and the news network RTHK withdrew its reporters from the field "
        "after one of them was injured."
    )
    analysis = analyse(text, [("Violence continued through the evening", "Violence", "PROTEST")])
    assert Stance.RETRACT not in [c.stance for c in analysis.event_mentions[0].claims]


def test_claims_withdrawing_a_report_retracts_it(analyse):
    strikes = "State television said jets struck a market in Idlib on Monday. "
    text = strikes + "The channel later withdrew the report."
    analysis = analyse(text, [("jets struck a market in Idlib", "struck", A)])
    assert Stance.RETRACT in [c.stance for c in analysis.event_mentions[0].claims]


def test_claims_confirming_reports_that_confirms_their_content(analyse):
    text = "The UN have confirmed reports that ISIL has killed 70 members of the Al Bu Nimr tribe in Anbar, Iraq."
    analysis = analyse(text, [("ISIL has killed 70 members of the Al Bu Nimr tribe", "killed", A)])
    assert ("The UN", Stance.CONFIRM) in _sources(analysis)


def test_claims_the_according_to_cue_leaves_the_source_its_words(analyse):
    text = "Federal authorities are investigating the shooting, according to prosecutor Josh Bash."
    analysis = analyse(text, [("Federal authorities are investigating the shooting", "investigating", "ACCUSE")])
    claim = next(c for c in analysis.event_mentions[0].claims if c.source.kind is not SourceKind.AUTHOR)
    assert claim.cue == "according to" and "Josh Bash" in claim.source.text


@pytest.mark.parametrize(
    ("tail", "source"),
    [(", reported officials.", "officials"), (", said the governor.", "the governor")],
)
def test_claims_an_inverted_cue_after_the_content_names_its_source(analyse, tail, source):
    text = "Five people were killed in the shelling of Idlib on Monday" + tail
    analysis = analyse(text, [("Five people were killed in the shelling of Idlib", "killed", A)])
    assert (source, Stance.ASSERT) in _sources(analysis)


def test_claims_a_cue_in_a_time_clause_reports_nothing_before_it(analyse):
    text = "The protests began in June after the Hong Kong government proposed an amendment to a law."
    analysis = analyse(text, [("The protests began in June", "protests", "PROTEST")])
    assert all(source != "the Hong Kong government" for source, _ in _sources(analysis))


def test_claims_as_the_source_said_reports_the_clause(analyse):
    text = "Five people were killed in the attack in Kabul, as police said on Monday."
    analysis = analyse(text, [("Five people were killed in the attack in Kabul", "killed", A)])
    assert ("police", Stance.ASSERT) in _sources(analysis)


def test_claims_a_cue_verb_inside_a_complement_is_no_speech_tag(analyse):
    # "maintain" reports nothing here: it is what ISIL is not allowed to do, not "S, ISIL maintained"
    text = "We will not allow ISIL to maintain capabilities that threaten Coalition forces, Dorrian said."
    out = analyse(text, [("We will not allow", "allow", Plover.THREATEN)])
    assert {c.source.text for c in out.event_mentions[0].claims} == {"Dorrian"}


def test_claims_not_knowing_or_describing_is_no_denial_and_a_named_person_keeps_his_kind(analyse):
    text = (
        "Mohammed Abu Jaafar, head of forensics in eastern Aleppo, said residents felt duped.\n"
        '"I can\'t describe it," Abu Jaafar said. "Since the morning, they started to shell the areas where '
        'people have gathered."'
    )
    analysis = analyse(text, [("they started to shell the areas where people have gathered", "shell", A)])
    (claim,) = analysis.event_mentions[0].claims
    assert (claim.source.text, claim.stance) == ("Abu Jaafar", Stance.ASSERT)
    assert claim.source.kind is not SourceKind.UNNAMED


def test_claims_blame_for_the_attack_just_told_is_about_that_attack(analyse):
    text = (
        "Russian forces pounded the eastern city of Bakhmut with artillery overnight, killing three civilians, "
        "the regional governor said. Separately, a Ukrainian drone struck an oil depot in Russia's Bryansk region, "
        "Russian officials said, blaming Kyiv for the attack."
    )
    analysis = analyse(
        text,
        [
            ("Russian forces pounded the eastern city of Bakhmut with artillery overnight", "pounded", A),
            ("a Ukrainian drone struck an oil depot in Russia's Bryansk region", "struck", A),
        ],
    )
    shelling, drone = analysis.event_mentions
    assert Stance.CLAIM not in {c.stance for c in shelling.claims}
    assert ("Russian officials", Stance.CLAIM) in {(c.source.text, c.stance) for c in drone.claims}


def test_claims_speaker_after_a_clause_the_parser_made_a_second_subject(analyse):
    text = (
        "An Israeli air strike killed at least 12 Palestinians, including five children, in a house in Khan Younis "
        "on Tuesday, Palestinian health officials said."
    )
    analysis = analyse(text, [("An Israeli air strike killed at least 12 Palestinians", "strike", A)])
    assert ("Palestinian health officials", Stance.ASSERT) in _sources(analysis)


def test_claims_an_accusation_of_an_act_is_a_claim_about_it_by_the_accuser(analyse):
    text = "The RSF denied attacking civilians and accused the army of shelling residential areas in El Fasher."
    analysis = analyse(text, [("shelling residential areas in El Fasher", "shelling", A)])
    (claim,) = analysis.event_mentions[0].claims
    assert (claim.source.text, claim.source.kind, claim.stance) == ("The RSF", SourceKind.ARMED_GROUP, Stance.CLAIM)


def test_claims_an_accusation_of_a_non_event_speaks_of_no_earlier_attack(analyse):
    text = (
        "The rebels shelled the villages of Foua and Kfraya on Tuesday. Rebel spokesman Bassam Haj Mustafa accused "
        "the Syrian government of foiling the deal by imposing new conditions."
    )
    analysis = analyse(text, [("The rebels shelled the villages of Foua and Kfraya on Tuesday", "shelled", A)])
    assert "Rebel spokesman Bassam Haj Mustafa" not in {c.source.text for c in analysis.event_mentions[0].claims}


def test_claims_a_figure_another_source_disputes_contests_that_figure(analyse):
    text = (
        "Gunmen attacked a checkpoint in Kirkuk on Monday, killing 12 soldiers, the army said. "
        "The Islamic State said it killed 40 soldiers, a figure the army denied."
    )
    analysis = analyse(text, [("Gunmen attacked a checkpoint in Kirkuk on Monday", "attacked", A)])
    claims = {(c.source.text, c.stance, c.about) for c in analysis.event_mentions[0].claims}
    assert ("The Islamic State", Stance.ASSERT, "death toll") in claims
    assert ("the army", Stance.DENY, "death toll") in claims
    assert analysis.event_mentions[0].is_contested


def test_claims_a_wire_agencys_own_unverified_note_and_an_involvement_claimed_and_denied(analyse):
    text = (
        "Air strikes hit a hospital in rebel-held Idlib province on Wednesday, killing at least nine people, "
        "according to the Syrian Observatory for Human Rights. The Britain-based monitor said Russian jets were "
        "believed to have carried out the raids. Reuters could not independently verify the report. The Russian "
        "defence ministry denied its aircraft had flown over the area."
    )
    analysis = analyse(text, [("Air strikes hit a hospital in rebel-held Idlib province on Wednesday", "strikes", A)])
    (strike,) = analysis.event_mentions
    claims = {(c.source.text, c.stance, c.about): c for c in strike.claims}
    monitor = claims[("The Britain-based monitor", Stance.ASSERT, "Russian involvement")]
    assert monitor.is_hedged
    assert ("The Russian defence ministry", Stance.DENY, "aircraft involvement") in claims


def test_claims_unconfirmed_reports_are_hedged(analyse):
    text = "Unconfirmed reports said several civilians were killed in a NATO air strike near Ghazni on Sunday."
    analysis = analyse(text, [("several civilians were killed in a NATO air strike near Ghazni", "strike", A)])
    (claim,) = analysis.event_mentions[0].claims
    assert claim.hedge == "unconfirmed"


def test_claims_an_act_reported_with_no_source_named_is_an_unnamed_hedged_report(analyse):
    text = "A bombing was yesterday reported to have killed a photojournalist in the port town of Mokha."
    analysis = analyse(text, [("A bombing was yesterday reported to have killed a photojournalist", "bombing", A)])
    (claim,) = analysis.event_mentions[0].claims
    assert (claim.source.kind, claim.stance, claim.is_hedged) == (SourceKind.UNNAMED, Stance.REPORT, True)


def test_claims_a_report_inside_a_named_sources_words_is_that_sources_hedge(analyse):
    text = "The monitor said Russian jets were believed to have carried out the raids on Idlib."
    analysis = analyse(text, [("Russian jets were believed to have carried out the raids on Idlib", "raids", A)])
    (claim,) = analysis.event_mentions[0].claims
    assert claim.source.text == "The monitor" and claim.is_hedged


def test_claims_a_governments_own_minister_is_of_its_country_whatever_the_story_is_about(analyse):
    text = "The Foreign Secretary said: I am appalled by this latest brutal attack on civilians in Aleppo, Syria."
    analysis = analyse(
        text, [("this latest brutal attack on civilians in Aleppo", "attack", A)], outlet="GOV.UK (UK Government)"
    )
    (claim,) = analysis.event_mentions[0].claims
    assert (claim.source.kind, claim.source.country) == (SourceKind.OFFICIAL, "GBR")


def test_claims_a_governments_own_minister_named_after_his_office_is_of_its_country(analyse):
    text = (
        "Minister for the Middle East, Tobias Ellwood said:\n\n"
        "Over the last year the Global Coalition has launched almost 8,000 strikes against ISIL in Iraq and Syria."
    )
    events = [("the Global Coalition has launched almost 8,000 strikes against ISIL in Iraq", "strikes", A)]
    (claim,) = analyse(text, events, outlet="GOV.UK (UK Government)").event_mentions[0].claims
    assert (claim.source.text, claim.source.country) == ("Tobias Ellwood", "GBR")


def test_claims_an_officer_a_militarys_own_release_quotes_is_its_own(analyse):
    text = (
        '"The enemy has used chemical weapons in the past near Mosul," said Maj. Gen. Gary J. Volesky, commander, '
        "Combined Joint Forces Land Component Command. The coalition is training Iraqi forces."
    )
    events = [("The enemy has used chemical weapons in the past near Mosul", "used", A)]
    claims = analyse(text, events, outlet="U.S. Central Command (CENTCOM)").event_mentions[0].claims
    assert [c.source.country for c in claims if "Volesky" in c.source.text] == ["USA"]


def test_claims_it_was_reported_that_is_an_unnamed_hedged_report(analyse):
    text = "It was reported on Saturday Sirhan Sirhan was stabbed in the neck while in prison."
    analysis = analyse(text, [("Sirhan Sirhan was stabbed in the neck while in prison", "stabbed", A)])
    (claim,) = analysis.event_mentions[0].claims
    assert (claim.source.kind, claim.stance, claim.is_hedged) == (SourceKind.UNNAMED, Stance.REPORT, True)


def test_claims_dismissing_the_claim_from_a_capital_contests_that_sources_event(analyse):
    text = (
        "On Wednesday, the German government said opposition leader Alexei Navalny was poisoned with Novichok. "
        "Angela Merkel demanded an explanation from Russia. The Russian government dismissed the claim from Berlin "
        "as groundless."
    )
    analysis = analyse(
        text,
        [
            ("opposition leader Alexei Navalny was poisoned with Novichok", "poisoned", A),
            ("Angela Merkel demanded an explanation from Russia", "demanded", Plover.REQUEST),
        ],
    )
    poisoning = analysis.event_mentions[0]
    assert ("The Russian government", Stance.DENY) in _sources(analysis, 0) and poisoning.is_contested
