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

use rayon::prelude::*;
use rustybuzz::{ttf_parser, Face, UnicodeBuffer};
use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Rect, Transform};

use super::places::Output;
use super::search::terms::is_khmer;
use super::Renderer;
use crate::diagnostic::{Diagnostic, Location};
use crate::messages::Msg;
use crate::model::{lang_prefix, NodeKind};

/// The share image of a page at `path` (a campaign's, or the home page's).
pub fn image_path(path: &str) -> String {
    format!("{path}share.png")
}

/// Whether a node has its own share image: campaigns do.
pub fn has_own_image(node: &crate::model::Node) -> bool {
    node.kind == NodeKind::Page && node.top_section() == "campaigns"
}

/// The keyword of the `tEXt` chunk that holds an image's key.
const KEY: &str = "loa-card";

/// The key a PNG made by [`draw`] carries.
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
        let Some(fonts) = Fonts::new(&latin.0, &khmer.0) else {
            let not_font = |loc: &Location| {
                Diagnostic::error(
                    loc.clone(),
                    Msg::ReadFailed {
                        detail: "not a TrueType or OpenType font".into(),
                    },
                )
            };
            let at = if Face::from_slice(&latin.0, 0).is_none() {
                &latin.1
            } else {
                &khmer.1
            };
            return vec![("share.png".into(), Err(not_font(at)))];
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
        (WIDTH, HEIGHT, TITLE_SIZES.map(f32::to_bits)).hash(&mut common);
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
                image_path(&prefix),
                site.config.title_in(&lang.code).to_string(),
                None,
                &lang.code,
            ));
            for node in site.nodes.iter().filter(|n| has_own_image(n)) {
                let meta = self
                    .campaign_facts(&lc, node)
                    .into_iter()
                    .next()
                    .map(|f| format!("{}: {}", f.label, f.value));
                cards.push((
                    image_path(&node.paths[&lang.code]),
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

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
const MARGIN: f32 = 72.0;
const BAND: f32 = 96.0;
const FOOTER: f32 = 92.0;
/// Title sizes tried in turn until the title fits in [`TITLE_LINES`] lines.
const TITLE_SIZES: [f32; 5] = [68.0, 60.0, 52.0, 46.0, 40.0];
const TITLE_LINES: usize = 4;

/// The fonts drawn with: one for Latin (and Vietnamese), one for Khmer.
pub struct Fonts<'a> {
    latin: Face<'a>,
    khmer: Face<'a>,
}

impl<'a> Fonts<'a> {
    /// `None` for a file that is not a font.
    pub fn new(latin: &'a [u8], khmer: &'a [u8]) -> Option<Self> {
        Some(Fonts {
            latin: Face::from_slice(latin, 0)?,
            khmer: Face::from_slice(khmer, 0)?,
        })
    }

    fn face(&self, khmer: bool) -> &Face<'a> {
        if khmer {
            &self.khmer
        } else {
            &self.latin
        }
    }
}

/// The colours of the site: its brand colour and the darker one.
#[derive(Clone, Copy, Debug)]
pub struct Colours {
    pub brand: Color,
    pub dark: Color,
}

impl Colours {
    /// `--brand` and `--brand-dark` from the theme's stylesheet, or the
    /// default theme's red.
    pub fn from_css(css: &str) -> Self {
        let find = |name: &str| {
            let at = css.find(&format!("{name}:"))? + name.len() + 1;
            hex(css[at..].trim_start().get(..7)?)
        };
        Colours {
            brand: find("--brand").unwrap_or(Color::from_rgba8(0x9b, 0x1c, 0x1c, 255)),
            dark: find("--brand-dark").unwrap_or(Color::from_rgba8(0x6e, 0x12, 0x12, 255)),
        }
    }
}

fn hex(s: &str) -> Option<Color> {
    let s = s.strip_prefix('#')?;
    let byte = |i: usize| u8::from_str_radix(s.get(i..i + 2)?, 16).ok();
    Some(Color::from_rgba8(byte(0)?, byte(2)?, byte(4)?, 255))
}

/// What a share image says.
pub struct Card<'a> {
    /// The organization, in the top band.
    pub org: Option<&'a str>,
    pub title: &'a str,
    /// A line under the title, such as the campaign's period.
    pub meta: Option<&'a str>,
    /// The site's name and address, in the bottom band.
    pub footer: &'a str,
}

/// The card as a PNG of [`WIDTH`] × [`HEIGHT`], carrying `key`.
pub fn draw(card: &Card, fonts: &Fonts, colours: Colours, key: &str) -> Option<Vec<u8>> {
    let mut pixmap = Pixmap::new(WIDTH, HEIGHT)?;
    pixmap.fill(colours.brand);
    let (w, h) = (WIDTH as f32, HEIGHT as f32);
    fill_rect(
        &mut pixmap,
        Rect::from_xywh(0.0, 0.0, w, BAND)?,
        colours.dark,
    );
    fill_rect(
        &mut pixmap,
        Rect::from_xywh(0.0, h - FOOTER, w, FOOTER)?,
        colours.dark,
    );
    // The yellow of the theme's focus, as an accent beside the title.
    let accent = Color::from_rgba8(0xff, 0xdd, 0x00, 255);
    let white = Color::WHITE;
    let width = w - 2.0 * MARGIN;
    if let Some(org) = card.org {
        let line = fit_line(fonts, org, 30.0, width);
        draw_text(
            &mut pixmap,
            fonts,
            &line,
            30.0,
            MARGIN,
            BAND / 2.0 + 11.0,
            white,
        );
    }
    let footer = fit_line(fonts, card.footer, 28.0, width);
    draw_text(
        &mut pixmap,
        fonts,
        &footer,
        28.0,
        MARGIN,
        h - FOOTER / 2.0 + 10.0,
        white,
    );

    let (size, lines) = TITLE_SIZES
        .iter()
        .map(|&s| (s, wrap(fonts, card.title, s, width)))
        .find(|(_, lines)| lines.len() <= TITLE_LINES)
        .unwrap_or_else(|| {
            let s = TITLE_SIZES[TITLE_SIZES.len() - 1];
            let mut lines = wrap(fonts, card.title, s, width);
            lines.truncate(TITLE_LINES);
            if let Some(last) = lines.last_mut() {
                last.push('…');
            }
            (s, lines)
        });
    let leading = size * 1.3;
    let meta_size = 34.0;
    let meta_height = if card.meta.is_some() {
        meta_size * 2.0
    } else {
        0.0
    };
    let block = leading * lines.len() as f32 + meta_height;
    let top = BAND + ((h - BAND - FOOTER) - block) / 2.0;
    fill_rect(
        &mut pixmap,
        Rect::from_xywh(MARGIN - 28.0, top + size * 0.15, 10.0, block - size * 0.3)?,
        accent,
    );
    for (i, line) in lines.iter().enumerate() {
        let baseline = top + leading * i as f32 + size;
        draw_text(&mut pixmap, fonts, line, size, MARGIN, baseline, white);
    }
    if let Some(meta) = card.meta {
        let line = fit_line(fonts, meta, meta_size, width);
        let baseline = top + leading * lines.len() as f32 + meta_size * 1.5;
        draw_text(
            &mut pixmap,
            fonts,
            &line,
            meta_size,
            MARGIN,
            baseline,
            accent,
        );
    }
    encode(&pixmap, key)
}

/// The image as an RGB PNG: it is opaque, so its premultiplied pixels are
/// its colours. Fast compression: the flat colours compress well anyway.
fn encode(pixmap: &Pixmap, key: &str) -> Option<Vec<u8>> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    encoder.add_text_chunk(KEY.into(), key.into()).ok()?;
    let mut writer = encoder.write_header().ok()?;
    writer.write_image_data(&rgb).ok()?;
    writer.finish().ok()?;
    Some(out)
}

fn fill_rect(pixmap: &mut Pixmap, rect: Rect, colour: Color) {
    let mut paint = Paint::default();
    paint.set_color(colour);
    pixmap.fill_rect(rect, &paint, Transform::identity(), None);
}

/// Runs of text drawn with one font: Khmer letters with the Khmer font,
/// the rest with the Latin one; spaces stay with the run they are in.
fn runs(text: &str) -> Vec<(bool, &str)> {
    let mut out: Vec<(bool, &str)> = Vec::new();
    let mut start = 0;
    let mut khmer = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || c == '\u{200B}' {
            continue;
        }
        let k = is_khmer(c);
        match khmer {
            Some(prev) if prev != k => {
                out.push((prev, &text[start..i]));
                start = i;
            }
            _ => {}
        }
        khmer = Some(k);
    }
    if start < text.len() {
        out.push((khmer.unwrap_or(false), &text[start..]));
    }
    out
}

/// A glyph placed on a line, in pixels from the line's start.
struct Glyph {
    khmer: bool,
    id: u16,
    x: f32,
    y: f32,
}

fn shape(fonts: &Fonts, text: &str, size: f32) -> (Vec<Glyph>, f32) {
    let mut glyphs = Vec::new();
    let mut pen = 0.0;
    for (khmer, run) in runs(text) {
        let face = fonts.face(khmer);
        let scale = size / face.units_per_em() as f32;
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(run);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(face, &[], buffer);
        for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
            glyphs.push(Glyph {
                khmer,
                id: info.glyph_id as u16,
                x: pen + pos.x_offset as f32 * scale,
                y: pos.y_offset as f32 * scale,
            });
            pen += pos.x_advance as f32 * scale;
        }
    }
    (glyphs, pen)
}

fn width_of(fonts: &Fonts, text: &str, size: f32) -> f32 {
    shape(fonts, text, size).1
}

/// Where a line may break inside a word with no spaces (Khmer): not before
/// a dependent sign and not after the subscript sign (coeng).
fn may_break_before(prev: char, c: char) -> bool {
    let dependent = matches!(c, '\u{17B4}'..='\u{17D3}' | '\u{17DD}') || is_mark(c);
    !dependent && prev != '\u{17D2}'
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{200C}' | '\u{200D}')
}

/// Lines of at most `width` pixels, broken at spaces, and inside a word
/// only when the word alone is wider than a line.
fn wrap(fonts: &Fonts, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if width_of(fonts, &candidate, size) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than a line: as much of it as fits on each line.
        let mut rest = word;
        while width_of(fonts, rest, size) > width {
            let mut cut = 0;
            let mut prev = None;
            for (i, c) in rest.char_indices() {
                if i > 0
                    && prev.is_some_and(|p| may_break_before(p, c))
                    && width_of(fonts, &rest[..i], size) <= width
                {
                    cut = i;
                }
                prev = Some(c);
            }
            if cut == 0 {
                break;
            }
            lines.push(rest[..cut].to_string());
            rest = &rest[cut..];
        }
        line = rest.to_string();
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` on one line, cut with `…` when it is too wide.
fn fit_line(fonts: &Fonts, text: &str, size: f32, width: f32) -> String {
    if width_of(fonts, text, size) <= width {
        return text.to_string();
    }
    let mut cut = text.to_string();
    while !cut.is_empty() && width_of(fonts, &format!("{cut}…"), size) > width {
        cut.pop();
    }
    format!("{}…", cut.trim_end())
}

fn draw_text(
    pixmap: &mut Pixmap,
    fonts: &Fonts,
    text: &str,
    size: f32,
    x: f32,
    baseline: f32,
    colour: Color,
) {
    let (glyphs, _) = shape(fonts, text, size);
    let mut paint = Paint::default();
    paint.set_color(colour);
    paint.anti_alias = true;
    for g in glyphs {
        let face = fonts.face(g.khmer);
        let scale = size / face.units_per_em() as f32;
        let mut outline = Outline {
            path: PathBuilder::new(),
            x: x + g.x,
            y: baseline - g.y,
            scale,
        };
        if face
            .outline_glyph(ttf_parser::GlyphId(g.id), &mut outline)
            .is_none()
        {
            continue;
        }
        if let Some(path) = outline.path.finish() {
            pixmap.fill_path(
                &path,
                &paint,
                FillRule::Winding,
                Transform::identity(),
                None,
            );
        }
    }
}

/// A glyph's outline in pixels: font units scaled, y pointing down.
struct Outline {
    path: PathBuilder,
    x: f32,
    y: f32,
    scale: f32,
}

impl Outline {
    fn at(&self, x: f32, y: f32) -> (f32, f32) {
        (self.x + x * self.scale, self.y - y * self.scale)
    }
}

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.at(x, y);
        self.path.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.at(x, y);
        self.path.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let ((x1, y1), (x, y)) = (self.at(x1, y1), self.at(x, y));
        self.path.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let ((x1, y1), (x2, y2), (x, y)) = (self.at(x1, y1), self.at(x2, y2), self.at(x, y));
        self.path.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.path.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LATIN: &[u8] = include_bytes!("../../themes/default/fonts/NotoSans-Bold.ttf");
    const KHMER: &[u8] = include_bytes!("../../themes/default/fonts/NotoSansKhmer-Bold.ttf");

    fn fonts() -> Fonts<'static> {
        Fonts::new(LATIN, KHMER).unwrap()
    }

    #[test]
    fn colours_come_from_the_stylesheet() {
        let c = Colours::from_css(":root{--ink:#000;--brand: #123456;--brand-dark:#0a0b0c}");
        assert_eq!(c.brand, Color::from_rgba8(0x12, 0x34, 0x56, 255));
        assert_eq!(c.dark, Color::from_rgba8(0x0a, 0x0b, 0x0c, 255));
        let default = Colours::from_css("");
        assert_eq!(default.brand, Color::from_rgba8(0x9b, 0x1c, 0x1c, 255));
    }

    #[test]
    fn long_titles_wrap_at_spaces() {
        let f = fonts();
        let title = "Chiến dịch 60 ngày đêm kích hoạt và tích hợp VNeID mức 2 – Cần Thơ 2026";
        let lines = wrap(&f, title, 68.0, 1056.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), title);
        assert!(lines.iter().all(|l| width_of(&f, l, 68.0) <= 1056.0));
    }

    #[test]
    fn khmer_without_spaces_breaks_between_letters() {
        let f = fonts();
        let title = "ការបើកដំណើរការគណនីអត្តសញ្ញាណអេឡិចត្រូនិកកម្រិតពីរសម្រាប់ពលរដ្ឋទាំងអស់";
        let lines = wrap(&f, title, 68.0, 600.0);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.concat(), title);
        for l in &lines[1..] {
            let first = l.chars().next().unwrap();
            assert!(!matches!(first, '\u{17B4}'..='\u{17D3}'), "{l}");
        }
        // Khmer is drawn with its own font: the shaped glyphs exist.
        let (glyphs, width) = shape(&f, "ម្រាមដៃ", 40.0);
        assert!(glyphs.iter().all(|g| g.khmer && g.id != 0) && width > 0.0);
    }

    #[test]
    fn draws_a_png_of_the_stated_size() {
        let card = Card {
            org: Some("Ủy ban nhân dân thành phố Cần Thơ"),
            title: "Đợt cao điểm cấp thẻ căn cước – phường Chơn Thành 2026",
            meta: Some("Thời gian: 1/6/2026 – 30/6/2026"),
            footer: "Cổng thông tin chiến dịch VNeID · cantho.gov.vn/vneid",
        };
        let png = draw(&card, &fonts(), Colours::from_css(""), "0123abcd").unwrap();
        assert_eq!(key_of(&png), Some("0123abcd"));
        assert_eq!(&png[1..4], b"PNG");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((width, height), (WIDTH, HEIGHT));
        // The same card twice is the same file.
        assert_eq!(
            png,
            draw(&card, &fonts(), Colours::from_css(""), "0123abcd").unwrap()
        );
    }
}
