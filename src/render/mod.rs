//! Renders the model into files: pages in every language, redirects, the
//! slogans page, feeds and copies of assets, written through a [`Sink`].

pub mod anchors;
pub mod campaign;
pub mod context;
pub mod feeds;
pub mod fragments;
pub mod ical;
pub mod markdown;
pub mod minify;
pub mod outreach;
pub mod places;
pub mod posters;
pub mod sanitize;
pub mod search;
pub mod share;
pub mod templates;
pub mod theme;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Location};
use crate::messages::Msg;
use crate::model::{lang_prefix, NodeKind, Site};
use crate::timings::timed;
use crate::write::Sink;
use context::{LangCtx, PageCtx, Summary};
use templates::Templates;
use theme::Theme;

pub struct Renderer<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub templates: &'a Templates,
    pub strings: BTreeMap<String, BTreeMap<String, String>>,
    /// Per language, every date of an event as shown.
    pub event_dates: BTreeMap<String, BTreeMap<jiff::civil::Date, context::DateCtx>>,
    /// What is done to pages once made (see [`Renderer::finish`]).
    pub pages: Pages,
    /// The translation report, shown to staff at `translations/`.
    pub translations: Option<serde_json::Value>,
    /// Tells this renderer's cached contexts from another's.
    id: usize,
    /// Per language, each event's list item, made by [`Renderer::render_all`].
    event_html: std::sync::OnceLock<BTreeMap<String, Vec<String>>>,
    /// Outreach texts rendered for their pages, for their print views.
    printed: outreach::Printed,
    /// Plans' texts, made once for all languages.
    plan_texts: campaign::PlanTexts,
}

static NEXT_RENDERER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The pages that share a base context: their language, and what decides
/// the current item of the menu (see [`LangCtx::nav_key`]).
type BaseKey = (String, String, bool);

/// About what a theme's templates write around a page's text, in bytes.
const PAGE_FRAME: usize = 8 * 1024;

thread_local! {
    /// Per thread, the template contexts holding what pages share (`lang`,
    /// the ~170 strings of `t`, and `site` with its menu), made once instead
    /// of once per page; tagged with the renderer's id.
    static BASE_CONTEXTS: std::cell::RefCell<(usize, BTreeMap<BaseKey, tera::Context>)> =
        const { std::cell::RefCell::new((usize::MAX, BTreeMap::new())) };
}

/// The first `n` upcoming campaign dates (not team visits) among `events`,
/// as event items (see [`fragments`]).
fn upcoming_refs(
    events: impl Iterator<Item = usize>,
    site: &Site,
    n: usize,
) -> Vec<serde_json::Value> {
    events
        .filter(|&i| {
            let e = &site.events[i];
            !e.past && e.kind != crate::model::schedule::EventKind::Visit
        })
        .take(n)
        .map(|i| serde_json::json!({ "html": fragments::placeholder(i) }))
        .collect()
}

/// What is done to a page once its template made it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Pages {
    /// Minified, as `build` writes them.
    Minified,
    /// As the templates make them (`serve`); minified templates' values
    /// quoted where they must be.
    AsMade,
    /// Only read for their ids (`check`): left as Tera wrote them, marks
    /// and all (see [`minify::MARK`]).
    Read,
}

impl Pages {
    /// Whether the pages are written (not only read by `check`).
    pub(crate) fn written(self) -> bool {
        self != Pages::Read
    }
}

/// What rendering one node in one language gives.
#[derive(Default)]
struct NodePage {
    problems: Vec<Diagnostic>,
    /// Links to sections of pages, to check once every page is made.
    anchors: Vec<anchors::AnchorLink>,
    /// The page's path and ids, when it was written.
    ids: Option<(String, std::collections::HashSet<String>)>,
}

/// What a finished render reports.
pub struct Report {
    pub pages: usize,
    pub files: usize,
    pub problems: Vec<Diagnostic>,
}

#[derive(Serialize)]
struct SloganCtx {
    id: String,
    poster_url: String,
    text: String,
    lang: String,
    translated: bool,
    campaign: Option<Summary>,
}

impl<'a> Renderer<'a> {
    pub fn new(site: &'a Site, theme: &'a Theme, templates: &'a Templates, pages: Pages) -> Self {
        let strings: BTreeMap<String, BTreeMap<String, String>> = site
            .config
            .languages
            .iter()
            .map(|l| {
                (
                    l.code.clone(),
                    theme.strings_for(&l.code, &site.config.default_language),
                )
            })
            .collect();
        let dates: std::collections::BTreeSet<jiff::civil::Date> = site
            .events
            .iter()
            .flat_map(|e| [e.date, e.last_date])
            .collect();
        let tz = &site.config.timezone;
        let event_dates = site
            .config
            .languages
            .iter()
            .map(|l| {
                let strings: &BTreeMap<String, String> = &strings[&l.code];
                let format = strings
                    .get("date_format")
                    .map(String::as_str)
                    .unwrap_or("%Y-%m-%d");
                let shown = dates
                    .iter()
                    .filter_map(|d| {
                        let pd = crate::read::date::PageDate::from_date(*d, tz)?;
                        Some((*d, context::DateCtx::new(&pd, format)))
                    })
                    .collect();
                (l.code.clone(), shown)
            })
            .collect();
        Renderer {
            site,
            theme,
            templates,
            strings,
            event_dates,
            pages,
            translations: None,
            id: NEXT_RENDERER.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            event_html: Default::default(),
            printed: Default::default(),
            plan_texts: Default::default(),
        }
    }

    pub fn with_translations(mut self, report: &crate::model::translations::Report) -> Self {
        self.translations = serde_json::to_value(report).ok();
        self
    }

    /// `translations/`: for staff, kept out of the sitemap and of search engines.
    fn translations_page(&self) -> Option<(String, Result<Vec<u8>, Diagnostic>)> {
        let report = self.translations.clone()?;
        let lang = self.site.default_lang();
        let lc = self.lang_ctx(lang);
        let page = self.special_page(
            "translations",
            lang,
            "translations/",
            "",
            lc.t("translations_title"),
        );
        Some((
            "translations/index.html".into(),
            self.render_template(
                "translations.html",
                &lc,
                "translations/",
                &page,
                vec![("report", report)],
            ),
        ))
    }

    fn lang_ctx(&self, lang: &'a str) -> LangCtx<'_> {
        LangCtx {
            site: self.site,
            lang,
            strings: &self.strings[lang],
            event_dates: &self.event_dates[lang],
            event_html: self
                .event_html
                .get()
                .and_then(|m| m.get(lang))
                .map_or(&[], Vec::as_slice),
        }
    }

    pub fn render_all(&self, sink: &dyn Sink) -> Report {
        let site = self.site;
        let keeps = sink.keeps();
        let mut problems = timed("event items", || self.make_event_items());
        let jobs = site.node_langs();
        let results: Vec<NodePage> = timed("content pages", || {
            jobs.par_iter()
                .map(|job| self.node_page(job.node, &job.lang, sink))
                .collect()
        });
        let mut pages = 0;
        let mut anchor_links = Vec::new();
        let mut ids = std::collections::HashMap::new();
        for mut r in results {
            pages += r.ids.is_some() as usize;
            problems.append(&mut r.problems);
            anchor_links.append(&mut r.anchors);
            if let Some((path, page_ids)) = r.ids {
                ids.insert(path, page_ids);
            }
        }
        problems.extend(timed("anchors", || anchors::check(&anchor_links, &ids)));
        // Every page's ids are a large part of the memory: gone before the rest.
        drop((ids, anchor_links));
        let mut files = pages;
        // Redirects for aliases are files, not pages.
        let redirects: std::collections::HashSet<&str> =
            site.aliases.iter().map(|a| a.path.as_str()).collect();
        let write_all = |outputs: Vec<places::Output>| {
            let (mut pages, mut files, mut problems) = (0, 0, Vec::new());
            for (path, result) in outputs {
                match result.and_then(|bytes| write(sink, &path, &bytes)) {
                    Ok(()) => {
                        files += 1;
                        let dir = path.trim_end_matches("index.html");
                        pages +=
                            usize::from(path.ends_with("index.html") && !redirects.contains(dir));
                    }
                    Err(d) => problems.push(d),
                }
            }
            (pages, files, problems)
        };
        // The pages beside the content: print views, posters, feeds and the
        // like, each written as soon as it is made.
        let extras = || {
            let mut done: Vec<(usize, usize, Vec<Diagnostic>)> = timed("print views", || {
                (0..site.nodes.len())
                    .into_par_iter()
                    .filter_map(|i| self.outreach_print(i))
                    .map(|output| write_all(vec![output]))
                    .collect()
            });
            let mut extra: Vec<places::Output> =
                site.aliases.iter().map(|a| self.alias_page(a)).collect();
            extra.extend(self.translations_page());
            extra.extend(timed("posters", || self.posters(keeps)));
            extra.extend(timed("share images", || self.share_images(sink)));
            for lang in &site.config.languages {
                let code = lang.code.as_str();
                if !site.slogans.is_empty() {
                    extra.push(self.slogans_page(code));
                }
                if keeps {
                    let prefix = lang_prefix(&site.config, code);
                    extra.push((
                        format!("{prefix}atom.xml"),
                        Ok(feeds::atom(&self.lang_ctx(code)).into_bytes()),
                    ));
                }
            }
            extra.push(self.not_found_page());
            if keeps {
                extra.push(("sitemap.xml".into(), Ok(feeds::sitemap(site).into_bytes())));
                extra.push(("robots.txt".into(), Ok(feeds::robots(site).into_bytes())));
            }
            done.push(write_all(extra));
            done
        };
        // Points, wards, the schedule and calendars: many files, written as
        // they are made; the search index beside them, and the extras.
        let (mut results, (places, search)) = timed("extras, places, search", || {
            rayon::join(extras, || {
                rayon::join(
                    || -> Vec<(usize, usize, Vec<Diagnostic>)> {
                        self.place_jobs(keeps)
                            .par_iter()
                            .map(|job| write_all(self.run_place_job(job)))
                            .collect()
                    },
                    || timed("search index", || write_all(self.search_outputs(keeps))),
                )
            })
        });
        results.extend(places);
        results.push(search);
        for (p, f, mut d) in results {
            pages += p;
            files += f;
            problems.append(&mut d);
        }
        // Theme files first; a site's own file at the same path replaces it.
        let own: std::collections::HashSet<&str> =
            site.assets.iter().map(|a| a.out.as_str()).collect();
        for (out, source) in &self.theme.static_files {
            if own.contains(out.as_str()) {
                continue;
            }
            let result = source
                .read()
                .map_err(|e| write_failed(out, &e))
                .and_then(|bytes| write(sink, out, &bytes));
            match result {
                Ok(()) => files += 1,
                Err(d) => problems.push(d),
            }
        }
        let copied: Vec<Result<(), Diagnostic>> = site
            .assets
            .par_iter()
            .map(|a| {
                sink.copy(&a.path, &a.out)
                    .map_err(|e| write_failed(&a.out, &e))
            })
            .collect();
        for r in copied {
            match r {
                Ok(()) => files += 1,
                Err(d) => problems.push(d),
            }
        }
        Report {
            pages,
            files,
            problems,
        }
    }

    /// One node's pages in every language and its print view: what an edit
    /// of the text of its file changes (lists show only front matter).
    pub fn render_node(&self, index: usize, sink: &dyn Sink) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        // The home and campaign pages list their next events, made as fragments.
        let lists_events = index == crate::model::HOME
            || self.site.nodes[index]
                .versions
                .values()
                .any(|v| v.plan.is_some());
        if lists_events {
            problems.extend(self.make_event_items());
        }
        for lang in &self.site.config.languages {
            problems.extend(self.node_page(index, &lang.code, sink).problems);
        }
        if let Some((path, result)) = self.outreach_print(index) {
            if let Err(d) = result.and_then(|bytes| write(sink, &path, &bytes)) {
                problems.push(d);
            }
        }
        problems
    }

    /// Renders one node in one language.
    fn node_page(&self, index: usize, lang: &str, sink: &dyn Sink) -> NodePage {
        let site = self.site;
        let node = &site.nodes[index];
        let lc = self.lang_ctx(lang);
        let default = site.default_lang();
        let path = node.paths[lang].clone();
        let version = node.version(lang, default);
        let mut problems = Vec::new();

        let mut done = NodePage::default();
        let (content, toc) = match version {
            Some(v) => {
                let r = markdown::render(v, &path, lang, site, self.pages.written());
                problems.extend(r.problems);
                if outreach::Printed::wants(node, v, lang) {
                    self.printed.keep(index, lang, &r.html);
                }
                // A page shown in another language than its text links to
                // sections as its writer saw them; only its own language is checked.
                if v.lang == lang {
                    done.anchors = r.anchors;
                }
                (r.html, r.toc)
            }
            None => (String::new(), Vec::new()),
        };
        let template = match version.and_then(|v| v.front.template.as_ref()) {
            Some((name, loc)) => {
                if !self.templates.has(name) {
                    problems.push(Diagnostic::error(
                        loc.clone(),
                        Msg::TemplateNotFound { name: name.clone() },
                    ));
                    done.problems = problems;
                    return done;
                }
                name.as_str()
            }
            None => match node.kind {
                NodeKind::Home => "index.html",
                NodeKind::Section => "section.html",
                NodeKind::Page if version.is_some_and(|v| v.plan.is_some()) => "campaign.html",
                NodeKind::Page => "page.html",
            },
        };
        let fallback = version.is_some_and(|v| v.lang != lang);
        let translated = |code: &str| node.versions.contains_key(code) || node.versions.is_empty();
        let canonical_path = if fallback {
            &node.paths[default]
        } else {
            &path
        };
        let (title, _) = lc.title(node);
        let mut page = PageCtx {
            kind: match node.kind {
                NodeKind::Home => "home",
                NodeKind::Section => "section",
                NodeKind::Page => "page",
            },
            key: node.key.clone(),
            title,
            description: version.and_then(|v| v.front.description.clone()),
            content,
            toc,
            url: lc.url(&path),
            permalink: lc.full(&path),
            canonical: lc.full(canonical_path),
            date: lc.date(version.and_then(|v| v.front.date.as_ref())),
            updated: lc.date(version.and_then(|v| v.front.updated.as_ref())),
            lang: version
                .map(|v| v.lang.clone())
                .unwrap_or_else(|| lang.to_string()),
            fallback,
            extra: version
                .map(|v| v.front.extra.clone())
                .unwrap_or(serde_json::Value::Null),
            translations: lc.translations(&node.paths, translated),
            alternates: lc.alternates(&node.paths, translated),
            breadcrumbs: lc.breadcrumbs(index),
            // Steps are listed as the journey, not again among the pages.
            pages: node
                .pages
                .iter()
                .filter(|p| !node.steps.contains(p))
                .map(|&p| lc.summary(p, false))
                .collect(),
            subsections: node
                .subsections
                .iter()
                .map(|&s| lc.summary(s, true))
                .collect(),
            plan: version.and_then(|v| v.plan.as_ref()).map(|p| {
                let written = self.pages.written();
                campaign::PlanCtx::new(p, &lc, &path, &self.plan_texts, written)
            }),
            outreach: None,
            summary: version
                .map(|v| {
                    v.front
                        .summary
                        .iter()
                        .map(|(label, value)| context::Fact {
                            label: label.clone(),
                            value: value.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            image: node
                .is_campaign()
                .then(|| lc.full(&crate::model::generated::share_image_path(&path))),
            journey: match node.kind {
                NodeKind::Section => lc.journey(index, index),
                _ => node
                    .parent
                    .and_then(|s| lc.journey(s, index).filter(|j| j.current.is_some())),
            },
        };
        if let Some(v) = version.filter(|v| v.front.outreach.kind.is_some()) {
            let print_url = (node.versions.len() > 1)
                .then(|| lc.url(&format!("{}print/", node.paths[default])));
            let audio_url = v.front.outreach.audio.as_ref().and_then(|(audio, loc)| {
                match site.links.resolve(audio, &v.rel, &path, lang) {
                    Ok(Some(url)) => Some(url),
                    Ok(None) => Some(audio.clone()),
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
            page.outreach = lc.outreach(v, print_url, audio_url);
        }
        let extra = match node.kind {
            NodeKind::Home => vec![("home", self.home_data(&lc))],
            // A campaign's next dates, for its notification banner.
            NodeKind::Page if page.plan.is_some() => {
                let events = site.event_index.by_campaign.get(&index);
                let next = upcoming_refs(events.into_iter().flatten().copied(), site, 2);
                vec![("coming", serde_json::json!({ "next": next }))]
            }
            _ => Vec::new(),
        };
        let written = self
            .render_template(template, &lc, &path, &page, extra)
            .and_then(|bytes| {
                write(sink, &format!("{path}index.html"), &bytes)?;
                Ok(bytes)
            });
        match written {
            Ok(bytes) => done.ids = Some((path, anchors::ids_in(&bytes))),
            Err(d) => problems.push(d),
        }
        done.problems = problems;
        done
    }

    /// What the home page adds: where to start, and the next dates that
    /// concern citizens (campaign periods and deadlines, not team visits).
    fn home_data(&self, lc: &LangCtx) -> serde_json::Value {
        const COMING_UP: usize = 3;
        let site = self.site;
        let prefix = lang_prefix(&site.config, lc.lang);
        let next = upcoming_refs(0..site.events.len(), site, COMING_UP);
        serde_json::json!({
            "points_url": (!site.places.is_empty()).then(|| lc.url(&format!("{prefix}points/"))),
            "schedule_url": lc.url(&format!("{prefix}schedule/")),
            "next": next,
        })
    }

    /// Renders `template` for the page at site path `path`, as written (see
    /// [`Renderer::finish`]).
    fn render_template(
        &self,
        template: &str,
        lc: &LangCtx,
        path: &str,
        page: &PageCtx,
        extra: Vec<(&str, serde_json::Value)>,
    ) -> Result<Vec<u8>, Diagnostic> {
        let html = BASE_CONTEXTS.with(|cell| {
            let mut cache = cell.borrow_mut();
            if cache.0 != self.id {
                *cache = (self.id, BTreeMap::new());
            }
            let (first, root) = lc.nav_key(path);
            let key = (lc.lang.to_string(), first.to_string(), root);
            let ctx = cache.1.entry(key).or_insert_with(|| {
                let mut ctx = tera::Context::new();
                ctx.insert("lang", lc.lang);
                ctx.insert("t", lc.strings);
                ctx.insert("site", &lc.site_ctx(path));
                ctx
            });
            ctx.insert("page", page);
            for (name, value) in &extra {
                ctx.insert(name.to_string(), value);
            }
            let mut html = Vec::with_capacity(page.content.len() + PAGE_FRAME);
            let done = self.templates.render_to(template, ctx, &mut html);
            for (name, _) in &extra {
                ctx.remove(name);
            }
            done.map(|()| html)
        })?;
        Ok(fragments::fill(self.finish(html), lc.event_html))
    }

    /// Rendered HTML as written: from minified templates, with the values
    /// Tera wrote in attributes quoted where they must be; otherwise
    /// minified whole when the build minifies. `check` reads it as made.
    fn finish(&self, html: Vec<u8>) -> Vec<u8> {
        match self.pages {
            Pages::Read => html,
            _ if self.templates.minified() => minify::quote_values(html),
            Pages::Minified => minify::minify(&html),
            Pages::AsMade => html,
        }
    }

    /// Makes the event items that pages paste in, once per renderer.
    fn make_event_items(&self) -> Vec<Diagnostic> {
        if self.event_html.get().is_some() {
            return Vec::new();
        }
        let (event_html, problems) = self.event_items();
        let _ = self.event_html.set(event_html);
        problems
    }

    /// Every event's list item in every language, for [`fragments::fill`].
    fn event_items(&self) -> (BTreeMap<String, Vec<String>>, Vec<Diagnostic>) {
        let mut all = BTreeMap::new();
        let mut problems = Vec::new();
        if !self.templates.has(fragments::EVENT_ITEMS) {
            return (all, problems);
        }
        for lang in &self.site.config.languages {
            let lc = self.lang_ctx(&lang.code);
            let indices: Vec<usize> = (0..self.site.events.len()).collect();
            let render = |chunk: &[usize]| {
                let events: Vec<places::EventCtx> = chunk
                    .iter()
                    .map(|&i| lc.event(&self.site.events[i]))
                    .collect();
                let mut ctx = tera::Context::new();
                ctx.insert("events", &events);
                ctx.insert("site", &lc.site_ctx(""));
                ctx.insert("lang", lc.lang);
                ctx.insert("t", lc.strings);
                let mut html = Vec::new();
                self.templates
                    .render_to(fragments::EVENT_ITEMS, &ctx, &mut html)
                    .map(|()| String::from_utf8_lossy(&html).into_owned())
            };
            match fragments::render_all(&indices, render, |html| {
                String::from_utf8_lossy(&self.finish(html.into_bytes())).into_owned()
            }) {
                Ok(list) => {
                    all.insert(lang.code.clone(), list);
                }
                Err(d) => {
                    // The same mistake in every language: report it once.
                    problems.push(d);
                    break;
                }
            }
        }
        (all, problems)
    }

    /// A page that is not made from content. `path` is its site path in
    /// `lang`; `suffix` the part after the language prefix that its
    /// translations share (the home page for the 404 page, which exists once).
    fn special_page(
        &self,
        kind: &'static str,
        lang: &str,
        path: &str,
        suffix: &str,
        title: String,
    ) -> PageCtx {
        let lc = self.lang_ctx(lang);
        let paths: BTreeMap<String, String> = self
            .site
            .config
            .languages
            .iter()
            .map(|l| {
                (
                    l.code.clone(),
                    format!("{}{suffix}", lang_prefix(&self.site.config, &l.code)),
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
            url: lc.url(path),
            permalink: lc.full(path),
            canonical: lc.full(path),
            date: None,
            updated: None,
            lang: lang.to_string(),
            fallback: false,
            extra: serde_json::Value::Null,
            translations: lc.translations(&paths, |_| true),
            alternates: lc.alternates(&paths, |_| true),
            breadcrumbs: vec![context::NavItem {
                title: lc.t("home"),
                url: lc.url(&lang_prefix(&self.site.config, lang)),
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

    fn slogans_page(&self, lang: &str) -> (String, Result<Vec<u8>, Diagnostic>) {
        let site = self.site;
        let lc = self.lang_ctx(lang);
        let path = format!("{}slogans/", lang_prefix(&site.config, lang));
        let slogans: Vec<SloganCtx> = site
            .slogans
            .iter()
            .map(|s| {
                let (text, translated) = s.text_in(lang);
                let campaign = s.campaign.as_ref().and_then(|(slug, _)| {
                    let key = format!("campaigns/{slug}");
                    site.nodes
                        .iter()
                        .position(|n| n.key == key)
                        .map(|i| lc.summary(i, false))
                });
                SloganCtx {
                    id: s.id.clone(),
                    poster_url: lc.url(&format!(
                        "{}{}",
                        lang_prefix(&site.config, lang),
                        crate::model::generated::poster_path(&s.id)
                    )),
                    text: text.to_string(),
                    lang: if translated {
                        lang.to_string()
                    } else {
                        site.default_lang().to_string()
                    },
                    translated,
                    campaign,
                }
            })
            .collect();
        let mut page = self.special_page("slogans", lang, &path, "slogans/", lc.t("slogans_title"));
        page.description = Some(lc.t("slogans_description"));
        let slogans = serde_json::to_value(&slogans).unwrap_or_default();
        let result = self.render_template(
            "slogans.html",
            &lc,
            &path,
            &page,
            vec![("slogans", slogans)],
        );
        (format!("{path}index.html"), result)
    }

    fn not_found_page(&self) -> (String, Result<Vec<u8>, Diagnostic>) {
        let lang = self.site.default_lang();
        let lc = self.lang_ctx(lang);
        let page = self.special_page("not_found", lang, "404.html", "", lc.t("not_found_title"));
        (
            "404.html".into(),
            self.render_template("404.html", &lc, "404.html", &page, Vec::new()),
        )
    }

    fn alias_page(&self, alias: &crate::model::Alias) -> (String, Result<Vec<u8>, Diagnostic>) {
        let node = &self.site.nodes[alias.node];
        let lc = self.lang_ctx(&alias.lang);
        let target = &node.paths[&alias.lang];
        let mut page = self.special_page("alias", &alias.lang, target, "", lc.title(node).0);
        page.url = lc.url(target);
        page.canonical = lc.full(target);
        let out = if alias.path.ends_with(".html") {
            alias.path.clone()
        } else {
            format!("{}index.html", alias.path)
        };
        (
            out,
            self.render_template("alias.html", &lc, target, &page, Vec::new()),
        )
    }
}

fn write(sink: &dyn Sink, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
    sink.write(path, bytes).map_err(|e| write_failed(path, &e))
}

fn write_failed(path: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Location::file(path),
        Msg::WriteFailed {
            detail: format!("{path}: {e}"),
        },
    )
}
