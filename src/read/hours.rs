//! Opening hours as staff write them:
//! `T2-CN 07:30-11:30, 13:30-17:00, 18:00-21:00; T7 07:30-11:30`.
//!
//! Groups are separated by `;`. A group is days (`T2`…`T7`, `CN`, ranges
//! `T2-T6` and lists `T2,T4`) then time ranges. A later group replaces the
//! hours of the days it names, so `T2-CN …; T7 …` gives Saturday its own
//! hours. `nghỉ` (closed) may stand instead of time ranges.

use serde::Serialize;

/// Minutes since midnight.
pub type Minute = u16;

/// Opening and closing minutes of each range of a day.
type DayHours = Vec<(Minute, Minute)>;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Range {
    pub opens: String,
    pub closes: String,
}

/// The hours of each weekday, Monday first; an empty list is closed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Week {
    pub days: [DayHours; 7],
}

/// A problem in an hours text, with its character offset in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct HoursError {
    pub offset: usize,
    pub kind: HoursErrorKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum HoursErrorKind {
    /// Not `T2`…`T7` or `CN`.
    Day(String),
    /// Not `HH:MM`.
    Time(String),
    /// Opens at or after it closes.
    Order(String),
    /// A group without days or without hours.
    Incomplete(String),
}

/// The trimmed pieces of `text` between `sep`, each with its byte offset in `text`.
fn pieces(text: &str, sep: char) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split(sep).map(move |piece| {
        let at = offset + piece.len() - piece.trim_start().len();
        offset += piece.len() + sep.len_utf8();
        (at, piece.trim())
    })
}

/// One group of an hours text: `T2-T6 07:30-11:30, 13:30-17:00`.
struct Group<'t> {
    /// Its byte offset in the text.
    start: usize,
    /// Its days as written.
    days_text: &'t str,
    days: Vec<usize>,
    /// Its ranges, in order of opening.
    ranges: DayHours,
}

pub fn parse(text: &str) -> Result<Week, HoursError> {
    let mut week = Week::default();
    for group in groups(text)? {
        for d in group.days {
            week.days[d] = group.ranges.clone();
        }
    }
    if week.days.iter().all(Vec::is_empty) && !text.trim().is_empty() && !is_closed_text(text) {
        return Err(HoursError {
            offset: 0,
            kind: HoursErrorKind::Incomplete(text.trim().to_string()),
        });
    }
    Ok(week)
}

/// Two ranges of one group that overlap (`T2-T6 7:30-11:30, 10:00-17:00`):
/// the days as written, the two ranges, and the group's character offset.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlap {
    pub offset: usize,
    pub days: String,
    pub first: (Minute, Minute),
    pub second: (Minute, Minute),
}

/// The first two ranges that overlap within each group of `text`; none when it does
/// not parse (its error is reported by [`parse`]). A later group replacing
/// some days' hours (`T2-CN …; T7 …`) is not an overlap.
pub fn overlaps(text: &str) -> Vec<Overlap> {
    let mut out = Vec::new();
    for g in groups(text).unwrap_or_default() {
        // The first overlap of a group is enough to correct it.
        let overlap = g.ranges.windows(2).find(|pair| pair[1].0 < pair[0].1);
        if let Some(pair) = overlap {
            out.push(Overlap {
                offset: char_offset(text, g.start),
                days: g.days_text.trim().to_string(),
                first: pair[0],
                second: pair[1],
            });
        }
    }
    out
}

/// The groups of `text`, separated by `;`.
fn groups(text: &str) -> Result<Vec<Group<'_>>, HoursError> {
    let mut out = Vec::new();
    for (start, g) in pieces(text, ';') {
        if g.is_empty() {
            continue;
        }
        // Days run up to the first space that a digit (or `nghỉ`) follows.
        let split = g
            .char_indices()
            .find(|(i, c)| {
                c.is_whitespace() && {
                    // A no-break space from Word is whitespace of two bytes.
                    let rest = g[i + c.len_utf8()..].trim_start();
                    rest.starts_with(|ch: char| ch.is_ascii_digit()) || is_closed(rest)
                }
            })
            .map(|(i, _)| i);
        let Some(split) = split else {
            return Err(HoursError {
                offset: char_offset(text, start),
                kind: HoursErrorKind::Incomplete(g.to_string()),
            });
        };
        let days = parse_days(&g[..split]).map_err(|(o, d)| HoursError {
            offset: char_offset(text, start + o),
            kind: HoursErrorKind::Day(d),
        })?;
        let ranges_text = &g[split..];
        let ranges_start = start + split;
        let ranges = if is_closed(ranges_text.trim()) {
            Vec::new()
        } else {
            parse_ranges(ranges_text).map_err(|(o, kind)| HoursError {
                offset: char_offset(text, ranges_start + o),
                kind,
            })?
        };
        out.push(Group {
            start,
            days_text: &g[..split],
            days,
            ranges,
        });
    }
    Ok(out)
}

fn is_closed(t: &str) -> bool {
    let t = t.to_lowercase();
    t.starts_with("nghỉ") || t.starts_with("đóng")
}

fn is_closed_text(text: &str) -> bool {
    text.split(';')
        .all(|g| g.split_whitespace().nth(1).is_some_and(is_closed))
}

fn char_offset(text: &str, byte: usize) -> usize {
    text.get(..byte.min(text.len()))
        .map(|s| s.chars().count())
        .unwrap_or(0)
}

/// `T2-CN`, `T7`, `T2,T4,T6` → weekday indexes (0 = Monday).
fn parse_days(text: &str) -> Result<Vec<usize>, (usize, String)> {
    let mut out = Vec::new();
    for (at, p) in pieces(text, ',') {
        let (a, b) = match p.split_once(['-', '–']) {
            Some((a, b)) => (a.trim(), Some(b.trim())),
            None => (p, None),
        };
        let from = day(a).ok_or((at, a.to_string()))?;
        match b {
            None => out.push(from),
            Some(b) => {
                let to = day(b).ok_or((at + p.find(b).unwrap_or(0), b.to_string()))?;
                // `T7-CN` or `T2-CN`: forward through the week.
                let mut d = from;
                loop {
                    out.push(d);
                    if d == to {
                        break;
                    }
                    d = (d + 1) % 7;
                }
            }
        }
    }
    Ok(out)
}

fn day(t: &str) -> Option<usize> {
    let t = t.trim().to_uppercase();
    match t.as_str() {
        "CN" => Some(6),
        _ => {
            let n: usize = t.strip_prefix('T')?.trim().parse().ok()?;
            (2..=7).contains(&n).then(|| n - 2)
        }
    }
}

fn parse_ranges(text: &str) -> Result<Vec<(Minute, Minute)>, (usize, HoursErrorKind)> {
    let mut out = Vec::new();
    for (at, p) in pieces(text, ',') {
        let Some((a, b)) = p.split_once(['-', '–']) else {
            return Err((at, HoursErrorKind::Time(p.to_string())));
        };
        let open = time(a.trim()).ok_or((at, HoursErrorKind::Time(a.trim().to_string())))?;
        let close =
            time(b.trim()).ok_or((at + a.len() + 1, HoursErrorKind::Time(b.trim().to_string())))?;
        if open >= close {
            return Err((at, HoursErrorKind::Order(p.to_string())));
        }
        out.push((open, close));
    }
    out.sort_unstable();
    Ok(out)
}

/// `07:30`, `7:30`, `7h30`, `7h` → minutes.
pub fn time(t: &str) -> Option<Minute> {
    let (h, m) = match t.split_once([':', 'h', 'H']) {
        Some((h, m)) => (h, if m.is_empty() { "0" } else { m }),
        None => return None,
    };
    if h.is_empty()
        || h.len() > 2
        || m.len() > 2
        || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let (h, m): (Minute, Minute) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 || (h == 24 && m == 0)).then_some(h * 60 + m)
}

pub fn hhmm(m: Minute) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

impl Week {
    /// Days with the same hours grouped, for display and for schema.org:
    /// each group is (weekday indexes, ranges), in week order.
    pub fn groups(&self) -> Vec<(Vec<usize>, Vec<Range>)> {
        let mut out: Vec<(Vec<usize>, DayHours)> = Vec::new();
        for (d, ranges) in self.days.iter().enumerate() {
            if ranges.is_empty() {
                continue;
            }
            match out.iter_mut().find(|(_, r)| r == ranges) {
                Some((days, _)) => days.push(d),
                None => out.push((vec![d], ranges.clone())),
            }
        }
        out.into_iter()
            .map(|(days, r)| {
                let ranges = r
                    .iter()
                    .map(|(a, b)| Range {
                        opens: hhmm(*a),
                        closes: hhmm(*b),
                    })
                    .collect();
                (days, ranges)
            })
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.days.iter().all(Vec::is_empty)
    }

    /// The hours in OpenStreetMap's `opening_hours` syntax, which maps and
    /// other programs read: `Mo-Fr 07:30-11:30,13:30-17:00; Sa 07:30-11:30`.
    /// Days not named are closed.
    pub fn osm(&self) -> String {
        const DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
        self.groups()
            .into_iter()
            .map(|(days, ranges)| {
                let days = runs(&days)
                    .into_iter()
                    .map(|(a, b)| match b - a {
                        0 => DAYS[a].to_string(),
                        _ => format!("{}-{}", DAYS[a], DAYS[b]),
                    })
                    .collect::<Vec<_>>()
                    .join(",");
                let ranges = ranges
                    .iter()
                    .map(|r| format!("{}-{}", r.opens, r.closes))
                    .collect::<Vec<_>>()
                    .join(",");
                format!("{days} {ranges}")
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Whether it is open at a weekday (0 = Monday) and minute.
    pub fn open_at(&self, day: usize, minute: Minute) -> bool {
        self.days[day % 7]
            .iter()
            .any(|(a, b)| *a <= minute && minute < *b)
    }
}

/// Days written as runs: `[0,1,2,3,4,6]` → `[(0,4),(6,6)]`.
pub fn runs(days: &[usize]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &d in days {
        match out.last_mut() {
            Some((_, end)) if *end + 1 == d => *end = d,
            _ => out.push((d, d)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_in_openstreetmap_syntax() {
        let osm = |text: &str| parse(text).map(|w| w.osm()).unwrap_or_default();
        assert_eq!(
            osm("T2-T6 07:30-11:30, 13:30-17:00; T7 07:30-11:30; CN nghỉ"),
            "Mo-Fr 07:30-11:30,13:30-17:00; Sa 07:30-11:30"
        );
        assert_eq!(osm("T2,T4,T6,CN 7h-11h"), "Mo,We,Fr,Su 07:00-11:00");
        assert_eq!(osm("T2-CN 08:00-17:00"), "Mo-Su 08:00-17:00");
    }

    #[test]
    fn a_no_break_space_pasted_from_word() {
        // Found by `cargo fuzz run hours`: it used to panic.
        let w = parse("T2-T6\u{a0}07:30-11:30").unwrap();
        assert_eq!(w.days[0], vec![(450, 690)]);
        assert!(parse("t ~ \u{a0}  `").is_err());
    }

    #[test]
    fn the_design_example() {
        let w = parse("T2-CN 07:30-11:30, 13:30-17:00, 18:00-21:00; T7 07:30-11:30").unwrap();
        assert_eq!(w.days[0], vec![(450, 690), (810, 1020), (1080, 1260)]);
        assert_eq!(
            w.days[5],
            vec![(450, 690)],
            "Saturday is replaced by the later group"
        );
        assert_eq!(w.days[6], w.days[0]);
        let g = w.groups();
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].0, vec![0, 1, 2, 3, 4, 6]);
        assert_eq!(runs(&g[0].0), vec![(0, 4), (6, 6)]);
        assert_eq!(
            g[1].1,
            vec![Range {
                opens: "07:30".into(),
                closes: "11:30".into()
            }]
        );
    }

    #[test]
    fn lists_wrapping_ranges_and_closed_days() {
        let w = parse("T2,T4,T6 7:30-11:30; T7-CN 8h-11h").unwrap();
        assert_eq!(w.days[2], vec![(450, 690)]);
        assert!(w.days[1].is_empty());
        assert_eq!(w.days[6], vec![(480, 660)]);
        let w = parse("T2-CN 07:00-17:00; CN nghỉ").unwrap();
        assert!(w.days[6].is_empty());
        assert!(w.open_at(0, 7 * 60));
        assert!(!w.open_at(0, 17 * 60));
    }

    #[test]
    fn errors_say_what_and_where() {
        let e = parse("T2-T8 07:30-11:30").unwrap_err();
        assert_eq!(e.kind, HoursErrorKind::Day("T8".into()));
        assert_eq!(e.offset, 3);
        let e = parse("T2-CN 07:30-25:00").unwrap_err();
        assert_eq!(e.kind, HoursErrorKind::Time("25:00".into()));
        assert_eq!(e.offset, 12);
        let e = parse("T2 11:30-07:30").unwrap_err();
        assert!(matches!(e.kind, HoursErrorKind::Order(_)));
        let e = parse("Thứ Hai 07:30-11:30").unwrap_err();
        assert!(matches!(e.kind, HoursErrorKind::Day(_)), "{e:?}");
        let e = parse("07:30-11:30").unwrap_err();
        assert!(matches!(e.kind, HoursErrorKind::Incomplete(_)), "{e:?}");
        let e = parse("T2-CN 07:30 11:30").unwrap_err();
        assert!(matches!(e.kind, HoursErrorKind::Time(_)), "{e:?}");
    }

    #[test]
    fn times() {
        assert_eq!(time("07:30"), Some(450));
        assert_eq!(time("7h30"), Some(450));
        assert_eq!(time("7h"), Some(420));
        assert_eq!(time("24:00"), Some(1440));
        assert_eq!(time("7"), None);
        assert_eq!(time("7:5x"), None);
    }
}
