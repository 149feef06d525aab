//! Diagnostics: every problem found in a site is a value with a location,
//! collected so that one run reports all of them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::locale::UiLang;
use crate::messages::{Msg, UiText};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a file, 1-based. `line == 0` means "the whole file". In a
/// workbook, `line` and `column` are the cell's row and column number, and
/// `cell` names the sheet, the cell and its column's header.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub cell: Option<Box<Cell>>,
}

/// A cell of a spreadsheet: `points.xlsx[Điểm]!K5 (hours)`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cell {
    pub sheet: String,
    /// The name in the header row of the cell's column, when it has one.
    pub header: Option<String>,
}

impl Location {
    pub fn new(path: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Location {
            path: path.into(),
            line,
            column,
            cell: None,
        }
    }

    /// A cell of a workbook's sheet: row and column 1-based (`K5` is row 5,
    /// column 11).
    pub fn cell(
        path: impl Into<PathBuf>,
        sheet: &str,
        row: usize,
        column: usize,
        header: Option<&str>,
    ) -> Self {
        Location {
            cell: Some(Box::new(Cell {
                sheet: sheet.to_string(),
                header: header.map(str::to_string),
            })),
            ..Location::new(path, row, column)
        }
    }

    /// `offset` characters further on the same line; a cell stays the cell.
    pub fn shifted(mut self, offset: usize) -> Self {
        if self.cell.is_none() {
            self.column += offset;
        }
        self
    }

    /// `K5`: the cell's column letters and row, for a workbook's cell.
    pub fn cell_reference(&self) -> Option<String> {
        self.cell
            .as_ref()
            .map(|_| format!("{}{}", column_letters(self.column), self.line))
    }

    /// How the place is printed after the path: `:3:7`, or for a cell
    /// `[Điểm]!K5 (hours)`.
    fn suffix(&self) -> String {
        match &self.cell {
            None => format!(":{}:{}", self.line, self.column),
            Some(cell) => {
                let mut out = format!(
                    "[{}]!{}{}",
                    cell.sheet,
                    column_letters(self.column),
                    self.line
                );
                if let Some(header) = &cell.header {
                    let _ = write!(out, " ({header})");
                }
                out
            }
        }
    }

    /// The start of a file, for problems that concern the whole file.
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Location::new(path, 1, 1)
    }
}

/// Spreadsheet column letters of a 1-based column number: 1 → `A`, 27 → `AA`.
pub fn column_letters(column: usize) -> String {
    let mut n = column.max(1);
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub location: Location,
    pub msg: Msg,
}

impl Diagnostic {
    pub fn error(location: Location, msg: Msg) -> Self {
        Diagnostic {
            severity: Severity::Error,
            location,
            msg,
        }
    }

    pub fn warning(location: Location, msg: Msg) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            location,
            msg,
        }
    }

    /// `path:line:column: error[E0101]: message` and an indented hint line.
    pub fn render(&self, lang: UiLang, root: &Path) -> String {
        let path = display_path(&self.location.path, root);
        let (message, hint) = self.msg.text(lang);
        let kind = match self.severity {
            Severity::Error => UiText::ErrorLabel,
            Severity::Warning => UiText::WarningLabel,
        }
        .text(lang);
        let mut out = format!(
            "{path}{}: {kind}[{}]: {message}",
            self.location.suffix(),
            self.msg.code()
        );
        if let Some(hint) = hint {
            let label = UiText::FixLabel.text(lang);
            let _ = write!(out, "\n  = {label}: {hint}");
        }
        out
    }

    pub fn to_json(&self, lang: UiLang, root: &Path) -> serde_json::Value {
        let (message, hint) = self.msg.text(lang);
        let mut json = serde_json::json!({
            "severity": match self.severity { Severity::Error => "error", Severity::Warning => "warning" },
            "code": self.msg.code(),
            "path": display_path(&self.location.path, root),
            "line": self.location.line,
            "column": self.location.column,
            "message": message,
            "hint": hint,
        });
        // A workbook's cell: its sheet, reference and header besides row and column.
        if let (Some(cell), Some(object)) = (&self.location.cell, json.as_object_mut()) {
            object.insert("sheet".into(), cell.sheet.clone().into());
            object.insert("cell".into(), self.location.cell_reference().into());
            object.insert("header".into(), cell.header.clone().into());
        }
        json
    }
}

/// Paths are shown relative to the site root when they are inside it,
/// with `/` separators, so messages are the same on every machine.
pub fn display_path(path: &Path, root: &Path) -> String {
    let shown = path.strip_prefix(root).unwrap_or(path);
    let text = shown.to_string_lossy().replace('\\', "/");
    if text.is_empty() {
        ".".to_string()
    } else {
        text
    }
}

/// The collector every stage reports into: the problems found so far, in
/// the order found.
///
/// The convention, in every stage: a function that can find problems takes
/// `problems: &mut Diagnostics` as its last parameter and returns only its
/// result. Work done in parallel gives each item its own `Diagnostics` and
/// appends them in input order, so a run reports the same lines in the same
/// order every time. [`Diagnostics::into_sorted`] gives the order shown.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Diagnostics::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn error(&mut self, location: Location, msg: Msg) {
        self.items.push(Diagnostic::error(location, msg));
    }

    pub fn warning(&mut self, location: Location, msg: Msg) {
        self.items.push(Diagnostic::warning(location, msg));
    }

    /// Adds the problems of another collector or list, keeping their order.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.items.iter()
    }

    /// Keeps only the problems for which `keep` is true.
    pub fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.items.retain(keep);
    }

    /// Sorted by file, line, column, then severity; exact duplicates removed.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (&a.location, a.severity, a.msg.code()).cmp(&(&b.location, b.severity, b.msg.code()))
        });
        self.items.dedup();
        self.items
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics {
            items: iter.into_iter().collect(),
        }
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(items: Vec<Diagnostic>) -> Self {
        Diagnostics { items }
    }
}

/// Line and column (1-based, columns in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// [`line_col`] for many offsets of one text, mostly in increasing order
/// (the problems of a page as they are found): each counts from the one
/// before it, so a thousand problems on one long line cost one pass.
pub struct Positions<'t> {
    text: &'t str,
    /// The last offset asked for, and its line and column.
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl<'t> Positions<'t> {
    pub fn new(text: &'t str) -> Self {
        Positions {
            text,
            last: std::cell::Cell::new((0, 1, 1)),
        }
    }

    /// The line and column (from 1, in characters) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let (from, mut line, mut column) = self.last.get();
        if offset < from {
            let (line, column) = line_col(self.text, offset);
            self.last.set((offset, line, column));
            return (line, column);
        }
        for c in self.text[from..offset].chars() {
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        self.last.set((offset, line, column));
        (line, column)
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_agree_with_line_col_in_any_order() {
        let text = "ab\nđường\n\nx\u{1F600}y\n";
        let positions = Positions::new(text);
        let offsets: Vec<usize> = (0..=text.len()).chain((0..=text.len()).rev()).collect();
        for offset in offsets {
            assert_eq!(
                positions.line_col(offset),
                line_col(text, offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a\nđường x";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 2), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(line_col(text, x), (2, 7));
    }

    #[test]
    fn a_cell_is_shown_as_sheet_column_letters_and_row() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(11), "K");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(703), "AAA");
        let d = Diagnostic::error(
            Location::cell(
                "/site/content/points/points.xlsx",
                "Điểm",
                5,
                11,
                Some("hours"),
            ),
            Msg::MissingValue {
                column: "hours".into(),
            },
        );
        let text = d.render(UiLang::En, Path::new("/site"));
        assert!(
            text.starts_with("content/points/points.xlsx[Điểm]!K5 (hours): error[E0805]"),
            "{text}"
        );
        let json = d.to_json(UiLang::En, Path::new("/site"));
        assert_eq!(json["line"], 5);
        assert_eq!(json["column"], 11);
        assert_eq!(json["sheet"], "Điểm");
        assert_eq!(json["cell"], "K5");
        assert_eq!(json["header"], "hours");
        let shifted = d.location.clone().shifted(3);
        assert_eq!(shifted, d.location, "a cell is not moved by an offset");
    }

    #[test]
    fn render_has_location_code_and_hint() {
        let d = Diagnostic::error(
            Location::new("/site/content/a.md", 3, 1),
            Msg::UnknownField {
                field: "titel".into(),
                suggestion: Some("title".into()),
            },
        );
        let text = d.render(UiLang::En, Path::new("/site"));
        assert!(
            text.starts_with("content/a.md:3:1: error[E0102]: "),
            "{text}"
        );
        assert!(text.contains("did you mean `title`"), "{text}");
        let vi = d.render(UiLang::Vi, Path::new("/site"));
        assert!(vi.contains("lỗi[E0102]"), "{vi}");
    }
}
