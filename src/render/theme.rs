//! The theme: the default one compiled into the binary, and a site's own
//! files under `ROOT/themes/<name>/` that replace any of its files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use serde_yaml::Value;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Location};
use crate::messages::{Expected, Msg};
use crate::read::yaml::YamlDoc;

static DEFAULT_THEME: Dir = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Where a theme file comes from.
#[derive(Debug, Clone)]
pub enum Source {
    BuiltIn(&'static [u8]),
    File(PathBuf),
}

impl Source {
    pub fn read(&self) -> std::io::Result<std::borrow::Cow<'static, [u8]>> {
        match self {
            Source::BuiltIn(b) => Ok(std::borrow::Cow::Borrowed(b)),
            Source::File(p) => std::fs::read(p).map(std::borrow::Cow::Owned),
        }
    }

    /// Where to point diagnostics.
    pub fn location_path(&self, rel: &str) -> PathBuf {
        match self {
            Source::BuiltIn(_) => PathBuf::from(format!("(built-in) themes/default/{rel}")),
            Source::File(p) => p.clone(),
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
    pub fn load(root: &Path, name: &str) -> (Theme, Vec<Diagnostic>) {
        let mut builtin: BTreeMap<String, Source> = BTreeMap::new();
        collect_builtin(&DEFAULT_THEME, &mut builtin);
        let mut own: BTreeMap<String, Source> = BTreeMap::new();
        let dir = root.join("themes").join(name);
        if dir.is_dir() {
            for entry in WalkDir::new(&dir).sort_by_file_name().into_iter().flatten() {
                if !entry.file_type().is_file() {
                    continue;
                }
                if let Ok(rel) = entry.path().strip_prefix(&dir) {
                    let rel = rel.to_string_lossy().replace('\\', "/");
                    own.insert(rel, Source::File(entry.path().to_path_buf()));
                }
            }
        }
        let mut theme = Theme {
            templates: BTreeMap::new(),
            static_files: BTreeMap::new(),
            fonts: BTreeMap::new(),
            strings: BTreeMap::new(),
            string_files: BTreeMap::new(),
        };
        let mut problems = Vec::new();
        // Built-in files first, so that the site's replace them (templates,
        // static files) or extend them string by string (i18n).
        for (rel, source) in builtin.into_iter().chain(own) {
            if let Some(t) = rel.strip_prefix("templates/") {
                theme.templates.insert(t.to_string(), source);
            } else if let Some(s) = rel.strip_prefix("static/") {
                theme.static_files.insert(s.to_string(), source);
            } else if let Some(f) = rel.strip_prefix("fonts/") {
                theme.fonts.insert(f.to_string(), source);
            } else if let Some(file) = rel.strip_prefix("i18n/") {
                if let Some(lang) = file.strip_suffix(".yaml") {
                    theme.string_files.insert(lang.to_string(), source.clone());
                    match read_strings(&source, &rel) {
                        Ok(strings) => {
                            // A site's file overrides strings one by one.
                            theme
                                .strings
                                .entry(lang.to_string())
                                .or_default()
                                .extend(strings);
                        }
                        Err(d) => problems.push(d),
                    }
                }
            }
        }
        (theme, problems)
    }

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

fn read_strings(source: &Source, rel: &str) -> Result<BTreeMap<String, String>, Diagnostic> {
    let path = source.location_path(rel);
    let bytes = source.read().map_err(|e| {
        Diagnostic::error(
            Location::file(&path),
            Msg::ReadFailed {
                detail: e.to_string(),
            },
        )
    })?;
    let text = String::from_utf8(bytes.into_owned())
        .map_err(|_| Diagnostic::error(Location::file(&path), Msg::NotUtf8))?;
    let text = crate::read::text::normalize(&text);
    let doc = YamlDoc {
        path: &path,
        text: &text,
        first_line: 1,
    };
    let Value::Mapping(map) = doc.parse()? else {
        return Err(Diagnostic::error(doc.at(1, 1), Msg::FrontMatterNotMapping));
    };
    let mut out = BTreeMap::new();
    for (k, v) in map {
        match (k, v) {
            (Value::String(k), Value::String(v)) => {
                out.insert(k, v);
            }
            (Value::String(k), _) => {
                return Err(Diagnostic::error(
                    doc.key(&k, None),
                    Msg::WrongType {
                        field: k,
                        expected: Expected::Text,
                    },
                ))
            }
            _ => return Err(Diagnostic::error(doc.at(1, 1), Msg::FrontMatterNotMapping)),
        }
    }
    Ok(out)
}
