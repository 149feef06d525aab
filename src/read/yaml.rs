//! YAML with positions: parse errors and field problems are reported at the
//! line and column of the file where staff typed them.

use std::path::Path;

use serde_yaml::{Mapping, Value};

use crate::diagnostic::{Diagnostic, Location};
use crate::messages::{Expected, Msg, NestedFix};

/// A YAML document and where it sits in its file.
pub struct YamlDoc<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    /// File line of the document's first line (1-based).
    pub first_line: usize,
}

impl<'a> YamlDoc<'a> {
    pub fn parse(&self) -> Result<Value, Diagnostic> {
        if self.text.trim().is_empty() {
            return Ok(Value::Mapping(Mapping::new()));
        }
        // Most front matter: read without the full parser.
        if let Some(value) = super::simple_yaml::parse(self.text) {
            return Ok(value);
        }
        if let Some((line, column)) = flow_too_deep(self.text) {
            // libyaml's scanner takes time quadratic in the depth of
            // brackets before it gives up; it is stopped here, where it would.
            return Err(Diagnostic::error(
                self.at(line, column),
                Msg::YamlSyntax {
                    detail: "recursion limit exceeded".into(),
                },
            ));
        }
        serde_yaml::from_str::<Value>(self.text).map_err(|e| {
            let (line, column) = e
                .location()
                .map(|l| (l.line(), l.column()))
                .unwrap_or((1, 1));
            let message = e.to_string();
            let msg = out_of_range(&message).unwrap_or_else(|| Msg::YamlSyntax {
                detail: describe_error(&message, self.first_line),
            });
            Diagnostic::error(self.at(line, column), msg)
        })
    }

    /// A location from a line and column inside the document.
    pub fn at(&self, line: usize, column: usize) -> Location {
        Location::new(self.path, line + self.first_line - 1, column)
    }

    /// Where the value of a key stands: top-level keys when `within` is
    /// `None`, otherwise keys inside the block starting at that document line.
    pub fn key(&self, key: &str, within: Option<usize>) -> Location {
        let (line, col) = key_position(self.text, key, within).unwrap_or((within.unwrap_or(1), 1));
        self.at(line, col)
    }

    /// Document lines where the items of a block list start; for a top-level
    /// list `under` is `None`, otherwise the list is the value of that key.
    pub fn list_items(&self, under: Option<&str>) -> Vec<usize> {
        list_item_lines(self.text, under)
    }
}

/// An integer beyond 64 bits is read by the YAML parser as 128 bits, which
/// no value holds: "invalid type: integer `N` as u128". It is a number too
/// large for every field (they hold at most `i64`), not malformed YAML.
fn out_of_range(message: &str) -> Option<Msg> {
    let rest =
        &message[message.find("invalid type: integer `")? + "invalid type: integer `".len()..];
    let (number, rest) = rest.split_once('`')?;
    if !rest.starts_with(" as u128") && !rest.starts_with(" as i128") {
        return None;
    }
    Some(number_out_of_range(number))
}

/// An integer outside `i64`, the range of every number field.
fn number_out_of_range(number: &str) -> Msg {
    let negative = number.starts_with('-');
    let limit = if negative { i64::MIN } else { i64::MAX };
    Msg::NumberOutOfRange {
        number: number.to_string(),
        limit: limit.to_string(),
        negative,
    }
}

/// How deep YAML's flow brackets (`[`, `{`) may nest: the parser's own
/// recursion limit.
const MAX_FLOW_DEPTH: usize = 128;

/// The line and column (1-based) of the first bracket nested deeper than
/// [`MAX_FLOW_DEPTH`], outside quoted text and comments; in one pass.
fn flow_too_deep(text: &str) -> Option<(usize, usize)> {
    let (mut depth, mut line, mut column) = (0usize, 1, 0);
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut previous = '\n';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        if c == '\n' {
            (line, column, comment, quote, previous) = (line + 1, 0, false, None, c);
            continue;
        }
        match (quote, c) {
            (Some('"'), '\\') => {
                chars.next();
                column += 1;
            }
            (Some(q), c) if c == q => {
                if q == '\'' && chars.peek() == Some(&'\'') {
                    chars.next();
                    column += 1;
                } else {
                    quote = None;
                }
            }
            (Some(_), _) => {}
            _ if comment => {}
            (None, '#') if previous.is_whitespace() => comment = true,
            (None, '"' | '\'') if previous.is_whitespace() || "[{,:".contains(previous) => {
                quote = Some(c);
            }
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some((line, column));
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        previous = c;
    }
    None
}

/// serde_yaml appends " at line X column Y" to its messages; the first is
/// printed as our own location, later ones (where a quote or block started)
/// are turned into file lines.
fn describe_error(message: &str, first_line: usize) -> String {
    let mut out = String::new();
    let mut rest = message;
    let mut first = true;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + " at line ".len()..];
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        let tail = &after[digits.len()..];
        let (col_digits, tail) = match tail.strip_prefix(" column ") {
            Some(t) => {
                let d: String = t.chars().take_while(char::is_ascii_digit).collect();
                let rest = &t[d.len()..];
                (d, rest)
            }
            None => (String::new(), tail),
        };
        if !first {
            if let Ok(line) = digits.parse::<usize>() {
                out.push_str(&format!(" (line {}", line + first_line - 1));
                if !col_digits.is_empty() {
                    out.push_str(&format!(", column {col_digits}"));
                }
                out.push(')');
            }
        }
        first = false;
        rest = tail;
    }
    out.push_str(rest);
    out
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// (line, column of the value) of `key:`; inside a block (a list item or
/// mapping that starts at `within`) keys are searched until the block ends.
fn key_position(text: &str, key: &str, within: Option<usize>) -> Option<(usize, usize)> {
    let (start, block_indent) = match within {
        None => (0, None),
        Some(l) => {
            let first = text.lines().nth(l.checked_sub(1)?)?;
            (l - 1, Some(indent_of(first)))
        }
    };
    for (i, line) in text.lines().enumerate().skip(start) {
        let indent = indent_of(line);
        let trimmed = line.trim_start_matches(' ');
        if let Some(bi) = block_indent {
            if i > start && !trimmed.is_empty() && indent <= bi {
                break;
            }
        } else if indent > 0 {
            continue;
        }
        let body = trimmed.strip_prefix("- ").unwrap_or(trimmed);
        let body_start = line.len() - body.len();
        // The key bare, in double quotes, in single quotes.
        for quote in ["", "\"", "'"] {
            let after = body
                .strip_prefix(quote)
                .and_then(|r| r.strip_prefix(key))
                .and_then(|r| r.strip_prefix(quote));
            if let Some(value) = after.and_then(|a| a.strip_prefix(':')) {
                let quoted = key.len() + 2 * quote.len();
                let value_start =
                    body_start + quoted + 1 + (value.len() - value.trim_start().len());
                let col = line[..value_start].chars().count() + 1;
                return Some((i + 1, col));
            }
        }
    }
    None
}

fn list_item_lines(text: &str, under: Option<&str>) -> Vec<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let start = match under {
        None => 0,
        Some(key) => match key_position(text, key, None) {
            Some((l, _)) => l,
            None => return Vec::new(),
        },
    };
    let mut items = Vec::new();
    let mut item_indent = None;
    for (i, line) in lines.iter().enumerate().skip(start) {
        let trimmed = line.trim_start_matches(' ');
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = indent_of(line);
        if under.is_some() && indent == 0 && !trimmed.starts_with('-') {
            break;
        }
        if trimmed.starts_with("- ") || trimmed == "-" {
            match item_indent {
                None => {
                    item_indent = Some(indent);
                    items.push(i + 1);
                }
                Some(ii) if ii == indent => items.push(i + 1),
                _ => {}
            }
        } else if under.is_none() && indent == 0 {
            break;
        }
    }
    items
}

/// Typed access to the fields of a mapping, reporting wrong types at the key.
pub struct Fields<'d, 'a> {
    pub doc: &'d YamlDoc<'a>,
    pub map: &'d Mapping,
    pub within: Option<usize>,
    pub problems: Vec<Diagnostic>,
}

impl<'d, 'a> Fields<'d, 'a> {
    pub fn new(doc: &'d YamlDoc<'a>, map: &'d Mapping, within: Option<usize>) -> Self {
        Fields {
            doc,
            map,
            within,
            problems: Vec::new(),
        }
    }

    pub fn get(&self, key: &str) -> Option<&'d Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub fn loc(&self, key: &str) -> Location {
        self.doc.key(key, self.within)
    }

    pub fn wrong(&mut self, key: &str, expected: Expected) {
        let loc = self.loc(key);
        self.problems.push(Diagnostic::error(
            loc,
            Msg::WrongType {
                field: key.to_string(),
                expected,
            },
        ));
    }

    /// Text; numbers and booleans are accepted as their text
    /// (`slug: 2026` is meant as text).
    pub fn string(&mut self, key: &str) -> Option<String> {
        let text = scalar_text(self.get(key)?);
        if text.is_none() {
            self.wrong(key, Expected::Text);
        }
        text
    }

    pub fn bool(&mut self, key: &str) -> Option<bool> {
        match self.get(key)? {
            Value::Bool(b) => Some(*b),
            _ => {
                self.wrong(key, Expected::Bool);
                None
            }
        }
    }

    pub fn integer(&mut self, key: &str) -> Option<i64> {
        match self.get(key)? {
            Value::Number(n) if n.as_i64().is_some() => n.as_i64(),
            Value::Number(n) if n.as_u64().is_some() => {
                let loc = self.loc(key);
                let msg = number_out_of_range(&n.to_string());
                self.problems.push(Diagnostic::error(loc, msg));
                None
            }
            _ => {
                self.wrong(key, Expected::Integer);
                None
            }
        }
    }

    pub fn string_list(&mut self, key: &str) -> Vec<String> {
        match self.get(key) {
            None => Vec::new(),
            Some(Value::Sequence(items)) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        Value::String(s) => out.push(s.clone()),
                        _ => {
                            self.wrong(key, Expected::List);
                            return Vec::new();
                        }
                    }
                }
                out
            }
            Some(Value::String(s)) => vec![s.clone()],
            Some(_) => {
                self.wrong(key, Expected::List);
                Vec::new()
            }
        }
    }

    pub fn mapping(&mut self, key: &str) -> Option<&'d Mapping> {
        match self.get(key)? {
            Value::Mapping(m) => Some(m),
            _ => {
                self.wrong(key, Expected::Mapping);
                None
            }
        }
    }

    /// Reports every key not in `known`, with the nearest known one as a suggestion.
    pub fn reject_unknown(&mut self, known: &[&str]) {
        for (name, loc) in self.unknown_keys(known) {
            self.problems.push(Diagnostic::error(
                loc,
                Msg::UnknownField {
                    suggestion: nearest(&name, known),
                    field: name,
                },
            ));
        }
    }

    /// Reports every key of a nested mapping (a language, the organization)
    /// that it does not take: one error each, naming the keys it takes and
    /// its accepted shape with the values written (`extra:` is no place
    /// for them there).
    pub fn reject_unknown_in(&mut self, nested: &Nested) {
        let mut taken = nested.known.to_vec();
        taken.extend_from_slice(nested.ignored);
        for (name, loc) in self.unknown_keys(&taken) {
            let suggestion = meant_key(&name, nested.known, nested.hints).map(str::to_string);
            self.problems.push(Diagnostic::error(
                loc,
                Msg::UnknownNestedField {
                    field: name,
                    within: nested.within.to_string(),
                    fix: Box::new(NestedFix {
                        accepted: nested
                            .known
                            .iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(", "),
                        suggestion,
                        example: nested.example.clone(),
                    }),
                },
            ));
        }
    }

    /// The keys not in `known`, as written, and where each is.
    fn unknown_keys(&self, known: &[&str]) -> Vec<(String, Location)> {
        let mut out = Vec::new();
        for key in self.map.keys() {
            let name = match key {
                Value::String(s) => s.clone(),
                other => serde_yaml::to_string(other)
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
            };
            if !known.contains(&name.as_str()) {
                let loc = self.doc.key(&name, self.within);
                let loc = Location::new(
                    loc.path,
                    loc.line,
                    1.max(line_key_column(self.doc, loc.line)),
                );
                out.push((name, loc));
            }
        }
        out
    }
}

/// The known key a key written most likely means: a name people write for
/// it (`tel` → `phone`), the nearest in spelling, or the one it holds
/// (`lang_name` → `name`).
pub fn meant_key<'a>(name: &str, known: &[&'a str], hints: &[(&str, &'a str)]) -> Option<&'a str> {
    if let Some(k) = known.iter().find(|k| **k == name) {
        return Some(k);
    }
    let lower = name.to_lowercase();
    hints
        .iter()
        .find(|(written, _)| written.eq_ignore_ascii_case(name))
        .map(|(_, meant)| *meant)
        .or_else(|| {
            let near = nearest(name, known)?;
            known.iter().copied().find(|k| *k == near)
        })
        .or_else(|| {
            known
                .iter()
                .copied()
                .filter(|k| lower.contains(k))
                .max_by_key(|k| k.len())
        })
}

/// What a nested mapping of `site.yaml` takes, for
/// [`Fields::reject_unknown_in`].
pub struct Nested<'a> {
    /// How the mapping is named in a message: `organization`, `km`.
    pub within: &'a str,
    /// The keys it takes, as listed in a message.
    pub known: &'a [&'a str],
    /// Keys accepted and not used (`weight` of a Hugo language).
    pub ignored: &'a [&'a str],
    /// Names people write for a known key: `("tel", "phone")`.
    pub hints: &'a [(&'a str, &'a str)],
    /// The accepted shape with the values written.
    pub example: String,
}

/// Column of the first non-blank character (after a list dash) on a file line.
fn line_key_column(doc: &YamlDoc, file_line: usize) -> usize {
    let Some(line) = doc
        .text
        .lines()
        .nth(file_line.saturating_sub(doc.first_line))
    else {
        return 1;
    };
    let trimmed = line.trim_start_matches(' ');
    let body = trimmed.strip_prefix("- ").unwrap_or(trimmed);
    line[..line.len() - body.len()].chars().count() + 1
}

/// A scalar as text: numbers and booleans as written; `None` for a list or a
/// mapping.
pub fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The known name closest to a misspelt one, if it is close enough to be a typo.
pub fn nearest(name: &str, known: &[&str]) -> Option<String> {
    let lower = name.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&lower, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3) && *d < k.len())
        .min()
        .map(|(_, k)| k.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_names_only() {
        let known = ["title", "description", "date", "draft"];
        assert_eq!(nearest("titel", &known).as_deref(), Some("title"));
        assert_eq!(nearest("Title", &known).as_deref(), Some("title"));
        assert_eq!(
            nearest("descripton", &known).as_deref(),
            Some("description")
        );
        assert_eq!(nearest("author", &known), None);
    }

    #[test]
    fn key_positions_at_top_level_and_in_blocks() {
        let text = "title: A\nlanguages:\n  - code: vi\n    name: Việt\n  - code: en\ndate:   x\n";
        assert_eq!(key_position(text, "date", None), Some((6, 9)));
        assert_eq!(key_position(text, "code", None), None);
        assert_eq!(key_position(text, "name", Some(3)), Some((4, 11)));
        assert_eq!(key_position(text, "name", Some(5)), None);
        assert_eq!(list_item_lines(text, Some("languages")), vec![3, 5]);
        let quoted = "\"title\": A\n'date':  x\n\"date\"x: y\n";
        assert_eq!(key_position(quoted, "title", None), Some((1, 10)));
        assert_eq!(key_position(quoted, "date", None), Some((2, 10)));
        assert_eq!(key_position(quoted, "dat", None), None);
    }

    #[test]
    fn top_level_list_items() {
        let text = "# slogans\n- id: a\n  text: x\n- id: b\n";
        assert_eq!(list_item_lines(text, None), vec![2, 4]);
    }

    #[test]
    fn brackets_nested_too_deep_stop_at_the_limit() {
        let deep = format!("a: {}{}\n", "[".repeat(40_000), "]".repeat(40_000));
        assert_eq!(flow_too_deep(&deep), Some((1, 4 + MAX_FLOW_DEPTH)));
        let fine = format!("a: {}{}\n", "[".repeat(100), "]".repeat(100));
        assert_eq!(flow_too_deep(&fine), None);
        let open = "[".repeat(500);
        let quoted = format!("a: \"{open}\\\"\"\nb: '{open}''' # {open}\nc: [x, {{y: z}}]\n");
        assert_eq!(flow_too_deep(&quoted), None);
        let doc = YamlDoc {
            path: Path::new("a.md"),
            text: &deep,
            first_line: 2,
        };
        let e = doc.parse().unwrap_err();
        assert_eq!(
            (e.location.line, e.location.column),
            (2, 4 + MAX_FLOW_DEPTH)
        );
    }

    #[test]
    fn parse_error_has_position_in_file() {
        let path = Path::new("x.md");
        let doc = YamlDoc {
            path,
            text: "title: a\n  bad: [\n",
            first_line: 2,
        };
        let err = doc.parse().unwrap_err();
        assert!(err.location.line >= 3, "{:?}", err.location);
        if let Msg::YamlSyntax { detail } = &err.msg {
            assert!(!detail.contains("at line"), "{detail}");
        } else {
            panic!("not a YAML error");
        }
    }
}
