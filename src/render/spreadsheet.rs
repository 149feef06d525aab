//! CSV for spreadsheets: the data files a build writes are opened by staff
//! in Excel, which reads a cell starting with `=`, `+`, `-` or `@` as a
//! formula (CSV injection) and reads a file without a byte-order mark in
//! the system's code page, garbling Vietnamese.

/// The byte-order mark that makes Excel read a CSV file as UTF-8.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// A CSV file from a header and rows, every cell made safe to open.
pub fn csv_file<R, C>(rows: R) -> Vec<u8>
where
    R: IntoIterator<Item = C>,
    C: IntoIterator,
    C::Item: AsRef<str>,
{
    let mut csv = csv::WriterBuilder::new().from_writer(BOM.to_vec());
    for row in rows {
        let cells: Vec<String> = row.into_iter().map(|c| safe_cell(c.as_ref())).collect();
        // Writing into memory fails only when memory runs out.
        let _ = csv.write_record(&cells);
    }
    csv.into_inner().unwrap_or_default()
}

/// The cell as a spreadsheet must show it: a cell a spreadsheet would take
/// for a formula gets a leading `'` (as OWASP recommends), unless it is a
/// number or a phone number (`+84 912 345 678`, `-12.5`): made only of
/// digits, spaces and `+ - . ( )`, it cannot name a function or a cell.
pub fn safe_cell(cell: &str) -> String {
    let formula_like = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula_like && !is_number_like(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn is_number_like(cell: &str) -> bool {
    let body = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    body.starts_with(|c: char| c.is_ascii_digit() || c == '(')
        && body.chars().any(|c| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '(' | ')'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_phone_numbers_kept() {
        for (cell, shown) in [
            (
                "=HYPERLINK(\"http://x\",\"Bấm\")",
                "'=HYPERLINK(\"http://x\",\"Bấm\")",
            ),
            ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
            ("+A1+cmd|' /C calc'!A0", "'+A1+cmd|' /C calc'!A0"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "'\r=1+1"),
            ("+", "'+"),
            ("- ", "'- "),
            ("+84 912 345 678", "+84 912 345 678"),
            ("+84912345678", "+84912345678"),
            ("+84 (292) 3.821-234", "+84 (292) 3.821-234"),
            ("-12.5", "-12.5"),
            ("0292 3821 234", "0292 3821 234"),
            ("Phường 1", "Phường 1"),
        ] {
            assert_eq!(safe_cell(cell), shown, "{cell:?}");
        }
    }

    #[test]
    fn starts_with_a_byte_order_mark() {
        let file = csv_file([["id", "phone"], ["=1+1", "+84 1"]]);
        assert_eq!(
            String::from_utf8(file).unwrap(),
            "\u{feff}id,phone\n'=1+1,+84 1\n"
        );
    }
}
