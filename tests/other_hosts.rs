//! Issue 19, item 10: the site makes no request to another host. What a
//! page or the site's CSS would fetch from elsewhere (or over `http://`) is
//! a warning at its line and column; raw-HTML images are link-checked like
//! Markdown images; the theme itself loads nothing from another host.

mod common;

use std::path::Path;

use common::*;

const PAGE: &str = "content/guides/bao-ve-otp.md";

fn page_with(site: &Path, body: &str) {
    std::fs::write(
        site.join(PAGE),
        format!("---\ntitle: OTP\ndescription: Thử.\n---\n{body}"),
    )
    .unwrap();
    std::fs::write(site.join("content/guides/anh.png"), b"PNG").unwrap();
    std::fs::create_dir_all(site.join("content/static/img")).unwrap();
    std::fs::write(site.join("content/static/img/qr.png"), b"PNG").unwrap();
}

#[test]
fn media_from_other_hosts_are_warnings_at_their_place() {
    let site = copy_fixture("basic");
    page_with(
        site.path(),
        "Ảnh: ![QR](https://i.imgur.com/qr.png) và ![A](anh.png)\n\
         \n\
         <img alt=\"x\" src=\"http://example.com/a.png\">\n\
         \n\
         <video controls poster=\"//cdn.example/p.jpg\"><source src=\"https://cdn.example/v.mp4\"></video>\n\
         \n\
         <p>Xem <img alt=\"s\" srcset=\"anh.png 1x, https://x.vn/a2.png 2x\"> nhé</p>\n\
         \n\
         <p style=\"background: url('https://x.vn/bg.png')\">Nền</p>\n\
         \n\
         [Một liên kết](https://dichvucong.gov.vn/) is not fetched.\n",
    );
    let (code, err) = check_in(site.path(), "C.UTF-8");
    assert_eq!(code, Some(0), "{err}");
    for (at, url) in [
        ("5:12", "https://i.imgur.com/qr.png"),
        ("9:59", "https://cdn.example/v.mp4"),
        ("9:25", "//cdn.example/p.jpg"),
        ("11:41", "https://x.vn/a2.png"),
        ("13:28", "https://x.vn/bg.png"),
    ] {
        has(
            &err,
            &format!("{PAGE}:{at}: warning[W0407]: `{url}` is on another host: the citizen's phone would fetch it from there"),
        );
    }
    has(
        &err,
        &format!(
            "{PAGE}:7:19: warning[W0407]: `http://example.com/a.png` is fetched over `http://`"
        ),
    );
    has(
        &err,
        "fix: download the file into the site's `static/` folder",
    );
    assert_eq!(err.matches("W0407").count(), 6, "{err}");
    assert!(
        !err.contains("dichvucong"),
        "a link is not a request: {err}"
    );
    let (_, err) = check_in(site.path(), "vi_VN.UTF-8");
    has(
        &err,
        &format!(
            "{PAGE}:5:12: cảnh báo[W0407]: `https://i.imgur.com/qr.png` nằm trên máy chủ khác"
        ),
    );
}

#[test]
fn raw_html_images_are_link_checked_like_markdown_images() {
    let site = copy_fixture("basic");
    page_with(
        site.path(),
        "![M](thieu.png)\n\
         \n\
         <img alt=\"QR\" src=\"/img/qr.png\"> <img alt=\"B\" src=\"anh.png\"> <img alt=\"M\" src=\"mat.png\">\n\
         \n\
         <video controls><track src=\"sub.vtt\"></video>\n",
    );
    let (code, err) = check_in(site.path(), "C.UTF-8");
    assert_eq!(code, Some(1), "{err}");
    let markdown = format!("{PAGE}:5:6: error[E0401]: link to `thieu.png`, which does not exist");
    has(&err, &markdown);
    has(
        &err,
        &format!("{PAGE}:7:80: error[E0401]: link to `mat.png`, which does not exist"),
    );
    has(
        &err,
        &format!("{PAGE}:9:29: error[E0401]: link to `sub.vtt`, which does not exist"),
    );
    assert_eq!(err.matches("E0401").count(), 3, "{err}");

    // Fixed, the addresses are written for the deployed base path.
    page_with(
        site.path(),
        "<img alt=\"QR\" src=\"/img/qr.png\"> <img alt=\"B\" src=\"anh.png\">\n",
    );
    let out = site.path().join("out");
    let o = build_at(site.path(), &out, "2026-06-10", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = read(&out, "guides/bao-ve-otp/index.html");
    let srcs = attr_values(&html, "src");
    assert!(srcs.contains(&"/vneid/img/qr.png".to_string()), "{srcs:?}");
    assert!(
        srcs.contains(&"/vneid/guides/anh.png".to_string()),
        "{srcs:?}"
    );
}

#[test]
fn the_sites_own_css_and_a_theme_override_are_checked() {
    let site = copy_fixture("basic");
    let css = site.path().join("content/static/css");
    std::fs::create_dir_all(&css).unwrap();
    std::fs::write(
        css.join("rieng.css"),
        "@import url(\"https://fonts.googleapis.com/css2?family=Roboto\");\n\
         body {\n  background: url(/img/nen.png);\n}\n\
         @font-face { font-family: X; src: url( //cdn.example/x.woff2 ) format('woff2') }\n",
    )
    .unwrap();
    let theme_css = site.path().join("themes/default/static/css");
    std::fs::create_dir_all(&theme_css).unwrap();
    std::fs::write(
        theme_css.join("loa.css"),
        "body { color: #222 }\n@import 'http://example.com/x.css';\n",
    )
    .unwrap();
    let (code, err) = check_in(site.path(), "C.UTF-8");
    assert_eq!(code, Some(0), "{err}");
    let own = "content/static/css/rieng.css";
    has(
        &err,
        &format!("{own}:1:13: warning[W0407]: `https://fonts.googleapis.com/css2?family=Roboto` is on another host"),
    );
    has(
        &err,
        &format!("{own}:5:35: warning[W0407]: `//cdn.example/x.woff2` is on another host"),
    );
    has(
        &err,
        "themes/default/static/css/loa.css:2:9: warning[W0407]: `http://example.com/x.css` is fetched over `http://`",
    );
    assert_eq!(err.matches("W0407").count(), 3, "{err}");
}

/// Addresses in a built page the browser fetches by itself.
fn fetched(html: &str) -> Vec<String> {
    let mut out: Vec<String> = loa::read::resources::html_resources(html)
        .into_iter()
        .map(|r| r.url)
        .collect();
    let tags = regex::Regex::new(r"(?is)<(script|link|iframe|embed|object)\b[^>]*>").unwrap();
    for tag in tags.find_iter(html) {
        let tag = tag.as_str();
        let lower = tag.to_ascii_lowercase();
        if lower.starts_with("<link") {
            let rels = attr_values(tag, "rel").join(" ");
            if ![
                "stylesheet",
                "icon",
                "preload",
                "prefetch",
                "manifest",
                "modulepreload",
            ]
            .iter()
            .any(|r| rels.contains(r))
            {
                continue; // canonical, alternate: addresses, not requests
            }
            out.extend(attr_values(tag, "href"));
        }
        out.extend(attr_values(tag, "src"));
        out.extend(attr_values(tag, "data"));
    }
    out
}

#[test]
fn the_theme_never_loads_anything_from_another_host() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sites = vec![root.to_path_buf()];
    for entry in std::fs::read_dir(root.join("tests/fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if path.join("content/site.yaml").is_file() && !path.ends_with("errors") {
            sites.push(path);
        }
    }
    assert!(sites.len() >= 6, "{sites:?}");
    let mut pages = 0;
    for site in &sites {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let o = build_at(site, &out, "2026-06-10", &[]);
        assert!(o.status.success(), "{}: {}", site.display(), stderr(&o));
        for (rel, bytes) in tree(&out) {
            let text = String::from_utf8_lossy(&bytes);
            let urls = if rel.ends_with(".html") {
                pages += 1;
                fetched(&text)
            } else if rel.ends_with(".css") {
                loa::read::resources::css_urls(&text)
                    .into_iter()
                    .map(|(u, _, _)| u)
                    .collect()
            } else {
                continue;
            };
            for url in urls {
                assert!(
                    !loa::read::resources::other_host(&url),
                    "{}: {rel} loads `{url}`",
                    site.display()
                );
            }
        }
    }
    assert!(pages > 100, "only {pages} pages");
}

#[test]
fn the_scan_finds_what_a_theme_would_load() {
    let page = "<link rel=\"stylesheet\" href=\"https://cdn.example/x.css\"><link rel=\"canonical\" href=\"https://portal.example/\"><script src=\"//cdn.example/x.js\"></script><img src=\"/a.png\" alt=\"\">";
    let found = fetched(page);
    assert_eq!(
        found,
        vec!["/a.png", "https://cdn.example/x.css", "//cdn.example/x.js"]
    );
}
