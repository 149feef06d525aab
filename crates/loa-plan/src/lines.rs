//! From pasted text to logical lines: Markdown decoration removed, lines
//! broken inside a sentence (PDF extraction) joined again, each line
//! classified by its marker (`I.`, `1.`, `a)`, `-`, `+`) or as a table row.

use std::sync::LazyLock;

use regex::Regex;

use crate::layout;

#[derive(Debug, Clone, PartialEq)]
pub enum Marker {
    /// `I.` … `X.`
    Roman(String),
    /// `1.`, `2)`, `1.2.`
    Number(String),
    /// `a)`, `đ)`
    Letter(String),
    /// `-`, `•`, `*` (depth 0) or `+` (depth 1)
    Bullet(u8),
}

#[derive(Debug, Clone)]
pub struct Block {
    /// 1-based line of the source where the block starts.
    pub line: usize,
    pub marker: Option<Marker>,
    /// The text without its marker and without Markdown emphasis.
    pub text: String,
    /// The text starts with a label in bold or before `:` (`Phạm vi: …`).
    pub label: Option<String>,
    /// What follows the label.
    pub rest: String,
    /// Written as a Markdown heading (`##`) or entirely in bold.
    pub emphasized: bool,
    /// Tab-separated cells, for a table row.
    pub cells: Option<Vec<String>>,
}

impl Block {
    pub fn is_table_row(&self) -> bool {
        self.cells.is_some()
    }

    /// The text with its marker, as written (`1. Mục đích`).
    #[cfg(test)]
    fn full(&self) -> String {
        match &self.marker {
            Some(Marker::Roman(n)) | Some(Marker::Number(n)) => format!("{n}. {}", self.text),
            Some(Marker::Letter(l)) => format!("{l}) {}", self.text),
            _ => self.text.clone(),
        }
    }
}

static ROMAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:PHẦN\s+|Phần\s+)?(X|IX|IV|V?I{1,3}|V)\s*[.)/]\s*").unwrap());
/// `A. MỤC ĐÍCH`: a capital letter numbers the top sections of some plans.
static CAPITAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([A-HĐ])\.\s+").unwrap());
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{1,2}(?:\.[0-9]{1,2})*)\s*[.)]\s*").unwrap());
static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([a-zđ])\)\s*").unwrap());
static BULLET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^([-–•*+])\s+").unwrap());
static BOLD_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\*{1,3}([^*]{2,200}?):\s*\*{1,3}\s*(.*)$").unwrap());
static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([^:;.]{2,80}):\s+(\S.*)$").unwrap());
static AUTOLINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<(https?://[^>\s]+)>").unwrap());

/// Words after which a line that breaks continues with a number on the next line.
const NUMBER_EXPECTING: &[&str] = &[
    "ngày", "tháng", "năm", "số", "từ", "đến", "trước", "sau", "lúc", "đạt", "và", "với", "gồm",
    "có", "là", "cho", "của", "khoảng", "trên", "dưới", "hết", "(",
];

/// Words after which a sentence cannot end: a line that ends with one goes
/// on in the next, whatever letter that starts with.
const FUNCTION_WORDS: &[&str] = &[
    "về", "của", "cho", "với", "và", "hoặc", "các", "những", "tại", "đến", "từ", "theo", "trên",
    "dưới", "qua", "để", "là", "được", "bị", "có", "thì", "mà", "như", "do", "vào", "tới", "gồm",
    "bằng", "trong", "ngoài", "sau", "trước", "khi", "nếu", "vì", "nhằm", "thuộc", "giữa", "đối",
];

/// How a line goes on in the next.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Join {
    /// The next line starts a new block.
    No,
    /// The sentence goes on: joined with a space.
    Space,
    /// A word broken by a hyphen (`VNe-` / `ID`): joined without it.
    Glue,
}

pub fn blocks(text: &str) -> Vec<Block> {
    let raw = layout::prepare(text);
    let wrap = layout::wrap_width(&raw);
    let mut out = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let first = &raw[i];
        if first.text.trim().is_empty() {
            i += 1;
            continue;
        }
        let mut text = first.text.to_string();
        let mut end = i;
        // Join the following non-blank lines while the sentence goes on.
        loop {
            // Only the last line joined decides: the work stays linear in the text.
            if raw[end].heading || raw[end].hard_break || raw[end].text.contains('\t') {
                break;
            }
            let mut next = end + 1;
            while next < raw.len() && raw[next].text.trim().is_empty() {
                next += 1;
            }
            if next >= raw.len() {
                break;
            }
            let wrapped = next == end + 1
                && wrap.is_some_and(|w| raw[end].text.chars().count() * 20 >= w * 17);
            match continues(&raw[end].text, &raw[next], wrapped) {
                Join::No => break,
                Join::Space => text.push(' '),
                Join::Glue if text.ends_with('-') => {
                    text.pop();
                }
                Join::Glue => text.push(' '),
            }
            text.push_str(&raw[next].text);
            end = next;
        }
        out.push(classify(first.line, &text, first.heading));
        i = end + 1;
    }
    out
}

/// Whether `next` continues the sentence that the line `text` ends (a line
/// broken by PDF extraction). `wrapped`: the line is as long as the text's
/// wrap width and the next follows it without a blank line.
fn continues(text: &str, next: &layout::Raw, wrapped: bool) -> Join {
    let plain = strip_emphasis(text);
    let plain = plain.trim_end();
    let next_text = strip_emphasis(&next.text);
    let next_text = next_text.trim_start();
    if next.heading || next_text.contains('\t') || plain.is_empty() || is_marked(next_text) {
        return Join::No;
    }
    if is_caps_line(plain) || is_caps_line(next_text) {
        return Join::No;
    }
    let Some(c) = next_text.chars().next() else {
        return Join::No;
    };
    // `VNe-` / `ID`: a word broken at the line's end.
    let mut tail = plain.chars().rev();
    if tail.next() == Some('-') && tail.next().is_some_and(char::is_alphabetic) && c.is_alphabetic()
    {
        return Join::Glue;
    }
    if plain.ends_with(['.', ':', '!', '?', '…']) {
        return Join::No;
    }
    // An item's clause goes on in a line that starts in lower case.
    if plain.ends_with([';', ',']) {
        return if c.is_lowercase() {
            Join::Space
        } else {
            Join::No
        };
    }
    let last_word = plain
        .rsplit(|ch: char| ch.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let goes_on = c.is_lowercase()
        || FUNCTION_WORDS.contains(&last_word.as_str())
        || opens(plain)
        || wrapped
        || (c.is_ascii_digit()
            && NUMBER_EXPECTING
                .iter()
                .any(|w| last_word == *w || last_word.ends_with('(')));
    if goes_on {
        Join::Space
    } else {
        Join::No
    }
}

/// A parenthesis or a quote opened in the line and not closed.
fn opens(line: &str) -> bool {
    let count = |c: char| line.chars().filter(|&x| x == c).count();
    count('(') > count(')') || count('“') > count('”')
}

/// The marker that `re` (one of [`ROMAN`], [`NUMBER`], [`LETTER`],
/// [`BULLET`]) finds at the start of `text`, and the text after it, when
/// there is some. The patterns stop after the marker's spaces: captures over
/// the whole line cost a regex as much again as finding the marker.
fn marked<'t>(re: &Regex, text: &'t str) -> Option<(String, &'t str)> {
    let c = re.captures(text)?;
    let rest = &text[c.get(0)?.end()..];
    (!rest.is_empty() && !rest.contains('\n')).then(|| (c[1].to_string(), rest))
}

/// A line that starts a new item: `I.`, `1.`, `a)`, `-`, `+`.
fn is_marked(text: &str) -> bool {
    [&ROMAN, &NUMBER, &LETTER, &BULLET].into_iter().any(|re| {
        re.find(text)
            .is_some_and(|m| m.end() < text.len() && !text[m.end()..].contains('\n'))
    })
}

/// Letters all in capitals (`ỦY BAN NHÂN DÂN`, `CHỦ TỊCH`), with at least two.
pub fn is_caps_line(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Removes Markdown emphasis (`**`, `*`, `__`) and turns `<https://…>` into the address.
pub fn strip_emphasis(text: &str) -> String {
    // Most lines have nothing to strip.
    if !text
        .bytes()
        .any(|b| matches!(b, b'*' | b'_' | b'\\' | b'<'))
        && !text.contains("  ")
        && text.trim().len() == text.len()
    {
        return text.to_string();
    }
    let text = AUTOLINK.replace_all(text, "$1");
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    // Whether the last character kept is a space: the spaces that removed
    // markers leave behind are collapsed.
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '*' => continue,
            '_' if chars.peek() == Some(&'_') => {
                chars.next();
                continue;
            }
            '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => continue,
            ' ' if space => continue,
            _ => {}
        }
        space = c == ' ';
        out.push(c);
    }
    match out.trim() {
        trimmed if trimmed.len() == out.len() => out,
        trimmed => trimmed.to_string(),
    }
}

fn classify(line: usize, raw: &str, heading: bool) -> Block {
    if raw.contains('\t') {
        let cells: Vec<String> = raw
            .split('\t')
            .map(|c| strip_emphasis(c).trim().to_string())
            .collect();
        return Block {
            line,
            marker: None,
            text: cells.join(" "),
            label: None,
            rest: String::new(),
            emphasized: false,
            cells: Some(cells),
        };
    }
    let bold_whole = {
        let t = raw.trim();
        (t.starts_with("**")
            && t.ends_with("**")
            && t.len() > 4
            && !t[2..t.len() - 2].contains("**"))
            || (t.starts_with('*')
                && t.ends_with('*')
                && t.len() > 2
                && !t[1..t.len() - 1].contains('*'))
    };
    // A Markdown bullet `* x` is a bullet; `*x*` is emphasis.
    let (marker, body) = if let Some((bullet, rest)) = marked(&BULLET, raw) {
        let depth = if bullet == "+" { 1 } else { 0 };
        (Some(Marker::Bullet(depth)), rest.to_string())
    } else {
        let plain_start = raw.trim_start_matches('*').trim_start();
        let capital = marked(&CAPITAL, plain_start).filter(|(_, rest)| is_caps_line(rest));
        if let Some((n, rest)) = marked(&ROMAN, plain_start).or(capital) {
            (Some(Marker::Roman(n)), rest.to_string())
        } else if let Some((n, rest)) = marked(&NUMBER, plain_start) {
            (Some(Marker::Number(n)), rest.to_string())
        } else if let Some((l, rest)) = marked(&LETTER, plain_start) {
            (Some(Marker::Letter(l)), rest.to_string())
        } else {
            (None, raw.to_string())
        }
    };
    // Emphasis that opened before the marker (`**1. Phạm vi:**`) belongs to the body.
    let body =
        if marker.is_some() && raw.starts_with('*') && !matches!(marker, Some(Marker::Bullet(_))) {
            format!("**{body}")
        } else {
            body
        };
    let (label, rest) = match BOLD_LABEL.captures(body.trim()) {
        Some(c) => (Some(strip_emphasis(&c[1])), strip_emphasis(&c[2])),
        None => {
            let plain = strip_emphasis(&body);
            match LABEL.captures(&plain) {
                Some(c) if c[1].split_whitespace().count() <= 6 => {
                    (Some(c[1].trim().to_string()), c[2].to_string())
                }
                _ => (None, String::new()),
            }
        }
    };
    Block {
        line,
        marker,
        text: strip_emphasis(&body),
        label,
        rest,
        emphasized: heading || bold_whole,
        cells: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        blocks(s).into_iter().map(|b| b.full()).collect()
    }

    #[test]
    fn rejoins_lines_broken_inside_a_sentence() {
        let s = "a) Vận động cha, mẹ của công dân từ 06\n\nđến 14 tuổi đưa các em đến điểm cấp;\n\nb) Khác.";
        assert_eq!(
            texts(s),
            [
                "a) Vận động cha, mẹ của công dân từ 06 đến 14 tuổi đưa các em đến điểm cấp;",
                "b) Khác."
            ]
        );
    }

    #[test]
    fn rejoins_a_date_split_across_lines() {
        assert_eq!(
            texts("Hoàn thành trước ngày\n30/6/2026."),
            ["Hoàn thành trước ngày 30/6/2026."]
        );
        assert_eq!(
            texts("trước ngày 30 tháng 6\nnăm 2026."),
            ["trước ngày 30 tháng 6 năm 2026."]
        );
    }

    #[test]
    fn trailing_spaces_and_bold_across_the_break() {
        let s = "vận động ít nhất **01** người. (**Hoàn**   \n\nthành trước ngày 15/06/2026)";
        // A Markdown hard break (two spaces) ends the line as written.
        assert_eq!(texts(s).len(), 2);
        let s = "vận động ít nhất **01** người (**Hoàn**\n\nthành trước ngày 15/06/2026)";
        assert_eq!(
            texts(s),
            ["vận động ít nhất 01 người (Hoàn thành trước ngày 15/06/2026)"]
        );
    }

    #[test]
    fn does_not_join_new_items_or_sentences() {
        let s = "1. Mục đích\n- Tăng cường tuyên truyền\n+ Chi tiết\nđ) Đẩy mạnh\n2. Yêu cầu";
        assert_eq!(texts(s).len(), 5);
        assert_eq!(texts("KẾ HOẠCH\nthực hiện").len(), 2);
        assert_eq!(texts("Câu một.\nhai").len(), 2);
    }

    #[test]
    fn markers_headings_labels() {
        let b = blocks("## **II. PHẠM VI, ĐỐI TƯỢNG**\n\n**1. Phạm vi triển khai:** Trên toàn địa bàn.\n\n2. **Đối tượng:** Công dân.\n\n### **4. Chỉ tiêu:**\n\nđ) 100% công dân;\n\n+ **Tuyên truyền:** nội dung");
        assert_eq!(b[0].marker, Some(Marker::Roman("II".into())));
        assert!(b[0].emphasized);
        assert_eq!(b[0].text, "PHẠM VI, ĐỐI TƯỢNG");
        assert_eq!(b[1].marker, Some(Marker::Number("1".into())));
        assert_eq!(b[1].label.as_deref(), Some("Phạm vi triển khai"));
        assert_eq!(b[1].rest, "Trên toàn địa bàn.");
        assert_eq!(b[2].label.as_deref(), Some("Đối tượng"));
        assert_eq!(b[3].text, "Chỉ tiêu:");
        assert!(b[3].emphasized);
        assert_eq!(b[4].marker, Some(Marker::Letter("đ".into())));
        assert_eq!(b[5].marker, Some(Marker::Bullet(1)));
        assert_eq!(b[5].label.as_deref(), Some("Tuyên truyền"));
    }

    #[test]
    fn table_rows_keep_their_cells() {
        let b = blocks("Stt\tTên đơn vị\tTổng\n1\tQuận Ninh Kiều\t150.650");
        assert_eq!(b.len(), 2);
        assert_eq!(
            b[1].cells.as_ref().unwrap(),
            &["1", "Quận Ninh Kiều", "150.650"]
        );
        assert_eq!(b[1].line, 2);
    }

    #[test]
    fn emphasis_and_autolinks_are_removed() {
        assert_eq!(strip_emphasis("***chỉ tiêu: 100%***"), "chỉ tiêu: 100%");
        assert_eq!(
            strip_emphasis("qua <https://vneid.gov.vn>;"),
            "qua https://vneid.gov.vn;"
        );
        assert_eq!(strip_emphasis("Lưu: VT,ĐTS. *du*"), "Lưu: VT,ĐTS. du");
    }

    proptest::proptest! {
        #[test]
        fn a_sentence_broken_by_pdf_extraction_is_rejoined(
            words in proptest::collection::vec("[a-zàáạảãâầấậẩẫăằắặẳẵđèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ]{1,7}", 2..30),
            cut in proptest::prelude::any::<proptest::sample::Index>(),
            blank in 0usize..3,
        ) {
            let sentence = format!("Công dân {}.", words.join(" "));
            let all: Vec<&str> = sentence.split(' ').collect();
            let at = 2 + cut.index(all.len() - 2);
            let broken = format!("{}{}\n{}", all[..at].join(" "), "\n".repeat(blank), all[at..].join(" "));
            let blocks = blocks(&broken);
            proptest::prop_assert_eq!(blocks.len(), 1, "{:?}", broken);
            proptest::prop_assert_eq!(&blocks[0].text, &sentence);
        }
    }
}
