"""A non-editable install, run from another directory, finds its CSS and data."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=180,
    )
    return next(out.glob("psr_tui-*.whl"))


def test_wheel_ships_styles_and_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    shipped_styles = {Path(n).name for n in names if n.startswith("psr_tui/_styles/")}
    shipped_vocab = {Path(n).name for n in names if n.startswith("psr_tui/_data/vocabularies/")}
    assert {p.name for p in (ROOT / "styles").glob("*.tcss")} <= shipped_styles
    assert {p.name for p in (ROOT / "data" / "vocabularies").glob("*.toml")} <= shipped_vocab
    # The bank holidays the app reads at start-up instead of loading the `holidays` package.
    assert "psr_tui/_data/bank_holidays.json" in names


def test_installed_wheel_finds_its_files_from_another_directory(wheel: Path, tmp_path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True, timeout=180)
    script = (
        "import psr_tui.locations as l, psr_tui.app as a\n"
        "from psr_tui.domain.vocabulary import default_vocabularies\n"
        "print(l.styles_dir()); print(l.data_dir())\n"
        "print(len(a._stylesheets()))\n"
        "print(len(default_vocabularies()['review_outcomes'].terms))\n"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = subprocess.run([sys.executable, "-c", script], cwd=elsewhere, capture_output=True,
                          text=True, timeout=60, env={"PYTHONPATH": str(target), "PATH": ""})
    assert proc.returncode == 0, proc.stderr
    styles, data, n_sheets, n_outcomes = proc.stdout.split()
    assert styles.startswith(str(target)) and data.startswith(str(target))
    assert int(n_sheets) >= 1 and int(n_outcomes) == 7
