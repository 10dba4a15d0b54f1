"""Headers read by meaning, whatever the order and wording, and the shapes councils give
their tables: placeholders, units written in each cell, totals worded many ways, subtotals,
unknown columns kept as notes, a council named in the title block."""

from __future__ import annotations

from decimal import Decimal

import pytest

from municipal_reports import Money, Percent
from municipal_reports.parse import SourceRow, import_table
from municipal_reports.parse.table.header import Role, read_layout, role_of

TITLE = "Звіт про виконання програми «Чисте довкілля» за 2023 рік"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("№ з/п", Role.NUMBER),
        ("Пріоритетні завдання", Role.TASK),
        ("Напрями використання бюджетних коштів", Role.TASK),
        ("Зміст заходів", Role.CONTENT),
        ("Строк виконання заходу", Role.TERM),
        ("Головний розпорядник коштів", Role.EXECUTORS),
        ("Джерела фінансування", Role.SOURCE),
        ("Орієнтовний обсяг фінансування відповідно до програми, тис. грн", Role.INDICATIVE),
        ("Заплановано на рік", Role.PLAN),
        ("План на рік з урахуванням змін", Role.PLAN),
        ("Затверджено", Role.PLAN),
        ("Передбачено", Role.PLAN),
        ("Виконано", Role.ACTUAL),
        ("Фактично профінансовано", Role.ACTUAL),
        ("Касові видатки", Role.ACTUAL),
        ("Використано", Role.ACTUAL),
        ("Відхилення (+, -)", Role.DEVIATION),
        ("% виконання", Role.PERCENT),
        ("Відсоток виконання", Role.PERCENT),
        ("Питома вага, %", Role.SHARE),
        ("Інформація про виконання", Role.NOTE),
        ("Контакти", Role.UNKNOWN),
    ],
)
def test_header_words_give_the_role(label: str, role: Role) -> None:
    """Each wording councils use for a column gives its role."""
    assert role_of(label) is role


def test_kherson_oblast_header_by_funding_source_keeps_the_totals() -> None:
    """The Kherson oblast culture program's header (kultura.visitkherson.gov.ua, 2020): plan
    and actual each split into «Усього» and four funding sources; the model reads the
    «Усього» columns and reports the eight source columns it does not keep."""
    sources = ["державний бюджет", "обласний бюджет", "інші місцеві бюджети", "інші джерела"]
    top = SourceRow(
        1,
        (
            "Захід",
            "Строк виконання заходу",
            "Планові обсяги фінансування, тис. грн.",
            "Фактичні обсяги фінансування, тис.грн.",
            "Стан виконання Заходів (результативні показники виконання програми)",
        ),
    )
    below = SourceRow(2, ("", "", *(["Усього", *sources] * 2), ""))
    layout = read_layout([top, below])
    assert layout.ncols == 13
    assert layout.money == {"annual": 2, "actual": 7}
    assert layout.content == 0
    assert layout.term == 1
    assert layout.note == 12
    assert sorted(c.index for c in layout.unkept) == [3, 4, 5, 6, 8, 9, 10, 11]


def _table(header: str, *rows: str, caption: str = "") -> str:
    lines = [TITLE, *([caption] if caption else []), header, *rows]
    return "\n".join(lines) + "\n"


def test_columns_in_another_order_and_placeholders() -> None:
    """Percent before the money, plan after actual, «х» and «—» for nothing."""
    text = _table(
        "% виконання\tНайменування заходу\tВиконано, грн\tЗаплановано, грн",
        "50,00\tПрибирання\t500,00\t1 000,00",
        "х\tОзеленення\t—\tх",
    )
    first, second = import_table(text).report.measures()
    assert first.financing.annual == Money("1000.00")
    assert first.financing.actual == Money("500.00")
    assert first.declared_percent == Percent("50.00")
    assert second.financing.annual is None
    assert second.declared_percent is None


def test_unit_written_in_every_cell() -> None:
    """«64 210 тис.» in a column whose header names no unit is 64 210 000 грн, reported."""
    text = _table(
        "№\tНазва\tЗаплановано\tВиконано",
        "1\tВодогін\t64 210 тис.\t32 105 тис.",
    )
    result = import_table(text)
    (measure,) = result.report.measures()
    assert measure.financing.annual == Money(64_210 * 1000)
    assert measure.financing.actual == Money(32_105 * 1000)
    assert [f.code for f in result.findings].count("IMP106") == 2


@pytest.mark.parametrize("word", ["Всього", "Разом:", "Усього по програмі", "РАЗОМ"])
def test_totals_worded_many_ways(word: str) -> None:
    """Every wording of the total row gives the report's declared total."""
    text = _table(
        "№\tНазва\tЗаплановано, грн\tВиконано, грн",
        "1\tА\t100,00\t50,00",
        "2\tБ\t200,00\t100,00",
        f"{word}\t\t300,00\t150,00",
    )
    report = import_table(text).report
    assert report.total is not None
    assert report.total.annual == Money(100) + Money(200)


def test_subtotal_rows_are_reported_and_the_last_total_kept() -> None:
    """A task's «Разом» before the program's «Усього по програмі» is a reported subtotal."""
    text = _table(
        "№\tНазва\tЗаплановано, грн\tВиконано, грн",
        "1\tА\t100,00\t50,00",
        "Разом по завданню 1\t\t100,00\t50,00",
        "2\tБ\t200,00\t100,00",
        "Усього по програмі\t\t300,00\t150,00",
    )
    result = import_table(text)
    assert result.report.total is not None
    assert result.report.total.actual == Money(150)
    assert [f.code for f in result.findings].count("IMP206") == 1
    assert len(result.report.measures()) == 2


def test_unknown_column_goes_to_the_note_and_is_reported() -> None:
    """A column the importer does not know is kept in each measure's note, never dropped."""
    text = _table(
        "№\tНазва\tКонтакти\tЗаплановано, грн\tВиконано, грн",
        "1\tА\tтел. 123\t100,00\t50,00",
    )
    result = import_table(text)
    (measure,) = result.report.measures()
    assert measure.note == "Контакти: тел. 123"
    (finding,) = [f for f in result.findings if f.code == "IMP401"]
    assert finding.cells[0].column == 3


def test_council_named_in_the_title_block_is_the_decisions_body() -> None:
    """A council on its own line above the title becomes the approving decision's body."""
    text = (
        "Теплодарська міська рада\n"
        + TITLE
        + "\nДата і номер рішення міської ради, яким затверджено Програму: 24.12.2020 №31\n"
        + "№\tНазва\tЗаплановано, грн\tВиконано, грн\n1\tА\t100,00\t50,00\n"
    )
    program = import_table(text).report.program
    assert program.approved_by is not None
    assert program.approved_by.body == "Теплодарська міська рада"


def test_percent_of_rows_matches_the_one_rule() -> None:
    """50,00 = 500 / 1000 × 100, the arithmetic the audit will repeat."""
    assert Decimal(500) / Decimal(1000) * 100 == Decimal("50.00")


def test_revenue_table_by_budget_code() -> None:
    """A revenue table by budget code: the code numbers each row, the name is its task, the
    «Разом доходів» row is the total; 917 198,0 + 72 065,3 = 989 263,3 by hand."""
    text = (
        "Звіт про виконання бюджету громади за 2023 рік\nтис. грн\n"
        "Код\tНайменування доходів\tУточнений план на рік\tФактично надійшло\t% виконання\n"
        "11010000\tПодаток та збір на доходи фізичних осіб\t917 198,0\t900 000,0\t98,1\n"
        "18050000\tЄдиний податок\t72 065,3\t76 000,0\t105,5\n"
        "\tРазом доходів\t989 263,3\t976 000,0\t98,7\n"
    )
    assert Decimal("917198.0") + Decimal("72065.3") == Decimal("989263.3")
    report = import_table(text).report
    assert [(t.number, t.title) for t in report.tasks] == [
        ("11010000", "Податок та збір на доходи фізичних осіб"),
        ("18050000", "Єдиний податок"),
    ]
    assert report.total is not None
    assert report.total.annual == Money(Decimal("989263.3") * 1000)


# Orzhytsia district's report for 2019 (Izyum city council's for January–September 2019
# uses the same form):
# http://orjyca.adm-pl.gov.ua/page/zvit-pro-vikonannya-miscevih-byudzhetiv-orzhickogo-rayonu-za-2019-rik
def test_treasury_form_2mmb_header_keeps_the_councils_plan() -> None:
    """The treasury's form № 2ммб: three plans per fund (approved by the council, by the
    schedule, the estimates) and the executed figure; the model keeps the «Разом» group's
    council-approved plan and its executed figure."""
    sub = [
        "затверджено місцевими радами на звітний рік з урахуванням змін",
        "затверджено розписом на звітний рік з урахуванням змін",
        "кошторисні призначення на звітний рік з урахуванням змін",
        "виконано за звітний період",
    ]
    top = SourceRow(
        1,
        (
            "Найменування показника",
            "Код бюджетної класифікації",
            "Загальний фонд",
            "Спеціальний фонд",
            "Разом",
        ),
    )
    below = SourceRow(2, ("", "", *sub * 3))
    layout = read_layout([top, below])
    assert layout.ncols == 14
    assert layout.money == {"annual": 10, "actual": 13}
    assert layout.number == 1
    assert layout.task == 0
    assert len(layout.unkept) == 3 * 4 - 2


def test_approving_decision_named_in_the_title() -> None:
    """«…, затвердженої рішенням міської ради від 24.12.2020 № 31» in the title is the
    program's approving decision when no «Дата і номер рішення…» line gives it."""
    import datetime as dt

    text = (
        "Звіт про виконання програми «Чисте довкілля», затвердженої рішенням міської ради "
        "від 24.12.2020 № 31, за 2023 рік\n"
        "№\tНазва\tЗаплановано, грн\tВиконано, грн\n1\tА\t100,00\t50,00\n"
    )
    decision = import_table(text, council="Теплодарська міська рада").report.program.approved_by
    assert decision is not None
    assert decision.date == dt.date(2020, 12, 24)
    assert decision.number == "31"


def test_funding_source_column_sums_a_measures_rows() -> None:
    """With a «Джерела фінансування» column, a measure's first row is one source and the
    rows under it the others: 100,0 + 50,0 = 150,0 planned, 80,0 + 40,0 = 120,0 done."""
    text = _table(
        "№\tЗміст заходу\tДжерела фінансування\tЗаплановано, тис. грн\tВиконано, тис. грн",
        "1\tРемонт школи\tДержавний бюджет\t100,0\t80,0",
        "\t\tМісцевий бюджет\t50,0\t40,0",
        "2\tОзеленення\tМісцевий бюджет\t10,0\t10,0",
    )
    result = import_table(text)
    first, second = result.report.measures()
    assert first.financing.annual == Money((100 + 50) * 1000)
    assert first.financing.actual == Money((80 + 40) * 1000)
    assert second.financing.annual == Money(10 * 1000)
    assert [f.code for f in result.findings].count("IMP204") == 2
