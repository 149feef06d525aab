//! Slugs from Vietnamese text: `Kích hoạt mức 2` → `kich-hoat-muc-2`, for
//! the ids of sections and for addresses.

use unicode_normalization::UnicodeNormalization;

/// Lower-case ASCII letters and digits separated by single `-`. Vietnamese
/// marks are removed and `đ` becomes `d`; letters of other scripts are kept
/// (a Khmer title keeps its letters), punctuation becomes `-`.
pub fn slugify(text: &str) -> String {
    let mut slug = Slug::default();
    // Characters that each decompose from a base letter are decomposed one
    // at a time, as most titles are: no mark of one can be reordered with
    // another's, so this is the text's decomposition.
    if text.chars().all(crate::composed_alone) {
        for c in text.chars() {
            if c.is_ascii() {
                slug.take(c);
            } else {
                unicode_normalization::char::decompose_canonical(c, |d| slug.take(d));
            }
        }
    } else {
        text.nfd().for_each(|c| slug.take(c));
    }
    slug.finish()
}

/// A slug made from decomposed text, a character at a time.
#[derive(Default)]
struct Slug {
    out: String,
    /// Whether a separator came after the last letter taken.
    dash: bool,
}

impl Slug {
    fn take(&mut self, c: char) {
        // Most of a heading: told by its byte.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                self.letter();
                self.out.push(c.to_ascii_lowercase());
            } else {
                self.dash = true;
            }
            return;
        }
        if ('\u{0300}'..='\u{036f}').contains(&c) {
            return;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        };
        if c.is_alphanumeric() || is_combining_mark_of_other_script(c) {
            self.letter();
            self.out.extend(c.to_lowercase());
        } else {
            self.dash = true;
        }
    }

    /// Before a letter: the separator a run of others left.
    fn letter(&mut self) {
        if self.dash && !self.out.is_empty() {
            self.out.push('-');
        }
        self.dash = false;
    }

    fn finish(self) -> String {
        crate::nfc(self.out)
    }
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

    /// The slug of the decomposition of the whole text.
    fn slug_of_whole(text: &str) -> String {
        let mut slug = Slug::default();
        text.nfd().for_each(|c| slug.take(c));
        slug.finish()
    }

    proptest::proptest! {
        #[test]
        fn a_character_at_a_time_is_the_whole_text(
            text in "[a-zA-Z0-9 .,àáạảãăắặâấậđĐêếệôốộơớợưứựÀÁẠẤ\u{2013}\u{300}\u{301}\u{323}\u{1780}-\u{17ff}]{0,30}"
        ) {
            proptest::prop_assert_eq!(slugify(&text), slug_of_whole(&text));
        }

        #[test]
        fn ascii_is_its_runs_of_letters_and_digits(text in "[ -~]{0,40}") {
            let runs: Vec<String> = text
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|run| !run.is_empty())
                .map(str::to_ascii_lowercase)
                .collect();
            proptest::prop_assert_eq!(slugify(&text), runs.join("-"));
        }
    }

    #[test]
    fn other_scripts_are_kept() {
        assert_eq!(slugify("ការចុះឈ្មោះ"), "ការចុះឈ្មោះ");
        assert_eq!(slugify("..."), "");
    }
}
