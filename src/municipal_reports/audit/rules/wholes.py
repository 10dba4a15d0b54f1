"""MR3xx: parts against wholes, flows, and counts of listed things."""

from __future__ import annotations

from collections.abc import Iterator

from municipal_reports.audit.finding import Severity
from municipal_reports.audit.registry import Hit, rule
from municipal_reports.domain.council import CouncilActivity
from municipal_reports.domain.facts import AwardBatch, ListedItems, ParticipatoryBudget
from municipal_reports.domain.quantity import Quantity
from municipal_reports.i18n.messages import N_
from municipal_reports.paths import Path

__all__ = ["RULES"]


def _exceeds(part: Quantity | int | None, whole: Quantity | int | None) -> bool:
    """Whether ``part`` is certainly larger than ``whole`` (intervals for approximate counts)."""
    if part is None or whole is None:
        return False
    low = part.interval.low if isinstance(part, Quantity) else part
    high = whole.interval.high if isinstance(whole, Quantity) else whole
    return high is not None and low > high


def extraordinary_exceed_plenary(activity: CouncilActivity, path: Path) -> Iterator[Hit]:
    """More extraordinary plenary meetings than plenary meetings in all.

    Why: extraordinary meetings are some of the plenary meetings («14, в т.ч. 9 позачергових»).

    Example: 14 plenary meetings of which 19 extraordinary.
    """
    if _exceeds(activity.extraordinary_meetings, activity.plenary_meetings):
        yield Hit(
            path / "extraordinary_meetings",
            activity.plenary_meetings,
            activity.extraordinary_meetings,
        )


def sessions_exceed_plenary(activity: CouncilActivity, path: Path) -> Iterator[Hit]:
    """More sessions than plenary meetings.

    Why: every session sits in at least one plenary meeting («12 сесій … у 14 пленарних
    засідань»).

    Example: 15 sessions held in 14 plenary meetings.
    """
    if _exceeds(activity.session_count, activity.plenary_meetings):
        yield Hit(path / "session_count", activity.plenary_meetings, activity.session_count)


def awarded_exceed_nominated(batch: AwardBatch, path: Path) -> Iterator[Hit]:
    """More people awarded than were nominated for awards.

    Why: an award follows a petition (клопотання) that nominates the person.

    Example: 561 nominated, 601 awarded.
    """
    if _exceeds(batch.awarded, batch.nominated):
        yield Hit(path / "awarded", batch.nominated, batch.awarded)


def posthumous_exceed_awarded(batch: AwardBatch, path: Path) -> Iterator[Hit]:
    """More posthumous awards than awards in all.

    Why: posthumous awards are counted among those awarded.

    Example: 2 574 awarded, of whom 2 940 posthumously.
    """
    if _exceeds(batch.posthumous, batch.awarded):
        yield Hit(path / "posthumous", batch.awarded, batch.posthumous)


def share_exceeds_awarded(batch: AwardBatch, path: Path) -> Iterator[Hit]:
    """A share of those awarded counts more people than were awarded.

    Why: «з яких 32 – кавалери знака» is a part of the awarded.

    Example: 301 awarded, «з яких 320 – військовослужбовці».
    """
    for i, share in enumerate(batch.shares):
        if _exceeds(share.count, batch.awarded):
            yield Hit(path / "shares" / i / "count", batch.awarded, share.count)


def admitted_exceed_submitted(budget: ParticipatoryBudget, path: Path) -> Iterator[Hit]:
    """More projects admitted to the vote than were submitted.

    Example: 104 submitted, 108 admitted.
    """
    if _exceeds(budget.admitted, budget.submitted):
        yield Hit(path / "admitted", budget.submitted, budget.admitted)


def winners_exceed_admitted(budget: ParticipatoryBudget, path: Path) -> Iterator[Hit]:
    """More winning projects than projects admitted to the vote.

    Example: 80 admitted, 91 winners.
    """
    if _exceeds(budget.winners, budget.admitted):
        yield Hit(path / "winners", budget.admitted, budget.winners)


def listed_count_mismatch(listed: ListedItems, path: Path) -> Iterator[Hit]:
    """A list announced with a count has a different number of items.

    Why: «проведено 5 навчань» followed by seven numbered trainings: one of the two is
    wrong, and readers cannot tell which.

    Example: declared 5, listed 7.
    """
    if listed.declared_count is not None and listed.declared_count != len(listed.items):
        yield Hit(path / "declared_count", len(listed.items), listed.declared_count)


def draft_flow_mismatch(activity: CouncilActivity, path: Path) -> Iterator[Hit]:
    """The draft-decision flow does not lead to the number of decisions adopted.

    Received − withdrawn + added should be the decisions adopted; a difference may be
    drafts voted down or merged, so it is a warning, not an error.

    Example: 407 received − 79 withdrawn + 56 added = 384, and 384 adopted: consistent.
    """
    flow, adopted = activity.drafts, activity.decisions_adopted
    if flow is not None and adopted is not None and flow.expected_decisions != adopted:
        yield Hit(path / "decisions_adopted", flow.expected_decisions, adopted)


def listed_sessions_mismatch(activity: CouncilActivity, path: Path) -> Iterator[Hit]:
    """The sessions described one by one do not add up to the summary counts.

    Checks their number against the session count, and, where every listed session gives
    them, their plenary meetings and decisions against the totals.

    Example: 11 sessions listed under «відбулося 12 сесій».
    """
    sessions = activity.sessions
    if not sessions:
        return
    if activity.session_count is not None and len(sessions) != activity.session_count:
        yield Hit(path / "session_count", len(sessions), activity.session_count)
    for name, total in (
        ("plenary_meetings", activity.plenary_meetings),
        ("decisions_adopted", activity.decisions_adopted),
    ):
        values = [getattr(s, name) for s in sessions]
        if total is not None and None not in values and sum(values) != total:
            yield Hit(path / name, sum(values), total)


def votes_exceed_capacity(budget: ParticipatoryBudget, path: Path) -> Iterator[Hit]:
    """More votes than the voters could have cast.

    Each voter casts at most ``votes_per_voter`` votes («за два великих та за два малих
    проекти»: 4), so votes ≤ voters × 4, with approximate figures as intervals.

    Example: 12 527 voters with 4 votes each cast «більше 32 000» votes: consistent.
    """
    if budget.votes is None or budget.votes_per_voter is None:
        return
    for voters in budget.voters:
        high = voters.interval.high
        if high is not None and budget.votes.interval.low > high * budget.votes_per_voter:
            yield Hit(path / "votes", high * budget.votes_per_voter, budget.votes)
            return


# Registered here, not by decorating the checks: mutmut 3 skips decorated functions, and the
# checks' arithmetic must be mutation-tested (docs/contributing.md).
RULES = (
    rule(
        "MR301",
        "extraordinary-exceed-plenary",
        Severity.ERROR,
        CouncilActivity,
        N_("{found} extraordinary meetings is more than the {expected} plenary meetings in all"),
    )(extraordinary_exceed_plenary),
    rule(
        "MR302",
        "sessions-exceed-plenary",
        Severity.ERROR,
        CouncilActivity,
        N_("{found} sessions cannot have been held in {expected} plenary meetings"),
    )(sessions_exceed_plenary),
    rule(
        "MR303",
        "awarded-exceed-nominated",
        Severity.ERROR,
        AwardBatch,
        N_("{found} people awarded is more than the {expected} nominated"),
    )(awarded_exceed_nominated),
    rule(
        "MR304",
        "posthumous-exceed-awarded",
        Severity.ERROR,
        AwardBatch,
        N_("{found} posthumous awards is more than the {expected} awarded in all"),
    )(posthumous_exceed_awarded),
    rule(
        "MR305",
        "share-exceeds-awarded",
        Severity.ERROR,
        AwardBatch,
        N_("a share of {found} people is more than the {expected} awarded in all"),
    )(share_exceeds_awarded),
    rule(
        "MR306",
        "admitted-exceed-submitted",
        Severity.ERROR,
        ParticipatoryBudget,
        N_("{found} projects admitted to the vote is more than the {expected} submitted"),
    )(admitted_exceed_submitted),
    rule(
        "MR307",
        "winners-exceed-admitted",
        Severity.ERROR,
        ParticipatoryBudget,
        N_("{found} winning projects is more than the {expected} admitted to the vote"),
    )(winners_exceed_admitted),
    rule(
        "MR308",
        "listed-count-mismatch",
        Severity.ERROR,
        ListedItems,
        N_("the text announces {found} items but lists {expected}"),
    )(listed_count_mismatch),
    rule(
        "MR309",
        "draft-flow-mismatch",
        Severity.WARNING,
        CouncilActivity,
        N_(
            "drafts received − withdrawn + added make {expected}, but {found} decisions were adopted"
        ),
    )(draft_flow_mismatch),
    rule(
        "MR310",
        "listed-sessions-mismatch",
        Severity.ERROR,
        CouncilActivity,
        N_("the sessions listed one by one make {expected}, but the summary says {found}"),
    )(listed_sessions_mismatch),
    rule(
        "MR311",
        "votes-exceed-capacity",
        Severity.ERROR,
        ParticipatoryBudget,
        N_("{found} votes is more than the voters could cast ({expected} at most)"),
    )(votes_exceed_capacity),
)
