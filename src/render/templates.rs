//! Tera templates from the theme, compiled once per build.

use tera::Tera;

use super::theme::Theme;
use crate::diagnostic::{Diagnostic, Location};
use crate::messages::Msg;

pub struct Templates {
    pub tera: Tera,
}

impl Templates {
    pub fn compile(theme: &Theme) -> Result<Templates, Vec<Diagnostic>> {
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
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape);
        let mut all: Vec<(&str, &str)> = sources
            .iter()
            .map(|(n, t, _)| (n.as_str(), t.as_str()))
            .collect();
        let event_items = super::fragments::event_items_template();
        if theme.templates.contains_key(super::fragments::EVENT_ITEM) {
            all.push((super::fragments::EVENT_ITEMS, &event_items));
        }
        if let Err(e) = tera.add_raw_templates(all) {
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
            return Err(problems);
        }
        Ok(Templates { tera })
    }

    pub fn has(&self, name: &str) -> bool {
        self.tera.get_template_names().any(|n| n == name)
    }
}

/// Escapes what HTML and XML require (`& < > " '`). Tera's own escaping also
/// writes every `/` as `&#x2F;`: six bytes for each slash of each link, which
/// the minifier then had to turn back.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut done = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#x27;",
            _ => continue,
        };
        out.push_str(&text[done..i]);
        out.push_str(entity);
        done = i + 1;
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
    }
}
