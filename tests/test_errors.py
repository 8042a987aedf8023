"""Bad input stops the build with one line naming the file, the entry and the language."""

import shutil

import pytest

from tests.sitetools import LANGUAGES, ROOT, mkdocs_build

PAGE = "# {title}\n\nТекст әңгіме.\n\n{{{{ checklist(\"{checklist}\") }}}}\n"


@pytest.fixture
def project(tmp_path):
    """A one-page copy of the project with a small data file, to break on purpose."""
    for part in ("macros", "overrides", "data"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "tests" / "fixtures" / "sample.yml", tmp_path / "data" / "sample.yml")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("\nnav:")] + "\nnav:\n  - index.md\n"
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    for lang in LANGUAGES:
        (tmp_path / "docs" / lang).mkdir(parents=True)
        write_page(tmp_path, lang, "sample-list")
    return tmp_path


def write_page(project, lang, checklist):
    (project / "docs" / lang / "index.md").write_text(
        PAGE.format(title=f"Test {lang}", checklist=checklist), encoding="utf-8")


def failing_line(project, *words):
    """Build; it must fail, and one line of its output must name all the words."""
    result = mkdocs_build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build should have failed:\n" + output[-2000:]
    lines = [line for line in output.splitlines() if all(word in line for word in words)]
    assert lines, f"no line names {words}:\n" + output[-3000:]
    return lines[0]


def test_the_small_project_builds(project):
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert "hb-checklist" in (project / "site" / "kk" / "index.html").read_text(encoding="utf-8")


def test_malformed_data_file(project):
    (project / "data" / "broken.yml").write_text("checklists:\n  x: [unclosed\n", encoding="utf-8")
    failing_line(project, "data/broken.yml", "not valid YAML")


def test_entry_lacking_a_language(project):
    path = project / "data" / "sample.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(', kk: "Екінші тармақ"', ""), encoding="utf-8")
    line = failing_line(project, "data/sample.yml", "sample-list", "'kk'")
    assert "items[1]" in line


def test_empty_text_in_a_language(project):
    path = project / "data" / "sample.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('en: "Who?"', 'en: ""'), encoding="utf-8")
    failing_line(project, "data/sample.yml", "sample-questions", "'en'")


def test_unknown_macro_id(project):
    write_page(project, "kk", "no-such-list")
    failing_line(project, "docs/kk/index.md", "no-such-list")


def test_id_used_twice(project):
    shutil.copy(project / "data" / "sample.yml", project / "data" / "copy.yml")
    failing_line(project, "data/sample.yml", "sample-list", "already used")


def test_unknown_key(project):
    path = project / "data" / "sample.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    title: {ru: \"Вопросы\"", "    titel: {ru: \"Вопросы\""),
                    encoding="utf-8")
    failing_line(project, "data/sample.yml", "sample-questions", "titel")


def test_session_whose_parts_do_not_fill_its_time(project):
    path = project / "data" / "sample.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    minutes: 30", "    minutes: 45"), encoding="utf-8")
    failing_line(project, "data/sample.yml", "sample-session", "30 minutes", "45")


def test_missing_translation_of_a_page(project):
    for lang in LANGUAGES:
        (project / "docs" / lang / "extra.md").write_text("# Extra\n\nТекст әңгіме.\n", encoding="utf-8")
    (project / "docs" / "kk" / "extra.md").unlink()
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config + "  - extra.md\n", encoding="utf-8")
    failing_line(project, "docs/kk/extra.md", "missing translation", "'kk'")
