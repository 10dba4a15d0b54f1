"""The built-in rules, one module per concern; each module exports ``RULES``.

They are registered through the ``municipal_reports.rules`` entry point group like any
third-party rule pack. Codes: MR1xx totals, MR2xx percentages, MR3xx parts against wholes,
flows and listed counts, MR4xx funding plausibility, MR5xx references, MR6xx approximate
figures, MR7xx text quality.
"""
