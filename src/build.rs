//! The pipeline shared by `build` and `check`:
//! read → validate → model → render → write.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::messages::Msg;
use crate::model;
use crate::model::translations::Report;
use crate::read::cache::ReadCache;
use crate::read::config;
use crate::read::content;
use crate::read::known::KnownClean;
use crate::read::theme::{self, Theme};
use crate::render::templates::Templates;
use crate::render::text_cache::TextCache;
use crate::render::{Pages, RenderCtx};
use crate::timings::timed;
use crate::write::{self, CommitError, Discard, Staging};

pub struct Options {
    pub root: PathBuf,
    pub base_url: Option<String>,
    pub drafts: bool,
    /// What is upcoming and what is past; also the `DTSTAMP` of calendars.
    pub now: Now,
}

/// The build's "now".
#[derive(Debug, Clone)]
pub enum Now {
    /// The start of today in the site's time zone: builds of one day are identical.
    Today,
    /// `--now 2026-03-01T08:00:00+07:00`, or `SOURCE_DATE_EPOCH`.
    Instant(jiff::Timestamp),
    /// `--now 2026-03-01` or `--now 2026-03-01T08:00`, in the site's time zone.
    Civil(jiff::civil::DateTime),
}

impl Now {
    /// Parses `--now`; `None` when it is not a date.
    pub fn parse(text: &str) -> Option<Now> {
        let text = text.trim();
        if let Ok(ts) = text.parse::<jiff::Timestamp>() {
            return Some(Now::Instant(ts));
        }
        if let Ok(dt) = text.parse::<jiff::civil::DateTime>() {
            return Some(Now::Civil(dt));
        }
        text.parse::<jiff::civil::Date>()
            .ok()
            .map(|d| Now::Civil(d.to_datetime(jiff::civil::Time::midnight())))
    }

    /// `SOURCE_DATE_EPOCH` (seconds), the reproducible-builds convention, or today.
    pub fn from_env() -> Now {
        std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
            .map(Now::Instant)
            .unwrap_or(Now::Today)
    }

    pub fn resolve(&self, tz: &jiff::tz::TimeZone) -> jiff::Zoned {
        let today = || {
            let now = jiff::Zoned::now().with_time_zone(tz.clone());
            now.date().to_zoned(tz.clone()).unwrap_or(now)
        };
        match self {
            Now::Today => today(),
            Now::Instant(ts) => ts.to_zoned(tz.clone()),
            Now::Civil(dt) => dt.to_zoned(tz.clone()).unwrap_or_else(|_| today()),
        }
    }
}

pub enum Mode {
    /// Write into this folder, replacing it only when the build succeeds.
    Build { output: PathBuf },
    /// Validate everything, write nothing.
    Check,
}

pub struct Outcome {
    pub diagnostics: Diagnostics,
    pub pages: usize,
    pub files: usize,
    /// What each language lacks, when the site could be read.
    pub translations: Option<Report>,
    /// The sitemap's address when the site lives under a sub-path of its
    /// host, where crawlers ignore its `robots.txt`: the portal's own
    /// `robots.txt` must name it.
    pub sitemap_under_path: Option<String>,
}

/// A site read, checked and modelled, with its theme: everything but the
/// rendering. `loa serve` keeps it between rebuilds.
pub struct Prepared {
    pub site: model::Site,
    pub theme: Theme,
    pub templates: Templates,
    pub report: Report,
}

impl Prepared {
    /// Renders every output into `sink`, taking pages' texts from `texts`
    /// when kept there.
    pub fn render(
        &self,
        sink: &dyn crate::write::Sink,
        pages: Pages,
        texts: Option<&TextCache>,
    ) -> crate::render::Report {
        let r = RenderCtx::new(&self.site, &self.theme, &self.templates, pages);
        let r = r.with_translations(&self.report).with_texts(texts);
        crate::render::render_all(r, sink)
    }
}

/// Reads, checks and models the site. Returns it when it could be read
/// (even with errors, so that rendering can report more of them).
pub fn prepare(options: &Options, problems: &mut Diagnostics) -> Option<Prepared> {
    prepare_cached(options, (None, None), problems)
}

/// [`prepare`], reading again only the pages, plans and points changed
/// since the build that filled `cache` (`loa serve`), and taking as they
/// are the pages `known` to need nothing.
pub fn prepare_cached(
    options: &Options,
    reading: (Option<&ReadCache>, Option<&KnownClean>),
    problems: &mut Diagnostics,
) -> Option<Prepared> {
    let root = &options.root;
    let config = config::load(root, options.base_url.as_deref(), problems)?;
    let theme = theme::load(root, &config.theme, problems);
    let templates = timed("templates", || Templates::compile(&theme, true, problems));
    let content = timed("read content", || {
        content::read(&root.join("content"), &config, reading, problems)
    });
    let theme_static: Vec<String> = theme.static_files.keys().cloned().collect();
    let input = model::Input {
        now: options.now.resolve(&config.timezone),
        config,
        content,
        drafts: options.drafts,
    };
    let site = timed("model", || model::build(input, &theme_static, problems));
    let templates = templates?;
    let report = translation_report(&site, &theme, root, problems);
    Some(Prepared {
        site,
        theme,
        templates,
        report,
    })
}

/// What each language lacks; interface texts missing are also warnings.
fn translation_report(
    site: &model::Site,
    theme: &Theme,
    root: &Path,
    problems: &mut Diagnostics,
) -> Report {
    let own_strings: BTreeMap<String, Vec<String>> = theme
        .strings
        .iter()
        .map(|(lang, map)| (lang.clone(), map.keys().cloned().collect()))
        .collect();
    let report = model::translations::report(site, &own_strings);
    for l in report
        .languages
        .iter()
        .filter(|l| !l.missing_strings.is_empty())
    {
        let file = format!("i18n/{}.yaml", l.code);
        let path = match theme.string_files.get(&l.code) {
            Some(source) => source.location_path(&file),
            None => root.join("themes").join(&site.config.theme).join(&file),
        };
        problems.warning(
            Location::file(path),
            Msg::MissingStrings {
                lang: l.code.clone(),
                keys: l.missing_strings.clone(),
            },
        );
    }
    report
}

/// What a thread gave, its panic going on in this one.
fn joined<T>(thread: std::thread::ScopedJoinHandle<T>) -> T {
    thread
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// What a build that wrote `pages` and `files` reports.
fn outcome(diagnostics: Diagnostics, pages: usize, files: usize) -> Outcome {
    Outcome {
        diagnostics,
        pages,
        files,
        translations: None,
        sitemap_under_path: None,
    }
}

pub fn run(options: &Options, mode: &Mode) -> Outcome {
    let mut diagnostics = Diagnostics::new();
    // Pages' texts rendered by earlier builds, found while the site is read.
    let texts = |pages| {
        let folder = write::cache_folder()?;
        timed("open text cache", || {
            TextCache::open(&folder, &options.root, pages)
        })
    };
    // Pages known to read as they are, taken as they are.
    let known = write::cache_folder().and_then(|f| KnownClean::load(&f, &options.root));
    let (prepared, staging, kept) = std::thread::scope(|scope| {
        // The staging folder is made (or the spare taken and looked through)
        // while the site is read, beside an output whose folder exists (a
        // build with errors makes no folder): a build with errors drops it.
        let staging = match mode {
            Mode::Build { output } if beside_exists(output) => {
                Some(scope.spawn(|| timed("staging", || staging_for(output))))
            }
            _ => None,
        };
        let kept = scope.spawn(|| {
            texts(match mode {
                Mode::Build { .. } => Pages::Minified,
                _ => Pages::Read,
            })
        });
        let read = || prepare_cached(options, (None, known.as_ref()), &mut diagnostics);
        let prepared = timed("read and model", read);
        (prepared, staging.map(joined), joined(kept))
    });
    if let Some(known) = known {
        known.save();
    }
    let Some(prepared) = prepared else {
        if let Some(kept) = kept {
            kept.discard();
        }
        return outcome(diagnostics, 0, 0);
    };

    // Render even when errors were found, to report every problem at once,
    // but only a clean build is written.
    let write = matches!(mode, Mode::Build { .. }) && !diagnostics.has_errors();
    // A build with errors renders as `check` does: with `check`'s texts.
    let kept = match (mode, write) {
        (Mode::Build { .. }, false) => {
            if let Some(kept) = kept {
                kept.discard();
            }
            texts(Pages::Read)
        }
        _ => kept,
    };
    let done = render(prepared, (mode, write), staging, kept.as_ref(), diagnostics);
    if let Some(kept) = kept {
        timed("close text cache", || kept.finish());
    }
    done
}

/// The staging folder of a build into `output`.
fn staging_for(output: &Path) -> std::io::Result<Staging> {
    Staging::create(output, write::spare_for(output))
}

/// Renders `prepared`, and writes it into `staging` (made if need be) when
/// `write` (a build that found no errors); pages' texts are taken from
/// `kept`.
fn render(
    prepared: Prepared,
    (mode, write): (&Mode, bool),
    staging: Option<std::io::Result<Staging>>,
    kept: Option<&TextCache>,
    mut diagnostics: Diagnostics,
) -> Outcome {
    match mode {
        Mode::Build { output } if write => {
            let mut staging = match staging.unwrap_or_else(|| staging_for(output)) {
                Ok(s) => s,
                Err(e) => {
                    diagnostics.push(write_failed(output, &e));
                    return outcome(diagnostics, 0, 0);
                }
            };
            staging.read_ahead();
            let rendered = prepared.render(&staging, Pages::Minified, kept);
            add_render_problems(rendered.problems, output, &mut diagnostics);
            if diagnostics.has_errors() {
                // Dropping the staging folder leaves the previous output untouched.
                return outcome(diagnostics, 0, 0);
            }
            match timed("swap", || staging.commit()) {
                Ok(()) => {}
                Err(CommitError::NotReplaced(e)) => {
                    diagnostics.push(write_failed(output, &e));
                    return outcome(diagnostics, 0, 0);
                }
                Err(CommitError::PreviousLeft { left, error }) => diagnostics.warning(
                    Location::file(output),
                    Msg::PreviousOutputLeft {
                        left: left.display().to_string(),
                        detail: error.to_string(),
                    },
                ),
            }
            let mut done = outcome(diagnostics, rendered.pages, rendered.files);
            let base = &prepared.site.config.base_url;
            done.sitemap_under_path = (base.path != "/").then(|| base.full("sitemap.xml"));
            done
        }
        _ => {
            let rendered = prepared.render(&Discard, Pages::Read, kept);
            diagnostics.extend(rendered.problems);
            let mut done = outcome(diagnostics, rendered.pages, 0);
            done.translations = Some(prepared.report);
            done
        }
    }
}

/// Whether the folder the output goes in (that of the folder a link
/// there points to) exists.
fn beside_exists(output: &Path) -> bool {
    let output = write::resolve_output(output);
    match output.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.is_dir(),
        _ => true,
    }
}

/// Adds what rendering found; a full disk fails every file after the
/// first, and staff need the first few and a count, not thousands of lines.
fn add_render_problems(found: Diagnostics, output: &Path, problems: &mut Diagnostics) {
    const SHOWN: usize = 3;
    let failed = |d: &Diagnostic| matches!(d.msg, Msg::WriteFailed { .. });
    let more = found
        .iter()
        .filter(|d| failed(d))
        .count()
        .saturating_sub(SHOWN);
    let mut shown = 0;
    problems.extend(found.into_iter().filter(|d| {
        if !failed(d) {
            return true;
        }
        shown += 1;
        shown <= SHOWN
    }));
    if more > 0 {
        problems.error(
            Location::file(output),
            Msg::WriteFailed {
                detail: format!("{more} more files could not be written either"),
            },
        );
    }
}

fn write_failed(output: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Location::file(output),
        Msg::WriteFailed {
            detail: e.to_string(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_is_a_few_lines() {
        let failed = |i: usize| {
            Diagnostic::error(
                Location::file(format!("p{i}/index.html")),
                Msg::WriteFailed {
                    detail: "No space left on device".into(),
                },
            )
        };
        let not_utf8 = Msg::NotUtf8 {
            byte: 0xE9,
            looks_like: None,
            table: false,
        };
        let other = Diagnostic::error(Location::file("a.md"), not_utf8);
        let mut problems: Vec<Diagnostic> = (0..500).map(failed).collect();
        problems.push(other);
        let mut found = Diagnostics::new();
        add_render_problems(problems.into(), Path::new("public"), &mut found);
        let out: Vec<Diagnostic> = found.into_iter().collect();
        assert_eq!(out.len(), 5);
        assert!(
            matches!(&out[4].msg, Msg::WriteFailed { detail } if detail.starts_with("497 more"))
        );
        assert!(out.iter().any(|d| matches!(d.msg, Msg::NotUtf8 { .. })));
    }
}
