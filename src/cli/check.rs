//! `loa check`: validate everything, write nothing; with `--translations`,
//! what each language lacks.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use loa::build::{self, Mode, Now, Options};
use loa::diagnostic::Diagnostic;
use loa::locale::UiLang;
use loa::messages::UiText;
use loa::model::translations::Report;

use super::Ending;

#[derive(clap::Args)]
pub struct Args {
    /// The folder that holds `content/` [default: the current folder]
    #[arg(long, default_value = ".", hide_default_value = true)]
    root: PathBuf,
    /// How to print the result: text to read, json for other programs.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// The build's "now" for upcoming and past events, e.g. 2026-03-01T08:00:00+07:00
    /// [default: SOURCE_DATE_EPOCH, or the start of today]
    #[arg(long, value_parser = super::parse_now)]
    now: Option<Now>,
    /// Report, per language, the pages, slogans and interface texts not
    /// translated and the translations older than their original.
    #[arg(long)]
    translations: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

pub fn run(args: &Args, lang: UiLang) -> ExitCode {
    let options = Options {
        root: args.root.clone(),
        base_url: None,
        drafts: args.drafts,
        now: args.now.clone().unwrap_or_else(Now::from_env),
    };
    let outcome = build::run(&options, &Mode::Check);
    let diagnostics = outcome.diagnostics.into_sorted();
    let errors = super::count_errors(&diagnostics);
    let report = outcome.translations.as_ref().filter(|_| args.translations);
    match args.format {
        Format::Text => {
            super::print_diagnostics(&diagnostics, &args.root, lang, &Ending::Total);
            if let Some(report) = report {
                print!("{}", translations_text(report, lang));
            }
            if errors == 0 {
                let warnings = diagnostics.len() - errors;
                let text = UiText::NoErrors {
                    pages: outcome.pages,
                    warnings,
                };
                println!("{}", text.text(lang));
            }
        }
        Format::Json => print_json(args, &diagnostics, outcome.pages, report, lang),
    }
    if errors > 0 {
        ExitCode::from(super::CONTENT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}

/// The same as the text, for editors and the preview's overlay.
fn print_json(
    args: &Args,
    diagnostics: &[Diagnostic],
    pages: usize,
    report: Option<&Report>,
    lang: UiLang,
) {
    let errors = super::count_errors(diagnostics);
    let mut json = serde_json::json!({
        "errors": errors,
        "warnings": diagnostics.len() - errors,
        "pages": pages,
        "diagnostics": diagnostics.iter().map(|d| d.to_json(lang, &args.root)).collect::<Vec<_>>(),
    });
    if let Some(report) = report {
        json["translations"] = serde_json::to_value(report).unwrap_or_default();
    }
    println!(
        "{}",
        serde_json::to_string_pretty(&json).unwrap_or_default()
    );
}

/// The translation report for the terminal: per language, how many pages
/// are translated, then each list with its count.
fn translations_text(report: &Report, lang: UiLang) -> String {
    let mut out = String::new();
    for l in &report.languages {
        let heading = |text: UiText, count: usize| format!("  {}: {count}\n", text.text(lang));
        let _ = writeln!(
            out,
            "{} ({}): {}/{}",
            l.name, l.code, l.translated_pages, l.total_pages
        );
        out.push_str(&heading(UiText::PagesNotTranslated, l.missing_pages.len()));
        for p in &l.missing_pages {
            let _ = writeln!(out, "    {} ({})", p.file, p.url);
        }
        out.push_str(&heading(UiText::TranslationsOutdated, l.outdated.len()));
        for o in &l.outdated {
            let t = o.translation_date.as_deref().unwrap_or("?");
            let _ = writeln!(
                out,
                "    {} ({t}) < {} ({})",
                o.file, o.original, o.original_date
            );
        }
        out.push_str(&heading(
            UiText::SlogansNotTranslated,
            l.missing_slogans.len(),
        ));
        for s in &l.missing_slogans {
            let _ = writeln!(out, "    {s}");
        }
        out.push_str(&heading(
            UiText::StringsNotTranslated,
            l.missing_strings.len(),
        ));
        if !l.missing_strings.is_empty() {
            let _ = writeln!(out, "    {}", l.missing_strings.join(", "));
        }
    }
    out
}
