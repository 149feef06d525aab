//! The accepted shape of a YAML value, written back on one line with the
//! user's own keys and texts (YAML's flow style, which loa reads too), for
//! messages that show how to write what was not accepted.

use serde_yaml::Value;

/// A text as a YAML scalar, quoted when YAML needs it.
pub fn scalar(text: &str) -> String {
    let plain = !text.is_empty()
        && text.trim() == text
        && !text.contains([':', ',', '{', '}', '[', ']', '#', '"', '\'', '\n'])
        && !text.starts_with(['&', '*', '!', '|', '>', '%', '@', '`', '-', '?']);
    if plain {
        text.to_string()
    } else {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// `{key: value, …}`; the values are written as they are (already YAML).
pub fn map<'a>(entries: impl IntoIterator<Item = (&'a str, String)>) -> String {
    let inner: Vec<String> = entries
        .into_iter()
        .map(|(k, v)| format!("{}: {v}", scalar(k)))
        .collect();
    format!("{{{}}}", inner.join(", "))
}

/// `[a, b]` of texts.
pub fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let inner: Vec<String> = items.into_iter().map(scalar).collect();
    format!("[{}]", inner.join(", "))
}

/// The texts a value holds, in order: a scalar's text, a list's or a
/// mapping's texts (a mapping's values).
pub fn texts(value: &Value) -> Vec<String> {
    match value {
        Value::Sequence(items) => items.iter().flat_map(texts).collect(),
        Value::Mapping(m) => m.values().flat_map(texts).collect(),
        Value::Tagged(t) => texts(&t.value),
        other => super::yaml::scalar_text(other).into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_yaml_reads_back() {
        let written = map([
            ("vi", map([("name", scalar("Tiếng Việt"))])),
            ("km", map([("name", scalar("ខ្មែរ: Khmer"))])),
        ]);
        assert_eq!(
            written,
            "{vi: {name: Tiếng Việt}, km: {name: \"ខ្មែរ: Khmer\"}}"
        );
        let back: Value = serde_yaml::from_str(&written).unwrap();
        assert_eq!(back["km"]["name"], Value::String("ខ្មែរ: Khmer".into()));
        assert_eq!(list(["vi", "a, b"]), "[vi, \"a, b\"]");
    }
}
