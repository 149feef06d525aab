//! What is missing or out of date in each language: pages, slogans and
//! interface texts, for `loa check --translations` and the staff page.
//! Data only: the terminal's words are in the command line (`cli/check.rs`,
//! with the catalogue's headings), the page's in the theme.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{NodeKind, Site};

#[derive(Debug, Serialize)]
pub struct Report {
    pub languages: Vec<LanguageReport>,
}

#[derive(Debug, Serialize)]
pub struct LanguageReport {
    pub code: String,
    pub name: String,
    /// Pages with no translation: the original file and its address.
    pub missing_pages: Vec<PageRef>,
    /// Translations older than their original.
    pub outdated: Vec<Outdated>,
    /// Slogans without a text in this language, by id.
    pub missing_slogans: Vec<String>,
    /// Interface texts shown in the default language instead.
    pub missing_strings: Vec<String>,
    pub translated_pages: usize,
    pub total_pages: usize,
}

#[derive(Debug, Serialize)]
pub struct PageRef {
    pub file: String,
    pub url: String,
    pub title: String,
}

#[derive(Debug, Serialize)]
pub struct Outdated {
    pub file: String,
    pub original: String,
    /// The original's `updated` (or `date`).
    pub original_date: String,
    /// The translation's `updated` (or `date`), `None` when it has none.
    pub translation_date: Option<String>,
}

/// `strings[lang]` are the interface texts each language defines itself.
pub fn report(site: &Site, strings: &BTreeMap<String, Vec<String>>) -> Report {
    let default = site.default_lang();
    let all_keys = strings.get(default).cloned().unwrap_or_default();
    let languages = site
        .config
        .languages
        .iter()
        .filter(|l| l.code != default)
        .map(|l| {
            let mut r = LanguageReport {
                code: l.code.clone(),
                name: l.name.clone(),
                missing_pages: Vec::new(),
                outdated: Vec::new(),
                missing_slogans: Vec::new(),
                missing_strings: Vec::new(),
                translated_pages: 0,
                total_pages: 0,
            };
            for node in &site.nodes {
                let Some(original) = node.versions.get(default) else {
                    continue;
                };
                if node.kind == NodeKind::Home && node.versions.is_empty() {
                    continue;
                }
                r.total_pages += 1;
                match node.versions.get(&l.code) {
                    None => r.missing_pages.push(PageRef {
                        file: format!("content/{}", original.rel),
                        url: site.config.base_url.path_of(&node.paths[default]),
                        title: original.front.title.clone().unwrap_or_default(),
                    }),
                    Some(t) => {
                        r.translated_pages += 1;
                        let when = |v: &super::Version| {
                            v.front
                                .updated
                                .as_ref()
                                .or(v.front.date.as_ref())
                                .map(|d| d.rfc3339())
                        };
                        let (o, tr) = (when(original), when(t));
                        if let Some(o) = o {
                            if tr.as_ref().is_none_or(|tr| *tr < o) {
                                r.outdated.push(Outdated {
                                    file: format!("content/{}", t.rel),
                                    original: format!("content/{}", original.rel),
                                    original_date: o[..10].to_string(),
                                    translation_date: tr.map(|d| d[..10].to_string()),
                                });
                            }
                        }
                    }
                }
            }
            r.missing_slogans = site
                .slogans
                .iter()
                .filter(|s| !s.translations.contains_key(&l.code))
                .map(|s| s.id.clone())
                .collect();
            let own = strings.get(&l.code);
            r.missing_strings = all_keys
                .iter()
                .filter(|k| own.is_none_or(|o| !o.contains(k)))
                .cloned()
                .collect();
            r
        })
        .collect();
    Report { languages }
}
