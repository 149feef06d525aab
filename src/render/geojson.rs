//! `points.geojson` (RFC 7946): where citizens can go. Each office with its
//! hours in words and in OpenStreetMap's `opening_hours` syntax, its notes
//! and accessibility; each upcoming mobile-team visit with its date, time,
//! place and notes. Words are in the site's default language.

use serde_json::{json, Value};

use super::context::LangCtx;
use crate::model::places::{point_path, ward_path};
use crate::model::schedule::EventKind;
use crate::read::hours::hhmm;

/// A GeoJSON point geometry, or `null` when the place has no coordinates.
fn geometry(lat: Option<f64>, lon: Option<f64>) -> Value {
    match (lat, lon) {
        (Some(lat), Some(lon)) => json!({"type": "Point", "coordinates": [lon, lat]}),
        _ => Value::Null,
    }
}

/// Every point with coordinates, then every upcoming visit (with its
/// place's coordinates when staff gave them, else none).
pub fn points(lc: &LangCtx) -> String {
    let site = lc.site;
    let places = &site.places;
    let base = &site.config.base_url;
    let mut features: Vec<Value> = places
        .points
        .iter()
        .filter(|p| p.lat.is_some() && p.lon.is_some())
        .map(|p| {
            let words = lc
                .hours_lines(p)
                .into_iter()
                .map(|l| format!("{}: {}", l.days, l.ranges))
                .collect::<Vec<_>>()
                .join("; ");
            json!({
                "type": "Feature",
                "id": p.id,
                "geometry": geometry(p.lat, p.lon),
                "properties": {
                    "name": p.name, "kind": p.kind, "district": p.district, "ward": p.ward,
                    "address": p.address, "phone": p.phone, "services": p.services,
                    "hours": (!words.is_empty()).then_some(words),
                    "opening_hours": (!p.hours.is_empty()).then(|| p.hours.osm()),
                    "notes": p.notes, "accessibility": p.accessibility,
                    "url": base.full(&point_path(p)),
                },
            })
        })
        .collect();
    features.extend(
        site.events
            .iter()
            .filter(|e| e.kind == EventKind::Visit && !e.past)
            .filter_map(|e| {
                let p = &places.points[e.point?];
                let ward = &places.wards[e.ward?];
                Some(json!({
                    "type": "Feature",
                    "id": e.uid.split('@').next().unwrap_or(&e.uid),
                    "geometry": geometry(e.lat, e.lon),
                    "properties": {
                        "kind": "visit", "team": p.name, "team_id": p.id,
                        "district": p.district, "ward": p.ward,
                        "date": e.date.to_string(),
                        "start": e.start.map(hhmm), "end": e.end.map(hhmm),
                        "place": e.place, "address": e.address, "notes": e.description,
                        "phone": p.phone,
                        "url": base.full(&point_path(p)),
                        "ward_url": base.full(&ward_path(ward)),
                    },
                }))
            }),
    );
    json!({"type": "FeatureCollection", "features": features}).to_string()
}
