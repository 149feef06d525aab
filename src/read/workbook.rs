//! Workbooks as staff keep them: `.xlsx` and `.xls` (Excel) and `.ods` (LibreOffice),
//! read with calamine. Cells keep what they hold: numbers as numbers, dates
//! and times as dates and times, Excel's errors as errors.

use std::path::Path;

use calamine::{Data, Reader};
use jiff::civil::{Date, Time};

/// The value of one cell.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(Date),
    Time(Time),
    DateTime(Date, Time),
    /// Excel's error shown in the cell: `#REF!`, `#N/A` …
    Error(String),
}

impl CellValue {
    /// The value as text: numbers without a useless `.0`, dates ISO 8601
    /// (`2026-06-15`), times `HH:MM`.
    pub fn text(&self) -> String {
        match self {
            CellValue::Empty => String::new(),
            CellValue::Text(t) => super::text::normalize(t),
            CellValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
            CellValue::Number(n) => n.to_string(),
            CellValue::Bool(b) => b.to_string(),
            CellValue::Date(d) => d.to_string(),
            CellValue::Time(t) => hhmm(*t),
            CellValue::DateTime(d, t) => format!("{d} {}", hhmm(*t)),
            CellValue::Error(e) => e.clone(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            CellValue::Empty => true,
            CellValue::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

fn hhmm(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// One sheet: its name and its cells by row, from `start` (row and column,
/// 1-based, of the first cell).
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub start: (usize, usize),
    pub rows: Vec<Vec<CellValue>>,
}

/// An open workbook.
pub struct Workbook {
    inner: calamine::Sheets<std::io::BufReader<std::fs::File>>,
}

impl Workbook {
    /// Opens an `.xlsx`, `.xls` or `.ods` file; the error says why it cannot be read.
    pub fn open(path: &Path) -> Result<Workbook, String> {
        calamine::open_workbook_auto(path)
            .map(|inner| Workbook { inner })
            .map_err(|e| e.to_string())
    }

    /// The names of its sheets, in the workbook's order.
    pub fn sheet_names(&self) -> Vec<String> {
        self.inner.sheet_names()
    }

    /// The cells of a sheet.
    pub fn sheet(&mut self, name: &str) -> Result<Sheet, String> {
        let range = self
            .inner
            .worksheet_range(name)
            .map_err(|e| e.to_string())?;
        let start = range
            .start()
            .map_or((1, 1), |(r, c)| (r as usize + 1, c as usize + 1));
        let rows = range
            .rows()
            .map(|row| row.iter().map(cell).collect())
            .collect();
        Ok(Sheet {
            name: name.to_string(),
            start,
            rows,
        })
    }
}

fn cell(data: &Data) -> CellValue {
    match data {
        Data::Empty => CellValue::Empty,
        Data::String(s) => CellValue::Text(s.clone()),
        Data::Int(i) => CellValue::Number(*i as f64),
        Data::Float(f) => CellValue::Number(*f),
        Data::Bool(b) => CellValue::Bool(*b),
        Data::DateTime(dt) => excel_date_time(dt),
        Data::DateTimeIso(iso) => iso_date_time(iso),
        Data::DurationIso(iso) => iso_duration(iso),
        Data::Error(e) => CellValue::Error(e.to_string()),
    }
}

/// Excel's serial date and time: a whole number is a date, a fraction of a
/// day a time, both a date and a time.
fn excel_date_time(dt: &calamine::ExcelDateTime) -> CellValue {
    let serial = dt.as_f64();
    let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
    let time = Time::new(h as i8, mi as i8, s as i8, 0).unwrap_or(Time::midnight());
    if dt.is_duration() || (0.0..1.0).contains(&serial) {
        return CellValue::Time(time);
    }
    let Ok(date) = Date::new(y as i16, mo as i8, d as i8) else {
        return CellValue::Number(serial);
    };
    if serial.fract() == 0.0 {
        CellValue::Date(date)
    } else {
        CellValue::DateTime(date, time)
    }
}

/// LibreOffice's `office:date-value`: `2026-06-15` or `2026-06-15T07:30:00`.
fn iso_date_time(iso: &str) -> CellValue {
    // A date alone parses as a date and time at midnight.
    match iso.parse::<jiff::civil::DateTime>() {
        Ok(dt) if dt.time() == Time::midnight() => CellValue::Date(dt.date()),
        Ok(dt) => CellValue::DateTime(dt.date(), dt.time()),
        Err(_) => CellValue::Text(iso.to_string()),
    }
}

/// LibreOffice's `office:time-value`: `PT07H30M00S`.
fn iso_duration(iso: &str) -> CellValue {
    let parsed = iso.parse::<jiff::SignedDuration>().ok().and_then(|d| {
        let seconds = d.as_secs();
        let time = Time::new(
            i8::try_from(seconds / 3600).ok()?,
            i8::try_from(seconds / 60 % 60).ok()?,
            0,
            0,
        );
        time.ok()
    });
    parsed.map_or_else(|| CellValue::Text(iso.to_string()), CellValue::Time)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    fn excel(serial: f64) -> CellValue {
        excel_date_time(&ExcelDateTime::new(
            serial,
            ExcelDateTimeType::DateTime,
            false,
        ))
    }

    #[test]
    fn excel_dates_and_times() {
        let june_15 = jiff::civil::date(2026, 6, 15);
        assert_eq!(excel(46188.0), CellValue::Date(june_15));
        assert_eq!(
            excel(0.3125),
            CellValue::Time(jiff::civil::time(7, 30, 0, 0))
        );
        assert_eq!(
            excel(46188.3125),
            CellValue::DateTime(june_15, jiff::civil::time(7, 30, 0, 0))
        );
        assert_eq!(excel(46188.3125).text(), "2026-06-15 07:30");
    }

    #[test]
    fn libreoffice_dates_and_times() {
        assert_eq!(iso_date_time("2026-06-15").text(), "2026-06-15");
        assert_eq!(
            iso_date_time("2026-06-15T07:30:00").text(),
            "2026-06-15 07:30"
        );
        assert_eq!(iso_duration("PT07H30M00S").text(), "07:30");
    }

    #[test]
    fn numbers_as_written() {
        assert_eq!(CellValue::Number(10.03342).text(), "10.03342");
        assert_eq!(CellValue::Number(901234567.0).text(), "901234567");
        assert_eq!(CellValue::Text("Đi\u{323}a\r\n".into()).text(), "Địa\n");
    }
}
