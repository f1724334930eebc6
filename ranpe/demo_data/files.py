"""The demo's files, generated deterministically from its definitions: most rows in Pokja files (one pillar, many K/L,
.xlsx with title rows), a few K/L's own .csv files (semicolon separated, Indonesian numbers, year/quarter/agency given
at upload), the illustrative 2026 reports, and each period's catalogue and the crosswalk between them."""

from __future__ import annotations

import csv
import io
import random
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import xlsxwriter

from ranpe.demo_data.definitions import (
    AGENCY_PILLARS,
    ALWAYS_INVOLVED,
    CATALOGUE_SIZE,
    CSV_HEADER,
    FOCUS_AREAS,
    ILLUSTRATIVE_AGENCIES,
    ILLUSTRATIVE_HEADER,
    ILLUSTRATIVE_QUARTERS,
    ILLUSTRATIVE_THEMES,
    ILLUSTRATIVE_YEAR,
    JOINED,
    MISSED_REPORTS,
    OBSTACLES,
    OWN_FILE_AGENCIES,
    PLANS,
    POKJA_HEADERS,
    PROVINCE_SPELLINGS,
    QUARTERS,
    RENAMED_2024,
    ROMAN,
    SEED,
    STATUS_TEXT,
    UNCOMMITTED_NOTES,
    UNITS,
    UNREPORTED_PER_YEAR,
    WORKBOOK_DATE,
    WORKING_GROUPS,
    YEARS,
)
from ranpe.ingest.contract import number_style
from ranpe.store.connection import FOCUS_PROVINCES


@dataclass(frozen=True)
class Action:
    pillar: int
    code: str
    name: str
    regional: bool


@dataclass
class Assignment:
    """One K/L's part in one action for a year, and how it unfolds over the quarters."""

    agency: str
    action: Action
    committed: bool
    committed_from: int
    outcome: str
    unit: tuple
    provinces: list[str | None]
    targets: list[float]
    finals: list[float]
    early_progress: float
    obstacle: tuple[str, str] | None
    note: str | None


@dataclass
class DemoFile:
    """One generated file and how it is uploaded."""

    name: str
    data: bytes
    uploaded_at: datetime
    report_year: int
    given: dict[str, object] = field(default_factory=dict)  # year, quarter, agency given at upload


def catalogue() -> dict[int, list[Action]]:
    """Every action of the demo plan, per pillar, coded pillar.focus_area.number."""
    actions: dict[int, list[Action]] = {}
    for pillar, areas in FOCUS_AREAS.items():
        actions[pillar] = [
            Action(pillar, f"{pillar}.{area}.{number}", name, regional)
            for area, _, regional, names in areas
            for number, name in enumerate(names, start=1)
        ]
    return actions


def _year_actions(rng: random.Random) -> dict[int, dict[int, list[Action]]]:
    """The actions of each year: a pillar's actions enter the plan in a fixed order, so later years add some."""
    by_year: dict[int, dict[int, list[Action]]] = {year: {} for year in YEARS}
    for pillar, actions in catalogue().items():
        order = list(actions)
        rng.shuffle(order)
        for year in YEARS:
            chosen = set(order[: PLANS[year].planned[pillar]])
            by_year[year][pillar] = [a for a in actions if a in chosen]
    return by_year


def _plan_year(year: int, actions: dict[int, list[Action]], rng: random.Random) -> list[Assignment]:
    """Who carries out which action in a year, and which commit, meeting the year's figures exactly."""
    plan = PLANS[year]
    pool = [code for code in AGENCY_PILLARS if JOINED.get(code, 0) <= year]
    if len(pool) != plan.agencies_total:
        raise ValueError(f"{year}: {len(pool)} agencies in the pool, plan says {plan.agencies_total}")
    others = [code for code in pool if code not in ALWAYS_INVOLVED]
    involved = set(ALWAYS_INVOLVED) | set(rng.sample(others, plan.agencies_involved - len(ALWAYS_INVOLVED)))
    committed_actions: set[str] = set()
    for pillar, items in actions.items():
        committed_actions |= {a.code for a in rng.sample(items, plan.committed[pillar])}

    def members(pillar: int, only_involved: bool = False) -> list[str]:
        return [c for c in pool if pillar in AGENCY_PILLARS[c] and (c in involved or not only_involved)]

    parts: dict[tuple[str, str], bool] = {}
    all_actions = [a for pillar in sorted(actions) for a in actions[pillar]]
    for action in all_actions:
        is_committed = action.code in committed_actions
        lead = rng.choice(members(action.pillar, only_involved=is_committed))
        parts[(lead, action.code)] = is_committed
        helpers = [c for c in members(action.pillar) if c != lead]
        for helper in rng.sample(helpers, min(len(helpers), rng.choice((0, 0, 1, 1, 2)))):
            parts[(helper, action.code)] = is_committed and helper in involved and rng.random() < 0.6
    by_code = {a.code: a for a in all_actions}
    for agency in pool:
        mine = [code for (who, code) in parts if who == agency]
        candidates = [a for a in all_actions if a.pillar in AGENCY_PILLARS[agency]]
        if agency in involved and not any(parts[(agency, code)] for code in mine):
            choices = [a for a in candidates if a.code in committed_actions]
            action = rng.choice(choices)
            parts[(agency, action.code)] = True
        elif not mine:
            action = rng.choice(candidates)
            parts[(agency, action.code)] = agency in involved and action.code in committed_actions
    return [_assignment(agency, by_code[code], done, rng) for (agency, code), done in sorted(parts.items())]


def _assignment(agency: str, action: Action, committed: bool, rng: random.Random) -> Assignment:
    if action.regional:
        provinces: list[str | None] = sorted(rng.sample(FOCUS_PROVINCES, rng.randint(2, 5)))
        if rng.random() < 0.25:
            provinces.insert(0, None)
    else:
        provinces = [None] if rng.random() < 0.9 else [None, rng.choice(FOCUS_PROVINCES)]
    unit = rng.choice(UNITS)
    _, low, high, _ = unit
    targets = []
    for province in provinces:
        share = 1.0 if province is None else rng.uniform(0.15, 0.4)
        value = max(1.0, round(rng.randint(low, high) * share)) if unit[0] != "persen" else float(rng.randint(low, 100))
        targets.append(float(value))
    outcome = rng.choices(("completed", "in_progress", "not_implemented"), weights=(70, 22, 8))[0]
    finals = []
    for target in targets:
        if outcome == "completed":
            fraction = rng.uniform(1.0, 1.08)
        elif outcome == "in_progress":
            fraction = rng.uniform(0.55, 0.92)
        else:
            fraction = rng.uniform(0.0, 0.3)
        finals.append(fraction * target)
    return Assignment(
        agency=agency,
        action=action,
        committed=committed,
        committed_from=rng.choices((1, 2, 3), weights=(80, 15, 5))[0],
        outcome=outcome,
        unit=unit,
        provinces=provinces,
        targets=targets,
        finals=finals,
        early_progress=rng.uniform(0.1, 0.3),
        obstacle=rng.choice(OBSTACLES) if rng.random() < 0.55 else None,
        note=rng.choice(UNCOMMITTED_NOTES),
    )


def _quarter_rows(part: Assignment, quarter: int) -> list[dict]:
    """The rows a K/L reports for its part in an action at the end of a quarter."""
    committed = part.committed and quarter >= part.committed_from
    rows = []
    for province, target, final in zip(part.provinces, part.targets, part.finals, strict=True):
        row = {
            "agency": part.agency,
            "pillar": part.action.pillar,
            "action_code": part.action.code,
            "action": part.action.name,
            "province": province,
            "committed": committed,
        }
        if not committed:
            row.update(
                status="not_started" if quarter < 4 or part.committed else "",
                target=None,
                realization=None,
                output="",
                obstacles="",
                follow_up="",
                notes=part.note if not part.committed else "Menunggu penetapan anggaran",
            )
            rows.append(row)
            continue
        share = {1: part.early_progress, 2: part.early_progress + 0.25, 3: part.early_progress + 0.5, 4: 1.0}[quarter]
        realization = min(final, share * target) if quarter < 4 else final
        if quarter == 4:
            status = part.outcome
        elif quarter == 3 and part.outcome == "completed" and part.early_progress > 0.25:
            status, realization = "completed", final
        elif quarter == 1 and share < 0.15:
            status = "not_started"
        else:
            status = "in_progress"
        decimals = 1 if part.unit[0] == "persen" else 0
        realization = round(realization, decimals)
        obstacle = part.obstacle if quarter >= 2 else None
        follow_up = obstacle[1] if obstacle and quarter >= 3 and _follows_up(part) else ""
        row.update(
            status=status,
            target=target,
            realization=realization,
            output=part.unit[3].format(n=_id_number(realization)) if realization else "",
            obstacles=obstacle[0] if obstacle else "",
            follow_up=follow_up,
            notes=f"Satuan: {part.unit[0]}",
        )
        rows.append(row)
    return rows


def _follows_up(part: Assignment) -> bool:
    """Whether a K/L reports a follow-up to its obstacle (from the quarter after it first reports it): about three
    in four do; the rest stay open all year. Decided by the names, so the random draws of the demo stay as they are."""
    return zlib.crc32(f"{part.agency} {part.action.code}".encode()) % 4 != 0


def _id_number(value: float) -> str:
    """A number in Indonesian style: 1.250 or 87,5."""
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def _agency_label(code: str, year: int, quarter: int, names: dict[str, str], rng: random.Random) -> str:
    if year == 2024 and quarter == 4 and code in RENAMED_2024:
        return RENAMED_2024[code]
    return names[code] if rng.random() < 0.9 else code


def _province_label(code: str | None, rng: random.Random) -> str:
    if code is None:
        return rng.choice(("Nasional", "Nasional", "", "-"))
    return rng.choice(PROVINCE_SPELLINGS[code][:2]) if rng.random() < 0.8 else PROVINCE_SPELLINGS[code][0]


def _pokja_workbook(
    rows: list[dict], rng: random.Random, *, year: int, quarter: int, pillar: int, names: dict[str, str], variant: int
) -> bytes:
    """A Pokja's quarterly .xlsx: title rows, a "No" column, every K/L of one pillar, a closing total row."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    book.set_properties({"created": WORKBOOK_DATE, "author": "Sekretariat Bersama RAN PE"})
    bold = book.add_format({"bold": True})
    title = book.add_format({"bold": True, "font_size": 13, "align": "center"})
    head = book.add_format({"bold": True, "text_wrap": True, "border": 1, "bg_color": "#D9E1F2"})
    headers = POKJA_HEADERS[variant]
    sheet = book.add_worksheet(f"TW {ROMAN[quarter - 1]} {year}")
    last_col = len(headers) - 1
    sheet.merge_range(0, 0, 0, last_col, "LAPORAN PELAKSANAAN RAN PE", title)
    sheet.merge_range(1, 0, 1, last_col, f"{WORKING_GROUPS[pillar]} (PILAR {pillar})", title)
    sheet.write(2, 0, f"Tahun {year}, Triwulan {ROMAN[quarter - 1]}", bold)
    header_row = 4
    sheet.write_row(header_row, 0, headers, head)
    quarter_text = rng.choice((f"TW {ROMAN[quarter - 1]}", f"Triwulan {ROMAN[quarter - 1]}", quarter))
    pillar_text = rng.choice((f"Pilar {pillar}", pillar, ROMAN[pillar - 1]))
    line = header_row + 1
    labels: dict[str, str] = {}
    total_target = 0.0
    for number, row in enumerate(rows, start=1):
        agency = labels.setdefault(row["agency"], _agency_label(row["agency"], year, quarter, names, rng))
        committed = "Ya" if row["committed"] else "Tidak"
        values = [
            number,
            year,
            quarter_text,
            agency,
            pillar_text,
            row["action_code"],
            row["action"],
            _province_label(row["province"], rng),
            committed if variant == 0 else committed.upper(),
            STATUS_TEXT.get(row["status"], ""),
            row["target"],
            row["realization"],
            row["output"],
            row["obstacles"],
            row["follow_up"],
            row["notes"],
        ]
        sheet.write_row(line, 0, [v if v is not None else "" for v in values])
        total_target += row["target"] or 0
        line += 1
    sheet.write(line, 0, "Jumlah", bold)
    sheet.write(line, 10, total_target, bold)
    sheet.freeze_panes(header_row + 1, 0)
    if variant == 1:
        notes = book.add_worksheet("Petunjuk")
        notes.write(0, 0, "Isi laporan sesuai matriks aksi RAN PE. Kolom Komitmen diisi Ya/Tidak.")
        lists = book.add_worksheet("ref")
        lists.write_column(0, 0, ["Ya", "Tidak"])
        lists.hide()
    book.close()
    return buffer.getvalue()


def _agency_csv(rows: list[dict], rng: random.Random) -> bytes:
    """A K/L's own quarterly .csv: semicolon separated, Indonesian numbers, no year/quarter/agency columns."""

    def number(value: float | None, force_decimals: bool) -> str:
        if value is None:
            return ""
        text = _id_number(value)
        return text + ",00" if force_decimals and "," not in text else text

    def lines(force_decimals: bool) -> list[list[str]]:
        out = [list(CSV_HEADER)]
        for row in rows:
            out.append(
                [
                    str(row["pillar"]),
                    row["action_code"],
                    row["action"],
                    _province_label(row["province"], rng),
                    "Ya" if row["committed"] else "Tidak",
                    STATUS_TEXT.get(row["status"], ""),
                    number(row["target"], force_decimals),
                    number(row["realization"], force_decimals),
                    row["output"],
                    row["obstacles"],
                    row["follow_up"],
                    row["notes"],
                ]
            )
        return out

    table = lines(False)
    styles = {number_style(cell) for line in table[1:] for cell in line[6:8] if cell}
    if "either" in styles and "id" not in styles:
        table = lines(True)
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(table)
    return buffer.getvalue().encode(rng.choice(("utf-8", "utf-8-sig", "cp1252")))


def _received(year: int, quarter: int, rng: random.Random, late_share: float) -> datetime:
    """When a quarter's report arrived: mostly within 15 days of the quarter's end, sometimes late."""
    end = datetime(year, 3 * quarter, 1) + timedelta(days=31)
    end = end.replace(day=1) - timedelta(days=1)
    days = rng.randint(20, 45) if rng.random() < late_share else rng.randint(3, 15)
    return end + timedelta(days=days, hours=rng.randint(8, 16), minutes=rng.randint(0, 59))


def generate_files(names: dict[str, str]) -> list[DemoFile]:
    """Every demo file, in the order it was received; names maps agency codes to short names."""
    rng = random.Random(SEED)
    files: list[DemoFile] = []
    year_actions = _year_actions(rng)
    for year in YEARS:
        parts = _plan_year(year, year_actions[year], rng)
        for quarter in QUARTERS:
            reported = [p for p in parts if (year, quarter, p.agency) not in MISSED_REPORTS]
            for pillar in (1, 2, 3):
                rows = [
                    r
                    for p in reported
                    if p.action.pillar == pillar and p.agency not in OWN_FILE_AGENCIES
                    for r in _quarter_rows(p, quarter)
                ]
                rows.sort(key=lambda r: (list(AGENCY_PILLARS).index(r["agency"]), r["action_code"]))
                layout = {
                    "year": year,
                    "quarter": quarter,
                    "pillar": pillar,
                    "names": names,
                    "variant": (year + pillar) % 2,
                }
                name = f"Laporan RAN PE Pilar {pillar} TW {ROMAN[quarter - 1]} {year}.xlsx"
                received = _received(year, quarter, rng, 0.1)
                if (year, quarter, pillar) == (2022, 4, 2):
                    wrong = [
                        dict(r, realization=r["realization"] * 10 if r["realization"] else r["realization"])
                        for r in rows
                    ]
                    files.append(
                        DemoFile(name, _pokja_workbook(wrong, random.Random(SEED + 1), **layout), received, year)
                    )
                    name = name.replace(".xlsx", " (perbaikan).xlsx")
                    received += timedelta(days=9)
                files.append(DemoFile(name, _pokja_workbook(rows, rng, **layout), received, year))
            for agency in OWN_FILE_AGENCIES:
                rows = [r for p in reported if p.agency == agency for r in _quarter_rows(p, quarter)]
                if not rows:
                    continue
                rows.sort(key=lambda r: (r["pillar"], r["action_code"]))
                name = f"{names[agency]}_TW{quarter}_{year}.csv"
                given = {"year": year, "quarter": rng.choice((quarter, f"TW {ROMAN[quarter - 1]}")), "agency": agency}
                received = _received(year, quarter, rng, 0.15)
                if (year, quarter, agency) == (2024, 2, "KEMENAG"):
                    wrong = [dict(rows[0], target=(rows[0]["target"] or 0) + 100), *rows[1:]]
                    files.append(DemoFile(name, _agency_csv(wrong, random.Random(SEED + 2)), received, year, given))
                    name = name.replace(".csv", "_revisi.csv")
                    received += timedelta(days=5)
                files.append(DemoFile(name, _agency_csv(rows, rng), received, year, given))
    files.sort(key=lambda f: f.uploaded_at)
    return files


def illustrative_files(names: dict[str, str]) -> list[DemoFile]:
    """The demo's 2026 reports: one .csv per K/L and quarter (Tema header, themes by number, name or alias)."""
    rng = random.Random(SEED + ILLUSTRATIVE_YEAR)
    parts = []
    for agency, themes in ILLUSTRATIVE_AGENCIES.items():
        for theme in themes:
            for index in range(1, rng.randint(2, 4) + 1):
                unit = rng.choice(UNITS)
                parts.append(
                    {
                        "agency": agency,
                        "theme": theme,
                        "code": f"{theme}.{rng.randint(1, 3)}.{index}",
                        "committed": rng.random() < 0.78,
                        "province": rng.choice((None, *FOCUS_PROVINCES)),
                        "target": float(rng.randint(unit[1], unit[2])),
                        "progress": rng.uniform(0.1, 0.35),
                        "obstacle": rng.choice(OBSTACLES) if rng.random() < 0.3 else None,
                    }
                )
    files = []
    for quarter in ILLUSTRATIVE_QUARTERS:
        for agency in ILLUSTRATIVE_AGENCIES:
            if (agency, quarter) == ("BSSN", 3):
                continue  # a report not yet in
            buffer = io.StringIO()
            writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
            writer.writerow(ILLUSTRATIVE_HEADER)
            seen = set()
            for part in (p for p in parts if p["agency"] == agency):
                key = (part["code"], part["province"])
                if key in seen:
                    continue
                seen.add(key)
                theme = part["theme"]
                spelled = rng.choice((str(theme), f"Tema {theme}", ILLUSTRATIVE_THEMES[theme - 1][1]))
                done = min(1.0, part["progress"] * quarter)
                writer.writerow(
                    (
                        ILLUSTRATIVE_YEAR,
                        f"TW {ROMAN[quarter - 1]}",
                        names.get(agency, agency),
                        spelled,
                        part["code"],
                        f"Aksi ilustratif {part['code']} ({ILLUSTRATIVE_THEMES[theme - 1][1].lower()})",
                        "Nasional" if part["province"] is None else part["province"],
                        "Ya" if part["committed"] else "Tidak",
                        ("Dalam proses" if done < 1 else "Selesai") if part["committed"] else "Belum dimulai",
                        str(int(part["target"])) if part["committed"] else "",
                        str(round(part["target"] * done)) if part["committed"] else "",
                        part["obstacle"][0] if part["obstacle"] and quarter >= 2 else "",
                        part["obstacle"][1] if part["obstacle"] and quarter >= 3 else "",
                    )
                )
            name = f"{names.get(agency, agency)}_Tema_TW{quarter}_{ILLUSTRATIVE_YEAR}.csv"
            received = _received(ILLUSTRATIVE_YEAR, quarter, rng, 0.1)
            files.append(DemoFile(name, buffer.getvalue().encode("utf-8"), received, ILLUSTRATIVE_YEAR))
    return files


def catalogue_rows(period, basis: list[dict], names: dict[str, str]) -> list[tuple]:
    """One row per action: the lead is the K/L committing it in most years (then reporting it in most years, then
    most rows), the others reporting it support."""
    by_action: dict[str, dict] = {}
    for row in basis:
        action = by_action.setdefault(
            row["action_code"], {"pillar": row["pillar"], "text": row["action"], "agencies": {}, "years": set()}
        )
        committed, years, rows = action["agencies"].get(row["agency_code"], (0, 0, 0))
        action["agencies"][row["agency_code"]] = (committed + row["committed"], years + 1, rows + row["row_count"])
        action["years"].add(row["year"])
    data_years = sorted({row["year"] for row in basis})
    # A few actions of each year left without a report: reported in another year, planned for this one too.
    for year in data_years:
        missing = sorted(code for code, a in by_action.items() if year not in a["years"])
        for code in missing[:UNREPORTED_PER_YEAR]:
            by_action[code].setdefault("unreported", set()).add(year)
    out = []
    for code in sorted(by_action, key=_code_key):
        action = by_action[code]
        ranked = sorted(action["agencies"].items(), key=lambda item: (*(-n for n in item[1]), item[0]))
        lead, others = ranked[0][0], sorted(a for a, _ in ranked[1:])
        years = sorted(action["years"] | action.get("unreported", set()))
        out.append(
            (
                code,
                action["text"] or f"Aksi {code}",
                action["pillar"],
                names.get(lead, lead),
                "; ".join(names.get(a, a) for a in others),
                _years_text(years),
            )
        )
    # A period with no catalogue size of its own (a later one): a few actions planned but not reported yet.
    if period.code not in CATALOGUE_SIZE:
        firsts = {}
        for row in out:
            firsts.setdefault(row[2], row)
        for pillar, first in sorted(firsts.items())[:UNREPORTED_PER_YEAR]:
            text = f"Aksi ilustratif {pillar}.9.1 (belum dilaporkan)"
            out.append((f"{pillar}.9.1", text, pillar, first[3], "", ""))
    # The actions of 2020 only, up to the period's count per pillar.
    for pillar, size in CATALOGUE_SIZE.get(period.code, {}).items():
        areas = FOCUS_AREAS[pillar]
        have = sum(1 for a in by_action.values() if a["pillar"] == pillar)
        for index in range(size - have):
            area, area_name, _, texts = areas[index % len(areas)]
            number = len(texts) + 1 + index // len(areas)
            lead = next(code for code, pillars in AGENCY_PILLARS.items() if pillar in pillars)
            text = f"{texts[index % len(texts)]} (tahap awal, {area_name.lower()})"
            out.append((f"{pillar}.{area}.{number}", text, pillar, names.get(lead, lead), "", str(period.first_year)))
    return out


def _code_key(code: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in code.split("."))


def _years_text(years: list[int]) -> str:
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 1:
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


def crosswalk_rows(before: str, old: list[str], after: str, new: list[str]) -> list[tuple]:
    """An illustrative crosswalk: the first of the new actions continue old ones (same), then one old action is
    split in two and two are merged into one, the remaining new actions are new, and a few old ones end."""
    rows: list[tuple] = [("from_period", "from_code", "to_period", "to_code", "relation")]
    same = min(len(new) // 2, len(old))
    rows += [(before, old[i], after, new[i], "same") for i in range(same)]
    rest_old, rest_new = old[same:], new[same:]
    if len(rest_new) >= 3 and len(rest_old) >= 3:
        rows += [(before, rest_old[0], after, rest_new[0], "split"), (before, rest_old[0], after, rest_new[1], "split")]
        rows += [
            (before, rest_old[1], after, rest_new[2], "merged"),
            (before, rest_old[2], after, rest_new[2], "merged"),
        ]
        rest_old, rest_new = rest_old[3:], rest_new[3:]
    rows += [(before, "", after, code, "new") for code in rest_new]
    rows += [(before, code, after, "", "ended") for code in rest_old[:5]]
    return rows


def semicolon_csv(rows: list[tuple]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")
