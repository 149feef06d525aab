//! Slugs from Vietnamese text: `Kích hoạt mức 2` → `kich-hoat-muc-2`, for
//! the ids of sections and for addresses.

use unicode_normalization::UnicodeNormalization;

/// Lower-case ASCII letters and digits separated by single `-`. Vietnamese
/// marks are removed and `đ` becomes `d`; letters of other scripts are kept
/// (a Khmer title keeps its letters), punctuation becomes `-`.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.nfd() {
        if ('\u{0300}'..='\u{036f}').contains(&c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        };
        if c.is_alphanumeric() || is_combining_mark_of_other_script(c) {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    crate::nfc(out)
}

/// Khmer vowel signs and similar marks are part of words, not separators.
fn is_combining_mark_of_other_script(c: char) -> bool {
    matches!(c, '\u{17b4}'..='\u{17d3}' | '\u{17dd}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_titles() {
        assert_eq!(slugify("Kích hoạt mức 2"), "kich-hoat-muc-2");
        assert_eq!(slugify("Đông Hải"), "dong-hai");
        assert_eq!(
            slugify("  Bảo vệ OTP — chống lừa đảo! "),
            "bao-ve-otp-chong-lua-dao"
        );
        assert_eq!(
            slugify("Căn cước cho trẻ 6–14 tuổi"),
            "can-cuoc-cho-tre-6-14-tuoi"
        );
        assert_eq!(slugify("ĐƯỜNG 3/2"), "duong-3-2");
    }

    #[test]
    fn decomposed_input_gives_the_same_slug() {
        assert_eq!(slugify("Ki\u{301}ch hoa\u{323}t"), "kich-hoat");
    }

    #[test]
    fn other_scripts_are_kept() {
        assert_eq!(slugify("ការចុះឈ្មោះ"), "ការចុះឈ្មោះ");
        assert_eq!(slugify("..."), "");
    }
}
