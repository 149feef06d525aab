//! Calendars to subscribe to or add events from (`.ics`, see [`super::ical`]):
//! `calendar.ics` of every public event, one per campaign and per ward, and
//! one per upcoming event ("add to calendar"). Each event links to its page
//! in the default language. The site's events are the public ones only
//! (see [`crate::model::schedule`]); a period without a start is published
//! as its deadline (see [`published`]).

use std::borrow::Cow;

use super::ical::Calendar;
use super::output::{job, Job, Output};
use super::state::RenderCtx;
use crate::model::generated::{event_path, EVENTS_PER_PAGE};
use crate::model::places::{point_path, ward_path};
use crate::model::schedule::{Event, EventKind};
use crate::model::Site;

/// The calendars, as jobs: the site's, the campaigns' and the wards' in
/// one, the events' in slices of the schedule. None for `check` (when
/// `keeps` is false): a calendar cannot hold a mistake of the site.
pub fn jobs<'r>(r: &'r RenderCtx, keeps: bool) -> Vec<Job<'r>> {
    if !keeps {
        return Vec::new();
    }
    let events = r.site.events.len();
    let mut jobs = vec![job(move |_| calendars(r))];
    jobs.extend((0..events).step_by(EVENTS_PER_PAGE).map(|start| {
        let slice = start..(start + EVENTS_PER_PAGE).min(events);
        job(move |_| event_calendars(r, slice.clone()))
    }));
    jobs
}

/// `calendar.ics`, and one per campaign and per ward.
fn calendars(r: &RenderCtx) -> Vec<Output> {
    let site = r.site;
    let lc = r.lang(site.default_lang());
    let mut out = vec![Output::new(
        "calendar.ics",
        calendar(r, &site.config.title, site.events.iter().collect()),
    )];
    for (i, node) in site.nodes.iter().enumerate() {
        if !node.is_campaign() {
            continue;
        }
        let Some(path) = node.paths.get(site.default_lang()) else {
            continue;
        };
        let events: Vec<&Event> = site
            .event_index
            .by_campaign
            .get(&i)
            .map(|list| list.iter().map(|&e| &site.events[e]).collect())
            .unwrap_or_default();
        out.push(Output::new(
            format!("{path}calendar.ics"),
            calendar(r, &lc.title(node).0, events),
        ));
    }
    for (w, ward) in site.places.wards.iter().enumerate() {
        let events: Vec<&Event> = site.event_index.by_ward[w]
            .iter()
            .map(|&e| &site.events[e])
            .collect();
        out.push(Output::new(
            format!("{}calendar.ics", ward_path(ward)),
            calendar(r, &ward.name, events),
        ));
    }
    out
}

/// "Add to calendar": a calendar of one upcoming event, for each of
/// `events` (a slice of the schedule).
fn event_calendars(r: &RenderCtx, events: std::ops::Range<usize>) -> Vec<Output> {
    r.site.events[events]
        .iter()
        .filter(|e| !e.past)
        .map(|e| Output::new(event_path(e), calendar(r, &e.title, vec![e])))
        .collect()
}

/// An iCalendar file of `events`, named `name`.
fn calendar(r: &RenderCtx, name: &str, events: Vec<&Event>) -> Vec<u8> {
    let site = r.site;
    let config = &site.config;
    let lc = r.lang(site.default_lang());
    let until = lc.t("calendar_until");
    let events: Vec<Cow<Event>> = events
        .into_iter()
        .map(|e| published(site, e, &until))
        .collect();
    let events: Vec<&Event> = events.iter().map(|e| e.as_ref()).collect();
    let url_of = |e: &Event| -> Option<String> {
        match (e.point, e.campaign) {
            (Some(p), _) => Some(lc.full(&point_path(&site.places.points[p]))),
            (_, Some(c)) => site.nodes[c]
                .paths
                .get(site.default_lang())
                .map(|p| lc.full(p)),
            _ => None,
        }
    };
    Calendar {
        name,
        now: &site.now,
        tz: &config.timezone,
        tz_name: &config.timezone_name,
    }
    .write(&events, url_of)
    .into_bytes()
}

/// The plan of `e`'s campaign, in the default language.
fn campaign_plan<'s>(site: &'s Site, e: &Event) -> Option<&'s loa_plan::Plan> {
    let node = &site.nodes[e.campaign?];
    let version = node.versions.get(site.default_lang())?;
    version.plan.as_ref().map(|p| &p.plan)
}

/// `e` as calendars publish it. A period whose start is unknown is no
/// one-day event: it becomes a deadline on its last day, titled `until`
/// ("Hạn cuối: …").
fn published<'e>(site: &Site, e: &'e Event, until: &str) -> Cow<'e, Event> {
    let unknown_start = e.kind == EventKind::Period
        && campaign_plan(site, e).is_some_and(|plan| plan.period.start.is_none());
    if !unknown_start {
        return Cow::Borrowed(e);
    }
    let mut deadline = e.clone();
    deadline.kind = EventKind::Deadline;
    deadline.title = format!("{until}: {}", e.title);
    deadline.date = e.last_date;
    Cow::Owned(deadline)
}
