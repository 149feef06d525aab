//! Tera templates from the theme, compiled once per build.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;

use tera::{Context, ErrorKind, Kwargs, State, Tera, Value};

use super::fragments;
use super::theme::Theme;
use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::messages::Msg;

pub struct Templates {
    tera: Tera,
    /// Template name → where diagnostics point.
    paths: Paths,
    /// The templates as written, when `tera` holds them minified (else
    /// empty): compiled only when a page fails, to say where in the file it
    /// failed.
    sources: Vec<(String, String)>,
    as_written: OnceLock<Option<Tera>>,
    /// A digest of the templates as written, with their names.
    digest: u128,
}

type Paths = BTreeMap<String, PathBuf>;

impl Templates {
    /// The theme's templates, minified when `minify` is true and they can
    /// be (see [`super::minify::template`]); `None` when a template cannot
    /// be read (even with a warning only, such as a legacy encoding) or
    /// compiled, with its problems.
    pub fn compile(theme: &Theme, minify: bool, problems: &mut Diagnostics) -> Option<Templates> {
        let mut sources = Vec::new();
        let mut paths = BTreeMap::new();
        let mut found = Diagnostics::new();
        for (name, source) in &theme.templates {
            let path = source.location_path(&format!("templates/{name}"));
            match source.read() {
                Ok(bytes) => {
                    let text = crate::read::text::decode(bytes.into_owned(), &path, &mut found);
                    sources.extend(text.map(|text| (name.clone(), text)));
                }
                Err(e) => found.error(
                    Location::file(&path),
                    Msg::ReadFailed {
                        detail: e.to_string(),
                    },
                ),
            }
            paths.insert(name.clone(), path);
        }
        if !found.is_empty() {
            problems.extend(found);
            return None;
        }
        if theme.templates.contains_key(fragments::EVENT_ITEM) {
            sources.push((
                fragments::EVENT_ITEMS.to_string(),
                fragments::event_items_template(),
            ));
            if let Some(path) = paths.get(fragments::EVENT_ITEM).cloned() {
                paths.insert(fragments::EVENT_ITEMS.to_string(), path);
            }
        }
        let digest = crate::digest::kept_hash(&sources);
        // Minified once here, the pages need no minifying (see
        // [`super::minify::template`]); a theme that cannot be has its
        // pages minified one by one.
        let minified: Option<Vec<(String, String)>> = minify
            .then(|| {
                sources
                    .iter()
                    .map(|(n, text)| Some((n.clone(), super::minify::template(text)?)))
                    .collect()
            })
            .flatten();
        let (tera, sources) = match minified.map(tera_of) {
            Some(Ok(tera)) => (tera, sources),
            _ => match tera_of(sources) {
                Ok(tera) => (tera, Vec::new()),
                Err(e) => {
                    problems.extend(errors(&paths, &e, ""));
                    return None;
                }
            },
        };
        Some(Templates {
            tera,
            paths,
            sources,
            as_written: OnceLock::new(),
            digest,
        })
    }

    /// Whether the templates were minified (see [`super::minify::template`]):
    /// then their pages need no minifying.
    pub fn minified(&self) -> bool {
        !self.sources.is_empty()
    }

    /// What makes two builds' templates make the same pages from the same
    /// context: their text, names, and whether they were minified.
    pub fn digest(&self) -> (u128, bool) {
        (self.digest, self.minified())
    }

    pub fn has(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Renders `template` into `out`; a failure is a diagnostic at the
    /// place in the template, as written, where it failed.
    pub fn render_to(
        &self,
        template: &str,
        ctx: &Context,
        out: &mut Vec<u8>,
    ) -> Result<(), Diagnostic> {
        self.tera
            .render_to(template, ctx, &mut *out)
            .map_err(|e| self.failure(template, ctx, e))
    }

    fn failure(&self, template: &str, ctx: &Context, e: tera::Error) -> Diagnostic {
        let as_written = self.as_written.get_or_init(|| {
            self.minified()
                .then(|| tera_of(self.sources.clone()).ok())?
        });
        let e = match as_written {
            Some(tera) => tera.render(template, ctx).err().unwrap_or(e),
            None => e,
        };
        // Never empty: every error is at least one diagnostic.
        let mut found = errors(&self.paths, &e, template);
        found.swap_remove(0)
    }
}

/// `e` at its template's line and column when Tera knows them, else at
/// the start of the template it names, or of `template`. Tera reports
/// some mistakes of a whole theme (an unknown filter or included
/// template) as one text of several reports: one diagnostic each.
fn errors(paths: &Paths, e: &tera::Error, template: &str) -> Vec<Diagnostic> {
    let at = |name: &str, line: usize, column: usize, detail: &str| {
        let path = paths.get(name).cloned();
        let path = path.unwrap_or_else(|| PathBuf::from(name));
        Diagnostic::error(
            Location::new(path, line, column),
            Msg::TemplateError {
                detail: detail.to_string(),
            },
        )
    };
    if let ErrorKind::Msg(text) = e.kind() {
        let found: Vec<Diagnostic> = reports(text)
            .into_iter()
            .map(|(message, name, line, column)| at(name, line, column, message))
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    match e.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            let span = r.span();
            vec![at(
                r.filename(),
                span.start_line,
                span.start_col + 1,
                r.message(),
            )]
        }
        kind => {
            let template = match kind {
                ErrorKind::MissingParent { current: t, .. }
                | ErrorKind::CircularExtend { tpl: t, .. }
                | ErrorKind::CircularInclude { tpl: t, .. } => t.as_str(),
                _ => template,
            };
            let mut detail = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                detail.push_str(": ");
                detail.push_str(&s.to_string());
                source = s.source();
            }
            vec![at(template, 1, 1, &detail)]
        }
    }
}

/// The reports in a text of Tera's, each `error: MESSAGE` then
/// ` --> NAME:LINE:COLUMN`, as (message, name, line, column).
fn reports(text: &str) -> Vec<(&str, &str, usize, usize)> {
    let mut found = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(message) = line.strip_prefix("error: ") else {
            continue;
        };
        let place = lines
            .next()
            .and_then(|l| l.trim_start().strip_prefix("--> "));
        let mut parts = place.unwrap_or_default().rsplitn(3, ':');
        let (column, line, name) = (parts.next(), parts.next(), parts.next());
        let number = |n: Option<&str>| n.and_then(|n| n.parse::<usize>().ok());
        if let (Some(name), Some(line), Some(column)) = (name, number(line), number(column)) {
            found.push((message, name, line, column));
        }
    }
    found
}

fn tera_of(templates: Vec<(String, String)>) -> tera::TeraResult<Tera> {
    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    tera.set_escape_fn(escape_to);
    tera.register_filter("filter", filter);
    tera.register_filter("group_by", group_by);
    tera.add_raw_templates(templates)?;
    Ok(tera)
}

/// Tera 1's `filter`, which Tera 2 left out and themes use: the items of an
/// array whose `attribute` is `value` (or, without `value`, is not null).
fn filter(items: &[Value], kwargs: Kwargs, _: &State) -> tera::TeraResult<Vec<Value>> {
    let attribute: &str = kwargs.must_get("attribute")?;
    let value: Option<Value> = kwargs.get("value")?;
    Ok(items
        .iter()
        .filter(|item| match (item.get_from_path(attribute), &value) {
            (Some(found), Some(v)) => found == v,
            (Some(found), None) => !found.is_none() && !found.is_undefined(),
            (None, _) => false,
        })
        .cloned()
        .collect())
}

/// Tera's `group_by`: the items of an array by the value of their
/// `attribute` (items where it is null left out), the groups in the order
/// of their first items. Tera 2's own gives them in the order of a hash map
/// seeded anew by each run: two builds would not write the same page.
fn group_by(items: &[Value], kwargs: Kwargs, _: &State) -> tera::TeraResult<tera::Map> {
    let attribute: &str = kwargs.must_get("attribute")?;
    // Each key's place in `groups` is its group's in `members`.
    let mut groups = tera::Map::new();
    let mut members: Vec<Vec<Value>> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(found) = item.get_from_path(attribute) else {
            return Err(tera::Error::message(format!(
                "item {i} (a {}) has no `{attribute}` to group by",
                item.name()
            )));
        };
        if found.is_none() {
            continue;
        }
        let Some(key) = key_of(found) else {
            return Err(tera::Error::message(format!(
                "`{attribute}` of item {i} is a {}: items are grouped by a text, a number or true/false",
                found.name()
            )));
        };
        match groups.get_index_of(&key).and_then(|at| members.get_mut(at)) {
            Some(group) => group.push(item.clone()),
            None => {
                groups.insert(key, Value::none());
                members.push(vec![item.clone()]);
            }
        }
    }
    for (value, group) in groups.values_mut().zip(members) {
        *value = Value::from(group);
    }
    Ok(groups)
}

/// A map's key for `value`, as Tera makes one.
fn key_of(value: &Value) -> Option<tera::value::Key<'static>> {
    use tera::value::Key;
    if let Some(b) = value.as_bool() {
        Some(Key::Bool(b))
    } else if let Some(s) = value.as_str() {
        Some(Key::from(s.to_string()))
    } else if value.is_u64() {
        value.as_u64().map(Key::U64)
    } else if value.is_i64() {
        value.as_i64().map(Key::I64)
    } else if value.is_u128() {
        value.as_u128().map(Key::U128)
    } else if value.is_i128() {
        value.as_i128().map(Key::I128)
    } else {
        None
    }
}

/// Escapes what HTML and XML require (`& < > " '`), and
/// [`super::minify::MARK`]. Tera 1 also wrote every `/` as `&#x2F;`: six
/// bytes for each slash of each link.
pub(crate) fn escape_to(text: &str, out: &mut dyn Write) -> std::io::Result<()> {
    /// The bytes that may need an entity. Most values have none: a table
    /// lookup a byte finds the first, or none.
    const SPECIAL: [bool; 256] = {
        let mut special = [false; 256];
        let mut i = 0;
        while i < 6 {
            special[[b'&', b'<', b'>', b'"', b'\'', 0xEE][i] as usize] = true;
            i += 1;
        }
        special
    };
    let bytes = text.as_bytes();
    let Some(first) = bytes.iter().position(|b| SPECIAL[usize::from(*b)]) else {
        return out.write_all(bytes);
    };
    let mut done = 0;
    for (i, byte) in bytes.iter().copied().enumerate().skip(first) {
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
        out.write_all(&text.as_bytes()[done..i])?;
        out.write_all(entity.as_bytes())?;
        done = i + len;
    }
    out.write_all(&text.as_bytes()[done..])
}

#[cfg(test)]
mod tests {
    fn escape(text: &str) -> String {
        let mut out = Vec::new();
        super::escape_to(text, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_markup_but_not_slashes() {
        assert_eq!(
            escape(r#"<a href="/x/?a=1&b='2'">"#),
            "&lt;a href=&quot;/x/?a=1&amp;b=&#x27;2&#x27;&quot;&gt;"
        );
        assert_eq!(escape("Cần Thơ / ស្រុក"), "Cần Thơ / ស្រុក");
        assert_eq!(escape("a\u{E005}b\u{E004}"), "a&#xE005;b\u{E004}");
        assert_eq!(escape("Tô & Hà's"), "Tô &amp; Hà&#x27;s");
    }

    #[test]
    fn filter_keeps_tera_1_meaning() {
        let mut tera = super::tera_of(vec![(
            "t.html".into(),
            "{% for h in toc | filter(attribute=\"level\", value=2) %}{{ h.id }} {% endfor %}|\
             {% for h in toc | filter(attribute=\"id\") %}{{ h.level }}{% endfor %}"
                .into(),
        )])
        .unwrap();
        tera.autoescape_on(Vec::<&str>::new());
        let mut ctx = tera::Context::new();
        let toc = serde_json::json!([
            {"level": 2, "id": "a"}, {"level": 3, "id": "b"}, {"level": 2, "id": null}
        ]);
        ctx.insert("toc", &toc);
        assert_eq!(tera.render("t.html", &ctx).unwrap(), "a  |23");
    }

    /// Groups come in the order of their first items, in every run (Tera
    /// 2's own `group_by` gives a hash map's order, seeded by each run).
    #[test]
    fn group_by_keeps_the_order_of_first_items() {
        let tera = super::tera_of(vec![(
            "t.html".into(),
            "{% for k, g in pages | group_by(attribute=\"ward\") %}{{ k }}={{ g | length }} {% endfor %}"
                .into(),
        )])
        .unwrap();
        // Forty wards, each first met in an order no hash gives.
        let wards: Vec<String> = (0..40).map(|i| format!("w{}", (i * 17) % 40)).collect();
        let mut pages: Vec<serde_json::Value> = wards
            .iter()
            .flat_map(|w| {
                [
                    serde_json::json!({"ward": w}),
                    serde_json::json!({"ward": w}),
                ]
            })
            .collect();
        pages.insert(3, serde_json::json!({"ward": null}));
        let mut ctx = tera::Context::new();
        ctx.insert("pages", &pages);
        let expected: String = wards.iter().map(|w| format!("{w}=2 ")).collect();
        assert_eq!(tera.render("t.html", &ctx).unwrap(), expected);

        // Numbers and true/false group too; an item without the attribute
        // is a mistake of the template, said as such.
        let mut ctx = tera::Context::new();
        ctx.insert(
            "pages",
            &serde_json::json!([{"ward": 2}, {"ward": true}, {"ward": 2}]),
        );
        assert_eq!(tera.render("t.html", &ctx).unwrap(), "2=2 true=1 ");
        let mut ctx = tera::Context::new();
        ctx.insert("pages", &serde_json::json!([{"ward": 2}, {"name": "x"}]));
        let err = format!("{:?}", tera.render("t.html", &ctx).unwrap_err());
        assert!(err.contains("item 1 (a map/struct) has no `ward`"), "{err}");
    }
}
