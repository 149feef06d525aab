//! Messages that say what is really wrong, once: an unreadable page is one
//! error (not one more per page linking to it), a broken file names UTF-16
//! when it is, Mac-saved (NFD) file names match links typed in NFC, a
//! number too large is said so, a skipped symlink says why, and
//! `--output S/content/../x` is checked as the folder it names.

mod common;

use common::*;
use unicode_normalization::UnicodeNormalization;

const SITE_YAML: &str = "title: Phường Mẫu\nbase_url: https://x.example.gov.vn/\n";
const HOME: &str = "---\ntitle: Trang chủ\ndescription: Trang chủ.\n---\nXin chào.\n";

/// A site of a home page and `files` (paths inside `content/`, as bytes).
fn site(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    std::fs::write(content.join("site.yaml"), SITE_YAML).unwrap();
    std::fs::write(content.join("_index.md"), HOME).unwrap();
    for (name, bytes) in files {
        let path = content.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

fn page(title: &str, body: &str) -> Vec<u8> {
    format!("---\ntitle: {title}\ndescription: Một trang.\n---\n{body}\n").into_bytes()
}

/// The diagnostics lines (`path:line:col: error[...]: ...`) of stderr.
fn errors(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.contains(": error[")).collect()
}

fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

#[test]
fn an_unreadable_page_is_one_error_not_one_per_link_to_it() {
    let broken: [(&str, &[u8]); 3] = [
        ("front matter", b"---\ntitle: [broken\n---\nx\n"),
        ("not UTF-8", b"---\ntitle: Qu\xe9bec \xff\xfe\n---\nx\n"),
        ("unclosed", b"---\ntitle: A\n\nno end of front matter\n"),
    ];
    for (what, bytes) in broken {
        let mut files: Vec<(String, Vec<u8>)> = vec![
            ("guides/dich-vu.md".into(), bytes.to_vec()),
            (
                "guides/dich-vu.en.md".into(),
                page("Services", "In English."),
            ),
        ];
        let body = "See [it](dich-vu.md), [its URL](/guides/dich-vu/), \
             [in English](/en/guides/dich-vu/) and [a part](dich-vu.md#a).";
        for i in 1..=5 {
            files.push((format!("guides/p{i}.md"), page(&format!("P{i}"), body)));
        }
        let mut site_yaml = SITE_YAML.to_string();
        site_yaml.push_str(
            "languages:\n  - code: vi\n    name: Tiếng Việt\n  - code: en\n    name: English\n",
        );
        files.push(("site.yaml".into(), site_yaml.into_bytes()));
        let refs: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect();
        let dir = site(&refs);
        let err = fails("check", dir.path());
        let found = errors(&err);
        assert_eq!(found.len(), 1, "{what}: {err}");
        assert!(
            found[0].starts_with("content/guides/dich-vu.md:"),
            "{what}: {err}"
        );
        assert!(err.contains("1 error."), "{what}: {err}");
    }
    // A link to a page that is not there at all is still an error.
    let body = "See [gone](khong-co.md) and [gone too](/guides/khong-co/).";
    let dir = site(&[
        ("guides/bad.md", b"---\ntitle: [broken\n---\n"),
        ("guides/p.md", &page("P", body)),
    ]);
    let err = fails("check", dir.path());
    assert_eq!(errors(&err).len(), 3, "{err}");
    assert_eq!(err.matches("error[E0401]").count(), 2, "{err}");
}

/// UTF-16 (Notepad's and Word's "Unicode") that breaks at line 3: a lone
/// surrogate after `ab`.
fn broken_utf16(first_lines: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(utf16le(first_lines));
    bytes.extend([0x00, 0xD8]);
    bytes.extend(utf16le("cd\n"));
    bytes
}

#[test]
fn a_broken_utf16_file_is_named_utf16_at_its_line_and_column() {
    let cases: [(&str, Vec<u8>, &str); 4] = [
        ("guides/a.md", broken_utf16("---\ntitle: A\nab"), "Word"),
        (
            "site.yaml",
            broken_utf16("title: Phường Mẫu\nbase_url: https://x.example.gov.vn/\nab"),
            "Word",
        ),
        (
            "slogans.yaml",
            broken_utf16("- text: Một\n  id: a\nab"),
            "Word",
        ),
        (
            "points/p.csv",
            broken_utf16("id,name,kind\nx,Công an,fixed\nab"),
            "CSV UTF-8",
        ),
    ];
    for (name, bytes, fix) in cases {
        let dir = site(&[(name, &bytes)]);
        let err = fails("check", dir.path());
        let at = format!("content/{name}:3:3: error[E0305]");
        assert!(err.contains(&at), "{name}: {err}");
        assert!(err.contains("saved as UTF-16 (Unicode)"), "{name}: {err}");
        assert!(err.contains(fix), "{name}: {err}");
        assert_eq!(errors(&err).len(), 1, "{name}: {err}");
    }
    let dir = site(&[("guides/a.md", &broken_utf16("---\ntitle: A\nab"))]);
    let o = loa(
        &["check", "--root", dir.path().to_str().unwrap()],
        &[("LANG", "vi_VN.UTF-8")],
    );
    let err = stderr(&o);
    assert!(err.contains("lưu dạng UTF-16 (Unicode)"), "{err}");
    assert!(err.contains("Mã hóa (Encoding): UTF-8"), "{err}");
}

#[test]
fn utf16_without_bom_from_word_is_read_even_with_decomposed_marks() {
    // Word's decomposed text: the grave U+0300 has its zero byte on the
    // other side of the code unit than ASCII has.
    let text: String = "---\ntitle: Làm căn cước ở đâu\ndescription: Hướng dẫn.\n---\nĐến trụ sở Công an phường.\n"
        .nfd()
        .collect();
    let dir = site(&[("guides/lam.md", &utf16le(&text))]);
    let out = dir.path().join("public");
    let o = build_into(dir.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(read(&out, "guides/lam/index.html").contains("Làm căn cước ở đâu"));
    // Cut after an odd number of bytes: broken UTF-16, said so.
    let mut cut = utf16le(&text);
    cut.pop();
    let dir = site(&[("guides/lam.md", &cut)]);
    let err = fails("check", dir.path());
    assert!(err.contains("saved as UTF-16 (Unicode)"), "{err}");
}

#[test]
fn a_mac_saved_nfd_file_name_matches_links_typed_in_nfc() {
    let nfd = |s: &str| s.nfd().collect::<String>();
    let folder = "guides/hướng-dẫn";
    let linking = "[the guide](hướng-dẫn/Hướng%20dẫn.md), \
         [the photo](hướng-dẫn/ảnh.png) and ![a photo](<hướng-dẫn/ảnh.png>)";
    let dir = site(&[
        (
            &nfd(&format!("{folder}/Hướng dẫn.md")),
            &page("HD", "![ảnh](ảnh.png)"),
        ),
        (&nfd(&format!("{folder}/ảnh.png")), b"\x89PNG\r\n\x1a\n"),
        // The reverse: an NFC name on disk, a link typed decomposed.
        ("guides/Kích hoạt.md", &page("KH", "x")),
        (
            "guides/p.md",
            &page("P", &format!("{linking}; [kh]({})", nfd("Kích%20hoạt.md"))),
        ),
    ]);
    let out = dir.path().join("public");
    let o = build_into(dir.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let files = tree(&out);
    assert!(
        files.contains_key("guides/hướng-dẫn/ảnh.png"),
        "{:?}",
        files.keys()
    );
    for name in files.keys() {
        assert_eq!(*name, name.nfc().collect::<String>(), "not NFC: {name}");
    }
    let html = read(&out, "guides/p/index.html");
    let urls = [attr_values(&html, "href"), attr_values(&html, "src")].concat();
    let photo = "/guides/h%C6%B0%E1%BB%9Bng-d%E1%BA%ABn/%E1%BA%A3nh.png";
    let photo_raw = "/guides/hướng-dẫn/ảnh.png";
    assert!(
        urls.iter().any(|u| u == photo || u == photo_raw),
        "{urls:?}"
    );
    assert!(urls.iter().any(|u| u == "/guides/kich-hoat/"), "{urls:?}");
    assert!(
        urls.iter().any(|u| u == "/guides/huong-dan/huong-dan/"),
        "{urls:?}"
    );
}

#[test]
fn a_number_too_large_is_said_so_at_its_line() {
    let too_large = |name: &str, bytes: &[u8], at: &str, number: &str, limit: &str| {
        let dir = site(&[(name, bytes)]);
        let err = fails("check", dir.path());
        let line =
            format!("{at}: error[E0199]: the number {number} is too large (at most {limit})");
        assert!(err.contains(&line), "{name}: {err}");
        assert!(!err.contains("malformed YAML"), "{name}: {err}");
        assert_eq!(errors(&err).len(), 1, "{name}: {err}");
    };
    let weight = page("A", "x");
    let weight = String::from_utf8(weight)
        .unwrap()
        .replace("description:", "weight: 99999999999999999999\ndescription:");
    too_large(
        "guides/a.md",
        weight.as_bytes(),
        "content/guides/a.md:3:9",
        "99999999999999999999",
        "9223372036854775807",
    );
    let unsigned = String::from_utf8(page("B", "x"))
        .unwrap()
        .replace("description:", "weight: 9223372036854775808\ndescription:");
    too_large(
        "guides/b.md",
        unsigned.as_bytes(),
        "content/guides/b.md:3:9",
        "9223372036854775808",
        "9223372036854775807",
    );
    let site_yaml = format!("{SITE_YAML}max_image_kb: 18446744073709551616\n");
    too_large(
        "site.yaml",
        site_yaml.as_bytes(),
        "content/site.yaml:3:15",
        "18446744073709551616",
        "9223372036854775807",
    );
    let points = "id,name,kind,district,ward,address,lat,lon,hours\n\
                  ca,Công an,fixed,Quận 1,Phường 2,Số 3,1e999,105.7,T2-T6 07:30-11:30\n";
    too_large(
        "points/p.csv",
        points.as_bytes(),
        "content/points/p.csv:2:39",
        "1e999",
        "90",
    );
    // Below zero where a size is meant.
    let site_yaml = format!("{SITE_YAML}max_file_kb: -5\n");
    let dir = site(&[("site.yaml", site_yaml.as_bytes())]);
    let err = fails("check", dir.path());
    assert!(
        err.contains(
            "content/site.yaml:3:14: error[E0199]: the number -5 is too small (at least 0)"
        ),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_skipped_symlink_says_why_and_what_follows() {
    let dir = site(&[("guides/p.md", &page("P", "x"))]);
    let guides = dir.path().join("content/guides");
    std::os::unix::fs::symlink("khong-co.pdf", guides.join("ke-hoach.pdf")).unwrap();
    std::os::unix::fs::symlink("../guides", guides.join("thu-muc")).unwrap();
    let o = loa(&["check", "--root", dir.path().to_str().unwrap()], &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains(
            "content/guides/ke-hoach.pdf:1:1: warning[W0112]: this link (symlink) leads to \
             `khong-co.pdf`, which does not exist"
        ),
        "{err}"
    );
    assert!(
        err.contains("leads to the folder `../guides`: linked folders are skipped"),
        "{err}"
    );
    assert!(err.contains("put the folder itself"), "{err}");
}

#[test]
fn an_output_path_with_dot_dot_is_checked_as_the_folder_it_names() {
    let dir = site(&[]);
    let root = dir.path();
    let beside = root.join("content/../public2");
    let o = build_into(root, &beside);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(root.join("public2/index.html").is_file());
    let o = build_into(root, &root.join("content/../public2/../content"));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("holds or is inside the site's sources"),
        "{err}"
    );
    assert!(root.join("content/site.yaml").is_file());
    assert!(root.join("content/_index.md").is_file());
}
