//! `content/site.yaml`: the site's title, address, languages and theme.

use std::path::Path;

use jiff::tz::TimeZone;
use serde_yaml::Value;

use super::yaml::{Fields, YamlDoc};
use crate::diagnostic::{Diagnostic, Diagnostics, Location, Severity};
use crate::messages::Msg;

pub const DEFAULT_TIMEZONE: &str = "Asia/Ho_Chi_Minh";

#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    /// The name under the icon of the site installed on a phone's home
    /// screen (about 12 letters show); the title when not given.
    pub short_title: Option<String>,
    pub description: Option<String>,
    pub base_url: BaseUrl,
    pub default_language: String,
    /// The default language first, then the others in the order written.
    pub languages: Vec<Language>,
    pub timezone: TimeZone,
    pub timezone_name: String,
    /// The name of the office that runs the site.
    pub organization: Option<String>,
    /// How citizens reach it (`organization:` written as a mapping).
    pub contact: super::organization::Contact,
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
    pub short_title: Option<String>,
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

    /// The short name of the site in `lang`, for a phone's home screen.
    pub fn short_title_in(&self, lang: &str) -> &str {
        self.language(lang)
            .and_then(|l| l.short_title.as_deref())
            .or(self.short_title.as_deref())
            .unwrap_or_else(|| self.title_in(lang))
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
        if host.is_empty() || host.starts_with(':') || host.contains('@') {
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

    /// `value` with its user name and password hidden, when it has any
    /// (`https://user:pass@host/` → `https://***@host/`): they would be
    /// published in every page.
    pub fn hide_credentials(value: &str) -> Option<String> {
        let value = value.trim();
        let start = value.find("://")? + 3;
        let authority_end = value[start..]
            .find(['/', '?', '#', '\\'])
            .map_or(value.len(), |i| start + i);
        let at = value[start..authority_end].rfind('@')? + start;
        Some(format!("{}***{}", &value[..start], &value[at..]))
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
    "short_title",
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

pub fn config_path(root: &Path) -> std::path::PathBuf {
    root.join("content").join("site.yaml")
}

/// Reads `content/site.yaml`. Returns the configuration when it is usable.
pub fn load(
    root: &Path,
    base_url_override: Option<&str>,
    problems: &mut Diagnostics,
) -> Option<Config> {
    let path = config_path(root);
    if !path.is_file() {
        problems.error(Location::file(&path), Msg::ConfigMissing);
        return None;
    }
    let text = super::text::read_text(&path, problems)?;
    let doc = YamlDoc {
        path: &path,
        text: &text,
        first_line: 1,
    };
    parse(&doc, root, base_url_override, problems)
}

fn parse(
    doc: &YamlDoc,
    root: &Path,
    base_url_override: Option<&str>,
    problems: &mut Diagnostics,
) -> Option<Config> {
    let value = match doc.parse() {
        Ok(v) => v,
        Err(d) => {
            problems.push(d);
            return None;
        }
    };
    let Value::Mapping(map) = &value else {
        problems.error(doc.at(1, 1), Msg::FrontMatterNotMapping);
        return None;
    };
    let mut f = Fields::new(doc, map, None);
    f.reject_unknown(KNOWN);
    let title = required(&mut f, "title");
    let short_title = f.string("short_title");
    let description = f.string("description");
    let (organization, contact) = super::organization::read(&mut f);
    let base_url = base_url(&mut f, base_url_override);
    let (default_language, languages) = languages(&mut f);
    let (timezone_name, timezone) = timezone(&mut f);
    let theme = theme(&mut f, root);
    let iframe_hosts = f
        .string_list("iframe_hosts")
        .into_iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let max_image_kb = size_kb(&mut f, "max_image_kb", 300);
    let max_file_kb = size_kb(&mut f, "max_file_kb", 5 * 1024);
    let extra = f
        .mapping("extra")
        .map(|m| serde_json::to_value(m).unwrap_or(serde_json::Value::Null))
        .unwrap_or_else(|| serde_json::json!({}));
    let ok = !f.problems.iter().any(|d| d.severity == Severity::Error);
    problems.extend(f.problems);
    Some(Config {
        title: title.filter(|_| ok)?,
        short_title,
        description,
        base_url: base_url?,
        default_language,
        languages,
        timezone: timezone?,
        timezone_name,
        organization,
        contact,
        theme,
        extra,
        iframe_hosts,
        max_image_kb,
        max_file_kb,
    })
}

/// A text the site cannot do without; missing is an error at the top.
fn required(f: &mut Fields, key: &str) -> Option<String> {
    let value = f.string(key);
    if value.is_none() && f.get(key).is_none() {
        let loc = f.doc.at(1, 1);
        f.problems.push(Diagnostic::error(
            loc,
            Msg::MissingField { field: key.into() },
        ));
    }
    value
}

/// `--base-url` when given, else `base_url`.
fn base_url(f: &mut Fields, base_url_override: Option<&str>) -> Option<BaseUrl> {
    let (value, loc) = match base_url_override {
        Some(v) => (v.to_string(), Location::new("--base-url", 1, 1)),
        None => {
            let v = required(f, "base_url")?;
            (v, f.loc("base_url"))
        }
    };
    let parsed = BaseUrl::parse(&value);
    if parsed.is_none() {
        let msg = match BaseUrl::hide_credentials(&value) {
            Some(value) => Msg::BaseUrlCredentials { value },
            None => Msg::BadBaseUrl { value },
        };
        f.problems.push(Diagnostic::error(loc, msg));
    }
    parsed
}

/// The default language and every language, the default one first.
fn languages(f: &mut Fields) -> (String, Vec<Language>) {
    let default_language = f.string("default_language").unwrap_or_else(|| "vi".into());
    let before = f.problems.len();
    let mut languages = super::languages::read(f);
    // A language written in a shape not accepted was reported once; the
    // default one missing from the list is then no second message.
    let reported = f.problems.len() > before;
    if languages.is_empty() {
        languages.push(Language {
            code: default_language.clone(),
            name: native_name(&default_language),
            title: None,
            short_title: None,
            description: None,
            font: None,
        });
    }
    match languages.iter().position(|l| l.code == default_language) {
        Some(i) => {
            let first = languages.remove(i);
            languages.insert(0, first);
        }
        None if reported => {}
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
    (default_language, languages)
}

/// The time zone's name and the zone, when it is one.
fn timezone(f: &mut Fields) -> (String, Option<TimeZone>) {
    let name = f
        .string("timezone")
        .unwrap_or_else(|| DEFAULT_TIMEZONE.into());
    let zone = TimeZone::get(&name).ok();
    if zone.is_none() {
        let loc = f.loc("timezone");
        f.problems.push(Diagnostic::error(
            loc,
            Msg::UnknownTimezone {
                value: name.clone(),
            },
        ));
    }
    (name, zone)
}

/// The theme's name; a theme other than the default one is a folder of
/// `themes/`, named by its name alone: never a path that leads elsewhere.
fn theme(f: &mut Fields, root: &Path) -> String {
    let theme = f.string("theme").unwrap_or_else(|| "default".into());
    let plain_name = !theme.is_empty()
        && theme != "."
        && theme != ".."
        && !theme.contains(['/', '\\', ':'])
        && !Path::new(&theme).is_absolute();
    if !plain_name {
        let loc = f.loc("theme");
        f.problems.push(Diagnostic::error(
            loc,
            Msg::ThemeOutsideSite {
                name: theme.clone(),
            },
        ));
        return "default".into();
    }
    if theme != "default" && !root.join("themes").join(&theme).is_dir() {
        let loc = f.loc("theme");
        f.problems.push(Diagnostic::error(
            loc,
            Msg::ThemeNotFound {
                name: theme.clone(),
            },
        ));
    }
    theme
}

fn size_kb(f: &mut Fields, key: &str, default: u64) -> u64 {
    let Some(n) = f.integer(key) else {
        return default;
    };
    u64::try_from(n).unwrap_or_else(|_| {
        let loc = f.loc(key);
        f.problems.push(Diagnostic::error(
            loc,
            Msg::NumberOutOfRange {
                number: n.to_string(),
                limit: "0".into(),
                negative: true,
            },
        ));
        default
    })
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

/// The name of a language in its own script, for the languages loa knows.
pub fn native_name(code: &str) -> String {
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
            "https://user:pass@portal.gov.vn/vneid/",
            "https://user@portal.gov.vn",
        ] {
            assert!(BaseUrl::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn credentials_are_hidden() {
        let hide = BaseUrl::hide_credentials;
        assert_eq!(
            hide("https://user:pa@ss@portal.gov.vn/vneid/").as_deref(),
            Some("https://***@portal.gov.vn/vneid/")
        );
        assert_eq!(hide("https://portal.gov.vn/a@b/"), None);
        assert_eq!(hide("portal.gov.vn"), None);
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
