//! The shapes people write in `site.yaml` and `slogans.yaml`: `languages`
//! as a list or a map keyed by code (Hugo and Zola), a slogan's text as one
//! string with `translations` or a map of language → text; a shape still
//! not accepted is one message showing the accepted one with the user's
//! own values.

mod common;

use std::path::Path;

use common::*;

/// A site with `site_yaml` and `slogans_yaml` and a home page.
fn site(site_yaml: &str, slogans_yaml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(&content).unwrap();
    let site = format!("title: Xã Tân Lợi\nbase_url: https://x.example.gov.vn/\n{site_yaml}");
    std::fs::write(content.join("site.yaml"), site).unwrap();
    std::fs::write(content.join("slogans.yaml"), slogans_yaml).unwrap();
    std::fs::write(
        content.join("_index.md"),
        "---\ntitle: Trang chủ\n---\nXin chào.\n",
    )
    .unwrap();
    dir
}

fn check(root: &Path) -> std::process::Output {
    loa(&["check", "--root", root.to_str().unwrap()], &[])
}

#[test]
fn languages_and_slogan_texts_as_maps_build() {
    let dir = site(
        "languages:\n  vi:\n    name: Tiếng Việt Nam\n  km: ភាសាខ្មែរ\n  en:\n",
        "- text:\n    vi: Kích hoạt VNeID mức 2\n    en: Activate VNeID level 2\n    km: ធ្វើឱ្យ VNeID សកម្ម\n\
         - text: Mang theo căn cước\n  translations:\n    en: Bring your ID card\n",
    );
    let out = dir.path().join("public");
    let o = build_into(dir.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    // The languages in the order written, named as written or in their own script.
    let home = read(&out, "index.html");
    let switcher: Vec<&str> = ["Tiếng Việt Nam", "ភាសាខ្មែរ", "English"]
        .into_iter()
        .filter(|name| home.contains(&format!(">{name}</")))
        .collect();
    assert_eq!(switcher.len(), 3, "{home}");
    let km_at = home.find("hreflang=km lang=km>").unwrap();
    let en_at = home.find("hreflang=en lang=en>").unwrap();
    assert!(km_at < en_at, "km before en, as written");
    // Each language's slogans page shows the slogan's text in that language.
    let vi = read(&out, "slogans/index.html");
    assert!(vi.contains("Kích hoạt VNeID mức 2") && vi.contains("Mang theo căn cước"));
    let en = read(&out, "en/slogans/index.html");
    assert!(en.contains("Activate VNeID level 2") && en.contains("Bring your ID card"));
    let km = read(&out, "km/slogans/index.html");
    assert!(km.contains("ធ្វើឱ្យ VNeID សកម្ម"), "{km}");
}

#[test]
fn a_slogan_text_in_a_shape_not_accepted_is_one_message_with_its_values() {
    let dir = site(
        "languages: [vi, en]\n",
        "- text:\n    en: Only English\n\
         - text: [Kích hoạt, Activate]\n\
         - text: Mang theo căn cước\n  translations: Bring your ID card\n\
         - text:\n    vi: Một\n    en: One\n  translations:\n    en: Uno\n",
    );
    let o = check(dir.path());
    assert_eq!(
        stderr(&o),
        "content/slogans.yaml:1:8: error[E0111]: `text` has no text in the default language `vi`\n  \
         = fix: add it: `text: {vi: …, en: Only English}`\n\
         content/slogans.yaml:3:9: error[E0110]: `text` must be one text (with `translations` for other languages), or a map of language → text\n  \
         = fix: write it like this: `text: {vi: Kích hoạt, en: Activate}`\n\
         content/slogans.yaml:5:17: error[E0110]: `translations` must be a map of language → text\n  \
         = fix: write it like this: `translations: {en: Bring your ID card}`\n\
         content/slogans.yaml:9:16: error[E0113]: the `en` text is given twice, in `text` and in `translations`\n  \
         = fix: keep one of the two\n\
         4 errors.\n"
    );
}

#[test]
fn languages_in_a_shape_not_accepted_are_one_message_with_their_values() {
    let err = fails("check", site("languages: vi, km\n", "").path());
    assert_eq!(
        err,
        "content/site.yaml:3:12: error[E0110]: `languages` must be a list of languages, or a map keyed by language code\n  \
         = fix: write it like this: `languages: [vi, km]`\n1 error.\n"
    );
    // The default language in a list item not accepted: no second message
    // saying it is missing from `languages`.
    let dir = site(
        "languages:\n  - [vi, Tiếng Việt]\n  - km:\n      name: Khmer\n",
        "",
    );
    let o = loa(
        &["check", "--root", dir.path().to_str().unwrap()],
        &[("LANG", "vi_VN.UTF-8")],
    );
    assert_eq!(
        stderr(&o),
        "content/site.yaml:4:1: lỗi[E0110]: ngôn ngữ `vi` phải là tên của nó, hoặc các dòng `name:`, `title:`, `description:`, `font:`\n  \
         = cách sửa: viết như sau: `- {code: vi, name: Tiếng Việt}`\n1 lỗi.\n"
    );
    // A language keyed by code whose fields are a list.
    let err = fails(
        "check",
        site("languages:\n  vi:\n  km: [Khmer, Noto Sans Khmer]\n", "").path(),
    );
    assert_eq!(
        err,
        "content/site.yaml:5:7: error[E0110]: the language `km` must be its name, or lines `name:`, `title:`, `description:`, `font:`\n  \
         = fix: write it like this: `km: {name: Khmer, font: Noto Sans Khmer}`\n1 error.\n"
    );
}

#[test]
fn hugo_languages_with_language_name_and_weight_build() {
    let dir = site(
        "languages:\n  vi:\n    languageName: Tiếng Việt\n    weight: 1\n  km:\n    languageName: ភាសាខ្មែរ\n    weight: 2\n",
        "",
    );
    let out = dir.path().join("public");
    let o = build_into(dir.path(), &out);
    assert_eq!((o.status.code(), stderr(&o).as_str()), (Some(0), ""));
    let home = read(&out, "index.html");
    assert!(home.contains(">ភាសាខ្មែរ</"), "{home}");
}

#[test]
fn an_unknown_key_in_a_language_or_the_organization_lists_what_it_takes() {
    let dir = site(
        "organization:\n  name: Công an xã Tân Lợi\n  tel: 0292 3820 123\n\
         languages:\n  vi:\n  km:\n    lang_name: ភាសាខ្មែរ\n    font: Noto Sans Khmer\n    extra: x\n",
        "",
    );
    let o = check(dir.path());
    assert_eq!(
        stderr(&o),
        "content/site.yaml:5:3: error[E0119]: `organization` has no field `tel`\n  \
         = fix: did you mean `phone`? `organization` takes `name`, `phone`, `email`, `address`, `hours`, `website`; \
         write it like this: `organization: {name: \"Công an xã Tân Lợi\", phone: \"0292 3820 123\", email: \"…\", address: \"…\", hours: \"…\", website: \"…\"}`\n\
         content/site.yaml:9:5: error[E0119]: `km` has no field `lang_name`\n  \
         = fix: did you mean `name`? `km` takes `code`, `name`, `title`, `short_title`, `description`, `font`; \
         write it like this: `km: {name: ភាសាខ្មែរ, font: Noto Sans Khmer}`\n\
         content/site.yaml:11:5: error[E0119]: `km` has no field `extra`\n  \
         = fix: `km` takes `code`, `name`, `title`, `short_title`, `description`, `font`; \
         write it like this: `km: {name: ភាសាខ្មែរ, font: Noto Sans Khmer}`\n\
         3 errors.\n"
    );
    // A list item names its language by its code.
    let dir = site(
        "languages:\n  - code: vi\n  - code: km\n    phone_number: 1022\n",
        "",
    );
    let err = stderr(&check(dir.path()));
    has(
        &err,
        "content/site.yaml:6:5: error[E0119]: `km` has no field `phone_number`",
    );
    has(&err, "write it like this: `- {code: km}`");
}
