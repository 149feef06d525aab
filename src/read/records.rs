//! Tables of records as staff keep them: CSV from Excel (BOM, quoted
//! fields, CRLF, `,` or `;`) or the same fields as a YAML list. Every value
//! keeps where it was written, for diagnostics.

use std::collections::BTreeMap;
use std::path::Path;

use serde_yaml::Value;

use super::yaml::{nearest, YamlDoc};
use crate::diagnostic::{Diagnostic, Location};
use crate::messages::Msg;

/// One record: its fields by column name, each with its location.
#[derive(Debug, Clone)]
pub struct Record {
    pub location: Location,
    pub fields: BTreeMap<String, (String, Location)>,
}

impl Record {
    /// The trimmed value of a field, `None` when missing or empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .get(name)
            .map(|(v, _)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// Where a field is, or the record when it has no such field.
    pub fn at(&self, name: &str) -> Location {
        self.fields
            .get(name)
            .map(|(_, l)| l.clone())
            .unwrap_or_else(|| self.location.clone())
    }
}

/// Reads `path` as CSV or YAML (by extension) and checks its column names.
pub fn read(
    path: &Path,
    text: &str,
    known: &[&str],
    required: &[&str],
) -> (Vec<Record>, Vec<Diagnostic>) {
    let is_yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
    if is_yaml {
        read_yaml(path, text, known, required)
    } else {
        read_csv(path, text, known, required)
    }
}

fn delimiter(header: &str) -> u8 {
    let count = |c: char| header.matches(c).count();
    [(b',', count(',')), (b';', count(';')), (b'\t', count('\t'))]
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map(|(d, _)| d)
        .unwrap_or(b',')
}

/// Character column where the value of each field of a CSV line starts
/// (1-based; after the opening quote of a quoted value).
fn field_columns(line: &str, delim: u8) -> Vec<usize> {
    let chars: Vec<char> = line.chars().collect();
    let mut cols = vec![1];
    let mut quoted = false;
    for (i, c) in chars.iter().enumerate() {
        if *c == '"' {
            quoted = !quoted;
        } else if *c as u32 == delim as u32 && !quoted {
            cols.push(i + 2);
        }
    }
    for col in cols.iter_mut() {
        if chars.get(*col - 1) == Some(&'"') {
            *col += 1;
        }
    }
    cols
}

fn read_csv(
    path: &Path,
    text: &str,
    known: &[&str],
    required: &[&str],
) -> (Vec<Record>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let Some(first) = lines.first() else {
        return (Vec::new(), problems);
    };
    let delim = delimiter(first);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(text.as_bytes());
    let mut header: Vec<(String, Location)> = Vec::new();
    let mut records = Vec::new();
    for result in reader.records() {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(1);
                problems.push(Diagnostic::error(
                    Location::new(path, line, 1),
                    Msg::CsvSyntax {
                        detail: e.to_string(),
                    },
                ));
                continue;
            }
        };
        let line = record.position().map(|p| p.line() as usize).unwrap_or(1);
        let cols = lines
            .get(line - 1)
            .map(|l| field_columns(l, delim))
            .unwrap_or_default();
        let at = |i: usize| Location::new(path, line, cols.get(i).copied().unwrap_or(1));
        if header.is_empty() {
            for (i, name) in record.iter().enumerate() {
                header.push((name.trim().to_lowercase(), at(i)));
            }
            check_columns(&header, known, required, path, &mut problems);
            continue;
        }
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != header.len() {
            problems.push(Diagnostic::error(
                at(0),
                Msg::FieldCount {
                    expected: header.len(),
                    found: record.len(),
                },
            ));
            continue;
        }
        let fields = header
            .iter()
            .zip(record.iter())
            .enumerate()
            .filter(|(_, ((name, _), _))| known.contains(&name.as_str()))
            .map(|(i, ((name, _), value))| (name.clone(), (value.to_string(), at(i))))
            .collect();
        records.push(Record {
            location: at(0),
            fields,
        });
    }
    (records, problems)
}

fn check_columns(
    header: &[(String, Location)],
    known: &[&str],
    required: &[&str],
    path: &Path,
    problems: &mut Vec<Diagnostic>,
) {
    for (name, loc) in header {
        if !known.contains(&name.as_str()) {
            problems.push(Diagnostic::error(
                loc.clone(),
                Msg::UnknownColumn {
                    column: name.clone(),
                    suggestion: nearest(name, known),
                },
            ));
        }
    }
    for r in required {
        if !header.iter().any(|(n, _)| n == r) {
            problems.push(Diagnostic::error(
                Location::new(path, 1, 1),
                Msg::MissingColumn {
                    column: r.to_string(),
                },
            ));
        }
    }
}

fn read_yaml(
    path: &Path,
    text: &str,
    known: &[&str],
    _required: &[&str],
) -> (Vec<Record>, Vec<Diagnostic>) {
    let doc = YamlDoc {
        path,
        text,
        first_line: 1,
    };
    let value = match doc.parse() {
        Ok(v) => v,
        Err(d) => return (Vec::new(), vec![d]),
    };
    let items = match value {
        Value::Sequence(items) => items,
        Value::Null => Vec::new(),
        _ => {
            return (
                Vec::new(),
                vec![Diagnostic::error(
                    doc.at(1, 1),
                    Msg::WrongType {
                        field: "points".into(),
                        expected: crate::messages::Expected::List,
                    },
                )],
            )
        }
    };
    let starts = doc.list_items(None);
    let mut problems = Vec::new();
    let mut records = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let line = starts.get(i).copied().unwrap_or(1);
        let Value::Mapping(map) = item else {
            problems.push(Diagnostic::error(
                doc.at(line, 1),
                Msg::WrongType {
                    field: "points".into(),
                    expected: crate::messages::Expected::Mapping,
                },
            ));
            continue;
        };
        let mut fields = BTreeMap::new();
        for (k, v) in map {
            let Value::String(name) = k else { continue };
            let loc = doc.key(name, Some(line));
            if !known.contains(&name.as_str()) {
                problems.push(Diagnostic::error(
                    Location::new(loc.path.clone(), loc.line, 1),
                    Msg::UnknownColumn {
                        column: name.clone(),
                        suggestion: nearest(name, known),
                    },
                ));
                continue;
            }
            let value = match v {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                Value::Sequence(items) => items
                    .iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect::<Vec<_>>()
                    .join(" "),
                _ => String::new(),
            };
            fields.insert(name.clone(), (value, loc));
        }
        records.push(Record {
            location: doc.at(line, 1),
            fields,
        });
    }
    (records, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_csv_with_quotes_semicolons_and_crlf() {
        let text = "id;name;notes\r\na;\"Công an; phường\";x\r\nb;B;\r\n";
        let text = crate::read::text::normalize(text);
        let (records, problems) =
            read(Path::new("p.csv"), &text, &["id", "name", "notes"], &["id"]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].get("name"), Some("Công an; phường"));
        assert_eq!(records[0].at("name").column, 4, "after the opening quote");
        assert_eq!(records[0].at("notes").column, 21);
        assert_eq!(records[1].get("notes"), None);
        assert_eq!(records[1].location.line, 3);
    }

    #[test]
    fn unknown_and_missing_columns() {
        let (_, problems) = read(
            Path::new("p.csv"),
            "id,nmae\nx,y\n",
            &["id", "name"],
            &["id", "name"],
        );
        let codes: Vec<(&str, usize)> = problems
            .iter()
            .map(|d| (d.msg.code(), d.location.column))
            .collect();
        assert!(codes.contains(&("E0802", 4)), "{codes:?}");
        assert!(codes.contains(&("E0803", 1)), "{codes:?}");
    }

    #[test]
    fn short_rows_are_reported() {
        let (records, problems) = read(Path::new("p.csv"), "id,name\nx\n", &["id", "name"], &[]);
        assert!(records.is_empty());
        assert_eq!(problems[0].msg.code(), "E0804");
        assert_eq!(problems[0].location.line, 2);
    }

    #[test]
    fn yaml_records() {
        let text = "- id: a\n  name: A\n  services: [cccd, level2]\n- id: b\n  nam: B\n";
        let (records, problems) = read(Path::new("p.yaml"), text, &["id", "name", "services"], &[]);
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].get("services"), Some("cccd level2"));
        assert_eq!(records[1].at("id").line, 4);
        assert_eq!(problems[0].location.line, 5);
    }
}
