//! The language of diagnostics: Vietnamese when the locale says so, English otherwise.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UiLang {
    Vi,
    En,
}

impl UiLang {
    /// `LC_ALL` wins over `LC_MESSAGES` and `LANG`, as in POSIX.
    pub fn from_env() -> UiLang {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let locale = var("LC_ALL")
            .or_else(|| var("LC_MESSAGES"))
            .or_else(|| var("LANG"))
            .unwrap_or_default();
        UiLang::from_locale(&locale)
    }

    pub fn from_locale(locale: &str) -> UiLang {
        if locale.to_ascii_lowercase().starts_with("vi") {
            UiLang::Vi
        } else {
            UiLang::En
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_locales() {
        assert_eq!(UiLang::from_locale("vi_VN.UTF-8"), UiLang::Vi);
        assert_eq!(UiLang::from_locale("vi"), UiLang::Vi);
        assert_eq!(UiLang::from_locale("en_US.UTF-8"), UiLang::En);
        assert_eq!(UiLang::from_locale("C"), UiLang::En);
        assert_eq!(UiLang::from_locale(""), UiLang::En);
    }
}
