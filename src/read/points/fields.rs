//! One record of a points or visits table, checked field by field: ids,
//! kinds, services, hours, coordinates, phones, dates and times (as text,
//! or as a workbook's number, date and time cells).

use jiff::civil::Date;

use super::{Kind, Point, Service, Visit};
use crate::diagnostic::Diagnostics;
use crate::messages::Msg;
use crate::read::date::{self, DateError};
use crate::read::hours::{self, Hours, Minute};
use crate::read::records::Record;
use crate::read::workbook::CellValue;
use crate::read::yaml::nearest;

fn required(r: &Record, name: &str, problems: &mut Diagnostics) -> Option<String> {
    match r.get(name) {
        Some(v) => Some(v.to_string()),
        None => {
            problems.error(
                r.at(name),
                Msg::MissingValue {
                    column: name.into(),
                },
            );
            None
        }
    }
}

fn optional(r: &Record, name: &str) -> Option<String> {
    r.get(name).map(str::to_string)
}

pub(super) fn point(r: &Record, problems: &mut Diagnostics) -> Option<Point> {
    let before = problems.len();
    let id = required(r, "id", problems).and_then(|id| point_id(r, id, problems));
    let name = required(r, "name", problems);
    let district = required(r, "district", problems);
    let ward = required(r, "ward", problems);
    let kind = required(r, "kind", problems).and_then(|k| match k.to_lowercase().as_str() {
        "fixed" => Some(Kind::Fixed),
        "mobile" => Some(Kind::Mobile),
        _ => {
            problems.error(r.at("kind"), Msg::BadKind { value: k });
            None
        }
    });
    let services = services(r, problems);
    let hours_text = optional(r, "hours");
    let hours = opening_hours(r, hours_text.as_deref(), problems);
    if kind == Some(Kind::Fixed) {
        // An office says when and where it is open.
        for column in ["hours", "address"] {
            if r.get(column).is_none() {
                problems.error(
                    r.at(column),
                    Msg::MissingValue {
                        column: column.into(),
                    },
                );
            }
        }
    }
    let (lat, lon) = coordinates(r, problems);
    if problems.len() > before {
        return None;
    }
    // A warning at most, after the errors that make the row unusable.
    let phone = phone(r, problems);
    Some(Point {
        id: id?,
        name: name?,
        kind: kind?,
        district: district?,
        ward: ward?,
        address: optional(r, "address"),
        lat,
        lon,
        phone,
        services,
        hours,
        hours_text,
        notes: optional(r, "notes"),
        accessibility: optional(r, "accessibility"),
    })
}

/// Ids are part of addresses: lower-case ASCII letters, digits, `-` and `_`.
fn point_id(r: &Record, id: String, problems: &mut Diagnostics) -> Option<String> {
    if id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    {
        return Some(id);
    }
    problems.error(
        r.at("id"),
        Msg::BadId {
            suggestion: crate::slug::slugify(&id),
            value: id,
        },
    );
    None
}

/// `cccd, level2`: separated by commas, semicolons, slashes or spaces;
/// each once. The values not known are one error for the cell.
fn services(r: &Record, problems: &mut Diagnostics) -> Vec<Service> {
    let mut services = Vec::new();
    let codes: Vec<&str> = Service::ALL.iter().map(|s| s.code()).collect();
    let mut unknown: Vec<String> = Vec::new();
    for s in r
        .get("services")
        .unwrap_or("")
        .split([' ', ',', ';', '/'])
        .filter(|s| !s.is_empty())
    {
        let s = s.to_lowercase();
        match Service::from_code(&s) {
            Some(service) if !services.contains(&service) => services.push(service),
            Some(_) => {}
            None if !unknown.contains(&s) => unknown.push(s),
            None => {}
        }
    }
    if !unknown.is_empty() {
        let suggestions = unknown
            .iter()
            .filter_map(|s| Some((s.clone(), nearest(s, &codes)?)))
            .collect();
        problems.error(
            r.at("services"),
            Msg::BadService {
                values: unknown,
                suggestions,
            },
        );
    }
    services
}

/// The hours written in `text` (the `hours` cell), none when not given
/// or not readable.
fn opening_hours(r: &Record, text: Option<&str>, problems: &mut Diagnostics) -> Hours {
    let Some(text) = text else {
        return Hours::default();
    };
    match hours::parse(text) {
        Ok(read) => {
            for o in hours::overlaps(text) {
                problems.warning(
                    r.at("hours").shifted(o.offset),
                    Msg::OverlappingHours {
                        days: o.days,
                        first: o.first,
                        second: o.second,
                    },
                );
            }
            read
        }
        Err(e) => {
            let loc = r.at("hours");
            // Point at the character in the field (a workbook's cell stays the cell).
            problems.error(loc.shifted(e.offset), Msg::BadHours { problem: e.kind });
            Hours::default()
        }
    }
}

fn coordinates(r: &Record, problems: &mut Diagnostics) -> (Option<f64>, Option<f64>) {
    let mut read = |name: &str, limit: f64| -> Option<f64> {
        let v = r.get(name)?;
        match v.replace(',', ".").parse::<f64>() {
            Ok(x) if x.is_finite() && x.abs() <= limit => Some(x),
            // `1e999`: beyond what any number holds, not a mistyped coordinate.
            Ok(x) if x.is_infinite() => {
                problems.error(
                    r.at(name),
                    Msg::NumberOutOfRange {
                        number: v.into(),
                        limit: format!("{}{limit}", if x < 0.0 { "-" } else { "" }),
                        negative: x < 0.0,
                    },
                );
                None
            }
            _ => {
                problems.error(
                    r.at(name),
                    Msg::BadCoordinate {
                        column: name.into(),
                        value: v.into(),
                    },
                );
                None
            }
        }
    };
    let lat = read("lat", 90.0);
    let lon = read("lon", 180.0);
    if lat.is_some() != lon.is_some() && r.get("lat").is_some() != r.get("lon").is_some() {
        let missing = if lat.is_some() { "lon" } else { "lat" };
        problems.error(
            r.at(missing),
            Msg::MissingValue {
                column: missing.into(),
            },
        );
    }
    (lat, lon)
}

/// A visit's day as text: see [`date::parse_day`].
fn visit_date(v: &str) -> Result<Date, Msg> {
    date::parse_day(v).map_err(|e| match e {
        DateError::DoesNotExist { days_in_month } => Msg::DateDoesNotExist {
            field: "date".into(),
            value: v.into(),
            days_in_month,
        },
        DateError::Format | DateError::Offset => Msg::DateFormat {
            field: "date".into(),
            value: v.into(),
        },
    })
}

/// The day of a visit: a workbook's date cell (or the day of a date and
/// time), or a date written as text.
fn day(r: &Record, problems: &mut Diagnostics) -> Option<Date> {
    if let Some(CellValue::Date(d) | CellValue::DateTime(d, _)) = r.cell("date") {
        return Some(*d);
    }
    let text = required(r, "date", problems)?;
    match visit_date(&text) {
        Ok(d) => Some(d),
        Err(msg) => {
            problems.error(r.at("date"), msg);
            None
        }
    }
}

/// The start or end of a visit: a workbook's time cell (or the time of a
/// date and time), or `07:30` written as text.
fn time_of_day(r: &Record, name: &str, problems: &mut Diagnostics) -> Option<Minute> {
    if let Some(CellValue::Time(t) | CellValue::DateTime(_, t)) = r.cell(name) {
        let (h, m) = (t.hour().unsigned_abs(), t.minute().unsigned_abs());
        return Some(Minute::from(h) * 60 + Minute::from(m));
    }
    let v = required(r, name, problems)?;
    match hours::time(&v) {
        Some(t) => Some(t),
        None => {
            problems.error(
                r.at(name),
                Msg::BadTime {
                    column: name.into(),
                    value: v,
                },
            );
            None
        }
    }
}

/// The phone; one that Excel stored as a number has lost its leading `0`
/// (`0901234567` → 901234567) or its `+` (`+84901234567` → 84901234567):
/// given back, with a warning.
fn phone(r: &Record, problems: &mut Diagnostics) -> Option<String> {
    let text = optional(r, "phone")?;
    let Some(CellValue::Number(_)) = r.cell("phone") else {
        return Some(text);
    };
    let restored = match text.len() {
        11 | 12 if text.starts_with("84") => format!("+{text}"),
        9 | 10 => format!("0{text}"),
        _ => return Some(text),
    };
    problems.warning(
        r.at("phone"),
        Msg::PhoneAsNumber {
            value: text,
            restored: restored.clone(),
        },
    );
    Some(restored)
}

pub(super) fn visit(r: &Record, problems: &mut Diagnostics) -> Option<Visit> {
    let before = problems.len();
    let point_id = required(r, "point_id", problems);
    let place = required(r, "place", problems);
    let date = day(r, problems);
    let mut time = |name: &str| time_of_day(r, name, problems);
    let start = time("start");
    let end = time("end");
    if let (Some(s), Some(e)) = (start, end) {
        if s >= e {
            problems.error(
                r.at("end"),
                Msg::EndBeforeStart {
                    start: hours::hhmm(s),
                    end: hours::hhmm(e),
                },
            );
        }
    }
    let (lat, lon) = coordinates(r, problems);
    if problems.len() > before {
        return None;
    }
    Some(Visit {
        point_id: point_id?,
        date: date?,
        start: start?,
        end: end?,
        place: place?,
        address: optional(r, "address"),
        lat,
        lon,
        notes: optional(r, "notes"),
        campaign: optional(r, "campaign"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visit_dates_in_both_forms() {
        assert_eq!(visit_date("2026-06-12").unwrap().to_string(), "2026-06-12");
        assert_eq!(visit_date("12/6/2026").unwrap().to_string(), "2026-06-12");
        assert!(matches!(
            visit_date("30/02/2026"),
            Err(Msg::DateDoesNotExist { .. })
        ));
        assert!(matches!(visit_date("mai"), Err(Msg::DateFormat { .. })));
    }
}
