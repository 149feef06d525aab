//! The tree of nodes: the files read, grouped into pages and sections with
//! their translations; drafts and translations without an original left
//! out; campaigns given their plan documents; every folder that holds pages
//! a section; every node under its parent.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use jiff::tz::TimeZone;

use super::campaign;
use super::node::{Node, NodeKind, Version};
use super::HOME;
use crate::diagnostic::{Diagnostics, Location};
use crate::messages::Msg;
use crate::read::config::Config;
use crate::read::content::{Page, SourceFile, SourceKind};
use crate::read::date::PageDate;
use crate::read::frontmatter::FrontMatter;
use crate::read::plan::CampaignPlan;

/// The files of one page or section, by language.
pub struct Group {
    pub kind: SourceKind,
    pub versions: BTreeMap<String, Version>,
}

/// Pages and sections by key (what translations share), before they are nodes.
#[derive(Default)]
pub struct Groups {
    pub by_key: BTreeMap<String, Group>,
    /// The content files of the drafts left out (`guides/x.md`).
    pub drafts: BTreeSet<String>,
}

/// Where each node is, by key: sections (and the home page) apart from pages,
/// since a bundle `x/index.md` and a folder `x/` may share one.
#[derive(Debug, Default)]
pub struct NodeIndex {
    sections: BTreeMap<String, usize>,
    pages: BTreeMap<String, usize>,
}

impl NodeIndex {
    /// The section (or home page) with this key.
    pub fn section(&self, key: &str) -> Option<usize> {
        self.sections.get(key).copied()
    }

    /// The page with this key (`campaigns/x`).
    pub fn page(&self, key: &str) -> Option<usize> {
        self.pages.get(key).copied()
    }
}

/// Every file becomes a version of the page or section of its key; drafts
/// are left out unless `drafts`. A second file for one key and language is
/// an error.
pub fn group_versions(pages: Vec<Page>, drafts: bool, problems: &mut Diagnostics) -> Groups {
    let mut groups = Groups::default();
    for Page { file, doc } in pages {
        if doc.front.draft && !drafts {
            groups.drafts.insert(file.rel);
            continue;
        }
        let group = groups
            .by_key
            .entry(file.key.clone())
            .or_insert_with(|| Group {
                kind: file.kind,
                versions: BTreeMap::new(),
            });
        if group.kind != file.kind {
            // `guides.md` beside `guides/_index.md`: a page and a section with one URL.
            let other = group.versions.values().next();
            problems.error(
                Location::file(&file.path),
                Msg::DuplicateUrl {
                    url: format!("/{}/", file.key),
                    other: other.map(|v| v.rel.clone()).unwrap_or_default(),
                },
            );
            continue;
        }
        if let Some(other) = group.versions.get(&file.lang) {
            problems.error(
                Location::file(&file.path),
                Msg::DuplicateTranslation {
                    other: other.rel.clone(),
                },
            );
            continue;
        }
        let version = Version {
            path: file.path,
            rel: file.rel,
            lang: file.lang.clone(),
            front: doc.front,
            body: doc.body,
            body_line: doc.body_line,
            plan: None,
        };
        group.versions.insert(file.lang, version);
    }
    groups
}

/// Campaigns with a plan document: a page even without `index.md`, each
/// version with the plan as its front matter amends it.
pub fn add_plans(groups: &mut Groups, plans: BTreeMap<String, CampaignPlan>, config: &Config) {
    let default = &config.default_language;
    for (key, plan) in plans {
        if groups.drafts.contains(&format!("{key}/index.md")) {
            continue;
        }
        let group = groups.by_key.entry(key).or_insert_with(|| Group {
            kind: SourceKind::Page,
            versions: BTreeMap::new(),
        });
        group
            .versions
            .entry(default.clone())
            .or_insert_with(|| Version {
                path: plan.path.clone(),
                rel: plan.rel.clone(),
                lang: default.clone(),
                front: FrontMatter::default(),
                body: String::new(),
                body_line: 1,
                plan: None,
            });
        apply_plan(&mut group.versions, &plan, default, &config.timezone);
    }
}

/// The plan as each version shows it: the default language's front matter,
/// then the version's own, over what the plan says. The original takes its
/// title and date from the plan when it gives none.
fn apply_plan(
    versions: &mut BTreeMap<String, Version>,
    plan: &CampaignPlan,
    default: &str,
    tz: &TimeZone,
) {
    let Some(defaults) = versions.get(default).map(|v| v.front.campaign.clone()) else {
        return;
    };
    for v in versions.values_mut() {
        let mut p = plan.clone();
        campaign::apply(&mut p.plan, &defaults);
        campaign::apply(&mut p.plan, &v.front.campaign);
        if v.lang == default {
            if v.front.title.is_none() {
                v.front.title = p.plan.title.clone();
            }
            if v.front.date.is_none() {
                v.front.date = p.plan.issued.and_then(|d| PageDate::from_date(d, tz));
            }
        }
        v.plan = Some(Arc::new(p));
    }
}

/// Every page has a title (sections take their folder's name).
pub fn require_titles(groups: &Groups, problems: &mut Diagnostics) {
    for group in groups.by_key.values() {
        if group.kind != SourceKind::Page {
            continue;
        }
        for v in group.versions.values() {
            if v.front.title.is_none() {
                problems.error(
                    Location::file(&v.path),
                    Msg::MissingField {
                        field: "title".into(),
                    },
                );
            }
        }
    }
}

/// Leaves out the pages without their original in the default language;
/// their translations are errors unless the original is a draft.
pub fn keep_originals(
    groups: &mut Groups,
    default: &str,
    unreadable: &[SourceFile],
    problems: &mut Diagnostics,
) {
    let Groups { by_key, drafts } = groups;
    by_key.retain(|key, group| {
        if group.versions.contains_key(default) {
            return true;
        }
        // A translation whose original is a draft is left out with it; one
        // whose original could not be read too (that is its error).
        let original_is_draft = drafts.iter().any(|d| source_key(d) == *key);
        let original_unreadable = unreadable
            .iter()
            .any(|f| f.key == *key && f.lang == default);
        if !original_is_draft && !original_unreadable {
            for v in group.versions.values() {
                problems.error(
                    Location::file(&v.path),
                    Msg::TranslationWithoutOriginal {
                        original: original_name(&v.rel, &v.lang),
                    },
                );
            }
        }
        false
    });
}

/// The nodes: the home page and every section first, in key order, then
/// every page.
pub fn make_nodes(mut by_key: BTreeMap<String, Group>) -> (Vec<Node>, NodeIndex) {
    let mut nodes: Vec<Node> = Vec::new();
    let mut index = NodeIndex::default();
    for key in section_keys(&by_key) {
        let versions = match by_key.remove(&key) {
            Some(Group {
                kind: SourceKind::Section,
                versions,
            }) => versions,
            Some(page) => {
                // A bundle `x/index.md` whose folder also holds pages: keep it a page.
                by_key.insert(key.clone(), page);
                if key.is_empty() {
                    BTreeMap::new()
                } else {
                    continue;
                }
            }
            None => BTreeMap::new(),
        };
        let kind = if key.is_empty() {
            NodeKind::Home
        } else {
            NodeKind::Section
        };
        index.sections.insert(key.clone(), nodes.len());
        nodes.push(Node::new(key, kind, versions));
    }
    for (key, group) in by_key {
        index.pages.insert(key.clone(), nodes.len());
        nodes.push(Node::new(key, NodeKind::Page, group.versions));
    }
    (nodes, index)
}

/// Every folder that holds pages is a section, with or without `_index.md`;
/// the home page's key is ``.
fn section_keys(by_key: &BTreeMap<String, Group>) -> BTreeSet<String> {
    let mut keys: BTreeSet<String> = BTreeSet::new();
    keys.insert(String::new());
    for (key, group) in by_key {
        let mut dir = match group.kind {
            SourceKind::Section => key.clone(),
            SourceKind::Page => parent_dir(key).to_string(),
        };
        loop {
            keys.insert(dir.clone());
            if dir.is_empty() {
                break;
            }
            dir = parent_dir(&dir).to_string();
        }
    }
    keys
}

/// Each node under the nearest section folder above it, listed there.
pub fn link_parents(nodes: &mut [Node], index: &NodeIndex) {
    for i in 0..nodes.len() {
        if nodes[i].kind == NodeKind::Home {
            continue;
        }
        let mut dir = parent_dir(&nodes[i].key).to_string();
        let parent = loop {
            if let Some(p) = index.section(&dir) {
                break p;
            }
            if dir.is_empty() {
                break HOME;
            }
            dir = parent_dir(&dir).to_string();
        };
        nodes[i].parent = Some(parent);
        match nodes[i].kind {
            NodeKind::Page => nodes[parent].pages.push(i),
            _ => nodes[parent].subsections.push(i),
        }
    }
}

fn parent_dir(key: &str) -> &str {
    key.rsplit_once('/').map(|(d, _)| d).unwrap_or("")
}

/// The key of a content file path (`guides/x.km.md` → `guides/x`).
fn source_key(rel: &str) -> String {
    let stem = rel.trim_end_matches(".md");
    let stem = match stem.rsplit_once('.') {
        Some((s, suffix)) if crate::read::config::is_language_code(suffix) => s,
        _ => stem,
    };
    let stem = stem
        .strip_suffix("/index")
        .or_else(|| stem.strip_suffix("/_index"))
        .unwrap_or(stem);
    match stem {
        "_index" | "index" => String::new(),
        s => s.to_string(),
    }
}

/// `guides/x.km.md` → `guides/x.md`.
fn original_name(rel: &str, lang: &str) -> String {
    rel.strip_suffix(&format!(".{lang}.md"))
        .map(|s| format!("{s}.md"))
        .unwrap_or_else(|| rel.to_string())
}
