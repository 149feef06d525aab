//! Share images: a PNG for each campaign and one for the site, in each
//! language, drawn at build time with the theme's fonts (`fonts/`) and
//! colours (`--brand` and `--brand-dark` in `css/loa.css`), so that a link
//! shared on Zalo or Facebook shows the title on the site's colours.
//!
//! Text is shaped with rustybuzz (Khmer needs it: its letters reorder and
//! stack) and filled with tiny-skia. Each image carries a key of what it
//! shows (a `tEXt` chunk); a build takes the image kept in the user's cache
//! folder (see [`super::text_cache`]), or else the previous output's, when
//! it carries the same key, instead of drawing it again.

use std::borrow::Cow;
use std::hash::{Hash, Hasher};

mod card;
mod icon;
mod text;

use rayon::prelude::*;
use rustybuzz::Face;

use super::output::{job, Job, Output};
use super::state::RenderCtx;
use super::text_cache::Kind;
use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::digest::{kept_hash, Digest};
use crate::messages::Msg;
use crate::model::generated::share_image_path;
use crate::model::lang_prefix;
use crate::read::content::STYLESHEET;
use crate::write::Sink;
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

/// A font file of the theme, and where to point its problems.
type FontFile = (Cow<'static, [u8]>, Location);

/// An image to draw: its path, title, line under the title, and the
/// language of its interface.
struct CardSpec<'a> {
    path: String,
    title: String,
    meta: Option<String>,
    lang: &'a str,
}

/// The share images, in one job that draws them in parallel; when `sink`
/// keeps nothing (`check`), only the fonts are checked.
pub fn jobs<'r>(r: &'r RenderCtx, sink: &'r dyn Sink) -> Vec<Job<'r>> {
    let mut jobs = vec![job(move |problems| images(r, sink, problems))];
    if sink.keeps() {
        jobs.push(job(move |_| icons(r)));
    }
    jobs
}

/// The sizes of the icons of the installed site, in pixels.
pub const ICON_SIZES: [u32; 2] = [192, 512];

/// Where the icon of `size` pixels is, at the root of the site.
pub fn icon_path(size: u32) -> String {
    format!("icon-{size}.png")
}

/// The icons of the site installed on a phone (see the web app manifest).
fn icons(r: &RenderCtx) -> Vec<Output> {
    let colours = colours(r);
    ICON_SIZES
        .iter()
        .filter_map(|&size| {
            let png = icon::draw(size, colours, &format!("icon-{DRAWING}"))?;
            Some(Output::new(icon_path(size), png))
        })
        .collect()
}

/// The site's brand colour (`--brand`), as CSS writes it: `#9b1c1c`.
pub fn brand_colour(r: &RenderCtx) -> String {
    let c = colours(r).brand.to_color_u8();
    format!("#{:02x}{:02x}{:02x}", c.red(), c.green(), c.blue())
}

/// The share image of the site and of each campaign, in every language.
fn images(r: &RenderCtx, sink: &dyn Sink, problems: &mut Diagnostics) -> Vec<Output> {
    let (latin, khmer) = match (font(r, LATIN_FONT), font(r, KHMER_FONT)) {
        (Ok(l), Ok(k)) => (l, k),
        (Err(d), _) | (_, Err(d)) => {
            problems.push(d);
            return Vec::new();
        }
    };
    let fonts = match (face(&latin), face(&khmer)) {
        (Ok(l), Ok(k)) => Fonts::new(l, k),
        (Err(d), _) | (_, Err(d)) => {
            problems.push(d);
            return Vec::new();
        }
    };
    if !sink.keeps() {
        return Vec::new();
    }
    let colours = colours(r);
    // What every image depends on besides its text.
    let shared = (
        &*latin.0,
        &*khmer.0,
        format!("{colours:?}"),
        (DRAWING, WIDTH, HEIGHT, TITLE_SIZES.map(f32::to_bits)),
    );
    let mut common = Digest::new();
    shared.hash(&mut common);
    let kept_common = kept_hash(&shared);
    let base = &r.site.config.base_url;
    let drawing = Drawing {
        fonts,
        colours,
        common,
        kept_common,
        address: format!(
            "{}{}",
            base.origin.split("://").nth(1).unwrap_or(""),
            base.path.trim_end_matches('/')
        ),
        at: &latin.1,
    };
    let drawn: Vec<Result<Output, Diagnostic>> = cards(r)
        .par_iter()
        .map(|spec| drawing.image(r, sink, spec))
        .collect();
    drawn
        .into_iter()
        .filter_map(|d| d.map_err(|d| problems.push(d)).ok())
        .collect()
}

/// What every image is drawn with.
struct Drawing<'f> {
    fonts: Fonts<'f>,
    colours: Colours,
    /// The key of what every image depends on besides its text.
    common: Digest,
    /// The same, for the key of an image kept in the user's cache folder.
    kept_common: u128,
    /// The site's address without its scheme, in every image's footer.
    address: String,
    /// Where to point a failure to draw.
    at: &'f Location,
}

impl Drawing<'_> {
    /// The image `spec` describes: the one kept in the cache folder or the
    /// previous output's when it shows the same, else drawn (and kept).
    fn image(&self, r: &RenderCtx, sink: &dyn Sink, spec: &CardSpec) -> Result<Output, Diagnostic> {
        let config = &r.site.config;
        let footer = format!("{} · {}", config.title_in(spec.lang), self.address);
        let card = Card {
            org: config.organization.as_deref(),
            title: &spec.title,
            meta: spec.meta.as_deref(),
            footer: &footer,
        };
        let mut key = self.common;
        (card.org, card.title, card.meta, card.footer).hash(&mut key);
        let key = format!("{:016x}", key.finish());
        let shows_card = |png: &[u8]| key_of(png) == Some(key.as_str());
        let kept = r.texts.map(|cache| {
            let mut h = cache.hasher(Kind::ShareImage);
            self.kept_common.hash(&mut h);
            (card.org, card.title, card.meta, card.footer).hash(&mut h);
            (cache, h.finish128())
        });
        let taken = kept.and_then(|(cache, kept_key)| {
            cache.get_payload(Kind::ShareImage, kept_key, |png| {
                shows_card(png).then(|| png.to_vec())
            })
        });
        if let Some(png) = taken {
            return Ok(Output::new(spec.path.clone(), png));
        }
        let keep = |png: &[u8]| {
            if let Some((cache, kept_key)) = kept {
                cache.put_payload(kept_key, png);
            }
        };
        if let Some(old) = sink.previous(&spec.path).filter(|old| shows_card(old)) {
            keep(&old);
            return Ok(Output::new(spec.path.clone(), old));
        }
        let png = draw(&card, &self.fonts, self.colours, &key).ok_or_else(|| {
            Diagnostic::error(
                self.at.clone(),
                Msg::ReadFailed {
                    detail: "the share image could not be drawn".into(),
                },
            )
        })?;
        keep(&png);
        Ok(Output::new(spec.path.clone(), png))
    }
}

/// The font file `name` of the theme.
fn font(r: &RenderCtx, name: &str) -> Result<FontFile, Diagnostic> {
    let source = r.theme.fonts.get(name);
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
}

fn face((bytes, location): &FontFile) -> Result<Face<'_>, Diagnostic> {
    Face::from_slice(bytes, 0).ok_or_else(|| {
        Diagnostic::error(
            location.clone(),
            Msg::ReadFailed {
                detail: "not a TrueType or OpenType font".into(),
            },
        )
    })
}

/// The colours of a site's own stylesheet, else of the theme's.
fn colours(r: &RenderCtx) -> Colours {
    let css = r
        .site
        .stylesheet
        .clone()
        .or_else(|| {
            Some(
                r.theme
                    .static_files
                    .get(STYLESHEET)?
                    .read()
                    .ok()?
                    .into_owned(),
            )
        })
        .unwrap_or_default();
    Colours::from_css(&String::from_utf8_lossy(&css))
}

/// In each language, the site's image, then each campaign's.
fn cards<'r>(r: &'r RenderCtx) -> Vec<CardSpec<'r>> {
    let site = r.site;
    let mut cards = Vec::new();
    for lang in &site.config.languages {
        let lc = r.lang(&lang.code);
        let prefix = lang_prefix(&site.config, &lang.code);
        cards.push(CardSpec {
            path: share_image_path(&prefix),
            title: site.config.title_in(&lang.code).to_string(),
            meta: None,
            lang: &lang.code,
        });
        for node in site.nodes.iter().filter(|n| n.is_campaign()) {
            let meta = super::campaign::facts(&lc, node)
                .into_iter()
                .next()
                .map(|f| format!("{}{} {}", f.label, lc.t("colon"), f.value));
            cards.push(CardSpec {
                path: share_image_path(&node.paths[&lang.code]),
                title: lc.title(node).0,
                meta,
                lang: &lang.code,
            });
        }
    }
    cards
}
