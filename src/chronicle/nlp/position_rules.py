"""The rules of ``chronicle_positions``: which words state a negotiating position, and of what kind.

A *position* is what a party says it wants, offers, rejects or will do in a negotiation
(DebateNet calls the same thing a claim with an actor and a polarity). Kinds:

- demand: what a party says must happen ("demanded", "should include", "called for");
- condition: what a party will do only if something else happens ("willing to ... if",
  "will not stop ... until");
- offer / proposal: what a party puts on the table ("Hamas's latest offer", "present a
  proposal", "proposed");
- refusal / acceptance: a party's answer ("refused", "rejected the plan", "not planning to
  take part" / "accepted", "agreed to");
- support: backing for an outcome ("the time has come for a ceasefire", "supports", "welcomed");
- commitment: a party binds itself ("committed to", "not giving up", "pledged");
- accusation / denial: blame, and its rebuttal ("accused X of", "denied", "rejected
  accusations that");
- threat: a forceful warning ("vowed to retaliate").

This module is data. Three tables:

``CUES``: one :class:`Cue` per word that states a position by itself, with its kind, the
part of speech it must have, what must hold around it, where its topic is, and an example
sentence the pipeline must read as that kind (``tests/nlp/test_position_rules.py`` runs
every example).

``EVENT_KINDS``: the kind of position an event of chronicle_events is (an ACCUSE event
and an accusation are one fact seen twice); ``EVENT_KIND_BY_LEMMA`` refines it by trigger.

``CONDITION_MARKS``: the subordinators that make a clause a position's condition.

``MEDIATION_CUES``: words saying someone acts between parties ("act as intermediaries",
"brokered", "talks hosted by"), each with its example.

``TOPIC_GROUPS``: the synonym table that joins topics across articles (see
:func:`chronicle.nlp.positions.topic_key`).

How to add a cue: one row with an example; ``pytest tests/nlp/test_position_rules.py -k <id>``
runs it, then ``python -m eval positions`` shows what it changes on the dev set.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronicle.records import POSITION_KINDS  # noqa: F401  (the kinds a cue may give)


@dataclass(frozen=True)
class Cue:
    """One word that states a position.

    ``lemmas`` are space-separated; ``_`` joins a two-word cue ("give_up": the verb and its
    particle). ``pos``: "verb", "noun" or "adj". ``negated``: True when the cue needs a
    negation ("not giving up"), False when a negation vetoes it, None when either reads
    the same. ``topic``: where the topic phrase is, tried in order: "dobj", "xcomp",
    "ccomp", "prep:for" (the object of "for"), "pcomp:of" ("accused X of *doing*"),
    "self" (the noun phrase of the cue itself). ``needs``: "actor-owner" (a noun cue counts
    only with an owner naming an actor: "Hamas's offer"), "modal" (a verb cue counts only
    with should/must/need: "should include"), "condition" (only with a condition clause).
    """

    id: str
    kind: str
    lemmas: str
    pos: str
    example: str
    holder: str = ""  # the holder the example must give (a name); "" skips that check
    negated: bool | None = False
    topic: tuple[str, ...] = ("dobj", "xcomp", "ccomp", "prep:for", "prep:on", "prep:to")
    needs: str = ""

    @property
    def words(self) -> list[str]:
        return [w.replace("_", " ") for w in self.lemmas.split()]


CUES: tuple[Cue, ...] = (
    # --- conditions: a willingness or a refusal tied to a clause (the clause is found by CONDITION_MARKS)
    Cue("willing-if", "condition", "willing ready prepared open", "adj",
        "Hamas would still be willing to engage with mediators if Israel put forward a serious response.",
        holder="Hamas", negated=None, topic=("xcomp", "prep:to"), needs="condition"),
    Cue("not-until", "condition", "stop end halt cease", "verb",
        "Netanyahu said that Israel will not stop fighting until Hamas is destroyed.",
        holder="Israel", negated=True, topic=("xcomp", "dobj"), needs="condition"),
    Cue("only-if", "condition", "agree accept sign return resume join", "verb",
        "Iran said it would return to the deal only if the sanctions were lifted.",
        holder="Iran", negated=None, topic=("prep:to", "dobj", "xcomp"), needs="condition"),
    # --- demands
    Cue("demand-verb", "demand", "demand require", "verb",
        "Britain demanded changes to the backstop.", holder="Britain"),
    Cue("should-include", "demand", "include guarantee end", "verb",
        "Hamas has said a ceasefire agreement should include an end to the war.", holder="Hamas",
        topic=("dobj",), needs="modal"),
    Cue("demand-noun", "demand", "demand precondition", "noun",
        "Mr. Netanyahu has added new conditions to Israel's demands.", holder="Israel",
        topic=("self",), needs="actor-owner"),
    # --- offers and proposals
    Cue("offer-noun", "offer", "offer concession", "noun",
        "Israel has yet to respond to Hamas's latest offer.", holder="Hamas", topic=("self",),
        needs="actor-owner"),
    Cue("offer-verb", "offer", "offer", "verb",
        "Russia offered a partial withdrawal of its troops.", holder="Russia", topic=("dobj", "xcomp")),
    Cue("proposal-noun", "proposal", "proposal plan", "noun",
        "They said they were willing to present a final bridging proposal to close a deal.",
        topic=("self",)),
    Cue("propose-verb", "proposal", "propose suggest table", "verb",
        "The European Union proposed a new customs arrangement.", holder="European Union",
        topic=("dobj", "xcomp", "ccomp")),
    # --- answers
    Cue("refuse", "refusal", "refuse decline boycott", "verb",
        "North Korea refused to return to the talks.", holder="North Korea", topic=("xcomp", "dobj")),
    Cue("reject", "refusal", "reject dismiss", "verb",
        "Parliament rejected the withdrawal agreement.", holder="Parliament", topic=("dobj",)),
    Cue("accept", "acceptance", "accept approve endorse", "verb",
        "Ukraine accepted the proposal for a prisoner exchange.", holder="Ukraine", topic=("dobj", "xcomp")),
    Cue("agree-to", "acceptance", "agree", "verb",
        "Both sides agreed to a ceasefire.", topic=("prep:to", "xcomp", "prep:on")),
    # --- support and commitments
    Cue("time-has-come", "support", "come", "verb",
        "The leaders declared that the time has come for a ceasefire.", topic=("prep:for",)),
    Cue("support", "support", "support back welcome favour favor", "verb",
        "Egypt supports a two-state solution.", holder="Egypt", topic=("dobj", "xcomp")),
    Cue("committed", "commitment", "committed determined", "adj",
        "Patel said that the United States was committed to a deal.", holder="United States",
        negated=None, topic=("prep:to", "xcomp")),
    Cue("commit-verb", "commitment", "commit pledge vow promise", "verb",
        "Japan pledged to continue the talks.", holder="Japan", topic=("xcomp", "dobj", "prep:to")),
    Cue("expect", "commitment", "expect", "verb",
        "\"We fully expect these talks to move forward,\" Mr. Patel said.", topic=("ccomp", "xcomp", "dobj")),
    Cue("not-give-up", "commitment", "give_up", "verb",
        "Joe Biden said he was not giving up on a deal.", holder="Joe Biden", negated=True,
        topic=("prep:on", "dobj")),
    # --- accusations and denials
    Cue("accuse", "accusation", "accuse blame", "verb",
        "Israel accused Hamas of thwarting a deal.", holder="Israel", topic=("pcomp:of", "prep:for", "prep:of")),
    Cue("deny", "denial", "deny", "verb",
        "The Kremlin denied that it planned an invasion.", holder="Kremlin", topic=("ccomp", "dobj")),
)

# Objects that make "rejected X" a denial rather than a refusal.
DENIED_THINGS = frozenset({"accusation", "allegation", "claim", "charge", "report", "suggestion", "assertion"})

# Words that make "should/must X" a demand (with a demand cue of ``needs="modal"``).
DEMAND_MODALS = frozenset({"should", "must", "need", "have"})

# Subordinators that make a clause the condition of a position: "if", "unless", "until"
# ("will not stop until X": X is what it takes), "provided (that)", "as long as", "on
# condition that" (the last two read by their first word and what follows).
CONDITION_MARKS = frozenset({"if", "unless", "until", "provided", "providing", "once"})

# An event of chronicle_events is this kind of position (when its status is not denied).
EVENT_KINDS: dict[str, str] = {
    "ACCUSE": "accusation", "REJECT": "refusal", "THREATEN": "threat", "REQUEST": "demand",
    "SUPPORT": "support", "AGREE": "acceptance",
}
# ... unless its trigger lemma says otherwise ("the time has come for X" is support).
EVENT_KIND_BY_LEMMA: dict[tuple[str, str], str] = {
    ("REQUEST", "come"): "support",
    ("AGREE", "promise"): "commitment",
    ("AGREE", "pledge"): "commitment",
    ("AGREE", "offer"): "offer",
    ("AGREE", "propose"): "proposal",
}

# Whose side a person's office is on, when the office is not itself a country actor.
OFFICE_COUNTRY: dict[str, str] = {
    "state department": "USA", "white house": "USA", "pentagon": "USA", "department of state": "USA",
    "kremlin": "RUS", "downing street": "GBR", "foreign office": "GBR", "élysée": "FRA", "elysee": "FRA",
}


@dataclass(frozen=True)
class MediationCue:
    """Words saying someone acts between parties.

    ``how`` tells the component where the mediator and the parties are:
    - "rely-on": "X relying on M to act as intermediaries" (M mediates between X and whoever X
      would otherwise meet in the sentence);
    - "subject": "M brokered/mediated a deal between A and B" (the subject mediates; "between"
      or "with" objects are the parties);
    - "by": "talks hosted/brokered/mediated by M" (the agent mediates);
    - "proposer": "M ... present a bridging proposal to close a deal between A and B";
    - "assure": "M assured A they would work to have B represented at the talks".
    """

    id: str
    lemmas: str
    how: str
    example: str
    mediators: tuple[str, ...] = ()  # names the example must give

    @property
    def words(self) -> list[str]:
        return self.lemmas.split()


MEDIATION_CUES: tuple[MediationCue, ...] = (
    MediationCue("act-as", "intermediary mediator go-between broker facilitator", "rely-on",
                 "Hamas leaders have not met directly with Israeli officials, relying on Qatar and Egypt "
                 "to act as intermediaries.", ("Qatar", "Egypt")),
    MediationCue("brokered", "broker mediate facilitate", "subject",
                 "Turkey brokered a deal between Russia and Ukraine.", ("Turkey",)),
    MediationCue("hosted-by", "host broker mediate facilitate", "by",
                 "Russia and Ukraine signed the deal at talks hosted by Turkey.", ("Turkey",)),
    MediationCue("bridging", "bridge bridging", "proposer",
                 "President Abdel Fattah el-Sissi of Egypt said they were willing to present a final bridging "
                 "proposal to close a deal between Israel and Hamas.", ("Egypt",)),
    MediationCue("assure-represented", "represent", "assure",
                 "Qatari officials had assured the United States they would work to have Hamas "
                 "represented at the talks.", ("Qatar",)),
)


@dataclass(frozen=True)
class TopicGroup:
    """Topics that mean the same thing: ``key`` names the group, ``terms`` are lemmatised
    phrases (lower case) any of which puts a topic in it; ``example`` is a topic that must land
    in the group."""

    key: str
    terms: tuple[str, ...]
    example: str


# Tried in order: the first group with a term in the topic wins (put narrow groups first).
TOPIC_GROUPS: tuple[TopicGroup, ...] = (
    TopicGroup("hostages", ("hostage", "captive", "prisoner exchange", "prisoner swap", "release of prisoner"),
               "the release of the remaining hostages"),
    TopicGroup("withdrawal of forces", ("withdrawal of", "withdraw force", "withdraw troop", "pull out",
                                        "withdrawal from"),
               "the complete withdrawal of Israeli forces from Gaza"),
    TopicGroup("ceasefire", ("ceasefire", "cease-fire", "cease fire", "truce", "armistice", "stop the fighting",
                             "stop fight", "end to the fighting", "end the fighting", "halt to the fighting",
                             "end to the war", "end the war", "stop the war", "end of the war"),
               "a deal to stop the fighting"),
    TopicGroup("nuclear deal", ("jcpoa", "nuclear deal", "joint comprehensive plan of action", "nuclear agreement",
                                "enrichment", "nuclear program"),
               "a return to the JCPOA"),
    TopicGroup("denuclearization", ("denuclearization", "denuclearisation", "nuclear weapon", "ballistic missile",
                                    "missile launch"),
               "the complete denuclearization of the Korean Peninsula"),
    TopicGroup("brexit deal", ("withdrawal agreement", "brexit", "backstop", "no-deal", "no deal", "article 50"),
               "the withdrawal agreement"),
    TopicGroup("sanctions", ("sanction", "embargo", "export control"), "new sanctions on Russia"),
    TopicGroup("talks", ("talk", "negotiation", "dialogue", "take part", "bargaining table", "negotiating table",
                         "diplomacy", "engage with", "meeting"),
               "taking part in the Thursday talks"),
    TopicGroup("aggression", ("aggression", "invasion", "invade", "attack", "war against", "atrocity", "war crime"),
               "Russia's war of aggression against Ukraine"),
    TopicGroup("sovereignty", ("sovereignty", "territorial integrity", "independence"),
               "Ukraine's sovereignty and territorial integrity"),
    TopicGroup("humanitarian aid", ("humanitarian", "aid", "assistance", "grain", "food"),
               "humanitarian assistance to Gaza"),
)

# Words dropped before a topic's head is taken as its key (when no group matches).
TOPIC_STOP = frozenset({"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
                        "new", "latest", "final", "complete", "further", "any", "all", "own", "such", "more"})
