#!/usr/bin/python3
"""Generates the malformed-file corpus for the readers (issue 5 Robustness, issue 7 Bad input).

Run from anywhere:  /usr/bin/python3 tests/data/malformed/make_corpus.py
Writes the files next to this script plus expected.tsv: one line per file, "name<TAB>expected",
where expected is OK (the file must read) or a substring the ReadError message must contain.
Outputs are committed; total size stays well under 5 MB (bombs compress to almost nothing).
10 MB cells are made at test time (tests/core/import/reader_corpus_test.cpp), not here.
"""
import io, os, struct, zipfile, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = []

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

ROOT_RELS = f'<?xml version="1.0"?><Relationships xmlns="{PKG_NS}"><Relationship Id="rId1" Type="{REL_T}officeDocument" Target="xl/workbook.xml"/></Relationships>'
CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
STYLES = f'<?xml version="1.0"?><styleSheet xmlns="{MAIN_NS}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'


def workbook(sheets=(("Sheet1", "rId1"),), pr=""):
    s = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="{r}"/>' for i, (n, r) in enumerate(sheets))
    return f'<?xml version="1.0"?><workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">{pr}<sheets>{s}</sheets></workbook>'


def wb_rels(sheet_targets=(("rId1", "worksheet", "worksheets/sheet1.xml"),)):
    rels = "".join(f'<Relationship Id="{i}" Type="{REL_T}{t}" Target="{tg}"/>' for i, t, tg in sheet_targets)
    rels += f'<Relationship Id="rIdS" Type="{REL_T}sharedStrings" Target="sharedStrings.xml"/>'
    rels += f'<Relationship Id="rIdY" Type="{REL_T}styles" Target="styles.xml"/>'
    return f'<?xml version="1.0"?><Relationships xmlns="{PKG_NS}">{rels}</Relationships>'


def sst(items):
    return f'<?xml version="1.0"?><sst xmlns="{MAIN_NS}">' + "".join(f"<si><t>{i}</t></si>" for i in items) + "</sst>"


def sheet(data, after=""):
    return f'<?xml version="1.0"?><worksheet xmlns="{MAIN_NS}"><sheetData>{data}</sheetData>{after}</worksheet>'


GOOD_DATA = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
             '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>1234.5</v></c></row>')
GOOD_SST = ["项目名称", "总投资", "新能源项目"]


def parts(sheet_xml=None, strings=None, **over):
    p = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": workbook(),
        "xl/_rels/workbook.xml.rels": wb_rels(),
        "xl/worksheets/sheet1.xml": sheet(GOOD_DATA) if sheet_xml is None else sheet_xml,
        "xl/sharedStrings.xml": sst(GOOD_SST if strings is None else strings),
        "xl/styles.xml": STYLES,
    }
    p.update(over)
    return {k: v for k, v in p.items() if v is not None}


def zip_bytes(p, streamed=None):
    """p: name -> str/bytes. streamed: name -> generator of bytes chunks (for bombs)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in p.items():
            z.writestr(name, data.encode() if isinstance(data, str) else data)
        for name, gen in (streamed or {}).items():
            with z.open(name, "w", force_zip64=True) as f:
                for chunk in gen:
                    f.write(chunk)
    return buf.getvalue()


def noise(n, seed=1):
    """Deterministic pseudo-random bytes (the corpus must not change when regenerated)."""
    x, b = seed, bytearray()
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        b.append(x >> 16 & 0xFF)
    return bytes(b)


def out(name, data, expected):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)
    EXPECTED.append((name, expected))


def xlsx(name, expected, sheet_xml=None, strings=None, **over):
    out(name, zip_bytes(parts(sheet_xml, strings, **over)), expected)


# ---- CFB (OLE2) writer: just enough for an encrypted-package container and a non-Excel file ----
def cfb(streams):
    """streams: list of (name, bytes), each padded to >= 4096 bytes so no mini stream is needed."""
    SEC = 512
    ENDC, FREE, FATS = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    datas = [d + b"\0" * (max(4096, -(-len(d) // SEC) * SEC) - len(d)) for _, d in streams]
    fat = [FATS, ENDC]  # sector 0 = FAT, sector 1 = directory
    starts = []
    for d in datas:
        n = len(d) // SEC
        start = len(fat)
        starts.append(start)
        fat += [start + k + 1 for k in range(n - 1)] + [ENDC]
    fat += [FREE] * (SEC // 4 - len(fat))

    def entry(name, typ, child, right, start, size):
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), typ, 1) +
                struct.pack("<III", FREE, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 +
                struct.pack("<IQ", start, size))

    entries = [entry("Root Entry", 5, 1, FREE, ENDC, 0)]
    for i, (name, d) in enumerate(streams):
        right = i + 2 if i + 1 < len(streams) else FREE
        entries.append(entry(name, 2, FREE, right, starts[i], len(d)))
    directory = b"".join(entries)
    directory += b"\0" * (SEC - len(directory))
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) +
              b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, ENDC, 0, ENDC, 0))
    difat = [0] + [FREE] * 108
    header += struct.pack("<109I", *difat)
    assert len(header) == 512
    return header + struct.pack(f"<{SEC // 4}I", *fat) + directory + b"".join(datas)


def main():
    for f in os.listdir(HERE):
        if not f.endswith((".py", ".md")):
            os.remove(os.path.join(HERE, f))
    good = zip_bytes(parts())
    out("good_control.xlsx", good, "OK")

    # -- truncated / damaged zips
    for pct in (10, 50, 90):
        out(f"zip_truncated_{pct}.xlsx", good[: len(good) * pct // 100], "截断")
    out("zip_truncated_minus1.xlsx", good[:-1], "ANY")  # minizip still finds the directory
    out("zip_only_signature.xlsx", b"PK\x03\x04", "截断")
    out("zip_empty_archive.xlsx", b"PK\x05\x06" + b"\0" * 18, "zip")
    # flip bytes inside the compressed sheet data -> inflate error or CRC mismatch
    damaged = bytearray(good)
    idx = damaged.find(b"xl/worksheets/sheet1.xml") + 60
    for k in range(idx, idx + 8):
        damaged[k] ^= 0x5A
    out("zip_corrupt_deflate.xlsx", bytes(damaged), "部件 xl/worksheets/sheet1.xml")
    # stored (uncompressed) entry with a wrong CRC
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for k, v in parts().items():
            z.writestr(k, v)
    stored = bytearray(buf.getvalue())
    pos = stored.find(b"<v>1234.5</v>")
    stored[pos + 3] = ord("9")  # still well-formed XML: only the CRC can tell
    out("zip_crc_mismatch.xlsx", bytes(stored), "CRC")
    # traditional PKWARE encryption flag on every entry
    enc = bytearray(good)
    for sig, flag_off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        p = enc.find(sig)
        while p != -1:
            enc[p + flag_off] |= 1
            p = enc.find(sig, p + 4)
    out("zip_entries_encrypted.xlsx", bytes(enc), "密码保护")
    out("zip_not_workbook.xlsx", zip_bytes({"readme.txt": "hello"}), "不是 Excel 工作簿")
    out("zip_ods.xlsx", zip_bytes({"mimetype": "application/vnd.oasis.opendocument.spreadsheet",
                                  "content.xml": "<office:document-content/>"}), "OpenDocument")
    out("zip_docx.xlsx", zip_bytes({"word/document.xml": "<w:document/>"}), "Word")

    # -- broken XML in each part
    xlsx("xml_broken_sheet.xlsx", "XML 格式错误", sheet_xml=sheet('<row r="1"><c r="A1"><v>1</v></row>'))
    xlsx("xml_truncated_sheet.xlsx", "XML 格式错误", sheet_xml=sheet(GOOD_DATA)[:-40])
    xlsx("xml_broken_workbook.xlsx", "部件 xl/workbook.xml", **{"xl/workbook.xml": workbook()[:-30]})
    xlsx("xml_broken_sst.xlsx", "部件 xl/sharedStrings.xml", strings=["<t>unclosed"])
    xlsx("xml_broken_styles.xlsx", "部件 xl/styles.xml", **{"xl/styles.xml": "<styleSheet><cellXfs>"})
    xlsx("xml_broken_rels.xlsx", "部件 xl/_rels/workbook.xml.rels", **{"xl/_rels/workbook.xml.rels": "<Relationships><"})
    xlsx("xml_not_utf8.xlsx", "XML 格式错误",
         sheet_xml=sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>') .encode() + b"\xff\xfe\xc3(" +
         b"</t></is></c></row></sheetData></worksheet>")
    xlsx("xml_gbk_declared.xlsx", "XML 格式错误",
         sheet_xml=b'<?xml version="1.0" encoding="GBK"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
         + "项目".encode("gbk") + b"</t></is></c></row></sheetData></worksheet>")
    xlsx("xml_empty_sheet_part.xlsx", "XML 格式错误", sheet_xml="")
    xlsx("xml_binary_garbage.xlsx", "XML 格式错误", sheet_xml=bytes(range(256)) * 4)

    # -- shared strings
    xlsx("sst_index_out_of_range.xlsx", "共享字符串索引 99 超出范围",
         sheet_xml=sheet('<row r="1"><c r="A1" t="s"><v>99</v></c></row>'))
    xlsx("sst_index_negative.xlsx", "超出范围", sheet_xml=sheet('<row r="1"><c r="A1" t="s"><v>-1</v></c></row>'))
    xlsx("sst_index_not_number.xlsx", "不是数字", sheet_xml=sheet('<row r="1"><c r="A1" t="s"><v>abc</v></c></row>'))
    xlsx("sst_index_huge.xlsx", "超出范围",
         sheet_xml=sheet('<row r="1"><c r="A1" t="s"><v>99999999999999999999999</v></c></row>'))
    xlsx("sst_missing_part.xlsx", "超出范围", **{"xl/sharedStrings.xml": None})

    # -- bogus references and rows
    for ref, tag in (("A0", "a0"), ("XFE1", "xfe1"), ("A1048577", "row_too_big"), ("1A", "digits_first"),
                     ("", "empty"), ("A-1", "negative"), ("ZZZZ1", "four_letters")):
        xlsx(f"ref_bogus_{tag}.xlsx", f"单元格引用“{ref}”无效",
             sheet_xml=sheet(f'<row r="1"><c r="{ref}"><v>1</v></c></row>'))
    xlsx("row_number_zero.xlsx", "行号“0”无效", sheet_xml=sheet('<row r="0"><c><v>1</v></c></row>'))
    xlsx("row_number_text.xlsx", "行号“abc”无效", sheet_xml=sheet('<row r="abc"><c><v>1</v></c></row>'))
    xlsx("row_number_huge.xlsx", "行号“2000000”无效", sheet_xml=sheet('<row r="2000000"><c><v>1</v></c></row>'))
    xlsx("merge_bogus_ref.xlsx", "合并单元格区域“A1:XFZ9”无效",
         sheet_xml=sheet(GOOD_DATA, '<mergeCells count="1"><mergeCell ref="A1:XFZ9"/></mergeCells>'))

    # -- values where numbers belong
    xlsx("value_not_number.xlsx", "数值“12abc”无效", sheet_xml=sheet('<row r="1"><c r="A1"><v>12abc</v></c></row>'))
    xlsx("value_infinite.xlsx", "数值“1e999”无效", sheet_xml=sheet('<row r="1"><c r="A1"><v>1e999</v></c></row>'))
    xlsx("value_nan.xlsx", "数值“nan”无效", sheet_xml=sheet('<row r="1"><c r="A1"><v>nan</v></c></row>'))
    xlsx("value_bad_bool.xlsx", "逻辑值“yes”无效", sheet_xml=sheet('<row r="1"><c r="A1" t="b"><v>yes</v></c></row>'))
    xlsx("value_bad_date.xlsx", "日期“2017-13-45”无效",
         sheet_xml=sheet('<row r="1"><c r="A1" t="d"><v>2017-13-45</v></c></row>'))
    xlsx("value_unknown_type.xlsx", "未知的单元格类型“q”", sheet_xml=sheet('<row r="1"><c r="A1" t="q"><v>1</v></c></row>'))
    # a formula without a cached value where a number belongs: readable (the mapping layer rejects the row)
    xlsx("formula_without_value.xlsx", "OK",
         sheet_xml=sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f>SUM(B2:B9)</f></c></row>'))
    xlsx("formula_error_value.xlsx", "OK",
         sheet_xml=sheet('<row r="1"><c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'))

    # -- structure
    xlsx("missing_workbook.xlsx", "不是 Excel 工作簿", **{"xl/workbook.xml": None, "_rels/.rels": None})
    xlsx("missing_sheet_part.xlsx", "在文件中缺失", **{"xl/worksheets/sheet1.xml": None})
    xlsx("missing_relationship.xlsx", "关系", **{"xl/_rels/workbook.xml.rels": None})
    xlsx("no_sheets.xlsx", "没有工作表", **{"xl/workbook.xml": workbook(sheets=())})
    xlsx("rels_path_escape.xlsx", "在文件中缺失",
         **{"xl/_rels/workbook.xml.rels": wb_rels((("rId1", "worksheet", "../../../../etc/passwd"),))})
    xlsx("chart_only.xlsx", "OK", **{
        "xl/workbook.xml": workbook(sheets=(("图表1", "rId1"),)),
        "xl/_rels/workbook.xml.rels": wb_rels((("rId1", "chartsheet", "chartsheets/sheet1.xml"),)),
        "xl/chartsheets/sheet1.xml": f'<chartsheet xmlns="{MAIN_NS}"/>',
        "xl/worksheets/sheet1.xml": None})
    many = tuple((f"S{i}", "rId1") for i in range(10002))
    xlsx("too_many_sheets.xlsx", "工作表数量异常", **{"xl/workbook.xml": workbook(sheets=many)})

    # -- hostile XML
    deep = "<a>" * 5000 + "</a>" * 5000
    xlsx("deep_nesting_sheet.xlsx", "嵌套层数超过", sheet_xml=sheet(deep))
    xlsx("deep_nesting_sst.xlsx", "嵌套层数超过",
         **{"xl/sharedStrings.xml": f'<sst xmlns="{MAIN_NS}"><si>' + "<r>" * 3000 + "</r>" * 3000 + "</si></sst>"})
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
              + f']><sst xmlns="{MAIN_NS}"><si><t>&lol9;</t></si></sst>')
    xlsx("billion_laughs.xlsx", "DTD", **{"xl/sharedStrings.xml": laughs})
    xxe = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>')
    xlsx("external_entity.xlsx", "DTD", sheet_xml=xxe)

    # -- bombs and sheer size (small on disk)
    def spaces(total, chunk=1 << 20):
        yield sheet("").encode()[:-len("</sheetData></worksheet>")]
        sent = 0
        block = b" " * chunk
        while sent < total:
            yield block
            sent += chunk
        yield b"</sheetData></worksheet>"
    p = parts(**{"xl/worksheets/sheet1.xml": None})
    out("bomb_sheet_520mb.xlsx", zip_bytes(p, {"xl/worksheets/sheet1.xml": spaces(520 << 20)}), "压缩炸弹")
    # 60 sheets that all point at one 10 MB part: 600 MB to read from a few kB
    targets = tuple((f"rId{i}", "worksheet", "worksheets/sheet1.xml") for i in range(60))
    p = parts(**{"xl/worksheets/sheet1.xml": None,
                 "xl/workbook.xml": workbook(sheets=tuple((f"S{i}", f"rId{i}") for i in range(60))),
                 "xl/_rels/workbook.xml.rels": wb_rels(targets)})
    out("bomb_shared_part.xlsx", zip_bytes(p, {"xl/worksheets/sheet1.xml": spaces(10 << 20)}), "压缩炸弹")

    def many_strings(n):
        yield f'<sst xmlns="{MAIN_NS}">'.encode()
        block = b"<si><t>a</t></si>" * 10000
        for _ in range(n // 10000):
            yield block
        yield b"</sst>"
    p = parts(**{"xl/sharedStrings.xml": None})
    out("bomb_shared_strings.xlsx", zip_bytes(p, {"xl/sharedStrings.xml": many_strings(20_000_000)}), "恶意构造")

    def sparse_rows(n):
        yield sheet("").encode()[:-len("</sheetData></worksheet>")]
        for r in range(1, n + 1):
            yield f'<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>'.encode()
        yield b"</sheetData></worksheet>"
    p = parts(**{"xl/worksheets/sheet1.xml": None})
    out("bomb_sparse_far_columns.xlsx", zip_bytes(p, {"xl/worksheets/sheet1.xml": sparse_rows(5000)}), "恶意构造")

    def empty_rows(n):
        yield sheet("").encode()[:-len("</sheetData></worksheet>")]
        yield b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        block = b'<row><c s="1"/></row>' * 1000  # rows without r= follow the previous one
        for _ in range((n - 1) // 1000):
            yield block
        yield b'<row><c t="s"><v>1</v></c></row>'
        yield b"</sheetData></worksheet>"
    out("million_empty_rows.xlsx", zip_bytes(p, {"xl/worksheets/sheet1.xml": empty_rows(1_000_000)}), "OK")
    xlsx("cell_2mb_inline.xlsx", "内容太长",
         sheet_xml=sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>' + "长" * 700_000 + "</t></is></c></row>"))
    xlsx("sst_2mb_string.xlsx", "太长", strings=["x" * (2 << 20)])

    # -- OLE2 containers
    enc_info = struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0"?><encryption/>'
    out("encrypted_agile.xlsx", cfb([("EncryptionInfo", enc_info), ("EncryptedPackage", noise(64) * 64)]),
        "文件受密码保护")
    out("encrypted_renamed.xls", cfb([("EncryptionInfo", enc_info), ("EncryptedPackage", b"\x01" * 5000)]),
        "文件受密码保护")
    out("ole_word_document.xls", cfb([("WordDocument", b"\0" * 4096)]), "没有 Excel 工作簿数据")
    out("ole_header_only.xls", cfb([("Workbook", b"")])[:512], "")
    out("ole_garbage_after_signature.xls", bytes.fromhex("D0CF11E0A1B11AE1") + noise(2000), "")

    ledger = open(os.path.join(HERE, "..", "readers", "ledger.xls"), "rb").read()
    out("xls_truncated_half.xls", ledger[: len(ledger) // 2], "")
    out("xls_truncated_4k.xls", ledger[:4096], "")
    bad = bytearray(ledger)
    for k in range(1200, 1400):
        bad[k] ^= 0xFF
    out("xls_corrupt_middle.xls", bytes(bad), "ANY")  # may hit unused bytes
    # BIFF8 password protection: turn the WRITEACCESS record after the first BOF into FILEPASS (RC4).
    pw = bytearray(ledger)
    wa = pw.find(b"\x5c\x00\x70\x00")
    assert wa > 0
    pw[wa:wa + 2] = b"\x2f\x00"
    pw[wa + 4:wa + 6] = b"\x01\x00"
    out("xls_password.xls", bytes(pw), "文件受密码保护")

    # -- csv and text
    out("csv_unterminated_quote.csv", "名称,金额\n\"项目A,100\n项目B,200\n", "没有结束引号")
    out("csv_invalid_bytes.csv", b"ok,1\n\x80\xff\xfe,2\n", "无法识别的字符")
    out("csv_nul_bytes.csv", b"a,b\n\0\0\0,1\n", "二进制")
    out("csv_bom_then_gbk.csv", b"\xef\xbb\xbf" + "项目名称,金额\n".encode("gbk"), "无效的 UTF-8")
    out("csv_utf16_odd_length.csv", b"\xff\xfe" + "名称,金额\n".encode("utf-16-le") + b"\x41", "不完整")
    out("csv_gbk_truncated_char.csv", "项目名称,金额\n固安".encode("gbk") + b"\xb9", "不完整")
    out("csv_too_many_columns.csv", ",".join(["x"] * 17000) + "\n", "列数超过")
    out("csv_only_newlines.csv", "\n" * 100000, "OK")
    out("csv_gbk_ok.csv", "项目名称,总投资（万元）\n固安工业园区项目,\"1,234.5\"\n".encode("gbk"), "OK")
    out("csv_quote_storm.csv", '"' * 100001, "没有结束引号")

    # -- wrong formats behind spreadsheet extensions
    out("html_as_xls.xls", "<html><head><meta charset=utf-8></head><body><table><tr><td>项目</td></tr></table></body></html>",
        "网页（HTML）格式")
    out("xml2003_as_xls.xls", '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
        "Excel 2003 XML")
    out("pdf_as_xlsx.xlsx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF")
    out("empty_file.xlsx", b"", "文件是空的")
    out("one_byte.xls", b"\xd0", "不完整")
    out("random_binary.bin", bytes((i * 7919 + 13) % 251 for i in range(5000)) + b"\0", "无法识别的文件格式")
    out("text_as_xlsx.xlsx", "名称,金额\n甲,1\n", "内容是纯文本")

    with open(os.path.join(HERE, "expected.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\texpected: OK, ANY (read or refused), or a substring of the ReadError message (empty: any ReadError)\n")
        for name, exp in sorted(EXPECTED):
            f.write(f"{name}\t{exp}\n")
    total = sum(os.path.getsize(os.path.join(HERE, n)) for n, _ in EXPECTED)
    print(f"{len(EXPECTED)} files, {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
