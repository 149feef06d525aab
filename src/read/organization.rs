//! `organization` in `site.yaml`: the office that runs the site, as its
//! name alone (`organization: "Công an phường An Bình"`) or as its name and
//! the ways to reach it, which every page's footer and the home page show.

use serde_yaml::Value;

use super::yaml::{scalar_text, Fields, Nested};
use crate::diagnostic::Diagnostic;
use crate::messages::Msg;

/// The fields of `organization:` written as a mapping, in the order shown.
pub const FIELDS: &[&str] = &["name", "phone", "email", "address", "hours", "website"];

/// Names written for a field of `organization` (Vietnamese ones without
/// marks, as in YAML keys).
const HINTS: &[(&str, &str)] = &[
    ("tel", "phone"),
    ("telephone", "phone"),
    ("phone_number", "phone"),
    ("phonenumber", "phone"),
    ("dien_thoai", "phone"),
    ("sdt", "phone"),
    ("hotline", "phone"),
    ("mail", "email"),
    ("e-mail", "email"),
    ("dia_chi", "address"),
    ("ten", "name"),
    ("gio", "hours"),
    ("opening_hours", "hours"),
    ("web", "website"),
    ("url", "website"),
];

/// How citizens reach the organization; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Contact {
    /// As written (`1022`, `0292 3820 123`).
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    /// When the office answers, in words (`T2–T6, 7:30–17:00`).
    pub hours: Option<String>,
    pub website: Option<String>,
}

impl Contact {
    pub fn is_empty(&self) -> bool {
        *self == Contact::default()
    }
}

/// The organization's name and its contact details. A shape other than a
/// text or a mapping of texts is an error whose fix is the accepted shape
/// filled with the values written.
pub fn read(f: &mut Fields) -> (Option<String>, Contact) {
    let Some(value) = f.get("organization") else {
        return (None, Contact::default());
    };
    if let Some(name) = scalar_text(value) {
        return (Some(name), Contact::default());
    }
    let Value::Mapping(map) = value else {
        wrong_shape(f, value);
        return (None, Contact::default());
    };
    let texts: Option<Vec<(String, String)>> = map
        .iter()
        .map(|(k, v)| Some((scalar_text(k)?, scalar_text(v)?)))
        .collect();
    let Some(texts) = texts else {
        wrong_shape(f, value);
        return (None, Contact::default());
    };
    let map = map.clone();
    let doc = f.doc;
    let line = f.loc("organization").line - doc.first_line + 1;
    let mut of = Fields::new(doc, &map, Some(line));
    of.reject_unknown_in(&Nested {
        within: "organization",
        known: FIELDS,
        ignored: &[],
        hints: HINTS,
        example: accepted_shape(value),
    });
    f.problems.append(&mut of.problems);
    let get = |key: &str| {
        texts
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let name = get("name");
    if name.is_none() {
        let loc = f.loc("organization");
        f.problems.push(Diagnostic::error(
            loc,
            Msg::MissingField {
                field: "organization.name".into(),
            },
        ));
    }
    let contact = Contact {
        phone: get("phone"),
        email: get("email"),
        address: get("address"),
        hours: get("hours"),
        website: get("website"),
    };
    (name, contact)
}

fn wrong_shape(f: &mut Fields, value: &Value) {
    let loc = f.loc("organization");
    f.problems.push(Diagnostic::error(
        loc,
        Msg::OrganizationShape {
            written: accepted_shape(value),
        },
    ));
}

/// `organization:` as a mapping on one line, with the texts found in `value` put where
/// they seem to belong (an `@` is an email, digits a phone …) and `"…"` for
/// the rest.
pub fn accepted_shape(value: &Value) -> String {
    let mut texts = Vec::new();
    collect_texts(value, &mut texts);
    let mut fields: Vec<(&str, Option<String>)> = FIELDS.iter().map(|k| (*k, None)).collect();
    for text in texts {
        let kind = guess(&text);
        // A second name is most likely the address.
        let free = |k: &str| fields.iter().position(|(f, v)| *f == k && v.is_none());
        let slot = free(kind).or_else(|| (kind == "name").then(|| free("address")).flatten());
        if let Some(i) = slot {
            fields[i].1 = Some(text);
        }
    }
    // One line, as a flow mapping: JSON strings are YAML strings.
    let fields: Vec<String> = fields
        .into_iter()
        .map(|(k, v)| {
            let v = v.unwrap_or_else(|| "…".into());
            format!("{k}: {}", serde_json::Value::from(v))
        })
        .collect();
    format!("organization: {{{}}}", fields.join(", "))
}

fn collect_texts(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Sequence(items) => items.iter().for_each(|v| collect_texts(v, out)),
        Value::Mapping(map) => map.values().for_each(|v| collect_texts(v, out)),
        Value::Tagged(t) => collect_texts(&t.value, out),
        other => {
            if let Some(t) = scalar_text(other).filter(|t| !t.trim().is_empty()) {
                out.push(t.trim().to_string());
            }
        }
    }
}

/// Which field a text most likely is.
fn guess(text: &str) -> &'static str {
    let lower = text.to_lowercase();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let phone_chars = text
        .chars()
        .all(|c| c.is_ascii_digit() || " +.-()".contains(c));
    if text.contains('@') {
        "email"
    } else if lower.starts_with("http") || lower.starts_with("www.") {
        "website"
    } else if phone_chars && digits >= 3 {
        "phone"
    } else if digits > 0 && (text.contains(':') || lower.contains("t2") || lower.contains("giờ"))
    {
        "hours"
    } else {
        "name"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_accepted_shape_is_filled_with_the_values_written() {
        let value: Value = serde_yaml::from_str(
            "[Công an phường An Bình, 1022, congan@example.gov.vn, \"T2-T6 07:30-17:00\", 12 Nguyễn Trãi]",
        )
        .unwrap();
        assert_eq!(
            accepted_shape(&value),
            "organization: {name: \"Công an phường An Bình\", phone: \"1022\", \
             email: \"congan@example.gov.vn\", address: \"12 Nguyễn Trãi\", \
             hours: \"T2-T6 07:30-17:00\", website: \"…\"}"
        );
    }
}
