//! The home page's first screen, what a citizen comes for: the campaigns on
//! now (who, until when), where to go today (offices open today with
//! today's hours, and the way to the nearest point), the next mobile-team
//! visits, what to bring; then the next public deadlines and how to reach
//! the organization, also as schema.org `GovernmentOrganization`.

use serde::Serialize;
use serde_json::{json, Value};

use super::context::{DateCtx, LangCtx};
use super::events;
use crate::model::places::point_path;
use crate::model::schedule::EventKind;
use crate::model::{lang_prefix, Node, NodeKind, SectionKind};
use crate::read::hours::hhmm;
use crate::read::points::Kind;

/// Deadlines for residents listed under "coming up" (periods are in the
/// campaigns' lines, team visits in their own list).
const COMING_UP: usize = 3;
/// Team visits listed.
const VISITS: usize = 3;
/// Offices open today listed by name when there are no more than these (a
/// commune's); a city's are counted, and found by the nearest-point action.
const OFFICES: usize = 3;
/// Campaigns listed on the home page, ending soonest first: more would push
/// where to go today off a phone's first screen; the campaigns' section
/// links to all.
const CAMPAIGNS: usize = 3;

/// A campaign on now or to come, in one line.
#[derive(Serialize)]
struct CampaignLine {
    title: String,
    /// The title's language: the original's when not translated.
    title_lang: String,
    url: String,
    /// Who it is for, as the plan or front matter says (in Vietnamese).
    audience: Option<String>,
    start: Option<DateCtx>,
    end: Option<DateCtx>,
    /// Not started yet.
    upcoming: bool,
}

/// An office open today, with today's hours.
#[derive(Serialize)]
struct OpenToday {
    name: String,
    url: String,
    address: Option<String>,
    /// `07:00–11:00, 13:00–17:00`
    hours: String,
}

/// What the home page adds to `page`.
pub fn data(lc: &LangCtx) -> Value {
    let site = lc.site;
    let prefix = lang_prefix(&site.config, lc.lang);
    let campaigns = campaigns(lc);
    let open = open_today(lc);
    let bring = bring(lc);
    let visits: Vec<Value> = (0..site.events.len())
        .filter(|&i| !site.events[i].past && site.events[i].kind == EventKind::Visit)
        .take(VISITS)
        .map(|i| json!(events::event_ref(i)))
        .collect();
    // The campaigns' section, listed at the top when a campaign is on.
    let campaigns_url = site
        .nodes
        .iter()
        .find(|n| n.kind == NodeKind::Section && n.section() == SectionKind::Campaigns)
        .and_then(|n| n.paths.get(lc.lang))
        .map(|p| lc.url(p));
    let deadlines = (0..site.events.len()).filter(|&i| site.events[i].kind == EventKind::Deadline);
    json!({
        "campaigns_url": campaigns_url,
        "points_url": (!site.places.is_empty()).then(|| lc.url(&format!("{prefix}points/"))),
        "schedule_url": lc.url(&format!("{prefix}schedule/")),
        "next": events::upcoming_refs(deadlines, site, COMING_UP),
        "campaigns": campaigns,
        "open_today": open.iter().take(OFFICES).collect::<Vec<_>>(),
        "open_count": (open.len() > OFFICES)
            .then(|| lc.t("offices_open_today").replace("{n}", &open.len().to_string())),
        "visits": visits,
        "bring": bring,
        "jsonld": organization_jsonld(lc).map(|j| j.to_string().replace("</", "<\\/")),
    })
}

/// Campaign pages with a plan whose period has not ended, in the order of
/// their end.
fn campaign_nodes<'a>(lc: &LangCtx<'a>) -> Vec<&'a Node> {
    let today = lc.site.now.date();
    let default = lc.site.default_lang();
    let mut nodes: Vec<(&Node, jiff::civil::Date)> = lc
        .site
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Page)
        .filter_map(|n| {
            let plan = &n.versions.get(default)?.plan.as_ref()?.plan;
            let end = plan.period.end?;
            (end >= today).then_some((n, end))
        })
        .collect();
    nodes.sort_by_key(|(_, end)| *end);
    nodes.into_iter().map(|(n, _)| n).collect()
}

fn campaigns(lc: &LangCtx) -> Vec<CampaignLine> {
    let today = lc.site.now.date();
    let default = lc.site.default_lang();
    campaign_nodes(lc)
        .into_iter()
        .filter_map(|n| {
            let plan = &n.version(lc.lang, default)?.plan.as_ref()?.plan;
            let (title, title_lang) = lc.title(n);
            Some(CampaignLine {
                title,
                title_lang,
                url: lc.url(n.paths.get(lc.lang)?),
                audience: plan.audience.clone(),
                start: lc.civil_date(plan.period.start),
                end: lc.civil_date(plan.period.end),
                upcoming: plan.period.start.is_some_and(|s| s > today),
            })
        })
        .take(CAMPAIGNS)
        .collect()
}

/// What to bring, as the campaigns on now say in this language (their
/// original's list when a translation gives none), each thing once.
fn bring(lc: &LangCtx) -> Vec<String> {
    let default = lc.site.default_lang();
    let mut out: Vec<String> = Vec::new();
    for n in campaign_nodes(lc) {
        let own = n
            .versions
            .get(lc.lang)
            .map(|v| &v.front.campaign.bring)
            .filter(|b| !b.is_empty());
        let list = own.or_else(|| n.versions.get(default).map(|v| &v.front.campaign.bring));
        for item in list.into_iter().flatten() {
            if !out.contains(item) {
                out.push(item.clone());
            }
        }
    }
    out
}

/// Offices open on the build's day, with that day's hours.
fn open_today(lc: &LangCtx) -> Vec<OpenToday> {
    let site = lc.site;
    let prefix = lang_prefix(&site.config, lc.lang);
    let weekday = usize::try_from(site.now.weekday().to_monday_zero_offset()).unwrap_or(0);
    let places = &site.places;
    places
        .points
        .iter()
        .zip(&places.weeks)
        .filter(|(p, week)| p.kind == Kind::Fixed && !week.days[weekday].is_empty())
        .map(|(p, week)| OpenToday {
            name: p.name.clone(),
            url: lc.url(&format!("{prefix}{}", point_path(p))),
            address: p.address.clone(),
            hours: week.days[weekday]
                .iter()
                .map(|(a, b)| format!("{}–{}", hhmm(*a), hhmm(*b)))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect()
}

/// schema.org: the organization that runs the site and how to reach it.
fn organization_jsonld(lc: &LangCtx) -> Option<Value> {
    let config = &lc.site.config;
    let name = config.organization.as_ref()?;
    let c = &config.contact;
    let mut org = json!({
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": name,
        "url": config.base_url.full(""),
    });
    let mut set = |key: &str, value: Option<Value>| {
        if let (Some(v), Some(map)) = (value, org.as_object_mut()) {
            map.insert(key.into(), v);
        }
    };
    set("telephone", c.phone.clone().map(Value::from));
    set("email", c.email.clone().map(Value::from));
    set("sameAs", c.website.clone().map(Value::from));
    set(
        "address",
        c.address
            .clone()
            .map(|a| json!({"@type": "PostalAddress", "streetAddress": a, "addressCountry": "VN"})),
    );
    set(
        "contactPoint",
        (c.phone.is_some() || c.email.is_some()).then(|| {
            let mut point = json!({"@type": "ContactPoint", "contactType": "customer service"});
            if let Some(map) = point.as_object_mut() {
                for (key, value) in [("telephone", &c.phone), ("email", &c.email)] {
                    if let Some(v) = value {
                        map.insert(key.into(), v.clone().into());
                    }
                }
            }
            point
        }),
    );
    Some(org)
}
