"""A corpus of hostile and broken upload files, generated at run time (nothing binary is committed).

Each refused case names the problem key the analyst must be told; each accepted variant names what must
be stored. Builders are functions so that a test only pays for the files it uses.
"""

from __future__ import annotations

import io
import os
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.conftest import csv_bytes, xlsx_bytes

HEADER = [
    "No",
    "Tahun",
    "Triwulan",
    "Kementerian/Lembaga",
    "Pilar",
    "Kode Aksi",
    "Aksi",
    "Provinsi",
    "Komitmen",
    "Target",
    "Realisasi",
    "Hambatan",
]
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def data_row(number: int, **changes: object) -> list[object]:
    """One valid submission row (BNPT, 2023 TW III, pillar 1, action 1.1.<number>, West Java)."""
    row = dict(
        zip(
            HEADER,
            [number, 2023, "TW III", "BNPT", 1, f"1.1.{number}", f"Aksi {number}", "Jawa Barat", "Ya", 100, 50, ""],
            strict=True,
        )
    )
    for key, value in changes.items():  # Kementerian_Lembaga=... names the "Kementerian/Lembaga" column
        [name] = [h for h in HEADER if h.replace("/", "_").replace(" ", "_") == key]
        row[name] = value
    return list(row.values())


def valid_rows(count: int = 3) -> list[list[object]]:
    return [HEADER] + [data_row(n) for n in range(1, count + 1)]


def valid_xlsx(count: int = 3) -> bytes:
    return xlsx_bytes({"Laporan": valid_rows(count)})


def rewrite_zip(
    data: bytes, change: Callable[[str, bytes], bytes | None], add: dict[str, bytes] | None = None
) -> bytes:
    """A copy of a zip archive with each member passed through change (None drops it), plus added members."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = change(member.filename, source.read(member.filename))
            if content is not None:
                target.writestr(member.filename, content)
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def with_sheet_xml(data: bytes, edit: Callable[[str], str]) -> bytes:
    """The workbook with its first sheet's XML edited as text."""
    return rewrite_zip(data, lambda name, b: edit(b.decode()).encode() if name == "xl/worksheets/sheet1.xml" else b)


def minimal_xlsx(sheet_xml_chunks: Callable[[], object], sheet_name: str = "Data") -> bytes:
    """A workbook written member by member, its sheet XML streamed from chunks (for huge or forged sheets)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
            'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"'
            '/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{SHEET_NS}" xmlns:r="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="'
            + sheet_name
            + '" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for chunk in sheet_xml_chunks():
                sheet.write(chunk if isinstance(chunk, bytes) else str(chunk).encode())
    return out.getvalue()


def _cell(ref: str, value: object) -> str:
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def sheet_rows_xml(rows: list[list[object]], start: int = 1) -> str:
    letters = "ABCDEFGHIJKLMNOP"
    return "".join(
        f'<row r="{start + i}">' + "".join(_cell(f"{letters[j]}{start + i}", v) for j, v in enumerate(row)) + "</row>"
        for i, row in enumerate(rows)
    )


def sheet_head(dimension: str | None) -> str:
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{SHEET_NS}">{declared}<sheetData>'


SHEET_TAIL = "</sheetData></worksheet>"


def many_rows_xlsx(rows: int, dimension: str | None) -> bytes:
    """A sheet of `rows` valid data rows under a header, streamed; its <dimension> as given (or none)."""

    def chunks():
        yield sheet_head(dimension)
        yield sheet_rows_xml([HEADER])
        batch = []
        for number in range(1, rows + 1):
            batch.append(
                f'<row r="{number + 1}"><c r="B{number + 1}"><v>2023</v></c><c r="C{number + 1}"><v>3</v></c>'
                f'<c r="D{number + 1}" t="inlineStr"><is><t>BNPT</t></is></c><c r="E{number + 1}"><v>1</v></c>'
                f'<c r="F{number + 1}" t="inlineStr"><is><t>1.{number}</t></is></c>'
                f'<c r="I{number + 1}" t="inlineStr"><is><t>Ya</t></is></c></row>'
            )
            if len(batch) == 10_000:
                yield "".join(batch)
                batch = []
        yield "".join(batch)
        yield SHEET_TAIL

    return minimal_xlsx(chunks)


def zip_bomb_xlsx(unpacked_mb: int) -> bytes:
    """A small workbook whose sheet XML unpacks to unpacked_mb MB of blanks inside <sheetData>."""
    blank_mb = b" " * (1024 * 1024)

    def chunks():
        yield sheet_head("A1:L2") + sheet_rows_xml(valid_rows(1))
        for _ in range(unpacked_mb):
            yield blank_mb
        yield SHEET_TAIL

    return minimal_xlsx(chunks)


def forged_size_xlsx() -> bytes:
    """A workbook whose sheet member declares 100 KB in the zip headers but unpacks to 3 MB."""
    data = zip_bomb_xlsx(3)
    member = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/worksheets/sheet1.xml")
    real_sizes = (member.file_size.to_bytes(8, "little"), member.file_size.to_bytes(4, "little"))
    forged_sizes = ((100_000).to_bytes(8, "little"), (100_000).to_bytes(4, "little"))
    for real, forged in zip(real_sizes, forged_sizes, strict=True):
        data = data.replace(real, forged)
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/worksheets/sheet1.xml").file_size == 100_000
    return data


def _dtd_in(member: str, dtd: str, use: str = "", pad: str = "") -> Callable[[], bytes]:
    def build() -> bytes:
        def change(name: str, content: bytes) -> bytes:
            if name != member:
                return content
            text = content.decode()
            if use:
                text = text.replace("<t>BNPT</t>", f"<t>{use}</t>", 1)
            if text.startswith("<?xml"):
                declaration, rest = text.split("?>", 1)
                return f"{declaration}?>{pad}{dtd}{rest}".encode()
            return f'<?xml version="1.0" encoding="UTF-8"?>{pad}{dtd}{text}'.encode()

        return rewrite_zip(valid_xlsx(), change)

    return build


BILLION_LAUGHS = (
    '<!DOCTYPE worksheet [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + "]>"
)
EXTERNAL_ENTITY = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
EXTERNAL_DTD = '<!DOCTYPE worksheet SYSTEM "http://127.0.0.1:9/evil.dtd">'


def _formula_without_value() -> bytes:
    def edit(xml: str) -> str:
        # Row 3 (action 1.1.2), column J (Target): a formula whose result Excel never stored.
        return xml.replace('<c r="J3" t="n"><v>100</v></c>', '<c r="J3"><f>SUM(K3:K9)</f></c>', 1).replace(
            '<c r="J3"><v>100</v></c>', '<c r="J3"><f>SUM(K3:K9)</f></c>', 1
        )

    return with_sheet_xml(valid_xlsx(), edit)


def _formula_with_value() -> bytes:
    def edit(xml: str) -> str:
        return xml.replace('<c r="J3" t="n"><v>100</v></c>', '<c r="J3"><f>40+60</f><v>100</v></c>', 1).replace(
            '<c r="J3"><v>100</v></c>', '<c r="J3"><f>40+60</f><v>100</v></c>', 1
        )

    return with_sheet_xml(valid_xlsx(), edit)


def _merged_header() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Laporan"
    sheet.append(["LAPORAN PELAKSANAAN RAN PE TRIWULAN III 2023"])
    sheet.merge_cells("A1:L1")
    sheet.append(["Kementerian/Lembaga: BNPT"])
    sheet.merge_cells("A2:L2")
    sheet.append(HEADER)
    sheet.append([None] * len(HEADER))
    for column in "ABCDEFGHIJKL":  # each header cell spans rows 3 and 4, as two-line headers do
        sheet.merge_cells(f"{column}3:{column}4")
    for number in (1, 2):
        sheet.append(data_row(number))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _dated(year_cell: object, count: int = 1) -> bytes:
    return xlsx_bytes({"Laporan": [HEADER] + [data_row(n, Tahun=year_cell) for n in range(1, count + 1)]})


def _bad_rows(count: int) -> bytes:
    return xlsx_bytes({"Laporan": [HEADER] + [data_row(n, Komitmen="mungkin") for n in range(1, count + 1)]})


def _csv_lines(rows: int) -> bytes:
    head = ";".join(HEADER).encode() + b"\r\n"
    line = b"1;2023;3;BNPT;1;1.1;Aksi;;Ya;1;1;\r\n"
    return head + line * rows


def _ole_document() -> bytes:
    rnd = random.Random(5)
    return OLE_MAGIC + bytes(rnd.randrange(256) for _ in range(4096))


def _pdf() -> bytes:
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + b"x" * 2000 + b"\n%%EOF\n"


def _scrambled(data: bytes, start: int, end: int) -> bytes:
    """The bytes with a stretch flipped (damaged compressed data, the zip directory intact)."""
    return data[:start] + bytes(b ^ 0x5A for b in data[start:end]) + data[end:]


def _random_bytes(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


@dataclass(frozen=True)
class Case:
    """One hostile or broken file and the problem key the analyst must be told."""

    name: str
    file_name: str
    build: Callable[[], bytes]
    refused_with: str
    limits: dict[str, int] = field(default_factory=dict)
    given: dict[str, object] = field(default_factory=dict)


REFUSED: list[Case] = [
    # XML entity tricks: any DTD is refused before a parser sees it.
    Case(
        "external_entity_sheet",
        "xxe.xlsx",
        _dtd_in("xl/worksheets/sheet1.xml", EXTERNAL_ENTITY, "&xxe;"),
        "problem.xml_entities",
    ),
    Case("external_dtd_workbook", "dtd.xlsx", _dtd_in("xl/workbook.xml", EXTERNAL_DTD), "problem.xml_entities"),
    Case(
        "billion_laughs_sheet",
        "laughs.xlsx",
        _dtd_in("xl/worksheets/sheet1.xml", BILLION_LAUGHS, "&lol9;"),
        "problem.xml_entities",
    ),
    Case(
        "billion_laughs_content_types",
        "laughs2.xlsx",
        _dtd_in("[Content_Types].xml", BILLION_LAUGHS),
        "problem.xml_entities",
    ),
    Case("entity_in_rels", "rels.xlsx", _dtd_in("xl/_rels/workbook.xml.rels", EXTERNAL_ENTITY), "problem.xml_entities"),
    Case(
        "dtd_after_long_comment",
        "padded.xlsx",
        _dtd_in("xl/worksheets/sheet1.xml", EXTERNAL_ENTITY, "&xxe;", "<!--" + "x" * 20_000 + "-->"),
        "problem.xml_entities",
    ),
    Case(
        "lowercase_doctype",
        "lower.xlsx",
        _dtd_in("xl/worksheets/sheet1.xml", '<!doctype worksheet [<!ENTITY e "E">]>', "&e;"),
        "problem.xml_entities",
    ),
    # Zip bombs and lies about sizes, refused from the zip directory before parsing.
    Case("zip_bomb_250mb", "bomb.xlsx", lambda: zip_bomb_xlsx(250), "problem.zip_bomb"),
    Case(
        "unpacked_over_limit",
        "big_unpacked.xlsx",
        lambda: zip_bomb_xlsx(3),
        "problem.too_big_unpacked",
        limits={"MAX_UNPACKED_BYTES": 1024 * 1024},
    ),
    Case("forged_member_size", "forged.xlsx", forged_size_xlsx, "problem.unreadable"),
    # Macros and content that is not what its name says.
    Case("xlsm_extension", "laporan.xlsm", valid_xlsx, "problem.macro"),
    Case(
        "vba_project_renamed",
        "macro.xlsx",
        lambda: rewrite_zip(valid_xlsx(), lambda n, b: b, {"xl/vbaProject.bin": OLE_MAGIC + b"\x00" * 512}),
        "problem.macro",
    ),
    Case(
        "macro_content_type",
        "macro2.xlsx",
        lambda: rewrite_zip(
            valid_xlsx(),
            lambda n, b: (
                b.replace(b"sheet.main+xml", b"sheet.macroEnabled.main+xml") if n == "[Content_Types].xml" else b
            ),
        ),
        "problem.macro",
    ),
    Case("ole_xls_renamed_xlsx", "lama.xlsx", _ole_document, "problem.not_xlsx"),
    Case("ole_xls_renamed_csv", "lama.csv", _ole_document, "problem.not_csv"),
    Case("pdf_renamed_xlsx", "laporan.xlsx", _pdf, "problem.not_xlsx"),
    Case("pdf_renamed_csv", "laporan.csv", _pdf, "problem.not_csv"),
    Case("xlsx_renamed_csv", "laporan.csv", valid_xlsx, "problem.not_csv"),
    Case("csv_renamed_xlsx", "laporan.xlsx", lambda: csv_bytes(valid_rows()), "problem.not_xlsx"),
    Case(
        "other_zip_renamed_xlsx",
        "arsip.xlsx",
        lambda: rewrite_zip(
            valid_xlsx(), lambda n, b: None if n.startswith("xl/") else b, {"word/document.xml": b"<w:document/>"}
        ),
        "problem.not_xlsx",
    ),
    Case("old_xls_extension", "laporan.xls", _ole_document, "problem.bad_extension"),
    Case("exe_extension", "laporan.exe", lambda: b"MZ" + b"\x00" * 100, "problem.bad_extension"),
    # Broken files.
    Case("truncated_xlsx_half", "potong.xlsx", lambda: valid_xlsx()[: len(valid_xlsx()) // 2], "problem.not_xlsx"),
    Case("truncated_xlsx_tail", "potong2.xlsx", lambda: valid_xlsx()[:-30], "problem.not_xlsx"),
    Case(
        "corrupted_member_data",
        "rusak.xlsx",
        lambda: _scrambled(valid_xlsx(), 200, 900),
        "problem.unreadable",
    ),
    Case("random_bytes_xlsx", "acak.xlsx", lambda: _random_bytes(5000, 1), "problem.not_xlsx"),
    Case("random_bytes_csv", "acak.csv", lambda: _random_bytes(5000, 2), "problem.not_csv"),
    Case("zip_magic_then_garbage", "palsu.xlsx", lambda: b"PK\x03\x04" + _random_bytes(3000, 3), "problem.not_xlsx"),
    Case("empty_xlsx", "kosong.xlsx", lambda: b"", "problem.empty_file"),
    Case("empty_csv", "kosong.csv", lambda: b"", "problem.empty_file"),
    Case("blank_csv", "spasi.csv", lambda: b"  \r\n\r\n \t\r\n", "problem.empty_file"),
    Case(
        "csv_with_nul_bytes",
        "nul.csv",
        lambda: csv_bytes(valid_rows()).replace(b"Aksi 1", b"Aksi\x00\x001"),
        "problem.not_csv",
    ),
    Case(
        "csv_undecodable",
        "kode.csv",
        lambda: csv_bytes(valid_rows()).replace(b"Aksi 1", b"Aksi \x81\x8d\x8f 1"),
        "problem.encoding",
    ),
    Case(
        "csv_huge_field",
        "panjang.csv",
        lambda: csv_bytes(valid_rows()) + b'"' + b"x" * 200_000 + b'"\r\n',
        "problem.unreadable",
    ),
    # Structure.
    Case("header_no_rows_xlsx", "judul.xlsx", lambda: xlsx_bytes({"Laporan": [HEADER]}), "problem.no_rows"),
    Case("header_no_rows_csv", "judul.csv", lambda: csv_bytes([HEADER, [], []]), "problem.no_rows"),
    Case("no_header_at_all", "teks.csv", lambda: csv_bytes([["halo", "dunia"], ["apa", "kabar"]]), "problem.no_header"),
    Case(
        "only_hidden_sheet_has_data",
        "sembunyi.xlsx",
        lambda: xlsx_bytes({"Petunjuk": [["Isi lembar Data"]], "Data": valid_rows()}, hidden=("Data",)),
        "problem.no_header",
    ),
    Case("formula_without_value", "rumus.xlsx", _formula_without_value, "problem.formula_no_value"),
    Case("year_serial_out_of_range", "serial.xlsx", lambda: _dated(12), "problem.invalid"),
    Case(
        "year_date_out_of_range",
        "tanggal.xlsx",
        lambda: _dated(__import__("datetime").date(1999, 5, 1)),
        "problem.invalid",
    ),
    Case(
        "number_ambiguous",
        "angka.xlsx",
        lambda: xlsx_bytes({"L": [HEADER, data_row(1, Target="1.234"), data_row(2, Target="2.500")]}),
        "problem.invalid",
    ),
    Case(
        "number_styles_mixed_with_ambiguous",
        "campur.xlsx",
        lambda: xlsx_bytes(
            {"L": [HEADER, data_row(1, Target="1.234,5"), data_row(2, Target="1,234.5"), data_row(3, Target="2.500")]}
        ),
        "problem.invalid",
    ),
    Case(
        "duplicate_key_conflict",
        "ganda.xlsx",
        lambda: xlsx_bytes({"Laporan": [HEADER, data_row(1), data_row(2), data_row(1, Komitmen="Tidak")]}),
        "problem.duplicate_key",
    ),
    Case("contradicts_given_year", "beda.xlsx", valid_xlsx, "problem.contradicts_given", given={"year": 2024}),
    # Limits.
    Case(
        "over_size_limit",
        "besar.csv",
        lambda: csv_bytes([HEADER] + [data_row(n) for n in range(1, 25_000)]),
        "problem.too_big",
        limits={"MAX_UPLOAD_BYTES": 1024 * 1024},
    ),
    Case("declared_rows_over_limit", "dimensi.xlsx", lambda: many_rows_xlsx(5, "A1:L1000001"), "problem.too_many_rows"),
    Case(
        "undeclared_rows_over_limit",
        "tanpa_dimensi.xlsx",
        lambda: many_rows_xlsx(2_000, None),
        "problem.too_many_rows",
        limits={"MAX_ROWS": 1_000},
    ),
    Case(
        "lying_dimension_over_limit",
        "dimensi_bohong.xlsx",
        lambda: many_rows_xlsx(2_000, "A1:L2"),
        "problem.too_many_rows",
        limits={"MAX_ROWS": 1_000},
    ),
    Case(
        "csv_lines_over_limit",
        "baris.csv",
        lambda: _csv_lines(2_000),
        "problem.too_many_rows",
        limits={"MAX_ROWS": 1_000},
    ),
    Case("bad_rows_300", "salah300.xlsx", lambda: _bad_rows(300), "problem.invalid"),
    Case("bad_rows_over_cap", "salah1500.xlsx", lambda: _bad_rows(1_500), "problem.too_many_errors"),
]


@dataclass(frozen=True)
class Accepted:
    """An accepted variant and what must be stored from it: {action_code: {column: value}}."""

    name: str
    file_name: str
    build: Callable[[], bytes]
    expect: dict[str, dict[str, object]]
    warnings: tuple[str, ...] = ()


def _csv_variant(encoding: str, delimiter: str) -> bytes:
    rows = [
        HEADER,
        data_row(1, Aksi="Sosialisasi café – “moderasi”", Target="1.234,5"),
        data_row(2, Aksi="Dialog lintas iman", Target="2.000"),
    ]
    return csv_bytes(rows, delimiter=delimiter, encoding=encoding)


ACCEPTED: list[Accepted] = [
    Accepted(
        "utf8_bom_semicolon",
        "bom.csv",
        lambda: _csv_variant("utf-8-sig", ";"),
        {"1.1.1": {"action": "Sosialisasi café – “moderasi”", "target": 1234.5}, "1.1.2": {"target": 2000.0}},
    ),
    Accepted(
        "windows_1252_semicolon",
        "win.csv",
        lambda: _csv_variant("cp1252", ";"),
        {"1.1.1": {"action": "Sosialisasi café – “moderasi”", "target": 1234.5}, "1.1.2": {"target": 2000.0}},
    ),
    Accepted(
        "utf8_comma",
        "koma.csv",
        lambda: csv_bytes([HEADER, data_row(1, Target="1,234.5"), data_row(2, Target="2,000")]),
        {"1.1.1": {"target": 1234.5}, "1.1.2": {"target": 2000.0}},
    ),
    Accepted(
        "indonesian_thousands",
        "ribuan.xlsx",
        lambda: xlsx_bytes({"L": [HEADER, data_row(1, Target="1.234"), data_row(2, Target="15.750,25")]}),
        {"1.1.1": {"target": 1234.0}, "1.1.2": {"target": 15750.25}},
    ),
    Accepted(
        "english_style",
        "inggris.xlsx",
        lambda: xlsx_bytes({"L": [HEADER, data_row(1, Target="1,234.5"), data_row(2, Target="1,234")]}),
        {"1.1.1": {"target": 1234.5}, "1.1.2": {"target": 1234.0}},
    ),
    Accepted(
        "hidden_sheet_not_read",
        "tersembunyi.xlsx",
        lambda: xlsx_bytes(
            {"Laporan": valid_rows(2), "Daftar": [HEADER, data_row(9, Komitmen="mungkin")]}, hidden=("Daftar",)
        ),
        {"1.1.1": {"committed": True}, "1.1.2": {"committed": True}},
    ),
    Accepted(
        "merged_title_and_header",
        "gabung.xlsx",
        _merged_header,
        {"1.1.1": {"committed": True, "source_row": 5}, "1.1.2": {"source_row": 6}},
    ),
    Accepted(
        "number_styles_both_unambiguous",
        "dua_gaya.xlsx",
        lambda: xlsx_bytes({"L": [HEADER, data_row(1, Target="1.234,5"), data_row(2, Target="1,234.5")]}),
        {"1.1.1": {"target": 1234.5}, "1.1.2": {"target": 1234.5}},
    ),
    Accepted("formula_with_stored_value", "rumus_ok.xlsx", _formula_with_value, {"1.1.2": {"target": 100.0}}),
    Accepted(
        "year_as_date",
        "tanggal_ok.xlsx",
        lambda: _dated(__import__("datetime").date(2023, 7, 1)),
        {"1.1.1": {"year": 2023}},
    ),
    Accepted("year_as_date_serial", "serial_ok.xlsx", lambda: _dated(45108), {"1.1.1": {"year": 2023}}),
    Accepted(
        "identical_duplicate",
        "kembar.xlsx",
        lambda: xlsx_bytes({"Laporan": [HEADER, data_row(1), data_row(2), data_row(1)]}),
        {"1.1.1": {"committed": True}, "1.1.2": {"committed": True}},
        warnings=("warning.duplicate_identical",),
    ),
]

PATH_NAMES = [
    "../../x.csv",
    "..\\..\\x.csv",
    "/etc/cron.d/x.csv",
    "C:\\Windows\\x.csv",
    "../../../tmp/evil.csv",
    "x/../../y.CSV",
]


def env_limits(limits: dict[str, int]) -> dict[str, str]:
    """The same limits as environment variables of ranpe.config, for a subprocess."""
    names = {
        "MAX_UPLOAD_BYTES": "RANPE_MAX_UPLOAD_BYTES",
        "MAX_UNPACKED_BYTES": "RANPE_MAX_UNPACKED_BYTES",
        "MAX_ROWS": "RANPE_MAX_ROWS",
    }
    return {**os.environ, **{names[k]: str(v) for k, v in limits.items()}}
