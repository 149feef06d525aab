//! Reads the parts of a plan document in order: the header (number, place
//! and date, issuer), the title, the preamble that cites the legal basis,
//! the sections, `Nơi nhận`, the signature block and the appendix.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use crate::audience;
use crate::body::Walker;
use crate::closing;
use crate::header;
use crate::hours;
use crate::lines::{Block, Marker};
use crate::model::{BodyItem, Plan};
use crate::period;
use crate::vndate;

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
    let header_year = header::read(&blocks[..header_end], &mut plan);
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
        .find(|(_, b)| closing::starts(b))
        .map(|(n, _)| n)
        .unwrap_or(blocks.len());
    let appendix_start = closing::read(&blocks[body_end..], &mut plan) + body_end;

    let mut walker = Walker::new(year, first_section.is_some());
    if let Some(stated) = plan
        .title
        .as_deref()
        .and_then(|t| period::in_sentence(t, year))
    {
        walker.set_period(stated, period::Source::Sentence, &mut plan);
    }
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
        plan.issuer = issuer_from_preamble(&blocks[i..first_section.unwrap_or(i)])
            .map(|issuer| named_unit(&issuer, full_text).unwrap_or(issuer));
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
                    .map(|d| d.value);
            }
        }
    }
    for h in &mut plan.office_hours {
        h.office = hours::with_locality(&h.office, plan.issuer.as_deref());
    }
    // Without a `Đối tượng`, the people the targets serve.
    if plan.audience.is_none() {
        plan.audience = plan.targets.iter().find_map(|t| audience::served(&t.text));
    }
    if plan.period_from_issue {
        plan.period.start = plan.issued;
    }
    let period = plan.period;
    for h in plan.office_hours.iter_mut().filter(|h| h.during_plan) {
        hours::for_period(h, Some(period));
    }
    // Hours said twice (once with the plan's period added above and once
    // with its days written out, say) are kept once, where first said.
    let mut seen = Vec::new();
    plan.office_hours.retain(|h| {
        let new = !seen.contains(h);
        if new {
            seen.push(h.clone());
        }
        new
    });
    plan
}

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

/// Units of administration, as the last words of a body's name without
/// the unit's own name (`Ủy ban nhân dân thành phố`).
const UNITS: [&str; 9] = [
    "thành phố",
    "tỉnh",
    "quận",
    "huyện",
    "thị xã",
    "thị trấn",
    "xã",
    "phường",
    "đặc khu",
];

/// `Ủy ban nhân dân thành phố` → `Ủy ban nhân dân thành phố Cần Thơ`: the
/// name the text gives the unit most often (`… trên địa bàn thành phố Cần
/// Thơ`).
fn named_unit(issuer: &str, text: &str) -> Option<String> {
    // Each unit's pattern, made the first time a plan needs it.
    static NAMED: [OnceLock<Option<Regex>>; UNITS.len()] = [const { OnceLock::new() }; UNITS.len()];
    let at = UNITS
        .iter()
        .position(|u| issuer.ends_with(&format!(" {u}")))?;
    let named = NAMED[at]
        .get_or_init(|| {
            let unit = regex::escape(UNITS[at]);
            Regex::new(&format!(r"\b{unit}((?:\s+\p{{Lu}}\p{{Ll}}*){{1,4}})")).ok()
        })
        .as_ref()?;
    // How often each name is met, and where first.
    let mut names: HashMap<&str, (usize, usize)> = HashMap::new();
    for (order, c) in named.captures_iter(text).enumerate() {
        if let Some(name) = c.get(1).map(|m| m.as_str().trim()) {
            names.entry(name).or_insert((0, order)).0 += 1;
        }
    }
    let (best, _) = names
        .into_iter()
        .max_by_key(|(_, (count, first))| (*count, Reverse(*first)))?;
    Some(format!("{issuer} {best}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issuer_without_its_unit_s_name_takes_the_text_s() {
        let text = "Ủy ban nhân dân thành phố ban hành. Trên địa bàn thành phố Cần Thơ; thành phố Cần Thơ; thành phố Hà Nội.";
        assert_eq!(
            named_unit("Ủy ban nhân dân thành phố", text).as_deref(),
            Some("Ủy ban nhân dân thành phố Cần Thơ")
        );
        assert_eq!(
            named_unit("Ủy ban nhân dân thành phố", "thành phố ban hành"),
            None
        );
    }

    #[test]
    fn a_period_from_the_day_of_issue_starts_that_day() {
        let text = "KẾ HOẠCH\nThử\nI. MỤC ĐÍCH\nThời gian: Từ ngày ban hành Kế hoạch đến hết ngày 30/6/2026.\nNơi nhận:\n- Như trên;\n\nPHỤ LỤC\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/5/2026 của UBND xã)";
        let plan = crate::read(text);
        assert!(plan.period_from_issue);
        assert_eq!(plan.issued, Some(jiff::civil::date(2026, 5, 5)));
        assert_eq!(plan.period.start, plan.issued);
        assert_eq!(plan.period.end, Some(jiff::civil::date(2026, 6, 30)));
    }
}
