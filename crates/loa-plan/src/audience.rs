//! Who must act by a date: residents (`public`) or the agencies
//! (`internal`). Decided by the subject of the clause that holds the date,
//! then by the subject of the item it stands in, then by the headings above
//! it: a clause whose subject is residents, parents, citizens, pupils'
//! families … is public, even under an agency's heading or as what a school
//! must tell parents (`Thông báo để phụ huynh … đưa con đến … trước ngày …`);
//! a clause whose subject is an agency, or that has none under an agency's
//! heading, is internal.

use std::sync::LazyLock;

use regex::Regex;

use crate::agencies;
use crate::facts;
use crate::model::Audience;
use crate::vndate;

/// Words that name residents at the start of a subject, in lower case. A
/// subject starting with `người` names residents too, unless it names an
/// official's role (see [`OFFICIALS`]).
const RESIDENTS: &[&str] = &[
    "người dân",
    "nhân dân",
    "công dân",
    "phụ huynh",
    "cha mẹ",
    "cha, mẹ",
    "cha hoặc mẹ",
    "bố mẹ",
    "bố, mẹ",
    "ông bà",
    "gia đình",
    "hộ gia đình",
    "hộ dân",
    "các hộ",
    "chủ hộ",
    "chủ tàu",
    "chủ phương tiện",
    "ngư dân",
    "thuyền viên",
    "bà con",
    "đồng bào",
    "cử tri",
    "học sinh",
    "sinh viên",
    "trẻ em",
    "thí sinh",
    "người",
];

/// Roles of officials, which `người …` also starts.
const OFFICIALS: &[&str] = &[
    "người đứng đầu",
    "người phụ trách",
    "người phát ngôn",
    "người được giao",
    "người được phân công",
];

/// Words before a subject that do not change who it is.
const DETERMINERS: &[&str] = &["các", "những", "mọi", "toàn thể", "tất cả", "toàn bộ"];

/// Verbs by which a clause asks others to act (`Thông báo để phụ huynh …`,
/// `Đề nghị người dân …`): the ones asked are the subject of what follows.
const ASKING: &[&str] = &[
    "thông báo",
    "đề nghị",
    "yêu cầu",
    "nhắc nhở",
    "nhắc",
    "vận động",
    "hướng dẫn",
    "mời",
    "khuyến khích",
];
/// Words between an asking verb and the ones asked.
const TO: &[&str] = &["đến", "để", "cho", "tới", "với"];

/// Words that introduce who a passage concerns (`Đối với người dân:`).
const CONCERNING: &[&str] = &[
    "đối với",
    "trách nhiệm của",
    "nhiệm vụ của",
    "riêng",
    "về phía",
];

/// Words that start the predicate after residents named as a subject: the
/// name ends there (`Cha, mẹ hoặc người giám hộ | đưa trẻ …`).
const PREDICATE: &[&str] = &[
    "đưa",
    "đăng ký",
    "không thể",
    "không",
    "lập",
    "nộp",
    "mang",
    "đi",
    "liên hệ",
    "gửi",
    "kích hoạt",
    "làm",
    "hoàn thành",
    "thực hiện",
    "cập nhật",
    "chuẩn bị",
    "khai báo",
    "chủ động",
    "phải",
    "cần",
    "nên",
    "có trách nhiệm",
    "tự",
    "tham gia",
    "cung cấp",
    "xuất trình",
    "trực tiếp",
    "truy cập",
    "sử dụng",
    "tích hợp",
    "bổ sung",
    "khẩn trương",
    "vui lòng",
    "hãy",
    "đến",
    "tới",
];

/// Words that open what qualifies residents (`đã có thẻ`, `mà chưa kích
/// hoạt`, `có con`): a name cut right after one of them was cut inside
/// the qualifier, whose verb is no predicate.
const QUALIFIERS: &[&str] = &["đã", "mà", "chưa", "có", "đang", "sẽ", "được", "không"];

/// Who a clause's subject is.
#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    /// Residents, named as written (`Phụ huynh có con từ đủ 6 tuổi`), or
    /// `None` when the name does not end where the predicate starts.
    Residents(Option<String>),
    /// An agency, a school, a hamlet's board …
    Agency,
    /// The clause names nobody (it starts with its verb).
    Nobody,
}

/// The subject of a clause: residents, an agency or nobody.
pub fn subject(clause: &str) -> Subject {
    // A subject is at the start: a bounded prefix keeps long texts linear.
    let clause =
        vndate::prefix(clause.trim(), 400).trim_start_matches(['-', '+', '•', '*', '>', ' ']);
    // Most clauses start with their verb: ruled out by their first word.
    if !may_name_someone(clause) {
        return Subject::Nobody;
    }
    // The words that say who it is are the first few.
    let lower = vndate::prefix(clause, 96).to_lowercase();
    // Lower-casing keeps the length of Vietnamese letters, so offsets in
    // `lower` are offsets in `clause`; where it does not, `lower` is read.
    let text = if lower.len() == vndate::prefix(clause, 96).len() {
        clause
    } else {
        lower.as_str()
    };
    let mut at = CONCERNING
        .iter()
        .find(|c| starts_with_word(&lower, c))
        .map_or(0, |c| skip_spaces(&lower, c.len()));
    if agencies::agency_of_sentence(&text[at..]).is_some()
        || agencies::is_agency(first_words(&text[at..], 24))
    {
        return Subject::Agency;
    }
    // `Thông báo để phụ huynh …`: the ones asked act.
    if let Some(v) = ASKING.iter().find(|v| starts_with_word(&lower[at..], v)) {
        at = skip_spaces(&lower, at + v.len());
        if let Some(to) = TO.iter().find(|t| starts_with_word(&lower[at..], t)) {
            at = skip_spaces(&lower, at + to.len());
        }
    }
    while let Some(d) = DETERMINERS
        .iter()
        .find(|d| starts_with_word(&lower[at..], d))
    {
        at = skip_spaces(&lower, at + d.len());
    }
    let rest = &lower[at..];
    let residents = RESIDENTS.iter().any(|r| starts_with_word(rest, r))
        && !OFFICIALS.iter().any(|o| starts_with_word(rest, o));
    if residents {
        Subject::Residents(residents_name(&text[at..]))
    } else {
        Subject::Nobody
    }
}

/// Whether the first word of a clause can start a name of residents or of
/// an agency, or a word before one (`Đối với`, `Thông báo`, `các`).
fn may_name_someone(clause: &str) -> bool {
    let Some(first) = clause.split_whitespace().next() else {
        return false;
    };
    let first = first.trim_end_matches([',', ':', ';']).to_lowercase();
    let starts = |list: &[&str]| {
        list.iter().any(|w| {
            w.strip_prefix(first.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
    };
    starts(RESIDENTS)
        || starts(CONCERNING)
        || starts(ASKING)
        || starts(DETERMINERS)
        || matches!(first.as_str(), "giao" | "đề")
        || (clause.starts_with(char::is_uppercase) && agencies::starts_with_agency(clause))
}

/// Whether residents are a clause's own subject (`Công dân già yếu … đăng
/// ký …`): a note to residents, not a task of the agency it stands under.
/// A clause that asks them (`Thông báo đến phụ huynh …`) is a task.
pub fn addresses_residents(clause: &str) -> bool {
    let lower = vndate::prefix(clause.trim(), 40).to_lowercase();
    !ASKING.iter().any(|v| starts_with_word(&lower, v))
        && matches!(subject(clause), Subject::Residents(_))
}

/// The people a target counts as those served (`100% trẻ em từ đủ 6 tuổi
/// … được thu nhận …`, `ít nhất 60.000 người cao tuổi, người khuyết tật
/// cài đặt …`): residents after a quantity, up to what is done for them.
pub fn served(target: &str) -> Option<String> {
    static QUANTITY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[0-9][0-9.,]*\s*%?\s+(?:số\s+)?").unwrap());
    QUANTITY.find_iter(target).find_map(|m| {
        let rest = &target[m.end()..];
        let lower = rest.to_lowercase();
        let residents = RESIDENTS.iter().any(|r| starts_with_word(&lower, r))
            && !OFFICIALS.iter().any(|o| starts_with_word(&lower, o));
        // What is done for them ends their name, besides a verb of theirs.
        let done = ["được", "cài đặt", "có thẻ", "có tài khoản"]
            .iter()
            .filter_map(|w| lower.find(&format!(" {w} ")))
            .min()
            .filter(|_| lower.len() == rest.len());
        let name = match done {
            Some(end) => Some(rest[..end].trim().to_string()),
            None => residents_name(rest),
        };
        name.filter(|_| residents)
    })
}

/// Residents named at the start of `text`, up to the predicate's first word.
fn residents_name(text: &str) -> Option<String> {
    let text = vndate::prefix(text, 240);
    let lower = text.to_lowercase();
    let text = if lower.len() == text.len() {
        text
    } else {
        lower.as_str()
    };
    // Where each of the first words starts.
    let starts: Vec<usize> = lower
        .split_whitespace()
        .take(20)
        .map(|w| w.as_ptr() as usize - lower.as_ptr() as usize)
        .collect();
    let mut range = false;
    for (i, &at) in starts.iter().enumerate().skip(1) {
        let prev = lower[starts[i - 1]..at].trim_end();
        range |= prev == "từ";
        let rest = &lower[at..];
        let end = PREDICATE
            .iter()
            .find(|p| starts_with_word(rest, p))
            // `từ 6 đến 14 tuổi` is a range, not a verb.
            .is_some_and(|p| !(range && (*p == "đến" || *p == "tới")));
        if end {
            let mut name = text[..at].trim_end().trim_end_matches([',', ';', ':']);
            // `Công dân đã có thẻ … mà chưa | kích hoạt …`: the name is the
            // words before the qualifier.
            let last = name.rsplit(' ').next().unwrap_or("").to_lowercase();
            if QUALIFIERS.contains(&last.as_str()) {
                let first = (1..i).find(|&j| {
                    let w = lower[starts[j]..].split_whitespace().next().unwrap_or("");
                    QUALIFIERS.contains(&w)
                });
                if let Some(j) = first {
                    name = text[..starts[j]]
                        .trim_end()
                        .trim_end_matches([',', ';', ':']);
                }
            }
            let mut c = name.chars();
            return c.next().map(|f| f.to_uppercase().chain(c).collect());
        }
    }
    None
}

/// What a deadline's place in the text says about who must meet it: the
/// clause before the date (from `clause_start`, where its sentence starts,
/// to `at`, where the date's words start) in `text`, then the item it
/// stands in. `None` when neither names anyone: the headings above it
/// decide (see [`of_headings`]). Returns the audience and, for the public,
/// the residents named.
pub fn of_deadline(
    text: &str,
    clause_start: usize,
    at: usize,
) -> Option<(Audience, Option<String>)> {
    let at = at.min(text.len());
    let clause = text.get(clause_start.min(at)..at).unwrap_or_default();
    // After a label (`Đối với người dân: chủ tàu cá …`) the clause starts anew.
    let clause = clause.rsplit(':').next().unwrap_or(clause);
    if let Some(decided) = decide(subject(clause)) {
        return Some(decided);
    }
    // A clause without a subject shares the item's (`Cha, mẹ … đưa trẻ …;
    // trường hợp không đến được thì đưa trẻ đến … trước ngày …`).
    let head = facts::first_clause(text);
    let (label, after) = head.split_once(':').unwrap_or(("", head));
    [label, after]
        .into_iter()
        .filter(|part| !part.is_empty() && !std::ptr::eq(*part, clause))
        .find_map(|part| decide(subject(part)))
}

/// The nearest heading that names someone decides for a deadline whose
/// clause and item name nobody; none: internal.
pub fn of_headings(headings: &[String]) -> (Audience, Option<String>) {
    for h in headings.iter().rev() {
        match subject(h) {
            Subject::Residents(_) => return (Audience::Public, residents_heading(h)),
            Subject::Agency => return (Audience::Internal, None),
            Subject::Nobody => {}
        }
    }
    (Audience::Internal, None)
}

fn decide(s: Subject) -> Option<(Audience, Option<String>)> {
    match s {
        Subject::Residents(name) => Some((Audience::Public, name)),
        Subject::Agency => Some((Audience::Internal, None)),
        Subject::Nobody => None,
    }
}

/// `Đối với người dân` → `Người dân`.
fn residents_heading(heading: &str) -> Option<String> {
    let lower = heading.to_lowercase();
    let at = CONCERNING
        .iter()
        .find(|c| starts_with_word(&lower, c))
        .map_or(0, |c| skip_spaces(&lower, c.len()));
    let name = heading.get(at..)?.trim().trim_end_matches([':', '.']);
    let mut c = name.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect())
}

fn first_words(text: &str, n: usize) -> &str {
    match text.split_whitespace().nth(n) {
        Some(w) => {
            let end = w.as_ptr() as usize - text.as_ptr() as usize;
            &text[..end]
        }
        None => text,
    }
}

fn starts_with_word(text: &str, word: &str) -> bool {
    text.starts_with(word)
        && text[word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

fn skip_spaces(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    at + (text[at..].len() - text[at..].trim_start().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn public(text: &str) -> (Audience, Option<String>) {
        let at = text.find("trước").unwrap_or(text.len());
        of_deadline(text, 0, at).unwrap_or_else(|| of_headings(&[]))
    }

    #[test]
    fn residents_as_subject_are_public() {
        assert_eq!(
            public("Phụ huynh đưa trẻ đến trụ sở Công an xã trước ngày 15/8/2026"),
            (Audience::Public, Some("Phụ huynh".into()))
        );
        assert_eq!(
            public("Cha, mẹ hoặc người giám hộ đưa trẻ đến điểm thu nhận trước ngày 25/8/2024"),
            (Audience::Public, Some("Cha, mẹ hoặc người giám hộ".into()))
        );
        assert_eq!(
            public("Người cao tuổi, người khuyết tật không thể đến điểm thu nhận đăng ký với Trưởng thôn trước ngày 5/9/2025"),
            (Audience::Public, Some("Người cao tuổi, người khuyết tật".into()))
        );
        assert_eq!(
            public("Các hộ gia đình có con từ 6 đến 14 tuổi đăng ký lịch trước ngày 1/9/2025"),
            (
                Audience::Public,
                Some("Hộ gia đình có con từ 6 đến 14 tuổi".into())
            )
        );
        assert_eq!(
            public("Chủ phương tiện thủy nộp danh sách tại Ban quản lý bến trước ngày 1/9/2025"),
            (Audience::Public, Some("Chủ phương tiện thủy".into()))
        );
    }

    #[test]
    fn a_name_cut_inside_its_qualifier_is_the_words_before_it() {
        assert_eq!(
            public("Công dân đã có thẻ căn cước gắn chip mà chưa kích hoạt tài khoản mang theo thẻ đến trụ sở Công an xã trước ngày 30/6/2025"),
            (Audience::Public, Some("Công dân".into()))
        );
        assert_eq!(
            public("Người dân chưa đăng ký tài khoản liên hệ Công an xã trước ngày 30/6/2025").1,
            Some("Người dân".into())
        );
        assert_eq!(
            public("Học sinh đã đủ 14 tuổi mà không có căn cước nộp hồ sơ trước ngày 30/6/2025").1,
            Some("Học sinh".into())
        );
        // A qualifier the predicate follows stays in the name.
        assert_eq!(
            public("Người dân có nhu cầu được hỗ trợ tại nhà đăng ký với Trưởng ấp trước ngày 30/6/2025").1,
            Some("Người dân có nhu cầu được hỗ trợ tại nhà".into())
        );
    }

    #[test]
    fn what_parents_are_told_to_do_is_public() {
        assert_eq!(
            public("Thông báo để phụ huynh có con chưa có thẻ căn cước đưa con đến trường trước ngày 31/8/2026"),
            (
                Audience::Public,
                Some("Phụ huynh có con chưa có thẻ căn cước".into())
            )
        );
        assert_eq!(
            public("b) Thông báo đến phụ huynh: phụ huynh lớp 1 đưa con đến Công an phường trước ngày 15/8/2026").0,
            Audience::Public
        );
        assert_eq!(
            public("Đề nghị nhân dân chủ động cập nhật thông tin trước ngày 1/10/2025").0,
            Audience::Public
        );
    }

    #[test]
    fn agencies_and_their_tasks_are_internal() {
        for text in [
            "Công an xã lập danh sách trước ngày 20/7/2026",
            "Lập danh sách học sinh chưa có thẻ căn cước, gửi Công an xã trước ngày 05/8/2026",
            "Vận động hội viên gương mẫu đưa con đi làm thủ tục trước ngày 15/7/2026",
            "Người đứng đầu cơ quan báo cáo trước ngày 30/6/2026",
            "Các trường học: Ban giám hiệu vận động phụ huynh trước ngày 30/6/2026",
            "Hoàn thành việc rà soát, lập danh sách ngư dân trước ngày 31/7/2026",
        ] {
            assert_eq!(public(text), (Audience::Internal, None), "{text}");
        }
    }

    #[test]
    fn a_clause_without_subject_takes_the_item_s() {
        let text = "Cha, mẹ đưa trẻ đến điểm thu nhận; trường hợp không đến được thì đưa trẻ đến Công an xã trước ngày 25/8/2024.";
        let start = text.find("trường hợp").unwrap();
        let at = text.find("trước").unwrap();
        assert_eq!(
            of_deadline(text, start, at),
            Some((Audience::Public, Some("Cha, mẹ".into())))
        );
        let text = "Rà soát danh sách; gửi Công an xã trước ngày 25/8/2024.";
        let at = text.find("trước").unwrap();
        assert_eq!(
            of_deadline(text, 0, at)
                .unwrap_or_else(|| of_headings(&[]))
                .0,
            Audience::Internal
        );
    }

    #[test]
    fn the_heading_decides_when_the_item_names_nobody() {
        let headings = [
            "IV. TỔ CHỨC THỰC HIỆN".to_string(),
            "Đối với người dân".to_string(),
        ];
        let text = "Mang theo giấy khai sinh, đến điểm thu nhận trước ngày 30/8/2025.";
        let at = text.find("trước").unwrap();
        assert_eq!(of_deadline(text, 0, at), None);
        assert_eq!(
            of_headings(&headings),
            (Audience::Public, Some("Người dân".into()))
        );
        let headings = ["III. NHIỆM VỤ".to_string(), "Công an xã".to_string()];
        assert_eq!(of_headings(&headings), (Audience::Internal, None));
    }

    #[test]
    fn a_plan_s_deadlines_each_know_their_audience() {
        let plan = crate::read(
            "KẾ HOẠCH\nThử\nI. CHỈ TIÊU\n1. 100% trẻ em được thu nhận hồ sơ, hoàn thành trước ngày 30/8/2025.\n\
             II. NHIỆM VỤ\n1. Trường Tiểu học An Phú\na) Lập danh sách học sinh, gửi Công an xã trước ngày 10/8/2025;\n\
             b) Thông báo để phụ huynh có con lớp 1 đưa con đến trường trước ngày 20/8/2025.\n\
             III. BÁO CÁO\nCông an xã báo cáo kết quả trước ngày 5/9/2025.\n",
        );
        let got: Vec<(String, Audience, Option<&str>)> = plan
            .deadlines
            .iter()
            .map(|d| (d.date.to_string(), d.audience, d.responsible.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "2025-08-10".into(),
                    Audience::Internal,
                    Some("Trường Tiểu học An Phú")
                ),
                (
                    "2025-08-20".into(),
                    Audience::Public,
                    Some("Phụ huynh có con lớp 1")
                ),
                ("2025-08-30".into(), Audience::Internal, None),
                ("2025-09-05".into(), Audience::Internal, Some("Công an xã")),
            ]
        );
        let json = serde_json::to_value(&plan.deadlines[1]).unwrap();
        assert_eq!(json["audience"], "public");
    }

    #[test]
    fn the_people_a_target_serves() {
        assert_eq!(
            served("100% trẻ em từ đủ 06 tuổi đến dưới 14 tuổi có nơi thường trú trên địa bàn xã được thu nhận hồ sơ").as_deref(),
            Some("trẻ em từ đủ 06 tuổi đến dưới 14 tuổi có nơi thường trú trên địa bàn xã")
        );
        assert_eq!(
            served("Hỗ trợ ít nhất 60.000 người cao tuổi, người khuyết tật, người dân ở vùng sâu cài đặt và kích hoạt tài khoản").as_deref(),
            Some("người cao tuổi, người khuyết tật, người dân ở vùng sâu")
        );
        assert_eq!(
            served("toàn tỉnh có ít nhất 5.000 đoàn viên tham gia"),
            None
        );
        assert_eq!(
            served("Thu nhận ít nhất 24.000 hồ sơ cấp thẻ căn cước"),
            None
        );
    }
}
