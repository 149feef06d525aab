//! Issue 19, second round: what careless or hostile input did silently —
//! dates of a plan that vanished, misnamed pages published raw — is now
//! read or reported at its line.

mod common;

use common::*;

fn check(root: &std::path::Path, lang: &str) -> (Option<i32>, String) {
    let o = loa(
        &[
            "check",
            "--root",
            root.to_str().unwrap(),
            "--now",
            "2026-06-10",
        ],
        &[("LANG", lang)],
    );
    (o.status.code(), stderr(&o))
}

#[test]
fn plan_dates_that_do_not_exist_are_warnings_at_their_line() {
    let site = copy_fixture("basic");
    let plan = site.path().join("content/campaigns/dot-cao-diem/plan.txt");
    std::fs::write(
        &plan,
        "KẾ HOẠCH\nMở đợt cao điểm\nCần Thơ, ngày 2 tháng 6 năm 2026\n\
         I. NHIỆM VỤ\n1. Công an xã hoàn thành trước ngày 31/6/2026.\n\
         2. Trường học báo cáo trước ngày 29/2/2026.\n3. Phụ huynh đăng ký trước ngày 30/06/26.\n\
         4. Tổng kết trước ngày 15/7/2062.\n",
    )
    .unwrap();
    let (code, err) = check(site.path(), "C.UTF-8");
    assert_eq!(code, Some(0), "{err}");
    let at = "content/campaigns/dot-cao-diem/plan.txt";
    for expected in [
        format!("{at}:5:37: warning[W0611]: the date `31/6/2026` does not exist (that month has 30 days)"),
        format!("{at}:6:34: warning[W0611]: the date `29/2/2026` does not exist (that month has 28 days)"),
        format!("{at}:7:33: warning[W0612]: the date `30/06/26` has a two-digit year"),
        format!("{at}:8:24: warning[W0613]: the date `15/7/2062` is in 2062, far after the plan's year 2026"),
    ] {
        assert!(err.contains(&expected), "{expected}\n{err}");
    }
    let (_, err) = check(site.path(), "vi_VN.UTF-8");
    assert!(
        err.contains(&format!(
            "{at}:5:37: cảnh báo[W0611]: ngày `31/6/2026` không có thật (tháng đó có 30 ngày)"
        )),
        "{err}"
    );
}

#[test]
fn misnamed_pages_are_read_or_reported_never_published_raw() {
    let site = copy_fixture("basic");
    let guides = site.path().join("content/guides");
    let page = |title: &str| {
        format!("---\ntitle: {title}\ndescription: Thử.\ndraft: true\n---\nNội dung.\n")
    };
    std::fs::write(guides.join("hoa.MD"), page("Chữ hoa")).unwrap();
    std::fs::write(guides.join("dai.markdown"), page("Đuôi dài")).unwrap();
    std::fs::write(guides.join("notepad.md.txt"), page("Notepad")).unwrap();
    std::fs::write(guides.join("kich-hoat.EN.md"), page("Activation")).unwrap();
    std::fs::remove_file(guides.join("kich-hoat.en.md")).unwrap();
    let (code, err) = check(site.path(), "C.UTF-8");
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("content/guides/notepad.md.txt:1:1: warning[W0116]: this looks like the page `notepad.md` saved with `.txt` added"),
        "{err}"
    );

    let out = site.path().join("out");
    let o = loa(
        &[
            "build",
            "--root",
            site.path().to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
            "--drafts",
            "--now",
            "2026-06-10",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for page in [
        "guides/hoa/index.html",
        "guides/dai/index.html",
        "en/guides/kich-hoat/index.html",
    ] {
        assert!(out.join(page).is_file(), "{page} missing");
    }
    let english = std::fs::read_to_string(out.join("en/guides/kich-hoat/index.html")).unwrap();
    assert!(english.contains("Activation"));
    for raw in [
        "guides/hoa.MD",
        "guides/dai.markdown",
        "guides/notepad.md.txt",
        "guides/kich-hoat-en",
    ] {
        assert!(!out.join(raw).exists(), "{raw} published");
    }
}
