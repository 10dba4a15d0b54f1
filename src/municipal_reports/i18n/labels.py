"""The words the renderers print, in Ukrainian and in English.

One table, so that a label is translated once and every format agrees on it.
"""

from __future__ import annotations

from typing import Final

__all__ = ["has_label", "label"]

_LABELS: Final[dict[str, tuple[str, str]]] = {
    # The official form of a program execution report.
    "program_report": ("Звіт про виконання Програми", "Program execution report"),
    "program": ("Програма", "Program"),
    "approved_by": (
        "Дата і номер рішення міської ради, яким затверджено Програму",
        "Council decision approving the program",
    ),
    "and_amendments": ("та зміни від", "amended by"),
    "responsible_executor": ("Відповідальний виконавець Програми", "Responsible executor"),
    "program_term": ("Термін реалізації Програми", "Program term"),
    "years": ("роки", "years"),
    "period": ("Звітний період", "Reporting period"),
    "executor": ("Виконавець", "Executor"),
    "measures_execution": ("Виконання заходів Програми", "Execution of the program's measures"),
    "col_number": ("№ з/п", "No."),
    "col_task": ("Пріоритетні завдання", "Priority tasks"),
    "col_content": ("Зміст заходів", "Measures"),
    "col_term": ("Термін виконання", "Term"),
    "col_executors": ("Виконавці", "Executors"),
    "col_indicative": (
        "Орієнтовний обсяг фінансування відповідно до програми",
        "Indicative funding under the program",
    ),
    "col_annual": ("Річний обсяг фінансування", "Annual funding plan"),
    "col_actual": (
        "Фактично профінансовано у звітному періоді",
        "Actually financed in the reporting period",
    ),
    "col_percent": ("Відсоток виконання заходу, %", "Execution, %"),
    "col_note": (
        "Інформація про виконання, або причини невиконання заходу",
        "Execution note, or reasons for non-execution",
    ),
    "total": ("Всього", "Total"),
    "computed_execution": ("Обчислене виконання", "Computed execution"),
    # A whole report.
    "council": ("Рада", "Council"),
    "convocation": ("скликання", "convocation"),
    "author": ("Автор", "Author"),
    # Council activity.
    "council_activity": ("Діяльність ради", "Council activity"),
    "session_count": ("Сесій", "Sessions"),
    "plenary_meetings": ("Пленарних засідань", "Plenary meetings"),
    "extraordinary_meetings": ("з них позачергових", "of them extraordinary"),
    "decisions_adopted": ("Прийнято рішень", "Decisions adopted"),
    "petitions_considered": ("Розглянуто клопотань", "Petitions considered"),
    "deputies": ("Депутатів", "Deputies"),
    "drafts_received": ("Надійшло проєктів рішень", "Draft decisions received"),
    "drafts_withdrawn": ("Знято з розгляду", "Withdrawn"),
    "drafts_added": ("Додатково включено", "Added to the agenda"),
    "sessions": ("Сесії", "Sessions"),
    "session": ("Сесія", "Session"),
    "session_number": ("№ сесії", "Session No."),
    "session_kind": ("Вид", "Kind"),
    "ordinary": ("чергова", "ordinary"),
    "extraordinary": ("позачергова", "extraordinary"),
    # Breakdowns and lists.
    "part": ("Складова", "Part"),
    "count": ("Кількість", "Count"),
    "amount": ("Сума", "Amount"),
    "declared_count": ("Заявлено", "Announced"),
    "figure": ("Показник", "Figure"),
    "value": ("Значення", "Value"),
    # Awards.
    "awards": ("Нагородження", "Awards"),
    "commission_meetings": ("Засідань комісії", "Commission meetings"),
    "petitions": ("Клопотань", "Petitions"),
    "nominated": ("Представлено до нагородження", "Nominated"),
    "awarded": ("Нагороджено", "Awarded"),
    "posthumous": ("з них посмертно", "of them posthumously"),
    "spending": ("Витрачено", "Spent"),
    "share": ("Частка", "Share"),
    "percent": ("Відсоток", "Percent"),
    # Deputy funds.
    "deputy_fund": (
        "Депутатські кошти на потреби виборчого округу",
        "Deputy district fund",
    ),
    "deputy": ("Депутат", "Deputy"),
    "fund_total": ("Обсяг коштів", "Fund"),
    "purpose": ("Призначення", "Purpose"),
    "recipient": ("Отримувач", "Recipient"),
    # Participatory budget.
    "participatory_budget": ("Бюджет участі", "Participatory budget"),
    "budget": ("Обсяг бюджету участі", "Budget"),
    "submitted": ("Подано проєктів", "Projects submitted"),
    "submitted_amount": ("на суму", "worth"),
    "admitted": ("Допущено до голосування", "Admitted to the vote"),
    "winners": ("Переможців", "Winners"),
    "voters": ("Проголосувало", "Voters"),
    "votes": ("Голосів", "Votes"),
    "votes_per_voter": ("Голосів на особу", "Votes per voter"),
    "caps": ("Граничні обсяги проєктів", "Project caps"),
    "category": ("Категорія", "Category"),
    "base": ("Основна сума", "Base"),
    "reserve": ("Резерв", "Reserve"),
    # Decisions.
    "decision": ("Рішення", "Decision"),
    "body": ("Орган", "Body"),
    "number": ("Номер", "Number"),
    "date": ("Дата", "Date"),
    "title": ("Назва", "Title"),
    # Findings.
    "findings": ("Зауваження перевірки", "Audit findings"),
    "no_findings": ("Зауважень немає.", "No findings."),
    "code": ("Код", "Code"),
    "severity": ("Рівень", "Severity"),
    "path": ("Місце", "Path"),
    "message": ("Повідомлення", "Message"),
    "error": ("помилка", "error"),
    "warning": ("попередження", "warning"),
    "note": ("примітка", "note"),
    "place": ("Місце в документі", "Place"),
    "report_sheet": ("Звіт", "Report"),
    "findings_sheet": ("Зауваження", "Findings"),
    "json_path": ("Шлях", "Path"),
    "name": ("Назва правила", "Rule"),
    "expected": ("Очікувано", "Expected"),
    "found": ("Знайдено", "Found"),
    "file": ("Файл", "File"),
    "computed": ("розрахунок", "computed"),
    # A place in the document's own terms («таблиця 2, завдання 3, захід 1, графа 9»).
    "place_table": ("таблиця {}", "table {}"),
    "place_task": ("завдання {}", "task {}"),
    "place_measure": ("захід {}", "measure {}"),
    "place_column": ("графа {}", "column {}"),
    "place_total_row": ("рядок «Всього»", "the Total row"),
    "place_header": ("шапка таблиці", "table header"),
    "place_signature": ("підпис", "signature"),
    "place_title_page": ("титул звіту", "report heading"),
    "place_section": ("розділ «{}»", "section «{}»"),
    "place_section_n": ("розділ {}", "section {}"),
    "place_paragraph": ("абзац {}", "paragraph {}"),
    "place_item": ("позиція {}", "item {}"),
    "place_session": ("сесія {}", "session {}"),
    "place_named": ("«{}»", "«{}»"),
    "items": ("Перелік", "Items"),
    "fund_items": ("Статті витрат", "Items"),
    "shares": ("Частки", "Shares"),
    "parts": ("Складові", "Parts"),
    "values": ("Значення", "Values"),
    "declared_percent": ("Відсоток виконання", "Execution percent"),
    "total_percent": ("Відсоток виконання", "Execution percent"),
    "content": ("Зміст заходу", "Measure"),
    "executors": ("Виконавці", "Executors"),
    "term": ("Термін", "Term"),
    "approved_by_short": ("рішення про затвердження", "approving decision"),
    "amendments": ("зміни", "amendments"),
    "limit": ("Граничний обсяг", "Limit"),
    # Measures as rows of a spreadsheet.
    "task": ("Завдання", "Task"),
    "measure": ("Захід", "Measure"),
}

_INDEX: Final = {"uk": 0, "en": 1}


def label(key: str, locale: str) -> str:
    """The label ``key`` in ``locale`` ("uk" or "en"; the locale is checked by the caller).

    >>> label("total", "uk"), label("total", "en")
    ('Всього', 'Total')
    """
    return _LABELS[key][_INDEX[locale]]


def has_label(key: str) -> bool:
    """Whether ``key`` is a label of the table.

    >>> has_label("total"), has_label("no-such-label")
    (True, False)
    """
    return key in _LABELS
