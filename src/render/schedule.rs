//! When: the schedule of every public date, upcoming first, and a page per
//! month (in pages of [`EVENTS_PER_PAGE`] events), in every language.

use serde_json::{json, Value};

use super::context::NavItem;
use super::events::{self, event_ref};
use super::output::{one, Job, Output};
use super::state::RenderCtx;
use crate::diagnostic::Diagnostics;
use crate::model::generated::{month_path, EVENTS_PER_PAGE};
use crate::model::lang_prefix;

/// Every page of the schedule, each a job: in each language the pages of
/// each month, then the schedule.
pub fn jobs<'r>(r: &'r RenderCtx) -> Vec<Job<'r>> {
    let site = r.site;
    let mut jobs = Vec::new();
    for lang in &site.config.languages {
        let lang = lang.code.as_str();
        for (m, (_, events)) in site.event_index.by_month.iter().enumerate() {
            let pages = events.len().div_ceil(EVENTS_PER_PAGE);
            jobs.extend((1..=pages).map(|n| one(move |problems| month(r, lang, m, n, problems))));
        }
        jobs.push(one(move |problems| schedule(r, lang, problems)));
    }
    jobs
}

/// `schedule/`: the months, the next events and the last ones.
fn schedule(r: &RenderCtx, lang: &str, problems: &mut Diagnostics) -> Option<Output> {
    let site = r.site;
    let lc = r.lang(lang);
    let prefix = lang_prefix(&site.config, lang);
    let path = format!("{prefix}schedule/");
    let mut page = lc.special_page("schedule", &path, "schedule/", lc.t("schedule_title"));
    page.description = Some(lc.t("schedule_description"));
    let month_links: Vec<Value> = site
        .event_index
        .by_month
        .iter()
        .map(|(m, list)| json!({"label": lc.month_label(m), "url": lc.url(&format!("{prefix}{}", month_path(m, 1))), "count": list.len()}))
        .collect();
    let data = json!({
        "months": month_links,
        "ics_url": lc.url("calendar.ics"),
    });
    let all: Vec<usize> = (0..site.events.len()).collect();
    let lists = events::lists(&lc, &all, events::SCHEDULE_LISTED);
    let data = vec![("schedule", data), ("lists", lists)];
    r.page(&lc, "schedule.html", &path, &page, data, problems)
}

/// Page `number` of month `m` (an index into `by_month`), of
/// `EVENTS_PER_PAGE` events.
fn month(
    r: &RenderCtx,
    lang: &str,
    m: usize,
    number: usize,
    problems: &mut Diagnostics,
) -> Option<Output> {
    let site = r.site;
    let lc = r.lang(lang);
    let prefix = lang_prefix(&site.config, lang);
    let (month, events) = &site.event_index.by_month[m];
    let pages = events.len().div_ceil(EVENTS_PER_PAGE);
    let chunk = events
        .chunks(EVENTS_PER_PAGE)
        .nth(number - 1)
        .unwrap_or_default();
    let path = format!("{prefix}{}", month_path(month, number));
    let crumb = NavItem {
        title: lc.t("schedule_title"),
        url: lc.url(&format!("{prefix}schedule/")),
        current: false,
    };
    let suffix = month_path(month, number);
    let mut page = lc.special_page("schedule_month", &path, &suffix, lc.month_label(month));
    page.breadcrumbs.push(crumb);
    page.description = Some(lc.t("schedule_description"));
    let pager: Vec<Value> = (1..=pages)
        .map(|k| json!({"number": k, "url": lc.url(&format!("{prefix}{}", month_path(month, k))), "current": k == number}))
        .collect();
    let data = json!({
        "events": chunk.iter().map(|&i| event_ref(i)).collect::<Vec<_>>(),
        "pages": if pages > 1 { pager } else { Vec::new() },
        "ics_url": lc.url("calendar.ics"),
    });
    r.page(
        &lc,
        "schedule_month.html",
        &path,
        &page,
        vec![("month", data)],
        problems,
    )
}
