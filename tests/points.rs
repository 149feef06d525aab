//! Enrollment points, mobile-team visits and the schedule: pages, calendars
//! read back by an independent iCalendar parser, data files, validation.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

const NOW: &str = "2026-06-10T09:00:00+07:00";

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    build("points", &["--now", NOW])
}

#[test]
fn wards_in_vietnamese_alphabetical_order() {
    let (_t, out) = built();
    let index = read(&out, "points/index.html");
    let order: Vec<usize> = [
        "Xã An Hòa",
        "Xã Ăn Quả",
        "Xã Ân Phú",
        "Xã Dương Kinh",
        "Xã Đông Hải",
    ]
    .iter()
    .map(|w| {
        index
            .find(&format!(">{w}</a></h3>"))
            .unwrap_or_else(|| panic!("{w} missing"))
    })
    .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "A Ă Â … D Đ, not byte order");
    // Without JavaScript the page is the complete list; the button waits for the script.
    let nearest = index.find("class=nearest").unwrap();
    let tag_end = nearest + index[nearest..].find('>').unwrap();
    assert!(
        index[..tag_end].ends_with(" hidden"),
        "the button appears only with JavaScript"
    );
    assert!(index.contains("Công an xã Dương Kinh"));
    assert!(index.contains("js/nearest.js"));
}

#[test]
fn a_page_per_ward_and_per_point() {
    let (_t, out) = built();
    let ward = read(&out, "wards/xa-dong-hai/index.html");
    assert!(ward.contains("Công an xã Đông Hải"));
    assert!(ward.contains("Tổ lưu động xã Đông Hải"));
    assert!(ward.contains("href=/vneid/wards/xa-dong-hai/calendar.ics"));
    // Under the page's h2, each point is an h3 (no level skipped).
    assert!(
        ward.contains("<h3><a href=/vneid/points/ca-dong-hai/>"),
        "{ward}"
    );
    assert!(!ward.contains("<h4"), "{ward}");
    let office = read(&out, "points/ca-dong-hai/index.html");
    // Hours in words, the later group replacing Saturday, Sunday closed.
    assert!(
        office.contains("Thứ Hai – Thứ Sáu: 07:30–11:30, 13:30–17:00"),
        "{office}"
    );
    assert!(office.contains("Thứ Bảy: 07:30–11:30"));
    assert!(!office.contains("Chủ nhật:"));
    assert!(office.contains("<a href=tel:+842923820011>0292 3820 011</a>"));
    assert!(office.contains("href=geo:10.01,105.71"));
    assert!(office.contains("https://www.openstreetmap.org/?mlat=10.01&amp;mlon=105.71"));
    assert!(office.contains("Tài khoản định danh điện tử mức 2"));
    assert!(office.contains("Lối vào không bậc thềm."));
    let en = read(&out, "en/points/ca-dong-hai/index.html");
    assert!(
        en.contains("Monday – Friday: 07:30–11:30, 13:30–17:00"),
        "{en}"
    );
    assert!(en.contains("<h1 lang=vi>Công an xã Đông Hải</h1>"));
}

fn jsonld(html: &str) -> Value {
    let start = html
        .find("<script type=application/ld+json>")
        .expect("JSON-LD")
        + "<script type=application/ld+json>".len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[test]
fn schema_org_for_offices_and_visits() {
    let (_t, out) = built();
    let office = jsonld(&read(&out, "points/ca-dong-hai/index.html"));
    assert_eq!(office["@type"], "GovernmentOffice");
    assert_eq!(office["geo"]["latitude"], 10.01);
    let hours = office["openingHoursSpecification"].as_array().unwrap();
    let saturday = hours
        .iter()
        .find(|h| {
            h["dayOfWeek"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d == "https://schema.org/Saturday")
        })
        .unwrap();
    assert_eq!(
        (saturday["opens"].as_str(), saturday["closes"].as_str()),
        (Some("07:30"), Some("11:30"))
    );
    let team = jsonld(&read(&out, "points/tld-dong-hai/index.html"));
    let events = team["@graph"].as_array().unwrap();
    assert_eq!(events.len(), 2, "the visit of 5 June is past");
    assert_eq!(events[0]["@type"], "Event");
    assert_eq!(events[0]["startDate"], "2026-06-12T07:30:00+07:00");
    assert_eq!(events[0]["location"]["name"], "Chợ Đông Hải, cổng chính");
}

#[test]
fn schedule_upcoming_first_by_month_past_apart() {
    let (_t, out) = built();
    let s = read(&out, "schedule/index.html");
    let upcoming = s.find("class=upcoming-events").unwrap();
    let past = s.find("class=past-events").unwrap();
    let june = s.find("id=thang-2026-06").expect("June heading");
    let july = s.find("id=thang-2026-07").expect("July heading");
    assert!(upcoming < june && june < july && july < past);
    let visit_12 = s.find("Chợ Đông Hải, cổng chính").unwrap();
    let deadline = s
        .find("100% học sinh từ 6 đến 14 tuổi")
        .expect("public deadline");
    let visit_20 = s.find("Nhà văn hóa ấp 6").unwrap();
    assert!(visit_12 < deadline && deadline < visit_20, "in date order");
    assert!(
        s[past..].contains("Trường Tiểu học Đông Hải"),
        "5 June is past"
    );
    // A deadline for an agency's report is not a citizen's event.
    assert!(!s.contains("báo cáo kết quả"));
    // Each upcoming event can be added to a calendar; the month page lists everything.
    assert!(s.contains("href=/vneid/events/visit-tld-dong-hai-2026-06-12-0730.ics"));
    assert!(out.join("schedule/2026-06/index.html").is_file());
    assert!(s.contains("data-ends=2026-06-12T11:00:00+07:00"));
}

/// Every physical line ends in CRLF and is at most 75 octets.
fn assert_rfc5545_lines(ics: &str) {
    assert!(ics.ends_with("\r\n"));
    for line in ics.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n'));
    }
}

fn parse_ics(ics: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let parser = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let mut events = Vec::new();
    for cal in parser {
        let cal = cal.expect("a valid calendar");
        for e in cal.events {
            events.push(
                e.properties
                    .into_iter()
                    .map(|p| {
                        let params = p
                            .params
                            .unwrap_or_default()
                            .into_iter()
                            .map(|(k, v)| format!(";{k}={}", v.join(",")))
                            .collect::<String>();
                        (format!("{}{params}", p.name), p.value.unwrap_or_default())
                    })
                    .collect(),
            );
        }
    }
    events
}

#[test]
fn calendars_are_valid_rfc5545() {
    let (_t, out) = built();
    let all = read(&out, "calendar.ics");
    assert_rfc5545_lines(&all);
    let events = parse_ics(&all);
    assert_eq!(
        events.len(),
        6,
        "period, two public deadlines, three visits: {events:?}"
    );
    let visit = events
        .iter()
        .find(|e| e["UID"] == "visit-tld-dong-hai-2026-06-12-0730@portal.example.gov.vn")
        .unwrap();
    // 07:30 in Asia/Ho_Chi_Minh is 00:30 UTC; DTSTAMP is the build's now.
    assert_eq!(visit["DTSTART"], "20260612T003000Z");
    assert_eq!(visit["DTEND"], "20260612T040000Z");
    assert_eq!(visit["DTSTAMP"], "20260610T020000Z");
    assert_eq!(visit["LOCATION"], "Chợ Đông Hải\\, cổng chính\\, Ấp 5");
    assert_eq!(visit["GEO"], "10.012;105.712");
    assert!(visit["DESCRIPTION"].contains("giấy khai sinh của trẻ\\; phụ huynh"));
    assert_eq!(
        visit["URL"],
        "https://portal.example.gov.vn/vneid/points/tld-dong-hai/"
    );
    let period = events
        .iter()
        .find(|e| e["UID"].starts_with("campaign-dot-he-period"))
        .unwrap();
    assert_eq!(period["DTSTART;VALUE=DATE"], "20260601");
    assert_eq!(
        period["DTEND;VALUE=DATE"], "20260801",
        "DTEND of dates is exclusive"
    );

    let ward = parse_ics(&read(&out, "wards/xa-dong-hai/calendar.ics"));
    assert_eq!(ward.len(), 3);
    let campaign = parse_ics(&read(&out, "campaigns/dot-he/calendar.ics"));
    assert_eq!(campaign.len(), 3);
    let one = read(&out, "events/visit-tld-dong-hai-2026-07-20-1330.ics");
    assert_rfc5545_lines(&one);
    assert_eq!(parse_ics(&one).len(), 1);
    assert!(
        !out.join("events/visit-tld-dong-hai-2026-06-05-0730.ics")
            .exists(),
        "no file for past events"
    );

    // UIDs are stable: another build, another now, the same UIDs.
    let (_t2, out2) = build("points", &["--now", "2026-06-11"]);
    let uids = |e: &[std::collections::BTreeMap<String, String>]| {
        e.iter().map(|x| x["UID"].clone()).collect::<Vec<_>>()
    };
    assert_eq!(
        uids(&events),
        uids(&parse_ics(&read(&out2, "calendar.ics")))
    );
}

#[test]
fn geojson_csv_and_nearest_data() {
    let (_t, out) = built();
    let geo: Value = serde_json::from_str(&read(&out, "points.geojson")).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    let f: Vec<&Value> = geo["features"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["properties"]["kind"] != "visit")
        .collect();
    assert_eq!(f.len(), 4, "points without coordinates are left out");
    let dong_hai = f.iter().find(|x| x["id"] == "ca-dong-hai").unwrap();
    assert_eq!(
        dong_hai["geometry"]["coordinates"],
        serde_json::json!([105.71, 10.01]),
        "[lon, lat]"
    );
    assert_eq!(
        dong_hai["properties"]["url"],
        "https://portal.example.gov.vn/vneid/points/ca-dong-hai/"
    );

    let text = read(&out, "points.csv");
    let mut csv = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = csv.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 6);
    let header = csv.headers().unwrap().clone();
    let address = header.iter().position(|h| h == "address").unwrap();
    assert_eq!(
        &rows.iter().find(|r| &r[0] == "ca-dong-hai").unwrap()[address],
        "Số 1, đường Hải Đông"
    );

    let near: Value = serde_json::from_str(&read(&out, "points.json")).unwrap();
    assert_eq!(near["points"].as_array().unwrap().len(), 6);
    let visits = near["visits"].as_array().unwrap();
    assert_eq!(visits.len(), 2, "only upcoming visits");
    assert_eq!(visits[0]["lat"], 10.012);
    assert_eq!(
        visits[1]["lat"],
        Value::Null,
        "no coordinates for the place nor the team"
    );
}

#[test]
fn site_root_links_to_generated_pages_work() {
    let (_t, out) = built();
    let hrefs = attr_values(&read(&out, "index.html"), "href");
    for h in [
        "/vneid/points/",
        "/vneid/schedule/",
        "/vneid/points/tld-dong-hai/",
    ] {
        assert!(hrefs.contains(&h.to_string()), "{h} in {hrefs:?}");
    }
    let en = attr_values(&read(&out, "en/index.html"), "href");
    assert!(en.contains(&"/vneid/en/points/".to_string()), "{en:?}");
}

#[test]
fn every_mistake_in_points_and_visits_is_reported() {
    let site = copy_fixture("points");
    let dir = site.path().join("content/points");
    std::fs::write(
        dir.join("loi.csv"),
        "id,name,kind,district,ward,address,lat,lon,phone,services,hours,notes,acessibility\n\
         ca-dong-hai,Trùng mã,fixed,H,X,Đ,10,105,,cccd,T2-T6 07:00-11:00,,\n\
         a2,Sai loại,co-dinh,H,X,Đ,10,105,,cccd,T2-T6 07:00-11:00,,\n\
         a3,Sai dịch vụ,fixed,H,X,Đ,10,105,,cccd levl2,T2-T6 07:00-11:00,,\n\
         a4,Sai giờ,fixed,H,X,Đ,10,105,,cccd,\"T2-T8 07:00-11:00\",,\n\
         a5,Sai giờ 2,fixed,H,X,Đ,10,105,,cccd,T2-T6 07:00-25:00,,\n\
         a6,Sai tọa độ,fixed,H,X,Đ,100.5,105,,cccd,T2-T6 07:00-11:00,,\n\
         a7,Thiếu ô,fixed,H\n\
         a8,,fixed,H,X,Đ,10,105,,cccd,T2-T6 07:00-11:00,,\n\
         CA Xã 9,Mã có dấu,fixed,H,X,Đ,10,105,,cccd,T2-T6 07:00-11:00,,\n\
         a10,Sai hạn,fixed,H,X,Đ,10,105,,cccd,T2-T6 07:00-11:00 đến 31/6/2026,,\n\
         a11,Sai khoảng,fixed,H,X,Đ,10,105,,cccd,CN 07:00-11:00 từ 1/7/2026 đến 1/6/2026,,\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("visits.csv"),
        "point_id,date,start,end,place,address,lat,lon,notes\n\
         tld-dong-hia,2026-06-12,07:30,11:00,Chợ,,,,\n\
         tld-dong-hai,2026-02-30,07:30,11:00,Chợ,,,,\n\
         tld-dong-hai,2026-06-13,11:00,07:30,Chợ,,,,\n\
         tld-dong-hai,2026-06-14,7 giờ,11:00,Chợ,,,,\n\
         tld-dong-hai,2026-06-20,07:30,10:00,Trường,,,,\n\
         tld-dong-hai,2026-06-20,07:30,11:00,Chợ,,,,\n",
    )
    .unwrap();
    let err = fails("check", site.path());
    for expected in [
        "content/points/loi.csv:1:71: error[E0802]: unknown column `acessibility`",
        "did you mean `accessibility`?",
        "content/points/xa.csv:2:1: error[E0307]: id `ca-dong-hai` is used twice",
        "content/points/loi.csv:3:13: error[E0806]: kind `co-dinh` is neither `fixed` nor `mobile`",
        "content/points/loi.csv:4:36: error[E0807]: unknown service `levl2`",
        "did you mean `level2`?",
        "content/points/loi.csv:5:41: error[E0808]: `T8` is not a day",
        "content/points/loi.csv:6:51: error[E0808]: `25:00` is not a time range",
        "content/points/loi.csv:7:27: error[E0809]: `lat` `100.5` is not a coordinate",
        "content/points/loi.csv:8:1: error[E0804]: this row has 4 values but the header has 13 columns",
        "content/points/loi.csv:9:4: error[E0805]: `name` is empty",
        "content/points/visits.csv:2:1: error[E0810]: no point with id `tld-dong-hia`",
        "did you mean `tld-dong-hai`?",
        "content/points/visits.csv:3:14: error[E0105]: `date: 2026-02-30` is a date that does not exist",
        "content/points/visits.csv:4:31: error[E0812]: ends at 07:30, not after it starts at 11:00",
        "content/points/visits.csv:5:25: error[E0811]: `start` `7 giờ` is not a time",
        "content/points/loi.csv:10:1: error[E0813]: id `CA Xã 9` is not usable in an address",
        "content/points/loi.csv:11:60: error[E0808]: `đến 31/6/2026` does not give a date that exists",
        "write `đến 30/6/2026` (until, day/month/year)",
        "content/points/loi.csv:12:56: error[E0808]: `từ 1/7/2026 đến 1/6/2026` ends before it starts",
        "e.g. `ca-xa-9`",
        "content/points/visits.csv:7:25: error[E0814]: team `tld-dong-hai` already has a visit on 2026-06-20 at 07:30",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
    // In Vietnamese too.
    let o = loa(
        &["check", "--root", site.path().to_str().unwrap()],
        &[("LANG", "vi_VN.UTF-8")],
    );
    assert!(
        stderr(&o).contains("content/points/loi.csv:5:41: lỗi[E0808]: `T8` không phải là ngày"),
        "{}",
        stderr(&o)
    );
}

/// Hours that hold for a period only: the evening shift of a campaign
/// until its last day, Sunday hours from one day to another.
#[test]
fn hours_for_a_period_hold_until_its_last_day() {
    let site = points_site(
        "title: Xã Tân Lợi\nbase_url: https://portal.example.gov.vn/vneid/\nlanguages: [vi, en, km]\n",
        &[(
            "xa.csv",
            "id,name,kind,district,ward,address,lat,lon,phone,services,hours,notes,accessibility\n\
             ca-tan-loi,Công an xã Tân Lợi,fixed,Huyện Mẫu,Xã Tân Lợi,Số 1,10.01,105.71,,cccd,\
             \"T2-T6 07:00-11:00; T7 07:00-11:00; T2-T6 07:00-11:00, 18:00-20:30 đến hết 30/6/2026; \
             CN 07:30-11:00 (từ 1/6/2026 đến 30/6/2026)\",,\n"
                .as_bytes(),
        )],
    );
    let built_on = |day: &str| {
        let out = site.path().join(format!("public-{day}"));
        let o = build_at(site.path(), &out, day, &[]);
        assert!(o.status.success(), "{}", stderr(&o));
        out
    };
    let hours = |out: &Path, lang: &str| {
        let html = read(out, &format!("{lang}points/ca-tan-loi/index.html"));
        let start = html.find("<ul class=hours>").expect("hours") + "<ul class=hours>".len();
        let end = start + html[start..].find("</ul>").unwrap();
        html[start..end].to_string()
    };
    let geojson = |out: &Path| -> Value {
        let all: Value = serde_json::from_str(&read(out, "points.geojson")).unwrap();
        all["features"][0]["properties"]["opening_hours"].clone()
    };

    // A Sunday in the period: the evening shift and Sunday's hours, each
    // with its last day, in the reader's language.
    let june = built_on("2026-06-28");
    assert_eq!(
        hours(&june, ""),
        "<li>Thứ Hai – Thứ Sáu: 07:00–11:00, 18:00–20:30 (đến hết 30/06/2026)</li>\
         <li>Thứ Bảy: 07:00–11:00</li><li>Chủ nhật: 07:30–11:00 (đến hết 30/06/2026)</li>"
    );
    assert!(
        hours(&june, "en/").contains("<li>Sunday: 07:30–11:00 (until 30 June 2026)</li>"),
        "{}",
        hours(&june, "en/")
    );
    assert!(hours(&june, "km/").contains("(រហូតដល់ 30/06/2026)"));
    assert_eq!(
        geojson(&june),
        "Mo-Fr 07:00-11:00,18:00-20:30; Sa 07:00-11:00; Su 07:30-11:00"
    );
    let office = jsonld(&read(&june, "points/ca-tan-loi/index.html"));
    let specs = office["openingHoursSpecification"].as_array().unwrap();
    let sunday = specs
        .iter()
        .find(|s| s["dayOfWeek"][0] == "https://schema.org/Sunday")
        .expect("Sunday's hours");
    assert_eq!(sunday["validThrough"], "2026-06-30");
    assert!(specs
        .iter()
        .any(|s| s["dayOfWeek"][0] == "https://schema.org/Saturday"
            && s.get("validThrough").is_none()));
    let home = read(&june, "index.html");
    assert!(
        home.contains("Công an xã Tân Lợi</a> · 07:30–11:00"),
        "open this Sunday"
    );

    // The Sunday after: the hours before the period's groups, and no
    // office open today.
    let july = built_on("2026-07-05");
    assert_eq!(hours(&july, ""), "<li>Thứ Hai – Thứ Bảy: 07:00–11:00</li>");
    assert_eq!(geojson(&july), "Mo-Sa 07:00-11:00");
    assert!(!read(&july, "index.html").contains("Công an xã Tân Lợi</a> ·"));
    assert!(!read(&july, "points/ca-tan-loi/index.html").contains("validThrough"));

    // The Sunday before the Sunday hours start: the evening shift only.
    let may = built_on("2026-05-31");
    assert_eq!(
        hours(&may, ""),
        "<li>Thứ Hai – Thứ Sáu: 07:00–11:00, 18:00–20:30 (đến hết 30/06/2026)</li>\
         <li>Thứ Bảy: 07:00–11:00</li>"
    );
}

#[test]
fn bad_now_is_a_usage_error() {
    let o = loa(
        &[
            "build",
            "--root",
            fixture("points").to_str().unwrap(),
            "--now",
            "hôm qua",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("2026-03-01T08:00:00+07:00"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn source_date_epoch_sets_now() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let root = fixture("points");
    // 2026-07-01T00:00:00Z: the 12 June visit is past by then.
    let o = loa(
        &[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ],
        &[("SOURCE_DATE_EPOCH", "1782864000")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let ics = read(&out, "calendar.ics");
    assert!(ics.contains("DTSTAMP:20260701T000000Z"));
    assert!(!Path::new(&out.join("events/visit-tld-dong-hai-2026-06-12-0730.ics")).exists());
}

/// An event's item is made once per language from the theme's
/// `partials/event_item.html` and pasted into every list that shows it.
#[test]
fn a_site_event_item_is_used_in_every_list() {
    let site = copy_fixture("points");
    let partials = site.path().join("themes/default/templates/partials");
    std::fs::create_dir_all(&partials).unwrap();
    std::fs::write(
        partials.join("event_item.html"),
        "<li class=\"mine\" lang=\"{{ lang }}\">{{ e.title }} {{ t.add_to_calendar }}</li>",
    )
    .unwrap();
    let out = site.path().join("public");
    let root = site.path().to_str().unwrap();
    let o = loa(
        &[
            "build",
            "--root",
            root,
            "--output",
            out.to_str().unwrap(),
            "--now",
            NOW,
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    for page in [
        "schedule/index.html",
        "schedule/2026-06/index.html",
        "en/schedule/2026-06/index.html",
    ] {
        let html = read(&out, page);
        assert!(html.contains("<li class=mine"), "{page}: {html}");
        assert!(!html.contains('\u{E000}'), "{page}: a placeholder was left");
        assert!(!html.contains("class=\"event "), "{page}");
    }
    let en = read(&out, "en/schedule/index.html");
    assert!(
        en.contains("lang=en>") && en.contains("Add to calendar"),
        "{en}"
    );
    let team_page = html_files(&out)
        .into_iter()
        .find(|(p, h)| p.starts_with("points/") && h.contains("class=mine"));
    assert!(
        team_page.is_some(),
        "a team page lists its visits with the site's item"
    );

    // A mistake in the partial is reported once, at the partial.
    std::fs::write(
        partials.join("event_item.html"),
        "<li>{{ e.title | nosuchfilter }}</li>",
    )
    .unwrap();
    let o = loa(&["check", "--root", root, "--now", NOW], &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.matches("partials/event_item.html").count(), 1, "{err}");
}

/// A school's task and a report are the agencies' business: they are on the
/// plan's page, and nowhere citizens look for dates (the campaign's summary
/// neither); a deadline for parents
/// is, and so is one the front matter makes public (`deadlines: public:`).
#[test]
fn internal_deadlines_only_on_the_plan_page() {
    let (_t, out) = built();
    let school = "gửi danh sách học sinh";
    let report = "báo cáo kết quả";
    let parents = "Phụ huynh đưa trẻ đến điểm cấp căn cước";
    let made_public = "100% học sinh từ 6 đến 14 tuổi";
    let plan = read(&out, "campaigns/dot-he/plan/index.html");
    for text in [school, report, parents, made_public] {
        assert!(plan.contains(text), "the plan shows {text}");
    }
    for file in [
        "index.html",
        "schedule/index.html",
        "schedule/2026-06/index.html",
        "calendar.ics",
        "campaigns/dot-he/calendar.ics",
        "campaigns/dot-he/index.html",
        "wards/xa-dong-hai/index.html",
    ] {
        let text = read(&out, file);
        assert!(!text.contains(school), "{file} shows the school's task");
        assert!(!text.contains(report), "{file} shows a report");
    }
    let calendar = read(&out, "calendar.ics");
    assert!(
        calendar.contains(parents),
        "a deadline for parents is public"
    );
    assert!(
        calendar.contains(made_public),
        "made public by front matter"
    );
    let schedule = read(&out, "schedule/index.html");
    assert!(schedule.contains(parents) && schedule.contains(made_public));
}

/// The home page starts citizens off: where to enroll, and what is next.
#[test]
fn home_page_has_a_start_action_and_what_comes_next() {
    let (_t, out) = built();
    let home = read(&out, "index.html");
    assert!(
        home.contains("<a class=\"button start\" href=/vneid/points/>"),
        "{home}"
    );
    let start = home
        .find("class=\"notice coming-up\"")
        .expect("a coming-up notice");
    let notice = &home[start..start + home[start..].find("</section>").unwrap()];
    let items = notice.matches("<li class=\"event").count();
    assert!((1..=3).contains(&items), "{notice}");
    assert!(
        !notice.contains("event-visit"),
        "team visits belong to the schedule: {notice}"
    );
    assert!(notice.contains("href=/vneid/schedule/"), "{notice}");
    assert!(!home.contains('\u{E000}'));
}

/// A campaign's page opens with its period and its next deadlines.
#[test]
fn a_campaign_page_shows_its_next_dates() {
    let (_t, out) = built();
    let page = read(&out, "campaigns/dot-he/index.html");
    let start = page
        .find("class=\"notice coming-up\"")
        .expect("a coming-up notice");
    let notice = &page[start..start + page[start..].find("</section>").unwrap()];
    let items = notice.matches("<li class=\"event").count();
    assert!((1..=2).contains(&items), "{notice}");
    assert!(notice.contains("datetime=2026-06-30"), "{notice}");
    assert!(
        !notice.contains("event-period"),
        "the period is in the summary: {notice}"
    );
    assert!(
        page.contains("<time datetime=2026-07-31>"),
        "the period's end"
    );
    assert!(!page.contains('\u{E000}'));
}

#[test]
fn points_csv_opens_safely_in_excel() {
    let site = copy_fixture("points");
    let xa = site.path().join("content/points/xa.csv");
    let mut text = std::fs::read_to_string(&xa).unwrap();
    text.push_str(
        "ca-hostile,\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"Bấm\"\")\",fixed,Huyện Mẫu,\
         Xã Đông Hải,@SUM(1+1),10.02,105.72,+84 292 3820 012,cccd,T2-CN 07:30-11:30,\"-2+3+cmd|' /C calc'!A0\",\
         \"+Lối vào\"\n",
    );
    std::fs::write(&xa, text).unwrap();
    let out = site.path().join("public");
    let o = build_into(site.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));

    let bytes = std::fs::read(out.join("points.csv")).unwrap();
    assert!(bytes.starts_with("\u{feff}id,name,".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    let mut csv = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = csv.headers().unwrap().clone();
    let row = csv
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[0] == "ca-hostile")
        .unwrap();
    let cell = |name: &str| row[header.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(
        cell("name"),
        "'=HYPERLINK(\"http://evil.example/\",\"Bấm\")"
    );
    assert_eq!(cell("address"), "'@SUM(1+1)");
    assert_eq!(cell("notes"), "'-2+3+cmd|' /C calc'!A0");
    assert_eq!(cell("accessibility"), "'+Lối vào");
    // A phone number and coordinates stay as they are.
    assert_eq!(cell("phone"), "+84 292 3820 012");
    assert_eq!(cell("lat"), "10.02");
}

#[test]
fn a_busy_team_lists_its_next_ten_visits_and_links_to_the_rest() {
    let site = copy_fixture("points");
    let visits = site.path().join("content/points/visits.csv");
    let mut csv = std::fs::read_to_string(&visits).unwrap();
    // Fifteen more visits, every other day from 14 June into July.
    for day in 0..15 {
        let date = jiff::civil::date(2026, 6, 14) + jiff::Span::new().days(2 * day);
        csv.push_str(&format!(
            "tld-dong-hai,{date},18:00,21:00,Nhà văn hóa ấp {day},Ấp {day},,,\n"
        ));
    }
    std::fs::write(&visits, csv).unwrap();
    let out = site.path().join("public");
    let o = build_at(site.path(), &out, NOW, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    for page in [
        "points/tld-dong-hai/index.html",
        "wards/xa-dong-hai/index.html",
    ] {
        let html = read(&out, page);
        let upcoming = &html[html.find("class=upcoming-events").unwrap()..];
        let upcoming = &upcoming[..upcoming.find("</div>").unwrap()];
        // 17 upcoming visits (12 June, 15 new ones, 20 July): 10 listed.
        assert_eq!(upcoming.matches("<li class=").count(), 10, "{page}");
        assert!(upcoming.contains("(7)</p>"), "{page}: {upcoming}");
        // The link goes to the eleventh visit (2 July) on its month page.
        let anchor = "visit-tld-dong-hai-2026-07-02-1800";
        let href = format!("href=/vneid/schedule/2026-07/#{anchor}>");
        assert!(upcoming.contains(&href), "{page}: {upcoming}");
        let month = read(&out, "schedule/2026-07/index.html");
        assert!(
            month.contains(&format!("id={anchor}>")),
            "the target exists"
        );
    }
}
