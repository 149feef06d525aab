//! Events as pages list them: each event's list item, made once per
//! language (see [`fragments`]), and lists of them by month, upcoming and
//! past, for the schedule, wards, points, campaigns and the home page.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{json, Value};

use super::context::{DateCtx, LangCtx};
use super::fragments;
use super::state::RenderCtx;
use crate::diagnostic::Diagnostics;
use crate::model::generated::{event_path, month_path, EVENTS_PER_PAGE};
use crate::model::places::point_path;
use crate::model::schedule::{Event, EventKind};
use crate::model::{lang_prefix, Site};
use crate::read::hours::hhmm;

/// Upcoming events listed on the schedule's first page (the month pages and
/// the calendar have all of them).
pub const SCHEDULE_LISTED: usize = 30;
/// Upcoming visits listed on a ward's or a point's page: the next two weeks
/// or so of a busy team, keeping the page within a phone's budget; the rest
/// are a link away, on the schedule's month page, and in the calendar file.
pub const PLACE_LISTED: usize = 10;
/// Past events listed, most recent first.
const PAST_LISTED: usize = 10;

/// What the theme's `partials/event_item.html` sees as `e`.
#[derive(Serialize)]
pub struct EventCtx {
    uid: String,
    kind: EventKind,
    title: String,
    date: DateCtx,
    last_date: Option<DateCtx>,
    time: Option<String>,
    /// When it is over (RFC 3339), for the script that moves past events.
    ends: String,
    place: Option<String>,
    address: Option<String>,
    /// What staff wrote for citizens about a visit (`Mang theo giấy khai sinh`).
    notes: Option<String>,
    /// The ward of a visit's team, when its address does not name it.
    ward: Option<String>,
    /// The item's id on a page: its UID without the host.
    anchor: String,
    url: Option<String>,
    ics_url: Option<String>,
    map_url: Option<String>,
    campaign: Option<String>,
}

/// An event in a list: its item, made once (see [`fragments`]).
#[derive(Serialize)]
pub struct EventRef {
    html: String,
}

pub fn event_ref(i: usize) -> EventRef {
    EventRef {
        html: fragments::placeholder(i),
    }
}

#[derive(Serialize)]
struct MonthCtx {
    id: String,
    label: String,
    url: String,
    count: usize,
    events: Vec<EventRef>,
}

/// An event's id on a page: its UID without the host, the same in every build.
pub fn anchor(e: &Event) -> String {
    e.uid.split('@').next().unwrap_or(&e.uid).to_string()
}

/// A link to OpenStreetMap at a place.
pub fn osm(lat: f64, lon: f64) -> String {
    format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}")
}

/// Every event's list item in every language, by language, for
/// [`fragments::fill`]; none when the theme has no such template.
pub fn items(r: &RenderCtx, problems: &mut Diagnostics) -> BTreeMap<String, Vec<String>> {
    let mut all = BTreeMap::new();
    if !r.templates.has(fragments::EVENT_ITEMS) {
        return all;
    }
    let indices: Vec<usize> = (0..r.site.events.len()).collect();
    for lang in &r.site.config.languages {
        let lc = r.lang(&lang.code);
        let render = |chunk: &[usize]| {
            let events: Vec<EventCtx> =
                chunk.iter().map(|&i| lc.event(&r.site.events[i])).collect();
            let mut ctx = r.base_context(&lc, "");
            ctx.insert("events", &events);
            let mut html = Vec::new();
            r.templates
                .render_to(fragments::EVENT_ITEMS, &ctx, &mut html)
                .map(|()| String::from_utf8_lossy(&html).into_owned())
        };
        let finish =
            |html: String| String::from_utf8_lossy(&r.finish(html.into_bytes())).into_owned();
        match fragments::render_all(&indices, render, finish) {
            Ok(list) => {
                all.insert(lang.code.clone(), list);
            }
            Err(d) => {
                // The same mistake in every language: report it once.
                problems.push(d);
                break;
            }
        }
    }
    all
}

/// The first `n` upcoming campaign dates (not team visits) among `events`,
/// as event items.
pub fn upcoming_refs(events: impl Iterator<Item = usize>, site: &Site, n: usize) -> Vec<Value> {
    events
        .filter(|&i| {
            let e = &site.events[i];
            !e.past && e.kind != EventKind::Visit
        })
        .take(n)
        .map(|i| json!({ "html": fragments::placeholder(i) }))
        .collect()
}

/// Upcoming events by month (the first `listed` of them) and the most
/// recent past ones, of a list of event indices in date order; `more_url`
/// is the first unlisted event on its schedule month page.
pub fn lists(lc: &LangCtx, events: &[usize], listed: usize) -> Value {
    let (mut past, upcoming): (Vec<usize>, Vec<usize>) =
        events.iter().partition(|&&i| lc.site.events[i].past);
    past.reverse();
    let more = upcoming.len().saturating_sub(listed);
    let more_url = upcoming.get(listed).and_then(|&i| lc.schedule_url(i));
    json!({
        "upcoming": lc.by_month(&upcoming[..upcoming.len().min(listed)]),
        "upcoming_count": upcoming.len(),
        "more": more,
        "more_url": more_url,
        "past": past.iter().take(PAST_LISTED).map(|&i| event_ref(i)).collect::<Vec<_>>(),
        "past_count": past.len(),
    })
}

impl LangCtx<'_> {
    pub fn event(&self, e: &Event) -> EventCtx {
        let site = self.site;
        let date = |d: jiff::civil::Date| self.event_dates.get(&d).cloned();
        let prefix = lang_prefix(&site.config, self.lang);
        let url = match (e.point, e.campaign) {
            (Some(p), _) => Some(format!(
                "{}#{}",
                self.url(&format!("{prefix}{}", point_path(&site.places.points[p]))),
                anchor(e)
            )),
            (_, Some(c)) => site.nodes[c].paths.get(self.lang).map(|p| self.url(p)),
            _ => None,
        };
        EventCtx {
            uid: e.uid.clone(),
            kind: e.kind,
            title: e.title.clone(),
            date: date(e.date).unwrap_or_else(|| DateCtx {
                iso: e.date.to_string(),
                rfc3339: e.date.to_string(),
                display: e.date.to_string(),
            }),
            last_date: (e.last_date != e.date).then(|| date(e.last_date)).flatten(),
            time: match (e.start, e.end) {
                (Some(s), Some(en)) if s != en => Some(format!("{}–{}", hhmm(s), hhmm(en))),
                (Some(s), _) => Some(hhmm(s)),
                _ => None,
            },
            ends: e.ends.clone(),
            place: e.place.clone(),
            address: e.address.clone(),
            notes: (e.kind == EventKind::Visit)
                .then(|| e.description.clone())
                .flatten(),
            // Not twice: an address usually ends with its ward.
            ward: e
                .ward
                .map(|w| site.places.wards[w].name.clone())
                .filter(|w| !e.address.as_deref().is_some_and(|a| a.contains(w.as_str()))),
            anchor: anchor(e),
            url,
            ics_url: (!e.past).then(|| self.url(&event_path(e))),
            map_url: e.lat.zip(e.lon).map(|(a, o)| osm(a, o)),
            campaign: e.campaign.map(|c| self.title(&site.nodes[c]).0),
        }
    }

    /// A month (`2026-06`) as this language names it.
    pub fn month_label(&self, month: &str) -> String {
        let Ok(d) = format!("{month}-01").parse::<jiff::civil::Date>() else {
            return month.to_string();
        };
        let format = self.t("month_format");
        d.strftime(&format).to_string()
    }

    /// Event `i` on the schedule: its month's page (of `EVENTS_PER_PAGE`)
    /// and its item there.
    fn schedule_url(&self, i: usize) -> Option<String> {
        let e = &self.site.events[i];
        let id = format!("{:04}-{:02}", e.date.year(), e.date.month());
        let months = &self.site.event_index.by_month;
        let (month, list) = &months[months.binary_search_by(|(m, _)| m.cmp(&id)).ok()?];
        let page = list.binary_search(&i).ok()? / EVENTS_PER_PAGE + 1;
        let prefix = lang_prefix(&self.site.config, self.lang);
        let path = format!("{prefix}{}", month_path(month, page));
        Some(format!("{}#{}", self.url(&path), anchor(e)))
    }

    /// Events grouped by month, in order.
    fn by_month(&self, events: &[usize]) -> Vec<MonthCtx> {
        let mut out: Vec<MonthCtx> = Vec::new();
        let prefix = lang_prefix(&self.site.config, self.lang);
        for &i in events {
            let date = self.site.events[i].date;
            let id = format!("{:04}-{:02}", date.year(), date.month());
            if out.last().is_none_or(|m| m.id != id) {
                out.push(MonthCtx {
                    label: self.month_label(&id),
                    url: self.url(&format!("{prefix}{}", month_path(&id, 1))),
                    id,
                    count: 0,
                    events: Vec::new(),
                });
            }
            if let Some(m) = out.last_mut() {
                m.count += 1;
                m.events.push(event_ref(i));
            }
        }
        out
    }
}
