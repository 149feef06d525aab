//! Facts read from sentences: cited documents, deadlines, reporting
//! cadences, targets, and the names of agencies that tasks are given to.

use std::sync::LazyLock;

use regex::Regex;

use jiff::civil::{Date, Time};

use crate::model::{Audience, Cadence, Reporting};
use crate::vndate;

// The boundary before the first word is ASCII's: both words start with an
// ASCII letter, and an ASCII boundary lets the regex run as a DFA over
// Vietnamese text, where a Unicode one falls back to a backtracker.
static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:hoàn thành\s+)?trước|chậm nhất(?:\s+là)?(?:\s+vào)?|tổng kết(?:\s+vào)?)\s+(?:([0-9]{1,2}\s*(?:h[0-9]{0,2}|giờ(?:\s*[0-9]{2}\s*phút)?))\s*,?\s*)?(?:(?:ngày\s+)?([0-9])|ngày\s+[^();.]{3,60}?\(\s*([0-9]))").unwrap()
});
/// `hoàn thành trong tháng 7/2026`, `trước tháng 9`, `chậm nhất trong quý
/// III/2026`: a deadline in months (see [`period::months_due`]).
static MONTH_DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:hoàn\s+thành|xong)(?:\s+(?:trong|vào))?|trước|chậm\s+nhất(?:\s+(?:là|vào|trong))*)\s+(?:hết\s+)?(?:tháng|quý)\s+[0-9ivx]").unwrap()
});
static PERCENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{1,3}(?:[.,][0-9]+)?)\s*%").unwrap());
static REPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)báo cáo|thông báo (?:được )?kết quả|gửi (?:trả )?về").unwrap()
});

/// A deadline found in a text: its day and hour, and the sentence that sets it.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedSentence {
    pub date: Date,
    pub time: Option<Time>,
    pub sentence: String,
    /// Where the sentence starts in the text.
    pub start: usize,
    /// Where the words that set the date (`trước …`) start in the text.
    pub at: usize,
}

/// Every deadline in `text`, in order: `trước ngày 30/6/2026`, `Hoàn thành
/// trước 30 tháng 6 năm 2026`, `trước 10h00 ngày 06 tháng 8 năm 2023`,
/// `chậm nhất ngày 20/6/2026`, `trước ngày khai giảng năm học (05/9/2026)`,
/// a summary report's `tổng kết ngày 30/6/2026`, `hoàn thành trong tháng
/// 7/2026`, `trước tháng 9`.
pub fn deadlines(text: &str, year: Option<i16>) -> Vec<DatedSentence> {
    let mut out = Vec::new();
    // The deadline `date` set by the words at `at`, with the sentence around them.
    let mut push = |date, time, at| {
        let (sentence, start) = sentence_span(text, at);
        out.push(DatedSentence {
            date,
            time,
            sentence,
            start,
            at,
        });
    };
    for m in MONTH_DEADLINE.find_iter(text) {
        let within = vndate::prefix(&text[m.start()..], 80);
        if let Some(date) = crate::period::months_due(within, year) {
            push(date, None, m.start());
        }
    }
    for c in DEADLINE.captures_iter(text) {
        // `trước ngày 30/6`, or `trước ngày khai giảng (05/9/2026)`.
        let (Some(all), Some(digit)) = (c.get(0), c.get(2).or_else(|| c.get(3))) else {
            continue;
        };
        let Some(date) = vndate::date_at(&text[digit.start()..], year) else {
            continue;
        };
        let time = c
            .get(1)
            .and_then(|t| vndate::times(t.as_str()).into_iter().next())
            .map(|t| t.value);
        push(date.value, time, all.start());
    }
    out.sort_by_key(|d| d.at);
    out
}

/// The sentence or clause (between `.`, `;` or `:` boundaries) around a position.
pub fn sentence_around(text: &str, at: usize) -> String {
    sentence_span(text, at).0
}

/// The sentence around a position, and where it starts.
pub fn sentence_span(text: &str, at: usize) -> (String, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    // A sentence longer than this is cut: the search stays bounded.
    const WINDOW: usize = 1500;
    let mut lo = at.saturating_sub(WINDOW);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (at + WINDOW).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let (text, at, offset) = (&text[lo..hi], at - lo, lo);
    let is_end = |c: char| matches!(c, ';' | '\n');
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|(i, c)| is_end(*c) || (*c == '.' && text[i + 1..].starts_with(' ')))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let end = text[at..]
        .char_indices()
        .find(|(i, c)| {
            is_end(*c)
                || (*c == '.' && !text[at + i + 1..].starts_with(|n: char| n.is_ascii_digit()))
        })
        .map(|(i, _)| at + i + 1)
        .unwrap_or(text.len());
    (
        text[start..end]
            .trim()
            .trim_end_matches([';', ','])
            .trim()
            .to_string(),
        start + offset,
    )
}

/// A reporting duty with its cadence (`hằng ngày`, `thứ Tư hàng tuần`, `trước 7h30`).
/// `heading` is the heading it stands under (`Báo cáo tuần:`), which may carry the cadence.
pub fn reporting(text: &str, heading: &str) -> Option<Reporting> {
    // The pattern ignores case: most sentences are ruled out before any copy.
    if !REPORT.is_match(text) && !REPORT.is_match(heading) {
        return None;
    }
    duty(text, heading)
}

/// The reporting duties of a sentence, one per clause (`…`;`…`) that
/// speaks of a report and states a cadence (`báo cáo … thứ Năm hằng tuần;
/// … báo cáo … định kỳ ngày 25 hằng tháng`); a sentence of one clause, or
/// with one such clause, is one duty (that clause's), with its whole text.
pub fn reportings(sentence: &str, heading: &str) -> Vec<Reporting> {
    if !REPORT.is_match(sentence) && !REPORT.is_match(heading) {
        return Vec::new();
    }
    let clauses: Vec<&str> = sentence
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    if clauses.len() < 2 {
        return duty(sentence, heading).into_iter().collect();
    }
    let each: Vec<Reporting> = clauses
        .into_iter()
        .filter(|clause| REPORT.is_match(clause) || REPORT.is_match(heading))
        .filter_map(|clause| duty(clause, ""))
        .collect();
    if each.len() >= 2 {
        each
    } else if let Some(one) = each.into_iter().next() {
        // One clause states the duty: the sentence, with that clause's cadence.
        vec![Reporting {
            text: sentence.to_string(),
            ..one
        }]
    } else {
        duty(sentence, heading).into_iter().collect()
    }
}

/// The duty a text states when it has a cadence (the caller has seen
/// that it speaks of a report).
fn duty(text: &str, heading: &str) -> Option<Reporting> {
    let lower = text.to_lowercase();
    let heading = heading.to_lowercase();
    let every = |unit: &str| {
        ["hằng", "hàng", "mỗi"]
            .iter()
            .any(|e| lower.contains(&format!("{e} {unit}")))
            || heading.contains(&format!("báo cáo {unit}"))
    };
    let cadence = if every("ngày") {
        Cadence::Daily
    } else if every("tuần") {
        Cadence::Weekly
    } else if every("tháng") {
        Cadence::Monthly
    } else {
        return None;
    };
    Some(Reporting {
        cadence,
        weekday: if cadence == Cadence::Weekly {
            vndate::weekday(text)
        } else {
            None
        },
        time: vndate::times(text).into_iter().next().map(|t| t.value),
        text: text.to_string(),
        audience: Audience::Internal,
    })
}

pub fn percent(text: &str) -> Option<f64> {
    PERCENT
        .captures(text)
        .and_then(|c| c.get(1))
        .and_then(|m| m.as_str().replace(',', ".").parse().ok())
}

/// The sentences of a text: a full stop followed by a capital ends one
/// (not after an abbreviation such as `TP.`).
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') || !text[i + 1..].starts_with(' ') {
            continue;
        }
        let next = text[i + 2..].chars().next();
        let word = text[start..i].rsplit(' ').next().unwrap_or("");
        let abbreviation = word.chars().count() <= 3 && word.chars().all(char::is_uppercase);
        if next.is_some_and(char::is_uppercase) && !abbreviation {
            out.push(text[start..=i].trim());
            start = i + 2;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// The text up to its first `;` or sentence end.
pub fn first_clause(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|(i, c)| *c == ';' || (*c == '.' && text[i + 1..].starts_with(' ')))
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The day, the hour and the sentence of the first deadline in `text`.
    fn first_deadline(text: &str, year: Option<i16>) -> (String, Option<String>, String) {
        let d = deadlines(text, year).remove(0);
        (d.date.to_string(), d.time.map(crate::iso::hhmm), d.sentence)
    }

    #[test]
    fn deadlines_in_every_form() {
        let (date, time, sentence) =
            first_deadline("Hoàn thành trước ngày 30 tháng 6 năm 2026.", None);
        assert_eq!((date.as_str(), time), ("2026-06-30", None));
        assert_eq!(sentence, "Hoàn thành trước ngày 30 tháng 6 năm 2026.");
        let (date, time, _) = first_deadline(
            "Công an cấp xã báo cáo trước 10h00 ngày 06 tháng 8 năm 2023;",
            None,
        );
        assert_eq!(
            (date.as_str(), time.as_deref()),
            ("2023-08-06", Some("10:00"))
        );
        let d = |text, year| first_deadline(text, year).0;
        assert_eq!(
            d("Hoàn thành trước 30 tháng 6 năm 2026.", None),
            "2026-06-30"
        );
        assert_eq!(d("(Hoàn thành trước ngày 15/06/2026)", None), "2026-06-15");
        assert_eq!(d("nộp trước ngày 20 tháng 7", Some(2026)), "2026-07-20");
        assert_eq!(d("hoàn thành trước ngày 20/7;", Some(2026)), "2026-07-20");
        assert_eq!(
            d("cung cấp danh sách chậm nhất ngày 20/6/2026.", None),
            "2026-06-20"
        );
        assert_eq!(
            d(
                "có thẻ căn cước trước ngày khai giảng năm học 2026 - 2027 (05/9/2026).",
                None
            ),
            "2026-09-05"
        );
        assert_eq!(d("và báo cáo tổng kết ngày 30/6/2026.", None), "2026-06-30");
        // In months: their end, or the day before them.
        assert_eq!(
            d("Rà soát, hoàn thành trong tháng 7/2026.", None),
            "2026-07-31"
        );
        assert_eq!(d("nộp hồ sơ trước tháng 9", Some(2026)), "2026-08-31");
        assert_eq!(
            d("chậm nhất trong quý III năm 2026 phải xong", None),
            "2026-09-30"
        );
        let both = deadlines(
            "việc một hoàn thành trong tháng 7/2026; việc hai trước ngày 2/6/2026",
            None,
        );
        let dates: Vec<String> = both.iter().map(|d| d.date.to_string()).collect();
        assert_eq!(dates, ["2026-07-31", "2026-06-02"]);
        // A monthly day is reporting, not a deadline.
        assert!(deadlines("trước ngày 20 hằng tháng", Some(2026)).is_empty());
        let two = deadlines(
            "việc một trước ngày 1/6/2026; việc hai trước ngày 2/6/2026",
            None,
        );
        assert_eq!(two[1].sentence, "việc hai trước ngày 2/6/2026");
        assert_eq!(two[1].start, "việc một trước ngày 1/6/2026;".len());
        // A weekly hour is reporting, not a deadline.
        assert!(deadlines(
            "báo cáo hàng tuần trước 08 giờ 00 phút ngày thứ Tư",
            Some(2026)
        )
        .is_empty());
    }

    #[test]
    fn sentence_of_a_deadline() {
        let t = "a) Việc một; việc hai hoàn thành trước ngày 30/5/2026; việc ba.";
        assert_eq!(
            sentence_around(t, t.find("trước").unwrap()),
            "việc hai hoàn thành trước ngày 30/5/2026"
        );
    }

    #[test]
    fn one_duty_per_clause_with_a_cadence() {
        let got = reportings("Công an các xã báo cáo kết quả về Công an huyện trước 16 giờ 00 thứ Năm hằng tuần; Công an huyện tổng hợp, báo cáo Ủy ban nhân dân huyện định kỳ ngày 25 hằng tháng và báo cáo sơ kết trước ngày 10/7/2025.", "");
        let got: Vec<_> = got
            .iter()
            .map(|r| {
                (
                    r.cadence,
                    r.weekday.map(|w| w.to_monday_one_offset()),
                    r.time.map(crate::iso::hhmm),
                    r.audience,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    Cadence::Weekly,
                    Some(4),
                    Some("16:00".into()),
                    Audience::Internal
                ),
                (Cadence::Monthly, None, None, Audience::Internal),
            ]
        );
        // Under a heading of reports, a clause without the word is a duty too.
        let got = reportings("Tổ công tác gửi kết quả trước 17h00 hằng ngày; Công an xã tổng hợp vào thứ Sáu hằng tuần.", "Chế độ báo cáo");
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].text, "Công an xã tổng hợp vào thứ Sáu hằng tuần.");
        // One cadence in several clauses: the sentence is one duty.
        let s = "Công an xã báo cáo vào thứ Năm hàng tuần; báo cáo tổng kết trước ngày 05/12/2024.";
        let got = reportings(s, "");
        assert_eq!((got.len(), got[0].text.as_str()), (1, s));
        assert!(reportings("Tuyên truyền hằng ngày; vận động hằng tuần.", "").is_empty());
        // A clause that speaks of no report is no duty of its own.
        let s =
            "Loa truyền thanh phát thông tin hằng ngày; Công an xã báo cáo vào thứ Sáu hằng tuần.";
        let got = reportings(s, "");
        assert_eq!((got.len(), got[0].cadence), (1, Cadence::Weekly));
        // A sentence of one clause keeps its text whole.
        let s = "Các tổ báo cáo trước 17h00 hằng ngày;";
        assert_eq!(reportings(s, "")[0].text, s);
    }

    #[test]
    fn reporting_cadences() {
        let r = reporting(
            "Ủy ban nhân dân xã, phường báo cáo hàng tuần trước 08 giờ 00 phút ngày thứ Tư",
            "",
        )
        .unwrap();
        let iso = |r: &Reporting| {
            (
                r.weekday.map(jiff::civil::Weekday::to_monday_one_offset),
                r.time.map(crate::iso::hhmm),
            )
        };
        assert_eq!(r.cadence, Cadence::Weekly);
        assert_eq!(iso(&r), (Some(3), Some("08:00".into())));
        let r = reporting(
            "Giao Công an phường tập hợp thông kê báo cáo trước 7h30 hằng ngày",
            "",
        )
        .unwrap();
        assert_eq!(r.cadence, Cadence::Daily);
        assert_eq!(iso(&r), (None, Some("07:30".into())));
        let r = reporting(
            "Trước 09h00 thứ Năm hàng tuần, giao Công an thành phố tổng hợp",
            "b) Báo cáo tuần:",
        )
        .unwrap();
        assert_eq!(iso(&r), (Some(4), Some("09:00".into())));
        let r = reporting("Trước 08h00, các Tổ báo cáo kết quả", "Báo cáo ngày:").unwrap();
        assert_eq!(r.cadence, Cadence::Daily);
        let r = reporting("báo cáo trước 16 giờ 30 phút ngày thứ Sáu hàng tuần", "").unwrap();
        assert_eq!(iso(&r), (Some(5), Some("16:30".into())));
        assert!(reporting("phát thông báo trên loa phường hằng ngày", "").is_none());
        let r = reporting("Các tổ báo cáo nhanh kết quả trước 18h00 mỗi ngày.", "").unwrap();
        assert_eq!(
            (r.cadence, iso(&r)),
            (Cadence::Daily, (None, Some("18:00".into())))
        );
        let r = reporting(
            "lập danh sách gửi trả về Công an cấp xã (thực hiện hàng ngày);",
            "",
        );
        assert_eq!(r.map(|r| r.cadence), Some(Cadence::Daily));
    }

    #[test]
    fn sentences_end_at_a_full_stop_and_a_capital() {
        let t = "Tổ thu nhận lưu động báo cáo kết quả trước 17h00 hằng ngày. Công an xã báo cáo Công an huyện vào thứ Năm hàng tuần và báo cáo tổng kết trước ngày 05/12/2024.";
        assert_eq!(sentences(t).len(), 2);
        assert_eq!(sentences("Đề nghị UBND TP. Cần Thơ chỉ đạo.").len(), 1);
        assert_eq!(first_clause("Việc một; việc hai."), "Việc một");
    }

    #[test]
    fn percents() {
        assert_eq!(percent("đạt 80% trở lên"), Some(80.0));
        assert_eq!(percent("đạt 99,5 %"), Some(99.5));
        assert_eq!(percent("không có"), None);
    }
}
