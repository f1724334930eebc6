"""The data checks: each rule a query of queries/checks/ over the staged rows, each finding naming its row.

Rows are staged once per run for the run's own cursor as checked_rows (checks/stage_stored: a view of the active
rows of a year, as stored now or at a moment; checks/stage_upload: a temporary table of the store as it would be
after storing an upload; both in the shape of checks/define_stored_rows), then every rule reads it. The rules that
read one row at a time share one query (checks/row_rules), run once; so do the two that read the action catalogue
(checks/catalogue_rules).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from ranpe.access import audit
from ranpe.access.roles import Actor, require
from ranpe.i18n import fmt_int, fmt_num, fmt_quarter, t
from ranpe.store import sql
from ranpe.store.connection import Store

THRESHOLD_KEY = "check_above_target_factor"
DEFAULT_THRESHOLD = 2.0
# A factor at or below 1 would flag every realization above its target; above 100 nothing would ever show.
MIN_THRESHOLD, MAX_THRESHOLD = 1.0, 100.0


@dataclass(frozen=True)
class Rule:
    """A data check: its code (names its texts check.rule.<code>), its query and the values it binds, or why it
    is skipped."""

    code: str
    query: str | None
    skipped_because: str | None = None
    binds: tuple[str, ...] = ("quarter",)


# In the order of DOMAIN.md's "Data checks". The query names are written out (tests/test_queries_meta.py); rules
# sharing a query are found by one run of it.
RULES = (
    Rule("not_committed_but_done", "checks/row_rules", binds=("quarter", "factor")),
    Rule("completed_below_target", "checks/row_rules", binds=("quarter", "factor")),
    Rule("realization_above_target", "checks/row_rules", binds=("quarter", "factor")),
    Rule("realization_decreased", "checks/realization_decreased"),
    Rule("action_dropped", "checks/action_dropped"),
    # Run when the year's period has an action catalogue, skipped (with this reason) when it has none.
    Rule("action_not_in_catalogue", "checks/catalogue_rules", "check.skip.no_catalogue", ("quarter", "as_of")),
    Rule("action_not_assigned", "checks/catalogue_rules", "check.skip.no_catalogue", ("quarter", "as_of")),
    Rule("rate_parts_disagree", "checks/row_rules", binds=("quarter", "factor")),
)
RULE_CODES = tuple(rule.code for rule in RULES)
ACTIVE_RULES = tuple(rule for rule in RULES if rule.query)
SKIPPED_RULES = tuple(rule for rule in RULES if not rule.query)
# The rules that need the action catalogue of the year's period (they find nothing in a period without one).
CATALOGUE_RULES = tuple(rule for rule in RULES if rule.skipped_because == "check.skip.no_catalogue")
# The migration that brings the action catalogue's tables.
CATALOGUE_MIGRATION = 9


@dataclass(frozen=True)
class Finding:
    """One finding of a rule, naming the row concerned (upload, file, sheet, Excel row) and what is wrong.

    It has a problem's place (file, sheet, row, column, value, severity, key), so that the upload preview and
    the ingest report list it beside the file's own warnings."""

    rule: str
    agency_code: str
    action_code: str
    year: int
    quarter: int
    province_code: str | None
    upload_id: int | None  # None: a row of the upload being checked, not stored yet
    file: str
    sheet: str
    row: int | None
    details: dict[str, Any] = field(default_factory=dict, compare=False)
    incoming: bool = False

    severity = "warning"
    column = None

    @property
    def key(self) -> str:
        return f"check.rule.{self.rule}"

    @property
    def value(self) -> str:
        return self.action_code

    def message(self, lang: str = "id") -> str:
        return _MESSAGES[self.rule](self.details, lang)

    def as_dict(self, lang: str = "id") -> dict[str, Any]:
        """The finding as the CLI's JSON gives it (and the ingest report's warnings)."""
        return {
            "rule": self.rule,
            "agency_code": self.agency_code,
            "action_code": self.action_code,
            "year": self.year,
            "quarter": self.quarter,
            "province_code": self.province_code,
            "upload_id": self.upload_id,
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "message": self.message(lang),
            "severity": self.severity,
        }


# The columns every rule's query gives, one row per finding (details: what its message needs, as JSON).
FINDINGS_SCHEMA = pa.schema(
    [
        ("rule", pa.string()),
        ("agency_code", pa.string()),
        ("action_code", pa.string()),
        ("year", pa.int32()),
        ("quarter", pa.int32()),
        ("province_code", pa.string()),
        ("upload_id", pa.int32()),
        ("file_name", pa.string()),
        ("source_sheet", pa.string()),
        ("source_row", pa.int32()),
        ("incoming", pa.bool_()),
        ("details", pa.string()),
    ]
)
# K/L, period, action, province, then the rules' order, then the place: how findings are listed everywhere.
_ORDER = ("agency_code", "year", "quarter", "action_code", "province_code", "rule_order", "source_sheet", "source_row")


@dataclass(frozen=True)
class CheckRun:
    """The findings of every rule for a year (and optional quarter and K/L), the rules skipped, the threshold.

    The findings stay an Arrow table (a synthetic store of a million rows gives a hundred thousand of them);
    Finding objects are made for the ones listed."""

    year: int
    quarter: int | None
    agency: str | None
    threshold: float
    table: pa.Table  # FINDINGS_SCHEMA and rule_order (the rule's place in RULES), in no order
    checked: pa.Table  # the rows read per K/L and quarter (agency_code, quarter, rows_checked)
    skipped: tuple[Rule, ...] = SKIPPED_RULES
    as_of: datetime | None = None  # the moment the store was read as of (None: as stored now)

    @property
    def total(self) -> int:
        return self.table.num_rows

    @property
    def rules_run(self) -> tuple[Rule, ...]:
        """The rules this run ran (those with a query, less the ones skipped: the catalogue's, without one)."""
        return tuple(rule for rule in ACTIVE_RULES if rule not in self.skipped)

    @property
    def rows_checked(self) -> int:
        """Rows (action plans) of the view's quarter (of every quarter when none is chosen) that were checked."""
        return pc.sum(self._checked_in_view()["rows_checked"]).as_py() or 0

    @property
    def agencies_checked(self) -> list[str]:
        """The K/L with rows in the view, by code."""
        return sorted(set(self._checked_in_view()["agency_code"].to_pylist()))

    def _checked_in_view(self) -> pa.Table:
        checked = self.checked
        return checked if self.quarter is None else checked.filter(pc.equal(checked["quarter"], self.quarter))

    def view(self, quarter: int | None = None, agency: str | None = None) -> CheckRun:
        """The findings of one quarter and K/L, from a run over the whole year: every rule compares a quarter with
        earlier ones only and a K/L with itself only, so they are the findings a run for that view gives."""
        if (self.quarter, self.agency) != (None, None):
            raise ValueError("a view is taken from a run over every quarter and K/L of its year")
        table, checked = self.table, self.checked
        if quarter is not None:
            table = table.filter(pc.equal(table["quarter"], quarter))
            checked = checked.filter(pc.less_equal(checked["quarter"], quarter))
        if agency is not None:
            table = table.filter(pc.equal(table["agency_code"], agency))
            checked = checked.filter(pc.equal(checked["agency_code"], agency))
        return replace(self, quarter=quarter, agency=agency, table=table, checked=checked)

    def selected(self, agency: str | None = None, rule_codes: list[str] | tuple[str, ...] | None = None) -> pa.Table:
        """The findings of one K/L and of some rules (every one when not given)."""
        table = self.table
        if agency:
            table = table.filter(pc.equal(table["agency_code"], agency))
        if rule_codes:
            table = table.filter(pc.is_in(table["rule"], value_set=pa.array(list(rule_codes), pa.string())))
        return table

    def findings(
        self,
        agency: str | None = None,
        rule_codes: list[str] | tuple[str, ...] | None = None,
        limit: int | None = None,
    ) -> list[Finding]:
        """The findings (of one K/L, of some rules; the first `limit` of them) in order, as Finding objects."""
        return findings_of(_ordered(self.selected(agency, rule_codes), limit))

    def counts(self) -> dict[str, dict[str, int]]:
        """K/L code → rule code → its findings, for the K/L with any."""
        grouped = self.table.group_by(["agency_code", "rule"], use_threads=False).aggregate([([], "count_all")])
        counts: dict[str, dict[str, int]] = {}
        for agency, rule, number in zip(
            *(grouped[c].to_pylist() for c in ("agency_code", "rule", "count_all")), strict=True
        ):
            counts.setdefault(agency, {})[rule] = number
        return counts


def _ordered(table: pa.Table, limit: int | None = None) -> pa.Table:
    """The findings in the order of _ORDER (only the first `limit`, when given)."""
    keys = [(name, "ascending") for name in _ORDER]
    if limit is not None and limit < table.num_rows:
        # The first few of a hundred thousand, without ordering them all.
        table = table.take(pc.select_k_unstable(table, k=limit, sort_keys=keys))
    return table.sort_by(keys)


def findings_of(table: pa.Table) -> list[Finding]:
    """Rows of FINDINGS_SCHEMA as Finding objects."""
    return [
        Finding(
            rule=row["rule"],
            agency_code=row["agency_code"],
            action_code=row["action_code"],
            year=row["year"],
            quarter=row["quarter"],
            province_code=row["province_code"],
            upload_id=row["upload_id"],
            file=row["file_name"],
            sheet=row["source_sheet"],
            row=row["source_row"],
            details=json.loads(row["details"]),
            incoming=row["incoming"],
        )
        for row in table.select(FINDINGS_SCHEMA.names).to_pylist()
    ]


def threshold(store: Store) -> float:
    """The factor above which a realization is flagged as too far above its target (stored setting)."""
    found = store.query_rows("workspace/setting", key=THRESHOLD_KEY)
    return float(found[0]["value"]) if found else DEFAULT_THRESHOLD


def set_threshold(store: Store, factor: float, *, actor: Actor) -> None:
    """Change the realization-above-target factor (admins; audited). Raises ValueError outside 1–100."""
    require(actor, "admin", "change the data-check threshold")
    factor = float(factor)
    if not MIN_THRESHOLD < factor <= MAX_THRESHOLD:
        raise ValueError(factor)
    value = f"{factor:g}"
    with store.transaction() as cur:
        cur.execute(sql.load("workspace/setting_delete"), {"key": THRESHOLD_KEY})
        cur.execute(
            sql.load("workspace/setting_insert"),
            {"key": THRESHOLD_KEY, "value": value, "changed_at": datetime.now(), "changed_by": actor.name},
        )
        audit.write(cur, actor, "setting", {"key": THRESHOLD_KEY, "value": value})


def run_checks(
    store: Store, year: int, quarter: int | None = None, agency: str | None = None, as_of: datetime | None = None
) -> CheckRun:
    """Every rule over the stored rows of a year (as stored at as_of when given: uploads, replacements and restores
    after it ignored); the quarter and K/L choose which findings are listed (earlier quarters are still read: a
    decrease or a dropped action in TW III is found against TW II)."""
    factor = threshold(store)
    skipped = SKIPPED_RULES + _without_catalogue(store, [year], as_of)
    with store.reading() as cur:
        cur.execute(sql.load("checks/define_stored_rows"))
        cur.execute(
            sql.load("checks/choose_stored"), {"year": year, "quarter": quarter, "agency": agency, "as_of": as_of}
        )
        cur.execute(sql.load("checks/rows_as_of"))
        cur.execute(sql.load("checks/stage_stored"))
        table = _run_rules(cur, quarter, factor, skipped, as_of)
        checked = cur.sql(sql.load("checks/checked_counts")).to_arrow_table()
    return CheckRun(year, quarter, agency, factor, table, checked, skipped, as_of=as_of)


def check_upload(store: Store, table: pa.Table, file_name: str, limit: int | None = None) -> tuple[list[Finding], int]:
    """The findings an upload brings, the first `limit` of them and how many there are: every rule over the store as
    it would be after storing the table's rows, keeping the findings that name one of its rows or that it causes
    (an action it drops, a decrease it shows)."""
    factor = threshold(store)
    with store.reading() as cur:
        cur.execute(sql.load("checks/define_stored_rows"))
        cur.register("incoming_rows", table)
        try:
            cur.execute(sql.load("checks/stage_upload"), {"file_name": file_name})
        finally:
            cur.unregister("incoming_rows")
        found = _run_rules(cur, None, factor, _without_catalogue(store, pc.unique(table["year"]).to_pylist()))
    brought = found.filter(found["incoming"])
    return findings_of(_ordered(brought, limit)), brought.num_rows


def _without_catalogue(store: Store, years: list[int], as_of: datetime | None = None) -> tuple[Rule, ...]:
    """The catalogue rules when none of the years' periods has a catalogue (at as_of when given; or the store
    predates catalogues: a store opened without upgrading, which only tests do), else none."""
    if store.schema_version() >= CATALOGUE_MIGRATION and any(
        store.query_rows("checks/catalogue_exists", year=year, as_of=as_of)[0]["has_catalogue"]
        for year in years
        if year is not None
    ):
        return ()
    return CATALOGUE_RULES


def _run_rules(
    cur: Any, quarter: int | None, factor: float, skipped: tuple[Rule, ...] = (), as_of: datetime | None = None
) -> pa.Table:
    """Every rule's findings over the staged rows, in one table (not ordered yet: CheckRun.findings orders them);
    the catalogue rules by the catalogue active at as_of (None: now)."""
    bound = {"quarter": quarter, "factor": factor, "as_of": as_of}
    # A query shared by several rules is run once.
    queries = {rule.query: rule.binds for rule in ACTIVE_RULES if rule not in skipped}
    parts = [
        cur.sql(sql.load(query), params={name: bound[name] for name in binds}).to_arrow_table().cast(FINDINGS_SCHEMA)
        for query, binds in queries.items()
    ]
    table = pa.concat_tables(parts)
    return table.append_column("rule_order", pc.index_in(table["rule"], value_set=pa.array(RULE_CODES)))


# -- messages ------------------------------------------------------------------------------------------


def number_text(value: float | None, lang: str) -> str:
    """A count or amount as written in the language: 1.250 / 1,250, and 12,5 / 12.5 when it has a fraction."""
    if value is None:
        return "–"
    return fmt_int(value, lang) if float(value).is_integer() else fmt_num(value, lang, 2).rstrip("0")


def place_text(upload_id: int | None, file_name: str, sheet: str, row: int | None, lang: str) -> str:
    """Where a row is: upload #12, file, sheet, Excel row (or "this file" for the upload being checked)."""
    where = t("check.place", lang, file=file_name, sheet=sheet, row=row if row is not None else "–")
    if upload_id is None:
        return t("check.place_this_file", lang, where=where)
    return t("check.place_upload", lang, upload_id=upload_id, where=where)


def _not_committed_but_done(details: dict[str, Any], lang: str) -> str:
    reasons = []
    if details["completed"]:
        reasons.append(t("check.reason.completed", lang))
    if details["realization"] is not None and details["realization"] > 0:
        reasons.append(t("check.reason.realization", lang, realization=number_text(details["realization"], lang)))
    return t("check.msg.not_committed_but_done", lang, reasons=t("check.and", lang).join(reasons))


def _completed_below_target(details: dict[str, Any], lang: str) -> str:
    return t(
        "check.msg.completed_below_target",
        lang,
        realization=number_text(details["realization"], lang),
        target=number_text(details["target"], lang),
    )


def _realization_above_target(details: dict[str, Any], lang: str) -> str:
    return t(
        "check.msg.realization_above_target",
        lang,
        realization=number_text(details["realization"], lang),
        target=number_text(details["target"], lang),
        ratio=fmt_num(details["ratio"], lang, 1),
        factor=number_text(details["factor"], lang),
    )


def _realization_decreased(details: dict[str, Any], lang: str) -> str:
    return t(
        "check.msg.realization_decreased",
        lang,
        realization=number_text(details["realization"], lang),
        earlier=number_text(details["earlier_realization"], lang),
        quarter=fmt_quarter(details["earlier_quarter"], lang),
        place=place_text(
            details["earlier_upload_id"],
            details["earlier_file_name"],
            details["earlier_sheet"],
            details["earlier_row"],
            lang,
        ),
    )


def _action_dropped(details: dict[str, Any], lang: str) -> str:
    return t(
        "check.msg.action_dropped" if details["rows_reported"] == 1 else "check.msg.action_dropped_rows",
        lang,
        quarter=fmt_quarter(details["previous_quarter"], lang),
        rows=fmt_int(details["rows_reported"], lang),
    )


def _rate_parts_disagree(details: dict[str, Any], lang: str) -> str:
    return t(
        "check.msg.rate_parts_disagree",
        lang,
        field=t(f"field.{details['field']}", lang),
        excerpt=details["excerpt"],
        count=number_text(details["count"], lang),
        total=number_text(details["total"], lang),
        computed=fmt_num(details["computed"], lang, 1),
        stated=number_text(details["percent"], lang),
    )


def _action_not_in_catalogue(details: dict[str, Any], lang: str) -> str:
    return t("check.msg.action_not_in_catalogue", lang, period=details["period"])


def _action_not_assigned(details: dict[str, Any], lang: str) -> str:
    return t("check.msg.action_not_assigned", lang, period=details["period"], lead=details["lead"])


_MESSAGES = {
    "not_committed_but_done": _not_committed_but_done,
    "completed_below_target": _completed_below_target,
    "realization_above_target": _realization_above_target,
    "realization_decreased": _realization_decreased,
    "action_dropped": _action_dropped,
    "rate_parts_disagree": _rate_parts_disagree,
    "action_not_in_catalogue": _action_not_in_catalogue,
    "action_not_assigned": _action_not_assigned,
}
