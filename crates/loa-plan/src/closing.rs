//! The closing after the body: `Nơi nhận` and its recipients, the
//! signature block (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, the position,
//! the name). Written one under the other, or side by side (recipients on
//! the left, the signature on the right: a Word table pasted as tabs, a
//! PDF's layout).

use std::sync::LazyLock;

use regex::Regex;

use crate::lines::{is_caps_line, Block, Marker};
use crate::model::Plan;

pub static AUTHORITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(TM|KT|TL|TUQ|Q)\.\s*\S").unwrap());
pub static POSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|BÍ THƯ|TRƯỞNG\b.*|CHÁNH VĂN PHÒNG|THỦ TRƯỞNG)\s*$",
    )
    .unwrap()
});
/// Ranks and titles written before a signer's name (`Đại tá Đinh Văn Quyết`).
const RANKS: &[&str] = &[
    "Đại tướng",
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tá",
    "Thượng tá",
    "Trung tá",
    "Thiếu tá",
    "Đại úy",
    "Đại uý",
    "Thượng úy",
    "Trung úy",
    "Thiếu úy",
    "Ông",
    "Bà",
];

/// Whether a block starts the closing: `Nơi nhận`, a signature line.
pub fn starts(b: &Block) -> bool {
    let t = b.text.trim();
    b.marker.is_none()
        && (t.starts_with("Nơi nhận") || AUTHORITY.is_match(t) || POSITION.is_match(t))
}

/// Where the reading of the closing is.
#[derive(Default)]
struct State {
    in_recipients: bool,
    /// The closing is laid out in two columns.
    columns: bool,
}

/// What one line (or one cell of a row) of the closing is.
enum Line {
    /// Part of the closing.
    Read,
    /// The signer's name: the signature ends.
    Name,
    /// Not part of the closing: the appendix starts here.
    End,
}

/// Reads `Nơi nhận` and the signature; returns where the appendix starts.
pub fn read(blocks: &[Block], plan: &mut Plan) -> usize {
    let mut s = State::default();
    let mut signed = false;
    for (i, b) in blocks.iter().enumerate() {
        let cells: Vec<&str> = match &b.cells {
            Some(cells) => {
                s.columns = true;
                cells.iter().map(String::as_str).collect()
            }
            None => vec![b.text.as_str()],
        };
        let bullet = matches!(b.marker, Some(Marker::Bullet(_)));
        // After the name, side-by-side recipients may go on; nothing else.
        if signed && !(s.columns && s.in_recipients && (bullet || b.cells.is_some())) {
            return i;
        }
        for (column, cell) in cells.iter().enumerate() {
            let t = cell.trim();
            if t.is_empty() {
                continue;
            }
            let left = column == 0;
            let item = (left && bullet) || (b.cells.is_some() && left && t.starts_with(['-', '•']));
            match line(t, item, &mut s, plan) {
                Line::Read => {}
                Line::Name => signed = true,
                Line::End if left => return i,
                Line::End => {}
            }
        }
    }
    blocks.len()
}

fn line(t: &str, item: bool, s: &mut State, plan: &mut Plan) -> Line {
    let single = !s.columns;
    if let Some(rest) = t.strip_prefix("Nơi nhận") {
        s.in_recipients = true;
        let rest = rest.trim_start_matches([':', ' ']);
        if !rest.is_empty() {
            push_recipient(plan, rest);
        }
    } else if s.in_recipients && (item || t.ends_with(';')) && !AUTHORITY.is_match(t) {
        push_recipient(plan, t);
    } else if AUTHORITY.is_match(t) {
        s.in_recipients &= !single;
        plan.signer.authority.push(t.to_string());
    } else if POSITION.is_match(t)
        || (is_caps_line(t)
            && !plan.signer.authority.is_empty()
            && plan.signer.name.is_none()
            && t.split_whitespace().count() <= 6)
    {
        s.in_recipients &= !single;
        plan.signer.position = Some(t.to_string());
    } else if let Some(name) = signer_name(t)
        .filter(|_| plan.signer.position.is_some() || !plan.signer.authority.is_empty())
    {
        plan.signer.name = Some(name.to_string());
        return Line::Name;
    } else if t.to_lowercase().contains("đã ký") {
        // `(Đã ký)` stands where the signature was.
    } else if s.in_recipients && single {
        // The list ended: the line is read again as what follows it.
        s.in_recipients = false;
        return line(t, item, s, plan);
    } else if !s.in_recipients {
        return Line::End;
    }
    Line::Read
}

fn push_recipient(plan: &mut Plan, t: &str) {
    let t = t.trim_start_matches(['-', '•', ' ']);
    let t = t.trim_end_matches([';', '.', ',']).trim();
    if !t.is_empty() {
        plan.recipients.push(t.to_string());
    }
}

/// The name in a signature line, without a rank (`Đại tá Đinh Văn Quyết`).
fn signer_name(t: &str) -> Option<&str> {
    let name = RANKS
        .iter()
        .find_map(|r| t.strip_prefix(r).filter(|n| n.starts_with(' ')))
        .map_or(t, str::trim);
    is_name(name).then_some(name)
}

/// A person's name: two to six words, each starting with a capital, not all capitals.
pub fn is_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        })
        && !is_caps_line(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closing(text: &str) -> (Plan, usize) {
        let mut plan = Plan::default();
        let blocks = crate::lines::blocks(text);
        let end = read(&blocks, &mut plan);
        (plan, blocks.len() - end)
    }

    #[test]
    fn names_and_positions() {
        assert!(is_name("Nguyễn Văn Khởi"));
        assert!(is_name("Trần Việt Trường"));
        assert!(!is_name("PHÓ CHỦ TỊCH"));
        assert!(!is_name("Lưu: VT, VHQ."));
        assert_eq!(signer_name("Đại tá Đinh Văn Quyết"), Some("Đinh Văn Quyết"));
        assert!(POSITION.is_match("PHÓ CHỦ TỊCH"));
        assert!(POSITION.is_match("CHỦ TỊCH"));
        assert!(AUTHORITY.is_match("KT. CHỦ TỊCH"));
        assert!(AUTHORITY.is_match("TM. ỦY BAN NHÂN DÂN"));
    }

    #[test]
    fn one_under_the_other_then_the_appendix() {
        let (p, appendix) = closing("Nơi nhận:\n- Công an tỉnh (b/c);\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nNguyễn Thị Thu Vân\nPHỤ LỤC\nDANH SÁCH");
        assert_eq!(p.recipients, ["Công an tỉnh (b/c)", "Lưu: VT"]);
        assert_eq!(p.signer.authority, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]);
        assert_eq!(p.signer.position.as_deref(), Some("PHÓ CHỦ TỊCH"));
        assert_eq!(p.signer.name.as_deref(), Some("Nguyễn Thị Thu Vân"));
        assert_eq!(appendix, 2);
    }

    #[test]
    fn side_by_side() {
        let text = "Nơi nhận:\tTM. BAN THƯỜNG VỤ TỈNH ĐOÀN\n- Ban Bí thư Trung ương Đoàn (b/c);\tPHÓ BÍ THƯ\n- UBND tỉnh (b/c);\t(Đã ký)\n- Các Ban Tỉnh Đoàn;\t\n- Các Đoàn xã, phường;\tLâm Thị Ngọc Hân\n- Lưu: VP, PT.\t\nPHỤ LỤC";
        let (p, appendix) = closing(text);
        assert_eq!(
            p.recipients,
            [
                "Ban Bí thư Trung ương Đoàn (b/c)",
                "UBND tỉnh (b/c)",
                "Các Ban Tỉnh Đoàn",
                "Các Đoàn xã, phường",
                "Lưu: VP, PT"
            ]
        );
        assert_eq!(p.signer.position.as_deref(), Some("PHÓ BÍ THƯ"));
        assert_eq!(p.signer.name.as_deref(), Some("Lâm Thị Ngọc Hân"));
        assert_eq!(appendix, 1);
        // A PDF's layout: columns apart by spaces, lines of one column between.
        let text = "  Nơi nhận:                                                KT. GIÁM ĐỐC\n  - Cục C06 - Bộ Công an (để b/c);                        PHÓ GIÁM ĐỐC\n  - UBND tỉnh Quảng Ngãi (để b/c);\n  - Công an các xã, phường, đặc khu;                Đại tá Đinh Văn Quyết\n  - Lưu: VT, PC06.\n\n             Trang 4/4";
        let (p, _) = closing(text);
        assert_eq!(p.recipients.len(), 4, "{:?}", p.recipients);
        assert_eq!(p.signer.name.as_deref(), Some("Đinh Văn Quyết"));
        assert_eq!(p.signer.position.as_deref(), Some("PHÓ GIÁM ĐỐC"));
    }
}
