//! What every page of one language shares in its template context: `lang`,
//! the theme's strings as `t`, and `site` with its menu. Made once per
//! build, before the pages, as one Tera context for the pages in each item
//! of the menu and one for the pages in none; a page takes a copy of its
//! own (Tera's values are shared, not copied) and adds `page` and its data.

use serde::Serialize;
use tera::Value;

use super::context::{LangCtx, NavItem};
use crate::model::{lang_prefix, HOME};

#[derive(Serialize)]
pub struct SiteCtx<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub organization: Option<&'a str>,
    /// How to reach the organization; `None` when `site.yaml` gives no way.
    pub contact: Option<ContactCtx<'a>>,
    /// `/vneid/`: prefix for every link to a file of the site.
    pub base_path: &'a str,
    /// `https://portal.example.gov.vn/vneid/`
    pub base_url: String,
    pub default_language: &'a str,
    pub home_url: String,
    pub atom_url: String,
    pub search_url: String,
    /// The language's web app manifest (see [`super::manifest`]).
    pub manifest_url: String,
    /// Whether pages register the service worker that keeps them for
    /// reading offline: not in `loa serve`, whose pages reload live.
    pub offline: bool,
    /// The site's share image (absolute), for pages without their own.
    pub image: String,
    pub nav: Vec<NavItem>,
    pub extra: &'a serde_json::Value,
    /// Font families set for languages in `site.yaml`, as CSS.
    pub fonts: Vec<serde_json::Value>,
}

/// The organization's contacts as templates link them.
#[derive(Serialize)]
pub struct ContactCtx<'a> {
    #[serde(flatten)]
    pub written: &'a crate::read::organization::Contact,
    /// `tel:1022`: the phone's digits (and a leading `+`).
    pub tel: Option<String>,
    /// The website, when it is a web address to link to.
    pub website_url: Option<&'a str>,
    /// The hours on the build's day in the reader's language (`Monday –
    /// Friday: 07:00–11:00`), a line per group of days, when they read as
    /// hours (`T2-T6 07:00-11:00`); none on a day they are all closed.
    pub hours_in_words: Vec<String>,
    /// Whether the hours read as hours: when they do not, they are shown
    /// as written.
    pub hours_read: bool,
}

impl<'a> ContactCtx<'a> {
    pub fn new(lc: &LangCtx, written: &'a crate::read::organization::Contact) -> Option<Self> {
        if written.is_empty() {
            return None;
        }
        let tel = written.phone.as_ref().map(|p| {
            let first = p.split([',', ';', '/']).next().unwrap_or(p);
            let digits: String = first
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect();
            format!("tel:{digits}")
        });
        let website_url = written
            .website
            .as_deref()
            .filter(|w| w.starts_with("https://") || w.starts_with("http://"));
        // In words even in the site's language: as written, hours for a
        // period (`… đến 30/6/2026`) would still show after it.
        let week = written
            .hours
            .as_deref()
            .and_then(|h| crate::read::hours::parse(h).ok())
            .map(|hours| hours.on(lc.site.now.date()));
        Some(ContactCtx {
            written,
            tel,
            website_url,
            hours_read: week.is_some(),
            hours_in_words: week.map(|week| lc.hours_texts(&week)).unwrap_or_default(),
        })
    }
}

/// An item of the menu, and the pages it is the current item of.
struct MenuItem {
    item: NavItem,
    on: On,
}

/// The pages an item of the menu is current on, by site path.
enum On {
    /// The pages under any of these folders.
    Under(Vec<String>),
    /// This page alone.
    At(String),
}

impl On {
    fn contains(&self, path: &str) -> bool {
        match self {
            On::Under(folders) => folders.iter().any(|f| path.starts_with(f.as_str())),
            On::At(page) => path == page,
        }
    }
}

/// The base contexts of one language.
pub struct BaseContexts {
    menu: Vec<MenuItem>,
    offline: bool,
    /// For the pages in no item of the menu, then for those in each item,
    /// each with its digest (see [`BaseContexts::digest`]).
    contexts: Vec<(tera::Context, Option<u128>)>,
    lang: Value,
    t: Value,
}

impl BaseContexts {
    /// `offline`: whether pages register the service worker.
    pub fn new(lc: &LangCtx, offline: bool) -> BaseContexts {
        let mut base = BaseContexts {
            menu: menu(lc),
            offline,
            contexts: Vec::new(),
            lang: Value::from_serializable(lc.lang),
            t: Value::from_serializable(lc.strings),
        };
        base.contexts = (0..=base.menu.len())
            .map(|n| base.context(lc, |i| i + 1 == n))
            .collect();
        base
    }

    /// The context of the page at site path `path`, for its page to be added.
    pub fn for_page(&self, lc: &LangCtx, path: &str) -> tera::Context {
        match self.which(path) {
            Some(n) => self.contexts[n].0.clone(),
            None => self.context(lc, |i| self.menu[i].on.contains(path)).0,
        }
    }

    /// A digest of what [`BaseContexts::for_page`] gives (see
    /// [`super::kept_pages`]); `None` if it cannot be made.
    pub fn digest(&self, lc: &LangCtx, path: &str) -> Option<u128> {
        match self.which(path) {
            Some(n) => self.contexts[n].1,
            None => self.context(lc, |i| self.menu[i].on.contains(path)).1,
        }
    }

    /// Which of the contexts made the page at `path` takes; `None` for a
    /// folder in two items of the menu, whose context is made for it alone.
    fn which(&self, path: &str) -> Option<usize> {
        let mut current = (0..self.menu.len()).filter(|&i| self.menu[i].on.contains(path));
        match (current.next(), current.next()) {
            (None, _) => Some(0),
            (Some(i), None) => Some(i + 1),
            _ => None,
        }
    }

    /// The context of a page whose current items of the menu are those
    /// for which `current` is true, and its digest.
    fn context(
        &self,
        lc: &LangCtx,
        current: impl Fn(usize) -> bool,
    ) -> (tera::Context, Option<u128>) {
        let nav = self
            .menu
            .iter()
            .enumerate()
            .map(|(i, m)| NavItem {
                current: current(i),
                ..m.item.clone()
            })
            .collect();
        let site = site_ctx(lc, nav, self.offline);
        let digest = super::kept_pages::digest_of(&(&self.lang, &self.t, &site));
        let mut ctx = tera::Context::new();
        ctx.insert_value("lang", self.lang.clone());
        ctx.insert_value("t", self.t.clone());
        ctx.insert("site", &site);
        (ctx, digest)
    }
}

/// The menu: the points and the schedule when the site has them, the
/// top-level sections, then the slogans page.
fn menu(lc: &LangCtx) -> Vec<MenuItem> {
    let site = lc.site;
    let prefix = lang_prefix(&site.config, lc.lang);
    let item = |title: String, path: &str, on: On| MenuItem {
        item: NavItem {
            title,
            url: lc.url(path),
            current: false,
        },
        on,
    };
    let mut items: Vec<MenuItem> = site.nodes[HOME]
        .subsections
        .iter()
        .map(|&i| {
            let node = &site.nodes[i];
            let path = &node.paths[lc.lang];
            item(lc.title(node).0, path, On::Under(vec![path.clone()]))
        })
        .collect();
    if !site.places.is_empty() {
        let path = format!("{prefix}points/");
        let on = On::Under(vec![path.clone(), format!("{prefix}wards/")]);
        items.insert(0, item(lc.t("points_title"), &path, on));
    }
    if !site.events.is_empty() {
        let path = format!("{prefix}schedule/");
        let on = On::Under(vec![path.clone()]);
        let at = usize::from(!site.places.is_empty());
        items.insert(at, item(lc.t("schedule_title"), &path, on));
    }
    if !site.slogans.is_empty() {
        let path = format!("{prefix}slogans/");
        items.push(item(lc.t("slogans_title"), &path, On::At(path.clone())));
    }
    items
}

fn site_ctx<'a>(lc: &LangCtx<'a>, nav: Vec<NavItem>, offline: bool) -> SiteCtx<'a> {
    let config = &lc.site.config;
    let prefix = lang_prefix(config, lc.lang);
    SiteCtx {
        title: config.title_in(lc.lang),
        description: config.description_in(lc.lang),
        organization: config.organization.as_deref(),
        contact: ContactCtx::new(lc, &config.contact),
        base_path: &config.base_url.path,
        base_url: config.base_url.full(""),
        default_language: &config.default_language,
        home_url: lc.url(&prefix),
        atom_url: lc.url(&format!("{prefix}atom.xml")),
        search_url: lc.url(&format!("{prefix}search/")),
        manifest_url: lc.url(&format!("{prefix}{}", super::manifest::MANIFEST)),
        offline,
        image: lc.full(&crate::model::generated::share_image_path(&prefix)),
        nav,
        extra: &config.extra,
        fonts: config
            .languages
            .iter()
            .filter_map(|l| {
                let family = l.font.as_ref()?;
                // A CSS string: quotes and backslashes cannot end it.
                let clean: String = family
                    .chars()
                    .filter(|c| !matches!(c, '"' | '\\' | '<' | '>' | '{' | '}' | ';'))
                    .collect();
                Some(serde_json::json!({"lang": l.code, "family": format!("\"{clean}\"")}))
            })
            .collect(),
    }
}
