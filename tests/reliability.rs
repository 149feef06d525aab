//! Issue 19, second round: what careless or hostile input did silently —
//! dates of a plan that vanished, misnamed pages published raw — is now
//! read or reported at its line.

mod common;

use common::*;

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
    let (code, err) = check_in(site.path(), "C.UTF-8");
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
    let (_, err) = check_in(site.path(), "vi_VN.UTF-8");
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
    let (code, err) = check_in(site.path(), "C.UTF-8");
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

/// Runs `loa build` on `root` into `root/out`, and says how many seconds
/// of processor time it took (user and system, as POSIX `times` reports
/// them): the machine may be busy, the time a build needs is not.
fn timed_build(root: &std::path::Path) -> (Option<i32>, String, f64) {
    let out = root.join("out");
    let script = "\"$0\" build --root \"$1\" --output \"$2\" --now 2026-06-10; code=$?; times >&2; exit $code";
    let o = std::process::Command::new("sh")
        .args(["-c", script, env!("CARGO_BIN_EXE_loa")])
        .arg(root)
        .arg(&out)
        .env("XDG_CACHE_HOME", tests_cache())
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    let err = stderr(&o);
    // The last line is the children's: `0m6.896s 0m0.085s`.
    let seconds = err
        .lines()
        .last()
        .unwrap_or("")
        .split_whitespace()
        .map(|t| {
            let (m, s) = t.trim_end_matches('s').split_once('m').unwrap();
            m.parse::<f64>().unwrap() * 60.0 + s.parse::<f64>().unwrap()
        })
        .sum();
    (o.status.code(), err, seconds)
}

// Each took minutes of processor time before (quadratic or worse); a debug
// build of the fixture takes a few seconds.
const HOSTILE_BOUND: f64 = 30.0;

#[test]
fn hostile_input_costs_linear_time_or_a_located_error() {
    let site = copy_fixture("basic");
    let index = site.path().join("content/campaigns/dot-cao-diem/index.md");
    let text = std::fs::read_to_string(&index).unwrap();
    let long = format!("title: {}", "Đườngphố".repeat(375));
    std::fs::write(
        &index,
        text.replacen("title: \"Đợt cao điểm cấp căn cước\"", &long, 1),
    )
    .unwrap();
    let (code, err, took) = timed_build(site.path());
    assert_eq!(code, Some(0), "{err}");
    assert!(
        took < HOSTILE_BOUND,
        "a long word on a share image: {took:?}"
    );

    let guides = site.path().join("content/guides");
    let deep = format!("{}x{}", "<div>".repeat(50_000), "</div>".repeat(50_000));
    std::fs::write(
        guides.join("sau.md"),
        format!("---\ntitle: Sâu\ndescription: Thử.\n---\nMở đầu.\n\n{deep}\n"),
    )
    .unwrap();
    let brackets = format!("{}{}", "[".repeat(40_000), "]".repeat(40_000));
    std::fs::write(
        guides.join("ngoac.md"),
        format!("---\ntitle: Ngoặc\ndescription: Thử.\nextra:\n  a: {brackets}\n---\nx\n"),
    )
    .unwrap();
    let (code, err, took) = timed_build(site.path());
    assert_eq!(code, Some(1), "{err}");
    assert!(took < HOSTILE_BOUND, "deep HTML and YAML: {took} s");
    assert!(
        err.contains("content/guides/sau.md:7:1: error[E0406]: the HTML in this page has more than 256 elements open at once"),
        "{err}"
    );
    assert!(
        err.contains(
            "content/guides/ngoac.md:5:134: error[E0101]: malformed YAML: recursion limit exceeded"
        ),
        "{err}"
    );
}
