//! Tera templates from the theme, compiled once per build.

use tera::Tera;

use super::theme::Theme;
use crate::diagnostic::{Diagnostic, Location};
use crate::messages::Msg;

pub struct Templates {
    pub tera: Tera,
    /// Whether the templates were minified (see [`super::minify::template`]):
    /// then their pages need no minifying.
    pub minified: bool,
}

impl Templates {
    /// The theme's templates, minified when `minify` is true and they can
    /// be (see [`super::minify::template`]).
    pub fn compile(theme: &Theme, minify: bool) -> Result<Templates, Vec<Diagnostic>> {
        let mut sources = Vec::new();
        let mut problems = Vec::new();
        for (name, source) in &theme.templates {
            let path = source.location_path(&format!("templates/{name}"));
            match source.read().map(|b| String::from_utf8(b.into_owned())) {
                Ok(Ok(text)) => sources.push((name.clone(), text, path)),
                Ok(Err(_)) => problems.push(Diagnostic::error(Location::file(path), Msg::NotUtf8)),
                Err(e) => problems.push(Diagnostic::error(
                    Location::file(path),
                    Msg::ReadFailed {
                        detail: e.to_string(),
                    },
                )),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let event_items = super::fragments::event_items_template();
        let event_items = theme
            .templates
            .contains_key(super::fragments::EVENT_ITEM)
            .then_some((super::fragments::EVENT_ITEMS, event_items.as_str()));
        // Minified once here, the pages need no minifying (see
        // [`super::minify::template`]); a theme that cannot be has its
        // pages minified one by one.
        let minified: Option<Vec<String>> = minify
            .then(|| {
                sources
                    .iter()
                    .map(|(_, text, _)| super::minify::template(text))
                    .collect()
            })
            .flatten();
        if let Some(minified) = &minified {
            let all = sources
                .iter()
                .zip(minified)
                .map(|((n, _, _), t)| (n.as_str(), t.as_str()));
            if let Ok(tera) = tera_of(all.chain(event_items)) {
                return Ok(Templates {
                    tera,
                    minified: true,
                });
            }
        }
        let all = sources.iter().map(|(n, t, _)| (n.as_str(), t.as_str()));
        match tera_of(all.chain(event_items)) {
            Ok(tera) => Ok(Templates {
                tera,
                minified: false,
            }),
            Err(e) => {
                // Find the template at fault by parsing each alone.
                for (name, text, path) in &sources {
                    if let Err(e) = Tera::default().add_raw_template(name, text) {
                        problems.push(template_error(Location::file(path), &e));
                    }
                }
                if problems.is_empty() {
                    let path = sources
                        .first()
                        .map(|(_, _, p)| p.clone())
                        .unwrap_or_default();
                    problems.push(template_error(Location::file(path), &e));
                }
                Err(problems)
            }
        }
    }

    pub fn has(&self, name: &str) -> bool {
        self.tera.get_template_names().any(|n| n == name)
    }
}

fn tera_of<'a>(templates: impl IntoIterator<Item = (&'a str, &'a str)>) -> tera::Result<Tera> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape);
    tera.add_raw_templates(templates)?;
    Ok(tera)
}

/// Escapes what HTML and XML require (`& < > " '`), and
/// [`super::minify::MARK`]. Tera's own escaping also writes every `/` as
/// `&#x2F;`: six bytes for each slash of each link.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut done = 0;
    for (i, byte) in text.bytes().enumerate() {
        let (entity, len) = match byte {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#x27;", 1),
            0xEE if text[i..].starts_with(super::minify::MARK) => {
                (super::minify::MARK_ENTITY, super::minify::MARK.len_utf8())
            }
            _ => continue,
        };
        out.push_str(&text[done..i]);
        out.push_str(entity);
        done = i + len;
    }
    out.push_str(&text[done..]);
    out
}

/// Tera nests the cause of an error; staff need all of it on one line.
pub fn template_error(location: Location, e: &tera::Error) -> Diagnostic {
    let mut detail = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        detail.push_str(": ");
        detail.push_str(&s.to_string());
        source = s.source();
    }
    Diagnostic::error(location, Msg::TemplateError { detail })
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_but_not_slashes() {
        assert_eq!(
            escape(r#"<a href="/x/?a=1&b='2'">"#),
            "&lt;a href=&quot;/x/?a=1&amp;b=&#x27;2&#x27;&quot;&gt;"
        );
        assert_eq!(escape("Cần Thơ / ស្រុក"), "Cần Thơ / ស្រុក");
        assert_eq!(escape("a\u{E005}b\u{E004}"), "a&#xE005;b\u{E004}");
    }
}
