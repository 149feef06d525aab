//! `content/slogans.yaml`: a list of slogans, each with its translations,
//! its text as one string with `translations`, or as a map of language →
//! text:
//!
//! ```yaml
//! - id: vi-giay-to-dien-tu
//!   campaign: chon-thanh-cao-diem-can-cuoc-2026
//!   text: "VNeID - Ví giấy tờ điện tử tiện lợi, an toàn, hiện đại!"
//!   translations:
//!     en: "VNeID – a convenient, safe, modern e-wallet for your papers!"
//! - text:
//!     vi: "Kích hoạt VNeID mức 2"
//!     en: "Activate VNeID level 2"
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_yaml::Value;

use super::config::Config;
use super::shapes;
use super::yaml::{scalar_text, Fields, YamlDoc};
use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::messages::{Expected, Msg, Shape};
use crate::slug::slugify;

#[derive(Debug, Clone)]
pub struct Slogan {
    pub id: String,
    /// The campaign folder name and where it was written.
    pub campaign: Option<(String, Location)>,
    pub text: String,
    pub translations: BTreeMap<String, String>,
}

impl Slogan {
    /// The text in a language and whether it is a real translation.
    pub fn text_in<'a>(&'a self, lang: &str) -> (&'a str, bool) {
        match self.translations.get(lang) {
            Some(t) => (t, true),
            None => (&self.text, false),
        }
    }
}

const KNOWN: &[&str] = &["id", "campaign", "text", "translations"];

/// Reads `content/slogans.yaml`.
pub fn load(path: &Path, config: &Config, problems: &mut Diagnostics) -> Vec<Slogan> {
    let Some(text) = super::text::read_text(path, problems) else {
        return Vec::new();
    };
    let doc = YamlDoc {
        path,
        text: &text,
        first_line: 1,
    };
    let items = match doc.parse() {
        Ok(Value::Sequence(items)) => items,
        Ok(Value::Mapping(m)) if m.is_empty() => Vec::new(),
        Ok(_) => {
            problems.error(
                doc.at(1, 1),
                Msg::WrongType {
                    field: "slogans".into(),
                    expected: Expected::List,
                },
            );
            return Vec::new();
        }
        Err(d) => {
            problems.push(d);
            return Vec::new();
        }
    };
    let lines = doc.list_items(None);
    super::text::lookalikes(path, &text, problems);
    let mut slogans = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, item) in items.iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(1);
        let Some(slogan) = slogan(&doc, item, line, config, problems) else {
            continue;
        };
        if !seen.insert(slogan.id.clone()) {
            problems.error(doc.at(line, 1), Msg::DuplicateId { id: slogan.id });
            continue;
        }
        slogans.push(slogan);
    }
    slogans
}

/// One item of the list, starting at `line`.
fn slogan(
    doc: &YamlDoc,
    item: &Value,
    line: usize,
    config: &Config,
    problems: &mut Diagnostics,
) -> Option<Slogan> {
    let Value::Mapping(map) = item else {
        problems.error(
            doc.at(line, 1),
            Msg::WrongType {
                field: "slogans".into(),
                expected: Expected::Mapping,
            },
        );
        return None;
    };
    let mut f = Fields::new(doc, map, Some(line));
    f.reject_unknown(KNOWN);
    let id = f.string("id");
    let campaign = f.string("campaign").map(|c| (c, f.loc("campaign")));
    let mut translations = translations(&mut f, config);
    let text = text(&mut f, config, &mut translations);
    let has_text = f.get("text").is_some();
    let shape_error = !f.problems.is_empty();
    problems.extend(f.problems);
    let text = match text {
        Some(text) => text,
        // The text in the default language may stand in `translations`.
        None if !has_text => match translations.remove(&config.default_language) {
            Some(text) => text,
            None if shape_error => return None,
            None => {
                problems.error(
                    doc.at(line, 1),
                    Msg::MissingField {
                        field: "text".into(),
                    },
                );
                return None;
            }
        },
        None => return None,
    };
    Some(Slogan {
        id: id.map(|i| slugify(&i)).unwrap_or_else(|| slugify(&text)),
        campaign,
        text,
        translations,
    })
}

/// `text:` one text, or a map of language → text whose other languages
/// join `translations`; `None` after a problem, reported once.
fn text(
    f: &mut Fields,
    config: &Config,
    translations: &mut BTreeMap<String, String>,
) -> Option<String> {
    let value = f.get("text")?;
    if let Some(text) = scalar_text(value) {
        return Some(text);
    }
    let loc = f.loc("text");
    let default = config.default_language.clone();
    let Value::Mapping(map) = value else {
        let example = per_language(config, &shapes::texts(value));
        f.problems.push(Diagnostic::error(
            loc,
            Msg::WrongShape {
                field: "text".into(),
                shape: Shape::SloganText,
                example: format!("text: {example}"),
            },
        ));
        return None;
    };
    let mut texts = BTreeMap::new();
    for (k, v) in map {
        let (Some(code), Some(t)) = (scalar_text(k), scalar_text(v)) else {
            let example = per_language(config, &shapes::texts(value));
            f.problems.push(Diagnostic::error(
                loc.clone(),
                Msg::WrongShape {
                    field: "text".into(),
                    shape: Shape::SloganText,
                    example: format!("text: {example}"),
                },
            ));
            return None;
        };
        if !config.is_language(&code) {
            f.problems.push(Diagnostic::error(
                loc.clone(),
                Msg::LanguageNotConfigured { code },
            ));
            return None;
        }
        if translations.contains_key(&code) {
            f.problems.push(Diagnostic::error(
                f.loc("translations"),
                Msg::TranslationTwice { code },
            ));
            return None;
        }
        texts.insert(code, t);
    }
    let Some(text) = texts.remove(&default) else {
        let entries = std::iter::once((default.as_str(), "…".to_string()))
            .chain(texts.iter().map(|(c, t)| (c.as_str(), shapes::scalar(t))));
        f.problems.push(Diagnostic::error(
            loc,
            Msg::NoDefaultText {
                code: default.clone(),
                example: format!("text: {}", shapes::map(entries)),
            },
        ));
        return None;
    };
    translations.extend(texts);
    Some(text)
}

/// `{vi: …, en: …}`: the texts written, given to the site's languages in order.
fn per_language(config: &Config, texts: &[String]) -> String {
    shapes::map(
        config
            .languages
            .iter()
            .zip(texts)
            .map(|(l, t)| (l.code.as_str(), shapes::scalar(t))),
    )
}

/// `translations:` a text for each of the site's languages.
fn translations(f: &mut Fields, config: &Config) -> BTreeMap<String, String> {
    let mut translations = BTreeMap::new();
    let tloc = f.loc("translations");
    let m = match f.get("translations") {
        None => return translations,
        Some(Value::Mapping(m)) => m,
        Some(other) => {
            let others: Vec<&str> = config
                .languages
                .iter()
                .skip(1)
                .map(|l| l.code.as_str())
                .collect();
            let texts = shapes::texts(other);
            let entries = others
                .into_iter()
                .zip(texts.iter())
                .map(|(c, t)| (c, shapes::scalar(t)));
            f.problems.push(Diagnostic::error(
                tloc,
                Msg::WrongShape {
                    field: "translations".into(),
                    shape: Shape::Translations,
                    example: format!("translations: {}", shapes::map(entries)),
                },
            ));
            return translations;
        }
    };
    for (k, v) in m {
        let (Some(code), Some(t)) = (scalar_text(k), scalar_text(v)) else {
            f.problems.push(Diagnostic::error(
                tloc.clone(),
                Msg::WrongType {
                    field: "translations".into(),
                    expected: Expected::Mapping,
                },
            ));
            continue;
        };
        if !config.is_language(&code) {
            f.problems.push(Diagnostic::error(
                tloc.clone(),
                Msg::LanguageNotConfigured { code },
            ));
            continue;
        }
        translations.insert(code, t);
    }
    translations
}
