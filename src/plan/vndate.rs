//! Vietnamese dates, times and weekdays as plan documents write them:
//! `ngày 30 tháng 6 năm 2026`, `30/6/2026`, `15/06/2026`, `ngày 30/6` (year
//! from the document), `10h00`, `08 giờ 00 phút`, `7h30`, `thứ Tư`, `thứ 6`.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

/// A date found in text, with where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    pub value: T,
    pub span: Range<usize>,
}

static WORDS_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([0-9]{1,2})\s+tháng\s+([0-9]{1,2})(?:\s*,?\s*năm\s+([0-9]{4}))?").unwrap()
});
static SLASH_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})\b").unwrap());
/// `ngày 30/6` without a year: only after `ngày`, to leave `06/CP` alone.
static SHORT_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bngày\s+([0-9]{1,2})/([0-9]{1,2})\b([/.-][0-9])?").unwrap());
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([0-9]{1,2})\s*(?:h([0-9]{2})?\b|giờ(?:\s*([0-9]{2})\s*phút)?)").unwrap()
});
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:thứ\s+(hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|(chủ\s+nhật|cn))\b").unwrap()
});

/// Every date in `text`, in order; `year` fills dates written without one.
/// Impossible dates (`30 tháng 2`) are left out.
pub fn dates(text: &str, year: Option<i16>) -> Vec<Found<Date>> {
    let mut out: Vec<Found<Date>> = Vec::new();
    for c in WORDS_DATE.captures_iter(text) {
        let y = c.get(3).and_then(|m| m.as_str().parse().ok()).or(year);
        push_date(&mut out, &c, y);
    }
    for c in SLASH_DATE.captures_iter(text) {
        let y = c.get(3).and_then(|m| m.as_str().parse().ok());
        push_date(&mut out, &c, y);
    }
    for c in SHORT_DATE.captures_iter(text) {
        if c.get(3).is_some() {
            continue; // the start of a full date, found above
        }
        push_date(&mut out, &c, year);
    }
    out.sort_by_key(|f| f.span.start);
    out.dedup_by(|b, a| b.span.start < a.span.end);
    out
}

fn push_date(out: &mut Vec<Found<Date>>, c: &regex::Captures, year: Option<i16>) {
    let (Some(all), Some(d), Some(m)) = (c.get(0), c.get(1), c.get(2)) else {
        return;
    };
    let (Ok(day), Ok(month), Some(year)) =
        (d.as_str().parse::<i8>(), m.as_str().parse::<i8>(), year)
    else {
        return;
    };
    if let Ok(date) = Date::new(year, month, day) {
        out.push(Found {
            value: date,
            span: all.start()..all.end(),
        });
    }
}

/// The date that `text` starts with, including a day and month without a
/// year (`20/7`) when the context already says it is a date (`trước ngày 20/7`).
pub fn date_at(text: &str, year: Option<i16>) -> Option<Found<Date>> {
    // A date is short: look at the start only, so that many dates in one
    // long paragraph cost linear time.
    let text = prefix(text, 40);
    if let Some(d) = dates(text, year).into_iter().find(|d| d.span.start == 0) {
        return Some(d);
    }
    static DAY_MONTH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([0-9]{1,2})/([0-9]{1,2})\b([/.-][0-9])?").unwrap());
    let c = DAY_MONTH.captures(text)?;
    if c.get(3).is_some() {
        return None;
    }
    let mut out = Vec::new();
    push_date(&mut out, &c, year);
    out.pop()
}

/// The first `max` bytes of `text`, cut at a character boundary.
pub fn prefix(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Every time of day (`HH:MM`) in `text`, in order.
pub fn times(text: &str) -> Vec<Found<String>> {
    TIME.captures_iter(text)
        .filter_map(|c| {
            let all = c.get(0)?;
            let h: u8 = c.get(1)?.as_str().parse().ok()?;
            let m: u8 = c
                .get(2)
                .or_else(|| c.get(3))
                .map(|m| m.as_str().parse().unwrap_or(0))
                .unwrap_or(0);
            (h < 24 && m < 60).then(|| Found {
                value: format!("{h:02}:{m:02}"),
                span: all.start()..all.end(),
            })
        })
        .collect()
}

/// The first weekday named in `text`, as an ISO number (1 = Monday … 7 = Sunday).
pub fn weekday(text: &str) -> Option<u8> {
    let c = WEEKDAY.captures(text)?;
    if c.get(2).is_some() {
        return Some(7);
    }
    let w = c.get(1)?.as_str().to_lowercase();
    Some(match w.as_str() {
        "hai" | "2" => 1,
        "ba" | "3" => 2,
        "tư" | "4" => 3,
        "năm" | "5" => 4,
        "sáu" | "6" => 5,
        "bảy" | "bẩy" | "7" => 6,
        _ => return None,
    })
}

/// The year of a document: the one in its `…, ngày … tháng … năm YYYY` line
/// when given, otherwise the year most often written in it.
pub fn document_year(header_year: Option<i16>, text: &str) -> Option<i16> {
    if header_year.is_some() {
        return header_year;
    }
    static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(20[0-9][0-9])\b").unwrap());
    let mut counts: std::collections::BTreeMap<i16, usize> = Default::default();
    for c in YEAR.captures_iter(text) {
        if let Some(y) = c.get(1).and_then(|m| m.as_str().parse().ok()) {
            *counts.entry(y).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(y, n)| (*n, *y))
        .map(|(y, _)| y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str, year: Option<i16>) -> Vec<String> {
        dates(text, year)
            .into_iter()
            .map(|f| f.value.to_string())
            .collect()
    }

    #[test]
    fn every_date_form_of_the_seeds() {
        assert_eq!(iso("hết ngày 30 tháng 6 năm 2026.", None), ["2026-06-30"]);
        assert_eq!(iso("ngày 12/6/2026 của Công an", None), ["2026-06-12"]);
        assert_eq!(iso("ngày 25/05/2026", None), ["2026-05-25"]);
        assert_eq!(
            iso("trước 10h00 ngày 06 tháng 8 năm 2023;", None),
            ["2023-08-06"]
        );
        assert_eq!(
            iso("Từ ngày 15/6/2023 đến ngày 05/8/2023", None),
            ["2023-06-15", "2023-08-05"]
        );
        assert_eq!(iso("ngày 15 tháng 6, năm 2023", None), ["2023-06-15"]);
    }

    #[test]
    fn day_and_month_take_the_document_year() {
        assert_eq!(iso("trước ngày 30 tháng 6", Some(2026)), ["2026-06-30"]);
        assert_eq!(iso("trước ngày 30/6 hằng năm", Some(2026)), ["2026-06-30"]);
        assert!(iso("trước ngày 30 tháng 6", None).is_empty());
    }

    #[test]
    fn placeholders_and_look_alikes_are_not_dates() {
        assert!(iso("Cần Thơ, ngày tháng 5 năm 2026", None).is_empty());
        assert!(iso("Đề án 06/CP; VP UBND TP (2BC, 3C)", Some(2026)).is_empty());
        assert!(iso("ngày 30 tháng 2 năm 2026", None).is_empty());
        assert!(iso("700.000 tài khoản", Some(2026)).is_empty());
    }

    #[test]
    fn a_date_at_the_start() {
        assert_eq!(
            date_at("20/7;", Some(2026))
                .map(|d| d.value.to_string())
                .as_deref(),
            Some("2026-07-20")
        );
        assert_eq!(
            date_at("15 tháng 8 năm 2026", None)
                .map(|d| d.value.to_string())
                .as_deref(),
            Some("2026-08-15")
        );
        assert!(date_at("20/7/20", Some(2026)).is_none());
        assert!(date_at("08 giờ", Some(2026)).is_none());
    }

    #[test]
    fn times_of_day() {
        let t: Vec<String> =
            times("trước 08 giờ 00 phút ngày thứ Tư, 7h30 hằng ngày, 16 giờ 30 phút, 17h00")
                .into_iter()
                .map(|f| f.value)
                .collect();
        assert_eq!(t, ["08:00", "07:30", "16:30", "17:00"]);
        assert!(times("3 giờ 75 phút").is_empty());
        assert!(times("2 hộ gia đình, 3 gia đình").is_empty());
    }

    #[test]
    fn weekdays_are_iso_numbers() {
        assert_eq!(weekday("ngày thứ Tư hàng tuần"), Some(3));
        assert_eq!(weekday("thứ 6 hàng tuần"), Some(5));
        assert_eq!(weekday("ngày thứ Sáu hàng tuần"), Some(5));
        assert_eq!(weekday("Thứ Hai"), Some(1));
        assert_eq!(weekday("Chủ nhật"), Some(7));
        assert_eq!(weekday("hằng ngày"), None);
    }

    #[test]
    fn document_year_prefers_the_header() {
        assert_eq!(document_year(Some(2023), "2026 2026"), Some(2023));
        assert_eq!(
            document_year(None, "năm 2026 ... 2026 ... 2024"),
            Some(2026)
        );
        assert_eq!(document_year(None, "không có năm"), None);
    }
}
