//! What a poster says besides its title, as a citizen reads it from across
//! a room: who issues it, from when to when, where to go (offices with
//! their address and hours, or the next mobile-team visits), what to bring
//! and whom to call. Each in the poster's language, from the model.

use jiff::civil::Date;
use serde::Serialize;

use super::super::context::LangCtx;
use crate::model::places::Places;
use crate::model::schedule::EventKind;
use crate::model::Node;
use crate::read::hours::hhmm;

/// Offices listed on one poster, so that it still fits one sheet.
const OFFICES: usize = 2;
/// Upcoming visits listed on one poster.
const VISITS: usize = 3;

#[derive(Serialize, Default)]
pub struct Sheet {
    /// Who issues it: the plan's issuer, else the site's organization.
    pub org: Option<String>,
    /// `Từ 12/05/2026 đến 30/06/2026`, or `Đến hết 30/06/2026`.
    pub period: Option<String>,
    pub offices: Vec<Office>,
    /// `Và 2 điểm khác: quét mã để xem.`: offices not listed for want of
    /// room, which the QR code leads to.
    pub more_offices: Option<String>,
    pub visits: Vec<VisitLine>,
    /// What to bring, in the poster's language.
    pub bring: Vec<String>,
    /// The number to call: the first office's.
    pub hotline: Option<String>,
}

#[derive(Serialize)]
pub struct Office {
    pub name: String,
    pub address: Option<String>,
    /// `Thứ Hai – Thứ Sáu: 07:00–11:00, 13:00–17:00`, a line per group of days.
    pub hours: Vec<String>,
}

#[derive(Serialize)]
pub struct VisitLine {
    /// `Thứ Sáu, 12/06/2026`
    pub date: String,
    /// `07:30–11:00`
    pub time: String,
    pub place: String,
    pub notes: Option<String>,
}

/// The poster of the campaign `node`: its period, the offices and visits
/// of the wards it is for (see [`wards_of`]), what to bring.
pub fn campaign(lc: &LangCtx, node: &Node) -> Sheet {
    let site = lc.site;
    // The reader's version first, then the original: a translation may
    // carry no plan of its own.
    let versions: Vec<_> = [lc.lang, site.default_lang()]
        .iter()
        .filter_map(|l| node.versions.get(*l))
        .collect();
    let plan = versions
        .iter()
        .find_map(|v| v.plan.as_ref())
        .map(|p| &p.plan);
    // A campaign without a plan document says it in its front matter.
    let front = |f: fn(&crate::read::frontmatter::CampaignFields) -> Option<Date>| {
        versions.iter().find_map(|v| f(&v.front.campaign))
    };
    let issuer = plan.and_then(|p| p.issuer.clone()).or_else(|| {
        versions
            .iter()
            .find_map(|v| v.front.campaign.issuer.clone())
    });
    let start = plan
        .and_then(|p| p.period.start)
        .or_else(|| front(|c| c.period_start.as_ref().map(|d| d.zoned.date())));
    let end = plan
        .and_then(|p| p.period.end)
        .or_else(|| front(|c| c.period_end.as_ref().map(|d| d.zoned.date())));
    let title = lc.title(node).0;
    let wards = wards_of(&site.places, issuer.as_deref().unwrap_or(&title));
    let mut sheet = places(lc, &wards, end);
    sheet.org = issuer.or_else(|| site.config.organization.clone());
    sheet.period = period(lc, start, end);
    sheet.bring = bring(lc, node);
    sheet
}

/// The poster of ward `w`: its offices and its next visits.
pub fn ward(lc: &LangCtx, w: usize) -> Sheet {
    let mut sheet = places(lc, &[w], None);
    sheet.org = lc.site.config.organization.clone();
    sheet.bring = vec![lc.t("poster_bring_default")];
    sheet
}

/// The wards a campaign is for: those its issuer (or title) names, e.g.
/// "UBND phường Chơn Thành" → Phường Chơn Thành; else every ward of the
/// district (city, province) it names; else none.
fn wards_of(places: &Places, issuer: &str) -> Vec<usize> {
    let issuer = issuer.to_lowercase();
    let named: Vec<usize> = (0..places.wards.len())
        .filter(|&w| issuer.contains(&places.wards[w].name.to_lowercase()))
        .collect();
    if !named.is_empty() {
        return named;
    }
    places
        .districts
        .iter()
        .filter(|d| issuer.contains(&d.name.to_lowercase()))
        .flat_map(|d| d.wards.iter().copied())
        .collect()
}

/// The offices of `wards` and their teams' next visits (until `end`).
fn places(lc: &LangCtx, wards: &[usize], end: Option<Date>) -> Sheet {
    let site = lc.site;
    let places = &site.places;
    let points: Vec<usize> = wards
        .iter()
        .flat_map(|&w| places.wards[w].points.iter().copied())
        .collect();
    let fixed: Vec<usize> = points
        .iter()
        .copied()
        .filter(|&p| places.points[p].kind == crate::read::points::Kind::Fixed)
        .collect();
    let offices = fixed
        .iter()
        .take(OFFICES)
        .map(|&p| {
            let point = &places.points[p];
            Office {
                name: point.name.clone(),
                address: point.address.clone(),
                hours: lc.hours_texts(&places.weeks[p]),
            }
        })
        .collect();
    let mut visits: Vec<usize> = wards
        .iter()
        .flat_map(|&w| site.event_index.by_ward[w].iter().copied())
        .filter(|&e| {
            let e = &site.events[e];
            e.kind == EventKind::Visit && !e.past && end.is_none_or(|end| e.date <= end)
        })
        .collect();
    visits.sort_by_key(|&e| (site.events[e].date, site.events[e].start));
    let visits = visits
        .into_iter()
        .take(VISITS)
        .map(|e| {
            let e = &site.events[e];
            let date = lc.civil_date(Some(e.date)).map(|d| d.display);
            let weekday = lc.t(&format!(
                "weekday_{}",
                e.date.weekday().to_monday_one_offset()
            ));
            VisitLine {
                date: match date {
                    Some(d) => format!("{}, {d}", capitalize(&weekday)),
                    None => e.date.to_string(),
                },
                time: match (e.start, e.end) {
                    (Some(s), Some(en)) => format!("{}–{}", hhmm(s), hhmm(en)),
                    _ => String::new(),
                },
                place: [e.place.as_deref(), e.address.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", "),
                notes: e.description.clone(),
            }
        })
        .collect();
    let hotline = fixed
        .iter()
        .chain(&points)
        .find_map(|&p| places.points[p].phone.clone());
    Sheet {
        offices,
        more_offices: (fixed.len() > OFFICES).then(|| {
            lc.t("poster_more")
                .replace("{n}", &(fixed.len() - OFFICES).to_string())
        }),
        visits,
        hotline,
        ..Sheet::default()
    }
}

/// `Từ 12/05/2026 đến 30/06/2026`; `Đến hết 30/06/2026` when the start is
/// unknown; nothing without an end.
fn period(lc: &LangCtx, start: Option<Date>, end: Option<Date>) -> Option<String> {
    let shown = |d| lc.civil_date(d).map(|d| d.display);
    let end = shown(end)?;
    Some(match shown(start) {
        Some(start) => lc
            .t("poster_from_to")
            .replace("{from}", &start)
            .replace("{to}", &end),
        None => lc.t("poster_until").replace("{to}", &end),
    })
}

/// What to bring: the campaign's own key facts when it has a "bring" one
/// in this language, else the theme's words for an enrollment.
fn bring(lc: &LangCtx, node: &Node) -> Vec<String> {
    let labels = lc.t("poster_bring_labels").to_lowercase();
    let own: Vec<String> = node
        .versions
        .get(lc.lang)
        .map(|v| {
            v.front
                .summary
                .iter()
                .filter(|(label, _)| labels.split('|').any(|l| l == label.to_lowercase()))
                .map(|(_, value)| value.clone())
                .collect()
        })
        .unwrap_or_default();
    if own.is_empty() {
        vec![lc.t("poster_bring_default")]
    } else {
        own
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
