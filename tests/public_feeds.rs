//! What the site publishes for machines: the sitemap, the points as
//! GeoJSON, the calendars (public events only), the note for sites under a
//! sub-path, and the warning for an `updated` after the build's "now".

mod common;

use std::collections::BTreeMap;

use common::*;
use serde_json::Value;

const NOW: &str = "2026-06-10T09:00:00+07:00";

/// The `points` fixture with a second campaign whose plan gives only its
/// end, an agencies' task (a school sends a list) and a deadline for
/// parents.
fn site() -> tempfile::TempDir {
    let site = copy_fixture("points");
    let dir = site.path().join("content/campaigns/tre-em");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.md"),
        "---\ntitle: Căn cước cho trẻ em\ndescription: Trẻ từ 6 đến 14 tuổi.\nperiod:\n  end: 2026-09-30\n---\n\nĐến trụ sở Công an xã.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("plan.txt"),
        "KẾ HOẠCH\nCăn cước cho trẻ em\n\nII. NHIỆM VỤ\n\n\
         1. Trường học gửi danh sách học sinh cho Công an xã trước ngày 20/6/2026.\n\n\
         2. Phụ huynh đưa trẻ đến Công an xã làm thủ tục trước ngày 25/6/2026.\n",
    )
    .unwrap();
    site
}

fn built_site() -> (tempfile::TempDir, tempfile::TempDir, std::process::Output) {
    let site = site();
    let out = tempfile::tempdir().unwrap();
    let o = build_at(site.path(), out.path(), NOW, &[("LANG", "C")]);
    assert!(o.status.success(), "{}", stderr(&o));
    (site, out, o)
}

/// The events of an iCalendar file, each as its properties.
fn events(ics: &str) -> Vec<BTreeMap<String, String>> {
    let unfolded = ics.replace("\r\n ", "");
    let mut out = Vec::new();
    let mut current: Option<BTreeMap<String, String>> = None;
    for line in unfolded.split("\r\n") {
        match line {
            "BEGIN:VEVENT" => current = Some(BTreeMap::new()),
            "END:VEVENT" => out.extend(current.take()),
            _ => {
                if let (Some(e), Some((k, v))) = (current.as_mut(), line.split_once(':')) {
                    e.insert(k.to_string(), v.to_string());
                }
            }
        }
    }
    out
}

#[test]
fn calendars_carry_only_public_events() {
    let (_site, out, _) = built_site();
    let all = events(&read(out.path(), "calendar.ics"));
    let summaries: Vec<&str> = all.iter().map(|e| e["SUMMARY"].as_str()).collect();
    assert!(
        summaries.iter().any(|s| s.starts_with("Phụ huynh đưa trẻ")),
        "the parents' deadline: {summaries:?}"
    );
    for internal in ["Trường học gửi", "Công an xã báo cáo"] {
        assert!(
            !summaries.iter().any(|s| s.starts_with(internal)),
            "{internal} is for the agencies: {summaries:?}"
        );
    }
    let campaign = events(&read(out.path(), "campaigns/tre-em/calendar.ics"));
    assert_eq!(campaign.len(), 2, "{campaign:?}");
    // No start: no one-day event titled as the campaign, but its last day
    // as a deadline that says so.
    let period = campaign
        .iter()
        .find(|e| e["UID"].starts_with("campaign-tre-em-period"))
        .unwrap();
    assert_eq!(period["SUMMARY"], "Hạn cuối: Căn cước cho trẻ em");
    assert_eq!(period["DTSTART;VALUE=DATE"], "20260930");
    assert_eq!(period["DTEND;VALUE=DATE"], "20261001");
    // "Add to calendar" exists for the public deadline only.
    let files: Vec<String> = std::fs::read_dir(out.path().join("events"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(files
        .iter()
        .any(|f| f.contains("tre-em-deadline-2026-06-25")));
    assert!(
        !files
            .iter()
            .any(|f| f.contains("tre-em-deadline-2026-06-20")),
        "{files:?}"
    );
}

#[test]
fn the_sitemap_lists_every_public_page_and_no_staff_page() {
    let (_site, out, _) = built_site();
    let map = read(out.path(), "sitemap.xml");
    let base = "https://portal.example.gov.vn/vneid/";
    for path in [
        "points/",
        "en/points/",
        "wards/xa-dong-hai/",
        "en/wards/xa-dong-hai/",
        "points/ca-dong-hai/",
        "points/tld-dong-hai/",
        "schedule/",
        "schedule/2026-06/",
        "en/schedule/2026-07/",
    ] {
        assert!(
            map.contains(&format!("<loc>{base}{path}</loc>")),
            "{path} in {map}"
        );
    }
    // Each with its translations as alternates.
    let ward = map
        .lines()
        .find(|l| l.contains(&format!("<loc>{base}wards/xa-dong-hai/</loc>")))
        .unwrap();
    assert!(ward.contains(&format!(
        "hreflang=\"en\" href=\"{base}en/wards/xa-dong-hai/\""
    )));
    assert!(ward.contains(&format!(
        "hreflang=\"x-default\" href=\"{base}wards/xa-dong-hai/\""
    )));
    for staff in ["translations/", "poster/", "search/", ".ics"] {
        assert!(!map.contains(staff), "{staff} is not for crawlers");
    }
    // Every listed page exists.
    for loc in map.split("<loc>").skip(1) {
        let url = &loc[..loc.find("</loc>").unwrap()];
        let rel = url.strip_prefix(base).unwrap();
        assert!(
            out.path().join(rel).join("index.html").exists() || rel.is_empty(),
            "{url} is not built"
        );
    }
}

#[test]
fn geojson_has_visits_and_machine_readable_hours() {
    let (_site, out, _) = built_site();
    let geo: Value = serde_json::from_str(&read(out.path(), "points.geojson")).unwrap();
    let features = geo["features"].as_array().unwrap();
    let office = features.iter().find(|f| f["id"] == "ca-dong-hai").unwrap();
    let p = &office["properties"];
    assert_eq!(
        p["opening_hours"],
        "Mo-Fr 07:30-11:30,13:30-17:00; Sa 07:30-11:30"
    );
    assert_eq!(
        p["hours"],
        "Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00; Thứ Bảy: 07:30–11:30"
    );
    assert_eq!(p["accessibility"], "Lối vào không bậc thềm.");
    assert_eq!(p["notes"], "Mang thẻ căn cước, điện thoại.");
    let visits: Vec<&Value> = features
        .iter()
        .filter(|f| f["properties"]["kind"] == "visit")
        .collect();
    assert_eq!(visits.len(), 2, "the upcoming visits");
    let market = &visits[0];
    assert_eq!(
        market["geometry"]["coordinates"],
        serde_json::json!([105.712, 10.012])
    );
    let v = &market["properties"];
    assert_eq!(
        (&v["date"], &v["start"], &v["end"]),
        (
            &Value::from("2026-06-12"),
            &Value::from("07:30"),
            &Value::from("11:00")
        )
    );
    assert_eq!(v["place"], "Chợ Đông Hải, cổng chính");
    assert_eq!(v["team"], "Tổ lưu động xã Đông Hải");
    assert_eq!(v["notes"], "Mang giấy khai sinh của trẻ; phụ huynh đi cùng");
    assert_eq!(
        visits[1]["geometry"],
        Value::Null,
        "a place without coordinates"
    );
}

#[test]
fn a_build_under_a_sub_path_says_which_sitemap_line_to_add() {
    let (_site, _out, o) = built_site();
    let text = stdout(&o);
    assert_eq!(text.matches("Sitemap: ").count(), 1, "{text}");
    assert!(
        text.contains("  Sitemap: https://portal.example.gov.vn/vneid/sitemap.xml"),
        "{text}"
    );
    assert!(text.contains("robots.txt"), "{text}");
    let site = site();
    let out = tempfile::tempdir().unwrap();
    let root = loa(
        &[
            "build",
            "--root",
            site.path().to_str().unwrap(),
            "--output",
            out.path().to_str().unwrap(),
            "--base-url",
            "https://vneid.example.gov.vn/",
        ],
        &[("LANG", "vi_VN.UTF-8")],
    );
    assert!(root.status.success());
    assert!(!stdout(&root).contains("Sitemap"), "{}", stdout(&root));
    let vi = loa(
        &[
            "build",
            "--root",
            site.path().to_str().unwrap(),
            "--output",
            out.path().to_str().unwrap(),
        ],
        &[("LANG", "vi_VN.UTF-8")],
    );
    assert!(stdout(&vi).contains("Lưu ý: trang nằm trong một đường dẫn con"));
}

#[test]
fn check_warns_of_an_update_after_now() {
    let site = site();
    let page = site.path().join("content/campaigns/tre-em/index.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &page,
        text.replace("period:", "updated: 2062-06-01\nperiod:"),
    )
    .unwrap();
    let o = loa(
        &[
            "check",
            "--root",
            site.path().to_str().unwrap(),
            "--now",
            NOW,
        ],
        &[("LANG", "C")],
    );
    assert!(o.status.success(), "a warning, not an error");
    let err = stderr(&o);
    assert!(
        err.contains(
            "content/campaigns/tre-em/index.md:4:10: warning[W0117]: `updated: 2062-06-01` is after today (2026-06-10)"
        ),
        "{err}"
    );
    let later = loa(
        &[
            "check",
            "--root",
            site.path().to_str().unwrap(),
            "--now",
            "2062-06-02",
        ],
        &[("LANG", "C")],
    );
    assert!(!stderr(&later).contains("W0117"), "{}", stderr(&later));
}
