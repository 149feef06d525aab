//! VNI-Windows (the `VNI-Times` fonts): a letter is its base letter followed
//! by a byte for its marks (`aù` is `á`, `Vieät` is `Việt`); `ơ ư đ` and the
//! toned `i` and `ỵ` are single bytes.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::vietnamese::{letters, TONES};

/// The lower-case byte of a tone mark alone (grave, acute, tilde, hook, dot
/// below, in the order of [`TONES`]); capitals use the byte 0x20 lower.
const TONE: [u8; 5] = [0xF8, 0xF9, 0xF5, 0xFB, 0xEF];
/// After `a`, `e`, `o`: the circumflex, then with each tone.
const CIRCUMFLEX: [u8; 6] = [0xE2, 0xE0, 0xE1, 0xE3, 0xE5, 0xE4];
/// After `a`: the breve, then with each tone.
const BREVE: [u8; 6] = [0xEA, 0xE8, 0xE9, 0xFC, 0xFA, 0xEB];
/// `i` with each tone, one byte.
const I: [u8; 5] = [0xEC, 0xED, 0xF3, 0xE6, 0xF2];
const O_HORN: u8 = 0xF4;
const U_HORN: u8 = 0xF6;
const D_STROKE: u8 = 0xF1;
/// `ỵ`, one byte.
const Y_DOT: u8 = 0xEE;

/// The VNI bytes of one letter outside ASCII.
fn encode_letter(c: char) -> Option<Vec<u8>> {
    let upper = c.is_uppercase();
    let case = |b: u8| if upper { b - 0x20 } else { b };
    let lower = c.to_lowercase().next()?;
    if lower == 'đ' {
        return Some(vec![case(D_STROKE)]);
    }
    let parts: Vec<char> = std::iter::once(lower).nfd().collect();
    let base = *parts.first()?;
    let tone = parts.iter().find_map(|m| TONES.iter().position(|t| t == m));
    let has = |mark: char| parts.contains(&mark);
    let base_byte = |b: char| {
        let b = u8::try_from(b).ok()?;
        Some(if upper { b.to_ascii_uppercase() } else { b })
    };
    let mut out = Vec::new();
    if has('\u{31B}') {
        out.push(case(if base == 'o' { O_HORN } else { U_HORN }));
        out.extend(tone.map(|t| case(TONE[t])));
    } else if has('\u{302}') {
        out.push(base_byte(base)?);
        out.push(case(CIRCUMFLEX[tone.map_or(0, |t| t + 1)]));
    } else if has('\u{306}') {
        out.push(base_byte(base)?);
        out.push(case(BREVE[tone.map_or(0, |t| t + 1)]));
    } else if base == 'i' {
        out.push(case(I[tone?]));
    } else if base == 'y' && tone == Some(4) {
        out.push(case(Y_DOT));
    } else {
        out.push(base_byte(base)?);
        out.push(case(TONE[tone?]));
    }
    Some(out)
}

/// Every letter by its VNI bytes.
fn table() -> HashMap<Vec<u8>, char> {
    letters()
        .into_iter()
        .filter_map(|c| Some((encode_letter(c)?, c)))
        .collect()
}

/// The text of VNI bytes, not yet normalized. A byte that is no part of a
/// letter is read as in Windows-1252, as the VNI fonts draw it.
pub fn decode(bytes: &[u8]) -> String {
    let table = table();
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if let Some(c) = bytes.get(i..i + 2).and_then(|pair| table.get(pair)) {
            out.push(*c);
            i += 2;
            continue;
        }
        let b = bytes[i];
        match table.get(&bytes[i..=i]) {
            Some(c) => out.push(*c),
            None if b.is_ascii() => out.push(char::from(b)),
            None => {
                let byte = [b];
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
                out.push_str(&text);
            }
        }
        i += 1;
    }
    out
}

/// VNI bytes of a text, `None` when a character has none. For tests and
/// tools: loa itself only reads VNI.
pub fn encode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(u8::try_from(c).ok()?);
        } else {
            out.extend(encode_letter(c)?);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vietnamese_letter_round_trips() {
        for c in letters() {
            let bytes = encode_letter(c).unwrap_or_else(|| panic!("{c} has no VNI code"));
            assert_eq!(decode(&bytes), c.to_string(), "{c} = {bytes:x?}");
        }
        assert_eq!(table().len(), 134, "no two letters share their bytes");
    }

    #[test]
    fn words_as_offices_wrote_them() {
        assert_eq!(decode(b"Xin cha\xf8o ca\xf9c ba\xefn"), "Xin chào các bạn");
        assert_eq!(decode(b"Vie\xe4t Nam"), "Việt Nam");
        assert_eq!(decode(b"\xd1\xd6\xd4\xd8NG"), "ĐƯỜNG");
        let text = "Trường Tiểu học Đông Hải, ấp Tân Lợi";
        assert_eq!(decode(&encode(text).unwrap()), text);
    }
}
