//! The encoding of a text file: UTF-8 (with or without BOM), UTF-16 (with
//! a byte-order mark, or without one when its zero bytes show it), or, for
//! text that is not UTF-8, the Vietnamese encodings still met in offices —
//! Windows-1258 (Excel's "CSV" on Vietnamese Windows), TCVN3 (ABC) and
//! VNI-Windows — when one of them, and only one, reads as Vietnamese.

pub mod old_font;
pub mod tcvn3;
pub mod vietnamese;
pub mod vni;

use unicode_normalization::UnicodeNormalization;

pub use crate::messages::TextEncoding;

/// What the bytes of a file are.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded {
    /// Text, from UTF-8 or UTF-16 as written, or converted from a legacy
    /// encoding (`converted` names it).
    Text {
        text: String,
        converted: Option<TextEncoding>,
    },
    /// Not text loa can read: the first byte that is not UTF-8 (or that
    /// breaks the UTF-16 the file starts as), and the text before it.
    Unreadable {
        before: String,
        byte: u8,
        /// The encoding the file seems to be in, when it is one loa names.
        looks_like: Option<TextEncoding>,
    },
}

/// The text of a file's bytes, not yet normalized (see `read::text`).
pub fn decode(bytes: &[u8]) -> Decoded {
    match bytes {
        [0xFF, 0xFE, rest @ ..] => return utf16(rest, u16::from_le_bytes, TextEncoding::Utf16Le),
        [0xFE, 0xFF, rest @ ..] => return utf16(rest, u16::from_be_bytes, TextEncoding::Utf16Be),
        _ => {}
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let from_bytes = match encoding {
            TextEncoding::Utf16Be => u16::from_be_bytes,
            _ => u16::from_le_bytes,
        };
        return utf16(bytes, from_bytes, encoding);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded::Text {
            text: text.to_string(),
            converted: None,
        },
        Err(e) => legacy(bytes, e.valid_up_to()),
    }
}

/// UTF-16 code units, after the byte-order mark if there is one.
fn utf16(rest: &[u8], from_bytes: fn([u8; 2]) -> u16, encoding: TextEncoding) -> Decoded {
    let units = rest
        .chunks_exact(2)
        .map(|pair| from_bytes([pair[0], pair[1]]));
    let mut text = String::with_capacity(rest.len() / 2);
    let mut consumed = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                text.push(c);
                consumed += c.len_utf16();
            }
            Err(_) => return broken_utf16(text, rest.get(2 * consumed), encoding),
        }
    }
    if !rest.len().is_multiple_of(2) {
        return broken_utf16(text, rest.last(), encoding);
    }
    Decoded::Text {
        text,
        converted: None,
    }
}

fn broken_utf16(before: String, byte: Option<&u8>, encoding: TextEncoding) -> Decoded {
    Decoded::Unreadable {
        before,
        byte: byte.copied().unwrap_or(0),
        looks_like: Some(encoding),
    }
}

/// How far into a file its zero bytes are counted to tell UTF-16.
const UTF16_SNIFF: usize = 1024;

/// UTF-16 without a byte-order mark: in the first KB, at least a quarter
/// of the code units have a zero byte (ASCII letters, digits, punctuation),
/// nearly always on the same side (a few characters such as the combining
/// grave U+0300 of decomposed text have it on the other).
fn utf16_without_bom(bytes: &[u8]) -> Option<TextEncoding> {
    let head = &bytes[..bytes.len().min(UTF16_SNIFF) & !1];
    if head.len() < 4 {
        return None;
    }
    let zeros = |side: usize| {
        head.iter()
            .skip(side)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    let units = head.len() / 2;
    if odd * 4 >= units && even * 8 <= odd {
        Some(TextEncoding::Utf16Le)
    } else if even * 4 >= units && odd * 8 <= even {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// Bytes that are not UTF-8: the one Vietnamese encoding they read as, or
/// unreadable at the first byte that is not UTF-8.
fn legacy(bytes: &[u8], valid_up_to: usize) -> Decoded {
    let candidates = [
        (TextEncoding::Windows1258, windows_1258(bytes)),
        (
            TextEncoding::Vni,
            vni::decode(bytes).nfc().collect::<String>(),
        ),
        (
            TextEncoding::Tcvn3,
            tcvn3::decode(bytes).nfc().collect::<String>(),
        ),
    ];
    let mut readings: Vec<(usize, TextEncoding, String)> = candidates
        .into_iter()
        .map(|(encoding, text)| (vietnamese::read(&text), encoding, text))
        .filter(|(reading, _, _)| reading.is_vietnamese())
        .map(|(reading, encoding, text)| (reading.score(), encoding, text))
        .collect();
    // Best first; on a tie the order above (the most common encoding first).
    readings.sort_by_key(|(score, _, _)| std::cmp::Reverse(*score));
    let byte = bytes.get(valid_up_to).copied().unwrap_or(0);
    let before = || String::from_utf8_lossy(&bytes[..valid_up_to]).into_owned();
    match readings.as_slice() {
        [] => Decoded::Unreadable {
            before: before(),
            byte,
            looks_like: None,
        },
        [(best, encoding, text), rest @ ..] => {
            let tied = rest
                .iter()
                .any(|(score, _, other)| score == best && other != text);
            if tied {
                Decoded::Unreadable {
                    before: before(),
                    byte,
                    looks_like: Some(*encoding),
                }
            } else {
                Decoded::Text {
                    text: text.clone(),
                    converted: Some(*encoding),
                }
            }
        }
    }
}

/// Windows-1258 writes most tones as combining marks after the letter:
/// composed to single letters (NFC).
fn windows_1258(bytes: &[u8]) -> String {
    let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    text.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Windows-1258 as Windows writes it: the base letter (with its hat or
    /// horn) and the tone as a combining mark.
    fn to_windows_1258(text: &str) -> Vec<u8> {
        let mut split = String::new();
        for c in text.nfc() {
            let parts: Vec<char> = std::iter::once(c).nfd().collect();
            let tone = parts.iter().find(|m| vietnamese::TONES.contains(m));
            let letter: String = parts.iter().filter(|m| Some(*m) != tone).collect();
            split.extend(letter.nfc());
            split.extend(tone);
        }
        let (bytes, _, unmapped) = encoding_rs::WINDOWS_1258.encode(&split);
        assert!(!unmapped, "{text}");
        bytes.into_owned()
    }

    fn text(decoded: Decoded) -> (String, Option<TextEncoding>) {
        match decoded {
            Decoded::Text { text, converted } => (text.nfc().collect(), converted),
            other => panic!("{other:?}"),
        }
    }

    const SAMPLE: &str =
        "Tổ lưu động xã Đông Hải,Chợ Đông Hải - cổng chính,MANG GIẤY KHAI SINH của trẻ";

    #[test]
    fn utf8_and_utf16_are_read_as_written() {
        assert_eq!(text(decode(SAMPLE.as_bytes())), (SAMPLE.into(), None));
        for (bom, encode) in [
            (&[0xFF, 0xFE][..], u16::to_le_bytes as fn(u16) -> [u8; 2]),
            (&[0xFE, 0xFF][..], u16::to_be_bytes),
        ] {
            let body: Vec<u8> = SAMPLE.encode_utf16().flat_map(encode).collect();
            let with_bom = [bom, &body].concat();
            assert_eq!(text(decode(&with_bom)), (SAMPLE.into(), None));
            assert_eq!(text(decode(&body)), (SAMPLE.into(), None), "no BOM");
        }
    }

    #[test]
    fn broken_utf16_is_unreadable_where_it_breaks() {
        let bytes = [0xFF, 0xFE, b'a', 0, 0x00, 0xDC, b'b', 0];
        assert_eq!(
            decode(&bytes),
            Decoded::Unreadable {
                before: "a".into(),
                byte: 0,
                looks_like: Some(TextEncoding::Utf16Le)
            }
        );
    }

    #[test]
    fn utf16_without_bom_is_told_by_its_first_kb() {
        // Decomposed text from Word: the grave U+0300 has its zero byte on
        // the other side; a file cut after an odd number of bytes.
        let nfd: String = "Huyện Đồng Hải: làm căn cước ".repeat(40).nfd().collect();
        let body: Vec<u8> = nfd.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(text(decode(&body)).0, nfd.nfc().collect::<String>());
        let cut = &body[..body.len() - 1];
        match decode(cut) {
            Decoded::Unreadable { looks_like, .. } => {
                assert_eq!(looks_like, Some(TextEncoding::Utf16Le))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn each_vietnamese_encoding_is_recognised() {
        let cases = [
            (to_windows_1258(SAMPLE), TextEncoding::Windows1258),
            (tcvn3::encode(SAMPLE).unwrap(), TextEncoding::Tcvn3),
            (vni::encode(SAMPLE).unwrap(), TextEncoding::Vni),
        ];
        for (bytes, encoding) in cases {
            assert_eq!(text(decode(&bytes)), (SAMPLE.into(), Some(encoding)));
        }
    }

    #[test]
    fn latin_1_is_not_taken_for_vietnamese() {
        assert_eq!(
            decode(b"Qu\xe9bec, Montr\xe9al"),
            Decoded::Unreadable {
                before: "Qu".into(),
                byte: 0xE9,
                looks_like: None
            }
        );
    }
}
