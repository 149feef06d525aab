//! Text on a share image: runs of one font, shaped with rustybuzz, broken
//! into lines and filled with tiny-skia.

use rustybuzz::{ttf_parser, UnicodeBuffer};
use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, PremultipliedColorU8, Transform};

use super::card::Fonts;
use crate::render::search::terms::is_khmer;

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
/// only when the word alone is wider than a line; at most `max_lines + 1`
/// of them (the caller sees the text is too long), so that a long title
/// costs no more than what can be shown.
pub(super) fn wrap(
    fonts: &Fonts,
    text: &str,
    size: f32,
    width: f32,
    max_lines: usize,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if lines.len() > max_lines {
            return lines;
        }
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
        while lines.len() <= max_lines {
            let Some(cut) = widest_fit(fonts, rest, size, width) else {
                break;
            };
            lines.push(rest[..cut].to_string());
            rest = &rest[cut..];
        }
        line = rest.to_string();
    }
    if !line.is_empty() && lines.len() <= max_lines {
        lines.push(line);
    }
    lines
}

/// Where to cut `word`, wider than `width`, so that its start fits: the
/// last place a line may break before the first that is too wide. `None`
/// when the word fits whole or not even its first letter does. Prefixes
/// are measured only up to one line's worth.
fn widest_fit(fonts: &Fonts, word: &str, size: f32, width: f32) -> Option<usize> {
    let mut cut = None;
    let mut prev = None;
    for (i, c) in word.char_indices() {
        if i > 0 && prev.is_some_and(|p| may_break_before(p, c)) {
            if width_of(fonts, &word[..i], size) > width {
                return cut;
            }
            cut = Some(i);
        }
        prev = Some(c);
    }
    if width_of(fonts, word, size) > width {
        cut
    } else {
        None
    }
}

/// `text` on one line, cut with `…` when it is too wide; only as much of
/// it is measured as fits.
pub(super) fn fit_line(fonts: &Fonts, text: &str, size: f32, width: f32) -> String {
    if width_of(fonts, text, size) <= width {
        return text.to_string();
    }
    let mut fits = 0;
    for (i, _) in text.char_indices().skip(1) {
        if width_of(fonts, &format!("{}…", &text[..i]), size) > width {
            break;
        }
        fits = i;
    }
    format!("{}…", text[..fits].trim_end())
}

pub(super) fn draw_text(
    pixmap: &mut Pixmap,
    fonts: &Fonts,
    text: &str,
    size: f32,
    x: f32,
    baseline: f32,
    colour: Color,
) {
    let (glyphs, _) = shape(fonts, text, size);
    for g in glyphs {
        // Quarter pixels across and whole pixels down: a glyph is drawn once
        // for each of the few places it can fall, then copied.
        let quarters = ((x + g.x) * 4.0).round() as i32;
        let key = GlyphKey {
            khmer: g.khmer,
            id: g.id,
            size: size.to_bits(),
            colour: {
                let c = colour.to_color_u8();
                u32::from_be_bytes([c.red(), c.green(), c.blue(), c.alpha()])
            },
            phase: quarters.rem_euclid(4) as u8,
        };
        if let Some(glyph) = fonts.glyph(key, || raster(fonts, key, colour)) {
            let y = (baseline - g.y).round() as i32;
            over(
                pixmap,
                &glyph.pixmap,
                quarters.div_euclid(4) + glyph.left,
                y + glyph.top,
            );
        }
    }
}

/// Puts `src` over `dst` with its top left corner at `x`, `y` (source over,
/// premultiplied): what tiny-skia's `draw_pixmap` does, without the
/// pipeline that made it cost more than drawing the glyph.
fn over(dst: &mut Pixmap, src: &Pixmap, x: i32, y: i32) {
    let (dw, dh) = (dst.width() as i32, dst.height() as i32);
    let sw = src.width() as i32;
    let (x0, x1) = (x.max(0), (x + sw).min(dw));
    let (y0, y1) = (y.max(0), (y + src.height() as i32).min(dh));
    if x0 >= x1 {
        return;
    }
    let len = (x1 - x0) as usize;
    let (from, to) = (src.pixels(), dst.pixels_mut());
    for row in y0..y1 {
        let s = &from[((row - y) * sw + x0 - x) as usize..][..len];
        let d = &mut to[(row * dw + x0) as usize..][..len];
        for (d, s) in d.iter_mut().zip(s) {
            match s.alpha() {
                0 => continue,
                // Nothing of `d` is kept: the mix below gives `s`.
                255 => {
                    *d = *s;
                    continue;
                }
                _ => {}
            }
            let keep = 255 - u16::from(s.alpha());
            let mix = |s: u8, d: u8| s + ((u16::from(d) * keep + 127) / 255) as u8;
            let (r, g, b) = (
                mix(s.red(), d.red()),
                mix(s.green(), d.green()),
                mix(s.blue(), d.blue()),
            );
            if let Some(c) = PremultipliedColorU8::from_rgba(r, g, b, mix(s.alpha(), d.alpha())) {
                *d = c;
            }
        }
    }
}

/// What a drawn glyph depends on.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct GlyphKey {
    khmer: bool,
    id: u16,
    size: u32,
    colour: u32,
    /// Quarters of a pixel to the right.
    phase: u8,
}

/// A glyph drawn on its own: its pixels, and where they go from the pen.
pub(super) struct Drawn {
    pixmap: Pixmap,
    left: i32,
    top: i32,
}

/// Draws a glyph, anti-aliased, on a pixmap of its size; `None` for a glyph
/// with no outline (a space).
fn raster(fonts: &Fonts, key: GlyphKey, colour: Color) -> Option<Drawn> {
    let face = fonts.face(key.khmer);
    let id = ttf_parser::GlyphId(key.id);
    let scale = f32::from_bits(key.size) / face.units_per_em() as f32;
    let phase = f32::from(key.phase) / 4.0;
    let bounds = face.glyph_bounding_box(id)?;
    let left = (f32::from(bounds.x_min) * scale).floor() as i32 - 1;
    let top = (-f32::from(bounds.y_max) * scale).floor() as i32 - 1;
    let width = (f32::from(bounds.x_max) * scale + phase).ceil() as i32 + 2 - left;
    let height = (-f32::from(bounds.y_min) * scale).ceil() as i32 + 2 - top;
    let mut outline = Outline {
        path: PathBuilder::new(),
        x: phase - left as f32,
        y: -top as f32,
        scale,
    };
    face.outline_glyph(id, &mut outline)?;
    let path = outline.path.finish()?;
    let mut pixmap = Pixmap::new(u32::try_from(width).ok()?, u32::try_from(height).ok()?)?;
    let mut paint = Paint::default();
    paint.set_color(colour);
    paint.anti_alias = true;
    pixmap.fill_path(
        &path,
        &paint,
        FillRule::Winding,
        Transform::identity(),
        None,
    );
    Some(Drawn { pixmap, left, top })
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
    use crate::render::share::card::tests::fonts;

    #[test]
    fn glyphs_are_put_down_as_tiny_skia_would() {
        let f = fonts();
        let key = GlyphKey {
            khmer: false,
            id: f.face(false).glyph_index('Ấ').unwrap().0,
            size: 68f32.to_bits(),
            colour: 0xffdd00ff,
            phase: 1,
        };
        let glyph = raster(&f, key, Color::from_rgba8(0xff, 0xdd, 0, 255)).unwrap();
        let mut ours = Pixmap::new(80, 100).unwrap();
        ours.fill(Color::from_rgba8(0x9b, 0x1c, 0x1c, 255));
        let mut theirs = ours.clone();
        over(&mut ours, &glyph.pixmap, 7, 9);
        let paint = tiny_skia::PixmapPaint::default();
        theirs.draw_pixmap(
            7,
            9,
            glyph.pixmap.as_ref(),
            &paint,
            Transform::identity(),
            None,
        );
        assert_ne!(ours, Pixmap::new(80, 100).unwrap());
        let most = ours
            .data()
            .iter()
            .zip(theirs.data())
            .map(|(a, b)| a.abs_diff(*b))
            .max();
        assert!(most <= Some(1), "{most:?}");
    }

    #[test]
    fn long_titles_wrap_at_spaces() {
        let f = fonts();
        let title = "Chiến dịch 60 ngày đêm kích hoạt và tích hợp VNeID mức 2 – Cần Thơ 2026";
        let lines = wrap(&f, title, 68.0, 1056.0, 10);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), title);
        assert!(lines.iter().all(|l| width_of(&f, l, 68.0) <= 1056.0));
    }

    #[test]
    fn a_word_of_thousands_of_letters_costs_only_the_lines_shown() {
        let f = fonts();
        let word = "Đườngphố".repeat(375);
        let lines = wrap(&f, &word, 68.0, 1056.0, 3);
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert!(word.starts_with(&lines.concat()));
        let line = fit_line(&f, &word, 28.0, 1056.0);
        assert!(line.ends_with('…') && line.chars().count() < 100, "{line}");
    }

    #[test]
    fn khmer_without_spaces_breaks_between_letters() {
        let f = fonts();
        let title = "ការបើកដំណើរការគណនីអត្តសញ្ញាណអេឡិចត្រូនិកកម្រិតពីរសម្រាប់ពលរដ្ឋទាំងអស់";
        let lines = wrap(&f, title, 68.0, 600.0, 10);
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
}
