//! The commands of `loa`, one module each. What they print besides
//! diagnostics is a [`UiText`] of the catalogue, in the user's language.
//! Exit codes: 0 success (warnings allowed), 1 content errors, 2 usage errors.

mod build;
mod check;
mod import;
mod new;
mod serve;
mod vietnamese;

use std::path::Path;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use loa::build::Now;
use loa::diagnostic::{Diagnostic, Severity};
use loa::locale::UiLang;
use loa::messages::UiText;

#[derive(Parser)]
#[command(
    name = "loa",
    version,
    about = "Static-site generator for public campaign information"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new site in DIR (configuration, an example campaign, a guide, slogans).
    New(new::Args),
    /// Build the site into the output folder.
    Build(build::Args),
    /// Build into memory, serve on 127.0.0.1 and rebuild on save; open pages reload.
    Serve(serve::Args),
    /// Validate everything and write nothing.
    Check(check::Args),
    /// Read a plan document (Kế hoạch) and print its structure (json) or an editable page (md).
    Import(import::Args),
}

/// Reads the command line and carries it out, in the user's language.
pub fn run() -> ExitCode {
    let lang = UiLang::from_env();
    parse(lang).run(lang)
}

/// Parses the command line. Help, the version and usage errors are in
/// `lang`; a usage error exits with [`USAGE_ERROR`].
fn parse(lang: UiLang) -> Cli {
    let mut command = Cli::command();
    if lang == UiLang::Vi {
        command = vietnamese::command(command);
    }
    let typed: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let named = typed
        .get(1)
        .and_then(|a| a.to_str())
        .filter(|a| command.find_subcommand(a).is_some())
        .unwrap_or("loa")
        .to_string();
    let failed = |e: clap::Error| -> ! {
        match e.kind() {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => e.exit(),
            _ if lang == UiLang::Vi => {
                eprintln!("{}", vietnamese::error(&e, &named));
                std::process::exit(i32::from(USAGE_ERROR))
            }
            _ => e.exit(),
        }
    };
    let matches = command
        .try_get_matches_from_mut(&typed)
        .unwrap_or_else(|e| failed(e));
    // `loa help [COMMAND]` in Vietnamese: clap's own is turned off there.
    if let Some(("help", help)) = matches.subcommand() {
        let wanted = help.get_one::<String>("command");
        let shown = match wanted {
            Some(name) => command.find_subcommand_mut(name),
            None => Some(&mut command),
        };
        match shown {
            Some(c) => {
                let _ = c.print_help();
                std::process::exit(0)
            }
            None => {
                let name = wanted.map_or("", |w| w.as_str());
                eprintln!("{}", vietnamese::no_command(name));
                std::process::exit(i32::from(USAGE_ERROR))
            }
        }
    }
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| failed(e.with_cmd(&command)))
}

/// Errors in the content: nothing was written.
const CONTENT_ERRORS: u8 = 1;
/// A command line that cannot be carried out.
const USAGE_ERROR: u8 = 2;

impl Cli {
    fn run(self, lang: UiLang) -> ExitCode {
        if matches!(
            self.command,
            Command::Build(_) | Command::Check(_) | Command::Serve(_)
        ) {
            // A site's build is many threads allocating and freeing: with
            // transparent huge pages the kernel zeroes 2 MB for each new one,
            // much of it never used. Without them a 10,000-page rebuild took
            // 2.0 s instead of 2.6 s and peaked at 190 MB instead of 245 MB. A
            // plan import, one thread and a compact heap, is faster with them.
            #[cfg(target_os = "linux")]
            let _ = rustix::thread::disable_transparent_huge_pages(true);
        }
        match self.command {
            Command::New(args) => new::run(&args, lang),
            Command::Build(args) => build::run(args, lang),
            Command::Serve(args) => serve::run(args, lang),
            Command::Check(args) => check::run(&args, lang),
            Command::Import(args) => import::run(&args, lang),
        }
    }
}

/// What follows the diagnostics when there are errors.
enum Ending {
    /// `loa build`: nothing was written.
    NothingWritten,
    /// `loa check`: the count.
    Total,
}

/// Diagnostics on stderr, then, when there are errors, their count.
fn print_diagnostics(diagnostics: &[Diagnostic], root: &Path, lang: UiLang, ending: &Ending) {
    for d in diagnostics {
        eprintln!("{}", d.render(lang, root));
    }
    let errors = count_errors(diagnostics);
    if errors > 0 {
        let text = match ending {
            Ending::NothingWritten => UiText::NothingWritten { errors },
            Ending::Total => UiText::ErrorTotal { errors },
        };
        eprintln!("{}", text.text(lang));
    }
}

fn count_errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

/// `--now`, for `build`, `serve` and `check`.
fn parse_now(text: &str) -> Result<Now, String> {
    Now::parse(text).ok_or_else(|| {
        UiText::NotATime {
            text: text.to_string(),
        }
        .text(UiLang::from_env())
    })
}
