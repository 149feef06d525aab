//! Vietnamese alphabetical order (a ă â b c d đ e ê …, tones after base
//! letters) from the Unicode collation data of ICU4X, not byte order.

use std::cmp::Ordering;
use std::sync::OnceLock;

use icu_collator::options::CollatorOptions;
use icu_collator::CollatorBorrowed;
use icu_locale_core::Locale;

fn collator(lang: &str) -> Option<&'static CollatorBorrowed<'static>> {
    static VI: OnceLock<Option<CollatorBorrowed<'static>>> = OnceLock::new();
    static ROOT: OnceLock<Option<CollatorBorrowed<'static>>> = OnceLock::new();
    let make = |tag: &str| {
        let locale: Locale = tag.parse().ok()?;
        CollatorBorrowed::try_new(locale.into(), CollatorOptions::default()).ok()
    };
    if lang == "vi" {
        VI.get_or_init(|| make("vi")).as_ref()
    } else {
        ROOT.get_or_init(|| make("und")).as_ref()
    }
}

/// Compares two strings in the order of `lang` (Vietnamese for `vi`).
pub fn compare(lang: &str, a: &str, b: &str) -> Ordering {
    match collator(lang) {
        Some(c) => c.compare(a, b).then_with(|| a.cmp(b)),
        None => a.cmp(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_order() {
        let mut words = vec![
            "Đông Hải",
            "Dương",
            "Ă",
            "Â",
            "B",
            "A",
            "Ơ",
            "O",
            "Ô",
            "ê",
            "e",
            "Yên",
        ];
        words.sort_by(|a, b| compare("vi", a, b));
        assert_eq!(
            words,
            [
                "A",
                "Ă",
                "Â",
                "B",
                "Dương",
                "Đông Hải",
                "e",
                "ê",
                "O",
                "Ô",
                "Ơ",
                "Yên"
            ]
        );
    }

    #[test]
    fn tones_after_base_letters() {
        let mut words = ["má", "ma", "mà", "mả", "mã", "mạ", "mb"];
        words.sort_by(|a, b| compare("vi", a, b));
        assert_eq!(words[0], "ma");
        assert_eq!(words.last(), Some(&"mb"));
    }
}
