//! Reads the parts of a plan document in order: the header (number, place
//! and date, issuer), the title, the preamble that cites the legal basis,
//! the sections, `Nơi nhận`, the signature block and the appendix.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::body::Walker;
use crate::lines::{is_caps_line, Block, Marker};
use crate::model::{BodyItem, Plan};
use crate::vndate;

static NUMBER_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9][\w.]*)\s*/\s*(\S.*)$").unwrap());
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(.{2,60}?),\s*ngày\s*([0-9]{1,2})?\s*(?:tháng\s*([0-9]{1,2})?)?\s*(?:năm\s*([0-9]{4}))?",
    )
    .unwrap()
});
static AUTHORITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(TM|KT|TL|TUQ|Q)\.\s*\S").unwrap());
static POSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|BÍ THƯ|TRƯỞNG\b.*|CHÁNH VĂN PHÒNG|THỦ TRƯỞNG)\s*$",
    )
    .unwrap()
});
static ATTACHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?\s*kèm theo\s+(?:kế hoạch|quyết định)\s+(?:số\s+)?([0-9][\w.]*\s*/\s*[\w-]+)(?:\s+ngày\s+(.+?))?(?:\s+của\b|\)|$)").unwrap()
});
const DOCUMENT_KINDS: &[&str] = &[
    "KẾ HOẠCH",
    "CHƯƠNG TRÌNH",
    "PHƯƠNG ÁN",
    "THÔNG BÁO",
    "QUYẾT ĐỊNH",
];

pub fn read(blocks: &[Block], full_text: &str) -> Plan {
    let mut plan = Plan::default();
    let kind_at = blocks.iter().take(40).position(|b| {
        b.marker.is_none() && DOCUMENT_KINDS.contains(&b.text.trim_end_matches('.').trim())
    });
    let is_roman = |b: &Block| matches!(b.marker, Some(Marker::Roman(_)));
    // Header: number, place and date, issuer in capitals.
    let header_end = kind_at
        .or_else(|| blocks.iter().position(is_roman))
        .unwrap_or(0);
    let mut header_year = None;
    let mut issuer_lines = Vec::new();
    for b in &blocks[..header_end] {
        let t = b.text.trim();
        if let Some(n) = t.strip_prefix("Số:").or_else(|| t.strip_prefix("Số :")) {
            plan.number = NUMBER_LINE
                .captures(n.trim())
                .map(|c| format!("{}/{}", &c[1], c[2].trim()));
        } else if let Some(c) = PLACE_DATE.captures(t) {
            plan.place = Some(c[1].trim().to_string());
            header_year = c.get(4).and_then(|y| y.as_str().parse::<i16>().ok());
            if let (Some(d), Some(m), Some(y)) = (c.get(2), c.get(3), header_year) {
                let date = Date::new(
                    y,
                    m.as_str().parse().unwrap_or(0),
                    d.as_str().parse().unwrap_or(0),
                );
                plan.issued = date.ok();
            }
        } else if is_caps_line(t) && !t.contains("CỘNG HÒA") && !t.contains("CỘNG HOÀ") {
            issuer_lines.push(t.trim_matches(['-', ' ']).to_string());
        }
    }
    if !issuer_lines.is_empty() {
        plan.issuer = Some(issuer_lines.join(" "));
    }
    let year = vndate::document_year(header_year, full_text);

    // Title: the line after the document kind.
    let mut i = header_end;
    if let Some(k) = kind_at {
        i = k + 1;
        if let Some(b) = blocks
            .get(i)
            .filter(|b| b.marker.is_none() && !b.is_table_row())
        {
            plan.title = Some(b.text.clone());
            i += 1;
        }
    }

    // The first section after the title; what is between is the preamble.
    let first_section = blocks[i..].iter().position(is_roman).map(|p| p + i);

    // The tail: recipients, signature and appendix.
    let body_end = blocks
        .iter()
        .enumerate()
        .skip(first_section.unwrap_or(i))
        .find(|(_, b)| {
            let t = b.text.trim();
            b.marker.is_none()
                && (t.starts_with("Nơi nhận") || AUTHORITY.is_match(t) || POSITION.is_match(t))
        })
        .map(|(n, _)| n)
        .unwrap_or(blocks.len());
    let appendix_start = read_tail(&blocks[body_end..], &mut plan) + body_end;

    let mut walker = Walker::new(year, first_section.is_some());
    for b in &blocks[i..body_end] {
        walker.block(b, &mut plan);
    }
    walker.flush_table(&mut plan);
    plan.body.push(BodyItem::Closing);
    if appendix_start < blocks.len() {
        walker.appendix(&blocks[appendix_start..], &mut plan);
    }
    walker.finish(&mut plan);

    if plan.issuer.is_none() {
        plan.issuer = issuer_from_preamble(&blocks[i..first_section.unwrap_or(i)]);
    }
    // The appendix names the plan it belongs to: `Kèm theo Kế hoạch 128 /KH-UBND ngày …`.
    for b in &blocks[appendix_start..] {
        if let Some(c) = ATTACHED.captures(b.text.trim()) {
            if plan.number.is_none() {
                plan.number = Some(c[1].split_whitespace().collect::<String>());
            }
            if plan.issued.is_none() {
                plan.issued = c
                    .get(2)
                    .and_then(|d| vndate::dates(d.as_str(), year).into_iter().next())
                    .map(|d| d.value);
            }
        }
    }
    if plan.period_from_issue {
        plan.period.start = plan.issued;
    }
    plan
}

/// `…, Ủy ban nhân dân thành phố ban hành Kế hoạch …` names the issuer.
fn issuer_from_preamble(blocks: &[Block]) -> Option<String> {
    static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:Ủy|Uỷ) ban nhân dân|UBND)((?:\s+[^\s,;]+){0,5}?)\s+(?:ban hành|tổ chức triển khai|xây dựng)\s+(?:Kế hoạch|kế hoạch|“)").unwrap()
    });
    blocks.iter().rev().find_map(|b| {
        ISSUER.captures(&b.text).map(|c| {
            let who = if &c[1] == "UBND" {
                "Ủy ban nhân dân"
            } else {
                &c[1]
            };
            format!("{who}{}", &c[2])
        })
    })
}

/// Reads `Nơi nhận` and the signature; returns where the appendix starts.
fn read_tail(blocks: &[Block], plan: &mut Plan) -> usize {
    let mut i = 0;
    let mut in_recipients = false;
    while i < blocks.len() {
        let b = &blocks[i];
        let t = b.text.trim();
        if t.starts_with("Nơi nhận") {
            in_recipients = true;
            let rest = t
                .trim_start_matches("Nơi nhận")
                .trim_start_matches([':', ' ']);
            if !rest.is_empty() {
                plan.recipients
                    .push(rest.trim_end_matches([';', '.']).to_string());
            }
        } else if in_recipients && (matches!(b.marker, Some(Marker::Bullet(_))) || t.ends_with(';'))
        {
            plan.recipients
                .push(t.trim_end_matches([';', '.', ',']).trim().to_string());
        } else if AUTHORITY.is_match(t) {
            in_recipients = false;
            plan.signer.authority.push(t.to_string());
        } else if POSITION.is_match(t)
            || (is_caps_line(t)
                && !plan.signer.authority.is_empty()
                && plan.signer.name.is_none()
                && t.split_whitespace().count() <= 6)
        {
            in_recipients = false;
            plan.signer.position = Some(t.to_string());
        } else if is_name(t)
            && (plan.signer.position.is_some() || !plan.signer.authority.is_empty())
        {
            plan.signer.name = Some(t.to_string());
            return i + 1;
        } else if t.to_lowercase().contains("đã ký") {
            // `(Đã ký)` stands where the signature was.
        } else if !in_recipients {
            return i;
        } else {
            in_recipients = false;
            continue;
        }
        i += 1;
    }
    blocks.len()
}

/// A person's name: two to six words, each starting with a capital, not all capitals.
fn is_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                && w.chars().all(|c| c.is_alphabetic())
        })
        && !is_caps_line(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_from_the_day_of_issue_starts_that_day() {
        let text = "KẾ HOẠCH\nThử\nI. MỤC ĐÍCH\nThời gian: Từ ngày ban hành Kế hoạch đến hết ngày 30/6/2026.\nNơi nhận:\n- Như trên;\n\nPHỤ LỤC\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/5/2026 của UBND xã)";
        let plan = crate::read(text);
        assert!(plan.period_from_issue);
        assert_eq!(plan.issued, Some(jiff::civil::date(2026, 5, 5)));
        assert_eq!(plan.period.start, plan.issued);
        assert_eq!(plan.period.end, Some(jiff::civil::date(2026, 6, 30)));
    }

    #[test]
    fn names_and_positions() {
        assert!(is_name("Nguyễn Văn Khởi"));
        assert!(is_name("Trần Việt Trường"));
        assert!(!is_name("PHÓ CHỦ TỊCH"));
        assert!(!is_name("Lưu: VT, VHQ."));
        assert!(POSITION.is_match("PHÓ CHỦ TỊCH"));
        assert!(POSITION.is_match("CHỦ TỊCH"));
        assert!(AUTHORITY.is_match("KT. CHỦ TỊCH"));
        assert!(AUTHORITY.is_match("TM. ỦY BAN NHÂN DÂN"));
    }
}
