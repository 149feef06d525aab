//! Office hours the text states with clock times (`Bộ phận tiếp nhận … tại
//! trụ sở Công an xã làm việc từ 07 giờ 00 đến 20 giờ 00 tất cả các ngày
//! trong tuần`), in the `hours` syntax of points: `T2-CN 07:00-20:00`,
//! `T2-T6 07:30-11:30, 13:30-17:00` (T2 = Monday … CN = Sunday).

use std::sync::LazyLock;

use regex::Regex;

use jiff::civil::Date;

use crate::agencies;
use crate::model::{OfficeHours, Period};
use crate::vndate;

/// `từ 7 giờ 30 đến 11 giờ 30`, `từ 07h00 đến 17h00`, `từ 7:30 đến 11:30`.
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    let time = r"[0-9]{1,2}\s*(?:giờ(?:\s*[0-9]{2})?(?:\s*phút)?|h(?:[0-9]{2})?|:[0-9]{2})";
    Regex::new(&format!(
        r"(?i)(?-u:\b)từ\s+({time})\s+(?:đến|tới|-)\s+({time})"
    ))
    .unwrap()
});
/// `từ thứ Hai đến thứ Sáu`, `từ thứ 2 đến Chủ nhật`.
static DAYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)từ\s+(thứ\s+(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7]))\s+(?:đến|tới|-)\s+(thứ\s+(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s+nhật)").unwrap()
});
/// While the plan is carried out: `trong suốt thời gian thực hiện Kế
/// hoạch`, `trong thời gian triển khai chiến dịch`. (A `cao điểm` is often
/// a part of the plan's period only: not this.)
static DURING_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)trong\s+(?:suốt\s+)?thời\s+gian\s+(?:(?:thực\s+hiện|triển\s+khai|diễn\s+ra|của)\s+)?(?:kế\s+hoạch|chiến\s+dịch)").unwrap()
});
/// Every day of the week.
const EVERY_DAY: &[&str] = &[
    "tất cả các ngày",
    "các ngày trong tuần",
    "hằng ngày",
    "hàng ngày",
    "cả tuần",
    "7 ngày/tuần",
    "kể cả thứ bảy và chủ nhật",
    "kể cả thứ bảy, chủ nhật",
];
/// Words after an office's name: what it does there.
const AFTER_NAME: &[&str] = &[
    "làm việc",
    "tiếp nhận",
    "thu nhận",
    "tiếp tục",
    "mở cửa",
    "hoạt động",
    "trực",
    "từ",
    "vào",
    "trong",
];

/// The office hours a clause states: its clock ranges, its days, and the
/// office it names (at whose premises, or as its subject).
pub fn of_clause(clause: &str) -> Option<OfficeHours> {
    // Most clauses state no clock range: ruled out before any copy.
    if !RANGE.is_match(clause) {
        return None;
    }
    let lower = clause.to_lowercase();
    if lower.contains("báo cáo") {
        return None;
    }
    let ranges: Vec<String> = RANGE
        .captures_iter(clause)
        .filter_map(|c| {
            let from = vndate::times(c.get(1)?.as_str()).first()?.value;
            let to = vndate::times(c.get(2)?.as_str()).first()?.value;
            (from < to).then(|| format!("{}-{}", crate::iso::hhmm(from), crate::iso::hhmm(to)))
        })
        .collect();
    if ranges.is_empty() {
        return None;
    }
    let days = days(clause, &lower)?;
    Some(OfficeHours {
        office: office(clause)?,
        hours: format!("{days} {}", ranges.join(", ")),
        during_plan: DURING_PLAN.is_match(clause),
    })
}

/// Makes `hours` hold for `period` only, when it has an end: `T2-CN
/// 07:00-20:00 từ 1/6/2026 đến 30/6/2026` (`đến 30/6/2026` without a start).
pub fn for_period(hours: &mut OfficeHours, period: Option<Period>) {
    let day = |d: Date| format!("{}/{}/{}", d.day(), d.month(), d.year());
    let Some(Period {
        start,
        end: Some(end),
    }) = period
    else {
        return;
    };
    if let Some(start) = start {
        hours.hours.push_str(&format!(" từ {}", day(start)));
    }
    hours.hours.push_str(&format!(" đến {}", day(end)));
    hours.during_plan = false;
}

/// What follows a clause's hours, up to the next `,` `;` or `.`: where it
/// says until when they hold (`… từ thứ Hai đến thứ Bảy đến hết ngày
/// 31/12/2026`).
pub fn after_hours(clause: &str) -> &str {
    let end = RANGE
        .find_iter(clause)
        .chain(DAYS.find_iter(clause))
        .map(|m| m.end())
        .max()
        .unwrap_or(clause.len());
    let rest = &clause[end..];
    rest.find([',', ';', '.']).map_or(rest, |at| &rest[..at])
}

/// `T2-T6`, `T2-CN`; `None` when the clause names no days.
fn days(clause: &str, lower: &str) -> Option<String> {
    if let Some(c) = DAYS.captures(clause) {
        let day = |t: &str| {
            vndate::weekday(t).map(|w| match w.to_monday_one_offset() {
                7 => "CN".to_string(),
                n => format!("T{}", n + 1),
            })
        };
        return Some(format!("{}-{}", day(&c[1])?, day(&c[2])?));
    }
    EVERY_DAY
        .iter()
        .any(|d| lower.contains(d))
        .then(|| "T2-CN".to_string())
}

/// The office: the agency whose premises the clause names (`tại trụ sở
/// Công an xã`, `tại Trung tâm Phục vụ hành chính công phường`), else its
/// subject (`Công an xã tiếp nhận …`, also after a phrase of time and a
/// comma).
fn office(clause: &str) -> Option<String> {
    let clause = clause.rsplit(':').next().unwrap_or(clause).trim();
    let lower = clause.to_lowercase();
    let mut starts: Vec<usize> = ["trụ sở ", "tại "]
        .iter()
        .flat_map(|w| lower.match_indices(w).map(move |(i, _)| i + w.len()))
        .collect();
    starts.sort_unstable();
    starts.push(0);
    // After a time or a place first (`Trong thời gian cao điểm, Công an xã
    // làm việc …`): the subject after the first comma.
    starts.extend(lower.find(", ").map(|at| at + 2));
    // Lower-casing keeps the length of Vietnamese letters.
    let same = lower.len() == clause.len();
    starts.into_iter().filter(|_| same).find_map(|at| {
        let name = name_at(&clause[at..]);
        (agencies::starts_with_agency(&name) || of_agency(&name).is_some()).then_some(name)
    })
}

/// Where, in the words of a name, `của` and an agency's name start (`Bộ
/// phận tiếp nhận hồ sơ của Công an huyện`): a part of that agency.
fn of_agency(name: &str) -> Option<usize> {
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..words.len().saturating_sub(1))
        .find(|&i| words[i] == "của" && agencies::starts_with_agency(&words[i + 1..].join(" ")))
}

/// The words of a name, up to what the office does or a punctuation mark.
fn name_at(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(16).collect();
    let mut name = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let rest = words[i..].join(" ").to_lowercase();
        let done = AFTER_NAME.iter().any(|s| {
            rest.strip_prefix(s)
                .is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()))
        });
        // `Bộ phận tiếp nhận hồ sơ của Công an huyện`: what the office does
        // is part of its name when `của` and an agency follow closely.
        let part_of = || of_agency(&words[i..words.len().min(i + 8)].join(" ")).is_some();
        if done && i > 0 && !part_of() {
            break;
        }
        name.push(w.trim_end_matches([',', ';', '.', ':']));
        if w.ends_with([',', ';', '.', ':']) {
            break;
        }
    }
    name.join(" ")
}

/// The office a name ends with its unit (`Công an xã`), completed with the
/// unit's name from the issuer (`ỦY BAN NHÂN DÂN XÃ BA CHÚC`): `Công an xã
/// Ba Chúc`.
pub fn with_locality(office: &str, issuer: Option<&str>) -> String {
    const UNITS: &[&str] = &[
        "xã",
        "phường",
        "thị trấn",
        "đặc khu",
        "huyện",
        "quận",
        "thị xã",
        "tỉnh",
        "thành phố",
    ];
    let (Some(issuer), Some(unit)) = (
        issuer,
        UNITS.iter().find(|u| office.ends_with(&format!(" {u}"))),
    ) else {
        return office.to_string();
    };
    let lower = issuer.to_lowercase();
    let Some(at) = lower
        .find(&format!(" {unit} "))
        .filter(|_| lower.len() == issuer.len())
    else {
        return office.to_string();
    };
    let name: Vec<String> = issuer[at + unit.len() + 2..]
        .split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| {
                    f.to_uppercase()
                        .chain(c.flat_map(char::to_lowercase))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    if name.is_empty() {
        return office.to_string();
    }
    format!("{office} {}", name.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(clause: &str) -> Option<(String, String)> {
        of_clause(clause).map(|h| (h.office, h.hours))
    }

    fn some(office: &str, hours: &str) -> Option<(String, String)> {
        Some((office.to_string(), hours.to_string()))
    }

    #[test]
    fn hours_while_the_plan_is_carried_out() {
        for during in [
            "làm việc tất cả các ngày trong suốt thời gian thực hiện Kế hoạch",
            "trong thời gian triển khai chiến dịch",
        ] {
            assert!(DURING_PLAN.is_match(during), "{during}");
        }
        for not in [
            "trong thời gian cao điểm",
            "trong đợt cao điểm",
            "trong thời gian nghỉ trưa",
        ] {
            assert!(!DURING_PLAN.is_match(not), "{not}");
        }
    }

    #[test]
    fn hours_in_sentences() {
        assert_eq!(
            hours("Bộ phận tiếp nhận hồ sơ tại trụ sở Công an xã làm việc từ 07 giờ 00 đến 20 giờ 00 tất cả các ngày trong tuần, kể cả thứ Bảy và Chủ nhật"),
            some("Công an xã", "T2-CN 07:00-20:00")
        );
        assert_eq!(
            hours("Thu nhận tại trụ sở: Công an xã tiếp tục tiếp nhận hồ sơ tại trụ sở từ thứ Hai đến thứ Bảy, sáng từ 7 giờ 00 đến 11 giờ 00, chiều từ 13 giờ 00 đến 17 giờ 00."),
            some("Công an xã", "T2-T7 07:00-11:00, 13:00-17:00")
        );
        assert_eq!(
            hours("điểm tiếp nhận tại Trung tâm Phục vụ hành chính công phường làm việc từ thứ 2 đến thứ 6, sáng từ 7h30 đến 11h30"),
            some("Trung tâm Phục vụ hành chính công phường", "T2-T6 07:30-11:30")
        );
        assert_eq!(
            hours("Trụ sở Công an đặc khu tiếp nhận hồ sơ từ 07 giờ 30 đến 21 giờ 00 hằng ngày, kể cả ngày lễ."),
            some("Công an đặc khu", "T2-CN 07:30-21:00")
        );
        // The subject after a phrase of time.
        assert_eq!(
            hours("Trong thời gian cao điểm, Công an xã làm việc từ 7 giờ 00 đến 21 giờ 00 tất cả các ngày trong tuần."),
            some("Công an xã", "T2-CN 07:00-21:00")
        );
    }

    #[test]
    fn an_office_of_an_agency_keeps_its_whole_name() {
        assert_eq!(
            hours("Bộ phận tiếp nhận hồ sơ của Công an huyện làm việc từ 07 giờ 00 đến 17 giờ 00 từ thứ Hai đến thứ Bảy, kể cả ngày lễ."),
            some("Bộ phận tiếp nhận hồ sơ của Công an huyện", "T2-T7 07:00-17:00")
        );
        assert_eq!(
            hours("Bộ phận một cửa của UBND xã mở cửa từ 7h30 đến 17h00 từ thứ Hai đến thứ Sáu"),
            some("Bộ phận một cửa của UBND xã", "T2-T6 07:30-17:00")
        );
        // `của` and no agency: the name ends at what the office does.
        assert_eq!(
            hours(
                "Công an xã tiếp nhận hồ sơ của người dân từ 7h00 đến 11h00 từ thứ Hai đến thứ Bảy"
            ),
            some("Công an xã", "T2-T7 07:00-11:00")
        );
    }

    #[test]
    fn no_hours_without_clock_times_days_or_an_office() {
        assert_eq!(
            hours("Thu nhận hồ sơ tại trụ sở 03 ca/ngày, tất cả các ngày trong tuần"),
            None
        );
        assert_eq!(
            hours("Phát thông báo trên loa vào 06 giờ 00 và 17 giờ 00 hằng ngày"),
            None
        );
        assert_eq!(
            hours("Công an xã làm việc từ 7 giờ 00 đến 11 giờ 00"),
            None,
            "no days"
        );
        assert_eq!(
            hours("Công an xã báo cáo từ 7 giờ đến 9 giờ hằng ngày"),
            None
        );
    }

    #[test]
    fn an_office_takes_its_unit_s_name() {
        assert_eq!(
            with_locality("Công an xã", Some("ỦY BAN NHÂN DÂN XÃ BA CHÚC")),
            "Công an xã Ba Chúc"
        );
        assert_eq!(
            with_locality("Công an đặc khu", Some("ỦY BAN NHÂN DÂN ĐẶC KHU CÔN ĐẢO")),
            "Công an đặc khu Côn Đảo"
        );
        assert_eq!(
            with_locality("Công an xã", Some("ỦY BAN NHÂN DÂN PHƯỜNG TÂN AN")),
            "Công an xã"
        );
        assert_eq!(
            with_locality("Công an xã Mỹ Lợi", Some("ỦY BAN NHÂN DÂN XÃ MỸ LỢI")),
            "Công an xã Mỹ Lợi"
        );
    }
}
