//! Reads the parts of a plan document in order: the header (number, place
//! and date, issuer), the title, the preamble that cites the legal basis,
//! the sections, `Nơi nhận`, the signature block and the appendix.

use std::sync::LazyLock;

use regex::Regex;

use super::facts;
use super::lines::{is_caps_line, Block, Marker};
use super::model::*;
use super::table;
use super::vndate;
use crate::slug::slugify;

static NUMBER_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9][\w.]*)\s*/\s*(\S.*)$").unwrap());
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(.{2,60}?),\s*ngày\s*([0-9]{1,2})?\s*(?:tháng\s*([0-9]{1,2})?)?\s*(?:năm\s*([0-9]{4}))?",
    )
    .unwrap()
});
static AUTHORITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(TM|KT|TL|TUQ|Q)\.\s*\S").unwrap());
static POSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|BÍ THƯ|TRƯỞNG\b.*|CHÁNH VĂN PHÒNG|THỦ TRƯỞNG)\s*$",
    )
    .unwrap()
});
static ATTACHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?\s*kèm theo\s+(?:kế hoạch|quyết định)\s+(?:số\s+)?([0-9][\w.]*\s*/\s*[\w-]+)(?:\s+ngày\s+(.+?))?(?:\s+của\b|\)|$)").unwrap()
});
const DOCUMENT_KINDS: &[&str] = &[
    "KẾ HOẠCH",
    "CHƯƠNG TRÌNH",
    "PHƯƠNG ÁN",
    "THÔNG BÁO",
    "QUYẾT ĐỊNH",
];

pub fn read(blocks: &[Block], full_text: &str) -> Plan {
    let mut plan = Plan::default();
    let kind_at = blocks.iter().take(40).position(|b| {
        b.marker.is_none() && DOCUMENT_KINDS.contains(&b.text.trim_end_matches('.').trim())
    });
    let is_roman = |b: &Block| matches!(b.marker, Some(Marker::Roman(_)));
    // Header: number, place and date, issuer in capitals.
    let header_end = kind_at
        .or_else(|| blocks.iter().position(is_roman))
        .unwrap_or(0);
    let mut header_year = None;
    let mut issuer_lines = Vec::new();
    for b in &blocks[..header_end] {
        let t = b.text.trim();
        if let Some(n) = t.strip_prefix("Số:").or_else(|| t.strip_prefix("Số :")) {
            plan.number = NUMBER_LINE
                .captures(n.trim())
                .map(|c| format!("{}/{}", &c[1], c[2].trim()));
        } else if let Some(c) = PLACE_DATE.captures(t) {
            plan.place = Some(c[1].trim().to_string());
            header_year = c.get(4).and_then(|y| y.as_str().parse::<i16>().ok());
            if let (Some(d), Some(m), Some(y)) = (c.get(2), c.get(3), header_year) {
                let date = jiff::civil::Date::new(
                    y,
                    m.as_str().parse().unwrap_or(0),
                    d.as_str().parse().unwrap_or(0),
                );
                plan.issued = date.ok().map(|d| d.to_string());
            }
        } else if is_caps_line(t) && !t.contains("CỘNG HÒA") && !t.contains("CỘNG HOÀ") {
            issuer_lines.push(t.trim_matches(['-', ' ']).to_string());
        }
    }
    if !issuer_lines.is_empty() {
        plan.issuer = Some(issuer_lines.join(" "));
    }
    let year = vndate::document_year(header_year, full_text);

    // Title: the line after the document kind.
    let mut i = header_end;
    if let Some(k) = kind_at {
        i = k + 1;
        if let Some(b) = blocks
            .get(i)
            .filter(|b| b.marker.is_none() && !b.is_table_row())
        {
            plan.title = Some(b.text.clone());
            i += 1;
        }
    }

    // The first section after the title; what is between is the preamble.
    let first_section = blocks[i..].iter().position(is_roman).map(|p| p + i);

    // The tail: recipients, signature and appendix.
    let body_end = blocks
        .iter()
        .enumerate()
        .skip(first_section.unwrap_or(i))
        .find(|(_, b)| {
            let t = b.text.trim();
            b.marker.is_none()
                && (t.starts_with("Nơi nhận") || AUTHORITY.is_match(t) || POSITION.is_match(t))
        })
        .map(|(n, _)| n)
        .unwrap_or(blocks.len());
    let appendix_start = read_tail(&blocks[body_end..], &mut plan) + body_end;

    let mut walker = Walker::new(year, first_section.is_some());
    for b in &blocks[i..body_end] {
        walker.block(b, &mut plan);
    }
    walker.flush_table(&mut plan);
    plan.body.push(BodyItem::Closing);
    if appendix_start < blocks.len() {
        walker.appendix(&blocks[appendix_start..], &mut plan);
    }
    walker.finish(&mut plan);

    if plan.issuer.is_none() {
        plan.issuer = issuer_from_preamble(&blocks[i..first_section.unwrap_or(i)]);
    }
    // The appendix names the plan it belongs to: `Kèm theo Kế hoạch 128 /KH-UBND ngày …`.
    for b in &blocks[appendix_start..] {
        if let Some(c) = ATTACHED.captures(b.text.trim()) {
            if plan.number.is_none() {
                plan.number = Some(c[1].split_whitespace().collect::<String>());
            }
            if plan.issued.is_none() {
                plan.issued = c
                    .get(2)
                    .and_then(|d| vndate::dates(d.as_str(), year).into_iter().next())
                    .map(|d| d.value.to_string());
            }
        }
    }
    if plan.period.start.as_deref() == Some(ISSUE_DATE) {
        plan.period_from_issue = true;
        plan.period.start = plan.issued.clone();
    }
    plan
}

/// Placeholder for "from the day of issue" until the issue date is known.
const ISSUE_DATE: &str = "issue-date";

/// `…, Ủy ban nhân dân thành phố ban hành Kế hoạch …` names the issuer.
fn issuer_from_preamble(blocks: &[Block]) -> Option<String> {
    static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:Ủy|Uỷ) ban nhân dân|UBND)((?:\s+[^\s,;]+){0,5}?)\s+(?:ban hành|tổ chức triển khai|xây dựng)\s+(?:Kế hoạch|kế hoạch|“)").unwrap()
    });
    blocks.iter().rev().find_map(|b| {
        ISSUER.captures(&b.text).map(|c| {
            let who = if &c[1] == "UBND" {
                "Ủy ban nhân dân"
            } else {
                &c[1]
            };
            format!("{who}{}", &c[2])
        })
    })
}

/// Reads `Nơi nhận` and the signature; returns where the appendix starts.
fn read_tail(blocks: &[Block], plan: &mut Plan) -> usize {
    let mut i = 0;
    let mut in_recipients = false;
    while i < blocks.len() {
        let b = &blocks[i];
        let t = b.text.trim();
        if t.starts_with("Nơi nhận") {
            in_recipients = true;
            let rest = t
                .trim_start_matches("Nơi nhận")
                .trim_start_matches([':', ' ']);
            if !rest.is_empty() {
                plan.recipients
                    .push(rest.trim_end_matches([';', '.']).to_string());
            }
        } else if in_recipients && (matches!(b.marker, Some(Marker::Bullet(_))) || t.ends_with(';'))
        {
            plan.recipients
                .push(t.trim_end_matches([';', '.', ',']).trim().to_string());
        } else if AUTHORITY.is_match(t) {
            in_recipients = false;
            plan.signer.authority.push(t.to_string());
        } else if POSITION.is_match(t)
            || (is_caps_line(t)
                && !plan.signer.authority.is_empty()
                && plan.signer.name.is_none()
                && t.split_whitespace().count() <= 6)
        {
            in_recipients = false;
            plan.signer.position = Some(t.to_string());
        } else if is_name(t)
            && (plan.signer.position.is_some() || !plan.signer.authority.is_empty())
        {
            plan.signer.name = Some(t.to_string());
            return i + 1;
        } else if t.to_lowercase().contains("đã ký") {
            // `(Đã ký)` stands where the signature was.
        } else if !in_recipients {
            return i;
        } else {
            in_recipients = false;
            continue;
        }
        i += 1;
    }
    blocks.len()
}

fn is_letter(number: &str) -> bool {
    number.chars().count() == 1 && number.chars().all(|c| c.is_lowercase())
}

/// A person's name: two to six words, each starting with a capital, not all capitals.
fn is_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                && w.chars().all(|c| c.is_alphabetic())
        })
        && !is_caps_line(t)
}

/// What has been collected, to keep each fact once in linear time.
#[derive(Default)]
struct Seen {
    agencies: std::collections::HashMap<String, usize>,
    tasks: std::collections::HashSet<(usize, String)>,
    targets: std::collections::HashSet<String>,
    deadlines: std::collections::HashSet<(String, Option<String>, String)>,
    reporting: std::collections::HashSet<String>,
}

/// Walks the body: builds the section tree and the text in order, and
/// collects the facts with the section and agency each stands under.
struct Walker {
    year: Option<i16>,
    has_roman: bool,
    /// Open sections: (level, index path into the tree, id, heading).
    open: Vec<(u8, String, String)>,
    tree: Vec<Section>,
    ids: std::collections::HashSet<String>,
    /// The agency a numbered heading under `PHÂN CÔNG NHIỆM VỤ` names.
    section_agency: Option<String>,
    table_rows: Vec<Block>,
    last_text: String,
    /// Agencies named by `Đơn vị thực hiện:` for a section id.
    units: Vec<(String, String)>,
    seen: Seen,
    preamble_done: bool,
    caption: Option<String>,
}

impl Walker {
    fn new(year: Option<i16>, has_roman: bool) -> Self {
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
        }
    }

    fn block(&mut self, b: &Block, plan: &mut Plan) {
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
            facts::legal_refs(&text, self.year, &mut plan.legal_basis);
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
                    .find(|o| !is_letter(&o.1))
                    .map(|o| o.0);
                heading.then(|| parent.map(|l| l + 1).unwrap_or(base + 1).min(4))
            }
            Some(Marker::Bullet(_)) => None,
            None => (b.emphasized && is_caps_line(t) && self.preamble_done).then_some(1),
        }
    }

    fn open_section(&mut self, level: u8, b: &Block, plan: &mut Plan) {
        while self.open.last().is_some_and(|o| o.0 >= level) {
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
            .map(|o| o.1.clone())
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
        self.open.push((level, number.unwrap_or_default(), id));
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
        self.open.last().map(|o| o.2.clone())
    }

    fn facts(&mut self, b: &Block, plan: &mut Plan) {
        let text = b.text.as_str();
        let headings = self.headings();
        let top = headings
            .first()
            .map(|h| h.to_uppercase())
            .unwrap_or_default();
        let inner = headings.last().cloned().unwrap_or_default();

        // Labelled facts: `Phạm vi: …`, `Đối tượng: …`, `Thời gian: …`.
        if let Some(label) = &b.label {
            let l = label.to_lowercase();
            if l.starts_with("phạm vi") && plan.scope.is_none() {
                plan.scope = Some(b.rest.clone());
            } else if l.starts_with("đối tượng") && plan.audience.is_none() {
                plan.audience = Some(b.rest.clone());
            }
            if l.starts_with("thời gian") && plan.period.end.is_none() {
                plan.period = period(&b.rest, self.year);
            }
            if l.contains("chỉ tiêu") {
                push_target(plan, &mut self.seen, &b.rest, self.year);
            }
        }
        // Items of a `Chỉ tiêu` heading.
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
                        self.units.push((id, unit));
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
        for (date, time, sentence, start) in facts::deadlines_at(text, self.year) {
            let before = text[..start].trim_end();
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
            // A label or heading names who is responsible; otherwise the
            // sentence's own subject does (`…; Ủy ban nhân dân xã, phường xây dựng …`).
            let responsible = if named_by_heading {
                agency.clone()
            } else {
                facts::agency_of_sentence(&full).or_else(|| agency.clone())
            };
            let d = Deadline {
                date,
                time,
                text: full,
                responsible,
                section: self.current_id(),
                line: b.line,
            };
            if self
                .seen
                .deadlines
                .insert((d.date.clone(), d.time.clone(), d.text.clone()))
            {
                plan.deadlines.push(d);
            }
        }
        if let Some(r) = facts::reporting(text, &inner) {
            if self.seen.reporting.insert(r.text.clone()) {
                plan.reporting.push(r);
            }
        }
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

    fn flush_table(&mut self, plan: &mut Plan) {
        if self.table_rows.is_empty() {
            return;
        }
        let rows = std::mem::take(&mut self.table_rows);
        let t = table::from_rows(&rows, self.caption.take());
        plan.body.push(BodyItem::Table(plan.tables.len()));
        plan.tables.push(t);
    }

    /// After the signature: captions, notes and tables of the appendix.
    fn appendix(&mut self, blocks: &[Block], plan: &mut Plan) {
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

    fn finish(&mut self, plan: &mut Plan) {
        self.flush_table(plan);
        plan.sections = std::mem::take(&mut self.tree);
        // `Đơn vị thực hiện` at the end of a section names who meets its deadlines.
        for d in plan
            .deadlines
            .iter_mut()
            .filter(|d| d.responsible.is_none())
        {
            if let Some((_, unit)) = self
                .units
                .iter()
                .find(|(id, _)| Some(id) == d.section.as_ref())
            {
                d.responsible = Some(unit.clone());
            }
        }
        plan.deadlines
            .sort_by(|a, b| (&a.date, &a.time, a.line).cmp(&(&b.date, &b.time, b.line)));
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
        deadline: facts::deadlines(text, year).into_iter().next().map(|d| d.0),
    });
}

/// `Từ ngày 15 tháng 6 năm 2023 đến ngày 05 tháng 8 năm 2023`,
/// `Từ ngày ban hành Kế hoạch đến hết ngày 30/6/2026`.
fn period(text: &str, year: Option<i16>) -> Period {
    let lower = text.to_lowercase();
    let dates = vndate::dates(text, year);
    let to = lower.find("đến");
    let from_issue = lower.contains("ngày ban hành");
    let start =
        if from_issue && to.is_some_and(|t| lower.find("ngày ban hành").is_some_and(|b| b < t)) {
            Some(ISSUE_DATE.to_string())
        } else {
            dates
                .iter()
                .find(|d| to.is_none_or(|t| d.span.start < t))
                .map(|d| d.value.to_string())
        };
    let end = match to {
        Some(t) => dates
            .iter()
            .find(|d| d.span.start > t)
            .map(|d| d.value.to_string()),
        None => None,
    };
    let start = if start.is_some() && start == end {
        None
    } else {
        start
    };
    Period { start, end }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let p = period(
            "Từ ngày 15 tháng 6 năm 2023 đến ngày 05 tháng 8 năm 2023 (50 ngày, đêm)",
            None,
        );
        assert_eq!(
            (p.start.as_deref(), p.end.as_deref()),
            (Some("2023-06-15"), Some("2023-08-05"))
        );
        let p = period(
            "Từ ngày ban hành Kế hoạch đến hết ngày 30 tháng 6 năm 2026.",
            None,
        );
        assert_eq!(
            (p.start.as_deref(), p.end.as_deref()),
            (Some(ISSUE_DATE), Some("2026-06-30"))
        );
        let p = period(
            "Thực hiện từ ngày ban hành kế hoạch đến ngày 30/6/2026.",
            None,
        );
        assert_eq!(p.end.as_deref(), Some("2026-06-30"));
    }

    #[test]
    fn names_and_positions() {
        assert!(is_name("Nguyễn Văn Khởi"));
        assert!(is_name("Trần Việt Trường"));
        assert!(!is_name("PHÓ CHỦ TỊCH"));
        assert!(!is_name("Lưu: VT, VHQ."));
        assert!(POSITION.is_match("PHÓ CHỦ TỊCH"));
        assert!(POSITION.is_match("CHỦ TỊCH"));
        assert!(AUTHORITY.is_match("KT. CHỦ TỊCH"));
        assert!(AUTHORITY.is_match("TM. ỦY BAN NHÂN DÂN"));
    }
}
