#!/usr/bin/python3
"""pandas + XlsxWriter writing the rows of the biggest detail sheet (the CSV replay_dump made
from the engine's own output). The CSV is read first; only DataFrame.to_excel is timed.
   pandas_sheet.py ROWS.csv OUT.xlsx     prints "pandas_wall=S pandas_cpu=S pandas_rows=N" """
import sys
import time

import pandas as pd

df = pd.read_csv(sys.argv[1], dtype=None, keep_default_na=False)
t0, c0 = time.perf_counter(), time.process_time()
with pd.ExcelWriter(sys.argv[2], engine="xlsxwriter") as w:
    df.to_excel(w, sheet_name="rows", index=False)
print("pandas_wall=%.3f pandas_cpu=%.3f pandas_rows=%d" % (time.perf_counter() - t0, time.process_time() - c0, len(df)))
