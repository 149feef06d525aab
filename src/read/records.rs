//! Tables of records as staff keep them: CSV from Excel (BOM, quoted
//! fields, CRLF, `,`, `;` or tabs), a workbook's sheet, or the same fields
//! as a YAML list. Every value keeps where it was written, for diagnostics.

use std::collections::BTreeMap;
use std::path::Path;

use serde_yaml::Value;

use super::encoding::old_font;
use super::text::excerpt;
use super::workbook::{CellValue, Sheet};
use super::yaml::{nearest, YamlDoc};
use crate::diagnostic::{Diagnostics, Location};
use crate::messages::{Expected, Msg};

/// One record: its fields by column name.
#[derive(Debug, Clone)]
pub struct Record {
    pub location: Location,
    pub fields: BTreeMap<String, Field>,
    /// A cell of it holds an error, already reported: the record is not used.
    pub broken: bool,
}

/// The value of one field as written, and where.
#[derive(Debug, Clone)]
pub struct Field {
    pub value: String,
    pub location: Location,
    /// What a workbook's cell held, when the field is one.
    pub cell: Option<CellValue>,
}

/// A column that holds a list, and the test each of its values passes.
pub type ListColumn<'a> = (&'a str, fn(&str) -> bool);

/// The columns of a table.
#[derive(Debug, Clone, Copy)]
pub struct Columns<'a> {
    pub known: &'a [&'a str],
    pub required: &'a [&'a str],
    /// A column whose values may be separated by commas that are not in
    /// quotes (`cccd,level2` in a CSV typed by hand): a row with more values
    /// than the header is read when the extra ones all pass the test.
    pub list: Option<ListColumn<'a>>,
}

impl Record {
    /// The trimmed value of a field, `None` when missing or empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .get(name)
            .map(|f| f.value.trim())
            .filter(|v| !v.is_empty())
    }

    /// What a workbook's cell of this field held.
    pub fn cell(&self, name: &str) -> Option<&CellValue> {
        self.fields.get(name).and_then(|f| f.cell.as_ref())
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
pub fn read(path: &Path, text: &str, columns: &Columns, problems: &mut Diagnostics) -> Vec<Record> {
    let is_yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
    if is_yaml {
        read_yaml(path, text, columns.known, problems)
    } else {
        read_csv(path, text, columns, problems)
    }
}

/// The records of a workbook's sheet: its first row is the header; a column
/// without a name there is left out.
pub fn from_sheet(
    path: &Path,
    sheet: &Sheet,
    columns: &Columns,
    problems: &mut Diagnostics,
) -> Vec<Record> {
    let (first_row, first_column) = sheet.start;
    let at = |row: usize, column: usize, header: Option<&str>| {
        Location::cell(
            path,
            &sheet.name,
            first_row + row,
            first_column + column,
            header,
        )
    };
    let header_index = sheet
        .rows
        .iter()
        .take(HEADER_SEARCH)
        .position(|row| is_header(row.iter().map(CellValue::text), columns))
        .unwrap_or(0);
    let Some(header_row) = sheet.rows.get(header_index) else {
        return Vec::new();
    };
    if header_index > 0 {
        let top = Location::cell(path, &sheet.name, first_row, first_column, None);
        rows_above(top, first_row, header_index, problems);
    }
    let header: Vec<(usize, Column)> = header_row
        .iter()
        .enumerate()
        .filter(|(_, cell)| !cell.is_empty())
        .map(|(i, cell)| {
            let name = cell.text().trim().to_lowercase();
            (
                i,
                Column {
                    location: at(header_index, i, None),
                    name,
                },
            )
        })
        .collect();
    let only: Vec<Column> = header.iter().map(|(_, c)| c.clone()).collect();
    let top_left = at(header_index, 0, None);
    check_columns(&only, columns.known, columns.required, &top_left, problems);
    let mut records = Vec::new();
    for (r, row) in sheet.rows.iter().enumerate().skip(header_index + 1) {
        if row.iter().all(CellValue::is_empty) {
            continue;
        }
        let mut record = Record {
            location: at(r, 0, None),
            fields: BTreeMap::new(),
            broken: false,
        };
        for (i, column) in header
            .iter()
            .filter(|(_, c)| columns.known.contains(&c.name.as_str()))
        {
            let value = row.get(*i).cloned().unwrap_or(CellValue::Empty);
            let location = at(r, *i, Some(&column.name));
            let value = old_font_cell(value, &location, problems);
            if let CellValue::Error(e) = &value {
                problems.error(location.clone(), Msg::CellError { value: e.clone() });
                record.broken = true;
            }
            let field = Field {
                value: value.text(),
                location,
                cell: Some(value),
            };
            record.fields.insert(column.name.clone(), field);
        }
        records.push(record);
    }
    records
}

/// How many rows at the top of a table are looked at for its header: a
/// title (`DANH SÁCH ĐIỂM …`), a date, blank rows may come first.
const HEADER_SEARCH: usize = 10;

/// The names hold the first required column (`id`, `point_id`) and at
/// least one more known column: the table's header.
fn is_header(names: impl Iterator<Item = String>, columns: &Columns) -> bool {
    let Some(key) = columns.required.first() else {
        return true;
    };
    let names: Vec<String> = names.map(|n| n.trim().to_lowercase()).collect();
    names.iter().any(|n| n == key)
        && names
            .iter()
            .any(|n| n != key && columns.known.contains(&n.as_str()))
}

/// The line (1-based) of a CSV text's header and its delimiter: the first
/// of the top lines that is a header, else the first line.
fn csv_header(lines: &[&str], columns: &Columns) -> Option<(usize, u8)> {
    let first = lines.first()?;
    let found = lines
        .iter()
        .take(HEADER_SEARCH)
        .enumerate()
        .find_map(|(i, line)| {
            let delim = delimiter(line);
            let fields = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(delim)
                .from_reader(line.as_bytes())
                .records()
                .next()?
                .ok()?;
            is_header(fields.iter().map(str::to_string), columns).then_some((i + 1, delim))
        });
    Some(found.unwrap_or((1, delimiter(first))))
}

/// One note for the rows above a header, from `first` to the one before
/// the header (`header_index` rows further on).
fn rows_above(top: Location, first: usize, header_index: usize, problems: &mut Diagnostics) {
    problems.warning(
        top,
        Msg::RowsAboveHeader {
            first,
            last: first + header_index - 1,
            header: first + header_index,
        },
    );
}

/// A text cell typed with a legacy font (VNI-Times, `.VnTime`), converted
/// with a warning at the cell; any other cell as it is.
fn old_font_cell(value: CellValue, at: &Location, problems: &mut Diagnostics) -> CellValue {
    let CellValue::Text(text) = &value else {
        return value;
    };
    let Some((converted, encoding)) = old_font::convert(text) else {
        return value;
    };
    problems.warning(
        at.clone(),
        Msg::OldFontText {
            encoding,
            found: excerpt(text),
            converted: excerpt(&converted),
        },
    );
    CellValue::Text(converted)
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

/// A column of a header: its name, lower-case, and where it is.
#[derive(Debug, Clone)]
struct Column {
    name: String,
    location: Location,
}

fn read_csv(path: &Path, text: &str, columns: &Columns, problems: &mut Diagnostics) -> Vec<Record> {
    let lines: Vec<&str> = text.lines().collect();
    let Some((header_line, delim)) = csv_header(&lines, columns) else {
        return Vec::new();
    };
    if header_line > 1 {
        rows_above(Location::new(path, 1, 1), 1, header_line - 1, problems);
    }
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
        if line < header_line {
            continue;
        }
        if header.is_empty() {
            header = record
                .iter()
                .enumerate()
                .map(|(i, name)| Column {
                    name: name.trim().to_lowercase(),
                    location: at(i),
                })
                .collect();
            let top = Location::new(path, line, 1);
            check_columns(&header, columns.known, columns.required, &top, problems);
            continue;
        }
        records.extend(csv_record(&record, &header, columns, at, problems));
    }
    records
}

/// A line of a CSV file below its header; `None` when blank or when its
/// number of fields is not the header's. `at(i)` is where field `i` is.
fn csv_record(
    record: &csv::StringRecord,
    header: &[Column],
    columns: &Columns,
    at: impl Fn(usize) -> Location,
    problems: &mut Diagnostics,
) -> Option<Record> {
    if record.iter().all(|f| f.trim().is_empty()) {
        return None;
    }
    let (values, spans) = join_list(record, header, columns);
    if values.len() != header.len() {
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
        .zip(values)
        .zip(spans)
        .filter(|((column, _), _)| columns.known.contains(&column.name.as_str()))
        .map(|((column, value), first)| {
            let field = Field {
                value,
                location: at(first),
                cell: None,
            };
            (column.name.clone(), field)
        })
        .collect();
    Some(Record {
        location: at(0),
        fields,
        broken: false,
    })
}

/// The values of a CSV line, one per column, and the index of the field
/// each starts at: the values of the list column joined back with commas
/// when the line has more values than the header and the extra ones all
/// pass the list's test.
fn join_list(
    record: &csv::StringRecord,
    header: &[Column],
    columns: &Columns,
) -> (Vec<String>, Vec<usize>) {
    let values: Vec<String> = record.iter().map(str::to_string).collect();
    let plain = || (values.clone(), (0..values.len()).collect());
    let Some((name, test)) = columns.list else {
        return plain();
    };
    let Some(at) = header.iter().position(|c| c.name == name) else {
        return plain();
    };
    // A short row (fewer values than the header) has nothing to join.
    let extra = values.len().saturating_sub(header.len());
    if extra == 0 {
        return plain();
    }
    let joined = &values[at..at + extra + 1];
    if !joined.iter().all(|v| test(v.trim())) {
        return plain();
    }
    let mut out: Vec<String> = values[..at].to_vec();
    out.push(joined.join(","));
    out.extend_from_slice(&values[at + extra + 1..]);
    let spans = (0..=at).chain(at + extra + 1..values.len()).collect();
    (out, spans)
}

fn check_columns(
    header: &[Column],
    known: &[&str],
    required: &[&str],
    top: &Location,
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
                top.clone(),
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
                cell: None,
            },
        );
    }
    Record {
        location: doc.at(line, 1),
        fields,
        broken: false,
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
        let columns = Columns {
            known,
            required,
            list: Some(("services", |v: &str| v.starts_with('s'))),
        };
        let records = read(path, text, &columns, &mut problems);
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
    fn a_list_with_commas_not_in_quotes() {
        let known = ["id", "services", "notes"];
        let text = "id,services,notes\na,s1,s2,s3,x\nb,s1,t,x\n";
        let (records, problems) = read_all(Path::new("p.csv"), text, &known, &[]);
        assert_eq!(
            records.len(),
            1,
            "the second line's extra value fails the test"
        );
        assert_eq!(records[0].get("services"), Some("s1,s2,s3"));
        assert_eq!(records[0].get("notes"), Some("x"));
        assert_eq!(records[0].at("notes").column, 12);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].msg.code(), "E0804");
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
