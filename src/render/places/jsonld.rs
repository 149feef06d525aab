//! What search engines read of a point's page (schema.org JSON-LD): an
//! office with its opening hours, or a mobile team's next visits as events.

use serde_json::{json, Value};

use super::super::context::LangCtx;
use crate::model::lang_prefix;
use crate::model::places::point_path;
use crate::read::hours::SameHours;
use crate::read::points::Kind;

/// A team's next visits described for search engines on its page.
const JSONLD_EVENTS: usize = 3;

/// schema.org: an office with its opening hours, or a team's visits as events.
pub fn point(lc: &LangCtx, i: usize, events: &[usize]) -> Value {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let site = lc.site;
    let p = &site.places.points[i];
    let address = json!({
        "@type": "PostalAddress",
        "streetAddress": p.address,
        "addressLocality": p.ward,
        "addressRegion": p.district,
        "addressCountry": "VN",
    });
    let geo = p
        .lat
        .zip(p.lon)
        .map(|(a, o)| json!({"@type": "GeoCoordinates", "latitude": a, "longitude": o}));
    let url = lc.full(&format!(
        "{}{}",
        lang_prefix(&site.config, lc.lang),
        point_path(p)
    ));
    match p.kind {
        Kind::Fixed => {
            let hours: Vec<Value> = site.places.weeks[i]
                .groups()
                .into_iter()
                .flat_map(|SameHours { days, ranges, until }| {
                    let days: Vec<String> = days.iter().map(|d| format!("https://schema.org/{}", DAYS[*d])).collect();
                    ranges.into_iter().map(move |r| {
                        let mut spec = json!({"@type": "OpeningHoursSpecification", "dayOfWeek": days, "opens": r.opens, "closes": r.closes});
                        if let Some(until) = until {
                            spec["validThrough"] = json!(until.to_string());
                        }
                        spec
                    })
                })
                .collect();
            json!({
                "@context": "https://schema.org",
                "@type": "GovernmentOffice",
                "name": p.name,
                "url": url,
                "address": address,
                "geo": geo,
                "telephone": p.phone,
                "openingHoursSpecification": hours,
            })
        }
        Kind::Mobile => {
            let tz = &site.config.timezone;
            let list: Vec<Value> = events
                .iter()
                .map(|&e| &site.events[e])
                .filter(|e| !e.past)
                .take(JSONLD_EVENTS)
                .map(|e| {
                    let at = |z: Option<jiff::Zoned>| z.map(|z| z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string());
                    json!({
                        "@type": "Event",
                        "name": e.title,
                        "startDate": at(e.starts_at(tz)),
                        "endDate": at(e.ends_at(tz)),
                        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                        "eventStatus": "https://schema.org/EventScheduled",
                        "location": {
                            "@type": "Place",
                            "name": e.place,
                            "address": {"@type": "PostalAddress", "streetAddress": e.address, "addressCountry": "VN"},
                            "geo": e.lat.zip(e.lon).map(|(a, o)| json!({"@type": "GeoCoordinates", "latitude": a, "longitude": o})),
                        },
                        "organizer": {"@type": "GovernmentOrganization", "name": p.name, "url": url},
                    })
                })
                .collect();
            json!({"@context": "https://schema.org", "@graph": list})
        }
    }
}
