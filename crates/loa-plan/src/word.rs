//! Word plans (`.docx`): the document's paragraphs, its automatic
//! numbering and its tables turned into the text [`crate::read`] reads, as
//! if the plan had been pasted: the header table and the signature table as
//! their lines (left cell, then right cell), other tables as tab-separated
//! rows with merged cells as empty ones.
//!
//! A `.docx` is a zip of XML parts (`zip` and `roxmltree`): the text is in
//! `word/document.xml`, the numbers `I.`, `1.`, `a)` are not in the text but
//! made by Word from `word/numbering.xml` (see [`numbering`]).

mod numbering;

use std::io::{Cursor, Read};

use roxmltree::{Document, Node};

use numbering::{Counters, Numbering};

use crate::Plan;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Why a `.docx` could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordError {
    /// Not a zip archive, or one without `word/document.xml`; the detail
    /// says which (the zip library's words, or the missing part).
    NotWord(String),
    /// A part of the archive is not well-formed XML.
    Xml {
        /// The part, such as `word/document.xml`.
        part: &'static str,
        /// What the XML parser found, with its position in the part.
        detail: String,
    },
}

impl std::fmt::Display for WordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WordError::NotWord(detail) => write!(f, "not a Word document: {detail}"),
            WordError::Xml { part, detail } => write!(f, "{part}: {detail}"),
        }
    }
}

impl std::error::Error for WordError {}

/// Reads a plan issued as a Word document (`.docx`, the bytes of the file):
/// [`docx_text`], then [`crate::read`]. Old Word files (`.doc`, Word
/// 97-2003) are not zip archives: they give [`WordError::NotWord`].
///
/// ```no_run
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let bytes = std::fs::read("campaigns/can-cuoc-tre-em/plan.docx")?;
/// let plan = loa_plan::read_docx(&bytes)?;
/// println!("{:?} {:?}", plan.number, plan.period);
/// # Ok(())
/// # }
/// ```
///
/// What is not a Word document is an error, never an empty plan:
///
/// ```
/// use loa_plan::WordError;
///
/// let pasted = "KẾ HOẠCH\nCấp căn cước cho trẻ em\n".as_bytes();
/// assert!(matches!(loa_plan::read_docx(pasted), Err(WordError::NotWord(_))));
/// ```
pub fn read_docx(bytes: &[u8]) -> Result<Plan, WordError> {
    docx_text(bytes).map(|text| crate::read(&text))
}

/// The text of a Word document (`.docx`), as [`crate::read`] reads pasted
/// text: paragraphs with their automatic numbers (`I.`, `1.`, `a)`) and
/// tables as rows of tab-separated cells.
pub fn docx_text(bytes: &[u8]) -> Result<String, WordError> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| WordError::NotWord(e.to_string()))?;
    let document = part(&mut zip, "word/document.xml")?
        .ok_or_else(|| WordError::NotWord("word/document.xml is missing".into()))?;
    let numbering = part(&mut zip, "word/numbering.xml")?;
    let styles = part(&mut zip, "word/styles.xml")?;
    let numbering = Numbering::parse(numbering.as_deref(), styles.as_deref())?;
    let doc = parse("word/document.xml", &document)?;
    let mut out = Writer {
        numbering: &numbering,
        counters: Counters::default(),
        text: String::new(),
    };
    if let Some(body) = child(doc.root_element(), "body") {
        out.blocks(body);
    }
    Ok(out.text)
}

/// One part of the archive as text; `None` when the archive has no such part.
fn part<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<String>, WordError> {
    let mut file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(WordError::NotWord(e.to_string())),
    };
    let mut text = String::new();
    file.read_to_string(&mut text)
        .map_err(|e| WordError::NotWord(format!("{name}: {e}")))?;
    Ok(Some(text))
}

fn parse<'a>(part: &'static str, text: &'a str) -> Result<Document<'a>, WordError> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..Default::default()
    };
    Document::parse_with_options(text, options).map_err(|e| WordError::Xml {
        part,
        detail: e.to_string(),
    })
}

fn is(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is(*c, name))
}

fn children<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(move |c| is(*c, name))
}

/// The `w:val` attribute of the child `name` of `node`.
fn val<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name)?.attribute((W, "val"))
}

/// How a table is written out.
#[derive(PartialEq)]
enum TableKind {
    /// The header (issuer, number | motto, place and date) or the signature
    /// (`Nơi nhận:` | signer): a layout of lines, not a table of figures.
    Layout,
    /// A table of data: rows of cells.
    Data,
}

struct Writer<'n> {
    numbering: &'n Numbering,
    counters: Counters,
    text: String,
}

impl Writer<'_> {
    /// The paragraphs and tables of the body, a table cell or a content control.
    fn blocks(&mut self, parent: Node) {
        for node in parent.children() {
            if is(node, "p") {
                let line = self.paragraph(node, "\n");
                self.text.push_str(&line);
                self.text.push_str("\n\n");
            } else if is(node, "tbl") {
                self.table(node);
            } else if is(node, "sdt") {
                if let Some(content) = child(node, "sdtContent") {
                    self.blocks(content);
                }
            }
        }
    }

    /// A paragraph's text with its automatic number (`1. …`); line breaks
    /// inside it as `line_break`.
    fn paragraph(&mut self, p: Node, line_break: &str) -> String {
        let mut text = String::new();
        runs(p, line_break, &mut text);
        let text = text.trim().to_string();
        let number = child(p, "pPr").and_then(|ppr| self.numbering.of_paragraph(ppr));
        match number {
            // Word numbers empty paragraphs too, but shows no number there.
            Some(n) if !text.is_empty() => match self.counters.label(self.numbering, &n) {
                Some(label) => format!("{label} {text}"),
                None => text,
            },
            _ => text,
        }
    }

    fn table(&mut self, tbl: Node) {
        let rows: Vec<Vec<Cell>> = children(tbl, "tr").map(|tr| self.row(tr)).collect();
        let kind = if rows.iter().flatten().any(|c| is_layout(&c.lines)) {
            TableKind::Layout
        } else {
            TableKind::Data
        };
        for row in &rows {
            match kind {
                TableKind::Layout => {
                    for line in row.iter().flat_map(|c| &c.lines) {
                        self.text.push_str(line);
                        self.text.push('\n');
                    }
                }
                TableKind::Data => {
                    let cells: Vec<String> = row
                        .iter()
                        .flat_map(|c| {
                            let text = if c.continued {
                                String::new()
                            } else {
                                c.lines.join(" ")
                            };
                            std::iter::once(text).chain((1..c.span).map(|_| String::new()))
                        })
                        .collect();
                    self.text.push_str(&cells.join("\t"));
                    self.text.push('\n');
                }
            }
        }
        self.text.push('\n');
    }

    fn row(&mut self, tr: Node) -> Vec<Cell> {
        let grid = |name| {
            child(tr, "trPr")
                .and_then(|p| val(p, name))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0)
        };
        let mut cells: Vec<Cell> = (0..grid("gridBefore")).map(|_| Cell::empty()).collect();
        for tc in children(tr, "tc") {
            let props = child(tc, "tcPr");
            let span = props
                .and_then(|p| val(p, "gridSpan"))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, 64);
            // `<w:vMerge/>` continues the cell above; `w:val="restart"` starts one.
            let continued = props
                .and_then(|p| child(p, "vMerge"))
                .is_some_and(|m| m.attribute((W, "val")).is_none_or(|v| v == "continue"));
            let mut lines = Vec::new();
            self.cell_lines(tc, &mut lines);
            cells.push(Cell {
                lines,
                span,
                continued,
            });
        }
        cells.extend((0..grid("gridAfter")).map(|_| Cell::empty()));
        cells
    }

    /// The non-empty lines of a cell's paragraphs, nested tables included.
    fn cell_lines(&mut self, parent: Node, lines: &mut Vec<String>) {
        for node in parent.children() {
            if is(node, "p") {
                let text = self.paragraph(node, "\n");
                lines.extend(
                    text.lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(String::from),
                );
            } else if is(node, "tbl") {
                for tr in children(node, "tr") {
                    for tc in children(tr, "tc") {
                        self.cell_lines(tc, lines);
                    }
                }
            } else if is(node, "sdt") {
                if let Some(content) = child(node, "sdtContent") {
                    self.cell_lines(content, lines);
                }
            }
        }
    }
}

struct Cell {
    lines: Vec<String>,
    /// Grid columns it covers (`w:gridSpan`).
    span: usize,
    /// The continuation of a cell merged down (`w:vMerge`).
    continued: bool,
}

impl Cell {
    fn empty() -> Self {
        Cell {
            lines: Vec::new(),
            span: 1,
            continued: false,
        }
    }
}

/// Whether a cell's lines are the national motto, the issuer's number or
/// the recipients: those of the header and signature tables.
fn is_layout(lines: &[String]) -> bool {
    lines.iter().any(|l| {
        let upper = l.to_uppercase();
        upper.starts_with("CỘNG HÒA XÃ HỘI CHỦ NGHĨA")
            || upper.starts_with("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA")
            || upper.starts_with("NƠI NHẬN")
            || upper.starts_with("ĐỘC LẬP - TỰ DO")
    })
}

/// The text of a paragraph's runs, in order, into `out`: hyperlinks,
/// insertions, smart tags and fields included, deleted text left out.
fn runs(node: Node, line_break: &str, out: &mut String) {
    for n in node.children().filter(Node::is_element) {
        if n.tag_name().namespace() != Some(W) {
            continue;
        }
        match n.tag_name().name() {
            "t" => out.push_str(n.text().unwrap_or("")),
            "tab" | "ptab" => out.push(' '),
            "br" | "cr" => {
                // A page or column break ends nothing inside a sentence.
                if n.attribute((W, "type")).is_none_or(|t| t == "textWrapping") {
                    out.push_str(line_break);
                } else {
                    out.push(' ');
                }
            }
            "noBreakHyphen" => out.push('-'),
            "softHyphen" => {}
            "del" | "pPr" | "rPr" | "instrText" | "delText" | "fldData" => {}
            "r" => {
                if !hidden(n) {
                    runs(n, line_break, out);
                }
            }
            _ => runs(n, line_break, out),
        }
    }
}

/// A run formatted as hidden text (`w:vanish`).
fn hidden(run: Node) -> bool {
    child(run, "rPr")
        .and_then(|p| child(p, "vanish"))
        .is_some_and(|v| {
            v.attribute((W, "val"))
                .is_none_or(|v| v != "0" && v != "false")
        })
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn docx(document: &str, numbering: Option<&str>) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        let mut parts = vec![("word/document.xml", document)];
        parts.retain(|(_, text)| !text.is_empty());
        parts.extend(numbering.map(|n| ("word/numbering.xml", n)));
        for (name, text) in parts {
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn body(xml: &str) -> String {
        format!(r#"<w:document xmlns:w="{W}"><w:body>{xml}</w:body></w:document>"#)
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    fn numbered(list: u8, level: u8, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{list}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    }

    fn tc(props: &str, paragraphs: &[&str]) -> String {
        let ps: String = paragraphs.iter().map(|t| p(t)).collect();
        format!("<w:tc><w:tcPr>{props}</w:tcPr>{ps}</w:tc>")
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
</w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"#;

    #[test]
    fn header_numbering_tables_and_signature() {
        let header = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            tc("", &["ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA"]),
            tc(
                "",
                &[
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc"
                ]
            ),
            tc("", &["Số: 45/KH-UBND"]),
            tc("", &["Tân Hòa, ngày 03 tháng 7 năm 2026"]),
        );
        let merged = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
            tc(r#"<w:vMerge w:val="restart"/>"#, &["Ấp"]),
            tc(r#"<w:gridSpan w:val="2"/>"#, &["Học sinh"]),
            tc("<w:vMerge/>", &[]),
            tc("", &["Tổng"]),
            tc("", &["Còn lại"]),
            tc("", &["Tân Long"]),
            tc("", &["420"]),
            tc("", &["300"]),
        );
        let signature = format!(
            "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
            tc("", &["Nơi nhận:", "- Lưu: VT."]),
            tc("", &["CHỦ TỊCH", "Lê Thị Hoa"]),
        );
        let document = body(&format!(
            "{header}{}{}{}{}{}{merged}{signature}",
            p("KẾ HOẠCH"),
            numbered(5, 0, "MỤC ĐÍCH"),
            numbered(5, 1, "Bảo đảm"),
            numbered(5, 1, "Hỗ trợ</w:t><w:br/><w:t>người cao tuổi"),
            numbered(5, 0, "NHIỆM VỤ"),
        ));
        let text = docx_text(&docx(&document, Some(NUMBERING))).unwrap();
        assert_eq!(
            text,
            "ỦY BAN NHÂN DÂN\nXÃ TÂN HÒA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
             Độc lập - Tự do - Hạnh phúc\nSố: 45/KH-UBND\nTân Hòa, ngày 03 tháng 7 năm 2026\n\n\
             KẾ HOẠCH\n\nI. MỤC ĐÍCH\n\n1. Bảo đảm\n\n2. Hỗ trợ\nngười cao tuổi\n\nII. NHIỆM VỤ\n\n\
             Ấp\tHọc sinh\t\n\tTổng\tCòn lại\nTân Long\t420\t300\n\n\
             Nơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nLê Thị Hoa\n\n"
        );
    }

    #[test]
    fn not_a_word_document() {
        assert!(matches!(docx_text(b"KE HOACH"), Err(WordError::NotWord(_))));
        let no_document = docx("", None);
        assert!(matches!(
            docx_text(&no_document),
            Err(WordError::NotWord(_))
        ));
        let broken = docx(&body("<w:p>"), None);
        assert!(matches!(
            docx_text(&broken),
            Err(WordError::Xml {
                part: "word/document.xml",
                ..
            })
        ));
    }
}
