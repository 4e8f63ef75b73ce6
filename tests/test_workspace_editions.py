"""A workspace in Swedish or Norwegian: `course-kit workspace init --lang sv`, `make lab LANG=sv`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from course_kit import editions, i18n, workspace
from course_kit.__main__ import main

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "notebooks"


@pytest.fixture(autouse=True)
def _clean_language(monkeypatch):
    monkeypatch.delenv(i18n.ENV_LANG, raising=False)
    monkeypatch.delenv(workspace.ENV_SOURCE, raising=False)
    i18n._workspace_language.cache_clear()
    yield
    i18n._workspace_language.cache_clear()


def _nb(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_init_in_swedish_copies_the_swedish_edition_and_the_kit_then_speaks_swedish(
    tmp_path, monkeypatch
):
    ws = tmp_path / "kurs"
    report = workspace.init(ws, source=SOURCE, lang="sv")
    assert "07-meta-analysis-of-vipp-trials.ipynb" in report.added
    assert workspace.read_manifest(ws)["lang"] == "sv"
    nb = _nb(ws / "07-meta-analysis-of-vipp-trials.ipynb")
    assert nb["metadata"]["course_kit"]["language"] == "sv"
    expected = editions.translate_notebook(
        _nb(SOURCE / "07-meta-analysis-of-vipp-trials.ipynb"),
        "sv",
        "07-meta-analysis-of-vipp-trials",
    )
    assert nb["cells"] == expected["cells"]
    monkeypatch.chdir(ws)  # where a notebook's kernel starts
    assert i18n.get_language() == "sv"


def test_english_is_the_default_and_copies_the_source_unchanged(tmp_path):
    ws = tmp_path / "course"
    workspace.init(ws, source=SOURCE)
    assert workspace.read_manifest(ws)["lang"] == "en"
    for path in SOURCE.glob("*.ipynb"):
        assert (ws / path.name).read_bytes() == path.read_bytes()


def test_switching_language_keeps_an_edited_notebook_and_puts_the_new_one_beside_it(tmp_path):
    ws = tmp_path / "kurs"
    workspace.init(ws, source=SOURCE, lang="sv")
    mine = ws / "01-attachment-and-sensitivity.ipynb"
    data = _nb(mine)
    data["cells"][0]["source"] = ["Mina anteckningar"]
    mine.write_text(json.dumps(data), encoding="utf-8")

    report = workspace.init(ws, source=SOURCE, lang="nb")

    assert _nb(mine)["cells"][0]["source"] == ["Mina anteckningar"]  # never lost
    beside = dict(report.beside)["01-attachment-and-sensitivity.ipynb"]
    assert _nb(ws / beside)["metadata"]["course_kit"]["language"] == "nb"
    untouched = _nb(ws / "07-meta-analysis-of-vipp-trials.ipynb")
    assert untouched["metadata"]["course_kit"]["language"] == "nb"
    assert workspace.read_manifest(ws)["lang"] == "nb"
    # an update without --lang keeps the workspace's language
    workspace.update(ws, source=SOURCE)
    assert workspace.read_manifest(ws)["lang"] == "nb"


def test_the_hubs_course_language_sets_up_the_workspace(tmp_path, monkeypatch):
    monkeypatch.setenv(i18n.ENV_LANG, "nb")
    ws = tmp_path / "kurs"
    workspace.init(ws, source=SOURCE)
    assert _nb(ws / "00-start-here.ipynb")["metadata"]["course_kit"]["language"] == "nb"


def test_reset_restores_the_workspaces_edition(tmp_path):
    ws = tmp_path / "kurs"
    workspace.init(ws, source=SOURCE, lang="sv")
    target = ws / "06-effect-sizes.ipynb"
    target.write_text("{}", encoding="utf-8")
    report = workspace.reset("06-effect-sizes", ws, source=SOURCE)
    assert report.restored == ["06-effect-sizes.ipynb"]
    assert _nb(target)["metadata"]["course_kit"]["language"] == "sv"


def test_the_command_line_takes_lang_and_refuses_an_unknown_one(tmp_path, capsys):
    ws = tmp_path / "kurs"
    assert main(["workspace", "init", str(ws), "--source", str(SOURCE), "--lang", "nb"]) == 0
    assert workspace.read_manifest(ws)["lang"] == "nb"
    with pytest.raises(SystemExit):
        main(["workspace", "init", str(ws), "--source", str(SOURCE), "--lang", "de"])
    assert "invalid choice: 'de'" in capsys.readouterr().err


def test_jupyterlab_speaks_norwegian_where_a_language_pack_exists(tmp_path):
    assert editions.set_lab_language("nb", prefix=str(tmp_path)) == "no_NO"
    path = editions.lab_overrides_path(str(tmp_path))
    settings = json.loads(path.read_text())
    assert settings["@jupyterlab/translation-extension:plugin"]["locale"] == "no_NO"
    # no Swedish pack exists: English menus, and other settings are kept
    settings["@jupyterlab/apputils-extension:themes"] = {"theme": "JupyterLab Dark"}
    path.write_text(json.dumps(settings))
    assert editions.set_lab_language("sv", prefix=str(tmp_path)) == "en"
    settings = json.loads(path.read_text())
    assert settings["@jupyterlab/translation-extension:plugin"]["locale"] == "en"
    assert settings["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}


def test_lab_language_takes_the_workspace_edition_before_the_course_default(
    tmp_path, monkeypatch, capsys
):
    ws = tmp_path / "kurs"
    ws.mkdir()
    (ws / workspace.MANIFEST).write_text(json.dumps({"lang": "nb", "files": {}}))
    monkeypatch.setenv(i18n.ENV_LANG, "sv")
    prefix = tmp_path / "env"
    assert main(["lab-language", "--workspace", str(ws), "--prefix", str(prefix)]) == 0
    assert "no_NO" in capsys.readouterr().out
    # --lang wins over the workspace; no workspace: the course's language (sv: no pack)
    for args in (["--lang", "en", "--workspace", str(ws)], []):
        assert main(["lab-language", *args, "--prefix", str(prefix)]) == 0
        assert capsys.readouterr().out.split()[-1] == "en"
    assert i18n.workspace_language(ws / "sub") == "nb"  # a folder inside the workspace
    assert i18n.workspace_language(tmp_path) is None


def test_make_lab_lang_chooses_the_edition_and_a_system_locale_does_not(tmp_path):
    # `make -n` prints the commands without running them
    def commands(*args, env_lang="sv_SE.UTF-8"):
        out = subprocess.run(
            ["make", "-n", "lab", f"WORKSPACE={tmp_path}", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "LANG": env_lang, "HOME": str(tmp_path)},
            check=True,
        ).stdout
        return next(line for line in out.splitlines() if "workspace init" in line)

    assert commands("LANG=sv").endswith('--lang "sv"')
    assert commands("LANG=nb").endswith('--lang "nb"')
    assert "--lang" not in commands()  # a Swedish computer alone does not switch a workspace


def test_run_py_takes_lang_like_make(tmp_path):
    out = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "lab", "--help"], capture_output=True, text=True
    ).stdout
    assert "--lang" in out
