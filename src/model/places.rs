//! Enrollment points arranged as citizens look for them: by district, then
//! ward, in Vietnamese alphabetical order, with a page per ward and per point.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::collate;
use crate::read::hours::Week;
use crate::read::points::{Kind, Point, PointsData, Visit};
use crate::slug::slugify;

#[derive(Debug, Clone)]
pub struct Ward {
    pub name: String,
    pub district: String,
    /// `dong-hai`, or `quan-x-dong-hai` when two districts have a ward of that name.
    pub slug: String,
    /// Indexes into [`Places::points`]: fixed offices first, then mobile teams, each by name.
    pub points: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct District {
    pub name: String,
    /// Indexes into [`Places::wards`], in order.
    pub wards: Vec<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Places {
    pub points: Vec<Point>,
    /// The hours of each point on the build's day: a group of its hours
    /// written for a period (`… đến 30/6/2026`) counts only in that period.
    pub weeks: Vec<Week>,
    pub visits: Vec<Visit>,
    pub wards: Vec<Ward>,
    pub districts: Vec<District>,
    /// The ward of each point.
    pub ward_of: Vec<usize>,
    /// The visits of each point, by date.
    pub visits_of: Vec<Vec<usize>>,
    /// Some points could not be read: see [`PointsData::incomplete`].
    pub incomplete: bool,
}

/// A ward as read from the points: its district, its name and its points.
struct WardPoints {
    district: String,
    name: String,
    points: Vec<usize>,
}

impl Places {
    /// The places of `data`, in the order of `lang`, with their hours on
    /// `day`.
    pub fn new(data: PointsData, lang: &str, day: Date) -> Places {
        let PointsData {
            points,
            visits,
            incomplete,
        } = data;
        let wards = wards_in_order(&points, lang);
        let mut name_count: BTreeMap<String, usize> = BTreeMap::new();
        for w in &wards {
            *name_count.entry(slugify(&w.name)).or_default() += 1;
        }
        let mut places = Places {
            ward_of: vec![0; points.len()],
            visits_of: visits_of(&points, &visits),
            weeks: points.iter().map(|p| p.hours.on(day)).collect(),
            points,
            visits,
            incomplete,
            ..Places::default()
        };
        for w in wards {
            let base = slugify(&w.name);
            let slug = if name_count.get(&base).copied().unwrap_or(0) > 1 {
                format!("{}-{base}", slugify(&w.district))
            } else {
                base
            };
            places.add_ward(w, slug);
        }
        places
    }

    /// A ward and its points, after the wards before it in order.
    fn add_ward(&mut self, w: WardPoints, slug: String) {
        let index = self.wards.len();
        for &m in &w.points {
            self.ward_of[m] = index;
        }
        match self.districts.last_mut() {
            Some(d) if d.name == w.district => d.wards.push(index),
            _ => self.districts.push(District {
                name: w.district.clone(),
                wards: vec![index],
            }),
        }
        self.wards.push(Ward {
            name: w.name,
            district: w.district,
            slug,
            points: w.points,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }
}

/// The wards by district, then ward, in the alphabetical order of `lang`;
/// in each, fixed offices first, then mobile teams, each by name.
fn wards_in_order(points: &[Point], lang: &str) -> Vec<WardPoints> {
    let mut by_ward: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, p) in points.iter().enumerate() {
        by_ward
            .entry((p.district.clone(), p.ward.clone()))
            .or_default()
            .push(i);
    }
    let mut wards: Vec<WardPoints> = by_ward
        .into_iter()
        .map(|((district, name), points)| WardPoints {
            district,
            name,
            points,
        })
        .collect();
    wards.sort_by(|a, b| {
        collate::compare(lang, &a.district, &b.district)
            .then_with(|| collate::compare(lang, &a.name, &b.name))
    });
    for w in &mut wards {
        w.points.sort_by(|a, b| {
            let (pa, pb) = (&points[*a], &points[*b]);
            (pa.kind == Kind::Mobile)
                .cmp(&(pb.kind == Kind::Mobile))
                .then_with(|| collate::compare(lang, &pa.name, &pb.name))
        });
    }
    wards
}

/// The visits of each point, in the order of `visits`.
fn visits_of(points: &[Point], visits: &[Visit]) -> Vec<Vec<usize>> {
    let ids: BTreeMap<&str, usize> = points
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut visits_of = vec![Vec::new(); points.len()];
    for (i, v) in visits.iter().enumerate() {
        if let Some(&p) = ids.get(v.point_id.as_str()) {
            visits_of[p].push(i);
        }
    }
    visits_of
}

/// Site paths (without language prefix).
pub fn point_path(p: &Point) -> String {
    format!("points/{}/", p.id)
}

pub fn ward_path(w: &Ward) -> String {
    format!("wards/{}/", w.slug)
}
