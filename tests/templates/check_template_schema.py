#!/usr/bin/env python3
"""Every shipped template.json names templates/template.schema.json and is valid against it; the
schema itself is a valid JSON Schema (2020-12) and refuses the mistakes the program refuses
(an unknown key, an unknown column type, a column without a header)."""
import glob
import json
import os
import sys

import jsonschema

templates = sys.argv[1]
schema_path = os.path.join(templates, "template.schema.json")
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

failures = []
files = sorted(glob.glob(os.path.join(templates, "*", "template.json")))
if len(files) < 8:
    failures.append(f"expected the 8 shipped templates, found {len(files)}")
for path in files:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if doc.get("$schema") != "../template.schema.json":
        failures.append(f"{path}: \"$schema\" should be \"../template.schema.json\"")
    for e in validator.iter_errors(doc):
        failures.append(f"{path} /{'/'.join(str(p) for p in e.absolute_path)}: {e.message}")

# The schema is not a rubber stamp: each of these must be refused.
good = {"id": "x", "name": "n", "version": "1", "title": "t", "query": "q.sql",
        "columns": [{"key": "a", "header": "h", "type": "money", "source": "a"}]}
if list(validator.iter_errors(good)):
    failures.append("a minimal valid template is refused")
bad_cases = {
    "unknown top-level key": dict(good, colour="red"),
    "unknown column type": dict(good, columns=[{"key": "a", "header": "h", "type": "moneyy", "source": "a"}]),
    "column without header": dict(good, columns=[{"key": "a", "type": "money", "source": "a"}]),
    "no columns": {k: v for k, v in good.items() if k != "columns"},
    "sheets and top-level query": dict(good, sheets=[{"title": "t", "query": "q.sql", "columns": good["columns"]}]),
    "bad paper": dict(good, page={"paper": "B5"}),
}
for what, doc in bad_cases.items():
    if not list(validator.iter_errors(doc)):
        failures.append(f"the schema accepts a template with {what}")

for f in failures:
    print("FAIL:", f)
print(f"{len(files)} templates checked against {schema_path}, {len(bad_cases)} wrong ones refused" if not failures else "")
sys.exit(1 if failures else 0)
