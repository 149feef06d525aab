//! What a citizen gets from a commune's site (`fixtures/commune`: one
//! office, two mobile teams with notes on their visits, a plan with an
//! appendix of visits), built the week before the campaign: where and when
//! to go, what to bring, whom to call; the plan's tasks for the agencies
//! only on the plan's own page.

mod common;

use common::*;

/// Tuesday, three days before the campaign starts.
const BEFORE: &str = "2026-06-02T08:00:00+07:00";

fn built(now: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    build(
        "commune",
        &["--now", now, "--base-url", "https://x.gov.vn/vneid/"],
    )
}

/// The text of the element that starts at `marker`, up to `end`.
fn part<'a>(html: &'a str, marker: &str, end: &str) -> &'a str {
    let start = html.find(marker).unwrap_or_else(|| panic!("no {marker}"));
    let len = html[start..].find(end).unwrap_or(html.len() - start);
    &html[start..start + len]
}

const SCHOOL_TASK: &str = "Gửi danh sách học sinh";
const FLYERS: &str = "In và phát tờ rơi";
const REPORT: &str = "Báo cáo kết quả";

#[test]
fn the_home_page_says_where_and_when_to_go_and_what_to_bring() {
    let (_t, out) = built(BEFORE);
    let home = read(&out, "index.html");
    let main = part(&home, "<main", "</main>");
    // The home page's own title, then what a citizen comes for, in order.
    assert!(main.contains("<h1>Cấp căn cước cho trẻ em xã Đông Mẫu</h1>"));
    let order = [
        "class=home-now",
        "class=home-today",
        "class=home-visits",
        "class=home-bring",
        "class=search-form",
    ];
    let at: Vec<usize> = order.iter().map(|m| main.find(m).expect(m)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{order:?} at {at:?}");
    let now = part(main, "class=home-now", "</section>");
    assert!(now.contains("đến <time datetime=2026-06-30>"), "{now}");
    let today = part(main, "class=home-today", "</section>");
    assert!(
        today.contains("Công an xã Đông Mẫu</a> · 07:00–11:00, 13:00–17:00"),
        "{today}"
    );
    assert!(today.contains("href=/vneid/points/"), "the nearest point");
    let visits = part(main, "class=home-visits", "</section>");
    assert!(visits.contains("Chùa Khmer Mỹ Thanh"), "{visits}");
    assert!(visits.contains("<p class=notes>Có phiên dịch tiếng Khmer.</p>"));
    assert!(visits.contains("id=visit-to-1-2026-06-08-0730"));
    assert!(visits.contains("href=/vneid/events/visit-to-1-2026-06-08-0730.ics"));
    let bring = part(main, "class=home-bring", "</section>");
    assert!(bring.contains("<li>Giấy khai sinh của trẻ</li>"), "{bring}");
    for internal in [SCHOOL_TASK, FLYERS, REPORT] {
        assert!(!home.contains(internal), "{internal} on the home page");
    }

    // Every language answers the same, in its own words.
    let km = read(&out, "km/index.html");
    assert!(
        km.contains("<li>សំបុត្រកំណើតរបស់កុមារ</li>"),
        "Khmer list to bring"
    );
    assert!(km.contains("<p class=notes lang=vi>Có phiên dịch tiếng Khmer.</p>"));
    let en = read(&out, "en/index.html");
    assert!(en.contains("<h1>ID cards for children in Đông Mẫu commune</h1>"));
    assert!(en.contains("Mobile teams coming soon"));
}

#[test]
fn the_home_page_lists_the_three_campaigns_ending_first() {
    let site = copy_fixture("commune");
    let campaigns = site.path().join("content/campaigns");
    let plan = std::fs::read_to_string(campaigns.join("tre-em-2026/plan.txt")).unwrap();
    // Four more, ending before and after the fixture's (30 June).
    for (name, end) in [
        ("dot-2", "10/7/2026"),
        ("dot-3", "20/7/2026"),
        ("dot-4", "15/6/2026"),
        ("dot-5", "25/7/2026"),
    ] {
        copy_dir(&campaigns.join("tre-em-2026"), &campaigns.join(name));
        let ends = plan.replace("đến ngày 30/6/2026", &format!("đến ngày {end}"));
        assert_ne!(ends, plan);
        std::fs::write(campaigns.join(name).join("plan.txt"), ends).unwrap();
    }
    let out = site.path().join("public");
    let built = build_at(site.path(), &out, BEFORE, &[]);
    assert!(built.status.success(), "{}", stderr(&built));
    let home = read(&out, "index.html");
    let now = part(&home, "class=home-now", "</section>");
    let listed: Vec<&str> = now
        .split("<li><a href=/vneid/campaigns/")
        .skip(1)
        .filter_map(|l| l.split('/').next())
        .collect();
    assert_eq!(listed, ["dot-4", "tre-em-2026", "dot-2"], "{now}");
    assert!(
        now.contains("<a href=/vneid/campaigns/>Tất cả chiến dịch</a>"),
        "{now}"
    );
}

#[test]
fn visit_notes_wherever_visits_are_listed() {
    let (_t, out) = built(BEFORE);
    for file in [
        "index.html",
        "schedule/index.html",
        "wards/xa-dong-mau/index.html",
        "points/to-1/index.html",
        "campaigns/tre-em-2026/index.html",
    ] {
        let html = read(&out, file);
        assert!(
            html.contains("<p class=notes>Mang theo giấy khai sinh của trẻ.</p>")
                || file == "index.html",
            "{file}"
        );
        assert!(html.contains("Có phiên dịch tiếng Khmer."), "{file}");
    }
    let schedule = read(&out, "schedule/index.html");
    for internal in [SCHOOL_TASK, FLYERS, REPORT] {
        assert!(!schedule.contains(internal), "{internal} on the schedule");
    }
}

#[test]
fn the_campaign_page_is_a_summary_and_the_plan_has_its_own_page() {
    let (_t, out) = built(BEFORE);
    let page = read(&out, "campaigns/tre-em-2026/index.html");
    let summary = part(&page, "class=summary-list", "</dl>");
    assert!(
        summary.contains(
            "từ <time datetime=2026-06-05>05/06/2026</time> đến <time datetime=2026-06-30>30/06/2026</time>"
        ),
        "{summary}"
    );
    assert!(summary.contains("<a href=tel:02923000000>0292 3000 000</a>"));
    assert!(summary.contains("<li>Thẻ căn cước của cha hoặc mẹ</li>"));
    assert!(page.contains("href=/vneid/campaigns/tre-em-2026/plan/"));
    assert!(page.contains("Chợ Đông Mẫu"), "its visits");
    for staff in ["Ban nhân dân các ấp", SCHOOL_TASK, REPORT, "class=agency"] {
        assert!(!page.contains(staff), "{staff} on the summary");
    }
    assert!(!page.contains("Đã kết thúc") && !page.contains("class=\"notification ended\""));

    let plan = read(&out, "campaigns/tre-em-2026/plan/index.html");
    let tasks = part(&plan, "id=plan-tasks", "</section>");
    for agency in ["Công an xã", "Trường Tiểu học Đông Mẫu"] {
        assert!(tasks.contains(agency), "{agency} in {tasks}");
    }
    assert!(
        plan.contains(SCHOOL_TASK),
        "internal deadlines stay on the plan"
    );
    assert!(plan.contains("id=plan-text"));
    assert!(plan.contains("href=/vneid/campaigns/tre-em-2026/plan.txt"));
    assert!(plan.len() < 64 * 1024 && page.len() < 30 * 1024);
    // The office's hours in the reader's words, a line per group of days.
    let offices = part(&page, "aria-labelledby=offices", "</section>");
    assert!(
        offices.contains("<br>Thứ Hai – Thứ Sáu: 07:00–11:00, 13:00–17:00<br>Thứ Bảy: 07:00–11:00"),
        "{offices}"
    );
    let km = read(&out, "km/campaigns/tre-em-2026/index.html");
    let offices = part(&km, "aria-labelledby=offices", "</section>");
    assert!(
        offices.contains("<br>ថ្ងៃសៅរ៍៖ 07:00–11:00") && !offices.contains("T7"),
        "{offices}"
    );
    assert!(km.contains("href=/vneid/km/campaigns/tre-em-2026/plan/"));
    assert!(out
        .join("km/campaigns/tre-em-2026/plan/index.html")
        .is_file());
}

#[test]
fn an_ended_campaign_says_so() {
    let (_t, out) = built("2026-07-05T08:00:00+07:00");
    let page = read(&out, "campaigns/tre-em-2026/index.html");
    let banner = part(&page, "class=\"notification ended\"", "</div>");
    assert!(banner.contains("Chiến dịch này đã kết thúc"), "{banner}");
    assert!(banner.contains("<time datetime=2026-06-30>"), "{banner}");
    let home = read(&out, "index.html");
    assert!(!home.contains("class=home-now"), "no campaign on now");
    let list = read(&out, "campaigns/index.html");
    assert!(list.contains("đã kết thúc"), "marked in the list");
    // Its poster says so above it, on screen: staff do not print it to
    // put up; the notice is not printed (sheets.css hides .poster-help).
    for (file, said) in [
        (
            "campaigns/tre-em-2026/poster/index.html",
            "Chiến dịch này đã kết thúc",
        ),
        (
            "km/campaigns/tre-em-2026/poster/index.html",
            "យុទ្ធនាការនេះបានបញ្ចប់ហើយ",
        ),
    ] {
        let poster = read(&out, file);
        let notice = part(&poster, "class=\"poster-help poster-ended\"", "</p>");
        assert!(notice.contains(said), "{file}: {notice}");
        assert!(notice.contains("<time datetime=2026-06-30>30/06/2026</time>"));
    }
    let (_t, before) = built(BEFORE);
    let poster = read(&before, "campaigns/tre-em-2026/poster/index.html");
    assert!(!poster.contains("poster-ended"), "not before it ends");
}

#[test]
fn contacts_in_every_footer_and_on_the_home_page() {
    let (_t, out) = built(BEFORE);
    for file in [
        "points/to-1/index.html",
        "en/schedule/index.html",
        "km/index.html",
    ] {
        let html = read(&out, file);
        let footer = part(&html, "<footer", "</footer>");
        assert!(
            footer.contains("<a href=tel:02923000000>0292 3000 000</a>"),
            "{file}"
        );
        assert!(
            footer.contains("href=mailto:congan.dongmau@example.gov.vn"),
            "{file}"
        );
        assert!(footer.contains("Ấp Chợ, xã Đông Mẫu, thành phố Cần Thơ"));
    }
    let home = read(&out, "index.html");
    let contact = part(&home, "class=contact", "</section>");
    assert!(contact.contains("id=contact>Liên hệ</h2>"), "{contact}");
    let start = home.find("application/ld+json>").expect("JSON-LD") + 20;
    let end = start + home[start..].find("</script>").unwrap();
    let org: serde_json::Value = serde_json::from_str(&home[start..end]).unwrap();
    assert_eq!(org["@type"], "GovernmentOrganization");
    assert_eq!(org["name"], "Công an xã Đông Mẫu");
    assert_eq!(org["telephone"], "0292 3000 000");
    assert_eq!(
        org["address"]["streetAddress"],
        "Ấp Chợ, xã Đông Mẫu, thành phố Cần Thơ"
    );
}

/// The office's hours, written as a point's are, are shown in the reader's
/// language in every footer; written otherwise, as written, marked as
/// Vietnamese.
#[test]
fn office_hours_in_the_readers_language_when_they_read_as_hours() {
    // The footer's line of hours, from its label on.
    let hours = |out: &std::path::Path, file: &str, label: &str| {
        let html = read(out, file);
        let footer = part(&html, "<footer", "</footer>");
        part(footer, label, "</li>").to_string()
    };
    // As the fixture has them: "T2–T6, 07:00–11:00 và 13:00–17:00".
    let (_t, out) = built(BEFORE);
    let en = hours(&out, "en/index.html", "Opening hours:");
    assert!(
        en.contains("<span lang=vi>T2–T6, 07:00–11:00 và 13:00–17:00</span>"),
        "{en}"
    );

    let site = copy_fixture("commune");
    let config = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    let text = text.replace(
        "T2–T6, 07:00–11:00 và 13:00–17:00",
        "T2-T6 07:00-11:00, 13:00-17:00; T7 07:00-11:00",
    );
    std::fs::write(&config, text).unwrap();
    let out = site.path().join("public");
    let o = build_at(site.path(), &out, BEFORE, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (file, label, said) in [
        (
            "en/index.html",
            "Opening hours:",
            "</span> Monday – Friday: 07:00–11:00, 13:00–17:00; Saturday: 07:00–11:00",
        ),
        (
            "km/points/index.html",
            "ម៉ោងធ្វើការ៖",
            "</span> ថ្ងៃច័ន្ទ – ថ្ងៃសុក្រ៖ 07:00–11:00, 13:00–17:00; ថ្ងៃសៅរ៍៖ 07:00–11:00",
        ),
        // The site's own language too: written as staff would, hours
        // for a period would still show after it.
        (
            "index.html",
            "Giờ làm việc:",
            "</span> Thứ Hai – Thứ Sáu: 07:00–11:00, 13:00–17:00; Thứ Bảy: 07:00–11:00",
        ),
    ] {
        let line = hours(&out, file, label);
        assert!(
            line.starts_with(&format!("{label}{said}")),
            "{file}: {line}"
        );
    }
    // Saturday's hours ended the week before: not shown, in any language.
    let text = std::fs::read_to_string(&config).unwrap().replace(
        "T2-T6 07:00-11:00, 13:00-17:00; T7 07:00-11:00",
        "T2-T6 07:00-11:00, 13:00-17:00; T7 07:00-11:00 đến 30/5/2026",
    );
    std::fs::write(&config, text).unwrap();
    let out = site.path().join("public-later");
    let o = build_at(site.path(), &out, BEFORE, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let line = hours(&out, "index.html", "Giờ làm việc:");
    assert!(
        line.ends_with("</span> Thứ Hai – Thứ Sáu: 07:00–11:00, 13:00–17:00"),
        "{line}"
    );
}

#[test]
fn an_organization_of_another_shape_is_shown_the_shape_with_its_values() {
    let site = copy_fixture("commune");
    let config = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    let start = text.find("organization:").unwrap();
    let text = format!(
        "{}organization:\n  - Công an xã Đông Mẫu\n  - 0292 3000 000\n  - congan.dongmau@example.gov.vn\n",
        &text[..start]
    );
    std::fs::write(&config, text).unwrap();
    let err = fails("check", site.path());
    assert!(err.contains("content/site.yaml:"), "{err}");
    assert!(err.contains("error[E0210]"), "{err}");
    assert!(
        err.contains(
            "organization: {name: \"Công an xã Đông Mẫu\", phone: \"0292 3000 000\", \
             email: \"congan.dongmau@example.gov.vn\", address: \"…\""
        ),
        "{err}"
    );
}

/// A label ends with its language's colon: Khmer writes `៖`.
#[test]
fn labels_end_with_the_colon_of_their_language() {
    let (_t, out) = built(BEFORE);
    for (file, label) in [
        ("km/index.html", "class=label>ទូរស័ព្ទ៖</span>"),
        (
            "km/index.html",
            "ផ្លូវការ៖ <strong lang=vi>Công an xã Đông Mẫu</strong>",
        ),
        (
            "km/points/ca-dong-mau/index.html",
            "<li>ថ្ងៃច័ន្ទ – ថ្ងៃសុក្រ៖ 07:00",
        ),
        (
            "km/campaigns/tre-em-2026/poster/index.html",
            "<strong>ព័ត៌មានបន្ថែម៖</strong>",
        ),
        ("index.html", "class=label>Điện thoại:</span>"),
        ("en/index.html", "class=label>Phone:</span>"),
    ] {
        let html = read(&out, file);
        assert!(html.contains(label), "{file}: no {label}");
    }
    for file in ["km/index.html", "km/points/ca-dong-mau/index.html"] {
        let html = read(&out, file);
        let main = part(&html, "<main", "</main>");
        assert!(!main.contains("៖:") && !main.contains(":៖"), "{file}");
    }
}
