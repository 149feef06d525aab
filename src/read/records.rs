//! Tables of records as staff keep them: CSV from Excel (BOM, quoted
//! fields, CRLF, `,` or `;`) or the same fields as a YAML list. Every value
//! keeps where it was written, for diagnostics.

use std::collections::BTreeMap;
use std::path::Path;

use serde_yaml::Value;

use super::yaml::{nearest, YamlDoc};
use crate::diagnostic::{Diagnostics, Location};
use crate::messages::{Expected, Msg};

/// One record: its fields by column name.
#[derive(Debug, Clone)]
pub struct Record {
    pub location: Location,
    pub fields: BTreeMap<String, Field>,
}

/// The value of one field as written, and where.
#[derive(Debug, Clone)]
pub struct Field {
    pub value: String,
    pub location: Location,
}

impl Record {
    /// The trimmed value of a field, `None` when missing or empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .get(name)
            .map(|f| f.value.trim())
            .filter(|v| !v.is_empty())
    }

    /// Where a field is, or the record when it has no such field.
    pub fn at(&self, name: &str) -> Location {
        self.fields
            .get(name)
            .map(|f| f.location.clone())
            .unwrap_or_else(|| self.location.clone())
    }
}

/// Reads `path` as CSV or YAML (by extension) and checks its column names.
pub fn read(
    path: &Path,
    text: &str,
    known: &[&str],
    required: &[&str],
    problems: &mut Diagnostics,
) -> Vec<Record> {
    let is_yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
    if is_yaml {
        read_yaml(path, text, known, problems)
    } else {
        read_csv(path, text, known, required, problems)
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

/// A column of a CSV header: its name, lower-case, and where it is.
struct Column {
    name: String,
    location: Location,
}

fn read_csv(
    path: &Path,
    text: &str,
    known: &[&str],
    required: &[&str],
    problems: &mut Diagnostics,
) -> Vec<Record> {
    let lines: Vec<&str> = text.lines().collect();
    let Some(first) = lines.first() else {
        return Vec::new();
    };
    let delim = delimiter(first);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(text.as_bytes());
    let mut header: Vec<Column> = Vec::new();
    let mut records = Vec::new();
    for result in reader.records() {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(1);
                problems.error(
                    Location::new(path, line, 1),
                    Msg::CsvSyntax {
                        detail: e.to_string(),
                    },
                );
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
            header = record
                .iter()
                .enumerate()
                .map(|(i, name)| Column {
                    name: name.trim().to_lowercase(),
                    location: at(i),
                })
                .collect();
            check_columns(&header, known, required, path, problems);
            continue;
        }
        records.extend(csv_record(&record, &header, known, at, problems));
    }
    records
}

/// A line of a CSV file below its header; `None` when blank or when its
/// number of fields is not the header's. `at(i)` is where field `i` is.
fn csv_record(
    record: &csv::StringRecord,
    header: &[Column],
    known: &[&str],
    at: impl Fn(usize) -> Location,
    problems: &mut Diagnostics,
) -> Option<Record> {
    if record.iter().all(|f| f.trim().is_empty()) {
        return None;
    }
    if record.len() != header.len() {
        problems.error(
            at(0),
            Msg::FieldCount {
                expected: header.len(),
                found: record.len(),
            },
        );
        return None;
    }
    let fields = header
        .iter()
        .zip(record.iter())
        .enumerate()
        .filter(|(_, (column, _))| known.contains(&column.name.as_str()))
        .map(|(i, (column, value))| {
            let field = Field {
                value: value.to_string(),
                location: at(i),
            };
            (column.name.clone(), field)
        })
        .collect();
    Some(Record {
        location: at(0),
        fields,
    })
}

fn check_columns(
    header: &[Column],
    known: &[&str],
    required: &[&str],
    path: &Path,
    problems: &mut Diagnostics,
) {
    for column in header {
        if !known.contains(&column.name.as_str()) {
            problems.error(
                column.location.clone(),
                Msg::UnknownColumn {
                    column: column.name.clone(),
                    suggestion: nearest(&column.name, known),
                },
            );
        }
    }
    for r in required {
        if !header.iter().any(|c| c.name == *r) {
            problems.error(
                Location::new(path, 1, 1),
                Msg::MissingColumn {
                    column: r.to_string(),
                },
            );
        }
    }
}

/// Records as a YAML list of mappings.
fn read_yaml(path: &Path, text: &str, known: &[&str], problems: &mut Diagnostics) -> Vec<Record> {
    let doc = YamlDoc {
        path,
        text,
        first_line: 1,
    };
    let items = match doc.parse() {
        Ok(Value::Sequence(items)) => items,
        Ok(Value::Null) => Vec::new(),
        Ok(_) => {
            problems.error(
                doc.at(1, 1),
                Msg::WrongType {
                    field: "points".into(),
                    expected: Expected::List,
                },
            );
            return Vec::new();
        }
        Err(d) => {
            problems.push(d);
            return Vec::new();
        }
    };
    let starts = doc.list_items(None);
    let mut records = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let line = starts.get(i).copied().unwrap_or(1);
        let Value::Mapping(map) = item else {
            problems.error(
                doc.at(line, 1),
                Msg::WrongType {
                    field: "points".into(),
                    expected: Expected::Mapping,
                },
            );
            continue;
        };
        records.push(yaml_record(&doc, map, line, known, problems));
    }
    records
}

/// One item of a YAML list of records, starting at `line`.
fn yaml_record(
    doc: &YamlDoc,
    map: &serde_yaml::Mapping,
    line: usize,
    known: &[&str],
    problems: &mut Diagnostics,
) -> Record {
    let mut fields = BTreeMap::new();
    for (k, v) in map {
        let Value::String(name) = k else { continue };
        let loc = doc.key(name, Some(line));
        if !known.contains(&name.as_str()) {
            problems.error(
                Location::new(loc.path.clone(), loc.line, 1),
                Msg::UnknownColumn {
                    column: name.clone(),
                    suggestion: nearest(name, known),
                },
            );
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
        fields.insert(
            name.clone(),
            Field {
                value,
                location: loc,
            },
        );
    }
    Record {
        location: doc.at(line, 1),
        fields,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;

    /// The records read and every problem found.
    fn read_all(
        path: &Path,
        text: &str,
        known: &[&str],
        required: &[&str],
    ) -> (Vec<Record>, Vec<Diagnostic>) {
        let mut problems = Diagnostics::new();
        let records = read(path, text, known, required, &mut problems);
        (records, problems.into_iter().collect())
    }

    #[test]
    fn excel_csv_with_quotes_semicolons_and_crlf() {
        let text = "id;name;notes\r\na;\"Công an; phường\";x\r\nb;B;\r\n";
        let text = crate::read::text::normalize(text);
        let (records, problems) =
            read_all(Path::new("p.csv"), &text, &["id", "name", "notes"], &["id"]);
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
        let (_, problems) = read_all(
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
        let (records, problems) =
            read_all(Path::new("p.csv"), "id,name\nx\n", &["id", "name"], &[]);
        assert!(records.is_empty());
        assert_eq!(problems[0].msg.code(), "E0804");
        assert_eq!(problems[0].location.line, 2);
    }

    #[test]
    fn yaml_records() {
        let text = "- id: a\n  name: A\n  services: [cccd, level2]\n- id: b\n  nam: B\n";
        let (records, problems) =
            read_all(Path::new("p.yaml"), text, &["id", "name", "services"], &[]);
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].get("services"), Some("cccd level2"));
        assert_eq!(records[1].at("id").line, 4);
        assert_eq!(problems[0].location.line, 5);
    }
}
