#!/usr/bin/python3
"""Compares two report workbooks cell for cell (values, number formats, merged ranges, sheet
names), as openpyxl reads them: the Windows build's report against the Linux build's, a ledger
moved to the PostgreSQL server and back against the original.

  compare_reports.py LINUX.xlsx WINDOWS.xlsx
"""
import sys

import openpyxl


def main():
    a, b = (openpyxl.load_workbook(p) for p in sys.argv[1:3])
    problems = []
    if a.sheetnames != b.sheetnames:
        problems.append(f"sheets differ: {a.sheetnames} vs {b.sheetnames}")
    cells = 0
    for name in a.sheetnames:
        if name not in b.sheetnames:
            continue
        sa, sb = a[name], b[name]
        if (sa.max_row, sa.max_column) != (sb.max_row, sb.max_column):
            problems.append(f"{name}: size {sa.max_row}x{sa.max_column} vs {sb.max_row}x{sb.max_column}")
        if sorted(map(str, sa.merged_cells.ranges)) != sorted(map(str, sb.merged_cells.ranges)):
            problems.append(f"{name}: merged ranges differ")
        for row in range(1, max(sa.max_row, sb.max_row) + 1):
            for col in range(1, max(sa.max_column, sb.max_column) + 1):
                ca, cb = sa.cell(row, col), sb.cell(row, col)
                cells += 1
                if ca.value != cb.value:
                    problems.append(f"{name}!{ca.coordinate}: {ca.value!r} vs {cb.value!r}")
                elif ca.number_format != cb.number_format:
                    problems.append(f"{name}!{ca.coordinate}: format {ca.number_format!r} vs {cb.number_format!r}")
    for p in problems[:40]:
        print("   ", p)
    if problems:
        print(f"{len(problems)} differences in {cells} cells")
        return 1
    print(f"   {len(a.sheetnames)} sheets, {cells} cells: identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
