//! The header above the document's kind (`KẾ HOẠCH`): the issuing body, the
//! number (`Số: 128/KH-UBND`), the place and day of issue. Written one item
//! a line, or in two columns (a Word table pasted as tabs, a PDF's layout):
//! the issuer and the number on the left, the national motto, the place and
//! the day on the right.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::lines::{is_caps_line, Block};
use crate::model::Plan;

static NUMBER_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9][\w.-]*)\s*/\s*(\S.*)$").unwrap());
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(.{2,60}?),\s*ngày\s*([0-9]{1,2})?\s*(?:tháng\s*([0-9]{1,2})?)?\s*(?:năm\s*([0-9]{4}))?",
    )
    .unwrap()
});

/// Words that start the name of a body in a header (`CÔNG AN HUYỆN TRÀ
/// CÚ`); a header that stacks bodies names the parents first and the body
/// that issues last.
const BODIES: &[&str] = &[
    "ỦY BAN",
    "UỶ BAN",
    "UBND",
    "CÔNG AN",
    "SỞ ",
    "BỘ ",
    "CỤC ",
    "CHI CỤC",
    "PHÒNG ",
    "BAN ",
    "ĐẢNG ỦY",
    "ĐẢNG BỘ",
    "TỈNH ĐOÀN",
    "THÀNH ĐOÀN",
    "HUYỆN ĐOÀN",
    "ĐOÀN ",
    "HỘI ",
    "MẶT TRẬN",
    "TRƯỜNG ",
    "TRUNG TÂM",
    "BỘ CHỈ HUY",
    "BẢO HIỂM",
];

/// Reads the header's blocks into `plan`; returns the year of the day of
/// issue when the header gives it.
pub fn read(blocks: &[Block], plan: &mut Plan) -> Option<i16> {
    let mut year = None;
    let mut bodies: Vec<Vec<String>> = Vec::new();
    for b in blocks {
        let cells: Vec<&str> = match &b.cells {
            Some(cells) => cells.iter().map(String::as_str).collect(),
            None => vec![b.text.as_str()],
        };
        for (column, cell) in cells.into_iter().enumerate() {
            let t = cell.trim();
            if let Some(n) = t.strip_prefix("Số:").or_else(|| t.strip_prefix("Số :")) {
                plan.number = NUMBER_LINE
                    .captures(n.trim())
                    .map(|c| format!("{}/{}", &c[1], c[2].trim()));
            } else if let Some(c) = PLACE_DATE.captures(t) {
                plan.place = Some(c[1].trim().to_string());
                year = c.get(4).and_then(|y| y.as_str().parse::<i16>().ok());
                if let (Some(d), Some(m), Some(y)) = (c.get(2), c.get(3), year) {
                    let day = d.as_str().parse().unwrap_or(0);
                    plan.issued = Date::new(y, m.as_str().parse().unwrap_or(0), day).ok();
                }
            } else if column == 0 && is_caps_line(t) && !is_motto(t) {
                // Beside the issuer stands the motto or the party's name
                // (`ĐOÀN TNCS HỒ CHÍ MINH`): only the left column names it.
                let t = t.trim_matches(['-', ' ', '*']).to_string();
                match bodies.last_mut() {
                    Some(body) if !BODIES.iter().any(|w| t.starts_with(w)) => body.push(t),
                    _ => bodies.push(vec![t]),
                }
            }
        }
    }
    if let Some(body) = bodies.pop() {
        plan.issuer = Some(body.join(" "));
    }
    year
}

fn is_motto(t: &str) -> bool {
    t.contains("CỘNG HÒA") || t.contains("CỘNG HOÀ") || t.contains("ĐỘC LẬP")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> Plan {
        let mut plan = Plan::default();
        read(&crate::lines::blocks(text), &mut plan);
        plan
    }

    #[test]
    fn the_issuer_is_the_last_body_of_a_stack() {
        let p = header("CÔNG AN TỈNH TRÀ VINH\nCÔNG AN HUYỆN TRÀ CÚ\nCÔNG AN XÃ NGỌC BIÊN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 27/KH-CAX");
        assert_eq!(p.issuer.as_deref(), Some("CÔNG AN XÃ NGỌC BIÊN"));
        let p = header("ỦY BAN NHÂN DÂN\nXÃ MỸ LỢI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assert_eq!(p.issuer.as_deref(), Some("ỦY BAN NHÂN DÂN XÃ MỸ LỢI"));
    }

    #[test]
    fn two_columns_side_by_side() {
        let p = header("TỈNH ĐOÀN VĨNH LONG\tĐOÀN TNCS HỒ CHÍ MINH\n***\t\nSố: 214-KH/TĐTN-PT\tVĩnh Long, ngày 12 tháng 6 năm 2026");
        assert_eq!(p.issuer.as_deref(), Some("TỈNH ĐOÀN VĨNH LONG"));
        assert_eq!(p.number.as_deref(), Some("214-KH/TĐTN-PT"));
        assert_eq!(p.place.as_deref(), Some("Vĩnh Long"));
        assert_eq!(p.issued, Some(jiff::civil::date(2026, 6, 12)));
        let p = header("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN CHỢ GẠO\tĐộc lập - Tự do - Hạnh phúc");
        assert_eq!(p.issuer.as_deref(), Some("ỦY BAN NHÂN DÂN HUYỆN CHỢ GẠO"));
        let p = header("      CÔNG AN TỈNH QUẢNG NGÃI                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n       Số: 1875/KH-CAT-PC06                   Quảng Ngãi, ngày 29 tháng 6 năm 2026");
        assert_eq!(p.issuer.as_deref(), Some("CÔNG AN TỈNH QUẢNG NGÃI"));
        assert_eq!(p.number.as_deref(), Some("1875/KH-CAT-PC06"));
        assert_eq!(p.place.as_deref(), Some("Quảng Ngãi"));
    }
}
