//! Properties of the plan reader over generated input: it never panics,
//! what it returns is well formed, and its rules hold for every case.

use loa_plan::{Cadence, Section};
use proptest::prelude::*;

/// Lines that look like the parts of plan documents, to reach deep paths.
fn plan_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("KẾ HOẠCH".to_string()),
        Just("Số: /KH-UBND".to_string()),
        Just("Số: 12/KH-UBND".to_string()),
        Just("Cần Thơ, ngày   tháng 5 năm 2026".to_string()),
        Just("Tân Hòa, ngày 03 tháng 7 năm 2026".to_string()),
        Just("ỦY BAN NHÂN DÂN".to_string()),
        Just("Nơi nhận:".to_string()),
        Just("TM. ỦY BAN NHÂN DÂN".to_string()),
        Just("KT. CHỦ TỊCH".to_string()),
        Just("PHÓ CHỦ TỊCH".to_string()),
        Just("Nguyễn Văn An".to_string()),
        Just("(Đã ký)".to_string()),
        Just("PHỤ LỤC".to_string()),
        "(I|II|III|IV|V|X)\\. [A-ZĐƠƯ ,]{1,30}",
        "#{0,4} ?\\*{0,2}[0-9]{1,2}\\. [A-Za-zđơư ]{1,30}:?\\*{0,2}",
        "[a-eđ]\\) [a-zđ ]{1,40}[.;:]?",
        "[-+] \\*{0,2}(Công an|Sở|Trạm y tế|Tổ) [a-zđ ]{0,20}:?\\*{0,2} [a-z ]{0,30}",
        "(Hoàn thành )?trước (ngày )?[0-3]?[0-9](/[01]?[0-9](/20[0-9][0-9])?| tháng [01]?[0-9]( năm 20[0-9][0-9])?)[.;]?",
        "báo cáo (hằng|hàng) (ngày|tuần) (trước )?[0-2]?[0-9](h[0-5][0-9]| giờ [0-5][0-9] phút)? (thứ (Hai|Tư|Sáu|[2-7])|Chủ nhật)?",
        "Thời gian: Từ ngày [0-3]?[0-9]/[01]?[0-9]/2026 đến (hết )?ngày [0-3]?[0-9]/[01]?[0-9]/2026",
        "(Nghị quyết|Kế hoạch|Công văn) số [0-9]{1,4}/[A-Z]{2,3}-[A-Z]{2,4} ngày [0-3]?[0-9]/[01]?[0-9]/20[0-9][0-9] của [A-ZĐ][a-zđ ]{0,20}",
        "([0-9.,=/ ]{0,8}\t){1,6}[0-9.,]{0,8}",
        "Tổng\t\t[0-9.]{1,7}\t[0-9.]{1,7}",
        ".{0,60}",
    ]
}

fn plan_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            plan_line(),
            prop_oneof![Just("\n"), Just("\n\n"), Just("  \n"), Just("\r\n")],
        ),
        0..60,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(l, sep)| format!("{l}{sep}"))
            .collect()
    })
}

fn is_iso_date(v: &serde_json::Value) -> bool {
    v.as_str()
        .is_some_and(|s| s.len() == 10 && s.parse::<jiff::civil::Date>().is_ok())
}

fn count_sections(s: &[Section]) -> usize {
    s.iter().map(|x| 1 + count_sections(&x.children)).sum()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gives_a_plan(text in "\\PC*") {
        let p = loa_plan::read(&text);
        let _ = loa_plan::to_markdown(&p);
        let _ = loa_plan::check_tables(&p);
        let _ = serde_json::to_string(&p).unwrap();
    }

    #[test]
    fn plan_like_text_gives_a_well_formed_plan(text in plan_text()) {
        let p = loa_plan::read(&text);
        let dates: Vec<_> = p.deadlines.iter().map(|d| (d.date, d.time)).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        prop_assert_eq!(dates, sorted);
        for r in &p.reporting {
            prop_assert!(r.weekday.is_none() || r.cadence == Cadence::Weekly);
        }
        // The JSON writes dates, times and weekdays as promised.
        let json = serde_json::to_value(&p).unwrap();
        for d in json["deadlines"].as_array().unwrap() {
            prop_assert!(is_iso_date(&d["date"]), "{}", d["date"]);
            if let Some(t) = d["time"].as_str() {
                prop_assert!(t.len() == 5 && &t[2..3] == ":", "{t}");
            }
        }
        for d in [&json["issued"], &json["period"]["start"], &json["period"]["end"]] {
            prop_assert!(d.is_null() || is_iso_date(d), "{d}");
        }
        for r in json["reporting"].as_array().unwrap() {
            prop_assert!(["daily", "weekly", "monthly"].contains(&r["cadence"].as_str().unwrap()));
            prop_assert!(r["weekday"].is_null() || (1..=7).contains(&r["weekday"].as_i64().unwrap()));
        }
        for t in &p.tables {
            prop_assert!(t.rows.iter().all(|r| r.len() == t.header.len()));
        }
        // Every section has its heading, with its anchor, in the text.
        let md = loa_plan::to_markdown(&p);
        let headings = md.lines().filter(|l| l.starts_with("##") && l.ends_with('}')).count();
        prop_assert_eq!(headings, count_sections(&p.sections));
        // Section anchors are unique.
        let mut ids = std::collections::HashSet::new();
        fn walk<'a>(s: &'a [Section], ids: &mut std::collections::HashSet<&'a str>) -> bool {
            s.iter().all(|x| ids.insert(x.id.as_str()) && walk(&x.children, ids))
        }
        prop_assert!(walk(&p.sections, &mut ids));
    }
}
