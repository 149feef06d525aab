//! `languages` in `site.yaml`, in the two shapes people write: a list
//! (`- code: km` with `name`, `title`, `description`, `font`, or just
//! `- km`), or a map keyed by code as Hugo and Zola write it
//! (`km: {name: ភាសាខ្មែរ, font: …}`, or `km: ភាសាខ្មែរ`, or `km:`).

use serde_yaml::{Mapping, Value};

use super::config::{is_language_code, native_name, Language};
use super::shapes;
use super::yaml::{meant_key, scalar_text, Fields, Nested};
use crate::diagnostic::{Diagnostic, Location};
use crate::messages::{Msg, Shape};

const FIELDS: &[&str] = &[
    "code",
    "name",
    "title",
    "short_title",
    "description",
    "font",
];

/// Names written for a field of a language: Hugo's `languageName` is read
/// as `name`.
const HINTS: &[(&str, &str)] = &[
    ("languageName", "name"),
    ("label", "name"),
    ("lang", "code"),
    ("language", "code"),
    ("languageCode", "code"),
];

/// Reports the keys of one language's mapping it does not take; `prefix`
/// is what comes before its fields in the example (`km: ` or `- `).
fn reject_unknown(lf: &mut Fields, m: &Mapping, within: &str, prefix: &str) {
    let mut fields: Vec<(&str, String)> = Vec::new();
    for (key, value) in m {
        let (Some(key), Some(text)) = (scalar_text(key), scalar_text(value)) else {
            continue;
        };
        let Some(meant) = meant_key(&key, FIELDS, HINTS) else {
            continue;
        };
        if !fields.iter().any(|(f, _)| *f == meant) {
            fields.push((meant, shapes::scalar(&text)));
        }
    }
    lf.reject_unknown_in(&Nested {
        within,
        known: FIELDS,
        // Hugo's: `languageName` is read as `name`; `weight` is not used,
        // the languages are in the order written.
        ignored: &["languageName", "weight"],
        hints: HINTS,
        example: format!("{prefix}{}", shapes::map(fields)),
    });
}

/// The languages as written, in order; problems go to `f.problems`.
pub fn read(f: &mut Fields) -> Vec<Language> {
    let mut out = Vec::new();
    match f.get("languages") {
        None => {}
        Some(Value::Sequence(items)) => from_list(f, items, &mut out),
        Some(Value::Mapping(map)) => {
            let within = f.loc("languages").line;
            for (key, value) in map {
                let code = scalar_text(key).unwrap_or_default();
                let loc = f.doc.key(&code, Some(within));
                by_code(f, &mut out, code, value, loc);
            }
        }
        Some(other) => {
            let example = scalar_example(f, other);
            wrong(
                f,
                f.loc("languages"),
                "languages",
                Shape::Languages,
                example,
            );
        }
    }
    out
}

/// `- code: km` items, `- km` items, and `- km: {name: …}` items.
fn from_list(f: &mut Fields, items: &[Value], out: &mut Vec<Language>) {
    let item_lines = f.doc.list_items(Some("languages"));
    for (i, item) in items.iter().enumerate() {
        let line = item_lines.get(i).copied();
        let item_loc = line.map_or_else(|| f.loc("languages"), |l| f.doc.at(l, 1));
        match item {
            Value::Mapping(m) if m.get("code").is_none() && m.len() == 1 => {
                let (key, value) = m.iter().next().map(|(k, v)| (scalar_text(k), v)).unzip();
                let code = key.flatten().unwrap_or_default();
                by_code(f, out, code, value.unwrap_or(&Value::Null), item_loc);
            }
            Value::Mapping(m) => with_code(f, out, m, line, item_loc),
            other => match scalar_text(other) {
                Some(code) => {
                    push(f, out, code, Language::named(None), item_loc);
                }
                None => {
                    let texts = shapes::texts(other);
                    let (code, example) = item_example(&texts);
                    wrong(f, item_loc, &code, Shape::Language, example);
                }
            },
        }
    }
}

/// `- code: km` with its other fields.
fn with_code(
    f: &mut Fields,
    out: &mut Vec<Language>,
    m: &Mapping,
    line: Option<usize>,
    item_loc: Location,
) {
    let mut lf = Fields::new(f.doc, m, line);
    let within = m
        .get("code")
        .and_then(scalar_text)
        .unwrap_or_else(|| "languages".into());
    reject_unknown(&mut lf, m, &within, "- ");
    let code = lf.string("code");
    let code_loc = lf.loc("code");
    let language = fields(&mut lf);
    f.problems.append(&mut lf.problems);
    match code {
        Some(code) => push(f, out, code, language, code_loc),
        None => f.problems.push(Diagnostic::error(
            item_loc,
            Msg::MissingField {
                field: "code".into(),
            },
        )),
    }
}

/// `km:` followed by nothing, its name, or its fields.
fn by_code(f: &mut Fields, out: &mut Vec<Language>, code: String, value: &Value, loc: Location) {
    let language = match value {
        Value::Null => Language::named(None),
        Value::Mapping(m) => {
            let mut lf = Fields::new(f.doc, m, Some(loc.line));
            reject_unknown(&mut lf, m, &code, &format!("{}: ", shapes::scalar(&code)));
            let same = lf.string("code").is_none_or(|c| c == code);
            let language = fields(&mut lf);
            f.problems.append(&mut lf.problems);
            if !same {
                let example = map_example(&code, &shapes::texts(value));
                return wrong(f, loc, &code, Shape::Language, example);
            }
            language
        }
        other => match scalar_text(other) {
            Some(name) => Language::named(Some(name)),
            None => {
                let example = map_example(&code, &shapes::texts(other));
                return wrong(f, loc, &code, Shape::Language, example);
            }
        },
    };
    push(f, out, code, language, loc);
}

/// `name`, `title`, `short_title`, `description`, `font` of one language.
fn fields(lf: &mut Fields) -> Language {
    Language {
        code: String::new(),
        name: lf
            .string("name")
            .or_else(|| lf.string("languageName"))
            .unwrap_or_default(),
        title: lf.string("title"),
        short_title: lf.string("short_title"),
        description: lf.string("description"),
        font: lf.string("font"),
    }
}

impl Language {
    fn named(name: Option<String>) -> Language {
        Language {
            code: String::new(),
            name: name.unwrap_or_default(),
            title: None,
            short_title: None,
            description: None,
            font: None,
        }
    }
}

/// Adds a language after checking its code; an unnamed one gets its own
/// name in its script when loa knows it.
fn push(f: &mut Fields, out: &mut Vec<Language>, code: String, language: Language, loc: Location) {
    if !is_language_code(&code) {
        f.problems
            .push(Diagnostic::error(loc, Msg::BadLanguageCode { code }));
        return;
    }
    if out.iter().any(|l| l.code == code) {
        f.problems
            .push(Diagnostic::error(loc, Msg::DuplicateLanguage { code }));
        return;
    }
    let name = if language.name.is_empty() {
        native_name(&code)
    } else {
        language.name
    };
    out.push(Language {
        code,
        name,
        ..language
    });
}

fn wrong(f: &mut Fields, loc: Location, field: &str, shape: Shape, example: String) {
    f.problems.push(Diagnostic::error(
        loc,
        Msg::WrongShape {
            field: field.to_string(),
            shape,
            example,
        },
    ));
}

/// `languages: vi, km` (one text): the list of its codes, or the default
/// language named by the text.
fn scalar_example(f: &Fields, value: &Value) -> String {
    let text = shapes::texts(value).join(" ");
    let codes: Vec<&str> = text
        .split([',', ';', ' '])
        .filter(|c| !c.is_empty())
        .collect();
    if !codes.is_empty() && codes.iter().all(|c| is_language_code(c)) {
        return format!("languages: {}", shapes::list(codes));
    }
    let default = f
        .get("default_language")
        .and_then(scalar_text)
        .unwrap_or_else(|| "vi".into());
    format!("languages: {{{}}}", map_example(&default, &[text]))
}

/// `km: {name: …, font: …}` from the texts written for a language.
fn map_example(code: &str, texts: &[String]) -> String {
    let names = ["name", "font"];
    let fields = names
        .iter()
        .zip(texts)
        .map(|(n, t)| (*n, shapes::scalar(t)));
    format!("{}: {}", shapes::scalar(code), shapes::map(fields))
}

/// The code and `- {code: km, name: …}` from the texts of a list item.
fn item_example(texts: &[String]) -> (String, String) {
    let mut fields = vec![];
    let mut rest = texts.iter();
    let code = texts
        .iter()
        .find(|t| is_language_code(t))
        .cloned()
        .unwrap_or_else(|| "vi".into());
    fields.push(("code", shapes::scalar(&code)));
    if let Some(name) = rest.find(|t| **t != code) {
        fields.push(("name", shapes::scalar(name)));
    }
    (code, format!("- {}", shapes::map(fields)))
}
