//! Opening hours as staff write them:
//! `T2-CN 07:30-11:30, 13:30-17:00, 18:00-21:00; T7 07:30-11:30`.
//!
//! Groups are separated by `;`. A group is days (`T2`…`T7`, `CN`, ranges
//! `T2-T6` and lists `T2,T4`) then time ranges. A later group replaces the
//! hours of the days it names, so `T2-CN …; T7 …` gives Saturday its own
//! hours. `nghỉ` (closed) may stand instead of time ranges.
//!
//! A group may hold for a period only, written after its hours:
//! `T2-T6 07:00-11:00, 13:00-17:00, 18:00-20:30 đến 30/6/2026`,
//! `CN 07:30-11:00 từ 1/7/2026 đến 31/12/2026` (`đến hết` is `đến`). In
//! its period it replaces the usual hours of its days, wherever it is
//! written; on another day it does not count: see [`Hours::on`].

use jiff::civil::Date;
use serde::Serialize;

use super::date;
use crate::messages::HoursProblem;

/// Minutes since midnight.
pub type Minute = u16;

/// Opening and closing minutes of each range of a day.
type DayHours = Vec<(Minute, Minute)>;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Range {
    pub opens: String,
    pub closes: String,
}

/// The hours of each weekday on one day of the year, Monday first; an
/// empty list is closed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Week {
    pub days: [DayHours; 7],
    /// The last day that each weekday's hours hold, when staff gave one.
    pub until: [Option<Date>; 7],
}

/// Hours as written: their groups in order, each maybe for a period only.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Hours {
    groups: Vec<DatedGroup>,
}

/// One group of days with their hours, and the period it holds for.
#[derive(Debug, Clone, PartialEq)]
struct DatedGroup {
    days: Vec<usize>,
    ranges: DayHours,
    period: Period,
}

impl Hours {
    /// The hours of each weekday on `day`: the usual groups, then those
    /// for a period that holds on that day, each replacing the hours of
    /// the days it names.
    pub fn on(&self, day: Date) -> Week {
        let mut week = Week::default();
        let usual = self.groups.iter().filter(|g| g.period.is_always());
        let for_now = self
            .groups
            .iter()
            .filter(|g| !g.period.is_always() && g.period.holds_on(day));
        for g in usual.chain(for_now) {
            for &d in &g.days {
                week.days[d].clone_from(&g.ranges);
                week.until[d] = g.period.until;
            }
        }
        week
    }
}

/// The first and last day a group holds, as written after its hours.
#[derive(Debug, Clone, PartialEq, Default)]
struct Period {
    from: Option<Date>,
    until: Option<Date>,
}

impl Period {
    /// Given neither a first nor a last day: the usual hours.
    fn is_always(&self) -> bool {
        self.from.is_none() && self.until.is_none()
    }

    fn holds_on(&self, day: Date) -> bool {
        self.from.is_none_or(|from| from <= day) && self.until.is_none_or(|until| day <= until)
    }
}

/// A problem in an hours text, with its character offset in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct HoursError {
    pub offset: usize,
    pub kind: HoursProblem,
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
    /// What it says.
    said: DatedGroup,
}

pub fn parse(text: &str) -> Result<Hours, HoursError> {
    let groups: Vec<DatedGroup> = groups(text)?.into_iter().map(|g| g.said).collect();
    if groups.iter().all(|g| g.ranges.is_empty())
        && !text.trim().is_empty()
        && !is_closed_text(text)
    {
        return Err(HoursError {
            offset: 0,
            kind: HoursProblem::Incomplete(text.trim().to_string()),
        });
    }
    Ok(Hours { groups })
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
        let overlap = g.said.ranges.windows(2).find(|pair| pair[1].0 < pair[0].1);
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
                kind: HoursProblem::Incomplete(g.to_string()),
            });
        };
        let days = parse_days(&g[..split]).map_err(|(o, d)| HoursError {
            offset: char_offset(text, start + o),
            kind: HoursProblem::Day(d),
        })?;
        let ranges_start = start + split;
        let (ranges_text, period) = period(&g[split..]).map_err(|(o, kind)| HoursError {
            offset: char_offset(text, ranges_start + o),
            kind,
        })?;
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
            said: DatedGroup {
                days,
                ranges,
                period,
            },
        });
    }
    Ok(out)
}

/// Where a period starts in a group's hours: at `từ` or `đến` (in any
/// case, or `tu`, `den` without marks) followed by a day (`hết` and `ngày`
/// between), or at a `(` before them. `7h đến 11h` is no period.
fn period_start(hours: &str) -> Option<usize> {
    let all: Vec<(usize, &str)> = words(hours).collect();
    let (word, _) = all.iter().enumerate().find_map(|(i, &(at, w))| {
        let next = all[i + 1..].iter().find(|(_, w)| !is_filler(w))?.1;
        (is_period_word(w) && looks_like_day(next)).then_some((at, w))
    })?;
    let before = hours[..word].trim_end();
    Some(before.strip_suffix('(').map_or(word, str::len))
}

/// `từ`, `đến`, with or without marks, in any case, in brackets or not.
fn is_period_word(word: &str) -> bool {
    matches!(folded(word).as_str(), "từ" | "tu" | "đến" | "den")
}

/// `hết`, `ngày` (`đến hết ngày 30/6/2026`), or a bracket alone.
fn is_filler(word: &str) -> bool {
    matches!(folded(word).as_str(), "hết" | "het" | "ngày" | "ngay" | "")
}

/// Three groups of digits split by `/`, `.` or `-`: `30/6/2026`,
/// `2026-06-30`, even `31/6/2026`, which [`date::parse_day`] then refuses.
fn looks_like_day(word: &str) -> bool {
    let parts: Vec<&str> = word
        .trim_matches(['(', ')'])
        .split(['/', '.', '-'])
        .collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The words of `text` split at whitespace, each with its byte offset
/// (a word is a slice of `text`: its offset is where it starts in it).
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// A word in lower case without the brackets around it.
fn folded(word: &str) -> String {
    word.trim_matches(['(', ')']).to_lowercase()
}

/// A group's hours split from the period written after them: the hours,
/// and the period (none when not given). An error's offset is in `hours`.
fn period(hours: &str) -> Result<(&str, Period), (usize, HoursProblem)> {
    let mut period = Period::default();
    let Some(at) = period_start(hours) else {
        return Ok((hours, period));
    };
    let written = hours[at..].trim();
    let form = |offset: usize| (offset, HoursProblem::PeriodForm(written.to_string()));
    // `từ A`, `đến [hết] [ngày] B`, or both, in that order.
    let mut rest = words(&hours[at..])
        .map(|(o, w)| (at + o, w))
        .filter(|(_, w)| !folded(w).is_empty())
        .peekable();
    while let Some((offset, word)) = rest.next() {
        let into = match folded(word).as_str() {
            "từ" | "tu" if period.is_always() => &mut period.from,
            "đến" | "den" if period.until.is_none() => &mut period.until,
            _ => return Err(form(offset)),
        };
        while rest.next_if(|(_, w)| is_filler(w)).is_some() {}
        let (day_at, day) = rest
            .next()
            .filter(|(_, w)| looks_like_day(w))
            .ok_or_else(|| form(offset))?;
        let day = date::parse_day(day.trim_matches(['(', ')']))
            .map_err(|_| (day_at, HoursProblem::Date(written.to_string())))?;
        *into = Some(day);
    }
    if let (Some(from), Some(until)) = (period.from, period.until) {
        if until < from {
            return Err((at, HoursProblem::Period(written.to_string())));
        }
    }
    Ok((&hours[..at], period))
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

fn parse_ranges(text: &str) -> Result<Vec<(Minute, Minute)>, (usize, HoursProblem)> {
    let mut out = Vec::new();
    for (at, p) in pieces(text, ',') {
        let Some((a, b)) = p.split_once(['-', '–']) else {
            return Err((at, HoursProblem::Time(p.to_string())));
        };
        let open = time(a.trim()).ok_or((at, HoursProblem::Time(a.trim().to_string())))?;
        let close =
            time(b.trim()).ok_or((at + a.len() + 1, HoursProblem::Time(b.trim().to_string())))?;
        if open >= close {
            return Err((at, HoursProblem::Order(p.to_string())));
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

/// Days with the same hours, until the same day.
#[derive(Debug, Clone, PartialEq)]
pub struct SameHours {
    /// Weekday indexes (0 = Monday), in week order.
    pub days: Vec<usize>,
    pub ranges: Vec<Range>,
    /// The last day these hours hold, when staff gave one.
    pub until: Option<Date>,
}

impl Week {
    /// Days with the same hours grouped, for display and for schema.org,
    /// in week order.
    pub fn groups(&self) -> Vec<SameHours> {
        let mut out: Vec<(Vec<usize>, &DayHours, Option<Date>)> = Vec::new();
        for (d, ranges) in self.days.iter().enumerate() {
            if ranges.is_empty() {
                continue;
            }
            let until = self.until[d];
            match out.iter_mut().find(|(_, r, u)| *r == ranges && *u == until) {
                Some((days, _, _)) => days.push(d),
                None => out.push((vec![d], ranges, until)),
            }
        }
        out.into_iter()
            .map(|(days, r, until)| SameHours {
                days,
                ranges: r
                    .iter()
                    .map(|(a, b)| Range {
                        opens: hhmm(*a),
                        closes: hhmm(*b),
                    })
                    .collect(),
                until,
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
            .map(|SameHours { days, ranges, .. }| {
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

    /// A day the tests read hours on.
    const DAY: Date = jiff::civil::date(2026, 6, 15);

    /// The week of `text` on [`DAY`].
    fn week(text: &str) -> Week {
        parse(text).unwrap().on(DAY)
    }

    #[test]
    fn hours_in_openstreetmap_syntax() {
        let osm = |text: &str| week(text).osm();
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
        let w = week("T2-T6\u{a0}07:30-11:30");
        assert_eq!(w.days[0], vec![(450, 690)]);
        assert!(parse("t ~ \u{a0}  `").is_err());
    }

    #[test]
    fn the_design_example() {
        let w = week("T2-CN 07:30-11:30, 13:30-17:00, 18:00-21:00; T7 07:30-11:30");
        assert_eq!(w.days[0], vec![(450, 690), (810, 1020), (1080, 1260)]);
        assert_eq!(
            w.days[5],
            vec![(450, 690)],
            "Saturday is replaced by the later group"
        );
        assert_eq!(w.days[6], w.days[0]);
        let g = w.groups();
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].days, vec![0, 1, 2, 3, 4, 6]);
        assert_eq!(runs(&g[0].days), vec![(0, 4), (6, 6)]);
        assert_eq!(
            g[1].ranges,
            vec![Range {
                opens: "07:30".into(),
                closes: "11:30".into()
            }]
        );
    }

    #[test]
    fn lists_wrapping_ranges_and_closed_days() {
        let w = week("T2,T4,T6 7:30-11:30; T7-CN 8h-11h");
        assert_eq!(w.days[2], vec![(450, 690)]);
        assert!(w.days[1].is_empty());
        assert_eq!(w.days[6], vec![(480, 660)]);
        let w = week("T2-CN 07:00-17:00; CN nghỉ");
        assert!(w.days[6].is_empty());
        assert!(w.open_at(0, 7 * 60));
        assert!(!w.open_at(0, 17 * 60));
    }

    #[test]
    fn errors_say_what_and_where() {
        let e = parse("T2-T8 07:30-11:30").unwrap_err();
        assert_eq!(e.kind, HoursProblem::Day("T8".into()));
        assert_eq!(e.offset, 3);
        let e = parse("T2-CN 07:30-25:00").unwrap_err();
        assert_eq!(e.kind, HoursProblem::Time("25:00".into()));
        assert_eq!(e.offset, 12);
        let e = parse("T2 11:30-07:30").unwrap_err();
        assert!(matches!(e.kind, HoursProblem::Order(_)));
        let e = parse("Thứ Hai 07:30-11:30").unwrap_err();
        assert!(matches!(e.kind, HoursProblem::Day(_)), "{e:?}");
        let e = parse("07:30-11:30").unwrap_err();
        assert!(matches!(e.kind, HoursProblem::Incomplete(_)), "{e:?}");
        let e = parse("T2-CN 07:30 11:30").unwrap_err();
        assert!(matches!(e.kind, HoursProblem::Time(_)), "{e:?}");
    }

    #[test]
    fn a_group_for_a_period_holds_on_its_days_only() {
        let text = "T2-T6 07:00-11:00, 13:00-17:00; T7 07:00-11:00; \
                    T2-T6 07:00-11:00, 13:00-17:00, 18:00-20:30 đến hết 30/6/2026; \
                    CN 07:30-11:00 (từ 1/6/2026 đến ngày 30/06/2026)";
        let hours = parse(text).unwrap();
        let june = hours.on(DAY);
        assert_eq!(june.days[0], vec![(420, 660), (780, 1020), (1080, 1230)]);
        assert_eq!(june.days[6], vec![(450, 660)]);
        let end = Some(jiff::civil::date(2026, 6, 30));
        assert_eq!(
            (june.until[0], june.until[5], june.until[6]),
            (end, None, end)
        );
        // The last day is in the period; the day after, the hours before
        // the period's group hold again.
        assert_eq!(hours.on(jiff::civil::date(2026, 6, 30)), june);
        let july = hours.on(jiff::civil::date(2026, 7, 1));
        assert_eq!(july.days[0], vec![(420, 660), (780, 1020)]);
        assert!(july.days[6].is_empty());
        assert_eq!(july.until, [None; 7]);
        // Before its first day, a group starting later does not hold.
        let may = hours.on(jiff::civil::date(2026, 5, 31));
        assert!(may.days[6].is_empty());
        assert_eq!(may.days[0], june.days[0]);
    }

    #[test]
    fn a_group_for_a_period_replaces_the_usual_hours_wherever_it_is_written() {
        let hours = parse("T2-CN 07:00-20:00 đến 30/6/2026; T2-T6 07:00-17:00").unwrap();
        assert_eq!(hours.on(DAY).days[0], vec![(420, 1200)]);
        assert_eq!(hours.on(DAY).days[6], vec![(420, 1200)]);
        let july = hours.on(jiff::civil::date(2026, 7, 1));
        assert_eq!(july.days[0], vec![(420, 1020)]);
        assert!(july.days[6].is_empty());
    }

    #[test]
    fn a_period_written_in_other_ways() {
        let until = |text: &str| parse(text).unwrap().on(DAY).until[0];
        let end = Some(jiff::civil::date(2026, 6, 30));
        for text in [
            "T2 07:00-11:00 đến 30/6/2026",
            "T2 07:00-11:00 ĐẾN HẾT 30/06/2026",
            "T2 07:00-11:00 den het 30-06-2026",
            "T2 07:00-11:00 ( đến 2026-06-30 )",
            "T2 07:00-11:00 (từ 1/1/2026 đến 30/6/2026)",
            "T2 nghỉ đến 30/6/2026; T3 07:00-11:00; T2 07:00-11:00 đến 30/6/2026",
        ] {
            assert_eq!(until(text), end, "{text}");
        }
        let closed = parse("T2-T6 07:00-11:00; T2 nghỉ đến 30/6/2026").unwrap();
        assert!(closed.on(DAY).days[0].is_empty());
        assert_eq!(
            closed.on(jiff::civil::date(2026, 7, 1)).days[0],
            vec![(420, 660)]
        );
    }

    #[test]
    fn a_period_that_is_not_one_says_where() {
        let err = |text: &str| parse(text).unwrap_err();
        let e = err("T2-T6 07:00-11:00 đến 31/6/2026");
        assert_eq!(e.kind, HoursProblem::Date("đến 31/6/2026".into()));
        assert_eq!(e.offset, 22, "at the day");
        // Without a day after it, `đến` is no period: the hours are wrong.
        let e = err("T2-T6 07:00-11:00 đến hết");
        assert!(matches!(e.kind, HoursProblem::Time(_)), "{e:?}");
        let e = err("T2-T6 7h đến 11h");
        assert!(matches!(e.kind, HoursProblem::Time(_)), "{e:?}");
        let e = err("T2 07:00-11:00 đến 30/6/2026 từ 1/6/2026");
        assert_eq!(
            e.kind,
            HoursProblem::PeriodForm("đến 30/6/2026 từ 1/6/2026".into())
        );
        assert_eq!(e.offset, 29, "at `từ`");
        let e = err("T2 07:00-11:00 từ 1/7/2026 đến 30/6/2026");
        assert_eq!(
            e.kind,
            HoursProblem::Period("từ 1/7/2026 đến 30/6/2026".into())
        );
        assert_eq!(e.offset, 15);
        let e = err("T2 07:00-11:00 đến 30/6/2026 17:00");
        assert!(matches!(e.kind, HoursProblem::PeriodForm(_)), "{e:?}");
    }

    proptest::proptest! {
        /// Any text of the words hours are written with reads or gives
        /// an error inside it, and reads on any day.
        #[test]
        fn any_period_reads_or_says_where(
            text in "(T2|CN|-|;|,| |07:00|1[0-9]:30|đến|ĐẾN|từ|hết|ngày|\\(|\\)|[0-9]{1,4}|/|nghỉ)*"
        ) {
            match parse(&text) {
                Ok(hours) => {
                    let _ = hours.on(DAY).groups();
                }
                // At the start of what is wrong: the text, or after a
                // space or a mark that ends what comes before.
                Err(e) => {
                    let before = text.chars().nth(e.offset.wrapping_sub(1));
                    proptest::prop_assert!(
                        e.offset == 0 || before.is_some_and(|c| c.is_whitespace() || ";,(-–".contains(c)),
                        "{e:?}"
                    );
                }
            }
        }
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
