//! Points and visits as staff keep them in Excel and LibreOffice: workbooks
//! made by `tests/fixtures/sheets/make.py` (openpyxl, installed by
//! `tests/run.sh`), read with their number, date and time cells, every
//! problem at its sheet and cell; files loa cannot read are warned about.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

const NOW: &str = "2026-06-10T09:00:00+07:00";

/// The workbooks of `make.py`, made once per test into `dir`.
fn workbooks(dir: &Path) -> PathBuf {
    let out = dir.join("workbooks");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sheets/make.py");
    let made = Command::new("python3").arg(&script).arg(&out).output();
    match made {
        Ok(o) if o.status.success() => out,
        Ok(o) => panic!(
            "{} failed (pip install openpyxl):\n{}",
            script.display(),
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => panic!("python3: {e}"),
    }
}

/// A site with two languages whose `points/` holds `files`.
fn site(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    points_site(
        "title: Xã Tân Lợi\nbase_url: https://portal.example.gov.vn/vneid/\nlanguages: [vi, en]\n",
        files,
    )
}

fn check(root: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["check", "--root", root.to_str().unwrap(), "--now", NOW];
    args.extend_from_slice(extra);
    loa(&args, &[])
}

/// A site whose points file is the suite's workbook `book`, as
/// `points.xlsx` (or `.xls`, as the book is).
fn workbook_site(book: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(workbooks(tmp.path()).join(book)).unwrap();
    let ext = Path::new(book).extension().unwrap().to_str().unwrap();
    site(&[(&format!("points.{ext}"), &bytes)])
}

#[test]
fn a_workbook_with_points_and_visits_sheets_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let books = workbooks(tmp.path());
    let xlsx = std::fs::read(books.join("points.xlsx")).unwrap();
    let ods = std::fs::read(books.join("visits.ods")).unwrap();
    let dir = site(&[
        ("points.xlsx", &xlsx),
        ("visits.ods", &ods),
        ("~$points.xlsx", b"lock"),
    ]);
    let out = dir.path().join("public");
    let o = build_at(dir.path(), &out, NOW, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    // A phone stored as a number gets its 0 (or +) back, with a warning at its cell.
    assert_eq!(
        err.lines().filter(|l| l.contains("warning")).collect::<Vec<_>>(),
        [
            "content/points/points.xlsx[Điểm]!I2 (phone): warning[W0818]: the phone number is stored as the number 901234567, without its leading `0` or `+`; read as `0901234567`",
            "content/points/points.xlsx[Điểm]!I3 (phone): warning[W0818]: the phone number is stored as the number 84292382001, without its leading `0` or `+`; read as `+84292382001`",
        ],
        "the lock file and the sheet \"Hướng dẫn\" are left alone:\n{err}"
    );
    let office = read(&out, "points/ca-tan-loi/index.html");
    assert!(office.contains("0901234567"), "{office}");
    assert!(
        office.contains("10.03342,105.78771"),
        "coordinates as numbers"
    );
    // Dates and times as cells, a date as Vietnamese text, a date with a time.
    let calendar = read(&out, "calendar.ics");
    for (uid, end) in [
        ("2026-06-15-0730", "20260615T040000Z"),
        ("2026-06-16-1330", "20260616T100000Z"),
        ("2026-06-17-0730", "20260617T024500Z"),
        ("2026-07-01-0800", "20260701T033000Z"),
    ] {
        let at = calendar
            .find(&format!("UID:visit-tld-tan-loi-{uid}@"))
            .unwrap_or_else(|| panic!("visit {uid} missing:\n{calendar}"));
        let event = &calendar[at..at + calendar[at..].find("END:VEVENT").unwrap()];
        assert!(event.contains(&format!("DTEND:{end}")), "{event}");
    }
    assert!(calendar.contains("Có phiên dịch tiếng Khmer"));
}

#[test]
fn a_problem_in_a_workbook_is_at_its_sheet_and_cell() {
    let dir = workbook_site("errors.xlsx");
    let o = check(dir.path(), &[]);
    assert_eq!(o.status.code(), Some(1));
    // The visit of the team whose row has an error is no second error.
    assert_eq!(
        stderr(&o),
        "content/points/points.xlsx[Điểm]!B4 (name): error[E0817]: the cell shows Excel's error `#REF!`, not a value\n  \
         = fix: correct the formula of this cell, or type the value itself\n\
         content/points/points.xlsx[Điểm]!K5 (hours): error[E0808]: `T8` is not a day\n  \
         = fix: write hours like `T2-CN 07:30-11:30, 13:30-17:00; T7 07:30-11:30` (T2 = Monday … CN = Sunday)\n\
         2 errors.\n"
    );
    let vi = loa(
        &[
            "check",
            "--root",
            dir.path().to_str().unwrap(),
            "--now",
            NOW,
        ],
        &[("LANG", "vi_VN.UTF-8")],
    );
    assert!(
        stderr(&vi).contains(
            "content/points/points.xlsx[Điểm]!K5 (hours): lỗi[E0808]: `T8` không phải là ngày"
        ),
        "{}",
        stderr(&vi)
    );
    let json = check(dir.path(), &["--format", "json"]);
    let found: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let hours = &found["diagnostics"][1];
    assert_eq!(
        (&hours["path"], &hours["line"], &hours["column"]),
        (&"content/points/points.xlsx".into(), &5.into(), &11.into())
    );
    assert_eq!(
        (&hours["sheet"], &hours["cell"], &hours["header"]),
        (&"Điểm".into(), &"K5".into(), &"hours".into())
    );
}

#[test]
fn files_loa_cannot_read_are_warned_about() {
    let dir = site(&[
        ("ds.docx", b"PK"),
        ("points.numbers", b"PK"),
        ("diem.txt", b"id\tname"),
        ("Thumbs.db", b""),
        (".~lock.diem.ods#", b""),
    ]);
    let o = check(dir.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "content/points/diem.txt:1:1: warning[W0815]: loa cannot read `.txt` files: this file is left out\n  \
         = fix: a `.txt` table is read when saved from Excel as \"Unicode Text\": save it again that way, or as \"CSV UTF-8\"; keep notes out of `points/`; loa reads points and visits from .csv, .xlsx, .xls, .ods and .yaml files\n\
         content/points/ds.docx:1:1: warning[W0815]: loa cannot read `.docx` files: this file is left out\n  \
         = fix: save the table from Excel as Excel Workbook (*.xlsx) or \"CSV UTF-8\", or move this file out of `points/`; loa reads points and visits from .csv, .xlsx, .xls, .ods and .yaml files\n\
         content/points/points.numbers:1:1: warning[W0815]: loa cannot read `.numbers` files: this file is left out\n  \
         = fix: in Numbers: File → Export To → Excel; loa reads points and visits from .csv, .xlsx, .xls, .ods and .yaml files\n"
    );
}

#[test]
fn a_workbook_open_in_excel_says_so_and_its_visits_are_no_second_error() {
    let visits = "point_id,date,start,end,place\ntld-a,2026-06-15,07:30,11:00,Chợ\n";
    let dir = site(&[
        ("points.xlsx", b"PK\x03\x04 half saved"),
        ("~$points.xlsx", b"lock"),
        ("visits.csv", visits.as_bytes()),
    ]);
    let o = check(dir.path(), &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with(
            "content/points/points.xlsx:1:1: error[E0816]: the workbook cannot be read: "
        ),
        "{err}"
    );
    assert!(err.contains("= fix: it is open in Excel (a `~$` file is beside it): close it in Excel, then run loa again\n1 error.\n"), "{err}");
    assert!(
        !err.contains("E0810"),
        "no follow-on \"no point with id\": {err}"
    );
}

#[test]
fn services_separated_by_commas_without_quotes() {
    let points = "id,name,kind,district,ward,services\ntld-a,Tổ A,mobile,Q,P,cccd,level2,child\n\
                  tld-b,Tổ B,mobile,Q,P,cccd;level2 child\ntld-c,Tổ C,mobile,Q,P,cccd,x,child\n";
    let dir = site(&[("points.csv", points.as_bytes())]);
    let o = check(dir.path(), &[]);
    assert_eq!(
        stderr(&o),
        "content/points/points.csv:4:1: error[E0804]: this row has 8 values but the header has 6 columns\n  \
         = fix: check for a missing value or a comma inside a value that needs quotes\n1 error.\n",
        "only the row whose extra values are not services"
    );
}

#[test]
fn a_title_above_the_header_is_skipped_with_one_note() {
    let dir = workbook_site("titled.xlsx");
    let o = check(dir.path(), &[]);
    assert_eq!(o.status.code(), Some(1));
    // The title row and the empty row: one warning; the cell below keeps its row.
    assert_eq!(
        stderr(&o),
        "content/points/points.xlsx[Điểm]!A1: warning[W0820]: rows 1–2 above the header (row 3) are left out\n  \
         = fix: the title is not read: the column names (`id`, `name` …) are read from the first row that holds them\n\
         content/points/points.xlsx[Điểm]!K5 (hours): error[E0808]: `T8` is not a day\n  \
         = fix: write hours like `T2-CN 07:30-11:30, 13:30-17:00; T7 07:30-11:30` (T2 = Monday … CN = Sunday)\n\
         1 error.\n"
    );

    // The same in a CSV saved from that sheet, and visits with a title.
    let points = "DANH SÁCH ĐIỂM ĐĂNG KÝ,,,,,,\n,,,,,,\nid,name,kind,district,ward,address,hours\n\
                  ca-a,Công an A,fixed,Q,P,Ấp 1,T2-T6 07:30-11:30\nca-d,Công an D,fixed,Q,P,Ấp 4,T8 07:30-11:30\n\
                  tld-b,Tổ B,mobile,Q,P,,\n";
    let visits = "Lịch lưu động tháng 6;;;;\npoint_id;date;start;end;place\n\
                  tld-b;2026-06-15;07:30;11:00;Chợ\ntld-x;2026-06-16;07:30;11:00;Chùa\n";
    let dir = site(&[
        ("points.csv", points.as_bytes()),
        ("visits.csv", visits.as_bytes()),
    ]);
    let o = check(dir.path(), &[]);
    let err = stderr(&o);
    has(
        &err,
        "content/points/points.csv:1:1: warning[W0820]: rows 1–2 above the header (row 3) are left out",
    );
    has(
        &err,
        "content/points/visits.csv:1:1: warning[W0820]: row 1 above the header (row 2) is left out",
    );
    has(&err, "content/points/points.csv:5:31: error[E0808]");
    has(&err, "content/points/visits.csv:4:1: error[E0810]");
    assert!(
        err.ends_with("\n2 errors.\n"),
        "no error for the titles:\n{err}"
    );
}

/// Points that cannot be read are one error each, never a broken link
/// too in the pages that link to the list of points or to a point.
#[test]
fn unreadable_points_are_no_broken_links_elsewhere() {
    let header = "id,name,kind,district,ward,address\n";
    let all_wrong = format!("{header}ca-a,Công an A,fixd,Q,P,Ấp 1\nca-b,Công an B,fixed,Q,P,\n");
    // "東京" in Shift-JIS: not UTF-8, not Vietnamese in any encoding.
    let mut shift_jis = header.as_bytes().to_vec();
    shift_jis.extend_from_slice(b"ca-a,\x93\x8c\x8b\x9e,fixed,Q,P,\x93\x8c\n");
    let cases: [(&str, &[u8], &str); 3] = [
        ("points.xlsx", b"PK\x03\x04 cut off while copying", "E0816"),
        ("points.csv", &shift_jis, "E0305"),
        ("points.csv", all_wrong.as_bytes(), "E0806"),
    ];
    for (name, bytes, code) in cases {
        let dir = site(&[(name, bytes)]);
        std::fs::write(
            dir.path().join("content/_index.md"),
            "---\ntitle: Trang chủ\n---\nXem [các điểm](/points/) và [Công an A](/points/ca-a/).\n",
        )
        .unwrap();
        let o = check(dir.path(), &[]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{err}");
        has(&err, &format!("content/points/{name}"));
        has(&err, &format!("error[{code}]"));
        assert!(!err.contains("E0401"), "no broken link for {name}:\n{err}");
    }
    // Points read: a link to a point that does not exist is still reported.
    let fine = format!("{header}tld-b,Tổ B,mobile,Q,P,\n");
    let dir = site(&[("points.csv", fine.as_bytes())]);
    std::fs::write(
        dir.path().join("content/_index.md"),
        "---\ntitle: Trang chủ\n---\nXem [Công an A](/points/ca-a/).\n",
    )
    .unwrap();
    let err = stderr(&check(dir.path(), &[]));
    has(
        &err,
        "content/_index.md:4:17: error[E0401]: link to `/points/ca-a/`",
    );
}

#[test]
fn an_excel_97_workbook_is_read_like_an_xlsx() {
    let dir = workbook_site("points.xls");
    let out = dir.path().join("public");
    let o = build_at(dir.path(), &out, NOW, &[]);
    assert_eq!((o.status.code(), stderr(&o).as_str()), (Some(0), ""));
    let office = read(&out, "points/ca-phu-my/index.html");
    assert!(office.contains("Công an xã Phú Mỹ"), "{office}");
    assert!(
        office.contains("10.41234,105.61234"),
        "coordinates as numbers"
    );
    // A date cell and time cells of Excel 97–2003.
    let calendar = read(&out, "calendar.ics");
    let at = calendar
        .find("UID:visit-tld-phu-my-2-2026-06-18-0730@")
        .unwrap_or_else(|| panic!("{calendar}"));
    let event = &calendar[at..at + calendar[at..].find("END:VEVENT").unwrap()];
    assert!(event.contains("DTEND:20260618T040000Z"), "{event}");
}

#[test]
fn unknown_services_of_one_cell_are_one_message() {
    let points = "id,name,kind,district,ward,services\n\
                  tld-a,Tổ A,mobile,Q,P,\"cccd / level2 , kích hoạt\"\n\
                  tld-b,Tổ B,mobile,Q,P,cccd;levl2;chld\n\
                  tld-c,Tổ C,mobile,Q,P,cccd/level2/child\n";
    let dir = site(&[("points.csv", points.as_bytes())]);
    let o = check(dir.path(), &[]);
    assert_eq!(
        stderr(&o),
        "content/points/points.csv:2:24: error[E0807]: unknown services `kích`, `hoạt`\n  \
         = fix: services are cccd, level2, integrate, child, separated by commas, semicolons or spaces\n\
         content/points/points.csv:3:23: error[E0807]: unknown services `levl2`, `chld`\n  \
         = fix: did you mean `level2` for `levl2`, `child` for `chld`? Services are cccd, level2, integrate, child, separated by commas, semicolons or spaces\n\
         2 errors.\n"
    );
}
