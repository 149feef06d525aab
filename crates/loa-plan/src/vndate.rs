//! Vietnamese dates, times and weekdays as plan documents write them:
//! `ngày 30 tháng 6 năm 2026`, `30/6/2026`, `15/06/2026`, `ngày 30/6` (year
//! from the document), `10h00`, `08 giờ 00 phút`, `7h30`, `thứ Tư`, `thứ 6`.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::{Date, Time, Weekday};
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
    Regex::new(r"(?i)\b([0-9]{1,2})\s*(?:h([0-9]{2})?\b|giờ(?:\s*([0-9]{2})\b(?:\s*phút)?)?|:([0-9]{2})\b)").unwrap()
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

/// Every time of day in `text`, in order.
pub fn times(text: &str) -> Vec<Found<Time>> {
    TIME.captures_iter(text)
        .filter_map(|c| {
            let all = c.get(0)?;
            let h: i8 = c.get(1)?.as_str().parse().ok()?;
            let m: i8 = c
                .get(2)
                .or_else(|| c.get(3))
                .or_else(|| c.get(4))
                .map(|m| m.as_str().parse().unwrap_or(0))
                .unwrap_or(0);
            Some(Found {
                value: Time::new(h, m, 0, 0).ok()?,
                span: all.start()..all.end(),
            })
        })
        .collect()
}

/// The first weekday named in `text`: `thứ Hai` or `thứ 2` is Monday …
/// `Chủ nhật` Sunday.
pub fn weekday(text: &str) -> Option<Weekday> {
    let c = WEEKDAY.captures(text)?;
    if c.get(2).is_some() {
        return Some(Weekday::Sunday);
    }
    let w = c.get(1)?.as_str().to_lowercase();
    Some(match w.as_str() {
        "hai" | "2" => Weekday::Monday,
        "ba" | "3" => Weekday::Tuesday,
        "tư" | "4" => Weekday::Wednesday,
        "năm" | "5" => Weekday::Thursday,
        "sáu" | "6" => Weekday::Friday,
        "bảy" | "bẩy" | "7" => Weekday::Saturday,
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
                .map(|f| crate::iso::hhmm(f.value))
                .collect();
        assert_eq!(t, ["08:00", "07:30", "16:30", "17:00"]);
        let t: Vec<String> = times("7 giờ 30 - 11 giờ 00, 07:30 - 11:00, 13h30-17h")
            .into_iter()
            .map(|f| crate::iso::hhmm(f.value))
            .collect();
        assert_eq!(t, ["07:30", "11:00", "07:30", "11:00", "13:30", "17:00"]);
        assert!(times("3 giờ 75 phút").is_empty());
        assert!(times("2 hộ gia đình, 3 gia đình").is_empty());
    }

    #[test]
    fn weekdays_are_iso_numbers() {
        let iso = |t| weekday(t).map(Weekday::to_monday_one_offset);
        assert_eq!(iso("ngày thứ Tư hàng tuần"), Some(3));
        assert_eq!(iso("thứ 6 hàng tuần"), Some(5));
        assert_eq!(iso("ngày thứ Sáu hàng tuần"), Some(5));
        assert_eq!(iso("Thứ Hai"), Some(1));
        assert_eq!(iso("Chủ nhật"), Some(7));
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

    proptest::proptest! {
        #[test]
        fn every_written_form_of_a_date_reads_back(y in 2000i16..2100, m in 1i8..=12, d in 1i8..=31) {
            proptest::prop_assume!(Date::new(y, m, d).is_ok());
            let iso = Date::new(y, m, d).unwrap().to_string();
            for text in [
                format!("trước ngày {d} tháng {m} năm {y};"),
                format!("trước ngày {d:02} tháng {m:02} năm {y}"),
                format!("ngày {d}/{m}/{y}"),
                format!("ngày {d:02}/{m:02}/{y}."),
            ] {
                let found = dates(&text, None);
                proptest::prop_assert_eq!(found.len(), 1, "{}", text);
                proptest::prop_assert_eq!(found[0].value.to_string(), iso.clone());
            }
            let short = dates(&format!("trước ngày {d}/{m} hằng năm"), Some(y));
            proptest::prop_assert_eq!(short[0].value.to_string(), iso);
        }
    }
}
