//! Printable posters: one per slogan, per campaign and per ward, in every
//! language, with a QR code (SVG, made at build time) to the page it is
//! about. One sheet of A4 or A3, portrait or landscape, whatever the
//! printer uses. What each says besides its title is in [`sheet`].

mod sheet;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use serde_json::json;

use super::context::{DateCtx, Fact, LangCtx};
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

/// The QR codes of one build's posters, each made once by the first
/// poster that needs it: a campaign's poster and its slogans' lead to the
/// same page, and scoring a code's masks is most of a poster's work.
#[derive(Default)]
struct QrCodes(Mutex<HashMap<String, Arc<OnceLock<Vec<u8>>>>>);

impl QrCodes {
    /// The QR code of `url` as an SVG image (see [`qr_svg`]).
    fn svg(&self, url: &str) -> Vec<u8> {
        let code = {
            let mut made = self.0.lock().unwrap_or_else(PoisonError::into_inner);
            Arc::clone(made.entry(url.to_string()).or_default())
        };
        code.get_or_init(|| qr_svg(url)).clone()
    }
}

/// Every poster, a job each: in each language the slogans', the
/// campaigns', then the wards'. With `qr` their QR codes too (not for `loa check`, which
/// keeps nothing and where a QR code cannot be wrong).
pub fn jobs<'r>(r: &'r RenderCtx, qr: bool) -> Vec<Job<'r>> {
    let site = r.site;
    let codes = qr.then(|| Arc::new(QrCodes::default()));
    let mut jobs = Vec::new();
    for lang in &site.config.languages {
        let lang = lang.code.as_str();
        for s in 0..site.slogans.len() {
            let codes = codes.clone();
            jobs.push(job(move |problems| {
                slogan(r, lang, s, codes.as_deref(), problems)
            }));
        }
        for i in (0..site.nodes.len()).filter(|&i| site.nodes[i].is_campaign()) {
            let codes = codes.clone();
            jobs.push(job(move |problems| {
                campaign(r, lang, i, codes.as_deref(), problems)
            }));
        }
        for w in 0..site.places.wards.len() {
            let codes = codes.clone();
            jobs.push(job(move |problems| {
                ward(r, lang, w, codes.as_deref(), problems)
            }));
        }
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
    /// The last day of the campaign it is of, if it has ended: said above
    /// it on screen.
    ended: Option<DateCtx>,
}

/// The poster of slogan `s`, which leads to its campaign's page or to the
/// slogans.
fn slogan(
    r: &RenderCtx,
    lang: &str,
    s: usize,
    qr: Option<&QrCodes>,
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
        ended: None,
    };
    outputs(r, &lc, poster, qr, problems)
}

/// The poster of campaign `index`, which leads to its page.
fn campaign(
    r: &RenderCtx,
    lang: &str,
    index: usize,
    qr: Option<&QrCodes>,
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
        ended: lc.civil_date(super::campaign_summary::ended_on(&lc, node)),
    };
    outputs(r, &lc, poster, qr, problems)
}

/// The poster of ward `w`: where to go in it, which leads to its page.
fn ward(
    r: &RenderCtx,
    lang: &str,
    w: usize,
    qr: Option<&QrCodes>,
    problems: &mut Diagnostics,
) -> Vec<Output> {
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
        ended: None,
    };
    outputs(r, &lc, poster, qr, problems)
}

/// The poster's page and, with `qr`, its QR code from there.
fn outputs(
    r: &RenderCtx,
    lc: &LangCtx,
    poster: Poster,
    qr: Option<&QrCodes>,
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
        ended,
    } = poster;
    let link = lc.full(&target);
    let title: String = text.chars().take(60).collect();
    let title = format!("{}{} {title}", lc.t("poster_title"), lc.t("colon"));
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
        "ended": ended,
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
    if let Some(codes) = qr {
        out.push(Output::new(format!("{path}qr.svg"), codes.svg(&link)));
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

    #[test]
    fn a_qr_code_is_made_once_for_each_address() {
        let codes = super::QrCodes::default();
        let (a, b) = ("https://x.vn/campaigns/a/", "https://x.vn/campaigns/b/");
        assert_eq!(codes.svg(a), super::qr_svg(a));
        assert_eq!(codes.svg(b), super::qr_svg(b));
        assert_eq!(codes.svg(a), super::qr_svg(a));
        assert_ne!(codes.svg(a), codes.svg(b));
        assert_eq!(codes.0.lock().unwrap().len(), 2);
    }
}
