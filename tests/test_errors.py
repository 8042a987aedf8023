"""Bad input stops the build with one line naming the file, the entry and the language."""

import json
import shutil

import pytest
import yaml

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


def test_page_left_out_of_the_navigation(project):
    """A page in every language but not in `nav` would have no place in the menu and no chapter PDF."""
    for lang in LANGUAGES:
        (project / "docs" / lang / "extra.md").write_text("# Extra\n\nТекст әңгіме.\n", encoding="utf-8")
    failing_line(project, "not included in the \"nav\"")
    result = mkdocs_build(project, project / "site")
    assert "ru/extra.md" in result.stdout + result.stderr


def test_link_to_a_missing_anchor(project):
    path = project / "docs" / "en" / "index.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n[home](index.md#no-such-heading)\n", encoding="utf-8")
    failing_line(project, "en/index.md", "no-such-heading")


def test_interface_strings_are_escaped_in_the_theme(project):
    """Markup in an interface string is shown as text by the theme templates, as by the macros."""
    path = project / "data" / "ui.yml"
    text = path.read_text(encoding="utf-8")
    for key, lang, evil in (("offline-save", "ru", "<b>bold</b>"), ("quick-exit", "kk", "<img src=x onerror=alert(1)>"),
                            ("not-found-title", "en", "<script>alert(1)</script>")):
        line = next(line for line in text.splitlines() if line.startswith(f"  {key}:"))
        value = yaml.safe_load(line)[key]
        value[lang] = evil + " & more"
        text = text.replace(line, f"  {key}: {json.dumps(value, ensure_ascii=False)}")
    path.write_text(text, encoding="utf-8")
    page = project / "docs" / "kk" / "index.md"
    page.write_text("---\nquick_exit: true\n---\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    site = project / "site"
    for built, raw, escaped in ((site / "index.html", "<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt; &amp; more"),
                                (site / "kk" / "index.html", "<img src=x", "&lt;img src=x onerror=alert(1)&gt; &amp; more"),
                                (site / "404.html", "<script>alert(1)", "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")):
        html = built.read_text(encoding="utf-8")
        assert raw not in html, f"{built.relative_to(site)}: printed as markup"
        assert escaped in html, f"{built.relative_to(site)}: the string is not shown as text"


def test_link_with_an_unsafe_scheme_in_data(project):
    path = project / "data" / "sample.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('en: "Who?"', 'en: "[Who?](javascript:alert(1))"'),
                    encoding="utf-8")
    failing_line(project, "data/sample.yml", "sample-questions", "'en'", "javascript:")
