"""Roles: who did what to whom (compare.swaps, read through compare.facets)."""

from __future__ import annotations

import pytest

from compare import compare
from compare.facets import compare_sentences, meaning_changes
from compare.model import Document, Paragraph, SentenceBlock
from compare.text import split_sentences
from compare.worddiff import word_diff

Found = list[tuple[str, str, str | None, str | None]]


def alone(old: str, new: str) -> Found:
    """The changes of two sentences read alone."""
    return [(c.kind, c.action, c.old, c.new) for c in compare_sentences(old, new)]


def reworded(old: str, new: str) -> Found:
    """The changes of one reworded sentence, read with its word diff."""

    def doc(text: str) -> Document:
        return Document((Paragraph(text, tuple(split_sentences(text))),))

    blocks = (SentenceBlock("reworded", ((0, 0),), ((0, 0),), 0.9, words=word_diff(old, new)),)
    return [(c.kind, c.action, c.old, c.new) for c in meaning_changes(doc(old), doc(new), blocks)]


def roles(found: Found) -> Found:
    return [change for change in found if change[0] == "roles"]


def agent_dropped_both_ways(old: str, new: str, was: str, now: str) -> None:
    """OLD -> NEW drops who did it ("was" -> "now"), read alone and with its word diff; NEW ->
    OLD names it again, with the same words the other way."""
    for found in (alone(old, new), reworded(old, new)):
        assert roles(found) == [("roles", "removed", was, now)]
    for found in (alone(new, old), reworded(new, old)):
        assert roles(found) == [("roles", "added", now, was)]


# -- the two ends of a route or a shift ------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        (
            "There were no flights from Paris to London on Monday.",
            "There were no flights from London to Paris on Monday.",
            "from Paris to London",
            "from London to Paris",
        ),
        (
            "Voters shifted from the Greens to Labour.",
            "Voters shifted from Labour to the Greens.",
            "from the Greens to Labour",
            "from Labour to the Greens",
        ),
        (
            "The firm moved its head office to Leeds from York.",
            "The firm moved its head office to York from Leeds.",
            "to Leeds from York",
            "to York from Leeds",
        ),
        (
            "Water flowed from the old mine into the river.",
            "Water flowed from the river into the old mine.",
            "from the old mine into the river",
            "from the river into the old mine",
        ),
    ],
)
def test_the_ends_of_a_route_that_trade_places_are_a_direction_reversed(
    old: str, new: str, was: str, now: str
) -> None:
    assert alone(old, new) == [("roles", "changed", was, now)]
    assert reworded(old, new) == [("roles", "changed", was, now)]
    (change,) = compare_sentences(old, new)
    assert change.detail == f'direction reversed: "{was}" → "{now}"'
    assert change.severity == 1


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Figures and dates that trade places are number changes, told once.
        ("Sales rose from 40 to 55.", "Sales rose from 55 to 40."),
        ("The shop is open from Monday to Friday.", "The shop is open from Friday to Monday."),
        ("Inflation rose to 3.5% from 3.2%.", "Inflation rose to 3.2% from 3.5%."),
        # "Between" has no direction.
        (
            "The road is shut between Hexham and Corbridge.",
            "The road is shut between Corbridge and Hexham.",
        ),
        # A reworded route that keeps its direction.
        ("Ferries run from Dover to Calais.", "From Dover, ferries run to Calais."),
    ],
)
def test_ends_that_trade_places_without_a_direction_reversed_are_no_roles_change(
    old: str, new: str
) -> None:
    assert roles(alone(old, new)) == []
    assert roles(reworded(old, new)) == []


# -- a verb that changed its form, and its voice -----------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Another tense or aspect of the same verb.
        ("Acme sued Beta.", "Beta is suing Acme."),
        ("The city has sued the contractor.", "The contractor sued the city."),
        ("Rovers have overtaken United in the table.", "United overtook Rovers in the table."),
        ("Arsenal lost to Chelsea.", "Chelsea are losing to Arsenal."),
        ("The red team beat the blue team.", "The blue team is beating the red team."),
        ("The bank was fined by the regulator.", "The regulator has been fined by the bank."),
        # Past forms written another way than the verb ("misled", "thrown").
        ("The senator misled the committee.", "The committee is misleading the senator."),
        # One past form inside the other ("chose" in "chosen", "woke" in "woken").
        ("The mayor has chosen the architect.", "The architect chose the mayor."),
        ("The challenger has broken the champion.", "The champion broke the challenger."),
        (
            "The guards woke the prisoners in the night.",
            "The prisoners had woken the guards in the night.",
        ),
        ("Voters have forgotten the party.", "The party forgot voters."),
        # The voice turned round with the parties in place.
        ("Police arrested the driver.", "Police were arrested by the driver."),
        ("The firm bought its rival.", "The firm was bought by its rival."),
        # An auxiliary both share is the verb's, not a party ("had" in "The club had").
        ("The club had fined the player.", "The club had been fined by the player."),
        # A name spelled like an auxiliary is a party ("May", "Will").
        ("Johnson criticised May in the debate.", "May criticised Johnson in the debate."),
        ("Will beat Sam in the final.", "Sam beat Will in the final."),
        ("Sam was beaten by Will.", "Will was beaten by Sam."),
        (
            "The champion beat the challenger in five sets.",
            "The champion was beaten by the challenger in five sets.",
        ),
        ("The boxer threw his rival.", "The boxer was thrown by his rival."),
        # Common verbs of the news whose past is written another way ("bit", "bitten").
        ("The dog has bitten the postman.", "The postman bit the dog."),
        ("The dog bit the postman.", "The dog was bitten by the postman."),
        ("The gunman slew the soldier.", "The gunman was slain by the soldier."),
        ("The striker has outdone the keeper.", "The keeper outdid the striker."),
        # A verb whose "ing" is its own: "stings", "stinging" and "stung" are one verb.
        ("The wasp stung the boy.", "The boy is stinging the wasp."),
        ("The wasp stings the boy.", "The wasp was stung by the boy."),
        ("The champion swung at the challenger.", "The challenger swings at the champion."),
    ],
)
def test_parties_that_trade_places_as_the_verb_changes_its_form_are_a_roles_change(
    old: str, new: str
) -> None:
    # Told as written from the first party to the last: here up to "in" or the full stop.
    was, now = (text.split(" in ")[0].rstrip(".") for text in (old, new))
    assert alone(old, new) == [("roles", "changed", was, now)]
    assert reworded(old, new) == [("roles", "changed", was, now)]
    assert alone(new, old) == [("roles", "changed", now, was)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # A passive that keeps the roles.
        ("Police arrested the driver.", "The driver was arrested by police."),
        ("The regulator fined the bank.", "The bank has been fined by the regulator."),
        ("Arsenal beat Chelsea.", "Chelsea were beaten by Arsenal."),
        ("Police are investigating the fire.", "The fire is being investigated by police."),
        ("The mayor chose the architect.", "The architect was chosen by the mayor."),
        # A passive that names its agent after the rest of its clause, the roles kept.
        (
            "The army drove rebels out of the city.",
            "Rebels were driven out of the city by the army.",
        ),
        (
            "Police moved the protesters out of the square.",
            "The protesters were moved out of the square by police.",
        ),
        (
            "MPs criticised the minister over the delay on Monday.",
            "The minister was criticised over the delay by MPs on Monday.",
        ),
        # Another tense, the parties in place.
        ("The city sued the contractor.", "The city is suing the contractor."),
        ("The mayor has chosen the architect.", "The mayor chose the architect."),
        ("The dog bit the postman.", "The postman was bitten by the dog."),
        ("The state bore the cost.", "The cost was borne by the state."),
        ("The wasp stings the boy.", "The boy was stung by the wasp."),
        ("Police are bringing charges.", "Charges were brought by police."),
        # "By" that is no agent.
        ("Smith waited by the door.", "Smith was waiting by the door."),
        ("The fans drove to the stadium.", "The fans were driven to the stadium by bus."),
        # A verb whose active says what its passive does.
        ("The bill passed the Senate.", "The bill was passed by the Senate."),
        ("The Senate passed the bill on Tuesday.", "The bill passed the Senate on Tuesday."),
        # Verbs that make no roles, and a copula.
        ("Jones met Smith in Oslo.", "Smith is meeting Jones in Oslo."),
        ("The princess married the footballer.", "The footballer is marrying the princess."),
        ("The winner was Smith.", "Smith is the winner."),
    ],
)
def test_a_verb_that_changes_its_form_but_keeps_the_roles_is_no_roles_change(
    old: str, new: str
) -> None:
    assert roles(alone(old, new)) == []
    assert roles(reworded(old, new)) == []
    assert roles(alone(new, old)) == []


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        (
            "Rebels drove the army out of the city.",
            "Rebels were driven out of the city by the army.",
            "Rebels drove the army out of the city",
            "Rebels were driven out of the city by the army",
        ),
        (
            "The minister criticised MPs over the delay.",
            "The minister was criticised over the delay by MPs.",
            "The minister criticised MPs over the delay",
            "The minister was criticised over the delay by MPs",
        ),
        (
            "The council sued the developer over the tower on Monday.",
            "The council was sued over the tower by the developer on Monday.",
            "The council sued the developer over the tower",
            "The council was sued over the tower by the developer",
        ),
        (
            "The club had fined the player for the outburst.",
            "The club had been fined for the outburst by the player.",
            "The club had fined the player for the outburst",
            "The club had been fined for the outburst by the player",
        ),
    ],
)
def test_a_passive_that_names_its_agent_after_the_rest_of_its_clause_can_swap_the_roles(
    old: str, new: str, was: str, now: str
) -> None:
    # Read with the agent right after its verb; told up to the end of the rest of the clause.
    assert alone(old, new) == [("roles", "changed", was, now)]
    assert reworded(old, new) == [("roles", "changed", was, now)]
    assert alone(new, old) == [("roles", "changed", now, was)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The Senate passed the bill on Tuesday.", "The bill will pass the Senate on Tuesday."),
        ("The Senate will pass the bill.", "The bill passed the Senate."),
    ],
)
def test_a_verb_of_either_voice_in_another_form_is_no_roles_change(old: str, new: str) -> None:
    # "pass" reads as "passed" now (its "s" is its own): either voice says the same.
    assert alone(old, new) == []
    assert alone(new, old) == []


def test_a_swap_round_a_verb_in_ss_that_changed_its_form_is_a_roles_change() -> None:
    old, new = "The coach will dismiss the player.", "The player dismissed the coach."
    assert alone(old, new) == [("roles", "changed", old.rstrip("."), new.rstrip("."))]


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        (
            "Brown was passed by Green on the last lap.",
            "Green was passed by Brown on the last lap.",
            "Brown was passed by Green",
            "Green was passed by Brown",
        ),
        (
            "Smith passed the ball to Jones, who scored.",
            "Jones passed the ball to Smith, who scored.",
            "Smith passed the ball to Jones",
            "Jones passed the ball to Smith",
        ),
    ],
)
def test_pass_between_two_people_swaps_their_roles(old: str, new: str, was: str, now: str) -> None:
    # "pass" says the same in either voice of a law and a chamber, not of who overtook whom.
    assert alone(old, new) == [("roles", "changed", was, now)]
    assert alone(new, old) == [("roles", "changed", now, was)]
    assert alone("The Senate passed the bill.", "The bill passed the Senate.") == []


# -- a second clause with its verb left out, and a passive with no agent ---------------------


def test_parties_traded_with_a_clause_whose_verb_is_left_out_are_a_roles_change() -> None:
    old = "The north was hit by floods and the south by drought."
    new = "The north was hit by drought and the south by floods."
    was, now = "floods and the south by drought", "drought and the south by floods"
    assert alone(old, new) == [("roles", "changed", was, now)]
    assert reworded(old, new) == [("roles", "changed", was, now)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # A list, the same word before each item, or an adverb after "and": no second subject.
        ("She bought apples and pears.", "She bought pears and apples."),
        ("Talks were held in Paris and in Rome.", "Talks were held in Rome and in Paris."),
        (
            "The town was hit by floods and then by drought.",
            "The town was hit by drought and then by floods.",
        ),
        # Dates that traded places are number changes.
        ("Prices rose in May and fell in June.", "Prices rose in June and fell in May."),
    ],
)
def test_a_list_reordered_round_and_is_no_roles_change(old: str, new: str) -> None:
    assert roles(alone(old, new)) == []
    assert roles(reworded(old, new)) == []


def test_a_passive_without_its_agent_can_swap_the_parties_after_its_verb() -> None:
    old = "The wind blew the boat onto the rocks."
    new = "The rocks were blown onto the boat."
    assert alone(old, new) == [("roles", "changed", old.rstrip("."), new.rstrip("."))]
    assert reworded(old, new) == [("roles", "changed", old.rstrip("."), new.rstrip("."))]
    assert alone(new, old) == [("roles", "changed", new.rstrip("."), old.rstrip("."))]
    # Named after the rest of its clause, the agent is no party either.
    assert roles(alone(old, "The rocks were blown onto the boat by the wind.")) == [
        ("roles", "changed", old.rstrip("."), new.rstrip("."))
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The wind blew the boat onto the rocks.", "The boat was blown onto the rocks."),
        ("Police arrested the driver.", "The driver was arrested."),
    ],
)
def test_a_passive_without_its_agent_that_keeps_the_parties_swaps_no_roles(
    old: str, new: str
) -> None:
    # (Who arrested the driver is left out: that is told, below, but no roles traded places.)
    assert [c for c in roles(alone(old, new)) if c[1] == "changed"] == []
    assert [c for c in roles(reworded(old, new)) if c[1] == "changed"] == []


# -- who did it, left out by a passive -------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        (
            "Police shot a man near the station on Tuesday.",
            "A man was shot near the station on Tuesday.",
            "Police shot a man",
            "A man was shot",
        ),
        (
            "Witnesses said police shot a man who was armed with a knife.",
            "Witnesses said a man who was allegedly armed with a knife was shot.",
            "police shot a man who was armed with a knife",
            "a man who was allegedly armed with a knife was shot",
        ),
        (
            "Troops killed 12 civilians in the village on Monday.",
            "Twelve civilians were killed in the village on Monday.",
            "Troops killed 12 civilians",
            "Twelve civilians were killed",
        ),
        (
            "Officers fatally shot the suspect after a chase.",
            "The suspect was fatally shot after a chase.",
            "Officers fatally shot the suspect",
            "The suspect was fatally shot",
        ),
        (
            "Guards had beaten the prisoners, the report found.",
            "The prisoners had been beaten, the report found.",
            "Guards had beaten the prisoners",
            "The prisoners had been beaten",
        ),
        (
            "Police arrested the driver.",
            "The driver was arrested.",
            "Police arrested the driver",
            "The driver was arrested",
        ),
        # An agent opening with "A", a pronoun done to, a figure or a name set off by
        # commas (review21).
        (
            "A police officer shot a man near the station.",
            "A man was shot near the station.",
            "A police officer shot a man",
            "A man was shot",
        ),
        (
            "Police shot him near the station.",
            "He was shot near the station.",
            "Police shot him",
            "He was shot",
        ),
        (
            "Troops killed 1,200 people in the city.",
            "1,200 people were killed in the city.",
            "Troops killed 1,200 people",
            "1,200 people were killed",
        ),
        (
            "Police shot Jordan Reyes, 19, on Friday.",
            "Jordan Reyes, 19, was shot on Friday.",
            "Police shot Jordan Reyes, 19",
            "Jordan Reyes, 19, was shot",
        ),
        # "got shot", a modal's passive, "shot dead" (review21).
        (
            "Police shot a man on Friday.",
            "A man got shot on Friday.",
            "Police shot a man",
            "A man got shot",
        ),
        (
            "Police could arrest protesters.",
            "Protesters could be arrested.",
            "Police could arrest protesters",
            "Protesters could be arrested",
        ),
        (
            "Israeli troops shot dead two Palestinians.",
            "Two Palestinians were shot dead.",
            "Israeli troops shot dead two Palestinians",
            "Two Palestinians were shot",
        ),
        (
            "Officers fired on protesters outside the embassy.",
            "Protesters were fired on outside the embassy.",
            "Officers fired on protesters",
            "Protesters were fired",
        ),
        # A passive with no subject of its own (review21).
        (
            "A man died after police restrained him.",
            "A man died after being restrained.",
            "after police restrained him",
            "after being restrained",
        ),
        # A sentence set in capitals (a subhead): "WAS" is no acronym.
        (
            "POLICE SHOT A MAN NEAR THE STATION.",
            "A MAN WAS SHOT NEAR THE STATION.",
            "POLICE SHOT A MAN",
            "A MAN WAS SHOT",
        ),
        # The agent comes back as the source of the whole, added at the end.
        (
            "Police shot a man.",
            "A man was shot, police said.",
            "Police shot a man",
            "A man was shot",
        ),
        # The agent comes back as the source of the whole: it no longer says who shot.
        (
            "Police shot a man near the station, witnesses said.",
            "A man was shot near the station, police said.",
            "Police shot a man",
            "A man was shot",
        ),
    ],
)
def test_who_did_harm_left_out_by_a_passive_is_an_agent_dropped(
    old: str, new: str, was: str, now: str
) -> None:
    agent_dropped_both_ways(old, new, was, now)


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        (
            "A man was shot by police near the station.",
            "A man was shot near the station.",
            "A man was shot by police",
            "A man was shot",
        ),
        (
            "Police were attacked by protesters.",
            "Police were attacked.",
            "Police were attacked by protesters",
            "Police were attacked",
        ),
        (
            "Two officers were injured by protesters on Saturday.",
            "Two officers were injured on Saturday.",
            "Two officers were injured by protesters",
            "Two officers were injured",
        ),
    ],
)
def test_a_passive_that_loses_its_by_agent_drops_it(old: str, new: str, was: str, now: str) -> None:
    # The commonest way an agent goes in an overnight edit (review21).
    agent_dropped_both_ways(old, new, was, now)
    # Another agent named: no agent dropped.
    swapped = old.replace("by police", "by officers").replace("by protesters", "by rioters")
    assert roles(alone(old, swapped)) == []


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        (
            "Troops killed 12 civilians in the village.",
            "Twelve civilians died in the village.",
            "Troops killed 12 civilians",
            "Twelve civilians died",
        ),
        (
            "Gunmen murdered the mayor outside his home.",
            "The mayor has died outside his home.",
            "Gunmen murdered the mayor",
            "The mayor has died",
        ),
    ],
)
def test_a_killing_told_as_a_death_drops_its_agent(old: str, new: str, was: str, now: str) -> None:
    agent_dropped_both_ways(old, new, was, now)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The flu killed 30 people last winter.", "30 people died of the flu last winter."),
        ("Police shot a man near the station.", "A man died near the station."),
    ],
)
def test_a_death_with_its_cause_or_after_no_killing_drops_no_agent(old: str, new: str) -> None:
    assert [c for c in roles(alone(old, new)) if c[1] != "changed"] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # The passive names its agent: the voice changed, nobody was left out.
        ("Police shot a man near the station.", "A man was shot by police near the station."),
        ("Police shot a man near the station.", "A man was shot near the station by police."),
        # The agent stays in the sentence another way.
        ("Israeli strikes killed 30 people.", "30 people were killed in Israeli strikes."),
        # A pronoun stood for a party named around it.
        ("The firm said it fired 20 workers.", "The firm said 20 workers were fired."),
        # Not a verb of harm or force: little a reader misses.
        ("The council approved the plan.", "The plan was approved."),
        # Not the party done to: another passive altogether.
        ("Police shot a man near the station.", "A woman was shot near the station."),
        # Still active: no passive.
        ("Police shot a man near the station.", "Police shot a man near the bridge."),
        # Named another way, in the same sentence (review21).
        ("Police shot a man near the station.", "A man was shot near the station by officers."),
        ("Police shot a man near the station.", "A man was shot near the station by them."),
        ("Police shot a man near the station.", "A man was shot when police opened fire."),
        ("Police shot a man near the station.", "A man was shot in a police operation."),
        (
            "Troops killed 12 civilians in the village.",
            "12 civilians died in the village after troops opened fire.",
        ),
        (
            "Police killed a man on Friday.",
            "A man died on Friday after being restrained by officers.",
        ),
        # A cause that is nobody hides no one (review21).
        ("The earthquake killed 300 people.", "300 people died."),
        ("The storm destroyed 40 homes.", "40 homes were destroyed."),
        ("Houses were destroyed by the storm.", "Houses were destroyed."),
    ],
)
def test_a_passive_that_hides_nobody_drops_no_agent(old: str, new: str) -> None:
    assert [c for c in alone(old, new) if c[1] in ("added", "removed") and c[0] == "roles"] == []
    assert [c for c in reworded(old, new) if c[1] in ("added", "removed") and c[0] == "roles"] == []


# -- a doer that became the done-to; parties with their own complements ----------------------


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        (
            "Police arrested the driver.",
            "Police were arrested.",
            "Police arrested the driver",
            "Police were arrested",
        ),
        (
            "Police have arrested the driver on Friday.",
            "Police have been arrested on Friday.",
            "Police have arrested the driver",
            "Police have been arrested",
        ),
        (
            "The club sold the striker.",
            "The club has been sold.",
            "The club sold the striker",
            "The club has been sold",
        ),
        # Turned the other way.
        (
            "Police were arrested.",
            "Police arrested the driver.",
            "Police were arrested",
            "Police arrested the driver",
        ),
    ],
)
def test_a_party_that_did_a_thing_and_then_had_it_done_to_it(
    old: str, new: str, was: str, now: str
) -> None:
    for read in (alone, reworded):
        assert roles(read(old, new)) == [("roles", "changed", was, now)], read


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # The party done to named: no roles changed.
        ("Police arrested the driver.", "The driver was arrested."),
        # A verb that says the same in either voice of a law.
        ("The bill passed the Senate.", "The bill was passed."),
        # No passive: "were arresting".
        ("Police arrested the driver.", "Police were arresting."),
        # What follows the verb is no party done to.
        ("Police searched for the driver.", "Police were searched."),
    ],
)
def test_no_doer_turned_done_to_without_a_passive_of_that_party(old: str, new: str) -> None:
    # (The police left out of "The driver was arrested" is an agent dropped, not this.)
    assert [c for c in roles(alone(old, new)) if c[1] == "changed"] == []


@pytest.mark.parametrize(
    ("old", "new", "was", "now"),
    [
        (
            "Smith was elected leader and Jones deputy.",
            "Jones was elected leader and Smith deputy.",
            "Smith was elected leader and Jones deputy",
            "Jones was elected leader and Smith deputy",
        ),
        (
            "Smith won gold and Jones silver in the final.",
            "Jones won gold and Smith silver in the final.",
            "Smith won gold and Jones silver",
            "Jones won gold and Smith silver",
        ),
    ],
)
def test_parties_each_with_a_complement_that_traded_places(
    old: str, new: str, was: str, now: str
) -> None:
    for read in (alone, reworded):
        assert roles(read(old, new)) == [("roles", "changed", was, now)], read


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Smith and Jones won the final.", "Jones and Smith won the final."),
        ("Smith met Brown and Jones Green.", "Jones met Brown and Smith Green."),
    ],
)
def test_no_swap_round_a_list_or_a_verb_that_makes_no_roles(old: str, new: str) -> None:
    assert not roles(alone(old, new))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # review2: an adverb after the auxiliaries ("is now") was read as the passive's verb,
        # and the same adverb in the other version as the active's (8e9b9ad, _doer_done_to).
        ("The school will now stay closed.", "The school is now closed."),
        ("The patient could now be sent home.", "The patient is now home."),
        ("The building can now be considered safe.", "The building is now safe."),
    ],
)
def test_review2_an_adverb_after_a_form_of_be_is_no_passive_verb(old: str, new: str) -> None:
    assert not roles(alone(old, new)), alone(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # review2: people who evacuated their homes were evacuated: the newsroom's two ways
        # of saying it, no roles turned round (8e9b9ad, _doer_done_to); nor a thing the party
        # owns ("its headquarters").
        ("Thousands evacuated their homes on Friday.", "Thousands were evacuated on Friday."),
        ("Residents evacuated the building.", "Residents were evacuated."),
        ("The company relocated its headquarters.", "The company was relocated."),
    ],
)
def test_review2_evacuating_a_place_and_being_evacuated_keep_the_roles(old: str, new: str) -> None:
    assert not roles(alone(old, new)), alone(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Guards for the participle the passive's verb must be (review2): pasts written as
        # the verb is, or another way than "ed", are still read.
        ("Police hit the driver.", "Police were hit."),
        ("The firm paid the contractor.", "The firm was paid."),
        ("The club sold its striker.", "The club was sold."),
    ],
)
def test_a_passive_of_a_past_not_ending_in_ed_still_turns_the_roles_round(
    old: str, new: str
) -> None:
    assert [kind for kind, *_ in roles(alone(old, new))] == ["roles"], alone(old, new)


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        # Headlines leave "was" out and tell the past in the present.
        (
            "Police shoot man near Eastgate station after knife reports",
            "Man shot near Eastgate station after knife reports",
            [("roles", "removed", "Police shoot man", "Man shot")],
        ),
        (
            "Man Shot Near Station",
            "Police Shoot Man Near Station",
            [("roles", "added", "Man Shot", "Police Shoot Man")],
        ),
        ("Police shoot man near station", "Man shot by police near station", []),
        ("Council approves stormwater fee", "Stormwater fee approved", []),
        (
            "Man shot by police in Leeds",
            "Man shot in Leeds",
            [("roles", "removed", "Man shot by police", "Man shot")],
        ),
        (
            "Gunman kills three at school",
            "Three killed at school",
            [("roles", "removed", "Gunman kills three", "Three killed")],
        ),
        (
            "Officers fatally shoot teenager in Riverton",
            "Teenager fatally shot in Riverton",
            [("roles", "removed", "Officers fatally shoot teenager", "Teenager fatally shot")],
        ),
        (
            "Police shoot man near station",
            "Man has been shot near station",
            [("roles", "removed", "Police shoot man", "Man has been shot")],
        ),
    ],
)
def test_a_headline_that_leaves_out_who_did_harm_drops_its_agent(
    old: str, new: str, found: list[tuple[str, str, str, str]]
) -> None:
    from compare.facets.headlines import headline_changes

    changes = headline_changes(old, new)
    assert [(c.kind, c.action, c.old, c.new) for c in changes if c.kind == "roles"] == found


def test_an_agent_named_by_the_next_sentence_of_the_paragraph_is_no_agent_dropped() -> None:
    # (review21: facets read a sentence at a time; the paragraph still says who shot.)
    def story(first: str) -> Document:
        texts = (first, "The station was closed for four hours while officers searched it.")
        return Document(tuple(Paragraph(p, tuple(split_sentences(p))) for p in texts))

    named = "Police fired three rounds at him, the force said."
    c = compare(
        story("Police shot a man near the station on Friday, witnesses said."),
        story(f"A man was shot near the station on Friday, witnesses said. {named}"),
    )
    assert [ch for ch in c.changes if ch.kind == "roles"] == []
    # Only named as the source ("..., police said") it is still dropped.
    c = compare(
        story("Police shot a man near the station on Friday, witnesses said."),
        story(
            "A man was shot near the station on Friday. The shooting was confirmed, police said."
        ),
    )
    assert [(ch.kind, ch.action) for ch in c.changes if ch.kind == "roles"] == [
        ("roles", "removed")
    ]


def test_two_clauses_that_each_drop_their_agent_are_two_agents_dropped() -> None:
    # (review21: only the first was read.)
    old = "Police shot a man near the station, and protesters attacked a police van."
    new = "A man was shot near the station, and a police van was attacked."
    assert roles(alone(old, new)) == [
        ("roles", "removed", "Police shot a man", "A man was shot"),
        ("roles", "removed", "protesters attacked a police van", "a police van was attacked"),
    ]
