//! The icon of the site installed on a phone: a loudspeaker (a *loa*) on
//! the site's colour, drawn inside the middle 80 % so that the launcher may
//! cut it to a circle or any other shape ("maskable").

use tiny_skia::{Color, FillRule, LineCap, Paint, PathBuilder, Stroke, Transform};

use super::card::{encode, filled, Colours};

/// The icon as a PNG of `size` × `size`, carrying `key`.
pub fn draw(size: u32, colours: Colours, key: &str) -> Option<Vec<u8>> {
    let mut pixmap = filled(size, size, colours.brand)?;
    // Drawn on a square of 1 × 1, scaled.
    let scale = Transform::from_scale(size as f32, size as f32);
    let white = paint(Color::WHITE);
    // The horn, its mouth to the right.
    let mut horn = PathBuilder::new();
    horn.move_to(0.33, 0.43);
    horn.line_to(0.60, 0.29);
    horn.line_to(0.60, 0.71);
    horn.line_to(0.33, 0.57);
    horn.close();
    pixmap.fill_path(&horn.finish()?, &white, FillRule::Winding, scale, None);
    // The driver behind it and the handle under it.
    let driver = PathBuilder::from_rect(tiny_skia::Rect::from_ltrb(0.25, 0.42, 0.34, 0.58)?);
    pixmap.fill_path(&driver, &white, FillRule::Winding, scale, None);
    let handle = PathBuilder::from_rect(tiny_skia::Rect::from_ltrb(0.36, 0.56, 0.42, 0.68)?);
    pixmap.fill_path(&handle, &white, FillRule::Winding, scale, None);
    // Two waves of sound, in the accent of the share images.
    let accent = paint(Color::from_rgba8(0xff, 0xdd, 0x00, 255));
    let stroke = Stroke {
        width: 0.035,
        line_cap: LineCap::Round,
        ..Stroke::default()
    };
    for (x, reach) in [(0.66, 0.09), (0.72, 0.16)] {
        let mut wave = PathBuilder::new();
        wave.move_to(x, 0.5 - reach);
        wave.quad_to(x + reach * 0.7, 0.5, x, 0.5 + reach);
        pixmap.stroke_path(&wave.finish()?, &accent, &stroke, scale, None);
    }
    encode(&pixmap, key)
}

fn paint(colour: Color) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(colour);
    paint.anti_alias = true;
    paint
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_icon_is_a_square_png_of_the_size_asked() {
        let png = draw(192, Colours::from_css(""), "icon").unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((width, height), (192, 192));
        assert_eq!(png, draw(192, Colours::from_css(""), "icon").unwrap());
    }
}
