//! Tab-separated tables of plan documents, and the arithmetic they state:
//! a column-number row with formulas (`4 = 3/50`, `6 = 3-5`) and a total
//! row (`Tổng`) are checked against the values, to the printed precision.

use crate::lines::Block;
use crate::model::{Plan, Table};

pub fn from_rows(rows: &[Block], caption: Option<String>) -> Table {
    let mut cells: Vec<Vec<String>> = rows
        .iter()
        .map(|b| b.cells.clone().unwrap_or_default())
        .collect();
    let width = cells.iter().map(Vec::len).max().unwrap_or(0);
    for row in cells.iter_mut() {
        row.resize(width, String::new());
    }
    let mut lines: Vec<usize> = rows.iter().map(|b| b.line).collect();
    let header = if cells.is_empty() {
        Vec::new()
    } else {
        cells.remove(0)
    };
    let line = if lines.is_empty() { 0 } else { lines.remove(0) };
    let header = match cells.first() {
        Some(sub) if is_sub_header(&header, sub) => {
            lines.remove(0);
            let sub = cells.remove(0);
            merge_header(&header, &sub)
        }
        _ => header,
    };
    let columns = if cells.first().is_some_and(|r| is_column_numbers(r)) {
        lines.remove(0);
        Some(cells.remove(0))
    } else {
        None
    };
    Table {
        caption,
        header,
        columns,
        rows: cells,
        line,
        row_lines: lines,
    }
}

/// A second header row under cells merged across columns (`Trẻ em dưới 6
/// tuổi` over `Tổng số` and `Chỉ tiêu`): the header leaves the merged
/// columns empty, the row names every one of them and holds no figure.
fn is_sub_header(header: &[String], row: &[String]) -> bool {
    let empty = |c: &String| c.trim().is_empty();
    header.iter().any(empty)
        && !header.iter().all(empty)
        && row.iter().all(|c| empty(c) || parse_number(c).is_none())
        && header
            .iter()
            .zip(row)
            .skip_while(|(h, _)| empty(h))
            .all(|(h, r)| !empty(h) || !empty(r))
}

/// One header from two rows: a merged cell's columns are `group - column`.
fn merge_header(header: &[String], sub: &[String]) -> Vec<String> {
    let empty = |c: Option<&String>| c.is_none_or(|c| c.trim().is_empty());
    let mut group = String::new();
    (0..header.len())
        .map(|i| {
            let (h, s) = (header[i].trim(), sub.get(i).map_or("", |c| c.trim()));
            if !h.is_empty() {
                group = h.to_string();
            }
            // The first column of a group is followed by an empty header cell.
            let grouped = h.is_empty() || empty(header.get(i + 1));
            match (grouped && !s.is_empty(), h.is_empty()) {
                (true, _) => format!("{group} - {s}"),
                (false, false) => h.to_string(),
                (false, true) => s.to_string(),
            }
        })
        .collect()
}

/// `1 2 3 4 = 3/50 5 6 = 3-5`: every filled cell is its column's number,
/// optionally with a formula.
fn is_column_numbers(row: &[String]) -> bool {
    let filled: Vec<&String> = row.iter().filter(|c| !c.trim().is_empty()).collect();
    filled.len() * 2 >= row.len()
        && row.iter().enumerate().all(|(i, c)| {
            let c = c.trim();
            c.is_empty() || column_number(c) == Some(i + 1)
        })
}

fn column_number(cell: &str) -> Option<usize> {
    let head = cell.split('=').next()?.trim();
    head.parse().ok()
}

/// A number as printed in Vietnamese: `150.650` (thousands), `2,5` (decimal).
/// Returns the value and the number of decimals printed.
pub fn parse_number(cell: &str) -> Option<(f64, u32)> {
    let trimmed = cell.trim();
    // Most cells of a table of figures are plain whole numbers.
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return trimmed.parse().ok().map(|v| (v, 0));
    }
    let c = trimmed.replace(' ', "");
    if c.is_empty()
        || !c
            .chars()
            .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | ',' | '-'))
    {
        return None;
    }
    let (int, frac) = match c.split_once(',') {
        Some((i, f)) => (i.to_string(), f.to_string()),
        None => (c.clone(), String::new()),
    };
    // Dots group thousands: `1.234.567`; a lone dot with other than three digits after is a decimal point.
    let groups: Vec<&str> = int.split('.').collect();
    let (int, frac) = if groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3) {
        (groups.concat(), frac)
    } else if groups.len() == 2 && frac.is_empty() {
        (groups[0].to_string(), groups[1].to_string())
    } else if groups.len() == 1 {
        (int, frac)
    } else {
        return None;
    };
    let text = if frac.is_empty() {
        int
    } else {
        format!("{int}.{frac}")
    };
    text.parse().ok().map(|v| (v, frac.len() as u32))
}

/// Formats a value the Vietnamese way with `decimals` digits: `2.369,74`.
pub fn format_number(v: f64, decimals: u32) -> String {
    let s = format!("{:.*}", decimals as usize, v.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if v < 0.0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

/// A figure of a plan's table that disagrees with the table's own formula
/// (`4 = 3/50` in the column-number row) or total (`Tổng`).
#[derive(Debug, Clone, PartialEq)]
pub struct TableMismatch {
    /// Index into [`Plan::tables`].
    pub table: usize,
    /// Index into the table's [`Table::rows`].
    pub row: usize,
    /// 0-based column.
    pub column: usize,
    /// The 1-based line of the row in the text read.
    pub line: usize,
    /// The figure as printed: `2.370`.
    pub printed: String,
    /// What the rule gives.
    pub expected: f64,
    /// The rule broken: the column's formula as written (`7 = 6/50`), or `Tổng`.
    pub rule: String,
}

impl TableMismatch {
    /// The expected value written as the table writes numbers (`690,5`,
    /// `446.905`), with one decimal more than the printed figure when the
    /// difference is in it.
    pub fn expected_as_printed(&self) -> String {
        let decimals = parse_number(&self.printed).map(|v| v.1).unwrap_or(0) + 1;
        format_number(self.expected, decimals)
            .trim_end_matches('0')
            .trim_end_matches(',')
            .to_string()
    }
}

/// Every figure of the plan's tables that disagrees with its table's
/// formulas or totals, to the precision printed.
pub fn check_tables(plan: &Plan) -> Vec<TableMismatch> {
    let mut out = Vec::new();
    for (n, t) in plan.tables.iter().enumerate() {
        out.extend(check(n, t));
    }
    out
}

/// Checks formulas on every row and totals against column sums; `index` is
/// the table's index in its plan.
fn check(index: usize, table: &Table) -> Vec<TableMismatch> {
    let mismatch = |row: usize, column: usize, expected: f64, rule: &str| TableMismatch {
        table: index,
        row,
        column,
        line: table.row_lines.get(row).copied().unwrap_or(table.line),
        printed: table.rows[row][column].trim().to_string(),
        expected,
        rule: rule.trim().to_string(),
    };
    let mut out = Vec::new();
    let total_row = table.rows.iter().position(|r| {
        r.iter().take(2).any(|c| {
            c.trim()
                .chars()
                .take(4)
                .flat_map(char::to_lowercase)
                .eq("tổng".chars())
        })
    });
    if let Some(columns) = &table.columns {
        for (col, cell) in columns.iter().enumerate() {
            let Some(expr) = cell.split_once('=').and_then(|(_, e)| tokenize(e)) else {
                continue;
            };
            for (r, row) in table.rows.iter().enumerate() {
                let Some((printed, decimals)) = row.get(col).and_then(|c| parse_number(c)) else {
                    continue;
                };
                let Some(expected) = eval(&expr, row) else {
                    continue;
                };
                if !close(printed, expected, decimals) {
                    out.push(mismatch(r, col, expected, cell));
                }
            }
        }
    }
    // A total is the sum of its column, except in a computed column, where
    // the formula decides it (a sum of rounded values may differ by rounding).
    if let Some(t) = total_row {
        let width = table.rows[t].len();
        let computed = |col: usize| {
            table
                .columns
                .as_ref()
                .and_then(|c| c.get(col))
                .is_some_and(|c| c.contains('='))
        };
        for col in (0..width).filter(|c| !computed(*c)) {
            let Some((printed, decimals)) = parse_number(&table.rows[t][col]) else {
                continue;
            };
            let values: Vec<f64> = table
                .rows
                .iter()
                .enumerate()
                .filter(|(r, _)| *r != t)
                .filter_map(|(_, row)| row.get(col).and_then(|c| parse_number(c)).map(|v| v.0))
                .collect();
            if values.is_empty() {
                continue;
            }
            let sum: f64 = values.iter().sum();
            if !close(printed, sum, decimals) {
                out.push(mismatch(t, col, sum, "Tổng"));
            }
        }
    }
    out
}

/// Equal to the precision printed: `2.370` stands for anything in [2369.5, 2370.5].
fn close(printed: f64, expected: f64, decimals: u32) -> bool {
    let half_unit = 0.5 / 10f64.powi(decimals as i32);
    (printed - expected).abs() <= half_unit + 1e-9 * expected.abs().max(1.0)
}

/// Evaluates `3/50`, `3-5`, `(3+4)*2` where bare numbers up to the row's
/// width are column references and larger ones constants.
fn eval(tokens: &[Tok], row: &[String]) -> Option<f64> {
    let mut p = Parser {
        tokens,
        pos: 0,
        row,
    };
    let v = p.sum()?;
    (p.pos == p.tokens.len() && v.is_finite()).then_some(v)
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(String),
    Op(char),
}

fn tokenize(expr: &str) -> Option<Vec<Tok>> {
    let mut out = Vec::new();
    let mut num = String::new();
    for c in expr.chars() {
        if c.is_ascii_digit() || c == ',' || c == '.' {
            num.push(c);
            continue;
        }
        if !num.is_empty() {
            out.push(Tok::Num(std::mem::take(&mut num)));
        }
        match c {
            '+' | '-' | '*' | '/' | '(' | ')' => out.push(Tok::Op(c)),
            'x' | 'X' | '×' => out.push(Tok::Op('*')),
            ':' | '÷' => out.push(Tok::Op('/')),
            c if c.is_whitespace() => {}
            _ => return None,
        }
    }
    if !num.is_empty() {
        out.push(Tok::Num(num));
    }
    Some(out)
}

struct Parser<'a> {
    tokens: &'a [Tok],
    pos: usize,
    row: &'a [String],
}

impl Parser<'_> {
    fn sum(&mut self) -> Option<f64> {
        let mut v = self.product()?;
        while let Some(&Tok::Op(op @ ('+' | '-'))) = self.tokens.get(self.pos) {
            self.pos += 1;
            let r = self.product()?;
            v = if op == '+' { v + r } else { v - r };
        }
        Some(v)
    }

    fn product(&mut self) -> Option<f64> {
        let mut v = self.atom()?;
        while let Some(&Tok::Op(op @ ('*' | '/'))) = self.tokens.get(self.pos) {
            self.pos += 1;
            let r = self.atom()?;
            v = if op == '*' { v * r } else { v / r };
        }
        Some(v)
    }

    fn atom(&mut self) -> Option<f64> {
        let tokens = self.tokens;
        let tok = tokens.get(self.pos)?;
        self.pos += 1;
        match tok {
            &Tok::Op('(') => {
                let v = self.sum()?;
                (self.tokens.get(self.pos) == Some(&Tok::Op(')'))).then(|| self.pos += 1)?;
                Some(v)
            }
            &Tok::Op('-') => self.atom().map(|v| -v),
            Tok::Num(n) => {
                // Whole numbers within the row's width refer to columns
                // (`3/50`: column 3 over fifty days); others are constants.
                if let Ok(c) = n.parse::<usize>() {
                    if (1..=self.row.len()).contains(&c) {
                        return parse_number(&self.row[c - 1]).map(|v| v.0);
                    }
                }
                parse_number(n).map(|v| v.0)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval_text(expr: &str, row: &[String]) -> Option<f64> {
        eval(&tokenize(expr)?, row)
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(parse_number("150.650"), Some((150650.0, 0)));
        assert_eq!(parse_number("700.000"), Some((700000.0, 0)));
        assert_eq!(parse_number("2,5"), Some((2.5, 1)));
        assert_eq!(parse_number("1.234,56"), Some((1234.56, 2)));
        assert_eq!(parse_number("42"), Some((42.0, 0)));
        assert_eq!(parse_number("Quận"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(format_number(2369.74, 2), "2.369,74");
        assert_eq!(format_number(446905.0, 0), "446.905");
    }

    #[test]
    fn formulas_reference_columns() {
        let r = row(&["1", "Quận Ninh Kiều", "150.650", "3.013", "32.163"]);
        assert_eq!(eval_text("3/50", &r), Some(3013.0));
        assert_eq!(eval_text("3-5", &r), Some(150650.0 - 32163.0));
        assert_eq!(
            eval_text("(3 - 5) / 50", &r),
            Some((150650.0 - 32163.0) / 50.0)
        );
        assert_eq!(eval_text("3 x 100", &r), Some(15065000.0));
        assert_eq!(eval_text("3 x 2", &r), None, "column 2 is text");
        assert_eq!(eval_text("3/", &r), None);
        assert_eq!(eval_text("abc", &r), None);
    }

    fn quota() -> Table {
        Table {
            caption: None,
            header: row(&[
                "Stt",
                "Tên",
                "Tổng",
                "Ngày",
                "Đã thu",
                "Còn lại",
                "Ngày còn",
            ]),
            columns: Some(row(&[
                "1", "2", "3", "4 = 3/50", "5", "6 = 3-5", "7 = 6/50",
            ])),
            rows: vec![
                row(&[
                    "1", "Quận A", "150.650", "3.013", "32.163", "118.487", "2.370",
                ]),
                row(&["2", "Quận B", "87.450", "1.749", "52.925", "34.525", "691"]),
                row(&["Tổng", "", "238.100", "4.762", "85.088", "153.012", "3.060"]),
            ],
            line: 1,
            row_lines: vec![3, 4, 5],
        }
    }

    #[test]
    fn a_consistent_table_passes() {
        // 34.525 / 50 = 690,5 may print 691; the total of a computed column
        // follows its formula (153.012 / 50 = 3.060,24), not the sum of rounded values.
        assert!(check(0, &quota()).is_empty(), "{:?}", check(0, &quota()));
    }

    #[test]
    fn a_wrong_value_and_a_wrong_total_are_named() {
        let mut t = quota();
        t.rows[1][6] = "689".into();
        t.rows[2][4] = "85.000".into();
        let m = check(2, &t);
        let found: Vec<(usize, usize, &str)> = m
            .iter()
            .map(|m| (m.row, m.column, m.rule.as_str()))
            .collect();
        assert!(found.contains(&(1, 6, "7 = 6/50")), "{m:?}");
        assert!(found.contains(&(2, 4, "Tổng")), "{m:?}");
        // 6 = 3-5 on the total row now disagrees too.
        assert!(found.contains(&(2, 5, "6 = 3-5")), "{m:?}");
        let wrong = m.iter().find(|m| m.rule == "7 = 6/50").unwrap();
        assert_eq!(format_number(wrong.expected, 1), "690,5");
        assert_eq!(wrong.expected_as_printed(), "690,5");
        assert_eq!(
            (wrong.table, wrong.line, wrong.printed.as_str()),
            (2, 4, "689")
        );
        let total = m.iter().find(|m| m.rule == "Tổng").unwrap();
        assert_eq!(total.expected_as_printed(), "85.088");
    }

    #[test]
    fn merged_header_cells_are_flattened() {
        let rows: Vec<crate::lines::Block> = crate::lines::blocks(
            "STT\tXã\tTrẻ em từ 6 tuổi\t\tTrẻ em dưới 6 tuổi\t\tGhi chú\n\t\tTổng số\tChỉ tiêu\tTổng số\tChỉ tiêu\t\n1\tXã A\t10\t10\t4\t2\t",
        );
        let t = from_rows(&rows, None);
        assert_eq!(
            t.header,
            [
                "STT",
                "Xã",
                "Trẻ em từ 6 tuổi - Tổng số",
                "Trẻ em từ 6 tuổi - Chỉ tiêu",
                "Trẻ em dưới 6 tuổi - Tổng số",
                "Trẻ em dưới 6 tuổi - Chỉ tiêu",
                "Ghi chú"
            ]
        );
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.row_lines, [3]);
        // A first row of figures is data, not a header.
        let rows = crate::lines::blocks("Ấp\tSố\t\n\t12\t3");
        assert_eq!(from_rows(&rows, None).rows.len(), 1);
    }

    #[test]
    fn column_number_row_is_recognized() {
        assert!(is_column_numbers(&row(&["1", "2", "3", "4 = 3/50"])));
        assert!(!is_column_numbers(&row(&[
            "1",
            "Quận Ninh Kiều",
            "150.650"
        ])));
    }
}
