//! The command-line contract: `new`, `check`, usage errors and exit codes.

mod common;

use common::*;

#[test]
fn new_site_builds_with_nothing_around_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("phuong-moi");
    let o = loa(&["new", dir.to_str().unwrap()], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("README-vi.txt"), "{}", stdout(&o));
    for rel in [
        "README-vi.txt",
        "content/site.yaml",
        "content/slogans.yaml",
        "content/campaigns/cao-diem-can-cuoc-2027/plan.txt",
        "content/points/points.csv",
        "content/points/visits.csv",
        "content/outreach/loa-phat-thanh-can-cuoc.md",
        "content/outreach/loa-phat-thanh-can-cuoc.km.md",
    ] {
        assert!(dir.join(rel).is_file(), "missing {rel}");
    }
    // Build from inside the new folder, as staff would, during the campaign.
    let o = loa_command()
        .args(["build", "--now", "2027-01-12T09:00:00+07:00"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        !stderr(&o).contains("warning") && !stdout(&o).contains("warning"),
        "{}{}",
        stdout(&o),
        stderr(&o)
    );
    let out = dir.join("public");
    for rel in [
        "index.html",
        "campaigns/cao-diem-can-cuoc-2027/index.html",
        "campaigns/cao-diem-can-cuoc-2027/plan/index.html",
        "campaigns/cao-diem-can-cuoc-2027/plan.txt",
        "points/ca-tan-my/index.html",
        "points/tld-tan-my/index.html",
        "schedule/2027-01/index.html",
        "guides/kich-hoat-tai-khoan-muc-2/index.html",
        "en/guides/kich-hoat-tai-khoan-muc-2/index.html",
        "km/guides/kich-hoat-tai-khoan-muc-2/index.html",
        "slogans/index.html",
        "posters/vi-giay-to-dien-tu/index.html",
        "outreach/index.html",
        "outreach/loa-phat-thanh-can-cuoc/index.html",
        "outreach/loa-phat-thanh-can-cuoc/print/index.html",
        "km/outreach/loa-phat-thanh-can-cuoc/index.html",
        "css/loa.css",
    ] {
        assert!(out.join(rel).is_file(), "missing {rel}");
    }
    // The campaign is read from its plan: its title on the summary; the
    // deadlines and the table on the plan's page.
    let campaign = read(&out, "campaigns/cao-diem-can-cuoc-2027/index.html");
    assert!(campaign
        .contains("<h1>Cao điểm cấp căn cước và kích hoạt tài khoản định danh điện tử mức 2"));
    let plan = read(&out, "campaigns/cao-diem-can-cuoc-2027/plan/index.html");
    assert!(plan.contains("<time datetime=2027-01-15>15/01/2027</time>"));
    assert!(plan.contains("<th scope=row>Khu phố 1</th>"));
    // The mobile team's visits are on its page and in the month's schedule.
    for rel in [
        "points/tld-tan-my/index.html",
        "schedule/2027-01/index.html",
    ] {
        assert!(read(&out, rel).contains("Nhà văn hóa khu phố 1"), "{rel}");
    }
    let km = read(&out, "km/guides/kich-hoat-tai-khoan-muc-2/index.html");
    assert!(km.contains("<h1>ការបើកដំណើរការគណនីអត្តសញ្ញាណអេឡិចត្រូនិកកម្រិត 2"));
    // The loudspeaker script, and its print view with both languages.
    let print = read(&out, "outreach/loa-phat-thanh-can-cuoc/print/index.html");
    assert!(
        print.contains("Kính thưa bà con nhân dân phường Tân Mỹ!"),
        "{print}"
    );
    assert!(print.contains("សូមគោរពបងប្អូនប្រជាពលរដ្ឋសង្កាត់ Tân Mỹ!"), "{print}");
    let en = read(&out, "en/slogans/index.html");
    assert!(en.contains("a convenient, safe, modern e-wallet"), "{en}");
}

#[test]
fn new_refuses_a_folder_with_files() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("x.txt"), "keep me").unwrap();
    let o = loa(&["new", tmp.path().to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not empty"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("x.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn check_writes_nothing() {
    let site = copy_fixture("basic");
    let o = loa(&["check", "--root", site.path().to_str().unwrap()], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("No errors"), "{}", stdout(&o));
    let entries: Vec<String> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(entries, vec!["content".to_string()]);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        loa(&["build", "--no-such-flag"], &[]).status.code(),
        Some(2)
    );
    assert_eq!(loa(&["frobnicate"], &[]).status.code(), Some(2));
    assert_eq!(
        loa(&["check", "--format", "xml"], &[]).status.code(),
        Some(2)
    );
    assert_eq!(loa(&[], &[]).status.code(), Some(2));
}

#[test]
fn output_may_not_replace_the_sources() {
    let site = copy_fixture("basic");
    let root = site.path().to_str().unwrap();
    for output in [
        site.path().join("content"),
        site.path().join("content/x"),
        site.path().to_path_buf(),
    ] {
        let o = loa(
            &[
                "build",
                "--root",
                root,
                "--output",
                output.to_str().unwrap(),
            ],
            &[],
        );
        assert_eq!(o.status.code(), Some(2), "{}", output.display());
    }
    assert!(site.path().join("content/site.yaml").is_file());
}

#[test]
fn build_reports_what_it_wrote() {
    let site = copy_fixture("basic");
    let o = loa(
        &["build", "--root", site.path().to_str().unwrap()],
        &[("LANG", "vi_VN.UTF-8")],
    );
    assert!(o.status.success());
    // 8 content pages, the slogans and the schedule in 3 languages, the
    // translation report, 3 posters (2 slogans, 1 campaign), the search
    // page and the campaign's plan page in 3 languages.
    assert!(stdout(&o).starts_with("Đã dựng 46 trang"), "{}", stdout(&o));
}

#[test]
fn usage_and_help_in_vietnamese() {
    let vi = [("LANG", "vi_VN.UTF-8")];
    let o = loa(&["--help"], &vi);
    assert!(o.status.success());
    let help = stdout(&o);
    assert!(
        help.contains("Cách dùng: loa <LỆNH>") && help.contains("Lệnh:"),
        "{help}"
    );
    assert!(!help.contains("Usage"), "{help}");
    let o = loa(&["help", "build"], &vi);
    assert!(o.status.success());
    assert!(
        stdout(&o).contains("Dựng trang web vào thư mục đầu ra"),
        "{}",
        stdout(&o)
    );
    let o = loa(&["build", "--outptu", "x"], &vi);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("lỗi: không có tùy chọn `--outptu`"), "{err}");
    assert!(err.contains("có phải bạn muốn viết `--output`?"), "{err}");
    assert!(err.contains("Xem thêm: loa build --help"), "{err}");
    let o = loa(&["check", "--format", "xml"], &vi);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("các giá trị dùng được: text, json"),
        "{}",
        stderr(&o)
    );
    let o = loa(&["serve", "--port", "một"], &vi);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("`một` không phải số cổng"),
        "{}",
        stderr(&o)
    );
    assert_eq!(loa(&["help", "dung"], &vi).status.code(), Some(2));
    assert_eq!(loa(&["dung"], &vi).status.code(), Some(2));
    // English elsewhere, clap's own.
    let o = loa(&["build", "--outptu", "x"], &[("LANG", "en_US.UTF-8")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unexpected argument '--outptu'"),
        "{}",
        stderr(&o)
    );
}
