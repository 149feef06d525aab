//! Pages: YAML front matter between `---` lines, then the Markdown body.

use std::path::Path;

use jiff::tz::TimeZone;
use serde_yaml::Value;

use super::date::{self, DateError, PageDate};
use super::section::SectionKind;
use super::yaml::{scalar_text, Fields, YamlDoc};
use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::messages::{Expected, Msg};

pub const KNOWN_FIELDS: &[&str] = &[
    "title",
    "description",
    "date",
    "updated",
    "draft",
    "slug",
    "weight",
    "aliases",
    "template",
    "step",
    "summary",
    "extra",
];

/// Where a page stands decides which fields beyond the common ones it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageSection {
    /// `campaigns/<name>/`: the fields of its plan ([`CAMPAIGN_FIELDS`]).
    Campaign,
    /// `outreach/`: what kind of material it is ([`OUTREACH_FIELDS`]).
    Outreach,
    Other,
}

impl PageSection {
    /// The fields of a page (not of a section's `_index.md`) of `section`.
    pub fn of(section: SectionKind, is_page: bool) -> PageSection {
        match (is_page, section) {
            (true, SectionKind::Campaigns) => PageSection::Campaign,
            (true, SectionKind::Outreach) => PageSection::Outreach,
            _ => PageSection::Other,
        }
    }
}

/// Fields of outreach material.
pub const OUTREACH_FIELDS: &[&str] = &["kind", "audio", "paper"];
pub const OUTREACH_KINDS: &[&str] = &["loudspeaker", "flyer", "sms", "video"];

/// What an outreach page is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutreachFields {
    pub kind: Option<String>,
    /// An audio file of a loudspeaker script, relative to the page.
    pub audio: Option<(String, Location)>,
    /// `a4` or `a5` for a flyer.
    pub paper: Option<String>,
}

/// Fields of a campaign page that override what its plan document says.
pub const CAMPAIGN_FIELDS: &[&str] = &[
    "number",
    "issuer",
    "place",
    "issued",
    "period",
    "audience",
    "scope",
    "deadlines",
    "bring",
];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CampaignFields {
    pub number: Option<String>,
    pub issuer: Option<String>,
    pub place: Option<String>,
    pub issued: Option<PageDate>,
    pub period_start: Option<PageDate>,
    pub period_end: Option<PageDate>,
    pub audience: Option<String>,
    pub scope: Option<String>,
    /// `deadlines: {public: [..], internal: [..]}`: the plan's deadlines
    /// on these days are for residents, or for the agencies only, whatever
    /// the plan reader decided.
    pub deadlines: DeadlineAudiences,
    /// What citizens bring (`bring: [Giấy khai sinh của trẻ, …]`), in the
    /// page's language.
    pub bring: Vec<String>,
}

/// Days whose deadlines the front matter makes public or internal.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeadlineAudiences {
    pub public: Vec<jiff::civil::Date>,
    pub internal: Vec<jiff::civil::Date>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub description: Option<String>,
    pub date: Option<PageDate>,
    pub updated: Option<PageDate>,
    /// Where `updated` is written.
    pub updated_at: Option<Location>,
    pub draft: bool,
    pub slug: Option<String>,
    pub weight: Option<i64>,
    /// Old site-root URLs that redirect to this page, with where each was written.
    pub aliases: Vec<(String, Location)>,
    pub template: Option<(String, Location)>,
    /// The page's place in its section's step-by-step journey.
    pub step: Option<(i64, Location)>,
    /// Key facts, label and value, in the order written.
    pub summary: Vec<(String, String)>,
    pub extra: serde_json::Value,
    pub campaign: CampaignFields,
    pub outreach: OutreachFields,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub front: FrontMatter,
    pub body: String,
    /// File line of the body's first line (1-based).
    pub body_line: usize,
}

/// Splits and reads a page. Returns the document when its front matter was
/// readable.
pub fn parse(
    path: &Path,
    text: &str,
    tz: &TimeZone,
    section: PageSection,
    problems: &mut Diagnostics,
) -> Option<Document> {
    let Some(split) = split(text) else {
        problems.error(Location::file(path), Msg::FrontMatterNotClosed);
        return None;
    };
    let doc = YamlDoc {
        path,
        text: split.yaml,
        first_line: 2,
    };
    let map = match doc.parse() {
        Ok(Value::Mapping(m)) => m,
        Ok(Value::Null) => serde_yaml::Mapping::new(),
        Ok(_) => {
            problems.error(doc.at(1, 1), Msg::FrontMatterNotMapping);
            return None;
        }
        Err(d) => {
            problems.push(d);
            return None;
        }
    };
    let mut f = Fields::new(&doc, &map, None);
    let own: &[&str] = match section {
        PageSection::Campaign => CAMPAIGN_FIELDS,
        PageSection::Outreach => OUTREACH_FIELDS,
        PageSection::Other => &[],
    };
    let known: Vec<&str> = KNOWN_FIELDS.iter().chain(own).copied().collect();
    f.reject_unknown(&known);
    let front = read_front(&mut f, tz, section);
    problems.extend(f.problems);
    Some(Document {
        front,
        body: split.body.to_string(),
        body_line: split.body_line,
    })
}

/// The fields of a front matter, the common ones and those of `section`.
fn read_front(f: &mut Fields, tz: &TimeZone, section: PageSection) -> FrontMatter {
    FrontMatter {
        title: f.string("title").filter(|t| !t.trim().is_empty()),
        description: f.string("description"),
        date: read_date(f, "date", tz),
        updated: read_date(f, "updated", tz),
        updated_at: f.get("updated").is_some().then(|| f.loc("updated")),
        draft: f.bool("draft").unwrap_or(false),
        slug: read_slug(f),
        weight: f.integer("weight"),
        aliases: read_aliases(f),
        template: f.string("template").map(|t| (t, f.loc("template"))),
        step: read_step(f),
        summary: read_summary(f),
        extra: f
            .mapping("extra")
            .map(|m| serde_json::to_value(m).unwrap_or(serde_json::Value::Null))
            .unwrap_or_else(|| serde_json::json!({})),
        campaign: if section == PageSection::Campaign {
            read_campaign(f, tz)
        } else {
            CampaignFields::default()
        },
        outreach: if section == PageSection::Outreach {
            read_outreach(f)
        } else {
            OutreachFields::default()
        },
    }
}

/// `step: 2`: a whole number from 1.
fn read_step(f: &mut Fields) -> Option<(i64, Location)> {
    let step = f.integer("step")?;
    if step < 1 {
        f.wrong("step", Expected::Step);
        return None;
    }
    Some((step, f.loc("step")))
}

/// `summary:` a mapping of labels to short texts (a list is joined with commas).
fn read_summary(f: &mut Fields) -> Vec<(String, String)> {
    let Some(map) = f.mapping("summary") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, value) in map {
        let value = match value {
            Value::Sequence(items) => items
                .iter()
                .map(scalar_text)
                .collect::<Option<Vec<_>>>()
                .map(|v| v.join(", ")),
            other => scalar_text(other),
        };
        match (scalar_text(key), value) {
            (Some(k), Some(v)) => out.push((k, v)),
            _ => {
                f.wrong("summary", Expected::Text);
                return Vec::new();
            }
        }
    }
    out
}

struct Split<'a> {
    yaml: &'a str,
    body: &'a str,
    body_line: usize,
}

/// `None` when a front matter is opened and never closed.
fn split(text: &str) -> Option<Split<'_>> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Some(Split {
            yaml: "",
            body: text,
            body_line: 1,
        });
    }
    let yaml_start = (first_end + 1).min(text.len());
    let mut offset = yaml_start;
    for (line, l) in (2..).zip(text[yaml_start..].split_inclusive('\n')) {
        if l.trim_end() == "---" {
            return Some(Split {
                yaml: &text[yaml_start..offset],
                body: &text[offset + l.len()..],
                body_line: line + 1,
            });
        }
        offset += l.len();
    }
    None
}

fn read_date(f: &mut Fields, key: &str, tz: &TimeZone) -> Option<PageDate> {
    let value = f.string(key)?;
    match date::parse(&value, tz) {
        Ok(d) => Some(d),
        Err(e) => {
            let loc = f.loc(key);
            f.problems
                .push(Diagnostic::error(loc, date_problem(key, value, e)));
            None
        }
    }
}

/// `slug`, when it is one part of an address: never `.`, `..` or a path.
fn read_slug(f: &mut Fields) -> Option<String> {
    let slug = f.string("slug")?;
    let trimmed = slug.trim();
    if trimmed == "." || trimmed == ".." || trimmed.contains(['/', '\\']) {
        let loc = f.loc("slug");
        f.problems
            .push(Diagnostic::error(loc, Msg::SlugPath { value: slug }));
        return None;
    }
    Some(slug)
}

/// What is wrong with `field: value` written as a date.
fn date_problem(field: &str, value: String, e: DateError) -> Msg {
    match e {
        DateError::Format => Msg::DateFormat {
            field: field.into(),
            value,
        },
        DateError::DoesNotExist { days_in_month } => Msg::DateDoesNotExist {
            field: field.into(),
            value,
            days_in_month,
        },
        DateError::Offset => Msg::BadOffset {
            field: field.into(),
            value,
        },
    }
}

fn read_campaign(f: &mut Fields, tz: &TimeZone) -> CampaignFields {
    let mut c = CampaignFields {
        number: f.string("number"),
        issuer: f.string("issuer"),
        place: f.string("place"),
        issued: read_date(f, "issued", tz),
        audience: f.string("audience"),
        scope: f.string("scope"),
        bring: f
            .string_list("bring")
            .into_iter()
            .map(|b| b.trim().to_string())
            .filter(|b| !b.is_empty())
            .collect(),
        ..CampaignFields::default()
    };
    if let Some(period) = f.mapping("period") {
        let period = period.clone();
        let doc = f.doc;
        let line = f.loc("period").line - doc.first_line + 1;
        let mut pf = Fields::new(doc, &period, Some(line));
        pf.reject_unknown(&["start", "end"]);
        c.period_start = read_date(&mut pf, "start", tz);
        c.period_end = read_date(&mut pf, "end", tz);
        f.problems.append(&mut pf.problems);
    }
    if let Some(deadlines) = f.mapping("deadlines") {
        let deadlines = deadlines.clone();
        let doc = f.doc;
        let line = f.loc("deadlines").line - doc.first_line + 1;
        let mut df = Fields::new(doc, &deadlines, Some(line));
        df.reject_unknown(&["public", "internal"]);
        c.deadlines = DeadlineAudiences {
            public: read_days(&mut df, "public", tz),
            internal: read_days(&mut df, "internal", tz),
        };
        f.problems.append(&mut df.problems);
    }
    c
}

/// A list of days (`[2026-06-15, 2026-06-30]`, or one day alone).
fn read_days(f: &mut Fields, key: &str, tz: &TimeZone) -> Vec<jiff::civil::Date> {
    let mut days = Vec::new();
    for value in f.string_list(key) {
        match date::parse(&value, tz) {
            Ok(d) => days.push(d.zoned.date()),
            Err(e) => {
                let loc = f.loc(key);
                f.problems
                    .push(Diagnostic::error(loc, date_problem(key, value, e)));
            }
        }
    }
    days
}

fn read_outreach(f: &mut Fields) -> OutreachFields {
    let kind = f.string("kind").and_then(|k| {
        let k = k.to_lowercase();
        if OUTREACH_KINDS.contains(&k.as_str()) {
            Some(k)
        } else {
            let loc = f.loc("kind");
            f.problems.push(Diagnostic::error(
                loc,
                Msg::BadOutreachKind {
                    suggestion: super::yaml::nearest(&k, OUTREACH_KINDS),
                    value: k,
                },
            ));
            None
        }
    });
    let paper = f.string("paper").and_then(|p| {
        let p = p.to_lowercase();
        if p == "a4" || p == "a5" {
            Some(p)
        } else {
            let loc = f.loc("paper");
            f.problems.push(Diagnostic::error(
                loc,
                Msg::WrongType {
                    field: "paper".into(),
                    expected: Expected::Paper,
                },
            ));
            None
        }
    });
    OutreachFields {
        kind,
        audio: f.string("audio").map(|a| (a, f.loc("audio"))),
        paper,
    }
}

/// The old addresses of a page, each with the line it is written on (the
/// `aliases:` key's when the list is written on one line).
fn read_aliases(f: &mut Fields) -> Vec<(String, Location)> {
    let key = f.loc("aliases");
    let aliases = f.string_list("aliases");
    let items = f.doc.list_items(Some("aliases"));
    let mut out = Vec::new();
    for (i, alias) in aliases.iter().enumerate() {
        let loc = match items.get(i).filter(|_| items.len() == aliases.len()) {
            Some(&line) => f.doc.at(line, list_item_column(f.doc.text, line)),
            None => key.clone(),
        };
        let clean = alias.trim();
        if clean.contains('\\') {
            // On a Windows portal `\` separates folders: the redirect
            // would land elsewhere than the address written.
            f.problems.push(Diagnostic::error(
                loc,
                Msg::AliasBackslash {
                    alias: clean.to_string(),
                },
            ));
            continue;
        }
        if !clean.starts_with('/') || clean.starts_with("//") || clean.split('/').any(|s| s == "..")
        {
            f.problems.push(Diagnostic::error(
                loc,
                Msg::WrongType {
                    field: "aliases".into(),
                    expected: Expected::SiteRootPath,
                },
            ));
            continue;
        }
        out.push((clean.to_string(), loc));
    }
    out
}

/// The column where the value of the list item on document line `line`
/// starts (after `- `).
fn list_item_column(text: &str, line: usize) -> usize {
    let Some(l) = text.lines().nth(line.saturating_sub(1)) else {
        return 1;
    };
    let dash = l.len() - l.trim_start().len();
    let after = &l[dash + 1..];
    dash + 2 + (after.len() - after.trim_start().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tz() -> TimeZone {
        TimeZone::get("Asia/Ho_Chi_Minh").unwrap()
    }

    /// The document and every problem found in it.
    pub(super) fn parse_all(
        path: &Path,
        text: &str,
        tz: &TimeZone,
        section: PageSection,
    ) -> (Option<Document>, Vec<Diagnostic>) {
        let mut problems = Diagnostics::new();
        let doc = parse(path, text, tz, section, &mut problems);
        (doc, problems.into_iter().collect())
    }

    #[test]
    fn splits_front_matter_and_body() {
        let text = "---\ntitle: Kích hoạt\nweight: 2\n---\n# Nội dung\n";
        let (doc, problems) = parse_all(Path::new("a.md"), text, &tz(), PageSection::Other);
        assert!(problems.is_empty(), "{problems:?}");
        let doc = doc.unwrap();
        assert_eq!(doc.front.title.as_deref(), Some("Kích hoạt"));
        assert_eq!(doc.front.weight, Some(2));
        assert_eq!(doc.body, "# Nội dung\n");
        assert_eq!(doc.body_line, 5);
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let (doc, problems) = parse_all(
            Path::new("a.md"),
            "Chỉ có nội dung\n",
            &tz(),
            PageSection::Other,
        );
        assert!(problems.is_empty());
        let doc = doc.unwrap();
        assert!(doc.front.title.is_none());
        assert_eq!(doc.body_line, 1);
    }

    #[test]
    fn steps_and_summaries() {
        let text = "---\nstep: 2\nsummary:\n  Ở đâu: Công an phường\n  Mang theo: [Thẻ căn cước, 1 ảnh]\n---\n";
        let (doc, problems) = parse_all(Path::new("a.md"), text, &tz(), PageSection::Other);
        assert!(problems.is_empty(), "{problems:?}");
        let front = doc.unwrap().front;
        assert_eq!(front.step.map(|(n, l)| (n, l.line)), Some((2, 2)));
        assert_eq!(
            front.summary,
            [
                ("Ở đâu".to_string(), "Công an phường".to_string()),
                ("Mang theo".to_string(), "Thẻ căn cước, 1 ảnh".to_string())
            ]
        );
        for (bad, expected) in [
            ("step: 0", Expected::Step),
            ("step: hai", Expected::Integer),
            ("summary: [a, b]", Expected::Mapping),
            ("summary:\n  Ở đâu:\n    xã: A", Expected::Text),
        ] {
            let text = format!("---\n{bad}\n---\n");
            let (_, problems) = parse_all(Path::new("a.md"), &text, &tz(), PageSection::Other);
            assert!(
                matches!(&problems[..], [p] if matches!(&p.msg, Msg::WrongType { expected: e, .. } if *e == expected) && p.location.line == 2),
                "{bad}: {problems:?}"
            );
        }
    }

    #[test]
    fn unclosed_front_matter() {
        let (doc, problems) = parse_all(
            Path::new("a.md"),
            "---\ntitle: x\n",
            &tz(),
            PageSection::Other,
        );
        assert!(doc.is_none());
        assert_eq!(problems[0].msg, Msg::FrontMatterNotClosed);
    }

    #[test]
    fn problems_are_all_reported_at_their_lines() {
        let text = "---\ntitle: A\ntitel: B\ndate: 2026-02-30\ndraft: yes please\nweight: heavy\naliases: [old]\n---\n";
        let (doc, problems) = parse_all(Path::new("a.md"), text, &tz(), PageSection::Other);
        assert!(doc.is_some());
        let lines: Vec<(usize, &str)> = problems
            .iter()
            .map(|d| (d.location.line, d.msg.code()))
            .collect();
        assert!(lines.contains(&(3, "E0102")), "{lines:?}");
        assert!(lines.contains(&(4, "E0105")), "{lines:?}");
        assert!(lines.contains(&(5, "E0103")), "{lines:?}");
        assert!(lines.contains(&(6, "E0103")), "{lines:?}");
        assert!(lines.contains(&(7, "E0103")), "{lines:?}");
        let date = problems.iter().find(|d| d.msg.code() == "E0105").unwrap();
        assert_eq!(date.location.column, 7);
    }
}

#[cfg(test)]
mod campaign_tests {
    use super::tests::parse_all;
    use super::*;

    #[test]
    fn campaign_fields_only_on_campaign_pages() {
        let tz = TimeZone::get("Asia/Ho_Chi_Minh").unwrap();
        let text = "---\ntitle: A\nnumber: \"55/KH-UBND\"\nperiod:\n  start: 2026-06-01\n  end: 2026-06-31\n---\n";
        let (doc, problems) = parse_all(Path::new("c.md"), text, &tz, PageSection::Campaign);
        let c = doc.unwrap().front.campaign;
        assert_eq!(c.number.as_deref(), Some("55/KH-UBND"));
        assert_eq!(c.period_start.unwrap().ymd(), "2026-06-01");
        // The impossible end date is reported at its own line.
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            (problems[0].location.line, problems[0].msg.code()),
            (6, "E0105")
        );
        let (_, problems) = parse_all(Path::new("g.md"), text, &tz, PageSection::Other);
        assert!(
            problems.iter().any(|d| d.msg.code() == "E0102"),
            "{problems:?}"
        );
    }
}
