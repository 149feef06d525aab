//! Text typed with a legacy Vietnamese font into a Unicode file or an Excel
//! cell: with VNI-Times or ABC's `.VnTime` chosen as the font, Word and
//! Excel store the font's bytes as Windows-1252 letters, so `Công an
//! phường` is saved as `Coâng an phöôøng` (VNI) or `C«ng an ph­êng`
//! (TCVN3). Such text is told by its letters read back as those bytes: the
//! text is not Vietnamese, and the bytes read as VNI or TCVN3 are.

use unicode_normalization::UnicodeNormalization;

use super::{tcvn3, vietnamese, vni, TextEncoding};

/// `text` converted from the old font it was typed in, and that font;
/// `None` for text that already reads as Vietnamese (or as anything but a
/// legacy font), and for text with a letter that Windows-1252 has not.
pub fn convert(text: &str) -> Option<(String, TextEncoding)> {
    // Unicode Vietnamese, Khmer and most text have letters Windows-1252
    // has not: told at once, before any reading.
    if text.is_ascii() || !text.chars().all(in_windows_1252) {
        return None;
    }
    // Vietnamese with only Latin-1 letters (`Tô Hà`) is mostly syllables
    // already: left as written.
    let before = vietnamese::read(text);
    if before.words == 0 || before.syllables * 10 >= before.words * 9 {
        return None;
    }
    let (bytes, _, unmapped) = encoding_rs::WINDOWS_1252.encode(text);
    if unmapped {
        return None;
    }
    let mut readings: Vec<(usize, TextEncoding, String)> = [
        (TextEncoding::Vni, vni::decode(&bytes)),
        (TextEncoding::Tcvn3, tcvn3::decode(&bytes)),
    ]
    .into_iter()
    .map(|(encoding, decoded)| (encoding, decoded.nfc().collect::<String>()))
    .filter(|(_, decoded)| decoded != text)
    .filter_map(|(encoding, decoded)| {
        let reading = vietnamese::read(&decoded);
        reading
            .is_vietnamese()
            .then(|| (reading.score(), encoding, decoded))
    })
    .collect();
    readings.sort_by_key(|(score, _, _)| std::cmp::Reverse(*score));
    match readings.as_slice() {
        [(best, _, a), (second, _, b), ..] if best == second && a != b => None,
        [(_, encoding, decoded), ..] => Some((decoded.clone(), *encoding)),
        [] => None,
    }
}

/// Whether Windows-1252 has `c`: Latin-1, and the letters and signs it
/// puts at 0x80-0x9F.
fn in_windows_1252(c: char) -> bool {
    u32::from(c) < 0x100 || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How Excel shows bytes of a legacy font: as Windows-1252 letters.
    fn as_typed(bytes: &[u8]) -> String {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    }

    #[test]
    fn vni_and_tcvn3_typed_into_a_cell_are_converted() {
        assert_eq!(
            convert("Coâng an phöôøng Taân Myõ"),
            Some(("Công an phường Tân Mỹ".into(), TextEncoding::Vni))
        );
        assert_eq!(
            convert("Tæ l\u{ad}u ®éng ph\u{ad}êng"),
            Some(("Tổ lưu động phường".into(), TextEncoding::Tcvn3))
        );
        for sample in [
            "Nhà văn hóa khu phố 1, phường Tân Mỹ",
            "Mang thẻ căn cước và điện thoại có số thuê bao chính chủ",
            "TỔ LƯU ĐỘNG CÔNG AN XÃ ĐÔNG HẢI",
        ] {
            let vni_typed = as_typed(&vni::encode(sample).unwrap());
            assert_eq!(
                convert(&vni_typed),
                Some((sample.into(), TextEncoding::Vni)),
                "{vni_typed}"
            );
            let abc_typed = as_typed(&tcvn3::encode(sample).unwrap());
            assert_eq!(
                convert(&abc_typed).map(|(t, _)| t),
                Some(sample.into()),
                "{abc_typed}"
            );
        }
    }

    #[test]
    fn unicode_vietnamese_french_and_english_are_left_alone() {
        for text in [
            "Công an phường Tân Mỹ",
            "Tô Hà",
            "Bà Tô Thị Hà, Cà Mau",
            "Lê Văn Tám",
            "Québec, Montréal, à côté de l'église",
            "Garçon, où est la bibliothèque? Très élégant, déjà vu.",
            "Müller & Söhne GmbH, Straße",
            "Señor José García, año",
            "Café, naïve résumé — “smart quotes” and a £5 fee",
            "Plain English text",
            "សូមគោរពបងប្អូន",
        ] {
            assert_eq!(convert(text), None, "{text}");
        }
    }
}
