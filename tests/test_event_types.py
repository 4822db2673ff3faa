"""Event typing: two news sentences (written for these tests) per ACLED sub-event type; the vocabulary."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from conftest import CONTRACT_SUB_EVENT_TYPES, extract_text
from eventdesk.extract import Extractor
from eventdesk.extract.event_typing import protest_severity
from eventdesk.knowledge.event_types import load_event_lexicon

CASES: list[tuple[str, str]] = [
    # Battles
    (
        "Armed clash",
        "Government troops clashed with al-Shabaab militants near the town of Afgoye on Tuesday, "
        "leaving six fighters dead, a military official said.",
    ),
    (
        "Armed clash",
        "Fighting broke out between the Sudanese army and the Rapid Support Forces in Omdurman on "
        "Sunday, residents said.",
    ),
    (
        "Government regains territory",
        "The Nigerian army recaptured the town of Marte from Boko Haram fighters "
        "on Saturday, a military spokesman said.",
    ),
    (
        "Government regains territory",
        "Iraqi security forces retook the village of Tal Abta from Islamic State "
        "militants after a two-day operation, officials said.",
    ),
    (
        "Non-state actor overtakes territory",
        "Al-Shabaab militants seized control of the town of Mahas on Monday, residents said.",
    ),
    (
        "Non-state actor overtakes territory",
        "Rebels captured the town of Bunagana near the Ugandan border on Monday, local officials said.",
    ),
    # Violence against civilians
    (
        "Sexual violence",
        "Soldiers raped at least ten women in the village of Minova last week, a United Nations report said.",
    ),
    (
        "Sexual violence",
        "Militiamen sexually assaulted two girls at a camp for displaced people in Ituri "
        "province on Friday, aid workers said.",
    ),
    (
        "Attack",
        "Gunmen killed seven villagers in the village of Kukawa in Borno state on Monday night, "
        "residents said.",
    ),
    ("Attack", "Militants attacked civilians at a market in Gao on Sunday, killing 12 people, police said."),
    (
        "Abduction/forced disappearance",
        "Armed men abducted 20 students from a school in Kaduna state on Thursday, police said.",
    ),
    (
        "Abduction/forced disappearance",
        "Boko Haram fighters kidnapped a local aid worker near Monguno on Wednesday, the aid group said.",
    ),
    # Explosions/Remote violence
    (
        "Chemical weapon",
        "A chemical attack on the town of Khan Sheikhoun killed more than 80 people on Tuesday, "
        "a monitoring group said.",
    ),
    (
        "Chemical weapon",
        "Government aircraft dropped bombs containing sarin on the town of Ltamenah, the "
        "chemical weapons watchdog said.",
    ),
    (
        "Air/drone strike",
        "An Israeli airstrike on a house in Rafah killed nine people overnight, health officials said.",
    ),
    (
        "Air/drone strike",
        "A US drone strike killed two suspected al-Qaeda militants in Shabwa province on "
        "Friday, local officials said.",
    ),
    (
        "Suicide bomb",
        "A suicide bomber blew himself up at a mosque in Peshawar during Friday prayers, killing "
        "at least 50 worshippers, police said.",
    ),
    (
        "Suicide bomb",
        "At least 14 soldiers were killed when a suicide car bomb hit an army checkpoint in "
        "Mogadishu on Sunday, officials said.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Russian forces shelled residential areas of Kharkiv overnight, "
        "killing three civilians, the regional governor said.",
    ),
    (
        "Shelling/artillery/missile attack",
        "Houthi rebels fired a ballistic missile at the Saudi city of Jizan on Tuesday, the coalition said.",
    ),
    (
        "Remote explosive/landmine/IED",
        "A roadside bomb struck a military convoy in Kunar province on Monday, "
        "killing four soldiers, officials said.",
    ),
    (
        "Remote explosive/landmine/IED",
        "Two children were killed when they stepped on a landmine near the "
        "village of Sirwah on Saturday, local sources said.",
    ),
    (
        "Grenade",
        "Unidentified attackers threw a grenade at a police station in Srinagar on Wednesday, wounding "
        "two officers, police said.",
    ),
    (
        "Grenade",
        "A grenade attack on a market in Bujumbura injured 15 people on Saturday evening, witnesses said.",
    ),
    # Protests
    (
        "Peaceful protest",
        "Thousands of teachers marched through the capital Nairobi on Tuesday to demand higher wages.",
    ),
    (
        "Peaceful protest",
        "Hundreds of residents staged a protest outside the governor's office in Basra on "
        "Sunday over power cuts.",
    ),
    (
        "Protest with intervention",
        "Police fired tear gas to disperse hundreds of students protesting against "
        "fee increases in Johannesburg on Monday.",
    ),
    (
        "Protest with intervention",
        "Security forces arrested dozens of demonstrators during a protest against "
        "the election results in Kinshasa on Saturday.",
    ),
    (
        "Excessive force against protesters",
        "Soldiers opened fire on protesters in Khartoum on Thursday, "
        "killing at least five people, medics said.",
    ),
    (
        "Excessive force against protesters",
        "Police shot dead three demonstrators during an anti-government "
        "protest in Conakry on Monday, the opposition said.",
    ),
    # Riots
    (
        "Violent demonstration",
        "Rioters set fire to government buildings and looted shops in the town of "
        "Kasese on Friday, police said.",
    ),
    (
        "Violent demonstration",
        "Protesters threw stones at police and burned tyres in the Kibera slum of "
        "Nairobi on Monday, witnesses said.",
    ),
    (
        "Mob violence",
        "A mob lynched a man accused of theft in the town of Bunia on Sunday, local officials said.",
    ),
    (
        "Mob violence",
        "Angry villagers beat two suspected kidnappers to death in the village of Ogbaku on "
        "Tuesday, police said.",
    ),
    # Strategic developments
    (
        "Agreement",
        "The government and the National Liberation Army signed a ceasefire agreement in Havana on Monday.",
    ),
    (
        "Agreement",
        "Armenia and Azerbaijan agreed to a humanitarian truce on Saturday, the foreign ministers said.",
    ),
    (
        "Arrests",
        "Police arrested 15 suspected members of the Islamic State group across Istanbul on Friday, "
        "state media reported.",
    ),
    (
        "Arrests",
        "Security forces detained a prominent opposition leader at his home in Dhaka on Sunday, his "
        "party said.",
    ),
    (  # ACLED lists surrenders among agreements
        "Agreement",
        "More than 200 fighters of the rebel group surrendered to the army in North "
        "Kivu on Wednesday, officials said.",
    ),
    ("Change to group/activity", "The militia formally disbanded on Sunday, its leader said."),
    (
        "Change to group/activity",
        "Two rebel factions in the east merged into a single movement on Friday, their leaders said.",
    ),
    (
        "Disrupted weapons use",
        "Army engineers defused a roadside bomb planted near a school in Kandahar on "
        "Tuesday, officials said.",
    ),
    (
        "Disrupted weapons use",
        "Air defences intercepted two drones launched towards the city of Erbil on "
        "Monday, the regional government said.",
    ),
    (
        "Headquarters or base established",
        "The militants set up a base in the forest near the village of Kalisa last month, residents said.",
    ),
    (
        "Headquarters or base established",
        "Islamist fighters established a base in the Sambisa forest, the army said.",
    ),
    (
        "Looting/property destruction",
        "Armed men looted shops in the market of Bambari on Saturday, witnesses said.",
    ),
    (
        "Looting/property destruction",
        "Soldiers torched dozens of homes in the village of Kpalang on Wednesday, residents said.",
    ),
    (
        "Non-violent transfer of territory",
        "French troops handed over the Menaka base to the Malian army on Monday, the army said.",
    ),
    (
        "Non-violent transfer of territory",
        "The rebels ceded control of the town of Kidal to government forces on Friday, local officials said.",
    ),
    (
        "Other",
        "Islamist militants released 12 hostages, including four foreigners, in northern Mali on "
        "Thursday, a security source said.",
    ),
    ("Other", "The government freed 300 political prisoners on Saturday, state television reported."),
]



@pytest.mark.parametrize(("sub_event_type", "text"), CASES)
def test_sentence_is_typed(extractor: Extractor, sub_event_type: str, text: str) -> None:
    result = extract_text(extractor, text)
    assert [e.sub_event_type for e in result.events] == [sub_event_type]
    event = result.events[0]
    assert event.event_type == load_event_lexicon().event_type_of(sub_event_type)


def test_every_sub_event_type_has_two_sentences() -> None:
    counted = {
        sub: sum(1 for s, _ in CASES if s == sub)
        for subs in CONTRACT_SUB_EVENT_TYPES.values()
        for sub in subs
    }
    assert all(n >= 2 for n in counted.values()), counted


def test_vocabulary_spells_the_contract() -> None:
    lexicon = load_event_lexicon()
    assert {etype: set(subs) for etype, subs in lexicon.event_types.items()} == CONTRACT_SUB_EVENT_TYPES
    assert set(lexicon.plover_events) == {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
    assert lexicon.inter_codes[1] == "State forces" and lexicon.inter_codes[8] == "External/Other forces"
    for frame in lexicon.frames.values():
        assert frame.plover_event in lexicon.plover_events
        assert frame.acled is None or frame.acled[1] in lexicon.event_types[frame.acled[0]]


def test_user_file_adds_trigger_words(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("frames:\n  attack:\n    words: [waylay]\n", encoding="utf-8")
    lexicon = load_event_lexicon((str(extra),))
    assert any(entry.phrase == ("waylay",) for entry in lexicon.triggers["waylay"])
    assert "attack" in {e.phrase[0] for e in lexicon.triggers["attack"]}  # the built-in words stay


def test_interaction_codes_follow_acled(extractor: Extractor) -> None:
    result = extract_text(
        extractor, "Government troops clashed with al-Shabaab militants near Afgoye on Tuesday."
    )
    event = result.events[0]
    assert (event.inter1, event.inter2, event.interaction) == (1, 2, 12)


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Russian warplanes destroyed a bridge near Raqqa on Tuesday, activists said.", "Air/drone strike"),
        ("A Turkish drone destroyed two trucks near Qamishli on Sunday, a monitor said.", "Air/drone strike"),
        ("Airstrikes destroyed a fuel depot near Sanaa on Friday, residents said.", "Air/drone strike"),
        ("Artillery shells destroyed three houses in Donetsk on Monday, officials said.",
         "Shelling/artillery/missile attack"),
        ("A roadside bomb destroyed an army truck near Kandahar on Monday, police said.",
         "Remote explosive/landmine/IED"),
    ],
)
def test_an_instrument_as_doer_types_the_incident(
    extractor: Extractor, text: str, sub_event_type: str
) -> None:
    events = extract_text(extractor, text).events
    assert events and events[0].sub_event_type == sub_event_type
    assert events[0].plover.event == "ASSAULT"


def test_people_who_destroy_property_keep_looting_type(extractor: Extractor) -> None:
    text = "Militiamen destroyed dozens of shops in the market of Bunia on Sunday, residents said."
    subs = [e.sub_event_type for e in extract_text(extractor, text).events]
    assert subs == ["Looting/property destruction"]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # blowing oneself up is a suicide bombing, whatever the bomber is called
        ("On 4 March 2024, a militant attacker blew himself up outside a police post in Quetta. "
         "Nine people were killed.", "Suicide bomb"),
        # live rounds fired at people are an attack; state forces doing so at a protest, excessive force
        ("On 2 May 2023, gunmen fired live ammunition at a bus near Jos, wounding four passengers.",
         "Attack"),
        ("On 9 June 2023, soldiers fired live bullets at a crowd of demonstrators in Kassala, killing a "
         "student.", "Excessive force against protesters"),
        # forces or a crowd beating people, a crowd burning a person: attacks, mob violence
        ("On 8 May 2023, police officers beat a street vendor in Lusaka.", "Attack"),
        ("On 1 April 2023, an angry crowd set ablaze a man accused of theft in Onitsha.", "Mob violence"),
        # chemical agents by name
        ("On 5 May 2024, troops dropped munitions containing chloropicrin on trenches near Avdiivka.",
         "Chemical weapon"),
        # people gathering for a cause protest; the cause's words are not the protest's outcome
        ("On 6 May 2023, traders gathered in Kumasi to denounce the arrest of their leader.",
         "Peaceful protest"),
        # territory taken or left without a fight changes hands non-violently
        ("On 7 May 2023, rebels took control of the town of Kitshanga without resistance.",
         "Non-violent transfer of territory"),
        ("On 8 May 2023, government troops entered the town of Ber without a fight.",
         "Non-violent transfer of territory"),
        ("On 9 May 2023, the army withdrew from the town of Anefis.", "Non-violent transfer of territory"),
    ],
)
def test_notes_style_constructions_are_typed(extractor: Extractor, text: str, sub_event_type: str) -> None:
    events = extract_text(extractor, text).events
    assert events and events[0].sub_event_type == sub_event_type


def test_leaving_talks_is_no_transfer_of_territory(extractor: Extractor) -> None:
    result = extract_text(extractor, "The opposition withdrew from the peace talks in Geneva on Monday.")
    assert result.events == []
    assert [a.plover.event for a in result.actions] == ["RETREAT"]


def test_a_gathering_without_a_cause_is_no_protest(extractor: Extractor) -> None:
    result = extract_text(extractor, "Relatives gathered at the hospital in Kano on Monday.")
    assert result.events == []


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # a simple past misread as a modifier still reports the act
        ("On 3 June 2023, soldiers gang-raped two women in Kalehe.", "Sexual violence"),
        # bombs dropped by an air force; a vehicle bomb driven by its bomber; a chemical payload on rockets
        ("On 4 June 2023, the air force bombed the village of Kyauktaw, killing six people.",
         "Air/drone strike"),
        ("On 5 June 2023, an SVBIED struck an army checkpoint near Afgooye.", "Suicide bomb"),
        ("On 6 June 2023, troops fired rockets loaded with chlorine at the town of Saraqib.",
         "Chemical weapon"),
        # police breaking up a protest: the protest with its outcome; protesters doing violence: a riot
        ("On 7 June 2023, police dispersed protesters with tear gas in Nairobi.",
         "Protest with intervention"),
        ("On 8 June 2023, protesters stormed the district office in Kasese and damaged property.",
         "Violent demonstration"),
        # an activist taken by agents is disappeared, not a protester
        ("On 9 June 2023, security agents forcibly disappeared an activist in Karachi.",
         "Abduction/forced disappearance"),
        ("On 10 June 2023, gunmen hacked a farmer to death with machetes in Bokkos.", "Attack"),
        ("On 11 June 2023, police took 12 opposition members into custody in Lusaka.", "Arrests"),
        # a group's structure changes
        ("On 12 June 2023, the rebel movement formed a new armed wing in Kayah.", "Change to group/activity"),
        ("On 13 June 2023, the militia split into two rival factions in Wollega.",
         "Change to group/activity"),
        # weapons made safe or found before use
        ("On 14 June 2023, police safely detonated an IED found on a road in Mandera.",
         "Disrupted weapons use"),
        ("On 15 June 2023, the army recovered a cache of rifles from a hideout in Kupwara.",
         "Disrupted weapons use"),
        # places left or handed over, or taken after the other side left
        ("On 16 June 2023, militants abandoned the town of Bulo Burde.", "Non-violent transfer of territory"),
        ("On 17 June 2023, peacekeepers transferred their base in Ber to the army.",
         "Non-violent transfer of territory"),
        ("On 18 June 2023, the army took control of Anefis after the rebels withdrew from the town.",
         "Non-violent transfer of territory"),
    ],
)
def test_more_notes_constructions_are_typed(extractor: Extractor, text: str, sub_event_type: str) -> None:
    events = extract_text(extractor, text).events
    assert events and events[0].sub_event_type == sub_event_type


def test_a_dispersal_told_after_the_protest_is_its_outcome(extractor: Extractor) -> None:
    text = "Students marched in Dhaka on Monday. Police dispersed the protesters with batons."
    events = extract_text(extractor, text).events
    assert [e.sub_event_type for e in events] == ["Protest with intervention"]
    assert events[0].inter1 == 6 and events[0].inter2 == 1


def test_a_town_taken_after_fighting_is_not_handed_over(extractor: Extractor) -> None:
    text = "On 2 July 2023, rebels took control of Kitshanga after heavy fighting as the army withdrew."
    events = extract_text(extractor, text).events
    assert events and events[0].sub_event_type == "Non-state actor overtakes territory"


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # two acts of one kind in one sentence: the more specific names the incident
        ("On 2 July 2023, gunmen abducted and raped a girl near Kaura.", "Sexual violence"),
        ("On 3 July 2023, the army detained the prime minister and seized power in a coup in Conakry.",
         "Other"),
        ("On 4 July 2023, militants killed six villagers near Seno and set fire to their granaries.",
         "Attack"),
        # a detention no one acknowledges is a forced disappearance
        ("On 5 July 2023, police picked up a student in Quetta; his whereabouts remain unknown.",
         "Abduction/forced disappearance"),
        ("On 6 July 2023, gunmen took four traders hostage on the road to Kidal.",
         "Abduction/forced disappearance"),
        # "riot police" is no riot; killing a protester is excessive force, also when it is told as a setting
        ("On 7 July 2023, riot police fired tear gas at students protesting in Accra.",
         "Protest with intervention"),
        ("On 8 July 2023, police shot dead four people in Juba as protesters marched on parliament.",
         "Excessive force against protesters"),
        # crowds fighting each other, or with blades, are mob violence
        ("On 9 July 2023, youths from two villages clashed with machetes over farmland near Kasese.",
         "Mob violence"),
        ("On 10 July 2023, members of two clans attacked each other near Baidoa.", "Mob violence"),
        # heavy weapons by their own words; ordnance left behind is a remote explosive
        ("On 11 July 2023, the two armies exchanged artillery fire across the border near Kurram.",
         "Shelling/artillery/missile attack"),
        ("On 12 July 2023, mortar bombs landed on a market in Afgooye, killing three.",
         "Shelling/artillery/missile attack"),
        ("On 13 July 2023, an unexploded shell went off in a field near Taiz, killing a boy.",
         "Remote explosive/landmine/IED"),
        # agreements: prisoners exchanged, captives released in a deal, a pause in fighting agreed
        ("On 14 July 2023, the two sides exchanged prisoners at a checkpoint near Mariupol.", "Agreement"),
        ("On 15 July 2023, the rebels and the government released 40 detainees each under a deal.",
         "Agreement"),
        # groups changing: a new leader named, a unit reorganised
        ("On 16 July 2023, the militant group named a new commander for its southern wing.",
         "Change to group/activity"),
        # weapons made safe; places retaken by government forces
        ("On 17 July 2023, soldiers recovered and destroyed an IED near Pulwama.", "Disrupted weapons use"),
        ("On 18 July 2023, the army drove the insurgents out of three villages near Kirkuk.",
         "Government regains territory"),
        ("On 19 July 2023, troops took back control of the town of Bama from the militants.",
         "Government regains territory"),
    ],
)
def test_constructions_read_from_descriptions(extractor: Extractor, text: str, sub_event_type: str) -> None:
    events = extract_text(extractor, text).events
    assert events and events[0].sub_event_type == sub_event_type


def test_a_bar_fight_without_weapons_is_no_event(extractor: Extractor) -> None:
    assert extract_text(extractor, "Two men fought outside a bar in Leeds on Saturday night.").events == []


def test_a_released_statement_is_no_release(extractor: Extractor) -> None:
    result = extract_text(extractor, "The ministry released a statement on Monday about the border.")
    assert result.events == []


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # what a protest is about is not how it ended, wherever the cause is told
        ("On 1 August 2023, party members held a human chain in Khulna to demand the release of jailed "
         "leaders.",
         "Peaceful protest"),
        ("On 2 August 2023, police used tear gas to disperse students who were demonstrating over the death "
         "of a classmate in Tehran.", "Protest with intervention"),
        # protesters fighting the police riot, they are no mob
        ("On 3 August 2023, students protesting fee rises smashed windows and clashed with police in Dhaka.",
         "Violent demonstration"),
        # positions on a hill are places taken; control recovered by the army is regained
        ("On 4 August 2023, rebels captured several hilltop positions near Harib after clashes with troops.",
         "Non-state actor overtakes territory"),
        ("On 5 August 2023, the army recovered control of Djibo from the militants.",
         "Government regains territory"),
        # force shown, not used
        ("On 6 August 2023, soldiers fired warning shots at a crowd near a checkpoint in Tirah.", "Other"),
    ],
)
def test_causes_positions_and_shows_of_force(extractor: Extractor, text: str, sub_event_type: str) -> None:
    events = extract_text(extractor, text).events
    assert events and events[0].sub_event_type == sub_event_type


@pytest.mark.parametrize(
    "text",
    [
        "The club appointed a new head coach on Wednesday.",
        "He drove out of the city on Sunday to visit his family.",
        "Residents gathered at the mosque for Friday prayers.",
        "Researchers found a new species of frog in the forest.",
    ],
)
def test_everyday_uses_of_the_new_words_are_no_events(extractor: Extractor, text: str) -> None:
    assert extract_text(extractor, text).events == []


def test_arrests_with_weapons_found_stay_arrests(extractor: Extractor) -> None:
    text = "On 7 August 2023, police arrested 14 suspected militants in Lagos and recovered rifles."
    assert [e.sub_event_type for e in extract_text(extractor, text).events][:1] == ["Arrests"]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("On 2 September 2023, soldiers repelled an attack by rebels on their post near Kitchanga.",
         "Armed clash"),
        ("On 3 September 2023, warplanes hit the town of Vovchansk with glide bombs, killing two.",
         "Air/drone strike"),
        ("On 4 September 2023, the militants set up a checkpoint and a camp near Djibo.",
         "Headquarters or base established"),
    ],
)
def test_repelled_attacks_glide_bombs_and_coordinated_objects(
    extractor: Extractor, text: str, sub_event_type: str
) -> None:
    events = extract_text(extractor, text).events
    assert events and events[0].sub_event_type == sub_event_type


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # a verb coordinated with a governor word is no intention ("stopped ... and abducted")
        ("Gunmen stopped a minibus near Kaduna on Tuesday and abducted nine travellers.",
         "Abduction/forced disappearance"),
        # people taken away or from where they were, by an armed group
        ("On 4 May 2022, armed men took a village chief from his house in Ruhengeri.",
         "Abduction/forced disappearance"),
        ("Militants snatched two engineers from a construction site near Quetta on Monday.",
         "Abduction/forced disappearance"),
        # control or a place taken
        ("The rebels said they had taken full control of the airport in Kamina on Thursday.",
         "Non-state actor overtakes territory"),
        ("On 3 March 2022, the army recovered the town of Djibasso from jihadist fighters.",
         "Government regains territory"),
        ("Government troops pushed the insurgents out of three villages near Pemba on Friday.",
         "Government regains territory"),
        # counted weapons and counted arrests are one incident
        ("Unknown attackers threw three grenades at a police station in Kerala overnight, police said.",
         "Grenade"),
        ("Police fired tear gas at students marching in Kampala and made dozens of arrests.",
         "Protest with intervention"),
        # a participle describes what was fired; amounts and numbers stand for what they count
        ("Rockets fired by the militia landed near the airport in Tripoli on Monday, injuring three.",
         "Shelling/artillery/missile attack"),
        ("On 2 June 2023, soldiers seized 300 kilograms of explosives from a rebel hideout near Beni.",
         "Disrupted weapons use"),
        ("Air defences downed 12 of the 20 drones launched at the city overnight, the military said.",
         "Disrupted weapons use"),
        # weapons used by aircraft that pound a place; a munition named after its chemical agent
        ("Army helicopters pounded rebel positions in the hills on Wednesday, the military said.",
         "Air/drone strike"),
        ("On 4 July 2024, troops dropped CS gas grenades from drones on enemy trenches near Toretsk.",
         "Chemical weapon"),
        # water cannon or tear gas used on a crowd
        ("Police used water cannon to scatter hundreds of farmers outside parliament on Monday.",
         "Protest with intervention"),
        # surrenders are agreements; a place surrendered is handed over
        ("On 5 May 2023, forty militiamen gave themselves up to the army in Bunia.", "Agreement"),
        ("On 9 June 2021, the garrison surrendered the town to the rebels without a fight.",
         "Non-violent transfer of territory"),
        # a group's defection, its reunion; a leader removed from power
        ("On 7 July 2020, a commander of the militia announced his defection to the rival faction.",
         "Change to group/activity"),
        ("On 3 April 2021, soldiers removed the president from power and dissolved the cabinet.", "Other"),
        # a mass grave or bodies found
        ("On 6 June 2022, a mass grave holding 30 bodies was discovered near the village of Bambari.",
         "Other"),
        # a place moved into after the other side withdrew
        ("Rebel forces moved into the town of Karema after government troops withdrew on Sunday.",
         "Non-violent transfer of territory"),
    ],
)
def test_recall_round_two_constructions(extractor: Extractor, text: str, sub_event_type: str) -> None:
    events = extract_text(extractor, text).events
    assert events and events[0].sub_event_type == sub_event_type


@pytest.mark.parametrize(
    "text",
    [
        "She took her children from school early because of the storm.",
        "The boxer downed his opponent in the third round.",
        "Fans threw two bottles onto the pitch during the match.",
        "The museum found the remains of a Roman villa under the car park.",
    ],
)
def test_everyday_uses_of_round_two_words_are_no_events(extractor: Extractor, text: str) -> None:
    assert extract_text(extractor, text).events == []


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # a light verb's object is what was done
        ("On 3 May 2021, militiamen committed rape against two women near Bambari.", "Sexual violence"),
        # a bombing at a protest is the bombing
        ("A bomb blast ripped through an opposition rally in Peshawar on Friday, killing nine people.",
         "Remote explosive/landmine/IED"),
        # a vehicle laden with explosives driven into a target by its bomber
        ("On 2 April 2022, a suicide attacker drove a truck laden with explosives into a police station.",
         "Suicide bomb"),
        # a mine a vehicle runs over
        ("Three villagers were killed when their car ran over a landmine near Kharkiv on Monday.",
         "Remote explosive/landmine/IED"),
        # protesters removed, a protest scattered
        ("On 6 May 2024, police removed students from a protest camp at the university and detained 20.",
         "Protest with intervention"),
        # crowds destroying property: a mob without a cause, a demonstration with barricades
        ("A mob burned down a church in the village after a quarrel between neighbours, police said.",
         "Mob violence"),
        ("On 2 June 2024, residents erected barricades and burned tyres on the main road in Tulear.",
         "Violent demonstration"),
        # captives freed under a ceasefire are an agreement
        ("The rebels freed 12 soldiers on Sunday under a ceasefire brokered by Qatar, officials said.",
         "Agreement"),
        # an explosives workshop uncovered; a building turned into a base; shots fired into the air
        ("On 9 May 2023, soldiers uncovered an explosives workshop in a house in Jenin.",
         "Disrupted weapons use"),
        ("The militia turned a primary school in the district into a military base, residents said.",
         "Headquarters or base established"),
        ("On 3 May 2023, gunmen rode into the market of Djibo and fired into the air before leaving.",
         "Other"),
    ],
)
def test_recall_round_two_more_constructions(extractor: Extractor, text: str, sub_event_type: str) -> None:
    events = extract_text(extractor, text).events
    assert events and events[0].sub_event_type == sub_event_type


def test_goods_carried_off_are_looted(extractor: Extractor) -> None:
    text = "Gunmen broke into a food warehouse near Malakal and carried off sacks of grain, the WFP said."
    events = extract_text(extractor, text).events
    assert [e.sub_event_type for e in events] == ["Looting/property destruction"]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # an assault or raid that was repelled is a clash
        ("On 5 March 2024, soldiers repelled a raid by jihadists on their camp near Diffa.", "Armed clash"),
        # a raid on property to loot it, nobody hurt
        ("Armed men raided a pharmacy in the town of Kaya and stole medicine, residents said.",
         "Looting/property destruction"),
    ],
)
def test_repelled_raids_and_raids_for_loot(extractor: Extractor, text: str, sub_event_type: str) -> None:
    events = extract_text(extractor, text).events
    assert events and events[0].sub_event_type == sub_event_type


def test_a_raid_that_kills_is_no_looting(extractor: Extractor) -> None:
    text = "Armed men raided a shop in Kaya, killed the owner and stole money, residents said."
    assert extract_text(extractor, text).events[0].sub_event_type != "Looting/property destruction"


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # a detention after which the person went missing, or taken away in a clause without a subject
        ("A student leader went missing after being detained by plainclothes officers in Lahore.",
         "Abduction/forced disappearance"),
        ("On 3 May 2023, a journalist disappeared after being taken away by armed men in Bukavu.",
         "Abduction/forced disappearance"),
        # arms laid down, a faction breaking away, a ceasefire ended, a spokesperson named
        ("On 6 March 2022, 30 fighters of the militia laid down their weapons in Kalehe.", "Agreement"),
        ("On 8 March 2022, a faction of the rebel movement broke away from its leadership in Wau.",
         "Change to group/activity"),
        ("The armed group announced on Monday that it was ending its unilateral ceasefire.",
         "Change to group/activity"),
        ("On 2 January 2024, the rebel group named a new spokesperson.", "Change to group/activity"),
        # a depot that blew up by accident
        ("On 4 March 2023, an ammunition depot exploded accidentally at a barracks in Brazzaville.", "Other"),
    ],
)
def test_recall_round_two_group_and_detention_constructions(
    extractor: Extractor, text: str, sub_event_type: str
) -> None:
    events = extract_text(extractor, text).events
    assert events and events[0].sub_event_type == sub_event_type


def test_a_seized_town_is_no_arrest(extractor: Extractor) -> None:
    text = "On 4 March 2023, rebels seized the town of Rubaya after the army left."
    assert extract_text(extractor, text).events[0].sub_event_type != "Arrests"


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # what a seized vehicle carries; a missile destroyed by air defences
        ("On 2 May 2023, soldiers seized a pickup loaded with rifles and ammunition near Menaka.",
         "Disrupted weapons use"),
        ("Air defence systems destroyed two missiles fired toward the capital on Friday, the army said.",
         "Disrupted weapons use"),
        # a place pulled out of is handed over
        ("Government forces pulled out of the town of Kalemie on Sunday, residents said.",
         "Non-violent transfer of territory"),
        # a deal between warring sides
        ("The warring sides reached a deal on Monday to let civilians leave the besieged town.",
         "Agreement"),
    ],
)
def test_recall_round_two_carried_weapons_and_deals(
    extractor: Extractor, text: str, sub_event_type: str
) -> None:
    events = extract_text(extractor, text).events
    assert events and events[0].sub_event_type == sub_event_type


def test_a_trade_deal_is_no_conflict_agreement(extractor: Extractor) -> None:
    text = "The two companies reached a deal on Monday to merge their shipping businesses."
    assert extract_text(extractor, text).events == []


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # "teargassed": the tagger's lemma corrected for the sentence's words too
        ("On 5 April 2023, police teargassed students marching in Accra.", "Protest with intervention"),
        # a town handed to the other side
        ("On 2 June 2022, the garrison handed the town of Kaya to the rebels without a fight.",
         "Non-violent transfer of territory"),
        # a branch of an armed group names a leader
        ("The group's West Africa branch announced the appointment of a new emir on Friday.",
         "Change to group/activity"),
    ],
)
def test_recall_round_two_dispersal_handover_and_appointments(
    extractor: Extractor, text: str, sub_event_type: str
) -> None:
    events = extract_text(extractor, text).events
    assert events and events[0].sub_event_type == sub_event_type


def test_a_letter_handed_over_is_no_transfer(extractor: Extractor) -> None:
    assert extract_text(extractor, "The envoy handed a letter to the president on Monday.").events == []


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("On 3 June 2023, rebels held two engineers captive after stopping their car near Arauca.",
         "Abduction/forced disappearance"),
        ("Dozens of young men clashed with police in Conakry on Monday, throwing stones at officers.",
         "Violent demonstration"),
        ("On 5 May 2023, villagers stoned a suspected thief to death near Segou.", "Mob violence"),
    ],
)
def test_recall_round_two_captives_riots_and_stoning(
    extractor: Extractor, text: str, sub_event_type: str
) -> None:
    events = extract_text(extractor, text).events
    assert events and events[0].sub_event_type == sub_event_type


def test_holding_a_meeting_is_no_abduction(extractor: Extractor) -> None:
    assert extract_text(extractor, "The elders held a meeting with the youths on Monday.").events == []


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("On 6 March 2023, a surveillance drone was seen flying over the army base near Kidal.", "Other"),
        ("Unidentified drones flew over the town of Gao and dropped bombs on a market, killing five.",
         "Air/drone strike"),
        ("Police found the bodies of three men who had been shot dead near Bunia on Monday.", "Attack"),
    ],
)
def test_sightings_and_findings_are_details_of_another_incident(
    extractor: Extractor, text: str, sub_event_type: str
) -> None:
    assert [e.sub_event_type for e in extract_text(extractor, text).events][:1] == [sub_event_type]


def test_a_flight_is_no_sighting(extractor: Extractor) -> None:
    assert extract_text(extractor, "The president flew to Paris on Monday for talks.").events == []


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # a word naming a weapon elsewhere in the sentence does not retype the incident
        ("Rebel artillery shelled a chemical plant on the edge of Aleppo on Tuesday, killing two guards.",
         "Shelling/artillery/missile attack"),
        ("Warplanes bombed a chemical warehouse outside Raqqa on Friday, killing six workers.",
         "Air/drone strike"),
        # ... but a weapon named on the trigger or its weapon does
        ("Government helicopters dropped barrel bombs filled with chlorine on Saraqib, wounding 20.",
         "Chemical weapon"),
        ("A suicide attack on an army checkpoint in Kabul killed seven soldiers on Monday.", "Suicide bomb"),
        # an accident is no attack only when no one is said to have done it
        ("An accidental explosion at a fireworks warehouse killed four people in Dhaka on Monday.", "Other"),
        ("A soldier accidentally shot dead a shopkeeper at a roadblock in Goma on Monday.", "Attack"),
        # riot-control agents on a crowd break up a protest
        ("Riot police used riot control agents against marchers in Minsk on Sunday.",
         "Protest with intervention"),
    ],
)
def test_an_instrument_types_the_incident_it_belongs_to(
    extractor: Extractor, text: str, sub_event_type: str
) -> None:
    assert [e.sub_event_type for e in extract_text(extractor, text).events] == [sub_event_type]


def test_a_vehicle_laden_with_goods_is_no_car_bomb(extractor: Extractor) -> None:
    text = "A man drove laden with furniture into a crowd of shoppers in Leeds on Friday, killing two."
    subs = {e.sub_event_type for e in extract_text(extractor, text).events}
    assert not subs & {"Suicide bomb", "Remote explosive/landmine/IED"}


def test_protest_severity_is_read_from_the_order_of_protest_outcomes() -> None:
    lx = load_event_lexicon()
    ranked = sorted(
        ["Protest with intervention", "Peaceful protest", "Excessive force against protesters"],
        key=lambda sub: protest_severity(sub, lx),
    )
    assert ranked == ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"]
    reordered = replace(lx, protest_outcomes=list(reversed(lx.protest_outcomes)))
    worse = protest_severity("Protest with intervention", reordered)
    assert worse > protest_severity("Excessive force against protesters", reordered)
