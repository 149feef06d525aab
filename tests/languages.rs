//! Three languages: switcher, hreflang, fallbacks, the translation report,
//! Vietnamese order, NFC, and outreach material for staff.

mod common;

use common::*;
use serde_json::Value;

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    build("three-languages", &["--now", "2026-06-15"])
}

#[test]
fn switcher_hreflang_and_lang_attributes() {
    let (_t, out) = built();
    let km = read(&out, "km/index.html");
    assert!(km.starts_with("<!doctype html><html lang=km>"));
    // The current language is not a link; the others are, each with its own lang.
    assert!(
        km.contains("<span aria-current=true class=current lang=km>ខ្មែរ</span>"),
        "{km}"
    );
    assert!(km.contains("<a href=/ hreflang=vi lang=vi>Tiếng Việt</a>"));
    assert!(km.contains("<a href=/en/ hreflang=en lang=en>English</a>"));
    // hreflang alternates: real translations and x-default, not the English fallback.
    assert!(km.contains("<link href=https://example.gov.vn/km/ hreflang=km rel=alternate>"));
    assert!(km.contains("<link href=https://example.gov.vn/ hreflang=x-default rel=alternate>"));
    assert!(!km.contains("hreflang=en rel=alternate"));
    // The language's font from site.yaml.
    assert!(
        km.contains(":lang(km){font-family:\"Noto Sans Khmer\""),
        "{km}"
    );
    let sitemap = roxmltree::Document::parse(&read(&out, "sitemap.xml"))
        .unwrap()
        .root()
        .descendants()
        .filter(|n| n.has_tag_name(("http://www.w3.org/1999/xhtml", "link")))
        .map(|n| {
            (
                n.attribute("hreflang").unwrap().to_string(),
                n.attribute("href").unwrap().to_string(),
            )
        })
        .collect::<Vec<_>>();
    assert!(sitemap.contains(&("km".to_string(), "https://example.gov.vn/km/".to_string())));
    assert!(sitemap.contains(&(
        "x-default".to_string(),
        "https://example.gov.vn/".to_string()
    )));
}

#[test]
fn fallback_pages_say_so_in_the_readers_language() {
    let (_t, out) = built();
    let km = read(&out, "km/guides/an-toan/index.html");
    assert!(km.contains("ទំព័រនេះមិនទាន់មានការបកប្រែជាភាសាខ្មែរនៅឡើយទេ"));
    assert!(km.contains("<article lang=vi>"));
    let en = read(&out, "en/guides/an-toan/index.html");
    assert!(en.contains("This page has not been translated into English yet."));
    // A real translation has no notice.
    assert!(!read(&out, "en/guides/dang-ky/index.html").contains("role=note"));
}

#[test]
fn lists_in_vietnamese_alphabetical_order() {
    let (_t, out) = built();
    let list = read(&out, "guides/index.html");
    let at = |t: &str| {
        list.find(&format!(">{t}</a>"))
            .unwrap_or_else(|| panic!("{t} missing"))
    };
    let order = [
        at("An toàn"),
        at("Ăn uống"),
        at("Âu lo"),
        at("Dạy học"),
        at("Đăng ký"),
    ];
    let mut sorted = order;
    sorted.sort();
    assert_eq!(order, sorted, "A < Ă < Â < D < Đ");
}

#[test]
fn decomposed_text_is_published_composed() {
    let (_t, out) = built();
    let page = read(&out, "guides/nfd/index.html");
    assert!(
        page.contains("<h1>Hướng dẫn kích hoạt</h1>"),
        "NFC in the title"
    );
    assert!(page.contains("Mang thẻ căn cước."));
    let nfd = unicode_normalization::UnicodeNormalization::nfd("kích").collect::<String>();
    assert!(!page.contains(&nfd));
}

#[test]
fn translation_report_in_check_and_as_a_staff_page() {
    let root = fixture("three-languages");
    let o = loa(
        &[
            "check",
            "--root",
            root.to_str().unwrap(),
            "--translations",
            "--format",
            "json",
            "--now",
            "2026-06-15",
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let en = &v["translations"]["languages"][0];
    assert_eq!(en["code"], "en");
    assert_eq!(en["outdated"][0]["file"], "content/guides/dang-ky.en.md");
    assert_eq!(en["outdated"][0]["original_date"], "2026-06-10");
    assert_eq!(en["translation_date"], Value::Null);
    let km = &v["translations"]["languages"][1];
    assert_eq!(km["missing_slogans"][0], "vneid");
    let missing: Vec<&str> = km["missing_pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap())
        .collect();
    assert!(missing.contains(&"content/guides/dang-ky.md"));
    assert!(
        !missing.contains(&"content/_index.md"),
        "the home page is translated"
    );

    let text = loa(
        &["check", "--root", root.to_str().unwrap(), "--translations"],
        &[("LANG", "vi_VN.UTF-8")],
    );
    let text = stdout(&text);
    assert!(text.contains("bản dịch cũ hơn bản gốc: 1"), "{text}");
    assert!(
        text.contains(
            "content/guides/dang-ky.en.md (2026-06-01) < content/guides/dang-ky.md (2026-06-10)"
        ),
        "{text}"
    );

    let (_t, out) = built();
    let page = read(&out, "translations/index.html");
    assert!(
        page.contains("<meta content=noindex name=robots>"),
        "kept out of search engines"
    );
    assert!(page.contains("content/guides/dang-ky.en.md"));
    assert!(!read(&out, "sitemap.xml").contains("translations/"));
}

#[test]
fn missing_interface_texts_fall_back_and_are_listed() {
    let site = copy_fixture("three-languages");
    let config = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&config).unwrap() + "  - code: zh\n    name: \"中文\"\n";
    std::fs::write(&config, text).unwrap();
    let own = site.path().join("themes/default/i18n");
    std::fs::create_dir_all(&own).unwrap();
    std::fs::write(own.join("zh.yaml"), "home: \"首页\"\n").unwrap();
    let o = loa(&["check", "--root", site.path().to_str().unwrap()], &[]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("themes/default/i18n/zh.yaml:1:1: warning[W0503]"),
        "{err}"
    );
    assert!(err.contains("skip_to_content"), "{err}");
    assert!(!err.contains(", home,"), "`home` is translated");
    let out = site.path().join("public");
    let o = loa(&["build", "--root", site.path().to_str().unwrap()], &[]);
    assert!(o.status.success());
    let zh = read(&out, "zh/index.html");
    assert!(zh.contains(">首页</a>"), "its own text");
    assert!(
        zh.contains("Chuyển đến nội dung chính"),
        "the default language's text for the rest"
    );
}

#[test]
fn lookalike_letters_and_khmer_addresses() {
    let site = copy_fixture("three-languages");
    let guides = site.path().join("content/guides");
    std::fs::write(
        guides.join("eth.md"),
        "---\ntitle: \"Ðồng Tháp\"\n---\nÐúng.\n",
    )
    .unwrap();
    std::fs::write(
        guides.join("ការចុះឈ្មោះ.md"),
        "---\ntitle: \"ការចុះឈ្មោះ\"\n---\nx\n",
    )
    .unwrap();
    let err = fails("check", site.path());
    assert!(
        err.contains("content/guides/eth.md:2:9: warning[W0310]: `Ð` (U+00D0) looks like `Đ`"),
        "{err}"
    );
    assert!(
        err.contains("content/guides/eth.md:4:1: warning[W0310]"),
        "{err}"
    );
    assert!(
        err.contains("error[E0309]: the address of this page would be `/guides/ការចុះឈ្មោះ/`"),
        "{err}"
    );
    assert!(
        err.contains("give the page a `slug:` in Latin letters"),
        "{err}"
    );
    std::fs::write(
        guides.join("ការចុះឈ្មោះ.md"),
        "---\ntitle: \"ការចុះឈ្មោះ\"\nslug: dang-ky-khmer\n---\nx\n",
    )
    .unwrap();
    let o = loa(&["check", "--root", site.path().to_str().unwrap()], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn sms_lengths_and_loudspeaker_reading_time() {
    let (_t, out) = built();
    let sms = read(&out, "outreach/tin-nhan/index.html");
    // With Vietnamese marks: UCS-2, 84 characters, two messages; without: GSM-7, one.
    assert!(
        sms.contains("<td class=num>84</td><td>UCS-2</td><td class=num>2</td>"),
        "{sms}"
    );
    assert!(
        sms.contains("<td class=num>84</td><td>GSM-7</td><td class=num>1</td>"),
        "{sms}"
    );
    let loa_page = read(&out, "outreach/loa/index.html");
    assert!(loa_page.contains("Bài phát trên loa truyền thanh"));
    // 29 syllables at 150 a minute.
    assert!(loa_page.contains("≈ 12 giây"), "{loa_page}");
    assert!(
        loa_page.contains("<audio controls preload=none src=/outreach/bai-doc.mp3></audio>"),
        "{loa_page}"
    );
    assert!(loa_page.contains("href=/outreach/loa/print/"));
    // The print view: the languages side by side, each marked.
    let print = read(&out, "outreach/loa/print/index.html");
    assert!(print.contains("columns-2"));
    assert!(
        print.contains("<article class=print-column lang=vi>"),
        "{print}"
    );
    assert!(print.contains("<article class=print-column lang=km>"));
    assert!(print.contains("សូមជម្រាបសួរបងប្អូន។"));
}

#[test]
fn an_audio_file_that_does_not_exist_is_an_error() {
    let site = copy_fixture("three-languages");
    std::fs::remove_file(site.path().join("content/outreach/bai-doc.mp3")).unwrap();
    let o = loa(&["check", "--root", site.path().to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("content/outreach/loa.md:4:8: error[E0401]: link to `bai-doc.mp3`"),
        "{}",
        stderr(&o)
    );
}
