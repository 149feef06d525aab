//! Text as staff paste it: Excel's BOM, Windows line ends, decomposed
//! Vietnamese from Word. Everything read is normalized here first.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Removes a UTF-8 BOM, turns CRLF and lone CR into LF, and normalizes to NFC.
pub fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_crlf_and_nfc() {
        let decomposed = "\u{feff}Đi\u{0323}a\u{0300}\r\nx\ry";
        let n = normalize(decomposed);
        assert_eq!(n, "Địà\nx\ny");
        assert!(n.chars().count() < decomposed.chars().count());
    }
}
