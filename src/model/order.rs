//! The order of what sections list: their pages and subsections, and the
//! steps of their step-by-step journeys.

use super::node::{Node, Version};
use crate::diagnostic::{Diagnostics, Location};
use crate::messages::Msg;

/// Weight, date and title of a node, computed once for sorting lists.
struct SortKey {
    weight: i64,
    date: String,
    title: String,
}

fn sort_key(node: &Node, default: &str) -> SortKey {
    let v = node.versions.get(default);
    SortKey {
        weight: v.and_then(|v| v.front.weight).unwrap_or(i64::MAX),
        date: v
            .and_then(|v| v.front.date.as_ref())
            .map(|d| d.rfc3339())
            .unwrap_or_default(),
        title: v
            .and_then(|v| v.front.title.clone())
            .unwrap_or_else(|| node.key.clone()),
    }
}

/// Weight first (pages without one last), then newest first, then by title
/// in the alphabetical order of the site's language.
fn list_order(a: &SortKey, b: &SortKey, lang: &str) -> std::cmp::Ordering {
    a.weight
        .cmp(&b.weight)
        .then_with(|| b.date.cmp(&a.date))
        .then_with(|| crate::collate::compare(lang, &a.title, &b.title))
}

/// Sorts every section's pages and subsections for display.
pub fn sort_lists(nodes: &mut [Node], default: &str) {
    let order: Vec<SortKey> = nodes.iter().map(|n| sort_key(n, default)).collect();
    let by_order =
        |a: &usize, b: &usize| list_order(&order[*a], &order[*b], default).then(a.cmp(b));
    for node in nodes.iter_mut() {
        node.pages.sort_by(by_order);
        node.subsections.sort_by(by_order);
    }
}

/// The journey of every section.
pub fn journeys(nodes: &mut [Node], default: &str, problems: &mut Diagnostics) {
    for s in 0..nodes.len() {
        let steps = journey(nodes, s, default, problems);
        nodes[s].steps = steps;
    }
}

/// A page of a journey: its number and where it was written.
struct Step<'a> {
    number: i64,
    page: usize,
    version: &'a Version,
    location: &'a Location,
}

/// The pages of a section that have a `step` (in the default language), in
/// order; a number given twice is an error at the second page.
fn journey(
    nodes: &[Node],
    section: usize,
    default: &str,
    problems: &mut Diagnostics,
) -> Vec<usize> {
    let mut steps: Vec<Step> = nodes[section]
        .pages
        .iter()
        .filter_map(|&page| {
            let version = nodes[page].versions.get(default)?;
            let (number, location) = version.front.step.as_ref()?;
            Some(Step {
                number: *number,
                page,
                version,
                location,
            })
        })
        .collect();
    steps.sort_by_key(|s| (s.number, s.page));
    for pair in steps.windows(2) {
        let (first, second) = (&pair[0], &pair[1]);
        if first.number == second.number {
            problems.error(
                second.location.clone(),
                Msg::DuplicateStep {
                    step: first.number,
                    other: first.version.rel.clone(),
                },
            );
        }
    }
    steps.into_iter().map(|s| s.page).collect()
}
