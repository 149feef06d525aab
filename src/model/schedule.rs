//! Every public date of the site: campaign periods, the deadlines of plans
//! addressed to residents ([`Audience::Public`]), and every mobile-team
//! visit (of `visits.csv`, or of a plan's schedule: see
//! [`super::plan_visits`]). This is the one place that decides what
//! citizens see of a plan's dates: the home page, the schedule, calendars,
//! feeds and posters take their dates from here, so a task of the agencies,
//! a report or a target ([`Audience::Internal`]) never reaches them; it
//! stays on the plan's own page. "Now" (the build's time, or `--now`)
//! splits them into upcoming and past.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use jiff::Zoned;

use loa_plan::{Audience, Plan};

use super::places::Places;
use super::{Node, NodeKind};
use crate::diagnostic::Diagnostics;
use crate::read::hours::Minute;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Period,
    Deadline,
    Visit,
}

/// Events by point, by ward and by campaign, built once.
#[derive(Debug, Clone, Default)]
pub struct EventIndex {
    pub by_point: Vec<Vec<usize>>,
    pub by_ward: Vec<Vec<usize>>,
    pub by_campaign: std::collections::BTreeMap<usize, Vec<usize>>,
    /// Months (`2026-06`) with their events, in order.
    pub by_month: Vec<(String, Vec<usize>)>,
}

impl EventIndex {
    pub fn new(events: &[Event], places: &Places) -> Self {
        let mut index = EventIndex {
            by_point: vec![Vec::new(); places.points.len()],
            by_ward: vec![Vec::new(); places.wards.len()],
            by_campaign: Default::default(),
            by_month: super::generated::months(events),
        };
        for (i, e) in events.iter().enumerate() {
            if let Some(p) = e.point {
                index.by_point[p].push(i);
            }
            if let Some(w) = e.ward {
                index.by_ward[w].push(i);
            }
            if let Some(c) = e.campaign {
                index.by_campaign.entry(c).or_default().push(i);
            }
        }
        index
    }
}

#[derive(Debug, Clone)]
pub struct Event {
    /// Stable across builds: the same event keeps its UID in every calendar.
    pub uid: String,
    pub kind: EventKind,
    pub title: String,
    pub date: Date,
    /// Last day, inclusive (the same as `date` for one-day events).
    pub last_date: Date,
    pub start: Option<Minute>,
    pub end: Option<Minute>,
    pub place: Option<String>,
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub description: Option<String>,
    /// The campaign node it belongs to.
    pub campaign: Option<usize>,
    /// The point (mobile team) of a visit.
    pub point: Option<usize>,
    /// The ward of a visit's team.
    pub ward: Option<usize>,
    /// Over before the build's "now" (set by [`settle`]).
    pub past: bool,
    /// When it is over, RFC 3339 (set by [`settle`]).
    pub ends: String,
}

impl Event {
    /// When it is over: the end of its last day, or its end time.
    pub fn ends_at(&self, tz: &TimeZone) -> Option<Zoned> {
        let time = match self.end {
            Some(m) => Time::new((m / 60).min(23) as i8, (m % 60) as i8, 0, 0).ok()?,
            None => Time::new(23, 59, 59, 0).ok()?,
        };
        DateTime::from_parts(self.last_date, time)
            .to_zoned(tz.clone())
            .ok()
    }

    pub fn starts_at(&self, tz: &TimeZone) -> Option<Zoned> {
        let m = self.start.unwrap_or(0);
        let time = Time::new((m / 60).min(23) as i8, (m % 60) as i8, 0, 0).ok()?;
        DateTime::from_parts(self.date, time)
            .to_zoned(tz.clone())
            .ok()
    }
}

/// A short title from a long sentence: its first words, cut at a word.
pub fn short(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max_chars {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim_end_matches([',', ';', ':']).to_string() + "…"
}

/// `08:30` → 510.
fn minute_of_day(t: Time) -> Minute {
    Minute::from(t.hour().unsigned_abs()) * 60 + Minute::from(t.minute().unsigned_abs())
}

/// Computes, once, what every page asks of each event: past or not, and its end.
pub fn settle(events: &mut [Event], now: &Zoned) {
    for e in events {
        let end = e.ends_at(now.time_zone());
        e.past = end.as_ref().is_some_and(|end| end < now);
        e.ends = end
            .map(|z| z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
            .unwrap_or_default();
    }
}

/// Every event of the schedule, by date and hour: mobile visits from the
/// plans `visits.csv` does not cover, each campaign's period and the
/// deadlines its plan sets residents, and the visits of `visits.csv`.
pub fn build(
    nodes: &[Node],
    places: &Places,
    default_lang: &str,
    host: &str,
    problems: &mut Diagnostics,
) -> Vec<Event> {
    let mut events = super::plan_visits::events(nodes, places, default_lang, host, problems);
    for (i, node) in nodes.iter().enumerate() {
        if node.kind != NodeKind::Page {
            continue;
        }
        let Some(v) = node.versions.get(default_lang) else {
            continue;
        };
        let Some(plan) = v.plan.as_ref().map(|p| &p.plan) else {
            continue;
        };
        let campaign = Campaign {
            index: i,
            title: v.front.title.clone().unwrap_or_else(|| node.key.clone()),
            slug: node.name(),
            plan,
            host,
        };
        events.extend(campaign.period());
        events.extend(campaign.deadlines());
    }
    events.extend(visits(places, host));
    events.sort_by(|a, b| {
        (a.date, a.start, a.kind, &a.title, &a.uid)
            .cmp(&(b.date, b.start, b.kind, &b.title, &b.uid))
    });
    // Two visits of a team at the same hour would share a UID: keep each once.
    events.dedup_by(|b, a| a.uid == b.uid);
    events
}

/// A campaign page with a plan, as its events are made.
struct Campaign<'a> {
    /// The node of its page.
    index: usize,
    title: String,
    slug: &'a str,
    plan: &'a Plan,
    host: &'a str,
}

impl Campaign<'_> {
    /// The campaign's period, when its plan gives its last day.
    fn period(&self) -> Option<Event> {
        let (start, end) = (self.plan.period.start, self.plan.period.end?);
        Some(Event {
            uid: format!("campaign-{}-period@{}", self.slug, self.host),
            kind: EventKind::Period,
            title: self.title.clone(),
            date: start.filter(|s| *s <= end).unwrap_or(end),
            last_date: end,
            start: None,
            end: None,
            place: self.plan.place.clone(),
            address: None,
            lat: None,
            lon: None,
            description: self.plan.audience.clone(),
            campaign: Some(self.index),
            point: None,
            ward: None,
            past: false,
            ends: String::new(),
        })
    }

    /// The deadlines the plan sets residents, each date and text once.
    fn deadlines(&self) -> Vec<Event> {
        let mut seen = std::collections::HashSet::new();
        let public = self
            .plan
            .deadlines
            .iter()
            .filter(|d| d.audience == Audience::Public)
            .filter(|d| seen.insert((d.date, short(&d.text, 80))));
        public
            .enumerate()
            .map(|(k, d)| {
                let (date, text) = (d.date, &d.text);
                let minute = d.time.map(minute_of_day);
                Event {
                    uid: format!(
                        "campaign-{}-deadline-{date}-{}@{}",
                        self.slug,
                        k + 1,
                        self.host
                    ),
                    kind: EventKind::Deadline,
                    title: short(text, 90),
                    date,
                    last_date: date,
                    start: minute,
                    end: minute,
                    place: self.plan.place.clone(),
                    address: None,
                    lat: None,
                    lon: None,
                    description: Some(format!("{}: {text}", self.title)),
                    campaign: Some(self.index),
                    point: None,
                    ward: None,
                    past: false,
                    ends: String::new(),
                }
            })
            .collect()
    }
}

/// The visits of mobile teams to each point (`points/visits.csv`).
fn visits<'a>(places: &'a Places, host: &'a str) -> impl Iterator<Item = Event> + 'a {
    places
        .visits_of
        .iter()
        .enumerate()
        .flat_map(move |(p, visits)| {
            let point = &places.points[p];
            visits.iter().map(move |&vi| {
                let v = &places.visits[vi];
                Event {
                    uid: format!(
                        "visit-{}-{}-{}@{host}",
                        point.id,
                        v.date,
                        crate::read::hours::hhmm(v.start).replace(':', "")
                    ),
                    kind: EventKind::Visit,
                    title: format!("{} – {}", point.name, v.place),
                    date: v.date,
                    last_date: v.date,
                    start: Some(v.start),
                    end: Some(v.end),
                    place: Some(v.place.clone()),
                    address: v.address.clone(),
                    lat: v.lat,
                    lon: v.lon,
                    description: v.notes.clone(),
                    campaign: None,
                    point: Some(p),
                    ward: Some(places.ward_of[p]),
                    past: false,
                    ends: String::new(),
                }
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_cut_at_a_word() {
        assert_eq!(
            short("Hoàn thành trước ngày 30/6", 80),
            "Hoàn thành trước ngày 30/6"
        );
        assert_eq!(short("một hai ba bốn năm", 10), "một hai ba…");
    }
}
