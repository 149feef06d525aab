//! Enrollment points and mobile-team visits (`content/points/`: CSV, Excel
//! and LibreOffice workbooks, YAML), validated field by field.

mod fields;
mod files;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::hours::{self, Hours, Minute};
use super::records::{Columns, Record};
use super::yaml::nearest;
use crate::diagnostic::Diagnostics;
use crate::messages::Msg;

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
    /// Its hours as written, read for a day with [`Hours::on`].
    pub hours: Hours,
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
    /// The campaign it is for (`campaigns/<name>/`), when the `campaign`
    /// column says; otherwise a visit belongs to the campaigns whose
    /// period it falls in.
    pub campaign: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct PointsData {
    pub points: Vec<Point>,
    pub visits: Vec<Visit>,
    /// Some points could not be read (a file cannot be read, a row has an
    /// error, already reported): their pages are missing, and a link to
    /// them is no second error.
    pub incomplete: bool,
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
    "point_id", "date", "start", "end", "place", "address", "lat", "lon", "notes", "campaign",
];
const VISIT_REQUIRED: &[&str] = &["point_id", "date", "start", "end", "place"];

/// What a table of `points/` holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Points,
    Visits,
}

impl Role {
    /// `visits.csv`, `visits.xlsx` hold visits; every other file points.
    fn of_file(path: &Path) -> Role {
        if path
            .file_stem()
            .is_some_and(|s| s.to_string_lossy().to_lowercase() == "visits")
        {
            Role::Visits
        } else {
            Role::Points
        }
    }

    fn columns(self) -> Columns<'static> {
        match self {
            Role::Points => Columns {
                known: POINT_COLUMNS,
                required: POINT_REQUIRED,
                list: Some(("services", |v| Service::from_code(v).is_some())),
            },
            Role::Visits => Columns {
                known: VISIT_COLUMNS,
                required: VISIT_REQUIRED,
                list: None,
            },
        }
    }
}

/// The records of one table (a file, or a sheet of a workbook) and what
/// they hold.
#[derive(Debug, Clone)]
pub struct Table {
    pub role: Role,
    pub records: Vec<Record>,
}

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
    let (tables, complete) = files::read(dir, problems);
    build(tables, complete, problems)
}

/// Points and visits from the texts of files of `content/points/`.
pub fn parse(files: &[TextFile], problems: &mut Diagnostics) -> PointsData {
    let tables = files
        .iter()
        .map(|TextFile { path, text }| files::text_table(path, text, problems))
        .collect();
    build(tables, true, problems)
}

/// Points and visits from the tables read. When a file could not be read
/// (`complete` is false), a visit of a team not found is left out without
/// a word: the team may be in that file, whose error is the one to fix.
fn build(tables: Vec<Table>, complete: bool, problems: &mut Diagnostics) -> PointsData {
    let mut data = PointsData::default();
    let mut visit_records = Vec::new();
    // Ids written in rows that have errors: their visits are not "unknown".
    let mut written = BTreeSet::new();
    let mut point_problems = Diagnostics::new();
    for table in tables {
        match table.role {
            Role::Visits => visit_records.extend(table.records),
            Role::Points => add_points(
                &mut data.points,
                &table.records,
                &mut written,
                &mut point_problems,
            ),
        }
    }
    data.incomplete = !complete || !written.is_empty() || point_problems.has_errors();
    problems.extend(point_problems);
    let known = Known {
        points: &data.points,
        written: &written,
        complete,
    };
    data.visits = visits(&known, visit_records, problems);
    data
}

/// What a visit's `point_id` is checked against.
struct Known<'a> {
    points: &'a [Point],
    written: &'a BTreeSet<String>,
    complete: bool,
}

/// The points of one table, after those before it; an id used twice is an
/// error at the second. The ids of rows with errors go to `written`.
fn add_points(
    points: &mut Vec<Point>,
    records: &[Record],
    written: &mut BTreeSet<String>,
    problems: &mut Diagnostics,
) {
    let mut seen: BTreeSet<String> = points.iter().map(|p| p.id.clone()).collect();
    for r in records {
        let point = if r.broken {
            None
        } else {
            fields::point(r, problems)
        };
        let Some(point) = point else {
            written.extend(r.get("id").map(str::to_string));
            continue;
        };
        if !seen.insert(point.id.clone()) {
            problems.error(r.at("id"), Msg::DuplicateId { id: point.id });
            continue;
        }
        points.push(point);
    }
}

/// The visits of known points, one per team and start time, by date.
fn visits(known: &Known, records: Vec<Record>, problems: &mut Diagnostics) -> Vec<Visit> {
    let kinds: BTreeMap<&str, Kind> = known
        .points
        .iter()
        .map(|p| (p.id.as_str(), p.kind))
        .collect();
    let ids: Vec<&str> = kinds.keys().copied().collect();
    let mut slots = BTreeSet::new();
    let mut out = Vec::new();
    for r in records.iter().filter(|r| !r.broken) {
        let Some(v) = fields::visit(r, problems) else {
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
            if known.complete && !known.written.contains(&v.point_id) {
                problems.error(
                    r.at("point_id"),
                    Msg::UnknownPoint {
                        suggestion: nearest(&v.point_id, &ids),
                        id: v.point_id,
                    },
                );
            }
            continue;
        }
        out.push(v);
    }
    out.sort_by(|a, b| {
        (a.date, a.start, &a.point_id, &a.place).cmp(&(b.date, b.start, &b.point_id, &b.place))
    });
    out
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
            matches!(found[..], [Msg::BadService { values, .. }] if values == &["vneid"]),
            "{found:?}"
        );
        assert_eq!(
            serde_json::to_string(&data.points[0].services).unwrap(),
            r#"["cccd","level2","child"]"#
        );
        assert_eq!(format!("service_{}", Service::Level2), "service_level2");
    }
}
