//! Pages' texts kept between builds (`render/text_cache.rs`), and pages
//! made by templates (`render/kept_pages.rs`): a build that takes them
//! makes what a build without them makes, and reports the same.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::*;

const NOW: &str = "2026-06-01T08:00:00+07:00";

/// A copy of the `basic` fixture with a cache folder of its own.
struct Site {
    site: tempfile::TempDir,
    dir: tempfile::TempDir,
}

impl Site {
    fn new() -> Site {
        Site {
            site: copy_fixture("basic"),
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn root(&self) -> &Path {
        self.site.path()
    }

    fn cache(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    fn env(&self) -> [(&'static str, String); 2] {
        [
            ("XDG_CACHE_HOME", self.cache().to_str().unwrap().to_string()),
            ("LOA_TIMINGS", "1".to_string()),
        ]
    }

    /// `loa build` into `out` (in the test's folder).
    fn build(&self, out: &str) -> Output {
        let env = self.env();
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        build_at(self.root(), &self.dir.path().join(out), NOW, &env)
    }

    fn check(&self) -> Output {
        let env = self.env();
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let root = self.root().to_str().unwrap();
        loa(&["check", "--root", root, "--now", NOW], &env)
    }

    fn out(&self, out: &str) -> PathBuf {
        self.dir.path().join(out)
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.root().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel}: {from}");
        std::fs::write(&path, text.replace(from, to)).unwrap();
    }
}

/// The texts a build took from the cache, and those it rendered, from
/// `LOA_TIMINGS`' line.
fn kept(o: &Output) -> (usize, usize) {
    kept_of(o, "texts")
}

/// The pages made by templates a build took from the cache, of those it made.
fn kept_pages(o: &Output) -> (usize, usize) {
    kept_of(o, "pages")
}

fn kept_of(o: &Output, what: &str) -> (usize, usize) {
    let err = stderr(o);
    let line = err
        .lines()
        .find_map(|l| l.trim_start().strip_prefix(&format!("kept {what}: ")))
        .unwrap_or_else(|| panic!("no count of kept {what}: {err}"));
    let (found, asked) = line.split_once(" of ").unwrap();
    (found.parse().unwrap(), asked.parse().unwrap())
}

/// The share images a build took from the cache, of those it made.
fn kept_images(o: &Output) -> (usize, usize) {
    kept_of(o, "share images")
}

/// Problems as reported, without the timings and the build's last line.
fn problems(o: &Output) -> Vec<String> {
    stderr(o)
        .lines()
        .filter(|l| !l.contains(" ms, cpu ") && !l.trim_start().starts_with("kept "))
        .filter(|l| !l.starts_with("Built ") && !l.starts_with("Checked "))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_build_with_kept_texts_makes_what_a_build_without_makes() {
    let site = Site::new();
    // A text with warnings: an image without a text, on another host.
    std::fs::write(
        site.root().join("content/guides/anh.md"),
        "---\ntitle: Ảnh\n---\nXem ảnh:\n\n![](https://example.org/a.png)\n",
    )
    .unwrap();
    let first = site.build("one");
    assert!(first.status.success(), "{}", stderr(&first));
    let (found, asked) = kept(&first);
    assert_eq!(found, 0);
    assert!(asked > 5, "{asked}");

    let second = site.build("two");
    assert!(second.status.success(), "{}", stderr(&second));
    let (found_again, asked_again) = kept(&second);
    assert_eq!(asked_again, asked);
    // Only the text with warnings is rendered again, to report them: on
    // its page in each of the site's languages.
    let shown = tree(&site.out("two"))
        .keys()
        .filter(|k| k.ends_with("guides/anh/index.html"))
        .count();
    assert!(shown > 1);
    assert_eq!(found_again, asked - shown);
    assert!(tree(&site.out("one")) == tree(&site.out("two")));
    assert_eq!(problems(&first), problems(&second));
    let warned = problems(&first).join("\n");
    assert!(warned.contains("anh.md:6"), "{warned}");

    // `check` keeps its own: the same problems every time.
    let (check_one, check_two) = (site.check(), site.check());
    assert_eq!(kept(&check_one).0, 0);
    assert!(kept(&check_two).0 > 0);
    assert_eq!(problems(&check_one), problems(&check_two));
    assert_eq!(check_one.status.code(), check_two.status.code());
}

#[test]
fn a_text_is_rendered_again_when_a_page_it_links_to_goes() {
    let site = Site::new();
    assert!(site.build("one").status.success());
    std::fs::remove_file(site.root().join("content/guides/bao-ve-otp.md")).unwrap();
    let o = site.build("two");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("kich-hoat.md:9") && err.contains("bao-ve-otp.md"),
        "{err}"
    );
}

#[test]
fn a_text_is_rendered_again_when_a_page_it_links_to_moves() {
    let site = Site::new();
    assert!(site.build("one").status.success());
    let page = |out: &str| read(&site.out(out), "guides/kich-hoat/index.html");
    assert!(page("one").contains("/guides/bao-ve-otp/"));
    site.edit(
        "content/guides/bao-ve-otp.md",
        "weight: 2\n",
        "weight: 2\nslug: otp\n",
    );
    let o = site.build("two");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(page("two").contains("/guides/otp/"), "{}", page("two"));
    assert!(!page("two").contains("/guides/bao-ve-otp/"));
}

#[test]
fn a_link_to_a_section_is_checked_against_the_page_as_it_is_now() {
    let site = Site::new();
    assert!(site.build("one").status.success());
    // The campaign's page links to `kich-hoat.md#buoc-1`; its text is kept,
    // the heading it names is gone.
    site.edit(
        "content/guides/kich-hoat.md",
        "## Bước 1\n\nĐến",
        "## Đến nơi\n\nĐến",
    );
    site.edit("content/guides/kich-hoat.md", "## Bước 1\n", "## Trùng\n");
    let o = site.build("two");
    let (found, asked) = kept(&o);
    assert!(found > 0 && found < asked, "{found} of {asked}");
    let err = stderr(&o);
    assert!(
        err.contains("dot-cao-diem") && err.contains("buoc-1"),
        "{err}"
    );
}

#[test]
fn an_edited_text_shows_as_edited() {
    let site = Site::new();
    assert!(site.build("one").status.success());
    site.edit(
        "content/guides/bao-ve-otp.md",
        "qua điện thoại",
        "qua điện thoại hay tin nhắn",
    );
    let o = site.build("two");
    assert!(o.status.success(), "{}", stderr(&o));
    let (found, asked) = kept(&o);
    assert!(found < asked);
    let page = read(&site.out("two"), "guides/bao-ve-otp/index.html");
    assert!(page.contains("qua điện thoại hay tin nhắn"), "{page}");
    // The search index has the new word.
    let index = tree(&site.out("two"))
        .into_iter()
        .filter(|(k, _)| k.contains("search") && k.ends_with(".json"))
        .any(|(_, v)| String::from_utf8_lossy(&v).contains("nhan"));
    assert!(index, "the new word is in the search index");
}

#[test]
fn a_cache_that_is_not_whole_is_not_used() {
    let site = Site::new();
    assert!(site.build("one").status.success());
    let texts = site.cache().join("loa/texts");
    let files: Vec<PathBuf> = std::fs::read_dir(&texts)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let data = files
        .iter()
        .find(|p| p.extension().is_some_and(|x| x == "data"))
        .unwrap();
    // Every byte after the start changed: no result is taken.
    let mut bytes = std::fs::read(data).unwrap();
    for b in &mut bytes[16..] {
        *b ^= 0x5a;
    }
    std::fs::write(data, &bytes).unwrap();
    let o = site.build("two");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(kept(&o).0, 0);
    assert!(tree(&site.out("one")) == tree(&site.out("two")));
    // Cut short, then: the same.
    std::fs::write(data, &bytes[..bytes.len() / 2]).unwrap();
    let o = site.build("three");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(tree(&site.out("one")) == tree(&site.out("three")));
    // And the next build takes what the last one kept.
    let o = site.build("four");
    assert!(kept(&o).0 > 0, "{}", stderr(&o));
    assert!(tree(&site.out("one")) == tree(&site.out("four")));
}

#[test]
fn a_page_in_a_legacy_font_is_converted_and_warned_of_by_every_build() {
    let site = Site::new();
    std::fs::write(
        site.root().join("content/guides/cu.md"),
        "---\ntitle: Cũ\n---\nCoâng an phöôøng Taân Myõ\n",
    )
    .unwrap();
    // Decomposed, as Word pastes it: composed on every build.
    std::fs::write(
        site.root().join("content/guides/tach.md"),
        "---\ntitle: Tách\n---\nCo\u{302}ng an phu\u{31b}o\u{31b}\u{300}ng\n",
    )
    .unwrap();
    let (one, two) = (site.build("one"), site.build("two"));
    for o in [&one, &two] {
        assert!(o.status.success(), "{}", stderr(o));
        assert!(stderr(o).contains("cu.md:4"), "{}", stderr(o));
    }
    assert_eq!(problems(&one), problems(&two));
    assert!(tree(&site.out("one")) == tree(&site.out("two")));
    for out in ["one", "two"] {
        assert!(read(&site.out(out), "guides/cu/index.html").contains("Công an phường Tân Mỹ"));
        assert!(read(&site.out(out), "guides/tach/index.html").contains("Công an phường"));
    }
}

/// The file at `rel` in the spare of the output `out`: what the next build
/// of it writes over.
fn in_spare(site: &Site, rel: &str) -> PathBuf {
    let spares = site.cache().join("loa/spare-outputs");
    let spare = std::fs::read_dir(&spares)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.join(rel).is_file())
        .unwrap_or_else(|| panic!("no spare holds {rel}"));
    spare.join(rel)
}

#[test]
fn a_page_kept_is_the_page_a_build_makes_anew() {
    let site = Site::new();
    // Written over its spare from the third build on.
    for _ in 0..3 {
        let o = site.build("out");
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let o = site.build("out");
    let (found, asked) = kept_pages(&o);
    assert!(found == asked && asked > 5, "{found} of {asked}");
    let fresh = Site::new();
    assert!(fresh.build("fresh").status.success());
    assert!(tree(&site.out("out")) == tree(&fresh.out("fresh")));
    // `check` keeps the ids of its pages: the same problems every time.
    site.edit("content/guides/kich-hoat.md", "## Bước 1\n", "## Trùng\n");
    let (one, two) = (site.check(), site.check());
    assert_eq!(kept_pages(&one).0, 0);
    assert!(kept_pages(&two).0 > 0);
    assert_eq!(problems(&one), problems(&two));
    assert!(problems(&two).join("\n").contains("buoc-1"));

    // The site's title is on every page: none is kept.
    site.edit("content/guides/kich-hoat.md", "## Trùng\n", "## Bước 1\n");
    site.edit("content/site.yaml", "title: ", "title: Mới ");
    fresh.edit("content/site.yaml", "title: ", "title: Mới ");
    let o = site.build("out");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(kept_pages(&o).0, 0);
    // A page's title is on its page and its section's, not on the others.
    for _ in 0..2 {
        assert!(site.build("out").status.success());
    }
    site.edit("content/guides/bao-ve-otp.md", "title: ", "title: Mới ");
    fresh.edit("content/guides/bao-ve-otp.md", "title: ", "title: Mới ");
    let o = site.build("out");
    assert!(o.status.success(), "{}", stderr(&o));
    let (found, asked) = kept_pages(&o);
    assert!(found > 0 && found < asked, "{found} of {asked}");
    assert!(fresh.build("fresh").status.success());
    assert!(tree(&site.out("out")) == tree(&fresh.out("fresh")));
}

#[test]
fn a_page_changed_in_the_spare_or_a_template_changed_is_made_again() {
    let site = Site::new();
    for _ in 0..3 {
        assert!(site.build("out").status.success());
    }
    // The same length, one letter changed: the digest tells.
    let rel = "guides/bao-ve-otp/index.html";
    let page = in_spare(&site, rel);
    let mut bytes = std::fs::read(&page).unwrap();
    let at = bytes.windows(5).position(|w| w == b"<body").unwrap();
    bytes[at + 1] = b'B';
    std::fs::write(&page, &bytes).unwrap();
    let o = site.build("out");
    assert!(o.status.success(), "{}", stderr(&o));
    let (found, asked) = kept_pages(&o);
    assert_eq!(found + 1, asked);
    let fresh = Site::new();
    assert!(fresh.build("fresh").status.success());
    assert!(tree(&site.out("out")) == tree(&fresh.out("fresh")));

    // A read-only file in the spare is not kept: written as any write
    // writes it (anew, but by root, who may write it).
    let page = in_spare(&site, rel);
    let mut permissions = std::fs::metadata(&page).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&page, permissions).unwrap();
    let o = site.build("out");
    assert!(o.status.success(), "{}", stderr(&o));
    let (found, asked) = kept_pages(&o);
    assert_eq!(found + 1, asked);
    assert!(tree(&site.out("out")) == tree(&fresh.out("fresh")));

    // A template of the site's own theme, over the default one.
    let theme = site.root().join("themes/default/templates");
    std::fs::create_dir_all(&theme).unwrap();
    let template = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/page.html"),
    )
    .unwrap();
    let ours = template.replacen("</article>", "<p>Mẫu riêng</p></article>", 1);
    assert_ne!(ours, template, "page.html has an article");
    std::fs::write(theme.join("page.html"), ours).unwrap();
    let o = site.build("out");
    assert!(o.status.success(), "{}", stderr(&o));
    // Every template is in every page's key.
    assert_eq!(kept_pages(&o).0, 0);
    assert!(read(&site.out("out"), rel).contains("Mẫu riêng"));
}

#[test]
fn share_images_kept_are_those_a_build_draws_into_a_new_folder() {
    let site = Site::new();
    let first = site.build("one");
    assert!(first.status.success(), "{}", stderr(&first));
    let (found, asked) = kept_images(&first);
    assert!(found == 0 && asked > 1, "{found} of {asked}");
    // Into a new folder: no spare to take them from, all from the cache.
    let second = site.build("two");
    assert_eq!(kept_images(&second), (asked, asked));
    assert!(tree(&site.out("one")) == tree(&site.out("two")));

    // A campaign's new title: its image in each language is drawn again,
    // as a build with nothing kept draws it.
    let campaign = std::fs::read_dir(site.root().join("content/campaigns"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.join("index.md").is_file())
        .expect("a campaign of the fixture");
    let text = std::fs::read_to_string(campaign.join("index.md")).unwrap();
    let retitled = text.replacen("title: ", "title: Mới ", 1);
    assert_ne!(retitled, text);
    std::fs::write(campaign.join("index.md"), retitled).unwrap();
    let third = site.build("three");
    assert!(third.status.success(), "{}", stderr(&third));
    let (found, asked_now) = kept_images(&third);
    assert_eq!(asked_now, asked);
    assert!(found > 0 && found < asked, "{found} of {asked}");
    let fresh = Site::new();
    fresh.edit(
        &campaign
            .strip_prefix(site.root())
            .unwrap()
            .join("index.md")
            .to_string_lossy(),
        "title: ",
        "title: Mới ",
    );
    assert!(fresh.build("fresh").status.success());
    assert!(tree(&site.out("three")) == tree(&fresh.out("fresh")));
}

/// The size of the build's data file in the site's cache folder.
fn data_size(site: &Site) -> u64 {
    let texts = site.cache().join("loa/texts");
    let data: Vec<_> = std::fs::read_dir(&texts)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with("-build.data"))
        .collect();
    assert_eq!(data.len(), 1, "{data:?}");
    std::fs::metadata(&data[0]).unwrap().len()
}

#[test]
fn a_build_into_a_new_folder_adds_nothing_kept_already() {
    let site = Site::new();
    assert!(site.build("one").status.success());
    let first = data_size(&site);
    // Every page is made again (there is no output to take it from), and
    // is what is kept: nothing is added.
    for out in ["two", "three"] {
        let o = site.build(out);
        assert!(o.status.success(), "{}", stderr(&o));
        let (_, pages) = kept_pages(&o);
        assert!(pages > 10, "{pages} pages");
        assert_eq!(data_size(&site), first, "after {out}");
    }
    assert!(tree(&site.out("one")) == tree(&site.out("three")));
    // And every page is still kept: once there is a spare output to write
    // over (the second rebuild), a rebuild takes them all.
    site.build("three");
    let (found, asked) = kept_pages(&site.build("three"));
    assert_eq!(found, asked);
    assert_eq!(data_size(&site), first);
    // A text changed is added.
    site.edit(
        "content/guides/bao-ve-otp.md",
        "qua điện thoại.",
        "qua điện thoại, tin nhắn hay mạng xã hội.",
    );
    assert!(site.build("four").status.success());
    assert!(data_size(&site) > first);
}
