//! The agencies a plan gives tasks to: the names that start a heading, a
//! label or a sentence (`Công an xã`, `Sở, ban, ngành thành phố`, `Ban
//! Quản trị các chùa Khmer`), and the clauses whose subject each is.

use crate::facts::sentences;

/// Words that begin the name of an agency or unit.
const AGENCY_START: &[&str] = &[
    "Công an",
    "Ủy ban",
    "Uỷ ban",
    "UBND",
    "Các cơ quan",
    "Các sở",
    "Các phòng",
    "Các trường",
    "Các đơn vị",
    "Các tổ",
    "Các doanh nghiệp",
    "Các chi nhánh",
    "Ngân hàng",
    "Bảo hiểm xã hội",
    "Văn phòng",
    "Thủ trưởng",
    "Chủ tịch",
    "Trung tâm",
    "Ban ",
    "BCH",
    "Cán bộ",
    "Mặt trận",
    "Liên đoàn",
    "Đài",
    "Báo ",
    "Cục ",
    "Bộ ",
    "Chi cục",
    "Kho bạc",
    "Viễn thông",
    "Bưu điện",
    "Hội ",
    "Đoàn ",
    "Sở ",
    "Sở,",
    "Phòng ",
    "Trạm ",
    "Trường ",
    "Tổ ",
    "Trưởng ",
    "Đảng ủy",
    "Quân sự",
    "Y tế",
    "Giáo dục",
    "Đồn ",
    "Lực lượng",
    "Hiệu trưởng",
    "Bệnh viện",
    "Chi đoàn",
    "Chi hội",
    "Hợp tác xã",
    "Viettel",
    "VNPT",
    "Điểm ",
    "Chánh ",
];
const NOT_AGENCY_START: &[&str] = &[
    "Tổ chức",
    "Báo cáo",
    "Ban hành",
    "Hội nghị",
    "Trường hợp",
    "Đoàn kết",
    "Bộ phận tiếp",
    "Trung tâm phục vụ",
];

/// Whether a label or the start of a sentence names an agency.
pub fn is_agency(name: &str) -> bool {
    // `Tổ 1: …` numbers a team of a list, not an agency.
    let numbered = name
        .split_whitespace()
        .nth(1)
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    name.split_whitespace().count() <= 24 && starts_with_agency(name) && !numbered
}

pub fn starts_with_agency(text: &str) -> bool {
    let text = text.trim();
    AGENCY_START.iter().any(|k| text.starts_with(k))
        && !NOT_AGENCY_START.iter().any(|k| text.starts_with(k))
}

/// Verbs that end an agency's name at the start of a sentence.
const VERBS: &[&str] = &[
    "chủ trì",
    "phối hợp",
    "tổng hợp",
    "tập hợp",
    "trực tiếp",
    "căn cứ",
    "có trách nhiệm",
    "chịu trách nhiệm",
    "chỉ đạo",
    "tổ chức",
    "thực hiện",
    "triển khai",
    "xây dựng",
    "theo dõi",
    "hướng dẫn",
    "báo cáo",
    "lập",
    "rà soát",
    "đôn đốc",
    "tham mưu",
    "cử",
    "bố trí",
    "phân công",
    "quán triệt",
    "nêu cao",
    "tăng cường",
    "đẩy mạnh",
    "kịp thời",
    "thường xuyên",
    "giao",
    "yêu cầu",
    "đề nghị",
    "phát huy",
    "huy động",
    "cung cấp",
    "đảm bảo",
    "bảo đảm",
    "là",
    "thông báo",
    "gửi",
    "tuyên truyền",
    "vận động",
    "khẩn trương",
];

/// The agency a sentence starts with (`Sở, ban, ngành thành phố tổ chức …`,
/// `Giao Sở Nội vụ phối hợp …`, `Giao trách nhiệm cho Trưởng Công an phường …`).
pub fn agency_of_sentence(text: &str) -> Option<String> {
    let t = text.trim();
    let t = t
        .strip_prefix("Giao trách nhiệm cho ")
        .or_else(|| t.strip_prefix("Giao nhiệm vụ cho "))
        .or_else(|| t.strip_prefix("Giao "))
        .or_else(|| t.strip_prefix("Đề nghị "))
        .unwrap_or(t);
    if !starts_with_agency(t) {
        return None;
    }
    // `Các trường học: Ban giám hiệu …` names the agency before the colon.
    if let Some((name, _)) = t.split_once(':') {
        if name.split_whitespace().count() <= 24 {
            return Some(name.trim().to_string());
        }
    }
    // A verb within the first words ends the name: the rest is not read.
    let words: Vec<&str> = t.split_whitespace().take(28).collect();
    for i in 1..words.len().min(25) {
        let prev = words[i - 1].to_lowercase();
        if matches!(prev.as_str(), "các" | "những" | "và" | "cùng") {
            continue;
        }
        let rest = words[i..].join(" ");
        if VERBS.iter().any(|v| starts_with_word(&rest, v)) {
            let name = words[..i].join(" ");
            return Some(name.trim_end_matches([',', ':', ';']).to_string());
        }
    }
    None
}

/// Verbs of action that start a heading of work, not of who does it
/// (`2. Rà soát dữ liệu`), besides those that end an agency's name.
const ACTIONS: &[&str] = &[
    "rà soát",
    "thu nhận",
    "tiếp nhận",
    "kích hoạt",
    "hỗ trợ",
    "cấp",
    "đăng ký",
    "thành lập",
    "nâng cao",
    "tập trung",
    "ứng dụng",
    "kiểm tra",
    "giám sát",
    "sơ kết",
    "tổng kết",
    "khen thưởng",
    "duy trì",
    "phát triển",
    "vận hành",
    "làm sạch",
    "cập nhật",
    "tuyên truyền",
    "thực hiện",
];

/// What a heading of a section of tasks names when it is a topic, not a
/// body (`3. Chế độ báo cáo`, `4. Kinh phí`, `5. Đối với người dân`).
const TOPICS: &[&str] = &[
    "công tác",
    "kinh phí",
    "chế độ",
    "thời gian",
    "thời hạn",
    "nhiệm vụ",
    "giải pháp",
    "nội dung",
    "mục đích",
    "mục tiêu",
    "yêu cầu",
    "đối tượng",
    "phạm vi",
    "chỉ tiêu",
    "việc",
    "về",
    "đối với",
    "trách nhiệm",
    "tiến độ",
    "lộ trình",
    "giai đoạn",
    "đợt",
    "bước",
    "thông tin",
    "điều khoản",
    "hiệu lực",
    "dự toán",
    "nguồn",
    "cơ chế",
    "quy trình",
    "hình thức",
    "địa điểm",
    "phương pháp",
    "phương thức",
    "phương án",
    "kết quả",
    "danh sách",
    "lịch",
    "phụ lục",
    "tổ chức",
    "chuẩn bị",
    "những",
    "một số",
    "các nhiệm vụ",
    "các giải pháp",
    "các nội dung",
];

/// A short heading that can only be a name (`4. Hợp tác xã nông nghiệp
/// Phú Thạnh`): no final punctuation, at most 12 words, a capital first,
/// not a verb of action or a topic first. Only a section that assigns tasks
/// (see the caller) makes such a heading an agency.
pub fn name_heading(heading: &str) -> Option<String> {
    let name = heading.trim().trim_end_matches(':').trim();
    let lower = name.to_lowercase();
    let words = name.split_whitespace().count();
    let ok = (1..=12).contains(&words)
        && name.starts_with(char::is_uppercase)
        && !name.ends_with(['.', ';', ',', '!', '?', '…'])
        && !name.contains([':', ';'])
        && !VERBS
            .iter()
            .chain(ACTIONS)
            .chain(TOPICS)
            .any(|v| starts_with_word(&lower, v))
        && !NOT_AGENCY_START.iter().any(|k| name.starts_with(k));
    ok.then(|| name.to_string())
}

/// The agency a heading names (`3. Ban Quản trị các chùa Khmer *(đề nghị
/// phối hợp)*`, `4. Đề nghị Công an tỉnh`, `Trách nhiệm của Công an xã`,
/// `Bổ sung điểm d (nhiệm vụ của Công an phường)`), without its remark.
pub fn agency_heading(heading: &str) -> Option<String> {
    let heading = heading.trim().trim_end_matches([':', '.']).trim();
    let lower = heading.to_lowercase();
    for whose in ["nhiệm vụ của ", "trách nhiệm của "] {
        if let Some(at) = lower.find(whose).filter(|_| lower.len() == heading.len()) {
            let rest = &heading[at + whose.len()..];
            let name = rest.split([')', ':', ';']).next().unwrap_or(rest).trim();
            if is_agency(name) {
                return Some(name.to_string());
            }
        }
    }
    let mut name = heading;
    if let Some(open) = name.rfind('(').filter(|_| name.ends_with(')')) {
        name = name[..open].trim_end();
    }
    let name = ["Đề nghị ", "Giao "]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name);
    is_agency(name).then(|| name.to_string())
}

fn starts_with_word(text: &str, word: &str) -> bool {
    text.starts_with(word)
        && text[word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// Standard abbreviations in agencies' names, written out.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("ubnd", "ủy ban nhân dân"),
    ("uỷ ban", "ủy ban"),
    ("hđnd", "hội đồng nhân dân"),
    ("bch", "ban chỉ huy"),
    ("tt", "thường trực"),
];

/// The name an agency is known by, to merge the ways it is written: lower
/// case, abbreviations written out (`BCH Quân sự` is `Ban chỉ huy Quân sự`).
pub fn agency_key(name: &str) -> String {
    let lower = name.to_lowercase();
    lower
        .split_whitespace()
        .map(|w| {
            ABBREVIATIONS
                .iter()
                .find(|(a, _)| *a == w)
                .map_or(w, |(_, full)| full)
        })
        .collect::<Vec<_>>()
        .join(" ")
        .replace("uỷ ban", "ủy ban")
}

/// The agencies that sentences and `;` clauses of a text name as their
/// subject, each with its clause and the clauses after it that have no
/// subject of their own (`Công an xã báo cáo …; báo cáo tổng kết …`).
pub fn subject_clauses(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for sentence in sentences(text) {
        for (n, clause) in sentence.split(';').enumerate() {
            let joint = if n > 0 { "; " } else { " " };
            match agency_of_sentence(clause) {
                Some(name) => out.push((name, clause.trim().to_string())),
                None => {
                    if let Some((_, task)) = out.last_mut() {
                        task.push_str(joint);
                        task.push_str(clause.trim());
                    }
                }
            }
        }
    }
    out
}

/// `Đơn vị thực hiện: A; B; C.` → the agencies named.
pub fn executing_units(text: &str) -> Vec<String> {
    text.split(';')
        .map(|part| {
            let part = part.trim().trim_end_matches('.').trim();
            agency_of_sentence(part).unwrap_or_else(|| part.to_string())
        })
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => p,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_names() {
        assert_eq!(
            agency_of_sentence("Giao Sở Nội vụ phối hợp với Công an").as_deref(),
            Some("Sở Nội vụ")
        );
        assert_eq!(
            agency_of_sentence("Giao trách nhiệm cho Trưởng Công an phường trực tiếp tổ chức")
                .as_deref(),
            Some("Trưởng Công an phường")
        );
        assert_eq!(
            agency_of_sentence("Sở, ban, ngành, đoàn thể thành phố tổ chức triển khai thực hiện")
                .as_deref(),
            Some("Sở, ban, ngành, đoàn thể thành phố")
        );
        assert_eq!(
            agency_of_sentence("Các cơ quan chuyên môn, Ban chỉ huy Quân sự và các tổ chức hội, đoàn thể tổ chức quán triệt").as_deref(),
            Some("Các cơ quan chuyên môn, Ban chỉ huy Quân sự và các tổ chức hội, đoàn thể")
        );
        assert_eq!(agency_of_sentence("Tổ chức các hoạt động hỗ trợ"), None);
        assert_eq!(agency_of_sentence("Công tác triển khai phải đồng bộ"), None);
        assert!(is_agency("Trạm y tế phường"));
        assert!(!is_agency("Tuyên truyền, hướng dẫn trực tiếp"));
        assert!(!is_agency("Tổ 1"));
        assert_eq!(
            executing_units("Sở, ban, ngành, đoàn thể thành phố; các cơ quan Trung ương đóng trên địa bàn thành phố; Ủy ban nhân dân cấp huyện, cấp xã."),
            vec![
                "Sở, ban, ngành, đoàn thể thành phố",
                "Các cơ quan Trung ương đóng trên địa bàn thành phố",
                "Ủy ban nhân dân cấp huyện, cấp xã"
            ]
        );
        assert_eq!(
            executing_units(
                "Công an thành phố chỉ đạo các đơn vị nghiệp vụ và Công an cơ sở thực hiện."
            ),
            vec!["Công an thành phố"]
        );
    }

    #[test]
    fn subjects_of_sentences_and_clauses() {
        let got = subject_clauses("Sở, ban, ngành thành phố tổ chức triển khai; Ủy ban nhân dân xã xây dựng Kế hoạch; gửi về Công an thành phố trước ngày 15/5/2026. Thường xuyên báo cáo.");
        assert_eq!(
            got,
            [
                ("Sở, ban, ngành thành phố".to_string(), "Sở, ban, ngành thành phố tổ chức triển khai".to_string()),
                (
                    "Ủy ban nhân dân xã".to_string(),
                    "Ủy ban nhân dân xã xây dựng Kế hoạch; gửi về Công an thành phố trước ngày 15/5/2026. Thường xuyên báo cáo.".to_string()
                ),
            ]
        );
    }

    #[test]
    fn agencies_named_by_headings() {
        let h = |t: &str| agency_heading(t);
        assert_eq!(
            h("Ban Quản trị các chùa Khmer (đề nghị phối hợp)").as_deref(),
            Some("Ban Quản trị các chùa Khmer")
        );
        assert_eq!(h("Đề nghị Công an tỉnh").as_deref(), Some("Công an tỉnh"));
        assert_eq!(
            h("Cán bộ văn hóa - xã hội xã").as_deref(),
            Some("Cán bộ văn hóa - xã hội xã")
        );
        assert_eq!(
            h("Bổ sung điểm d vào khoản 1 Mục IV (nhiệm vụ của Công an phường) như sau").as_deref(),
            Some("Công an phường")
        );
        assert_eq!(
            h("Trách nhiệm của Trạm Y tế xã:").as_deref(),
            Some("Trạm Y tế xã")
        );
        assert_eq!(h("Tuyên truyền"), None);
        assert_eq!(h("Thời gian thực hiện"), None);
    }

    #[test]
    fn a_short_heading_is_a_name_unless_it_is_work_or_a_topic() {
        for name in [
            "Hợp tác xã nông nghiệp Phú Thạnh",
            "Nhà văn hóa xã",
            "Đồn Biên phòng Hố Gùi:",
        ] {
            assert_eq!(
                name_heading(name).as_deref(),
                Some(name.trim_end_matches(':'))
            );
        }
        for not in [
            "Rà soát, làm sạch dữ liệu",
            "Tuyên truyền",
            "Kinh phí thực hiện",
            "Chế độ thông tin, báo cáo",
            "Đối với người dân",
            "Công tác tuyên truyền",
            "Tổ chức thu nhận hồ sơ",
            "Nhà văn hóa xã mở cửa vào Chủ nhật và các ngày lễ trong suốt thời gian cao điểm",
            "Hỗ trợ người dân.",
            "các ấp",
        ] {
            assert_eq!(name_heading(not), None, "{not}");
        }
    }

    #[test]
    fn one_agency_written_two_ways() {
        assert_eq!(
            agency_key("Các cơ quan chuyên môn, BCH Quân sự"),
            agency_key("Các cơ quan chuyên môn, Ban chỉ huy Quân sự")
        );
        assert_eq!(agency_key("UBND xã"), agency_key("Uỷ ban nhân dân xã"));
        assert_ne!(agency_key("Công an xã"), agency_key("Công an phường"));
    }
}
