"""The plan's parts of the pages: the catalogue's KPI cards, the lead vs supporting table, the unreported actions,
and the catalogue and crosswalk upload section of the upload page."""

from __future__ import annotations

import hashlib
from typing import Any

import pandas as pd
import streamlit as st

from ranpe.access.roles import Actor
from ranpe.i18n import fmt_date, fmt_int, fmt_pct, t
from ranpe.measures.filters import Filters
from ranpe.store.connection import Store
from ranpe.web import auth, downloads, frame
from ranpe.workspace import upload


def plan_cards(current: dict[str, Any], lang: str) -> None:
    """Report coverage, lead commitment and cumulative implementation, the period named (with a catalogue only)."""
    period = current["period"]
    coverage, lead, cumulative = current["coverage"], current["lead_commitment"], current["cumulative"]
    cards = [
        (
            t("measure.coverage", lang),
            coverage["rate"],
            t("measure.of", lang, part=fmt_int(coverage["reported"], lang), whole=fmt_int(coverage["catalogue"], lang)),
            t("measure.coverage.help", lang),
        ),
        (
            t("measure.lead_commitment", lang),
            lead["rate"],
            t("measure.of", lang, part=fmt_int(lead["committed_by_lead"], lang), whole=fmt_int(lead["planned"], lang)),
            t("measure.lead_commitment.help", lang),
        ),
        (
            # The period in the line under the card: in the label it was cut off at three cards a row.
            t("measure.cumulative", lang),
            cumulative["rate"],
            t(
                "measure.of_period",
                lang,
                part=fmt_int(cumulative["committed"], lang),
                whole=fmt_int(cumulative["catalogue"], lang),
                period=period["name"],
            ),
            t("measure.cumulative.help", lang, period=period["name"], year=cumulative["through_year"]),
        ),
    ]
    for column, (label, value, detail, help_text) in zip(st.columns(len(cards)), cards, strict=True):
        with column:
            st.metric(label, fmt_pct(value, lang), help=help_text, border=True)
            st.caption(detail)


def lead_supporting_section(filters: Filters, lang: str) -> None:
    """Per K/L: actions it leads and supports in the year's catalogue, and how many of each it committed."""
    table = frame.data("lead_supporting_table", filters, lang)
    if table.empty:
        return
    st.subheader(t("lead.title", lang))
    st.dataframe(table, hide_index=True, key="plan_lead_supporting")
    downloads.table_downloads(table, "lead_supporting", lang, title=t("lead.title", lang))


def trend_across_periods_section(filters: Filters, lang: str) -> None:
    """The year's catalogue actions, year by year across periods as the crosswalk links them (with a crosswalk)."""
    table = frame.data("trend_across_periods", filters, lang)
    if table.empty:
        return
    st.subheader(t("crosswalk.trend_title", lang))
    st.caption(t("crosswalk.trend_caption", lang))
    st.dataframe(table, hide_index=True, key="plan_trend_across_periods")
    downloads.table_downloads(table, "trend_across_periods", lang, title=t("crosswalk.trend_title", lang))


def unreported_section(filters: Filters, lang: str) -> None:
    """The catalogue actions of the year with no report in the view (the filters apply), exportable; a note when
    the year's period has no catalogue."""
    view = frame.data("unreported_view", filters, lang)
    period = view["period"]
    st.subheader(t("unreported.title", lang))
    if not view["catalogue"]:
        st.caption(t("catalogue.none", lang, period=period.code if period else "–"))
        return
    st.caption(t("unreported.caption", lang, period=period.name, year=filters.year))
    table: pd.DataFrame = view["table"]
    if table.empty:
        st.success(t("unreported.none", lang), icon=":material/check_circle:")
        return
    st.dataframe(table, hide_index=True, key="plan_unreported")
    downloads.table_downloads(table, "unreported_actions", lang, title=t("unreported.title", lang))


@st.cache_data(show_spinner=False, max_entries=4)
def _template_bytes(store_path: str, lang: str, version: int) -> bytes:
    """The catalogue template of the latest period, as bytes (rebuilt when the data version moves)."""
    import tempfile
    from pathlib import Path

    from ranpe.plan.template import write_catalogue_template

    with tempfile.TemporaryDirectory() as folder:
        return write_catalogue_template(frame.store(), Path(folder) / "katalog.xlsx", lang).read_bytes()


def _record_refusal_button(
    store: Store, data: bytes, file_name: str, period: str | None, actor: Actor, lang: str
) -> None:
    """A refused catalogue, recorded in the upload history with its errors when the analyst says so (as a refused
    submission is); once per file and period chosen in a session, then the number it has there."""
    from ranpe.plan import catalogue

    recorded = st.session_state.setdefault("catalogue_refusals_recorded", {})
    key = (hashlib.sha256(data).hexdigest(), file_name, period)
    if key not in recorded:
        if not actor.can("analyst"):
            return
        st.caption(t("ws.upload.refused_recorded", lang))
        if not st.button(t("ws.upload.record_refusals", lang), key="catalogue_record_refusal", icon=":material/save:"):
            return
        recorded[key] = catalogue.import_bytes(store, data, file_name, period=period, actor=actor)
        st.rerun()  # drawn anew without the button
    result = recorded[key]
    if result.status == "refused":
        st.info(t("catalogue.refusal_recorded", lang, upload_id=result.upload_id), icon=":material/history:")
    else:  # the store changed since the check (a period or K/L added): what importing did instead
        st.success(result.message(lang), icon=":material/check_circle:")


def catalogue_upload_section(lang: str) -> None:
    """Import a catalogue (.xlsx/.csv): check it, show its actions or every problem, store it; its versions."""
    from ranpe.plan import catalogue
    from ranpe.plan.periods import list_periods

    store = frame.store()
    actor = auth.current_actor()
    st.caption(t("catalogue.template.intro", lang))
    st.download_button(
        t("upload.catalogue.template", lang),
        data=_template_bytes(str(store.path), lang, store.data_version()),
        file_name=t("upload.catalogue.template_file", lang),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="catalogue_template",
        icon=":material/table_view:",
    )
    periods = list_periods(store)
    options = [None, *[p.code for p in periods]]
    labels = {None: t("upload.catalogue.period_from_file", lang)} | {p.code: p.label(lang) for p in periods}
    chosen = st.selectbox(t("upload.catalogue.period", lang), options, format_func=labels.get, key="catalogue_period")
    uploaded = st.file_uploader(t("upload.catalogue.file", lang), type=["xlsx", "csv"], key="catalogue_file")
    if uploaded is not None:
        data = uploaded.getvalue()
        checked = catalogue.import_bytes(store, data, uploaded.name, period=chosen, actor=actor, dry_run=True)
        if checked.status == "refused":
            st.error(checked.message(lang), icon=":material/error:")
            problems = pd.DataFrame(upload.problem_rows([checked], lang))
            problems.columns = upload.problem_headers(lang)
            st.dataframe(problems, hide_index=True, key="catalogue_problems", width="stretch")
            st.download_button(
                t("ws.upload.error_report", lang),
                data=upload.error_report_xlsx([checked], lang),
                file_name=t("ws.upload.error_report_file", lang),
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                key="catalogue_error_report",
                icon=":material/download:",
            )
            _record_refusal_button(store, data, uploaded.name, chosen, actor, lang)
        else:
            st.success(checked.message(lang), icon=":material/check_circle:")
            preview = pd.DataFrame(
                {
                    t("field.action_code", lang): [a.action_code for a in checked.actions],
                    t("field.action", lang): [a.action for a in checked.actions],
                    t("field.pillar", lang): [a.pillar for a in checked.actions],
                    t("field.lead_agency", lang): [a.lead_agency for a in checked.actions],
                    t("field.supporting_agencies", lang): ["; ".join(a.supporting) for a in checked.actions],
                    t("field.years", lang): [", ".join(map(str, a.years)) for a in checked.actions],
                }
            )
            st.dataframe(preview, hide_index=True, key="catalogue_preview")
            if actor.can("analyst") and st.button(
                t("upload.catalogue.store", lang), key="catalogue_store", type="primary"
            ):
                result = catalogue.import_bytes(store, data, uploaded.name, period=chosen, actor=actor)
                st.success(result.message(lang), icon=":material/check_circle:")
    versions = catalogue.versions(store)
    if versions:
        st.markdown(f"**{t('upload.catalogue.versions', lang)}**")
        shown = pd.DataFrame(
            {
                t("catalogue.col.version", lang): [int(v["version_id"]) for v in versions],
                t("field.period", lang): [v["period_code"] for v in versions],
                t("catalogue.col.file", lang): [v["file_name"] for v in versions],
                t("catalogue.col.imported_at", lang): [
                    fmt_date(v["imported_at"], lang, with_time=True) for v in versions
                ],
                t("catalogue.col.imported_by", lang): [v["imported_by"] for v in versions],
                t("catalogue.col.actions", lang): [int(v["action_count"]) for v in versions],
                t("catalogue.col.active", lang): [
                    t("committed.yes" if v["active"] else "committed.no", lang) for v in versions
                ],
            }
        )
        st.dataframe(shown, hide_index=True, key="catalogue_versions")
        older = [int(v["version_id"]) for v in versions if not v["active"]]
        if older and actor.can("analyst"):
            version = st.selectbox("#", older, key="catalogue_restore_version", label_visibility="collapsed")
            if st.button(t("upload.catalogue.restore", lang, version=version), key="catalogue_restore"):
                period = catalogue.restore_version(store, version, actor=actor)
                st.success(t("catalogue.restored", lang, period=period, version=version), icon=":material/history:")
