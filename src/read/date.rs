//! Dates written in front matter: `2026-06-30`, `2026-06-30 08:00`,
//! `2026-06-30T08:00:00+07:00`. Dates without an offset are in the site's time zone.

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

#[derive(Debug, Clone, PartialEq)]
pub struct PageDate {
    pub zoned: Zoned,
    pub has_time: bool,
}

#[derive(Debug, PartialEq)]
pub enum DateError {
    Format,
    DoesNotExist {
        days_in_month: i8,
    },
    /// An offset beyond ±14:00, or with minutes of 60 or more.
    Offset,
}

impl PageDate {
    /// ISO date `2026-06-30`.
    pub fn ymd(&self) -> String {
        self.zoned.date().to_string()
    }

    /// A day without a time (a plan's dates), at its start in `tz`.
    pub fn from_date(date: Date, tz: &TimeZone) -> Option<PageDate> {
        let zoned = date.to_zoned(tz.clone()).ok()?;
        Some(PageDate {
            zoned,
            has_time: false,
        })
    }

    /// RFC 3339 with offset, for feeds and `<time datetime>`.
    pub fn rfc3339(&self) -> String {
        self.zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }
}

/// A day as staff write it in a table: `2026-06-12` or, as Excel writes
/// it in Vietnam, day first: `12/06/2026`, `12/6/2026`, `12-06-2026`,
/// `12.06.2026`. A time after the day is a [`DateError::Format`].
pub fn parse_day(value: &str) -> Result<Date, DateError> {
    let value = value.trim();
    let iso = match value.split(['/', '-', '.']).collect::<Vec<_>>().as_slice() {
        [d, m, y] if y.trim().len() == 4 && d.trim().len() <= 2 => {
            format!("{}-{:0>2}-{:0>2}", y.trim(), m.trim(), d.trim())
        }
        _ => value.to_string(),
    };
    match parse(&iso, &TimeZone::UTC)? {
        d if d.has_time => Err(DateError::Format),
        d => Ok(d.zoned.date()),
    }
}

pub fn parse(value: &str, tz: &TimeZone) -> Result<PageDate, DateError> {
    let value = value.trim();
    let (Some(ymd), Some(rest)) = (value.get(..10), value.get(10..)) else {
        return Err(DateError::Format);
    };
    let date = parse_ymd(ymd)?;
    if rest.is_empty() {
        let zoned = date.to_zoned(tz.clone()).map_err(|_| DateError::Format)?;
        return Ok(PageDate {
            zoned,
            has_time: false,
        });
    }
    if !offset_exists(rest) {
        return Err(DateError::Offset);
    }
    let normalized = value.replacen(' ', "T", 1);
    if let Ok(ts) = normalized.parse::<Timestamp>() {
        return Ok(PageDate {
            zoned: ts.to_zoned(tz.clone()),
            has_time: true,
        });
    }
    let dt: DateTime = normalized.parse().map_err(|_| DateError::Format)?;
    let zoned = dt.to_zoned(tz.clone()).map_err(|_| DateError::Format)?;
    Ok(PageDate {
        zoned,
        has_time: true,
    })
}

/// Whether the offset at the end of the time `rest` (`T08:00:00+07:00`),
/// if it has one, is one a place can have: from -14:00 to +14:00, its
/// minutes below 60.
fn offset_exists(rest: &str) -> bool {
    let Some(sign) = rest.rfind(['+', '-', '−']) else {
        return true;
    };
    let offset = rest[sign..].trim_start_matches(['+', '-', '−']);
    let digits: String = offset.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() < 2 || !offset.chars().all(|c| c.is_ascii_digit() || c == ':') {
        return true; // not an offset: the parsers below tell what it is
    }
    let number = |r: std::ops::Range<usize>| digits.get(r).and_then(|d| d.parse::<u32>().ok());
    let hours = number(0..2).unwrap_or(0);
    let minutes = number(2..4).unwrap_or(0);
    minutes < 60 && hours * 60 + minutes <= 14 * 60
}

fn parse_ymd(s: &str) -> Result<Date, DateError> {
    let bytes = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<i32> {
        let part = s.get(r)?;
        if part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return Err(DateError::Format);
    }
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return Err(DateError::Format);
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(DateError::Format);
    }
    let (y, m, d) = (y as i16, m as i8, d as i8);
    Date::new(y, m, d).map_err(|_| {
        let days_in_month = Date::new(y, m, 1)
            .map(|first| first.days_in_month())
            .unwrap_or(31);
        DateError::DoesNotExist { days_in_month }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hcm() -> TimeZone {
        TimeZone::get("Asia/Ho_Chi_Minh").unwrap()
    }

    #[test]
    fn plain_date_is_midnight_in_site_zone() {
        let d = parse("2026-06-30", &hcm()).unwrap();
        assert_eq!(d.ymd(), "2026-06-30");
        assert_eq!(d.rfc3339(), "2026-06-30T00:00:00+07:00");
        assert!(!d.has_time);
    }

    #[test]
    fn date_with_time_and_offset() {
        let d = parse("2026-06-30T08:30:00+07:00", &hcm()).unwrap();
        assert_eq!(d.rfc3339(), "2026-06-30T08:30:00+07:00");
        let d = parse("2026-06-30 08:30", &hcm()).unwrap();
        assert_eq!(d.rfc3339(), "2026-06-30T08:30:00+07:00");
        let d = parse("2026-06-30T01:00:00Z", &hcm()).unwrap();
        assert_eq!(d.rfc3339(), "2026-06-30T08:00:00+07:00");
    }

    #[test]
    fn impossible_dates_name_the_month_length() {
        assert_eq!(
            parse("2026-02-30", &hcm()),
            Err(DateError::DoesNotExist { days_in_month: 28 })
        );
        assert_eq!(
            parse("2024-02-30", &hcm()),
            Err(DateError::DoesNotExist { days_in_month: 29 })
        );
        assert_eq!(
            parse("2026-04-31", &hcm()),
            Err(DateError::DoesNotExist { days_in_month: 30 })
        );
    }

    #[test]
    fn malformed_dates() {
        for bad in [
            "30/6/2026",
            "2026-13-01",
            "2026-6-30",
            "tomorrow",
            "2026-06-30Tnoon",
            "",
        ] {
            assert_eq!(parse(bad, &hcm()), Err(DateError::Format), "{bad}");
        }
    }
}
