"""The minimum standard holds together: its clauses are numbered alike in every language, every clause a
page or a data text cites exists, and every form a clause calls for is in the data.

Clauses are paragraphs that start with `**N.M.**` in docs/<lang>/standard/NN-*.md (N = the section's number).
Citations: "пункт 5.7" (any case ending), "пункты 7.8–7.9", "5.7-тармақ", "5.1 және 7.4-тармақ", "clause 5.7",
"clauses 6.3 and 9.4".
"""

import functools
import re

import pytest

from macros.catalogue import load_catalogue
from macros.standard import clause, summary
from tests.sitetools import DOCS, LANGUAGES, ROOT, built_page

CLAUSE = re.compile(r"^\*\*(\d+)\.(\d+)\.(?:\*\*|\s)", re.MULTILINE)
NUMBER = r"\d+\.\d+"
LIST = rf"{NUMBER}(?:\s*(?:,|и|или|and|or|және|немесе|–|—|-)\s*{NUMBER})*"
CITATION = {
    "ru": re.compile(rf"(?<!\w)(?:пункт\w*|пп?\.)\s+({LIST})"),
    "en": re.compile(rf"(?<!\w)[Cc]lauses?\s+({LIST})"),
    "kk": re.compile(rf"({LIST})-тармақ"),
}


def clauses(lang):
    """{'5.7': 'standard/05-assessment.md', …} for one language."""
    found = {}
    for path in sorted((DOCS / lang / "standard").glob("[0-9][0-9]-*.md")):
        section = int(path.name[:2])
        for match in CLAUSE.finditer(path.read_text(encoding="utf-8")):
            number = f"{match.group(1)}.{match.group(2)}"
            assert int(match.group(1)) == section, f"{lang}/standard/{path.name}: clause {number} in section {section}"
            assert number not in found, f"{lang}/standard/{path.name}: clause {number} defined twice"
            found[number] = path.name
    return found


@functools.cache
def catalogue():
    return load_catalogue(ROOT / "data")


def texts(lang):
    """(where, text) for every page and every data text of one language."""
    for path in sorted((DOCS / lang).rglob("*.md")):
        yield f"docs/{lang}/{path.relative_to(DOCS / lang)}", path.read_text(encoding="utf-8")
    def walk(value, where):
        if isinstance(value, dict):
            if lang in value and isinstance(value[lang], str):
                yield where, value[lang]
            for key, item in value.items():
                if key not in LANGUAGES:
                    yield from walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, f"{where}[{index}]")

    for kind in ("checklists", "questions", "call_scripts", "forms", "sessions", "flowcharts", "glossary", "wheels"):
        for entry in catalogue().all(kind):
            yield from walk(entry.value, f"{entry.file}: {kind} '{entry.id}'")


def cited(lang, text):
    for match in CITATION[lang].finditer(text):
        yield from re.findall(NUMBER, match.group(1))


def test_every_language_numbers_the_same_clauses():
    reference = clauses("ru")
    assert len(reference) > 100, "the standard has suspiciously few clauses"
    for lang in LANGUAGES[1:]:
        other = clauses(lang)
        assert sorted(other) == sorted(reference), (
            f"{lang}: clauses differ from ru: missing {sorted(set(reference) - set(other))}, "
            f"extra {sorted(set(other) - set(reference))}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_cited_clause_exists(lang):
    known = clauses(lang)
    missing = [f"{where}: clause {number}" for where, text in texts(lang) for number in cited(lang, text)
               if number not in known]
    assert not missing, f"{lang}: cited clauses that the standard does not have:\n" + "\n".join(sorted(set(missing)))


def test_every_form_a_standard_page_calls_exists():
    """The build fails on an unknown id too; this names every missing one at once, for all pages of the standard."""
    known = {entry.id for kind in ("forms", "checklists", "flowcharts") for entry in catalogue().all(kind)}
    calls = re.compile(r'\{\{\s*(?:form|checklist|flowchart)\("([^"]+)"\)\s*\}\}')
    missing = [f"{path.name}: {entry_id}" for path in sorted((DOCS / "ru" / "standard").glob("*.md"))
               for entry_id in calls.findall(path.read_text(encoding="utf-8")) if entry_id not in known]
    assert not missing, "the standard calls forms the data lacks:\n" + "\n".join(missing)


@pytest.mark.parametrize("lang, text, numbers", [
    ("ru", "см. пункты 7.8–7.9 и пункт 5.10", ["7.8", "7.9", "5.10"]),
    ("kk", "5.1 және 7.4-тармақтарда", ["5.1", "7.4"]),
    ("en", "clauses 6.3 and 9.4; clause 12.2", ["6.3", "9.4", "12.2"]),
])
def test_citations_are_read(lang, text, numbers):
    assert list(cited(lang, text)) == numbers


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_self_assessment_lists_every_clause(site, lang):
    page = built_page(site, lang, "standard/13-quality.md").read_text(encoding="utf-8")
    sheet = page[page.index('data-form="standard-self-assessment"'):]
    sheet = sheet[:sheet.index('data-print-form')]
    rows = re.findall(r'<th scope="row"><strong>(\d+\.\d+)</strong>', sheet)
    assert rows == sorted(clauses(lang), key=lambda n: tuple(map(int, n.split(".")))), (
        f"{lang}: the self-assessment does not list the standard's clauses in order")


@pytest.mark.parametrize("clause, row", [
    ("**Полиция.** Полицию извещают сразу. Дальше текст.", "Полиция. Полицию извещают сразу."),
    ("Жауапкершілік.** Зорлық-зомбылық — таңдау. Әрі қарай.", "Жауапкершілік. Зорлық-зомбылық — таңдау."),
    ("The standard sets requirements. More text.", "The standard sets requirements."),
])
def test_a_self_assessment_row_is_never_only_a_bold_lead(clause, row):
    assert summary(clause) == row


@pytest.mark.parametrize("clause, after, row", [
    ("По сообщениям печати (Закон № 72-VIII; не проверено), суд может обязать. Дальше.", "",
     "По сообщениям печати (Закон № 72-VIII; не проверено), суд может обязать."),
    ("In the text of Law No. 245-VIII victims are referred to services. More.", "",
     "In the text of Law No. 245-VIII victims are referred to services."),
    ("Соглашение содержит: правила группы, число встреч. Дальше.", "", "Соглашение содержит: правила группы, число встреч."),
    ("Ведущий должен:", "\n\n- **знать**: формы насилия; связь насилия с властью\n- **уметь**: вести группу\n",
     "Ведущий должен знать: формы насилия …"),
    ("Жүргізуші:", "\n\n- **білуі керек**: зорлық-зомбылықтың түрлері; билік\n", "Жүргізуші білуі керек: зорлық-зомбылықтың түрлері …"),
    ("A facilitator must:", "\n\n- share the principles: safety first;\n- be able to\n",
     "A facilitator must share the principles: safety first …"),
    ("Организация утверждает положения по темам:", "\n\n1. защита детей: как распознать угрозу;\n",
     "Организация утверждает положения по темам: защита детей: как распознать угрозу …"),
    ("Порядок действий:", "\n\n1. **Остановить.** Закрыть доступ.\n", "Порядок действий: остановить. Закрыть доступ."),
    ("Завершение программы.", "\n\n- **Условия.** Посетил 24 из 26 встреч. Дальше.\n",
     "Завершение программы: условия. Посетил 24 из 26 встреч."),
])
def test_a_self_assessment_row_is_a_whole_sentence(clause, after, row):
    """A row ends where the clause's first sentence ends: not at the full stop of `No.`, not at a `;` inside brackets,
    not at a `:` that introduces the clause's content; and one colon, not two, when the list's first item has its own."""
    assert summary(clause, after) == row


@pytest.mark.parametrize("clause, after, row", [
    ("Журналға мыналар жазылады: іс нөмірі; өтініш күні; кім жолдады.", "", "Журналға мыналар жазылады: іс нөмірі …"),
    ("Тәуекел қайта бағаланады:", "\n\n- бағдарламаның ортасында;\n- аяқталар алдында.\n",
     "Тәуекел қайта бағаланады: бағдарламаның ортасында …"),
    ("Тәуекел қайта бағаланады:", "\n\n- бағдарламаның ортасында.\n\nКелесі абзац.\n",
     "Тәуекел қайта бағаланады: бағдарламаның ортасында."),
])
def test_a_row_made_of_the_first_of_several_items_says_that_more_follow(clause, after, row):
    """A row that shows only the first item of a list ends in «…», so that it does not read as the whole clause
    (sample 104 found «10.2 Журналға мыналар жазылады: іс нөмірі» read as the journal's only field)."""
    assert summary(clause, after) == row


def test_a_long_opening_completed_by_its_first_item_has_no_colon_before_the_verb():
    """«…, организация:» + «1. **Оценивает обстоятельства.**» reads «…, организация оценивает обстоятельства»; in
    Kazakh a colon between «ұйым» and its verb stopped the reader (sample 104, row 7.13). A short title keeps it."""
    items = "\n\n1. **Жағдайды бағалайды.** Ер адам қайда тұрады.\n2. **Сұрайды.** Серіктестен.\n"
    assert summary("Топты қашықтан жұмысқа көшірмес бұрын ұйым:", items) == (
        "Топты қашықтан жұмысқа көшірмес бұрын ұйым жағдайды бағалайды. Ер адам қайда тұрады. …")
    assert summary("Әрекет ету тәртібі:", items).startswith("Әрекет ету тәртібі: жағдайды бағалайды.")


def test_a_self_assessment_row_keeps_the_end_of_its_clause():
    """Kazakh puts the verb and its negation last: a row must not drop them (sample 53 found row 3.3 saying the
    opposite of its clause)."""
    clause = ("Ер адам алғашқы кездесулерде бәрін жоққа шығарса, бұл оны бағдарламаға қабылдаудан автоматты түрде "
              "бас тартылады деген сөз емес. Оған үш қосымша кездесу ұсынылады.")
    assert summary(clause).endswith("деген сөз емес.")


def test_a_long_self_assessment_row_is_cut_only_where_a_clause_ends():
    first = "Іс ерекше бақылаудан кеңестің шешімімен ғана алынады"
    long_tail = " және " + "мына шарт орындалады" * 15
    assert summary(first + ": " + long_tail + ".") == first + " …"
    assert summary(first + long_tail + ".") == first + long_tail + "."


def test_a_clause_that_only_introduces_a_table_says_so():
    """The sheet cannot repeat a table's rows: a row such as «Обязанности сторон распределяются так» is marked as
    having its table in the clause (sample 72 found four such rows ending in «мыналар» with nothing after them)."""
    table = "\n\n| Сторона | Обязанность |\n|---|---|\n"
    row = clause("11.4", "Обязанности сторон распределяются так:", table)
    assert row.table and row.summary == "Обязанности сторон распределяются так"
    assert not clause("7.1", "Группа встречается раз в неделю. Дальше.", table).table
    assert not clause("7.2", "Соглашение содержит:", "\n\n- правила группы\n").table


def test_a_shortened_self_assessment_row_leaves_no_bracket_open():
    clause = ("Ведущие передают сведения полиции: и " + "очень " * 30 + "(пункты: 9.4, 9.5, " + "ещё " * 20
              + "12.8) дальше.")
    row = summary(clause)
    assert row.endswith(" …") and row.count("(") == row.count(")"), row
