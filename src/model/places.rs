//! Enrollment points arranged as citizens look for them: by district, then
//! ward, in Vietnamese alphabetical order, with a page per ward and per point.

use std::collections::BTreeMap;

use crate::collate;
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
    pub visits: Vec<Visit>,
    pub wards: Vec<Ward>,
    pub districts: Vec<District>,
    /// The ward of each point.
    pub ward_of: Vec<usize>,
    /// The visits of each point, by date.
    pub visits_of: Vec<Vec<usize>>,
}

impl Places {
    pub fn new(data: PointsData, lang: &str) -> Places {
        let PointsData { points, visits } = data;
        let mut by_ward: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
        for (i, p) in points.iter().enumerate() {
            by_ward
                .entry((p.district.clone(), p.ward.clone()))
                .or_default()
                .push(i);
        }
        let mut keys: Vec<(String, String)> = by_ward.keys().cloned().collect();
        keys.sort_by(|a, b| {
            collate::compare(lang, &a.0, &b.0).then_with(|| collate::compare(lang, &a.1, &b.1))
        });
        let mut name_count: BTreeMap<String, usize> = BTreeMap::new();
        for (_, w) in &keys {
            *name_count.entry(slugify(w)).or_default() += 1;
        }
        let mut wards = Vec::new();
        let mut districts: Vec<District> = Vec::new();
        let mut ward_of = vec![0; points.len()];
        for (district, ward) in keys {
            let mut members = by_ward
                .remove(&(district.clone(), ward.clone()))
                .unwrap_or_default();
            members.sort_by(|a, b| {
                let (pa, pb) = (&points[*a], &points[*b]);
                (pa.kind == Kind::Mobile)
                    .cmp(&(pb.kind == Kind::Mobile))
                    .then_with(|| collate::compare(lang, &pa.name, &pb.name))
            });
            let base = slugify(&ward);
            let slug = if name_count.get(&base).copied().unwrap_or(0) > 1 {
                format!("{}-{base}", slugify(&district))
            } else {
                base
            };
            let index = wards.len();
            for &m in &members {
                ward_of[m] = index;
            }
            match districts.last_mut() {
                Some(d) if d.name == district => d.wards.push(index),
                _ => districts.push(District {
                    name: district.clone(),
                    wards: vec![index],
                }),
            }
            wards.push(Ward {
                name: ward,
                district,
                slug,
                points: members,
            });
        }
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
        Places {
            points,
            visits,
            wards,
            districts,
            ward_of,
            visits_of,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }
}

/// Site paths (without language prefix).
pub fn point_path(p: &Point) -> String {
    format!("points/{}/", p.id)
}

pub fn ward_path(w: &Ward) -> String {
    format!("wards/{}/", w.slug)
}
