"""`nhap`: read a Kế hoạch typed in Word and write a new content/<năm>/ from it.

source.py reads the DOCX into lines (text, typed or automatic numbering level, bold prefix);
structure.py places them in the plan's parts; emit.py writes the YAML, with `# KIỂM TRA:` on
every guess; run.py validates the result with the project's loader and moves it into place.
"""
