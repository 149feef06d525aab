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
                    node: i,
                    lang: v.lang.clone(),
                    location: location.clone(),
                });
            }
        }
    }
    aliases
}

/// `/old/page/` → `old/page/`; `/old.html` stays a file.
fn alias_site_path(alias: &str) -> String {
    let p = alias.trim_start_matches('/');
    if p.is_empty() || p.ends_with('/') || p.ends_with(".html") {
        p.to_string()
    } else {
        format!("{p}/")
    }
}

/// The output paths taken so far, each with what took it.
struct Claims<'a> {
    taken: BTreeMap<String, String>,
    base_path: &'a str,
}

impl Claims<'_> {
    /// Takes `path` for `by`; `false`, with an error at `loc`, when it is taken.
    fn claim(&mut self, path: &str, by: String, loc: Location, problems: &mut Diagnostics) -> bool {
        if let Some(other) = self.taken.get(path) {
            problems.error(
                loc,
                Msg::DuplicateUrl {
                    url: format!("{}{}", self.base_path, path),
                    other: other.clone(),
                },
            );
            false
        } else {
            self.taken.insert(path.to_string(), by);
            true
        }
    }
}

/// No two outputs share a path: what loa generates first, then pages as
/// written, the fallback copies of originals, aliases and assets.
pub fn check_unique(
    nodes: &[Node],
    aliases: &[Alias],
    assets: &[Asset],
    config: &Config,
    generated: &Generated,
    problems: &mut Diagnostics,
) {
    let mut claims = Claims {
        taken: generated
            .all(config)
            .into_iter()
            .map(|p| (p, "loa".to_string()))
            .collect(),
        base_path: &config.base_url.path,
    };
    claim_pages(&mut claims, nodes, config, problems);
    for alias in aliases {
        let v = &nodes[alias.node].versions[&alias.lang];
        let by = format!("content/{}", v.rel);
        claims.claim(&alias.path, by, alias.location.clone(), problems);
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
