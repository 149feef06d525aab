//! Where and when: the points index, a page per ward and per point, the
//! schedule, the calendars and the data files for maps and "nearest to me".

use serde::Serialize;
use serde_json::{json, Value};

use super::context::{DateCtx, LangCtx, NavItem, PageCtx};
use super::ical::Calendar;
use super::Renderer;
use crate::diagnostic::Diagnostic;
use crate::model::generated::{event_path, month_path, EVENTS_PER_PAGE};
use crate::model::places::{point_path, ward_path};
use crate::model::schedule::{Event, EventKind};
use crate::model::{lang_prefix, Site};
use crate::read::hours::{hhmm, runs};
use crate::read::points::{Kind, Point, POINT_COLUMNS};

pub(super) type Output = (String, Result<Vec<u8>, Diagnostic>);

/// One unit of work of [`Renderer::run_place_job`].
pub(super) enum PlaceJob {
    Index(String),
    Ward(String, usize),
    Point(String, usize),
    Schedule(String),
    /// A page of a month of the schedule: month index, page number.
    Month(String, usize, usize),
    /// Calendars of one event each, a slice of the upcoming events.
    EventCalendars(std::ops::Range<usize>),
    Calendars,
    DataFiles,
}

/// Upcoming events listed on the schedule's first page, on a ward or a point
/// (the month pages and the calendars have all of them).
const UPCOMING_LISTED: usize = 30;
/// A team's next visits described for search engines on its page.
const JSONLD_EVENTS: usize = 5;
/// Past events listed, most recent first.
const PAST_LISTED: usize = 10;
/// Above this many points, the index lists wards and ward pages list points.
const POINTS_ON_INDEX: usize = 600;

#[derive(Serialize)]
struct ServiceCtx {
    code: String,
    label: String,
}

#[derive(Serialize)]
struct HoursLine {
    days: String,
    ranges: String,
}

#[derive(Serialize)]
struct PointCtx {
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

/// What the theme's `partials/event_item.html` sees as `e`.
#[derive(Serialize)]
pub(super) struct EventCtx {
    uid: String,
    kind: EventKind,
    title: String,
    date: DateCtx,
    last_date: Option<DateCtx>,
    time: Option<String>,
    /// When it is over (RFC 3339), for the script that moves past events.
    ends: String,
    place: Option<String>,
    address: Option<String>,
    url: Option<String>,
    ics_url: Option<String>,
    map_url: Option<String>,
    campaign: Option<String>,
}

/// An event in a list: its item, made once (see [`super::fragments`]).
#[derive(Serialize)]
struct EventRef {
    html: String,
}

fn event_ref(i: usize) -> EventRef {
    EventRef {
        html: super::fragments::placeholder(i),
    }
}

#[derive(Serialize)]
struct MonthCtx {
    id: String,
    label: String,
    url: String,
    count: usize,
    events: Vec<EventRef>,
}

fn osm(lat: f64, lon: f64) -> String {
    format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}")
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
    fn hours_lines(&self, p: &Point) -> Vec<HoursLine> {
        p.hours
            .groups()
            .into_iter()
            .map(|(days, ranges)| {
                let day = |d: usize| capitalize(&self.t(&format!("weekday_{}", d + 1)));
                let days = runs(&days)
                    .into_iter()
                    .map(|(a, b)| match b - a {
                        0 => day(a),
                        1 => format!("{}, {}", day(a), day(b)),
                        _ => format!("{} – {}", day(a), day(b)),
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                let ranges = ranges
                    .iter()
                    .map(|r| format!("{}–{}", r.opens, r.closes))
                    .collect::<Vec<_>>()
                    .join(", ");
                HoursLine { days, ranges }
            })
            .collect()
    }

    fn point(&self, i: usize) -> PointCtx {
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
            hours: self.hours_lines(p),
            notes: p.notes.clone(),
            accessibility: p.accessibility.clone(),
            url: self.url(&format!("{prefix}{}", point_path(p))),
            osm_url: p.lat.zip(p.lon).map(|(a, o)| osm(a, o)),
            geo_uri: p.lat.zip(p.lon).map(|(a, o)| format!("geo:{a},{o}")),
        }
    }

    pub(super) fn event(&self, e: &Event) -> EventCtx {
        let site = self.site;
        let date = |d: jiff::civil::Date| self.event_dates.get(&d).cloned();
        let prefix = lang_prefix(&site.config, self.lang);
        let url = match (e.point, e.campaign) {
            (Some(p), _) => {
                Some(self.url(&format!("{prefix}{}", point_path(&site.places.points[p]))))
            }
            (_, Some(c)) => site.nodes[c].paths.get(self.lang).map(|p| self.url(p)),
            _ => None,
        };
        EventCtx {
            uid: e.uid.clone(),
            kind: e.kind,
            title: e.title.clone(),
            date: date(e.date).unwrap_or_else(|| DateCtx {
                iso: e.date.to_string(),
                rfc3339: e.date.to_string(),
                display: e.date.to_string(),
            }),
            last_date: (e.last_date != e.date).then(|| date(e.last_date)).flatten(),
            time: match (e.start, e.end) {
                (Some(s), Some(en)) if s != en => Some(format!("{}–{}", hhmm(s), hhmm(en))),
                (Some(s), _) => Some(hhmm(s)),
                _ => None,
            },
            ends: e.ends.clone(),
            place: e.place.clone(),
            address: e.address.clone(),
            url,
            ics_url: (!e.past).then(|| self.url(&event_path(e))),
            map_url: e.lat.zip(e.lon).map(|(a, o)| osm(a, o)),
            campaign: e.campaign.map(|c| self.title(&site.nodes[c]).0),
        }
    }

    fn month_label(&self, month: &str) -> String {
        let Ok(d) = format!("{month}-01").parse::<jiff::civil::Date>() else {
            return month.to_string();
        };
        let format = self.t("month_format");
        d.strftime(&format).to_string()
    }

    /// Events grouped by month, in order.
    fn by_month(&self, events: &[usize]) -> Vec<MonthCtx> {
        let mut out: Vec<MonthCtx> = Vec::new();
        let prefix = lang_prefix(&self.site.config, self.lang);
        for &i in events {
            let date = self.site.events[i].date;
            let id = format!("{:04}-{:02}", date.year(), date.month());
            if out.last().is_none_or(|m| m.id != id) {
                out.push(MonthCtx {
                    label: self.month_label(&id),
                    url: self.url(&format!("{prefix}{}", month_path(&id, 1))),
                    id,
                    count: 0,
                    events: Vec::new(),
                });
            }
            if let Some(m) = out.last_mut() {
                m.count += 1;
                m.events.push(event_ref(i));
            }
        }
        out
    }
}

impl Renderer<'_> {
    /// The work of points and schedule pages, as independent jobs that run
    /// in parallel; with `files`, of calendars and data files too, which
    /// cannot hold a mistake of the site.
    pub(super) fn place_jobs(&self, files: bool) -> Vec<PlaceJob> {
        let site = self.site;
        let mut jobs = Vec::new();
        for lang in &site.config.languages {
            let code = lang.code.clone();
            if !site.places.is_empty() {
                jobs.push(PlaceJob::Index(code.clone()));
                jobs.extend((0..site.places.wards.len()).map(|w| PlaceJob::Ward(code.clone(), w)));
                jobs.extend(
                    (0..site.places.points.len()).map(|p| PlaceJob::Point(code.clone(), p)),
                );
            }
            for (m, (_, events)) in site.event_index.by_month.iter().enumerate() {
                let pages = events.len().div_ceil(EVENTS_PER_PAGE);
                jobs.extend((1..=pages).map(|n| PlaceJob::Month(code.clone(), m, n)));
            }
            jobs.push(PlaceJob::Schedule(code));
        }
        if !files {
            return jobs;
        }
        jobs.push(PlaceJob::Calendars);
        let events = site.events.len();
        jobs.extend(
            (0..events).step_by(EVENTS_PER_PAGE).map(|start| {
                PlaceJob::EventCalendars(start..(start + EVENTS_PER_PAGE).min(events))
            }),
        );
        if !site.places.is_empty() {
            jobs.push(PlaceJob::DataFiles);
        }
        jobs
    }

    pub(super) fn run_place_job(&self, job: &PlaceJob) -> Vec<Output> {
        match job {
            PlaceJob::Index(lang) => vec![self.points_index(lang)],
            PlaceJob::Ward(lang, w) => vec![self.ward_page(lang, *w)],
            PlaceJob::Point(lang, p) => vec![self.point_page(lang, *p)],
            PlaceJob::Schedule(lang) => vec![self.schedule_page(lang)],
            PlaceJob::Month(lang, m, n) => vec![self.month_page(lang, *m, *n)],
            PlaceJob::EventCalendars(range) => self.event_calendars(range.clone()),
            PlaceJob::Calendars => self.calendars(),
            PlaceJob::DataFiles => data_files(self.site),
        }
    }

    fn place_page(
        &self,
        kind: &'static str,
        lang: &str,
        path: &str,
        suffix: &str,
        title: String,
        crumbs: Vec<NavItem>,
    ) -> PageCtx {
        let mut page = self.special_page(kind, lang, path, suffix, title);
        page.breadcrumbs.extend(crumbs);
        page
    }

    fn render_place(
        &self,
        template: &str,
        lang: &str,
        path: &str,
        page: &PageCtx,
        extra: Vec<(&str, Value)>,
    ) -> Output {
        let lc = self.lang_ctx(lang);
        (
            format!("{path}index.html"),
            self.render_template(template, &lc, path, page, extra),
        )
    }

    fn points_crumb(&self, lang: &str) -> NavItem {
        let lc = self.lang_ctx(lang);
        NavItem {
            title: lc.t("points_title"),
            url: lc.url(&format!("{}points/", lang_prefix(&self.site.config, lang))),
            current: false,
        }
    }

    fn points_index(&self, lang: &str) -> Output {
        let site = self.site;
        let lc = self.lang_ctx(lang);
        let prefix = lang_prefix(&site.config, lang);
        let path = format!("{prefix}points/");
        let list_points = site.places.points.len() <= POINTS_ON_INDEX;
        let districts: Vec<Value> = site
            .places
            .districts
            .iter()
            .map(|d| {
                let wards: Vec<Value> = d
                    .wards
                    .iter()
                    .map(|&w| {
                        let ward = &site.places.wards[w];
                        let points: Vec<PointCtx> = if list_points {
                            ward.points.iter().map(|&p| lc.point(p)).collect()
                        } else {
                            Vec::new()
                        };
                        let fixed = ward
                            .points
                            .iter()
                            .filter(|&&p| site.places.points[p].kind == Kind::Fixed)
                            .count();
                        json!({
                            "name": ward.name,
                            "url": lc.url(&format!("{prefix}{}", ward_path(ward))),
                            "fixed": fixed,
                            "mobile": ward.points.len() - fixed,
                            "points": points,
                        })
                    })
                    .collect();
                json!({ "name": d.name, "wards": wards })
            })
            .collect();
        let mut page = self.special_page("points", lang, &path, "points/", lc.t("points_title"));
        page.description = Some(lc.t("points_description"));
        let data = json!({
            "districts": districts,
            "list_points": list_points,
            "count": site.places.points.len(),
            "data_url": lc.url("points.json"),
            "lang_prefix": lc.url(&prefix),
        });
        self.render_place("points.html", lang, &path, &page, vec![("places", data)])
    }

    /// Upcoming events by month and the most recent past ones, of a list of
    /// event indices in date order.
    fn event_lists(&self, lang: &str, events: &[usize]) -> Value {
        let lc = self.lang_ctx(lang);
        let (mut past, upcoming): (Vec<usize>, Vec<usize>) =
            events.iter().partition(|&&i| self.site.events[i].past);
        past.reverse();
        let more = upcoming.len().saturating_sub(UPCOMING_LISTED);
        json!({
            "upcoming": lc.by_month(&upcoming[..upcoming.len().min(UPCOMING_LISTED)]),
            "upcoming_count": upcoming.len(),
            "more": more,
            "past": past.iter().take(PAST_LISTED).map(|&i| event_ref(i)).collect::<Vec<_>>(),
            "past_count": past.len(),
        })
    }

    fn ward_page(&self, lang: &str, w: usize) -> Output {
        let site = self.site;
        let lc = self.lang_ctx(lang);
        let ward = &site.places.wards[w];
        let prefix = lang_prefix(&site.config, lang);
        let path = format!("{prefix}{}", ward_path(ward));
        let points: Vec<PointCtx> = ward.points.iter().map(|&p| lc.point(p)).collect();
        let mut page = self.place_page(
            "ward",
            lang,
            &path,
            &ward_path(ward),
            ward.name.clone(),
            vec![self.points_crumb(lang)],
        );
        page.description = Some(format!("{} – {}", ward.name, ward.district));
        page.lang = site.default_lang().to_string();
        let data = json!({
            "name": ward.name,
            "district": ward.district,
            "points": points,
            "ics_url": lc.url(&format!("{}calendar.ics", ward_path(ward))),
        });
        let lists = self.event_lists(lang, &site.event_index.by_ward[w]);
        self.render_place(
            "ward.html",
            lang,
            &path,
            &page,
            vec![("ward", data), ("lists", lists)],
        )
    }

    fn point_page(&self, lang: &str, i: usize) -> Output {
        let site = self.site;
        let lc = self.lang_ctx(lang);
        let p = &site.places.points[i];
        let ward = &site.places.wards[site.places.ward_of[i]];
        let prefix = lang_prefix(&site.config, lang);
        let path = format!("{prefix}{}", point_path(p));
        let ward_crumb = NavItem {
            title: ward.name.clone(),
            url: lc.url(&format!("{prefix}{}", ward_path(ward))),
            current: false,
        };
        let mut page = self.place_page(
            "point",
            lang,
            &path,
            &point_path(p),
            p.name.clone(),
            vec![self.points_crumb(lang), ward_crumb],
        );
        page.description = p
            .address
            .clone()
            .or_else(|| Some(format!("{} – {}", p.ward, p.district)));
        page.lang = site.default_lang().to_string();
        let events = &site.event_index.by_point[i];
        let jsonld = self.point_jsonld(&lc, i, events);
        let data = json!({
            "point": lc.point(i),
            "jsonld": jsonld.to_string().replace("</", "<\\/"),
        });
        let lists = self.event_lists(lang, events);
        self.render_place(
            "point.html",
            lang,
            &path,
            &page,
            vec![("place", data), ("lists", lists)],
        )
    }

    /// schema.org: an office with its opening hours, or a team's visits as events.
    fn point_jsonld(&self, lc: &LangCtx, i: usize, events: &[usize]) -> Value {
        const DAYS: [&str; 7] = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        let site = self.site;
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
                let hours: Vec<Value> = p
                    .hours
                    .groups()
                    .into_iter()
                    .flat_map(|(days, ranges)| {
                        let days: Vec<String> = days.iter().map(|d| format!("https://schema.org/{}", DAYS[*d])).collect();
                        ranges.into_iter().map(move |r| {
                            json!({"@type": "OpeningHoursSpecification", "dayOfWeek": days, "opens": r.opens, "closes": r.closes})
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

    fn schedule_page(&self, lang: &str) -> Output {
        let site = self.site;
        let lc = self.lang_ctx(lang);
        let prefix = lang_prefix(&site.config, lang);
        let path = format!("{prefix}schedule/");
        let mut page =
            self.special_page("schedule", lang, &path, "schedule/", lc.t("schedule_title"));
        page.description = Some(lc.t("schedule_description"));
        let month_links: Vec<Value> = site
            .event_index
            .by_month
            .iter()
            .map(|(m, list)| json!({"label": lc.month_label(m), "url": lc.url(&format!("{prefix}{}", month_path(m, 1))), "count": list.len()}))
            .collect();
        let data = json!({
            "months": month_links,
            "ics_url": lc.url("calendar.ics"),
        });
        let all: Vec<usize> = (0..site.events.len()).collect();
        let lists = self.event_lists(lang, &all);
        self.render_place(
            "schedule.html",
            lang,
            &path,
            &page,
            vec![("schedule", data), ("lists", lists)],
        )
    }

    /// Page `number` of month `m` (an index into `by_month`), of
    /// `EVENTS_PER_PAGE` events.
    fn month_page(&self, lang: &str, m: usize, number: usize) -> Output {
        let site = self.site;
        let lc = self.lang_ctx(lang);
        let prefix = lang_prefix(&site.config, lang);
        let (month, events) = &site.event_index.by_month[m];
        let pages = events.len().div_ceil(EVENTS_PER_PAGE);
        let chunk = events
            .chunks(EVENTS_PER_PAGE)
            .nth(number - 1)
            .unwrap_or_default();
        let path = format!("{prefix}{}", month_path(month, number));
        let crumb = NavItem {
            title: lc.t("schedule_title"),
            url: lc.url(&format!("{prefix}schedule/")),
            current: false,
        };
        let mut page = self.place_page(
            "schedule_month",
            lang,
            &path,
            &month_path(month, number),
            lc.month_label(month),
            vec![crumb],
        );
        page.description = Some(lc.t("schedule_description"));
        let pager: Vec<Value> = (1..=pages)
            .map(|k| json!({"number": k, "url": lc.url(&format!("{prefix}{}", month_path(month, k))), "current": k == number}))
            .collect();
        let data = json!({
            "events": chunk.iter().map(|&i| event_ref(i)).collect::<Vec<_>>(),
            "pages": if pages > 1 { pager } else { Vec::new() },
            "ics_url": lc.url("calendar.ics"),
        });
        self.render_place(
            "schedule_month.html",
            lang,
            &path,
            &page,
            vec![("month", data)],
        )
    }

    /// `calendar.ics`, one per campaign and per ward, one per upcoming event.
    fn calendars(&self) -> Vec<Output> {
        let site = self.site;
        let config = &site.config;
        let lc = self.lang_ctx(site.default_lang());
        let mut out: Vec<Output> = vec![(
            "calendar.ics".into(),
            Ok(self.calendar(&config.title, site.events.iter().collect())),
        )];
        for (i, node) in site.nodes.iter().enumerate() {
            if !node.is_campaign() {
                continue;
            }
            let Some(path) = node.paths.get(site.default_lang()) else {
                continue;
            };
            let events: Vec<&Event> = site
                .event_index
                .by_campaign
                .get(&i)
                .map(|list| list.iter().map(|&e| &site.events[e]).collect())
                .unwrap_or_default();
            out.push((
                format!("{path}calendar.ics"),
                Ok(self.calendar(&lc.title(node).0, events)),
            ));
        }
        for (w, ward) in site.places.wards.iter().enumerate() {
            let events: Vec<&Event> = site.event_index.by_ward[w]
                .iter()
                .map(|&e| &site.events[e])
                .collect();
            out.push((
                format!("{}calendar.ics", ward_path(ward)),
                Ok(self.calendar(&ward.name, events)),
            ));
        }
        out
    }

    /// An iCalendar file of `events`, named `name`; each event links to its
    /// page in the default language.
    fn calendar(&self, name: &str, events: Vec<&Event>) -> Vec<u8> {
        let site = self.site;
        let config = &site.config;
        let lc = self.lang_ctx(site.default_lang());
        let url_of = |e: &Event| -> Option<String> {
            match (e.point, e.campaign) {
                (Some(p), _) => Some(lc.full(&point_path(&site.places.points[p]))),
                (_, Some(c)) => site.nodes[c]
                    .paths
                    .get(site.default_lang())
                    .map(|p| lc.full(p)),
                _ => None,
            }
        };
        Calendar {
            name,
            now: &site.now,
            tz: &config.timezone,
            tz_name: &config.timezone_name,
        }
        .write(&events, url_of)
        .into_bytes()
    }

    /// "Add to calendar": a calendar of one upcoming event.
    fn event_calendars(&self, range: std::ops::Range<usize>) -> Vec<Output> {
        self.site.events[range]
            .iter()
            .filter(|e| !e.past)
            .map(|e| (event_path(e), Ok(self.calendar(&e.title, vec![e]))))
            .collect()
    }
}

/// `points.geojson` (RFC 7946), `points.csv` and the `points.json` that
/// "nearest to me" reads.
fn data_files(site: &Site) -> Vec<Output> {
    let places = &site.places;
    let base = &site.config.base_url;
    let features: Vec<Value> = places
        .points
        .iter()
        .filter_map(|p| {
            let (lat, lon) = (p.lat?, p.lon?);
            Some(json!({
                "type": "Feature",
                "id": p.id,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "name": p.name, "kind": p.kind, "district": p.district, "ward": p.ward,
                    "address": p.address, "phone": p.phone, "services": p.services,
                    "hours": p.hours_text, "url": base.full(&point_path(p)),
                },
            }))
        })
        .collect();
    let geojson = json!({"type": "FeatureCollection", "features": features});

    let mut csv = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = csv.write_record(POINT_COLUMNS.iter().chain(&["url"]));
    for p in &places.points {
        let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let kind = match p.kind {
            Kind::Fixed => "fixed",
            Kind::Mobile => "mobile",
        };
        let _ = csv.write_record([
            p.id.clone(),
            p.name.clone(),
            kind.into(),
            p.district.clone(),
            p.ward.clone(),
            opt(&p.address),
            num(p.lat),
            num(p.lon),
            opt(&p.phone),
            p.services
                .iter()
                .map(|s| s.code())
                .collect::<Vec<_>>()
                .join(" "),
            opt(&p.hours_text),
            opt(&p.notes),
            opt(&p.accessibility),
            base.full(&point_path(p)),
        ]);
    }
    let csv = csv.into_inner().unwrap_or_default();

    let points: Vec<Value> = places
        .points
        .iter()
        .map(|p| json!({"id": p.id, "name": p.name, "kind": p.kind, "ward": p.ward, "address": p.address, "lat": p.lat, "lon": p.lon, "path": point_path(p)}))
        .collect();
    let visits: Vec<Value> = site
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Visit && !e.past)
        .filter_map(|e| {
            let p = &places.points[e.point?];
            Some(json!({
                "title": e.title, "date": e.date.to_string(),
                "time": format!("{}–{}", hhmm(e.start?), hhmm(e.end?)),
                "place": e.place, "lat": e.lat.or(p.lat), "lon": e.lon.or(p.lon),
                "path": point_path(p),
                "ends": e.ends,
            }))
        })
        .collect();
    let nearest = json!({"points": points, "visits": visits});
    vec![
        (
            "points.geojson".into(),
            Ok(geojson.to_string().into_bytes()),
        ),
        ("points.csv".into(), Ok(csv)),
        ("points.json".into(), Ok(nearest.to_string().into_bytes())),
    ]
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
