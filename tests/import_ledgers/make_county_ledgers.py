#!/usr/bin/python3
"""Real-shaped county ledgers for the import tests (issue 15), made here with openpyxl — not data
shipped from elsewhere. A title, 填报单位 / 单位 line, a two-row header, 合计 and per-county 小计
lines, a footer; 产业类别 written as offices write it: group names, sub-items, variants (brackets,
产业 left off, 类 added), an alias, and values no dictionary knows; missing information (竣工
without 实际竣工时间, no 项目代码) and wrong data (a negative investment).

Writes <out>/<name>.xlsx and <out>/<name>.json: what each data row is, for the checks."""
import json
import random
import sys
from pathlib import Path

from openpyxl import Workbook

# (written, what it means as "name/group", or None when unknown)
CATEGORY_FORMS = [
    ("战略性新兴产业", "战略性新兴产业/战略性新兴产业"),
    ("现代服务业", "现代服务业/现代服务业"),
    ("传统产业", "传统产业/传统产业"),
    ("传统产业改造升级", "传统产业/传统产业"),
    ("现代农业", "现代农业/现代农业"),
    ("智慧物流", "智慧物流/现代服务业"),
    ("新一代信息技术", "大智移云/战略性新兴产业"),
    ("新材料类", "新材料/战略性新兴产业"),
    ("战略性新兴", "战略性新兴产业/战略性新兴产业"),
    ("文化创意（动漫游戏、影视）", "文化创意/现代服务业"),
    ("文化创意(动漫游戏、影视)", "文化创意/现代服务业"),
    ("健康养老产业", "健康养老/现代服务业"),
    ("高端装备制造", "高端装备制造/战略性新兴产业"),
    ("数字经济", None),
    ("临空物流园配套", None),
]
REGIONS = ["广阳区", "固安县", "香河县"]


def make(out: Path, name: str, seed: int, rows: int):
    rng = random.Random(seed)
    wb = Workbook()
    ws = wb.active
    ws.title = "重点项目"
    ws.append(["廊坊市2017年1-6月亿元以上项目台账"])
    ws.append(["填报单位：某县发展和改革局", None, None, None, None, None, None, None, None, None, "单位：万元"])
    ws.append(["序号", "项目名称", "建设单位", "产业类别", "建设性质", "项目级别", "建设阶段", "总投资", "2017年", None,
               "项目代码", "实际竣工时间"])
    ws.append([None] * 8 + ["计划投资", "1-6月完成投资"])
    for c in ["A", "B", "C", "D", "E", "F", "G", "H", "K", "L"]:
        ws.merge_cells(f"{c}3:{c}4")
    ws.merge_cells("I3:J3")
    ws.append(["合计", None, None, None, None, None, None, 0, 0, 0])
    expected = []
    n = 0
    for region in REGIONS:
        ws.append([f"{region}小计", None, None, None, None, None, None, 0, 0, 0])
        for _ in range(rows):
            n += 1
            written, meaning = CATEGORY_FORMS[(n * 7 + seed) % len(CATEGORY_FORMS)]
            stage = rng.choice(["续建", "新开工", "竣工"])
            total = rng.randint(10, 200) * 1000
            plan = total // 5
            ytd = plan // 2
            code = f"2017-131022-47-0{seed}-{100000 + n:06d}" if n % 3 == 0 else None
            completion = "2017-05" if stage == "竣工" and n % 2 == 0 else None
            wrong = n % 11 == 0
            if wrong:
                total = -total
            ws.append([n, f"{region}{name}项目{n:03d}", f"某某公司{n}", written, "新建", "县重点", stage, total, plan, ytd,
                       code, completion])
            expected.append({"row": ws.max_row, "name": f"{region}{name}项目{n:03d}", "region": region,
                             "category": written, "meaning": meaning, "stage": stage, "code": code,
                             "completion": completion, "wrong": wrong})
    ws.append([])
    ws.append(["单位负责人：        填表人：        联系电话：        报出日期：2017年7月5日"])
    out.mkdir(parents=True, exist_ok=True)
    wb.save(out / f"{name}.xlsx")
    (out / f"{name}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1), encoding="utf-8")
    return expected


if __name__ == "__main__":
    out = Path(sys.argv[1])
    make(out, "county-a", 1, 12)
    make(out, "county-b", 2, 9)
