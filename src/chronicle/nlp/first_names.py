"""Common given names that are nearly always one gender, for joining he/she to people.

Only names that are rarely given to the other gender are listed (no Jordan,
Taylor, Jean, Kim, Ali...): a wrong gender would send a pronoun to the wrong
person, while a missing one only leaves the pronoun to the other rules.
"""

from __future__ import annotations

MALE = frozenset("""
aaron abdel abdul abdullah abraham adam adrian ahmad ahmed alan albert alberto alejandro aleksandr alexander
alexei alfred alistair andrew andrei andres andy angelo anthony antonio antony arnold arthur ashraf augusto
barack barry ben benjamin bernard bernie bill billy bob bobby boris brad bradley brandon brett brian bruce
bryan carl carlos charles charlie chris christian christopher chuck clarence colin craig curtis dale dan
daniel danny darren dave david dennis dick dmitry donald doug douglas duncan dwight earl ed eddie edward
emmanuel enrique eric erik ernest eugene evan fernando francis francisco frank fred frederick gary
gavin gene geoff geoffrey george gerald gordon graham greg gregory gustavo hamad hans harold harry hassan
hector henry herbert howard hugh hussein ian igor isaac ivan jack jacob jake james jared jason javier
jeb jeff jeffrey jeremy jerome jerry jim jimmy joe joel johann john johnny jon jonathan jorge jose joseph
josh joshua juan julian justin karl keith ken kenneth kevin khalid kirk larry lawrence leon leonard
lloyd louis luis luke malcolm marco marcus mario mark martin matt matthew maurice max michael
miguel mike mikhail mitch mitt mohamed mohammad mohammed muhammad narendra nasser neil nicholas nick nigel
nikolai olaf oliver omar oscar pablo patrick paul pedro pete peter phil philip rahul ralph ramon randy
raul ray raymond recep reince rex richard rick rishi rob robert roberto rod rodrigo roger roland ron
ronald ross roy russell ryan salman sam samuel scott sean sergei sergey seth shawn sheldon simon
stephen steve steven stuart ted terry thomas tim timothy todd tom tommy tony travis trevor tyler vedant
victor viktor vince vincent vladimir volodymyr walter warren wayne william willie xavier yahya yasser
yitzhak yuri zachary
""".split())

FEMALE = frozenset("""
abby abigail ada adriana agnes aisha alexandra alice alicia alison amanda amber amy ana andrea angela
angelina anita ann anna anne annette antonia april barbara beatrice becky betsy betty beverly brenda
bridget brittany camila carla carmen carol caroline carolyn catherine cathy cecilia charlotte cheryl
christina christine claire clara claudia colleen cynthia daniela deborah debra denise diana diane
donna doris dorothy edith elaine eleanor elena elisabeth elizabeth ella ellen emily emma erica erin
esther eva evelyn fatima fiona frances gabriela gail gina giorgia gloria grace hannah harriet heather
heidi helen hillary ilhan ingrid irene isabel jacqueline jane janet janice jennifer jessica jill joan
joanna josephine joyce judith judy julia julie justine karen kamala karin katherine kathleen kathryn
kathy katie kay kirsten kristen kristi laura lauren linda lisa liz lori loretta louise lucy lynn
madeleine margaret maria marie marina marine marissa martha mary maxine megan melania melissa michelle
mira miriam molly monica nadia nancy naomi natalia natalie nicola nicole nikki nina olga pamela patricia
paula pauline penny rachel rebecca rita roberta rosa rose ruth sally samantha sandra sara sarah sharon
sheila shirley sonia sophie stephanie susan suzanne sylvia tamara teresa theresa tina tracy ursula
valerie vanessa vera veronica victoria virginia wendy yulia yvonne zoe
""".split())


def gender_of_first_name(name: str) -> str | None:
    """"m", "f" or None for a given name ("Vedant" → "m", "Jordan" → None)."""
    lower = name.lower().strip(".")
    if lower in MALE:
        return "m"
    if lower in FEMALE:
        return "f"
    return None
