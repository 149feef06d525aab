//! The lines of a pasted text as written, made plain before they are read:
//! Markdown blockquotes and decoration rules removed, Markdown tables and
//! columns laid out with wide gaps (a PDF's layout, a Word table pasted as
//! text) turned into tab-separated cells, the quotes around an amended clause
//! removed, and the page furniture of a PDF (page numbers, running headers
//! and footers) blanked. Also measures the width at which a PDF's text was
//! wrapped, which tells a line broken by the page from a line that ends.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

/// One line of the source, made plain.
pub struct Raw<'a> {
    /// 1-based line in the source.
    pub line: usize,
    pub text: Cow<'a, str>,
    /// Ends with a Markdown hard break (two spaces, `\`).
    pub hard_break: bool,
    /// A Markdown heading (`##`).
    pub heading: bool,
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Trang|trang|TRANG)\s+[0-9]{1,3}(?:\s*/\s*[0-9]{1,3})?|[0-9]{1,3}|-\s*[0-9]{1,3}\s*-)$")
        .unwrap()
});
/// `“3. Thời gian …`: an amended clause quoted, starting with its marker.
static QUOTED_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^[“"]\s*(?:[0-9]{1,2}(?:\.[0-9]{1,2})*[.)]|[a-zđ]\))"#).unwrap()
});

/// The source's lines, made plain (see the module's documentation).
pub fn prepare(text: &str) -> Vec<Raw<'_>> {
    let mut raw: Vec<Raw> = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1);
    raw.extend(text.split('\n').enumerate().map(plain_line));
    blank_page_furniture(&mut raw);
    raw
}

fn plain_line((i, l): (usize, &str)) -> Raw<'_> {
    let hard_break = l.ends_with("  ") || l.ends_with('\\');
    let l = l.trim_end_matches([' ', '\\']);
    // A row of cells keeps its leading tabs: they are its empty first
    // cells. Other lines lose their indent.
    let mut t = if l.trim().contains('\t') {
        l.trim_start_matches([' ', '\u{a0}'])
    } else {
        l.trim_start()
    };
    // A Markdown blockquote: an amending plan quotes the clauses it replaces.
    while let Some(rest) = t.strip_prefix('>') {
        t = rest.trim_start();
    }
    let stripped = t.trim_start_matches('#');
    let heading = stripped.len() < t.len() && (stripped.starts_with(' ') || stripped.is_empty());
    if heading {
        t = stripped.trim_start();
    }
    let text = match unescape(t) {
        _ if is_decoration(t) => Cow::Borrowed(""),
        Cow::Borrowed(t) => columns(unquote(t)),
        Cow::Owned(t) if is_decoration(&t) => Cow::Borrowed(""),
        Cow::Owned(t) => Cow::Owned(columns(unquote(&t)).into_owned()),
    };
    Raw {
        line: i + 1,
        text,
        hard_break,
        heading,
    }
}

/// Markdown's escapes undone: `1\. Phòng …`, `\- UBND tỉnh`, `2026 \- 2027`
/// (Google Docs and converters escape what would be Markdown) are the
/// characters they escape. A backslash before anything but ASCII
/// punctuation is a backslash.
fn unescape(t: &str) -> Cow<'_, str> {
    if !t.contains('\\') {
        return Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(t.len());
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&n) if c == '\\' && n.is_ascii_punctuation() => {
                out.push(n);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `---`, `***`, `* * *`, `=====`: a rule drawn under a header, not text.
fn is_decoration(t: &str) -> bool {
    let mut n = 0;
    for c in t.chars() {
        match c {
            '-' | '*' | '_' | '=' | '–' | '—' => n += 1,
            ' ' | '\t' => {}
            _ => return false,
        }
    }
    n >= 3
}

/// `“3. Thời gian thực hiện: … 31/12/2026.”` → `3. Thời gian thực hiện: … 31/12/2026.`
fn unquote(t: &str) -> &str {
    let t = if QUOTED_CLAUSE.is_match(t) {
        t.trim_start_matches(['“', '"']).trim_start()
    } else {
        t
    };
    match t.strip_suffix(['”', '"']) {
        Some(rest) if rest.ends_with(['.', ';', ':', '!', '?']) => rest,
        _ => t,
    }
}

/// Cells of a Markdown table (`| a | b |`), of a row laid out as columns (`a
/// | b`, a PDF's wide gaps), as tab-separated text; a Markdown table's
/// delimiter row (`|---|:--:|`) is left out.
fn columns(t: &str) -> Cow<'_, str> {
    if let Some(inner) = t.strip_prefix('|') {
        if inner
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
        {
            return Cow::Borrowed("");
        }
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
        return Cow::Owned(cells.join("\t"));
    }
    let t: Cow<str> = if t.contains(" | ") {
        Cow::Owned(t.replace(" | ", "\t"))
    } else {
        Cow::Borrowed(t)
    };
    if !t.contains("    ") {
        return t;
    }
    Cow::Owned(split_gaps(&t))
}

/// Runs of four spaces or more between words (three in a line that has
/// such a run) become tabs, except a blank left to be filled in by hand
/// (`Số:      /KH-UBND`, `ngày      tháng 6`).
fn split_gaps(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    // In a line aligned in columns (a gap of four spaces or more), three
    // spaces part two columns too (`STT   Địa điểm          Ngày`).
    let gap = if t.trim().contains("    ") {
        "   "
    } else {
        "    "
    };
    while let Some(at) = rest.find(gap) {
        let (before, after) = rest.split_at(at);
        let spaces = after.len() - after.trim_start_matches(' ').len();
        let after = &after[spaces..];
        out.push_str(before);
        let word = before
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .to_lowercase();
        // A fill-in blank (`Số:    /KH-UBND`, `ngày    tháng    năm`,
        // `ngày ....`) only when what follows is the rest of the number or
        // date; a header word such as `Ngày` before a gap is a column.
        let next = after.to_lowercase();
        let blank = after.starts_with(['/', '.', '…'])
            || (matches!(word.as_str(), "số:" | "số" | "ngày" | "tháng")
                && (next.starts_with("tháng") || next.starts_with("năm")));
        let column = !before.trim().is_empty() && !after.is_empty() && !blank;
        out.push(if column { '\t' } else { ' ' });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Page numbers (`2`, `Trang 2/4`, `- 2 -`) and the running header or
/// footer printed beside them on every page.
fn blank_page_furniture(raw: &mut [Raw]) {
    let is_number = |r: &Raw| PAGE_NUMBER.is_match(r.text.trim());
    let numbers: Vec<usize> = (0..raw.len()).filter(|&i| is_number(&raw[i])).collect();
    if numbers.is_empty() {
        return;
    }
    // A line beside a page number on two pages or more is a running header:
    // the same text at two places or more.
    let mut places: HashSet<usize> = HashSet::new();
    for &i in &numbers {
        let before = (i.saturating_sub(2)..i)
            .rev()
            .find(|&j| !raw[j].text.trim().is_empty());
        let after = (i + 1..raw.len().min(i + 3)).find(|&j| !raw[j].text.trim().is_empty());
        places.extend(
            [before, after]
                .into_iter()
                .flatten()
                .filter(|&j| !is_number(&raw[j]) && !raw[j].text.contains('\t')),
        );
    }
    let mut beside: HashMap<&str, usize> = HashMap::new();
    for &j in &places {
        *beside.entry(raw[j].text.trim()).or_default() += 1;
    }
    let beside: HashSet<String> = beside
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(t, _)| t.to_string())
        .collect();
    for r in raw.iter_mut() {
        if is_number(r) || beside.contains(r.text.trim()) {
            r.text = Cow::Borrowed("");
        }
    }
}

/// The width at which the text was wrapped, in characters, when its lines
/// were broken at a page's width (text extracted from PDF): most long lines
/// are about as long as each other. `None` for text whose lines are
/// paragraphs (pasted from Word, Markdown).
pub fn wrap_width(raw: &[Raw]) -> Option<usize> {
    let mut lengths: Vec<usize> = raw
        .iter()
        .filter(|r| !r.text.is_empty() && !r.text.contains('\t'))
        .map(|r| r.text.chars().count())
        .collect();
    if lengths.len() < 20 {
        return None;
    }
    lengths.sort_unstable();
    let width = lengths[lengths.len() * 9 / 10];
    let near = lengths.iter().filter(|&&n| n * 5 >= width * 4).count();
    (width <= 120 && near * 10 >= lengths.len() * 3).then_some(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_are_the_characters_they_escape() {
        assert_eq!(
            unescape(r"### **1\. Phòng Giáo dục**"),
            "### **1. Phòng Giáo dục**"
        );
        assert_eq!(unescape(r"\- Lưu: VT\."), "- Lưu: VT.");
        assert_eq!(unescape(r"C:\thư mục"), r"C:\thư mục");
        assert!(matches!(unescape("không có"), Cow::Borrowed(_)));
    }

    fn texts(s: &str) -> Vec<String> {
        prepare(s)
            .into_iter()
            .map(|r| r.text.into_owned())
            .collect()
    }

    #[test]
    fn columns_and_tables_become_cells() {
        assert_eq!(
            texts("  CÔNG AN TỈNH A          CỘNG HÒA XÃ HỘI\n| STT | Ngày |\n|:---:|---|\n| 1 | 25/7/2026 |\n**UBND XÃ A** | **CỘNG HÒA**"),
            ["CÔNG AN TỈNH A\tCỘNG HÒA XÃ HỘI", "STT\tNgày", "", "1\t25/7/2026", "**UBND XÃ A**\t**CỘNG HÒA**"]
        );
        // Blanks left for a number or a day are not columns.
        assert_eq!(
            texts("Số:      /KH-UBND\nMỹ Lợi, ngày      tháng 6 năm 2026"),
            ["Số: /KH-UBND", "Mỹ Lợi, ngày tháng 6 năm 2026"]
        );
        assert_eq!(
            texts("ngày    tháng    năm 2026\nSố:     ....\nngày ....../6/2026"),
            ["ngày tháng năm 2026", "Số: ....", "ngày ....../6/2026"]
        );
    }

    #[test]
    fn three_spaces_part_columns_in_a_line_aligned_in_columns() {
        assert_eq!(
            texts("STT   Địa điểm                 Ngày         Giờ\nMột câu   có ba dấu cách."),
            ["STT\tĐịa điểm\tNgày\tGiờ", "Một câu   có ba dấu cách."]
        );
    }

    #[test]
    fn header_words_of_space_aligned_tables_are_columns() {
        assert_eq!(
            texts("STT    Ngày         Giờ              Địa điểm\n1      29/3/2025    7h30 - 11h00     Nhà văn hóa ấp A"),
            ["STT\tNgày\tGiờ\tĐịa điểm", "1\t29/3/2025\t7h30 - 11h00\tNhà văn hóa ấp A"]
        );
        assert_eq!(
            texts("Tháng     Số hồ sơ     Số    Ghi chú"),
            ["Tháng\tSố hồ sơ\tSố\tGhi chú"]
        );
    }

    #[test]
    fn quotes_rules_and_page_furniture_go() {
        assert_eq!(
            texts("> “3. Thời gian: Từ ngày 10/3/2026.”\n>\n---\n***\t"),
            ["3. Thời gian: Từ ngày 10/3/2026.", "", "", ""]
        );
        let t = texts("việc một\n\nUBND xã A - Kế hoạch\n2\n\nviệc hai\n      Trang 3/4\nviệc ba\nUBND xã A - Kế hoạch\n3\n- 4 -");
        assert_eq!(
            t,
            [
                "việc một",
                "",
                "",
                "",
                "",
                "việc hai",
                "",
                "việc ba",
                "",
                "",
                ""
            ]
        );
        // A line repeated once beside a page number is text.
        assert_eq!(texts("Kết luận\n2\nHết")[0], "Kết luận");
    }

    #[test]
    fn the_wrap_width_of_pdf_text() {
        let line = "Tổ chức thu nhận hồ sơ cấp căn cước cho học sinh tại các điểm";
        let wrapped = [line; 30].join("\n");
        assert_eq!(wrap_width(&prepare(&wrapped)), Some(line.chars().count()));
        let paragraphs = [line.repeat(4).as_str(); 30].join("\n");
        assert_eq!(wrap_width(&prepare(&paragraphs)), None);
    }
}
