"""`nhap`: read a Kế hoạch typed in Word and write a new content/<năm>/ from it.

source.py reads the DOCX into lines (text, typed or automatic numbering level, bold prefix),
finding the words where wordml.py says Word keeps them, a table's column widths by columns.py;
structure.py places them in the plan's parts; emit.py writes the YAML, with `# KIỂM TRA:` on
every guess; run.py validates the result with the project's loader and moves it into place.
"""
