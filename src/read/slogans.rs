//! `content/slogans.yaml`: a list of slogans, each with its translations.
//!
//! ```yaml
//! - id: vi-giay-to-dien-tu
//!   campaign: chon-thanh-cao-diem-can-cuoc-2026
//!   text: "VNeID - Ví giấy tờ điện tử tiện lợi, an toàn, hiện đại!"
//!   translations:
//!     en: "VNeID – a convenient, safe, modern e-wallet for your papers!"
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_yaml::Value;

use super::config::Config;
use super::yaml::{Fields, YamlDoc};
use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::messages::{Expected, Msg};
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
    let text = f.string("text");
    let id = f.string("id");
    let campaign = f.string("campaign").map(|c| (c, f.loc("campaign")));
    let translations = translations(&mut f, config);
    problems.extend(f.problems);
    let Some(text) = text else {
        problems.error(
            doc.at(line, 1),
            Msg::MissingField {
                field: "text".into(),
            },
        );
        return None;
    };
    Some(Slogan {
        id: id.map(|i| slugify(&i)).unwrap_or_else(|| slugify(&text)),
        campaign,
        text,
        translations,
    })
}

/// `translations:` a text for each of the site's languages.
fn translations(f: &mut Fields, config: &Config) -> BTreeMap<String, String> {
    let mut translations = BTreeMap::new();
    let Some(m) = f.mapping("translations") else {
        return translations;
    };
    let tloc = f.loc("translations");
    for (k, v) in m {
        let (Value::String(code), Value::String(t)) = (k, v) else {
            f.problems.push(Diagnostic::error(
                tloc.clone(),
                Msg::WrongType {
                    field: "translations".into(),
                    expected: Expected::Mapping,
                },
            ));
            continue;
        };
        if !config.is_language(code) {
            f.problems.push(Diagnostic::error(
                tloc.clone(),
                Msg::LanguageNotConfigured { code: code.clone() },
            ));
            continue;
        }
        translations.insert(code.clone(), t.clone());
    }
    translations
}
