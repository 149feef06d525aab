//! Renders the model into files, written through a [`Sink`].
//!
//! A build makes its render context ([`RenderCtx`]) once, then the content
//! pages and the print views of outreach texts (the ids of the pages are
//! what links to their sections are checked against), then the search
//! index beside every other output as a list of jobs run in parallel, each
//! kind of output in its module: share images, special pages, posters,
//! feeds, web app manifests, places, the schedule and calendars; then the
//! static files; last the service worker, whose version is a digest of the
//! pages it saves, as they were written.
//! Problems are reported in the order of that list.

pub mod anchors;
pub mod assets;
pub mod base;
pub mod calendars;
pub mod campaign;
pub mod campaign_summary;
pub mod content;
pub mod context;
pub mod events;
pub mod feeds;
pub mod fragments;
pub mod geojson;
pub mod home;
pub mod ical;
pub mod kept_pages;
pub mod manifest;
pub mod markdown;
pub mod minify;
pub mod offline;
pub mod output;
pub mod outreach;
pub mod places;
pub mod posters;
pub mod sanitize;
pub mod schedule;
pub mod search;
pub mod share;
pub mod special;
pub mod spreadsheet;
pub mod state;
pub mod templates;
pub mod text_cache;
pub mod theme;

use rayon::prelude::*;

use crate::diagnostic::Diagnostics;
use crate::model::NodeLang;
use crate::timings::timed;
use crate::write::Sink;
use output::{Job, Written};
pub use state::{Pages, RenderCtx};

/// What a finished render reports.
pub struct Report {
    pub pages: usize,
    pub files: usize,
    pub problems: Diagnostics,
}

/// Renders every output of the site into `sink`.
pub fn render_all(mut r: RenderCtx, sink: &dyn Sink) -> Report {
    let mut problems = Diagnostics::new();
    let recorder = offline::Recorder::new(sink);
    let sink: &dyn Sink = &recorder;
    timed("event items", || r.make_event_items(&mut problems));
    let r = &r;
    let pages = r.site.node_langs();
    // Each page's words are counted as it is rendered, for the search index.
    let mut counted = sink.keeps().then(|| search::Counted::new(r.site));
    let content = timed("content pages", || {
        content::render(r, &pages, sink, counted.as_mut(), &mut problems)
    });
    let mut written = Written {
        pages: content.written,
        files: content.written,
    };
    // Every page's ids are a large part of the memory: gone before the rest.
    timed("anchors", || content.check_anchors(&mut problems));
    let keeps = sink.keeps();
    // The longest jobs first, so that none is left to end the work alone.
    let jobs: Vec<Job> = [
        share::jobs(r, sink),
        special::jobs(r),
        posters::jobs(r, keeps),
        feeds::jobs(r, keeps),
        manifest::jobs(r),
        places::jobs(r),
        schedule::jobs(r),
        calendars::jobs(r, keeps),
    ]
    .into_iter()
    .flatten()
    .collect();
    // The search index, the longest, beside the jobs, writing its files as
    // each language's are made.
    let (searched, done) = timed("other outputs", || {
        rayon::join(
            || {
                let mut found = Diagnostics::new();
                let written = timed("search index", || {
                    search::write(r, sink, counted, &mut found)
                });
                (written, found)
            },
            || -> Vec<(Written, Diagnostics)> {
                // One job a piece, so that a long one never holds short ones back.
                jobs.par_iter()
                    .with_max_len(1)
                    .map(|job| {
                        let mut found = Diagnostics::new();
                        (output::run(job, sink, &mut found), found)
                    })
                    .collect()
            },
        )
    });
    for (w, found) in std::iter::once(searched).chain(done) {
        written += w;
        problems.extend(found);
    }
    written.files += timed("static files", || assets::copy(r, sink, &mut problems));
    let worker = offline::outputs(r, &recorder);
    written += output::write_all(recorder.inner(), worker, &mut problems);
    Report {
        pages: written.pages,
        files: written.files,
        problems,
    }
}

/// One node's pages in every language and its print view: what an edit of
/// the text of its file changes but the search index ([`render_search`]);
/// lists show only front matter.
pub fn render_node(mut r: RenderCtx, index: usize, sink: &dyn Sink, problems: &mut Diagnostics) {
    // The home and campaign pages list their next events, made as fragments.
    if content::lists_events(&r, index) {
        r.make_event_items(problems);
    }
    let r = &r;
    let languages = &r.site.config.languages;
    let pages: Vec<NodeLang> = languages
        .iter()
        .map(|l| NodeLang {
            node: index,
            lang: l.code.clone(),
        })
        .collect();
    content::render(r, &pages, sink, None, problems);
}

/// The search index of every language, which holds the text of every page:
/// after an edit of one page's text, made once the page itself is shown.
pub fn render_search(r: RenderCtx, sink: &dyn Sink, problems: &mut Diagnostics) {
    search::write(&r, sink, None, problems);
}
