//! What a citizen reads first on a campaign's page (GOV.UK summary list):
//! who it is for, the period "from … to …", where (the offices with their
//! hours, the mobile teams' visits of the campaign), what to bring, the
//! hotline, and whether it is over. The plan document itself has its own
//! page (`campaigns/<name>/plan/`, see [`super::content`]).

use jiff::civil::Date;
use serde::Serialize;

use super::context::{DateCtx, LangCtx};
use super::events::{event_ref, EventRef};
use crate::model::places::point_path;
use crate::model::schedule::EventKind;
use crate::model::{lang_prefix, Node};
use crate::read::points::Kind;

/// Offices listed with their hours; the points page has all of them.
const OFFICES: usize = 5;
/// Visits listed; the schedule has all of them.
const VISITS: usize = 10;

#[derive(Serialize)]
pub struct SummaryCtx {
    pub start: Option<DateCtx>,
    pub end: Option<DateCtx>,
    /// Its period is over.
    pub ended: bool,
    pub audience: Option<String>,
    pub bring: Vec<String>,
    pub offices: Vec<OfficeCtx>,
    /// Its upcoming team visits.
    pub visits: Vec<EventRef>,
    pub points_url: Option<String>,
    pub schedule_url: String,
    /// `campaigns/<name>/plan/`
    pub plan_url: String,
    /// The campaign's calendar (at its original's address).
    pub calendar_url: Option<String>,
}

#[derive(Serialize)]
pub struct OfficeCtx {
    pub name: String,
    pub url: String,
    pub address: Option<String>,
    /// On the build's day, in the reader's language, a line per group of
    /// days: `Thứ Hai – Thứ Sáu: 07:00–11:00`, `Thứ Bảy: 07:00–11:00`.
    pub hours: Vec<String>,
}

/// Whether a campaign's period ended before the build's day.
pub fn ended(lc: &LangCtx, node: &Node) -> bool {
    ended_on(lc, node).is_some()
}

/// The last day of a campaign's period, if it was before the build's day.
pub fn ended_on(lc: &LangCtx, node: &Node) -> Option<jiff::civil::Date> {
    let default = lc.site.default_lang();
    node.versions
        .get(default)
        .and_then(|v| v.plan.as_ref())
        .and_then(|p| p.plan.period.end)
        .filter(|end| *end < lc.site.now.date())
}

/// The summary of campaign node `index`; `None` for a page without a plan.
pub fn summary(lc: &LangCtx, index: usize, path: &str) -> Option<SummaryCtx> {
    let site = lc.site;
    let node = &site.nodes[index];
    let default = site.default_lang();
    let plan = &node.version(lc.lang, default)?.plan.as_ref()?.plan;
    let prefix = lang_prefix(&site.config, lc.lang);
    let own = node
        .versions
        .get(lc.lang)
        .map(|v| &v.front.campaign.bring)
        .filter(|b| !b.is_empty());
    let bring = own
        .or_else(|| node.versions.get(default).map(|v| &v.front.campaign.bring))
        .cloned()
        .unwrap_or_default();
    let offices = site
        .places
        .points
        .iter()
        .zip(&site.places.weeks)
        .filter(|(p, _)| p.kind == Kind::Fixed)
        .take(OFFICES)
        .map(|(p, week)| OfficeCtx {
            name: p.name.clone(),
            url: lc.url(&format!("{prefix}{}", point_path(p))),
            address: p.address.clone(),
            hours: lc.hours_texts(week),
        })
        .collect();
    let period = (plan.period.start, plan.period.end);
    Some(SummaryCtx {
        start: lc.civil_date(plan.period.start),
        end: lc.civil_date(plan.period.end),
        ended: ended(lc, node),
        audience: plan.audience.clone(),
        bring,
        offices,
        visits: visits(lc, node.name(), period),
        points_url: (!site.places.is_empty()).then(|| lc.url(&format!("{prefix}points/"))),
        schedule_url: lc.url(&format!("{prefix}schedule/")),
        plan_url: lc.url(&format!("{path}plan/")),
        calendar_url: node
            .paths
            .get(default)
            .map(|p| lc.url(&format!("{p}calendar.ics"))),
    })
}

/// The upcoming visits of campaign `name`: those the `campaign` column
/// gives it, and those without one that fall in its period.
fn visits(lc: &LangCtx, name: &str, (start, end): (Option<Date>, Option<Date>)) -> Vec<EventRef> {
    let site = lc.site;
    let in_period = |d: Date| end.is_some_and(|e| d <= e) && start.is_none_or(|s| d >= s);
    site.events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EventKind::Visit && !e.past)
        .filter(|(_, e)| {
            let visit = e.point.and_then(|p| {
                let of = &site.places.visits_of[p];
                of.iter()
                    .map(|&v| &site.places.visits[v])
                    .find(|v| v.date == e.date && Some(v.start) == e.start)
            });
            match visit.and_then(|v| v.campaign.as_deref()) {
                Some(c) => c == name,
                None => in_period(e.date),
            }
        })
        .take(VISITS)
        .map(|(i, _)| event_ref(i))
        .collect()
}
