//! Where every page lands: its site path in each language, the old URLs
//! that redirect to it, and the check that no two outputs share a path.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::generated::Generated;
use super::lang_prefix;
use super::node::{Alias, Node, NodeKind, Version};
use crate::diagnostic::{Diagnostics, Location};
use crate::messages::Msg;
use crate::read::config::Config;
use crate::read::content::Asset;
use crate::slug::slugify;

/// The paths of every node in every language, in parallel; problems in
/// node order.
pub fn assign_all(nodes: &mut [Node], config: &Config, problems: &mut Diagnostics) {
    let found: Vec<Diagnostics> = nodes
        .par_iter_mut()
        .map(|node| {
            let mut found = Diagnostics::new();
            assign(node, config, &mut found);
            found
        })
        .collect();
    for f in found {
        problems.extend(f);
    }
}

/// The site path of a version: its folders slugified, the last one replaced
/// by the page's `slug` when it has one.
fn own_path(dir: &[String], kind: NodeKind, v: Option<&Version>) -> String {
    let mut parts = dir.to_vec();
    if kind == NodeKind::Page {
        if let Some(slug) = v.and_then(|v| v.front.slug.as_deref()) {
            let s = slugify(slug);
            if let Some(last) = parts.last_mut() {
                if !s.is_empty() {
                    *last = s;
                }
            }
        }
    }
    let mut p = parts.join("/");
    if !p.is_empty() {
        p.push('/');
    }
    p
}

fn assign(node: &mut Node, config: &Config, problems: &mut Diagnostics) {
    let dir: Vec<String> = node
        .key
        .split('/')
        .filter(|s| !s.is_empty())
        .map(slugify)
        .collect();
    let own = |v: Option<&Version>| own_path(&dir, node.kind, v);
    let default_path = own(node.versions.get(&config.default_language));
    // An address in Khmer or another script is unreadable once percent-encoded.
    for (lang, v) in &node.versions {
        let path = if *lang == config.default_language {
            default_path.clone()
        } else {
            own(Some(v))
        };
        if !path.is_ascii() {
            problems.error(
                Location::file(&v.path),
                Msg::NonLatinSlug {
                    value: format!("/{}", path),
                },
            );
        }
    }
    let mut paths = BTreeMap::new();
    for lang in &config.languages {
        let prefix = lang_prefix(config, &lang.code);
        let path = match node.versions.get(&lang.code) {
            Some(v) if lang.code != config.default_language => format!("{prefix}{}", own(Some(v))),
            _ => format!("{prefix}{default_path}"),
        };
        paths.insert(lang.code.clone(), path);
    }
    node.paths.extend(paths);
    if node.kind != NodeKind::Page {
        for v in node.versions.values().filter(|v| v.front.slug.is_some()) {
            problems.error(
                Location::file(&v.path),
                Msg::UnknownField {
                    field: "slug".into(),
                    suggestion: None,
                },
            );
        }
    }
}

/// Every alias of every version, in node order.
pub fn aliases(nodes: &[Node]) -> Vec<Alias> {
    let mut aliases = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        for v in node.versions.values() {
            for (alias, location) in &v.front.aliases {
                aliases.push(Alias {
                    path: alias_site_path(alias),
                    written: alias.clone(),
                    node: i,
                    lang: v.lang.clone(),
                    location: location.clone(),
                });
            }
        }
    }
    aliases
}

/// `/old/page/` → `old/page/`; `/old.html` stays a file; `/a//./b/index.html`
/// → `a/b/`, as a web server finds it. (`..` and `\\` are refused when read.)
fn alias_site_path(alias: &str) -> String {
    let parts: Vec<&str> = alias
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let mut p = parts.join("/");
    if let Some(dir) = p.strip_suffix("index.html") {
        if dir.is_empty() || dir.ends_with('/') {
            return dir.to_string();
        }
    }
    if !(p.is_empty() || p.ends_with(".html")) {
        p.push('/');
    }
    p
}

/// The file a site path is written to: a page's folder holds `index.html`.
fn file_of(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// The output files taken so far, each with what took it (`None`: loa).
struct Claims<'a> {
    taken: BTreeMap<String, Option<String>>,
    /// Folders whose every file loa writes (the search index).
    owned: Vec<String>,
    base_path: &'a str,
}

impl Claims<'_> {
    /// Takes `path` for `by`; `false`, with an error at `loc`, when it is taken.
    fn claim(&mut self, path: &str, by: String, loc: Location, problems: &mut Diagnostics) -> bool {
        let file = file_of(path);
        if let Some(other) = self.taken.get(&file) {
            problems.error(
                loc,
                Msg::DuplicateUrl {
                    url: format!("{}{}", self.base_path, path),
                    other: other.clone().unwrap_or_else(|| "loa".into()),
                },
            );
            false
        } else {
            self.taken.insert(file, Some(by));
            true
        }
    }

    /// Takes `path` for an alias of `by`; an error at `loc` when a page, a
    /// file loa writes or another alias has it, or when one of them is a
    /// file where the alias needs a folder or the other way round.
    fn claim_alias(&mut self, alias: &Alias, by: String, problems: &mut Diagnostics) {
        let file = file_of(&alias.path);
        let folder = format!("{file}/");
        let above = file
            .match_indices('/')
            .map(|(i, _)| &file[..i])
            .find_map(|dir| self.taken.get(dir));
        let below = self
            .taken
            .range(folder.clone()..)
            .next()
            .filter(|(f, _)| f.starts_with(&folder))
            .map(|(_, by)| by);
        let owned = self.owned.iter().any(|o| file.starts_with(o.as_str()));
        let other = match self.taken.get(&file).or(above).or(below) {
            Some(other) => Some(other.clone()),
            None if owned => Some(None),
            None => None,
        };
        match other {
            Some(other) => problems.error(
                alias.location.clone(),
                Msg::AliasTaken {
                    url: format!(
                        "{}{}",
                        self.base_path,
                        alias.written.trim_start_matches('/')
                    ),
                    other,
                },
            ),
            None => {
                self.taken.insert(file, Some(by));
            }
        }
    }
}

/// No two outputs share a path: what loa generates first (the theme's
/// files among them), then pages as written, the fallback copies of
/// originals, aliases and assets.
pub fn check_unique(
    nodes: &[Node],
    aliases: &[Alias],
    assets: &[Asset],
    theme_static: &[String],
    config: &Config,
    generated: &Generated,
    problems: &mut Diagnostics,
) {
    let loa_files = generated
        .all(config)
        .into_iter()
        .chain(theme_static.iter().cloned());
    let mut claims = Claims {
        taken: loa_files.map(|p| (file_of(&p), None)).collect(),
        owned: config
            .languages
            .iter()
            .map(|l| format!("{}search/", lang_prefix(config, &l.code)))
            .collect(),
        base_path: &config.base_url.path,
    };
    claim_pages(&mut claims, nodes, config, problems);
    for alias in aliases {
        let v = &nodes[alias.node].versions[&alias.lang];
        let by = format!("content/{}", v.rel);
        claims.claim_alias(alias, by, problems);
    }
    for asset in assets {
        let by = format!("content/{}", asset.rel);
        claims.claim(&asset.out, by, Location::file(&asset.path), problems);
    }
}

/// Files as written first, then the fallback copies of originals in other
/// languages; a node whose own URL collided is reported once.
fn claim_pages(claims: &mut Claims, nodes: &[Node], config: &Config, problems: &mut Diagnostics) {
    let mut collided = BTreeSet::new();
    for (i, node) in nodes.iter().enumerate() {
        for lang in &config.languages {
            if let Some(v) = node.versions.get(&lang.code) {
                let by = format!("content/{}", v.rel);
                let path = &node.paths[&lang.code];
                if !claims.claim(path, by, Location::file(&v.path), problems) {
                    collided.insert(i);
                }
            }
        }
    }
    for (i, node) in nodes.iter().enumerate() {
        let Some(original) = node.versions.get(&config.default_language) else {
            continue;
        };
        for lang in &config.languages {
            if node.versions.contains_key(&lang.code) || collided.contains(&i) {
                continue;
            }
            let by = format!("content/{}", original.rel);
            let path = &node.paths[&lang.code];
            claims.claim(path, by, Location::file(&original.path), problems);
        }
    }
}
