"""Audited edits of the obstacle-theme dictionary (admins), each previewed on the stored texts before it is saved."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ranpe.access.roles import Actor, require
from ranpe.i18n import t
from ranpe.measures import obstacles
from ranpe.measures.obstacles import Theme
from ranpe.store import sql
from ranpe.store.connection import Store
from ranpe.workspace.common import WorkspaceError
from ranpe.workspace.reference_admin import _record_changes

THEME_CODE_PATTERN = re.compile(r"^[a-z0-9_]{1,32}$")
# "lainnya" names the texts no theme matched; "all" is the page's choice of every theme.
RESERVED_CODES = (obstacles.OTHER, "all")
# Texts whose themes change, shown in a preview (the most reported first).
PREVIEW_SAMPLE = 20
FIELDS = ("name", "name_en", "words", "words_en")


def entries(themes: tuple[Theme, ...]) -> list[dict[str, str]]:
    """The dictionary as plain rows: code, name, name_en, words and words_en ("; "-joined)."""
    return [
        {
            "code": theme.code,
            "name": theme.name,
            "name_en": theme.name_en,
            "words": "; ".join(theme.words),
            "words_en": "; ".join(theme.words_en),
        }
        for theme in themes
    ]


def edited(
    themes: tuple[Theme, ...],
    code: str,
    *,
    name: str = "",
    name_en: str = "",
    words: str = "",
    words_en: str = "",
    remove: bool = False,
) -> tuple[Theme, ...]:
    """The dictionary with one theme changed, added (a new code, placed last) or removed; checked."""
    code = str(code).strip().lower()
    if remove:
        return checked([theme for theme in themes if theme.code != code])
    changed = Theme(
        code,
        " ".join(str(name or "").split()),
        " ".join(str(name_en or "").split()) or " ".join(str(name or "").split()),
        obstacles.split_words(words),
        obstacles.split_words(words_en),
    )
    if any(theme.code == code for theme in themes):
        return checked([changed if theme.code == code else theme for theme in themes])
    return checked([*themes, changed])


def checked(themes: list[Theme]) -> tuple[Theme, ...]:
    """The themes if they make a dictionary: valid unique codes, names, and a word for each; else WorkspaceError."""
    if not themes:
        raise WorkspaceError("obs.ref.empty")
    seen = set()
    for theme in themes:
        if theme.code in RESERVED_CODES:
            raise WorkspaceError("obs.ref.reserved", code=theme.code)
        if not THEME_CODE_PATTERN.match(theme.code):
            raise WorkspaceError("obs.ref.bad_code", code=theme.code)
        if theme.code in seen:
            raise WorkspaceError("obs.ref.duplicate", code=theme.code)
        seen.add(theme.code)
        if not theme.name:
            raise WorkspaceError("obs.ref.name_required", code=theme.code)
        if not theme.words and not theme.words_en:
            raise WorkspaceError("obs.ref.no_words", code=theme.code)
    return tuple(themes)


def preview(store: Store, after: tuple[Theme, ...], lang: str) -> dict[str, Any]:
    """How the stored obstacle texts (every year, active versions) would be coded with the dictionary `after`:
    action plans per theme before and after, how many change themes, and a sample of those that do."""
    before = obstacles.load_themes(store)
    stored = store.query("workspace/obstacle_texts_stored")
    old, new = obstacles.coder_for(before), obstacles.Coder(after)
    codings = {text: (old.code(text), new.code(text)) for text in stored["obstacles"]}
    names = obstacles.theme_names(before, lang) | obstacles.theme_names(after, lang)
    order = [*(theme.code for theme in after), *(theme.code for theme in before if theme not in after)]
    order = list(dict.fromkeys([*order, obstacles.OTHER]))
    plans_before = dict.fromkeys(order, 0)
    plans_after = dict.fromkeys(order, 0)
    changed = []
    for text, plans in zip(stored["obstacles"], stored["plans"], strict=True):
        was, now = codings[text]
        for code in was.themes:
            plans_before[code] += int(plans)
        for code in now.themes:
            plans_after[code] += int(plans)
        if was.themes != now.themes or was.matched != now.matched:
            changed.append((text, int(plans), was, now))
    counts = pd.DataFrame(
        {
            t("obs.col.theme", lang): [names.get(code, code) for code in order],
            t("obs.ref.col.before", lang): [plans_before[code] for code in order],
            t("obs.ref.col.after", lang): [plans_after[code] for code in order],
            t("obs.ref.col.change", lang): [plans_after[code] - plans_before[code] for code in order],
        }
    )
    sample = pd.DataFrame(
        {
            t("obs.ref.col.text", lang): [text for text, *_ in changed[:PREVIEW_SAMPLE]],
            t("obs.ref.col.plans", lang): [plans for _, plans, *_ in changed[:PREVIEW_SAMPLE]],
            t("obs.ref.col.before", lang): [_named(was, names) for _, _, was, _ in changed[:PREVIEW_SAMPLE]],
            t("obs.ref.col.after", lang): [_named(now, names) for *_, now in changed[:PREVIEW_SAMPLE]],
            t("obs.col.matched", lang): ["; ".join(now.matched) for *_, now in changed[:PREVIEW_SAMPLE]],
        }
    )
    return {
        "texts": int(stored["plans"].sum()),
        "changed": sum(plans for _, plans, *_ in changed),
        "counts": counts,
        "sample": sample,
    }


def _named(coding: obstacles.Coding, names: dict[str, str]) -> str:
    return ", ".join(names.get(code, code) for code in coding.themes)


def save(store: Store, after: tuple[Theme, ...], *, actor: Actor) -> int:
    """Store the dictionary `after` (admins only); every added, changed or removed field is recorded in the
    reference-data history and the audit log. Returns how many fields changed; the texts are coded anew."""
    require(actor, "admin", "edit reference data")
    after = checked(list(after))
    before = {row["code"]: row for row in entries(obstacles.load_themes(store))}
    now = {row["code"]: row for row in entries(after)}
    changes = 0
    with store.transaction() as cur:
        cur.execute(sql.load("workspace/obstacle_themes_clear"))
        for position, (code, row) in enumerate(now.items(), start=1):
            cur.execute(
                sql.load("workspace/obstacle_theme_insert"),
                {"theme": code, "position": position, **{field: row[field] for field in FIELDS}},
            )
        for code in dict.fromkeys([*before, *now]):
            old = {k: v for k, v in before.get(code, {}).items() if k != "code"}
            new = {k: v for k, v in now.get(code, {}).items() if k != "code"}
            new = new or dict.fromkeys(old)
            changes += len(_record_changes(cur, actor, "obstacle_theme", code, before=old, after=new))
    return changes
