//! Errors staff make, reported together with file, line, column and a fix.

mod common;

use common::*;

fn check_errors(lang: &str) -> (i32, String) {
    let root = fixture("errors");
    let o = loa(
        &["check", "--root", root.to_str().unwrap()],
        &[("LANG", lang)],
    );
    (o.status.code().unwrap(), stderr(&o))
}

#[test]
fn all_errors_of_a_site_are_reported_at_once() {
    let (code, err) = check_errors("en_US.UTF-8");
    assert_eq!(code, 1, "{err}");
    let expected = [
        "content/guides/sai-truong.md:3:1: error[E0102]: unknown field `titel`",
        "did you mean `title`?",
        "content/guides/sai-truong.md:4:7: error[E0105]: `date: 2026-02-30` is a date that does not exist",
        "that month has 28 days",
        "content/guides/yaml-hong.md:4:1: error[E0101]: malformed YAML",
        "quoted scalar (line 2, column 8)",
        "content/guides/trung-hai.md:1:1: error[E0301]: two files make the same URL `/guides/trung/`; the other is content/guides/trung.md",
        "content/guides/lien-ket.md:6:22: error[E0401]: link to `khong-co.md`, which does not exist",
        "content/guides/lien-ket.md:8:18: error[E0401]: link to `/huong-dan/khong-co/`, which does not exist",
        "content/guides/lien-ket.md:10:15: error[E0402]: link to `nhap.md`, which is a draft",
        "content/guides/lien-ket.fr.md:1:1: error[E0303]: language `fr` is not configured",
        "8 errors.",
    ];
    for e in expected {
        assert!(err.contains(e), "missing `{e}` in:\n{err}");
    }
    // One diagnostic per problem: the fallback copies do not repeat them.
    assert_eq!(err.matches("E0301").count(), 1, "{err}");
    assert_eq!(err.matches("E0401").count(), 2, "{err}");
}

#[test]
fn diagnostics_in_vietnamese_when_the_locale_is() {
    let (code, err) = check_errors("vi_VN.UTF-8");
    assert_eq!(code, 1);
    assert!(
        err.contains("content/guides/sai-truong.md:3:1: lỗi[E0102]: không có trường `titel`"),
        "{err}"
    );
    assert!(err.contains("cách sửa: có phải là `title`?"), "{err}");
    assert!(err.contains("là ngày không có thật"), "{err}");
    assert!(err.contains("8 lỗi."), "{err}");
    // LC_ALL wins over LANG.
    let root = fixture("errors");
    let o = loa(
        &["check", "--root", root.to_str().unwrap()],
        &[("LANG", "en_US.UTF-8"), ("LC_ALL", "vi_VN.UTF-8")],
    );
    assert!(stderr(&o).contains("lỗi[E0102]"));
}

#[test]
fn check_json_lists_every_diagnostic() {
    let root = fixture("errors");
    let o = loa(
        &[
            "check",
            "--root",
            root.to_str().unwrap(),
            "--format",
            "json",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["errors"], 8);
    let first = &v["diagnostics"][0];
    assert_eq!(first["path"], "content/guides/lien-ket.fr.md");
    assert_eq!(first["line"], 1);
    assert_eq!(first["code"], "E0303");
    assert!(first["hint"].as_str().unwrap().contains("languages:"));
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let site = copy_fixture("basic");
    let root = site.path().to_str().unwrap().to_string();
    let ok = loa(&["build", "--root", &root], &[]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let before = tree(&site.path().join("public"));
    assert!(before.len() > 20);

    // Break a link on line 8 of a guide.
    let guide = site.path().join("content/guides/bao-ve-otp.md");
    let mut text = std::fs::read_to_string(&guide).unwrap();
    text.push_str("\nXem [trang đã xóa](da-xoa.md).\n");
    std::fs::write(&guide, text).unwrap();
    let failed = loa(&["build", "--root", &root], &[]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(
        stderr(&failed).contains("1 error; nothing was written"),
        "{}",
        stderr(&failed)
    );
    assert!(
        stderr(&failed)
            .contains("content/guides/bao-ve-otp.md:8:20: error[E0401]: link to `da-xoa.md`"),
        "{}",
        stderr(&failed)
    );
    assert_eq!(
        tree(&site.path().join("public")),
        before,
        "the old output changed"
    );
    // No temporary folder is left beside the output.
    let leftovers: Vec<String> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".loa"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_successful_build_replaces_the_output_entirely() {
    let site = copy_fixture("basic");
    let root = site.path().to_str().unwrap().to_string();
    // The output of an earlier build, with a page deleted since.
    assert!(loa(&["build", "--root", &root], &[]).status.success());
    let stale = site.path().join("public/old-page/index.html");
    std::fs::create_dir_all(stale.parent().unwrap()).unwrap();
    std::fs::write(&stale, "old").unwrap();
    let o = loa(&["build", "--root", &root], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stale.exists(), "files of deleted pages must not linger");
    assert!(site.path().join("public/index.html").exists());
}

#[test]
fn missing_config_is_an_error_naming_the_file() {
    let empty = tempfile::tempdir().unwrap();
    let o = loa(&["build", "--root", empty.path().to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("content/site.yaml:1:1: error[E0201]"), "{err}");
    assert!(err.contains("loa new"), "{err}");
}

#[test]
fn config_errors_point_into_site_yaml() {
    let site = copy_fixture("basic");
    let config = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace(
            "base_url: \"https://portal.example.gov.vn/vneid/\"",
            "base_url: \"portal.example.gov.vn\"\nlanguage: vi",
        )
        .replace("timezone: Asia/Ho_Chi_Minh", "timezone: Asia/Saigon_City");
    std::fs::write(&config, text).unwrap();
    let o = loa(&["check", "--root", site.path().to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("content/site.yaml:3:11: error[E0202]"),
        "{err}"
    );
    assert!(
        err.contains("content/site.yaml:4:1: error[E0102]: unknown field `language`"),
        "{err}"
    );
    assert!(err.contains("did you mean `languages`?"), "{err}");
    assert!(
        err.contains("error[E0204]: unknown time zone `Asia/Saigon_City`"),
        "{err}"
    );
}

#[test]
fn unknown_template_and_broken_template() {
    let site = copy_fixture("theme-override");
    let page = site.path().join("content/trang.md");
    std::fs::write(&page, "---\ntitle: A\ntemplate: khong-co.html\n---\nx\n").unwrap();
    let err = fails("check", site.path());
    assert!(
        err.contains(
            "content/trang.md:3:11: error[E0502]: template `khong-co.html` does not exist"
        ),
        "{err}"
    );

    let tpl = site.path().join("themes/default/templates/page.html");
    std::fs::write(
        &tpl,
        "{% extends \"base.html\" %}{% block content %}{{ page.title }{% endblock content %}",
    )
    .unwrap();
    let err = fails("check", site.path());
    assert!(
        err.contains("themes/default/templates/page.html:1:59: error[E0501]: template error"),
        "{err}"
    );

    // A mistake found while making pages is reported once, where it is in
    // the template as written (the build renders minified templates).
    std::fs::write(&page, "---\ntitle: A\n---\nx\n").unwrap();
    std::fs::write(
        &tpl,
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>\n  {{ page.titel }}\n</h1>\n{% endblock content %}\n",
    )
    .unwrap();
    for command in ["check", "build"] {
        let err = fails(command, site.path());
        let line = "themes/default/templates/page.html:4:11: error[E0501]: template error";
        assert_eq!(err.matches(line).count(), 1, "{command}: {err}");
        assert!(err.contains("Field `titel` is not defined"), "{err}");
    }

    // Mistakes Tera finds across the theme, each at its place.
    std::fs::write(
        &tpl,
        "{% extends \"base.html\" %}\n{% block content %}\n{% include \"partials/khong-co.html\" %}\n{{ page.title | khong_co }}{% endblock content %}\n",
    )
    .unwrap();
    let err = fails("check", site.path());
    for line in [
        "themes/default/templates/page.html:3:12: error[E0501]: template error: Unknown template `partials/khong-co.html`",
        "themes/default/templates/page.html:4:17: error[E0501]: template error: Unknown filter `khong_co`",
    ] {
        assert!(err.contains(line), "{line}\n{err}");
    }
}

#[test]
fn odd_files_are_errors_not_crashes() {
    let site = copy_fixture("theme-override");
    let dir = site.path().join("content");
    let files: &[(&str, &[u8])] = &[
        ("empty.md", b""),
        ("only-dashes.md", b"---"),
        ("list.md", b"---\n- a\n- b\n---\nx"),
        ("binary.md", &[0xff, 0xfe, 0x00, 0x9c, 0x80]),
        ("flow.md", b"---\ntitle: [unclosed\n---\n"),
        (
            "weird.md",
            "---\ntitle: \"A\"\ndate: 2026-06-3ố\nweight: 1.5\nextra: 3\n---\n[a](%ố) [b](../../../etc/passwd)\n".as_bytes(),
        ),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let err = fails("check", site.path());
    assert!(!err.contains("panicked"), "{err}");
    for expected in [
        "content/empty.md:1:1: error[E0107]: required field `title` is missing",
        "content/only-dashes.md:1:1: error[E0106]",
        "content/list.md:2:1: error[E0108]",
        "content/binary.md:1:2: error[E0305]: the file is saved as UTF-16 (Unicode), not UTF-8, and is broken here: byte 0x80 cannot be read (UTF-16 LE)",
        "content/flow.md:3:1: error[E0101]",
        "content/weird.md:3:7: error[E0104]: `date: 2026-06-3ố` is not a date",
        "content/weird.md:4:9: error[E0103]: `weight` must be a whole number",
        "content/weird.md:5:8: error[E0103]: `extra` must be a mapping",
        "content/weird.md:7:5: error[E0401]: link to `%ố`",
        "content/weird.md:7:13: error[E0403]: link to `../../../etc/passwd` leaves the site's `content/` folder",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
}
