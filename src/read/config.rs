//! `content/site.yaml`: the site's title, address, languages and theme.

use std::path::Path;

use jiff::tz::TimeZone;
use serde_yaml::Value;

use super::yaml::{Fields, YamlDoc};
use crate::diagnostic::{Diagnostic, Location};
use crate::messages::{Expected, Msg};

pub const DEFAULT_TIMEZONE: &str = "Asia/Ho_Chi_Minh";

#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    pub description: Option<String>,
    pub base_url: BaseUrl,
    pub default_language: String,
    /// The default language first, then the others in the order written.
    pub languages: Vec<Language>,
    pub timezone: TimeZone,
    pub timezone_name: String,
    pub organization: Option<String>,
    pub theme: String,
    pub extra: serde_json::Value,
    /// Hosts whose pages may be embedded with `<iframe>` in Markdown
    /// (`www.youtube-nocookie.com`); no other iframe is kept.
    pub iframe_hosts: Vec<String>,
    /// Images larger than this (KB) are a warning: phones on slow links.
    pub max_image_kb: u64,
    /// Other files (PDFs, audio) larger than this (KB) are a warning.
    pub max_file_kb: u64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Language {
    pub code: String,
    /// The language's name in its own script.
    pub name: String,
    pub title: Option<String>,
    pub description: Option<String>,
    /// A font family for text in this language, e.g. `"Noto Sans Khmer"`.
    pub font: Option<String>,
}

impl Config {
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    pub fn is_language(&self, code: &str) -> bool {
        self.language(code).is_some()
    }

    pub fn title_in(&self, lang: &str) -> &str {
        self.language(lang)
            .and_then(|l| l.title.as_deref())
            .unwrap_or(&self.title)
    }

    pub fn description_in(&self, lang: &str) -> Option<&str> {
        self.language(lang)
            .and_then(|l| l.description.as_deref())
            .or(self.description.as_deref())
    }
}

/// The address the site is deployed at, split into origin and path so that
/// every generated link carries the path (`/vneid/guides/…`).
#[derive(Debug, Clone, PartialEq)]
pub struct BaseUrl {
    /// `https://portal.example.gov.vn`
    pub origin: String,
    /// `/vneid/`: starts and ends with `/`.
    pub path: String,
}

impl BaseUrl {
    pub fn parse(value: &str) -> Option<BaseUrl> {
        let value = value.trim();
        let rest = value
            .strip_prefix("https://")
            .or_else(|| value.strip_prefix("http://"))?;
        let scheme_len = value.len() - rest.len();
        if rest.contains(['?', '#', ' ', '\\']) {
            return None;
        }
        let (host, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        if host.is_empty() || host.starts_with(':') {
            return None;
        }
        let mut path = path.to_string();
        while path.contains("//") {
            path = path.replace("//", "/");
        }
        if !path.ends_with('/') {
            path.push('/');
        }
        Some(BaseUrl {
            origin: format!("{}{}", &value[..scheme_len], host),
            path,
        })
    }

    /// The path of a site path (`guides/x/` → `/vneid/guides/x/`).
    pub fn path_of(&self, site_path: &str) -> String {
        format!("{}{}", self.path, site_path.trim_start_matches('/'))
    }

    /// The absolute URL of a site path, for feeds, sitemaps and canonical links.
    pub fn full(&self, site_path: &str) -> String {
        format!("{}{}", self.origin, self.path_of(site_path))
    }
}

const KNOWN: &[&str] = &[
    "title",
    "description",
    "base_url",
    "default_language",
    "languages",
    "timezone",
    "organization",
    "theme",
    "extra",
    "iframe_hosts",
    "max_image_kb",
    "max_file_kb",
];
const LANGUAGE_KNOWN: &[&str] = &["code", "name", "title", "description", "font"];

pub fn config_path(root: &Path) -> std::path::PathBuf {
    root.join("content").join("site.yaml")
}

/// Reads `content/site.yaml`. Returns the configuration when it is usable,
/// and every problem found.
pub fn load(root: &Path, base_url_override: Option<&str>) -> (Option<Config>, Vec<Diagnostic>) {
    let path = config_path(root);
    let text = match std::fs::read(&path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                return (
                    None,
                    vec![Diagnostic::error(Location::file(&path), Msg::NotUtf8)],
                )
            }
        },
        Err(_) => {
            return (
                None,
                vec![Diagnostic::error(Location::file(&path), Msg::ConfigMissing)],
            )
        }
    };
    let text = crate::read::text::normalize(&text);
    let doc = YamlDoc {
        path: &path,
        text: &text,
        first_line: 1,
    };
    parse(&doc, root, base_url_override)
}

fn parse(
    doc: &YamlDoc,
    root: &Path,
    base_url_override: Option<&str>,
) -> (Option<Config>, Vec<Diagnostic>) {
    let value = match doc.parse() {
        Ok(v) => v,
        Err(d) => return (None, vec![d]),
    };
    let Value::Mapping(map) = &value else {
        return (
            None,
            vec![Diagnostic::error(doc.at(1, 1), Msg::FrontMatterNotMapping)],
        );
    };
    let mut f = Fields::new(doc, map, None);
    f.reject_unknown(KNOWN);

    let title = f.string("title");
    if title.is_none() && f.get("title").is_none() {
        f.problems.push(Diagnostic::error(
            doc.at(1, 1),
            Msg::MissingField {
                field: "title".into(),
            },
        ));
    }
    let description = f.string("description");
    let organization = f.string("organization");

    let base_url = match base_url_override {
        Some(v) => BaseUrl::parse(v).or_else(|| {
            f.problems.push(Diagnostic::error(
                Location::new("--base-url", 1, 1),
                Msg::BadBaseUrl { value: v.into() },
            ));
            None
        }),
        None => match f.string("base_url") {
            Some(v) => BaseUrl::parse(&v).or_else(|| {
                let loc = f.loc("base_url");
                f.problems
                    .push(Diagnostic::error(loc, Msg::BadBaseUrl { value: v }));
                None
            }),
            None => {
                if f.get("base_url").is_none() {
                    f.problems.push(Diagnostic::error(
                        doc.at(1, 1),
                        Msg::MissingField {
                            field: "base_url".into(),
                        },
                    ));
                }
                None
            }
        },
    };

    let default_language = f.string("default_language").unwrap_or_else(|| "vi".into());
    let mut languages = read_languages(&mut f);
    if languages.is_empty() {
        languages.push(Language {
            code: default_language.clone(),
            name: native_name(&default_language),
            title: None,
            description: None,
            font: None,
        });
    }
    match languages.iter().position(|l| l.code == default_language) {
        Some(i) => {
            let first = languages.remove(i);
            languages.insert(0, first);
        }
        None => {
            let loc = f.loc("default_language");
            f.problems.push(Diagnostic::error(
                loc,
                Msg::DefaultLanguageNotListed {
                    code: default_language.clone(),
                },
            ));
        }
    }

    let timezone_name = f
        .string("timezone")
        .unwrap_or_else(|| DEFAULT_TIMEZONE.into());
    let timezone = match TimeZone::get(&timezone_name) {
        Ok(tz) => Some(tz),
        Err(_) => {
            let loc = f.loc("timezone");
            f.problems.push(Diagnostic::error(
                loc,
                Msg::UnknownTimezone {
                    value: timezone_name.clone(),
                },
            ));
            None
        }
    };

    let theme = f.string("theme").unwrap_or_else(|| "default".into());
    if theme != "default" && !root.join("themes").join(&theme).is_dir() {
        let loc = f.loc("theme");
        f.problems.push(Diagnostic::error(
            loc,
            Msg::ThemeNotFound {
                name: theme.clone(),
            },
        ));
    }
    let iframe_hosts = f
        .string_list("iframe_hosts")
        .into_iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let size = |f: &mut Fields, key: &str, default: u64| {
        f.integer(key)
            .and_then(|n| u64::try_from(n).ok())
            .unwrap_or(default)
    };
    let max_image_kb = size(&mut f, "max_image_kb", 300);
    let max_file_kb = size(&mut f, "max_file_kb", 5 * 1024);
    let extra = f
        .mapping("extra")
        .map(|m| serde_json::to_value(m).unwrap_or(serde_json::Value::Null))
        .unwrap_or_else(|| serde_json::json!({}));

    let problems = f.problems;
    let ok = !problems
        .iter()
        .any(|d| d.severity == crate::diagnostic::Severity::Error);
    let config = match (ok, title, base_url, timezone) {
        (true, Some(title), Some(base_url), Some(timezone)) => Some(Config {
            title,
            description,
            base_url,
            default_language,
            languages,
            timezone,
            timezone_name,
            organization,
            theme,
            extra,
            iframe_hosts,
            max_image_kb,
            max_file_kb,
        }),
        _ => None,
    };
    (config, problems)
}

fn read_languages(f: &mut Fields) -> Vec<Language> {
    let Some(value) = f.get("languages") else {
        return Vec::new();
    };
    let Value::Sequence(items) = value else {
        let loc = f.loc("languages");
        f.problems.push(Diagnostic::error(
            loc,
            Msg::WrongType {
                field: "languages".into(),
                expected: Expected::List,
            },
        ));
        return Vec::new();
    };
    let item_lines = f.doc.list_items(Some("languages"));
    let mut out: Vec<Language> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let line = item_lines.get(i).copied();
        let item_loc = line
            .map(|l| f.doc.at(l, 1))
            .unwrap_or_else(|| f.loc("languages"));
        // `- vi` is accepted as `- code: vi`.
        if let Value::String(code) = item {
            push_language(f, &mut out, code.clone(), None, item_loc);
            continue;
        }
        let Value::Mapping(m) = item else {
            f.problems.push(Diagnostic::error(
                item_loc,
                Msg::WrongType {
                    field: "languages".into(),
                    expected: Expected::Mapping,
                },
            ));
            continue;
        };
        let mut lf = Fields::new(f.doc, m, line);
        lf.reject_unknown(LANGUAGE_KNOWN);
        let code = lf.string("code");
        let name = lf.string("name");
        let title = lf.string("title");
        let description = lf.string("description");
        let font = lf.string("font");
        let code_loc = lf.loc("code");
        f.problems.append(&mut lf.problems);
        match code {
            Some(code) => {
                let pushed = push_language(f, &mut out, code, name, code_loc);
                if pushed {
                    if let Some(last) = out.last_mut() {
                        last.title = title;
                        last.description = description;
                        last.font = font;
                    }
                }
            }
            None => f.problems.push(Diagnostic::error(
                item_loc,
                Msg::MissingField {
                    field: "code".into(),
                },
            )),
        }
    }
    out
}

fn push_language(
    f: &mut Fields,
    out: &mut Vec<Language>,
    code: String,
    name: Option<String>,
    loc: Location,
) -> bool {
    if !is_language_code(&code) {
        f.problems
            .push(Diagnostic::error(loc, Msg::BadLanguageCode { code }));
        return false;
    }
    if out.iter().any(|l| l.code == code) {
        f.problems
            .push(Diagnostic::error(loc, Msg::DuplicateLanguage { code }));
        return false;
    }
    out.push(Language {
        name: name.unwrap_or_else(|| native_name(&code)),
        code,
        title: None,
        description: None,
        font: None,
    });
    true
}

/// `vi`, `km`, `en`, `zh-hant`: lower-case letters, optional subtags.
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| {
            !p.is_empty()
                && p.len() <= 8
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn native_name(code: &str) -> String {
    match code {
        "vi" => "Tiếng Việt",
        "en" => "English",
        "km" => "ខ្មែរ",
        "zh" => "中文",
        "fr" => "Français",
        other => other,
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_keeps_its_path() {
        let b = BaseUrl::parse("https://portal.example.gov.vn/vneid").unwrap();
        assert_eq!(b.origin, "https://portal.example.gov.vn");
        assert_eq!(b.path, "/vneid/");
        assert_eq!(b.path_of("guides/x/"), "/vneid/guides/x/");
        assert_eq!(b.full("/"), "https://portal.example.gov.vn/vneid/");
        let root = BaseUrl::parse("http://127.0.0.1:1111").unwrap();
        assert_eq!(root.path, "/");
        assert_eq!(root.path_of("a/"), "/a/");
    }

    #[test]
    fn base_url_rejects_non_urls() {
        for bad in [
            "portal.gov.vn",
            "ftp://x/",
            "https://",
            "https://x/?a=1",
            "/vneid/",
        ] {
            assert!(BaseUrl::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn language_codes() {
        assert!(is_language_code("vi"));
        assert!(is_language_code("zh-hant"));
        assert!(!is_language_code("VI"));
        assert!(!is_language_code("v"));
        assert!(!is_language_code("vi_VN"));
    }
}
