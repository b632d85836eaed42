"""`make tong-hop`: collect the returned report forms into a tracking list and the summary report.

reading.py reads a returned DOCX (identity, tables, written date); collect.py matches files to
recipients and checks every cell; summary.py builds the summary report as a Document; run.py
writes the outputs into output/<year>/tong-hop/ only, each atomically, and nothing when no input
changed.
"""

# content/<year>/bao-cao-nhan/ (RETURNED): the returned forms, declared with the project's other
# folders, where the build (which leaves them out of its inputs) reads it too.
from ..project import RETURNED

__all__ = ["RETURNED"]
