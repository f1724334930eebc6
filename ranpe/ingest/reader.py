"""Reads an uploaded file's bytes into sheets of cells, refusing what is not a safe spreadsheet or CSV.

Checks run before parsing, on the bytes and the zip directory: size, type by content (not by name),
macros, unpacked size and compression ratio, XML DTDs, and the row count declared by each sheet.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import python_calamine

from ranpe import config
from ranpe.ingest.problems import Problem, Refused

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"[A-Z]*\d*:?[A-Z]*(\d+)\"")
# A cell with content; a self-closed empty cell (<c r="A1" s="1"/>) is not one, nor may a match run on past it.
_FORMULA_CELL = re.compile(rb"<c\s+r=\"([A-Z]+)(\d+)\"([^>]*?)(?<!/)>(.*?)</c>", re.S)
_HAS_VALUE = re.compile(rb"<v>[^<]+</v>|<is>")
# A formula typed as text (t="str") with an empty <v></v> did store its result: the empty text (=IF(…;"";…)).
_TEXT_TYPE = re.compile(rb"\bt=\"str\"")
_EMPTY_VALUE = re.compile(rb"<v\s*/>|<v></v>")
# How much of each XML part is read to find a DTD; a real prolog takes a few dozen bytes.
PROLOG_MAX_BYTES = 64 * 1024
_PROLOG_NOISE = re.compile(rb"<!--.*?-->|<\?.*?\?>", re.S)
_ROOT_START = re.compile(rb"<[A-Za-z_]")


@dataclass
class Sheet:
    """One sheet's cells, rows[i][j] at Excel row i+1 and column j+1 (CSV: row_numbers[i] is its line)."""

    name: str
    rows: list[list[object]]
    hidden: bool = False
    row_numbers: list[int] | None = None
    # Cells holding a formula with no stored value: (Excel row, 0-based column).
    formulas_without_value: list[tuple[int, int]] = field(default_factory=list)

    def excel_row(self, index: int) -> int:
        return self.row_numbers[index] if self.row_numbers is not None else index + 1


@dataclass
class Workbook:
    kind: str  # "xlsx" | "csv"
    sheets: list[Sheet]


def read(data: bytes, file_name: str) -> Workbook:
    """The sheets of an .xlsx or .csv file; raises Refused with every reason it cannot be read."""
    suffix = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""

    def refuse(key: str, **params: object) -> Refused:
        return Refused([Problem(key, file_name, params=params)])

    if len(data) > config.MAX_UPLOAD_BYTES:
        raise refuse("problem.too_big", size=_mb(len(data)), limit=_mb(config.MAX_UPLOAD_BYTES))
    if not data.strip():
        raise refuse("problem.empty_file")
    if suffix == "xlsm":
        raise refuse("problem.macro")
    if suffix not in ("xlsx", "csv"):
        raise refuse("problem.bad_extension")
    found = _content_kind(data)
    if suffix == "xlsx":
        if found != "zip":
            raise refuse("problem.not_xlsx", found=f"found.{found}")
        try:
            return Workbook("xlsx", _read_xlsx(data, file_name))
        except (zipfile.BadZipFile, zlib.error, EOFError, UnicodeDecodeError, NotImplementedError, OSError) as exc:
            # A damaged archive found while reading its members (names, headers, compressed data).
            raise refuse("problem.unreadable", detail=f"{type(exc).__name__}: {str(exc)[:200]}") from exc
    if found != "text":
        raise refuse("problem.not_csv", found=f"found.{found}")
    return Workbook("csv", [_read_csv(data, file_name)])


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


def _content_kind(data: bytes) -> str:
    head = data[:8192]
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(b"%PDF"):
        return "pdf"
    if b"\x00" in head:
        return "binary"
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return "binary" if controls > len(head) // 100 else "text"


def _read_xlsx(data: bytes, file_name: str) -> list[Sheet]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise Refused([Problem("problem.not_xlsx", file_name, params={"found": "found.zip"})]) from exc
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names:
        raise Refused([Problem("problem.not_xlsx", file_name, params={"found": "found.zip"})])
    if any(n.lower().endswith("vbaproject.bin") for n in names) or _macro_content_type(archive):
        raise Refused([Problem("problem.macro", file_name)])
    unpacked = sum(m.file_size for m in members)
    if unpacked > config.MAX_UNPACKED_BYTES:
        raise Refused(
            [
                Problem(
                    "problem.too_big_unpacked",
                    file_name,
                    params={"size": _mb(unpacked), "limit": _mb(config.MAX_UNPACKED_BYTES)},
                )
            ]
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1024 * 1024 and ratio > config.MAX_COMPRESSION_RATIO:
            raise Refused([Problem("problem.zip_bomb", file_name, params={"ratio": int(ratio)})])
    for member in members:
        if member.filename.endswith((".xml", ".rels")):
            with archive.open(member) as handle:
                if _declares_dtd(handle.read(PROLOG_MAX_BYTES)):
                    raise Refused([Problem("problem.xml_entities", file_name)])
    sheet_xml = _sheet_parts(archive)
    # Refuse a sheet declaring too many rows before anything unpacks it.
    for name, part in sheet_xml.items():
        declared = _declared_rows(archive, part)
        if declared is not None and declared > config.MAX_ROWS:
            raise Refused(
                [
                    Problem(
                        "problem.too_many_rows",
                        file_name,
                        sheet=name,
                        params={"sheet": name, "rows": declared, "limit": config.MAX_ROWS},
                    )
                ]
            )
    # The formula scan decompresses each sheet's XML (zlib releases the GIL), so it runs beside the parse.
    with ThreadPoolExecutor(max_workers=1) as pool:
        formula_scans = {
            name: pool.submit(_formulas_without_value, archive_bytes(data), part) for name, part in sheet_xml.items()
        }
        return _parse_sheets(data, file_name, archive, sheet_xml, formula_scans)


def archive_bytes(data: bytes) -> zipfile.ZipFile:
    """A zip reader of its own over the bytes (zipfile objects are not shared across threads)."""
    return zipfile.ZipFile(io.BytesIO(data))


def _parse_sheets(
    data: bytes, file_name: str, archive: zipfile.ZipFile, sheet_xml: dict[str, str], formula_scans: dict
) -> list[Sheet]:
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # the reader's own errors have no common base class
        raise Refused([Problem("problem.unreadable", file_name, params={"detail": str(exc)[:200]})]) from exc
    sheets = []
    for meta in workbook.sheets_metadata:
        if str(meta.typ) != "SheetTypeEnum.WorkSheet":
            continue
        hidden = str(meta.visible) != "SheetVisibleEnum.Visible"
        part = sheet_xml.get(meta.name)
        if hidden:
            sheets.append(Sheet(meta.name, [], hidden=True))
            continue
        declared = _declared_rows(archive, part) if part else None
        if declared is not None and declared > config.MAX_ROWS:
            raise Refused(
                [
                    Problem(
                        "problem.too_many_rows",
                        file_name,
                        sheet=meta.name,
                        params={"sheet": meta.name, "rows": declared, "limit": config.MAX_ROWS},
                    )
                ]
            )
        try:
            rows = workbook.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
        except Exception as exc:  # the reader's own errors have no common base class
            raise Refused(
                [Problem("problem.unreadable", file_name, sheet=meta.name, params={"detail": str(exc)[:200]})]
            ) from exc
        if len(rows) > config.MAX_ROWS:
            raise Refused(
                [
                    Problem(
                        "problem.too_many_rows",
                        file_name,
                        sheet=meta.name,
                        params={"sheet": meta.name, "rows": len(rows), "limit": config.MAX_ROWS},
                    )
                ]
            )
        formulas = formula_scans[meta.name].result() if meta.name in formula_scans else []
        sheets.append(Sheet(meta.name, rows, formulas_without_value=formulas))
    return sheets


def _declares_dtd(head: bytes) -> bool:
    """Whether an XML part's start holds a DTD or entity, or a prolog too long to check (padding to hide one)."""
    upper = head.upper()
    if b"<!DOCTYPE" in upper or b"<!ENTITY" in upper:
        return True
    # A DTD may only stand in the prolog, before the root element; comments and processing instructions
    # can pad the prolog, so the root element must start within PROLOG_MAX_BYTES once they are removed.
    return _ROOT_START.search(_PROLOG_NOISE.sub(b"", head)) is None and len(head) >= PROLOG_MAX_BYTES


def _macro_content_type(archive: zipfile.ZipFile) -> bool:
    try:
        with archive.open("[Content_Types].xml") as handle:
            return b"macroEnabled" in handle.read(1024 * 1024)
    except KeyError:
        return False


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its XML part in the archive, from workbook.xml and its relationships."""
    try:
        workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return {}
    targets = {}
    for rel in re.finditer(r"<Relationship\b[^>]*>", rels):
        tag = rel.group(0)
        rid = re.search(r"\bId=\"([^\"]+)\"", tag)
        target = re.search(r"\bTarget=\"([^\"]+)\"", tag)
        if rid and target:
            path = target.group(1).lstrip("/")
            targets[rid.group(1)] = path if path.startswith("xl/") else f"xl/{path}"
    parts = {}
    for sheet in re.finditer(r"<(?:\w+:)?sheet\b[^>]*>", workbook):
        tag = sheet.group(0)
        name = re.search(r"\bname=\"([^\"]*)\"", tag)
        rid = re.search(r"\br:id=\"([^\"]+)\"|\bid=\"([^\"]+)\"", tag)
        if name and rid:
            key = rid.group(1) or rid.group(2)
            if key in targets:
                parts[_unescape(name.group(1))] = targets[key]
    return parts


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def _declared_rows(archive: zipfile.ZipFile, part: str) -> int | None:
    """The last row of the sheet's <dimension>, read from the start of its XML only."""
    try:
        with archive.open(part) as handle:
            match = _DIMENSION.search(handle.read(4096))
    except KeyError:
        return None
    return int(match.group(1)) if match else None


def _formulas_without_value(archive: zipfile.ZipFile, part: str) -> list[tuple[int, int]]:
    try:
        xml = archive.read(part)
    except KeyError:
        return []
    if b"<f" not in xml:
        return []
    found = []
    for match in _FORMULA_CELL.finditer(xml):
        attributes, inner = match.group(3), match.group(4)
        if b"<f" not in inner or _HAS_VALUE.search(inner):
            continue
        if not (_TEXT_TYPE.search(attributes) and _EMPTY_VALUE.search(inner)):
            found.append((int(match.group(2)), _column_index(match.group(1).decode())))
    return found


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def column_letter(index: int) -> str:
    """0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _decode(data: bytes, file_name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "strict")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise Refused([Problem("problem.encoding", file_name)]) from exc


def _read_csv(data: bytes, file_name: str) -> Sheet:
    try:
        text = _decode(data, file_name)
    except UnicodeDecodeError as exc:
        raise Refused([Problem("problem.encoding", file_name)]) from exc
    line_count = text.count("\n") + 1
    if line_count > config.MAX_ROWS + 25:
        raise Refused(
            [
                Problem(
                    "problem.too_many_rows",
                    file_name,
                    params={"sheet": "CSV", "rows": line_count, "limit": config.MAX_ROWS},
                )
            ]
        )
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[object]] = []
    starts: list[int] = []
    previous_end = 0
    try:
        for record in reader:
            starts.append(previous_end + 1)
            previous_end = reader.line_num
            rows.append(record)
    except csv.Error as exc:
        raise Refused(
            [Problem("problem.unreadable", file_name, row=previous_end + 1, params={"detail": str(exc)})]
        ) from exc
    width = max((len(r) for r in rows), default=0)
    for record in rows:
        record.extend([""] * (width - len(record)))
    return Sheet("CSV", rows, row_numbers=starts)


def _delimiter(text: str) -> str:
    """The separator that splits the first lines into the most consistent columns: ; , or tab."""
    head = text[:20000].splitlines()[:25]
    best, best_score = ",", -1
    for candidate in (";", ",", "\t"):
        counts = [len(r) for r in csv.reader(head, delimiter=candidate) if any(c.strip() for c in r)]
        if not counts:
            continue
        score = max(counts) * sum(1 for c in counts if c == max(counts))
        if score > best_score:
            best, best_score = candidate, score
    return best
