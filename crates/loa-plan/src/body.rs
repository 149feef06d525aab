//! The body of a plan document, between its title and `Nơi nhận`, and its
//! appendix: the section tree, the text in order, and the facts each
//! sentence states (targets, deadlines, reporting, agencies and their
//! tasks), with the section and agency each stands under.

use std::collections::{HashMap, HashSet};

use jiff::civil::{Date, Time};

use crate::audience;
use crate::facts;
use crate::legal;
use crate::lines::{is_caps_line, Block, Marker};
use crate::model::{Agency, Audience, BodyItem, Deadline, Plan, Section, Target};
use crate::period;
use crate::slug::slugify;
use crate::table;

fn is_letter(number: &str) -> bool {
    number.chars().count() == 1 && number.chars().all(|c| c.is_lowercase())
}

/// What has been collected, to keep each fact once in linear time.
#[derive(Default)]
struct Seen {
    agencies: HashMap<String, usize>,
    tasks: HashSet<(usize, String)>,
    targets: HashSet<String>,
    deadlines: HashSet<(Date, Option<Time>, String)>,
    reporting: HashSet<String>,
}

/// A section the walk is in.
struct OpenSection {
    level: u8,
    /// Its number as written (`III`, `1`, `a`), empty when it has none.
    number: String,
    id: String,
}

/// An agency that `Đơn vị thực hiện:` names for a section.
struct SectionUnit {
    section: String,
    agency: String,
}

/// Walks the body: builds the section tree and the text in order, and
/// collects the facts with the section and agency each stands under.
pub struct Walker {
    year: Option<i16>,
    has_roman: bool,
    /// The sections open at this point, outermost first.
    open: Vec<OpenSection>,
    tree: Vec<Section>,
    ids: HashSet<String>,
    /// The agency a numbered heading under `PHÂN CÔNG NHIỆM VỤ` names.
    section_agency: Option<String>,
    table_rows: Vec<Block>,
    last_text: String,
    /// Agencies named by `Đơn vị thực hiện:`, with the id of their section.
    units: Vec<SectionUnit>,
    seen: Seen,
    preamble_done: bool,
    caption: Option<String>,
    /// Where the period was read (see [`Walker::set_period`]).
    period_source: Option<period::Source>,
}

impl Walker {
    pub fn new(year: Option<i16>, has_roman: bool) -> Self {
        Walker {
            year,
            has_roman,
            open: Vec::new(),
            tree: Vec::new(),
            ids: Default::default(),
            section_agency: None,
            table_rows: Vec::new(),
            last_text: String::new(),
            units: Vec::new(),
            seen: Seen::default(),
            preamble_done: !has_roman,
            caption: None,
            period_source: None,
        }
    }

    pub fn block(&mut self, b: &Block, plan: &mut Plan) {
        if b.is_table_row() {
            self.table_rows.push(b.clone());
            return;
        }
        self.flush_table(plan);
        if let Some(level) = self.heading_level(b) {
            self.preamble_done = true;
            self.open_section(level, b, plan);
            return;
        }
        let text = b.text.clone();
        if !self.preamble_done {
            legal::refs(&text, self.year, &mut plan.legal_basis);
            if let Some(stated) = period::in_sentence(&text, self.year) {
                self.set_period(stated, period::Source::Sentence, plan);
            }
        }
        match &b.marker {
            Some(Marker::Bullet(depth)) => plan.body.push(BodyItem::Bullet {
                depth: *depth,
                text: text.clone(),
            }),
            Some(Marker::Number(n)) | Some(Marker::Letter(n)) | Some(Marker::Roman(n)) => {
                plan.body.push(BodyItem::Paragraph {
                    marker: Some(if matches!(b.marker, Some(Marker::Letter(_))) {
                        format!("{n})")
                    } else {
                        format!("{n}.")
                    }),
                    text: text.clone(),
                })
            }
            None => plan.body.push(BodyItem::Paragraph {
                marker: None,
                text: text.clone(),
            }),
        }
        if self.preamble_done {
            self.facts(b, plan);
        }
        self.last_text = text;
    }

    /// The level of a heading, or `None` for an item or a paragraph.
    fn heading_level(&self, b: &Block) -> Option<u8> {
        let t = b.text.trim();
        let ends_open = !t.ends_with(['.', ';', ',']);
        let base = if self.has_roman { 1 } else { 0 };
        match &b.marker {
            Some(Marker::Roman(_)) => Some(1),
            Some(Marker::Number(n)) => {
                let heading = b.emphasized && b.rest.is_empty()
                    || (b.label.is_none()
                        && (t.ends_with(':') || (ends_open && t.split_whitespace().count() <= 40)));
                heading.then(|| (base + 1 + n.matches('.').count() as u8).min(3))
            }
            Some(Marker::Letter(_)) => {
                let heading = (b.emphasized && b.rest.is_empty())
                    || (b.label.is_none()
                        && t.ends_with(':')
                        && t.split_whitespace().count() <= 12);
                // Under the nearest numbered or Roman heading; `b)` is a sibling of `a)`.
                let parent = self
                    .open
                    .iter()
                    .rev()
                    .find(|o| !is_letter(&o.number))
                    .map(|o| o.level);
                heading.then(|| parent.map(|l| l + 1).unwrap_or(base + 1).min(4))
            }
            Some(Marker::Bullet(_)) => None,
            None => (b.emphasized && is_caps_line(t) && self.preamble_done).then_some(1),
        }
    }

    fn open_section(&mut self, level: u8, b: &Block, plan: &mut Plan) {
        while self.open.last().is_some_and(|o| o.level >= level) {
            self.open.pop();
        }
        let number = match &b.marker {
            Some(Marker::Roman(n)) | Some(Marker::Number(n)) | Some(Marker::Letter(n)) => {
                Some(n.clone())
            }
            _ => None,
        };
        let heading = b.text.trim().trim_end_matches(':').trim().to_string();
        let path: Vec<String> = self
            .open
            .iter()
            .map(|o| o.number.clone())
            .chain(number.clone())
            .collect();
        let words: Vec<&str> = heading.split_whitespace().take(6).collect();
        let mut id = slugify(&format!("{} {}", path.join(" "), words.join(" ")));
        if id.is_empty() {
            id = "muc".into();
        }
        let base = id.clone();
        let mut n = 1;
        while !self.ids.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        let section = Section {
            id: id.clone(),
            number: number.clone(),
            heading: heading.clone(),
            level,
            children: Vec::new(),
        };
        // Insert under the open parent.
        let mut list = &mut self.tree;
        for _ in 0..self.open.len() {
            if list.is_empty() {
                break;
            }
            let last = list.len() - 1;
            list = &mut list[last].children;
        }
        list.push(section);
        plan.body.push(BodyItem::Heading {
            level,
            id: id.clone(),
            number: number.clone(),
            text: heading.clone(),
        });
        self.open.push(OpenSection {
            level,
            number: number.unwrap_or_default(),
            id,
        });
        // Headings under `PHÂN CÔNG NHIỆM VỤ` name the agency their tasks go to.
        let assigning = self.headings().first().is_some_and(|h| {
            let h = h.to_uppercase();
            h.contains("PHÂN CÔNG") || h.contains("NHIỆM VỤ") || h.contains("TRÁCH NHIỆM")
        });
        self.section_agency = if level == 2 && assigning && facts::is_agency(&heading) {
            Some(heading.clone())
        } else if level <= 2 {
            None
        } else {
            self.section_agency.take()
        };
        if self.section_agency.is_some() {
            push_agency(
                plan,
                &mut self.seen,
                self.section_agency.as_deref().unwrap_or_default(),
                None,
            );
        }
    }

    fn headings(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut list = &self.tree;
        for _ in 0..self.open.len() {
            match list.last() {
                Some(s) => {
                    out.push(s.heading.clone());
                    list = &s.children;
                }
                None => break,
            }
        }
        out
    }

    fn current_id(&self) -> Option<String> {
        self.open.last().map(|o| o.id.clone())
    }

    /// Labelled facts: `Phạm vi: …`, `Đối tượng: …`, `Thời gian: …`,
    /// `Chỉ tiêu: …`; `label` is in lower case.
    fn labelled(&mut self, label: &str, rest: &str, plan: &mut Plan) {
        if label.starts_with("phạm vi") && plan.scope.is_none() {
            plan.scope = Some(rest.to_string());
        } else if label.starts_with("đối tượng") && plan.audience.is_none() {
            plan.audience = Some(rest.to_string());
        }
        if label.starts_with("thời gian") {
            let stated = period::stated(rest, self.year);
            self.set_period(stated, period::Source::Stated, plan);
        }
        if label.contains("chỉ tiêu") {
            push_target(plan, &mut self.seen, rest, self.year);
        }
    }

    fn facts(&mut self, b: &Block, plan: &mut Plan) {
        let text = b.text.as_str();
        let headings = self.headings();
        let top = headings
            .first()
            .map(|h| h.to_uppercase())
            .unwrap_or_default();
        let inner = headings.last().cloned().unwrap_or_default();

        if let Some(label) = &b.label {
            self.labelled(&label.to_lowercase(), &b.rest, plan);
        }
        // The text of a `Thời gian` section states the period.
        if b.label.is_none()
            && headings
                .iter()
                .any(|h| h.to_lowercase().contains("thời gian"))
        {
            let stated = period::in_sentence(text, self.year)
                .unwrap_or_else(|| period::stated(text, self.year));
            self.set_period(stated, period::Source::Stated, plan);
        }
        // Items of a `Chỉ tiêu` heading: an administration's quotas.
        let in_targets = inner.to_lowercase().contains("chỉ tiêu")
            || b.label
                .as_ref()
                .is_some_and(|l| l.to_lowercase().contains("chỉ tiêu"));
        if inner.to_lowercase().contains("chỉ tiêu")
            && b.label.is_none()
            && !self.has_child_sections()
        {
            push_target(plan, &mut self.seen, text, self.year);
        }

        // Who does it.
        let mut agency = None;
        if let Some(label) = &b.label {
            if label.to_lowercase().starts_with("đơn vị thực hiện") {
                let task = inner.clone();
                for unit in facts::executing_units(&b.rest) {
                    push_agency(plan, &mut self.seen, &unit, Some(&task));
                    if let Some(id) = self.current_id() {
                        self.units.push(SectionUnit {
                            section: id,
                            agency: unit,
                        });
                    }
                }
            } else if facts::is_agency(label) {
                push_agency(plan, &mut self.seen, label, Some(&b.rest));
                agency = Some(label.clone());
            }
        }
        if agency.is_none() {
            if let Some(a) = &self.section_agency {
                push_agency(plan, &mut self.seen, a, Some(text));
                agency = Some(a.clone());
            }
        }
        let named_by_heading = agency.is_some();
        let organizing = top.contains("TỔ CHỨC THỰC HIỆN")
            || top.contains("PHÂN CÔNG")
            || top.contains("BÁO CÁO")
            || top.contains("NHIỆM VỤ");
        if agency.is_none() && organizing {
            if let Some(a) = facts::agency_of_sentence(text) {
                push_agency(plan, &mut self.seen, &a, Some(text));
                agency = Some(a);
            }
        }

        // Deadlines. A short `Hoàn thành trước …` sentence completes the one before it.
        for found in facts::deadlines(text, self.year) {
            let sentence = found.sentence;
            let before = text[..found.start].trim_end();
            let context = if sentence.split_whitespace().count() > 14 {
                None
            } else if !before.is_empty() {
                Some(facts::sentence_around(
                    before,
                    before.len().saturating_sub(2),
                ))
            } else if b.marker.is_none() && !self.last_text.is_empty() {
                Some(self.last_text.clone())
            } else {
                None
            };
            let joint = if before.ends_with(';') { "; " } else { " " };
            let full = match context {
                Some(c) => format!("{c}{joint}{sentence}"),
                None => sentence.clone(),
            };
            // Residents who must act by the date are responsible for it; else
            // a label or heading names who is; else the sentence's own
            // subject does (`…; Ủy ban nhân dân xã, phường xây dựng …`).
            let (audience, residents) = if in_targets {
                (Audience::Internal, None)
            } else {
                audience::of_deadline(text, found.start, found.at, &headings)
            };
            let responsible = if audience == Audience::Public {
                residents
            } else if named_by_heading {
                agency.clone()
            } else {
                facts::agency_of_sentence(&full).or_else(|| agency.clone())
            };
            let d = Deadline {
                date: found.date,
                time: found.time,
                text: full,
                responsible,
                section: self.current_id(),
                audience,
                line: b.line,
            };
            if self.seen.deadlines.insert((d.date, d.time, d.text.clone())) {
                plan.deadlines.push(d);
            }
        }
        if let Some(r) = facts::reporting(text, &inner) {
            if self.seen.reporting.insert(r.text.clone()) {
                plan.reporting.push(r);
            }
        }
    }

    /// Keeps the period from the most certain place it is written, the
    /// first of equally certain ones.
    pub fn set_period(&mut self, stated: period::Stated, source: period::Source, plan: &mut Plan) {
        if stated.period.end.is_none() || self.period_source.is_some_and(|s| s >= source) {
            return;
        }
        self.period_source = Some(source);
        plan.period = stated.period;
        plan.period_from_issue = stated.from_issue;
    }

    fn has_child_sections(&self) -> bool {
        let mut list = &self.tree;
        for _ in 0..self.open.len() {
            match list.last() {
                Some(s) => list = &s.children,
                None => return false,
            }
        }
        !list.is_empty()
    }

    pub fn flush_table(&mut self, plan: &mut Plan) {
        if self.table_rows.is_empty() {
            return;
        }
        let rows = std::mem::take(&mut self.table_rows);
        let t = table::from_rows(&rows, self.caption.take());
        plan.body.push(BodyItem::Table(plan.tables.len()));
        plan.tables.push(t);
    }

    /// After the signature: captions, notes and tables of the appendix.
    pub fn appendix(&mut self, blocks: &[Block], plan: &mut Plan) {
        self.flush_table(plan);
        let mut opened = false;
        for b in blocks {
            if b.is_table_row() {
                self.table_rows.push(b.clone());
                continue;
            }
            self.flush_table(plan);
            let t = b.text.trim();
            if !opened {
                self.open.clear();
                let heading = Block {
                    marker: None,
                    ..b.clone()
                };
                self.open_section(1, &heading, plan);
                opened = true;
                self.caption = Some(t.to_string());
                continue;
            }
            if is_caps_line(t)
                || t.starts_with("Bảng")
                || t.starts_with("BẢNG")
                || t.starts_with("Phụ lục")
            {
                self.caption = Some(t.to_string());
            }
            plan.body.push(BodyItem::Paragraph {
                marker: None,
                text: t.to_string(),
            });
        }
        self.flush_table(plan);
    }

    pub fn finish(&mut self, plan: &mut Plan) {
        self.flush_table(plan);
        plan.sections = std::mem::take(&mut self.tree);
        // `Đơn vị thực hiện` at the end of a section names who meets its deadlines.
        for d in plan
            .deadlines
            .iter_mut()
            .filter(|d| d.responsible.is_none())
        {
            if let Some(unit) = self
                .units
                .iter()
                .find(|u| Some(&u.section) == d.section.as_ref())
            {
                d.responsible = Some(unit.agency.clone());
            }
        }
        plan.deadlines.sort_by_key(|d| (d.date, d.time, d.line));
    }
}

fn push_agency(plan: &mut Plan, seen: &mut Seen, name: &str, task: Option<&str>) {
    let name = name.trim().trim_end_matches([':', '.', ';']).trim();
    if name.is_empty() {
        return;
    }
    let idx = *seen.agencies.entry(name.to_lowercase()).or_insert_with(|| {
        plan.agencies.push(Agency {
            name: name.to_string(),
            tasks: Vec::new(),
        });
        plan.agencies.len() - 1
    });
    if let Some(task) = task.map(str::trim).filter(|t| !t.is_empty()) {
        if seen.tasks.insert((idx, task.to_string())) {
            plan.agencies[idx].tasks.push(task.to_string());
        }
    }
}

fn push_target(plan: &mut Plan, seen: &mut Seen, text: &str, year: Option<i16>) {
    let text = text.trim();
    if text.is_empty() || !seen.targets.insert(text.to_string()) {
        return;
    }
    plan.targets.push(Target {
        text: text.to_string(),
        percent: facts::percent(text),
        deadline: facts::deadlines(text, year).first().map(|d| d.date),
    });
}
