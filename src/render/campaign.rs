//! What a campaign's page shows besides its text (see [`super::content`]):
//! its plan, with dates in the reader's language, deadlines in date order,
//! tasks by agency and the full text as HTML; its next dates; and the facts
//! its poster and share image show.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde::Serialize;

use super::context::{DateCtx, Fact, LangCtx};
use super::markdown::{self, TocEntry};
use loa_plan::{Agency, Cadence, LegalRef, Signer, Target};

use crate::diagnostic::Diagnostics;
use crate::model::schedule::EventKind;
use crate::model::{Node, Site};
use crate::read::plan::CampaignPlan;

#[derive(Serialize)]
pub struct PlanCtx {
    /// The language the plan is written in (the site's default).
    pub lang: String,
    pub title: Option<String>,
    pub number: Option<String>,
    pub issuer: Option<String>,
    pub place: Option<String>,
    pub issued: Option<DateCtx>,
    /// Number or date of issue left blank: a draft as far as citizens can tell.
    pub unnumbered: bool,
    pub period_start: Option<DateCtx>,
    pub period_end: Option<DateCtx>,
    pub audience: Option<String>,
    pub scope: Option<String>,
    pub legal_basis: Vec<LegalRef>,
    pub targets: Vec<TargetCtx>,
    pub deadlines: Vec<DeadlineCtx>,
    pub reporting: Vec<ReportingCtx>,
    pub agencies: Vec<Agency>,
    pub signer: Signer,
    /// The full text with section anchors.
    pub html: String,
    pub toc: Vec<TocEntry>,
    pub download_url: String,
    pub download_name: String,
    /// `18 KB`
    pub download_size: String,
}

#[derive(Serialize)]
pub struct TargetCtx {
    pub text: String,
    pub percent: Option<f64>,
    pub deadline: Option<DateCtx>,
}

#[derive(Serialize)]
pub struct DeadlineCtx {
    pub date: DateCtx,
    pub time: Option<String>,
    pub text: String,
    pub responsible: Option<String>,
    pub section: Option<String>,
    /// For residents: on the schedule and calendars too.
    pub public: bool,
}

#[derive(Serialize)]
pub struct ReportingCtx {
    /// In the reader's language: `Hằng tuần, thứ Tư, trước 08:00`.
    pub when: String,
    pub text: String,
}

/// A plan's text as HTML and its sections, by plan file: made once for all
/// the languages of its campaign when it has no link or image, whose
/// addresses differ from page to page.
#[derive(Default)]
pub struct PlanTexts(Mutex<HashMap<String, Arc<PlanText>>>);

/// A plan's text as HTML, and its sections.
type PlanText = (String, Vec<TocEntry>);

impl PlanTexts {
    fn get(&self, cp: &CampaignPlan, lc: &LangCtx, url: &str, minify: bool) -> Arc<PlanText> {
        if let Some(text) = self.0.lock().ok().and_then(|t| t.get(&cp.rel).cloned()) {
            return text;
        }
        let version = crate::model::Version {
            path: cp.path.clone(),
            rel: cp.rel.clone(),
            lang: lc.site.default_lang().to_string(),
            front: Default::default(),
            body: loa_plan::to_markdown(&cp.plan),
            body_line: 1,
            plan: None,
        };
        // Made from the plan, not written by hand: nothing to report.
        let rendered = markdown::render(
            &version,
            url,
            lc.lang,
            lc.site,
            minify,
            None,
            &mut Diagnostics::new(),
        );
        let toc = rendered.toc.into_iter().filter(|t| t.level == 2).collect();
        let text = Arc::new((rendered.html, toc));
        if !rendered.addresses {
            if let Ok(mut texts) = self.0.lock() {
                texts.insert(cp.rel.clone(), text.clone());
            }
        }
        text
    }
}

impl PlanCtx {
    /// `minify`: whether the plan's text is written minified (see
    /// [`markdown::render`]).
    pub fn new(
        cp: &CampaignPlan,
        lc: &LangCtx,
        url: &str,
        texts: &PlanTexts,
        minify: bool,
    ) -> PlanCtx {
        let p = &cp.plan;
        let date = |date| lc.civil_date(date);
        let text = texts.get(cp, lc, url, minify);
        PlanCtx {
            lang: lc.site.default_lang().to_string(),
            title: p.title.clone(),
            number: p.number.clone(),
            issuer: p.issuer.clone(),
            place: p.place.clone(),
            issued: date(p.issued),
            unnumbered: p.number.is_none() || p.issued.is_none(),
            period_start: date(p.period.start),
            period_end: date(p.period.end),
            audience: p.audience.clone(),
            scope: p.scope.clone(),
            legal_basis: p.legal_basis.clone(),
            targets: p
                .targets
                .iter()
                .map(|t: &Target| TargetCtx {
                    text: t.text.clone(),
                    percent: t.percent,
                    deadline: date(t.deadline),
                })
                .collect(),
            deadlines: p
                .deadlines
                .iter()
                .filter_map(|d| {
                    Some(DeadlineCtx {
                        date: date(Some(d.date))?,
                        time: d.time.map(hhmm),
                        text: d.text.clone(),
                        responsible: d.responsible.clone(),
                        section: d.section.clone(),
                        public: d.audience == loa_plan::Audience::Public,
                    })
                })
                .collect(),
            reporting: p
                .reporting
                .iter()
                .map(|r| {
                    let mut when = lc.t(match r.cadence {
                        Cadence::Daily => "cadence_daily",
                        Cadence::Weekly => "cadence_weekly",
                        Cadence::Monthly => "cadence_monthly",
                    });
                    if let Some(w) = r.weekday {
                        when.push_str(", ");
                        when.push_str(&lc.t(&format!("weekday_{}", w.to_monday_one_offset())));
                    }
                    if let Some(t) = r.time {
                        when.push_str(&format!(", {} {}", lc.t("before"), hhmm(t)));
                    }
                    ReportingCtx {
                        when,
                        text: r.text.clone(),
                    }
                })
                .collect(),
            agencies: p.agencies.clone(),
            signer: p.signer.clone(),
            html: text.0.clone(),
            toc: text.1.clone(),
            download_url: lc.url(&cp.rel),
            download_name: cp.rel.rsplit('/').next().unwrap_or("plan.txt").to_string(),
            download_size: human_size(cp.size),
        }
    }
}

/// `08:30`, as the template writes times.
fn hhmm(t: jiff::civil::Time) -> String {
    t.strftime("%H:%M").to_string()
}

fn human_size(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / 1024.0 / 1024.0)
    }
}

/// The next two deadlines of campaign `index` for residents (its period is
/// in its summary, its visits listed apart), for its notification banner.
pub fn coming(site: &Site, index: usize) -> serde_json::Value {
    let events = site.event_index.by_campaign.get(&index);
    let deadlines = events
        .into_iter()
        .flatten()
        .copied()
        .filter(|&i| site.events[i].kind == EventKind::Deadline);
    let next = super::events::upcoming_refs(deadlines, site, 2);
    serde_json::json!({ "next": next })
}

/// A campaign's period and audience, from its plan.
pub fn facts(lc: &LangCtx, node: &Node) -> Vec<Fact> {
    let mut facts = Vec::new();
    let plan = node
        .version(lc.lang, lc.site.default_lang())
        .and_then(|v| v.plan.as_ref());
    if let Some(cp) = plan {
        let shown = |date| lc.civil_date(date).map(|d| d.display);
        let (start, end) = (shown(cp.plan.period.start), shown(cp.plan.period.end));
        if let Some(end) = end {
            facts.push(Fact {
                label: lc.t("plan_period"),
                value: match start {
                    Some(start) => format!("{start} – {end}"),
                    None => end,
                },
            });
        }
        if let Some(audience) = &cp.plan.audience {
            facts.push(Fact {
                label: lc.t("plan_audience"),
                value: audience.clone(),
            });
        }
    }
    facts
}
