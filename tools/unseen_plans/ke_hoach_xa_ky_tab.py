"""Plan (a'): the commune plan of ke_hoach_xa.py with its Nơi nhận and signature typed side by side
with a tab stop ("Nơi nhận:⇥KT. CHỦ TỊCH") instead of in a table, as many clerks do.
Usage: python tools/unseen_plans/ke_hoach_xa_ky_tab.py OUTPUT_FOLDER
"""

from __future__ import annotations

import ke_hoach_xa as commune
from _word import new_document, save
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt


def signature(document) -> None:
    rows = [("Nơi nhận:", "KT. CHỦ TỊCH"), (commune.SENT_TO[0], "PHÓ CHỦ TỊCH")]
    rows += [(line, "") for line in commune.SENT_TO[1:]] + [("- Lưu: VT, VHXH.", ""), ("", ""), ("", "Trần Thị Thu Hà")]
    for left, right in rows:
        p = document.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(Mm(120), WD_TAB_ALIGNMENT.CENTER)
        run = p.add_run(left)
        run.font.size = Pt(11 if left != "Nơi nhận:" else 12)
        run.bold = run.italic = (left == "Nơi nhận:") or None
        if right:
            p.add_run("\t")
            p.add_run(right).bold = True


def main() -> None:
    document = new_document()
    commune.header(document)
    commune.body(document)
    signature(document)
    save(document, "ke-hoach-xa-hoa-an-ky-tab.docx", commune.LETTERS)


if __name__ == "__main__":
    main()
