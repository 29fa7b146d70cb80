"""Country names, short forms and demonyms → ISO 3166 alpha-3 codes.

pycountry knows the ISO names ("Iran, Islamic Republic of", "Egypt"); news
text uses short forms ("U.S.", "Britain") and adjectives ("Israeli",
"Qatari"). The tables below add those, written for news usage.
"""

from __future__ import annotations

import functools
import unicodedata

import pycountry

# Names news writes that ISO's tables do not know (or knows only in long form).
SHORT_NAMES: dict[str, str] = {
    "u.s.": "USA", "us": "USA", "u.s.a.": "USA", "usa": "USA", "america": "USA",
    "united states of america": "USA",
    "britain": "GBR", "great britain": "GBR", "u.k.": "GBR", "uk": "GBR", "england": "GBR",
    "scotland": "GBR", "wales": "GBR",
    "russia": "RUS", "iran": "IRN", "islamic republic of iran": "IRN", "syria": "SYR",
    "south korea": "KOR", "north korea": "PRK", "korea": "KOR", "taiwan": "TWN",
    "vietnam": "VNM", "laos": "LAO", "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA",
    "moldova": "MDA", "czech republic": "CZE", "turkey": "TUR", "turkiye": "TUR", "türkiye": "TUR",
    "ivory coast": "CIV", "cote d'ivoire": "CIV", "côte d'ivoire": "CIV", "congo": "COD",
    "democratic republic of congo": "COD", "democratic republic of the congo": "COD", "drc": "COD",
    "palestine": "PSE", "palestinian territories": "PSE", "the netherlands": "NLD", "holland": "NLD",
    "the philippines": "PHL", "vatican": "VAT", "the vatican": "VAT", "macedonia": "MKD",
    "burma": "MMR", "myanmar": "MMR", "brunei": "BRN", "cape verde": "CPV", "swaziland": "SWZ",
    "east timor": "TLS", "micronesia": "FSM", "the gambia": "GMB", "gambia": "GMB",
    "uae": "ARE", "u.a.e.": "ARE", "emirates": "ARE", "prc": "CHN", "mainland china": "CHN",
    "kosovo": "XKX", "republic of korea": "KOR", "rok": "KOR", "dprk": "PRK",
}

# Demonyms and adjectives. Ambiguous ones ("Arab", "Kurdish") are left out on purpose.
DEMONYMS: dict[str, str] = {
    "afghan": "AFG", "albanian": "ALB", "algerian": "DZA", "american": "USA", "angolan": "AGO",
    "argentine": "ARG", "argentinian": "ARG", "armenian": "ARM", "australian": "AUS",
    "austrian": "AUT", "azerbaijani": "AZE", "bahraini": "BHR", "bangladeshi": "BGD",
    "belarusian": "BLR", "belgian": "BEL", "bolivian": "BOL", "bosnian": "BIH", "brazilian": "BRA",
    "british": "GBR", "bulgarian": "BGR", "burmese": "MMR", "cambodian": "KHM", "cameroonian": "CMR",
    "canadian": "CAN", "chadian": "TCD", "chilean": "CHL", "chinese": "CHN", "colombian": "COL",
    "congolese": "COD", "croatian": "HRV", "cuban": "CUB", "cypriot": "CYP", "czech": "CZE",
    "danish": "DNK", "dutch": "NLD", "ecuadorian": "ECU", "egyptian": "EGY", "emirati": "ARE",
    "english": "GBR", "eritrean": "ERI", "estonian": "EST", "ethiopian": "ETH", "filipino": "PHL",
    "finnish": "FIN", "french": "FRA", "georgian": "GEO", "german": "DEU", "ghanaian": "GHA",
    "greek": "GRC", "guatemalan": "GTM", "haitian": "HTI", "honduran": "HND", "hungarian": "HUN",
    "icelandic": "ISL", "indian": "IND", "indonesian": "IDN", "iranian": "IRN", "iraqi": "IRQ",
    "irish": "IRL", "israeli": "ISR", "italian": "ITA", "ivorian": "CIV", "jamaican": "JAM",
    "japanese": "JPN", "jordanian": "JOR", "kazakh": "KAZ", "kenyan": "KEN", "kosovar": "XKX",
    "kuwaiti": "KWT", "kyrgyz": "KGZ", "latvian": "LVA", "lebanese": "LBN", "liberian": "LBR",
    "libyan": "LBY", "lithuanian": "LTU", "malaysian": "MYS", "malian": "MLI", "maltese": "MLT",
    "mexican": "MEX", "moldovan": "MDA", "mongolian": "MNG", "moroccan": "MAR", "mozambican": "MOZ",
    "namibian": "NAM", "nepalese": "NPL", "nepali": "NPL", "nicaraguan": "NIC", "nigerian": "NGA",
    "nigerien": "NER", "north korean": "PRK", "norwegian": "NOR", "omani": "OMN", "pakistani": "PAK",
    "palestinian": "PSE", "panamanian": "PAN", "paraguayan": "PRY", "peruvian": "PER",
    "polish": "POL", "portuguese": "PRT", "qatari": "QAT", "romanian": "ROU", "russian": "RUS",
    "rwandan": "RWA", "saudi": "SAU", "saudi arabian": "SAU", "scottish": "GBR", "senegalese": "SEN",
    "serbian": "SRB", "singaporean": "SGP", "slovak": "SVK", "slovenian": "SVN", "somali": "SOM",
    "south african": "ZAF", "south korean": "KOR", "south sudanese": "SSD", "spanish": "ESP",
    "sri lankan": "LKA", "sudanese": "SDN", "swedish": "SWE", "swiss": "CHE", "syrian": "SYR",
    "taiwanese": "TWN", "tajik": "TJK", "tanzanian": "TZA", "thai": "THA", "tunisian": "TUN",
    "turkish": "TUR", "turkmen": "TKM", "ugandan": "UGA", "ukrainian": "UKR", "uruguayan": "URY",
    "uzbek": "UZB", "venezuelan": "VEN", "vietnamese": "VNM", "welsh": "GBR", "yemeni": "YEM",
    "zambian": "ZMB", "zimbabwean": "ZWE",
}

# Adjectives of regions: "European leaders" are a mention of Europe.
REGION_ADJECTIVES: dict[str, str] = {
    "european": "Europe", "african": "Africa", "asian": "Asia", "latin american": "Latin America",
    "middle eastern": "Middle East", "western": "the West", "gulf": "Persian Gulf",
}

# Names to show for a code where ISO's name is long or formal.
DISPLAY_NAMES: dict[str, str] = {
    "USA": "United States", "GBR": "Britain", "RUS": "Russia", "IRN": "Iran", "SYR": "Syria",
    "KOR": "South Korea", "PRK": "North Korea", "TWN": "Taiwan", "VNM": "Vietnam", "VEN": "Venezuela",
    "BOL": "Bolivia", "TZA": "Tanzania", "MDA": "Moldova", "COD": "Democratic Republic of the Congo",
    "PSE": "Palestine", "LAO": "Laos", "XKX": "Kosovo", "TUR": "Turkey", "CZE": "Czech Republic",
}


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).replace("’", "'").strip().lower()
    if text.endswith("'s"):
        text = text[:-2]
    return " ".join(text.split())


@functools.lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """ISO alpha-3 code for a country name or short form ("U.S." → USA), else None."""
    key = _key(name)
    if key.startswith("the "):
        key = key[4:]
    if not key:
        return None
    if key in SHORT_NAMES:
        return SHORT_NAMES[key]
    try:
        country = pycountry.countries.lookup(key)
    except LookupError:
        return None
    return country.alpha_3


def demonym_code(word: str) -> str | None:
    """ISO alpha-3 code for a demonym or national adjective ("Israeli" → ISR), else None."""
    key = _key(word)
    if key.endswith("s") and key[:-1] in DEMONYMS:  # plural: "Israelis"
        key = key[:-1]
    return DEMONYMS.get(key)


# Names of a country's parts that SHORT_NAMES gives their state's code and that stay their own
# actors' names: "Scotland" is not shown as Britain.
PART_NAMES = frozenset({"england", "scotland", "wales", "northern ireland"})


def country_name(code: str) -> str:
    """The short name to show for an alpha-3 code."""
    if code in DISPLAY_NAMES:
        return DISPLAY_NAMES[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name
