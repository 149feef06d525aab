//! Machine-readable outputs: `atom.xml` per language, `sitemap.xml` with
//! hreflang alternates, `robots.txt`, and the points as data (`points.csv`,
//! `points.geojson`, `points.json`). No build timestamps: dates come from content.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::context::LangCtx;
use super::output::{job, Job, Output};
use super::spreadsheet;
use super::state::RenderCtx;
use crate::model::places::point_path;
use crate::model::schedule::EventKind;
use crate::model::{lang_prefix, NodeKind, SectionKind, Site, Version};
use crate::read::hours::hhmm;
use crate::read::points::{Kind, POINT_COLUMNS};

/// The feeds and data files, as jobs: the feeds in one, the data files in
/// another. None for `check` (when `keeps` is false): they cannot hold a
/// mistake of the site.
pub fn jobs<'r>(r: &'r RenderCtx, keeps: bool) -> Vec<Job<'r>> {
    if !keeps {
        return Vec::new();
    }
    let site = r.site;
    let mut jobs = vec![job(move |_| {
        let mut out: Vec<Output> = site
            .config
            .languages
            .iter()
            .map(|l| {
                let prefix = lang_prefix(&site.config, &l.code);
                Output::new(
                    format!("{prefix}atom.xml"),
                    atom(&r.lang(&l.code)).into_bytes(),
                )
            })
            .collect();
        out.push(Output::new("sitemap.xml", sitemap(site).into_bytes()));
        out.push(Output::new("robots.txt", robots(site).into_bytes()));
        out
    })];
    if !site.places.is_empty() {
        jobs.push(job(move |_| data_files(r)));
    }
    jobs
}

/// Sections whose pages are news worth a feed entry.
const FEED_SECTIONS: [SectionKind; 2] = [SectionKind::Campaigns, SectionKind::Outreach];

pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

fn changed(v: &Version) -> Option<String> {
    v.front
        .updated
        .as_ref()
        .or(v.front.date.as_ref())
        .map(|d| d.rfc3339())
}

/// Campaign and outreach pages of one language, newest first. A page
/// appears in a language's feed when it is written in that language; pages
/// without `date` or `updated` have no place in a feed and are left out.
fn atom(lc: &LangCtx) -> String {
    let site = lc.site;
    let mut entries: Vec<(String, usize, &Version)> = site
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.kind == NodeKind::Page && FEED_SECTIONS.contains(&n.section()))
        .filter_map(|(i, n)| {
            let v = n.versions.get(lc.lang)?;
            Some((changed(v)?, i, v))
        })
        .collect();
    entries.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(site.nodes[a.1].key.cmp(&site.nodes[b.1].key))
    });
    let feed_updated = entries
        .first()
        .map(|e| e.0.clone())
        .or_else(|| latest_change(site))
        .unwrap_or_else(|| "1970-01-01T00:00:00+00:00".into());
    let prefix = crate::model::lang_prefix(&site.config, lc.lang);
    let self_url = lc.full(&format!("{prefix}atom.xml"));
    let mut out = String::new();
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n<title>{}</title>\n<id>{}</id>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<updated>{}</updated>\n",
        xml_escape(lc.lang),
        xml_escape(site.config.title_in(lc.lang)),
        xml_escape(&self_url),
        xml_escape(&self_url),
        xml_escape(&lc.full(&prefix)),
        feed_updated,
    );
    if let Some(org) = &site.config.organization {
        let _ = writeln!(out, "<author><name>{}</name></author>", xml_escape(org));
    }
    for (updated, i, v) in entries {
        let node = &site.nodes[i];
        let url = lc.full(&node.paths[lc.lang]);
        let title = v.front.title.as_deref().unwrap_or(&node.key);
        let _ = write!(
            out,
            "<entry>\n<title>{}</title>\n<id>{}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<updated>{}</updated>\n",
            xml_escape(title),
            xml_escape(&url),
            xml_escape(&url),
            updated
        );
        if let Some(d) = &v.front.date {
            let _ = writeln!(out, "<published>{}</published>", d.rfc3339());
        }
        if let Some(s) = &v.front.description {
            let _ = writeln!(out, "<summary>{}</summary>", xml_escape(s));
        }
        out.push_str("</entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

fn latest_change(site: &Site) -> Option<String> {
    site.nodes
        .iter()
        .flat_map(|n| n.versions.values())
        .filter_map(changed)
        .max()
}

/// Every page in every language that has its own text (fallback pages point
/// their canonical link to the original and stay out), and every page loa
/// makes for citizens (points, wards, the schedule and its months, the
/// slogans) in every language, with `xhtml:link` alternates to its
/// translations. No staff page: no translation report, print view or poster.
fn sitemap(site: &Site) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let default = site.default_lang();
    for node in &site.nodes {
        let langs: Vec<(&str, &str)> = site
            .config
            .languages
            .iter()
            .map(|l| l.code.as_str())
            .filter(|l| {
                node.versions.contains_key(*l) || (node.versions.is_empty() && *l == default)
            })
            .map(|l| (l, node.paths[l].as_str()))
            .collect();
        for (lang, path) in &langs {
            let lastmod = node.versions.get(*lang).and_then(changed);
            sitemap_url(&mut out, site, path, lastmod, &langs);
        }
    }
    for suffix in &site.generated.listed {
        let langs: Vec<(&str, String)> = site
            .config
            .languages
            .iter()
            .map(|l| {
                let prefix = lang_prefix(&site.config, &l.code);
                (l.code.as_str(), format!("{prefix}{suffix}"))
            })
            .collect();
        let langs: Vec<(&str, &str)> = langs.iter().map(|(l, p)| (*l, p.as_str())).collect();
        for (_, path) in &langs {
            sitemap_url(&mut out, site, path, None, &langs);
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// One `<url>` of the sitemap: the page at `path`, with alternates to the
/// same page in each of `langs` (language, path) when there are several.
fn sitemap_url(
    out: &mut String,
    site: &Site,
    path: &str,
    lastmod: Option<String>,
    langs: &[(&str, &str)],
) {
    let base = &site.config.base_url;
    let _ = write!(out, "<url><loc>{}</loc>", xml_escape(&base.full(path)));
    if let Some(lastmod) = lastmod {
        let _ = write!(out, "<lastmod>{lastmod}</lastmod>");
    }
    if langs.len() > 1 {
        for (alt, alt_path) in langs {
            let _ = write!(
                out,
                "<xhtml:link rel=\"alternate\" hreflang=\"{alt}\" href=\"{}\"/>",
                xml_escape(&base.full(alt_path))
            );
        }
        if let Some((_, default_path)) = langs.iter().find(|(l, _)| *l == site.default_lang()) {
            let _ = write!(
                out,
                "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                xml_escape(&base.full(default_path))
            );
        }
    }
    out.push_str("</url>\n");
}

fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\nSitemap: {}\n",
        site.config.base_url.full("sitemap.xml")
    )
}

/// `points.geojson` (see [`super::geojson`]), `points.csv` and the
/// `points.json` that "nearest to me" reads.
fn data_files(r: &RenderCtx) -> Vec<Output> {
    let site = r.site;
    let places = &site.places;
    let base = &site.config.base_url;
    let geojson = super::geojson::points(&r.lang(site.default_lang()));

    let header = POINT_COLUMNS.iter().chain(&["url"]).map(|c| c.to_string());
    let rows = places.points.iter().map(|p| {
        let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let kind = match p.kind {
            Kind::Fixed => "fixed",
            Kind::Mobile => "mobile",
        };
        vec![
            p.id.clone(),
            p.name.clone(),
            kind.into(),
            p.district.clone(),
            p.ward.clone(),
            opt(&p.address),
            num(p.lat),
            num(p.lon),
            opt(&p.phone),
            p.services
                .iter()
                .map(|s| s.code())
                .collect::<Vec<_>>()
                .join(" "),
            opt(&p.hours_text),
            opt(&p.notes),
            opt(&p.accessibility),
            base.full(&point_path(p)),
        ]
    });
    let csv = spreadsheet::csv_file(std::iter::once(header.collect()).chain(rows));

    let points: Vec<Value> = places
        .points
        .iter()
        .map(|p| json!({"id": p.id, "name": p.name, "kind": p.kind, "ward": p.ward, "address": p.address, "lat": p.lat, "lon": p.lon, "path": point_path(p)}))
        .collect();
    let visits: Vec<Value> = site
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Visit && !e.past)
        .filter_map(|e| {
            let p = &places.points[e.point?];
            Some(json!({
                "title": e.title, "date": e.date.to_string(),
                "time": format!("{}–{}", hhmm(e.start?), hhmm(e.end?)),
                "place": e.place, "lat": e.lat.or(p.lat), "lon": e.lon.or(p.lon),
                "path": point_path(p),
                "ends": e.ends,
            }))
        })
        .collect();
    let nearest = json!({"points": points, "visits": visits});
    vec![
        Output::new("points.geojson", geojson.into_bytes()),
        Output::new("points.csv", csv),
        Output::new("points.json", nearest.to_string().into_bytes()),
    ]
}
