"""SQL is never built from values: no f-string, % or .format() SQL in the code, no placeholders in queries/."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ranpe.store import sql
from tests.conftest import REPO

SQL_CALLS = {"execute", "executemany", "sql", "query", "query_df", "read_sql", "read_sql_query"}


def _python_files() -> list[Path]:
    files = [p for folder in ("ranpe", "pages") for p in (REPO / folder).rglob("*.py")]
    return files + [p for p in (REPO / "app.py",) if p.exists()]


def _built_text(node: ast.expr) -> str | None:
    """Why an expression is SQL text built at run time, or None when it is a constant or a plain name."""
    if isinstance(node, ast.JoinedStr):
        return "f-string"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return "% formatting"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts = (node.left, node.right)
        if any(isinstance(p, ast.JoinedStr | ast.Name | ast.Call | ast.Attribute | ast.Subscript) for p in parts):
            return "concatenation"
        return _built_text(node.left) or _built_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "replace"):
        return f".{node.func.attr}()"
    return None


def sql_built_from_values(path: Path) -> list[str]:
    """Each call in the file that passes run-time-built text as the SQL of an execute/sql/query call."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args):
            continue
        if node.func.attr in SQL_CALLS and (why := _built_text(node.args[0])):
            found.append(f"{path.relative_to(REPO)}:{node.lineno}: SQL built with {why}")
    return found


def test_no_sql_is_built_with_fstrings_percent_or_format():
    found = [problem for path in _python_files() for problem in sql_built_from_values(path)]
    assert found == []


def test_no_query_file_holds_a_text_placeholder():
    files = sorted(sql.QUERIES_DIR.rglob("*.sql"))
    assert files
    assert [p.name for p in files if "{" in p.read_text(encoding="utf-8")] == []


@pytest.mark.parametrize(
    "source",
    [
        "cur.execute(f\"select * from uploads where file_name = '{name}'\")",
        "cur.execute(\"select * from uploads where file_name = '%s'\" % name)",
        'con.sql("select * from {}".format(table))',
        'cur.execute("select * from uploads where upload_id = " + upload_id)',
        'store.query(("delete from uploads where file_name = \'" + name) + "\'")',
    ],
)
def test_the_check_catches_sql_built_from_a_value(source, tmp_path):
    path = REPO / "tests" / "artifacts" / "sql_safety_probe.py"
    path.parent.mkdir(exist_ok=True)
    path.write_text(source + "\n", encoding="utf-8")
    try:
        assert len(sql_built_from_values(path)) == 1
    finally:
        path.unlink()


def test_bound_parameters_pass_the_check(tmp_path):
    path = REPO / "tests" / "artifacts" / "sql_safety_probe_ok.py"
    path.parent.mkdir(exist_ok=True)
    path.write_text(
        'cur.execute(sql.load("ingest/upload_by_id"), {"upload_id": upload_id})\n'
        'cur.execute("select 1 " "from uploads where upload_id = ?", [upload_id])\n',
        encoding="utf-8",
    )
    try:
        assert sql_built_from_values(path) == []
    finally:
        path.unlink()
