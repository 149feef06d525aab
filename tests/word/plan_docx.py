"""Makes a Word plan (.docx) from the text of a plan, as a ward office would
have it: the header (issuer and number | motto, place and date) and the
signature (`Nơi nhận:` | signer) as borderless tables, `I.`, `1.`, `a)` and
bullets as Word's automatic numbering (not in the text), tab-separated rows
as a real table whose two-row header has merged cells.

    python3 plan_docx.py PLAN.txt OUT.docx

Needs python-docx (tests/run.sh installs it).
"""

import re
import sys

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

ROMAN = re.compile(r"^(X|IX|IV|V?I{1,3}|V)\.\s+(.*)$")
NUMBER = re.compile(r"^(\d{1,2})\.\s+(.*)$")
LETTER = re.compile(r"^([a-zđ])\)\s+(.*)$")
BULLET = re.compile(r"^([-+])\s+(.*)$")
ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]

ABSTRACT = """<w:abstractNum %s w:abstractNumId="90">
 <w:multiLevelType w:val="multilevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%%3)"/></w:lvl>
</w:abstractNum>"""
BULLETS = """<w:abstractNum %s w:abstractNumId="91">
 <w:multiLevelType w:val="multilevel"/>
 <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
 <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>
</w:abstractNum>"""


def add_numbering(document):
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    for xml in (ABSTRACT, BULLETS):
        node = parse_xml(xml % nsdecls("w"))
        # abstractNum elements come before num elements.
        if first_num is not None:
            first_num.addprevious(node)
        else:
            numbering.append(node)
    for num_id, abstract in (("90", "90"), ("91", "91")):
        numbering.append(
            parse_xml(
                '<w:num %s w:numId="%s"><w:abstractNumId w:val="%s"/></w:num>'
                % (nsdecls("w"), num_id, abstract)
            )
        )


def number(paragraph, num_id, level):
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            '<w:numPr %s><w:ilvl w:val="%d"/><w:numId w:val="%s"/></w:numPr>'
            % (nsdecls("w"), level, num_id)
        )
    )


class Counter:
    """Word's counters of list 90, to number automatically only where Word
    would print the same label; other labels (`đ)` after `b)`) stay typed."""

    def __init__(self):
        self.counts = [0, 0, 0]

    def expect(self, level):
        return self.counts[level] + 1

    def take(self, level):
        self.counts[level] += 1
        for deeper in range(level + 1, 3):
            self.counts[deeper] = 0


def paragraphs(lines):
    """Paragraphs of the body: lines joined until a blank line, a marked
    line, a line in capitals or a line with tabs."""
    out = []
    for line in lines:
        text = line.strip()
        starts = (
            not out
            or out[-1] is None
            or not text
            or "\t" in line
            or "\t" in out[-1]
            or ROMAN.match(text)
            or NUMBER.match(text)
            or LETTER.match(text)
            or BULLET.match(text)
            or text.upper() == text
            or out[-1].upper() == out[-1]
        )
        if not text:
            out.append(None)
        elif starts:
            out.append(line.rstrip("\n") if "\t" in line else text)
        else:
            out[-1] = out[-1] + " " + text
    return [p for p in out if p is not None]


def borderless(table):
    tbl_pr = table._tbl.tblPr
    tbl_pr.append(
        parse_xml(
            "<w:tblBorders %s>%s</w:tblBorders>"
            % (
                nsdecls("w"),
                "".join(
                    '<w:%s w:val="nil"/>' % s
                    for s in ("top", "left", "bottom", "right", "insideH", "insideV")
                ),
            )
        )
    )


def fill(cell, lines):
    cell.paragraphs[0].text = lines[0] if lines else ""
    for line in lines[1:]:
        cell.add_paragraph(line)


def header_table(document, lines):
    left, right = [], []
    for line in lines:
        if "\t" in line:
            a, b = line.split("\t", 1)
            left.append(a.strip())
            right.append(b.strip())
            continue
        text = line.strip()
        if not text:
            continue
        upper = text.upper()
        if upper.startswith("CỘNG HÒA") or upper.startswith("ĐỘC LẬP") or " ngày " in text:
            right.append(text)
        else:
            left.append(text)
    number_at = next((i for i, l in enumerate(left) if l.startswith("Số")), len(left))
    date_at = next((i for i, l in enumerate(right) if " ngày " in l), len(right))
    table = document.add_table(rows=2, cols=2)
    borderless(table)
    fill(table.cell(0, 0), left[:number_at])
    fill(table.cell(0, 1), right[:date_at])
    fill(table.cell(1, 0), left[number_at:])
    fill(table.cell(1, 1), right[date_at:])


def signature_table(document, lines):
    left, right = [], []
    for text in (l.strip() for l in lines):
        if not text:
            continue
        if text.startswith("Nơi nhận") or (BULLET.match(text) and not right):
            left.append(text)
        else:
            right.append(text)
    table = document.add_table(rows=1, cols=2)
    borderless(table)
    cell = table.cell(0, 0)
    cell.paragraphs[0].text = left[0]
    for line in left[1:]:
        m = BULLET.match(line)
        p = cell.add_paragraph(m.group(2) if m else line)
        if m:
            number(p, "91", 0)
    fill(table.cell(0, 1), right)


def data_table(document, rows):
    cells = [r.split("\t") for r in rows]
    width = max(len(r) for r in cells)
    cells = [r + [""] * (width - len(r)) for r in cells]
    table = document.add_table(rows=len(cells), cols=width)
    table.style = "Table Grid"
    for i, row in enumerate(cells):
        for j, text in enumerate(row):
            table.cell(i, j).text = text.strip()
    # A two-row header (its second row starts empty): a heading over empty
    # cells spans them, a heading over an empty cell below spans down.
    if len(cells) > 2 and not cells[1][0].strip():
        first, second = cells[0], cells[1]
        j = 0
        while j < width:
            end = j + 1
            while end < width and not first[end].strip() and second[end].strip():
                end += 1
            if end > j + 1:
                table.cell(0, j).merge(table.cell(0, end - 1))
            elif first[j].strip() and not second[j].strip():
                table.cell(0, j).merge(table.cell(1, j))
            j = end


def body(document, lines):
    counter = Counter()
    items = paragraphs(lines)
    i = 0
    while i < len(items):
        text = items[i]
        if "\t" in text:
            rows = []
            while i < len(items) and "\t" in items[i]:
                rows.append(items[i])
                i += 1
            data_table(document, rows)
            continue
        i += 1
        m = ROMAN.match(text)
        if m and m.group(1) == ROMANS[counter.expect(0) - 1]:
            counter.take(0)
            number(document.add_paragraph(m.group(2)), "90", 0)
            continue
        m = NUMBER.match(text)
        if m and int(m.group(1)) == counter.expect(1):
            counter.take(1)
            number(document.add_paragraph(m.group(2)), "90", 1)
            continue
        m = LETTER.match(text)
        if m and m.group(1) == "abcdefghijklmnopqrstuvwxyz"[counter.expect(2) - 1]:
            counter.take(2)
            number(document.add_paragraph(m.group(2)), "90", 2)
            continue
        m = BULLET.match(text)
        if m:
            number(document.add_paragraph(m.group(2)), "91", 0 if m.group(1) == "-" else 1)
            continue
        document.add_paragraph(text)


def main(source, target):
    with open(source, encoding="utf-8") as f:
        lines = f.read().split("\n")
    title_at = next(i for i, l in enumerate(lines) if l.strip() in ("KẾ HOẠCH", "PHƯƠNG ÁN"))
    signed_at = next(i for i, l in enumerate(lines) if l.strip().startswith("Nơi nhận"))
    # The signature ends with the signer's name, before an appendix.
    appendix_at = next(
        (i for i, l in enumerate(lines) if i > signed_at and l.strip().startswith("PHỤ LỤC")),
        len(lines),
    )
    document = docx.Document()
    add_numbering(document)
    header_table(document, lines[:title_at])
    body(document, lines[title_at:signed_at])
    signature_table(document, lines[signed_at:appendix_at])
    body(document, lines[appendix_at:])
    document.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
