//! A share image: the organization, the title and a line of facts on the
//! site's colours, drawn and encoded as a PNG.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rustybuzz::Face;
use tiny_skia::{Color, IntSize, Pixmap, Rect};

use super::text::{draw_text, fit_line, wrap, Drawn, GlyphKey};
use super::KEY;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
const MARGIN: f32 = 72.0;
const BAND: f32 = 96.0;
const FOOTER: f32 = 92.0;
/// Title sizes tried in turn until the title fits in [`TITLE_LINES`] lines.
pub(super) const TITLE_SIZES: [f32; 5] = [68.0, 60.0, 52.0, 46.0, 40.0];
const TITLE_LINES: usize = 4;

/// The fonts drawn with: one for Latin (and Vietnamese), one for Khmer;
/// and the glyphs drawn so far, which the images of a site share.
pub struct Fonts<'a> {
    latin: Face<'a>,
    khmer: Face<'a>,
    glyphs: Mutex<HashMap<GlyphKey, Option<Arc<Drawn>>>>,
}

impl<'a> Fonts<'a> {
    pub fn new(latin: Face<'a>, khmer: Face<'a>) -> Self {
        Fonts {
            latin,
            khmer,
            glyphs: Mutex::default(),
        }
    }

    /// The glyph of `key`, drawn with `raster` the first time.
    pub(super) fn glyph(
        &self,
        key: GlyphKey,
        raster: impl FnOnce() -> Option<Drawn>,
    ) -> Option<Arc<Drawn>> {
        if let Some(glyph) = self.glyphs.lock().ok()?.get(&key) {
            return glyph.clone();
        }
        let glyph = raster().map(Arc::new);
        self.glyphs.lock().ok()?.insert(key, glyph.clone());
        glyph
    }

    pub(super) fn face(&self, khmer: bool) -> &Face<'a> {
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
    let mut pixmap = filled(WIDTH, HEIGHT, colours.brand)?;
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
        .map(|&s| (s, wrap(fonts, card.title, s, width, TITLE_LINES)))
        .find(|(_, lines)| lines.len() <= TITLE_LINES)
        .unwrap_or_else(|| {
            let s = TITLE_SIZES[TITLE_SIZES.len() - 1];
            let mut lines = wrap(fonts, card.title, s, width, TITLE_LINES);
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
pub(super) fn encode(pixmap: &Pixmap, key: &str) -> Option<Vec<u8>> {
    // Row by row: most rows are the one above again (the bands, the space
    // between lines), copied as they are; the rest pixel by pixel.
    let row_len = pixmap.width() as usize * 3;
    let mut rgb = Vec::with_capacity(pixmap.data().len() / 4 * 3);
    let mut above: Option<&[u8]> = None;
    for row in pixmap.data().chunks_exact(pixmap.width() as usize * 4) {
        if above == Some(row) {
            rgb.extend_from_within(rgb.len() - row_len..);
        } else {
            let at = rgb.len();
            rgb.resize(at + row_len, 0);
            for (to, from) in rgb[at..].chunks_exact_mut(3).zip(row.chunks_exact(4)) {
                to.copy_from_slice(&from[..3]);
            }
        }
        above = Some(row);
    }
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

/// A pixmap of `width` × `height` in `colour`, made filled: what
/// `Pixmap::new` and `fill` make, without first zeroing it.
pub(super) fn filled(width: u32, height: u32, colour: Color) -> Option<Pixmap> {
    let c = colour.premultiply().to_color_u8();
    let pixel = [c.red(), c.green(), c.blue(), c.alpha()];
    let size = IntSize::from_wh(width, height)?;
    Pixmap::from_vec(pixel.repeat(width as usize * height as usize), size)
}

/// Fills the whole pixels of `rect` (its edges rounded) with `colour`:
/// row slices, where tiny-skia's pipeline costs as much as the text.
fn fill_rect(pixmap: &mut Pixmap, rect: Rect, colour: Color) {
    let (width, height) = (pixmap.width() as usize, pixmap.height() as usize);
    let clamp = |v: f32, max: usize| (v.round().max(0.0) as usize).min(max);
    let (left, right) = (clamp(rect.left(), width), clamp(rect.right(), width));
    let (top, bottom) = (clamp(rect.top(), height), clamp(rect.bottom(), height));
    let colour = colour.premultiply().to_color_u8();
    let pixels = pixmap.pixels_mut();
    for y in top..bottom {
        pixels[y * width + left..y * width + right].fill(colour);
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use tiny_skia::PremultipliedColorU8;

    const LATIN: &[u8] = include_bytes!("../../../themes/default/fonts/NotoSans-Bold.ttf");
    const KHMER: &[u8] = include_bytes!("../../../themes/default/fonts/NotoSansKhmer-Bold.ttf");

    pub fn fonts() -> Fonts<'static> {
        Fonts::new(
            Face::from_slice(LATIN, 0).unwrap(),
            Face::from_slice(KHMER, 0).unwrap(),
        )
    }

    #[test]
    fn the_png_holds_every_pixel_of_the_pixmap() {
        // Rows alike and rows not, as on a card: the bands and the text.
        let mut pixmap = filled(7, 5, Color::from_rgba8(1, 2, 3, 255)).unwrap();
        let px = PremultipliedColorU8::from_rgba(200, 100, 50, 255).unwrap();
        pixmap.pixels_mut()[7 + 3] = px;
        pixmap.pixels_mut()[4 * 7] = px;
        let png = encode(&pixmap, "k").unwrap();
        let mut reader = png::Decoder::new(std::io::Cursor::new(png))
            .read_info()
            .unwrap();
        let mut rgb = vec![0; reader.output_buffer_size().unwrap()];
        reader.next_frame(&mut rgb).unwrap();
        let expected: Vec<u8> = pixmap
            .pixels()
            .iter()
            .flat_map(|p| [p.red(), p.green(), p.blue()])
            .collect();
        assert_eq!(rgb, expected);
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
    fn draws_a_png_of_the_stated_size() {
        let card = Card {
            org: Some("Ủy ban nhân dân thành phố Cần Thơ"),
            title: "Đợt cao điểm cấp thẻ căn cước – phường Chơn Thành 2026",
            meta: Some("Thời gian: 1/6/2026 – 30/6/2026"),
            footer: "Cổng thông tin chiến dịch VNeID · cantho.gov.vn/vneid",
        };
        let png = draw(&card, &fonts(), Colours::from_css(""), "0123abcd").unwrap();
        assert_eq!(super::super::key_of(&png), Some("0123abcd"));
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
