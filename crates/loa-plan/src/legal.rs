//! The documents a plan cites as its basis (`Căn cứ …`, `Thực hiện …`):
//! with their number (`Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của
//! Bộ Chính trị`), or a law by its name (`Luật Căn cước số 26/2023/QH15`,
//! `Luật Căn cước năm 2023`, `Luật Tổ chức chính quyền địa phương năm 2025`).

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{CitedDate, DocumentKind, LegalRef};
use crate::vndate;

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(Nghị quyết|Nghị định|Quyết định|Chỉ thị|Kế hoạch|Công văn|Thông tư|Thông báo|Hướng dẫn|Luật|Chương trình|Công điện)\s+(?:số\s+)?([0-9][0-9A-Za-zĐđ]*(?:\s?[/-]\s?[0-9A-Za-zĐđ]+)+)",
    )
    .unwrap()
});
/// `Luật Căn cước số 26/2023/QH15`, `Luật Căn cước năm 2023`, `Luật Căn
/// cước 2023`, `Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm
/// 2025`: a law's name starts with a capital and ends at its number, its
/// year or its date (unbounded: a bounded repetition of all letters
/// compiles to a large automaton).
static LAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\bLuật\s+(\p{Lu}[\p{L} ]*?)\s+(?:số\s+([0-9][0-9A-Za-zĐđ]*(?:/[0-9A-Za-zĐđ]+)+)|(?:năm\s+)?([0-9]{4})\b|(ngày)\s+[0-9])",
    )
    .unwrap()
});
static ISSUER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*của\s+(.+?)(?:\s+(?:về|v/v|ban hành|sửa đổi|thực hiện|quy định|hướng dẫn|triển khai|phê duyệt)\b|[;,.(]|$)").unwrap()
});

/// Every document cited in `text`, in the order written; repeated
/// citations are merged.
pub fn refs(text: &str, year: Option<i16>, out: &mut Vec<LegalRef>) {
    let mut found: Vec<(usize, LegalRef)> = Vec::new();
    for c in LAW.captures_iter(text) {
        // A name is a few words: a longer run of words is no law's name.
        let (Some(all), Some(name)) = (c.get(0), c.get(1).filter(|n| n.len() <= 120)) else {
            continue;
        };
        let number = c.get(2).map(|n| n.as_str().to_string());
        let law_year = c.get(3).and_then(|y| y.as_str().parse().ok());
        // A date after the name is read as a numbered document's is.
        let after = c.get(4).map_or(all.end(), |d| d.start());
        let mut r = cite(DocumentKind::Law, number, &text[after..], year);
        if r.date.is_none() {
            r.date = law_year.map(CitedDate::Year);
        }
        r.name = Some(format!("Luật {}", name.as_str().trim()));
        found.push((all.start(), r));
    }
    for c in NUMBERED.captures_iter(text) {
        let (Some(all), Some(kind), Some(number)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let Some(kind) = DocumentKind::from_name(kind.as_str()) else {
            continue;
        };
        let number = number.as_str().split_whitespace().collect();
        found.push((
            all.start(),
            cite(kind, Some(number), &text[all.end()..], year),
        ));
    }
    found.sort_by_key(|(at, _)| *at);
    for (_, r) in found {
        merge(out, r);
    }
}

/// A citation whose kind and number are read; `after` is the text after them,
/// which gives its date and its issuer.
fn cite(kind: DocumentKind, number: Option<String>, after: &str, year: Option<i16>) -> LegalRef {
    // The date and issuer follow closely; a bounded window keeps long texts linear.
    let after = vndate::prefix(after, 300);
    // `ngày …` right after the number is the document's date.
    let dated = after.trim_start().strip_prefix("ngày").and_then(|rest| {
        vndate::dates(rest, year)
            .into_iter()
            .find(|d| d.span.start <= 2)
            .map(|d| (d.value, &rest[d.span.end..]))
    });
    let after_date = dated.map_or(after, |(_, rest)| rest);
    let issuer = ISSUER_AFTER
        .captures(after_date)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().trim().to_string())
        .filter(|s| !s.is_empty() && s.split_whitespace().count() <= 10);
    LegalRef {
        kind,
        number,
        date: dated.map(|(d, _)| CitedDate::Day(d)),
        issuer,
        name: None,
    }
}

/// Adds a citation, or completes the one already read with the same number
/// (or, for a law without one, the same name).
fn merge(out: &mut Vec<LegalRef>, r: LegalRef) {
    let same = |e: &LegalRef| match (&e.number, &r.number) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        (None, None) => e.name.is_some() && e.name == r.name,
        _ => false,
    };
    match out.iter_mut().find(|e| same(e)) {
        Some(e) => {
            e.date = e.date.or(r.date);
            e.issuer = e.issuer.take().or(r.issuer);
            e.name = e.name.take().or(r.name);
        }
        None => out.push(r),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Kind, number, date and issuer of each citation.
    type Cited = (String, Option<String>, Option<String>, Option<String>);

    fn read(text: &str) -> Vec<Cited> {
        let mut out = Vec::new();
        refs(text, None, &mut out);
        out.into_iter()
            .map(|r| {
                let date = r.date.map(|d| {
                    serde_json::to_value(d)
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .to_string()
                });
                (r.kind.name().to_string(), r.number, date, r.issuer)
            })
            .collect()
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn numbers_dates_and_issuers() {
        let got = read("Thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá; Nghị quyết số 71/NQ-CP ngày 01 tháng 4 năm 2025 của Chính phủ ban hành Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW; Kế hoạch số 7476/KH-CATP-PC06 ngày 12/6/2026 của Công an thành phố về việc; Công văn số 559/UBND-VX ngày 26/3/2026 của UBND thành phố v/v đẩy mạnh; Nghị định số 59/2022/NĐ-CP ngày 05 tháng 9 năm 2022 của Chính phủ quy định; Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án");
        assert_eq!(
            got,
            [
                (
                    "Nghị quyết".into(),
                    some("57-NQ/TW"),
                    some("2024-12-22"),
                    some("Bộ Chính trị")
                ),
                (
                    "Nghị quyết".into(),
                    some("71/NQ-CP"),
                    some("2025-04-01"),
                    some("Chính phủ")
                ),
                (
                    "Kế hoạch".into(),
                    some("7476/KH-CATP-PC06"),
                    some("2026-06-12"),
                    some("Công an thành phố")
                ),
                (
                    "Công văn".into(),
                    some("559/UBND-VX"),
                    some("2026-03-26"),
                    some("UBND thành phố")
                ),
                (
                    "Nghị định".into(),
                    some("59/2022/NĐ-CP"),
                    some("2022-09-05"),
                    some("Chính phủ")
                ),
                (
                    "Quyết định".into(),
                    some("06/QĐ-TTg"),
                    some("2022-01-06"),
                    some("Thủ tướng Chính phủ")
                ),
            ]
        );
    }

    #[test]
    fn laws_by_name_with_or_without_number() {
        let got = read("Căn cứ Luật Căn cước số 26/2023/QH15 ngày 27 tháng 11 năm 2023 của Quốc hội; Luật Tổ chức chính quyền địa phương năm 2025; Nghị định số 70/2024/NĐ-CP ngày 25/6/2024 của Chính phủ quy định chi tiết một số điều của Luật Căn cước;");
        assert_eq!(
            got,
            [
                (
                    "Luật".into(),
                    some("26/2023/QH15"),
                    some("2023-11-27"),
                    some("Quốc hội")
                ),
                ("Luật".into(), None, some("2025"), None),
                (
                    "Nghị định".into(),
                    some("70/2024/NĐ-CP"),
                    some("2024-06-25"),
                    some("Chính phủ")
                ),
            ]
        );
        // A full date, or a bare year, after the name.
        let got = read("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025; Căn cứ Luật Căn cước 2023; Luật Dữ liệu ngày 30/6/2024 của Quốc hội; Luật Đất đai ngày càng được hoàn thiện;");
        assert_eq!(
            got,
            [
                ("Luật".into(), None, some("2025-02-19"), None),
                ("Luật".into(), None, some("2023"), None),
                ("Luật".into(), None, some("2024-06-30"), some("Quốc hội")),
            ]
        );
        let mut out = Vec::new();
        refs(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
            None,
            &mut out,
        );
        assert_eq!(
            out[0].name.as_deref(),
            Some("Luật Tổ chức chính quyền địa phương")
        );
        let mut out = Vec::new();
        refs("Thực hiện Luật Căn cước năm 2023;", None, &mut out);
        assert_eq!(out[0].name.as_deref(), Some("Luật Căn cước"));
        let json = serde_json::to_value(&out[0]).unwrap();
        assert_eq!(json["date"], "2023");
        assert_eq!(json["number"], serde_json::Value::Null);
    }
}
