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
use crate::diagnostic::{Diagnostic, Location};
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

pub fn load(path: &Path, config: &Config) -> (Vec<Slogan>, Vec<Diagnostic>) {
    let text = match std::fs::read(path).map(String::from_utf8) {
        Ok(Ok(t)) => crate::read::text::normalize(&t),
        Ok(Err(_)) => {
            return (
                vec![],
                vec![Diagnostic::error(Location::file(path), Msg::NotUtf8)],
            )
        }
        Err(e) => {
            return (
                vec![],
                vec![Diagnostic::error(
                    Location::file(path),
                    Msg::ReadFailed {
                        detail: e.to_string(),
                    },
                )],
            )
        }
    };
    let doc = YamlDoc {
        path,
        text: &text,
        first_line: 1,
    };
    let value = match doc.parse() {
        Ok(v) => v,
        Err(d) => return (vec![], vec![d]),
    };
    let items = match value {
        Value::Sequence(items) => items,
        Value::Mapping(m) if m.is_empty() => Vec::new(),
        _ => {
            return (
                vec![],
                vec![Diagnostic::error(
                    doc.at(1, 1),
                    Msg::WrongType {
                        field: "slogans".into(),
                        expected: Expected::List,
                    },
                )],
            )
        }
    };
    let lines = doc.list_items(None);
    let mut problems = super::text::lookalikes(path, &text);
    let mut slogans = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, item) in items.iter().enumerate() {
        let line = lines.get(i).copied().unwrap_or(1);
        let Value::Mapping(map) = item else {
            problems.push(Diagnostic::error(
                doc.at(line, 1),
                Msg::WrongType {
                    field: "slogans".into(),
                    expected: Expected::Mapping,
                },
            ));
            continue;
        };
        let mut f = Fields::new(&doc, map, Some(line));
        f.reject_unknown(KNOWN);
        let text = f.string("text");
        let id = f.string("id");
        let campaign = f.string("campaign").map(|c| (c, f.loc("campaign")));
        let mut translations = BTreeMap::new();
        if let Some(m) = f.mapping("translations") {
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
        }
        problems.append(&mut f.problems);
        let Some(text) = text else {
            problems.push(Diagnostic::error(
                doc.at(line, 1),
                Msg::MissingField {
                    field: "text".into(),
                },
            ));
            continue;
        };
        let id = id.map(|i| slugify(&i)).unwrap_or_else(|| slugify(&text));
        if !seen.insert(id.clone()) {
            problems.push(Diagnostic::error(doc.at(line, 1), Msg::DuplicateId { id }));
            continue;
        }
        slogans.push(Slogan {
            id,
            campaign,
            text,
            translations,
        });
    }
    (slogans, problems)
}
