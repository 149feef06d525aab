//! The model of the site: every page in every language with its URL, the
//! sections that list them, and the index that links are resolved against.

pub mod campaign;
pub mod generated;
pub mod links;
pub mod places;
pub mod quality;
pub mod schedule;
pub mod translations;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Location};
use crate::messages::Msg;
use crate::read::config::Config;
use crate::read::content::{Asset, ContentTree, SourceFile, SourceKind};
use crate::read::frontmatter::{self, FrontMatter};
use crate::read::slogans::Slogan;
use crate::slug::slugify;
use links::LinkIndex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Home,
    Section,
    Page,
}

/// One file in one language.
#[derive(Debug, Clone)]
pub struct Version {
    pub path: PathBuf,
    pub rel: String,
    pub lang: String,
    pub front: FrontMatter,
    pub body: String,
    pub body_line: usize,
    /// A campaign's plan document, with this version's front matter applied.
    pub plan: Option<Arc<crate::read::plan::CampaignPlan>>,
}

/// A page, a section or the home page, with its translations.
#[derive(Debug, Clone)]
pub struct Node {
    pub key: String,
    pub kind: NodeKind,
    /// The section that lists this node.
    pub parent: Option<usize>,
    /// Pages listed by a section, in display order.
    pub pages: Vec<usize>,
    /// Sections below a section, in display order.
    pub subsections: Vec<usize>,
    /// A section's pages that are steps of its step-by-step journey, in order.
    pub steps: Vec<usize>,
    /// The files that exist, by language. A section without `_index.md` has none.
    pub versions: BTreeMap<String, Version>,
    /// The site path in every language (`en/guides/x/`), with a trailing `/`.
    pub paths: BTreeMap<String, String>,
}

impl Node {
    /// The version shown in `lang`: its own, or the default language's as a fallback.
    pub fn version<'a>(&'a self, lang: &str, default: &str) -> Option<&'a Version> {
        self.versions
            .get(lang)
            .or_else(|| self.versions.get(default))
    }

    pub fn is_translated(&self, lang: &str) -> bool {
        self.versions.contains_key(lang)
    }

    /// The last component of the key: `guides` for `campaigns/guides`.
    pub fn name(&self) -> &str {
        self.key.rsplit('/').next().unwrap_or("")
    }

    /// The top-level section this node belongs to (`campaigns` for `campaigns/x`).
    pub fn top_section(&self) -> &str {
        self.key.split('/').next().unwrap_or("")
    }

    /// A campaign's page: it has a calendar, a poster and a share image.
    pub fn is_campaign(&self) -> bool {
        self.kind == NodeKind::Page && self.top_section() == "campaigns"
    }
}

/// An old URL that redirects to a page.
#[derive(Debug, Clone)]
pub struct Alias {
    pub path: String,
    pub node: usize,
    pub lang: String,
}

pub struct Site {
    pub config: Config,
    pub nodes: Vec<Node>,
    pub slogans: Vec<Slogan>,
    pub assets: Vec<Asset>,
    pub aliases: Vec<Alias>,
    pub links: LinkIndex,
    pub places: places::Places,
    /// Every public event, in date order.
    pub events: Vec<schedule::Event>,
    pub event_index: schedule::EventIndex,
    /// The build's "now": what is upcoming and what is past.
    pub now: jiff::Zoned,
    pub generated: generated::Generated,
}

pub const HOME: usize = 0;

/// `` for the default language, `en/` for the others.
pub fn lang_prefix(config: &Config, lang: &str) -> String {
    if lang == config.default_language {
        String::new()
    } else {
        format!("{lang}/")
    }
}

impl Site {
    /// The nodes in a stable order, each with every language to write.
    pub fn node_langs(&self) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for (i, _) in self.nodes.iter().enumerate() {
            for lang in &self.config.languages {
                out.push((i, lang.code.clone()));
            }
        }
        out
    }

    pub fn default_lang(&self) -> &str {
        &self.config.default_language
    }
}

/// Builds the model from the files read. Drafts are left out unless `drafts`.
/// Everything read from a site, for [`build`].
pub struct Input {
    pub config: Config,
    pub tree: ContentTree,
    pub slogans: Vec<Slogan>,
    pub points: crate::read::points::PointsData,
    /// Publish pages marked `draft: true`.
    pub drafts: bool,
    pub now: jiff::Zoned,
}

pub fn build(input: Input, theme_static: &[String]) -> (Option<Site>, Vec<Diagnostic>) {
    let Input {
        config,
        mut tree,
        slogans,
        points,
        drafts,
        now,
    } = input;
    let mut problems = Vec::new();
    let tz = config.timezone.clone();

    // Front matter of every file, in parallel; problems in file order. The
    // plan documents are read meanwhile.
    let sources = std::mem::take(&mut tree.sources);
    let (parsed, (plans, plan_problems)) = rayon::join(
        || -> Vec<(SourceFile, Option<frontmatter::Document>, Vec<Diagnostic>)> {
            sources
                .into_par_iter()
                .map(|mut s| {
                    let section = match (s.kind, s.key.split('/').next()) {
                        (SourceKind::Page, Some("campaigns")) => frontmatter::PageSection::Campaign,
                        (SourceKind::Page, Some("outreach")) => frontmatter::PageSection::Outreach,
                        _ => frontmatter::PageSection::Other,
                    };
                    let (doc, mut p) = frontmatter::parse(&s.path, &s.text, &tz, section);
                    p.extend(crate::read::text::lookalikes(&s.path, &s.text));
                    // Freed here, in parallel, now that the document holds its parts.
                    drop(std::mem::take(&mut s.text));
                    (s, doc, p)
                })
                .collect()
        },
        || {
            let mut found = crate::diagnostic::Diagnostics::new();
            (
                crate::read::plan::read_plans(&tree.plans, &mut found),
                found,
            )
        },
    );

    let mut groups: BTreeMap<String, (SourceKind, BTreeMap<String, Version>)> = BTreeMap::new();
    let mut draft_files = BTreeSet::new();
    for (source, doc, mut p) in parsed {
        problems.append(&mut p);
        let Some(doc) = doc else { continue };
        if doc.front.draft && !drafts {
            draft_files.insert(source.rel.clone());
            continue;
        }
        let entry = groups
            .entry(source.key.clone())
            .or_insert_with(|| (source.kind, BTreeMap::new()));
        if entry.0 != source.kind {
            // `guides.md` beside `guides/_index.md`: a page and a section with one URL.
            problems.push(Diagnostic::error(
                Location::file(&source.path),
                Msg::DuplicateUrl {
                    url: format!("/{}/", source.key),
                    other: entry
                        .1
                        .values()
                        .next()
                        .map(|v| v.rel.clone())
                        .unwrap_or_default(),
                },
            ));
            continue;
        }
        if let Some(other) = entry.1.get(&source.lang) {
            problems.push(Diagnostic::error(
                Location::file(&source.path),
                Msg::DuplicateTranslation {
                    other: other.rel.clone(),
                },
            ));
            continue;
        }
        entry.1.insert(
            source.lang.clone(),
            Version {
                path: source.path,
                rel: source.rel,
                lang: source.lang,
                front: doc.front,
                body: doc.body,
                body_line: doc.body_line,
                plan: None,
            },
        );
    }

    // Campaigns with a plan document: a page even without `index.md`.
    problems.extend(plan_problems);
    let default_lang = config.default_language.clone();
    for (key, plan) in plans {
        if draft_files.contains(&format!("{key}/index.md")) {
            continue;
        }
        let (_, versions) = groups
            .entry(key.clone())
            .or_insert_with(|| (SourceKind::Page, BTreeMap::new()));
        versions
            .entry(default_lang.clone())
            .or_insert_with(|| Version {
                path: plan.path.clone(),
                rel: plan.rel.clone(),
                lang: default_lang.clone(),
                front: FrontMatter::default(),
                body: String::new(),
                body_line: 1,
                plan: None,
            });
        let defaults = versions[&default_lang].front.campaign.clone();
        for v in versions.values_mut() {
            let mut p = plan.clone();
            campaign::apply(&mut p.plan, &defaults);
            campaign::apply(&mut p.plan, &v.front.campaign);
            if v.lang == default_lang {
                if v.front.title.is_none() {
                    v.front.title = p.plan.title.clone();
                }
                if v.front.date.is_none() {
                    v.front.date = p
                        .plan
                        .issued
                        .and_then(|d| crate::read::date::PageDate::from_date(d, &tz));
                }
            }
            v.plan = Some(Arc::new(p));
        }
    }
    for (kind, versions) in groups.values() {
        for v in versions.values() {
            if *kind == SourceKind::Page && v.front.title.is_none() {
                problems.push(Diagnostic::error(
                    Location::file(&v.path),
                    Msg::MissingField {
                        field: "title".into(),
                    },
                ));
            }
        }
    }

    // Every page needs its original in the default language.
    let default = config.default_language.clone();
    groups.retain(|key, (_, versions)| {
        if versions.contains_key(&default) {
            return true;
        }
        // A translation whose original is a draft is left out with it.
        let original_is_draft = draft_files.iter().any(|d| source_key(d) == *key);
        if !original_is_draft {
            for v in versions.values() {
                problems.push(Diagnostic::error(
                    Location::file(&v.path),
                    Msg::TranslationWithoutOriginal {
                        original: original_name(&v.rel, &v.lang),
                    },
                ));
            }
        }
        false
    });

    // Sections: every folder that holds pages is one, with or without `_index.md`.
    let mut section_keys: BTreeSet<String> = BTreeSet::new();
    section_keys.insert(String::new());
    for (key, (kind, _)) in &groups {
        let mut dir = match kind {
            SourceKind::Section => key.clone(),
            SourceKind::Page => parent_dir(key).to_string(),
        };
        loop {
            section_keys.insert(dir.clone());
            if dir.is_empty() {
                break;
            }
            dir = parent_dir(&dir).to_string();
        }
    }

    let mut nodes: Vec<Node> = Vec::new();
    let mut index_of: BTreeMap<(bool, String), usize> = BTreeMap::new();
    for key in &section_keys {
        let versions = match groups.remove(key) {
            Some((SourceKind::Section, v)) => v,
            Some((SourceKind::Page, v)) => {
                // A bundle `x/index.md` whose folder also holds pages: keep it a page.
                groups.insert(key.clone(), (SourceKind::Page, v));
                if key.is_empty() {
                    BTreeMap::new()
                } else {
                    continue;
                }
            }
            None => BTreeMap::new(),
        };
        index_of.insert((true, key.clone()), nodes.len());
        nodes.push(Node {
            key: key.clone(),
            kind: if key.is_empty() {
                NodeKind::Home
            } else {
                NodeKind::Section
            },
            parent: None,
            pages: vec![],
            subsections: vec![],
            steps: vec![],
            versions,
            paths: BTreeMap::new(),
        });
    }
    for (key, (_, versions)) in groups {
        index_of.insert((false, key.clone()), nodes.len());
        nodes.push(Node {
            key,
            kind: NodeKind::Page,
            parent: None,
            pages: vec![],
            subsections: vec![],
            steps: vec![],
            versions,
            paths: BTreeMap::new(),
        });
    }

    // Parents: the nearest section folder above.
    for i in 0..nodes.len() {
        if nodes[i].kind == NodeKind::Home {
            continue;
        }
        let mut dir = parent_dir(&nodes[i].key).to_string();
        let parent = loop {
            if let Some(&p) = index_of.get(&(true, dir.clone())) {
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

    // Paths in every language; problems in node order.
    let path_problems: Vec<Vec<Diagnostic>> = nodes
        .par_iter_mut()
        .map(|node| {
            let mut p = Vec::new();
            assign_paths(node, &config, &mut p);
            p
        })
        .collect();
    problems.extend(path_problems.into_iter().flatten());

    // Display order of lists.
    let order: Vec<SortKey> = nodes.iter().map(|n| sort_key(n, &default)).collect();
    for node in nodes.iter_mut() {
        node.pages
            .sort_by(|a, b| list_order(&order[*a], &order[*b], &default).then(a.cmp(b)));
        node.subsections
            .sort_by(|a, b| list_order(&order[*a], &order[*b], &default).then(a.cmp(b)));
    }

    for s in 0..nodes.len() {
        let steps = journey(&nodes, s, &default, &mut problems);
        nodes[s].steps = steps;
    }

    let mut aliases = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        for v in node.versions.values() {
            for (alias, _) in &v.front.aliases {
                aliases.push(Alias {
                    path: alias_site_path(alias),
                    node: i,
                    lang: v.lang.clone(),
                });
            }
        }
    }

    let places = places::Places::new(points, &config.default_language);
    let host = config
        .base_url
        .origin
        .split("://")
        .nth(1)
        .unwrap_or("loa")
        .to_string();
    let mut events = schedule::build(&nodes, &places, &config.default_language, &host);
    schedule::settle(&mut events, &now);
    let event_index = schedule::EventIndex::new(&events, &places);
    let generated =
        generated::Generated::new(&config, &slogans, &nodes, &places, &events, &event_index);

    // The checks of what pages say and where they go, beside the index of
    // what links can name.
    let (checked, links) = rayon::join(
        || {
            let mut problems = quality::summaries(&nodes);
            problems.extend(quality::file_sizes(&tree.assets, &config));
            check_unique_paths(
                &nodes,
                &aliases,
                &tree.assets,
                &config,
                &generated,
                &mut problems,
            );
            problems
        },
        || {
            LinkIndex::new(
                &nodes,
                &tree.assets,
                theme_static,
                &draft_files,
                &config,
                &generated,
            )
        },
    );
    problems.extend(checked);

    // Slogans name campaigns that exist.
    for s in &slogans {
        if let Some((slug, loc)) = &s.campaign {
            if !index_of.contains_key(&(false, format!("campaigns/{slug}"))) {
                problems.push(Diagnostic::error(
                    loc.clone(),
                    Msg::UnknownCampaign { slug: slug.clone() },
                ));
            }
        }
    }

    let site = Site {
        config,
        nodes,
        slogans,
        assets: tree.assets,
        aliases,
        links,
        event_index,
        places,
        events,
        now,
        generated,
    };
    (Some(site), problems)
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

fn assign_paths(node: &mut Node, config: &Config, problems: &mut Vec<Diagnostic>) {
    let dir: Vec<String> = node
        .key
        .split('/')
        .filter(|s| !s.is_empty())
        .map(slugify)
        .collect();
    let own = |v: Option<&Version>| -> String {
        let mut parts = dir.clone();
        if node.kind == NodeKind::Page {
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
    };
    let default_path = own(node.versions.get(&config.default_language));
    // An address in Khmer or another script is unreadable once percent-encoded.
    for (lang, v) in &node.versions {
        let path = if *lang == config.default_language {
            default_path.clone()
        } else {
            own(Some(v))
        };
        if !path.is_ascii() {
            problems.push(Diagnostic::error(
                Location::file(&v.path),
                Msg::NonLatinSlug {
                    value: format!("/{}", path),
                },
            ));
        }
    }
    for lang in &config.languages {
        let prefix = lang_prefix(config, &lang.code);
        let path = match node.versions.get(&lang.code) {
            Some(v) if lang.code != config.default_language => format!("{prefix}{}", own(Some(v))),
            _ => format!("{prefix}{default_path}"),
        };
        node.paths.insert(lang.code.clone(), path);
    }
    if node.kind != NodeKind::Page {
        for v in node.versions.values() {
            if v.front.slug.is_some() {
                problems.push(Diagnostic::error(
                    Location::file(&v.path),
                    Msg::UnknownField {
                        field: "slug".into(),
                        suggestion: None,
                    },
                ));
            }
        }
    }
}

/// The pages of a section that have a `step` (in the default language), in
/// order; a number given twice is an error at the second page.
fn journey(
    nodes: &[Node],
    section: usize,
    default: &str,
    problems: &mut Vec<Diagnostic>,
) -> Vec<usize> {
    let mut steps: Vec<(i64, usize, &Version, &Location)> = nodes[section]
        .pages
        .iter()
        .filter_map(|&p| {
            let v = nodes[p].versions.get(default)?;
            let (n, loc) = v.front.step.as_ref()?;
            Some((*n, p, v, loc))
        })
        .collect();
    steps.sort_by_key(|&(n, p, _, _)| (n, p));
    for pair in steps.windows(2) {
        let ((n, _, first, _), (m, _, _, loc)) = (pair[0], pair[1]);
        if n == m {
            problems.push(Diagnostic::error(
                loc.clone(),
                Msg::DuplicateStep {
                    step: n,
                    other: first.rel.clone(),
                },
            ));
        }
    }
    steps.into_iter().map(|(_, p, _, _)| p).collect()
}

/// Weight, date and title of a node, computed once for sorting lists.
struct SortKey {
    weight: i64,
    date: String,
    title: String,
}

fn sort_key(node: &Node, default: &str) -> SortKey {
    let v = node.versions.get(default);
    SortKey {
        weight: v.and_then(|v| v.front.weight).unwrap_or(i64::MAX),
        date: v
            .and_then(|v| v.front.date.as_ref())
            .map(|d| d.rfc3339())
            .unwrap_or_default(),
        title: v
            .and_then(|v| v.front.title.clone())
            .unwrap_or_else(|| node.key.clone()),
    }
}

/// Weight first (pages without one last), then newest first, then by title
/// in the alphabetical order of the site's language.
fn list_order(a: &SortKey, b: &SortKey, lang: &str) -> std::cmp::Ordering {
    a.weight
        .cmp(&b.weight)
        .then_with(|| b.date.cmp(&a.date))
        .then_with(|| crate::collate::compare(lang, &a.title, &b.title))
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

fn check_unique_paths(
    nodes: &[Node],
    aliases: &[Alias],
    assets: &[Asset],
    config: &Config,
    generated: &generated::Generated,
    problems: &mut Vec<Diagnostic>,
) {
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    for p in generated.all(config) {
        taken.insert(p, "loa".into());
    }
    let mut claim =
        |path: String, by: String, loc: Location, problems: &mut Vec<Diagnostic>| -> bool {
            if let Some(other) = taken.get(&path) {
                problems.push(Diagnostic::error(
                    loc,
                    Msg::DuplicateUrl {
                        url: format!("{}{}", config.base_url.path, path),
                        other: other.clone(),
                    },
                ));
                false
            } else {
                taken.insert(path, by);
                true
            }
        };
    // Files as written first, then the fallback copies of originals in
    // other languages; a node whose own URL collided is reported once.
    let mut collided = BTreeSet::new();
    for (i, node) in nodes.iter().enumerate() {
        for lang in &config.languages {
            if let Some(v) = node.versions.get(&lang.code) {
                let by = format!("content/{}", v.rel);
                if !claim(
                    node.paths[&lang.code].clone(),
                    by,
                    Location::file(&v.path),
                    problems,
                ) {
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
            claim(
                node.paths[&lang.code].clone(),
                by,
                Location::file(&original.path),
                problems,
            );
        }
    }
    for alias in aliases {
        let node = &nodes[alias.node];
        let v = &node.versions[&alias.lang];
        let loc = v
            .front
            .aliases
            .iter()
            .find(|(a, _)| alias_site_path(a) == alias.path)
            .map(|(_, l)| l.clone())
            .unwrap_or_else(|| Location::file(&v.path));
        claim(
            alias.path.clone(),
            format!("content/{}", v.rel),
            loc,
            problems,
        );
    }
    for asset in assets {
        claim(
            asset.out.clone(),
            format!("content/{}", asset.rel),
            Location::file(&asset.path),
            problems,
        );
    }
}
