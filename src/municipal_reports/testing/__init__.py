"""Hypothesis strategies for municipal data: valid objects, and objects broken on purpose.

Install with ``pip install municipal-reports[testing]``. This is the only package of the
library that imports hypothesis. Strategies follow hypothesis's own style: plural names,
keyword-only bounds, strategies accepted where a part may vary, ``InvalidArgument`` for
impossible arguments.

Valid objects come with no audit finding of severity error or warning:

>>> from hypothesis import given
>>> from municipal_reports import audit
>>> @given(program_reports(max_measures=5))
... def test_valid(report):
...     assert not audit(report)
>>> test_valid()

When hypothesis is installed with this package, ``st.from_type(Measure)`` and
``st.builds(ProgramReport)`` use these strategies with no set-up (the ``hypothesis``
entry point registers them).
"""

from municipal_reports.testing._broken import BREAKABLE_RULES, Broken, broken
from municipal_reports.testing._entities import (
    award_batches,
    breakdowns,
    column_formats,
    council_activities,
    deputy_fund_allocations,
    figures,
    financings,
    listed_items,
    measures,
    money_breakdowns,
    money_figures,
    participatory_budgets,
    program_reports,
    programs,
    reports,
    sections,
    sessions,
    share_lists,
    tasks,
)
from municipal_reports.testing._values import (
    decisions,
    edrpou_codes,
    moneys,
    organizations,
    people,
    percents,
    quantities,
    reporting_periods,
    signatories,
    year_spans,
)

__all__ = [
    "BREAKABLE_RULES",
    "Broken",
    "award_batches",
    "breakdowns",
    "broken",
    "column_formats",
    "council_activities",
    "decisions",
    "deputy_fund_allocations",
    "edrpou_codes",
    "figures",
    "financings",
    "listed_items",
    "measures",
    "money_breakdowns",
    "money_figures",
    "moneys",
    "organizations",
    "participatory_budgets",
    "people",
    "percents",
    "program_reports",
    "programs",
    "quantities",
    "reporting_periods",
    "reports",
    "sections",
    "sessions",
    "share_lists",
    "signatories",
    "tasks",
    "year_spans",
]
