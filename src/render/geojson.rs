//! `points.geojson` (RFC 7946): where citizens can go. Each office with its
//! hours in words and in OpenStreetMap's `opening_hours` syntax, its notes
//! and accessibility; each upcoming mobile-team visit with its date, time,
//! place and notes. Words are in the site's default language.

use serde::Serialize;

use super::context::LangCtx;
use crate::model::places::{point_path, ward_path};
use crate::model::schedule::EventKind;
use crate::read::hours::hhmm;
use crate::read::points::{Kind, Service};

// The file is written from these types, not from `json!` values, for it
// holds every point and visit (27 MB for 10,000 points and 50,000 visits).
// Their fields are in the order of their names, the order `json!` objects
// were written in, so that the file is the same byte for byte.

#[derive(Serialize)]
struct Collection<'a> {
    features: Vec<Feature<'a>>,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct Feature<'a> {
    geometry: Option<Geometry>,
    id: &'a str,
    properties: Properties<'a>,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// A GeoJSON point geometry; `null` when the place has no coordinates.
#[derive(Serialize)]
struct Geometry {
    coordinates: [f64; 2],
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Properties<'a> {
    Point(PointProperties<'a>),
    Visit(VisitProperties<'a>),
}

#[derive(Serialize)]
struct PointProperties<'a> {
    accessibility: &'a Option<String>,
    address: &'a Option<String>,
    district: &'a str,
    hours: Option<String>,
    kind: Kind,
    name: &'a str,
    notes: &'a Option<String>,
    opening_hours: Option<String>,
    phone: &'a Option<String>,
    services: &'a [Service],
    url: String,
    ward: &'a str,
}

#[derive(Serialize)]
struct VisitProperties<'a> {
    address: &'a Option<String>,
    date: String,
    district: &'a str,
    end: Option<String>,
    kind: &'static str,
    notes: &'a Option<String>,
    phone: &'a Option<String>,
    place: &'a Option<String>,
    start: Option<String>,
    team: &'a str,
    team_id: &'a str,
    url: String,
    ward: &'a str,
    ward_url: String,
}

fn geometry(lat: Option<f64>, lon: Option<f64>) -> Option<Geometry> {
    Some(Geometry {
        coordinates: [lon?, lat?],
        kind: "Point",
    })
}

/// Every point with coordinates, then every upcoming visit (with its
/// place's coordinates when staff gave them, else none).
pub fn points(lc: &LangCtx) -> String {
    let site = lc.site;
    let places = &site.places;
    let base = &site.config.base_url;
    let mut features: Vec<Feature> = places
        .points
        .iter()
        .zip(&places.weeks)
        .filter(|(p, _)| p.lat.is_some() && p.lon.is_some())
        .map(|(p, week)| {
            let words = lc.hours_texts(week).join("; ");
            Feature {
                geometry: geometry(p.lat, p.lon),
                id: &p.id,
                properties: Properties::Point(PointProperties {
                    accessibility: &p.accessibility,
                    address: &p.address,
                    district: &p.district,
                    hours: (!words.is_empty()).then_some(words),
                    kind: p.kind,
                    name: &p.name,
                    notes: &p.notes,
                    opening_hours: (!week.is_empty()).then(|| week.osm()),
                    phone: &p.phone,
                    services: &p.services,
                    url: base.full(&point_path(p)),
                    ward: &p.ward,
                }),
                kind: "Feature",
            }
        })
        .collect();
    features.extend(
        site.events
            .iter()
            .filter(|e| e.kind == EventKind::Visit && !e.past)
            .filter_map(|e| {
                let p = &places.points[e.point?];
                let ward = &places.wards[e.ward?];
                Some(Feature {
                    geometry: geometry(e.lat, e.lon),
                    id: e.uid.split('@').next().unwrap_or(&e.uid),
                    properties: Properties::Visit(VisitProperties {
                        address: &e.address,
                        date: e.date.to_string(),
                        district: &p.district,
                        end: e.end.map(hhmm),
                        kind: "visit",
                        notes: &e.description,
                        phone: &p.phone,
                        place: &e.place,
                        start: e.start.map(hhmm),
                        team: &p.name,
                        team_id: &p.id,
                        url: base.full(&point_path(p)),
                        ward: &p.ward,
                        ward_url: base.full(&ward_path(ward)),
                    }),
                    kind: "Feature",
                })
            }),
    );
    let collection = Collection {
        features,
        kind: "FeatureCollection",
    };
    serde_json::to_string(&collection).unwrap_or_default()
}
