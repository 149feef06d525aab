//! Links written in content: site-root URLs (`/guides/`), content files
//! (`../guides/kich-hoat.md`) and files beside a page (`plan.txt`) all become
//! URLs under the deployed base path; a target that does not exist is an error.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::generated::Generated;
use super::{lang_prefix, Node};
use crate::read::config::Config;
use crate::read::content::{Asset, SourceFile};
use crate::read::text::nfc;
use crate::slug::slugify;

#[derive(Debug, PartialEq, Eq)]
pub enum LinkError {
    Broken,
    Draft,
    OutsideSite,
    /// A page that exists but could not be read: its own error says why,
    /// so the link is not one more.
    Unreadable,
}

/// What a link may point to.
pub struct LinkIndex {
    /// Content file → node, and the language when the file is a translation.
    files: HashMap<String, (usize, Option<String>)>,
    /// Site path (`guides/x/`, `en/guides/x/`) → node, and the language when it is not the default.
    urls: HashMap<String, (usize, Option<String>)>,
    draft_files: BTreeSet<String>,
    /// The content files of pages that could not be read, and the site
    /// paths they would have had.
    unreadable: HashSet<String>,
    /// Site paths (in every language) under which pages could not be
    /// made because their source could not be read.
    unread_prefixes: Vec<String>,
    /// Files in the output that are not pages: assets, theme files, feeds.
    files_out: HashSet<String>,
    /// Generated pages that exist in every language (`slogans/`, `points/`).
    per_language: HashSet<String>,
    paths: Vec<BTreeMap<String, String>>,
    prefixes: BTreeMap<String, String>,
    base_path: String,
}

impl LinkIndex {
    pub fn new(
        nodes: &[Node],
        assets: &[Asset],
        theme_static: &[String],
        draft_files: &BTreeSet<String>,
        unreadable: &[SourceFile],
        config: &Config,
        generated: &Generated,
    ) -> Self {
        let mut files = HashMap::new();
        let mut urls = HashMap::new();
        for (i, node) in nodes.iter().enumerate() {
            for (lang, v) in &node.versions {
                let explicit = (*lang != config.default_language).then(|| lang.clone());
                files.insert(v.rel.clone(), (i, explicit));
            }
            for (lang, path) in &node.paths {
                let explicit = (*lang != config.default_language).then(|| lang.clone());
                urls.entry(path.clone()).or_insert((i, explicit));
            }
        }
        let mut files_out: HashSet<String> = assets.iter().map(|a| a.out.clone()).collect();
        files_out.extend(theme_static.iter().cloned());
        files_out.extend(generated.shared.iter().cloned());
        files_out.extend(generated.per_language.iter().cloned());
        let per_language: HashSet<String> = generated.per_language.iter().cloned().collect();
        LinkIndex {
            files,
            urls,
            draft_files: draft_files.clone(),
            unreadable: unreadable_targets(unreadable, config),
            unread_prefixes: config
                .languages
                .iter()
                .flat_map(|l| {
                    let prefix = lang_prefix(config, &l.code);
                    generated.unread.iter().map(move |p| format!("{prefix}{p}"))
                })
                .collect(),
            files_out,
            per_language,
            paths: nodes.iter().map(|n| n.paths.clone()).collect(),
            prefixes: config
                .languages
                .iter()
                .map(|l| (l.code.clone(), lang_prefix(config, &l.code)))
                .collect(),
            base_path: config.base_url.path.clone(),
        }
    }

    /// The URL to write for `dest`, found in `from_rel` (a content file whose
    /// page is at `from_url`, a site path) rendered in `lang`.
    /// `Ok(None)`: leave the link as written (external, mail, phone, anchor).
    pub fn resolve(
        &self,
        dest: &str,
        from_rel: &str,
        from_url: &str,
        lang: &str,
    ) -> Result<Option<String>, LinkError> {
        if as_written(dest) {
            return Ok(None);
        }
        let dest = dest.trim();
        let (before_fragment, fragment) = match dest.find('#') {
            Some(i) => (&dest[..i], &dest[i..]),
            None => (dest, ""),
        };
        let (path, query) = match before_fragment.find('?') {
            Some(i) => (&before_fragment[..i], &before_fragment[i..]),
            None => (before_fragment, ""),
        };
        let path = nfc(percent_decode(path));
        let site_path = if let Some(root) = path.strip_prefix('/') {
            if root.ends_with(".md") {
                self.file(&normalize(root).ok_or(LinkError::OutsideSite)?, lang)?
            } else {
                self.url(root, lang).ok_or_else(|| self.missing(root))?
            }
        } else {
            let dir = from_rel.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
            let in_content = normalize(&join(dir, &path)).ok_or(LinkError::OutsideSite)?;
            if path.ends_with(".md") {
                self.file(&in_content, lang)?
            } else if self.files_out.contains(&in_content) {
                in_content
            } else {
                let by_url = normalize(&join(from_url.trim_end_matches('/'), &path))
                    .ok_or(LinkError::Broken)?;
                self.url(&by_url, lang)
                    .ok_or_else(|| self.missing(&by_url))?
            }
        };
        Ok(Some(format!(
            "{}{site_path}{query}{fragment}",
            self.base_path
        )))
    }

    /// The site path of the page a resolved URL points to (`guides/x/`),
    /// without its query and fragment; `None` outside the site.
    pub fn site_path(&self, url: &str) -> Option<String> {
        let path = url.strip_prefix(&self.base_path)?;
        Some(path.split(['?', '#']).next().unwrap_or("").to_string())
    }

    fn file(&self, rel: &str, lang: &str) -> Result<String, LinkError> {
        match self.files.get(rel) {
            Some((node, explicit)) => {
                Ok(self.node_path(*node, explicit.as_deref().unwrap_or(lang)))
            }
            None if self.draft_files.contains(rel) => Err(LinkError::Draft),
            None => Err(self.missing(rel)),
        }
    }

    /// Why a content file or site path is not there: it could not be read,
    /// or it does not exist.
    fn missing(&self, target: &str) -> LinkError {
        let target = target.strip_suffix("index.html").unwrap_or(target);
        let as_dir = format!("{}/", target.trim_end_matches('/'));
        if self.unreadable.contains(target)
            || self.unreadable.contains(&as_dir)
            || self.unread_prefixes.iter().any(|p| as_dir.starts_with(p))
        {
            LinkError::Unreadable
        } else {
            LinkError::Broken
        }
    }

    fn node_path(&self, node: usize, lang: &str) -> String {
        self.paths[node].get(lang).cloned().unwrap_or_default()
    }

    /// A site path: a page in any language, or a file of the output.
    fn url(&self, path: &str, lang: &str) -> Option<String> {
        let path = path.strip_suffix("index.html").unwrap_or(path);
        if self.files_out.contains(path) {
            return Some(self.in_language(path, lang));
        }
        let dir = if path.is_empty() || path.ends_with('/') {
            path.to_string()
        } else {
            format!("{path}/")
        };
        if let Some((node, explicit)) = self.urls.get(&dir) {
            return Some(self.node_path(*node, explicit.as_deref().unwrap_or(lang)));
        }
        if self.files_out.contains(&dir) {
            return Some(self.in_language(&dir, lang));
        }
        None
    }

    fn in_language(&self, path: &str, lang: &str) -> String {
        if self.per_language.contains(path) {
            format!(
                "{}{path}",
                self.prefixes.get(lang).map(String::as_str).unwrap_or("")
            )
        } else {
            path.to_string()
        }
    }
}

/// The content files of the pages that could not be read, and the paths
/// they would have in every language without a `slug` of their own.
fn unreadable_targets(files: &[SourceFile], config: &Config) -> HashSet<String> {
    let mut targets = HashSet::new();
    for file in files {
        targets.insert(file.rel.clone());
        let mut path: String = file
            .key
            .split('/')
            .filter(|s| !s.is_empty())
            .map(slugify)
            .collect::<Vec<_>>()
            .join("/");
        path.push('/');
        for lang in &config.languages {
            targets.insert(format!("{}{path}", lang_prefix(config, &lang.code)));
        }
    }
    targets
}

/// Whether a link's address is left as written on every page: empty, a
/// section of the same page, or another host's (`//…`, `https:`, `mailto:`).
pub fn as_written(dest: &str) -> bool {
    let dest = dest.trim();
    dest.is_empty() || dest.starts_with('#') || dest.starts_with("//") || has_scheme(dest)
}

fn has_scheme(dest: &str) -> bool {
    match dest.find(':') {
        Some(i) => {
            let scheme = &dest[..i];
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
        }
        None => false,
    }
}

fn join(dir: &str, rel: &str) -> String {
    if dir.is_empty() {
        rel.to_string()
    } else {
        format!("{dir}/{rel}")
    }
}

/// Resolves `.` and `..`; `None` when the path climbs above the root.
/// A trailing `/` is kept.
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if path.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

pub(crate) fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && bytes[i + 1].is_ascii_hexdigit()
            && bytes[i + 2].is_ascii_hexdigit()
        {
            let hex = |b: u8| (b as char).to_digit(16).unwrap_or(0) as u8;
            out.push(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_paths() {
        assert_eq!(
            normalize("guides/../campaigns/x/").as_deref(),
            Some("campaigns/x/")
        );
        assert_eq!(normalize("./a.md").as_deref(), Some("a.md"));
        assert_eq!(normalize("../a.md"), None);
        assert_eq!(normalize("").as_deref(), Some(""));
    }

    #[test]
    fn schemes() {
        assert!(has_scheme("https://x"));
        assert!(has_scheme("mailto:a@b"));
        assert!(has_scheme("tel:+84"));
        assert!(!has_scheme("guides/a:b.md"));
        assert!(!has_scheme("/a"));
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(
            percent_decode("k%C3%ADch%20ho%E1%BA%A1t.md"),
            "kích hoạt.md"
        );
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%ố%2"), "%ố%2");
    }
}
