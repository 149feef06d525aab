//! The search page and its index, written at build time for each language.
//!
//! The index is split so that the search page stays light and a query loads
//! only what it needs:
//!
//! - `search/t/<shard>.json`: the terms whose first characters hash to the
//!   shard (see [`terms::shard`]), each with its pages and their weights,
//!   `{"kich": [doc, weight, doc, weight, …]}`, each page's number after the
//!   first counted from the one before (`[3, 40, 2, 8]` is pages 3 and 5);
//! - `search/d/<chunk>.json`: what a result shows, [`DOCS_PER_CHUNK`] pages a
//!   file, `[[path, title, section, snippet, lang], …]`.
//!
//! A term's weight in a page ranks titles above headings and descriptions,
//! and those above the body: `10 × title + 4 × heading + body` occurrences,
//! each capped so that repeating a word does not win.

pub mod terms;

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use loa_plan::BodyItem;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;

use super::context::LangCtx;
use super::output::{job, Job, Output};
use super::special::{self, SearchMeta};
use super::state::RenderCtx;
use crate::diagnostic::Diagnostics;
use crate::model::places::{point_path, ward_path};
use crate::model::{lang_prefix, NodeKind};

/// Pages described in one file of `search/d/`.
pub const DOCS_PER_CHUNK: usize = 40;
/// About how many bytes one file of `search/t/` holds.
const SHARD_BYTES: usize = 12_000;
/// Characters of body text shown under a result without a description.
const SNIPPET_CHARS: usize = 160;

/// One page as search results show it.
struct Doc {
    /// The page's site path, without the base path.
    path: String,
    title: String,
    section: String,
    snippet: String,
    /// The language of the text, when it is not the index's.
    lang: String,
}

/// A page's text, by how much a word in it counts.
#[derive(Default)]
struct Text {
    title: String,
    headings: Vec<String>,
    body: String,
}

/// The search page of every language, and with `index`, its index files,
/// in one job: one language after the other, each in parallel, so that
/// only one index is in memory at a time.
pub fn jobs<'r>(r: &'r RenderCtx, index: bool) -> Vec<Job<'r>> {
    vec![job(move |problems| {
        let languages = &r.site.config.languages;
        languages
            .iter()
            .flat_map(|l| language(r, &l.code, index, problems))
            .collect()
    })]
}

fn language(r: &RenderCtx, lang: &str, index: bool, problems: &mut Diagnostics) -> Vec<Output> {
    let site = r.site;
    let lc = r.lang(lang);
    let prefix = lang_prefix(&site.config, lang);
    let dir = format!("{prefix}search/");
    let page = |shards: u32, docs: usize, problems: &mut Diagnostics| {
        let meta = SearchMeta {
            url: lc.url(&dir),
            shards,
            chunk: DOCS_PER_CHUNK,
            docs,
        };
        special::search(r, &lc, &dir, &meta, problems)
    };
    if !index {
        return page(1, 0, problems).into_iter().collect();
    }
    let (docs, counts): (Vec<Doc>, Vec<Counts>) = searchable(&lc).into_iter().unzip();
    let avg_body =
        counts.iter().map(|c| c.body_len).sum::<usize>() as f64 / counts.len().max(1) as f64;
    let weighed: Vec<Vec<(Box<str>, u8)>> =
        counts.into_par_iter().map(|c| weigh(c, avg_body)).collect();
    let postings: usize = weighed.iter().map(Vec::len).sum();
    // About 7 bytes a posting: fewer, larger shards for a small site.
    let shards = (postings * 7 / SHARD_BYTES)
        .max(1)
        .next_power_of_two()
        .min(4096) as u32;
    let mut by_shard: Vec<FxHashMap<&str, Vec<u32>>> = vec![FxHashMap::default(); shards as usize];
    let mut last: FxHashMap<&str, u32> = FxHashMap::default();
    for (doc, list) in weighed.iter().enumerate() {
        let doc = doc as u32;
        for (term, weight) in list {
            let term = &**term;
            let gap = doc - last.insert(term, doc).unwrap_or(0);
            by_shard[terms::shard(term, shards) as usize]
                .entry(term)
                .or_default()
                .extend([gap, u32::from(*weight)]);
        }
    }
    let mut out: Vec<Output> = by_shard
        .into_par_iter()
        .enumerate()
        .map(|(i, map)| {
            // In order, so that builds are byte-identical.
            let sorted: std::collections::BTreeMap<&str, Vec<u32>> = map.into_iter().collect();
            let json = serde_json::to_vec(&sorted).unwrap_or_default();
            Output::new(format!("{dir}t/{i:x}.json"), json)
        })
        .collect();
    out.extend(docs.chunks(DOCS_PER_CHUNK).enumerate().map(|(i, chunk)| {
        // Rows, not objects: the names would be most of each file.
        let rows: Vec<(&str, &str, &str, &str, &str)> = chunk
            .iter()
            .map(|d| (&*d.path, &*d.title, &*d.section, &*d.snippet, &*d.lang))
            .collect();
        let json = serde_json::to_vec(&rows).unwrap_or_default();
        Output::new(format!("{dir}d/{i}.json"), json)
    }));
    out.extend(page(shards, docs.len(), problems));
    out
}

/// Every page a reader may look for in this language, with the words of
/// its text counted: content pages, then wards, then enrollment points.
fn searchable(lc: &LangCtx) -> Vec<(Doc, Counts)> {
    let site = lc.site;
    let lang = lc.lang;
    let default = site.default_lang();
    let sections: HashMap<&str, usize> = site
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.kind == NodeKind::Section)
        .map(|(i, n)| (n.key.as_str(), i))
        .collect();
    let mut out: Vec<(Doc, Counts)> = site
        .nodes
        .par_iter()
        .map(|node| {
            let (title, text_lang) = lc.title(node);
            let section = sections
                .get(node.top_section())
                .filter(|_| node.kind != NodeKind::Home)
                .map(|&s| lc.title(&site.nodes[s]).0)
                .unwrap_or_default();
            let mut text = Text {
                title: title.clone(),
                ..Text::default()
            };
            let version = node.version(lang, default);
            let description = version.and_then(|v| v.front.description.clone());
            if let Some(v) = version {
                markdown_text(&v.body, &mut text);
                if let Some(plan) = &v.plan {
                    plan_text(&plan.plan, &mut text);
                }
            }
            text.headings.extend(description.clone());
            let snippet = description.unwrap_or_else(|| start_of(&text.body));
            let doc = Doc {
                path: node.paths[lang].clone(),
                title,
                section,
                snippet,
                lang: if text_lang == lang {
                    String::new()
                } else {
                    text_lang
                },
            };
            (doc, count(&text))
        })
        .collect();
    let places = &site.places;
    let prefix = lang_prefix(&site.config, lang);
    let points_title = lc.t("points_title");
    for ward in &places.wards {
        let names: Vec<&str> = ward
            .points
            .iter()
            .map(|&p| places.points[p].name.as_str())
            .collect();
        out.push((
            Doc {
                path: format!("{prefix}{}", ward_path(ward)),
                title: ward.name.clone(),
                section: points_title.clone(),
                snippet: ward.district.clone(),
                lang: String::new(),
            },
            count(&Text {
                title: ward.name.clone(),
                headings: vec![ward.district.clone()],
                body: names.join(" "),
            }),
        ));
    }
    let points: Vec<(Doc, Counts)> = places
        .points
        .par_iter()
        .enumerate()
        .map(|(i, p)| {
            let ward = &places.wards[places.ward_of[i]];
            let place = [p.address.as_deref(), Some(&ward.name), Some(&ward.district)]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            // Not the opening hours: their numbers are on every point.
            let body = [p.notes.as_deref(), p.accessibility.as_deref()]
                .into_iter()
                .flatten()
                .chain(p.services.iter().map(|s| {
                    lc.strings
                        .get(&format!("service_{s}"))
                        .map_or(s.as_str(), String::as_str)
                }))
                .collect::<Vec<_>>()
                .join(" ");
            (
                Doc {
                    path: format!("{prefix}{}", point_path(p)),
                    title: p.name.clone(),
                    section: points_title.clone(),
                    snippet: place.clone(),
                    lang: String::new(),
                },
                count(&Text {
                    title: p.name.clone(),
                    headings: vec![place],
                    body,
                }),
            )
        })
        .collect();
    out.extend(points);
    out
}

/// How often each term occurs in a page's title, headings and body, and
/// how many terms the title and the body hold.
struct Counts {
    /// Boxed, without spare capacity: a site's counts are held together.
    terms: Vec<(Box<str>, [u16; 3])>,
    title_len: usize,
    body_len: usize,
}

fn count(text: &Text) -> Counts {
    let mut terms: FxHashMap<String, [u16; 3]> = FxHashMap::default();
    let mut lens = [0usize; 3];
    let mut add = |field: usize, s: &str| {
        terms::terms(s, |t| {
            lens[field] += 1;
            match terms.get_mut(t) {
                Some(c) => c[field] = c[field].saturating_add(1),
                None => {
                    let mut c = [0; 3];
                    c[field] = 1;
                    terms.insert(t.to_string(), c);
                }
            }
        })
    };
    add(0, &text.title);
    for h in &text.headings {
        add(1, h);
    }
    add(2, &text.body);
    Counts {
        terms: terms
            .into_iter()
            .map(|(t, c)| (t.into_boxed_str(), c))
            .collect(),
        title_len: lens[0],
        body_len: lens[2],
    }
}

/// Each term of a page with its weight, so that a word in the title counts
/// most, more so in a short title; then headings and the description; then
/// the body, saturating as in BM25 and lighter in a long body than in a
/// short one (`avg_body` is the site's average body length).
fn weigh(counts: Counts, avg_body: f64) -> Vec<(Box<str>, u8)> {
    const K1: f64 = 1.2;
    const B: f64 = 0.75;
    let title = 16.0 + 24.0 * (4.0 / counts.title_len.max(1) as f64).min(1.0);
    let norm = K1 * (1.0 - B + B * counts.body_len as f64 / avg_body.max(1.0));
    counts
        .terms
        .into_iter()
        .map(|(t, [in_title, in_head, in_body])| {
            let mut w = 0.0;
            if in_title > 0 {
                w += title;
            }
            if in_head > 0 {
                w += 4.0 + 2.0 * f64::from(in_head.min(4));
            }
            let tf = f64::from(in_body);
            w += 8.0 * tf / (tf + norm);
            (t, w.round().clamp(1.0, 255.0) as u8)
        })
        .collect()
}

/// The words of a Markdown body: headings apart from the rest; raw HTML left out.
fn markdown_text(markdown: &str, text: &mut Text) {
    let mut heading: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => text.headings.extend(heading.take()),
            Event::Text(s) | Event::Code(s) => {
                let into = heading.as_mut().unwrap_or(&mut text.body);
                into.push_str(&s);
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock,
            ) => {
                let into = heading.as_mut().unwrap_or(&mut text.body);
                into.push(' ');
            }
            _ => {}
        }
    }
}

/// The words of a campaign's plan document.
fn plan_text(plan: &loa_plan::Plan, text: &mut Text) {
    for item in &plan.body {
        match item {
            BodyItem::Heading { text: h, .. } => text.headings.push(h.clone()),
            BodyItem::Paragraph { text: t, .. } | BodyItem::Bullet { text: t, .. } => {
                text.body.push(' ');
                text.body.push_str(t);
            }
            BodyItem::Table(_) | BodyItem::Closing => {}
        }
    }
}

/// The first words of a text, cut at a space, for a result without description.
fn start_of(body: &str) -> String {
    let body = body.split_whitespace().collect::<Vec<_>>().join(" ");
    match body.char_indices().nth(SNIPPET_CHARS) {
        None => body,
        Some((i, _)) => {
            let cut = body[..i].rfind(' ').unwrap_or(i);
            format!("{}…", &body[..cut])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weights(title: &str, body: &str, avg_body: f64) -> HashMap<String, u8> {
        let text = Text {
            title: title.into(),
            headings: vec!["Tài khoản".into()],
            body: body.into(),
        };
        weigh(count(&text), avg_body)
            .into_iter()
            .map(|(t, w)| (t.into(), w))
            .collect()
    }

    #[test]
    fn titles_weigh_more_than_headings_and_bodies() {
        let w = weights("Kích hoạt", "kích hoạt tài khoản mức 2 mức 2", 7.0);
        // Title (short: 40), plus once in the body.
        assert_eq!(w["kich"], 40 + 3);
        assert_eq!(w["tai"], 6 + 3);
        assert_eq!(w["muc"], 5);
        // A word in a long title counts less than in a short one.
        let long = weights("Kích hoạt và tích hợp giấy tờ vào ứng dụng VNeID", "", 7.0);
        assert!(long["kich"] < w["kich"]);
    }

    #[test]
    fn repeating_a_word_saturates_and_long_bodies_weigh_less() {
        let once = weights("", "otp", 100.0)["otp"];
        let many = weights("", &"otp ".repeat(100), 100.0)["otp"];
        assert!(many > once && many <= 8);
        let short = weights("", &format!("otp {}", "x ".repeat(10)), 100.0)["otp"];
        let long = weights("", &format!("otp {}", "x ".repeat(1000)), 100.0)["otp"];
        assert!(short > long);
    }

    #[test]
    fn markdown_headings_apart_and_html_left_out() {
        let mut text = Text::default();
        markdown_text(
            "# Đăng ký\n\nMang **căn cước**.\n\n<div onclick=x>raw</div>\n",
            &mut text,
        );
        assert_eq!(text.headings, ["Đăng ký"]);
        assert!(text.body.contains("Mang căn cước."));
        assert!(!text.body.contains("raw"));
    }

    #[test]
    fn snippets_cut_at_a_space() {
        let long = "từ ".repeat(100);
        let s = start_of(&long);
        assert!(s.ends_with("từ…"));
        assert!(s.chars().count() <= SNIPPET_CHARS + 1);
        assert_eq!(start_of("ngắn  gọn"), "ngắn gọn");
    }
}
