//! Posters say where, when and what to bring, in the poster's language,
//! issued by the campaign's own organization; one per ward too.

mod common;

use common::*;

const NOW: &str = "2026-06-10T09:00:00+07:00";

/// The `points` fixture with a commune's campaign, issued by the commune.
fn built() -> (tempfile::TempDir, tempfile::TempDir) {
    built_with(
        None,
        &[
            (
                "index.md",
                "---\ntitle: Căn cước cho trẻ em xã Đông Hải\ndescription: Trẻ từ 6 đến 14 tuổi.\n\
                 issuer: Ủy ban nhân dân xã Đông Hải\nperiod:\n  start: 2026-06-01\n  end: 2026-07-31\n\
                 summary:\n  Mang theo: \"Giấy khai sinh của trẻ\"\n---\n\nĐến trụ sở Công an xã.\n",
            ),
            (
                "index.en.md",
                "---\ntitle: ID cards for children in Đông Hải\ndescription: Children aged 6 to 14.\n---\n\nCome to the commune police.\n",
            ),
        ],
    )
}

/// The `points` fixture, with `language` added to its own, and the
/// campaign `dong-hai` of `files` (name, text), built at [`NOW`].
fn built_with(
    language: Option<&str>,
    files: &[(&str, &str)],
) -> (tempfile::TempDir, tempfile::TempDir) {
    let site = copy_fixture("points");
    if let Some(code) = language {
        let config = site.path().join("content/site.yaml");
        let yaml = std::fs::read_to_string(&config).unwrap();
        let yaml = yaml.replace(
            "  - code: en\n",
            &format!("  - code: en\n  - code: {code}\n"),
        );
        std::fs::write(&config, yaml).unwrap();
    }
    let dir = site.path().join("content/campaigns/dong-hai");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let o = build_at(site.path(), out.path(), NOW, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    (site, out)
}

/// The text of a poster, tags removed.
fn text(out: &std::path::Path, rel: &str) -> String {
    let html = read(out, rel);
    let start = html.find("<article").unwrap();
    let end = html.find("</article>").unwrap();
    let mut plain = String::new();
    let mut in_tag = false;
    for c in html[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                plain.push(' ');
            }
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_campaign_poster_says_when_where_and_what_to_bring() {
    let (_site, out) = built();
    let vi = text(out.path(), "campaigns/dong-hai/poster/index.html");
    for expected in [
        "Ủy ban nhân dân xã Đông Hải",
        "Thời gian: Từ 01/06/2026 đến 31/07/2026",
        "Làm ở đâu",
        "Công an xã Đông Hải",
        "Số 1, đường Hải Đông",
        "Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00",
        "Tổ lưu động sắp đến",
        "Thứ Sáu, 12/06/2026, 07:30–11:00",
        "Chợ Đông Hải, cổng chính, Ấp 5",
        "Mang giấy khai sinh của trẻ; phụ huynh đi cùng",
        "Mang theo Giấy khai sinh của trẻ",
        "Hỏi thêm: 0292 3820 011",
    ] {
        assert!(vi.contains(expected), "{expected} in {vi}");
    }
    assert!(
        !vi.contains("Điểm đăng ký huyện Mẫu"),
        "the commune issues it, not the site: {vi}"
    );
    // In English: English words, the English title, the same places.
    let en = text(out.path(), "en/campaigns/dong-hai/poster/index.html");
    for expected in [
        "ID cards for children in Đông Hải",
        "When: From",
        "Where to go",
        "Mobile team visits",
        "Bring",
        "Questions: 0292 3820 011",
        "Công an xã Đông Hải",
    ] {
        assert!(en.contains(expected), "{expected} in {en}");
    }
    assert!(!en.contains("Làm ở đâu"), "{en}");
}

#[test]
fn each_ward_has_a_poster_linked_from_its_page() {
    let (_site, out) = built();
    let vi = text(out.path(), "wards/xa-dong-hai/poster/index.html");
    for expected in [
        "Làm căn cước, định danh điện tử tại Xã Đông Hải",
        "Công an xã Đông Hải",
        "Chợ Đông Hải, cổng chính",
        "Nhà văn hóa ấp 6",
        "Mang theo Thẻ căn cước",
    ] {
        assert!(vi.contains(expected), "{expected} in {vi}");
    }
    assert!(out
        .path()
        .join("en/wards/xa-dong-hai/poster/qr.svg")
        .exists());
    let ward = read(out.path(), "wards/xa-dong-hai/index.html");
    assert!(
        ward.contains("href=/vneid/wards/xa-dong-hai/poster/"),
        "{ward}"
    );
    // A ward without visits: its office alone.
    let other = text(out.path(), "wards/xa-an-hoa/poster/index.html");
    assert!(
        other.contains("Công an xã An Hòa Ấp Hòa Lợi Thứ Hai – Thứ Sáu: 07:30–11:30"),
        "{other}"
    );
    assert!(!other.contains("Tổ lưu động sắp đến"), "{other}");
}

#[test]
fn a_khmer_poster_takes_what_to_bring_from_the_khmer_summary() {
    let (_site, out) = built_with(
        Some("km"),
        &[
            (
                "index.md",
                "---\ntitle: Căn cước cho trẻ em xã Đông Hải\nissuer: Ủy ban nhân dân xã Đông Hải\n\
                 period:\n  start: 2026-06-01\n  end: 2026-07-31\n---\n\nĐến trụ sở Công an xã.\n",
            ),
            // The label Khmer pages write, as the example site's do.
            (
                "index.km.md",
                "---\ntitle: អត្តសញ្ញាណប័ណ្ណសម្រាប់កុមារ\nsummary:\n  ត្រូវយកទៅជាមួយ: \"សំបុត្រកំណើតរបស់កុមារ\"\n---\n\nសូមមកប៉ុស្តិ៍នគរបាលឃុំ។\n",
            ),
        ],
    );
    let km = text(out.path(), "km/campaigns/dong-hai/poster/index.html");
    assert!(km.contains("យកទៅជាមួយ សំបុត្រកំណើតរបស់កុមារ"), "{km}");
}
