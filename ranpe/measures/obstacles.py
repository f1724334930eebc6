"""Obstacle texts coded into themes by the admin-editable dictionary (DOMAIN.md, "Obstacles"), and what the page,
the CLI and the pack show of them.

Indonesian words are matched after stemming with PySastrawi ("dianggarkan" and "penganggaran" are "anggaran"),
English words as written (case-insensitive, whole words); an entry of several words is matched as a phrase. A
text can carry several themes; one with none is "lainnya / other"; each coding keeps the words that decided it.
An obstacle with no follow-up text is open.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import pandas as pd

from ranpe.i18n import fmt_quarter, t
from ranpe.measures.filters import NATIONAL, Filters
from ranpe.plan.periods import groups_of_year
from ranpe.store.connection import Store

OTHER = "lainnya"
# A word: letters and digits, with hyphenated compounds ("antar-instansi", "buku-buku") kept together.
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_PIECE = re.compile(r"[^\W_]+")
# Distinct texts whose words and stems are remembered, per process.
TEXT_CACHE_SIZE = 200_000
# Views (store, data version, filters) whose coded rows are remembered, per process.
VIEW_CACHE_SIZE = 16


# -- the dictionary --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    """One theme of the dictionary: its code, names, Indonesian words (stemmed) and English words (as written)."""

    code: str
    name: str
    name_en: str
    words: tuple[str, ...] = ()
    words_en: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name


def split_words(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Dictionary entries from a ";"- or line-separated text (or a list): spaces tidied, no empty or repeated
    entry (compared ignoring case), each holding at least one letter or digit."""
    items = re.split(r"[;\n]", value) if isinstance(value, str) else list(value or [])
    seen, kept = set(), []
    for item in (" ".join(str(i).split()) for i in items):
        if _PIECE.search(item) and item.lower() not in seen:
            seen.add(item.lower())
            kept.append(item)
    return tuple(kept)


def other_theme(lang: str) -> str:
    """The name of the texts no theme matched: 'Lainnya' / 'Other'."""
    return t("obs.other", lang)


_dictionaries: dict[tuple[str, int], tuple[Theme, ...]] = {}


def load_themes(store: Store) -> tuple[Theme, ...]:
    """The stored dictionary, in its order (read again when the store's data version moves)."""
    key = (str(store.path), store.data_version())
    found = _dictionaries.get(key)
    if found is None:
        found = tuple(
            Theme(row["theme"], row["name"], row["name_en"], split_words(row["words"]), split_words(row["words_en"]))
            for row in store.query_rows("reference/obstacle_themes")
        )
        if len(_dictionaries) > VIEW_CACHE_SIZE:
            _dictionaries.clear()
        _dictionaries[key] = found
    return found


def theme_names(themes: Iterable[Theme], lang: str) -> dict[str, str]:
    """Theme code → its name in the language, "lainnya" last."""
    return {theme.code: theme.label(lang) for theme in themes} | {OTHER: other_theme(lang)}


# -- stemming --------------------------------------------------------------------------------------

_stemmer: Any = None
_stemmer_lock = threading.Lock()
_stems: dict[str, str] = {}


def _sastrawi() -> Any:
    """PySastrawi's stemmer, built once per process (it loads a dictionary of root words)."""
    global _stemmer
    with _stemmer_lock:
        if _stemmer is None:
            from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

            _stemmer = StemmerFactory().create_stemmer()
        return _stemmer


def stem(word: str) -> str:
    """The Indonesian root of one word, lowercase ("penganggaran" → "anggar", as for "anggaran")."""
    key = word.lower()
    found = _stems.get(key)
    if found is None:
        found = _sastrawi().stem(key) or key
        _stems[key] = found
    return found


def _forms(word: str) -> frozenset[str]:
    return frozenset((word.lower(), stem(word)))


# A place in a text: (start, end, the forms a dictionary entry may take there).
Unit = tuple[int, int, frozenset[str]]


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _units(text: str) -> tuple[tuple[Unit, ...], tuple[Unit, ...]]:
    """A text's words with their stems, and its hyphenated compounds as wholes (joined and as written)."""
    words: list[Unit] = []
    compounds: list[Unit] = []
    for found in _WORD.finditer(text):
        run = found.group()
        if "-" not in run:
            words.append((found.start(), found.end(), _forms(run)))
            continue
        compounds.append((found.start(), found.end(), _forms(run) | _forms(run.replace("-", ""))))
        for piece in _PIECE.finditer(run):
            words.append((found.start() + piece.start(), found.start() + piece.end(), _forms(piece.group())))
    return tuple(words), tuple(compounds)


# -- coding ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """Where a dictionary entry was found in a text: characters start–end, for a theme."""

    start: int
    end: int
    theme: str


@dataclass(frozen=True)
class Coding:
    """A text's themes (dictionary order; (OTHER,) when none), the words that decided them, and where they are."""

    themes: tuple[str, ...]
    matched: tuple[str, ...]
    matches: tuple[Match, ...]


class Coder:
    """Codes texts with one dictionary; remembers each distinct text's coding."""

    def __init__(self, themes: Iterable[Theme]):
        self.themes = tuple(themes)
        self._order = {theme.code: index for index, theme in enumerate(self.themes)}
        # First form of an Indonesian entry → (theme, the forms of each of its words).
        self._entries: dict[str, list[tuple[str, tuple[frozenset[str], ...]]]] = {}
        for theme in self.themes:
            for entry in theme.words:
                parts = tuple(_forms(piece) for piece in _PIECE.findall(entry))
                for form in parts[0]:
                    self._entries.setdefault(form, []).append((theme.code, parts))
        self._english = [
            (theme.code, re.compile(_english_pattern(theme.words_en), re.IGNORECASE))
            for theme in self.themes
            if theme.words_en
        ]
        self._codings: OrderedDict[str, Coding] = OrderedDict()
        self._lock = threading.Lock()

    def code(self, text: str) -> Coding:
        """The coding of one text."""
        with self._lock:
            found = self._codings.get(text)
        if found is None:
            found = self._code(text)
            with self._lock:
                self._codings[text] = found
                if len(self._codings) > TEXT_CACHE_SIZE:
                    self._codings.popitem(last=False)
        return found

    def code_all(self, texts: Iterable[str]) -> dict[str, Coding]:
        """The coding of each of some distinct texts (those coded before looked up at once)."""
        with self._lock:
            known = {text: self._codings.get(text) for text in texts}
        return {text: coding or self.code(text) for text, coding in known.items()}

    def _code(self, text: str) -> Coding:
        words, compounds = _units(text)
        matches: set[Match] = set()
        for index, (start, _end, forms) in enumerate(words):
            for form in forms:
                for theme, parts in self._entries.get(form, ()):
                    last = index + len(parts) - 1
                    if last < len(words) and all(parts[k] & words[index + k][2] for k in range(1, len(parts))):
                        matches.add(Match(start, words[last][1], theme))
        for start, end, forms in compounds:
            for form in forms:
                for theme, parts in self._entries.get(form, ()):
                    if len(parts) == 1:
                        matches.add(Match(start, end, theme))
        for theme, pattern in self._english:
            matches.update(Match(m.start(), m.end(), theme) for m in pattern.finditer(text))
        ordered = tuple(sorted(matches, key=lambda m: (m.start, -m.end, self._order[m.theme])))
        themes = tuple(sorted({m.theme for m in ordered}, key=self._order.__getitem__)) or (OTHER,)
        seen: set[str] = set()
        matched = []
        reach = -1
        for match in ordered:
            # A word inside a longer match ("COVID" in "COVID-19") is not a word of its own.
            if match.end <= reach:
                continue
            reach = match.end
            word = " ".join(text[match.start : match.end].split())
            if word.lower() not in seen:
                seen.add(word.lower())
                matched.append(word)
        return Coding(themes, tuple(matched), ordered)


def _english_pattern(words: Iterable[str]) -> str:
    """Whole words or phrases, any spacing between a phrase's words; longest first."""
    alternatives = sorted(words, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(part) for part in entry.split()) for entry in alternatives)
    return rf"(?<![^\W_])(?:{body})(?![^\W_])"


_coders: OrderedDict[tuple[Theme, ...], Coder] = OrderedDict()
_coders_lock = threading.Lock()


def coder_for(themes: tuple[Theme, ...]) -> Coder:
    """The coder of a dictionary, kept while the dictionary is unchanged (a new upload keeps its codings)."""
    with _coders_lock:
        found = _coders.get(themes)
        if found is None:
            found = _coders[themes] = Coder(themes)
            while len(_coders) > 4:
                _coders.popitem(last=False)
        _coders.move_to_end(themes)
        return found


def spans(text: str, coding: Coding) -> list[tuple[int, int]]:
    """The character ranges of a text to highlight: its matches, overlapping ones merged."""
    merged: list[list[int]] = []
    for match in coding.matches:
        if merged and match.start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], match.end)
        else:
            merged.append([match.start, match.end])
    return [(start, end) for start, end in merged]


# -- the obstacles of a view -----------------------------------------------------------------------

_views: OrderedDict[tuple, Any] = OrderedDict()
_views_lock = threading.Lock()


def _remembered(key: tuple, make: Any) -> Any:
    """make(), remembered per process for the key (a few views: what a new view of a page asks for several times)."""
    with _views_lock:
        if key in _views:
            _views.move_to_end(key)
            return _views[key]
    made = make()
    with _views_lock:
        _views[key] = made
        while len(_views) > VIEW_CACHE_SIZE:
            _views.popitem(last=False)
    return made


def coded_rows(store: Store, filters: Filters) -> pd.DataFrame:
    """The counted rows that report an obstacle (as the measures count rows), each with its themes (tuple of
    codes), the words that decided them (matched) and whether it is open (no follow-up text). Never change it.

    The rows counted for a pillar, K/L or province are those of the period counted for every one (counted_rows
    picks each K/L and pillar's quarter by the period alone), so the period's rows are queried and coded once and
    each such view is taken from them."""
    key = ("rows", str(store.path), store.data_version(), filters)
    period = _period(filters)
    if filters == period:

        def make() -> pd.DataFrame:
            rows = store.query("measures/obstacle_texts", **filters.params())
            return _with_codings(rows, coder_for(load_themes(store)), "obstacles")

        return _remembered(key, make)
    return _remembered(key, lambda: _narrowed(coded_rows(store, period), filters))


def _period(filters: Filters) -> Filters:
    """The filters' period (year, quarter, moment) alone: every pillar, K/L and province."""
    return replace(filters, pillar=None, agency=None, province=None)


def _narrowed(rows: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Rows of a period kept for the filters' pillar, K/L and province (national: rows with no province)."""
    keep = pd.Series(True, index=rows.index)
    if filters.pillar is not None:
        keep &= rows["pillar"] == filters.pillar
    if filters.agency is not None:
        keep &= rows["agency_code"] == filters.agency
    if filters.province == NATIONAL:
        keep &= rows["province_code"].isna()
    elif filters.province is not None:
        keep &= rows["province_code"] == filters.province
    return rows[keep.fillna(False).astype(bool)].reset_index(drop=True)


def _with_codings(rows: pd.DataFrame, coder: Coder, column: str) -> pd.DataFrame:
    codings = coder.code_all(rows[column].unique())
    return rows.assign(
        themes=rows[column].map({text: coding.themes for text, coding in codings.items()}),
        matched=rows[column].map({text: coding.matched for text, coding in codings.items()}),
    )


def _by_theme(rows: pd.DataFrame, store: Store) -> pd.DataFrame:
    """The rows once per theme of their text (a column theme): the distinct texts are paired with their themes,
    then joined, instead of every row's list being unpacked."""
    codings = coder_for(load_themes(store)).code_all(rows["obstacles"].unique())
    pairs = pd.DataFrame(
        [(text, theme) for text, coding in codings.items() for theme in coding.themes], columns=["obstacles", "theme"]
    )
    return rows.drop(columns=["themes", "matched"], errors="ignore").merge(pairs, on="obstacles")


def _exploded(store: Store, filters: Filters) -> pd.DataFrame:
    """The view's coded rows once per theme of their text (taken from the period's, as coded_rows is)."""
    key = ("by_theme", str(store.path), store.data_version(), filters)
    period = _period(filters)
    if filters == period:
        return _remembered(key, lambda: _by_theme(coded_rows(store, filters), store))
    return _remembered(key, lambda: _narrowed(_exploded(store, period), filters))


def theme_counts(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """Every theme of the dictionary (then "lainnya") with its texts and open texts for the view: theme, name,
    texts, open, position. A text with several themes counts once in each."""
    themes = load_themes(store)
    names = theme_names(themes, lang)
    counts = _exploded(store, filters).groupby("theme").agg(texts=("open", "size"), open=("open", "sum"))
    frame = pd.DataFrame({"theme": list(names), "name": list(names.values()), "position": range(len(names))})
    frame = frame.merge(counts, left_on="theme", right_index=True, how="left")
    return frame.fillna({"texts": 0, "open": 0}).astype({"texts": int, "open": int})


def themes_by_pillar(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """Texts per (theme, pillar), with the theme's name and position: theme, name, position, pillar, texts, open."""
    exploded = _exploded(store, filters)
    counts = exploded.groupby(["theme", "pillar"], as_index=False).agg(texts=("open", "size"), open=("open", "sum"))
    return _named(counts, store, lang)


def themes_by_agency(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """Texts per (K/L, theme): agency_code, short_name, theme, name, position, texts, open."""
    exploded = _exploded(store, filters)
    exploded = exploded.assign(short_name=exploded["agency_short_name"].fillna(exploded["agency_code"]))
    counts = exploded.groupby(["agency_code", "short_name", "theme"], as_index=False).agg(
        texts=("open", "size"), open=("open", "sum")
    )
    return _named(counts, store, lang)


def _quarter_counts(store: Store, filters: Filters) -> tuple[list[int], pd.DataFrame]:
    """The quarters of the year with rows, and texts and open texts per (quarter, theme) where there are any; the
    same for every quarter filter, so remembered without it. Taken from the year's counts for every pillar, K/L and
    province, queried and coded once."""
    view = replace(filters, quarter=None)
    key = ("quarters", str(store.path), store.data_version(), view)

    def make() -> tuple[list[int], pd.DataFrame]:
        rows, reported = (_narrowed(part, view) for part in _year_quarter_rows(store, filters))
        counts = reported.groupby(["quarter", "theme"]).agg(texts=("rows", "sum"), open=("open", "sum"))
        return sorted(int(q) for q in rows["quarter"].unique()), counts

    return _remembered(key, make)


def _year_quarter_rows(store: Store, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The year's counts per quarter, pillar, K/L, province and text (measures/obstacle_texts_by_quarter), and those
    with a text once per theme of their text."""
    key = ("year_quarters", str(store.path), store.data_version(), filters.year, filters.as_of)

    def make() -> tuple[pd.DataFrame, pd.DataFrame]:
        rows = store.query("measures/obstacle_texts_by_quarter", year=filters.year, as_of=filters.as_of)
        return rows, _by_theme(rows[rows["obstacles"].notna()], store)

    return _remembered(key, make)


def quarters_with_rows(store: Store, filters: Filters) -> list[int]:
    """The quarters of the filters' year that have rows (for the other filters), in order."""
    return _quarter_counts(store, filters)[0]


def themes_by_quarter(store: Store, filters: Filters, lang: str) -> pd.DataFrame:
    """Texts per (quarter of the chosen year with rows, theme), each quarter's rows counted as when that quarter is
    chosen (the quarter filter itself is not applied); every theme of every such quarter, zeros included:
    quarter, theme, name, position, texts, open."""
    quarters, counts = _quarter_counts(store, filters)
    names = theme_names(load_themes(store), lang)
    grid = pd.MultiIndex.from_product([quarters, list(names)], names=["quarter", "theme"])
    return _named(counts.reindex(grid, fill_value=0).reset_index(), store, lang)


def _named(counts: pd.DataFrame, store: Store, lang: str) -> pd.DataFrame:
    names = theme_names(load_themes(store), lang)
    position = {code: index for index, code in enumerate(names)}
    return counts.assign(
        name=counts["theme"].map(names).fillna(counts["theme"]),
        position=counts["theme"].map(position).fillna(len(position)).astype(int),
        texts=counts["texts"].astype(int),
        open=counts["open"].astype(int),
    )


def select_texts(
    coded: pd.DataFrame, theme: str | None = None, state: str | None = None, search: str | None = None
) -> pd.DataFrame:
    """The coded rows of one theme, open or resolved ("open" / "resolved"), whose text or follow-up holds the
    searched words (ignoring case and spacing); None keeps every row."""
    keep = pd.Series(True, index=coded.index)
    if theme:
        keep &= coded["themes"].map(lambda themes: theme in themes)
    if state in ("open", "resolved"):
        keep &= coded["open"] if state == "open" else ~coded["open"]
    wanted = " ".join((search or "").split()).lower()
    if wanted:
        haystack = (coded["obstacles"] + " " + coded["follow_up"].fillna("")).str.split().str.join(" ").str.lower()
        keep &= haystack.str.contains(wanted, regex=False)
    return coded[keep]


def _group_header(coded: pd.DataFrame, store: Store, lang: str) -> str:
    """The group column's header: the word of the rows' period ("Tema"), or "Pilar/Tema" across periods."""
    periods = {groups_of_year(store, int(year)).period for year in coded["year"].unique()}
    [period] = periods if len(periods) == 1 else [None]
    return period.word(lang) if period is not None else t("field.group", lang)


def text_table(coded: pd.DataFrame, store: Store, lang: str) -> pd.DataFrame:
    """Coded rows as a display and export table, headers and values in the language."""
    names = theme_names(load_themes(store), lang)
    province = coded["province_name_en" if lang == "en" else "province_name"]
    # Each distinct value written once (a view holds tens of thousands of rows and a few thousand distinct texts).
    quarters = coded["year"].astype(int) * 10 + coded["quarter"].astype(int)
    states = {True: t("obs.open", lang), False: t("obs.resolved", lang)}
    return pd.DataFrame(
        {
            t("dash.col.agency", lang): coded["agency_short_name"].fillna(coded["agency_code"]).to_numpy(),
            _group_header(coded, store, lang): coded["pillar"].to_numpy(),
            t("field.action_code", lang): coded["action_code"].to_numpy(),
            t("field.province", lang): province.where(coded["province_code"].notna(), t("national", lang)).to_numpy(),
            t("field.quarter", lang): quarters.map({q: _quarter(q // 10, q % 10, lang) for q in quarters.unique()})
            .astype(object)
            .to_numpy(),
            t("field.obstacles", lang): coded["obstacles"].to_numpy(),
            t("obs.col.themes", lang): _each_once(
                coded["themes"], lambda codes: ", ".join(names.get(c, c) for c in codes)
            ),
            t("obs.col.matched", lang): _each_once(coded["matched"], "; ".join),
            t("field.follow_up", lang): coded["follow_up"].to_numpy(),
            t("obs.col.state", lang): coded["open"].astype(bool).map(states).astype(object).to_numpy(),
        }
    )


def _each_once(values: pd.Series, write: Any) -> Any:
    """write(value) for each row's value, computed once per distinct value (the values are tuples)."""
    written = {value: write(value) for value in values.unique()}
    return values.map(written).astype(object).to_numpy()


def _quarter(year: int, quarter: int, lang: str) -> str:
    return f"{int(year)} {fmt_quarter(int(quarter), lang)}"


def report(store: Store, filters: Filters, lang: str) -> dict[str, Any]:
    """What `python -m ranpe obstacles --json` prints: every theme's texts and open texts, and every text."""
    counts = theme_counts(store, filters, lang)
    coded = coded_rows(store, filters)
    return {
        "themes": [
            {"theme": row.theme, "name": row.name, "texts": int(row.texts), "open": int(row.open)}
            for row in counts.itertuples()
        ],
        "texts": [
            {
                "agency_code": row.agency_code,
                "action_code": row.action_code,
                "pillar": int(row.pillar),
                "year": int(row.year),
                "quarter": int(row.quarter),
                "province_code": None if pd.isna(row.province_code) else row.province_code,
                "text": row.obstacles,
                "follow_up": None if pd.isna(row.follow_up) else row.follow_up,
                "themes": list(row.themes),
                "matched": list(row.matched),
                "open": bool(row.open),
            }
            for row in coded.itertuples()
        ],
    }
