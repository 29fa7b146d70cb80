"""The cue lexicon: verbs that introduce what someone said, believes or intends.

Each lemma maps to the content slots it takes, tried in order:

- ``ccomp``: a clause ("said that ...", "said Qatari officials had assured ...").
- ``xcomp``: a to-infinitive ("has promised to ...", "refused to ...").
- ``dobj``: a noun phrase with what follows it ("has accused Hamas of ...", "said the same of Sanders",
  "denied the report").
- a preposition (``for``, ``about``, ``to``, ``on``, ``out``): its object ("called for a
  ceasefire", "talked about his views", "referred to the banks").
- ``rest``: the object and what follows it ("called Trump a disgrace", "described
  her as likable").
- ``raise``: the subject and the to-infinitive ("appeared to make a decision").

``QUOTE_CUES`` are the lemmas that may also take an adjacent quotation with no
clause of their own ("“...,” he said", "he added:").
"""

from __future__ import annotations

C, X, D, F, R, RAISE = "ccomp", "xcomp", "dobj", "for", "rest", "raise"

CUE_FRAMES: dict[str, tuple[str, ...]] = {
    # saying
    "say": (C, D), "tell": (C,), "add": (C,), "state": (C,), "write": (C,), "tweet": (C,),
    "post": (C,), "report": (C,), "declare": (C,), "announce": (C, D), "explain": (C,),
    "note": (C,), "argue": (C,), "claim": (C, X), "insist": (C,), "maintain": (C,),
    "contend": (C,), "assert": (C,), "stress": (C,), "emphasize": (C,), "emphasise": (C,),
    "reiterate": (C,), "repeat": (C,), "acknowledge": (C, D), "admit": (C, D),
    "concede": (C,), "confirm": (C, D), "deny": (C, D), "suggest": (C, D), "predict": (C, D),
    "reply": (C,), "respond": (C,), "answer": (C,), "recall": (C,),
    "allege": (C,), "charge": (C,), "testify": (C,), "boast": (C,), "brag": (C,),
    "joke": (C,), "quip": (C,), "observe": (C,), "remark": (C,), "comment": (C,),
    "mention": (C,), "speculate": (C,), "warn": (C, X), "caution": (C,), "assure": (C,),
    "reveal": (C, D), "disclose": (C, D), "indicate": (C,), "signal": (C,), "ask": (C, X),
    "urge": (X, C), "demand": (C, D), "propose": (C, D, X), "pledge": (X, C), "promise": (X, C),
    "vow": (X, C), "threaten": (X,), "accuse": (D,), "blame": (D,), "criticize": (D,),
    "criticise": (D,), "praise": (D,), "describe": (R,), "call": (F, "on", R), "proclaim": (C,),
    "counter": (C,), "retort": (C,), "lament": (C,), "recount": (C,),
    "estimate": (C,), "conclude": (C,), "agree": (C, X), "disagree": (C,), "question": (C, D),
    "dismiss": (D,), "reject": (D,), "defend": (D,), "endorse": (D,), "cite": (D,),
    "advise": (C, X), "inform": (C,), "hint": (C,), "imply": (C,), "recommend": (C, D),
    "email": (C,), "text": (C,), "whisper": (C,), "shout": (C,), "yell": (C,), "continue": (),
    # believing and finding
    "believe": (C,), "think": (C,), "feel": (C,), "know": (C,), "expect": (C, X),
    "hope": (C, X), "fear": (C,), "worry": (C,), "doubt": (C,), "suspect": (C,),
    "assume": (C,), "guess": (C,), "understand": (C,), "realize": (C,), "recognize": (C,),
    "learn": (C,), "find": (C,), "show": (C,), "wonder": (C,), "consider": (C,),
    # intending
    "want": (X,), "plan": (X,), "intend": (X,), "decide": (X, C), "seek": (X,), "refuse": (X,),
    "decline": (X,), "wish": (X, C), "offer": (X, D),
    # seeming: the subject and what it seems to do ("Clinton appeared to back off")
    "seem": (C, RAISE), "appear": (C, RAISE),
    # taking a stand on something: the object and what follows it
    "support": (D,), "oppose": (D,), "back": (D,), "favor": (D,), "favour": (D,), "prefer": (D, X),
    "like": (X,), "view": (R,), "portray": (R,), "name": (R,), "label": (R,),
    "blast": (D,), "slam": (D,), "denounce": (D,), "condemn": (D,), "mock": (D,), "attack": (D,),
    "tout": (D,), "express": (D,), "discuss": (D,), "list": (D,), "remind": (C, D), "echo": (D,),
    "highlight": (D,), "order": (X, D), "remember": (C, D), "lambaste": (D,), "decry": (D,),
    "applaud": (D,), "hail": (D,), "welcome": (D,), "thank": (D,), "ridicule": (D,), "chide": (D,),
    "rebuke": (D,), "scold": (D,), "fault": (D,), "pan": (D,), "tease": (D,),
    # about what: "talked about ...", "referred to ...", "pointed to ..."
    "talk": ("about",), "speak": ("about",), "refer": ("to",), "point": (C, "to", "out"),
    "focus": ("on",), "advocate": ("for", D), "push": ("for",), "complain": (C, "about"),
}

# Lemmas the tagger gets wrong: "hoped" is lemmatised "hop".
LEMMA_FIXES = {"hop": "hope"}


def cue_lemma(tok) -> str:
    """The token's lemma, lower case, as the lexicon spells it."""
    lemma = tok.lemma_.lower()
    return LEMMA_FIXES.get(lemma, lemma)

QUOTE_CUES = frozenset(
    {
        "say", "tell", "add", "state", "write", "tweet", "post", "declare", "announce", "explain",
        "note", "argue", "claim", "insist", "continue", "stress", "emphasize", "reply", "respond",
        "answer", "recall", "complain", "joke", "quip", "observe", "remark", "warn", "ask", "conclude",
        "concede", "acknowledge", "admit", "predict", "promise", "vow", "pledge", "proclaim",
        "counter", "retort", "lament", "recount", "caution", "muse", "shout", "yell", "whisper",
    }
)

# Cues that keep their own quote inside another quote's content ("said Qatari officials had
# assured ..." is one quote; "she said they support a ban" is one quote, not two).
NESTED_CUES = frozenset({"say", "tell", "accord", "add", "suggest", "ask", "accuse", "claim", "refer", "argue", "warn", "insist", "prefer"})

# Nouns and phrases that mark a statement after a speech verb: "said in a statement".
STATEMENT_NOUNS = frozenset(
    {"statement", "interview", "release", "email", "letter", "tweet", "post", "speech", "briefing", "conference", "remarks"}
)

# What speaks when a clause opens "In a new poll, ...": the source of what follows.
SOURCE_NOUNS = frozenset(
    {"poll", "survey", "study", "report", "statement", "interview", "letter", "speech", "tweet", "post", "memo",
     "filing", "email", "book", "essay", "op-ed", "column", "editorial", "article", "analysis", "complaint",
     "lawsuit", "ruling", "opinion", "testimony", "remarks", "video", "ad", "advertisement", "message", "document",
     "release", "transcript", "note", "documents", "polls", "surveys", "statements", "interviews", "reports"}
)

# Speakers that refer back: pronouns, and the kinds of speaker each may resolve to.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we"})
THING_PRONOUNS = frozenset({"it", "its"})
