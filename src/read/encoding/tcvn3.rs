//! TCVN3 (TCVN 5712:1993, the "ABC" fonts `.VnTime`, `.VnArial`): one byte
//! per letter. Lower-case letters and `Ă Â Ê Ô Ơ Ư Đ` sit in 0xA1–0xFF as
//! in the ABC fonts; the other capitals, which the ABC fonts draw with a
//! second font (`.VnTimeH`), sit in 0x80–0x9F, the gaps of 0xA0–0xFF and a
//! few control codes, as the standard's full table (VN1) places them.

/// The letters of bytes 0x80–0xFF, in order; `\u{A0}` stays a no-break space.
const HIGH: &str = concat!(
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ",
    "ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ",
    "\u{A0}ĂÂÊÔƠƯĐăâêôơưđẰ",
    "\u{300}\u{309}\u{303}\u{301}\u{323}àảãáạẲằẳẵắẴ",
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ",
    "éẹềểễếệìỉỄẾỒĩíịò",
    "Ổỏõóọồổỗốộờởỡớợù",
    "ỖủũúụừửữứựỳỷỹýỵỐ",
);

/// The capitals placed on control codes.
const LOW: [(u8, char); 12] = [
    (0x01, 'Ú'),
    (0x02, 'Ụ'),
    (0x04, 'Ừ'),
    (0x05, 'Ử'),
    (0x06, 'Ữ'),
    (0x11, 'Ứ'),
    (0x12, 'Ự'),
    (0x13, 'Ỳ'),
    (0x14, 'Ỷ'),
    (0x15, 'Ỹ'),
    (0x16, 'Ý'),
    (0x17, 'Ỵ'),
];

fn high() -> Vec<char> {
    HIGH.chars().collect()
}

/// The text of TCVN3 bytes, not yet normalized.
pub fn decode(bytes: &[u8]) -> String {
    let high = high();
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    for &b in bytes {
        if b >= 0x80 {
            out.push(high[usize::from(b - 0x80)]);
        } else if let Some((_, c)) = LOW.iter().find(|(code, _)| *code == b) {
            out.push(*c);
        } else {
            out.push(char::from(b));
        }
    }
    capitalize_words(&out)
}

/// The ABC fonts write a capital word as its lower-case codes in the
/// capitals' font: `PH­êNG` is `PHƯỜNG`. A word with two ASCII capitals and
/// no ASCII small letter is taken as a word in capitals (`Tæ` stays `Tổ`).
fn capitalize_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_inclusive(|c: char| !c.is_alphanumeric() && !is_mark(c)) {
        let upper = word.chars().filter(char::is_ascii_uppercase).count() >= 2
            && !word.chars().any(|c| c.is_ascii_lowercase());
        if upper {
            out.push_str(&word.to_uppercase());
        } else {
            out.push_str(word);
        }
    }
    out
}

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// TCVN3 bytes of a text, `None` when a character has none. For tests and
/// tools: loa itself only reads TCVN3.
pub fn encode(text: &str) -> Option<Vec<u8>> {
    let high = high();
    text.chars()
        .map(|c| {
            if let Some(i) = high.iter().position(|h| *h == c) {
                u8::try_from(i + 0x80).ok()
            } else if let Some((b, _)) = LOW.iter().find(|(_, l)| *l == c) {
                Some(*b)
            } else if c.is_ascii() && !LOW.iter().any(|(b, _)| char::from(*b) == c) {
                u8::try_from(c).ok()
            } else {
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::encoding::vietnamese::letters;

    #[test]
    fn the_table_has_a_letter_for_every_byte() {
        assert_eq!(high().len(), 128);
    }

    #[test]
    fn every_vietnamese_letter_round_trips() {
        for c in letters() {
            let text = c.to_string();
            let bytes = encode(&text).unwrap_or_else(|| panic!("{c} has no TCVN3 code"));
            assert_eq!(bytes.len(), 1, "{c}");
            let back: String = high_or_low(bytes[0]);
            assert_eq!(back, text, "{c} = {:#04x}", bytes[0]);
        }
    }

    fn high_or_low(b: u8) -> String {
        // One letter alone: no word to capitalize.
        let high = high();
        if b >= 0x80 {
            high[usize::from(b - 0x80)].to_string()
        } else {
            LOW.iter()
                .find(|(code, _)| *code == b)
                .map(|(_, c)| c.to_string())
                .unwrap_or_default()
        }
    }

    #[test]
    fn words_as_offices_wrote_them() {
        assert_eq!(decode(b"B\xb6o Th\xbeng"), "Bảo Thắng");
        assert_eq!(decode(b"M\xad\xeang Kh\xad\xacng"), "Mường Khương");
        assert_eq!(decode(b"PH\xad\xeaNG 7"), "PHƯỜNG 7", "a word in capitals");
    }
}
