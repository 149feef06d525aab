//! The period a campaign runs, in every phrasing met in plans: a `Thời
//! gian: …` item, a section of its own (`IV. THỜI GIAN THỰC HIỆN` then `Từ
//! ngày … đến hết ngày …`), or inside a sentence (`… xây dựng Kế hoạch …
//! từ ngày 06/7/2026 đến hết ngày 04/8/2026`, `trong thời gian từ ngày …`,
//! `từ nay đến hết ngày …`, `Từ ngày ban hành Kế hoạch đến …`).

use std::sync::LazyLock;

use regex::Regex;

use jiff::civil::Date;

use crate::model::Period;
use crate::vndate;

/// Where a period is written, from the least to the most certain: a
/// statement of the period wins over a range met in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// A range in a sentence of the body about the campaign, when nothing
    /// else states the period.
    Body,
    /// A range in the title or the preamble's sentence.
    Sentence,
    /// A `Thời gian` item or the text of a `Thời gian` section.
    Stated,
}

/// What a text says of the period: its days, and whether it starts on the
/// day of issue, which may not be known yet.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stated {
    pub period: Period,
    pub from_issue: bool,
}

/// `từ ngày … đến (hết) ngày …`, `từ nay đến …`, `từ ngày ban hành … đến
/// …`, `… đến hết tháng 9/2026`, `… đến hết năm 2026`: a range of days
/// inside a sentence. The boundary before `từ` is ASCII's (see
/// `facts::DEADLINE`).
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)từ\s+(?:nay|ngày\s+ban\s+hành[^.;:]{0,40}?|(?:ngày\s+)?[0-9][^.;:]{0,30}?)\s+(?:đến|[-–])\s+(?:(?:hết|cuối)\s+)?(?:(?:ngày|tháng|quý|năm)\s+)?(?:[0-9]|[iv]+(?-u:\b))")
        .unwrap()
});

/// `Từ 15/6 đến …`: a start without `ngày` nor year, read only before an end.
static BARE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)từ\s+(?:ngày\s+)?([0-9]{1,2})/([0-9]{1,2})\b(?:[/.-][0-9])?").unwrap()
});

/// `Trong thời gian 30 ngày, kể từ ngày 15/6/2026`: a number of days from a day.
static COUNTED_DAYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)([0-9]{1,3})\s+ngày(?:\s+làm\s+việc)?\s*[,(]?\s*(?:kể\s+)?từ\s+")
        .unwrap()
});

/// Whole months named in a period, each match one span of them: `tháng
/// 7`, `tháng 6, 7 và 8 năm 2026`, `tháng 6 - 8/2026`, `từ tháng 6 đến hết
/// tháng 9`, `quý III/2026`, `quý III và IV`, `6 tháng cuối năm 2026`,
/// `trong năm 2026`, `đến hết năm`, a text that is only `Năm 2026`.
static MONTH_SPANS: LazyLock<Regex> = LazyLock::new(|| {
    let more = r"\s*(?:,|và|-|–|đến(?:\s+hết)?)\s*";
    Regex::new(&format!(
        r"(?i)(?:\btháng\s+([0-9]{{1,2}})((?:{more}(?:tháng\s+)?[0-9]{{1,2}}\b)*)|\bquý\s+(i{{1,3}}|iv|[1-4])\b((?:{more}(?:quý\s+)?(?:i{{1,3}}|iv|[1-4])\b)*)|\b(?:6|sáu)\s+tháng\s+(đầu|cuối)\s+năm|(?:^\s*|\b(?:hết|cuối|trong|cả|suốt)\s+)(năm)(\s+học)?)(?:\s*(?:/|-|,?\s*năm)?\s*([0-9]{{4}})\b)?"
    ))
    .unwrap()
});

/// Words that end a period's start and lead to its end.
const TO: &[&str] = &[
    "đến",
    "hoàn thành trước",
    "hoàn thành chậm nhất",
    "hoàn thành vào",
    "kết thúc",
];

/// Where the first word leading to an end is in `lower`, a text in lower case.
fn first_to(lower: &str) -> Option<usize> {
    TO.iter().filter_map(|w| lower.find(w)).min()
}

/// Where the end of a range begins: its first word leading to an end, or
/// a dash between two dates (`15/6/2026 - 30/7/2026`).
fn end_marker(text: &str, lower: &str, dates: &[vndate::Found<Date>]) -> Option<usize> {
    let word = first_to(lower);
    let dash = dates.windows(2).find_map(|w| {
        let between = text.get(w[0].span.end..w[1].span.start)?.trim();
        matches!(between, "-" | "–" | "—").then_some(w[0].span.end)
    });
    match (word, dash) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// A day and month written without a year takes the year of the range's
/// end, the year before when it would fall after the end.
fn year_from_end(start: Date, end: Date) -> Date {
    let at = |y: i16| Date::new(y, start.month(), start.day()).ok();
    at(end.year())
        .filter(|d| *d <= end)
        .or_else(|| at(end.year() - 1))
        .unwrap_or(start)
}

fn has_year(text: &str) -> bool {
    text.as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
}

/// `N ngày kể từ ngày D`: from D to D + N − 1.
fn counted_days(text: &str, year: Option<i16>) -> Option<Period> {
    let c = COUNTED_DAYS.captures(text)?;
    let days: i64 = c.get(1)?.as_str().parse().ok().filter(|n| *n > 0)?;
    let start = vndate::date_at(&text[c.get(0)?.end()..], year)
        .or_else(|| {
            let rest = text[c.get(0)?.end()..].strip_prefix("ngày ")?;
            vndate::date_at(rest, year)
        })?
        .value;
    let end = start.checked_add(jiff::Span::new().days(days - 1)).ok()?;
    Some(Period {
        start: Some(start),
        end: Some(end),
    })
}

/// Months a text names, in order: the first and the last month of each
/// span, its year when written, and where it is in the text.
struct MonthSpan {
    first: i8,
    last: i8,
    year: Option<i16>,
    at: std::ops::Range<usize>,
}

fn month_spans(text: &str) -> Vec<MonthSpan> {
    let numbers = |s: &str| -> Vec<i8> {
        s.split(|c: char| !c.is_ascii_alphanumeric())
            .filter_map(|w| match w.to_ascii_lowercase().as_str() {
                "i" => Some(1),
                "ii" => Some(2),
                "iii" => Some(3),
                "iv" => Some(4),
                w => w.parse().ok(),
            })
            .collect()
    };
    MONTH_SPANS
        .captures_iter(text)
        .filter_map(|c| {
            let group = |i: usize| c.get(i).map(|m| m.as_str());
            let (first, last) = if let Some(m) = group(1) {
                let rest = numbers(group(2).unwrap_or_default());
                let first: i8 = m.parse().ok()?;
                (first, rest.last().copied().unwrap_or(first))
            } else if let Some(q) = group(3) {
                let rest = numbers(group(4).unwrap_or_default());
                let q1 = *numbers(q).first()?;
                let q2 = rest.last().copied().unwrap_or(q1);
                (q1 * 3 - 2, q2 * 3)
            } else if let Some(half) = group(5) {
                if half.to_lowercase() == "đầu" {
                    (1, 6)
                } else {
                    (7, 12)
                }
            } else if group(7).is_some() {
                // `hết năm học`: a school year, whose end is no fixed day.
                return None;
            } else {
                // `hết năm`, `cuối năm`: its end; `trong năm`: all of it.
                let marker = c[0].to_lowercase();
                let end_only = marker.contains("hết") || marker.contains("cuối");
                (if end_only { 12 } else { 1 }, 12)
            };
            let valid = |m: i8| (1..=12).contains(&m);
            (valid(first) && valid(last)).then(|| MonthSpan {
                first,
                last,
                year: group(8).and_then(|y| y.parse().ok()),
                at: c.get(0).map_or(0..0, |m| m.range()),
            })
        })
        .collect()
}

/// The first and last day of each span. A span without its year takes
/// the one of the span after it (the year before when its months come
/// later in the year), the last span `year`; a span's months going past
/// December run into the next year.
fn span_days(spans: &[MonthSpan], year: Option<i16>) -> Vec<Option<(Date, Date)>> {
    let mut out = vec![None; spans.len()];
    let mut next: Option<(i16, i8)> = None;
    for (i, s) in spans.iter().enumerate().rev() {
        let y = match (s.year, next) {
            (Some(y), _) => Some(y),
            (None, Some((y, first))) => Some(if s.last > first { y - 1 } else { y }),
            (None, None) => year,
        };
        let Some(y) = y else { continue };
        let start_year = if s.first > s.last { y - 1 } else { y };
        out[i] = Date::new(start_year, s.first, 1)
            .ok()
            .zip(Date::new(y, s.last, 1).ok().map(|d| d.last_of_month()));
        next = Some((start_year, s.first));
    }
    out
}

/// What whole months named in `text` add to the range of days read from
/// it: the end when no day ends it (`đến hết tháng 9/2026`, `Từ nay đến
/// hết năm`), the start when no day starts it and it is not the day of
/// issue (`Từ tháng 7/2026 đến …`), or both (`Trong tháng 7`, `Quý
/// III/2026`). `year` is the document's.
fn with_months(text: &str, year: Option<i16>, days: Stated) -> Stated {
    let spans = month_spans(text);
    if spans.is_empty() {
        return days;
    }
    let year = year.or(days.period.start.map(|d| d.year()));
    let resolved = span_days(&spans, year);
    let to = first_to(&text.to_lowercase());
    // A span reaching across the word to the end (`tháng 6 đến tháng 8`)
    // is on both sides of it.
    let side = |s: &MonthSpan, before: bool| match to {
        None => true,
        Some(t) if s.at.start < t && t < s.at.end => true,
        Some(t) => (s.at.start < t) == before,
    };
    let days_of = |before: bool| {
        spans
            .iter()
            .zip(&resolved)
            .filter(move |(s, _)| side(s, before))
            .filter_map(|(_, d)| *d)
    };
    let end = days
        .period
        .end
        .or_else(|| days_of(false).next_back().map(|(_, last)| last));
    let start = if days.from_issue {
        None
    } else {
        days.period
            .start
            .or_else(|| days_of(true).next().map(|(first, _)| first))
    };
    let start = start.filter(|s| end.is_none_or(|e| *s <= e));
    Stated {
        period: Period { start, end },
        from_issue: days.from_issue,
    }
}

/// The day a deadline written in months falls on, from the first months
/// `text` names: their last day (`Tháng 7/2026`, `trong quý III`, `hết
/// tháng 8`), or the day before them after `trước` (`trước tháng 9/2026`
/// is by 31 August). `year` is the document's.
pub fn months_due(text: &str, year: Option<i16>) -> Option<Date> {
    let span = month_spans(text).into_iter().next()?;
    let before = text[..span.at.start].trim_end().to_lowercase();
    let (first, last) = span_days(std::slice::from_ref(&span), year)[0]?;
    if before.ends_with("trước") {
        first.yesterday().ok()
    } else {
        Some(last)
    }
}

/// Whether a sentence of the body speaks of the campaign as a whole, so
/// that a range in it may be its period (`Công an xã mở đợt cao điểm từ
/// nay đến hết ngày 31/12/2026`).
pub fn about_campaign(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    [
        "kế hoạch",
        "cao điểm",
        "chiến dịch",
        "đợt",
        "triển khai",
        "phong trào",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// The period a `Thời gian` item or section states: `Từ ngày 15 tháng 6
/// năm 2023 đến ngày 05 tháng 8 năm 2023`, `Từ ngày ban hành Kế hoạch đến
/// hết ngày 30/6/2026`, `Từ nay đến hết ngày 30/9/2026`, `đến ngày …`.
pub fn stated(text: &str, year: Option<i16>) -> Stated {
    let range = days_range(text, year);
    if range.period.end.is_some() && (range.period.start.is_some() || range.from_issue) {
        return range;
    }
    match counted_days(text, year) {
        Some(period) if range.period.end.is_none() => Stated {
            period,
            from_issue: false,
        },
        _ => with_months(text, year, range),
    }
}

/// A range written with days: `Từ ngày … đến ngày …`, `Từ 15/6 đến
/// 31/7/2026`, `15/6/2026 - 30/7/2026`, `từ nay đến hết ngày …`.
fn days_range(text: &str, year: Option<i16>) -> Stated {
    let lower = text.to_lowercase();
    let dates = vndate::dates(text, year);
    let to = end_marker(text, &lower, &dates);
    let from = lower
        .find("ngày ban hành")
        .or_else(|| lower.find("từ nay").map(|n| n + "từ ".len()));
    let from_issue = from.is_some_and(|f| to.is_some_and(|t| f < t));
    let end = match to {
        Some(t) => dates.iter().find(|d| d.span.start >= t).map(|d| d.value),
        None => None,
    };
    let start = if from_issue {
        None
    } else {
        let before = |at: usize| to.is_none_or(|t| at < t);
        let written = dates.iter().find(|d| before(d.span.start)).map(|d| {
            match end.filter(|_| !has_year(&text[d.span.clone()])) {
                Some(end) => year_from_end(d.value, end),
                None => d.value,
            }
        });
        // `Từ 15/6 đến 31/7/2026`: a bare day and month before the end.
        let bare = || {
            let c = BARE_START
                .captures(text)
                .filter(|c| c.get(0).is_some_and(|m| before(m.start())))?;
            let num = |i: usize| c.get(i)?.as_str().parse::<i8>().ok();
            let end = end?;
            let d = Date::new(end.year(), num(2)?, num(1)?).ok()?;
            Some(year_from_end(d, end))
        };
        written.or_else(bare)
    };
    let start = start.filter(|s| Some(*s) != end && end.is_none_or(|e| *s < e));
    Stated {
        period: Period { start, end },
        from_issue,
    }
}

/// The first range of days in a sentence (`… xây dựng Kế hoạch … từ ngày
/// 06/7/2026 đến hết ngày 04/8/2026 với các nội dung sau`), when it has an
/// end and a start (or starts on the day of issue).
pub fn in_sentence(text: &str, year: Option<i16>) -> Option<Stated> {
    RANGE.find_iter(text).find_map(|m| {
        // The end date follows the match closely.
        let range = vndate::prefix(&text[m.start()..], m.len() + 40);
        let s = stated(range, year);
        (s.period.end.is_some() && (s.period.start.is_some() || s.from_issue)).then_some(s)
    })
}

/// The day `text` says something lasts until, without a start: `… đến
/// hết ngày 31/12/2026`, `… đến ngày 30/6/2026`, `… tới 30/6/2026`.
pub fn until_in(text: &str, year: Option<i16>) -> Option<Date> {
    vndate::dates(text, year).into_iter().find_map(|d| {
        let before = text[..d.span.start].trim_end().to_lowercase();
        let before = before.strip_suffix("ngày").unwrap_or(&before).trim_end();
        let before = before.strip_suffix("hết").unwrap_or(before).trim_end();
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        matches!(word, "đến" | "tới").then_some(d.value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(p: &Stated) -> (Option<String>, Option<String>, bool) {
        let s = |d: Option<Date>| d.map(|d| d.to_string());
        (s(p.period.start), s(p.period.end), p.from_issue)
    }

    fn some(a: &str, b: &str, from_issue: bool) -> (Option<String>, Option<String>, bool) {
        let s = |x: &str| (!x.is_empty()).then(|| x.to_string());
        (s(a), s(b), from_issue)
    }

    #[test]
    fn stated_periods() {
        let p = stated(
            "Từ ngày 15 tháng 6 năm 2023 đến ngày 05 tháng 8 năm 2023 (50 ngày, đêm)",
            None,
        );
        assert_eq!(iso(&p), some("2023-06-15", "2023-08-05", false));
        let p = stated(
            "Từ ngày ban hành Kế hoạch đến hết ngày 30 tháng 6 năm 2026.",
            None,
        );
        assert_eq!(iso(&p), some("", "2026-06-30", true));
        let p = stated(
            "Thực hiện từ ngày ban hành kế hoạch đến ngày 30/6/2026.",
            None,
        );
        assert_eq!(iso(&p), some("", "2026-06-30", true));
        let p = stated("Từ nay đến hết ngày 30/9/2026.", None);
        assert_eq!(iso(&p), some("", "2026-09-30", true));
        // A start without its year takes the document's.
        let p = stated(
            "Đợt cao điểm diễn ra trong 45 ngày, từ ngày 01/8 đến ngày 14/9/2026.",
            Some(2026),
        );
        assert_eq!(iso(&p), some("2026-08-01", "2026-09-14", false));
        // Until a day, with no start: the day is the end, not the start too.
        let p = stated("đến ngày 30/6/2026", None);
        assert_eq!(iso(&p), some("", "2026-06-30", false));
    }

    #[test]
    fn periods_in_other_phrasings() {
        let y = Some(2026);
        let cases = [
            // The start's year is the end's.
            ("Từ 15/6 đến 31/7/2026.", "2026-06-15", "2026-07-31"),
            (
                "Kế hoạch được triển khai trong thời gian từ 15/6 đến 31/7/2026.",
                "2026-06-15",
                "2026-07-31",
            ),
            (
                "Từ ngày 15/12 đến ngày 31/01/2027.",
                "2026-12-15",
                "2027-01-31",
            ),
            // Dash ranges.
            ("Từ ngày 15/6/2026 - 30/7/2026.", "2026-06-15", "2026-07-30"),
            (
                "Thời gian thực hiện: 45 ngày (từ 15/6/2026 – 30/7/2026).",
                "2026-06-15",
                "2026-07-30",
            ),
            // A number of days from a day: the day counts.
            (
                "Trong thời gian 30 ngày, kể từ ngày 15/6/2026.",
                "2026-06-15",
                "2026-07-14",
            ),
            (
                "Thực hiện trong 10 ngày kể từ 01/3/2026",
                "2026-03-01",
                "2026-03-10",
            ),
            // A start, then a day to finish by.
            (
                "Bắt đầu từ ngày 15/6/2026, hoàn thành trước ngày 30/9/2026.",
                "2026-06-15",
                "2026-09-30",
            ),
            (
                "Khởi động từ ngày 01/7/2026 và kết thúc ngày 31/7/2026.",
                "2026-07-01",
                "2026-07-31",
            ),
            // Whole months.
            (
                "Từ tháng 6/2026 đến tháng 9/2026.",
                "2026-06-01",
                "2026-09-30",
            ),
            (
                "Từ tháng 11 đến hết tháng 02 năm 2027.",
                "2026-11-01",
                "2027-02-28",
            ),
        ];
        for (text, start, end) in cases {
            assert_eq!(iso(&stated(text, y)), some(start, end, false), "{text}");
        }
        // Numbers that are no period.
        assert_eq!(iso(&stated("Trong 0 ngày kể từ ngày 15/6/2026", y)).1, None);
        assert_eq!(iso(&stated("Từ tháng 9/2026 đến tháng 6/2026", y)).0, None);
    }

    #[test]
    fn periods_of_whole_months_quarters_and_years() {
        let y = Some(2026);
        let cases = [
            // A month, several, a range of them; the year the document's.
            ("Trong tháng 7.", "2026-07-01", "2026-07-31", false),
            ("Trong tháng 02/2027", "2027-02-01", "2027-02-28", false),
            (
                "Trong các tháng 6, 7 và 8 năm 2026.",
                "2026-06-01",
                "2026-08-31",
                false,
            ),
            ("tháng 6, 7, 8", "2026-06-01", "2026-08-31", false),
            ("Tháng 6 - 8/2026", "2026-06-01", "2026-08-31", false),
            (
                "Tháng 11, 12 và tháng 01 năm 2027",
                "2026-11-01",
                "2027-01-31",
                false,
            ),
            (
                "Từ tháng 6/2026 - tháng 9/2026",
                "2026-06-01",
                "2026-09-30",
                false,
            ),
            // Quarters and halves of a year.
            ("Quý III/2026", "2026-07-01", "2026-09-30", false),
            (
                "Trong quý III và quý IV năm 2026",
                "2026-07-01",
                "2026-12-31",
                false,
            ),
            ("quý 2 - quý 3", "2026-04-01", "2026-09-30", false),
            ("6 tháng cuối năm 2026", "2026-07-01", "2026-12-31", false),
            ("Sáu tháng đầu năm", "2026-01-01", "2026-06-30", false),
            // A year.
            ("Năm 2026.", "2026-01-01", "2026-12-31", false),
            (
                "Thực hiện trong năm 2027",
                "2027-01-01",
                "2027-12-31",
                false,
            ),
            // A day, then months to end it.
            (
                "Từ ngày 15/6/2026 đến hết tháng 9/2026.",
                "2026-06-15",
                "2026-09-30",
                false,
            ),
            (
                "Từ ngày 15/6/2026 đến hết năm.",
                "2026-06-15",
                "2026-12-31",
                false,
            ),
            (
                "Từ tháng 7/2026 đến ngày 15/8/2026",
                "2026-07-01",
                "2026-08-15",
                false,
            ),
            // From the day of issue.
            ("Từ nay đến hết năm 2026.", "", "2026-12-31", true),
            ("Đến hết năm", "", "2026-12-31", false),
            (
                "Từ ngày ban hành Kế hoạch đến cuối năm 2026",
                "",
                "2026-12-31",
                true,
            ),
            (
                "Từ ngày ban hành kế hoạch đến hết quý III/2026",
                "",
                "2026-09-30",
                true,
            ),
        ];
        for (text, start, end, from_issue) in cases {
            assert_eq!(
                iso(&stated(text, y)),
                some(start, end, from_issue),
                "{text}"
            );
        }
        // Without the document's year, a month names no days.
        assert_eq!(iso(&stated("Trong tháng 7", None)), some("", "", false));
        // A school year ends on no fixed day; words that are no period.
        for text in [
            "Đến hết năm học 2025-2026",
            "Kính gửi quý cơ quan, đơn vị",
            "trẻ em từ 6 đến 14 tuổi",
            "Tháng 13/2026",
        ] {
            assert_eq!(iso(&stated(text, y)).1, None, "{text}");
        }
    }

    #[test]
    fn deadlines_in_months() {
        let due = |text: &str| months_due(text, Some(2026)).map(|d| d.to_string());
        assert_eq!(due("Tháng 7/2026").as_deref(), Some("2026-07-31"));
        assert_eq!(due("Trong tháng 02").as_deref(), Some("2026-02-28"));
        assert_eq!(
            due("hoàn thành trong quý III năm 2026").as_deref(),
            Some("2026-09-30")
        );
        assert_eq!(due("Trước tháng 9/2026").as_deref(), Some("2026-08-31"));
        assert_eq!(due("trước hết tháng 8").as_deref(), Some("2026-08-31"));
        assert_eq!(due("6 tháng đầu năm").as_deref(), Some("2026-06-30"));
        assert_eq!(due("Thường xuyên"), None);
        assert_eq!(months_due("Tháng 7", None), None);
    }

    #[test]
    fn a_range_in_a_sentence_about_the_campaign() {
        let s = "Tổ chức cao điểm kích hoạt tài khoản từ ngày 15/6/2026 - 31/7/2026 tại trụ sở.";
        assert!(about_campaign(s));
        assert_eq!(
            in_sentence(s, None).map(|p| iso(&p)),
            Some(some("2026-06-15", "2026-07-31", false))
        );
        assert!(!about_campaign(
            "Tổ lưu động làm việc từ ngày 01/7 đến ngày 05/7 tại ấp A."
        ));
    }

    #[test]
    fn periods_inside_sentences() {
        let p = in_sentence("Công an tỉnh xây dựng Kế hoạch mở đợt cao điểm thu nhận hồ sơ từ ngày 06/7/2026 đến hết ngày 04/8/2026 với các nội dung sau:", None);
        assert_eq!(
            p.map(|p| iso(&p)),
            Some(some("2026-07-06", "2026-08-04", false))
        );
        let p = in_sentence("Chiến dịch được triển khai trong thời gian từ ngày 01/7/2026 đến ngày 31/8/2026 trên địa bàn các xã, phường, cao điểm từ ngày 15/7/2026 đến ngày 15/8/2026.", None);
        assert_eq!(
            p.map(|p| iso(&p)),
            Some(some("2026-07-01", "2026-08-31", false))
        );
        let p = in_sentence(
            "Công an xã mở đợt cao điểm từ nay đến hết năm 2026 tại trụ sở.",
            None,
        );
        assert_eq!(p.map(|p| iso(&p)), Some(some("", "2026-12-31", true)));
        let p = in_sentence(
            "Triển khai từ ngày 15/7/2026 đến hết tháng 8/2026, tập trung tại các trường.",
            None,
        );
        assert_eq!(
            p.map(|p| iso(&p)),
            Some(some("2026-07-15", "2026-08-31", false))
        );
        // Ages are no period.
        assert_eq!(in_sentence("trẻ em từ 6 đến 14 tuổi", Some(2026)), None);
        assert_eq!(in_sentence("hoàn thành trước ngày 30/6/2026", None), None);
    }
}
