//! What templates see: plain data made from the model, per page and language.

use std::collections::BTreeMap;

use serde::Serialize;

use super::markdown::TocEntry;
use crate::model::{lang_prefix, Node, NodeKind, Site};
use crate::read::date::PageDate;

#[derive(Serialize, Clone)]
pub struct DateCtx {
    /// `2026-06-30`
    pub iso: String,
    /// `2026-06-30T00:00:00+07:00`
    pub rfc3339: String,
    /// In the reader's language: `30/06/2026`, `30 June 2026`.
    pub display: String,
}

impl DateCtx {
    pub fn new(d: &PageDate, format: &str) -> DateCtx {
        DateCtx {
            iso: d.ymd(),
            rfc3339: d.rfc3339(),
            display: d.zoned.strftime(format).to_string(),
        }
    }
}

#[derive(Serialize, Clone)]
pub struct NavItem {
    pub title: String,
    pub url: String,
    pub current: bool,
}

#[derive(Serialize)]
pub struct Translation {
    pub code: String,
    pub name: String,
    pub url: String,
    pub current: bool,
    /// A real translation, not the default-language text shown as a fallback.
    pub translated: bool,
}

#[derive(Serialize)]
pub struct Alternate {
    pub hreflang: String,
    pub href: String,
}

#[derive(Serialize, Clone)]
pub struct Summary {
    pub title: String,
    pub description: Option<String>,
    pub url: String,
    /// The language of the title and description (differs on fallbacks).
    pub lang: String,
    pub date: Option<DateCtx>,
    /// A campaign whose period is over.
    pub ended: bool,
    pub pages: Vec<Summary>,
    /// When `pages` are not all of a section's: the link text to the
    /// section, saying how many it has.
    pub all_pages: Option<String>,
}

#[derive(Serialize)]
pub struct PageCtx {
    /// `home`, `section`, `page`, `slogans`, `not_found`
    pub kind: &'static str,
    pub key: String,
    pub title: String,
    pub description: Option<String>,
    pub content: String,
    pub toc: Vec<TocEntry>,
    pub url: String,
    pub permalink: String,
    pub canonical: String,
    pub date: Option<DateCtx>,
    pub updated: Option<DateCtx>,
    /// The language of the content (the default one on a fallback page).
    pub lang: String,
    pub fallback: bool,
    pub extra: serde_json::Value,
    pub translations: Vec<Translation>,
    pub alternates: Vec<Alternate>,
    pub breadcrumbs: Vec<NavItem>,
    pub pages: Vec<Summary>,
    pub subsections: Vec<Summary>,
    /// A campaign's plan document.
    pub plan: Option<super::campaign::PlanCtx>,
    /// What an outreach page is (loudspeaker script, SMS …).
    pub outreach: Option<super::outreach::OutreachCtx>,
    /// Key facts written in `summary:`.
    pub summary: Vec<Fact>,
    /// The step-by-step journey of a section, or the one a page is a step of.
    pub journey: Option<Journey>,
    /// The page's own share image (absolute): a campaign's.
    pub image: Option<String>,
}

#[derive(Serialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// A section's pages that have a `step`, as GOV.UK's step-by-step navigation.
#[derive(Serialize)]
pub struct Journey {
    pub title: String,
    pub url: String,
    pub steps: Vec<Step>,
    /// The number of the page's own step (from 1), on a page that is one.
    pub current: Option<usize>,
    pub previous: Option<Step>,
    pub next: Option<Step>,
}

#[derive(Serialize, Clone)]
pub struct Step {
    pub number: usize,
    pub title: String,
    pub description: Option<String>,
    pub url: String,
    pub lang: String,
}

/// Helpers shared by every page of one language.
pub struct LangCtx<'a> {
    pub site: &'a Site,
    pub lang: &'a str,
    pub strings: &'a BTreeMap<String, String>,
    /// The dates of events as this language shows them, made once per build.
    pub event_dates: &'a BTreeMap<jiff::civil::Date, DateCtx>,
    /// Each event's list item, by event index (see [`super::fragments`]).
    pub event_html: &'a [String],
}

impl<'a> LangCtx<'a> {
    pub fn t(&self, key: &str) -> String {
        self.strings
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    pub fn date(&self, d: Option<&PageDate>) -> Option<DateCtx> {
        let format = self
            .strings
            .get("date_format")
            .map(String::as_str)
            .unwrap_or("%Y-%m-%d");
        d.map(|d| DateCtx::new(d, format))
    }

    /// A day without a time (as plans give them), shown in this language.
    pub fn civil_date(&self, date: Option<jiff::civil::Date>) -> Option<DateCtx> {
        let d = PageDate::from_date(date?, &self.site.config.timezone)?;
        self.date(Some(&d))
    }

    pub fn url(&self, site_path: &str) -> String {
        self.site.config.base_url.path_of(site_path)
    }

    pub fn full(&self, site_path: &str) -> String {
        self.site.config.base_url.full(site_path)
    }

    /// A node's title in this language; sections without `_index.md` are
    /// named by the theme's strings (`section_guides`) or their folder.
    pub fn title(&self, node: &Node) -> (String, String) {
        let default = self.site.default_lang();
        let name = node.name();
        let key = format!("section_{name}");
        // A section not written in this language is better named by the
        // theme's string in this language than by the original's title.
        if node.kind == NodeKind::Section && !node.is_translated(self.lang) {
            if let Some(t) = self.strings.get(&key) {
                return (t.clone(), self.lang.to_string());
            }
        }
        if let Some(v) = node.version(self.lang, default) {
            if let Some(t) = &v.front.title {
                return (t.clone(), v.lang.clone());
            }
        }
        let title = match node.kind {
            NodeKind::Home => self.site.config.title_in(self.lang).to_string(),
            _ => self
                .strings
                .get(&key)
                .cloned()
                .unwrap_or_else(|| name.to_string()),
        };
        (title, self.lang.to_string())
    }

    /// The journey of section `section`, seen from node `from`.
    pub fn journey(&self, section: usize, from: usize) -> Option<Journey> {
        let node = &self.site.nodes[section];
        if node.steps.is_empty() {
            return None;
        }
        let steps: Vec<Step> = node
            .steps
            .iter()
            .enumerate()
            .map(|(i, &p)| {
                let s = self.summary(p, None);
                Step {
                    number: i + 1,
                    title: s.title,
                    description: s.description,
                    url: s.url,
                    lang: s.lang,
                }
            })
            .collect();
        let at = node.steps.iter().position(|&p| p == from);
        Some(Journey {
            title: self.title(node).0,
            url: self.url(&node.paths[self.lang]),
            current: at.map(|i| i + 1),
            previous: at.and_then(|i| i.checked_sub(1)).map(|i| steps[i].clone()),
            next: at.and_then(|i| steps.get(i + 1)).cloned(),
            steps,
        })
    }

    /// A page as lists show it; with `pages`, a section with at most that
    /// many of its pages and, when it has more, a link to all of them.
    pub fn summary(&self, index: usize, pages: Option<usize>) -> Summary {
        let node = &self.site.nodes[index];
        let (title, lang) = self.title(node);
        let v = node.version(self.lang, self.site.default_lang());
        let total = node.pages.len();
        let listed = pages.unwrap_or(0).min(total);
        Summary {
            title,
            description: v.and_then(|v| v.front.description.clone()),
            url: self.url(&node.paths[self.lang]),
            lang,
            date: self.date(v.and_then(|v| v.front.date.as_ref())),
            ended: super::campaign_summary::ended(self, node),
            pages: node.pages[..listed]
                .iter()
                .map(|&p| self.summary(p, None))
                .collect(),
            all_pages: (pages.is_some() && total > listed)
                .then(|| self.t("all_pages").replace("{n}", &total.to_string())),
        }
    }

    /// The same page in every language, for the switcher.
    pub fn translations(
        &self,
        paths: &BTreeMap<String, String>,
        translated: impl Fn(&str) -> bool,
    ) -> Vec<Translation> {
        self.site
            .config
            .languages
            .iter()
            .map(|l| Translation {
                code: l.code.clone(),
                name: l.name.clone(),
                url: self.url(&paths[&l.code]),
                current: l.code == self.lang,
                translated: translated(&l.code),
            })
            .collect()
    }

    /// `hreflang` links: every real translation, and `x-default`.
    pub fn alternates(
        &self,
        paths: &BTreeMap<String, String>,
        translated: impl Fn(&str) -> bool,
    ) -> Vec<Alternate> {
        let config = &self.site.config;
        let mut out: Vec<Alternate> = config
            .languages
            .iter()
            .filter(|l| translated(&l.code))
            .map(|l| Alternate {
                hreflang: l.code.clone(),
                href: self.full(&paths[&l.code]),
            })
            .collect();
        out.push(Alternate {
            hreflang: "x-default".into(),
            href: self.full(&paths[&config.default_language]),
        });
        out
    }

    /// A page that is not made from content, at site path `path`; `suffix`
    /// is the part after the language prefix that its translations share
    /// (the home page for the 404 page, which exists once).
    pub fn special_page(
        &self,
        kind: &'static str,
        path: &str,
        suffix: &str,
        title: String,
    ) -> PageCtx {
        let config = &self.site.config;
        let paths: BTreeMap<String, String> = config
            .languages
            .iter()
            .map(|l| {
                (
                    l.code.clone(),
                    format!("{}{suffix}", lang_prefix(config, &l.code)),
                )
            })
            .collect();
        PageCtx {
            kind,
            key: kind.to_string(),
            title,
            description: None,
            content: String::new(),
            toc: Vec::new(),
            url: self.url(path),
            permalink: self.full(path),
            canonical: self.full(path),
            date: None,
            updated: None,
            lang: self.lang.to_string(),
            fallback: false,
            extra: serde_json::Value::Null,
            translations: self.translations(&paths, |_| true),
            alternates: self.alternates(&paths, |_| true),
            breadcrumbs: vec![NavItem {
                title: self.t("home"),
                url: self.url(&lang_prefix(config, self.lang)),
                current: false,
            }],
            pages: Vec::new(),
            subsections: Vec::new(),
            plan: None,
            outreach: None,
            summary: Vec::new(),
            journey: None,
            image: None,
        }
    }

    pub fn breadcrumbs(&self, index: usize) -> Vec<NavItem> {
        let mut chain = Vec::new();
        let mut cur = self.site.nodes[index].parent;
        while let Some(p) = cur {
            let node = &self.site.nodes[p];
            chain.push(NavItem {
                title: if node.kind == NodeKind::Home {
                    self.t("home")
                } else {
                    self.title(node).0
                },
                url: self.url(&node.paths[self.lang]),
                current: false,
            });
            cur = node.parent;
        }
        chain.reverse();
        chain
    }
}
