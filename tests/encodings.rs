//! Tables of points and visits in the encodings staff's computers save:
//! UTF-16 with a byte-order mark (Excel's tab-separated "Unicode Text",
//! Notepad), Windows-1258 (Excel's "CSV" on Vietnamese Windows), and the
//! old TCVN3 (ABC) and VNI encodings; read as written or converted with a
//! warning, never garbled, and an unreadable file is one error, with no
//! follow-on error in another file.

mod common;

use std::path::Path;

use common::*;
use loa::read::encoding::{tcvn3, vni};
use unicode_normalization::UnicodeNormalization;

const NOW: &str = "2026-06-10T09:00:00+07:00";
const POINTS: &str = "id,name,kind,district,ward,address,hours\n\
     ca-dong-hai,Công an xã Đông Hải,fixed,Huyện Duyên Hải,Xã Đông Hải,Ấp Bình Hòa,T2-T6 07:30-11:30\n\
     tld-dong-hai,Tổ lưu động xã Đông Hải,mobile,Huyện Duyên Hải,Xã Đông Hải,,\n";
const VISITS: &str = "point_id\tdate\tstart\tend\tplace\tnotes\n\
     tld-dong-hai\t2026-06-15\t07:30\t11:00\tChợ Đông Hải - cổng chính\tMang giấy khai sinh của trẻ\n";

/// A site whose `points/` holds `files`.
fn site(files: &[(&str, Vec<u8>)]) -> tempfile::TempDir {
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    points_site(
        "title: Xã Đông Hải\nbase_url: https://x.example.gov.vn/\n",
        &files,
    )
}

/// Builds the site; its stderr and output folder.
fn built(dir: &Path) -> (String, std::path::PathBuf) {
    let out = dir.join("public");
    let o = build_at(dir, &out, NOW, &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    (err, out)
}

fn utf16(text: &str, bom: [u8; 2], to_bytes: fn(u16) -> [u8; 2]) -> Vec<u8> {
    let body = text.encode_utf16().flat_map(to_bytes);
    bom.into_iter().chain(body).collect()
}

/// Windows-1258 as Excel writes it: a base letter, then its tone mark.
fn windows_1258(text: &str) -> Vec<u8> {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut split = String::new();
    for c in text.nfc() {
        let parts: Vec<char> = std::iter::once(c).nfd().collect();
        let tone = parts.iter().copied().find(|m| TONES.contains(m));
        let letter: String = parts.iter().filter(|m| Some(**m) != tone).collect();
        split.extend(letter.nfc());
        split.extend(tone);
    }
    let (bytes, _, unmapped) = encoding_rs::WINDOWS_1258.encode(&split);
    assert!(!unmapped, "{text}");
    bytes.into_owned()
}

/// The point's page and the calendar show the texts as written.
fn assert_texts(out: &Path) {
    let office = read(out, "points/ca-dong-hai/index.html");
    assert!(office.contains("Công an xã Đông Hải"), "{office}");
    assert!(office.contains("Ấp Bình Hòa"), "{office}");
    let team = read(out, "points/tld-dong-hai/index.html");
    assert!(team.contains("Tổ lưu động xã Đông Hải"), "{team}");
    let calendar = read(out, "calendar.ics");
    assert!(calendar.contains("Chợ Đông Hải - cổng chính"), "{calendar}");
    assert!(calendar.contains("Mang giấy khai sinh của trẻ"));
}

#[test]
fn utf16_and_excel_unicode_text_are_read_as_written() {
    let le = utf16(VISITS, [0xFF, 0xFE], u16::to_le_bytes);
    let be = utf16(POINTS, [0xFE, 0xFF], u16::to_be_bytes);
    // Excel's "Unicode Text": tab-separated UTF-16 LE, Windows line ends, `.txt`.
    let dir = site(&[
        ("points.csv", be),
        (
            "visits.txt",
            utf16(
                &VISITS.replace('\n', "\r\n"),
                [0xFF, 0xFE],
                u16::to_le_bytes,
            ),
        ),
    ]);
    let (err, out) = built(dir.path());
    assert_eq!(err, "", "no warning for UTF-16");
    assert_texts(&out);
    // The same visits as a `.csv` in UTF-16 LE.
    let dir = site(&[("points.csv", POINTS.into()), ("visits.csv", le)]);
    let (err, out) = built(dir.path());
    assert_eq!(err, "");
    assert_texts(&out);
}

#[test]
fn vietnamese_legacy_encodings_are_converted_with_a_warning() {
    let (points, teams) = POINTS.split_at(POINTS.find("tld-").unwrap());
    let header = POINTS.lines().next().unwrap();
    let dir = site(&[
        ("points.csv", windows_1258(points)),
        (
            "to-luu-dong.csv",
            tcvn3::encode(&format!("{header}\n{teams}")).unwrap(),
        ),
        ("visits.csv", vni::encode(VISITS).unwrap()),
    ]);
    let (err, out) = built(dir.path());
    assert_eq!(
        err,
        "content/points/points.csv:1:1: warning[W0311]: the file is in Windows-1258, not UTF-8; it was read as Windows-1258\n  \
         = fix: in Excel: File → Save As → \"CSV UTF-8 (Comma delimited) (*.csv)\"; or save the workbook itself (.xlsx) in `points/`\n\
         content/points/to-luu-dong.csv:1:1: warning[W0311]: the file is in TCVN3 (ABC, .VnTime), not UTF-8; it was read as TCVN3 (ABC, .VnTime)\n  \
         = fix: in Excel: File → Save As → \"CSV UTF-8 (Comma delimited) (*.csv)\"; or save the workbook itself (.xlsx) in `points/`\n\
         content/points/visits.csv:1:1: warning[W0311]: the file is in VNI-Windows (VNI-Times), not UTF-8; it was read as VNI-Windows (VNI-Times)\n  \
         = fix: in Excel: File → Save As → \"CSV UTF-8 (Comma delimited) (*.csv)\"; or save the workbook itself (.xlsx) in `points/`\n"
    );
    assert_texts(&out);
}

#[test]
fn a_table_in_no_known_encoding_is_one_error_and_no_follow_on() {
    // Latin-1 (French), not Vietnamese in any encoding: the visits of its
    // team are not reported as visiting a point that does not exist.
    let points =
        b"id,name,kind,district,ward\ntld-dong-hai,Equipe mobile de Qu\xe9bec,mobile,Q,P\n";
    let visits = VISITS.replace('\t', ",");
    let dir = site(&[
        ("points.csv", points.to_vec()),
        ("visits.csv", visits.into()),
    ]);
    let o = loa(
        &[
            "check",
            "--root",
            dir.path().to_str().unwrap(),
            "--now",
            NOW,
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with(
            "content/points/points.csv:2:33: error[E0305]: the file is not UTF-8 text: byte 0xE9 here is not UTF-8, nor Vietnamese in Windows-1258, TCVN3 or VNI\n"
        ),
        "{err}"
    );
    assert!(err.ends_with("\n1 error.\n"), "{err}");
}

/// Text typed with a legacy font as Word and Excel keep it: the font's
/// bytes as Windows-1252 letters (`Coâng an` for `Công an` in VNI-Times).
fn typed_with(font: fn(&str) -> Option<Vec<u8>>, text: &str) -> String {
    let bytes = font(text).unwrap();
    let (typed, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
    typed.into_owned()
}

#[test]
fn old_font_text_in_excel_cells_and_utf8_files_is_converted_with_a_warning() {
    // A workbook whose cells were typed with VNI-Times and .VnTime (ABC).
    let tmp = tempfile::tempdir().unwrap();
    let xlsx = tmp.path().join("points.xlsx");
    let name = typed_with(vni::encode, "Công an xã Đông Hải");
    let place = typed_with(tcvn3::encode, "Nhà văn hóa ấp Bình Hòa");
    let script = "import datetime, openpyxl, sys\n\
        b = openpyxl.Workbook(); p = b.active; p.title = 'Điểm'\n\
        p.append(['id', 'name', 'kind', 'district', 'ward', 'address', 'hours'])\n\
        p.append(['ca-dong-hai', sys.argv[2], 'fixed', 'Huyện Duyên Hải', 'Xã Đông Hải', 'Ấp Bình Hòa', 'T2-T6 07:30-11:30'])\n\
        p.append(['tld-dong-hai', 'Tổ lưu động xã Đông Hải', 'mobile', 'Huyện Duyên Hải', 'Xã Đông Hải', None, None])\n\
        v = b.create_sheet('Lịch')\n\
        v.append(['point_id', 'date', 'start', 'end', 'place'])\n\
        v.append(['tld-dong-hai', datetime.date(2026, 6, 15), '07:30', '11:00', sys.argv[3]])\n\
        b.save(sys.argv[1])\n";
    let made = std::process::Command::new("python3")
        .args(["-c", script, xlsx.to_str().unwrap(), &name, &place])
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let dir = site(&[("points.xlsx", std::fs::read(&xlsx).unwrap())]);
    // A guide in UTF-8 with one line pasted from a VNI document, and lines
    // of Vietnamese, French and English that stay as written.
    let pasted = typed_with(
        vni::encode,
        "Mang theo thẻ căn cước và điện thoại của mình.",
    );
    std::fs::create_dir_all(dir.path().join("content/guides")).unwrap();
    std::fs::write(
        dir.path().join("content/guides/mang-theo.md"),
        format!(
            "---\ntitle: Mang theo gì\ndescription: Giấy tờ cần mang.\n---\n{pasted}\n\nBà Tô Thị Hà, Cà Mau.\n\n\
             Québec, Montréal, à côté de l'église.\n\nBring your ID card.\n"
        ),
    )
    .unwrap();
    let (err, out) = built(dir.path());
    assert_eq!(
        err.lines().filter(|l| l.contains("warning")).collect::<Vec<_>>(),
        [
            format!("content/guides/mang-theo.md:5:14: warning[W0312]: `{pasted}` was typed with a VNI-Windows (VNI-Times) font; read as `Mang theo thẻ căn cước và điện thoại của mình.`"),
            format!("content/points/points.xlsx[Điểm]!B2 (name): warning[W0312]: `{name}` was typed with a VNI-Windows (VNI-Times) font; read as `Công an xã Đông Hải`"),
            format!("content/points/points.xlsx[Lịch]!E2 (place): warning[W0312]: `{place}` was typed with a TCVN3 (ABC, .VnTime) font; read as `Nhà văn hóa ấp Bình Hòa`"),
        ],
        "{err}"
    );
    has(&err, "= fix: retype it with a Unicode font (Times New Roman, Arial), or convert it with Unikey's converter");
    let office = read(&out, "points/ca-dong-hai/index.html");
    assert!(
        office.contains("Công an xã Đông Hải") && !office.contains(&name),
        "{office}"
    );
    let team = read(&out, "points/tld-dong-hai/index.html");
    assert!(team.contains("Nhà văn hóa ấp Bình Hòa"), "{team}");
    let guide = read(&out, "guides/mang-theo/index.html");
    for text in [
        "Mang theo thẻ căn cước và điện thoại của mình.",
        "Bà Tô Thị Hà, Cà Mau.",
        "Québec, Montréal, à côté de l&#39;église.",
    ] {
        assert!(
            guide.contains(text) || guide.contains(&text.replace("&#39;", "'")),
            "{text}\n{guide}"
        );
    }
}
