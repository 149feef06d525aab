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
//!   file, `[[path, title, section, snippet, lang], …]`;
//! - `search/meta.json`: the index's size, `{"shards", "chunk", "docs"}`,
//!   for the search page of another language, which looks a query up here
//!   when it is typed in this language's script (the page's own size is in
//!   the page).
//!
//! A term's weight in a page ranks titles above headings and descriptions,
//! and those above the body: `10 × title + 4 × heading + body` occurrences,
//! each capped so that repeating a word does not win.

mod docs;
pub mod terms;
mod vocabulary;

use rayon::prelude::*;

use rustc_hash::FxHashMap;

use super::context::LangCtx;
use super::output::{self, Output, Written};
use super::special::{self, SearchLang, SearchMeta};
use super::state::RenderCtx;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{lang_prefix, Site};
use crate::write::Sink;
use docs::Doc;
pub use docs::{PageWords, Text};
use vocabulary::Vocabulary;

/// Pages described in one file of `search/d/`.
pub const DOCS_PER_CHUNK: usize = 40;
/// About how many bytes one file of `search/t/` holds.
const SHARD_BYTES: usize = 12_000;

/// The words of the content pages, counted as each is rendered so that the
/// index does not read their Markdown again: each language's vocabulary,
/// and each page's words by its node.
pub struct Counted {
    langs: Vec<Counting>,
}

struct Counting {
    lang: String,
    vocabulary: Vocabulary,
    pages: Vec<Option<PageWords>>,
}

impl Counted {
    pub fn new(site: &Site) -> Counted {
        let langs = site.config.languages.iter().map(|l| Counting {
            lang: l.code.clone(),
            vocabulary: Vocabulary::new(),
            pages: (0..site.nodes.len()).map(|_| None).collect(),
        });
        Counted {
            langs: langs.collect(),
        }
    }

    /// Counts the words of node `index`'s page in `lc`'s language; `text`
    /// holds those of its Markdown body. Pages are counted in parallel.
    pub fn count(&self, lc: &LangCtx, index: usize, text: Text) -> Option<PageWords> {
        let counting = self.langs.iter().find(|c| c.lang == lc.lang)?;
        let node = &lc.site.nodes[index];
        Some(docs::page_words(lc, node, text, &counting.vocabulary))
    }

    /// Keeps `words`, those of node `index` in `lang`.
    pub fn keep(&mut self, lang: &str, index: usize, words: PageWords) {
        let page = self
            .langs
            .iter_mut()
            .find(|c| c.lang == lang)
            .and_then(|c| c.pages.get_mut(index));
        if let Some(page) = page {
            *page = Some(words);
        }
    }

    /// The vocabulary of `lang` and its pages' words, by node.
    fn take(&mut self, lang: &str) -> Option<(Vocabulary, Vec<Option<PageWords>>)> {
        let at = self.langs.iter().position(|c| c.lang == lang)?;
        let counting = self.langs.swap_remove(at);
        Some((counting.vocabulary, counting.pages))
    }
}

/// Writes the search page of every language, and when `sink` keeps what
/// it is given, its index files: one language after the other, each made
/// and written in parallel, so that only one index is in memory at a time.
/// The words of pages found in `counted` are not read again.
pub fn write(
    r: &RenderCtx,
    sink: &dyn Sink,
    mut counted: Option<Counted>,
    problems: &mut Diagnostics,
) -> Written {
    let mut written = Written::default();
    for l in &r.site.config.languages {
        let counted = counted.as_mut().and_then(|c| c.take(&l.code));
        written += language(r, &l.code, sink, counted, problems);
    }
    written
}

/// Writes the search page of `lang` and, when `sink` keeps it, its index.
fn language(
    r: &RenderCtx,
    lang: &str,
    sink: &dyn Sink,
    counted: Option<(Vocabulary, Vec<Option<PageWords>>)>,
    problems: &mut Diagnostics,
) -> Written {
    let site = r.site;
    let lc = r.lang(lang);
    let prefix = lang_prefix(&site.config, lang);
    let dir = format!("{prefix}search/");
    let langs: std::collections::BTreeMap<String, SearchLang> = site
        .config
        .languages
        .iter()
        .map(|l| {
            let url = lc.url(&format!("{}search/", lang_prefix(&site.config, &l.code)));
            (
                l.code.clone(),
                SearchLang {
                    name: l.name.clone(),
                    url,
                },
            )
        })
        .collect();
    let page = |shards: u32, docs: usize, problems: &mut Diagnostics| {
        let meta = SearchMeta {
            url: lc.url(&dir),
            shards,
            chunk: DOCS_PER_CHUNK,
            docs,
            langs: serde_json::to_string(&langs).unwrap_or_default(),
        };
        special::search(r, &lc, &dir, &meta, problems)
    };
    if !sink.keeps() {
        let outputs = page(1, 0, problems).into_iter().collect();
        return output::write_apart(sink, outputs, problems);
    }
    let (vocabulary, counted) = counted.unwrap_or_else(|| (Vocabulary::new(), Vec::new()));
    let (docs, counts): (Vec<Doc>, Vec<Counts>) = docs::searchable(&lc, &vocabulary, counted)
        .into_iter()
        .unzip();
    let terms = vocabulary.into_terms();
    let avg_body =
        counts.iter().map(|c| c.body_len).sum::<usize>() as f64 / counts.len().max(1) as f64;
    let weighed: Vec<Vec<(u32, u8)>> = counts.into_par_iter().map(|c| weigh(c, avg_body)).collect();
    let postings: usize = weighed.iter().map(Vec::len).sum();
    // About 7 bytes a posting: fewer, larger shards for a small site.
    let shards = (postings * 7 / SHARD_BYTES)
        .max(1)
        .next_power_of_two()
        .min(4096) as u32;
    let shards_written = shard_files(&dir, &terms, weighed, shards, sink);
    let mut written = output::tally(shards_written, problems);
    let mut out: Vec<Output> = docs
        .par_chunks(DOCS_PER_CHUNK)
        .enumerate()
        .map(|(i, chunk)| {
            // Rows, not objects: the names would be most of each file.
            let rows: Vec<(&str, &str, &str, &str, &str)> = chunk
                .iter()
                .map(|d| (&*d.path, &*d.title, &*d.section, &*d.snippet, &*d.lang))
                .collect();
            let json = serde_json::to_vec(&rows).unwrap_or_default();
            Output::new(format!("{dir}d/{i}.json"), json)
        })
        .collect();
    let meta = serde_json::json!({"shards": shards, "chunk": DOCS_PER_CHUNK, "docs": docs.len()});
    out.push(Output::new(
        format!("{dir}meta.json"),
        meta.to_string().into_bytes(),
    ));
    out.extend(page(shards, docs.len(), problems));
    written += output::write_apart(sink, out, problems);
    written
}

/// Writes the files of `search/t/`. Each term's pages are put together in
/// page order first (a counting sort: 5 bytes a posting, `weighed` freed as
/// it is read), then each shard is made and written on its own, in
/// parallel, its terms in order. A term's pages are each counted from the
/// one before it (the first from 0). `weighed` holds each page's terms by
/// their number in `terms`.
fn shard_files(
    dir: &str,
    terms: &[Box<str>],
    weighed: Vec<Vec<(u32, u8)>>,
    shards: u32,
    sink: &dyn Sink,
) -> Vec<Result<bool, Diagnostic>> {
    let mut starts = vec![0usize; terms.len() + 1];
    for &(t, _) in weighed.iter().flatten() {
        starts[t as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut next = starts.clone();
    let mut docs = vec![0u32; starts[terms.len()]];
    let mut weights = vec![0u8; starts[terms.len()]];
    for (doc, list) in weighed.into_iter().enumerate() {
        for (t, weight) in list {
            let at = &mut next[t as usize];
            (docs[*at], weights[*at]) = (doc as u32, weight);
            *at += 1;
        }
    }
    drop(next);
    let shard_of: Vec<u32> = terms.par_iter().map(|t| terms::shard(t, shards)).collect();
    let mut in_shard: Vec<Vec<u32>> = vec![Vec::new(); shards as usize];
    for (t, &s) in shard_of.iter().enumerate() {
        in_shard[s as usize].push(t as u32);
    }
    in_shard
        .into_par_iter()
        .enumerate()
        .map(|(shard, mut ids)| {
            ids.sort_unstable_by(|&a, &b| terms[a as usize].cmp(&terms[b as usize]));
            let lists: Vec<(&str, Pages)> = ids
                .iter()
                .map(|&t| {
                    let range = starts[t as usize]..starts[t as usize + 1];
                    let pages = Pages(&docs[range.clone()], &weights[range]);
                    (&*terms[t as usize], pages)
                })
                .collect();
            let json = serde_json::to_vec(&InOrder(&lists)).unwrap_or_default();
            // Written as made: the shards are never all in memory.
            output::write_one(sink, &Output::new(format!("{dir}t/{shard:x}.json"), json))
        })
        .collect()
}

/// Terms and their pages, written as a JSON object in their order.
struct InOrder<'a>(&'a [(&'a str, Pages<'a>)]);

impl serde::Serialize for InOrder<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(t, pages)| (t, pages)))
    }
}

/// A term's pages and their weights, each page counted from the one before
/// it: `[3, 40, 2, 8]` is pages 3 and 5.
struct Pages<'a>(&'a [u32], &'a [u8]);

impl serde::Serialize for Pages<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.0.len() * 2))?;
        let mut last = 0;
        for (&doc, &weight) in self.0.iter().zip(self.1) {
            seq.serialize_element(&(doc - last))?;
            seq.serialize_element(&weight)?;
            last = doc;
        }
        seq.end()
    }
}

/// How often each term occurs in a page's title, headings and body, and
/// how many terms the title and the body hold. Every page's are kept from
/// its rendering to the index: 8 bytes a term.
struct Counts {
    /// By the term's number in the language's [`Vocabulary`].
    terms: Vec<(u32, Occurs)>,
    title_len: usize,
    body_len: usize,
}

/// How often a term occurs in a page, up to what its weight tells apart.
#[derive(Clone, Copy)]
struct Occurs {
    title: u8,
    headings: u8,
    body: u16,
}

impl Occurs {
    fn new([title, headings, body]: [u16; 3]) -> Occurs {
        let small = |n: u16| u8::try_from(n).unwrap_or(u8::MAX);
        Occurs {
            title: small(title),
            headings: small(headings),
            body,
        }
    }
}

fn count(text: &Text, vocabulary: &Vocabulary) -> Counts {
    // Terms are counted as parts of the folded texts, and only the
    // vocabulary keeps a copy of a term, once.
    let folded: Vec<String> = std::iter::once(&text.title)
        .chain(&text.headings)
        .chain([&text.body])
        .map(|s| terms::fold(s))
        .collect();
    let last = folded.len() - 1;
    let mut terms: FxHashMap<&str, [u16; 3]> = FxHashMap::default();
    let mut lens = [0usize; 3];
    for (i, f) in folded.iter().enumerate() {
        let field = match i {
            0 => 0,
            i if i == last => 2,
            _ => 1,
        };
        terms::folded_terms(f, |t| {
            lens[field] += 1;
            let c = terms.entry(t).or_default();
            c[field] = c[field].saturating_add(1);
        });
    }
    Counts {
        terms: terms
            .into_iter()
            .map(|(t, c)| (vocabulary.number(t), Occurs::new(c)))
            .collect(),
        title_len: lens[0],
        body_len: lens[2],
    }
}

/// Each term of a page with its weight, so that a word in the title counts
/// most, more so in a short title; then headings and the description; then
/// the body, saturating as in BM25 and lighter in a long body than in a
/// short one (`avg_body` is the site's average body length).
fn weigh(counts: Counts, avg_body: f64) -> Vec<(u32, u8)> {
    const K1: f64 = 1.2;
    const B: f64 = 0.75;
    let title = 16.0 + 24.0 * (4.0 / counts.title_len.max(1) as f64).min(1.0);
    let norm = K1 * (1.0 - B + B * counts.body_len as f64 / avg_body.max(1.0));
    counts
        .terms
        .into_iter()
        .map(|(t, occurs)| {
            let mut w = 0.0;
            if occurs.title > 0 {
                w += title;
            }
            if occurs.headings > 0 {
                w += 4.0 + 2.0 * f64::from(occurs.headings.min(4));
            }
            let tf = f64::from(occurs.body);
            w += 8.0 * tf / (tf + norm);
            (t, w.round().clamp(1.0, 255.0) as u8)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn weights(title: &str, body: &str, avg_body: f64) -> HashMap<String, u8> {
        let mut text = Text::default();
        text.title = title.into();
        text.headings = vec!["Tài khoản".into()];
        text.body = body.into();
        let vocabulary = Vocabulary::new();
        let weighed = weigh(count(&text, &vocabulary), avg_body);
        let terms = vocabulary.into_terms();
        weighed
            .into_iter()
            .map(|(t, w)| (terms[t as usize].to_string(), w))
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
}
