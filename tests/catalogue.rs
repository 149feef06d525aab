//! The error catalogue of README.md is complete and up to date: every code
//! of `Msg::code` has an example, and README.md shows `catalogue_markdown()`.

use std::path::Path;

use loa::locale::UiLang;
use loa::messages::{catalogue_markdown, Msg};

const START: &str = "<!-- catalogue:start -->\n";
const END: &str = "<!-- catalogue:end -->";

/// The codes written in the match arms of `Msg::code`, in source order.
fn codes_in_source() -> Vec<String> {
    let source = include_str!("../src/messages.rs");
    let start = source
        .find("pub fn code(&self)")
        .expect("`pub fn code(&self)` in src/messages.rs");
    let body = &source[start..];
    let body = &body[..body.find("\n    }\n").expect("end of `code`")];
    body.split("=> \"")
        .skip(1)
        .filter_map(|rest| {
            let code = rest.split('"').next()?;
            let mut chars = code.chars();
            let kind = chars.next()?;
            (matches!(kind, 'E' | 'W') && code.len() == 5 && chars.all(|c| c.is_ascii_digit()))
                .then(|| code.to_string())
        })
        .collect()
}

#[test]
fn every_code_has_exactly_one_example() {
    let mut source = codes_in_source();
    assert!(source.len() > 50, "only {} codes found", source.len());
    source.sort();
    let mut unique = source.clone();
    unique.dedup();
    assert_eq!(source, unique, "a code is used by two variants");

    let examples = Msg::examples();
    let mut codes: Vec<String> = examples.iter().map(|m| m.code().to_string()).collect();
    let listed = codes.clone();
    codes.sort();
    for code in &source {
        let n = codes.iter().filter(|c| *c == code).count();
        assert_eq!(n, 1, "{code} has {n} examples in `Msg::examples()`, not 1");
    }
    assert_eq!(codes, source, "`Msg::examples()` and `Msg::code` differ");
    assert_eq!(listed, codes, "`Msg::examples()` is not sorted by code");

    for m in &examples {
        for lang in [UiLang::En, UiLang::Vi] {
            let (message, _) = m.text(lang);
            assert!(!message.trim().is_empty(), "{}: empty message", m.code());
            assert!(!message.contains('\n'), "{}: {message}", m.code());
        }
    }
}

/// `UPDATE_GOLDEN=1 cargo test --test catalogue` rewrites the catalogue in
/// README.md after a reviewed change of the messages.
#[test]
fn readme_shows_the_catalogue() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme
        .find(START)
        .expect("`<!-- catalogue:start -->` line in README.md")
        + START.len();
    let end = start
        + readme[start..]
            .find(END)
            .expect("`<!-- catalogue:end -->` line in README.md after the start line");
    let expected = catalogue_markdown();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        if readme[start..end] != expected {
            let updated = format!("{}{}{}", &readme[..start], expected, &readme[end..]);
            std::fs::write(&path, updated).unwrap();
        }
        return;
    }
    assert!(
        readme[start..end] == expected,
        "the error catalogue in README.md is out of date; run \
         `UPDATE_GOLDEN=1 cargo test --test catalogue` after checking the change"
    );
}
