//! Reading offline and installing: the service worker, each language's list
//! of the pages it saves, and the web app manifests, as a build writes them.

mod common;

use std::path::Path;

use common::*;

/// The paths a language's list saves (site paths, `""` for the home page).
fn saved(out: &Path, prefix: &str) -> Vec<String> {
    let about: serde_json::Value =
        serde_json::from_str(&read(out, &format!("{prefix}offline.json"))).unwrap();
    serde_json::from_value(about["pages"].clone()).unwrap()
}

fn page_size(out: &Path, path: &str) -> u64 {
    std::fs::metadata(out.join(format!("{path}index.html")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .len()
}

/// Staff pages and pages that only work online are never saved.
fn assert_no_staff_pages(list: &[String]) {
    for p in list {
        for never in ["translations/", "poster", "print/", "search/"] {
            assert!(!p.contains(never), "{p} is saved");
        }
    }
}

#[test]
fn each_language_saves_its_home_points_schedule_and_offices_under_the_sub_path() {
    let (_t, out) = build("points", &["--now", "2026-05-20"]);
    let vi = saved(&out, "");
    let en = saved(&out, "en/");
    assert_eq!(&vi[..3], ["", "points/", "schedule/"]);
    assert_eq!(&en[..3], ["en/", "en/points/", "en/schedule/"]);
    // Every office and team, in each language, and nothing of the other.
    let points: Vec<String> = std::fs::read_dir(out.join("points"))
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().join("index.html").is_file())
        .map(|e| format!("points/{}/", e.file_name().to_string_lossy()))
        .collect();
    assert!(points.len() >= 3, "{points:?}");
    for p in &points {
        assert!(vi.contains(p), "{p} not saved in vi: {vi:?}");
        assert!(en.contains(&format!("en/{p}")), "{p} not saved in en");
    }
    assert!(vi.iter().all(|p| !p.starts_with("en/")), "{vi:?}");
    assert!(en.iter().all(|p| p.starts_with("en/")), "{en:?}");
    for p in vi.iter().chain(&en) {
        page_size(&out, p);
    }
    // The worker is at the root of the sub-path, where its scope is the site.
    let worker = read(&out, "sw.js");
    assert!(worker.contains("/vneid/"), "{worker}");
    assert!(!worker.contains("//"), "comments left in the worker");
    for asset in ["css/loa.css", "js/offline.js"] {
        assert!(worker.contains(asset), "{asset} not saved");
        assert!(out.join(asset).is_file());
    }
    let home = read(&out, "en/index.html");
    assert!(home.contains("data-worker=/vneid/sw.js"), "{home}");
    assert!(home.contains("src=/vneid/js/offline.js"), "{home}");
}

#[test]
fn guides_and_campaigns_are_saved_and_staff_pages_never() {
    let (_t, out) = build("basic", &[]);
    for prefix in ["", "en/", "km/"] {
        let list = saved(&out, prefix);
        assert_eq!(list[0], prefix);
        assert!(list.contains(&format!("{prefix}guides/")), "{list:?}");
        assert!(list.contains(&format!("{prefix}campaigns/dot-cao-diem/")));
        assert_no_staff_pages(&list);
    }
    assert!(saved(&out, "").contains(&"guides/kich-hoat/".to_string()));
    assert!(saved(&out, "km/").contains(&"km/guides/kich-hoat/".to_string()));
    // These exist, and are left out.
    assert!(out.join("translations/index.html").is_file());
    assert!(out
        .join("campaigns/dot-cao-diem/poster/index.html")
        .is_file());
}

#[test]
fn the_worker_is_small_and_the_saved_pages_fit_in_a_megabyte() {
    for fixture in ["basic", "points", "three-languages", "campaign-plan"] {
        let (_t, out) = build(fixture, &[]);
        let worker = std::fs::metadata(out.join("sw.js")).unwrap().len();
        let register = std::fs::metadata(out.join("js/offline.js")).unwrap().len();
        assert!(
            worker + register <= 4096,
            "{fixture}: {worker} + {register} bytes"
        );
        for prefix in ["", "en/", "km/"] {
            if !out.join(prefix).join("offline.json").is_file() {
                continue;
            }
            let pages: u64 = saved(&out, prefix).iter().map(|p| page_size(&out, p)).sum();
            assert!(pages <= 1_000_000, "{fixture} {prefix}: {pages} bytes");
        }
    }
}

#[test]
fn the_worker_changes_with_the_saved_pages_and_only_with_them() {
    let site = copy_fixture("basic");
    let tmp = tempfile::tempdir().unwrap();
    let (one, two, three) = (
        tmp.path().join("1"),
        tmp.path().join("2"),
        tmp.path().join("3"),
    );
    for out in [&one, &two] {
        let o = build_into(site.path(), out);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    // Builds are deterministic: the same input, the same worker.
    assert_eq!(read(&one, "sw.js"), read(&two, "sw.js"));
    let guide = site.path().join("content/guides/bao-ve-otp.md");
    let text = std::fs::read_to_string(&guide).unwrap();
    std::fs::write(&guide, format!("{text}\nMột câu mới.\n")).unwrap();
    let o = build_into(site.path(), &three);
    assert!(o.status.success(), "{}", stderr(&o));
    let (before, after) = (read(&one, "sw.js"), read(&three, "sw.js"));
    assert_ne!(before, after, "a changed guide must make a new version");
    assert_eq!(before.len(), after.len(), "only the version changes");
}

#[test]
fn a_manifest_per_language_installs_the_site_under_its_sub_path() {
    let (_t, out) = build("basic", &[]);
    for (prefix, lang, name) in [
        ("", "vi", "Chiến dịch VNeID phường Mẫu"),
        ("en/", "en", "Sample ward VNeID campaign"),
        ("km/", "km", "Chiến dịch VNeID phường Mẫu"),
    ] {
        let m: serde_json::Value =
            serde_json::from_str(&read(&out, &format!("{prefix}manifest.webmanifest"))).unwrap();
        assert_eq!(m["name"], name);
        assert!(m["short_name"].as_str().is_some_and(|s| !s.is_empty()));
        assert_eq!(m["lang"], lang);
        assert_eq!(m["dir"], "ltr");
        assert_eq!(m["start_url"], format!("/vneid/{prefix}"));
        assert_eq!(m["scope"], "/vneid/");
        assert_eq!(m["display"], "standalone");
        assert_eq!(m["theme_color"], "#9b1c1c");
        assert!(m.get("description").is_none_or(|d| d.is_string()), "{m}");
        let icons = m["icons"].as_array().unwrap();
        assert!(icons.iter().any(|i| i["purpose"] == "maskable"));
        for size in [192u32, 512] {
            let icon = icons
                .iter()
                .find(|i| i["sizes"] == format!("{size}x{size}"))
                .unwrap();
            let src = icon["src"].as_str().unwrap();
            let file = std::fs::read(out.join(src.trim_start_matches("/vneid/"))).unwrap();
            assert_eq!(&file[1..4], b"PNG");
            let width = u32::from_be_bytes(file[16..20].try_into().unwrap());
            assert_eq!(width, size);
        }
        let home = read(&out, &format!("{prefix}index.html"));
        assert!(
            home.contains(&format!(
                "href=/vneid/{prefix}manifest.webmanifest rel=manifest"
            )),
            "{home}"
        );
    }
}

#[test]
fn a_short_title_names_the_installed_site() {
    let site = copy_fixture("basic");
    let config = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("short_title: \"VNeID Mẫu\"\n{text}")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = build_into(site.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let m: serde_json::Value =
        serde_json::from_str(&read(&out, "en/manifest.webmanifest")).unwrap();
    assert_eq!(m["short_name"], "VNeID Mẫu");
    assert_eq!(m["name"], "Sample ward VNeID campaign");
}

#[test]
fn a_sites_own_styles_and_scripts_are_published_as_is_and_not_saved() {
    let site = copy_fixture("basic");
    let tmp = tempfile::tempdir().unwrap();
    let (without, with) = (tmp.path().join("without"), tmp.path().join("with"));
    let o = build_into(site.path(), &without);
    assert!(o.status.success(), "{}", stderr(&o));
    // Bytes as staff saved them: Windows line ends, Vietnamese in a comment.
    let css = "/* Màu của xã */\r\n.xa { color: #0b5d3b }\r\n".as_bytes();
    let js = b"// th\xc3\xaam\nconsole.log(1);\n";
    let static_dir = site.path().join("content/static");
    std::fs::create_dir_all(static_dir.join("css")).unwrap();
    std::fs::create_dir_all(static_dir.join("js")).unwrap();
    std::fs::write(static_dir.join("css/xa.css"), css).unwrap();
    std::fs::write(static_dir.join("js/xa.js"), js).unwrap();
    let o = build_into(site.path(), &with);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read(with.join("css/xa.css")).unwrap(), css);
    assert_eq!(std::fs::read(with.join("js/xa.js")).unwrap(), js);
    // Only the theme's style and scripts are saved for reading offline.
    assert_eq!(read(&without, "sw.js"), read(&with, "sw.js"));
    assert!(!read(&with, "sw.js").contains("xa."));
}
