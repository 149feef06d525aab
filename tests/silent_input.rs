//! Issue 19, item 12: input that was accepted silently — an empty or
//! folder-shaped plan, NUL bytes, an offset no place has, a slug that is a
//! path, hours that overlap — is now reported at its place.

mod common;

use common::*;

const PLAN: &str = "content/campaigns/dot-cao-diem/plan.txt";

#[test]
fn an_empty_plan_is_a_warning_naming_the_file() {
    for text in ["", "  \n\t\r\n\n"] {
        let site = copy_fixture("basic");
        std::fs::write(site.path().join(PLAN), text).unwrap();
        let (code, err) = check_in(site.path(), "C.UTF-8");
        assert_eq!(code, Some(0), "{err}");
        has(
            &err,
            &format!(
                "{PLAN}:1:1: warning[W0614]: the plan file is empty: the campaign has no plan text"
            ),
        );
        let (_, err) = check_in(site.path(), "vi_VN.UTF-8");
        has(
            &err,
            &format!("{PLAN}:1:1: cảnh báo[W0614]: tệp kế hoạch trống"),
        );
    }
}

#[test]
fn a_plan_that_is_a_folder_is_an_error_naming_it() {
    let site = copy_fixture("basic");
    let plan = site.path().join(PLAN);
    std::fs::remove_file(&plan).unwrap();
    std::fs::create_dir(&plan).unwrap();
    std::fs::write(plan.join("ke-hoach.txt"), "KẾ HOẠCH\n").unwrap();
    let docx = site.path().join("content/campaigns/dot-cao-diem/plan.docx");
    std::fs::create_dir(&docx).unwrap();
    let (code, err) = check_in(site.path(), "C.UTF-8");
    assert_eq!(code, Some(1), "{err}");
    has(
        &err,
        &format!("{PLAN}:1:1: error[E0615]: `plan.txt` is a folder, not a plan file"),
    );
    has(
        &err,
        "content/campaigns/dot-cao-diem/plan.docx:1:1: error[E0615]: `plan.docx` is a folder",
    );
    // A folder of another name beside a campaign is its business.
    std::fs::remove_dir_all(&plan).unwrap();
    std::fs::remove_dir_all(&docx).unwrap();
    std::fs::create_dir(site.path().join("content/campaigns/dot-cao-diem/anh")).unwrap();
    let (_, err) = check_in(site.path(), "C.UTF-8");
    assert!(!err.contains("E0615"), "{err}");
}

#[test]
fn nul_bytes_are_an_error_at_the_first() {
    let site = copy_fixture("basic");
    let c = site.path().join("content");
    // A page: line 7, after `Có `.
    std::fs::write(
        c.join("guides/bao-ve-otp.md"),
        "---\ntitle: OTP\ndescription: Thu.\n---\n\nDòng một.\nCó \0 NUL.\n\0\n",
    )
    .unwrap();
    // The plan: UTF-8 text, then the same pasted as UTF-16 (no BOM).
    let mut plan = b"KE HOACH\n".to_vec();
    for b in b"Tong ket ngay 30/6/2026\n" {
        plan.extend([*b, 0]);
    }
    assert_eq!(plan.len() % 2, 1, "not UTF-16 as a whole");
    std::fs::write(site.path().join(PLAN), plan).unwrap();
    std::fs::write(
        c.join("slogans.yaml"),
        b"- text: \"Ch\0ung tay\"\n".as_slice(),
    )
    .unwrap();
    let (code, err) = check_in(site.path(), "C.UTF-8");
    assert_eq!(code, Some(1), "{err}");
    has(
        &err,
        "content/guides/bao-ve-otp.md:7:4: error[E0322]: the file has a NUL byte (0x00) here, which no text has: it was probably saved by a program that is not a text editor",
    );
    has(&err, "fix: open it in a text editor");
    // Read as UTF-16 from the first KB, and broken where the UTF-8 ends.
    has(
        &err,
        &format!("{PLAN}:2:1: error[E0305]: the file is saved as UTF-16 (Unicode), not UTF-8"),
    );
    // One error a file: no follow-on link error to the slogans' page.
    assert!(!err.contains("E0401"), "{err}");
    has(&err, "content/slogans.yaml:1:12: error[E0322]");
    // One error a file: the NUL on line 8 is not another.
    assert_eq!(err.matches("bao-ve-otp.md:8:").count(), 0, "{err}");
    let (_, err) = check_in(site.path(), "vi_VN.UTF-8");
    has(
        &err,
        "content/guides/bao-ve-otp.md:7:4: lỗi[E0322]: tệp có byte NUL (0x00) ở đây",
    );
}

#[test]
fn nul_bytes_in_a_table_of_points_are_an_error_at_their_line() {
    let site = points_site(
        "title: Xã\nbase_url: https://x.gov.vn/\n",
        &[(
            "xa.csv",
            b"id,name,kind,district,ward,address\nca-a,C\0A,fixed,H,X,So 1\n".as_slice(),
        )],
    );
    let (code, err) = check_in(site.path(), "C.UTF-8");
    assert_eq!(code, Some(1), "{err}");
    has(&err, "content/points/xa.csv:2:7: error[E0322]");
}

#[test]
fn offsets_no_place_has_are_errors_at_their_line() {
    let site = copy_fixture("basic");
    let page = site.path().join("content/guides/bao-ve-otp.md");
    let write = |date: &str| {
        std::fs::write(
            &page,
            format!("---\ntitle: OTP\ndescription: Thu.\ndate: {date}\n---\nA.\n"),
        )
        .unwrap();
    };
    for bad in [
        "2026-05-02T08:00:00+25:00",
        "2026-05-02T08:00:00-14:30",
        "2026-05-02T08:00:00+07:60",
        "2026-05-02 08:00+15:00",
        "2026-05-02T08:00:00+2500",
    ] {
        write(bad);
        let (code, err) = check_in(site.path(), "C.UTF-8");
        assert_eq!(code, Some(1), "{bad}: {err}");
        has(
            &err,
            &format!("content/guides/bao-ve-otp.md:4:7: error[E0118]: `date: {bad}` has a time-zone offset that no place has"),
        );
    }
    for good in [
        "2026-05-02T08:00:00+14:00",
        "2026-05-02T08:00:00-12:00",
        "2026-05-02T08:00:00+05:45",
        "2026-05-02T08:00:00Z",
        "2026-05-02 08:00",
        "2026-05-02",
    ] {
        write(good);
        let (code, err) = check_in(site.path(), "C.UTF-8");
        assert_eq!(code, Some(0), "{good}: {err}");
        assert!(!err.contains("E0118"), "{good}: {err}");
    }
    write("2026-05-02T08:00:00+25:00");
    let (_, err) = check_in(site.path(), "vi_VN.UTF-8");
    has(
        &err,
        "lỗi[E0118]: `date: 2026-05-02T08:00:00+25:00` có độ lệch múi giờ",
    );
}

#[test]
fn a_slug_that_is_a_path_is_an_error_at_its_line() {
    let site = copy_fixture("basic");
    let page = site.path().join("content/guides/bao-ve-otp.md");
    for slug in ["\"..\"", "\".\"", "a/b", "../../etc", "'a\\b'"] {
        std::fs::write(
            &page,
            format!("---\ntitle: OTP\ndescription: Thu.\nslug: {slug}\n---\nA.\n"),
        )
        .unwrap();
        let (code, err) = check_in(site.path(), "C.UTF-8");
        assert_eq!(code, Some(1), "{slug}: {err}");
        has(
            &err,
            "content/guides/bao-ve-otp.md:4:7: error[E0323]: `slug: ",
        );
        has(&err, "is not one part of an address");
    }
    std::fs::write(
        &page,
        "---\ntitle: OTP\ndescription: Thu.\nslug: bao-ve-ma-otp\n---\nA.\n",
    )
    .unwrap();
    let (code, err) = check_in(site.path(), "C.UTF-8");
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn overlapping_hours_of_one_point_are_a_warning_at_the_cell() {
    let header = "id,name,kind,district,ward,address,hours\n";
    let csv = format!(
        "{header}ca-a,Công an A,fixed,H,X,Số 1,\"T2-T6 7:30-11:30, 10:00-17:00\"\n\
         ca-b,Công an B,fixed,H,X,Số 2,\"T2-CN 07:30-11:30, 13:30-17:00; T7 07:30-11:30\"\n\
         ca-c,Công an C,fixed,H,X,Số 3,\"T2-T6 13:30-17:00, 07:30-11:30; T7 8:00-12:00, 11:00-11:30\"\n"
    );
    let site = points_site(
        "title: Xã\nbase_url: https://x.gov.vn/\n",
        &[("xa.csv", csv.as_bytes())],
    );
    let (code, err) = check_in(site.path(), "C.UTF-8");
    assert_eq!(code, Some(0), "{err}");
    has(
        &err,
        "content/points/xa.csv:2:32: warning[W0819]: on `T2-T6` the hours `07:30-11:30` and `10:00-17:00` overlap",
    );
    has(
        &err,
        "warning[W0819]: on `T7` the hours `08:00-12:00` and `11:00-11:30` overlap",
    );
    assert_eq!(err.matches("W0819").count(), 2, "{err}");
    let (_, err) = check_in(site.path(), "vi_VN.UTF-8");
    has(
        &err,
        "cảnh báo[W0819]: vào `T2-T6` khung giờ `07:30-11:30` và `10:00-17:00` chồng lên nhau",
    );
}
