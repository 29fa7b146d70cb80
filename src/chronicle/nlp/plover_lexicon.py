"""The trigger lexicon of ``chronicle_events``: which words signal which PLOVER event.

PLOVER (Political Language Ontology for Verifiable Event Records, Open Event
Data Alliance) keeps CAMEO's top-level "cue categories" and moves the detail
into a ``mode``. Our summary of each category, in our own words, from the
PLOVER manual:

- AGREE (verbal cooperation): says it agrees, offers or promises to cooperate,
  including promises to sign an agreement.
- CONSULT (verbal cooperation): meetings, talks, negotiations, visits, phone
  calls. Modes: visit, third-party, multilateral, phone. A visitor is the
  source and the host the target; where nobody hosts, all sides are sources.
- SUPPORT (verbal cooperation): political, non-material backing: endorse,
  praise, approve, recognise, sign or ratify.
- CONCEDE (verbal cooperation): verbal concessions: apologies and regret,
  easing restrictions, pardons, declared (not yet carried out) ceasefires.
- COOPERATE (material cooperation): mutual material exchange: economic,
  military, judicial, intelligence. Needs a target.
- AID (material cooperation): material help that benefits the target. Modes:
  economic, military, humanitarian, asylum.
- RETREAT (material cooperation): concessions with immediate material effect:
  withdrawing forces, releasing captives, returning property, disarming,
  observing a ceasefire, allowing access, resigning. Modes: withdraw, release,
  return, disarm, ceasefire, access, resign.
- REQUEST (verbal conflict; PLOVER's DEMAND): demands, calls, urgings, orders.
- ACCUSE (verbal conflict): disapproval, criticism, condemnation, accusations
  and allegations, lawsuits, investigations.
- REJECT (verbal conflict): refusals and rejections of proposals, requests,
  talks or laws; defiance. Modes: assist, change, yield, meet.
- THREATEN (verbal conflict): threats and forceful warnings, ultimatums.
  Modes: restrict, ban, arrest, relations, expel, territory, violence.
- PROTEST (material conflict): collective public dissent. Modes: demo, riot,
  strike-gen, strike-lim, strike-hun, boycott, obstruct.
- SANCTION (material conflict): cutting routine relations: sanctions,
  embargoes, expulsions, cancelled meetings, convictions of bodies. Modes:
  convict, cancel, expel, withdraw, sever.
- MOBILIZE (material conflict): military or police moves short of force.
  Modes: troops, weapons, police.
- COERCE (material conflict): repression: arrests, bans, censorship, curfews,
  deportations, confiscation. Modes: confiscate, restrict, ban, censor,
  curfew, martial-law, arrest, deport, withhold.
- ASSAULT (material conflict): deliberate physical harm. Modes (PLOVER's
  table plus ``aerial`` for air and missile strikes): abduct, beat, torture,
  execute, sexual, assassinate, destroy, primitive, firearms, explosives,
  suicide-attack, heavy-weapons, aerial.

Each table maps a lemma to ``(type, mode)``. Verbs and nominals are kept
apart because their arguments are found differently (subject/object versus
possessor, demonym, "by", "on", "against"). Some words need context and are
decided in :mod:`chronicle.nlp.events` (noted below).
"""

from __future__ import annotations

Entry = tuple[str, str | None]


def _table(spec: dict[str, str], type_: str) -> dict[str, Entry]:
    """``{"lemma lemma": mode_or_empty}`` → ``{lemma: (type, mode)}``."""
    out: dict[str, Entry] = {}
    for words, mode in spec.items():
        for lemma in words.split():
            out[lemma.replace("_", " ")] = (type_, mode or None)
    return out


VERBS: dict[str, Entry] = {
    **_table({"agree": ""}, "AGREE"),
    **_table({"meet negotiate consult confer": "", "visit": "visit", "phone telephone": "phone"}, "CONSULT"),
    **_table({"endorse praise commend applaud hail welcome approve ratify celebrate laud": ""}, "SUPPORT"),
    **_table({"apologize apologise regret concede relent": "", "pardon": ""}, "CONCEDE"),
    **_table({"cooperate collaborate": "", "extradite": ""}, "COOPERATE"),
    **_table({"donate fund finance": "economic", "arm": "military"}, "AID"),
    **_table({"withdraw retreat pull_out": "withdraw", "release free": "release", "resign": "resign",
              "disarm": "disarm"}, "RETREAT"),
    **_table({"urge demand implore exhort": ""}, "REQUEST"),
    **_table({"accuse blame criticize criticise condemn denounce decry slam lambaste lambast blast assail "
              "rebuke castigate chide scold deride fault sue investigate allege": ""}, "ACCUSE"),
    **_table({"reject refuse decline veto rebuff spurn oppose dismiss defy deny": ""}, "REJECT"),
    **_table({"threaten": ""}, "THREATEN"),
    **_table({"protest demonstrate picket": "demo", "riot": "riot", "boycott": "boycott"}, "PROTEST"),
    **_table({"sanction embargo": "sever", "expel": "expel", "convict": "convict"}, "SANCTION"),
    **_table({"deploy mobilize mobilise": "troops"}, "MOBILIZE"),
    **_table({"arrest detain jail imprison": "arrest", "deport": "deport", "censor": "censor",
              "confiscate": "confiscate", "ban": "ban"}, "COERCE"),
    **_table({"kill murder": "", "assassinate": "assassinate", "shoot gun_down": "firearms",
              "bomb": "explosives", "shell": "heavy-weapons", "invade raid ambush": "",
              "abduct kidnap": "abduct", "torture": "torture", "execute": "execute",
              "wound injure": "", "bombard": "heavy-weapons", "airstrike": "aerial"}, "ASSAULT"),
}

# Context-dependent verbs, decided in events.py:
# - "attack": ASSAULT against a country/place/armed group, ACCUSE (verbal) against a person or party.
# - "strike": ASSAULT with a target ("strike Gaza"); not a labour strike.
# - "call": REQUEST with "call on X to" / "call for X"; ACCUSE with "call X <negative adjective>".
# - "ask", "press", "push": REQUEST only with "X to <verb>".
# - "insist": REQUEST only with "insist on".
# - "warn": THREATEN only with a warned object ("warned Iran that/against").
# - "promise", "vow", "pledge": THREATEN when the promised act is hostile (HOSTILE_ACTS),
#   else the promised act's own type with status "promised" (AGREE when it has none).
# - "support", "back": SUPPORT of a person or organisation.
# - "trade fire", "open fire": ASSAULT (firearms).
# - negated "take part", "participate", "attend", "join": REJECT (mode meet).

NOUNS: dict[str, Entry] = {
    **_table({"agreement deal accord pact": ""}, "AGREE"),
    **_table({"talk negotiation meeting summit consultation discussion": "", "visit": "visit",
              "phone_call": "phone"}, "CONSULT"),
    **_table({"endorsement praise approval": ""}, "SUPPORT"),
    **_table({"apology concession amnesty pardon": ""}, "CONCEDE"),
    **_table({"cooperation collaboration partnership extradition": ""}, "COOPERATE"),
    **_table({"aid assistance": "", "asylum": "asylum", "funding loan grant": "economic"}, "AID"),
    **_table({"withdrawal pullout retreat": "withdraw", "release": "release", "resignation": "resign",
              "disarmament": "disarm", "ceasefire truce": "ceasefire"}, "RETREAT"),
    **_table({"demand request appeal plea pressure ultimatum": ""}, "REQUEST"),
    **_table({"accusation allegation criticism condemnation complaint lawsuit suit investigation "
              "probe indictment charge": ""}, "ACCUSE"),
    **_table({"rejection refusal veto filibuster": ""}, "REJECT"),
    **_table({"threat warning": ""}, "THREATEN"),
    **_table({"protest demonstration": "demo", "riot": "riot", "boycott": "boycott",
              "hunger_strike": "strike-hun", "walkout": "strike-lim"}, "PROTEST"),
    **_table({"sanction embargo": "sever", "expulsion": "expel", "conviction": "convict"}, "SANCTION"),
    **_table({"deployment mobilization mobilisation buildup": "troops"}, "MOBILIZE"),
    **_table({"arrest detention imprisonment": "arrest", "deportation": "deport", "crackdown": "restrict",
              "curfew": "curfew", "ban": "ban", "censorship": "censor", "martial_law": "martial-law"}, "COERCE"),
    **_table({"attack assault aggression offensive invasion raid ambush killing massacre shooting": "",
              "assassination": "assassinate", "bombing explosion blast": "explosives",
              "airstrike air_strike missile_strike drone_strike": "aerial", "strike": "",
              "gunfire shootout": "firearms", "shelling bombardment": "heavy-weapons",
              "kidnapping abduction": "abduct", "execution": "execute", "torture": "torture",
              "suicide_bombing": "suicide-attack"}, "ASSAULT"),
}

# Nominal triggers that only count with a clear argument ("U.S. aid to Kyiv", not "aid workers").
NOUNS_NEED_ARGUMENT = frozenset({"release", "charge", "suit", "pressure", "appeal", "strike", "deal",
                                 "agreement", "accord", "pact", "retreat", "approval", "praise", "aid",
                                 "assistance", "grant", "loan", "funding", "talk", "discussion",
                                 "meeting", "ban"})

# Modifier words that refine an ASSAULT mode ("air strike", "car bomb", "rocket attack").
ASSAULT_MODE_WORDS: dict[str, str] = {
    "air": "aerial", "aerial": "aerial", "drone": "aerial", "missile": "aerial", "airstrike": "aerial",
    "rocket": "heavy-weapons", "artillery": "heavy-weapons", "mortar": "heavy-weapons",
    "car": "explosives", "bomb": "explosives", "roadside": "explosives", "explosion": "explosives",
    "suicide": "suicide-attack", "gun": "firearms", "sniper": "firearms", "knife": "primitive",
    "stabbing": "primitive", "arson": "primitive",
}

# Verbs of saying that make their subject the source of a "reported misdeed" ACCUSE
# ("Kanani said that Britain had ignored Israeli attacks").
SPEECH_VERBS = frozenset("say tell state declare charge claim argue insist add write note".split())

# Misdeeds: a speaker who says an actor did one of these is accusing that actor.
MISDEED_VERBS = frozenset(
    "ignore lie hide deceive betray violate mislead stonewall obstruct sabotage cheat steal "
    "neglect abandon undermine thwart exploit".split()
)

# Acts whose promise is a threat ("vowed to retaliate", "promised to avenge").
HOSTILE_ACTS = frozenset(
    "retaliate avenge respond punish exact strike attack hit destroy kill crush retake revenge "
    "eliminate wipe".split()
)

# Verbs whose (object) complement is a requested act: "urged Iran not to retaliate".
REQUEST_CONTROL = frozenset("urge ask press push call implore exhort demand encourage".split())

# Words that put an event in the future: "talks scheduled for Thursday", "plans to visit".
PLANNING_WORDS = frozenset("schedule plan set expect anticipate intend prepare propose upcoming".split())

# Participation verbs whose negation is a refusal ("were not planning to take part").
PARTICIPATION = frozenset("participate attend join".split())

# Nouns for joint statements and documents: "a joint statement calling on Iran to ...".
STATEMENT_NOUNS = frozenset("statement letter resolution declaration communique communiqué".split())

# Negative adjectives that make "called X <adj>" an accusation.
NEGATIVE_ADJECTIVES = frozenset(
    "provocative expansionist dangerous reckless irresponsible dishonest corrupt racist incompetent "
    "unfit unqualified liar weak disgraceful illegal unacceptable aggressive hypocritical".split()
)
