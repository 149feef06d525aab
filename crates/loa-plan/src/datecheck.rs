//! Dates written in a plan that the reader cannot take as they are: a day
//! the month does not have (`31/6/2026`, `29/2/2026`), a two-digit year
//! (`30/06/26`), a year far after the plan's own (`2062` in a 2026 plan).
//! The reader leaves such a date out; [`check_dates`] says where each is, so
//! that no deadline disappears without a word.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::model::Plan;
use crate::vndate;

/// How many years after the plan's own a date may be before it is
/// reported as a likely typing mistake (`2062` for `2026`).
pub const YEARS_AHEAD: i16 = 3;

/// A date of the plan's text that the reader left out or doubts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateProblem {
    /// 1-based line of the text.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The date as written: `31/6/2026`.
    pub written: String,
    /// What is wrong with it.
    pub kind: DateProblemKind,
}

/// What is wrong with a [`DateProblem`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblemKind {
    /// The month has no such day; `days` is how many it has.
    DoesNotExist {
        /// The number of days of that month.
        days: i8,
    },
    /// The year has two digits: the century is a guess.
    TwoDigitYear,
    /// The year is far after the plan's.
    FarYear {
        /// The year written.
        year: i16,
        /// The plan's own year.
        plan_year: i16,
    },
}

static SLASH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})\b").expect("a valid pattern")
});
static WORDS_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s*,?\s*năm\s+([0-9]{4})\b")
        .expect("a valid pattern")
});
/// `30/06/26`: slashes only, and not followed by more digits or `/` (a
/// document number such as `12/05/QĐ` has letters).
static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([0-9]{1,2})/([0-9]{1,2})/([0-9]{2})(?:$|[^0-9/])").expect("a valid pattern")
});

/// Every date of `text` (the text `plan` was read from) that does not
/// exist, has a two-digit year, or lies more than [`YEARS_AHEAD`] years
/// after the plan's year; in the order of the text.
pub fn check_dates(text: &str, plan: &Plan) -> Vec<DateProblem> {
    let plan_year = vndate::document_year(plan.issued.map(|d| d.year()), text);
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let mut found = Vec::new();
        for re in [&*SLASH_DATE, &*WORDS_DATE] {
            for c in re.captures_iter(line) {
                let number = |n: usize| c.get(n).and_then(|m| m.as_str().parse::<i16>().ok());
                let (Some(all), Some(day), Some(month), Some(year)) =
                    (c.get(0), number(1), number(2), number(3))
                else {
                    continue;
                };
                if let Some(kind) = full_date(day, month, year, plan_year) {
                    found.push((all.start(), all.as_str().to_string(), kind));
                }
            }
        }
        for c in SHORT_YEAR.captures_iter(line) {
            let (Some(d), Some(m), Some(y)) = (c.get(1), c.get(2), c.get(3)) else {
                continue;
            };
            let plausible = matches!(d.as_str().parse::<u8>(), Ok(1..=31))
                && matches!(m.as_str().parse::<u8>(), Ok(1..=12));
            if plausible {
                let written = &line[d.start()..y.end()];
                found.push((
                    d.start(),
                    written.to_string(),
                    DateProblemKind::TwoDigitYear,
                ));
            }
        }
        found.sort_by_key(|f| f.0);
        out.extend(found.into_iter().map(|(start, written, kind)| DateProblem {
            line: i + 1,
            column: line[..start].chars().count() + 1,
            written,
            kind,
        }));
    }
    out
}

/// The problem of a date with a four-digit year, if any: only a day and
/// month that look like a date (1–31, 1–12) are judged.
fn full_date(day: i16, month: i16, year: i16, plan_year: Option<i16>) -> Option<DateProblemKind> {
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return None;
    }
    let (day, month) = (day as i8, month as i8);
    if Date::new(year, month, day).is_err() {
        let days = Date::new(year, month, 1).ok()?.days_in_month();
        return Some(DateProblemKind::DoesNotExist { days });
    }
    let plan_year = plan_year?;
    (year > plan_year + YEARS_AHEAD).then_some(DateProblemKind::FarYear { year, plan_year })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(usize, usize, String, DateProblemKind)> {
        let plan = crate::read(text);
        check_dates(text, &plan)
            .into_iter()
            .map(|p| (p.line, p.column, p.written, p.kind))
            .collect()
    }

    #[test]
    fn dates_that_do_not_exist_short_years_and_far_years() {
        let text = "KẾ HOẠCH\nThử\nCần Thơ, ngày 2 tháng 6 năm 2026\n\
                    1. Xong trước ngày 31/6/2026.\n2. Nộp trước ngày 29/2/2026, \
                    hạn 30/06/26.\n3. Đến ngày 15/7/2062 và ngày 31 tháng 4 năm 2026.\n\
                    4. Căn cứ Nghị quyết số 06/NQ-CP ngày 06/01/2022; ngày 29/2/2028.\n";
        use DateProblemKind::*;
        assert_eq!(
            kinds(text),
            [
                (4, 20, "31/6/2026".into(), DoesNotExist { days: 30 }),
                (5, 19, "29/2/2026".into(), DoesNotExist { days: 28 }),
                (5, 34, "30/06/26".into(), TwoDigitYear),
                (
                    6,
                    13,
                    "15/7/2062".into(),
                    FarYear {
                        year: 2062,
                        plan_year: 2026
                    }
                ),
                (
                    6,
                    31,
                    "31 tháng 4 năm 2026".into(),
                    DoesNotExist { days: 30 }
                ),
            ]
        );
    }

    #[test]
    fn numbers_that_are_not_dates_are_left_alone() {
        let text = "KẾ HOẠCH\nThử\nnăm 2026\nSố 12/05/QĐ; tỷ lệ 1.5.2026x; 45/13/2026; 3/4/567\n";
        assert_eq!(kinds(text), []);
    }
}
