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

mod counts;
mod docs;
pub mod terms;
mod vocabulary;

use rayon::prelude::*;

use super::context::LangCtx;
use super::output::{self, Output, Written};
use super::special::{self, SearchLang, SearchMeta};
use super::state::RenderCtx;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{lang_prefix, Site};
use crate::write::Sink;
use counts::Counts;
pub use counts::Tally;
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
    let avg_body = counts.iter().map(|c| u64::from(c.body_len)).sum::<u64>() as f64
        / counts.len().max(1) as f64;
    let weights: Vec<Box<[u8]>> = counts.par_iter().map(|c| c.weights(avg_body)).collect();
    let postings: usize = weights.iter().map(|w| w.len()).sum();
    // About 7 bytes a posting: fewer, larger shards for a small site.
    let shards = (postings * 7 / SHARD_BYTES)
        .max(1)
        .next_power_of_two()
        .min(4096) as u32;
    let shards_written = shard_files(&dir, &terms, counts, weights, shards, sink);
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
/// page order first (a counting sort: 5 bytes a posting, each page's
/// counts freed as they are read), then each shard is made and written on
/// its own, in parallel, its terms in order. A term's pages are each
/// counted from the one before it (the first from 0). `counts` holds each
/// page's terms by their number in `terms`, and `page_weights` their weights.
fn shard_files(
    dir: &str,
    terms: &[Box<str>],
    counts: Vec<Counts>,
    page_weights: Vec<Box<[u8]>>,
    shards: u32,
    sink: &dyn Sink,
) -> Vec<Result<bool, Diagnostic>> {
    let mut starts = vec![0usize; terms.len() + 1];
    for t in counts.iter().flat_map(Counts::numbers) {
        starts[t as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut next = starts.clone();
    let mut docs = vec![0u32; starts[terms.len()]];
    let mut weights = vec![0u8; starts[terms.len()]];
    for (doc, (page, page_weights)) in counts.into_iter().zip(page_weights).enumerate() {
        for (t, &weight) in page.numbers().zip(page_weights.iter()) {
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
