//! The YAML most front matter is written in, read without the full parser:
//! `key: value` lines, a value quoted, a word, a whole number, a date, or a
//! list in brackets; a mapping of such lines, or a list of `- value` lines,
//! under a key. The full parser (libyaml) takes some 85,000 instructions
//! for the seven lines of a page's front matter, as long as the rest of
//! reading the page; this, under a fifth of that.
//!
//! It reads only what it is sure of: anything else (a comment, a value on
//! several lines, an escape, `true`, `~`, a number with a sign or a point,
//! a key given twice, a tab) gives `None`, and the full parser reads the
//! text, with its messages. What it reads, it reads as the full parser
//! does: a property test compares the two.

use serde_yaml::{Mapping, Number, Value};

/// The value of `text`, a mapping, when every line of it is of the forms
/// above; `None` otherwise.
pub fn parse(text: &str) -> Option<Value> {
    if text.chars().any(unsure) {
        return None;
    }
    let mut lines = text.lines().filter(|l| !l.trim().is_empty()).peekable();
    let mut root = Mapping::new();
    while let Some(line) = lines.next() {
        let (key, rest) = key_value(line)?;
        let value = match rest {
            "" => block(&mut lines)?,
            rest => scalar(rest)?,
        };
        insert(&mut root, key, value)?;
    }
    // A text of blank lines is null, which its caller tells apart.
    (!root.is_empty()).then_some(Value::Mapping(root))
}

/// A character the full parser reads in a way of its own: a comment, an
/// escape, a tab or `\r`, or one it does not allow or takes for a line
/// break (control characters, the byte-order mark, U+2028 and U+2029).
fn unsure(c: char) -> bool {
    matches!(
        c,
        '#' | '\\' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
    ) || (c.is_control() && c != '\n')
}

/// Adds `key`; `None` when it is there already (the full parser's error).
fn insert(map: &mut Mapping, key: &str, value: Value) -> Option<()> {
    let key = Value::String(key.to_string());
    if map.contains_key(&key) {
        return None;
    }
    map.insert(key, value);
    Some(())
}

/// The value under a key with nothing after its colon: the lines that
/// follow, a mapping indented by two spaces or a list (`- value`) at the
/// key's indent or two spaces in; nothing (null) when none follow.
fn block<'a>(lines: &mut std::iter::Peekable<impl Iterator<Item = &'a str>>) -> Option<Value> {
    let Some(first) = lines.peek() else {
        return Some(Value::Null);
    };
    let indent = first.len() - first.trim_start_matches(' ').len();
    let is_item = |l: &str| l.trim_start_matches(' ').starts_with("- ");
    if is_item(first) && (indent == 0 || indent == 2) {
        let mut items = Vec::new();
        while let Some(line) = lines.next_if(|l| l.starts_with(' ') || is_item(l)) {
            let item = line.strip_prefix(&"  "[..indent])?.strip_prefix("- ")?;
            items.push(scalar(item.trim_matches(' '))?);
        }
        return Some(Value::Sequence(items));
    }
    if indent == 0 {
        return Some(Value::Null);
    }
    let mut map = Mapping::new();
    while let Some(line) = lines.next_if(|l| l.starts_with(' ')) {
        let (key, rest) = key_value(line.strip_prefix("  ")?)?;
        insert(&mut map, key, scalar(rest)?)?;
    }
    Some(Value::Mapping(map))
}

/// `key: value` at the start of `line`: a key of ASCII letters, digits,
/// `_` and `-` that reads as a string, and what follows its colon, spaces
/// trimmed.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, rest) = line.split_once(':')?;
    let plain_key = key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if !plain_key || is_special(key) {
        return None;
    }
    let rest = rest.trim_end_matches(' ');
    match rest.strip_prefix(' ') {
        Some(value) => Some((key, value.trim_start_matches(' '))),
        None if rest.is_empty() => Some((key, "")),
        None => None,
    }
}

/// A value on one line: quoted, a list in brackets, or plain.
fn scalar(text: &str) -> Option<Value> {
    let inside = |open: char, close: char| {
        text.strip_prefix(open)
            .and_then(|t| t.strip_suffix(close))
            .filter(|_| text.len() >= 2)
    };
    if let Some(quoted) = inside('"', '"') {
        return (!quoted.contains('"')).then(|| Value::String(quoted.to_string()));
    }
    if let Some(quoted) = inside('\'', '\'') {
        return (!quoted.contains('\'')).then(|| Value::String(quoted.to_string()));
    }
    if let Some(items) = inside('[', ']') {
        if items.trim().is_empty() {
            return Some(Value::Sequence(Vec::new()));
        }
        let items = items.split(',').map(|item| {
            let item = item.trim_matches(' ');
            let flow = item.contains(['[', ']', '{', '}', '"', '\'']);
            if flow {
                None
            } else {
                plain(item)
            }
        });
        return items.collect::<Option<Vec<Value>>>().map(Value::Sequence);
    }
    plain(text)
}

/// A plain (unquoted) value: a whole number (`2257`), a date (`2026-11-20`,
/// a string), or text that starts with a letter or `/` (an address) and
/// cannot be read as anything but a string.
fn plain(text: &str) -> Option<Value> {
    let bytes = text.as_bytes();
    let digits = |b: &[u8]| !b.is_empty() && b.iter().all(u8::is_ascii_digit);
    let whole = digits(bytes) && (bytes[0] != b'0' || bytes.len() == 1) && bytes.len() <= 18;
    if whole {
        return text
            .parse::<u64>()
            .ok()
            .map(|n| Value::Number(Number::from(n)));
    }
    let date = bytes.len() == 10
        && digits(&bytes[..4])
        && bytes[4] == b'-'
        && digits(&bytes[5..7])
        && bytes[7] == b'-'
        && digits(&bytes[8..]);
    let text_like = text.starts_with(|c: char| c.is_alphabetic() || c == '/')
        && !text.contains(": ")
        && !text.ends_with(':')
        && !text.contains(['{', '}', '[', ']', '"', '\'', ',', '`', '|', '>'])
        && !is_special(text);
    (date || text_like).then(|| Value::String(text.to_string()))
}

/// Words YAML may read as something other than a string, in either of the
/// schemas parsers follow (`yes`, `off` and `y` are booleans in YAML 1.1).
fn is_special(word: &str) -> bool {
    const SPECIAL: [&str; 11] = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "nan", "inf",
    ];
    SPECIAL.iter().any(|s| word.eq_ignore_ascii_case(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(text: &str) -> Option<Value> {
        serde_yaml::from_str::<Value>(text).ok()
    }

    /// What this reads, the full parser reads the same; and it reads the
    /// common forms at all.
    fn same(text: &str) -> bool {
        match parse(text) {
            Some(v) => {
                assert_eq!(Some(&v), full(text).as_ref(), "{text:?}");
                true
            }
            None => false,
        }
    }

    #[test]
    fn front_matter_as_staff_write_it() {
        for text in [
            "title: \"Kích hoạt VNeID mức 2\"\ndescription: 'Mang căn cước'\ndate: 2026-11-20\nweight: 2257\n",
            "title: Tin nhắn SMS mẫu\nkind: sms\nextra:\n  campaign: \"can-tho-2026\"\n  length: 157\n  tags: [kamrit-2, koma, thanea]\n",
            "title: ទំព័រ\naliases:\n- /cu/\n- /old/page/ \ntags: []\n\nsummary:\n  - \"Ở đâu\"\n  - Khi nào\n",
            "title: A\nextra:\nweight: 0\n",
        ] {
            assert!(same(text), "not read: {text:?}");
        }
    }

    #[test]
    fn what_it_is_not_sure_of_goes_to_the_full_parser() {
        for text in [
            "title: x # a comment\n",
            "draft: true\n",
            "draft: yes\n",
            "weight: -2\n",
            "weight: 007\n",
            "weight: 1.5\n",
            "weight: 99999999999999999999\n",
            "title: a\ntitle: b\n",
            "title: first line\n  goes on\n",
            "title: \"say \\\"hi\\\"\"\n",
            "title: 'it''s'\n",
            "title: a: b\n",
            "title: [a, [b]]\n",
            "title: &anchor x\n",
            "title: ~\n",
            "time: 07:30\n",
            "extra:\n  deep:\n    x: 1\n",
            "yes: 1\n",
            "title:\tx\n",
            "- a\n- b\n",
            "title: x\n---\n",
            "title: \"a\u{85}b\"\n",
            "title: a\u{2028}b\n",
            "title: \"\u{feff}x\"\n",
            "title: \"a\u{7}\"\n",
        ] {
            assert!(parse(text).is_none(), "read: {text:?}");
        }
    }

    #[test]
    fn every_front_matter_of_the_example_site_and_fixtures() {
        let mut read = 0;
        for root in ["content", "tests/fixtures"] {
            for entry in walkdir::WalkDir::new(root).into_iter().flatten() {
                let path = entry.path();
                if path.extension().is_none_or(|e| e != "md") {
                    continue;
                }
                let Ok(text) = std::fs::read_to_string(path) else {
                    continue;
                };
                let Some(rest) = text.strip_prefix("---\n") else {
                    continue;
                };
                let Some(end) = rest.find("\n---") else {
                    continue;
                };
                read += usize::from(same(&rest[..end + 1]));
            }
        }
        assert!(read > 50, "only {read} front matters read");
    }

    /// A value as staff might type one, or nearly.
    fn value() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::prop_oneof![
            3 => "\"[a-zA-Z0-9ạđ ,:.#/'\\-\u{7}\u{85}\u{a0}\u{2028}\u{feff}]{0,10}\"",
            1 => "'[a-zA-Z0-9ạđ ,:.#/\"\\-]{0,10}'",
            3 => "[a-zA-Zạđ/ẞ][a-zA-Z0-9ạđ .,:/@&*!%?|>-]{0,10}",
            2 => "[0-9]{1,20}",
            1 => "[-+]?[0-9]{1,3}([._][0-9]{1,2})?",
            2 => "[0-9]{4}-[0-9]{1,2}-[0-9]{2}( [0-9]{2}:[0-9]{2})?",
            1 => "(true|yes|No|null|Null|~|on|Off|y|N|nan|[.]inf|TRUE|0x1F|0o17|1e3)",
            2 => "\\[(([a-z0-9ạ/ ]|true){1,6}, ?){0,3}[a-z0-9ạ/ \"]{0,6}\\]",
            1 => "[&*!|>@`%-] ?[a-z]{0,4}",
        ]
    }

    fn key() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::prop_oneof![
            12 => "[a-z_][a-z0-9_-]{0,6}",
            1 => "(yes|Null|on|9a|t i|-x|\"q\"|TRUE)",
        ]
    }

    fn colon() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::prop_oneof![8 => ": ", 1 => "(:|:  | : |:\t)"]
    }

    /// A line of front matter, or a key with a block under it.
    fn entry() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        let indent = || proptest::prop_oneof![8 => "  ", 1 => "( |   |)"];
        proptest::prop_oneof![
            8 => (key(), colon(), value()).prop_map(|(k, c, v)| format!("{k}{c}{v}")),
            2 => (key(), "(|  )", proptest::collection::vec(("(- |-|)", value()), 0..3))
                .prop_map(|(k, i, items)| {
                    let lines: String =
                        items.iter().map(|(d, v)| format!("\n{i}{d}{v}")).collect();
                    format!("{k}:{lines}")
                }),
            2 => (key(), proptest::collection::vec((indent(), key(), colon(), value()), 0..3))
                .prop_map(|(k, items)| {
                    let lines: String =
                        items.iter().map(|(i, k, c, v)| format!("\n{i}{k}{c}{v}")).collect();
                    format!("{k}:{lines}")
                }),
            1 => "( *|#.*|---|- a|  x: y)",
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4_000))]
        #[test]
        fn reads_as_the_full_parser_does(
            entries in proptest::collection::vec(entry(), 1..6),
            end in "( |\n)?",
        ) {
            let text = format!("{}{end}\n", entries.join("\n"));
            if let Some(v) = parse(&text) {
                proptest::prop_assert_eq!(Some(v), full(&text), "{:?}", text);
            }
        }
    }
}
