//! What templates see of an enrollment point: its place, phone, services
//! and opening hours in the reader's language.

use serde::Serialize;

use super::super::context::LangCtx;
use super::super::events::osm;
use crate::model::lang_prefix;
use crate::model::places::{point_path, ward_path};
use crate::read::hours::{runs, Week};
use crate::read::points::Kind;

#[derive(Serialize)]
struct ServiceCtx {
    code: String,
    label: String,
}

#[derive(Serialize)]
pub struct HoursLine {
    pub days: String,
    /// `07:00–11:00, 13:00–17:00`, then, when staff wrote the last day
    /// these hours hold, that day: `(đến hết 30/06/2026)`.
    pub ranges: String,
}

#[derive(Serialize)]
pub struct PointCtx {
    id: String,
    name: String,
    kind: Kind,
    kind_label: String,
    district: String,
    ward: String,
    ward_url: String,
    address: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    phone: Option<String>,
    tel: Option<String>,
    services: Vec<ServiceCtx>,
    hours: Vec<HoursLine>,
    notes: Option<String>,
    accessibility: Option<String>,
    url: String,
    osm_url: Option<String>,
    geo_uri: Option<String>,
}

/// `0292 3820 011` → `+842923820011` for a `tel:` link.
fn tel(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() < 6 {
        return None;
    }
    Some(
        match (
            phone.trim_start().starts_with('+'),
            digits.strip_prefix('0'),
        ) {
            (true, _) => format!("+{digits}"),
            (false, Some(rest)) => format!("+84{rest}"),
            (false, None) => digits,
        },
    )
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl LangCtx<'_> {
    /// Hours of a week in words as text: `Thứ Hai – Thứ Sáu: 07:00–11:00`,
    /// a line per group of days with the same hours, after the language's
    /// colon.
    pub fn hours_texts(&self, week: &Week) -> Vec<String> {
        let colon = self.t("colon");
        self.hours_lines(week)
            .into_iter()
            .map(|l| format!("{}{colon} {}", l.days, l.ranges))
            .collect()
    }

    /// Hours of a week in words, a line per group of days with the same
    /// hours until the same day.
    pub fn hours_lines(&self, week: &Week) -> Vec<HoursLine> {
        week.groups()
            .into_iter()
            .map(|hours| {
                let day = |d: usize| capitalize(&self.t(&format!("weekday_{}", d + 1)));
                let days = runs(&hours.days)
                    .into_iter()
                    .map(|(a, b)| match b - a {
                        0 => day(a),
                        1 => format!("{}, {}", day(a), day(b)),
                        _ => format!("{} – {}", day(a), day(b)),
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                let mut ranges = hours
                    .ranges
                    .iter()
                    .map(|r| format!("{}–{}", r.opens, r.closes))
                    .collect::<Vec<_>>()
                    .join(", ");
                if let Some(last) = self.civil_date(hours.until) {
                    ranges.push(' ');
                    ranges.push_str(&self.t("hours_until").replace("{date}", &last.display));
                }
                HoursLine { days, ranges }
            })
            .collect()
    }

    /// Point `i` of the site.
    pub fn point(&self, i: usize) -> PointCtx {
        let places = &self.site.places;
        let p = &places.points[i];
        let ward = &places.wards[places.ward_of[i]];
        let prefix = lang_prefix(&self.site.config, self.lang);
        PointCtx {
            id: p.id.clone(),
            name: p.name.clone(),
            kind: p.kind,
            kind_label: self.t(match p.kind {
                Kind::Fixed => "kind_fixed",
                Kind::Mobile => "kind_mobile",
            }),
            district: p.district.clone(),
            ward: p.ward.clone(),
            ward_url: self.url(&format!("{prefix}{}", ward_path(ward))),
            address: p.address.clone(),
            lat: p.lat,
            lon: p.lon,
            phone: p.phone.clone(),
            tel: p.phone.as_deref().and_then(tel),
            services: p
                .services
                .iter()
                .map(|s| ServiceCtx {
                    code: s.code().to_string(),
                    label: self.t(&format!("service_{s}")),
                })
                .collect(),
            hours: self.hours_lines(&self.site.places.weeks[i]),
            notes: p.notes.clone(),
            accessibility: p.accessibility.clone(),
            url: self.url(&format!("{prefix}{}", point_path(p))),
            osm_url: p.lat.zip(p.lon).map(|(a, o)| osm(a, o)),
            geo_uri: p.lat.zip(p.lon).map(|(a, o)| format!("geo:{a},{o}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_links() {
        assert_eq!(tel("0292 3820 011").as_deref(), Some("+842923820011"));
        assert_eq!(tel("+84 292 3820 011").as_deref(), Some("+842923820011"));
        assert_eq!(tel("113").as_deref(), None);
    }
}
