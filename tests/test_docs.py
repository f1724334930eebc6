"""The docs cannot go stale: the CLI page, environment variables, the app's pages, the contract's headers, the site
build and the README's links are checked against the code."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ranpe.i18n import t
from ranpe.ingest.contract import HEADERS

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
README = REPO / "README.md"
README_MAX_LINES = 200
GUIDES = {"id": DOCS / "panduan.md", "en": DOCS / "guide.md"}

# Where the code reads its configuration: the app, its engine, its scripts, its systemd units, and the tests'
# helpers (their variables are documented in docs/development.md).
ENV_SOURCES = ("ranpe", "app.py", "pages", "scripts", "deploy", "tests")
# A read in Python: os.environ.get("X"), os.getenv("X"), os.environ["X"] not being assigned, environ.setdefault.
PYTHON_READ = re.compile(
    r"""(?:environ\.get|getenv|environ\.setdefault)\(\s*["'](RANPE_\w+)["']"""
    r"""|environ\[\s*["'](RANPE_\w+)["']\s*\](?!\s*=[^=])"""
)
# A read in a shell script or a systemd unit: $X or ${X...}, outside comments.
SHELL_READ = re.compile(r"\$\{?(RANPE_\w+)")


def env_reads() -> dict[str, set[str]]:
    """Each RANPE_* variable the code reads, with the files that read it."""
    reads: dict[str, set[str]] = {}
    for source in ENV_SOURCES:
        root = REPO / source
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            if path.suffix == ".py":
                names = {a or b for a, b in PYTHON_READ.findall(path.read_text(encoding="utf-8"))}
            elif path.suffix in (".sh", ".service"):
                lines = path.read_text(encoding="utf-8").splitlines()
                names = {n for line in lines if not line.lstrip().startswith("#") for n in SHELL_READ.findall(line)}
            else:
                continue
            for name in names:
                reads.setdefault(name, set()).add(str(path.relative_to(REPO)))
    return reads


def docs_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(DOCS.rglob("*.md")))


def test_cli_page_is_generated_from_the_current_parsers() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "scripts.cli_docs", "--check"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr


def test_the_scan_finds_variables_read_in_python_shell_and_units() -> None:
    reads = env_reads()
    assert {"RANPE_DB", "RANPE_PARSE_SECONDS", "RANPE_SANDBOX"} <= reads.keys()  # os.environ.get in ranpe/
    assert "scripts/postgres.sh" in reads["RANPE_PG_BIN"]
    assert "deploy/ranpe-serve.service" in reads["RANPE_PROCESSES"]
    assert "RANPE_SRV" not in reads  # the proxy's cookie, never read from the environment


def test_every_environment_variable_the_code_reads_is_documented() -> None:
    documented = set(re.findall(r"RANPE_\w+", docs_text()))
    missing = {name: sorted(files) for name, files in env_reads().items() if name not in documented}
    assert missing == {}, "read by the code, documented nowhere in docs/ (add it to docs/deployment.md's table)"


def test_app_lists_every_page_file() -> None:
    listed = set(re.findall(r'\("(\w+)", ":material/', (REPO / "app.py").read_text(encoding="utf-8")))
    assert listed == {path.stem for path in (REPO / "pages").glob("*.py")}


@pytest.mark.parametrize("lang", sorted(GUIDES))
def test_every_page_of_the_app_has_a_section_in_the_user_guide(lang: str) -> None:
    headings = [line for line in GUIDES[lang].read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    titles = {path.stem: t(f"dash.page.{path.stem}", lang) for path in sorted((REPO / "pages").glob("*.py"))}
    missing = {name: title for name, title in titles.items() if not any(title in line for line in headings)}
    assert missing == {}, f"pages with no heading in {GUIDES[lang].name}"


def test_every_header_of_the_submission_contract_is_documented() -> None:
    page = (DOCS / "submission-contract.md").read_text(encoding="utf-8")
    missing = {field: h for field, names in HEADERS.items() for h in names if h not in page}
    assert missing == {}


def test_the_site_builds_strictly(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=REPO,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "panduan.html").exists()  # the offline plugin: plain file names


def test_readme_is_short() -> None:
    assert len(README.read_text(encoding="utf-8").splitlines()) <= README_MAX_LINES


def test_every_relative_link_in_the_readme_points_to_a_file() -> None:
    targets = re.findall(r"\]\(([^)\s]+)\)", README.read_text(encoding="utf-8"))
    relative = [target.split("#")[0] for target in targets if not re.match(r"[a-z]+:|#", target)]
    assert relative, "the README links into docs/"
    assert [target for target in relative if not (REPO / target).exists()] == []
