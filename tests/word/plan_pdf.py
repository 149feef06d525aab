"""Makes a PDF of a plan's text with a text layer, as Word's "Save as PDF"
does (lines broken inside sentences), or with none (`--scan`: a page with
only a picture, as a scanner makes).

    python3 plan_pdf.py PLAN.txt FONT.ttf OUT.pdf
    python3 plan_pdf.py --scan OUT.pdf

Needs fpdf2 (tests/run.sh installs it).
"""

import sys

from fpdf import FPDF


def text_pdf(source, font, target):
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("Plan", "", font)
    pdf.set_font("Plan", size=10)
    with open(source, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            text = line.replace("\t", "    ") or " "
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.output(target)


def scanned_pdf(target):
    pdf = FPDF()
    pdf.add_page()
    # A grey page: the picture of a paper, no letters.
    pdf.set_fill_color(235, 235, 230)
    pdf.rect(10, 10, 190, 277, style="F")
    for y in range(30, 260, 8):
        pdf.set_fill_color(90, 90, 90)
        pdf.rect(20, y, 170, 2, style="F")
    pdf.output(target)


if __name__ == "__main__":
    if sys.argv[1] == "--scan":
        scanned_pdf(sys.argv[2])
    else:
        text_pdf(sys.argv[1], sys.argv[2], sys.argv[3])
