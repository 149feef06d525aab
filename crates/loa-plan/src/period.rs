//! The period a campaign runs, in every phrasing met in plans: a `Thời
//! gian: …` item, a section of its own (`IV. THỜI GIAN THỰC HIỆN` then `Từ
//! ngày … đến hết ngày …`), or inside a sentence (`… xây dựng Kế hoạch …
//! từ ngày 06/7/2026 đến hết ngày 04/8/2026`, `trong thời gian từ ngày …`,
//! `từ nay đến hết ngày …`, `Từ ngày ban hành Kế hoạch đến …`).

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Period;
use crate::vndate;

/// Where a period is written, from the least to the most certain: a
/// statement of the period wins over a range met in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
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
/// …`: a range of days inside a sentence. The boundary before `từ` is
/// ASCII's (see `facts::DEADLINE`).
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)từ\s+(?:nay|ngày\s+ban\s+hành[^.;:]{0,40}?|(?:ngày\s+)?[0-9][^.;:]{0,30}?)\s+đến\s+(?:hết\s+)?(?:ngày\s+)?[0-9]")
        .unwrap()
});

/// The period a `Thời gian` item or section states: `Từ ngày 15 tháng 6
/// năm 2023 đến ngày 05 tháng 8 năm 2023`, `Từ ngày ban hành Kế hoạch đến
/// hết ngày 30/6/2026`, `Từ nay đến hết ngày 30/9/2026`, `đến ngày …`.
pub fn stated(text: &str, year: Option<i16>) -> Stated {
    let lower = text.to_lowercase();
    let dates = vndate::dates(text, year);
    let to = lower.find("đến");
    let from = lower
        .find("ngày ban hành")
        .or_else(|| lower.find("từ nay").map(|n| n + "từ ".len()));
    let from_issue = from.is_some_and(|f| to.is_some_and(|t| f < t));
    let start = if from_issue {
        None
    } else {
        dates
            .iter()
            .find(|d| to.is_none_or(|t| d.span.start < t))
            .map(|d| d.value)
    };
    let end = match to {
        Some(t) => dates.iter().find(|d| d.span.start > t).map(|d| d.value),
        None => None,
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

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::Date;

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
        // Ages are no period.
        assert_eq!(in_sentence("trẻ em từ 6 đến 14 tuổi", Some(2026)), None);
        assert_eq!(in_sentence("hoàn thành trước ngày 30/6/2026", None), None);
    }
}
