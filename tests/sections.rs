//! A section's page lists its subsections with a few of their pages each,
//! and only their names when there are many: a page a phone can load, for a
//! province's hundreds of communes as for a ward's three folders.

mod common;

use std::path::Path;

use common::*;

/// A `guides/` section of `folders` subsections of `pages` pages each.
fn site_with(folders: usize, pages: usize) -> tempfile::TempDir {
    let site = copy_fixture("basic");
    let guides = site.path().join("content/guides");
    for f in 0..folders {
        let folder = guides.join(format!("xa-{f:03}"));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(
            folder.join("_index.md"),
            format!("---\ntitle: Xã {f:03}\n---\n"),
        )
        .unwrap();
        for p in 0..pages {
            std::fs::write(
                folder.join(format!("trang-{p:03}.md")),
                format!("---\ntitle: Trang {f:03}-{p:03}\n---\nNội dung.\n"),
            )
            .unwrap();
        }
    }
    site
}

/// The `guides/` page in each language: Vietnamese, English, Khmer.
fn guides_pages(site: &Path) -> [String; 3] {
    let out = site.join("public");
    let o = build_into(site, &out);
    assert!(o.status.success(), "{}", stderr(&o));
    ["", "en/", "km/"].map(|dir| read(&out, &format!("{dir}guides/index.html")))
}

#[test]
fn a_few_subsections_show_twelve_pages_each_and_a_link_to_all() {
    let site = site_with(2, 15);
    let [html, en, km] = guides_pages(site.path());
    assert!(html.contains("Trang 000-011"), "the 12th page is listed");
    assert!(!html.contains("Trang 000-012"), "the 13th is not");
    assert!(html.contains("Xem tất cả các trang (15)"), "{html}");
    assert!(en.contains("See all pages (15)"));
    assert!(km.contains("មើលទំព័រទាំងអស់ (15)"));
}

#[test]
fn many_subsections_are_listed_by_name() {
    let site = site_with(13, 3);
    let [html, ..] = guides_pages(site.path());
    for f in 0..13 {
        assert!(
            html.contains(&format!("Xã {f:03}")),
            "subsection {f} listed"
        );
    }
    assert!(!html.contains("Trang 000-000"), "no page of a subsection");
    assert_eq!(html.matches("Xem tất cả các trang (3)").count(), 13);
}

#[test]
fn a_small_section_lists_every_page_without_a_link() {
    let site = site_with(2, 12);
    let [html, ..] = guides_pages(site.path());
    assert!(html.contains("Trang 001-011"));
    assert!(!html.contains("Xem tất cả các trang"));
}
