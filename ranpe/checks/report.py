"""The findings as people read them: the view described, counts per rule × K/L, the rows concerned, the .xlsx and
.csv to send back to a K/L, and the CLI's JSON and text."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ranpe.checks.rules import CheckRun, Finding, Rule, number_text, place_text
from ranpe.exports.files import csv_bytes, xlsx_bytes
from ranpe.i18n import fmt_int, fmt_quarter, t
from ranpe.store.connection import Store

# The heat of a count cell: white for 0 to this blue (the dashboard's neutral bar colour) for the highest count.
HEAT_RGB = (0, 114, 178)
# Above this share of the highest count, a cell's text turns white to stay readable.
HEAT_DARK_SHARE = 0.55


def names(store: Store, lang: str) -> dict[str, dict[str, str]]:
    """Short names of the K/L and names of the provinces by code, for the tables."""
    agencies = {row["code"]: row["short_name"] or row["code"] for row in store.query_rows("reference/agencies")}
    provinces = {
        row["code"]: row["name_en"] if lang == "en" else row["name"] for row in store.query_rows("reference/provinces")
    }
    return {"agency": agencies, "province": provinces}


def rule_label(code: str, lang: str) -> str:
    return t(f"check.rule.{code}", lang)


def view_text(year: int, quarter: int | None, agency: str | None, agencies: dict[str, str], lang: str) -> str:
    """The view in words: 2023 · TW III · BNPT (every filter named, also when it is 'all')."""
    return t(
        "check.page.view",
        lang,
        year=year,
        quarter=fmt_quarter(quarter, lang) if quarter else t("check.page.all_quarters", lang),
        agency=agencies.get(agency, agency) if agency else t("check.page.all_agencies", lang),
    )


def rule_help(rule: Rule, threshold: float, lang: str) -> str:
    """What a rule checks (with the threshold where it has one)."""
    return t(f"check.help.{rule.code}", lang, factor=number_text(threshold, lang))


def skipped_rules(run: CheckRun, lang: str) -> list[dict[str, str]]:
    """The rules not run (by code) and why (for the CLI's JSON)."""
    return [{"rule": rule.code, "reason": t(rule.skipped_because, lang)} for rule in run.skipped]


# -- counts per rule × K/L -----------------------------------------------------------------------------


def counts_frame(run: CheckRun, agencies: dict[str, str], lang: str) -> pd.DataFrame:
    """One row per K/L with findings: its code, short name, its total, and the findings of each rule run; the
    K/L with most findings first."""
    counts = {
        agency: {rule.code: found.get(rule.code, 0) for rule in run.rules_run} for agency, found in run.counts().items()
    }
    code_column, name_column, total_column = (
        t("check.col.agency_code", lang),
        t("check.col.agency", lang),
        t("check.page.total", lang),
    )
    rows = [
        {
            code_column: code,
            name_column: agencies.get(code, code),
            total_column: sum(per_rule.values()),
            **{rule_label(rule, lang): number for rule, number in per_rule.items()},
        }
        for code, per_rule in counts.items()
    ]
    columns = [code_column, name_column, total_column, *(rule_label(rule.code, lang) for rule in run.rules_run)]
    frame = pd.DataFrame(rows, columns=columns)
    if frame.empty:
        return frame
    frame["_order"] = frame[name_column].str.lower()
    frame = frame.sort_values([total_column, "_order"], ascending=[False, True]).drop(columns="_order")
    return frame.reset_index(drop=True)


def counts_styled(frame: pd.DataFrame, lang: str) -> Any:
    """The counts as a heat map table: each rule's cells shaded by their count, numbers in the language's style."""
    total_column, rule_columns = frame.columns[2], list(frame.columns[3:])
    highest = max(int(frame[rule_columns].to_numpy().max()), 1) if not frame.empty else 1

    def heat(value: object) -> str:
        share = min(float(value) / highest, 1.0)
        if share == 0:
            return "color: #888888"
        text = "#FFFFFF" if share > HEAT_DARK_SHARE else "#111111"
        red, green, blue = HEAT_RGB
        return f"background-color: rgba({red}, {green}, {blue}, {0.12 + 0.88 * share:.2f}); color: {text}"

    styler = frame.style.format(lambda value: fmt_int(value, lang), subset=[total_column, *rule_columns])
    return styler.map(heat, subset=rule_columns).set_properties(subset=[total_column], **{"font-weight": "bold"})


# -- the rows concerned --------------------------------------------------------------------------------

# What is wrong first (rule, K/L, action, message), then where: period, province, file, sheet, Excel row, upload.
FINDING_COLUMNS = (
    "check.col.rule",
    "check.col.agency",
    "field.action_code",
    "check.col.message",
    "field.year",
    "field.quarter",
    "field.province",
    "ws.col.file",
    "ws.col.sheet",
    "ws.col.row",
    "check.col.upload",
)


def file_stem(year: int, quarter: int | None, agency: str | None, lang: str) -> str:
    """The name of an export of findings, without its extension: temuan-pemeriksaan-data-2023-q3-BNPT."""
    parts = (t("check.page.file", lang), year, f"q{quarter}" if quarter else None, agency)
    return "-".join(str(part) for part in parts if part)


def finding_headers(lang: str) -> list[str]:
    return [t(key, lang) for key in FINDING_COLUMNS]


def finding_values(finding: Finding, lookups: dict[str, dict[str, str]], lang: str) -> list[Any]:
    """One finding as the cells of FINDING_COLUMNS."""
    province = finding.province_code
    return [
        rule_label(finding.rule, lang),
        lookups["agency"].get(finding.agency_code, finding.agency_code),
        finding.action_code,
        finding.message(lang),
        finding.year,
        fmt_quarter(finding.quarter, lang),
        lookups["province"].get(province, province) if province else t("national", lang),
        finding.file,
        finding.sheet,
        finding.row,
        finding.upload_id,
    ]


def finding_rows(findings: list[Finding] | tuple[Finding, ...], lookups: dict, lang: str) -> list[dict[str, Any]]:
    """The findings as table rows under translated headers."""
    headers = finding_headers(lang)
    return [dict(zip(headers, finding_values(f, lookups, lang), strict=True)) for f in findings]


def findings_xlsx(run: CheckRun, findings: list[Finding] | tuple[Finding, ...], lookups: dict, lang: str) -> bytes:
    """The findings to send back to a K/L (values only, no formulas), and a sheet naming every rule: run or
    skipped, what it checks or why it was skipped, and its findings."""
    counts = {rule.code: 0 for rule in run.rules_run}
    for finding in findings:
        counts[finding.rule] += 1
    rules = [
        [
            rule_label(rule.code, lang),
            t("check.export.run", lang),
            rule_help(rule, run.threshold, lang),
            counts[rule.code],
        ]
        for rule in run.rules_run
    ] + [
        [rule_label(rule.code, lang), t("check.export.skipped", lang), t(rule.skipped_because, lang), None]
        for rule in run.skipped
    ]
    return xlsx_bytes(
        {
            t("check.export.findings_sheet", lang): (
                finding_headers(lang),
                [finding_values(f, lookups, lang) for f in findings],
            ),
            t("check.export.rules_sheet", lang): (
                [
                    t("check.col.rule", lang),
                    t("check.export.status", lang),
                    t("check.export.description", lang),
                    t("check.page.findings_metric", lang),
                ],
                rules,
            ),
        }
    )


def findings_csv(findings: list[Finding] | tuple[Finding, ...], lookups: dict, lang: str) -> bytes:
    """The findings as CSV (one line per finding) in the language's CSV style (id: ";" between fields)."""
    return csv_bytes(finding_headers(lang), [finding_values(f, lookups, lang) for f in findings], lang)


# -- the command line ----------------------------------------------------------------------------------


def as_json(run: CheckRun, lang: str) -> dict[str, Any]:
    """What `python -m ranpe check --json` prints."""
    return {
        "year": run.year,
        "quarter": run.quarter,
        "agency": run.agency,
        "as_of": run.as_of.isoformat() if run.as_of else None,
        "threshold": run.threshold,
        "rows_checked": run.rows_checked,
        "findings": [finding.as_dict(lang) for finding in run.findings()],
        "skipped": skipped_rules(run, lang),
    }


def as_text(run: CheckRun, lookups: dict, lang: str, notes: tuple[str | None, ...] = ()) -> list[str]:
    """What `python -m ranpe check` prints: a title line, the notes given (the as-of date), one line per finding,
    then the rules skipped."""
    view = view_text(run.year, run.quarter, run.agency, lookups["agency"], lang)
    findings = run.findings()
    lines = [t("check.cli.title", lang, view=view, count=fmt_int(len(findings), lang))]
    lines.extend(f"  {note}" for note in notes if note)
    for finding in findings:
        province = lookups["province"].get(finding.province_code, finding.province_code)
        where = place_text(finding.upload_id, finding.file, finding.sheet, finding.row, lang)
        lines.append(
            f"- [{rule_label(finding.rule, lang)}] {finding.agency_code} {finding.action_code} "
            f"{finding.year} {fmt_quarter(finding.quarter, lang)}"
            + (f" {province}" if province else "")
            + f" — {where}: {finding.message(lang)}"
        )
    if not findings:
        lines.append(t("check.cli.none", lang))
    for rule in run.skipped:
        lines.append(
            t("check.cli.skipped", lang, rule=rule_label(rule.code, lang), reason=t(rule.skipped_because, lang))
        )
    return lines
