//! Share images: a PNG for each campaign and one for the site, in each
//! language, drawn at build time with the theme's fonts (`fonts/`) and
//! colours (`--brand` and `--brand-dark` in `css/loa.css`), so that a link
//! shared on Zalo or Facebook shows the title on the site's colours.
//!
//! Text is shaped with rustybuzz (Khmer needs it: its letters reorder and
//! stack) and filled with tiny-skia. Each image carries a key of what it
//! shows (a `tEXt` chunk); a rebuild takes the previous output's image when
//! the key is the same instead of drawing it again.

use std::borrow::Cow;
use std::hash::{DefaultHasher, Hash, Hasher};

mod card;
mod text;

use rayon::prelude::*;
use rustybuzz::Face;

use super::places::Output;
use super::Renderer;
use crate::diagnostic::{Diagnostic, Location};
use crate::messages::Msg;
use crate::model::generated::share_image_path;
use crate::model::lang_prefix;
use card::{draw, Card, Colours, Fonts, HEIGHT, TITLE_SIZES, WIDTH};

/// Changes when images are drawn otherwise, so that a rebuild draws them again.
const DRAWING: u32 = 2;

/// The keyword of the `tEXt` chunk that holds an image's key.
const KEY: &str = "loa-card";

/// The key a PNG made by [`card::draw`] carries.
fn key_of(png: &[u8]) -> Option<&str> {
    let mut at = 8;
    while at + 8 <= png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().ok()?) as usize;
        let kind = &png[at + 4..at + 8];
        let data = png.get(at + 8..at + 8 + len)?;
        if kind == b"tEXt" {
            if let Some(text) = data
                .strip_prefix(KEY.as_bytes())
                .and_then(|d| d.strip_prefix(b"\0"))
            {
                return std::str::from_utf8(text).ok();
            }
        }
        if kind == b"IDAT" {
            return None;
        }
        at += 12 + len;
    }
    None
}

const LATIN_FONT: &str = "NotoSans-Bold.ttf";
const KHMER_FONT: &str = "NotoSansKhmer-Bold.ttf";

impl Renderer<'_> {
    /// The share image of the site and of each campaign, in every language;
    /// when `sink` keeps nothing, only the fonts are checked.
    pub(super) fn share_images(&self, sink: &dyn crate::write::Sink) -> Vec<Output> {
        let site = self.site;
        let font = |name: &str| -> Result<(Cow<'static, [u8]>, Location), Diagnostic> {
            let source = self.theme.fonts.get(name);
            let location = Location::file(source.map_or_else(
                || format!("themes/default/fonts/{name}").into(),
                |s| s.location_path(&format!("fonts/{name}")),
            ));
            let bytes = source
                .ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))
                .and_then(|s| s.read())
                .map_err(|e| {
                    Diagnostic::error(
                        location.clone(),
                        Msg::ReadFailed {
                            detail: e.to_string(),
                        },
                    )
                })?;
            Ok((bytes, location))
        };
        let (latin, khmer) = match (font(LATIN_FONT), font(KHMER_FONT)) {
            (Ok(l), Ok(k)) => (l, k),
            (Err(d), _) | (_, Err(d)) => return vec![("share.png".into(), Err(d))],
        };
        fn face<'a>(
            (bytes, location): &'a (Cow<'static, [u8]>, Location),
        ) -> Result<Face<'a>, Diagnostic> {
            Face::from_slice(bytes, 0).ok_or_else(|| {
                Diagnostic::error(
                    location.clone(),
                    Msg::ReadFailed {
                        detail: "not a TrueType or OpenType font".into(),
                    },
                )
            })
        }
        let fonts = match (face(&latin), face(&khmer)) {
            (Ok(l), Ok(k)) => Fonts::new(l, k),
            (Err(d), _) | (_, Err(d)) => return vec![("share.png".into(), Err(d))],
        };
        if !sink.keeps() {
            return Vec::new();
        }
        // A site's own stylesheet, else the theme's.
        let css = site
            .assets
            .iter()
            .find(|a| a.out == "css/loa.css")
            .and_then(|a| std::fs::read(&a.path).ok())
            .or_else(|| {
                Some(
                    self.theme
                        .static_files
                        .get("css/loa.css")?
                        .read()
                        .ok()?
                        .into_owned(),
                )
            })
            .unwrap_or_default();
        let colours = Colours::from_css(&String::from_utf8_lossy(&css));
        // What every image depends on besides its text.
        let mut common = DefaultHasher::new();
        latin.0.hash(&mut common);
        khmer.0.hash(&mut common);
        format!("{colours:?}").hash(&mut common);
        (DRAWING, WIDTH, HEIGHT, TITLE_SIZES.map(f32::to_bits)).hash(&mut common);
        let base = &site.config.base_url;
        let address = format!(
            "{}{}",
            base.origin.split("://").nth(1).unwrap_or(""),
            base.path.trim_end_matches('/')
        );
        // (path, title, meta, language of the interface)
        let mut cards: Vec<(String, String, Option<String>, &str)> = Vec::new();
        for lang in &site.config.languages {
            let lc = self.lang_ctx(&lang.code);
            let prefix = lang_prefix(&site.config, &lang.code);
            cards.push((
                share_image_path(&prefix),
                site.config.title_in(&lang.code).to_string(),
                None,
                &lang.code,
            ));
            for node in site.nodes.iter().filter(|n| n.is_campaign()) {
                let meta = self
                    .campaign_facts(&lc, node)
                    .into_iter()
                    .next()
                    .map(|f| format!("{}: {}", f.label, f.value));
                cards.push((
                    share_image_path(&node.paths[&lang.code]),
                    lc.title(node).0,
                    meta,
                    &lang.code,
                ));
            }
        }
        cards
            .par_iter()
            .map(|(path, title, meta, lang)| {
                let footer = format!("{} · {address}", site.config.title_in(lang));
                let card = Card {
                    org: site.config.organization.as_deref(),
                    title,
                    meta: meta.as_deref(),
                    footer: &footer,
                };
                let mut key = common.clone();
                (card.org, card.title, card.meta, card.footer).hash(&mut key);
                let key = format!("{:016x}", key.finish());
                if let Some(old) = sink
                    .previous(path)
                    .filter(|old| key_of(old) == Some(key.as_str()))
                {
                    return (path.clone(), Ok(old));
                }
                let png = draw(&card, &fonts, colours, &key).ok_or_else(|| {
                    Diagnostic::error(
                        latin.1.clone(),
                        Msg::ReadFailed {
                            detail: "the share image could not be drawn".into(),
                        },
                    )
                });
                (path.clone(), png)
            })
            .collect()
    }
}
