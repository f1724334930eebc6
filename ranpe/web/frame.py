"""The thin Streamlit layer: one Store per process, cached results, shared filters in the URL, language."""

from __future__ import annotations

import os
import pickle
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import orjson
import streamlit as st
from plotly.basedatatypes import BaseFigure
from plotly.io import json as plotly_json

from ranpe import charts, config, demo
from ranpe.i18n import DEFAULT_LANG, LANGS, AsOf, fmt_date, fmt_quarter, t
from ranpe.measures import dashboard
from ranpe.measures.filters import NATIONAL, Filters, end_of_day
from ranpe.store import health
from ranpe.store.connection import Store, StoreUnavailable

FILTER_NAMES = ("year", "quarter", "pillar", "agency", "province")
WIDGET_KEYS = {name: f"filter_{name}" for name in FILTER_NAMES}
CLEAR_KEYS = {name: f"filter_clear_{name}" for name in FILTER_NAMES}
SHOW_ALL_KEY = "filter_show_all"
# The long lists: the values with rows in the chosen year first, the others behind SHOW_ALL_KEY.
DATA_FIRST = ("agency", "province")
LANG_KEY = "lang"
_KEPT_KEY = "_filters_kept"
_SHOW_ALL_KEPT_KEY = "_filters_show_all"
_FILTERS_KEY = "_filters"
LANG_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
# The option meaning "no filter" (or "latest reported" for the quarter): a selectbox shows None as "choose".
ANY = "all"
# DuckDB threads per query in the app's process (RANPE_WEB_THREADS; every core when 0): the pages' reads are many
# and small, and on one thread they take 20-30% less CPU than on two (README, issue 13); the CLI keeps every core.
WEB_THREADS = int(os.environ.get("RANPE_WEB_THREADS") or 1) or None


# -- store and cached results ----------------------------------------------------------------------


class _Memo:
    """Results kept by their arguments for every session of the process, the least recently used dropped beyond
    max_entries; a result asked for by several sessions at once is made once. What st.cache_data/cache_resource do,
    for the calls every page run makes many times: their key is the (hashable) arguments themselves, where
    Streamlit's hashes each argument's bytes and inspects the function's signature on every call (about a tenth of
    a page run's CPU, measured with py-spy on benchmarks.load). copies: each caller gets its own copy (pickled once,
    as st.cache_data keeps it), so that a page changing a table changes nobody else's."""

    def __init__(self, make: Callable[..., Any], max_entries: int, copies: bool = False) -> None:
        self._make = make
        self._max_entries = max_entries
        self._copies = copies
        self._kept: OrderedDict[tuple, Any] = OrderedDict()
        self._making: dict[tuple, threading.Lock] = {}
        self._lock = threading.Lock()

    def __call__(self, *args: Any) -> Any:
        try:
            hash(args)
        except TypeError:  # an argument that cannot be a key: made anew
            return self._make(*args)
        found = self._found(args)
        if found is not _MISSING:
            return found
        with self._lock:
            making = self._making.setdefault(args, threading.Lock())
        with making:
            found = self._found(args)
            if found is not _MISSING:
                return found
            try:
                value = self._make(*args)
                with self._lock:
                    self._kept[args] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL) if self._copies else value
                    while len(self._kept) > self._max_entries:
                        self._kept.popitem(last=False)
            finally:
                with self._lock:
                    self._making.pop(args, None)
        return value

    def _found(self, args: tuple) -> Any:
        with self._lock:
            if args not in self._kept:
                return _MISSING
            self._kept.move_to_end(args)
            kept = self._kept[args]
        return pickle.loads(kept) if self._copies else kept

    def forget(self, *args: Any) -> None:
        with self._lock:
            self._kept.pop(args, None)


_MISSING = object()


def _memo(max_entries: int, copies: bool = False) -> Callable[[Callable[..., Any]], _Memo]:
    return lambda make: _Memo(make, max_entries, copies)


@_memo(max_entries=16)
def _open_store(path: str) -> Store:
    return Store(path, threads=WEB_THREADS)


def store() -> Store:
    """The process's one Store (RANPE_STORE, RANPE_DB or data/ranpe.duckdb). When the shared store's PostgreSQL
    cannot be reached, the page says so in the user's language and stops; the next run tries again."""
    target = config.store_target()
    try:
        opened = _open_store(target)
        opened.data_version()
    except StoreUnavailable as exc:
        _open_store.forget(target)
        _store_unavailable(exc)
    return opened


def _store_unavailable(fault: StoreUnavailable) -> None:
    """The fault said in the user's language (PostgreSQL gone, the data folder, a conflict given up on, ...)."""
    key = "store.unavailable_page" if fault.kind == "unreachable" else fault.message_key
    st.error(t(key, chosen_language(), **fault.params), icon=":material/cloud_off:")
    st.stop()


@contextmanager
def store_guard() -> Iterator[None]:
    """Whatever runs inside reads the store: the shared store's PostgreSQL lost on the way (StoreUnavailable,
    whichever read or write found it) is said in the user's language and the run stops there, no traceback; the
    next run reads again (the open store reconnects by itself once PostgreSQL is back)."""
    try:
        yield
    except StoreUnavailable as exc:
        _store_unavailable(exc)


@_memo(max_entries=1000, copies=True)
def _cached(path: str, version: int, function: str, args: tuple) -> Any:
    return getattr(dashboard, function)(_open_store(path), *args)


def data(function: str, *args: Any) -> Any:
    """ranpe.dashboard.<function>(store, *args), cached until the stored data changes."""
    opened = store()
    with store_guard():
        return _cached(str(opened.path), opened.data_version(), function, args)


@_memo(max_entries=500)
def _chart(path: str, version: int, builder: str, source: tuple, context: tuple, options: tuple) -> Any:
    return getattr(charts, builder)(_cached(path, version, source[0], source[1:]), *context, **dict(options))


def chart(builder: str, source: tuple, *context: Any, **options: Any) -> Any:
    """ranpe.charts.<builder>(data(*source), *context, **options), built once per data version for the same
    inputs and shared by every session (building a Plotly figure costs more than its query): never change it.
    A spec_* builder gives Plotly's JSON (a dict), cheaper to build and to draw (drawn())."""
    opened = store()
    with store_guard():
        return _chart(str(opened.path), opened.data_version(), builder, source, context, tuple(sorted(options.items())))


@_memo(max_entries=4, copies=True)
def _health_findings(path: str, version: int) -> list[health.Finding]:
    return health.check(_open_store(path))


def ensure_healthy(lang: str) -> None:
    """Stop with a clear message, instead of serving wrong numbers, when the store check finds a problem."""
    opened = store()
    with store_guard():
        findings = _health_findings(str(opened.path), opened.data_version())
    if findings:
        details = "\n".join(f"- {finding.message(lang)}" for finding in findings)
        st.error(f"{t('reliability.health_banner', lang)}\n\n{details}", icon=":material/report:")
        st.stop()


@_memo(max_entries=16)
def _demo_attempts(path: str) -> dict[str, bool]:
    return {"tried": False}


def ensure_demo(lang: str) -> None:
    """On the first start with an empty store, load the demo data, saying so."""
    # RANPE_AUTO_DEMO=0 keeps an empty store empty on first start (tests, a production install).
    if os.environ.get("RANPE_AUTO_DEMO", "1") == "0":
        return
    opened = store()
    attempts = _demo_attempts(str(opened.path))
    if attempts["tried"]:
        return
    attempts["tried"] = True
    if data("as_of") is not None:
        return
    with st.status(t("dash.demo_loading", lang), expanded=True) as status:
        demo.load_if_empty(opened, lambda message: st.write(str(message)), lang)
        status.update(label=t("dash.demo_loaded", lang), state="complete", expanded=False)


def demo_banner(lang: str) -> None:
    """A clear banner on every page while demo data is stored."""
    if data("demo_active"):
        st.warning(t("dash.demo_banner", lang), icon=":material/science:")


# -- language --------------------------------------------------------------------------------------


def chosen_language() -> str:
    """This run's language: the switch's value, taken from ?lang= on a session's first run."""
    if LANG_KEY not in st.session_state:
        wanted = st.query_params.get("lang")
        st.session_state[LANG_KEY] = wanted if wanted in LANGS else DEFAULT_LANG
    return st.session_state[LANG_KEY] or DEFAULT_LANG


def language_switch(lang: str) -> str:
    """The language switch in the sidebar, drawn after st.navigation: a widget drawn before it gets another
    id on a new session's second run (its page is known only then), and the value the browser sent is lost."""
    lang = st.sidebar.segmented_control(
        t("dash.language", lang), LANGS, key=LANG_KEY, format_func=LANG_NAMES.get, required=True
    )
    lang = lang or DEFAULT_LANG
    _set_param("lang", None if lang == DEFAULT_LANG else lang)
    return lang


# -- shared filters --------------------------------------------------------------------------------
#
# The chosen filters are kept as codes in one record of the session (_KEPT_KEY), never in the widgets alone:
# Streamlit's browser side holds a selectbox's value as the label it was drawn with ("TW II"), so after a
# language switch that label no longer names an option ("Q2") and the choice would be dropped on the next run;
# and a widget not drawn (a workspace page) loses its value. So every run sets each widget from the record
# before drawing it, and the widgets, the chips, the reset button and a drill-down all change the record.


def _universe() -> dict[str, list[Any]]:
    """Every value each filter may take (ANY aside): years with data, newest first; K/L by short name."""
    opened = store()
    return _universe_of(str(opened.path), opened.data_version())


@_memo(max_entries=8)
def _universe_of(path: str, version: int) -> dict[str, list[Any]]:
    # Once per data version, shared by every session and run (never changed by its readers): read on every run.
    agencies = _cached(path, version, "agencies", ()).sort_values("short_name", key=lambda s: s.str.lower())
    return {
        "year": _cached(path, version, "years", ()),
        "quarter": [1, 2, 3, 4],
        "pillar": _cached(path, version, "all_group_numbers", ()),
        "agency": list(agencies["code"]),
        "province": [NATIONAL, *_cached(path, version, "provinces", ())["code"]],
    }


def _parse(name: str, text: str | None, values: list[Any]) -> Any:
    """A query-parameter value as the filter's code; ANY when absent or not a value of the filter."""
    if text is None:
        return ANY
    value: Any = text
    if name in ("year", "quarter", "pillar"):
        try:
            value = int(text)
        except ValueError:
            return ANY
    return value if value in values else ANY


def _kept(universe: dict[str, list[Any]]) -> dict[str, Any]:
    """The chosen filters as codes (ANY: no filter; for the year, the latest), read from the URL on a session's
    first run, whatever page it opens."""
    if _KEPT_KEY not in st.session_state:
        st.session_state[_KEPT_KEY] = {
            name: _parse(name, st.query_params.get(name), universe[name]) for name in FILTER_NAMES
        } | {AS_OF_PARAM: _parse_day(st.query_params.get(AS_OF_PARAM))}
    kept = st.session_state[_KEPT_KEY]
    for name in FILTER_NAMES:
        if kept.get(name, ANY) not in universe[name]:
            kept[name] = ANY
    return kept


def _remember(name: str) -> None:
    """A filter widget's new value into the kept filters (its on_change)."""
    st.session_state[_KEPT_KEY][name] = st.session_state[WIDGET_KEYS[name]]


def _remember_show_all() -> None:
    st.session_state[_SHOW_ALL_KEPT_KEY] = bool(st.session_state[SHOW_ALL_KEY])


def _clear(name: str) -> None:
    """One filter back to no filter (the year back to the latest): a chip's on_click."""
    st.session_state[_KEPT_KEY][name] = ANY


def _reset() -> None:
    for name in FILTER_NAMES:
        st.session_state[_KEPT_KEY][name] = ANY
    st.session_state[_KEPT_KEY][AS_OF_PARAM] = None


def _resolve(kept: dict[str, Any], latest: int) -> Filters:
    """The kept codes as the view: the latest year unless one is chosen; the end of the as-of day, if any."""
    chosen = {name: None if kept[name] == ANY else kept[name] for name in FILTER_NAMES}
    day = kept.get(AS_OF_PARAM)
    return Filters(**(chosen | {"year": chosen["year"] or latest, "as_of": end_of_day(day) if day else None}))


# -- the as-of date (figures as stored at the end of a day) --------------------------------------------

AS_OF_KEY = "filter_as_of"
AS_OF_PARAM = "as_of"
# The first day the date can name: the plan period RAN PE 2020-2024 begins.
AS_OF_FIRST_DAY = date(2020, 1, 1)


def _parse_day(text: str | None) -> date | None:
    """?as_of=2023-10-10 as a date (a date-time names its day); None when absent, malformed or out of range."""
    try:
        day = date.fromisoformat((text or "")[:10])
    except ValueError:
        return None
    return day if AS_OF_FIRST_DAY <= day <= date.today() else None


def _remember_as_of() -> None:
    st.session_state[_KEPT_KEY][AS_OF_PARAM] = st.session_state[AS_OF_KEY]


def as_of_filter(kept: dict[str, Any], lang: str) -> None:
    """The optional "Data per tanggal / Data as of" date of the shared filters, kept with them and in the URL
    (?as_of=2023-10-10); cleared, the current data."""
    day = _as_of_input(st.sidebar, kept, lang)
    _set_param(AS_OF_PARAM, day.isoformat() if day else None)


def as_of_input(where: Any, lang: str) -> date | None:
    """The same date drawn in a page of its own filters (the data checks), outside the sidebar: it shows, and
    changes, the date the dashboard's filters keep (not put in the URL there, like the other filters)."""
    kept = st.session_state[_KEPT_KEY] if _KEPT_KEY in st.session_state else _kept(_universe())
    return _as_of_input(where, kept, lang)


def _as_of_input(where: Any, kept: dict[str, Any], lang: str) -> date | None:
    st.session_state[AS_OF_KEY] = kept.get(AS_OF_PARAM)
    return where.date_input(
        t("as_of.filter", lang),
        value=None,
        min_value=AS_OF_FIRST_DAY,
        max_value=date.today(),
        key=AS_OF_KEY,
        format="DD/MM/YYYY",
        help=t("as_of.filter_help", lang),
        on_change=_remember_as_of,
    )


def _options(
    filters: Filters, universe: dict[str, list[Any]], with_data: dict[str, set[str]], show_all: bool
) -> dict[str, list[Any]]:
    """Each filter's options as codes. K/L and provinces with rows in the year come first; the others follow
    only when asked for, except the chosen one, which is never dropped from its list."""
    options = {name: [ANY, *universe[name]] for name in ("quarter", "pillar")} | {"year": universe["year"]}
    # The groups of the chosen year's period (a chosen group of another period stays on offer, never dropped).
    numbers = data("group_numbers", filters.year)
    options["pillar"] = [ANY, *numbers, *([filters.pillar] if filters.pillar and filters.pillar not in numbers else [])]
    for name in DATA_FIRST:
        chosen = getattr(filters, name)
        first = [code for code in universe[name] if code in with_data[name]]
        rest = [code for code in universe[name] if code not in with_data[name] and (show_all or code == chosen)]
        options[name] = [ANY, *first, *rest]
    return options


def _names(lang: str, year: int | None = None) -> dict[str, Any]:
    """Each filter's words for a code, in the language (ANY in words too); a group under its period's word."""
    named = data("groups", year)
    opened = store()
    agencies, provinces = _code_names(str(opened.path), opened.data_version(), lang)
    return {
        "year": str,
        "quarter": lambda q: t("dash.filter.latest_quarter", lang) if q == ANY else fmt_quarter(q, lang),
        "pillar": lambda p: named.every(lang) if p == ANY else dashboard.pillar_label(p, lang, named),
        "agency": lambda a: t("dash.filter.all_agencies", lang) if a == ANY else agencies.get(a, a),
        "province": lambda p: (
            t("dash.filter.all_provinces", lang)
            if p == ANY
            else t("dash.filter.national", lang)
            if p == NATIONAL
            else provinces.get(p, p)
        ),
    }


@_memo(max_entries=16)
def _code_names(path: str, version: int, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """K/L code → short name and province code → name in the language, once per data version (never changed)."""
    agencies = _cached(path, version, "agencies", ()).set_index("code")["short_name"].to_dict()
    provinces = _cached(path, version, "provinces", ()).set_index("code")["name_en" if lang == "en" else "name"]
    return agencies, provinces.to_dict()


def _labels(names: dict[str, Any], with_data: dict[str, set[str]], year: int, lang: str) -> dict[str, Any]:
    """The options' labels: the words, and for a K/L or province with no rows in the year, a note saying so."""

    def marked(name: str) -> Any:
        def label(code: Any) -> str:
            if code == ANY or code in with_data[name]:
                return names[name](code)
            return t("dash.filter.no_data", lang, label=names[name](code), year=year)

        return label

    return names | {name: marked(name) for name in DATA_FIRST}


def _set_param(name: str, value: Any) -> None:
    if value is None:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get(name) != str(value):
        st.query_params[name] = str(value)


def _active(filters: Filters, latest: int) -> list[str]:
    """The filters set to something other than their default (for the year: other than the latest)."""
    return [
        name
        for name in FILTER_NAMES
        if getattr(filters, name) is not None and (name != "year" or filters.year != latest)
    ]


def _chips(filters: Filters, names: dict[str, Any], latest: int, lang: str) -> None:
    """One button per active filter that clears that filter alone."""
    active = _active(filters, latest)
    if not active:
        return
    st.sidebar.caption(t("dash.filter.active", lang))
    with st.sidebar.container(horizontal=True, gap="small"):
        for name in active:
            value = getattr(filters, name)
            st.button(
                names[name](value),
                key=CLEAR_KEYS[name],
                on_click=_clear,
                args=(name,),
                icon=":material/close:",
                icon_position="right",
                help=(
                    t("dash.filter.clear_year", lang, year=latest)
                    if name == "year"
                    else t("dash.filter.clear", lang, filter=t(f"field.{name}", lang))
                ),
            )


def filters_sidebar(lang: str) -> Filters | None:
    """The shared filters in the sidebar, kept as codes across languages, pages and in the URL; None when there is
    no data."""
    universe = _universe()
    kept = _kept(universe)
    sidebar = st.sidebar
    sidebar.subheader(t("dash.filters", lang))
    if not universe["year"]:
        sidebar.caption(t("dash.filter.no_years", lang))
        for name in FILTER_NAMES:
            _set_param(name, None)
        st.session_state[_FILTERS_KEY] = None
        return None
    latest = data("default_year")
    filters = _resolve(kept, latest)
    with_data = {name: set(codes) for name, codes in data("values_with_data", filters.year).items()}
    show_all = st.session_state.get(_SHOW_ALL_KEPT_KEY, False)
    options = _options(filters, universe, with_data, show_all)
    names = _names(lang, filters.year)
    labels = _labels(names, with_data, filters.year, lang)
    group_word = data("groups", filters.year).word(lang)
    for name in FILTER_NAMES:
        st.session_state[WIDGET_KEYS[name]] = getattr(filters, name) or ANY
        sidebar.selectbox(
            group_word if name == "pillar" else t(f"field.{name}", lang),
            options[name],
            key=WIDGET_KEYS[name],
            format_func=labels[name],
            on_change=_remember,
            args=(name,),
        )
    as_of_filter(kept, lang)
    if any(code not in with_data[name] for name in DATA_FIRST for code in universe[name]):
        st.session_state[SHOW_ALL_KEY] = show_all
        sidebar.toggle(
            t("dash.filter.show_all", lang, year=filters.year), key=SHOW_ALL_KEY, on_change=_remember_show_all
        )
    _chips(filters, names, latest, lang)
    sidebar.button(t("dash.filter.reset", lang), on_click=_reset, icon=":material/restart_alt:")
    for name in FILTER_NAMES:
        value = getattr(filters, name)
        _set_param(name, None if name == "year" and value == latest else value)
    st.session_state[_FILTERS_KEY] = filters
    return filters


def filters_kept_aside() -> Filters | None:
    """On a page the filters do not apply to: no filter in the sidebar or the URL; the choice is kept for the
    dashboard pages (and read from a copied link's URL, whatever page the session opens on)."""
    universe = _universe()
    kept = _kept(universe)
    for name in (*FILTER_NAMES, AS_OF_PARAM):
        _set_param(name, None)
    filters = _resolve(kept, data("default_year")) if universe["year"] else None
    st.session_state[_FILTERS_KEY] = filters
    return filters


def current_filters() -> Filters | None:
    """The filters chosen in the frame's sidebar on this run (None when there is no data)."""
    return st.session_state.get(_FILTERS_KEY)


def current_lang() -> str:
    """The language chosen in the frame's sidebar."""
    return st.session_state.get(LANG_KEY) or DEFAULT_LANG


# -- drill-down ------------------------------------------------------------------------------------


def chart_key(name: str) -> str:
    """A chart's widget key that changes with the filters, so that a past selection never re-applies."""
    filters = current_filters()
    return f"{name}-{filters!r}-{current_lang()}"


def drill_down(event: Any, filter_name: str, part: int | None = None) -> None:
    """When a chart selection names a value (its customdata), set that filter on every page and rerun."""
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    for point in points:
        value = point.get("customdata")
        if isinstance(value, list | tuple) and part is not None:
            value = value[part]
        elif isinstance(value, list | tuple):
            value = value[0] if value else None
        if value is None:
            continue
        if filter_name in ("pillar", "year", "quarter"):
            value = int(value)
        if current_filters() is not None and getattr(current_filters(), filter_name) == value:
            return
        st.session_state[_KEPT_KEY][filter_name] = value
        st.rerun()


# -- charts --------------------------------------------------------------------------------------------


class _Drawn(BaseFigure):
    """A figure given as Plotly's JSON, handed to st.plotly_chart as it reads a Plotly figure: through to_dict(),
    then plotly.io.to_json without validation. (Given a dict, st.plotly_chart builds a go.Figure from it to
    validate every property, and then its dict again: the cost the charts' spec_* builders avoid.) Nothing else
    of a Plotly figure is read, so none is made."""

    def __init__(self, spec: dict[str, Any]) -> None:  # no BaseFigure.__init__: the spec is the figure
        self._spec = spec

    def to_dict(self) -> dict[str, Any]:
        traces = self._spec.get("data", [])
        if not any("geojson" in trace for trace in traces) or plotly_json.config.default_engine not in _ORJSON:
            return self._spec
        # A map's polygons are the same object in every figure: written as JSON once per process, not every run.
        drawn = [trace | {"geojson": _written(trace["geojson"])} if "geojson" in trace else trace for trace in traces]
        return self._spec | {"data": drawn}


_ORJSON = ("auto", "orjson")
_written_polygons: dict[int, tuple[Any, orjson.Fragment]] = {}


def _written(polygons: Any) -> orjson.Fragment:
    """The polygons as orjson writes them inside Plotly's JSON (numbers as they are), kept per object."""
    kept = _written_polygons.get(id(polygons))
    if kept is None or kept[0] is not polygons:
        options = orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS
        kept = _written_polygons[id(polygons)] = (polygons, orjson.Fragment(orjson.dumps(polygons, option=options)))
    return kept[1]


def drawn(figure: Any) -> Any:
    """What st.plotly_chart is given for a figure: a figure as Plotly's JSON (charts.spec_*) as it is, never
    validated again; a go.Figure unchanged."""
    return _Drawn(figure) if isinstance(figure, dict) else figure


# -- page furniture --------------------------------------------------------------------------------


def ensure_in_frame() -> None:
    """Run a page only inside app.py's frame. With a pages/ folder beside app.py, Streamlit runs a page file on
    its own (no navigation, filters or language) until some run has called st.navigation; on a freshly
    started server a copied link (/regions?...) would show an empty page. Run it again through the frame."""
    from streamlit.runtime.pages_manager import PagesManager

    if getattr(PagesManager, "uses_pages_directory", False):
        # What st.navigation itself records: from now on every run starts with app.py. The page's own url_path
        # gives it the same page hash in app.py's navigation, so the rerun opens the same page.
        PagesManager.uses_pages_directory = False
        st.rerun()


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(text: object) -> str:
    """Text from a file or a user made inert inside st.markdown: links, images, HTML, emphasis and
    :directives: are shown as typed, never rendered (an image link would also leave the machine)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def no_data_message(lang: str) -> None:
    """The helpful message for an empty store."""
    st.info(t("dash.empty_store", lang), icon=":material/upload_file:")


def empty_view_message(lang: str) -> None:
    """The helpful message when the filters leave no rows (saying so when the store is read as of a date)."""
    filters = current_filters()
    if filters is not None and filters.as_of is not None:
        when = fmt_date(AsOf.of(filters.as_of), lang)
        st.info(t("as_of.empty_view", lang, date=when), icon=":material/history:")
        return
    st.info(t("dash.empty_view", lang), icon=":material/filter_alt_off:")


def plotly_config(lang: str) -> dict[str, Any]:
    """Plotly options for every chart: no logo, downloads named, language for the mode bar."""
    return {"displaylogo": False, "responsive": True}
