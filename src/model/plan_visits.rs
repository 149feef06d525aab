//! A campaign's visits from its plan's schedule. When a plan has a table of
//! mobile visits (an appendix: places, days, times) and `points/visits.csv`
//! has no row in the campaign's period, the plan's visits are the
//! campaign's schedule, with a warning asking staff to copy them into
//! `visits.csv` (`loa import PLAN --format visits`), where they get a team,
//! coordinates and corrections.
//!
//! A visit whose place names a point of `points.csv` (the whole place or a
//! part of it between ` - ` or `,`: `Ấp Chợ - Trường Tiểu học Ngọc Biên A`)
//! is that point's visit, listed on its page and its ward's. Any other is a
//! visit with its place in words and no point page, listed on the
//! campaign's page, the schedule and the page of the ward the plan names
//! (its place of issue), when there is one.

use jiff::civil::{Date, Time};
use loa_plan::{Plan, Visit};

use super::places::Places;
use super::schedule::{Event, EventKind};
use super::Node;
use crate::diagnostic::{Diagnostics, Location};
use crate::messages::Msg;
use crate::read::hours::Minute;
use crate::read::plan::CampaignPlan;

/// The visits of every campaign whose plan has a schedule that
/// `visits.csv` does not cover, as events; a warning for each such plan.
pub fn events(
    nodes: &[Node],
    places: &Places,
    default_lang: &str,
    host: &str,
    problems: &mut Diagnostics,
) -> Vec<Event> {
    let mut events = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        if !node.is_campaign() {
            continue;
        }
        let Some(v) = node.versions.get(default_lang) else {
            continue;
        };
        let Some(cp) = v.plan.as_deref() else {
            continue;
        };
        if !schedules_visits(&cp.plan, places) {
            continue;
        }
        let campaign = Campaign {
            index: i,
            slug: node.name(),
            title: v.front.title.clone().unwrap_or_else(|| node.key.clone()),
            ward: ward_named(places, cp.plan.place.as_deref()),
            host,
        };
        let visits = cp.plan.visits.iter().enumerate();
        events.extend(visits.map(|(n, visit)| campaign.visit(places, n + 1, visit)));
        warn(cp, cp.plan.visits.len(), problems);
    }
    events
}

/// Whether the plan's visits are the campaign's schedule: it has some, and
/// `visits.csv` has none from the first day of the plan or its visits to
/// the last.
fn schedules_visits(plan: &Plan, places: &Places) -> bool {
    let dates = || plan.visits.iter().map(|v| v.date);
    let (Some(first), Some(last)) = (dates().min(), dates().max()) else {
        return false;
    };
    let from = plan.period.start.unwrap_or(first).min(first);
    let to = plan.period.end.unwrap_or(last).max(last);
    !covered(places, from, to)
}

/// A campaign whose plan's visits are its schedule.
struct Campaign<'a> {
    /// The node of its page.
    index: usize,
    slug: &'a str,
    title: String,
    /// The ward the plan names as its place of issue.
    ward: Option<usize>,
    host: &'a str,
}

impl Campaign<'_> {
    /// The `n`th visit of the plan (from 1), at the point it names if any.
    fn visit(&self, places: &Places, n: usize, visit: &Visit) -> Event {
        let point = point_named(places, &visit.place);
        let start = visit.start.map(minute_of_day);
        let end = visit.end.map(minute_of_day).or(start);
        let name = point.map_or(self.title.as_str(), |p| places.points[p].name.as_str());
        Event {
            uid: format!(
                "campaign-{}-visit-{}-{n}@{}",
                self.slug, visit.date, self.host
            ),
            kind: EventKind::Visit,
            title: format!("{name} – {}", visit.place),
            date: visit.date,
            last_date: visit.date,
            start,
            end,
            place: Some(visit.place.clone()),
            address: visit.address.clone(),
            lat: None,
            lon: None,
            description: visit.notes.clone(),
            campaign: Some(self.index),
            point,
            ward: point.map(|p| places.ward_of[p]).or(self.ward),
            past: false,
            ends: String::new(),
        }
    }
}

/// Whether `visits.csv` has a row from `from` to `to`, inclusive.
fn covered(places: &Places, from: Date, to: Date) -> bool {
    places.visits.iter().any(|v| from <= v.date && v.date <= to)
}

fn warn(cp: &CampaignPlan, count: usize, problems: &mut Diagnostics) {
    let line = cp.plan.visits.iter().map(|v| v.line).min().unwrap_or(1);
    problems.warning(
        Location::new(&cp.path, line.max(1), 1),
        Msg::PlanVisitsShown {
            count,
            file: format!("content/{}", cp.rel),
        },
    );
}

/// `08:30` → 510.
fn minute_of_day(t: Time) -> Minute {
    Minute::from(t.hour().unsigned_abs()) * 60 + Minute::from(t.minute().unsigned_abs())
}

/// Lower case, single spaces: names compared as staff write them.
fn folded(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The point the place names: the whole place or one of its parts.
fn point_named(places: &Places, place: &str) -> Option<usize> {
    let whole = folded(place);
    let parts: Vec<String> = std::iter::once(whole.clone())
        .chain(
            place
                .split([',', '–', ';'])
                .flat_map(|p| p.split(" - "))
                .map(folded),
        )
        .filter(|p| !p.is_empty())
        .collect();
    parts.iter().find_map(|part| {
        let mut found = places
            .points
            .iter()
            .enumerate()
            .filter(|(_, p)| folded(&p.name) == *part)
            .map(|(i, _)| i);
        // A name two points share names neither.
        match (found.next(), found.next()) {
            (Some(i), None) => Some(i),
            _ => None,
        }
    })
}

/// Words before a ward's own name: `Xã Ngọc Biên` is `Ngọc Biên`.
const UNITS: &[&str] = &["xã ", "phường ", "thị trấn ", "đặc khu "];

fn without_unit(name: &str) -> String {
    let name = folded(name);
    UNITS
        .iter()
        .find_map(|u| name.strip_prefix(u))
        .map(str::to_string)
        .unwrap_or(name)
}

/// The one ward whose name is the plan's place of issue.
fn ward_named(places: &Places, place: Option<&str>) -> Option<usize> {
    let place = without_unit(place?);
    let mut found = places
        .wards
        .iter()
        .enumerate()
        .filter(|(_, w)| without_unit(&w.name) == place)
        .map(|(i, _)| i);
    match (found.next(), found.next()) {
        (Some(i), None) => Some(i),
        _ => None,
    }
}
