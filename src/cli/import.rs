//! `loa import PLAN`: what `loa` reads from a plan document, as JSON or as
//! an editable page.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;

use loa::diagnostic::{Diagnostic, Diagnostics, Location};
use loa::locale::UiLang;
use loa::messages::{Msg, UiText};

#[derive(clap::Args)]
pub struct Args {
    /// The plan document: .docx, .doc, .pdf, .txt or .md
    plan: PathBuf,
    /// What to print.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Write to this file instead of the standard output.
    #[arg(long)]
    output: Option<PathBuf>,
    /// Replace the `--output` file when it exists.
    #[arg(long)]
    force: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// What was read, as JSON.
    Json,
    /// A campaign page to edit, with the plan's summary.
    Md,
    /// The visits of the plan's table of them, as rows of `points/visits.csv`.
    Visits,
    /// The offices whose hours the plan states, as rows of a points file.
    Points,
}

pub fn run(args: &Args, lang: UiLang) -> ExitCode {
    let path = args.plan.as_path();
    if let Some(file) = args.output.as_ref().filter(|f| !args.force && f.exists()) {
        let text = UiText::ImportOutputExists {
            file: file.display().to_string(),
        };
        eprintln!("loa: {}", text.text(lang));
        return ExitCode::from(super::USAGE_ERROR);
    }
    let fail = |d: Diagnostic| {
        eprintln!("{}", d.render(lang, Path::new("")));
        ExitCode::from(super::CONTENT_ERRORS)
    };
    let mut problems = Diagnostics::new();
    let plan = loa::read::plan::read_plan_file(path, &mut problems);
    for d in &problems {
        eprintln!("{}", d.render(lang, Path::new("")));
    }
    let Some((plan, _)) = plan else {
        return ExitCode::from(super::CONTENT_ERRORS);
    };
    if matches!(args.format, Format::Visits) && loa_plan::unread_schedule(&plan) {
        let text = UiText::ImportNoVisits {
            file: path.display().to_string(),
        };
        eprintln!("loa: {}", text.text(lang));
    }
    // Written as it is made: the JSON of a large plan is several times its size.
    let write = |w: &mut dyn Write| -> std::io::Result<()> {
        match args.format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut *w, &plan)?;
                w.write_all(b"\n")?;
            }
            Format::Md => w.write_all(loa::import::page(&plan).as_bytes())?,
            Format::Visits => w.write_all(loa_plan::visits_csv(&plan).as_bytes())?,
            Format::Points => w.write_all(loa::import::points_csv(&plan).as_bytes())?,
        }
        w.flush()
    };
    let (target, written) = match &args.output {
        Some(file) => (
            file.as_path(),
            create(file, args.force).and_then(|f| write(&mut std::io::BufWriter::new(f))),
        ),
        None => (
            Path::new("-"),
            write(&mut std::io::BufWriter::new(std::io::stdout().lock())),
        ),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(Diagnostic::error(
            Location::file(target),
            Msg::WriteFailed {
                detail: e.to_string(),
            },
        )),
    }
}

/// The `--output` file: a new one, or with `--force` any, so that a file
/// made in the meantime is not replaced either.
fn create(file: &Path, force: bool) -> std::io::Result<std::fs::File> {
    if force {
        std::fs::File::create(file)
    } else {
        std::fs::File::create_new(file)
    }
}
