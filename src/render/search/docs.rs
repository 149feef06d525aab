//! What search knows of each page: what a result shows ([`Doc`]) and the
//! words it is found by ([`Text`]), for content pages, wards and points.

use std::collections::HashMap;

use loa_plan::BodyItem;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;

use super::super::context::LangCtx;
use super::super::markdown;
use super::counts::{count, tally, Counts, Tally};
use super::vocabulary::Vocabulary;
use crate::model::places::{point_path, ward_path};
use crate::model::{lang_prefix, Node, NodeKind};

/// Characters of body text shown under a result without a description.
const SNIPPET_CHARS: usize = 160;

/// One page as search results show it.
pub struct Doc {
    /// The page's site path, without the base path.
    pub path: String,
    pub title: String,
    pub section: String,
    pub snippet: String,
    /// The language of the text, when it is not the index's.
    pub lang: String,
}

/// A page's text, by how much a word in it counts.
#[derive(Default)]
pub struct Text {
    pub title: String,
    pub headings: Vec<String>,
    pub body: String,
    /// The text of the heading being read.
    heading: Option<String>,
    /// The terms of a Markdown text's headings and body, counted, and the
    /// start of its body, in place of its `headings` and `body`: a text
    /// kept between builds keeps only those.
    pub counted: Option<(Tally, String)>,
}

impl Text {
    /// Counts the headings and body read so far, keeping only their
    /// tally and the start of the body (see [`Text::counted`]).
    pub fn count_read(&mut self) {
        let tally = tally(&self.headings, &self.body);
        let start = start_of(&self.body);
        self.headings.clear();
        self.body.clear();
        self.counted = Some((tally, start));
    }

    /// Takes in one event of a Markdown body: headings apart, raw HTML left out.
    pub fn read(&mut self, event: &Event) {
        match event {
            Event::Start(Tag::Heading { .. }) => self.heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => self.headings.extend(self.heading.take()),
            Event::Text(s) | Event::Code(s) => {
                let into = self.heading.as_mut().unwrap_or(&mut self.body);
                into.push_str(s);
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock,
            ) => {
                let into = self.heading.as_mut().unwrap_or(&mut self.body);
                into.push(' ');
            }
            _ => {}
        }
    }
}

/// A content page's words, counted, and what its result shows without a
/// description.
pub struct PageWords {
    counts: Counts,
    snippet: String,
}

/// Counts the words of node `node`'s page in `lc`'s language; `text`
/// holds those of its Markdown body, read as the page was rendered.
pub fn page_words(lc: &LangCtx, node: &Node, mut text: Text, vocabulary: &Vocabulary) -> PageWords {
    text.title = lc.title(node).0;
    let version = node.version(lc.lang, lc.site.default_lang());
    if let Some(plan) = version.and_then(|v| v.plan.as_ref()) {
        plan_text(&plan.plan, &mut text);
    }
    let description = version.and_then(|v| v.front.description.clone());
    text.headings.extend(description.clone());
    PageWords {
        snippet: description.unwrap_or_else(|| match &text.counted {
            Some((_, start)) => start.clone(),
            None => start_of(&text.body),
        }),
        counts: count(&text, vocabulary),
    }
}

/// Every page a reader may look for in this language, with the words of
/// its text counted: content pages, then wards, then enrollment points.
/// Their terms are numbered in `vocabulary`.
pub fn searchable(
    lc: &LangCtx,
    vocabulary: &Vocabulary,
    counted: Vec<Option<PageWords>>,
) -> Vec<(Doc, Counts)> {
    let mut out = content(lc, vocabulary, counted);
    out.extend(wards(lc, vocabulary));
    out.extend(points(lc, vocabulary));
    out
}

/// The content pages, in the language's text or the default one's: the
/// words of each counted as it was rendered, or now (`counted` has none).
fn content(
    lc: &LangCtx,
    vocabulary: &Vocabulary,
    mut counted: Vec<Option<PageWords>>,
) -> Vec<(Doc, Counts)> {
    let site = lc.site;
    let lang = lc.lang;
    let sections: HashMap<&str, usize> = site
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.kind == NodeKind::Section)
        .map(|(i, n)| (n.key.as_str(), i))
        .collect();
    counted.resize_with(site.nodes.len(), || None);
    site.nodes
        .par_iter()
        .zip(counted)
        .map(|(node, words)| {
            let words = words.unwrap_or_else(|| {
                let mut text = Text::default();
                if let Some(v) = node.version(lang, site.default_lang()) {
                    markdown_text(&v.body, &mut text);
                }
                page_words(lc, node, text, vocabulary)
            });
            let (title, text_lang) = lc.title(node);
            let section = sections
                .get(node.top_section())
                .filter(|_| node.kind != NodeKind::Home)
                .map(|&s| lc.title(&site.nodes[s]).0)
                .unwrap_or_default();
            let doc = Doc {
                path: node.paths[lang].clone(),
                title,
                section,
                snippet: words.snippet,
                lang: if text_lang == lang {
                    String::new()
                } else {
                    text_lang
                },
            };
            (doc, words.counts)
        })
        .collect()
}

/// The wards, found by their names and their points' names.
fn wards(lc: &LangCtx, vocabulary: &Vocabulary) -> Vec<(Doc, Counts)> {
    let places = &lc.site.places;
    let prefix = lang_prefix(&lc.site.config, lc.lang);
    let points_title = lc.t("points_title");
    let mut out = Vec::new();
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
            count(
                &Text {
                    title: ward.name.clone(),
                    headings: vec![ward.district.clone()],
                    body: names.join(" "),
                    ..Text::default()
                },
                vocabulary,
            ),
        ));
    }
    out
}

/// The enrollment points, found by their names, places, notes and services.
fn points(lc: &LangCtx, vocabulary: &Vocabulary) -> Vec<(Doc, Counts)> {
    let places = &lc.site.places;
    let prefix = lang_prefix(&lc.site.config, lc.lang);
    let points_title = lc.t("points_title");
    places
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
                count(
                    &Text {
                        title: p.name.clone(),
                        headings: vec![place],
                        body,
                        ..Text::default()
                    },
                    vocabulary,
                ),
            )
        })
        .collect()
}

/// The words of a Markdown body, read as its page renders it.
fn markdown_text(markdown: &str, text: &mut Text) {
    for event in Parser::new_ext(markdown, markdown::options()) {
        text.read(&event);
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
    // The words joined by single spaces, as far as the snippet may go: one
    // character past it tells whether it is cut.
    let (mut joined, mut chars) = (String::new(), 0);
    for word in body.split_whitespace() {
        if chars > SNIPPET_CHARS {
            break;
        }
        if !joined.is_empty() {
            joined.push(' ');
            chars += 1;
        }
        joined.push_str(word);
        chars += word.chars().count();
    }
    let body = joined;
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

    #[test]
    fn snippets_are_the_start_of_the_whole_text_joined() {
        let whole = |body: &str| {
            let body = body.split_whitespace().collect::<Vec<_>>().join(" ");
            match body.char_indices().nth(SNIPPET_CHARS) {
                None => body,
                Some((i, _)) => {
                    let cut = body[..i].rfind(' ').unwrap_or(i);
                    format!("{}…", &body[..cut])
                }
            }
        };
        // Around the length cut, with runs of spaces, long words and
        // letters of several bytes.
        let words = [
            "từ",
            "a",
            "  ",
            "đăng\nký",
            "ម្រាមដៃ",
            "x".repeat(SNIPPET_CHARS).leak(),
        ];
        for n in 0..400 {
            let body: String = (0..n)
                .map(|i| words[(i * 7 + n) % words.len()])
                .collect::<Vec<_>>()
                .join(if n % 3 == 0 { " " } else { "   " });
            assert_eq!(start_of(&body), whole(&body), "{body:?}");
        }
    }
}
