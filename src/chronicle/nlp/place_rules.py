"""Places news names that the gazetteer does not hold, and how much each kind of evidence weighs.

GeoNames' populated places, countries and US states come from the gazetteer
(:mod:`chronicle.nlp.gazetteer`); regions, continents and bodies of water do not.
:data:`REGIONS` is the team's table of them, one row each with the names news uses
and an example sentence. ``tests/nlp/test_place_rules.py`` runs every example through
the pipeline: the place named in it must resolve to its row.

A row's point is the GeoNames point where the feature has one (continents, seas),
else the centre of the area; ``precision`` follows ACLED's geo-precision codes
(1 a town, 2 a part of a country, 3 a country or anything wider).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    """A named area or body of water: its names (matching keys), where it is, and an example."""

    name: str
    aliases: tuple[str, ...]
    feature: str  # region | water | continent
    country: str | None  # ISO alpha-3 where the area lies within one country
    latitude: float
    longitude: float
    precision: int
    example: str
    geonames_id: int | None = None


def _r(name, aliases, feature, country, lat, lon, precision, example, geonames_id=None) -> Region:
    return Region(name, tuple(aliases), feature, country, lat, lon, precision, example, geonames_id)


REGIONS: tuple[Region, ...] = (
    _r("Gaza Strip", ["gaza strip", "gaza", "the strip"], "region", "PSE", 31.42, 34.36, 2,
       "Israeli forces pressed on with their offensive in the Gaza Strip on Monday."),
    _r("West Bank", ["west bank", "occupied west bank"], "region", "PSE", 31.93, 35.25, 2,
       "Settler violence in the West Bank has risen sharply, officials said."),
    _r("Golan Heights", ["golan heights", "golan", "occupied golan heights"], "region", "SYR", 33.0, 35.77, 2,
       "A rocket struck a soccer field in the Golan Heights on Saturday."),
    _r("Sinai Peninsula", ["sinai peninsula", "sinai"], "region", "EGY", 29.5, 33.83, 2,
       "Militants attacked a checkpoint in the Sinai Peninsula overnight."),
    _r("Philadelphi Corridor", ["philadelphi corridor", "philadelphi route"], "region", "PSE", 31.25, 34.25, 2,
       "Israel wants to keep troops along the Philadelphi Corridor, officials said."),
    _r("Crimea", ["crimea", "crimean peninsula"], "region", "UKR", 45.3, 34.4, 2,
       "Russian forces in Crimea, Ukraine, fired missiles on Monday."),
    _r("Donbas", ["donbas", "donbass"], "region", "UKR", 48.0, 38.0, 2,
       "Fighting intensified across the Donbas as Russian troops advanced."),
    _r("Darfur", ["darfur"], "region", "SDN", 13.5, 24.0, 2,
       "Aid groups warned of famine in Darfur as the war entered its second year."),
    _r("Tigray", ["tigray"], "region", "ETH", 14.03, 38.75, 2,
       "Fighting resumed in Tigray, Ethiopia, on Monday."),
    _r("Nagorno-Karabakh", ["nagorno karabakh", "karabakh"], "region", "AZE", 39.9, 46.7, 2,
       "Thousands of ethnic Armenians fled Nagorno-Karabakh, Azerbaijan, last week."),
    _r("Kurdistan Region", ["kurdistan region", "iraqi kurdistan", "kurdistan"], "region", "IRQ", 36.2, 44.0, 2,
       "A drone struck an oil field in Iraqi Kurdistan on Tuesday."),
    _r("Chechnya", ["chechnya", "chechen republic"], "region", "RUS", 43.4, 45.7, 2,
       "Putin’s forces used these same tactics in Grozny, Chechnya, and Aleppo, Syria.", 569665),
    _r("Middle East", ["middle east", "mideast"], "region", None, 29.0, 41.0, 3,
       "International mediators were heading to the Middle East for talks."),
    _r("Latin America", ["latin america"], "region", None, -10.0, -60.0, 3,
       "Inflation has eased across Latin America, the bank said."),
    _r("Central America", ["central america"], "region", None, 12.8, -85.0, 3,
       "The group launders narcotics proceeds through Central America, Mexico, and the United States."),
    _r("Caribbean", ["caribbean"], "region", None, 15.0, -73.0, 3,
       "A hurricane swept across the Caribbean on Wednesday."),
    _r("Balkans", ["balkans", "western balkans"], "region", None, 43.0, 21.0, 3,
       "The envoy toured the Balkans to press for reforms."),
    _r("Caucasus", ["caucasus", "south caucasus"], "region", None, 42.0, 44.5, 3,
       "Russia, Turkey and Iran compete for influence in the Caucasus, diplomats in Moscow said."),
    _r("Sahel", ["sahel"], "region", None, 15.0, 5.0, 3,
       "Jihadist violence has spread from Mali across the Sahel to Burkina Faso and Niger."),
    _r("Horn of Africa", ["horn of africa"], "region", None, 8.0, 45.0, 3,
       "Drought has hit the Horn of Africa for a third year."),
    _r("Central Asia", ["central asia"], "region", None, 45.0, 68.0, 3,
       "The minister travelled to Central Asia on Sunday."),
    _r("Southeast Asia", ["southeast asia", "south east asia"], "region", None, 10.0, 106.0, 3,
       "Haze from fires has blanketed parts of Southeast Asia this week."),
    _r("Indo-Pacific", ["indo pacific"], "region", None, 5.0, 120.0, 3,
       "Japan and Australia pledged in Tokyo to keep the Indo-Pacific, a vast region, free and open."),
    _r("Korean Peninsula", ["korean peninsula"], "region", None, 37.5, 127.5, 3,
       "Tensions on the Korean Peninsula rose after the missile test."),
    _r("Arctic", ["arctic"], "region", None, 78.0, 0.0, 3,
       "Melting ice is opening shipping routes in the Arctic, scientists said."),
    _r("Europe", ["europe"], "continent", None, 48.69, 9.14, 3,
       "Gas prices in Europe fell after the deal.", 6255148),
    _r("Africa", ["africa"], "continent", None, 7.19, 21.09, 3,
       "The envoy will travel to Africa next month.", 6255146),
    _r("Asia", ["asia"], "continent", None, 29.84, 89.30, 3,
       "Markets in Asia rallied on Monday.", 6255147),
    _r("North America", ["north america"], "continent", None, 46.07, -100.55, 3,
       "Measles cases rose across North America this year.", 6255149),
    _r("South America", ["south america"], "continent", None, -14.60, -57.66, 3,
       "Drought has hit farms across South America.", 6255150),
    _r("Red Sea", ["red sea"], "water", None, 20.0, 38.5, 3,
       "The Houthis have attacked ships in the Red Sea since November.", 350155),
    _r("Persian Gulf", ["persian gulf", "arabian gulf", "gulf"], "water", None, 26.5, 52.0, 3,
       "Iran seized a tanker in the Persian Gulf on Thursday.", 294088),
    _r("Mediterranean Sea", ["mediterranean sea", "mediterranean"], "water", None, 35.0, 20.0, 3,
       "Hundreds of migrants drowned in the Mediterranean Sea last year.", 363196),
    _r("Black Sea", ["black sea"], "water", None, 43.0, 35.0, 3,
       "Ukraine struck a Russian warship in the Black Sea on Tuesday.", 630673),
    _r("South China Sea", ["south china sea"], "water", None, 12.0, 114.0, 3,
       "Chinese vessels blocked a resupply mission in the South China Sea.", 1818190),
    _r("Baltic Sea", ["baltic sea", "baltic"], "water", None, 58.0, 20.0, 3,
       "A damaged cable on the floor of the Baltic Sea was found on Sunday.", 2633321),
    _r("Strait of Hormuz", ["strait of hormuz", "hormuz"], "water", None, 26.57, 56.25, 3,
       "Iran threatened to close the Strait of Hormuz to shipping."),
    _r("Gulf of Aden", ["gulf of aden"], "water", None, 12.5, 48.0, 3,
       "A cargo ship was struck in the Gulf of Aden, the navy said."),
    _r("Bab el-Mandeb", ["bab el mandeb", "bab al mandab"], "water", None, 12.58, 43.33, 3,
       "Ships are avoiding the Bab el-Mandeb after repeated attacks."),
    _r("Taiwan Strait", ["taiwan strait"], "water", None, 24.5, 119.5, 3,
       "A U.S. destroyer sailed through the Taiwan Strait on Friday."),
    _r("Atlantic Ocean", ["atlantic ocean", "atlantic"], "water", None, 10.0, -30.0, 3,
       "The storm strengthened over the Atlantic Ocean on Monday.", 3373405),
    _r("Pacific Ocean", ["pacific ocean", "pacific"], "water", None, 0.0, -160.0, 3,
       "North Korea fired a missile that landed in the Pacific Ocean.", 2363254),
    _r("Indian Ocean", ["indian ocean"], "water", None, -20.0, 80.0, 3,
       "The search moved to the southern Indian Ocean on Tuesday.", 1545739),
)


@dataclass(frozen=True)
class Weight:
    """How much one kind of evidence counts when a name has several places: one row each."""

    name: str
    score: float
    why: str


# Scores add up per candidate; the highest wins (ties: the more populous place).
WEIGHTS: dict[str, Weight] = {w.name: w for w in (
    Weight("country", 10.0, "a country name is the country: 'Lebanon' is not Lebanon, Pennsylvania"),
    Weight("region", 10.0, "a name in REGIONS is that region: 'Gaza' is the Gaza Strip, not Gaza City"),
    Weight("admin1", 9.0, "a US state weighs as a city of 1,000,000: 'Washington' is still the capital, "
                          "'Virginia' the state, not Virginia, South Africa (120,000), 'Oklahoma' not Oklahoma "
                          "City (650,000, so called in GeoNames' alternate names), 'Georgia' with Atlanta in "
                          "the article the state"),
    Weight("population", 1.5, "a city weighs this times log10(population + 10): 'Geneva' is the Swiss city of "
                              "180,000 (7.9), not Geneva, Illinois (6.5), even in an article that names the US"),
    Weight("capital", 1.0, "a national capital is the likelier reading: 'Doha' is Doha, Qatar"),
    Weight("country_named", 1.0, "another actor in the article is of that country: a tie-breaker only, since "
                                 "US news names the United States everywhere ('Geneva' is still Switzerland's)"),
    Weight("country_places", 3.0, "another place in the article lies in that country (not its capital): "
                                  "'Georgia' next to 'Atlanta' is the state, next to 'Tbilisi' the country"),
    Weight("qualified", 3.0, "the name is qualified by the place after its comma: 'Martinsville, Virginia' "
                             "is the Virginia one"),
    Weight("same_admin1", 1.0, "another place in the article lies in the same first-level division"),
    Weight("dateline", 2.0, "the article's dateline is in that country"),
    Weight("minimum", 6.0, "a place no other word of the article supports must weigh this much (a town of "
                           "10,000): 'Praça' cut from 'Praça do Comércio' in a Lisbon story is not Prača, Bosnia"),
)}

# Names the entity recognizer calls places that name no one point: "the West" is an alliance.
NOT_PLACES = frozenset({"west", "east", "north", "south", "the west", "the east", "western world", "global south"})

