//! `loa build`: the site into its output folder, replaced only when the
//! whole build succeeded.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use loa::build::{self, Mode, Now, Options};
use loa::locale::UiLang;
use loa::messages::UiText;
use loa::write::{self, Previous};

use super::Ending;

#[derive(clap::Args)]
pub struct Args {
    /// The folder that holds `content/` [default: the current folder]
    #[arg(long, default_value = ".", hide_default_value = true)]
    root: PathBuf,
    /// Where to write the site [default: ROOT/public]
    #[arg(long)]
    output: Option<PathBuf>,
    /// Override `base_url` from site.yaml, e.g. https://portal.example.gov.vn/vneid/
    #[arg(long)]
    base_url: Option<String>,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// The build's "now" for upcoming and past events, e.g. 2026-03-01T08:00:00+07:00
    /// [default: SOURCE_DATE_EPOCH, or the start of today]
    #[arg(long, value_parser = super::parse_now)]
    now: Option<Now>,
    /// Replace the output folder even when it is not an output of loa
    /// (everything in it is deleted).
    #[arg(long)]
    force: bool,
}

pub fn run(args: Args, lang: UiLang) -> ExitCode {
    let typed = args.output.unwrap_or_else(|| args.root.join("public"));
    // `S/content/../public2` is `S/public2`: checked and written as such.
    let output = write::normalize_output(&typed);
    if let Err(text) = check_output(&args.root, &output, &typed, args.force) {
        eprintln!("loa: {}", text.text(lang));
        return ExitCode::from(super::USAGE_ERROR);
    }
    let started = Instant::now();
    let options = Options {
        root: args.root,
        base_url: args.base_url,
        drafts: args.drafts,
        now: args.now.unwrap_or_else(Now::from_env),
    };
    let mode = Mode::Build {
        output: output.clone(),
    };
    let outcome = build::run(&options, &mode);
    let diagnostics = outcome.diagnostics.into_sorted();
    super::print_diagnostics(&diagnostics, &options.root, lang, &Ending::NothingWritten);
    if super::count_errors(&diagnostics) > 0 {
        return ExitCode::from(super::CONTENT_ERRORS);
    }
    let built = UiText::Built {
        pages: outcome.pages,
        files: outcome.files,
        output: typed.display().to_string(),
        seconds: started.elapsed().as_secs_f64(),
    };
    println!("{}", built.text(lang));
    if let Some(sitemap) = outcome.sitemap_under_path {
        println!("{}", UiText::SitemapUnderPath { sitemap }.text(lang));
    }
    ExitCode::SUCCESS
}

/// The output folder is replaced as a whole: it must not hold the site
/// itself, and without `--force` it must be empty or an output of loa.
/// `output` is the normalized path, `typed` as the user wrote it.
fn check_output(root: &Path, output: &Path, typed: &Path, force: bool) -> Result<(), UiText> {
    let abs = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        // Resolve what exists, links included; keep the rest as written.
        p.canonicalize().unwrap_or(p)
    };
    let root = abs(root);
    let replaced = abs(&write::resolve_output(output));
    // Where the sources really are: `content/` or `themes/` may be links.
    let sources = [abs(&root.join("content")), abs(&root.join("themes"))];
    let overlaps = |source: &PathBuf| source.starts_with(&replaced) || replaced.starts_with(source);
    if root.starts_with(&replaced) || sources.iter().any(overlaps) {
        return Err(UiText::OutputHoldsSources {
            output: typed.display().to_string(),
            instead: root.join("public").display().to_string(),
        });
    }
    match write::previous_output(output) {
        Previous::NotAFolder => Err(UiText::OutputIsAFile {
            output: typed.display().to_string(),
        }),
        Previous::Foreign if !force => Err(UiText::OutputNotOurs {
            output: typed.display().to_string(),
        }),
        _ => Ok(()),
    }
}
