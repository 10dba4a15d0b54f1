"""Every renderer renders every kind of entity, and hostile text stays text.

The strategies here are local and small on purpose (the public ones of
municipal_reports.testing are another module's concern).
"""

from __future__ import annotations

import csv
import datetime as dt
import html.parser
import io
import json
import re
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from municipal_reports import (
    AwardBatch,
    AwardShare,
    Breakdown,
    Council,
    CouncilActivity,
    Decision,
    DeputyFundAllocation,
    DraftFlow,
    Figure,
    Financing,
    FundItem,
    ListedItems,
    Measure,
    Money,
    MoneyBreakdown,
    MoneyPart,
    Part,
    ParticipatoryBudget,
    Percent,
    Person,
    Program,
    ProgramReport,
    ProjectCap,
    Qualifier,
    Quantity,
    Report,
    ReportingPeriod,
    ReportMeta,
    Section,
    Session,
    SessionKind,
    Signatory,
    Task,
    YearSpan,
    audit,
    loads,
    render,
    renderers,
)
from municipal_reports.domain.text import is_blank
from municipal_reports.safe_text import visible

LOCALES = ("uk", "en")
BUILTINS = ("text", "markdown", "html", "csv", "json", "docx")

texts = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
).filter(lambda s: not is_blank(s))
moneys = st.integers(min_value=0, max_value=10**14).map(Money.from_kopecks)
percents = st.builds(
    Percent.from_units, st.integers(min_value=0, max_value=20_000), st.integers(0, 2)
)
quantities = st.builds(
    Quantity, st.integers(min_value=0, max_value=10**7), st.sampled_from(list(Qualifier))
)
counts = st.none() | st.integers(min_value=0, max_value=10_000)
dates = st.dates(min_value=dt.date(1991, 1, 1), max_value=dt.date(2100, 12, 31))
periods = st.integers(min_value=1991, max_value=2099).map(ReportingPeriod.year)
persons = st.builds(Person, texts, texts)
decisions = st.builds(Decision, dates, st.none() | st.from_regex(r"[0-9]{1,4}", fullmatch=True))

measures = st.builds(
    Measure,
    texts,
    st.builds(Financing, st.none() | moneys, st.none() | moneys, st.none() | moneys),
    st.none() | percents,
    st.none() | st.just(YearSpan(2021, 2025)),
    st.lists(texts, max_size=2).map(tuple),
    st.text(max_size=60),
)
tasks = st.builds(Task, texts, st.lists(measures, max_size=3).map(tuple), st.none() | st.just("1"))
programs = st.builds(
    Program,
    texts,
    st.none() | decisions,
    st.lists(decisions, max_size=2).map(tuple),
    st.lists(texts, max_size=2).map(tuple),
)
program_reports = st.builds(
    ProgramReport,
    programs,
    periods,
    st.lists(tasks, max_size=3).map(tuple),
    st.text(max_size=30),
    st.none() | st.builds(Financing, moneys, moneys, moneys),
    st.none() | percents,
    st.none() | st.builds(Signatory, texts, persons),
)
facts = st.one_of(
    program_reports,
    st.builds(
        CouncilActivity,
        st.none() | periods,
        counts,
        counts,
        counts,
        counts,
        drafts=st.none() | st.builds(DraftFlow, st.integers(0, 500)),
        sessions=st.lists(
            st.builds(Session, st.none() | st.integers(1, 90), st.sampled_from(list(SessionKind))),
            max_size=3,
        ).map(tuple),
    ),
    st.builds(Session, st.none() | st.integers(1, 90), st.sampled_from(list(SessionKind)), counts),
    st.builds(
        Breakdown,
        texts,
        quantities,
        st.lists(st.builds(Part, texts, quantities), max_size=4).map(tuple),
    ),
    st.builds(
        MoneyBreakdown,
        texts,
        moneys,
        st.lists(st.builds(MoneyPart, texts, moneys), max_size=4).map(tuple),
    ),
    st.builds(
        AwardBatch,
        st.text(max_size=20),
        counts,
        counts,
        st.none() | quantities,
        st.none() | quantities,
        counts,
        st.lists(
            st.builds(AwardShare, texts, percents, st.none() | st.integers(0, 99)), max_size=3
        ).map(tuple),
        st.none() | moneys,
    ),
    st.builds(
        DeputyFundAllocation,
        moneys,
        st.lists(st.builds(FundItem, moneys, texts, st.text(max_size=20)), max_size=4).map(tuple),
        st.none() | persons,
        st.none() | periods,
    ),
    st.builds(
        ParticipatoryBudget,
        st.none() | moneys,
        st.lists(
            st.builds(ProjectCap, texts, moneys, st.none() | moneys, st.none() | percents),
            max_size=2,
        ).map(tuple),
        counts,
        voters=st.lists(quantities, max_size=2).map(tuple),
    ),
    st.builds(Figure, texts, st.lists(quantities, min_size=1, max_size=3).map(tuple)),
    st.builds(ListedItems, texts, st.lists(texts, max_size=4).map(tuple), counts),
    decisions,
)
reports = st.builds(
    Report,
    st.builds(ReportMeta, texts, st.builds(Council, texts), periods),
    st.lists(
        st.builds(
            Section,
            st.text(max_size=30),
            st.lists(texts, max_size=2).map(tuple),
            st.lists(facts, max_size=3).map(tuple),
        ),
        max_size=3,
    ).map(tuple),
)
entities = st.one_of(reports, facts, programs, tasks, measures)


def html_text(page: str) -> str:
    """The text a browser would show, with the script and style contents apart."""
    parts: list[str] = []

    class Collect(html.parser.HTMLParser):
        def handle_data(self, data: str) -> None:
            parts.append(data)

    Collect(convert_charrefs=True).feed(page)
    return "".join(parts)


@settings(max_examples=30)
@given(entities, st.sampled_from(LOCALES))
def test_every_renderer_renders_every_entity(obj: object, locale: str) -> None:
    """Each registered renderer renders any entity, with and without findings, in each locale."""
    findings = audit(obj)
    for name, renderer in renderers().items():
        for given_findings in (None, findings):
            out = renderer(obj, locale=locale, findings=given_findings)
            assert isinstance(out, (str, bytes)), name
            assert len(out) > 0, name


@settings(max_examples=30)
@given(program_reports, st.sampled_from(LOCALES))
def test_csv_has_one_row_per_measure_with_exact_money(report: ProgramReport, locale: str) -> None:
    """The CSV of a program report has a row per measure whose money reads back exactly."""
    out = render(report, to="csv", locale=locale)
    assert isinstance(out, str)
    rows = list(csv.reader(io.StringIO(out)))
    measures = report.measures()
    assert len(rows) == 1 + len(measures)
    for row, m in zip(rows[1:], measures, strict=True):
        actual = row[9]
        assert (Money(actual) if actual else None) == m.financing.actual


@settings(max_examples=30)
@given(program_reports, st.sampled_from(LOCALES))
def test_json_round_trips(report: ProgramReport, locale: str) -> None:
    """The json renderer's output of a document loads back as the same document."""
    out = render(report, to="json", locale=locale)
    assert isinstance(out, str)
    assert loads(out) == report


@settings(max_examples=30)
@given(program_reports, st.sampled_from(LOCALES))
def test_html_shows_every_measure_content(report: ProgramReport, locale: str) -> None:
    """Every measure's content appears in the HTML page's visible text, unaltered but for
    control characters, shown as visible escapes."""
    out = render(report, to="html", locale=locale)
    assert isinstance(out, str)
    shown = html_text(out)
    for m in report.measures():
        assert visible(m.content) in shown


HOSTILE = (
    "<script>alert('x')</script>",
    "{{ 7 * 7 }} {% if true %}x{% endif %}",
    "\u202eevil\u202c | pipe | \\ back",
    '=HYPERLINK("http://x")',
    "**bold** [link](http://x) `code` # not a heading",
    "w" * 10_000,
)


def hostile_report() -> ProgramReport:
    """A program report whose every text field is hostile."""
    measures = tuple(
        Measure(
            text,
            Financing(Money(10), Money(10), Money(5)),
            Percent("50"),
            executors=(text,),
            note=text,
        )
        for text in HOSTILE
    )
    return ProgramReport(
        Program(HOSTILE[0], responsible_executors=(HOSTILE[1],)),
        ReportingPeriod.year(2023),
        (Task(HOSTILE[2], measures),),
        executor=HOSTILE[3],
        signatory=Signatory(HOSTILE[4], Person("Ім'я", HOSTILE[0])),
    )


def test_html_escapes_everything() -> None:
    """No hostile text becomes markup or a template expression in the HTML page."""
    out = render(hostile_report(), to="html", locale="uk")
    assert isinstance(out, str)
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert "49" not in html_text(out)  # {{ 7 * 7 }} was not evaluated
    assert "{{ 7 * 7 }}" in html_text(out)
    assert "w" * 10_000 in html_text(out)
    # The long word can break: the form table has a fixed layout and cells wrap anywhere.
    assert 'table class="form"' in out
    assert "table-layout: fixed" in out


def test_markdown_escapes_pipes_and_markup() -> None:
    """Each Markdown table line has exactly its columns' pipes; markup arrives escaped."""
    out = render(hostile_report(), to="markdown", locale="uk")
    assert isinstance(out, str)
    table_lines = [line for line in out.splitlines() if line.startswith("| ")]
    assert table_lines
    for line in table_lines:
        unescaped = re.findall(r"(?<!\\)\|", line.replace("\\\\", ""))
        assert len(unescaped) == 11, line[:80]
    assert "<script>" not in out
    assert "\\<script\\>" in out
    assert "\u202e" not in out
    assert "\\*\\*bold\\*\\*" in out


def test_csv_quotes_and_defuses_formulas() -> None:
    """Every hostile text reads back from the CSV (controls as visible escapes); a formula
    is kept as text."""
    out = render(hostile_report(), to="csv", locale="uk")
    assert isinstance(out, str)
    rows = list(csv.reader(io.StringIO(out)))
    contents = [row[4] for row in rows[1:]]
    assert contents[:3] == [visible(h) for h in HOSTILE[:3]]
    assert contents[3] == "'" + HOSTILE[3]
    assert contents[5] == HOSTILE[5]


def test_text_keeps_to_its_width_and_drops_controls() -> None:
    """Plain text wraps even a 10 000-character cell and shows no bidi override."""
    out = render(hostile_report(), to="text", locale="uk")
    assert isinstance(out, str)
    assert "\u202e" not in out
    widest = max(len(line) for line in out.splitlines())
    assert widest <= 120


def test_docx_opens_and_holds_the_hostile_text() -> None:
    """The .docx is a valid zip whose document holds the escaped hostile text."""
    out = render(hostile_report(), to="docx", locale="uk")
    assert isinstance(out, bytes)
    document = zipfile.ZipFile(io.BytesIO(out)).read("word/document.xml").decode()
    assert "&lt;script&gt;" in document
    assert "<script>" not in document


def test_json_of_findings_lists_them() -> None:
    """An audit result renders as JSON: one object per finding, with its code and path."""
    report = hostile_report()
    findings = audit(report)
    out = render(findings, to="json", locale="en")
    assert isinstance(out, str)
    data = json.loads(out)
    assert [(d["code"], d["path"]) for d in data] == [(f.code, f.path) for f in findings]
