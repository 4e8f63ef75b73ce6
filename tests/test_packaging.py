"""The foundation: packaging, setup commands, a light import, a clean tree."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    """'pandas>=3.0' -> 'pandas' (normalised as in PEP 503)."""
    name = re.split(r"[<>=!~;\[ ]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def _environment_yml_names() -> tuple[set[str], list[str]]:
    """Package names in environment.yml (conda part, pip part without '-e .')."""
    conda, pip = set(), []
    in_pip = in_deps = False
    for raw in (ROOT / "environment.yml").read_text().splitlines():
        line = raw.split("#", 1)[0].rstrip()
        stripped = line.strip()
        if not raw.startswith(" ") and stripped:
            in_deps = stripped == "dependencies:"
            continue
        if not in_deps:
            continue
        if stripped == "- pip:":
            in_pip = True
            continue
        if not stripped.startswith("- "):
            continue
        item = stripped[2:].strip()
        if in_pip and raw.startswith("      "):
            pip.append(item)
        else:
            in_pip = False
            conda.add(_name(item))
    return conda, pip


def test_environment_yml_names_the_same_packages_as_pyproject():
    project = _pyproject()["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    for extra in ("lab", "test"):
        wanted |= {_name(r) for r in project["optional-dependencies"][extra]}
    conda, pip = _environment_yml_names()
    conda -= {"python", "pip"}
    # a package conda-forge does not have comes from PyPI, in the pip section
    from_pypi = {_name(item) for item in pip[:-1]}
    assert conda | from_pypi == wanted and not conda & from_pypi, (
        f"only in environment.yml: {sorted((conda | from_pypi) - wanted)}; "
        f"only in pyproject.toml: {sorted(wanted - conda - from_pypi)}"
    )
    assert pip[-1:] == ["-e ."], "Binder must install the kit itself with 'pip install -e .'"


def test_lower_bounds_agree_between_environment_and_pyproject():
    project = _pyproject()["project"]
    reqs = list(project["dependencies"])
    for extra in ("lab", "test"):
        reqs += project["optional-dependencies"][extra]
    bounds = {_name(r): r.split(">=")[1] for r in reqs if ">=" in r}
    text = (ROOT / "environment.yml").read_text()
    for name, bound in bounds.items():
        assert re.search(rf"- {re.escape(name)}>={re.escape(bound)}\b", text), (
            f"environment.yml should pin {name}>={bound} like pyproject.toml"
        )


def test_version_is_exposed_and_matches_metadata():
    import course_kit

    assert re.fullmatch(r"\d+\.\d+\.\d+", course_kit.__version__)
    assert metadata.version("vipp-course-kit") == course_kit.__version__


def test_import_is_light():
    """``import course_kit`` must not pull in the heavy libraries (they load on use)."""
    code = (
        "import sys, course_kit; "
        "heavy = [m for m in ('matplotlib', 'statsmodels', 'ipywidgets', 'pandas', 'scipy', "
        "'jinja2') if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"imported at 'import course_kit': {out.stdout.strip()}"


def test_submodules_load_lazily_and_unknown_names_fail_clearly():
    import course_kit

    assert course_kit.course.NOTEBOOKS
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        course_kit.nonsense  # noqa: B018


def test_every_message_key_used_in_the_code_exists():
    from course_kit.messages import EN

    used = set()
    for path in (ROOT / "course_kit").rglob("*.py"):
        used |= set(
            re.findall(r"""\btext\(\s*["']([a-z0-9_]+\.[a-z0-9_.]+)["']""", path.read_text())
        )
    missing = sorted(used - set(EN))
    assert not missing, f"message keys used but not defined in messages.py: {missing}"


def test_message_lookup_fills_placeholders_and_rejects_unknown_keys():
    from course_kit.messages import text

    assert "9.9.9" in text("start.all_set", version="9.9.9")
    with pytest.raises(KeyError, match=r"no\.such_key"):
        text("no.such_key")


def test_course_map_lists_exactly_the_notebooks_that_exist():
    from course_kit.course import NOTEBOOKS

    listed = {nb["file"] for nb in NOTEBOOKS}
    present = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")} - {"index.ipynb"}
    assert present <= listed, f"notebooks missing from course_kit/course.py: {present - listed}"
    assert listed <= present, f"listed in course_kit/course.py but missing: {listed - present}"


def test_committed_notebooks_are_clean():
    """Only the outputs of cells tagged 'nbval-check-output' are committed."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from clean_notebooks import _dump, clean
    finally:
        sys.path.pop(0)
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        original = path.read_text(encoding="utf-8")
        assert _dump(clean(json.loads(original))) == original, (
            f"{path.name} has generated output: run python scripts/clean_notebooks.py {path}"
        )


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in readme and "make lab" in readme
    assert "set -euo pipefail" in ci
    commands = [line.strip() for line in ci.splitlines() if line.strip() == "make test"]
    assert commands == ["make test"]


def test_makefile_targets_exist():
    out = subprocess.run(
        ["make", "-n", "-p", "-f", str(ROOT / "Makefile")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    for target in ("lab:", "test:", "figures:", "lint:"):
        assert re.search(rf"^{target}", out.stdout, flags=re.M), f"Makefile lacks {target}"


def test_ruff_lint_and_format_are_clean():
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        pytest.skip("ruff is not installed in this environment")
    lint = subprocess.run([ruff, "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = subprocess.run([ruff, "format", "--check", "."], cwd=ROOT, capture_output=True, text=True)
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def test_environment_check_reports_all_set():
    from course_kit.environment import check

    report = check()
    assert report.ok, report.message
    assert "All set" in report.message
    assert set(report.to_frame()["package"]) >= {"python", "numpy", "ipywidgets"}


def test_index_and_readme_course_map_are_in_sync():
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_index.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.slow
def test_a_normal_install_brings_the_datasets_and_notebooks(tmp_path):
    """``pip install .`` / a wheel, not editable: data and notebooks come with the package."""
    src = tmp_path / "src"
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\0")
    for rel in filter(None, tracked):  # a clean checkout: only what git tracks
        if (ROOT / rel).is_file():
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            (src / rel).write_bytes((ROOT / rel).read_bytes())
    wheels = tmp_path / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", wheels, src], check=True, timeout=600)
    [wheel] = wheels.glob("vipp_course_kit-*.whl")
    site = tmp_path / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", site, wheel], check=True, timeout=300)
    code = (
        "import course_kit, pathlib, sys\n"
        "from course_kit import datasets, workspace\n"
        "assert pathlib.Path(course_kit.__file__).is_relative_to(sys.argv[1]), course_kit.__file__\n"
        "df = datasets.load('vipp_trials')\n"
        "report = workspace.init(sys.argv[2])\n"
        "print(len(df), len(report.added))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("COURSE_KIT_")}
    env["PYTHONPATH"] = str(site)
    done = subprocess.run(
        [sys.executable, "-c", code, str(site), str(tmp_path / "ws")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    rows, added = map(int, done.stdout.split())
    shipped = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert rows > 0 and added >= len(shipped)
    assert sorted(p.name for p in (tmp_path / "ws").glob("*.ipynb")) == shipped


def test_nbval_instructions_are_tags_not_comments():
    """Participants read the code: no '# NBVAL_...' marker in any notebook cell."""
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            source = "".join(cell["source"])
            assert "NBVAL" not in source, f"{path.name}: use an nbval tag:\n{source[:80]}"


def test_clean_notebooks_moves_a_marker_comment_into_a_tag():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from clean_notebooks import clean
    finally:
        sys.path.pop(0)
    cell = {
        "cell_type": "code",
        "metadata": {},
        "source": ["# NBVAL_CHECK_OUTPUT\n", "print(1)"],
        "outputs": [{"output_type": "stream", "name": "stdout", "text": ["1\n"]}],
        "execution_count": 7,
    }
    (cleaned,) = clean({"cells": [cell], "metadata": {}})["cells"]
    assert cleaned["source"] == ["print(1)"]
    assert cleaned["metadata"]["tags"] == ["nbval-check-output"]
    assert cleaned["outputs"] and cleaned["execution_count"] == 1  # a check cell keeps output


def test_a_failed_environment_check_gives_advice_a_participant_can_follow(monkeypatch):
    from importlib import metadata

    from course_kit import environment

    real = metadata.version

    def without_statsmodels(dist):
        if dist == "statsmodels":
            raise metadata.PackageNotFoundError(dist)
        return real(dist)

    monkeypatch.setattr(environment.metadata, "version", without_statsmodels)
    report = environment.check()
    assert not report.ok and "statsmodels" in report.message
    # no terminal commands for participants; the instructor's version is kept apart
    assert "make" not in report.message and "pip" not in report.message
    assert "Restart Kernel" in report.message and "instructor" in report.message
    assert "make lab" in report.instructor_advice
    html = report._repr_html_()
    assert "<details><summary>For the instructor</summary>" in html
    assert html.index("Restart Kernel") < html.index("<details>")
    assert "make lab" in str(report)  # the command line shows both


def test_a_passing_environment_check_has_no_instructor_advice():
    from course_kit import environment

    report = environment.check()
    assert report.ok, report.problems
    assert report.instructor_advice == "" and "<details>" not in report._repr_html_()
