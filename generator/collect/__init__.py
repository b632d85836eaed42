"""`make tong-hop`: collect the returned report forms into a tracking list and the summary report.

reading.py reads a returned DOCX (identity, tables, written date); collect.py matches files to
recipients and checks every cell; summary.py builds the summary report as a Document; run.py
writes the outputs into output/<year>/tong-hop/ only, each atomically, and nothing when no input
changed.
"""

# content/<year>/bao-cao-nhan/: the returned forms, as the collecting office saves them. Not an input
# of the year's documents (make documents ignores it) and not copied into next year's content.
RETURNED = "bao-cao-nhan"
