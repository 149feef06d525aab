//! Paths of the files loa generates besides content pages, known before
//! rendering so that content cannot take them and links can point to them.

use std::collections::BTreeSet;

use super::places::{self, Places};
use super::schedule::{Event, EventIndex};
use super::{lang_prefix, Node};
use crate::read::config::Config;
use crate::read::slogans::Slogan;

/// Events on one page of a month of the schedule.
pub const EVENTS_PER_PAGE: usize = 200;

#[derive(Debug, Default)]
pub struct Generated {
    /// The same in every language (feeds, data files).
    pub shared: BTreeSet<String>,
    /// A page in each language, under the language's prefix.
    pub per_language: BTreeSet<String>,
    /// Of `per_language`, the pages citizens look for, that the sitemap
    /// lists (not the search page, posters or files other than pages).
    pub listed: BTreeSet<String>,
    /// Paths under which pages are missing because what they are made from
    /// could not be read (its error says why): `points/`. A link there is
    /// no second error.
    pub unread: Vec<String>,
}

impl Generated {
    pub fn new(
        config: &Config,
        // The slogans, and whether their page is made (or would be, but
        // for a mistake in `slogans.yaml`).
        (slogans, slogans_page): (&[Slogan], bool),
        nodes: &[Node],
        places: &Places,
        events: &[Event],
        event_index: &EventIndex,
    ) -> Self {
        let mut g = Generated::default();
        for p in [
            "sitemap.xml",
            "robots.txt",
            "404.html",
            "calendar.ics",
            "translations/",
            "sw.js",
            "icon-192.png",
            "icon-512.png",
        ] {
            g.shared.insert(p.into());
        }
        g.per_language.insert("atom.xml".into());
        g.per_language.insert("search/".into());
        g.per_language.insert("manifest.webmanifest".into());
        g.per_language.insert("offline.json".into());
        g.per_language.insert(share_image_path(""));
        if slogans_page {
            g.list("slogans/".into());
        }
        for s in slogans {
            g.per_language.insert(poster_path(&s.id));
            g.per_language
                .insert(format!("{}qr.svg", poster_path(&s.id)));
        }
        g.add_places(places);
        g.add_schedule(events, event_index);
        g.add_campaigns(config, nodes);
        g
    }

    /// The lists and data files of enrollment points, when there are points.
    fn add_places(&mut self, places: &Places) {
        if places.incomplete {
            self.unread.push("points/".into());
        }
        if places.is_empty() {
            return;
        }
        for p in ["points.geojson", "points.csv", "points.json"] {
            self.shared.insert(p.into());
        }
        self.list("points/".into());
        for w in &places.wards {
            self.list(places::ward_path(w));
            self.per_language
                .insert(format!("{}poster/", places::ward_path(w)));
            self.per_language
                .insert(format!("{}poster/qr.svg", places::ward_path(w)));
            self.shared
                .insert(format!("{}calendar.ics", places::ward_path(w)));
        }
        for p in &places.points {
            self.list(places::point_path(p));
        }
    }

    /// The schedule by month, and the calendar file of every upcoming event.
    fn add_schedule(&mut self, events: &[Event], event_index: &EventIndex) {
        self.list("schedule/".into());
        for (month, list) in &event_index.by_month {
            self.list(month_path(month, 1));
            for page in 2..=list.len().div_ceil(EVENTS_PER_PAGE) {
                self.list(month_path(month, page));
            }
        }
        for e in events.iter().filter(|e| !e.past) {
            self.shared.insert(event_path(e));
        }
    }

    /// A campaign's calendar, and its plan page, poster and share image in
    /// each language.
    fn add_campaigns(&mut self, config: &Config, nodes: &[Node]) {
        for n in nodes.iter().filter(|n| n.is_campaign()) {
            if let Some(path) = n.paths.get(&config.default_language) {
                self.shared.insert(format!("{path}calendar.ics"));
            }
            // At the campaign's address in each language.
            for path in n.paths.values() {
                self.shared.insert(format!("{path}plan/"));
                self.shared.insert(format!("{path}poster/"));
                self.shared.insert(format!("{path}poster/qr.svg"));
                self.shared.insert(share_image_path(path));
            }
        }
    }

    /// A page in each language that the sitemap lists.
    fn list(&mut self, path: String) {
        self.per_language.insert(path.clone());
        self.listed.insert(path);
    }

    /// Every path, with each per-language page in every language.
    pub fn all(&self, config: &Config) -> Vec<String> {
        let mut out: Vec<String> = self.shared.iter().cloned().collect();
        for lang in &config.languages {
            let prefix = lang_prefix(config, &lang.code);
            out.extend(self.per_language.iter().map(|p| format!("{prefix}{p}")));
        }
        out
    }
}

/// Months (`2026-06`) with the indices of their events, in order.
pub fn months(events: &[Event]) -> Vec<(String, Vec<usize>)> {
    let mut by_month: std::collections::BTreeMap<(i16, i8), Vec<usize>> = Default::default();
    for (i, e) in events.iter().enumerate() {
        by_month
            .entry((e.date.year(), e.date.month()))
            .or_default()
            .push(i);
    }
    by_month
        .into_iter()
        .map(|((y, m), list)| (format!("{y:04}-{m:02}"), list))
        .collect()
}

/// The share image of the page at site path `path` (the home page's, or a
/// campaign's).
pub fn share_image_path(path: &str) -> String {
    format!("{path}share.png")
}

/// The printable poster of a slogan.
pub fn poster_path(slogan_id: &str) -> String {
    format!("posters/{slogan_id}/")
}

pub fn month_path(month: &str, page: usize) -> String {
    if page <= 1 {
        format!("schedule/{month}/")
    } else {
        format!("schedule/{month}/{page}/")
    }
}

/// The calendar file of one event, for "add to calendar".
pub fn event_path(e: &Event) -> String {
    let name: String = e
        .uid
        .split('@')
        .next()
        .unwrap_or("event")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("events/{name}.ics")
}
