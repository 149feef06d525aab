//! The web app manifest of each language (`manifest.webmanifest` under the
//! language's prefix): what a phone needs to put the site on its home
//! screen — the names, the theme's colours, the icons drawn by
//! [`super::share`] and where the installed site opens.

use serde_json::json;

use super::output::{job, Job, Output};
use super::state::RenderCtx;
use crate::model::lang_prefix;

/// The manifest of a language, under its prefix.
pub const MANIFEST: &str = "manifest.webmanifest";

pub fn jobs<'r>(r: &'r RenderCtx) -> Vec<Job<'r>> {
    vec![job(move |_| manifests(r))]
}

fn manifests(r: &RenderCtx) -> Vec<Output> {
    let config = &r.site.config;
    let base = &config.base_url.path;
    let theme = super::share::brand_colour(r);
    config
        .languages
        .iter()
        .map(|lang| {
            let code = &lang.code;
            let prefix = lang_prefix(config, code);
            let icons: Vec<serde_json::Value> = super::share::ICON_SIZES
                .iter()
                .flat_map(|&size| {
                    ["any", "maskable"].map(|purpose| {
                        json!({
                            "src": format!("{base}{}", super::share::icon_path(size)),
                            "sizes": format!("{size}x{size}"),
                            "type": "image/png",
                            "purpose": purpose,
                        })
                    })
                })
                .collect();
            let mut manifest = json!({
                "name": config.title_in(code),
                "short_name": config.short_title_in(code),
                "lang": code,
                "dir": direction(code),
                "start_url": format!("{base}{prefix}"),
                "scope": base,
                "display": "standalone",
                "background_color": "#ffffff",
                "theme_color": theme,
                "icons": icons,
            });
            if let Some(description) = config.description_in(code) {
                manifest["description"] = description.into();
            }
            let bytes = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
            Output::new(format!("{prefix}{MANIFEST}"), bytes)
        })
        .collect()
}

/// How a language is written: right to left for Arabic, Hebrew, Persian,
/// Urdu and the like, otherwise left to right.
fn direction(code: &str) -> &'static str {
    let primary = code.split('-').next().unwrap_or(code);
    if ["ar", "dv", "fa", "he", "ps", "ug", "ur", "yi"].contains(&primary) {
        "rtl"
    } else {
        "ltr"
    }
}
