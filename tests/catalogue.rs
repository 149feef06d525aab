//! The error catalogue is well formed and `docs/errors.md` shows it: every
//! code once, in order, each message one line in both languages.

use std::path::Path;

use loa::locale::UiLang;
use loa::messages::{catalogue_markdown, Msg};

#[test]
fn every_code_is_well_formed_unique_and_in_order() {
    let examples = Msg::examples();
    assert!(examples.len() > 50, "only {} examples", examples.len());
    let codes: Vec<&str> = examples.iter().map(Msg::code).collect();
    for code in &codes {
        let mut chars = code.chars();
        let kind = chars.next();
        assert!(
            matches!(kind, Some('E' | 'W')) && code.len() == 5 && chars.all(|c| c.is_ascii_digit()),
            "`{code}` is not E or W and four digits"
        );
    }
    // In the table, codes go by their digits, an error before the warning
    // of the same number: E0109, W0112, …, E0310, W0310, E0401.
    let mut sorted = codes.clone();
    sorted.sort_by_key(|c| (&c[1..], &c[..1]));
    assert_eq!(
        codes, sorted,
        "the catalogue is not in the order of its codes"
    );
    let mut unique = codes.clone();
    unique.dedup();
    assert_eq!(codes, unique, "a code is used by two variants");

    for m in &examples {
        for lang in [UiLang::En, UiLang::Vi] {
            let (message, fix) = m.text(lang);
            assert!(!message.trim().is_empty(), "{}: empty message", m.code());
            assert!(!message.contains('\n'), "{}: {message}", m.code());
            if let Some(fix) = fix {
                assert!(
                    !fix.trim().is_empty() && !fix.contains('\n'),
                    "{}: {fix}",
                    m.code()
                );
            }
        }
        let (en, _) = m.text(UiLang::En);
        let (vi, _) = m.text(UiLang::Vi);
        assert_ne!(
            en,
            vi,
            "{}: the Vietnamese message is the English one",
            m.code()
        );
    }
}

/// `UPDATE_GOLDEN=1 cargo test --test catalogue` rewrites `docs/errors.md`
/// after a reviewed change of the messages.
#[test]
fn docs_errors_md_shows_the_catalogue() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/errors.md");
    let expected = catalogue_markdown();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        if std::fs::read_to_string(&path).ok().as_deref() != Some(expected.as_str()) {
            std::fs::write(&path, &expected).unwrap();
        }
        return;
    }
    let page = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        page == expected,
        "docs/errors.md is out of date; run \
         `UPDATE_GOLDEN=1 cargo test --test catalogue` after checking the change"
    );
    for m in Msg::examples() {
        assert!(
            page.contains(&format!("\n### {}\n", m.code())),
            "{}",
            m.code()
        );
    }
}
