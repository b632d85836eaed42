"""The issuer's own report to the level above (bao-cao-cap-tren), from the summary's figures.

A Báo cáo of the People's Committee itself: its header and number as the plan's, signed as the
plan is (TM. ỦY BAN NHÂN DÂN …) unless bao_cao.cap_tren names another signer, addressed and sent
as bao_cao.cap_tren says. Its tables are the summary's (summary.Figures), so both reports carry
the same figures; what only the collecting office needs (who has not reported, the figures
asked for again, the units' own difficulties) stays in the summary.
"""

from __future__ import annotations

from ..content.schema import PartialDate
from ..document import wording
from ..document.model import BodyPart, Document, DocumentInfo
from ..document.parts import header, issue_date, issuer_name, paragraph, signature
from ..document.plan import recipient_name
from .collect import Collection
from .summary import Figures, numbered


def _parts(figures: Figures) -> list[tuple[str, list[BodyPart]]]:
    edition = figures.edition
    summary, up = edition.report_form.summary, edition.plan.reporting.report_up
    indicators = figures.indicator_table()
    parts: list[tuple[str, list[BodyPart]]] = [
        (edition.plain(summary.tasks), figures.task_blocks()),
        (edition.plain(summary.activities), [figures.activity_table(), figures.unit_table()]),
        (edition.plain(summary.indicators), [indicators] if indicators else [figures.nothing()]),
        (edition.plain(summary.budget), [figures.budget_table()]),
    ]
    for title, texts in ((summary.assessment_title, up.assessment), (summary.proposals_title, up.proposals)):
        if texts:
            parts.append((edition.plain(title), figures.written(texts)))
    return parts


def _year(edition, up) -> int:
    return up.deadline.year if up.deadline is not None else edition.year


def build_report_up(collection: Collection) -> Document:
    figures = Figures(collection)
    edition = figures.edition
    plan, up = edition.plan, edition.plan.reporting.report_up
    values = {**figures.values, **figures.automatic()}
    blocks = [
        *figures.written(up.opening),
        *numbered(edition, _parts(figures)),
        paragraph(edition, up.closing, **figures.values),
    ]
    symbol = edition.plain(up.symbol) if up.symbol else f"BC-{edition.issuer.code}"
    title = edition.plain(up.title, **values)
    return Document(
        # Dated in the year it is due (else the plan's); the day and month are written when it is signed.
        header=header(edition, symbol, number=up.number, date=PartialDate(year=_year(edition, up))),
        type_name="BÁO CÁO",
        title=title,
        addressees=(f"Kính gửi: {edition.plain(up.addressee, **values)}.",),
        blocks=tuple(blocks),
        signature=signature(edition, up.signature),
        recipients=wording.list_lines(
            ["Như trên", *(recipient_name(edition, line) for line in up.recipients)], plan.archive
        ),
        info=DocumentInfo(
            title=f"Báo cáo {wording.lower_first(title)}",
            author=issuer_name(edition),
            created=issue_date(edition),
            reference=wording.reference(up.number, symbol),
        ),
    )
