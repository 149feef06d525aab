//! Reading offline: the service worker (`sw.js`, at the root of the site so
//! that its scope is the site's sub-path) and each language's list of the
//! pages it saves with the words of its notice (`offline.json`), made after
//! every other output, since the worker's version is a digest of what it
//! saves. The registration is `js/offline.js`, a theme file included by
//! `base.html`.
//!
//! A language's list holds its home page, the points, the schedule, the
//! campaigns, the guides, each office and team, each ward, then its other
//! pages, as long as they weigh at most [`BUDGET`]: a commune's site is saved
//! whole, a larger one its most needed pages, the others as they are read.
//! Staff pages (the translation report, print views, posters) are never
//! saved, nor is search (its index is fetched word by word).

mod record;

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

pub use record::{Recorder, Written};

use super::output::Output;
use super::state::{Pages, RenderCtx};
use crate::model::node::NodeKind;
use crate::model::{lang_prefix, places};
use crate::read::section::SectionKind;

/// The worker, at the root of the site.
pub const WORKER: &str = "sw.js";
/// A language's list of pages to save, under its prefix.
pub const LIST: &str = "offline.json";
/// The styles and scripts the saved pages need, saved with each version.
pub const ASSETS: [&str; 4] = [
    "css/loa.css",
    "js/offline.js",
    "js/nearest.js",
    "js/schedule.js",
];
/// What one language's pages may weigh in the cache, styles included.
pub const BUDGET: usize = 1_000_000;

const WORKER_JS: &str = include_str!("worker.js");

/// What `loa serve` writes instead: a worker that takes itself away, so that
/// a worker left by a built copy of the site at the same address cannot keep
/// the preview from reloading. The preview's pages register none.
const RETIRE_JS: &str = "self.addEventListener(\"install\",()=>self.skipWaiting());\
self.addEventListener(\"activate\",e=>e.waitUntil(self.registration.unregister()));\n";

/// The worker and each language's list, from what `written` saw written.
pub fn outputs(r: &RenderCtx, written: &Recorder) -> Vec<Output> {
    if r.pages == Pages::AsMade {
        return vec![Output::new(WORKER, RETIRE_JS.as_bytes().to_vec())];
    }
    let config = &r.site.config;
    let mut version = crate::digest::Digest::new();
    let saved_assets: Vec<(&str, Written)> = ASSETS
        .iter()
        .filter_map(|&a| Some((a, written.saved(a)?)))
        .collect();
    let assets_size: usize = saved_assets.iter().map(|(_, w)| w.size).sum();
    for (a, w) in &saved_assets {
        (a, Some(w)).hash(&mut version);
    }
    let assets: Vec<&str> = saved_assets.iter().map(|(a, _)| *a).collect();
    let mut outputs = Vec::new();
    let mut langs = serde_json::Map::new();
    for lang in &config.languages {
        let prefix = lang_prefix(config, &lang.code);
        let list = saved_pages(
            wanted(r, &lang.code),
            written,
            BUDGET.saturating_sub(assets_size),
        );
        for (path, w) in &list {
            (path, w).hash(&mut version);
        }
        let paths: Vec<&str> = list.iter().map(|(p, _)| p.as_str()).collect();
        // The notice of a saved page, in the language, as the worker shows it.
        let lc = r.lang(&lang.code);
        let (note, date_format) = (lc.t("offline_saved"), lc.t("date_format"));
        (&note, &date_format).hash(&mut version);
        let about = serde_json::json!({
            "note": note,
            "date_format": date_format,
            "pages": paths,
        });
        let json = serde_json::to_vec(&about).unwrap_or_default();
        outputs.push(Output::new(format!("{prefix}{LIST}"), json));
        langs.insert(lang.code.clone(), prefix.into());
    }
    let site = serde_json::json!({
        "version": format!("{:016x}", version.finish()),
        "base": config.base_url.path,
        "langs": langs,
        "assets": assets,
    });
    let js = WORKER_JS.replace("__SITE__", &site.to_string());
    outputs.push(Output::new(WORKER, minify_js(&js)));
    outputs
}

/// The pages of `lang` a reader may need offline, the most needed first.
fn wanted(r: &RenderCtx, lang: &str) -> Vec<String> {
    let site = r.site;
    let prefix = lang_prefix(&site.config, lang);
    let mut paths = vec![prefix.clone()];
    if !site.places.is_empty() {
        paths.push(format!("{prefix}points/"));
    }
    if !site.events.is_empty() {
        paths.push(format!("{prefix}schedule/"));
    }
    let in_section = |kind: SectionKind| {
        site.nodes
            .iter()
            .filter(move |n| n.kind != NodeKind::Home && n.section() == kind)
            .filter_map(|n| n.paths.get(lang).cloned())
    };
    paths.extend(in_section(SectionKind::Campaigns));
    paths.extend(in_section(SectionKind::Guides));
    let points = site.places.points.iter().map(places::point_path);
    paths.extend(points.map(|p| format!("{prefix}{p}")));
    let wards = site.places.wards.iter().map(places::ward_path);
    paths.extend(wards.map(|p| format!("{prefix}{p}")));
    paths.extend(in_section(SectionKind::Other));
    paths
}

/// Of `wanted`, in order, the pages written, while they fit in `budget` bytes.
fn saved_pages(wanted: Vec<String>, written: &Recorder, budget: usize) -> Vec<(String, Written)> {
    let mut seen = HashSet::new();
    let mut total = 0;
    let mut out = Vec::new();
    for path in wanted {
        if !seen.insert(path.clone()) {
            continue;
        }
        let file = format!("{path}index.html");
        let Some(size) = written.size(&file) else {
            continue;
        };
        total += size;
        if total > budget {
            break;
        }
        if let Some(w) = written.saved(&file) {
            out.push((path, w));
        }
    }
    out
}

/// The worker minified as minify-html minifies a script, without its
/// comments (which the minifier keeps) and the minifier's annotations.
fn minify_js(js: &str) -> Vec<u8> {
    let js: String = js
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .flat_map(|l| [l, "\n"])
        .collect();
    let cfg = minify_html::Cfg {
        minify_js: true,
        ..minify_html::Cfg::default()
    };
    let html = minify_html::minify(format!("<script>{js}</script>").as_bytes(), &cfg);
    let js = html
        .strip_prefix(b"<script>")
        .and_then(|s| s.strip_suffix(b"</script>"))
        .map_or(js.as_bytes(), |s| s);
    String::from_utf8_lossy(js)
        .replace("/* @__PURE__ */ ", "")
        .into_bytes()
}
