//! Enrollment points (`content/points/*.csv|*.yaml`) and mobile-team visits
//! (`content/points/visits.csv`), validated field by field.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use jiff::civil::Date;

use super::hours::{self, HoursErrorKind, Minute, Week};
use super::records::{self, Record};
use super::yaml::nearest;
use crate::diagnostic::{Diagnostic, Location};
use crate::messages::{HoursProblem, Msg};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Fixed,
    Mobile,
}

pub const SERVICES: &[&str] = &["cccd", "level2", "integrate", "child"];

#[derive(Debug, Clone)]
pub struct Point {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub district: String,
    pub ward: String,
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub phone: Option<String>,
    pub services: Vec<String>,
    pub hours: Week,
    pub hours_text: Option<String>,
    pub notes: Option<String>,
    pub accessibility: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Visit {
    pub point_id: String,
    pub date: Date,
    pub start: Minute,
    pub end: Minute,
    pub place: String,
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct PointsData {
    pub points: Vec<Point>,
    pub visits: Vec<Visit>,
}

/// The columns of a points file, in the order `points.csv` is written.
pub const POINT_COLUMNS: &[&str] = &[
    "id",
    "name",
    "kind",
    "district",
    "ward",
    "address",
    "lat",
    "lon",
    "phone",
    "services",
    "hours",
    "notes",
    "accessibility",
];
const POINT_REQUIRED: &[&str] = &["id", "name", "kind", "district", "ward"];
const VISIT_COLUMNS: &[&str] = &[
    "point_id", "date", "start", "end", "place", "address", "lat", "lon", "notes",
];
const VISIT_REQUIRED: &[&str] = &["point_id", "date", "start", "end", "place"];

/// Reads every file of `content/points/`.
pub fn load(dir: &Path) -> (PointsData, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    if !dir.is_dir() {
        return (PointsData::default(), problems);
    }
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "csv" || e == "yaml" || e == "yml")
        })
        .collect();
    files.sort();
    let mut texts = Vec::new();
    for path in files {
        match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(t)) => texts.push((path, super::text::normalize(&t))),
            Ok(Err(_)) => problems.push(Diagnostic::error(Location::file(&path), Msg::NotUtf8)),
            Err(e) => problems.push(Diagnostic::error(
                Location::file(&path),
                Msg::ReadFailed {
                    detail: e.to_string(),
                },
            )),
        }
    }
    let (data, more) = parse(&texts);
    problems.extend(more);
    (data, problems)
}

/// Points and visits from the texts of the files of `content/points/`
/// (`visits.csv` holds the visits, every other file points).
pub fn parse(files: &[(std::path::PathBuf, String)]) -> (PointsData, Vec<Diagnostic>) {
    let mut data = PointsData::default();
    let mut problems = Vec::new();
    let mut visit_records = Vec::new();
    for (path, text) in files {
        problems.extend(super::text::lookalikes(path, text));
        let is_visits = path.file_stem().is_some_and(|s| s == "visits");
        if is_visits {
            let (records, mut p) = records::read(path, text, VISIT_COLUMNS, VISIT_REQUIRED);
            problems.append(&mut p);
            visit_records.extend(records);
        } else {
            let (records, mut p) = records::read(path, text, POINT_COLUMNS, POINT_REQUIRED);
            problems.append(&mut p);
            let mut seen: BTreeSet<String> = data.points.iter().map(|p| p.id.clone()).collect();
            for r in records {
                if let Some(point) = point(&r, &mut problems) {
                    if !seen.insert(point.id.clone()) {
                        problems.push(Diagnostic::error(
                            r.at("id"),
                            Msg::DuplicateId { id: point.id },
                        ));
                        continue;
                    }
                    data.points.push(point);
                }
            }
        }
    }
    let kinds: BTreeMap<&str, Kind> = data
        .points
        .iter()
        .map(|p| (p.id.as_str(), p.kind))
        .collect();
    let ids: Vec<&str> = kinds.keys().copied().collect();
    let mut slots = BTreeSet::new();
    for r in visit_records {
        if let Some(v) = visit(&r, &mut problems) {
            // A team is in one place at a time.
            if !slots.insert((v.point_id.clone(), v.date, v.start)) {
                problems.push(Diagnostic::error(
                    r.at("start"),
                    Msg::DuplicateVisit {
                        id: v.point_id.clone(),
                        date: v.date.to_string(),
                        start: hours::hhmm(v.start),
                    },
                ));
                continue;
            }
            if !kinds.contains_key(v.point_id.as_str()) {
                problems.push(Diagnostic::error(
                    r.at("point_id"),
                    Msg::UnknownPoint {
                        suggestion: nearest(&v.point_id, &ids),
                        id: v.point_id,
                    },
                ));
                continue;
            }
            data.visits.push(v);
        }
    }
    data.visits.sort_by(|a, b| {
        (a.date, a.start, &a.point_id, &a.place).cmp(&(b.date, b.start, &b.point_id, &b.place))
    });
    (data, problems)
}

fn required(r: &Record, name: &str, problems: &mut Vec<Diagnostic>) -> Option<String> {
    match r.get(name) {
        Some(v) => Some(v.to_string()),
        None => {
            problems.push(Diagnostic::error(
                r.at(name),
                Msg::MissingValue {
                    column: name.into(),
                },
            ));
            None
        }
    }
}

fn optional(r: &Record, name: &str) -> Option<String> {
    r.get(name).map(str::to_string)
}

fn point(r: &Record, problems: &mut Vec<Diagnostic>) -> Option<Point> {
    let before = problems.len();
    let id = required(r, "id", problems).and_then(|id| {
        // Ids are part of addresses: lower-case ASCII letters, digits and `-`.
        if id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        {
            Some(id)
        } else {
            problems.push(Diagnostic::error(
                r.at("id"),
                Msg::BadId {
                    suggestion: crate::slug::slugify(&id),
                    value: id,
                },
            ));
            None
        }
    });
    let name = required(r, "name", problems);
    let district = required(r, "district", problems);
    let ward = required(r, "ward", problems);
    let kind = required(r, "kind", problems).and_then(|k| match k.to_lowercase().as_str() {
        "fixed" => Some(Kind::Fixed),
        "mobile" => Some(Kind::Mobile),
        _ => {
            problems.push(Diagnostic::error(r.at("kind"), Msg::BadKind { value: k }));
            None
        }
    });
    let mut services = Vec::new();
    for s in r
        .get("services")
        .unwrap_or("")
        .split([' ', ',', ';'])
        .filter(|s| !s.is_empty())
    {
        let s = s.to_lowercase();
        if SERVICES.contains(&s.as_str()) {
            if !services.contains(&s) {
                services.push(s);
            }
        } else {
            problems.push(Diagnostic::error(
                r.at("services"),
                Msg::BadService {
                    suggestion: nearest(&s, SERVICES),
                    value: s,
                },
            ));
        }
    }
    let hours_text = optional(r, "hours");
    let hours = match &hours_text {
        Some(text) => match hours::parse(text) {
            Ok(w) => w,
            Err(e) => {
                let loc = r.at("hours");
                let problem = match e.kind {
                    HoursErrorKind::Day(d) => HoursProblem::Day(d),
                    HoursErrorKind::Time(t) => HoursProblem::Time(t),
                    HoursErrorKind::Order(t) => HoursProblem::Order(t),
                    HoursErrorKind::Incomplete(t) => HoursProblem::Incomplete(t),
                };
                // Point at the character in the cell (+1 for an opening quote is not counted).
                problems.push(Diagnostic::error(
                    Location::new(loc.path, loc.line, loc.column + e.offset),
                    Msg::BadHours { problem },
                ));
                Week::default()
            }
        },
        None => Week::default(),
    };
    if kind == Some(Kind::Fixed) {
        if hours_text.is_none() {
            problems.push(Diagnostic::error(
                r.at("hours"),
                Msg::MissingValue {
                    column: "hours".into(),
                },
            ));
        }
        if r.get("address").is_none() {
            problems.push(Diagnostic::error(
                r.at("address"),
                Msg::MissingValue {
                    column: "address".into(),
                },
            ));
        }
    }
    let (lat, lon) = coordinates(r, problems);
    if problems.len() > before {
        return None;
    }
    Some(Point {
        id: id?,
        name: name?,
        kind: kind?,
        district: district?,
        ward: ward?,
        address: optional(r, "address"),
        lat,
        lon,
        phone: optional(r, "phone"),
        services,
        hours,
        hours_text,
        notes: optional(r, "notes"),
        accessibility: optional(r, "accessibility"),
    })
}

fn coordinates(r: &Record, problems: &mut Vec<Diagnostic>) -> (Option<f64>, Option<f64>) {
    let mut read = |name: &str, limit: f64| -> Option<f64> {
        let v = r.get(name)?;
        match v.replace(',', ".").parse::<f64>() {
            Ok(x) if x.is_finite() && x.abs() <= limit => Some(x),
            _ => {
                problems.push(Diagnostic::error(
                    r.at(name),
                    Msg::BadCoordinate {
                        column: name.into(),
                        value: v.into(),
                    },
                ));
                None
            }
        }
    };
    let lat = read("lat", 90.0);
    let lon = read("lon", 180.0);
    if lat.is_some() != lon.is_some() && r.get("lat").is_some() != r.get("lon").is_some() {
        let missing = if lat.is_some() { "lon" } else { "lat" };
        problems.push(Diagnostic::error(
            r.at(missing),
            Msg::MissingValue {
                column: missing.into(),
            },
        ));
    }
    (lat, lon)
}

/// `2026-06-12` or, as Excel writes it in Vietnam, `12/06/2026`.
fn visit_date(v: &str) -> Result<Date, Msg> {
    let iso = match v.split('/').collect::<Vec<_>>().as_slice() {
        [d, m, y] if y.len() == 4 => format!("{y}-{:0>2}-{:0>2}", m.trim(), d.trim()),
        _ => v.to_string(),
    };
    let tz = jiff::tz::TimeZone::UTC;
    match super::date::parse(&iso, &tz) {
        Ok(d) if !d.has_time => Ok(d.zoned.date()),
        Ok(_) | Err(super::date::DateError::Format) => Err(Msg::DateFormat {
            field: "date".into(),
            value: v.into(),
        }),
        Err(super::date::DateError::DoesNotExist { days_in_month }) => Err(Msg::DateDoesNotExist {
            field: "date".into(),
            value: v.into(),
            days_in_month,
        }),
    }
}

fn visit(r: &Record, problems: &mut Vec<Diagnostic>) -> Option<Visit> {
    let before = problems.len();
    let point_id = required(r, "point_id", problems);
    let place = required(r, "place", problems);
    let date = required(r, "date", problems).and_then(|d| match visit_date(&d) {
        Ok(d) => Some(d),
        Err(msg) => {
            problems.push(Diagnostic::error(r.at("date"), msg));
            None
        }
    });
    let mut time = |name: &str| -> Option<Minute> {
        let v = required(r, name, problems)?;
        match hours::time(&v) {
            Some(t) => Some(t),
            None => {
                problems.push(Diagnostic::error(
                    r.at(name),
                    Msg::BadTime {
                        column: name.into(),
                        value: v,
                    },
                ));
                None
            }
        }
    };
    let start = time("start");
    let end = time("end");
    if let (Some(s), Some(e)) = (start, end) {
        if s >= e {
            problems.push(Diagnostic::error(
                r.at("end"),
                Msg::EndBeforeStart {
                    start: hours::hhmm(s),
                    end: hours::hhmm(e),
                },
            ));
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
