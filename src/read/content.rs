//! `content/`: its files sorted into pages, sections, plan documents,
//! assets and data files, then every page and plan read and parsed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;
use rayon::prelude::*;
use walkdir::WalkDir;

use super::cache::ReadCache;
use super::config::{is_language_code, Config};
use super::frontmatter::{self, Document, PageSection};
use super::known::KnownClean;
use super::plan::{self, CampaignPlan};
use super::section::SectionKind;
use super::slogans::{self, Slogan};
use super::{points, resources, text};
use crate::diagnostic::{Diagnostics, Location};
use crate::messages::{Msg, SymlinkTarget};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// `_index.md`: the home page (at the root) or a section's list page.
    Section,
    /// Any other `.md`; `dir/index.md` is a page bundle with its files beside it.
    Page,
}

/// A Markdown file of `content/`, before it is read.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    /// Path inside `content/`, with `/`: `guides/kich-hoat.km.md`.
    pub rel: String,
    /// What translations share: `guides/kich-hoat`, `campaigns/x`, `guides` (a section), `` (home).
    pub key: String,
    pub lang: String,
    pub kind: SourceKind,
}

impl SourceFile {
    /// Which fields its front matter may have besides the common ones.
    pub fn page_section(&self) -> PageSection {
        PageSection::of(
            SectionKind::from_key(&self.key),
            self.kind == SourceKind::Page,
        )
    }
}

/// A Markdown file read: where it is, its front matter and its body.
#[derive(Debug, Clone)]
pub struct Page {
    pub file: SourceFile,
    pub doc: Document,
}

/// A file published as is.
#[derive(Debug, Clone)]
pub struct Asset {
    pub path: PathBuf,
    /// Path inside `content/`, with `/`.
    pub rel: String,
    /// Where it lands in the output, with `/`: `campaigns/x/plan.txt`, `logo.png` (from `static/`).
    pub out: String,
    /// Its size in bytes, `None` when it cannot be known.
    pub size: Option<u64>,
    /// Its bytes, when the build needs them besides publishing them.
    pub content: AssetContent,
}

/// What the build holds of an asset's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssetContent {
    /// Not read: the write stage copies the file (images, documents, plans).
    Copied,
    /// A style or script (`.css`, `.js`), read here: styles are checked,
    /// share images take their colours from the stylesheet and the offline
    /// version digests them; the bytes are what is written.
    Read(Vec<u8>),
    /// A style or script that could not be read (reported): not published.
    Unreadable,
}

impl Asset {
    /// The bytes read, for a style or script.
    pub fn bytes(&self) -> Option<&[u8]> {
        match &self.content {
            AssetContent::Read(bytes) => Some(bytes),
            AssetContent::Copied | AssetContent::Unreadable => None,
        }
    }
}

/// A campaign's plan document (`campaigns/<slug>/plan.txt` or `plan.md`).
#[derive(Debug, Clone)]
pub struct PlanFile {
    pub path: PathBuf,
    pub rel: String,
    /// The campaign's key: `campaigns/<slug>`.
    pub key: String,
}

/// The files of `content/`, sorted by what they are.
#[derive(Debug, Default)]
pub struct ContentFiles {
    pub sources: Vec<SourceFile>,
    pub assets: Vec<Asset>,
    pub plans: Vec<PlanFile>,
    pub slogans: Option<PathBuf>,
}

/// Where the stylesheet lands in the output, the theme's or the site's own.
pub const STYLESHEET: &str = "css/loa.css";

/// Everything `content/` holds, read and parsed.
#[derive(Debug, Default)]
pub struct Content {
    /// The pages whose front matter could be read, in file order.
    pub pages: Vec<Page>,
    /// The pages that could not be read (their error is reported): links
    /// to them are not errors of their own.
    pub unreadable: Vec<SourceFile>,
    /// The campaigns' plan documents, by campaign key (`campaigns/x`).
    pub plans: BTreeMap<String, CampaignPlan>,
    pub assets: Vec<Asset>,
    pub slogans: Vec<Slogan>,
    /// `slogans.yaml` has an error (reported): links to the slogans' page
    /// are not errors of their own.
    pub slogans_unreadable: bool,
    pub points: points::PointsData,
    /// The site's own `static/css/loa.css`, when it has one: share images
    /// take their colours from it.
    pub stylesheet: Option<Vec<u8>>,
}

/// Reads `content/`: its pages and plan documents side by side, its
/// slogans and points, and the list of its assets.
/// `cache`: pages, plans and points of the last build (`loa serve`), read
/// again only when changed; `known`: pages known to read as they are.
pub fn read(
    content_dir: &Path,
    config: &Config,
    (cache, known): (Option<&ReadCache>, Option<&KnownClean>),
    problems: &mut Diagnostics,
) -> Content {
    let files = walk(content_dir, config, problems);
    // `loa serve` reads again only what changed, and finds it cached.
    let _ahead = cache.is_none().then(|| {
        let paths = files.sources.iter().map(|f| f.path.clone()).collect();
        super::ahead::Prefetch::start(paths)
    });
    let mut plan_problems = Diagnostics::new();
    let ((pages, unreadable), plans) = rayon::join(
        || read_pages(files.sources, &config.timezone, (cache, known), problems),
        || plan::read_plans(&files.plans, cache, &mut plan_problems),
    );
    problems.extend(plan_problems);
    let mut slogan_problems = Diagnostics::new();
    let slogans = match &files.slogans {
        Some(path) => slogans::load(path, config, &mut slogan_problems),
        None => Vec::new(),
    };
    let slogans_unreadable = slogan_problems.has_errors();
    problems.extend(slogan_problems);
    let points_dir = content_dir.join(points::DIR);
    let points = match cache {
        Some(cache) => cache.points(&points_dir, problems, |found| {
            points::load(&points_dir, found)
        }),
        None => points::load(&points_dir, problems),
    };
    let mut assets = files.assets;
    read_styles_and_scripts(&mut assets, problems);
    let stylesheet = assets
        .iter()
        .find(|a| a.out == STYLESHEET)
        .and_then(|a| a.bytes().map(<[u8]>::to_vec));
    Content {
        pages,
        unreadable,
        plans,
        assets,
        slogans,
        slogans_unreadable,
        points,
        stylesheet,
    }
}

/// Reads the site's styles and scripts, each once; checks what the
/// stylesheets of `static/` load. A file that cannot be read is an error.
fn read_styles_and_scripts(assets: &mut [Asset], problems: &mut Diagnostics) {
    for a in assets.iter_mut().filter(|a| is_style_or_script(&a.out)) {
        let Some(bytes) = text::read_bytes(&a.path, problems) else {
            a.content = AssetContent::Unreadable;
            continue;
        };
        if is_stylesheet(&a.rel) {
            // Published as it is: its encoding is the browser's to read.
            let text = String::from_utf8_lossy(&bytes);
            resources::check_stylesheet(&a.path, &text, problems);
        }
        a.content = AssetContent::Read(bytes);
    }
}

/// A style or script, by where it lands in the output.
fn is_style_or_script(out: &str) -> bool {
    let lower = out.to_ascii_lowercase();
    lower.ends_with(".css") || lower.ends_with(".js")
}

/// The site's own CSS, `static/**/*.css`: what it loads is checked.
fn is_stylesheet(rel: &str) -> bool {
    rel.starts_with("static/") && rel.to_ascii_lowercase().ends_with(".css")
}

/// Reads every page in parallel; problems in file order. Gives the pages
/// read and the files that could not be.
pub fn read_pages(
    sources: Vec<SourceFile>,
    tz: &TimeZone,
    (cache, known): (Option<&ReadCache>, Option<&KnownClean>),
    problems: &mut Diagnostics,
) -> (Vec<Page>, Vec<SourceFile>) {
    let read: Vec<(Result<Page, SourceFile>, Diagnostics)> = sources
        .into_par_iter()
        .map(|file| {
            let mut found = Diagnostics::new();
            let section = file.page_section();
            let read = |found: &mut Diagnostics| read_page(&file.path, section, tz, known, found);
            let doc = match cache {
                Some(cache) => cache.page(&file.path, (section, tz.clone()), &mut found, read),
                None => read(&mut found),
            };
            let page = match doc {
                Some(doc) => Ok(Page { file, doc }),
                None => Err(file),
            };
            (page, found)
        })
        .collect();
    let mut pages = Vec::with_capacity(read.len());
    let mut unreadable = Vec::new();
    for (page, found) in read {
        problems.extend(found);
        match page {
            Ok(page) => pages.push(page),
            Err(file) => unreadable.push(file),
        }
    }
    (pages, unreadable)
}

/// Reads one page; `None` when it cannot be read or its front matter is
/// unreadable.
pub fn read_page(
    path: &Path,
    section: PageSection,
    tz: &TimeZone,
    known: Option<&KnownClean>,
    problems: &mut Diagnostics,
) -> Option<Document> {
    let text = text::read_known(path, known, problems)?;
    let doc = frontmatter::parse(path, &text, tz, section, problems);
    text::lookalikes(path, &text, problems);
    doc
}

/// `campaigns/<slug>/plan.txt|md|docx|pdf|doc` → `campaigns/<slug>`.
fn plan_key(rel: &str) -> Option<String> {
    let (dir, file) = rel.rsplit_once('/')?;
    let (section, slug) = dir.split_once('/')?;
    (SectionKind::from_folder(section) == SectionKind::Campaigns
        && !slug.contains('/')
        && matches!(
            file,
            "plan.txt" | "plan.md" | "plan.docx" | "plan.pdf" | "plan.doc"
        ))
    .then(|| dir.to_string())
}

/// Folders that other parts of loa read; their files are not pages or assets.
const DATA_DIRS: &[&str] = &[points::DIR];

/// The files of `content/` by what they are, in file-name order.
pub fn walk(content_dir: &Path, config: &Config, problems: &mut Diagnostics) -> ContentFiles {
    let mut files = ContentFiles::default();
    let walker = WalkDir::new(content_dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let Some(path) = usable_file(entry, content_dir, problems) else {
            continue;
        };
        let Ok(rel_path) = path.strip_prefix(content_dir) else {
            continue;
        };
        // A name saved on a Mac is decomposed (NFD); links are typed, and
        // URLs written, composed (NFC).
        let rel = super::text::nfc(rel_path.to_string_lossy().replace('\\', "/"));
        files.sort_in(path, rel, config, problems);
    }
    files
}

/// The path of a file found, `None` for folders, entries that cannot be
/// read and symbolic links that lead outside `content/`.
fn usable_file(
    entry: walkdir::Result<walkdir::DirEntry>,
    content_dir: &Path,
    problems: &mut Diagnostics,
) -> Option<PathBuf> {
    let entry = match entry {
        Ok(e) => e,
        Err(e) => {
            let path = e
                .path()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| content_dir.to_path_buf());
            problems.error(
                Location::file(path),
                Msg::ReadFailed {
                    detail: e.to_string(),
                },
            );
            return None;
        }
    };
    let ft = entry.file_type();
    if ft.is_dir() {
        folder_named_as_plan(entry.path(), content_dir, problems);
        return None;
    }
    if ft.is_symlink() {
        if let Some(points_to) = skipped_symlink(entry.path(), content_dir) {
            let target = std::fs::read_link(entry.path())
                .map(|t| t.to_string_lossy().into_owned())
                .unwrap_or_default();
            problems.warning(
                Location::file(entry.path()),
                Msg::SymlinkOutside { target, points_to },
            );
            return None;
        }
    }
    Some(entry.into_path())
}

/// A folder where a campaign's plan file is expected (`plan.txt/`): an
/// error, or the campaign would silently have no plan.
fn folder_named_as_plan(path: &Path, content_dir: &Path, problems: &mut Diagnostics) {
    let Ok(rel) = path.strip_prefix(content_dir) else {
        return;
    };
    let rel = rel.to_string_lossy().replace('\\', "/");
    if plan_key(&rel).is_some() {
        let name = rel.rsplit('/').next().unwrap_or(&rel).to_string();
        problems.error(Location::file(path), Msg::PlanIsFolder { name });
    }
}

impl ContentFiles {
    /// Files the configuration, the slogans or a data folder read are left
    /// for them; plan documents are also published as is.
    fn sort_in(&mut self, path: PathBuf, rel: String, config: &Config, problems: &mut Diagnostics) {
        let top = rel.split('/').next().unwrap_or("");
        if rel == "site.yaml" || (rel.contains('/') && DATA_DIRS.contains(&top)) {
            return;
        }
        if rel == "slogans.yaml" {
            self.slogans = Some(path);
            return;
        }
        if let Some(inner) = rel.strip_prefix("static/") {
            let out = inner.to_string();
            self.assets.push(asset(path, rel, out));
            return;
        }
        if let Some(key) = plan_key(&rel) {
            // Read as the campaign's plan, and published as is for download.
            self.plans.push(PlanFile {
                path: path.clone(),
                rel: rel.clone(),
                key,
            });
            self.assets.push(asset(path, rel.clone(), rel));
        } else if let Some(page) = page_name(&rel) {
            if let Some(source) = source_file(path, page, config, problems) {
                self.sources.push(source);
            }
        } else if saved_with_txt(&rel) {
            // Notepad's `.txt` added to a page: publishing it as is would
            // show its front matter, and a draft, to everyone.
            let name = rel.rsplit('/').next().unwrap_or(&rel);
            let page = name[..name.len() - ".txt".len()].to_string();
            problems.warning(Location::file(&path), Msg::PageSavedAsText { page });
        } else {
            self.assets.push(asset(path, rel.clone(), rel));
        }
    }
}

/// The name a page is known by when `rel` is one: `.md` in any case and
/// `.markdown` become `.md`, a language suffix in capitals its code
/// (`x.EN.MD` → `x.en.md`). `None` for other files.
fn page_name(rel: &str) -> Option<String> {
    let lower = rel.to_ascii_lowercase();
    let ext = [".md", ".markdown"]
        .into_iter()
        .find(|e| lower.ends_with(e))?;
    let stem = &rel[..rel.len() - ext.len()];
    let stem = match stem.rsplit_once('.') {
        Some((name, suffix))
            if !suffix.contains('/')
                && !is_language_code(suffix)
                && is_language_code(&suffix.to_ascii_lowercase()) =>
        {
            format!("{name}.{}", suffix.to_ascii_lowercase())
        }
        _ => stem.to_string(),
    };
    Some(format!("{stem}.md"))
}

/// A page saved with `.txt` after its name (`x.md.txt`, `x.markdown.txt`).
fn saved_with_txt(rel: &str) -> bool {
    let lower = rel.to_ascii_lowercase();
    lower.ends_with(".md.txt") || lower.ends_with(".markdown.txt")
}

fn asset(path: PathBuf, rel: String, out: String) -> Asset {
    let size = std::fs::metadata(&path).ok().map(|m| m.len());
    Asset {
        path,
        rel,
        out,
        size,
        content: AssetContent::Copied,
    }
}

/// Why a symbolic link is skipped; `None` for a link to a file inside
/// `content/`, which is read like the file. A link outside could publish
/// any file of the machine; a linked folder is not gone into (the walk
/// does not follow links, which could loop).
fn skipped_symlink(path: &Path, content_dir: &Path) -> Option<SymlinkTarget> {
    let Ok(target) = path.canonicalize() else {
        return Some(SymlinkTarget::Missing);
    };
    let inside = content_dir
        .canonicalize()
        .is_ok_and(|dir| target.starts_with(dir));
    if target.is_dir() {
        Some(SymlinkTarget::Folder)
    } else if !inside {
        Some(SymlinkTarget::Outside)
    } else {
        None
    }
}

/// What a Markdown file is, from its path: its key, language and kind.
/// `None` when its name carries a language the site does not have.
fn source_file(
    path: PathBuf,
    rel: String,
    config: &Config,
    problems: &mut Diagnostics,
) -> Option<SourceFile> {
    let (dir, file) = rel.rsplit_once('/').unwrap_or(("", rel.as_str()));
    let stem = file.trim_end_matches(".md");
    let (name, lang) = match stem.rsplit_once('.') {
        Some((name, suffix)) if is_language_code(suffix) => {
            if !config.is_language(suffix) {
                problems.error(
                    Location::file(&path),
                    Msg::LanguageNotConfigured {
                        code: suffix.to_string(),
                    },
                );
                return None;
            }
            (name, suffix.to_string())
        }
        _ => (stem, config.default_language.clone()),
    };
    let (kind, key) = match (name, dir) {
        ("_index", _) | ("index", "") => (SourceKind::Section, dir.to_string()),
        ("index", _) => (SourceKind::Page, dir.to_string()),
        (_, "") => (SourceKind::Page, name.to_string()),
        _ => (SourceKind::Page, format!("{dir}/{name}")),
    };
    Some(SourceFile {
        path,
        rel,
        key,
        lang,
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_and_scripts_are_read_once_and_other_files_left_to_copy() {
        let dir = tempfile::tempdir().unwrap();
        let mut assets = Vec::new();
        for (rel, bytes) in [
            ("static/css/loa.css", Some(&b"a { color: red }\r\n"[..])),
            ("static/js/xa.JS", Some(b"console.log(1)")),
            ("static/logo.png", Some(b"\x89PNG")),
            ("static/css/gone.css", None),
        ] {
            let path = dir.path().join(rel);
            if let Some(bytes) = bytes {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, bytes).unwrap();
            }
            let out = rel.trim_start_matches("static/").to_string();
            assets.push(asset(path, rel.to_string(), out));
        }
        let mut problems = Diagnostics::new();
        read_styles_and_scripts(&mut assets, &mut problems);
        let contents: Vec<&AssetContent> = assets.iter().map(|a| &a.content).collect();
        assert_eq!(
            contents,
            [
                &AssetContent::Read(b"a { color: red }\r\n".to_vec()),
                &AssetContent::Read(b"console.log(1)".to_vec()),
                &AssetContent::Copied,
                &AssetContent::Unreadable,
            ]
        );
        let found: Vec<(&Path, &str)> = problems
            .iter()
            .map(|d| (d.location.path.as_path(), d.msg.code()))
            .collect();
        assert_eq!(found, [(assets[3].path.as_path(), "E0306")]);
    }
}
