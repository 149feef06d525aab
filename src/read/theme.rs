//! The theme: the default one compiled into the binary, and a site's own
//! files under `ROOT/themes/<name>/` that replace any of its files. Every
//! file of a site's theme is read here; rendering uses the bytes read.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use include_dir::{include_dir, Dir};
use serde_yaml::Value;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostics, Location};
use crate::messages::{Expected, Msg};
use crate::read::yaml::YamlDoc;

static DEFAULT_THEME: Dir = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A theme file and its contents.
#[derive(Debug, Clone)]
pub enum Source {
    BuiltIn(&'static [u8]),
    /// A file of the site's theme: its bytes, or why they could not be read.
    File {
        path: PathBuf,
        bytes: Result<Arc<[u8]>, String>,
    },
}

impl Source {
    /// Reads a file of the site's theme.
    fn file(path: PathBuf) -> Source {
        let bytes = std::fs::read(&path)
            .map(Arc::from)
            .map_err(|e| e.to_string());
        Source::File { path, bytes }
    }

    /// The contents, as read when the theme was loaded; the error is the
    /// one reading the file met.
    pub fn read(&self) -> std::io::Result<Cow<'static, [u8]>> {
        match self {
            Source::BuiltIn(b) => Ok(Cow::Borrowed(b)),
            Source::File { bytes: Ok(b), .. } => Ok(Cow::Owned(b.to_vec())),
            Source::File { bytes: Err(e), .. } => Err(std::io::Error::other(e.clone())),
        }
    }

    /// Where to point diagnostics.
    pub fn location_path(&self, rel: &str) -> PathBuf {
        match self {
            Source::BuiltIn(_) => PathBuf::from(format!("(built-in) themes/default/{rel}")),
            Source::File { path, .. } => path.clone(),
        }
    }
}

pub struct Theme {
    /// `templates/…` relative name (`page.html`, `partials/nav.html`) → source.
    pub templates: BTreeMap<String, Source>,
    /// Output path (`css/loa.css`) → source.
    pub static_files: BTreeMap<String, Source>,
    /// Fonts the share images are drawn with (`NotoSans-Bold.ttf`) → source.
    pub fonts: BTreeMap<String, Source>,
    /// Language → UI strings.
    pub strings: BTreeMap<String, BTreeMap<String, String>>,
    /// Language → the strings file that has the last word (the site's own, or the built-in one).
    pub string_files: BTreeMap<String, Source>,
}

impl Theme {
    /// UI strings for a language: its own over the default language's over English.
    pub fn strings_for(&self, lang: &str, default: &str) -> BTreeMap<String, String> {
        let mut out = self.strings.get("en").cloned().unwrap_or_default();
        for l in [default, lang] {
            if let Some(s) = self.strings.get(l) {
                out.extend(s.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
        }
        out
    }

    /// Built-in files first, so that the site's replace them (templates,
    /// static files) or extend them string by string (i18n).
    fn add(&mut self, rel: &str, source: Source, problems: &mut Diagnostics) {
        if let Some(t) = rel.strip_prefix("templates/") {
            self.templates.insert(t.to_string(), source);
        } else if let Some(s) = rel.strip_prefix("static/") {
            if let (Source::File { path, bytes: Ok(b) }, true) = (&source, s.ends_with(".css")) {
                super::resources::check_stylesheet(path, &String::from_utf8_lossy(b), problems);
            }
            self.static_files.insert(s.to_string(), source);
        } else if let Some(f) = rel.strip_prefix("fonts/") {
            self.fonts.insert(f.to_string(), source);
        } else if let Some(lang) = rel
            .strip_prefix("i18n/")
            .and_then(|f| f.strip_suffix(".yaml"))
        {
            self.string_files.insert(lang.to_string(), source.clone());
            if let Some(strings) = read_strings(&source, rel, problems) {
                // A site's file overrides strings one by one.
                self.strings
                    .entry(lang.to_string())
                    .or_default()
                    .extend(strings);
            }
        }
    }
}

/// The default theme with the files of the site's theme `name` over it.
pub fn load(root: &Path, name: &str, problems: &mut Diagnostics) -> Theme {
    let mut builtin: BTreeMap<String, Source> = BTreeMap::new();
    collect_builtin(&DEFAULT_THEME, &mut builtin);
    let mut theme = Theme {
        templates: BTreeMap::new(),
        static_files: BTreeMap::new(),
        fonts: BTreeMap::new(),
        strings: BTreeMap::new(),
        string_files: BTreeMap::new(),
    };
    for (rel, source) in builtin {
        theme.add(&rel, source, problems);
    }
    for (rel, path) in own_files(&root.join("themes").join(name)) {
        if is_theme_file(&rel) {
            theme.add(&rel, Source::file(path), problems);
        }
    }
    theme
}

/// The files of a site's theme folder by their path inside it, in order.
fn own_files(dir: &Path) -> BTreeMap<String, PathBuf> {
    let mut own = BTreeMap::new();
    if !dir.is_dir() {
        return own;
    }
    for entry in WalkDir::new(dir).sort_by_file_name().into_iter().flatten() {
        if !entry.file_type().is_file() {
            continue;
        }
        if let Ok(rel) = entry.path().strip_prefix(dir) {
            let rel = rel.to_string_lossy().replace('\\', "/");
            own.insert(rel, entry.path().to_path_buf());
        }
    }
    own
}

/// The files a theme is made of; any other file of its folder is not read.
fn is_theme_file(rel: &str) -> bool {
    ["templates/", "static/", "fonts/"]
        .iter()
        .any(|dir| rel.starts_with(dir))
        || rel.starts_with("i18n/") && rel.ends_with(".yaml")
}

fn collect_builtin(dir: &'static Dir<'static>, out: &mut BTreeMap<String, Source>) {
    for file in dir.files() {
        out.insert(
            file.path().to_string_lossy().replace('\\', "/"),
            Source::BuiltIn(file.contents()),
        );
    }
    for sub in dir.dirs() {
        collect_builtin(sub, out);
    }
}

/// The UI strings of an `i18n/<lang>.yaml`: a mapping of keys to texts.
fn read_strings(
    source: &Source,
    rel: &str,
    problems: &mut Diagnostics,
) -> Option<BTreeMap<String, String>> {
    let path = source.location_path(rel);
    let bytes = match source.read() {
        Ok(bytes) => bytes.into_owned(),
        Err(e) => {
            problems.error(
                Location::file(&path),
                Msg::ReadFailed {
                    detail: e.to_string(),
                },
            );
            return None;
        }
    };
    let text = super::text::decode(bytes, &path, problems)?;
    let doc = YamlDoc {
        path: &path,
        text: &text,
        first_line: 1,
    };
    strings(&doc, problems)
}

/// The mapping of a strings file; its first problem ends the reading.
fn strings(doc: &YamlDoc, problems: &mut Diagnostics) -> Option<BTreeMap<String, String>> {
    let map = match doc.parse() {
        Ok(Value::Mapping(map)) => map,
        Ok(_) => {
            problems.error(doc.at(1, 1), Msg::FrontMatterNotMapping);
            return None;
        }
        Err(d) => {
            problems.push(d);
            return None;
        }
    };
    let mut out = BTreeMap::new();
    for (k, v) in map {
        match (k, v) {
            (Value::String(k), Value::String(v)) => {
                out.insert(k, v);
            }
            (Value::String(k), _) => {
                let at = doc.key(&k, None);
                problems.error(
                    at,
                    Msg::WrongType {
                        field: k,
                        expected: Expected::Text,
                    },
                );
                return None;
            }
            _ => {
                problems.error(doc.at(1, 1), Msg::FrontMatterNotMapping);
                return None;
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sites_files_replace_or_extend_the_default_theme() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("themes/mine");
        for sub in ["templates", "i18n", "static/css", "notes"] {
            std::fs::create_dir_all(dir.join(sub)).unwrap();
        }
        std::fs::write(dir.join("templates/page.html"), "<p>{{ page }}</p>").unwrap();
        std::fs::write(dir.join("i18n/en.yaml"), "home: \"Start\"\n").unwrap();
        std::fs::write(dir.join("i18n/km.yaml"), b"home: \"\xff\"\n").unwrap();
        std::fs::write(dir.join("static/css/own.css"), "a{}").unwrap();
        std::fs::write(dir.join("notes/todo.txt"), "not a theme file").unwrap();

        let mut problems = Diagnostics::new();
        let theme = load(root.path(), "mine", &mut problems);

        let page = theme.templates["page.html"].read().unwrap();
        assert_eq!(&page[..], b"<p>{{ page }}</p>");
        assert!(matches!(theme.templates["base.html"], Source::BuiltIn(_)));
        assert_eq!(
            &theme.static_files["css/own.css"].read().unwrap()[..],
            b"a{}"
        );
        // One string replaced, the others kept.
        assert_eq!(theme.strings["en"]["home"], "Start");
        assert_eq!(theme.strings["en"]["menu"], "Main menu");
        // A strings file that is not UTF-8 is one error at it; the built-in
        // strings of its language stay.
        let found: Vec<_> = problems.iter().collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].msg.code(), "E0305");
        assert_eq!(found[0].location.path, dir.join("i18n/km.yaml"));
        assert!(theme.strings["km"].contains_key("home"));
        assert_eq!(
            theme.string_files["km"].location_path("x"),
            dir.join("i18n/km.yaml")
        );
    }

    #[test]
    fn a_file_that_could_not_be_read_says_why_when_used() {
        let source = Source::file(PathBuf::from("/nonexistent/loa/page.html"));
        let e = source.read().unwrap_err();
        let direct = std::fs::read("/nonexistent/loa/page.html").unwrap_err();
        assert_eq!(e.to_string(), direct.to_string());
    }
}
