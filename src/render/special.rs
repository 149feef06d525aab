//! Pages not made from content: the slogans, the 404 page, the redirects
//! that aliases leave, the translation report for staff, and the search
//! page (made with its index, see [`super::search`]).

use serde::Serialize;

use super::context::{LangCtx, Summary};
use super::output::{one, Job, Output};
use super::state::RenderCtx;
use crate::diagnostic::Diagnostics;
use crate::model::{lang_prefix, Alias};

#[derive(Serialize)]
struct SloganCtx {
    id: String,
    poster_url: String,
    text: String,
    lang: String,
    translated: bool,
    campaign: Option<Summary>,
}

/// What the search page needs to know of its index.
#[derive(Serialize)]
pub struct SearchMeta {
    pub url: String,
    pub shards: u32,
    pub chunk: usize,
    pub docs: usize,
    /// Every language's name and index, by code, as JSON
    /// (`{"km": {"name", "url"}}`): a query in another language's script
    /// is looked up in that language's index.
    pub langs: String,
}

/// Another language's search index, as the search page names it.
#[derive(Serialize)]
pub struct SearchLang {
    pub name: String,
    pub url: String,
}

/// The special pages but the search page, a job each: the aliases', the
/// translation report, the slogans in each language, the 404 page.
pub fn jobs<'r>(r: &'r RenderCtx) -> Vec<Job<'r>> {
    let site = r.site;
    let mut jobs: Vec<Job> = site
        .aliases
        .iter()
        .map(|a| one(move |problems| alias(r, a, problems)))
        .collect();
    jobs.push(one(move |problems| translations(r, problems)));
    if !site.slogans.is_empty() {
        jobs.extend(site.config.languages.iter().map(|l| {
            let lang = l.code.as_str();
            one(move |problems| slogans(r, lang, problems))
        }));
    }
    jobs.push(one(move |problems| not_found(r, problems)));
    jobs
}

/// `translations/`: for staff, kept out of the sitemap and of search engines.
fn translations(r: &RenderCtx, problems: &mut Diagnostics) -> Option<Output> {
    let report = r.translations.clone()?;
    let lc = r.lang(r.site.default_lang());
    let path = "translations/";
    let page = lc.special_page("translations", path, "", lc.t("translations_title"));
    let data = vec![("report", report)];
    r.page(&lc, "translations.html", path, &page, data, problems)
}

/// `slogans/`: every slogan in `lang`, with its poster and its campaign.
fn slogans(r: &RenderCtx, lang: &str, problems: &mut Diagnostics) -> Option<Output> {
    let site = r.site;
    let lc = r.lang(lang);
    let prefix = lang_prefix(&site.config, lang);
    let path = format!("{prefix}slogans/");
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
                    .map(|i| lc.summary(i, None))
            });
            SloganCtx {
                id: s.id.clone(),
                poster_url: lc.url(&format!(
                    "{prefix}{}",
                    crate::model::generated::poster_path(&s.id)
                )),
                text: text.to_string(),
                lang: if translated {
                    lang
                } else {
                    site.default_lang()
                }
                .to_string(),
                translated,
                campaign,
            }
        })
        .collect();
    let mut page = lc.special_page("slogans", &path, "slogans/", lc.t("slogans_title"));
    page.description = Some(lc.t("slogans_description"));
    let slogans = serde_json::to_value(&slogans).unwrap_or_default();
    r.page(
        &lc,
        "slogans.html",
        &path,
        &page,
        vec![("slogans", slogans)],
        problems,
    )
}

/// `404.html`, once, in the default language.
fn not_found(r: &RenderCtx, problems: &mut Diagnostics) -> Option<Output> {
    let lc = r.lang(r.site.default_lang());
    let path = "404.html";
    let page = lc.special_page("not_found", path, "", lc.t("not_found_title"));
    let html = r.render(&lc, "404.html", path, &page, Vec::new(), problems)?;
    Some(Output::new(path, html))
}

/// The page at an alias, which sends readers to its page.
fn alias(r: &RenderCtx, alias: &Alias, problems: &mut Diagnostics) -> Option<Output> {
    let node = &r.site.nodes[alias.node];
    let lc = r.lang(&alias.lang);
    let target = &node.paths[&alias.lang];
    let mut page = lc.special_page("alias", target, "", lc.title(node).0);
    page.url = lc.url(target);
    page.canonical = lc.full(target);
    let out = if alias.path.ends_with(".html") {
        alias.path.clone()
    } else {
        format!("{}index.html", alias.path)
    };
    let html = r.render(&lc, "alias.html", target, &page, Vec::new(), problems)?;
    Some(Output::redirect(out, html))
}

/// The search page of `lc`'s language at `path`, over the index `meta`
/// describes.
pub fn search(
    r: &RenderCtx,
    lc: &LangCtx,
    path: &str,
    meta: &SearchMeta,
    problems: &mut Diagnostics,
) -> Option<Output> {
    let mut page = lc.special_page("search", path, "search/", lc.t("search_title"));
    page.description = Some(lc.t("search_description"));
    let meta = serde_json::to_value(meta).unwrap_or_default();
    r.page(
        lc,
        "search.html",
        path,
        &page,
        vec![("search", meta)],
        problems,
    )
}
