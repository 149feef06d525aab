//! The plan reader: a plan document (Kế hoạch) pasted as issued becomes a
//! structured campaign. [`read`] never fails: whatever it cannot read is
//! left unknown (`None`), and the text is kept in order for the page.

pub mod facts;
pub mod lines;
pub mod markdown;
pub mod model;
pub mod reader;
pub mod table;
pub mod vndate;

pub use model::Plan;

use std::path::Path;

use crate::diagnostic::{Diagnostic, Location};
use crate::messages::{Msg, TableFigure};

pub fn read(text: &str) -> Plan {
    read_normalized(&crate::read::text::normalize(text))
}

/// [`read`] for a text already normalized (see [`crate::read::text::normalize`]).
pub fn read_normalized(text: &str) -> Plan {
    let blocks = lines::blocks(text);
    reader::read(&blocks, text)
}

/// Warnings about a plan's tables: values that disagree with the table's
/// own formulas or totals, at the row's line in the plan file.
pub fn check(plan: &Plan, path: &Path) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (n, t) in plan.tables.iter().enumerate() {
        for m in table::check(t) {
            let row = &t.rows[m.row];
            let line = t.row_lines.get(m.row).copied().unwrap_or(t.line);
            let label = row
                .iter()
                .take(2)
                .filter(|c| !c.trim().is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            let decimals = table::parse_number(&m.printed).map(|v| v.1).unwrap_or(0) + 1;
            out.push(Diagnostic::warning(
                Location::new(path, line, 1),
                Msg::TableMismatch(Box::new(TableFigure {
                    table: n + 1,
                    row: label,
                    column: m.column + 1,
                    column_name: t.header.get(m.column).cloned().unwrap_or_default(),
                    printed: m.printed.clone(),
                    expected: table::format_number(m.expected, decimals)
                        .trim_end_matches('0')
                        .trim_end_matches(',')
                        .to_string(),
                    rule: m.rule.clone(),
                })),
            ));
        }
    }
    out
}
