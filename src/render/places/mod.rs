//! Where to enroll: the points index, a page per ward and a page per
//! enrollment point (an office or a mobile team), in every language.

mod jsonld;
mod point;

use serde_json::{json, Value};

use super::context::{LangCtx, NavItem};
use super::events;
use super::output::{one, Job, Output};
use super::state::RenderCtx;
use crate::diagnostic::Diagnostics;
use crate::model::lang_prefix;
use crate::model::places::{point_path, ward_path};
use crate::read::points::Kind;
use point::PointCtx;

/// Above this many points, the index lists wards and ward pages list points.
const POINTS_ON_INDEX: usize = 600;

/// Every page of the points, each a job: in each language the index, the
/// wards, then the points.
pub fn jobs<'r>(r: &'r RenderCtx) -> Vec<Job<'r>> {
    let site = r.site;
    let places = &site.places;
    if places.is_empty() {
        return Vec::new();
    }
    let mut jobs = Vec::new();
    for lang in &site.config.languages {
        let lang = lang.code.as_str();
        jobs.push(one(move |problems| index(r, lang, problems)));
        jobs.extend(
            (0..places.wards.len()).map(|w| one(move |problems| ward(r, lang, w, problems))),
        );
        jobs.extend(
            (0..places.points.len()).map(|i| one(move |problems| point(r, lang, i, problems))),
        );
    }
    jobs
}

fn points_crumb(lc: &LangCtx) -> NavItem {
    NavItem {
        title: lc.t("points_title"),
        url: lc.url(&format!("{}points/", lang_prefix(&lc.site.config, lc.lang))),
        current: false,
    }
}

/// `points/`: the districts with their wards, and their points when there
/// are not too many.
fn index(r: &RenderCtx, lang: &str, problems: &mut Diagnostics) -> Option<Output> {
    let site = r.site;
    let lc = r.lang(lang);
    let prefix = lang_prefix(&site.config, lang);
    let path = format!("{prefix}points/");
    let list_points = site.places.points.len() <= POINTS_ON_INDEX;
    let districts: Vec<Value> = site
        .places
        .districts
        .iter()
        .map(|d| {
            let wards: Vec<Value> = d
                .wards
                .iter()
                .map(|&w| {
                    let ward = &site.places.wards[w];
                    let points: Vec<PointCtx> = if list_points {
                        ward.points.iter().map(|&p| lc.point(p)).collect()
                    } else {
                        Vec::new()
                    };
                    let fixed = ward
                        .points
                        .iter()
                        .filter(|&&p| site.places.points[p].kind == Kind::Fixed)
                        .count();
                    json!({
                        "name": ward.name,
                        "url": lc.url(&format!("{prefix}{}", ward_path(ward))),
                        "fixed": fixed,
                        "mobile": ward.points.len() - fixed,
                        "points": points,
                    })
                })
                .collect();
            json!({ "name": d.name, "wards": wards })
        })
        .collect();
    let mut page = lc.special_page("points", &path, "points/", lc.t("points_title"));
    page.description = Some(lc.t("points_description"));
    let data = json!({
        "districts": districts,
        "list_points": list_points,
        "count": site.places.points.len(),
        "data_url": lc.url("points.json"),
        "lang_prefix": lc.url(&prefix),
    });
    r.page(
        &lc,
        "points.html",
        &path,
        &page,
        vec![("places", data)],
        problems,
    )
}

/// A ward: its points and their next visits.
fn ward(r: &RenderCtx, lang: &str, w: usize, problems: &mut Diagnostics) -> Option<Output> {
    let site = r.site;
    let lc = r.lang(lang);
    let ward = &site.places.wards[w];
    let path = format!("{}{}", lang_prefix(&site.config, lang), ward_path(ward));
    let points: Vec<PointCtx> = ward.points.iter().map(|&p| lc.point(p)).collect();
    let mut page = lc.special_page("ward", &path, &ward_path(ward), ward.name.clone());
    page.breadcrumbs.push(points_crumb(&lc));
    page.description = Some(format!("{} – {}", ward.name, ward.district));
    page.lang = site.default_lang().to_string();
    let data = json!({
        "name": ward.name,
        "district": ward.district,
        "points": points,
        "ics_url": lc.url(&format!("{}calendar.ics", ward_path(ward))),
        "poster_url": lc.url(&format!("{path}poster/")),
    });
    let lists = events::lists(&lc, &site.event_index.by_ward[w], events::PLACE_LISTED);
    let data = vec![("ward", data), ("lists", lists)];
    r.page(&lc, "ward.html", &path, &page, data, problems)
}

/// An office or a mobile team: where, when, and its next visits.
fn point(r: &RenderCtx, lang: &str, i: usize, problems: &mut Diagnostics) -> Option<Output> {
    let site = r.site;
    let lc = r.lang(lang);
    let p = &site.places.points[i];
    let ward = &site.places.wards[site.places.ward_of[i]];
    let prefix = lang_prefix(&site.config, lang);
    let path = format!("{prefix}{}", point_path(p));
    let ward_crumb = NavItem {
        title: ward.name.clone(),
        url: lc.url(&format!("{prefix}{}", ward_path(ward))),
        current: false,
    };
    let mut page = lc.special_page("point", &path, &point_path(p), p.name.clone());
    page.breadcrumbs.extend([points_crumb(&lc), ward_crumb]);
    page.description = p
        .address
        .clone()
        .or_else(|| Some(format!("{} – {}", p.ward, p.district)));
    page.lang = site.default_lang().to_string();
    let events = &site.event_index.by_point[i];
    let data = json!({
        "point": lc.point(i),
        "jsonld": jsonld::point(&lc, i, events).to_string().replace("</", "<\\/"),
    });
    let lists = events::lists(&lc, events, events::PLACE_LISTED);
    let data = vec![("place", data), ("lists", lists)];
    r.page(&lc, "point.html", &path, &page, data, problems)
}
