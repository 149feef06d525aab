//! What rendering makes and how it is written: an [`Output`] is a file of
//! the output, a [`Job`] makes some, [`write_all`] writes them through a
//! [`Sink`] and counts the pages and files written.

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::messages::Msg;
use crate::write::Sink;

/// A file of the output: its path (`points/index.html`) and its bytes.
pub struct Output {
    pub path: String,
    pub bytes: Vec<u8>,
    /// Counted as a page of the site: HTML at `…/index.html` that is not a
    /// redirect.
    pub page: bool,
}

impl Output {
    pub fn new(path: impl Into<String>, bytes: Vec<u8>) -> Output {
        let path = path.into();
        Output {
            page: path.ends_with("index.html"),
            path,
            bytes,
        }
    }

    /// The page an alias leaves behind, which sends readers on: a file, not a page.
    pub fn redirect(path: String, bytes: Vec<u8>) -> Output {
        Output {
            path,
            bytes,
            page: false,
        }
    }
}

/// A unit of the work done after the content pages: makes some outputs,
/// reporting its problems; the outputs are written as soon as it is done.
pub type Job<'a> = Box<dyn Fn(&mut Diagnostics) -> Vec<Output> + Send + Sync + 'a>;

/// The job that runs `f`.
pub fn job<'a>(f: impl Fn(&mut Diagnostics) -> Vec<Output> + Send + Sync + 'a) -> Job<'a> {
    Box::new(f)
}

/// The job that runs `f`, which makes one output or none.
pub fn one<'a>(f: impl Fn(&mut Diagnostics) -> Option<Output> + Send + Sync + 'a) -> Job<'a> {
    Box::new(move |problems| f(problems).into_iter().collect())
}

/// Pages and files written.
#[derive(Default, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Written {
    pub pages: usize,
    pub files: usize,
}

impl std::ops::AddAssign for Written {
    fn add_assign(&mut self, other: Written) {
        self.pages += other.pages;
        self.files += other.files;
    }
}

/// Writes `bytes` at `path`; whether it was written.
pub fn write(sink: &dyn Sink, path: &str, bytes: &[u8], problems: &mut Diagnostics) -> bool {
    match sink.write(path, bytes) {
        Ok(()) => true,
        Err(e) => {
            problems.push(write_failed(path, &e));
            false
        }
    }
}

/// Writes each output in order.
pub fn write_all(sink: &dyn Sink, outputs: Vec<Output>, problems: &mut Diagnostics) -> Written {
    let mut written = Written::default();
    for output in outputs {
        if write(sink, &output.path, &output.bytes, problems) {
            written.files += 1;
            written.pages += usize::from(output.page);
        }
    }
    written
}

/// Writes outputs that are all at different paths, in parallel, each
/// dropped once written; problems in their order.
pub fn write_apart(sink: &dyn Sink, outputs: Vec<Output>, problems: &mut Diagnostics) -> Written {
    use rayon::prelude::*;
    let results = outputs
        .into_par_iter()
        .map(|o| write_one(sink, &o))
        .collect();
    tally(results, problems)
}

/// Writes `output`: whether it is a page, or why it could not be written.
pub fn write_one(sink: &dyn Sink, output: &Output) -> Result<bool, Diagnostic> {
    sink.write(&output.path, &output.bytes)
        .map(|()| output.page)
        .map_err(|e| write_failed(&output.path, &e))
}

/// What [`write_one`] wrote, counted; what it could not, reported in order.
pub fn tally(results: Vec<Result<bool, Diagnostic>>, problems: &mut Diagnostics) -> Written {
    let mut written = Written::default();
    for result in results {
        match result {
            Ok(page) => {
                written.files += 1;
                written.pages += usize::from(page);
            }
            Err(d) => problems.push(d),
        }
    }
    written
}

/// Runs `job` and writes what it made.
pub fn run(job: &Job, sink: &dyn Sink, problems: &mut Diagnostics) -> Written {
    let outputs = job(problems);
    write_all(sink, outputs, problems)
}

pub fn write_failed(path: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Location::file(path),
        Msg::WriteFailed {
            detail: format!("{path}: {e}"),
        },
    )
}
