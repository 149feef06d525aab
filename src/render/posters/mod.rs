//! Printable posters: one per slogan, per campaign and per ward, in every
//! language, with a QR code (SVG, made at build time) to the page it is
//! about. One sheet of A4 or A3, portrait or landscape, whatever the
//! printer uses. What each says besides its title is in [`sheet`].

mod sheet;

use serde_json::json;

use super::context::{Fact, LangCtx};
use super::output::{job, Job, Output};
use super::state::RenderCtx;
use crate::diagnostic::Diagnostics;
use crate::model::generated::poster_path;
use crate::model::lang_prefix;
use crate::model::places::ward_path;
use sheet::Sheet;

/// Above this many characters a poster's text is set smaller.
const LONG: usize = 60;

/// A QR code of `url` as an SVG image.
fn qr_svg(url: &str) -> Vec<u8> {
    match qrcode::QrCode::new(url.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(240, 240)
            .quiet_zone(true)
            .build()
            .into_bytes(),
        // Longer than any QR code holds: no image rather than a wrong one.
        Err(_) => Vec::new(),
    }
}

/// Every poster, a job each: in each language the slogans', the
/// campaigns', then the wards'. With `qr` their QR codes too (not for `loa check`, which
/// keeps nothing and where a QR code cannot be wrong).
pub fn jobs<'r>(r: &'r RenderCtx, qr: bool) -> Vec<Job<'r>> {
    let site = r.site;
    let mut jobs = Vec::new();
    for lang in &site.config.languages {
        let lang = lang.code.as_str();
        jobs.extend(
            (0..site.slogans.len()).map(|s| job(move |problems| slogan(r, lang, s, qr, problems))),
        );
        jobs.extend(
            (0..site.nodes.len())
                .filter(|&i| site.nodes[i].is_campaign())
                .map(|i| job(move |problems| campaign(r, lang, i, qr, problems))),
        );
        jobs.extend(
            (0..site.places.wards.len())
                .map(move |w| job(move |problems| ward(r, lang, w, qr, problems))),
        );
    }
    jobs
}

/// What a poster shows, and where its QR code leads.
struct Poster<'p> {
    /// `slogan`, `campaign` or `ward`.
    kind: &'static str,
    /// Its site path.
    path: String,
    /// Its path after the language prefix.
    suffix: String,
    text: &'p str,
    text_lang: &'p str,
    facts: Vec<Fact>,
    sheet: Sheet,
    /// The site path its QR code leads to.
    target: String,
}

/// The poster of slogan `s`, which leads to its campaign's page or to the
/// slogans.
fn slogan(
    r: &RenderCtx,
    lang: &str,
    s: usize,
    qr: bool,
    problems: &mut Diagnostics,
) -> Vec<Output> {
    let site = r.site;
    let lc = r.lang(lang);
    let prefix = lang_prefix(&site.config, lang);
    let slogan = &site.slogans[s];
    let (text, translated) = slogan.text_in(lang);
    let campaign = slogan.campaign.as_ref().and_then(|(slug, _)| {
        let key = format!("campaigns/{slug}");
        site.nodes.iter().find(|n| n.key == key)
    });
    let facts = campaign
        .map(|n| {
            vec![Fact {
                label: lc.t("campaign"),
                value: lc.title(n).0,
            }]
        })
        .unwrap_or_default();
    let poster = Poster {
        kind: "slogan",
        path: format!("{prefix}{}", poster_path(&slogan.id)),
        suffix: poster_path(&slogan.id),
        text,
        text_lang: if translated {
            lang
        } else {
            site.default_lang()
        },
        facts,
        sheet: Sheet {
            org: site.config.organization.clone(),
            ..Sheet::default()
        },
        target: campaign
            .and_then(|n| n.paths.get(lang).cloned())
            .unwrap_or_else(|| format!("{prefix}slogans/")),
    };
    outputs(r, &lc, poster, qr, problems)
}

/// The poster of campaign `index`, which leads to its page.
fn campaign(
    r: &RenderCtx,
    lang: &str,
    index: usize,
    qr: bool,
    problems: &mut Diagnostics,
) -> Vec<Output> {
    let lc = r.lang(lang);
    let node = &r.site.nodes[index];
    let Some(page_path) = node.paths.get(lang) else {
        return Vec::new();
    };
    let prefix = lang_prefix(&r.site.config, lang);
    let (title, title_lang) = lc.title(node);
    let path = format!("{page_path}poster/");
    let poster = Poster {
        kind: "campaign",
        suffix: path.strip_prefix(&prefix).unwrap_or(&path).to_string(),
        path,
        text: &title,
        text_lang: &title_lang,
        facts: Vec::new(),
        sheet: sheet::campaign(&lc, node),
        target: page_path.clone(),
    };
    outputs(r, &lc, poster, qr, problems)
}

/// The poster of ward `w`: where to go in it, which leads to its page.
fn ward(r: &RenderCtx, lang: &str, w: usize, qr: bool, problems: &mut Diagnostics) -> Vec<Output> {
    let lc = r.lang(lang);
    let site = r.site;
    let ward = &site.places.wards[w];
    let prefix = lang_prefix(&site.config, lang);
    let page_path = format!("{prefix}{}", ward_path(ward));
    let title = lc.t("poster_ward_title").replace("{ward}", &ward.name);
    let poster = Poster {
        kind: "ward",
        suffix: format!("{}poster/", ward_path(ward)),
        path: format!("{page_path}poster/"),
        text: &title,
        text_lang: lang,
        facts: Vec::new(),
        sheet: sheet::ward(&lc, w),
        target: page_path,
    };
    outputs(r, &lc, poster, qr, problems)
}

/// The poster's page and, with `qr`, its QR code.
fn outputs(
    r: &RenderCtx,
    lc: &LangCtx,
    poster: Poster,
    qr: bool,
    problems: &mut Diagnostics,
) -> Vec<Output> {
    let Poster {
        kind,
        path,
        suffix,
        text,
        text_lang,
        facts,
        sheet,
        target,
    } = poster;
    let link = lc.full(&target);
    let title: String = text.chars().take(60).collect();
    let title = format!("{}: {title}", lc.t("poster_title"));
    let mut page = lc.special_page("poster", &path, &suffix, title);
    page.description = Some(lc.t("poster_help"));
    let data = json!({
        "kind": kind,
        "text": text,
        "lang": text_lang,
        "long": text.chars().count() > LONG,
        "facts": facts,
        "qr_url": lc.url(&format!("{path}qr.svg")),
        "link": link.trim_start_matches("https://").trim_start_matches("http://"),
        "org": sheet.org,
        "period": sheet.period,
        "offices": sheet.offices,
        "more_offices": sheet.more_offices,
        "visits": sheet.visits,
        "bring": sheet.bring,
        "hotline": sheet.hotline,
    });
    let mut out: Vec<Output> = r
        .page(
            lc,
            "poster.html",
            &path,
            &page,
            vec![("poster", data)],
            problems,
        )
        .into_iter()
        .collect();
    if qr {
        out.push(Output::new(format!("{path}qr.svg"), qr_svg(&link)));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_qr_code_is_an_svg_image() {
        let svg =
            String::from_utf8(super::qr_svg("https://vneid.cantho.gov.vn/campaigns/x/")).unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"), "{svg}");
    }
}
