//! `loa build` on fixture sites: the files it writes and what they contain.

mod common;

use common::*;

#[test]
fn pretty_urls_in_every_language() {
    let (_t, out) = build("basic", &[]);
    for rel in [
        "index.html",
        "campaigns/index.html",
        "campaigns/dot-cao-diem/index.html",
        "campaigns/dot-cao-diem/plan.txt",
        "guides/index.html",
        "guides/kich-hoat/index.html",
        "guides/bao-ve-otp/index.html",
        "outreach/loa-phat-thanh/index.html",
        "slogans/index.html",
        "en/index.html",
        "en/guides/activate-level-2/index.html",
        "en/guides/bao-ve-otp/index.html",
        "km/index.html",
        "km/guides/kich-hoat/index.html",
        "km/slogans/index.html",
        "files/to-roi.pdf",
        "css/loa.css",
        "404.html",
        "robots.txt",
        "sitemap.xml",
        "atom.xml",
        "en/atom.xml",
        "chien-dich-cu/index.html",
    ] {
        assert!(out.join(rel).is_file(), "missing {rel}");
    }
    // The `slug:` of a translation names only that translation.
    assert!(!out.join("en/guides/kich-hoat/index.html").exists());
    // The theme's styles as phones download them: without the comments
    // and line breaks written for the theme's authors.
    let css = read(&out, "css/loa.css");
    assert!(css.starts_with(":root{") && !css.contains("/*") && !css.contains('\n'));
}

#[test]
fn drafts_are_left_out_unless_asked() {
    let (_t, out) = build("basic", &[]);
    assert!(!out.join("guides/nhap/index.html").exists());
    assert!(!read(&out, "guides/index.html").contains("Bản nháp"));
    let (_t2, out2) = build("basic", &["--drafts"]);
    assert!(out2.join("guides/nhap/index.html").exists());
    assert!(read(&out2, "guides/index.html").contains("Bản nháp"));
}

#[test]
fn every_link_works_under_the_base_path() {
    let (_t, out) = build("basic", &[]);
    let files = tree(&out);
    let mut checked = 0;
    for (rel, html) in html_files(&out) {
        for value in attr_values(&html, "href")
            .into_iter()
            .chain(attr_values(&html, "src"))
        {
            if value.starts_with("https://")
                || value.starts_with('#')
                || value.starts_with("mailto:")
            {
                continue;
            }
            let path = value.split('#').next().unwrap();
            let inside = path
                .strip_prefix("/vneid/")
                .unwrap_or_else(|| panic!("{rel}: link `{value}` is not under /vneid/"));
            let target = if inside.is_empty() || inside.ends_with('/') {
                format!("{inside}index.html")
            } else {
                inside.to_string()
            };
            assert!(
                files.contains_key(&target),
                "{rel}: link `{value}` points to nothing"
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}

#[test]
fn content_links_are_rewritten_per_language() {
    let (_t, out) = build("basic", &[]);
    let home = read(&out, "index.html");
    let hrefs = attr_values(&home, "href");
    assert!(
        hrefs.contains(&"/vneid/campaigns/".to_string()),
        "{hrefs:?}"
    );
    assert!(
        hrefs.contains(&"/vneid/guides/kich-hoat/".to_string()),
        "{hrefs:?}"
    );
    assert!(
        hrefs.contains(&"/vneid/files/to-roi.pdf".to_string()),
        "{hrefs:?}"
    );
    assert!(hrefs.contains(&"/vneid/slogans/".to_string()), "{hrefs:?}");

    // The same site-root and `.md` links lead to the English pages from English text.
    let en = attr_values(&read(&out, "en/index.html"), "href");
    assert!(en.contains(&"/vneid/en/campaigns/".to_string()), "{en:?}");
    assert!(
        en.contains(&"/vneid/en/guides/activate-level-2/".to_string()),
        "{en:?}"
    );

    let campaign = attr_values(&read(&out, "campaigns/dot-cao-diem/index.html"), "href");
    assert!(
        campaign.contains(&"/vneid/campaigns/dot-cao-diem/plan.txt".to_string()),
        "{campaign:?}"
    );
    assert!(
        campaign.contains(&"/vneid/guides/kich-hoat/#buoc-1".to_string()),
        "{campaign:?}"
    );
}

#[test]
fn base_url_flag_overrides_site_yaml() {
    let (_t, out) = build(
        "basic",
        &["--base-url", "https://cantho.gov.vn/chien-dich/vneid"],
    );
    let html = read(&out, "guides/kich-hoat/index.html");
    assert!(html.contains("https://cantho.gov.vn/chien-dich/vneid/guides/kich-hoat/"));
    assert!(attr_values(&html, "href").contains(&"/chien-dich/vneid/css/loa.css".to_string()));
    assert!(!html.contains("=/vneid/"), "old base path left");
    assert!(read(&out, "robots.txt")
        .contains("Sitemap: https://cantho.gov.vn/chien-dich/vneid/sitemap.xml"));
}

#[test]
fn languages_switcher_fallback_and_lang_attributes() {
    let (_t, out) = build("basic", &[]);
    let km = read(&out, "km/guides/kich-hoat/index.html");
    assert!(km.contains("<html lang=km>"), "{}", &km[..200]);
    // Fallback: the Vietnamese text, marked as such, with a notice in Khmer.
    assert!(km.contains("ទំព័រនេះមិនទាន់មានការបកប្រែជាភាសាខ្មែរ"));
    assert!(km.contains("<article lang=vi>"));
    assert!(km.contains("Kích hoạt tài khoản mức 2"));
    // Its canonical URL is the original; no hreflang claims a Khmer translation.
    assert!(km.contains(
        "<link href=https://portal.example.gov.vn/vneid/guides/kich-hoat/ rel=canonical>"
    ));
    assert!(!km.contains("hreflang=km href") && !km.contains("hreflang=km rel=alternate"));

    let en = read(&out, "en/guides/activate-level-2/index.html");
    assert!(en.contains("<html lang=en>"));
    assert!(
        !en.contains("role=note"),
        "a real translation has no fallback notice"
    );
    let switcher: Vec<String> = attr_values(&en, "href")
        .into_iter()
        .filter(|h| h.contains("guides/") && h.contains("kich-hoat") || h.contains("activate"))
        .collect();
    assert!(
        switcher.contains(&"/vneid/guides/kich-hoat/".to_string()),
        "{switcher:?}"
    );
    assert!(
        switcher.contains(&"/vneid/km/guides/kich-hoat/".to_string()),
        "{switcher:?}"
    );
    // The current language is not a link.
    assert!(en.contains("<span aria-current=true class=current lang=en>English</span>"));
    // hreflang alternates for the two real versions and x-default.
    for alt in ["hreflang=vi", "hreflang=en", "hreflang=x-default"] {
        assert!(en.contains(alt), "{alt}");
    }

    // UI strings come from the theme's file for the language.
    assert!(read(&out, "en/index.html").contains("Skip to main content"));
    assert!(read(&out, "index.html").contains("Chuyển đến nội dung chính"));
}

#[test]
fn headings_get_unique_anchors_and_tables_are_accessible() {
    let (_t, out) = build("basic", &[]);
    let guide = read(&out, "guides/kich-hoat/index.html");
    assert!(guide.contains("<h2 id=buoc-1>"));
    assert!(guide.contains("<h2 id=buoc-1-2>"));
    let campaign = read(&out, "campaigns/dot-cao-diem/index.html");
    assert!(campaign.contains("<th scope=col>Ca</th>"), "{campaign}");
    assert!(campaign.contains("class=table-scroll"));
}

#[test]
fn html_is_minified() {
    let (_t, out) = build("basic", &[]);
    let html = read(&out, "guides/kich-hoat/index.html");
    assert!(
        html.starts_with("<!doctype html><html lang=vi><head>"),
        "{}",
        &html[..80]
    );
    assert!(!html.contains("\n\n"));
    assert!(!html.contains("  <"));
}

#[test]
fn alias_redirects_to_the_page() {
    let (_t, out) = build("basic", &[]);
    let alias = read(&out, "chien-dich-cu/index.html");
    assert!(
        alias.contains("0; url=/vneid/campaigns/dot-cao-diem/"),
        "{alias}"
    );
    assert!(alias.contains("https://portal.example.gov.vn/vneid/campaigns/dot-cao-diem/"));
    assert!(alias.contains("noindex"));
}

#[test]
fn sitemap_lists_pages_with_hreflang_alternates() {
    let (_t, out) = build("basic", &[]);
    let xml = read(&out, "sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.contains(&"https://portal.example.gov.vn/vneid/guides/kich-hoat/"));
    assert!(locs.contains(&"https://portal.example.gov.vn/vneid/en/guides/activate-level-2/"));
    // Fallback copies are not listed: their canonical is the original.
    assert!(!locs.contains(&"https://portal.example.gov.vn/vneid/km/guides/kich-hoat/"));
    assert!(
        !locs.iter().any(|l| l.contains("nhap")),
        "drafts are not listed"
    );
    let url = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("url")
                && n.children().any(|c| {
                    c.text() == Some("https://portal.example.gov.vn/vneid/guides/kich-hoat/")
                })
        })
        .unwrap();
    let alternates: Vec<(&str, &str)> = url
        .children()
        .filter(|c| c.has_tag_name(("http://www.w3.org/1999/xhtml", "link")))
        .map(|c| {
            (
                c.attribute("hreflang").unwrap(),
                c.attribute("href").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        alternates,
        vec![
            (
                "vi",
                "https://portal.example.gov.vn/vneid/guides/kich-hoat/"
            ),
            (
                "en",
                "https://portal.example.gov.vn/vneid/en/guides/activate-level-2/"
            ),
            (
                "x-default",
                "https://portal.example.gov.vn/vneid/guides/kich-hoat/"
            ),
        ]
    );
}

#[test]
fn atom_feed_has_campaign_and_outreach_updates() {
    let (_t, out) = build("basic", &[]);
    let xml = read(&out, "atom.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let atom = "http://www.w3.org/2005/Atom";
    let entries: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name((atom, "entry")))
        .collect();
    let titles: Vec<&str> = entries
        .iter()
        .map(|e| {
            e.children()
                .find(|c| c.has_tag_name((atom, "title")))
                .unwrap()
                .text()
                .unwrap()
        })
        .collect();
    // Newest first by `updated` (or `date`); guides are not news.
    assert_eq!(titles, vec!["Đợt cao điểm cấp căn cước", "Bài phát thanh"]);
    let updated = entries[0]
        .children()
        .find(|c| c.has_tag_name((atom, "updated")))
        .unwrap()
        .text()
        .unwrap();
    assert_eq!(updated, "2026-06-15T08:30:00+07:00");
    let feed_updated = doc
        .root_element()
        .children()
        .find(|c| c.has_tag_name((atom, "updated")))
        .unwrap()
        .text()
        .unwrap();
    assert_eq!(feed_updated, "2026-06-15T08:30:00+07:00");
    // Pages are linked by full URL.
    assert!(xml.contains("href=\"https://portal.example.gov.vn/vneid/campaigns/dot-cao-diem/\""));
}

#[test]
fn robots_and_404() {
    let (_t, out) = build("basic", &[]);
    assert_eq!(
        read(&out, "robots.txt"),
        "User-agent: *\nAllow: /\nSitemap: https://portal.example.gov.vn/vneid/sitemap.xml\n"
    );
    let nf = read(&out, "404.html");
    assert!(nf.contains("Không tìm thấy trang"));
    // Served for any missing path, so its links are absolute.
    assert!(attr_values(&nf, "href").contains(&"/vneid/css/loa.css".to_string()));
}

#[test]
fn slogans_page_in_every_language() {
    let (_t, out) = build("basic", &[]);
    let vi = read(&out, "slogans/index.html");
    assert!(vi.contains("VNeID - Ví giấy tờ điện tử tiện lợi!"));
    assert!(vi.contains("id=vi-giay-to"));
    assert!(
        vi.contains("id=dinh-danh-so-giao-dich-nhanh"),
        "an id is made from the text when missing"
    );
    assert!(attr_values(&vi, "href").contains(&"/vneid/campaigns/dot-cao-diem/".to_string()));
    let en = read(&out, "en/slogans/index.html");
    assert!(en.contains("VNeID – a handy e-wallet for your papers!"));
    // The untranslated slogan is shown in Vietnamese, marked as such.
    assert!(
        en.contains("<blockquote lang=vi><p>Định danh số - Giao dịch nhanh!"),
        "{en}"
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let (_a, out_a) = build("basic", &[]);
    let (_b, out_b) = build("basic", &[]);
    let (a, b) = (tree(&out_a), tree(&out_b));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(v == &b[k], "{k} differs between two builds");
    }
}

#[test]
fn a_site_overrides_templates_and_strings() {
    let (_t, out) = build("theme-override", &[]);
    let page = read(&out, "trang/index.html");
    assert!(
        page.contains("<h1 class=own-template>Một trang</h1>"),
        "{page}"
    );
    // One string replaced, the others still from the built-in theme.
    assert!(page.contains("Bỏ qua, đọc nội dung"));
    assert!(page.contains("Trang thông tin chính thức"));
}

/// Each slogan and each campaign has a printable poster in every language,
/// with a QR code made at build time that leads to the campaign's page.
#[test]
fn posters_with_qr_codes() {
    let (_t, out) = build("basic", &[]);
    let slogans = read(&out, "slogans/index.html");
    let posters: Vec<String> = attr_values(&slogans, "href")
        .into_iter()
        .filter(|h| h.contains("/posters/"))
        .collect();
    assert_eq!(posters.len(), 2, "{slogans}");
    for lang in ["", "en/", "km/"] {
        for p in ["posters/vi-giay-to/", "campaigns/dot-cao-diem/poster/"] {
            let html = read(&out, &format!("{lang}{p}index.html"));
            assert!(html.contains("qr.svg"), "{lang}{p}");
            let svg = read(&out, &format!("{lang}{p}qr.svg"));
            let doc = roxmltree::Document::parse(&svg).expect("the QR code is XML");
            assert_eq!(doc.root_element().tag_name().name(), "svg");
            assert!(doc
                .descendants()
                .any(|n| n.has_tag_name("path") || n.has_tag_name("rect")));
        }
    }
    let campaign_poster = read(&out, "campaigns/dot-cao-diem/poster/index.html");
    assert!(
        campaign_poster.contains("portal.example.gov.vn/vneid/campaigns/dot-cao-diem/"),
        "{campaign_poster}"
    );
    assert!(read(&out, "campaigns/dot-cao-diem/index.html")
        .contains("/vneid/campaigns/dot-cao-diem/poster/"));
}

/// Links shared on Zalo or Facebook show the page's own title and summary.
#[test]
fn open_graph_and_twitter_tags() {
    let (_t, out) = build("basic", &[]);
    let html = read(&out, "en/guides/activate-level-2/index.html");
    for tag in [
        "property=og:title",
        "property=og:description",
        "content=https://portal.example.gov.vn/vneid/en/guides/activate-level-2/ property=og:url",
        "content=article property=og:type",
        "content=en_US property=og:locale",
        "content=summary_large_image name=twitter:card",
        "content=https://portal.example.gov.vn/vneid/en/share.png property=og:image",
    ] {
        assert!(html.contains(tag), "{tag} missing:\n{html}");
    }
    assert!(read(&out, "index.html").contains("content=vi_VN property=og:locale"));
}

/// The size of a PNG file, from its header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

/// Each campaign, and the site, has a share image in every language, and
/// every page's `og:image` is a file of the site.
#[test]
fn share_images_for_campaigns_and_the_site() {
    let (_t, out) = build("basic", &[]);
    for lang in ["", "en/", "km/"] {
        for image in [
            format!("{lang}share.png"),
            format!("{lang}campaigns/dot-cao-diem/share.png"),
        ] {
            let bytes = std::fs::read(out.join(&image)).unwrap_or_else(|e| panic!("{image}: {e}"));
            assert_eq!(png_size(&bytes), (1200, 630), "{image}");
        }
    }
    let campaign = read(&out, "campaigns/dot-cao-diem/index.html");
    assert!(campaign.contains("content=https://portal.example.gov.vn/vneid/campaigns/dot-cao-diem/share.png property=og:image"), "{campaign}");
    for (rel, html) in html_files(&out) {
        for meta in html
            .split("<meta ")
            .filter(|m| m.contains("property=og:image>"))
        {
            let url = meta
                .split_whitespace()
                .next()
                .unwrap()
                .trim_start_matches("content=");
            let file = url
                .strip_prefix("https://portal.example.gov.vn/vneid/")
                .unwrap();
            assert!(out.join(file).is_file(), "{rel}: og:image {url}");
        }
    }
    // A site's own font that is not one is an error naming the file.
    let site = copy_fixture("basic");
    let fonts = site.path().join("themes/default/fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    std::fs::write(fonts.join("NotoSans-Bold.ttf"), "not a font").unwrap();
    let err = fails("check", site.path());
    assert!(err.contains("themes/default/fonts/NotoSans-Bold.ttf:1:1: error[E0306]: cannot read: not a TrueType or OpenType font"), "{err}");
}

/// The postings of `term` in a language's search index, as `search.js`
/// finds them: the shard named by the search page, then the term.
fn search_postings(out: &std::path::Path, lang: &str, term: &str) -> Vec<(String, u64)> {
    let page = read(out, &format!("{lang}search/index.html"));
    let shards: u32 = attr_values(&page, "data-shards")[0].parse().unwrap();
    let chunk: u64 = attr_values(&page, "data-chunk")[0].parse().unwrap();
    let shard = loa::render::search::terms::shard(term, shards);
    let table: serde_json::Value =
        serde_json::from_str(&read(out, &format!("{lang}search/t/{shard:x}.json"))).unwrap();
    let Some(list) = table[term].as_array() else {
        return Vec::new();
    };
    let mut doc = 0;
    list.chunks(2)
        .map(|p| {
            doc += p[0].as_u64().unwrap();
            let weight = p[1].as_u64().unwrap();
            let rows: serde_json::Value =
                serde_json::from_str(&read(out, &format!("{lang}search/d/{}.json", doc / chunk)))
                    .unwrap();
            let path = rows[(doc % chunk) as usize][0]
                .as_str()
                .unwrap()
                .to_string();
            (path, weight)
        })
        .collect()
}

/// Each language has a search page and an index of its pages, folded so
/// that words typed without marks find them, titles weighing most; drafts
/// are not in it.
#[test]
fn search_index_in_every_language() {
    let (_t, out) = build("basic", &[]);
    let kich = search_postings(&out, "", "kich");
    let best = kich.iter().max_by_key(|(_, w)| *w).unwrap();
    assert_eq!(best.0, "guides/kich-hoat/", "{kich:?}");
    assert!(search_postings(&out, "", "kích").is_empty());
    let activate = search_postings(&out, "en/", "activate");
    assert!(
        activate
            .iter()
            .any(|(p, _)| p == "en/guides/activate-level-2/"),
        "{activate:?}"
    );
    // The draft is neither a page nor a result.
    assert!(search_postings(&out, "", "nhap").is_empty());
    for lang in ["", "en/", "km/"] {
        let page = read(&out, &format!("{lang}search/index.html"));
        assert!(page.contains("js/search.js"), "{lang}");
        // Without JavaScript, the page offers the sections instead.
        assert!(page.contains("search-noscript"), "{lang}");
        assert!(read(&out, &format!("{lang}index.html")).contains(&format!("/vneid/{lang}search/")));
        // Another language's page finds this index and its size: a query
        // typed in this language's script is looked up here.
        let meta: serde_json::Value =
            serde_json::from_str(&read(&out, &format!("{lang}search/meta.json"))).unwrap();
        assert!(
            page.contains(&format!("data-docs={}", meta["docs"])),
            "{lang}: {meta}"
        );
        assert!(page.contains(&format!("&quot;url&quot;:&quot;/vneid/{lang}search/&quot;")));
    }
}

/// Adds front-matter lines to a page of a copied site.
fn add_front(site: &std::path::Path, rel: &str, lines: &str) {
    let path = site.join("content").join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("---\n", &format!("---\n{lines}\n"), 1)).unwrap();
}

/// Guides with `step:` make the guides section a step-by-step journey: the
/// section lists them in order and each step links to the previous and the
/// next; `summary:` shows key facts as a summary list, in the order written.
#[test]
fn step_by_step_guides_and_summary_lists() {
    let site = copy_fixture("basic");
    add_front(
        site.path(),
        "guides/kich-hoat.md",
        "step: 1\nsummary:\n  Ở đâu: Công an phường\n  Mang theo: [Thẻ căn cước, điện thoại]",
    );
    add_front(site.path(), "guides/bao-ve-otp.md", "step: 2");
    let out = site.path().join("public");
    let o = build_into(site.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let section = read(&out, "guides/index.html");
    let journey = &section[section.find("class=steps").expect("a journey")..];
    let first = journey.find("/vneid/guides/kich-hoat/").unwrap();
    let second = journey.find("/vneid/guides/bao-ve-otp/").unwrap();
    assert!(first < second, "{journey}");
    let step1 = read(&out, "guides/kich-hoat/index.html");
    assert!(step1.contains("Bước 1/2"), "{step1}");
    assert!(step1.contains("aria-current=step"));
    assert!(
        step1.contains(r"href=/vneid/guides/bao-ve-otp/ rel=next"),
        "{step1}"
    );
    assert!(!step1.contains("rel=prev"));
    let summary = &step1[step1.find("class=summary-list").expect("a summary list")..];
    let (at, bring) = (
        summary.find("Ở đâu").unwrap(),
        summary.find("Mang theo").unwrap(),
    );
    assert!(at < bring);
    assert!(summary.contains("Thẻ căn cước, điện thoại"));
    let step2 = read(&out, "guides/bao-ve-otp/index.html");
    assert!(
        step2.contains(r"href=/vneid/guides/kich-hoat/ rel=prev"),
        "{step2}"
    );
    // A translation follows the journey of its original.
    assert!(read(&out, "en/guides/activate-level-2/index.html").contains("Step 1/2"));

    // The same step twice is an error at the second page's `step:` line.
    let otp = site.path().join("content/guides/bao-ve-otp.md");
    let text = std::fs::read_to_string(&otp).unwrap();
    std::fs::write(&otp, text.replace("step: 2", "step: 1")).unwrap();
    let err = fails("check", site.path());
    assert!(err.contains("content/guides/kich-hoat.md:2:7: error[E0310]: step 1 is also the step of `guides/bao-ve-otp.md`"), "{err}");
}

/// A rebuild takes a share image from the cache folder, or else from the
/// output it replaces, when what it shows has not changed, and draws it
/// again when it has.
#[test]
fn share_images_are_reused_until_their_text_changes() {
    let site = copy_fixture("basic");
    let cache = tempfile::tempdir().unwrap();
    let env = [("XDG_CACHE_HOME", cache.path().to_str().unwrap())];
    let out = site.path().join("public");
    let build = || {
        let o = build_at(site.path(), &out, "2026-06-01T08:00:00+07:00", &env);
        assert!(o.status.success(), "{}", stderr(&o));
    };
    build();
    let image = out.join("campaigns/dot-cao-diem/share.png");
    let drawn = std::fs::read(&image).unwrap();
    // A mark in the last byte: kept if the file is reused, gone if not.
    let mut marked = drawn.clone();
    let last = marked.len() - 1;
    marked[last] ^= 0xff;
    std::fs::write(&image, &marked).unwrap();
    // The image kept in the cache folder, whole, is taken before the
    // output's file: the mark is gone.
    build();
    assert_eq!(
        std::fs::read(&image).unwrap(),
        drawn,
        "taken from the cache"
    );
    // Without the cache (a new loa, or the cache deleted), the image of
    // the output replaced is taken as it is when it carries the same key.
    std::fs::write(&image, &marked).unwrap();
    std::fs::remove_dir_all(cache.path().join("loa/texts")).unwrap();
    build();
    assert_eq!(
        std::fs::read(&image).unwrap(),
        marked,
        "taken from the spare"
    );
    let index = site.path().join("content/campaigns/dot-cao-diem/index.md");
    let text = std::fs::read_to_string(&index).unwrap();
    std::fs::write(&index, text.replacen("title: \"", "title: \"Mới: ", 1)).unwrap();
    build();
    let redrawn = std::fs::read(&image).unwrap();
    assert_ne!(redrawn, drawn);
    assert_ne!(redrawn, marked);
    assert_eq!(png_size(&redrawn), (1200, 630));
}

/// Templates are minified once, when the theme is compiled
/// (`src/render/minify/`), not each page: a page made so is the page
/// minified whole, but for spaces beside the tags of blocks, which are not
/// shown, and it is hardly larger.
#[test]
fn pages_from_minified_templates_are_pages_minified_whole() {
    use loa::build::{prepare, Now, Options};
    use loa::render::{minify::minify, templates::Templates};
    use loa::write::Memory;

    let shown = |html: &[u8]| {
        String::from_utf8_lossy(html)
            .replace("> <", "><")
            .replace("<br> ", "<br>")
    };
    let sites = [
        "basic",
        "campaign-plan",
        "points",
        "three-languages",
        "theme-override",
    ]
    .map(fixture)
    .into_iter()
    .chain([std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))]);
    for root in sites {
        let options = Options {
            root: root.clone(),
            base_url: None,
            drafts: false,
            now: Now::Today,
        };
        let mut problems = loa::diagnostic::Diagnostics::new();
        let mut prepared = prepare(&options, &mut problems).expect("the site builds");
        assert!(prepared.templates.minified(), "{}", root.display());
        let once = Memory::default();
        prepared.render(&once, loa::render::Pages::Minified, None);
        let mut found = loa::diagnostic::Diagnostics::new();
        prepared.templates = Templates::compile(&prepared.theme, false, &mut found).unwrap();
        assert!(found.is_empty(), "{root:?}");
        assert!(!prepared.templates.minified());
        let whole = Memory::default();
        prepared.render(&whole, loa::render::Pages::Minified, None);

        let (once, whole) = (once.into_files(), whole.into_files());
        let (mut once_bytes, mut whole_bytes) = (0, 0);
        for (file, expected) in whole.iter().filter(|(f, _)| f.ends_with(".html")) {
            let ours = &once[file];
            assert!(
                !String::from_utf8_lossy(ours).contains('\u{E005}'),
                "{file}"
            );
            assert_eq!(
                shown(&minify(ours)),
                shown(expected),
                "{}: {file}",
                root.display()
            );
            once_bytes += ours.len();
            whole_bytes += expected.len();
        }
        assert!(
            whole_bytes > 0 && once_bytes * 100 <= whole_bytes * 103,
            "{once_bytes} > {whole_bytes} + 3 %"
        );
    }
}

/// The menu marks the item each page is in, whatever made the page (a
/// section, a ward, the schedule), in every language; a folder in two
/// items (a section named like the wards' folder) marks both.
#[test]
fn the_menu_marks_the_item_a_page_is_in() {
    let site = copy_fixture("points");
    let wards = site.path().join("content/wards");
    std::fs::create_dir_all(&wards).unwrap();
    let index = "---\ntitle: Phường\ndescription: Các phường.\n---\nCác phường.\n";
    std::fs::write(wards.join("_index.md"), index).unwrap();
    let out = site.path().join("public");
    let o = build_into(site.path(), &out);
    assert!(o.status.success(), "{}", stderr(&o));
    // The addresses of the menu's items marked current on a page.
    let current = |rel: &str| -> Vec<String> {
        let html = read(&out, rel);
        let menu = html.split("site-nav").nth(1).unwrap();
        let menu = menu.split("nav-search").next().unwrap();
        menu.split("<a href=")
            .filter(|a| a.contains("aria-current=true"))
            .map(|a| a.split([' ', '>']).next().unwrap().to_string())
            .collect()
    };
    let ward = std::fs::read_dir(out.join("wards"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|name| name != "index.html")
        .unwrap();
    for (prefix, lang) in [("", ""), ("en/", "en/")] {
        let at = |rel: &str| current(&format!("{prefix}{rel}"));
        let url = |rel: &str| format!("/vneid/{lang}{rel}");
        assert_eq!(at("index.html"), Vec::<String>::new());
        assert_eq!(at("points/index.html"), [url("points/")]);
        assert_eq!(at("schedule/index.html"), [url("schedule/")]);
        assert_eq!(at("campaigns/index.html"), [url("campaigns/")]);
        let both = [url("points/"), url("wards/")];
        assert_eq!(at("wards/index.html"), both);
        assert_eq!(at(&format!("wards/{ward}/index.html")), both);
    }
}
