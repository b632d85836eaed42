"""The content model: every YAML file of an edition, declared once, one module per file.

Each field names its YAML key (Vietnamese, without diacritics, as the clerk types it) and carries a
one-line description. The loader binds YAML nodes to these classes and reports every problem with
its file and line; `generator.content.binding` is the only code that reads this metadata.
"""

from __future__ import annotations

from .common import (  # noqa: F401
    LETTER_PLACEHOLDERS,
    Origin,
    PartialDate,
    RecipientLine,
    Signature,
    UNIT_PLACEHOLDERS,
    origin_field,
    spec,
)
from .issuer import (  # noqa: F401
    DISTRICT_LEVELS,
    Issuer,
    IssuerLevel,
)
from .plan import (  # noqa: F401
    ActionMonth,
    Appendix,
    AppendixColumn,
    Assignment,
    DEEPEST_LEVEL,
    DeadlineWords,
    DocumentMeta,
    IndicatorRef,
    Item,
    MAX_REPORTING_PERIODS,
    Plan,
    ReportUp,
    Reporting,
    ReportingPeriod,
)
from .kinds import (  # noqa: F401
    BUILT_IN_STYLES,
    HeaderStyle,
    NO_FORM,
    RecipientKind,
    RecipientKinds,
)
from .agencies import (  # noqa: F401
    Agency,
    AgencyGroup,
    AgencyRegistry,
)
from .unit_lists import (  # noqa: F401
    Unit,
    UnitList,
    UnitLists,
)
from .catalog import (  # noqa: F401
    Indicator,
    IndicatorCatalog,
    Objective,
)
from .letters import (  # noqa: F401
    LetterNumber,
    LetterSettings,
)
from .forms import (  # noqa: F401
    Activity,
    FORM_PLACEHOLDERS,
    FormColumns,
    FormHeadings,
    ReportFormSettings,
    SUMMARY_FIGURES,
    SummaryReportSettings,
    SummarySigner,
    TaskGroup,
)
from .decision import (  # noqa: F401
    Decision,
)
from .wording import (  # noqa: F401
    ComparisonWording,
    DistributionWording,
    TrackingWording,
    Wording,
)

# Files an edition may leave out: a plan that reports on no national strategy has no catalog; a
# plan issued on its own has no Quyết định; the lists' wording has packaged defaults (WITH_DEFAULTS).
OPTIONAL_FILES = ("chi-tieu.yaml", "quyet-dinh.yaml", "loi-van.yaml")

# The files of an edition and the model each one holds.
EDITION_FILES: dict[str, type] = {
    "co-quan-ban-hanh.yaml": Issuer,
    "ke-hoach.yaml": Plan,
    "loai-noi-nhan.yaml": RecipientKinds,
    "co-quan.yaml": AgencyRegistry,
    "don-vi.yaml": UnitLists,
    "chi-tieu.yaml": IndicatorCatalog,
    "cong-van.yaml": LetterSettings,
    "bieu-mau.yaml": ReportFormSettings,
    "quyet-dinh.yaml": Decision,
    "loi-van.yaml": Wording,
}

# Files whose every key has a value in a packaged file of generator/content/mac-dinh/ of the same
# name: the edition's own file, if any, gives only the keys it changes.
WITH_DEFAULTS = ("loi-van.yaml",)
