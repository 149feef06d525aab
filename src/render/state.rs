//! The render context: what every output reads, made once per build before
//! the parallel work and passed to it by reference. What varies by language
//! (the theme's strings, dates as shown, event items, the base of each
//! page's template context) is made once per language.

use std::collections::BTreeMap;

use super::anchors::{self, PageIds};
use super::base::BaseContexts;
use super::context::{DateCtx, LangCtx, PageCtx};
use super::kept_pages::PageKey;
use super::output::Output;
use super::templates::Templates;
use super::text_cache::TextCache;
use super::theme::Theme;
use super::{campaign, events, fragments, minify};
use crate::diagnostic::Diagnostics;
use crate::model::Site;
use crate::write::Sink;

/// What is done to a page once its template made it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
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

/// About what a theme's templates write around a page's text, in bytes.
const PAGE_FRAME: usize = 8 * 1024;

/// What every output reads: the site, its theme and templates, what is done
/// to pages, and what each language shares. Made before the parallel work,
/// read by it.
pub struct RenderCtx<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub templates: &'a Templates,
    pub pages: Pages,
    /// The translation report, shown to staff at `translations/`.
    pub translations: Option<serde_json::Value>,
    /// By language code.
    languages: BTreeMap<String, Language>,
    /// Plans' texts, made once for all languages.
    pub(super) plan_texts: campaign::PlanTexts,
    /// Pages' texts rendered by earlier builds.
    pub texts: Option<&'a TextCache>,
}

/// What the pages of one language share.
struct Language {
    strings: BTreeMap<String, String>,
    /// Every date of an event as shown.
    event_dates: BTreeMap<jiff::civil::Date, DateCtx>,
    /// Each event's list item, by event index (see [`fragments`]), once
    /// [`RenderCtx::make_event_items`] made them.
    event_html: Vec<String>,
    /// A digest of `event_html`.
    event_digest: u128,
    base: BaseContexts,
}

impl<'a> RenderCtx<'a> {
    pub fn new(site: &'a Site, theme: &'a Theme, templates: &'a Templates, pages: Pages) -> Self {
        let dates: std::collections::BTreeSet<jiff::civil::Date> = site
            .events
            .iter()
            .flat_map(|e| [e.date, e.last_date])
            .collect();
        let default = &site.config.default_language;
        let languages = site
            .config
            .languages
            .iter()
            .map(|l| {
                let strings = theme.strings_for(&l.code, default);
                let event_dates = shown_dates(site, &dates, &strings);
                let lc = LangCtx {
                    site,
                    lang: &l.code,
                    strings: &strings,
                    event_dates: &event_dates,
                    event_html: &[],
                };
                let base = BaseContexts::new(&lc, pages != Pages::AsMade);
                let language = Language {
                    strings,
                    event_dates,
                    event_html: Vec::new(),
                    event_digest: 0,
                    base,
                };
                (l.code.clone(), language)
            })
            .collect();
        RenderCtx {
            site,
            theme,
            templates,
            pages,
            translations: None,
            languages,
            plan_texts: Default::default(),
            texts: None,
        }
    }

    /// Takes the pages' texts from `texts` when kept there, and keeps them.
    pub fn with_texts(mut self, texts: Option<&'a TextCache>) -> Self {
        self.texts = texts;
        self
    }

    pub fn with_translations(mut self, report: &crate::model::translations::Report) -> Self {
        self.translations = serde_json::to_value(report).ok();
        self
    }

    /// Makes every event's list item in every language, which pages that
    /// list events paste in (see [`fragments`]).
    pub fn make_event_items(&mut self, problems: &mut Diagnostics) {
        for (lang, items) in events::items(self, problems) {
            if let Some(language) = self.languages.get_mut(&lang) {
                language.event_digest = crate::digest::kept_hash(&items);
                language.event_html = items;
            }
        }
    }

    /// The helpers of language `lang`, one of the site's.
    pub fn lang<'s>(&'s self, lang: &'s str) -> LangCtx<'s> {
        let language = &self.languages[lang];
        LangCtx {
            site: self.site,
            lang,
            strings: &language.strings,
            event_dates: &language.event_dates,
            event_html: &language.event_html,
        }
    }

    /// The base of the template context of the page at site path `path`
    /// (see [`BaseContexts`]).
    pub fn base_context(&self, lc: &LangCtx, path: &str) -> tera::Context {
        self.languages[lc.lang].base.for_page(lc, path)
    }

    /// Renders `template` for the page at site path `path`, as written (see
    /// [`RenderCtx::finish`]); `data` is what the template sees besides
    /// `site`, `lang`, `t` and `page`.
    pub fn render(
        &self,
        lc: &LangCtx,
        template: &str,
        path: &str,
        page: &PageCtx,
        data: Vec<(&'static str, serde_json::Value)>,
        problems: &mut Diagnostics,
    ) -> Option<Vec<u8>> {
        let mut ctx = self.base_context(lc, path);
        ctx.insert("page", page);
        for (name, value) in &data {
            ctx.insert(*name, value);
        }
        let mut html = Vec::with_capacity(page.content.len() + PAGE_FRAME);
        match self.templates.render_to(template, &ctx, &mut html) {
            Ok(()) => Some(fragments::fill(self.finish(html), lc.event_html)),
            Err(d) => {
                problems.push(d);
                None
            }
        }
    }

    /// [`RenderCtx::render`] written at `{path}index.html`: the page's ids
    /// when written. A page made as an earlier build made it, with no
    /// problem, is taken from [`RenderCtx::texts`] (see [`super::kept_pages`]).
    #[allow(clippy::too_many_arguments)]
    pub fn write_page(
        &self,
        lc: &LangCtx,
        template: &str,
        path: &str,
        page: &PageCtx,
        data: Vec<(&'static str, serde_json::Value)>,
        sink: &dyn Sink,
        problems: &mut Diagnostics,
    ) -> Option<PageIds> {
        let rel = format!("{path}index.html");
        let writes = self.pages.written();
        let kept = self.texts.and_then(|cache| {
            let language = &self.languages[lc.lang];
            let base = language.base.digest(lc, path)?;
            let how = (self.pages, self.templates.digest(), lc.lang, path, template);
            let how = (how, base, language.event_digest);
            PageKey::new(cache, how, &(page, &data))
        });
        if let Some(ids) = kept.as_ref().and_then(|k| k.take(sink, &rel, writes)) {
            return Some(ids);
        }
        let before = problems.len();
        let html = self.render(lc, template, path, page, data, problems)?;
        if !super::output::write(sink, &rel, &html, problems) {
            return None;
        }
        let ids = anchors::ids_in(&html);
        if let Some(kept) = kept.filter(|_| problems.len() == before) {
            kept.keep(&html, &ids, writes);
        }
        Some(ids)
    }

    /// [`RenderCtx::render`] as the output `{path}index.html`.
    pub fn page(
        &self,
        lc: &LangCtx,
        template: &str,
        path: &str,
        page: &PageCtx,
        data: Vec<(&'static str, serde_json::Value)>,
        problems: &mut Diagnostics,
    ) -> Option<Output> {
        let html = self.render(lc, template, path, page, data, problems)?;
        Some(Output::new(format!("{path}index.html"), html))
    }

    /// Rendered HTML as written: from minified templates, with the values
    /// Tera wrote in attributes quoted where they must be; otherwise
    /// minified whole when the build minifies. `check` reads it as made.
    pub fn finish(&self, html: Vec<u8>) -> Vec<u8> {
        match self.pages {
            Pages::Read => html,
            _ if self.templates.minified() => minify::quote_values(html),
            Pages::Minified => minify::minify(&html),
            Pages::AsMade => html,
        }
    }
}

/// `dates` as a language shows them, in its `date_format`.
fn shown_dates(
    site: &Site,
    dates: &std::collections::BTreeSet<jiff::civil::Date>,
    strings: &BTreeMap<String, String>,
) -> BTreeMap<jiff::civil::Date, DateCtx> {
    let format = strings
        .get("date_format")
        .map(String::as_str)
        .unwrap_or("%Y-%m-%d");
    let tz = &site.config.timezone;
    dates
        .iter()
        .filter_map(|d| {
            let pd = crate::read::date::PageDate::from_date(*d, tz)?;
            Some((*d, DateCtx::new(&pd, format)))
        })
        .collect()
}
