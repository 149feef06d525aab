//! Reads a Vietnamese administrative plan document (Kế hoạch, Chương trình,
//! Phương án …) as it is issued into its structure: number, issuer, place
//! and day of issue, title, legal basis, purpose, scope, audience, period,
//! targets (chỉ tiêu), tasks per agency, deadlines, reporting duties,
//! recipients, signer and tables.
//!
//! The text may be pasted from Word or extracted from PDF (hard line breaks
//! inside sentences, blanks such as `Số: /KH-UBND` or `ngày   tháng 5 năm
//! 2026`), or written in Markdown. [`read`] never fails: what it cannot read
//! is left unknown (`None`), never guessed, and the text is kept in order
//! ([`Plan::body`]) to show the whole document ([`to_markdown`]).
//!
//! A plan issued as a Word document (`.docx`) is read by [`read_docx`]
//! (feature `docx`, on by default): its automatic numbering is rebuilt and
//! its tables kept as rows, then it is read as the same text pasted.
//!
//! ```
//! let text = "\
//! ỦY BAN NHÂN DÂN
//! XÃ TÂN HÒA
//! Số: 12/KH-UBND
//! Tân Hòa, ngày 03 tháng 7 năm 2026
//! KẾ HOẠCH
//! Cấp căn cước cho trẻ em từ 6 đến 14 tuổi
//! I. MỤC ĐÍCH
//! Mọi trẻ em từ 6 đến 14 tuổi có căn cước.
//! II. NHIỆM VỤ
//! 1. Công an xã lập danh sách trẻ em, hoàn thành trước ngày 20/7/2026.
//! 2. Công an xã báo cáo kết quả trước 16h00 thứ Sáu hàng tuần.
//! ";
//! let plan = loa_plan::read(text);
//! assert_eq!(plan.title.as_deref(), Some("Cấp căn cước cho trẻ em từ 6 đến 14 tuổi"));
//! assert_eq!(plan.number.as_deref(), Some("12/KH-UBND"));
//! assert_eq!(plan.issued, Some(jiff::civil::date(2026, 7, 3)));
//!
//! let deadline = &plan.deadlines[0];
//! assert_eq!(deadline.date, jiff::civil::date(2026, 7, 20));
//! assert_eq!(deadline.responsible.as_deref(), Some("Công an xã"));
//!
//! let report = &plan.reporting[0];
//! assert_eq!(report.cadence, loa_plan::Cadence::Weekly);
//! assert_eq!(report.weekday, Some(jiff::civil::Weekday::Friday));
//! assert_eq!(report.time, Some(jiff::civil::time(16, 0, 0, 0)));
//! ```
//!
//! # JSON
//!
//! [`Plan`] serializes (with `serde`) to the JSON that `loa import --format
//! json` prints: the keys `title, number, issuer, place, issued,
//! period{start,end}, audience, scope,
//! legal_basis[{kind,number,date,issuer,name}], targets[{text,percent,deadline}],
//! deadlines[{date,time,text,responsible,section,audience}],
//! reporting[{cadence,weekday,time,text,audience}],
//! sections[{id,number,heading,level,children}], agencies[{name,tasks}],
//! recipients[], signer{name,position,authority},
//! tables[{caption,header,columns,rows}],
//! visits[{date,start,end,place,address,notes}], office_hours[{office,hours}]`.
//! Dates are ISO 8601 (`2026-06-30`; a law cited by its year alone:
//! `2023`), times `HH:MM`, weekdays ISO numbers (1 = Monday … 7 = Sunday),
//! cadences `daily`, `weekly` or `monthly`, audiences `public` or
//! `internal` (see [`Audience`]), office hours in the `hours` syntax of
//! points (`T2-CN 07:00-20:00`); an unknown value is `null`.
//!
//! # Visits
//!
//! A table whose columns name a day and a place (an appendix's schedule of
//! mobile teams) gives [`Plan::visits`]; [`visits_csv`] writes them as rows
//! of a site's `points/visits.csv`.
//!
//! # Tables
//!
//! A table of figures often states its own arithmetic: a column-number row
//! with formulas (`4 = 3/50`) and a total row (`Tổng`). [`check_tables`]
//! lists the figures that disagree with them.
//!
//! A table that assigns work (columns `Nội dung công việc`, `Đơn vị chủ
//! trì`, `Thời hạn`) gives each row's work to its lead body in
//! [`Plan::agencies`], and its deadline, when the row states one, to
//! [`Plan::deadlines`].

mod agencies;
mod assignments;
mod audience;
mod body;
mod closing;
mod datecheck;
mod facts;
mod header;
mod hours;
mod iso;
mod layout;
mod legal;
mod lines;
mod markdown;
mod model;
mod period;
mod reader;
mod sections;
mod slug;
mod table;
mod visits;
mod vndate;
#[cfg(feature = "docx")]
mod word;

pub use datecheck::{check_dates, DateProblem, DateProblemKind};
pub use markdown::to_markdown;
pub use model::{
    Agency, Audience, BodyItem, Cadence, CitedDate, Deadline, DocumentKind, LegalRef, OfficeHours,
    Period, Plan, Reporting, Section, Signer, Table, Target, Visit,
};
pub use slug::slugify;
pub use table::{check_tables, TableMismatch};
pub use visits::{unread_schedule, visits_csv, VISITS_CSV_HEADER};
#[cfg(feature = "docx")]
pub use word::{docx_text, read_docx, WordError};

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Reads a plan document. The text is normalized first (see [`normalize`]).
pub fn read(text: &str) -> Plan {
    read_normalized(&normalize(text))
}

/// [`read`] for a text already normalized by [`normalize`]; the lines of
/// what it returns are the lines of `text`.
pub fn read_normalized(text: &str) -> Plan {
    let blocks = lines::blocks(text);
    reader::read(&blocks, text)
}

/// Text as staff paste it, made plain: removes a UTF-8 byte-order mark
/// (Excel's), turns Windows (CRLF) and old Mac (CR) line ends into LF, and
/// composes Vietnamese letters to Unicode NFC (Word may write `ạ` as `a` and
/// a combining dot).
pub fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    nfc(text)
}

/// `text` in Unicode's composed form (NFC), copied only when Unicode's
/// quick check says it is not already.
pub fn nfc(text: String) -> String {
    if composed_in_order(&text) {
        return text;
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    }
}

/// Characters that are NFC whatever stands beside them (no combining
/// class, nothing composes with what comes before them): ASCII, Latin-1
/// and Latin Extended A and B, Khmer but its two marks, precomposed
/// Vietnamese letters, and dashes, quotes and ellipses.
fn composed_alone(c: char) -> bool {
    c < '\u{300}'
        || matches!(
            c,
            '\u{1780}'..='\u{17D1}'
                | '\u{17D3}'..='\u{17DC}'
                | '\u{17DE}'..='\u{17FF}'
                | '\u{1E00}'..='\u{1EFF}'
                | '\u{2010}'..='\u{2027}'
        )
}

/// Khmer's two marks, with their combining classes: NFC as they are, but
/// in order after each other (as Unicode's quick check asks).
const KHMER_MARKS: [(char, u8); 2] = [('\u{17D2}', 9), ('\u{17DD}', 230)];

/// Whether `text` is NFC by its characters alone: all [`composed_alone`]
/// or Khmer marks, and no mark after one of a higher class. Most
/// Vietnamese, English and Khmer text is, and needs no further look.
fn composed_in_order(text: &str) -> bool {
    let mut last = 0;
    text.chars().all(|c| {
        let class = if composed_alone(c) {
            0
        } else {
            match KHMER_MARKS.iter().find(|(m, _)| *m == c) {
                Some(&(_, class)) => class,
                None => return false,
            }
        };
        let in_order = class == 0 || last <= class;
        last = class;
        in_order
    })
}

/// The README's example compiles (`cargo test --doc`).
#[cfg(all(doctest, feature = "docx"))]
#[doc = include_str!("../README.md")]
struct ReadmeExample;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_composed_alone_are_starters_that_stay() {
        use unicode_normalization::char::canonical_combining_class;
        let all = (0..=0x2027u32).filter_map(char::from_u32);
        for c in all.filter(|&c| composed_alone(c)) {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick([c].into_iter()), IsNormalized::Yes, "{c:?}");
        }
        // Nothing composes with a character after it.
        use unicode_normalization::char::compose;
        let khmer = ('\u{1780}'..='\u{17FF}').filter(|&c| composed_alone(c));
        for c in khmer {
            let before = (0..0x3000u32).filter_map(char::from_u32);
            assert!(before.clone().all(|b| compose(b, c).is_none()), "{c:?}");
        }
        for (mark, class) in KHMER_MARKS {
            assert_eq!(canonical_combining_class(mark), class);
            assert_eq!(is_nfc_quick([mark].into_iter()), IsNormalized::Yes);
        }
        // A decomposed letter is not: its mark composes with the letter.
        assert!(!composed_alone('\u{301}'));
        assert_eq!(
            nfc("Ca\u{306}n cu\u{31b}o\u{31b}\u{301}c".into()),
            "Căn cước"
        );
    }

    #[test]
    fn the_quick_look_agrees_with_unicode() {
        let pieces = [
            "a", "ă", "ạ", "\u{301}", "\u{323}", "ក", "\u{17D2}", "\u{17DD}", "\u{17B6}", "–", " ",
            "é", "\u{300}",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
        }
        for text in &texts {
            let expected: String = text.nfc().collect();
            assert_eq!(nfc(text.clone()), expected, "{text:?}");
            if composed_in_order(text) {
                assert_eq!(is_nfc_quick(text.chars()), IsNormalized::Yes, "{text:?}");
            }
        }
    }

    #[test]
    fn bom_crlf_and_nfc() {
        let decomposed = "\u{feff}Đi\u{0323}a\u{0300}\r\nx\ry";
        let n = normalize(decomposed);
        assert_eq!(n, "Địà\nx\ny");
        assert!(n.chars().count() < decomposed.chars().count());
    }

    #[test]
    fn pasted_text_reads_as_its_normalized_form() {
        let pasted = "\u{feff}KÊ\u{301} HOẠCH\r\nThử nghiê\u{323}m\r\nI. MỤC ĐÍCH\r\nHoàn thành trước ngày 30/6/2026.\r\n";
        assert_eq!(read(pasted), read_normalized(&normalize(pasted)));
        assert_eq!(read(pasted).title.as_deref(), Some("Thử nghiệm"));
    }
}
