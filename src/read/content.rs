//! Walks `content/` and sorts its files into pages, sections and assets.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::config::{is_language_code, Config};
use crate::diagnostic::{Diagnostic, Location};
use crate::messages::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// `_index.md`: the home page (at the root) or a section's list page.
    Section,
    /// Any other `.md`; `dir/index.md` is a page bundle with its files beside it.
    Page,
}

#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    /// Path inside `content/`, with `/`: `guides/kich-hoat.km.md`.
    pub rel: String,
    /// What translations share: `guides/kich-hoat`, `campaigns/x`, `guides` (a section), `` (home).
    pub key: String,
    pub lang: String,
    pub kind: SourceKind,
    pub text: String,
}

impl SourceFile {
    /// The folder of the file inside `content/` (`guides`, `campaigns/x`, ``).
    pub fn dir(&self) -> &str {
        self.rel.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
    }
}

/// A file copied to the output as is.
#[derive(Debug, Clone)]
pub struct Asset {
    pub path: PathBuf,
    /// Path inside `content/`, with `/`.
    pub rel: String,
    /// Where it lands in the output, with `/`: `campaigns/x/plan.txt`, `logo.png` (from `static/`).
    pub out: String,
}

/// A campaign's plan document (`campaigns/<slug>/plan.txt` or `plan.md`).
#[derive(Debug, Clone)]
pub struct PlanFile {
    pub path: PathBuf,
    pub rel: String,
    /// The campaign's key: `campaigns/<slug>`.
    pub key: String,
}

#[derive(Debug, Default)]
pub struct ContentTree {
    pub sources: Vec<SourceFile>,
    pub assets: Vec<Asset>,
    pub plans: Vec<PlanFile>,
    pub slogans: Option<PathBuf>,
}

/// `campaigns/<slug>/plan.txt|plan.md` → `campaigns/<slug>`.
fn plan_key(rel: &str) -> Option<String> {
    let (dir, file) = rel.rsplit_once('/')?;
    let (section, slug) = dir.split_once('/')?;
    (section == "campaigns" && !slug.contains('/') && matches!(file, "plan.txt" | "plan.md"))
        .then(|| dir.to_string())
}

/// Folders that other parts of loa read; their files are not pages or assets.
const DATA_DIRS: &[&str] = &["points"];

pub fn walk(content_dir: &Path, config: &Config) -> (ContentTree, Vec<Diagnostic>) {
    let mut tree = ContentTree::default();
    let mut problems = Vec::new();
    let mut markdown = Vec::new();
    let walker = WalkDir::new(content_dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| content_dir.to_path_buf());
                problems.push(Diagnostic::error(
                    Location::file(path),
                    Msg::ReadFailed {
                        detail: e.to_string(),
                    },
                ));
                continue;
            }
        };
        let ft = entry.file_type();
        if ft.is_dir() {
            continue;
        }
        let path = entry.path();
        if ft.is_symlink() && !symlink_stays_inside(path, content_dir) {
            // Neither followed nor copied: it could publish any file of the machine.
            problems.push(Diagnostic::warning(
                Location::file(path),
                Msg::SymlinkOutside,
            ));
            continue;
        }
        let Ok(rel_path) = path.strip_prefix(content_dir) else {
            continue;
        };
        let rel = rel_path.to_string_lossy().replace('\\', "/");
        let top = rel.split('/').next().unwrap_or("");
        if rel == "site.yaml" {
            continue;
        }
        if rel == "slogans.yaml" {
            tree.slogans = Some(path.to_path_buf());
            continue;
        }
        if rel.contains('/') && DATA_DIRS.contains(&top) {
            continue;
        }
        if let Some(inner) = rel.strip_prefix("static/") {
            tree.assets.push(Asset {
                path: path.to_path_buf(),
                out: inner.to_string(),
                rel: rel.clone(),
            });
            continue;
        }
        if let Some(key) = plan_key(&rel) {
            // Read as the campaign's plan, and published as is for download.
            tree.plans.push(PlanFile {
                path: path.to_path_buf(),
                rel: rel.clone(),
                key,
            });
            tree.assets.push(Asset {
                path: path.to_path_buf(),
                out: rel.clone(),
                rel,
            });
        } else if rel.ends_with(".md") {
            markdown.push((path.to_path_buf(), rel));
        } else {
            tree.assets.push(Asset {
                path: path.to_path_buf(),
                out: rel.clone(),
                rel,
            });
        }
    }

    let read: Vec<Result<SourceFile, Diagnostic>> = markdown
        .into_par_iter()
        .map(|(path, rel)| read_source(path, rel, config))
        .collect();
    for r in read {
        match r {
            Ok(s) => tree.sources.push(s),
            Err(d) => problems.push(d),
        }
    }
    (tree, problems)
}

fn symlink_stays_inside(path: &Path, content_dir: &Path) -> bool {
    match (path.canonicalize(), content_dir.canonicalize()) {
        (Ok(target), Ok(dir)) => target.starts_with(dir) && target.is_file(),
        _ => false,
    }
}

fn read_source(path: PathBuf, rel: String, config: &Config) -> Result<SourceFile, Diagnostic> {
    let (dir, file) = rel.rsplit_once('/').unwrap_or(("", rel.as_str()));
    let stem = file.trim_end_matches(".md");
    let (name, lang) = match stem.rsplit_once('.') {
        Some((name, suffix)) if is_language_code(suffix) => {
            if !config.is_language(suffix) {
                return Err(Diagnostic::error(
                    Location::file(&path),
                    Msg::LanguageNotConfigured {
                        code: suffix.to_string(),
                    },
                ));
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
    let bytes = std::fs::read(&path).map_err(|e| {
        Diagnostic::error(
            Location::file(&path),
            Msg::ReadFailed {
                detail: e.to_string(),
            },
        )
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Diagnostic::error(Location::file(&path), Msg::NotUtf8))?;
    Ok(SourceFile {
        text: super::text::normalize(&text),
        path,
        rel,
        key,
        lang,
        kind,
    })
}
