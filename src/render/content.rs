//! Content pages: the home page, the sections and the pages written in
//! `content/`, each in every language (a page missing in a language shows
//! the default language's text). A campaign's page shows its plan (see
//! [`campaign`]), an outreach page what staff need of it (see [`outreach`]).

use std::collections::HashMap;

use rayon::prelude::*;

use super::anchors::{self, AnchorLink, PageIds};
use super::context::{Fact, LangCtx, PageCtx};
use super::output::write;
use super::search::{self, Counted, PageWords};
use super::state::RenderCtx;
use super::{campaign, markdown, outreach, text_cache};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::messages::Msg;
use crate::model::links::LinkError;
use crate::model::{Node, NodeKind, NodeLang, Version, HOME};
use crate::write::Sink;

/// At most this many subsections on a section's page show their pages.
const SUBSECTIONS_WITH_PAGES: usize = 12;
/// Pages of each subsection shown on a section's page; a link leads to all.
const SUBSECTION_PAGES_LISTED: usize = 12;

/// What the content pages leave to check once all are written: links to
/// sections of pages, and the ids of every page.
pub struct ContentPages {
    /// Pages written.
    pub written: usize,
    anchors: Vec<AnchorLink>,
    ids: HashMap<String, PageIds>,
}

impl ContentPages {
    /// Reports each link to a section that its page does not have.
    pub fn check_anchors(self, problems: &mut Diagnostics) {
        anchors::check(&self.anchors, &self.ids, problems);
    }
}

/// What rendering one node in one language gives.
#[derive(Default)]
struct NodePage {
    anchors: Vec<AnchorLink>,
    /// The page's path and ids, when it was written.
    ids: Option<(String, PageIds)>,
    /// Those of a campaign's plan page.
    plan_ids: Option<(String, PageIds)>,
    /// Its words, counted for the search index.
    words: Option<PageWords>,
}

/// The page of each node in each language of `pages` (a node's languages
/// side by side), and the print view of each outreach node, in parallel,
/// written into `sink`; problems in the order of `pages`. The words of
/// each page are counted into `counted`, when given.
pub fn render(
    r: &RenderCtx,
    pages: &[NodeLang],
    sink: &dyn Sink,
    mut counted: Option<&mut Counted>,
    problems: &mut Diagnostics,
) -> ContentPages {
    let counting = counted.as_deref();
    // A node's languages together: its print view is made from their texts.
    let nodes: Vec<&[NodeLang]> = pages.chunk_by(|a, b| a.node == b.node).collect();
    let results: Vec<(Vec<NodePage>, usize, Diagnostics)> = nodes
        .par_iter()
        .map(|node_pages| {
            let mut found = Diagnostics::new();
            let mut texts = HashMap::new();
            let done = node_pages
                .iter()
                .map(|page| node_page(r, page, sink, counting, &mut texts, &mut found))
                .collect();
            let print = outreach::print_view(r, node_pages[0].node, texts, &mut found);
            let printed = print.is_some_and(|p| write(sink, &p.path, &p.bytes, &mut found));
            (done, usize::from(printed), found)
        })
        .collect();
    let mut done = ContentPages {
        written: 0,
        anchors: Vec::new(),
        ids: HashMap::new(),
    };
    for ((node_pages, printed, found), langs) in results.into_iter().zip(nodes) {
        problems.extend(found);
        done.written += printed;
        for (mut page, at) in node_pages.into_iter().zip(langs) {
            if let (Some(counted), Some(words)) = (counted.as_deref_mut(), page.words.take()) {
                counted.keep(&at.lang, at.node, words);
            }
            done.anchors.append(&mut page.anchors);
            for (path, ids) in page.ids.into_iter().chain(page.plan_ids) {
                done.written += 1;
                done.ids.insert(path, ids);
            }
        }
    }
    done
}

/// Renders a node's page in a language and writes it; keeps its text in
/// `texts` when its print view shows it, and counts its words when
/// `counting`.
fn node_page(
    r: &RenderCtx,
    page: &NodeLang,
    sink: &dyn Sink,
    counting: Option<&Counted>,
    texts: &mut HashMap<String, String>,
    problems: &mut Diagnostics,
) -> NodePage {
    let (index, lang) = (page.node, page.lang.as_str());
    let site = r.site;
    let node = &site.nodes[index];
    let lc = r.lang(lang);
    let path = node.paths[lang].clone();
    let version = node.version(lang, site.default_lang());
    let mut done = NodePage::default();
    let mut words = counting.map(|_| search::Text::default());
    let (content, toc) = match version {
        Some(v) => {
            let minify = r.pages.written();
            let (cache, words) = (r.texts, words.as_mut());
            let text = text_cache::render(cache, v, &path, lang, site, minify, words, problems);
            if outreach::printed(node, v, lang) {
                texts.insert(lang.to_string(), text.html.clone());
            }
            // A page shown in another language than its text links to
            // sections as its writer saw them; only its own language is checked.
            if v.lang == lang {
                done.anchors = text.anchors;
            }
            (text.html, text.toc)
        }
        None => (String::new(), Vec::new()),
    };
    if let (Some(counting), Some(words)) = (counting, words) {
        done.words = counting.count(&lc, index, words);
    }
    let Some(template) = template(r, node, version, problems) else {
        return done;
    };
    let mut page = page_ctx(r, &lc, index, &path, content, toc);
    if let Some(v) = version.filter(|v| v.front.outreach.kind.is_some()) {
        page.outreach = outreach_ctx(&lc, node, v, &path, problems);
    }
    let data = data(&lc, index, &page, &path);
    let Some(ids) = r.write_page(&lc, template, &path, &page, data, sink, problems) else {
        return done;
    };
    done.ids = Some((path.clone(), ids));
    if template == CAMPAIGN && r.templates.has(PLAN) {
        done.plan_ids = plan_page(r, &lc, index, &path, sink, problems);
    }
    done
}

/// The campaign page: a citizen's summary of the campaign.
const CAMPAIGN: &str = "campaign.html";
/// A campaign's plan document, on a page of its own under the campaign's.
const PLAN: &str = "campaign_plan.html";

/// Writes the plan page of campaign `index` (`<campaign>/plan/`); its path
/// and ids when written.
fn plan_page(
    r: &RenderCtx,
    lc: &LangCtx,
    index: usize,
    campaign_path: &str,
    sink: &dyn Sink,
    problems: &mut Diagnostics,
) -> Option<(String, PageIds)> {
    let path = format!("{campaign_path}plan/");
    let mut page = page_ctx(r, lc, index, &path, String::new(), Vec::new());
    page.canonical = format!("{}plan/", page.canonical);
    page.permalink = lc.full(&path);
    page.image = None;
    page.breadcrumbs.push(super::context::NavItem {
        title: page.title.clone(),
        url: lc.url(campaign_path),
        current: false,
    });
    for a in &mut page.alternates {
        a.href.push_str("plan/");
    }
    for t in &mut page.translations {
        t.url.push_str("plan/");
    }
    let data = vec![("campaign_url", serde_json::json!(lc.url(campaign_path)))];
    let ids = r.write_page(lc, PLAN, &path, &page, data, sink, problems)?;
    Some((path, ids))
}

/// The template of a node: the one its front matter names, or its kind's.
fn template<'n>(
    r: &RenderCtx,
    node: &'n Node,
    version: Option<&'n Version>,
    problems: &mut Diagnostics,
) -> Option<&'n str> {
    match version.and_then(|v| v.front.template.as_ref()) {
        Some((name, _)) if r.templates.has(name) => Some(name),
        Some((name, loc)) => {
            problems.error(loc.clone(), Msg::TemplateNotFound { name: name.clone() });
            None
        }
        None => Some(match node.kind {
            NodeKind::Home => "index.html",
            NodeKind::Section => "section.html",
            NodeKind::Page if version.is_some_and(|v| v.plan.is_some()) => "campaign.html",
            NodeKind::Page => "page.html",
        }),
    }
}

/// What the template sees of node `index` as `page`, its text being
/// `content` with sections `toc`.
fn page_ctx(
    r: &RenderCtx,
    lc: &LangCtx,
    index: usize,
    path: &str,
    content: String,
    toc: Vec<markdown::TocEntry>,
) -> PageCtx {
    let node = &r.site.nodes[index];
    let default = r.site.default_lang();
    let version = node.version(lc.lang, default);
    let fallback = version.is_some_and(|v| v.lang != lc.lang);
    let translated = |code: &str| node.versions.contains_key(code) || node.versions.is_empty();
    let canonical_path = if fallback { &node.paths[default] } else { path };
    let front = version.map(|v| &v.front);
    PageCtx {
        kind: match node.kind {
            NodeKind::Home => "home",
            NodeKind::Section => "section",
            NodeKind::Page => "page",
        },
        key: node.key.clone(),
        title: lc.title(node).0,
        description: front.and_then(|f| f.description.clone()),
        content,
        toc,
        url: lc.url(path),
        permalink: lc.full(path),
        canonical: lc.full(canonical_path),
        date: lc.date(front.and_then(|f| f.date.as_ref())),
        updated: lc.date(front.and_then(|f| f.updated.as_ref())),
        lang: version.map_or_else(|| lc.lang.to_string(), |v| v.lang.clone()),
        fallback,
        extra: front.map_or(serde_json::Value::Null, |f| f.extra.clone()),
        translations: lc.translations(&node.paths, translated),
        alternates: lc.alternates(&node.paths, translated),
        breadcrumbs: lc.breadcrumbs(index),
        // Steps are listed as the journey, not again among the pages.
        pages: node
            .pages
            .iter()
            .filter(|p| !node.steps.contains(p))
            .map(|&p| lc.summary(p, None))
            .collect(),
        subsections: {
            // A section of many subsections (a province's communes) lists
            // them without their pages: a page a phone can load.
            let listed = if node.subsections.len() > SUBSECTIONS_WITH_PAGES {
                0
            } else {
                SUBSECTION_PAGES_LISTED
            };
            node.subsections
                .iter()
                .map(|&s| lc.summary(s, Some(listed)))
                .collect()
        },
        plan: version.and_then(|v| v.plan.as_ref()).map(|p| {
            let written = r.pages.written();
            campaign::PlanCtx::new(p, lc, path, &r.plan_texts, written)
        }),
        outreach: None,
        summary: front.map_or_else(Vec::new, |f| {
            let fact = |(label, value): &(String, String)| Fact {
                label: label.clone(),
                value: value.clone(),
            };
            f.summary.iter().map(fact).collect()
        }),
        image: node
            .is_campaign()
            .then(|| lc.full(&crate::model::generated::share_image_path(path))),
        journey: match node.kind {
            NodeKind::Section => lc.journey(index, index),
            _ => node
                .parent
                .and_then(|s| lc.journey(s, index).filter(|j| j.current.is_some())),
        },
    }
}

/// What an outreach page shows of its kind, with a link to its print view
/// and to its audio, which must be a file of the site or an address.
fn outreach_ctx(
    lc: &LangCtx,
    node: &Node,
    v: &Version,
    path: &str,
    problems: &mut Diagnostics,
) -> Option<outreach::OutreachCtx> {
    let default = lc.site.default_lang();
    let print_url =
        (node.versions.len() > 1).then(|| lc.url(&format!("{}print/", node.paths[default])));
    let audio_url = v.front.outreach.audio.as_ref().and_then(|(audio, loc)| {
        match lc.site.links.resolve(audio, &v.rel, path, lc.lang) {
            Ok(Some(url)) => Some(url),
            Ok(None) => Some(audio.clone()),
            Err(LinkError::Unreadable) => None,
            Err(_) => {
                problems.push(Diagnostic::error(
                    loc.clone(),
                    Msg::BrokenLink {
                        target: audio.clone(),
                    },
                ));
                None
            }
        }
    });
    lc.outreach(v, print_url, audio_url)
}

/// What the template sees besides `page`: the home page's start points and
/// next dates, a campaign's next dates for its notification banner and its
/// summary (with its visits, the plan's schedule's among them).
fn data(
    lc: &LangCtx,
    index: usize,
    page: &PageCtx,
    path: &str,
) -> Vec<(&'static str, serde_json::Value)> {
    match lc.site.nodes[index].kind {
        NodeKind::Home => vec![("home", super::home::data(lc))],
        NodeKind::Page if page.plan.is_some() => vec![
            ("coming", campaign::coming(lc.site, index)),
            (
                "summary",
                serde_json::json!(super::campaign_summary::summary(lc, index, path)),
            ),
        ],
        _ => Vec::new(),
    }
}

/// Whether node `index` lists events (the home page, a campaign's page),
/// whose items must be made before it is rendered.
pub fn lists_events(r: &RenderCtx, index: usize) -> bool {
    index == HOME
        || r.site.nodes[index]
            .versions
            .values()
            .any(|v| v.plan.is_some())
}
