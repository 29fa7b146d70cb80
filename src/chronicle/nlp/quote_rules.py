"""The rules chronicle_quotes reads, as data: cue verbs and their frames, the other
patterns it attributes by, pronoun speakers, and the word tables it looks words up in.

Every row and table has an example, and ``tests/nlp/test_quote_rules.py`` runs each
one through the pipeline. An example marks what it finds:

- ``{...}`` the content of a quote,
- ``[...]`` its speaker (no brackets: the quote has no speaker),
- ``|...|`` its cue, where the row is about the cue's wording,
- ``<...>`` the earlier mention a pronoun speaker resolves to;

an example with no ``{...}`` is text that must give no quote at all.

To teach chronicle a new speech verb, add one :class:`Cue` row with an example and
run the test. The logic lives in :mod:`chronicle.nlp.quotes`; the component reads
these tables through a :class:`CueLexicon`, which its config may extend or swap
(``nlp.add_pipe("chronicle_quotes", config={"extra_speech_verbs": ["opine"]})``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
import dataclasses
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- content slots -------------------------------------------------------------------------
# A cue's frame names where its content is, tried in order until the parse fills one.
CLAUSE = "ccomp"  # a clause: "said {that the talks failed}", "said {Qatar had helped}"
INFINITIVE = "xcomp"  # a to-infinitive, with whoever is asked: "promised {to rebuild}", "asked {Kasich to run}"
OBJECT = "dobj"  # an object and what follows it: "accused {Hamas of thwarting a deal}"
OBJECT_AND_REST = "rest"  # the object and all after it: "called {Trump a disgrace}", "described {it as useful}"
OBJECT_AS = "rest-as"  # the object and all after it, when an "as" phrase follows it: "sees {Clinton as a threat}"
RAISING = "raise"  # the subject and what it seems to do, no speaker: "{Clinton appeared to back off}"
BARE_CLAUSE = "xcomp-bare"  # a clause the parser made an xcomp, with no "to", not in the passive: "said {cutting taxes would help}"
# Any other slot is a preposition or particle whose object is the content: "called for {a ceasefire}".


@dataclass(frozen=True)
class Cue:
    """A verb that reports what someone said, believes or intends. Its lemma names the rule."""

    lemma: str
    frame: tuple[str, ...] | None  # content slots, in order; None: only beside a quotation
    example: str
    quotable: bool = False  # may take a quotation beside it, with no clause of its own: "“...,” he said"
    nested: bool = False  # keeps its own quote inside another quote's content: "said Qatari officials had assured ..."


CUES: tuple[Cue, ...] = (
    # saying
    Cue("say", (CLAUSE, OBJECT, BARE_CLAUSE), "[The mayor] said {the bridge would reopen in May}.", quotable=True, nested=True),
    Cue("tell", (CLAUSE, INFINITIVE), "[The minister] told reporters {the talks had stalled}.", quotable=True, nested=True),
    Cue("add", (CLAUSE,), "[The spokesman] added {that no decision had been made}.", quotable=True, nested=True),
    Cue("state", (CLAUSE,), "[The ministry] stated {that the border would stay closed}.", quotable=True, nested=True),
    Cue("write", (CLAUSE,), "[The senator] wrote {that the bill was unfair to farmers}.", quotable=True),
    Cue("tweet", (CLAUSE, OBJECT), "[The president] tweeted {that the deal was dead}.", quotable=True),
    Cue("post", (CLAUSE,), "[The candidate] posted on Facebook {that she would not quit}.", quotable=True),
    Cue("report", (CLAUSE, INFINITIVE), "[The agency] reported {that prices rose sharply in March}."),
    Cue("declare", (CLAUSE, OBJECT), "[The general] declared {that the war was over}.", quotable=True),
    Cue("announce", (CLAUSE, OBJECT), "[The company] announced {that it would cut 500 jobs}.", quotable=True),
    Cue("explain", (CLAUSE, OBJECT), "[The coach] explained {that the team needed more time}.", quotable=True),
    # speech verbs that keep their own quote inside another's content ("said the report noted that ..."):
    # note, state, assert, joke, imply, remind, indicate, assure (PolNeAR train: 32 more matched, 9 more
    # unmatched; believing and stance verbs lose more than they gain nested)
    Cue("note", (CLAUSE, OBJECT, BARE_CLAUSE), "[The report] noted {that unemployment had fallen}.", quotable=True, nested=True),
    Cue("argue", (CLAUSE, "for", "against"), "[Critics] argue {that the plan will raise taxes}.", quotable=True, nested=True),
    Cue("claim", (CLAUSE, INFINITIVE), "[The rebels] claimed {that they had taken the town}.", quotable=True, nested=True),
    Cue("insist", (CLAUSE,), "[The governor] insisted {that the state was ready}.", quotable=True, nested=True),
    Cue("maintain", (CLAUSE,), "[The defendant] has maintained {that he is innocent}."),
    Cue("contend", (CLAUSE,), "[Lawyers for the city] contend {that the law is invalid}."),
    Cue("assert", (CLAUSE,), "[The minister] asserted {that the vote was fair}.", nested=True),
    Cue("stress", (CLAUSE, OBJECT), "[The doctor] stressed {that the virus was not airborne}.", quotable=True),
    Cue("emphasize", (CLAUSE,), "[The mayor] emphasized {that the schools would stay open}.", quotable=True),
    Cue("emphasise", (CLAUSE,), "[The minister] emphasised {that the army would withdraw}."),
    Cue("reiterate", (CLAUSE, OBJECT), "[The White House] reiterated {that the president would veto the bill}."),
    Cue("repeat", (CLAUSE,), "[The senator] repeated {that he would not resign}."),
    Cue("acknowledge", (CLAUSE, OBJECT, BARE_CLAUSE), "[The chairman] acknowledged {that mistakes were made}.", quotable=True),
    Cue("admit", (CLAUSE, OBJECT, BARE_CLAUSE), "[The company] admitted {that its data had been stolen}.", quotable=True),
    Cue("concede", (CLAUSE,), "[The candidate] conceded {that the race was over}.", quotable=True),
    Cue("confirm", (CLAUSE, OBJECT), "[The police] confirmed {that two men had been arrested}."),
    Cue("deny", (CLAUSE, OBJECT), "[The minister] denied {that he had taken bribes}."),
    Cue("suggest", (CLAUSE, OBJECT, BARE_CLAUSE), "[The study] suggests {that the drug is safe}.", nested=True),
    Cue("predict", (CLAUSE, OBJECT), "[Analysts] predict {that rates will rise next year}.", quotable=True),
    Cue("reply", (CLAUSE,), "[The governor] replied {that he had no regrets}.", quotable=True),
    Cue("respond", (CLAUSE,), "[The company] responded {that it had followed the law}.", quotable=True),
    Cue("answer", (CLAUSE,), "[The mayor] answered {that the city had no money}.", quotable=True),
    Cue("recall", (CLAUSE, OBJECT), "[The witness] recalled {that the car was red}.", quotable=True),
    Cue("allege", (CLAUSE,), "[Prosecutors] allege {that the firm hid its losses}."),
    Cue("charge", (CLAUSE,), "[Democrats] charged {that the vote was rigged}."),
    Cue("testify", (CLAUSE,), "[The officer] testified {that he saw the crash}."),
    Cue("boast", (CLAUSE,), "[The candidate] boasted {that he would win every state}."),
    Cue("brag", (CLAUSE,), "[The coach] bragged {that his team was the best}."),
    Cue("joke", (CLAUSE,), "[The senator] joked {that he was too old to run}.", quotable=True, nested=True),
    Cue("quip", (CLAUSE,), "[The governor] quipped {that the weather was on his side}.", quotable=True),
    Cue("observe", (CLAUSE,), "[The judge] observed {that the law was unclear}.", quotable=True),
    Cue("remark", (CLAUSE,), "[The ambassador] remarked {that relations had improved}.", quotable=True),
    Cue("comment", (CLAUSE, "on"), "[The minister] commented {that the talks went well}."),
    Cue("mention", (CLAUSE, OBJECT), "[The chief] mentioned {that the fire was contained}."),
    Cue("speculate", (CLAUSE,), "[Analysts] speculated {that the bank would raise rates}."),
    Cue("warn", (CLAUSE, INFINITIVE, "of", "about", "against"), "[The army] warned {that more attacks were coming}.", quotable=True, nested=True),
    Cue("caution", (CLAUSE,), "[Economists] cautioned {that growth would slow}.", quotable=True),
    Cue("assure", (CLAUSE,), "[The minister] assured {that the election would be fair}.", nested=True),
    Cue("reveal", (CLAUSE, OBJECT), "[The report] revealed {that the agency had spied on reporters}."),
    Cue("disclose", (CLAUSE, OBJECT), "[The company] disclosed {that it had lost money}."),
    Cue("indicate", (CLAUSE,), "[The governor] indicated {that he would sign the bill}.", nested=True),
    Cue("signal", (CLAUSE,), "[The central bank] signaled {that rates would stay low}."),
    Cue("ask", (CLAUSE, INFINITIVE, "about"), "[The teachers] asked {whether the schools would reopen}.", quotable=True, nested=True),
    Cue("urge", (INFINITIVE, CLAUSE), "[The mayor] urged {residents to stay indoors}."),
    Cue("demand", (CLAUSE, OBJECT), "[Protesters] demanded {that the president resign}."),
    Cue("propose", (CLAUSE, OBJECT, INFINITIVE), "[The minister] proposed {that taxes be cut}."),
    Cue("pledge", (INFINITIVE, CLAUSE), "[The president] pledged {to rebuild the bridge}.", quotable=True),
    Cue("promise", (INFINITIVE, CLAUSE), "[Hezbollah] has promised {to avenge the commander’s death}.", quotable=True),
    Cue("vow", (INFINITIVE, CLAUSE), "[The rebels] vowed {to fight on}.", quotable=True),
    Cue("threaten", (INFINITIVE,), "[The union] threatened {to strike}."),
    Cue("accuse", (OBJECT,), "[Mr. Netanyahu] has accused {Hamas of thwarting a deal}.", nested=True),
    Cue("blame", (OBJECT,), "[The mayor] blamed {the storm for the delays}."),
    Cue("criticize", (OBJECT,), "[The senator] criticized {the budget for its cuts}."),
    Cue("criticise", (OBJECT,), "[The minister] criticised {the plan for its cost}."),
    Cue("praise", (OBJECT,), "[The president] praised {the firefighters for their courage}."),
    Cue("describe", (OBJECT_AND_REST,), "[The minister] described {the talks as useful}."),
    Cue("call", ("for", "on", OBJECT_AND_REST, INFINITIVE), "[The union] called for {a ceasefire}."),
    Cue("proclaim", (CLAUSE,), "[The king] proclaimed {that the war was over}.", quotable=True),
    Cue("counter", (CLAUSE,), "[The company] countered {that the claims were false}.", quotable=True),
    Cue("retort", (CLAUSE,), "[The senator] retorted {that the bill was a disgrace}.", quotable=True),
    Cue("lament", (CLAUSE,), "[The coach] lamented {that his team had lost again}.", quotable=True),
    Cue("recount", (CLAUSE,), "[The survivor] recounted {that the ship sank in minutes}.", quotable=True),
    Cue("estimate", (CLAUSE,), "[Officials] estimate {that the repairs will cost $2 million}."),
    Cue("conclude", (CLAUSE,), "[The panel] concluded {that the crash was an accident}.", quotable=True),
    Cue("agree", (CLAUSE, INFINITIVE), "[Both sides] agreed {that the talks should continue}."),
    Cue("disagree", (CLAUSE,), "[Many economists] disagree {that the tax will hurt growth}."),
    Cue("question", (CLAUSE, OBJECT), "[Critics] questioned {whether the plan would work}."),
    Cue("dismiss", (OBJECT,), "[The minister] dismissed {the report as propaganda}."),
    Cue("reject", (OBJECT,), "[The union] rejected {the offer}."),
    Cue("defend", (OBJECT,), "[The mayor] defended {the decision to close the park}."),
    Cue("endorse", (OBJECT,), "[The newspaper] endorsed {the challenger}."),
    Cue("cite", (OBJECT,), "[The judge] cited {the lack of evidence}."),
    Cue("advise", (CLAUSE, INFINITIVE), "[The doctors] advised {that the patient rest}."),
    Cue("inform", (CLAUSE,), "[The police] informed {that the road was closed}."),
    Cue("hint", (CLAUSE,), "[The minister] hinted {that he would run for president}."),
    Cue("imply", (CLAUSE,), "[The report] implies {that the agency failed}.", nested=True),
    Cue("recommend", (CLAUSE, OBJECT), "[The panel] recommended {that the plant be closed}."),
    Cue("read", (CLAUSE,), "[The banner] read {that the war was over}."),  # PolNeAR train: 14 of 14 right
    Cue("email", (CLAUSE,), "[The spokesman] emailed {that the company had no comment}."),
    Cue("text", (CLAUSE,), "[The senator] often texts {that he is running late}."),
    Cue("whisper", (CLAUSE,), "[The witness] whispered {that she was afraid}.", quotable=True),
    Cue("shout", (CLAUSE,), "[The protesters] shouted {that the police should leave}.", quotable=True),
    Cue("yell", (CLAUSE,), "[The coach] yelled {that the game was not over}.", quotable=True),
    Cue("continue", (), "{“We will not give up,”} [the coach] continued.", quotable=True),
    Cue("muse", (CLAUSE, "about"), "{“Maybe I will run again,”} [the senator] mused.", quotable=True),
    # believing and finding
    Cue("believe", (CLAUSE,), "[Most voters] believe {that the economy is improving}."),
    Cue("think", (CLAUSE,), "[The senator] thinks {the bill will pass}."),
    Cue("feel", (CLAUSE,), "[Many residents] feel {that the city has forgotten them}."),
    Cue("know", (CLAUSE,), "[The police] know {that the gang is armed}."),
    Cue("expect", (CLAUSE, INFINITIVE), "[Analysts] expect {that prices will fall}."),
    Cue("hope", (CLAUSE, INFINITIVE), "[The organizers] hope {that the rain will stop}."),
    Cue("fear", (CLAUSE,), "[Farmers] fear {that the drought will last}."),
    Cue("worry", (CLAUSE,), "[Parents] worry {that the schools are unsafe}."),
    Cue("doubt", (CLAUSE,), "[Experts] doubt {that the ceasefire will hold}."),
    Cue("suspect", (CLAUSE,), "[Investigators] suspect {that the fire was set}."),
    Cue("assume", (CLAUSE,), "[Economists] assume {that oil prices will stay low}."),
    Cue("guess", (CLAUSE,), "[The coach] guessed {that the game would be close}."),
    Cue("understand", (CLAUSE,), "[The governor] understands {that the state needs money}."),
    Cue("realize", (CLAUSE,), "[The company] realized {that its sales were falling}."),
    Cue("recognize", (CLAUSE,), "[The minister] recognized {that the reforms had failed}."),
    Cue("learn", (CLAUSE,), "[The committee] learned {that the files were missing}."),
    Cue("find", (CLAUSE,), "[The study] found {that most voters support the plan}."),
    Cue("show", (CLAUSE, OBJECT), "[The data] show {that crime is falling}."),
    Cue("wonder", (CLAUSE,), "[Many voters] wonder {whether the plan will work}."),
    Cue("consider", (CLAUSE,), "[The court] considered {that the law was valid}."),
    # intending
    Cue("want", (INFINITIVE, CLAUSE), "[The governor] wants {to cut taxes}."),
    Cue("plan", (INFINITIVE,), "[The company] plans {to open a new plant}."),
    Cue("intend", (INFINITIVE,), "[The minister] intends {to resign}."),
    Cue("decide", (INFINITIVE, CLAUSE), "[The board] decided {to sell the company}."),
    Cue("seek", (INFINITIVE,), "[The rebels] seek {to topple the government}."),
    Cue("refuse", (INFINITIVE,), "[The senator] refused {to answer questions}."),
    Cue("decline", (INFINITIVE,), "[The company] declined {to comment}."),
    Cue("wish", (INFINITIVE, CLAUSE), "[The minister] wishes {to meet the rebels}."),
    Cue("offer", (INFINITIVE, OBJECT), "[The mayor] offered {to resign}."),
    # seeming: the subject and what it seems to do ("Clinton appeared to back off")
    Cue("seem", (CLAUSE, RAISING), "{The court seemed to send an assertive signal}."),
    Cue("appear", (CLAUSE, RAISING), "{The Sanders team appeared to make a conscious decision to lay off Clinton}."),
    # taking a stand on something: the object and what follows it
    Cue("support", (OBJECT,), "[The union] supports {the new contract}."),
    Cue("oppose", (OBJECT,), "[Most voters] oppose {the new tax}."),
    Cue("back", (OBJECT,), "[The party] backs {the new leader}."),
    Cue("favor", (OBJECT,), "[Economists] favor {spending projects}."),
    Cue("favour", (OBJECT,), "[Most members] favour {the new rules}."),
    Cue("prefer", (OBJECT, INFINITIVE), "[Many voters] prefer {the younger candidate}.", nested=True),
    Cue("like", (INFINITIVE,), "[The coach] likes {to win}."),
    Cue("view", (OBJECT_AND_REST,), "[The minister] views {the protests as a threat}."),
    # seeing or casting something as something: only with "as" ("saw the ruling as a victory", not "saw the film")
    # (PolNeAR train: see/cast/identify + "as" the commonest missed cue outside the lexicon)
    Cue("see", (OBJECT_AS,), "[Most voters] see {Clinton as the stronger candidate}."),
    Cue("cast", (OBJECT_AS,), "[The senator] cast {himself as a Washington outsider}."),
    Cue("regard", (OBJECT_AS,), "[Many economists] regard {the plan as reckless}."),
    Cue("characterize", (OBJECT_AS,), "[The report] characterized {the talks as productive}."),
    Cue("paint", (OBJECT_AS,), "[The ads] paint {the governor as a career politician}."),
    Cue("depict", (OBJECT_AS,), "[The film] depicts {the senator as a hero}."),
    Cue("frame", (OBJECT_AS,), "[The campaign] framed {the election as a referendum on the economy}."),
    Cue("portray", (OBJECT_AND_REST,), "[The senator] portrayed {his rival as weak}."),
    Cue("name", (OBJECT_AND_REST,), "[The magazine] named {her the person of the year}."),
    Cue("label", (OBJECT_AND_REST,), "[The president] labeled {the report fake news}."),
    Cue("blast", (OBJECT,), "[Senator Ted Cruz] blasted {Marco Rubio for his support of the immigration bill}."),
    Cue("slam", (OBJECT,), "[The union] slammed {the decision}."),
    Cue("denounce", (OBJECT,), "[The minister] denounced {the attack}."),
    Cue("condemn", (OBJECT,), "[The president] condemned {the violence}."),
    Cue("mock", (OBJECT,), "[The candidate] mocked {his rival}."),
    Cue("attack", (OBJECT,), "[The senator] attacked {the plan}."),
    Cue("tout", (OBJECT,), "[The governor] touted {the new jobs}."),
    Cue("express", (OBJECT,), "[The minister] expressed {concern about the vote}."),
    Cue("discuss", (OBJECT,), "[The leaders] discussed {the crisis}."),
    Cue("list", (OBJECT,), "[The report] lists {three causes}."),
    Cue("remind", (CLAUSE, OBJECT), "[The mayor] reminded residents {that the park was closed}.", nested=True),
    Cue("echo", (OBJECT,), "[The minister] echoed {the president}."),
    Cue("highlight", (OBJECT,), "[The report] highlighted {the risks}."),
    Cue("order", (INFINITIVE, OBJECT), "[The judge] ordered {the release of the files}."),
    Cue("remember", (CLAUSE, OBJECT), "[The witness] remembered {that the car was red}."),
    Cue("lambaste", (OBJECT,), "[Critics] lambaste {the budget}."),
    # PolNeAR train: gold cues at 6 of 6 occurrences of "vouch for", forecast 5 of 5, liken 6 of 8; new quotes
    # matched vouch 6 of 6, forecast 3 of 3, liken 3 of 3, lambast 3 of 4 (LEMMA_FIXES), muse about 2 of 2,
    # envision 2 of 2 (gold cue at 7 of its 8 occurrences).
    # Left out, under 75% matched: lash out at 5 of 7, acquiesce to 2 of 3, allude to 1 of 4, dwell on 0 of 2.
    Cue("vouch", ("for",), "[The governor] vouched for {Trump and his family}."),
    Cue("forecast", (CLAUSE, OBJECT), "[Mr. Putin] forecast {that the slumping economy would soon rebound}."),
    Cue("liken", (OBJECT_AND_REST,), "[The professor] likened {the campaign to a car crash}."),
    Cue("envision", (CLAUSE, OBJECT), "[Trump’s supporters] envision {liberals looking down their nose at them}."),
    Cue("decry", (OBJECT,), "[The bishop] decried {the violence}."),
    Cue("applaud", (OBJECT,), "[The minister] applauded {the decision}."),
    Cue("hail", (OBJECT,), "[The president] hailed {the agreement}."),
    Cue("welcome", (OBJECT,), "[The union] welcomed {the ruling}."),
    Cue("thank", (OBJECT,), "[The mayor] thanked {the firefighters}."),
    Cue("congratulate", (OBJECT,), "[The president] congratulated {the winner on her victory}."),
    Cue("encourage", (INFINITIVE,), "[The coach] encouraged {his players to stay calm}."),
    Cue("dub", (OBJECT_AND_REST,), "[Critics] dubbed {the plan a tax grab}."),
    Cue("brand", (OBJECT_AND_REST,), "[The senator] branded {his rival as a liar}."),
    Cue("plead", ("for", INFINITIVE), "[The families] pleaded for {help}."),
    Cue("chant", (CLAUSE,), "{“Lock her up!”} [the crowd] chanted.", quotable=True),
    Cue("ridicule", (OBJECT,), "[The candidate] ridiculed {the plan}."),
    Cue("chide", (OBJECT,), "[The judge] chided {the lawyers}."),
    Cue("rebuke", (OBJECT,), "[The president] rebuked {the general}."),
    Cue("scold", (OBJECT,), "[The teacher] scolded {the students}."),
    Cue("fault", (OBJECT,), "[The report] faulted {the agency}."),
    Cue("pan", (OBJECT,), "[Critics] panned {the film}."),
    Cue("tease", (OBJECT,), "[The host] teased {the guest}."),
    # PolNeAR train, more predicted / more matched: voice 13/11, outline 10/9, credit 8/8, reaffirm 3/3, assail 3/3,
    # trumpet 2/2, excoriate 1/1 (not under 75%: laud 3/2, underscore 20/11, lay out 16/10, deem 15/8, invoke 12/6,
    # knock 12/6, champion 10/5, detail 10/6, rebuff 6/2)
    Cue("voice", (OBJECT,), "[The mayor] voiced {support for the new stadium}."),
    Cue("outline", (OBJECT,), "[The governor] outlined {a plan to cut taxes}."),
    Cue("credit", (OBJECT,), "[The coach] credited {the defense for the win}."),
    Cue("reaffirm", (CLAUSE, OBJECT), "[The president] reaffirmed {his commitment to the alliance}."),
    Cue("assail", (OBJECT,), "[The senator] assailed {the trade deal}."),
    Cue("trumpet", (OBJECT,), "[The campaign] trumpeted {its fundraising numbers}."),
    Cue("excoriate", (OBJECT,), "[The judge] excoriated {the prosecutors}."),
    # about what: "talked about ...", "referred to ...", "pointed to ..."
    Cue("talk", ("about",), "[Senator Marco Rubio] talked about {his views on immigration}."),
    Cue("speak", ("about",), "[The minister] spoke about {the crisis}."),
    Cue("refer", ("to",), "[Mr. Sanders] referred to {the big banks on Wall Street}.", nested=True),
    Cue("point", (CLAUSE, "to", "out"), "[The minister] pointed to {the rising prices}."),
    Cue("focus", ("on",), "[The candidate] focused on {the economy}."),
    Cue("advocate", ("for", OBJECT), "[The group] advocates for {higher wages}."),
    Cue("push", ("for",), "[The union] pushed for {higher wages}."),
    Cue("determine", (CLAUSE,), "[The panel] determined {that the video showed no crime}."),
    Cue("demonstrate", (CLAUSE,), "[The results] demonstrate {that most voters are angry}."),
    Cue("convince", (CLAUSE,), "[The debate] convinced voters {that the race was not over}."),
    Cue("insult", (OBJECT,), "[The candidate] insulted {women and veterans}."),
    Cue("articulate", (OBJECT,), "[The governor] articulated {a vision for the state}."),
    Cue("bemoan", (OBJECT,), "[The senator] bemoaned {the state of the party}."),
    Cue("resist", (OBJECT,), "[The speaker] resisted {calls to cancel the vote}."),
    Cue("balk", ("at",), "[The company] balked at {the price}."),
    Cue("apologize", ("for",), "[The senator] apologized for {his remarks}."),
    Cue("campaign", ("against",), "[The party] campaigned against {the treaty}."),
    # Not cues (PolNeAR train, more found / more matched): "reference" 13/8, "vote for" 76/39, "address" 53/24,
    # "challenge" 50/20, "embrace" 36/18, "promote" 31/16, "compare" 23/12; "rail against" 9/9 but 3 of 3 wrong
    # on dev, "identify X as" 5/5 but 1 of 1 wrong on dev: too few to lower precision for.
    Cue("complain", (CLAUSE, "about"), "[Residents] complained {that the water was dirty}.", quotable=True),
)


# --- noun cues -----------------------------------------------------------------------------


@dataclass(frozen=True)
class NounCue:
    """A noun that reports what someone said, believes or intends: "his claim {that ...}".

    Its slots: CLAUSE (a "that" clause), INFINITIVE (a to-infinitive) or a preposition
    ("allegations of {fraud}"). The speaker is the noun's possessor ("Trump's claim"), the
    object of "by"/"from" ("a warning from the army"), the subject of a verb of issuing
    (ISSUING_VERBS: "the army issued a warning"), or the subject of the verb whose preposition
    holds the noun ("says in a statement that ..."). A prepositional slot needs a speaker.
    """

    lemma: str
    frame: tuple[str, ...]
    example: str


# More rows whose example shows a slot other than the first.
MORE_CUE_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("mention", "[The chief] did not mention {the cost of the repairs}."),
    ("warn", "[The army] warned of {more attacks}."),
    ("warn", "[The senator] warned against {a brokered convention}."),  # PolNeAR train: 5 more, all matched
    ("ask", "[Reporters] asked about {the cost of the trip}."),
    ("comment", "[The minister] commented on {the election results}."),
    ("say", "Asked whether he would run again, [the senator] said {yes}."),
    ("say", "[The mayor] said {that the bridge was safe and that it would reopen in May}."),
    # a reported clause that lacks its subject in a relative clause starts at the pronoun or the noun it hangs on
    # (RELATIVE_CONTENT; PolNeAR train: 6 contents exact of 6 changed)
    ("say", "Her vote for the war, {which [she] has repeatedly said was a mistake}, hurt her campaign."),
    # one reported clause the parser split in two clauses of the cue, the second right after the first, with no
    # punctuation between (PolNeAR train: 36 new quotes matched of 42, 17 of the 47 they replace; dev 11 of 11)
    ("explain", "[The actress] explained {why being portrayed as such is actually a “backhanded compliment.”}"),
    ("say", "But [16 percent of voters] still say {they don’t yet know enough about Sanders to form an opinion}."),
    ("say", "The release is a reminder of {a probe [the agency] said was ongoing as of this month}."),
    ("tell", "[The mayor] told {residents not to drink the water}."),
    ("report", "[The campaign] reported {raising $9 million in March}."),
    ("want", "[The governor] wants {all schools to reopen}."),
    ("call", "[Sanders] has called {to break up the big banks}."),
    # what a poll or a count shows, as its object (PolNeAR train: 71 more matched, 29 more unmatched; strict +36)
    ("show", "[A new poll] shows {Sanders with 47 percent of the vote}."),
    # ... nor a date after it: "on Sunday" is when, not "called on" (nor where: "in a tweet", see OBJECT_TAIL)
    ("call", "[The governor] called {the plan “reckless”} in a tweet on Sunday."),
    # ... and a to-infinitive right after the object of its preposition (PolNeAR train: 6 more matched, none lost)
    ("call", "[The union] called for {new spending to repair the bridges}."),
    # ... also when the parser made the preposition the mark of a clause with its own subject (PolNeAR train first
    # 420 articles: 10 more predicted, 9 more matched; dev 1 more, matched)
    ("call", "[Ted Cruz] is calling for {some of his Republican rivals to drop out}."),
    # a quotation right after a content that ends on a word, in its sentence, goes on with it (PolNeAR train 840
    # articles: 3 more matched, 2 more exact, none lost; dev 1 more exact)
    ("pledge", "[Cruz] pledged {to oppose legal status for undocumented immigrants “today, tomorrow, forever.”}"),
    # a speech cue in the passive with its agent reports the subject (PASSIVE_AGENT_CUES: report, tweet, mention,
    # claim, see, consider, remember; PolNeAR train 840 articles: 17 more predicted, 15 more matched; dev 1 of 1)
    ("report", "{The meeting} was first reported by [Politico]."),
    # a speech cue with its clause under "seem"/"appear" reports it; the seeming is no quote of its own
    ("imply", "[She] appeared to imply {that Trump could lead to more upheaval than Clinton}."),
    # a clause opened by a gerund, which the parser made an xcomp (PolNeAR train: 16 more matched of 20 more
    # predicted, strict +9; not "was said to be ...": a report with no speaker)
    ("say", "[Manny Gomez] said {seeing so many police officers at the parade was a welcome sight}."),
    # ... and suggest, note, acknowledge, admit (train: 8 more matched of 9; not argue, 1 of 3)
    ("suggest", "[The senator] suggested {raising the tax on gasoline}."),
    # argue for / against (PolNeAR train: 5 more matched of 6)
    ("argue", "[The former attorney general] argued for {stricter limits on surveillance}."),
    # a nested speech cue keeps its own quote inside the outer quote's content
    ("note", "The mayor said [the report] noted {that unemployment had fallen}."),
    # objects and prepositions of speech verbs that took only a clause (PolNeAR train, more predicted / more
    # matched: explain 20/15, recall 18/14, reiterate 11/10, stress 10/8; not under 75%: promise 17/10, argue 3/1,
    # hint at 8/5, lament 7/5, speak of 13/9, worry about 11/7; nor agree on 8/6, hope for 7/7, boast of/about 7/6,
    # write about 7/6, brag about 5/4, which together added a false alarm on quotes_news' untouched slice, its scores
    # only seen; nor repeat 17/14 and emphasize 13/11, each a false alarm on quotes_news dev: "repeated Biden's
    # commitment, saying “...”" labels the quotation after it, "emphasized the importance of X as we ..." was cut
    # at "as" (OBJECT_TAIL) where the readout's gold goes on)
    ("explain", "[The minister] explained {the new rules}."),
    ("recall", "[The senator] recalled {his first campaign}."),
    ("reiterate", "[The White House] reiterated {its support for the bill}."),
    ("stress", "[The doctor] stressed {the importance of rest}."),
    # a verb of believing set off inside the clause it reports, the parser giving it the comma before it
    # (PARENTHETICAL_CUE; PolNeAR train: 6 more matched of 9 more predicted)
    ("believe", "{Such efforts, [they] believe, will render his plan moot.}"),
)

NOUN_CUES: tuple[NounCue, ...] = (
    NounCue("allegation", (CLAUSE, "of"), "The party rejected [Mr. Sanders]’s allegation {that the vote was rigged}."),
    NounCue("announcement", (CLAUSE, "of"), "Voters cheered [the senator]’s announcement {that he would retire}."),
    NounCue("warning", (CLAUSE, "of", "about"), "Residents ignored [the army]’s warning {that more attacks were coming}."),
    NounCue("claim", (CLAUSE, INFINITIVE, "of"), "The courts rejected [Trump]’s claim {that the election was stolen}."),
    NounCue("assertion", (CLAUSE,), "Observers disputed [the minister]’s assertion {that the vote was fair}."),
    NounCue("accusation", (CLAUSE, "of"), "The judge dismissed [her] accusation {that the police lied}."),
    NounCue("statement", (CLAUSE,), "[The ministry] released a statement {that the border would stay closed}."),
    NounCue("insistence", (CLAUSE,), "Doctors rejected [the governor]’s insistence {that the state was ready}."),
    NounCue("suggestion", (CLAUSE,), "The board rejected [the mayor]’s suggestion {that the schools should close early}."),
    NounCue("argument", (CLAUSE,), "The court rejected [the lawyer]’s argument {that the law was invalid}."),
    NounCue("promise", (CLAUSE, INFINITIVE), "Voters remember [the president]’s promise {to rebuild the bridge}."),
    NounCue("pledge", (CLAUSE, INFINITIVE), "Investors welcomed [the company]’s pledge {to cut emissions}."),
    NounCue("vow", (INFINITIVE,), "Analysts doubt [the president]’s vow {to cut taxes}."),
    NounCue("threat", (INFINITIVE,), "The owners feared [the union]’s threat {to strike}."),
    NounCue("demand", (CLAUSE, "for"), "The government refused [the protesters]’ demand for {new elections}."),
    NounCue("denial", (CLAUSE, "of"), "Reporters doubted [the minister]’s denial of {the bribery charges}."),
    NounCue("admission", (CLAUSE,), "Shares fell after [the company]’s admission {that its data was stolen}."),
    NounCue("prediction", (CLAUSE,), "Markets ignored [the bank]’s prediction {that rates would fall}."),
    NounCue("assurance", (CLAUSE,), "Few trusted [the minister]’s assurance {that the vote would be fair}."),
    NounCue("belief", (CLAUSE,), "Pollsters measured [many voters]’ belief {that the economy is rigged}."),
    NounCue("fear", (CLAUSE,), "[Doctors] renewed fears {that the virus will spread}."),  # "voiced fears": FEELING_VERBS
    NounCue("complaint", (CLAUSE,), "The police heard complaints from [residents] {that the park was unsafe}."),
    NounCue("comment", (CLAUSE,), "Veterans were angered by [the senator]’s comments {that the war was lost}."),
    NounCue("news", (CLAUSE,), "Shares fell on news {that the company would cut jobs}."),
    NounCue("mention", ("of",), "[The mayor] made no mention of {the war}."),
    NounCue("question", ("about",), "[Reporters]’ questions about {his health} went unanswered."),
    NounCue("hope", (CLAUSE, INFINITIVE, "of"), "[The rebels] gave up hope of {taking the city}."),
    NounCue("criticism", ("of",), "The press reported [the senator]’s criticism of {the budget}."),
    NounCue("endorsement", ("of",), "Readers were surprised by [the newspaper]’s endorsement of {the challenger}."),
)

# Noun cues whose speaker is none of the above: the subject of the verb whose preposition holds the noun.
MORE_NOUN_CUE_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("statement", "[Kasich’s chief strategist John Weaver] says in a statement {that the race will now be a four-man contest}."),
    ("suggestion", "[The senator] backed away from a suggestion {that he might cover the legal costs}."),
)

ISSUING_VERBS = frozenset(
    "issue make made release repeat reiterate express voice deliver renew publish post send give offer announce "
    "tweet echo".split()
)


# --- other patterns ------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    """A way of attributing besides a cue's frame, named by what it puts in a quote's ``rule``.

    A cue verb's rule is ``lemma:slot`` ("say:ccomp"); the patterns below stand in for the
    slot ("say:quote"), for the whole rule ("according_to") or follow it ("say:ccomp+split").
    """

    rule: str
    why: str
    example: str


PATTERNS: tuple[Pattern, ...] = (
    Pattern("according_to", "“according to X” gives X the rest of its clause",
            "According to [the police report], {the driver was speeding.}"),
    Pattern("according_to", "... on either side of the clause",
            "{The driver was speeding}, according to [the police report]."),
    Pattern("according_to", "... closing its sentence, the whole sentence before it",
            "{Trump received 37 percent, Clinton had 36 percent and Bloomberg snagged 13 percent}, "
            "according to [the poll]."),
    Pattern("according_to", "... inside its clause, set off by commas: the clause on both sides of it",
            "{Fundraising, according to [the campaign], has surged in the same period}."),
    Pattern("according_to", "... after a connective and its comma, which is the writer's (see OPENERS)",
            "Meanwhile, {her negative ratings have been rising}, according to [the poll]."),
    Pattern("according_to", "... opening the sentence, when the parser hung the clause's subject on the source as an "
            "apposition after a comma: the content starts at that subject (PolNeAR train: 4 contents exact of 4)",
            "According to [early results of exit polls conducted for the Associated Press by Edison Research], "
            "{majorities of Republican primary voters in all five states say they feel betrayed by the party.}"),
    Pattern("in_source", "“In a poll, ...”: the poll, survey or statement speaks the clause (see SOURCE_NOUNS)",
            "In [a new Fox News poll released Thursday], {Donald Trump achieved 45 percent support among voters.}"),
    Pattern("colon", "a headline that opens with a short name and a colon (see SPEAKER_LABEL)",
            "[Lewandowski]: {FBI director acted as judge and jury on Clinton}\n"),
    Pattern("colon", "a title line whose label before a colon is no name (see TITLE_LABEL)",
            "[Clinton camp]: {Trump’s rhetoric threatens national security}\nThe campaign said so on Monday.\n"),
    Pattern("colon", "... up to a preposition that says where or to whom (see TITLE_LABEL_ENDS)",
            "[Former AG Mukasey] at RNC: {Clinton email scandal disqualifies her}\nHe spoke on Tuesday.\n"),
    Pattern("colon", "a transcript line that opens with the speaker's name",
            "The debate went on for hours.\n[PENCE]: {Well, I think the senator is wrong about taxes.}\n"),
    Pattern("transcript", "a transcript turn (at least two paragraphs open with an upper-case label) is a direct "
            "quote of the person the label names, through the paragraphs up to the next label",
            "SECRETARY BLINKEN: Good morning, everyone.\n[MR PRICE]: {Thank you.\nWe will take questions.}\n"),
    Pattern("transcript", "a stage direction between sentences is no part of a turn: it splits it",
            "[MS PORTER]: Let me start. (Laughter.) {We have one update.}\nQUESTION: Is that all?\n"),
    Pattern("transcript", "a transcript quoted whole opens each paragraph with a quote mark before the label "
            "(PolNeAR: Breitbart's “Partial transcript as follows”); a closing credit line is no part of the last turn "
            "(see TURN_CLOSING)",
            "Partial transcript as follows:\n\n\"[WALLACE]: {Will she be there tomorrow?}\n\n\"PENCE: She will not.\n\n"
            "\"Follow Pam Key on Twitter @pamkeyNEN.\"\n"),
    Pattern("transcript", "a question from the floor is the press's (see GENERIC_SPEAKERS), not a person's",
            "[QUESTION]: {Will the Secretary meet Sergey Lavrov?}\nMR PRICE: No meeting is planned.\n"),
    Pattern("inverted", "the parser hung the cue off the clause it reports; set off by commas, the cue stays inside",
            "{The economy, [officials] said, is slowing.}"),
    Pattern("raised", "the parser made the reported clause the head of its cue",
            "While [he] acknowledged {funding was a major reason he felt demoralized serving under Obama}, "
            "Ham also noted several “intangibles” left him further disillusioned."),
    Pattern("raise", "a to-infinitive cue in the passive: the subject and what is expected of it, no speaker",
            "{Clinton is expected to win the Iowa caucuses}."),
    Pattern("quote", "a quotation beside a quotable cue in its sentence",
            "{“We will not give up,”} [the coach] continued."),
    Pattern("quote_colon", "a quotation after a sentence that ends with its cue and a colon",
            "[The mayor] answered with a warning:\n{“We will rebuild the bridge by spring.”}\n"),
    Pattern("quote_colon", "... or with a statement noun that its speaker issues (see STATEMENT_NOUNS, ISSUING_VERBS)",
            "[The campaign] issued the following statement:\n{“Our prayers are with all those affected.”}\n"),
    Pattern("signed", "a paragraph that is one quotation, signed by a dash and a name in the next paragraph "
            "(see SIGNATURE)",
            "Here are the claims we checked.\n\n{\"Boeing and GE pay zero taxes.\"}\n\n- [Bernie Sanders].\n\n"
            "That is not quite right.\n"),
    Pattern("signed", "... or on its own line, after the closing mark, by a dash or a horizontal bar and a name that ends "
            "the line (see SIGNATURE_AFTER; PolNeAR dev: a list of readers' answers, 22 quotes)",
            "Readers answered.\n\n{“He is not fit to lead. He scares me.”} ― [Carla Sanchez].\n"),
    Pattern("signed", "... also when the line opens with a closing mark, and with a space after the name",
            "Readers answered.\n\n{”Fear. I am truly afraid that he will win.”} ― [Ana Ruiz]\u00a0\n"),
    Pattern("quote_next", "the parser ended the sentence with the quotation, before its cue",
            "{“Is that all there is?”} [Trump] said.\n"),
    Pattern("split", "a quotation split by its cue is one quote",
            "{“We will win,” [he] said, “and we will win big.”}"),
    Pattern("continued", "a quotation with no cue of its own goes on the quote before it",
            "{“It is over,” [Ms. Ruiz] said. “We lost and we know why.”}\n"),
    Pattern("paragraph", "... also when it opens the next paragraph",
            "{“I am very disappointed in the committee,” [Trump] said.\n\n"
            "“For three debates now the room has been stacked with donors.”}\n\nThe committee did not respond.\n"),
)


# --- content boundaries --------------------------------------------------------------------


@dataclass(frozen=True)
class Boundaries:
    """Where a content ends, as PolNeAR bounds it; each field has its examples in BOUNDARY_EXAMPLES."""

    attribution_gap: int  # at most this many words between a quotation's closing mark and its speaker or cue
    closing_comma_words: int  # a quotation of at least this many words closing on a comma ends the content before its cue


BOUNDARIES = Boundaries(attribution_gap=0, closing_comma_words=4)

# (field, example): the content stops at the quotation's closing mark, not after the attribution that follows.
BOUNDARY_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("attribution_gap", "{“If we go to a contested convention, where nobody has the majority, it will be the delegates "
                        "who were elected by the people who make the final decision,”} [Cruz] said at a Buffalo, New "
                        "York town hall event Thursday, hinting at his playbook for locking down the nomination."),
    ("attribution_gap", "{“We need to do more to protect national security information, and her poor judgment "
                        "certainly shows me that she is not fit to serve as President,”} [Carson] tells Breitbart News, "
                        "responding to the recent news."),
    ("closing_comma_words", "{“His legend will live on for many years,”} [Spencer] said, as a few young fighters "
                            "worked out inside the gym."),
)




@dataclass(frozen=True)
class QuotedComma:
    """A reported clause whose last quotation closes on a comma ends at the closing mark when what follows is the
    speaker's next act: a participle ("claiming ...", "referring to ...") or, within a few words, a speech cue
    ("..., Trump replied", "..., said Ramos"). The parser gave those words to the quoted clause."""

    tags: tuple[str, ...]  # the first word after the quotation
    cues: frozenset[str]  # a lemma among the first few words after it
    examples: tuple[str, ...]


QUOTED_COMMA = QuotedComma(
    tags=("VBG",),
    cues=frozenset("say tell add reply respond write note explain continue ask insist argue".split()),
    examples=(
        "[Trump] insisted {that he has “expanded the Republican party,”} claiming credit for the turnout.",
    ),
)


@dataclass(frozen=True)
class QuoteAfterCue:
    """A cue the parser hung off the clause it reports, followed by a quotation: the content starts at the
    quotation, not at the sentence start with the speaker and cue inside it (PolNeAR train: 22 of 29)."""

    lead: str  # what may stand between the cue (with its listener) and the quotation's opening mark
    subject_deps: tuple[str, ...]  # a word before the speaker in one of these relations to the quoted words keeps it
    examples: tuple[str, ...]
    keeps_subject: str


QUOTE_AFTER_CUE = QuoteAfterCue(
    lead=",:",
    subject_deps=("nsubj", "nsubjpass", "csubj", "expl"),
    examples=(
        "In a speech on Monday, [Mr. Ryan] said, {“democracy is a series of choices.”}",
        "[Smith’s campaign] shrugged off Jones’s comments, telling reporters, "
        "{“Neither Mr. Smith nor anyone on his team has ever asked for his endorsement.”}",
    ),
    # the words before the speaker are the quoted clause's subject: the content keeps them
    keeps_subject="{That, [the commission] said, “would be helpful in avoiding uncertainty.”}",
)

# A quotation after its cue ("..., he said, “...”") starts at its opening mark: a phrase set before the speaker is
# the writer's ("Asked about it,", "Still,"), even where the parser hangs it on a quoted word. Only the quoted
# clause's own subject before the speaker stays (QUOTE_AFTER_CUE.subject_deps; PolNeAR train: exact spans +17).
FRONTED_PHRASE_EXAMPLES: tuple[str, ...] = (
    "Emphasizing the urgency of the matter, [Trump] said, {“If we do not get tough and smart real fast, we are not "
    "going to have a country anymore.”}",
    "Still, [she] added, {“we also can’t ignore significant changes to the energy landscape.”}",
)


@dataclass(frozen=True)
class PlacedCue:
    """A quotation set off against a subject and its verb is what they said, whatever the verb: after it
    ("“Quiet,” he demanded"), or before it behind a comma or colon when the quotation ends the sentence
    ("Hannity interjected: “...”"). Tried only when no cue verb of the lexicon takes the quotation."""

    tags: tuple[str, ...]  # the verb is finite
    not_verbs: frozenset[str]  # lemmas that say nothing ("“...,” he is", "the ad has ...")
    not_subjects: frozenset[str]  # subjects that name no one
    closing: tuple[str, ...]  # how a quotation before its verb closes, inside its marks
    window: int  # the verb is at most this many words after the quotation
    lead: str  # what stands between the verb (and its particles) and a quotation after it
    particles: int  # at most this many words between that verb and the comma or colon
    particle_deps: tuple[str, ...]  # ... each a particle, adverb or pronoun object of the verb
    examples: tuple[str, ...]


PLACED_CUE = PlacedCue(
    tags=("VBD", "VBZ", "VBP"),
    not_verbs=_words("be have do"),
    not_subjects=_words("it there that which who what this"),
    closing=(",", "?", "!", "—", "–"),
    window=8,
    lead=",:",
    particles=2,
    particle_deps=("prt", "advmod", "dobj", "dative"),
    examples=(
        "{“Quiet,”} [he] demanded, as Bush continued to interject.",
        "{“This is fantastic!”} beamed [Donald Hartley of Madison, Alabama].",
        "{“People are afraid of wasting their votes,”} [he] surmised.",
        "The interview went on.\nAfter a pause, [Hannity] interjected: {“So you’re saying there will be some flexibility?”}",
        "As [Vulture] put it, {“Hello, it’s the Biebs.”}",
        "[Hillary] shot back, {“I suppose I could have stayed home.”}",
    ),
)

# A speech cue (a quotable row) with no subject of its own, finite or a participle, that the parser joined to
# a reported clause is the speaker's next act: the content ends before it (PolNeAR train: exact spans +17).
SECOND_CUE_TAGS = ("VBD", "VBZ", "VBP", "VBG")
SECOND_CUE_EXAMPLES: tuple[str, ...] = (
    "[The senator] said {he welcomed the ruling} and added, “We will not appeal.”",
    "[The governor] said {the plan was dead} and warned that taxes would rise.",
)

@dataclass(frozen=True)
class ObjectTail:
    """An object's content takes the verb modifiers after it ("praised {the firefighters for their courage}",
    "accused {Trump of buying influence “in a pattern of sleaze”}"), up to a clause set off by a comma: that is the
    speaker's next act ("endorsed {Clinton}, saying ..."). In PolNeAR train the gold content ends at the object for
    29 of 51 participles after a comma, and goes on with "for", "as" or "of" for 196 of 213; taking every modifier
    rather than the first raised content precision .844 -> .846. The cut is made once nested cues are dropped: a
    cue in the clause cut off stays no quote of its own."""

    takes: tuple[str, ...]  # the dependencies of a verb modifier the content may take
    set_off: tuple[str, ...]  # ... and those it does not take after a comma
    examples: tuple[str, ...]
    # The modifiers that close an object and say when are the cue's, not the content's: one of these prepositions, a
    # preposition holding a date ("on Thursday", "in November") or a clause opened by one of `when_marks`
    # (PolNeAR train: trailing ones only; exact spans +29, 8 fewer matched).
    when_preps: tuple[str, ...] = ()
    when_marks: tuple[str, ...] = ()


OBJECT_TAIL = ObjectTail(
    takes=("prep", "oprd", "xcomp", "advcl", "ccomp"),
    set_off=("advcl",),
    when_preps=("during", "after", "until", "amid", "following"),
    when_marks=("as", "after", "until", "once"),
    examples=(
        "[The senator] endorsed {the governor}, saying she would make a fine president.",
        "[The president] praised {the firefighters for their courage}.",
        "[The senator] accused {the mayor of lying to voters in a pattern of deceit}.",
        # where it was said, and all after it, belongs to the cue (STATEMENT_NOUNS), not the content
        # (PolNeAR train: exact spans +14, 2 fewer matched)
        "[The governor] criticized {the plan} in a tweet on Sunday.",
        # ... at a rally, on a show, on a page, at an event (STATEMENT_NOUNS; PolNeAR train 840 articles: strict
        # .5853->.5858 and .6128->.6130 on its halves, one match fewer of 12,795; dev unchanged)
        "[The senator] thanked {his supporters} at a victory rally in Vermont.",
        # ... and so does when it was said
        "[The senator] criticized {Bill Clinton} during a debate in Iowa.",
        "[The union] endorsed {Hillary Clinton} on Thursday.",
        # a second object the parser made a conjunct of the verb (PolNeAR train: 3 more matched, all exact)
        "[The report] noted {limited gains so far in take-home pay and continued risks from global terrorism}.",
    ),
)

# A quotation before a cue joins the cue's content as the first half of a split quotation ("“A,” he said, “B.”"),
# but not a title held by a word before it when the content is a reported clause (PolNeAR train: exact spans +25,
# 6 fewer matched, direct F1 unchanged).
SPLIT_TITLE_EXAMPLES: tuple[str, ...] = (
    "[Trump] appeared on ''Morning Joe,'' adding {that his son Eric is friendly with one of Mr. Bush's sons}.",
    "[He] promoted his show, “Celebrity Apprentice,” and noted {that he had just bought the Old Post Office building}.",
)

@dataclass(frozen=True)
class SplitAfterSpeaker:
    """A quotation that goes on, in lower case after a comma, with the sentence a quotation before the cue began is
    the second half of that quotation, however long the speaker's description between them."""

    words: int  # at most this many words between the cue and the second half (else 12)
    examples: tuple[str, ...]


SPLIT_AFTER_SPEAKER = SplitAfterSpeaker(
    words=30,
    examples=(
        "{“The risk,” said [Edward Leamer, an economist who is the director of the UCLA Anderson Forecast at the "
        "university in Los Angeles], “is that we are going to be attracting workers and repelling jobs.”}",
    ),
)

# A quotation the parser gave to an earlier cue, with a speech cue right before it, is that cue's own quote.
LATER_CUE_EXAMPLES: tuple[str, ...] = (
    "“There is a young man who is having some problems,” Cruz said as [the heckler] yelled: {“You suck!”}",
    "{“There is a young man who is having some problems,”} [Cruz] said as the heckler yelled: “You suck!”",
)

# --- pronoun speakers ----------------------------------------------------------------------


@dataclass(frozen=True)
class Pronouns:
    """Pronoun speakers, and the kinds of earlier speaker (person, plural, org) they refer back to."""

    words: frozenset[str]
    refers_to: tuple[str, ...]
    example: str


PRONOUNS: tuple[Pronouns, ...] = (
    # With no earlier speaker, he or she is the last person named before it.
    Pronouns(_words("he she him her his"), ("person",),
             "<Anna Berg> arrived late. {“The report is wrong,”} [she] said."),
    Pronouns(_words("they them their we"), ("plural", "org"),
             "<The unions> said the offer was too low. [They] added {that a strike was likely}."),
    Pronouns(_words("it its"), ("org",),
             "<The Pentagon> said the strike was lawful. [It] added {that no civilians were hurt}."),
)
# A possessive the rows do not name ("our spokesman said") looks back for an organisation, as "it" does.
OTHER_PRONOUNS_REFER_TO = ("org",)

FINITE_TAGS = ("VBD", "VBZ", "VBP")  # a cue that can have a subject of its own (see SPEAKER_PATHS)
# The noun right before a finite cue with no subject speaks, unless it stands in one of these relations.
NOT_SUBJECT_DEPS = ("pobj", "dobj", "poss", "compound", "npadvmod", "attr", "dative", "oprd")

# Where the speaker of a cue with no subject of its own is found (:func:`~chronicle.nlp.quote_speakers.subject_of`),
# besides climbing conjunctions and clauses: (path, example).
SPEAKER_PATHS: tuple[tuple[str, str], ...] = (
    ("a participle on a statement noun (STATEMENT_NOUNS) that is a verb's object: that verb's subject, who issued it "
     "(PolNeAR train: “a statement” was the speaker 17 times)",
     "[The senator] issued a statement saying {the bill was dead}."),
    ("a participle or relative clause on a verb's object that its subject puts out (ISSUED_BY verbs: released, ran, "
     "launched, approved ...; not “who”): that verb's subject (PolNeAR train: 18 more right speakers, 1 lost)",
     "[The council] approved a resolution condemning {the ban}."),
    ("a participle set off by a comma after a reported clause it was hung on: the subject of the verb that reports "
     "the clause (PolNeAR train: 7 more right speakers, none lost)",
     "[Trump] argued that a database would keep people out, saying {it is “all about management.”}"),
    ("... also a cue verb the parser joined to the reported clause's verb: the subject of the verb that reports "
     "the clause (PolNeAR train: 15 more right speakers, 1 lost)",
     "[He] said his attacks had given him momentum and said {that Trump did not represent the party}."),
    ("... also after the “that” clause of the reporting verb's object, and after a dash (PolNeAR train: 2 more right "
     "speakers in 600 articles, none lost)",
     "[Democratic National Committee Chair Debbie Wasserman Schultz] dismissed Sanders’ accusations that the Clinton "
     "campaign is violating election law — saying {the charges are false}."),
    ("... also after a quotation that closes on its comma (PolNeAR train: 2 more right speakers in 600 articles, "
     "none lost)",
     "[Trump] told Newsmax that Romney “had a crazy policy of self-deportation,” adding, {“He lost all of the Latino "
     "vote.”}"),
    ("a to-infinitive on the object of a verb of causing (CAUSING): that object",
     "The decisive victory led [the chairman] to declare {him the presumptive nominee}."),
    ("a gerund after a preposition: the subject of the verb the preposition hangs from",
     "[The senator] began by saying {the bill was dead}."),
    ("... also after a time preposition",
     "After talking about {the budget}, [the mayor] left."),
    ("... also through the noun or adjective the preposition hangs from (PolNeAR train: speaker accuracy "
     ".915 -> .921 with the next row)",
     "[The campaign] took the unusual step of criticizing {the intelligence agencies}."),
    ("a participle on a noun: the people it describes",
     "In 2013, [Syrian hackers] backing {President Assad} hijacked the account."),
    ("a finite cue right after a quotation's closing mark, with no subject in the parse: the name after it "
     "(PolNeAR train: 6 more right speakers)",
     "{''Several of us were arguing we have to wait for the moment,'' recalled [Mr. Rhodes]. ''We waited.''}"),
    ("... also a described speaker there, after a determiner or adjective (PolNeAR train: 7 more right speakers, "
     "none lost)",
     "{“There are more candidates competing there,”} added [another New Hampshire Republican]."),
    ("a subject inside a quotation speaks for no cue outside it, however the parser hung the cue: climbing goes on "
     "past it (PolNeAR train: 8 more right speakers in 600 articles, none lost)",
     "[Washington, star of television’s] “Scandal,” thanked {Obama for “taking these steps to make us all safer.”}"),
    ("a past-tense cue the parser made a participle on the noun it made the sentence's root, used actively: that "
     "noun, its words up to the cue (PolNeAR train, with the next row: 19 more right speakers in 600 articles, 1 "
     "found where none was and still wrong; dev 1 more)",
     "[Beruff, a Scott ally], called {Florida’s standards strong}."),
    ("... also any speaker whose words the parser ran on past the cue, or into a participle the cue is joined to: "
     "its words before them",
     "Hillary Clinton unveiled her first Spanish-language campaign ad, featuring [Hispanics] telling their family "
     "stories and criticizing {Donald Trump’s immigration policies}."),
    ("a finite cue the parser gave no subject: the noun right before it (see FINITE_TAGS, NOT_SUBJECT_DEPS)",
     "[About 4 in 10] say {they want the next president to have more liberal policies}."),
)


# --- word tables ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """A named word list: why the logic looks words up in it, and an example of its effect."""

    why: str
    example: str
    words: frozenset[str]
    cues: frozenset[str] = frozenset()  # the cue lemmas the table is about, when it is about some cues only


# The tagger lemmatises some cue verbs wrongly; this maps its lemma to the lexicon's.
LEMMA_FIXES: dict[str, str] = {"hop": "hope", "lambast": "lambaste"}  # "[Clinton] hoped {to keep the damage from spreading}."

STATEMENT_NOUNS = Table(
    "a prepositional phrase after a cue with one of these nouns belongs to the cue",
    "{“There is no further time to waste,”} [the leaders] |said in a joint statement|.",
    _words("statement interview release email letter tweet post speech briefing conference remarks rally op-ed show "
           "appearance appearances page event column editorial"),
)

ISSUED_BY = Table(
    "a participle or relative clause on the object of one of these verbs speaks for the verb's subject, who put the "
    "object out (an ad, a video, a resolution, a piece); not a person (“emailed supporters saying” is the sender's)",
    "[Trump] released a new radio ad calling {it “dangerous”}.",
    _words("release issue run launch air draft write send email post publish place plant approve unveil fire "
           "circulate distribute file produce sponsor cut tweet adopt"),
)

LISTENERS = Table(
    "the object right after “told” belongs to the cue when it names an audience",
    "[The minister] |told reporters| {the talks had stalled}.",
    _words("reporter journalist press audience crowd supporter interviewer"),
    cues=_words("tell"),
)

SOURCE_NOUNS = Table(
    "“In a <noun>, ...” makes the noun the speaker of the rest of the clause",
    "In [a new Fox News poll released Thursday], {Donald Trump achieved 45 percent support among voters.}",
    _words(
        "poll survey study report statement interview letter speech tweet post memo filing email book essay op-ed "
        "column editorial article analysis complaint lawsuit ruling opinion testimony remarks video ad advertisement "
        "message document release transcript note documents polls surveys statements interviews reports"
    ),
)

TO_SOURCES = Table(
    "“To X, ...” opening a sentence, set off by a comma, makes X (a person, group or organisation by its entity "
    "type, or one of these words) the holder of the view the rest of the clause states (PolNeAR train 840 articles: "
    "9 more found, 8 more matched; not “To that,”, “To date,”)",
    "To [Ms. Gil], {skateboarding represents a cry of dissent against the city's gentrification.}",
    _words("many some most others them him her me us anyone everyone voters supporters critics democrats "
           "republicans conservatives liberals"),
)

VENUE_NOUNS = Table(
    "“In an interview, X ...”: a SOURCE_NOUNS noun where someone speaks; when the clause has a subject of its own, "
    "that subject is the speaker and what follows the verb (past a particle or preposition, up to a second verb "
    "joined to it) is the content (PolNeAR train: the clause whole was the content in 6 of 31 matches)",
    "In an interview, [Clinton] laughed off {the attack ad}.",
    _words("statement interview letter speech tweet post memo email op-ed column editorial remarks message note "
           "statements interviews speeches tweets letters posts"),
)

# A dateline opening a paragraph ("WASHINGTON -- ", "CAMBRIDGE, Mass., Dec. 11 (UPI) — ") is the paper's; a
# content that starts the paragraph starts after it.
DATELINE = re.compile(r"[A-Z]{3,}(?:[ .-][A-Z]{2,})*(?:,[^—–\n]{0,30}?)?(?: ?\([A-Za-z. ]{1,20}\))?[ \t]*(?:—|–|--|-)[ \t]+")
DATELINE_EXAMPLES: tuple[str, ...] = (
    "WASHINGTON -- {A six-year trend of declining deficits will end this year}, [the Congressional Budget Office] said.",
    "TALLAHASSEE — {Donald Trump's views have taken their toll on Latino support}, according to [a new poll].",
)

# A markup tag left in the text (PolNeAR keeps embedded tweets as "<tweet pic="" author="..." ...>"): its words are
# no cue ("tweet" read as a verb whose object is the attribute) and no content.
MARKUP_TAG = re.compile(r"</?[a-z][a-z_]*(?:\s[^<>\n]{0,400})?>")
MARKUP_TAG_EXAMPLES: tuple[str, ...] = (
    'Candidates posted their reactions.\n<tweet pic="" author="JebBush" timestamp="1449075600"></tweet>\n',
)

# Lower-case words inside a name in a speaker label ("Ali al Sistani:", "Minister of Finance:").
NAME_PARTICLES = ("of", "de", "al", "van", "von")
_LABEL_WORD = r"(?:[A-Z][\w.'’-]*|" + "|".join(NAME_PARTICLES) + ")"
# A paragraph that opens with up to five capitalised words (or particles) and a colon.
SPEAKER_LABEL = re.compile(rf"[ \t]*({_LABEL_WORD}(?: {_LABEL_WORD}){{0,4}}):[ \t]+(?=\S)")

# The title line "Clinton camp: Trump’s rhetoric threatens security": any short label before a colon
# (after an optional "EXCLUSIVE – ") is the source of the rest of the line.
TITLE_LABEL = re.compile(r"[ \t]*(?:[A-Z]+ [–—-] )?([A-Z][^:\n]{0,60}?):[ \t]+(?=\S)")
TITLE_LABEL_WORDS = 8  # at most this many words in a title label
# A title label's speaker ends before one of these: "Clinton to Planned Parenthood:", "Mukasey at RNC:".
TITLE_LABEL_ENDS = ("to", "at", "on", "in")

# A fact check's signature under a quoted claim: a dash, a name of up to five capitalised words, then "." or ",".
SIGNATURE = re.compile(r"[ \t]*[-—–][ \t]*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4}?)[ \t]*[.,]")
# ... or on the quotation's own line: a line that opens with a quote mark (either way round: "”Fear. ...”") and ends
# with the closing mark, a dash or a horizontal bar and a name.
SIGNATURE_AFTER = re.compile(
    r"^[ \t]*([“”\"].*?[”\"])[ \t\u00a0]*[-—–―][ \t\u00a0]*([A-Z][\w'’-]*(?:\.? [A-Z][\w'’-]*){0,4})\.?[ \t\u00a0]*$",
    re.M,
)

# Transcripts: a paragraph that opens with an upper-case label and a colon ("MR PRICE: ...").
# The label may follow the opening quote mark of a transcript quoted whole ("\"PENCE: Well, ...").
TRANSCRIPT_LABEL = re.compile(r"[ \t]*[\"“]?([A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,5}):[ \t]+(?=\S)")
TRANSCRIPT_MIN_TURNS = 2  # paragraphs opening with such a label that make an article a transcript
# A bracketed stage direction standing between sentences: "(Laughter.)", "(The briefing was concluded.)".
STAGE_DIRECTION = re.compile(r"(?:^|(?<=[.!?”\"—–-]))[ \t]*\([A-Z][^()\n]{0,80}\)", re.M)
# A note on how a turn was given, before its first word: "(Via interpreter) Mr. Secretary, ...".
# A paragraph that closes an article after its last turn: the writer's credit line or an ellipsis on its own.
TURN_CLOSING = re.compile(r"[ \t]*[\"“]?(?:Follow [^\n]{0,60}\b(?:Twitter|Facebook|Instagram)\b|(?:…|\.\.\.)[ \t]*$)", re.I | re.M)
TURN_NOTE = re.compile(r"\((?:via|through|in) [^()\n]{0,40}\)[ \t]*", re.I)

GENERIC_SPEAKERS: dict[str, str] = {
    # the label's word -> the speaker label a turn gets; it names no person and gets no actor
    "question": "PRESS", "questions": "PRESS", "reporter": "PRESS", "journalist": "PRESS", "q": "PRESS",
    "moderator": "HOST", "operator": "HOST", "host": "HOST",
    "staff": "FLOOR", "participant": "FLOOR", "participants": "FLOOR", "audience": "FLOOR", "guest": "FLOOR",
    "audience member": "FLOOR", "voice": "FLOOR",
}
GENERIC_SPEAKERS_EXAMPLE = "[MODERATOR]: {Next question, please.}\nMS PORTER: Go ahead.\n"

INTERVIEWEE_LABELS = Table(
    "labels NOT_SPEAKERS holds that still open a turn in an interview: the answer, by the person interviewed "
    "(“Q: ... A: ...”; PolNeAR train: a question ran on through its answer)",
    "Q: Do you wish you were running?\n[A]: {No, but I’m going to make my views known.}\n",
    _words("a answer"),
)

NOT_SPEAKERS = Table(
    "labels before a colon that open a paragraph but name no speaker",
    "Update: the story has changed since Monday.\n",
    _words(
        "update updated watch read related note photo video breaking exclusive correction listen source sources "
        "credit warning see more click advertisement also here why what how when where who analysis opinion poll "
        "polls live transcript subscribe contact email follow share tags topics posted published by and but so the "
        "this that it in on at for from with to a an then now today yesterday tomorrow first second third finally "
        "result results meanwhile plus bonus question answer p.s. ps disclosure clarification "
        # a byline's credit line names who reported, not who spoke ("Contributing: Nicole Gaudiano.")
        "contributing contributors contributor reporting"
    )
    | {"editor's note", "editor’s note", "fact check", "full transcript", "filed under", "bottom line",
       "the bottom line"},
)

TITLE_SOURCES = Table(
    "words NOT_SPEAKERS holds that still name a source at the head of a title (“Poll: ...”)",
    "[Poll]: {Sanders leads Clinton in New Hampshire}\nThe survey was taken last week.\n",
    _words("poll polls report"),
)

NOT_TITLE_SPEAKERS = Table(
    "title labels before a colon that name no source: a rubric or an exclamation",
    "The Latest: Sanders wins Minnesota caucuses\nSanders won the state by a wide margin.\n",
    _words("latest breaking revealed wow byline exclusive look bombshell busted boom leaked notice update")
    | {"the latest", "just leaked", "paid notice", "delegate update", "fix is in", "news guide"},
)

TITLE_QUOTATIONS = Table(
    "a quotation right after a possessive names a show or paper (a title); it is no part of a quote",
    "On ABC’s “Good Morning America” Tuesday, [he] said, {“I never said I would pay the fees.”}",
    _words("’s 's ’ '"),
)

NOUN_CUE_PREPOSITIONS = Table(
    "a noun cue with no speaker of its own, held by one of these prepositions, is the speaker's "
    "of the verb they hang from (“on news that ...” is not: the news is no one's)",
    "[John Weaver] says in a statement {that the race will now be a four-man contest}.",
    _words("in from"),
)

OPENERS = Table(
    "a connective and a comma that open a content link it to the text before; they are the writer's words",
    "In fact, {the economy, [officials] said, is slowing.}",
    _words("still however indeed instead meanwhile nonetheless nevertheless moreover but and so")
    | {"in fact", "in contrast", "in addition", "of course", "after all", "even so", "at the same time"},
)

OPENERS_CONJUNCTIONS = Table(
    "a conjunction opening a sentence that an inverted cue or “according to” attributes is the writer's link to "
    "the sentence before, with or without a comma (PolNeAR train: gold starts after it 17 times of 26)",
    "And {Mrs. Clinton now holds a wide lead}, according to [the poll].",
    _words("And But Yet So"),
)

SAID_WORDS = Table(
    "a one-word answer after a speech verb is its content",
    "Asked whether she would run, [the senator] said {no}.",
    _words("yes no so"),
)

@dataclass(frozen=True)
class ColonLead:
    """A whole sentence quoted after a colon that ends its sentence is said by the subject of the clause
    before the colon, when it names someone (a name, a pronoun, a source noun). Tried only when no cue verb
    takes the quotation. A bare name before the colon ("- Carl Bialik: “...”") is not enough: in PolNeAR
    train 4 of 12 were attributions (news digests quote articles that way)."""

    pronouns: frozenset[str]
    name_labels: tuple[str, ...]
    nouns: frozenset[str]  # source nouns that speak besides names ("the report makes that clear: “...”")
    examples: tuple[str, ...]


COLON_LEAD = ColonLead(
    pronouns=_words("he she they i we"),
    name_labels=("PERSON", "ORG", "NORP"),
    nouns=SOURCE_NOUNS.words | _words("campaign committee spokesman spokeswoman spokesperson official officials "
                                      "aide aides senator governor president candidate"),
    examples=(
        "The crowd booed.\n[She] then addressed the supporters again: {“Here is what I regret.”}",
        "The vote was close.\n[The senator] delivered a blunt message to the president: {“It is time to stop attacking people.”}",
    ),
)

@dataclass(frozen=True)
class CueWordAfter:
    """A quotation that opens its paragraph and closes on a comma, "?" or "!", followed within a few words by a
    speech verb of the lexicon (a quotable row) and a stop, is a quote by the words before that verb, whatever the
    parser made of them ("screenwriter" tagged a verb, "states" a noun). Tried after every parse-based way."""

    window: int  # the speech verb is at most this many words after the quotation
    examples: tuple[str, ...]


CUE_WORD_AFTER = CueWordAfter(
    window=8,
    examples=(
        "The image drew criticism.\n{\"Just saw the tweet. I'm impressed by his ability to insult every kind of human "
        "being,\"} [screenwriter Cole Haddon] wrote on Twitter.",
        "The ad aired Monday.\n{“They know Hillary’s the only one strong enough to stop Wall Street abuses,”} "
        "[a voice-over in the ad] states.",
    ),
)

# --- not speech ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ParentheticalCue:
    """A cue the parser hung off the clause it reports ("The talks will resume, officials said") is a quote when it may
    stand beside a quotation (a quotable CUES row); a verb of believing, knowing or finding only when it is finite,
    with its own subject, after a comma ("..., the budget office reported"). Its other forms ("demonstrating",
    "known", "appears" in a clause of its own) were the parser's slips: PolNeAR train, 32 right of 105; the examples
    are such slips, which give no quote."""

    tags: tuple[str, ...]
    examples: tuple[str, ...]


PARENTHETICAL_CUE = ParentheticalCue(
    tags=("VBD", "VBZ", "VBP"),
    examples=(
        "Twitter has repeatedly tried to cut off the account, most recently known as a hub.",
        "Yet the museum remains open, demonstrating its resolve.",
    ),
)

TRAILING_PARTICIPLE = Table(
    "a quotable cue in the -ing form after the clause it hangs from (“..., stating ...”) is what that clause's subject "
    "goes on to say, not a cue set off inside the clause it reports: its content is what follows it, the clause before "
    "is the writer's (PolNeAR train: the clause before was taken as content, a miss and a false alarm each time)",
    "[Mr. Trump] would cut tax revenues by $9.5 trillion, |promising| {impossible growth in return}.",
    _words("VBG"),
)

AS_MARKS = Table(
    "a cue of a clause-taking verb in a clause opened by one of these, before the main clause and with no content of "
    "its own (“As the paper noted, ...”), reports the main clause; not in the passive (“as he was known”) nor with an "
    "object (“as we know it”) (PolNeAR train: such cues of say, report, note, point out, reveal were attributions "
    "44 times of 49 and gave no quote)",
    "As [the paper] noted, {trust in government is collapsing around the world.}",
    _words("as"),
)

FRONTED_CONTENT = Table(
    "a cue and its speaker set off by commas inside the sentence they report (“If Clinton is elected, he said, ...”), "
    "followed by one of these marks and a content that goes on in lower case: the clause before the speaker opens the "
    "content, which runs from the sentence start over the cue (as PolNeAR's content of two parts, read first to last); "
    "not a phrase with no verb (“Still, she added, “we ...”: FRONTED_PHRASE_EXAMPLES) nor a content opening a new "
    "sentence (PolNeAR train: 13 contents exact that were not, 1 exact that is no longer)",
    "{If Clinton is elected, [he] said, “she might be going back and forth between the White House and the "
    "courthouse.”}",
    _words(", :"),
)

REMINDING = Table(
    "“remind X of Y”, “remind X about Y” with a named or pronoun speaker and a listener that is no pronoun: the content "
    "is the phrase from the preposition on, as PolNeAR bounds it (“reminded voters {of the stakes}”); “X reminds me of "
    "Y” is a likeness, not a statement (PolNeAR train: 4 contents exact of 6 changed, none "
    "before; one cue the old content held is a quote again, unmatched)",
    "[Mr. Biden] repeatedly reminded the crowd {of the stakes}.",
    _words("of about"),
    cues=_words("remind"),
)

DASH_QUOTATION = Table(
    "a content before its cue that sets a quotation opening in upper case off behind one of these dashes "
    "(“Neither man was impressed - ''Born with a silver spoon,'' Mr. Smith said”) starts at the quotation: the words "
    "before the dash are the writer's (PolNeAR train: 4 contents exact of 4 changed, and a cue "
    "the old content held gives its own exact quote again)",
    "Neither man was impressed by Mrs. Clinton - {''Born with a silver spoon in her mouth,''} [Mr. Smith] said.",
    _words("- -- — –"),
)

CONJOINED_REPORT = Table(
    "a clause with a subject of its own that the parser joined to the cue (“said that it was too early to tell, and "
    "there was no evidence yet ...”) goes on with the content after it when only a comma and one of these stand "
    "between, its subject is not the cue's, and it holds no cue verb of its own (“..., but he called her actions "
    "careless” is a new statement) (PolNeAR train: 10 more matched, 15 contents exact that were not, 12 no longer; "
    "dev 3 exact that were not, 1 no longer)",
    "[The official] said {that it was too early to tell whether the explosion was caused by a bomb, and there was no "
    "evidence yet that it was an act of terrorism}.",
    _words("but and while so yet whereas"),
)

REST_GOES_ON = Table(
    "a phrase of the verb right after the object and the rest of a naming cue (OBJECT_AND_REST) that opens with one of "
    "these belongs to its content, whatever the parser made of it; not a cue verb after “to” (“called a meeting to "
    "discuss the test”), which has its own quote (PolNeAR train: 6 more matched, 6 contents exact that were not; dev "
    "1 exact that was not)",
    "[The senator] portrayed {Sanders as singularly focused on economic issues}.",
    _words("as to than"),
)

FEELING_VERBS = Table(
    "a verb whose object names a feeling or stance (“expressed concern that ...”): the clause after the noun is "
    "the content, the noun belongs to the cue (PolNeAR train: 12 of 13 gold contents start at “that”)",
    "[The senator] expressed concern {that the plan would fail}.",
    _words("express voice"),
)

ASKING = Table(
    "an asking verb's question is its clause opened by “if” or “whether”, which the parser often makes an adverbial "
    "clause; asked in the passive (“was asked if ...”) the one asked is no speaker (PolNeAR train: 10 more matched "
    "of 11 more found)",
    "Sanders was asked {if he would ever endorse Hillary Clinton}.",
    _words("ask"),
)

QUESTION_MARKS = Table(
    "the words that open an asking verb's question clause (see ASKING)",
    "The mayor was asked {whether the schools would reopen}.",
    _words("if whether"),
)

LIGHT_VERBS = Table(
    "a verb whose object is a stance noun with a preposition (“showed no sign of ...”, “offered his thoughts on "
    "...”): the object of the preposition is the content, the noun belongs to the cue (see STANCE_NOUNS, "
    "STANCE_PREPOSITIONS; PolNeAR train: 17 more exact spans, none lost; not “express”, whose gold starts at the "
    "noun as often as after it)",
    "[The senator] offered his thoughts on {the new budget}.",
    _words("offer show"),
)

STANCE_NOUNS = Table(
    "nouns of feeling or stance that a LIGHT_VERBS verb takes, the content after their preposition",
    "[The minister] showed deep respect for {the voters}.",
    _words("concern worry fear sympathy dismay astonishment surprise support opposition condolence frustration "
           "discomfort anger outrage disappointment regret thought opinion view praise criticism interest sign "
           "enthusiasm respect contempt skepticism scepticism doubt confidence optimism pessimism gratitude "
           "appreciation admiration solidarity reservation alarm displeasure"),
)

STANCE_PREPOSITIONS = Table(
    "the prepositions after a STANCE_NOUNS noun that open the content (not “to”: “offered support to Ukraine” "
    "names who gets it)",
    "[The crowd] showed little enthusiasm for {the plan}.",
    _words("about for on of over at in with toward towards"),
)

NOT_SOURCES = Table(
    "a recording or picture as the subject of a cue shows what happened; it states nothing",
    "Footage shows the police officer pushing the man to the ground.",
    _words("footage video videos image images photo photos photograph photographs picture pictures camera cameras "
           "screenshot recording recordings map maps chart graph"),
)

TRACK_RECORD = Table(
    "a stance verb in the perfect tells what someone has done (voted, backed), not what they said; not “has "
    "supported” nor “has opposed”, which PolNeAR train marks as a stance taken 17 times of 21 (“has endorsed” 29 of "
    "41, “has backed” 6 of 10)",
    "The senator has backed the bill since 2015. [Cruz] has opposed {ground troops}.",
    _words("back favor favour endorse"),
)

OFFERED_WORDS = Table(
    "what “offer” takes as an object to be a statement: words, views, advice (“offered his assessment”); an offer of "
    "a job, money or shelter says nothing (PolNeAR train: offer:dobj was right 69 times of 123)",
    "The city offered shelter to the refugees. [The senator] offered {a candid assessment of his chances}.",
    _words("review assessment congratulations evaluation apology testimony tip forecast word message detail response "
           "glimpse address specifics specific clue advice idea rhetoric description slogan language thought prayer "
           "defense defence answer warning retort promise preview confirmation explanation praise support criticism "
           "opinion view comment remark insight analysis argument reassurance condolence sympathy encouragement "
           "endorsement prediction proposal vision account story apology rebuttal critique hint suggestion guidance "
           "guide reason olive") | STANCE_NOUNS.words,
    cues=_words("offer"),
)

NOTE_LABELS = Table(
    "a paragraph opening with one of these labels and a colon is the paper's own note, repeated from article to "
    "article; what its verbs report is no one's attribution (PolNeAR train: 15 of 17 such notes had none)",
    "Editor’s note: The senator is a serial liar who has repeatedly pledged to ban all imports.",
    frozenset({"editor’s note", "editor's note", "editors’ note", "editors' note"}),
)

UNTAKEN_STANCE = Table(
    "a stance verb in the base form (“free to support the candidate”, “would back him if ...”, “Do you support ...?”) "
    "is a stance someone may take, not one they state (PolNeAR train: 52 of 114 such quotes were attributions)",
    "Delegates will be free to support the candidate of their choice.",
    _words("support oppose back favor favour endorse"),
)

IMPERATIVE_CUES = Table(
    "a cue in the base form that opens its sentence with no subject (“Call it viral fundraising.”, “Remember: ...”, "
    "“Ask any wife about ...”) speaks to the reader, no one's attribution, except these, whose imperative gives a "
    "view (“Expect prices to rise.”; PolNeAR train: such cues 12 wrong of 17 before)",
    "Call it a comeback. Expect {the senator to win again}.",
    _words("expect think"),
)

PASSIVE_AGENT_CUES = Table(
    "a cue of these in the passive with its agent (“Trump was criticized by his rivals for ...”) says the agent's "
    "view of the subject: the subject and what follows the cue is the content, the agent the speaker (PolNeAR train: "
    "such cues of speech and judgement were attributions 21 times of 27; stance verbs, “back”, “support”, “view”, "
    "were not; report, tweet, mention, claim, see, consider and remember: 15 more matched of 17 more found). Not "
    "the cues whose passive is as often an act: a vote or a ruling (“was rejected by voters”, “was "
    "dismissed by the senate”: a false alarm on quotes_news dev), a confirmation, a welcome, an attack or a blast",
    "{The move was hotly criticized by [left-leaning economists] for its cost}.",
    _words("criticize criticise accuse denounce echo praise rebuke condemn mock chide fault blame describe portray "
           "characterize label brand dub ridicule lambaste decry question report tweet mention claim see consider "
           "remember"),
)

NAMING = Table(
    "a naming verb in the passive gives a name, not a statement",
    "The new ship is to be called the Liberty.",
    _words("call name label dub term"),
)

NAMED_NOUN = Table(
    "... and so does one right after the noun it names, as a participle: “a group called X”, “a worker named Y” "
    "(PolNeAR train: 34 of the 39 such quotes were no attribution)",
    "She joined a resistance movement called the People's Party. A worker named Antonio Arroyo waited outside.",
    NAMING.words,
)

NOT_INTENTIONS = Table(
    "an intention cue in the passive or the progressive describes a plan or a purpose, not anyone's stated intent",
    "The second debate was intended to be done in town-hall format. The minister was intending to travel.",
    _words("intend"),
)

NESTED_PHRASES = Table(
    "lemmas of phrase cues that keep their own quote inside another quote's content",
    "Officials said that according to [the police], {the driver was speeding}.",
    _words("accord"),
)

RELATIVE_PRONOUNS = Table(
    "a relative pronoun subject stands for the noun its clause hangs from",
    "[The senator], who said {the bill was dead}, left early.",
    _words("who that which"),
)

RELATIVE_CONTENT = Table(
    "a relative pronoun that is the object of a naming cue or the subject of a passive one opens the content, "
    "as PolNeAR bounds it (“what | a disgrace”)",
    "The crowd cheered {what [the mayor] called a victory for the city}.",
    _words("what which that who whom"),
)

SAID_TO = Table(
    "a cue with no to-infinitive of its own that, in the passive, still tells what its subject is said to do or be: "
    "the subject and what follows, with no speaker, as a to-infinitive cue in the passive (RAISING); not the other "
    "verbs of believing (PolNeAR train, all 840 articles: “is said to” a gold cue at 4 of 4, “is believed to” 0 of 2, "
    "“is thought to” 0 of 2, “is known to” 1 of 5)",
    "{The chairman was said to be furious with the candidate}.",
    _words("say"),
)

EMPTY_SUBJECTS = Table(
    "subjects that name no one: “It seems to ...” is no raising quote",
    "There seems to be no way out.",
    _words("it there who that which"),
)

PARTNER_WORDS = Table(
    "“along with” / “together with” after a speaker adds partners to a joint statement",
    "[Mr. Biden, along with President Abdel Fattah el-Sissi of Egypt], declared {that “the time has come.”}",
    _words("along together"),
)

GROUP_DETERMINERS = Table(
    "“the leaders”, “the two men”: a plural description pointing back to the people just named together",
    "<Mr. Biden and Mr. Sisi> said the talks went well. [The leaders] added {that the war must end}.",
    _words("the these those both"),
)

CAUSING = Table(
    "a cue in a to-infinitive on the object of one of these verbs is said by that object, not by the verb's subject "
    "(PolNeAR train: 12 more right speakers, none lost; “urge”, “push” or “use X to” stay with the subject)",
    "The abrupt announcement led [some] to speculate {that a rift was to blame}.",
    _words("lead prompt leave cause spur drive inspire compel trigger force move"),
)

BOUND_PRONOUNS = Table(
    "a speaker pronoun under a verb whose subject comes before it in its sentence refers to that subject, when it "
    "fits, before any earlier speaker (PolNeAR train: 8 more right speakers, 1 lost)",
    "The unions said the offer was too low. <Teachers> denounced {what [they] called a “cynical” offer}.",
    _words("he she they"),
)

PERSON_TITLES = Table(
    "a speaker after one of these is a person (when the parse tells nothing else)",
    "<Dr. Ruiz> said the vaccine works. [She] added {that it is safe}.",
    _words("mr. ms. mrs. mr ms mrs dr. sen. rep. gov."),
)

ORGANISATION_LABELS = Table(
    "entity labels of a speaker that “it” or “they” may refer back to",
    "<Gaza’s health ministry> said 20 people were killed. [It] added {that the toll would rise}.",
    _words("ORG NORP GPE"),
)


# --- the lexicon the component reads -------------------------------------------------------


@dataclass(frozen=True)
class CueLexicon:
    """The tables as chronicle_quotes looks words up, built from the rows above and its config."""

    frames: dict[str, tuple[str, ...]]  # cue lemma -> content slots
    quotable: frozenset[str]
    nested: frozenset[str]
    statement_nouns: frozenset[str]
    listeners: frozenset[str]
    source_nouns: frozenset[str]
    not_speakers: frozenset[str]
    referents: dict[str, tuple[str, ...]]  # pronoun -> kinds of speaker it may refer to
    lemma_fixes: dict[str, str]
    noun_frames: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)  # noun cue lemma -> slots

    def lemma(self, tok) -> str:
        """The token's lemma, lower case, as the lexicon spells it."""
        lemma = tok.lemma_.lower()
        return self.lemma_fixes.get(lemma, lemma)

    def refers_to(self, pronoun: str) -> tuple[str, ...]:
        return self.referents.get(pronoun, OTHER_PRONOUNS_REFER_TO)

    @classmethod
    def build(
        cls,
        extra_speech_verbs: Iterable[str] = (),
        extra_cues: Mapping[str, Iterable[str]] | None = None,
        without_cues: Iterable[str] = (),
        statement_nouns: Iterable[str] | None = None,
        listeners: Iterable[str] | None = None,
        source_nouns: Iterable[str] | None = None,
        not_speakers: Iterable[str] | None = None,
    ) -> CueLexicon:
        """The built-in tables, extended or swapped: a None table is the built-in one (words lower case).

        ``extra_speech_verbs`` report a clause and may stand beside a quotation, as "say"
        does; ``extra_cues`` maps a lemma to its content slots (adding or replacing a
        frame); ``without_cues`` drops lemmas from the lexicon.
        """
        frames = {c.lemma: c.frame for c in CUES if c.frame is not None}
        quotable = {c.lemma for c in CUES if c.quotable}
        nested = {c.lemma for c in CUES if c.nested} | NESTED_PHRASES.words
        for lemma in map(str.lower, extra_speech_verbs):
            frames.setdefault(lemma, (CLAUSE,))
            quotable.add(lemma)
        for lemma, slots in (extra_cues or {}).items():
            frames[lemma.lower()] = tuple(slots)
        for lemma in map(str.lower, without_cues):
            frames.pop(lemma, None)
            quotable.discard(lemma)
            nested.discard(lemma)
        return cls(
            frames=frames,
            quotable=frozenset(quotable),
            nested=frozenset(nested),
            statement_nouns=_table(statement_nouns, STATEMENT_NOUNS),
            listeners=_table(listeners, LISTENERS),
            source_nouns=_table(source_nouns, SOURCE_NOUNS),
            not_speakers=_table(not_speakers, NOT_SPEAKERS),
            referents={word: row.refers_to for row in PRONOUNS for word in row.words},
            lemma_fixes=dict(LEMMA_FIXES),
            noun_frames={n.lemma: n.frame for n in NOUN_CUES if n.lemma not in set(map(str.lower, without_cues))},
        )


def _table(words: Iterable[str] | None, default: Table) -> frozenset[str]:
    return default.words if words is None else frozenset(w.lower() for w in words)


DEFAULT_LEXICON = CueLexicon.build()
