//! Enrollment points (`content/points/*.csv|*.yaml`) and mobile-team visits
//! (`content/points/visits.csv`), validated field by field.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::hours::{self, HoursErrorKind, Minute, Week};
use super::records::{self, Record};
use super::yaml::nearest;
use crate::diagnostic::Diagnostics;
use crate::messages::{HoursProblem, Msg};

/// The folder of `content/` that holds the points and visits.
pub const DIR: &str = "points";

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Fixed,
    Mobile,
}

/// What an office or a team does for citizens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Service {
    /// `cccd`: ID cards.
    Cccd,
    /// `level2`: VNeID level-2 accounts.
    Level2,
    /// `integrate`: documents integrated into the VNeID app.
    Integrate,
    /// `child`: ID cards for children 6–14.
    Child,
}

impl Service {
    pub const ALL: [Service; 4] = [
        Service::Cccd,
        Service::Level2,
        Service::Integrate,
        Service::Child,
    ];

    /// The code written in a points file, and the key of its label
    /// (`service_level2`).
    pub fn code(self) -> &'static str {
        match self {
            Service::Cccd => "cccd",
            Service::Level2 => "level2",
            Service::Integrate => "integrate",
            Service::Child => "child",
        }
    }

    /// A service by its code, in any case.
    pub fn from_code(code: &str) -> Option<Service> {
        Service::ALL
            .into_iter()
            .find(|s| s.code().eq_ignore_ascii_case(code))
    }

    /// The same as [`Service::code`].
    pub fn as_str(self) -> &'static str {
        self.code()
    }
}

impl std::fmt::Display for Service {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

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
    pub services: Vec<Service>,
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

/// A text file as read: where it is and its normalized text.
#[derive(Debug, Clone)]
pub struct TextFile {
    pub path: PathBuf,
    pub text: String,
}

/// Reads every file of `content/points/`.
pub fn load(dir: &Path, problems: &mut Diagnostics) -> PointsData {
    if !dir.is_dir() {
        return PointsData::default();
    }
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(dir)
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
    paths.sort();
    let files: Vec<TextFile> = paths
        .into_iter()
        .filter_map(|path| {
            let text = super::text::read_text(&path, problems)?;
            Some(TextFile { path, text })
        })
        .collect();
    parse(&files, problems)
}

/// Points and visits from the texts of the files of `content/points/`
/// (`visits.csv` holds the visits, every other file points).
pub fn parse(files: &[TextFile], problems: &mut Diagnostics) -> PointsData {
    let mut data = PointsData::default();
    let mut visit_records = Vec::new();
    for TextFile { path, text } in files {
        super::text::lookalikes(path, text, problems);
        let is_visits = path.file_stem().is_some_and(|s| s == "visits");
        if is_visits {
            visit_records.extend(records::read(
                path,
                text,
                VISIT_COLUMNS,
                VISIT_REQUIRED,
                problems,
            ));
        } else {
            let records = records::read(path, text, POINT_COLUMNS, POINT_REQUIRED, problems);
            add_points(&mut data.points, &records, problems);
        }
    }
    data.visits = visits(&data.points, visit_records, problems);
    data
}

/// The points of one file, after those of the files before it; an id used
/// twice is an error at the second.
fn add_points(points: &mut Vec<Point>, records: &[Record], problems: &mut Diagnostics) {
    let mut seen: BTreeSet<String> = points.iter().map(|p| p.id.clone()).collect();
    for r in records {
        if let Some(point) = point(r, problems) {
            if !seen.insert(point.id.clone()) {
                problems.error(r.at("id"), Msg::DuplicateId { id: point.id });
                continue;
            }
            points.push(point);
        }
    }
}

/// The visits of known points, one per team and start time, by date.
fn visits(points: &[Point], records: Vec<Record>, problems: &mut Diagnostics) -> Vec<Visit> {
    let kinds: BTreeMap<&str, Kind> = points.iter().map(|p| (p.id.as_str(), p.kind)).collect();
    let ids: Vec<&str> = kinds.keys().copied().collect();
    let mut slots = BTreeSet::new();
    let mut out = Vec::new();
    for r in records {
        let Some(v) = visit(&r, problems) else {
            continue;
        };
        // A team is in one place at a time.
        if !slots.insert((v.point_id.clone(), v.date, v.start)) {
            problems.error(
                r.at("start"),
                Msg::DuplicateVisit {
                    id: v.point_id.clone(),
                    date: v.date,
                    start: hours::hhmm(v.start),
                },
            );
            continue;
        }
        if !kinds.contains_key(v.point_id.as_str()) {
            problems.error(
                r.at("point_id"),
                Msg::UnknownPoint {
                    suggestion: nearest(&v.point_id, &ids),
                    id: v.point_id,
                },
            );
            continue;
        }
        out.push(v);
    }
    out.sort_by(|a, b| {
        (a.date, a.start, &a.point_id, &a.place).cmp(&(b.date, b.start, &b.point_id, &b.place))
    });
    out
}

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

fn point(r: &Record, problems: &mut Diagnostics) -> Option<Point> {
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

/// `cccd, level2`: separated by commas, semicolons or spaces; each once.
fn services(r: &Record, problems: &mut Diagnostics) -> Vec<Service> {
    let mut services = Vec::new();
    let codes: Vec<&str> = Service::ALL.iter().map(|s| s.code()).collect();
    for s in r
        .get("services")
        .unwrap_or("")
        .split([' ', ',', ';'])
        .filter(|s| !s.is_empty())
    {
        let s = s.to_lowercase();
        match Service::from_code(&s) {
            Some(service) => {
                if !services.contains(&service) {
                    services.push(service);
                }
            }
            None => problems.error(
                r.at("services"),
                Msg::BadService {
                    suggestion: nearest(&s, &codes),
                    value: s,
                },
            ),
        }
    }
    services
}

/// The week of `hours`, empty when not given or not readable.
fn opening_hours(r: &Record, text: Option<&str>, problems: &mut Diagnostics) -> Week {
    let Some(text) = text else {
        return Week::default();
    };
    match hours::parse(text) {
        Ok(w) => w,
        Err(e) => {
            let loc = r.at("hours");
            let problem = match e.kind {
                HoursErrorKind::Day(d) => HoursProblem::Day(d),
                HoursErrorKind::Time(t) => HoursProblem::Time(t),
                HoursErrorKind::Order(t) => HoursProblem::Order(t),
                HoursErrorKind::Incomplete(t) => HoursProblem::Incomplete(t),
            };
            // Point at the character in the field (a workbook's cell stays the cell).
            problems.error(loc.shifted(e.offset), Msg::BadHours { problem });
            Week::default()
        }
    }
}

fn coordinates(r: &Record, problems: &mut Diagnostics) -> (Option<f64>, Option<f64>) {
    let mut read = |name: &str, limit: f64| -> Option<f64> {
        let v = r.get(name)?;
        match v.replace(',', ".").parse::<f64>() {
            Ok(x) if x.is_finite() && x.abs() <= limit => Some(x),
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

fn visit(r: &Record, problems: &mut Diagnostics) -> Option<Visit> {
    let before = problems.len();
    let point_id = required(r, "point_id", problems);
    let place = required(r, "place", problems);
    let date = required(r, "date", problems).and_then(|d| match visit_date(&d) {
        Ok(d) => Some(d),
        Err(msg) => {
            problems.error(r.at("date"), msg);
            None
        }
    });
    let mut time = |name: &str| -> Option<Minute> {
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
    };
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn services_are_read_in_any_case_and_separator_once_each() {
        let text = "id,name,kind,district,ward,address,hours,services\n\
                    a,A,fixed,Q,P,1 Đường,T2-CN 07:30-11:30,\"CCCD; level2 cccd,Child\"\n\
                    b,B,mobile,Q,P,,,vneid\n";
        let files = [TextFile {
            path: "points/p.csv".into(),
            text: text.into(),
        }];
        let mut problems = Diagnostics::new();
        let data = parse(&files, &mut problems);
        assert_eq!(
            data.points[0].services,
            [Service::Cccd, Service::Level2, Service::Child]
        );
        let found: Vec<_> = problems.iter().map(|d| &d.msg).collect();
        assert!(
            matches!(found[..], [Msg::BadService { value, .. }] if value == "vneid"),
            "{found:?}"
        );
        assert_eq!(
            serde_json::to_string(&data.points[0].services).unwrap(),
            r#"["cccd","level2","child"]"#
        );
        assert_eq!(format!("service_{}", Service::Level2), "service_level2");
    }

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
