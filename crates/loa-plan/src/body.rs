//! The body of a plan document, between its title and `Nơi nhận`, and its
//! appendix: the section tree, the text in order, and the facts each
//! sentence states (targets, deadlines, reporting, agencies and their
//! tasks), with the section and agency each stands under.

use std::collections::{HashMap, HashSet};

use jiff::civil::{Date, Time};

use crate::agencies;
use crate::audience;
use crate::facts;
use crate::legal;

mod tasks;
use crate::assignments;
use crate::lines::{is_caps_line, Block, Marker};
use crate::model::{Agency, Audience, BodyItem, Deadline, Plan, Target};
use crate::period;
use crate::sections::Sections;
use crate::table;
use crate::visits;

/// What has been collected, to keep each fact once in linear time.
#[derive(Default)]
struct Seen {
    agencies: HashMap<String, usize>,
    tasks: HashSet<(usize, String)>,
    targets: HashSet<String>,
    deadlines: HashSet<(Date, Option<Time>, String)>,
    reporting: HashSet<String>,
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
    sections: Sections,
    /// The agency a heading names, with the heading's level: the tasks
    /// under it are its own.
    section_agency: Option<(String, u8)>,
    table_rows: Vec<Block>,
    last_text: String,
    /// Agencies named by `Đơn vị thực hiện:`, with the id of their section.
    units: Vec<SectionUnit>,
    seen: Seen,
    preamble_done: bool,
    caption: Option<String>,
    /// Where the period was read (see [`Walker::set_period`]).
    period_source: Option<period::Source>,
    /// The task a lettered item gave its agency: the paragraphs and bullets
    /// under the item are part of it.
    item_task: Option<(usize, usize)>,
    /// What the headings of a section say of who meets its deadlines,
    /// with the section's id (see `headings_audience`).
    headings_audience: Option<(String, (Audience, Option<String>))>,
    /// The last task given under an agency's heading: a `+` bullet is part of it.
    last_task: Option<(usize, usize)>,
    /// The paragraphs of the section given to nobody yet: `Đơn vị thực
    /// hiện: …` after them names whose they are.
    unassigned: Vec<String>,
}

impl Walker {
    pub fn new(year: Option<i16>, has_roman: bool) -> Self {
        Walker {
            year,
            has_roman,
            sections: Sections::default(),
            section_agency: None,
            table_rows: Vec::new(),
            last_text: String::new(),
            units: Vec::new(),
            seen: Seen::default(),
            preamble_done: !has_roman,
            caption: None,
            period_source: None,
            item_task: None,
            headings_audience: None,
            last_task: None,
            unassigned: Vec::new(),
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
        self.close_before_item(b);
        // `Trên đây là Kế hoạch …` closes the plan's sections; so does an
        // appendix's title (`PHỤ LỤC`, `Phụ lục 2`) within the body.
        if b.text.starts_with("Trên đây là") || is_appendix_title(&b.text) {
            self.sections.close(2);
            self.section_agency = None;
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
                let parent = self.sections.numbered_level();
                heading.then(|| parent.map(|l| l + 1).unwrap_or(base + 1).min(4))
            }
            Some(Marker::Bullet(_)) => None,
            None => (b.emphasized && is_caps_line(t) && self.preamble_done).then_some(1),
        }
    }

    fn open_section(&mut self, level: u8, b: &Block, plan: &mut Plan) {
        let number = match &b.marker {
            Some(Marker::Roman(n)) | Some(Marker::Number(n)) | Some(Marker::Letter(n)) => {
                Some(n.clone())
            }
            _ => None,
        };
        let heading = b.text.trim().trim_end_matches(':').trim().to_string();
        let id = self.sections.open(level, number.clone(), &heading);
        plan.body.push(BodyItem::Heading {
            level,
            id,
            number,
            text: heading.clone(),
        });
        // A heading that names an agency: the tasks under it are its own.
        // In a section that assigns tasks, a short numbered heading that
        // can only be a name is an agency's, whatever word starts it.
        let assigning = level >= 2
            && matches!(&b.marker, Some(Marker::Number(_)) | Some(Marker::Letter(_)))
            && self.assigning_section();
        // Residents under a heading of their own (`4. Phụ huynh học sinh`)
        // are told what to do: they are no agency.
        let named = agencies::agency_heading(&heading).or_else(|| {
            assigning
                .then(|| agencies::name_heading(&heading))
                .flatten()
                .filter(|n| !audience::addresses_residents(n))
        });
        self.section_agency = match named {
            Some(name) if level >= 2 => Some((name, level)),
            _ => self.section_agency.take().filter(|(_, l)| *l < level),
        };
        if let Some((name, _)) = &self.section_agency {
            push_agency(plan, &mut self.seen, name, None);
        }
        self.item_task = None;
        self.last_task = None;
        self.unassigned.clear();
    }

    /// Whether a heading above the one just opened assigns tasks (`PHÂN
    /// CÔNG`, `TỔ CHỨC THỰC HIỆN`, `NHIỆM VỤ`), not a section of work
    /// under topics (`NHIỆM VỤ, GIẢI PHÁP`, `NỘI DUNG`).
    fn assigning_section(&self) -> bool {
        let headings = self.sections.headings();
        let above = &headings[..headings.len().saturating_sub(1)];
        above.iter().any(|h| {
            let h = h.to_uppercase();
            ["PHÂN CÔNG", "TỔ CHỨC THỰC HIỆN", "NHIỆM VỤ"]
                .iter()
                .any(|w| h.contains(w))
                && !["GIẢI PHÁP", "NỘI DUNG"].iter().any(|w| h.contains(w))
        })
    }

    /// A numbered item that follows a numbered section in its numbering
    /// (`4. Đối với người dân: …` after `3. Phân công …`) ends that section.
    fn close_before_item(&mut self, b: &Block) {
        let Some(Marker::Number(n)) = &b.marker else {
            return;
        };
        let base = if self.has_roman { 1 } else { 0 };
        let level = (base + 1 + n.matches('.').count() as u8).min(3);
        if self.sections.close_before_sibling(level, n) {
            self.section_agency = self.section_agency.take().filter(|(_, l)| *l < level);
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

    pub fn flush_table(&mut self, plan: &mut Plan) {
        if self.table_rows.is_empty() {
            return;
        }
        let rows = std::mem::take(&mut self.table_rows);
        let t = table::from_rows(&rows, self.caption.take());
        plan.visits.extend(visits::from_table(&t, self.year));
        self.assignments(&t, plan);
        plan.body.push(BodyItem::Table(plan.tables.len()));
        plan.tables.push(t);
    }

    /// The tasks a table assigns to the bodies that lead them, and their
    /// deadlines (see [`assignments`]).
    fn assignments(&mut self, t: &crate::model::Table, plan: &mut Plan) {
        for a in assignments::from_table(t, self.year) {
            push_agency(plan, &mut self.seen, &a.agency, Some(&a.task));
            let Some(date) = a.due else {
                continue;
            };
            if self.seen.deadlines.insert((date, None, a.task.clone())) {
                plan.deadlines.push(Deadline {
                    date,
                    time: None,
                    text: a.task,
                    responsible: Some(a.agency),
                    section: self.sections.current_id(),
                    audience: Audience::Internal,
                    line: a.line,
                });
            }
        }
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
                self.sections.close_all();
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
        plan.sections = std::mem::take(&mut self.sections).into_tree();
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

/// Adds an agency (merged with one of the same name) and a task of it;
/// returns the agency's index and the task's.
fn push_agency(
    plan: &mut Plan,
    seen: &mut Seen,
    name: &str,
    task: Option<&str>,
) -> (usize, Option<usize>) {
    let name = name.trim().trim_end_matches([':', '.', ';']).trim();
    let idx = *seen
        .agencies
        .entry(agencies::agency_key(name))
        .or_insert_with(|| {
            plan.agencies.push(Agency {
                name: name.to_string(),
                tasks: Vec::new(),
            });
            plan.agencies.len() - 1
        });
    let Some(task) = task.map(str::trim).filter(|t| !t.is_empty()) else {
        return (idx, None);
    };
    let tasks = &mut plan.agencies[idx].tasks;
    if seen.tasks.insert((idx, task.to_string())) {
        tasks.push(task.to_string());
        return (idx, Some(tasks.len() - 1));
    }
    (idx, tasks.iter().position(|t| t == task))
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

/// An appendix's title on a line of its own: `PHỤ LỤC`, `Phụ lục 2`,
/// `PHỤ LỤC I: …`.
fn is_appendix_title(text: &str) -> bool {
    let t = text.trim();
    let rest = t
        .strip_prefix("PHỤ LỤC")
        .or_else(|| t.strip_prefix("Phụ lục"));
    rest.is_some_and(|r| {
        let r = r.trim_start();
        r.is_empty()
            || r.starts_with(|c: char| {
                c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X' | ':' | '(' | '-' | '–')
            })
    })
}
