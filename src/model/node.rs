//! The nodes of the site: the home page, sections and pages, each with the
//! files that exist for it in each language.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::diagnostic::Location;
use crate::read::frontmatter::FrontMatter;
use crate::read::plan::CampaignPlan;
use crate::read::section::SectionKind;

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
    pub plan: Option<Arc<CampaignPlan>>,
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
    /// A node not yet placed in the tree.
    pub fn new(key: String, kind: NodeKind, versions: BTreeMap<String, Version>) -> Node {
        Node {
            key,
            kind,
            parent: None,
            pages: vec![],
            subsections: vec![],
            steps: vec![],
            versions,
            paths: BTreeMap::new(),
        }
    }

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

    /// The top-level folder this node belongs to (`campaigns` for `campaigns/x`).
    pub fn top_section(&self) -> &str {
        self.key.split('/').next().unwrap_or("")
    }

    /// The section this node belongs to, by its top-level folder.
    pub fn section(&self) -> SectionKind {
        SectionKind::from_key(&self.key)
    }

    /// A campaign's page: it has a calendar, a poster and a share image.
    pub fn is_campaign(&self) -> bool {
        self.kind == NodeKind::Page && self.section() == SectionKind::Campaigns
    }
}

/// An old URL that redirects to a page.
#[derive(Debug, Clone)]
pub struct Alias {
    /// The site path, normalised as a web server finds it (`old/page/`).
    pub path: String,
    /// The alias as written (`/old//page/index.html`), for messages.
    pub written: String,
    pub node: usize,
    pub lang: String,
    /// Where the alias is written.
    pub location: Location,
}

/// One page to write: a node in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeLang {
    pub node: usize,
    pub lang: String,
}
