//! The command-line contract: `new`, `check`, usage errors and exit codes.

mod common;

use common::*;

#[test]
fn new_site_builds_with_nothing_around_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("phuong-moi");
    let o = loa(&["new", dir.to_str().unwrap()], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.join("content/site.yaml").is_file());
    assert!(dir.join("content/slogans.yaml").is_file());
    // Build from inside the new folder, as staff would.
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_loa"))
        .arg("build")
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    for rel in [
        "index.html",
        "campaigns/vi-du-2026/index.html",
        "guides/kich-hoat-tai-khoan-muc-2/index.html",
        "en/index.html",
        "slogans/index.html",
        "css/loa.css",
    ] {
        assert!(dir.join("public").join(rel).is_file(), "missing {rel}");
    }
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
    // translation report, 3 posters (2 slogans, 1 campaign) and the search
    // page in 3 languages.
    assert!(stdout(&o).starts_with("Đã dựng 43 trang"), "{}", stdout(&o));
}
