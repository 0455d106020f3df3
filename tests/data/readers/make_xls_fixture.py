#!/usr/bin/python3
"""Builds ledger.xls (the .xls reader's fixture) once: openpyxl writes an .xlsx, LibreOffice
converts it to Excel 97-2003. Run from this folder: /usr/bin/python3 make_xls_fixture.py
The output is committed; rerun only to change the fixture."""
import datetime, os, shutil, subprocess, tempfile
import openpyxl

tmp = tempfile.mkdtemp()
src = os.path.join(tmp, "ledger.xlsx")
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "2017年项目"
ws["A1"] = "固安县2017年重点项目台账"
ws.merge_cells("A1:E1")
ws["A2"] = "单位：万元"
ws.append(["项目名称", "总投资", "1-6月完成", "开工日期", "更新时间"])
ws.append(["新能源汽车零部件项目", 12000, 3456.78, datetime.date(2017, 3, 15), datetime.datetime(2017, 6, 30, 8, 30)])
ws.append(["智能装备产业园", 8000.5, 0, datetime.date(2016, 12, 1), datetime.time(14, 45)])
ws.append([])
ws.append(["合计", "=B4+B5", None, None, None])
ws["D4"].number_format = "yyyy-mm-dd"
ws["D5"].number_format = "yyyy\"年\"m\"月\"d\"日\""
ws["E4"].number_format = "yyyy-mm-dd hh:mm"
ws["E5"].number_format = "hh:mm"
ws2 = wb.create_sheet("说明")
ws2["B3"] = "填报人：张三"
wb.save(src)
subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xls", "--outdir", tmp, src],
               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
shutil.copy(os.path.join(tmp, "ledger.xls"), "ledger.xls")
shutil.rmtree(tmp)
print("wrote ledger.xls", os.path.getsize("ledger.xls"), "bytes")
