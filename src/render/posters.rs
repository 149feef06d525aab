//! Printable posters: one per slogan and one per campaign, in every
//! language, with a QR code (SVG, made at build time) to the campaign's page.
//! One sheet of A4 or A3, portrait or landscape, whatever the printer uses.

use rayon::prelude::*;
use serde_json::json;

use super::context::{Fact, LangCtx};
use super::places::Output;
use super::Renderer;
use crate::model::generated::poster_path;
use crate::model::{lang_prefix, Node};

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

impl Renderer<'_> {
    /// Every poster page, with its QR code when `qr` (not for `loa check`,
    /// which keeps nothing and where a QR code cannot be wrong).
    pub(super) fn posters(&self, qr: bool) -> Vec<Output> {
        let site = self.site;
        let mut out = Vec::new();
        for lang in &site.config.languages {
            let code = lang.code.as_str();
            let lc = self.lang_ctx(code);
            let prefix = lang_prefix(&site.config, code);
            for s in &site.slogans {
                let (text, translated) = s.text_in(code);
                let campaign = s.campaign.as_ref().and_then(|(slug, _)| {
                    let key = format!("campaigns/{slug}");
                    site.nodes.iter().find(|n| n.key == key)
                });
                let target = campaign
                    .and_then(|n| n.paths.get(code).cloned())
                    .unwrap_or_else(|| format!("{prefix}slogans/"));
                let path = format!("{prefix}{}", poster_path(&s.id));
                let facts = campaign
                    .map(|n| {
                        vec![Fact {
                            label: lc.t("campaign"),
                            value: lc.title(n).0,
                        }]
                    })
                    .unwrap_or_default();
                out.extend(self.poster(
                    code,
                    &path,
                    &poster_path(&s.id),
                    text,
                    if translated {
                        code
                    } else {
                        site.default_lang()
                    },
                    facts,
                    &target,
                    qr,
                ));
            }
            // A site may have many campaigns: their posters in parallel.
            let campaigns: Vec<&Node> = site.nodes.iter().filter(|n| n.is_campaign()).collect();
            out.par_extend(campaigns.par_iter().flat_map_iter(|node| {
                let Some(page_path) = node.paths.get(code) else {
                    return Vec::new();
                };
                let (title, title_lang) = lc.title(node);
                let facts = self.campaign_facts(&lc, node);
                let path = format!("{page_path}poster/");
                let suffix = path.strip_prefix(&prefix).unwrap_or(&path).to_string();
                self.poster(
                    code,
                    &path,
                    &suffix,
                    &title,
                    &title_lang,
                    facts,
                    page_path,
                    qr,
                )
            }));
        }
        out
    }

    /// A campaign's period and audience, from its plan.
    pub(super) fn campaign_facts(&self, lc: &LangCtx, node: &Node) -> Vec<Fact> {
        let mut facts = Vec::new();
        let plan = node
            .version(lc.lang, self.site.default_lang())
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

    /// The poster page at `path` and its QR code, which leads to `target`.
    #[allow(clippy::too_many_arguments)]
    fn poster(
        &self,
        lang: &str,
        path: &str,
        suffix: &str,
        text: &str,
        text_lang: &str,
        facts: Vec<Fact>,
        target: &str,
        qr: bool,
    ) -> Vec<Output> {
        let lc = self.lang_ctx(lang);
        let link = lc.full(target);
        let title: String = text.chars().take(60).collect();
        let mut page = self.special_page(
            "poster",
            lang,
            path,
            suffix,
            format!("{}: {title}", lc.t("poster_title")),
        );
        page.description = Some(lc.t("poster_help"));
        let data = json!({
            "kind": if suffix.starts_with("posters/") { "slogan" } else { "campaign" },
            "text": text,
            "lang": text_lang,
            "long": text.chars().count() > LONG,
            "facts": facts,
            "qr_url": lc.url(&format!("{path}qr.svg")),
            "link": link.trim_start_matches("https://").trim_start_matches("http://"),
            "org": self.site.config.organization,
        });
        let page = self.render_template("poster.html", &lc, path, &page, vec![("poster", data)]);
        let mut out = vec![(format!("{path}index.html"), page)];
        if qr {
            out.push((format!("{path}qr.svg"), Ok(qr_svg(&link))));
        }
        out
    }
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
