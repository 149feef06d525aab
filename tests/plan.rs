//! The plan reader through `loa import` and `loa build`: the four seed
//! plans against golden JSON, plans of other layouts, campaign pages.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

fn import(path: &Path, format: &str) -> (Value, String) {
    let o = loa(&["import", path.to_str().unwrap(), "--format", format], &[]);
    assert!(o.status.success(), "import failed: {}", stderr(&o));
    let out = stdout(&o);
    let json = if format == "json" {
        serde_json::from_str(&out).unwrap()
    } else {
        Value::Null
    };
    (json, if format == "json" { stderr(&o) } else { out })
}

fn seed(slug: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("content/campaigns")
        .join(slug)
        .join("plan.txt")
}

const SEEDS: &[&str] = &[
    "can-tho-60-ngay-dem-2026",
    "cat-hai-mua-he-so-2026",
    "chon-thanh-cao-diem-can-cuoc-2026",
    "can-tho-50-ngay-dem-2023",
];

/// `UPDATE_GOLDEN=1 cargo test --test plan` rewrites the golden files after a reviewed change.
#[test]
fn seed_plans_match_their_golden_json() {
    let golden_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/plans");
    for slug in SEEDS {
        let o = loa(&["import", seed(slug).to_str().unwrap()], &[]);
        assert!(o.status.success(), "{}", stderr(&o));
        let text = stdout(&o);
        let golden = golden_dir.join(format!("{slug}.json"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(&golden_dir).unwrap();
            std::fs::write(&golden, &text).unwrap();
        }
        let expected = std::fs::read_to_string(&golden)
            .unwrap_or_else(|e| panic!("{}: {e}", golden.display()));
        assert!(
            text == expected,
            "{slug}: output differs from {}; run with UPDATE_GOLDEN=1 after checking the change",
            golden.display()
        );
    }
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

#[test]
fn can_tho_2026_header_targets_deadlines_reporting() {
    let (p, _) = import(&seed("can-tho-60-ngay-dem-2026"), "json");
    assert!(p["title"]
        .as_str()
        .unwrap()
        .starts_with("Thực hiện Chiến dịch “60 ngày đêm"));
    // `Số: /KH-UBND` and `ngày tháng 5 năm 2026` are blanks, not guessed.
    assert_eq!(p["number"], Value::Null);
    assert_eq!(p["issued"], Value::Null);
    assert_eq!(p["place"], "Cần Thơ");
    assert_eq!(p["period"]["end"], "2026-06-30");
    assert_eq!(p["legal_basis"][0]["number"], "57-NQ/TW");
    assert_eq!(p["legal_basis"][0]["date"], "2024-12-22");
    assert_eq!(p["legal_basis"][3]["issuer"], "Ban Thường vụ Thành ủy");
    assert_eq!(p["targets"].as_array().unwrap().len(), 5);
    assert_eq!(p["targets"][0]["percent"], 80.0);
    let deadlines = p["deadlines"].as_array().unwrap();
    let dates: Vec<&str> = deadlines
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "deadlines in date order");
    assert_eq!(dates[0], "2026-05-15");
    let tu_phap = deadlines
        .iter()
        .find(|d| d["responsible"] == "Sở Tư pháp")
        .unwrap();
    assert_eq!(tu_phap["date"], "2026-05-30");
    assert_eq!(tu_phap["section"], "iii-6-so-tu-phap");
    let weekly = &p["reporting"][0];
    assert_eq!(
        (
            weekly["cadence"].as_str(),
            weekly["weekday"].as_u64(),
            weekly["time"].as_str()
        ),
        (Some("weekly"), Some(3), Some("08:00"))
    );
    let agencies: Vec<&str> = p["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    for a in [
        "Công an thành phố",
        "Sở Y tế",
        "Bảo hiểm xã hội thành phố",
        "Ủy ban nhân dân xã, phường",
    ] {
        assert!(agencies.contains(&a), "{a} in {agencies:?}");
    }
    assert_eq!(p["signer"]["name"], "Nguyễn Văn Khởi");
    assert_eq!(p["signer"]["position"], "PHÓ CHỦ TỊCH");
    assert_eq!(
        strs(&p["signer"]["authority"]),
        ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    );
    assert_eq!(p["recipients"].as_array().unwrap().len(), 11);
    assert_eq!(
        p["sections"][2]["children"][10]["heading"],
        "Ủy ban nhân dân xã, phường"
    );
}

#[test]
fn can_tho_2023_appendix_table_and_number_from_it() {
    let (p, warnings) = import(&seed("can-tho-50-ngay-dem-2023"), "json");
    // The appendix names the plan: `Kèm theo Kế hoạch 128 /KH-UBND ngày 15 tháng 6 năm 2023`.
    assert_eq!(p["number"], "128/KH-UBND");
    assert_eq!(p["issued"], "2023-06-15");
    assert_eq!(
        (p["period"]["start"].as_str(), p["period"]["end"].as_str()),
        (Some("2023-06-15"), Some("2023-08-05"))
    );
    let t = &p["tables"][0];
    assert!(t["caption"]
        .as_str()
        .unwrap()
        .starts_with("BẢNG PHÂN BỐ CHỈ TIÊU"));
    assert_eq!(t["header"][1], "Tên đơn vị");
    assert_eq!(t["columns"][3], "4 = 3/50");
    assert_eq!(t["rows"].as_array().unwrap().len(), 10);
    assert_eq!(t["rows"][9][2], "700.000");
    // The city's own figures agree with their formulas and totals.
    assert!(!warnings.contains("W0601"), "{warnings}");
    let deadlines = p["deadlines"].as_array().unwrap();
    let last = deadlines.last().unwrap();
    assert_eq!(
        (last["date"].as_str(), last["time"].as_str()),
        (Some("2023-08-07"), Some("15:00"))
    );
    assert_eq!(last["responsible"], "Công an thành phố");
    let daily: Vec<&Value> = p["reporting"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["cadence"] == "daily")
        .collect();
    assert!(daily.iter().any(|r| r["time"] == "10:00"));
    let thursday = p["reporting"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["weekday"] == 4)
        .unwrap();
    assert_eq!(thursday["time"], "09:00");
}

#[test]
fn chon_thanh_and_cat_hai() {
    let (p, _) = import(&seed("chon-thanh-cao-diem-can-cuoc-2026"), "json");
    assert_eq!(p["issued"], Value::Null, "`ngày tháng năm 2026` is a blank");
    assert_eq!(p["signer"]["name"], "Nguyễn Anh Tài");
    assert_eq!(p["signer"]["position"], "CHỦ TỊCH");
    assert_eq!(p["targets"][0]["deadline"], "2026-06-30");
    let daily = &p["reporting"][0];
    assert_eq!(
        (daily["cadence"].as_str(), daily["time"].as_str()),
        (Some("daily"), Some("07:30"))
    );
    // `(**Hoàn**` + blank line + `thành trước ngày 15/06/2026)` is one sentence again.
    assert!(p["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["date"] == "2026-06-15"
            && d["text"]
                .as_str()
                .unwrap()
                .contains("(Hoàn thành trước ngày 15/06/2026)")));
    let (p, _) = import(&seed("cat-hai-mua-he-so-2026"), "json");
    assert_eq!(p["place"], "Cát Hải");
    assert_eq!(p["period"]["end"], "2026-07-15");
    assert_eq!(p["legal_basis"][0]["number"], "7476/KH-CATP-PC06");
    assert_eq!(p["legal_basis"][0]["date"], "2026-06-12");
    assert_eq!(p["signer"]["name"], "Vũ Hữu Vững");
    assert_eq!(p["agencies"][0]["name"], "Công an đặc khu");
}

#[test]
fn a_commune_plan_extracted_from_pdf() {
    let (p, warnings) = import(&fixture("plans/xa-tan-hoa.txt"), "json");
    assert_eq!(
        p["issuer"], "ỦY BAN NHÂN DÂN XÃ TÂN HÒA",
        "the motto is not the issuer"
    );
    assert_eq!(p["number"], "45/KH-UBND");
    assert_eq!(p["place"], "Tân Hòa");
    assert_eq!(p["issued"], "2026-07-03");
    // A title broken over two lines is one title.
    assert_eq!(p["title"], "Cấp căn cước và kích hoạt tài khoản định danh điện tử cho học sinh, người cao tuổi trên địa bàn xã Tân Hòa dịp hè năm 2026");
    assert_eq!(
        (p["period"]["start"].as_str(), p["period"]["end"].as_str()),
        (Some("2026-07-05"), Some("2026-08-31"))
    );
    assert_eq!(p["legal_basis"][1]["number"], "88/CAT-PC06");
    assert_eq!(p["legal_basis"][1]["date"], "2026-05-20");
    // `trước ngày 15` + line break + `tháng 8 năm 2026`.
    assert_eq!(p["targets"][0]["deadline"], "2026-08-15");
    assert_eq!(p["targets"][1]["percent"], 95.0);
    let d: Vec<(&str, Option<&str>, Option<&str>)> = p["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["date"].as_str().unwrap(),
                d["time"].as_str(),
                d["responsible"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        d,
        vec![
            (
                "2026-07-10",
                Some("10:00"),
                Some("Trường Tiểu học và Trường THCS Tân Hòa")
            ),
            ("2026-07-20", None, Some("Công an xã")),
            ("2026-08-15", None, None),
            ("2026-09-05", None, Some("Công an xã")),
        ],
        "a day and month without a year take the document's year"
    );
    let r: Vec<(&str, Option<u64>, Option<&str>)> = p["reporting"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["cadence"].as_str().unwrap(),
                r["weekday"].as_u64(),
                r["time"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        r,
        vec![
            ("weekly", Some(5), Some("16:30")),
            ("weekly", Some(5), None),
            ("daily", None, None)
        ]
    );
    assert_eq!(p["signer"]["name"], "Lê Thị Hoa", "`(Đã ký)` is skipped");
    assert_eq!(
        strs(&p["recipients"]),
        ["Công an tỉnh (b/c)", "TT Đảng ủy, HĐND xã", "Lưu: VT"]
    );
    let agencies: Vec<&str> = p["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        agencies,
        [
            "Công an xã",
            "Trường Tiểu học và Trường THCS Tân Hòa",
            "Đoàn Thanh niên xã"
        ]
    );
    assert_eq!(p["tables"][0]["caption"], "DANH SÁCH CHỈ TIÊU THEO ẤP");
    // The two figures that disagree with the formula row are named with their line.
    assert!(warnings.contains("xa-tan-hoa.txt:86:1: warning[W0601]: table 1, row `2 Tân Phú`, column 5 (Còn lại): 290 does not match `5 = 3-4`, which gives 300"), "{warnings}");
    assert!(
        warnings.contains("xa-tan-hoa.txt:88:1: warning[W0601]: table 1, row `Tổng`"),
        "{warnings}"
    );
    assert_eq!(warnings.matches("W0601").count(), 2, "{warnings}");
}

#[test]
fn a_ward_plan_in_markdown() {
    let (p, _) = import(&fixture("plans/phuong-an-binh.md"), "json");
    assert_eq!(p["issuer"], "ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH");
    assert_eq!(p["number"], Value::Null);
    assert_eq!(p["issued"], Value::Null);
    assert_eq!(
        p["title"],
        "Tuyên truyền, hướng dẫn tích hợp giấy phép lái xe và thẻ bảo hiểm y tế lên ứng dụng VNeID"
    );
    assert_eq!(
        p["period"]["start"],
        Value::Null,
        "from the (unknown) day of issue"
    );
    assert_eq!(p["period"]["end"], "2026-10-31");
    assert_eq!(p["sections"][1]["children"][1]["number"], "1.2");
    assert_eq!(p["deadlines"][0]["date"], "2026-09-15");
    assert_eq!(p["deadlines"][0]["responsible"], "Công an phường");
    assert_eq!(p["reporting"][0]["weekday"], 1);
    assert_eq!(p["signer"]["name"], "Phạm Minh Đức");
    assert_eq!(strs(&p["signer"]["authority"]), ["KT. CHỦ TỊCH"]);
}

#[test]
fn import_md_is_an_editable_campaign_page() {
    let (_, md) = import(&fixture("plans/xa-tan-hoa.txt"), "md");
    assert!(md.starts_with("---\ntitle: Cấp căn cước"), "{md}");
    assert!(md.contains("\nnumber: 45/KH-UBND\n"));
    assert!(md.contains("\nperiod:\n  start: 2026-07-05\n  end: 2026-08-31\n"));
    assert!(md.contains("## I. MỤC ĐÍCH, YÊU CẦU {#i-muc-dich-yeu-cau}"));
    assert!(md.contains("### 1. Công an xã {#iii-1-cong-an-xa}"));
    assert!(
        md.contains("1\\. Bảo đảm 100% học sinh"),
        "numbered items stay paragraphs"
    );
    assert!(md.contains("<caption>DANH SÁCH CHỈ TIÊU THEO ẤP</caption>"));
    // The page builds as a campaign's index.md, its fields accepted.
    let site = copy_fixture("campaign-plan");
    let dir = site.path().join("content/campaigns/tan-hoa");
    std::fs::remove_file(dir.join("plan.txt")).unwrap();
    std::fs::write(dir.join("index.md"), &md).unwrap();
    std::fs::write(
        site.path().join("content/_index.md"),
        "---\ntitle: Trang chủ\n---\n",
    )
    .unwrap();
    let o = loa(&["build", "--root", site.path().to_str().unwrap()], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    // With no plan file, the page is the plan as written: its text on the
    // campaign's own page.
    let page = read(&site.path().join("public"), "campaigns/tan-hoa/index.html");
    assert!(page.contains("<h2 id=iii-nhiem-vu-va-giai-phap>"), "{page}");
}

#[test]
fn import_writes_a_file_and_reports_unreadable_input() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("plan.json");
    let o = loa(
        &[
            "import",
            fixture("plans/phuong-an-binh.md").to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ],
        &[],
    );
    assert!(o.status.success());
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["signer"]["name"], "Phạm Minh Đức");

    let o = loa(
        &["import", tmp.path().join("khong-co.txt").to_str().unwrap()],
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("khong-co.txt:1:1: error[E0306]"),
        "{}",
        stderr(&o)
    );
    let latin1 = tmp.path().join("latin1.txt");
    // A plan typed with an ABC (TCVN3) font is converted, and says so.
    let abc = tmp.path().join("ke-hoach-abc.txt");
    let plan = "Kế hoạch triển khai cấp căn cước cho học sinh trên địa bàn xã Tân Hòa\n";
    std::fs::write(&abc, loa::read::encoding::tcvn3::encode(plan).unwrap()).unwrap();
    let o = loa(&["import", "--format", "md", abc.to_str().unwrap()], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "warning[W0311]: the file is in TCVN3 (ABC, .VnTime), not UTF-8; it was read as TCVN3 (ABC, .VnTime)\n  \
             = fix: save it as UTF-8: in Notepad, File → Save As → Encoding: UTF-8"
        ),
        "{}",
        stderr(&o)
    );
    assert!(
        stdout(&o).contains("cấp căn cước cho học sinh"),
        "{}",
        stdout(&o)
    );
    // French in Latin-1: not Vietnamese in any encoding loa converts.
    std::fs::write(&latin1, b"Qu\xe9bec, Montr\xe9al, \xe9t\xe9").unwrap();
    let o = loa(
        &["import", latin1.to_str().unwrap()],
        &[("LANG", "vi_VN.UTF-8")],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("error".replace("error", "lỗi[E0305]").as_str()),
        "{}",
        stderr(&o)
    );
}

#[test]
fn campaign_pages_are_built_from_plans() {
    let (_t, out) = build("campaign-plan", &[]);
    let summary = read(&out, "campaigns/tan-hoa/index.html");
    // Title and dates from the plan alone (no index.md).
    assert!(
        summary.contains("<h1>Cấp căn cước và kích hoạt tài khoản định danh điện tử cho học sinh"),
        "{summary}"
    );
    assert!(summary.contains(
        "từ <time datetime=2026-07-05>05/07/2026</time> đến <time datetime=2026-08-31>31/08/2026</time>"
    ));
    assert!(summary.contains("href=/vneid/campaigns/tan-hoa/plan/"));
    // The plan itself, on its own page.
    let page = read(&out, "campaigns/tan-hoa/plan/index.html");
    assert!(page.contains(
        "<time datetime=2026-07-05>05/07/2026</time> – <time datetime=2026-08-31>31/08/2026</time>"
    ));
    assert!(page.contains("Học sinh từ đủ 6 tuổi đến 14 tuổi; người từ 80 tuổi trở lên."));
    // The timeline in date order, with who is responsible and a link into the text.
    let t1 = page
        .find("<time datetime=2026-07-10T10:00>10/07/2026 10:00</time>")
        .expect("first deadline");
    let t2 = page
        .find("<time datetime=2026-07-20>20/07/2026</time>")
        .expect("second deadline");
    assert!(t1 < t2);
    assert!(page.contains("<strong>Trường Tiểu học và Trường THCS Tân Hòa</strong>:"));
    assert!(page.contains("href=#iii-1-cong-an-xa"));
    // Tasks by agency, readable without JavaScript; the `+ Tổ 1 …` lines
    // under item b) are part of its task.
    assert!(page.contains(
        "<details class=agency><summary>Công an xã <span class=meta>(4)</span></summary>"
    ));
    // Full text with anchors, an accessible table and the original to download.
    assert!(page.contains("<h2 id=iii-nhiem-vu-va-giai-phap>III. NHIỆM VỤ VÀ GIẢI PHÁP</h2>"));
    assert!(page.contains("<caption>DANH SÁCH CHỈ TIÊU THEO ẤP</caption>"));
    assert!(page.contains("<th scope=col>Số học sinh</th>"));
    assert!(page.contains("<th scope=row>Tân Long</th>"));
    assert!(page.contains("download href=/vneid/campaigns/tan-hoa/plan.txt>"));
    assert!(out.join("campaigns/tan-hoa/plan.txt").is_file());
    assert!(page.contains("Lê Thị Hoa"));
    assert!(
        !page.contains("Bản đăng tải chưa ghi số"),
        "this plan has its number and date"
    );

    // index.md overrides the plan; a blank date is marked for citizens.
    let summary = read(&out, "campaigns/an-binh/index.html");
    assert!(summary.contains("<h1>Tích hợp giấy tờ lên VNeID – phường An Bình</h1>"));
    assert!(summary.contains("Mang điện thoại đến trụ sở Công an phường"));
    let an_binh = read(&out, "campaigns/an-binh/plan/index.html");
    assert!(
        an_binh.contains("Số</span> 77/KH-UBND") || an_binh.contains("Số 77/KH-UBND"),
        "{an_binh}"
    );
    assert!(an_binh.contains("Người dân phường An Bình có giấy phép lái xe"));
    assert!(an_binh.contains("Bản đăng tải chưa ghi số hoặc ngày ban hành."));
    assert!(
        out.join("campaigns/an-binh/plan.md").is_file(),
        "plan.md is the original, not a page"
    );
    // The English page: its own front matter, the plan's text marked Vietnamese.
    let en = read(&out, "en/campaigns/an-binh/index.html");
    assert!(en.contains("Residents of An Bình ward"), "{en}");
    let en = read(&out, "en/campaigns/an-binh/plan/index.html");
    assert!(
        en.contains("<div class=\"content plan-text\" lang=vi>"),
        "{en}"
    );
    assert!(en.contains("Full text of the plan (in Vietnamese)"));
    // A content link to the plan file works and is rewritten.
    assert!(attr_values(&read(&out, "index.html"), "href")
        .contains(&"/vneid/campaigns/tan-hoa/plan.txt".to_string()));
}

#[test]
fn check_warns_about_table_figures_but_passes() {
    let o = loa(
        &[
            "check",
            "--root",
            fixture("campaign-plan").to_str().unwrap(),
        ],
        &[("LANG", "vi_VN.UTF-8")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("content/campaigns/tan-hoa/plan.txt:86:1: cảnh báo[W0601]: bảng 1, dòng `2 Tân Phú`, cột 5 (Còn lại): 290 không khớp công thức `5 = 3-4`, tính ra 300"), "{err}");
    assert!(stdout(&o).contains("2 cảnh báo"), "{}", stdout(&o));
}

fn corpus(name: &str) -> PathBuf {
    fixture("plans/corpus").join(name)
}

#[test]
fn import_visits_gives_rows_that_visits_csv_accepts() {
    let (_, csv) = import(&corpus("xa-ngoc-bien-khmer.txt"), "visits");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "point_id,date,start,end,place,address,lat,lon,notes"
    );
    assert_eq!(lines.len(), 9, "{csv}");
    assert_eq!(
        lines[1],
        ",2024-10-15,07:00,11:00,Ấp Đầu Giồng A - Chùa Đầu Giồng A,,,,Có phiên dịch tiếng Khmer"
    );
    assert_eq!(
        lines[4],
        ",2024-10-23,07:30,11:00,Ấp Bến Trị - Nhà văn hóa ấp,,,,Có phiên dịch tiếng Khmer"
    );
    // With their team's id filled in, the rows are a site's visits.csv.
    let site = copy_fixture("points");
    let filled: String = csv
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("{l}\n")
            } else {
                format!("tld-dong-hai{l}\n")
            }
        })
        .collect();
    std::fs::write(site.path().join("content/points/visits.csv"), filled).unwrap();
    let o = loa(&["check", "--root", site.path().to_str().unwrap()], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("visits.csv"), "{}", stderr(&o));
    // A plan without a table of visits gives the header alone.
    let (_, csv) = import(&seed("can-tho-60-ngay-dem-2026"), "visits");
    assert_eq!(csv, "point_id,date,start,end,place,address,lat,lon,notes\n");
}

#[test]
fn import_visits_says_when_a_schedule_gave_no_visit() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.txt");
    let head = "ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố: 12/KH-UBND\nAn Phú, ngày 05 tháng 6 năm 2026\nKẾ HOẠCH\nKích hoạt tài khoản định danh điện tử\nI. MỤC ĐÍCH\nHỗ trợ người dân.\nPhụ lục\nLỊCH LÀM VIỆC CỦA TỔ LƯU ĐỘNG\n";
    // The times sit under `Địa điểm`: the header's columns and the rows' disagree.
    std::fs::write(&plan, format!("{head}STT\tNgày Giờ\tĐịa điểm\n1\t29/6/2026\t7h30 - 11h00\n2\t30/6/2026\t13h30 - 17h00\n")).unwrap();
    let path = plan.to_str().unwrap();
    let o = loa(&["import", path, "--format", "visits"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "point_id,date,start,end,place,address,lat,lon,notes\n"
    );
    assert!(
        stderr(&o).contains("has a table with place and date columns, but no visit could be read"),
        "{}",
        stderr(&o)
    );
    let o = loa(
        &["import", path, "--format", "visits"],
        &[("LANG", "vi_VN.UTF-8")],
    );
    assert!(
        stderr(&o).contains("có bảng với cột địa điểm và cột ngày, nhưng không đọc được buổi nào"),
        "{}",
        stderr(&o)
    );
    // JSON says nothing of it; a schedule that was read neither.
    assert!(!stderr(&loa(&["import", path], &[])).contains("no visit"));
    std::fs::write(&plan, format!("{head}STT    Ngày         Giờ              Địa điểm\n1      29/6/2026    7h30 - 11h00     Nhà văn hóa ấp Tân Long\n")).unwrap();
    let o = loa(&["import", path, "--format", "visits"], &[]);
    assert_eq!(stderr(&o), "");
    assert_eq!(
        stdout(&o).lines().nth(1),
        Some(",2026-06-29,07:30,11:00,Nhà văn hóa ấp Tân Long,,,,")
    );
}

/// `loa build` of a site with `--now`; its exit code and diagnostics.
fn build_site(site: &Path, out: &Path, now: &str) -> (bool, String) {
    let args = [
        "build",
        "--root",
        site.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--now",
        now,
    ];
    let o = loa(&args, &[]);
    (o.status.success(), stderr(&o))
}

/// The text of an HTML page, without its tags.
fn page_text(out: &Path, rel: &str) -> String {
    let html = read(out, rel);
    let tags = regex::Regex::new(r"<[^>]*>").unwrap();
    tags.replace_all(&html, " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_plans_schedule_is_the_campaigns_visits_until_visits_csv_has_them() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let site = fixture("plan-visits");
    let (ok, err) = build_site(&site, &out, "2026-05-25T08:00:00+07:00");
    assert!(ok, "{err}");
    // The summer plan's period has no row in visits.csv: its schedule is shown, with a warning.
    assert!(err.contains("content/campaigns/hoa-loi-he/plan.txt:42:1: warning[W0602]: the plan's schedule of 3 mobile visits is shown as the campaign's visits"), "{err}");
    assert!(
        err.contains("`loa import content/campaigns/hoa-loi-he/plan.txt --format visits`"),
        "{err}"
    );
    // The autumn plan's period has rows in visits.csv: those are its visits.
    assert!(!err.contains("hoa-loi-thu"), "{err}");
    assert_eq!(err.matches("W0602").count(), 1, "{err}");

    let he = read(&out, "campaigns/hoa-loi-he/index.html");
    // On the campaign's summary, in its list of visits.
    assert!(he.contains("id=visits"), "{he}");
    let text = page_text(&out, "campaigns/hoa-loi-he/index.html");
    for visit in [
        "06/06/2026 · 07:30–11:00 Trường Tiểu học Hòa Lợi A – Ấp Chợ - Trường Tiểu học Hòa Lợi A",
        "14/06/2026 · 07:00–11:00",
        "Ấp Sóc Tro - Chùa Sóc Tro",
        "20/07/2026 · 13:30–17:00",
        "Ấp Ô Chích - Nhà văn hóa ấp",
    ] {
        assert!(text.contains(visit), "{visit}: {text}");
    }
    assert!(
        page_text(&out, "en/campaigns/hoa-loi-he/index.html").contains("6 June 2026 · 07:30–11:00")
    );
    // A place that names a point is that point's visit; the others are the
    // ward's, named by the plan's place, and have no point page.
    let school = page_text(&out, "points/th-hoa-loi-a/index.html");
    assert!(school.contains("06/06/2026 · 07:30–11:00"), "{school}");
    assert!(!school.contains("Ô Chích"), "{school}");
    let ward = page_text(&out, "wards/xa-hoa-loi/index.html");
    assert!(
        ward.contains("Ấp Ô Chích - Nhà văn hóa ấp") && ward.contains("06/06/2026"),
        "{ward}"
    );
    assert!(!page_text(&out, "wards/xa-phu-can/index.html").contains("Ô Chích"));
    assert!(page_text(&out, "schedule/index.html").contains("Ấp Ô Chích - Nhà văn hóa ấp"));
    let ics = read(&out, "campaigns/hoa-loi-he/calendar.ics");
    // The period and the three visits; the target's date is internal.
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 4, "{ics}");
    assert!(ics.contains("Ấp Ô Chích - Nhà văn hóa ấp"), "{ics}");

    // Copied with `loa import --format visits` and given their team, the
    // rows are the site's visits.csv: the team's page lists them and the
    // warning is gone.
    let plan = site.join("content/campaigns/hoa-loi-he/plan.txt");
    let (_, csv) = import(&plan, "visits");
    let copy = copy_fixture("plan-visits");
    let visits = copy.path().join("content/points/visits.csv");
    let mut kept = std::fs::read_to_string(&visits).unwrap();
    for row in csv.lines().skip(1) {
        kept.push_str(&format!("tld-hoa-loi{row}\n"));
    }
    std::fs::write(&visits, kept).unwrap();
    let out = copy.path().join("public");
    let (ok, err) = build_site(copy.path(), &out, "2026-05-25T08:00:00+07:00");
    assert!(ok, "{err}");
    assert!(!err.contains("W0602"), "{err}");
    let team = page_text(&out, "points/tld-hoa-loi/index.html");
    assert!(
        team.contains("Ấp Ô Chích - Nhà văn hóa ấp") && team.contains("14/06/2026 · 07:00–11:00"),
        "{team}"
    );
}

#[test]
fn import_points_offers_the_offices_hours_as_rows_of_a_points_file() {
    let (_, csv) = import(&corpus("phuong-tan-an-sua-doi.md"), "points");
    assert_eq!(
        csv,
        "id,name,kind,district,ward,address,lat,lon,phone,services,hours,notes,accessibility\n\
         ,Công an phường Tân An,fixed,,,,,,,,T2-CN 07:00-20:00,,\n\
         ,Trung tâm Phục vụ hành chính công phường Tân An,fixed,,,,,,,,\"T2-T6 07:30-11:30, 13:30-17:00\",,\n"
    );
    // With an id, a district and a ward, the rows are points whose pages show the hours.
    let site = copy_fixture("plan-visits");
    let filled: String = csv
        .lines()
        .enumerate()
        .map(|(i, l)| match i {
            0 => format!("{l}\n"),
            _ => format!(
                "tan-an-{i}{}\n",
                l.replacen(
                    ",fixed,,,",
                    ",fixed,Thành phố Mẫu,Phường Tân An,Số 2 Lê Lợi",
                    1
                )
            ),
        })
        .collect();
    std::fs::write(site.path().join("content/points/tan-an.csv"), filled).unwrap();
    let out = site.path().join("public");
    let (ok, err) = build_site(site.path(), &out, "2026-05-25T08:00:00+07:00");
    assert!(ok, "{err}");
    assert!(!err.contains("tan-an.csv"), "{err}");
    let office = page_text(&out, "points/tan-an-1/index.html");
    assert!(office.contains("Công an phường Tân An"), "{office}");
    assert!(office.contains("07:00–20:00"), "{office}");
    let centre = page_text(&out, "points/tan-an-2/index.html");
    assert!(centre.contains("13:30–17:00"), "{centre}");
    // A plan that states no hours gives the header alone.
    let (_, csv) = import(&seed("can-tho-60-ngay-dem-2026"), "points");
    assert_eq!(csv.lines().count(), 1, "{csv}");
}

/// Hours a plan gives `trong suốt thời gian thực hiện Kế hoạch` are
/// written for the plan's period: the office's page shows them until the
/// plan ends, and not after.
#[test]
fn import_points_gives_the_plans_period_to_hours_that_hold_during_it() {
    let (_, csv) = import(&corpus("xa-ba-chuc-khmer.md"), "points");
    let row = csv.lines().nth(1).expect("a row");
    assert_eq!(
        row,
        ",Công an xã Ba Chúc,fixed,,,,,,,,T2-CN 07:00-20:00 từ 20/7/2026 đến 30/9/2026,,"
    );
    let site = copy_fixture("plan-visits");
    let filled = format!(
        "{}\nba-chuc{}\n",
        csv.lines().next().unwrap(),
        row.replacen(",fixed,,,", ",fixed,Tỉnh An Giang,Xã Ba Chúc,Ấp An Định", 1)
    );
    std::fs::write(site.path().join("content/points/ba-chuc.csv"), filled).unwrap();
    for (now, shown) in [
        ("2026-08-01T08:00:00+07:00", true),
        ("2026-10-01T08:00:00+07:00", false),
    ] {
        let out = site.path().join(format!("public-{}", &now[..10]));
        let (ok, err) = build_site(site.path(), &out, now);
        assert!(ok && !err.contains("ba-chuc.csv"), "{err}");
        let office = page_text(&out, "points/ba-chuc/index.html");
        assert_eq!(
            office.contains("Thứ Hai – Chủ nhật: 07:00–20:00 (đến hết 30/09/2026)"),
            shown,
            "{now}: {office}"
        );
    }
}
