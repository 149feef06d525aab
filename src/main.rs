//! The `loa` command line (see DESIGN.md, "Command line").

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use loa::build::{self, Mode, Now, Options};
use loa::diagnostic::{Diagnostic, Location, Severity};
use loa::locale::UiLang;
use loa::messages::Msg;

#[derive(Parser)]
#[command(
    name = "loa",
    version,
    about = "Static-site generator for public campaign information"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new site in DIR (configuration, an example campaign, a guide, slogans).
    New { dir: PathBuf },
    /// Build the site into the output folder.
    Build {
        /// The folder that holds `content/` [default: the current folder]
        #[arg(long, default_value = ".")]
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
        #[arg(long, value_parser = parse_now)]
        now: Option<Now>,
    },
    /// Build into memory, serve on 127.0.0.1 and rebuild on save; open pages reload.
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The address to listen on; only this machine can connect unless you change it.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// The port; when it is taken, the next free one is used and printed. 0: any free port.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        #[arg(long)]
        drafts: bool,
        #[arg(long, value_parser = parse_now)]
        now: Option<Now>,
    },
    /// Validate everything and write nothing.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long)]
        drafts: bool,
        #[arg(long, value_parser = parse_now)]
        now: Option<Now>,
        /// Report, per language, the pages, slogans and interface texts not
        /// translated and the translations older than their original.
        #[arg(long)]
        translations: bool,
    },
    /// Read a plan document (Kế hoạch) and print its structure (json) or an editable page (md).
    Import {
        plan: PathBuf,
        #[arg(long, value_enum, default_value_t = ImportFormat::Json)]
        format: ImportFormat,
        /// Write to this file instead of the standard output.
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ImportFormat {
    Json,
    Md,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Rendering tens of thousands of pages is mostly small allocations;
/// mimalloc does them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if matches!(
        cli.command,
        Command::Build { .. } | Command::Check { .. } | Command::Serve { .. }
    ) {
        // A site's build is many threads allocating and freeing: with
        // transparent huge pages the kernel zeroes 2 MB for each new one,
        // much of it never used. Without them a 10,000-page rebuild took
        // 2.0 s instead of 2.6 s and peaked at 190 MB instead of 245 MB. A
        // plan import, one thread and a compact heap, is faster with them.
        #[cfg(target_os = "linux")]
        let _ = rustix::thread::disable_transparent_huge_pages(true);
    }
    let lang = UiLang::from_env();
    match cli.command {
        Command::New { dir } => new_site(&dir, lang),
        Command::Import {
            plan,
            format,
            output,
        } => import(&plan, format, output.as_deref(), lang),
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            now,
        } => {
            let output = output.unwrap_or_else(|| root.join("public"));
            if let Err(msg) = check_output(&root, &output, lang) {
                eprintln!("loa: {msg}");
                return ExitCode::from(2);
            }
            let started = Instant::now();
            let options = Options {
                root: root.clone(),
                base_url,
                drafts,
                now: now.unwrap_or_else(Now::from_env),
            };
            let outcome = build::run(
                &options,
                &Mode::Build {
                    output: output.clone(),
                },
            );
            let diagnostics = outcome.diagnostics.into_sorted();
            print_text(&diagnostics, &root, lang, true);
            if diagnostics.iter().any(|d| d.severity == Severity::Error) {
                return ExitCode::from(1);
            }
            let secs = started.elapsed().as_secs_f64();
            let out = output.display();
            match lang {
                UiLang::Vi => println!(
                    "Đã dựng {} trang ({} tệp) vào {out} trong {secs:.2} giây",
                    outcome.pages, outcome.files
                ),
                UiLang::En => println!(
                    "Built {} pages ({} files) into {out} in {secs:.2} s",
                    outcome.pages, outcome.files
                ),
            }
            ExitCode::SUCCESS
        }
        Command::Serve {
            root,
            bind,
            port,
            drafts,
            now,
        } => {
            let options = loa::serve::ServeOptions {
                build: Options {
                    root,
                    base_url: None,
                    drafts,
                    now: now.unwrap_or_else(Now::from_env),
                },
                bind,
                port,
                lang,
            };
            match loa::serve::run(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(msg) => {
                    eprintln!("loa: {msg}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Check {
            root,
            format,
            drafts,
            now,
            translations,
        } => {
            let options = Options {
                root: root.clone(),
                base_url: None,
                drafts,
                now: now.unwrap_or_else(Now::from_env),
            };
            let outcome = build::run(&options, &Mode::Check);
            let diagnostics = outcome.diagnostics.into_sorted();
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let warnings = diagnostics.len() - errors;
            match format {
                Format::Text => {
                    print_text(&diagnostics, &root, lang, false);
                    if let (true, Some(report)) = (translations, &outcome.translations) {
                        print!("{}", report.text(lang == UiLang::Vi));
                    }
                    if errors == 0 {
                        match lang {
                            UiLang::Vi => println!(
                                "Không có lỗi: {} trang, {warnings} cảnh báo",
                                outcome.pages
                            ),
                            UiLang::En => {
                                println!("No errors: {} pages, {warnings} warnings", outcome.pages)
                            }
                        }
                    }
                }
                Format::Json => {
                    let mut json = serde_json::json!({
                        "errors": errors,
                        "warnings": warnings,
                        "pages": outcome.pages,
                        "diagnostics": diagnostics.iter().map(|d| d.to_json(lang, &root)).collect::<Vec<_>>(),
                    });
                    if let (true, Some(report)) = (translations, &outcome.translations) {
                        json["translations"] = serde_json::to_value(report).unwrap_or_default();
                    }
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&json).unwrap_or_default()
                    );
                }
            }
            if errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}

/// Diagnostics on stderr, then a count; `build` adds that nothing was written.
fn print_text(diagnostics: &[Diagnostic], root: &Path, lang: UiLang, building: bool) {
    for d in diagnostics {
        eprintln!("{}", d.render(lang, root));
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors == 0 {
        return;
    }
    let summary = match (lang, errors) {
        (UiLang::Vi, n) => format!("{n} lỗi"),
        (UiLang::En, 1) => "1 error".to_string(),
        (UiLang::En, n) => format!("{n} errors"),
    };
    match (lang, building) {
        (UiLang::Vi, true) => eprintln!("{summary}; chưa ghi gì, bản cũ giữ nguyên."),
        (UiLang::En, true) => {
            eprintln!("{summary}; nothing was written, the previous output is unchanged.")
        }
        (_, false) => eprintln!("{summary}."),
    }
}

/// The output folder is replaced as a whole: it must not hold the site itself.
fn check_output(root: &Path, output: &Path, lang: UiLang) -> Result<(), String> {
    let abs = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        // Resolve what exists; keep the rest as written.
        p.canonicalize().unwrap_or(p)
    };
    let root = abs(root);
    let output = abs(output);
    let content = root.join("content");
    let themes = root.join("themes");
    if root.starts_with(&output) || output.starts_with(&content) || output.starts_with(&themes) {
        return Err(match lang {
            UiLang::Vi => format!(
                "thư mục kết quả {} chứa hoặc nằm trong nội dung trang; chọn một thư mục khác, ví dụ {}",
                output.display(),
                root.join("public").display()
            ),
            UiLang::En => format!(
                "the output folder {} holds or is inside the site's sources; choose another, e.g. {}",
                output.display(),
                root.join("public").display()
            ),
        });
    }
    Ok(())
}

fn new_site(dir: &Path, lang: UiLang) -> ExitCode {
    match loa::scaffold::create(dir) {
        Ok(n) => {
            match lang {
                UiLang::Vi => println!(
                    "Đã tạo trang mới ({n} tệp) trong {0}. Tiếp theo: cd {0} && loa build",
                    dir.display()
                ),
                UiLang::En => println!(
                    "Created a new site ({n} files) in {0}. Next: cd {0} && loa build",
                    dir.display()
                ),
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            match lang {
                UiLang::Vi => eprintln!("loa: không tạo được trang trong {}: {e}; chọn một thư mục trống hoặc chưa có", dir.display()),
                UiLang::En => eprintln!("loa: cannot create a site in {}: {e}; choose a folder that is empty or does not exist", dir.display()),
            }
            ExitCode::from(2)
        }
    }
}

fn import(path: &Path, format: ImportFormat, output: Option<&Path>, lang: UiLang) -> ExitCode {
    let fail = |d: Diagnostic| {
        eprintln!("{}", d.render(lang, Path::new("")));
        ExitCode::from(1)
    };
    let text = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => return fail(Diagnostic::error(Location::file(path), Msg::NotUtf8)),
        },
        Err(e) => {
            return fail(Diagnostic::error(
                Location::file(path),
                Msg::ReadFailed {
                    detail: e.to_string(),
                },
            ))
        }
    };
    let plan = loa_plan::read(&text);
    let mut warnings = loa::diagnostic::Diagnostics::new();
    loa::read::plan::table_warnings(&plan, path, &mut warnings);
    for d in &warnings {
        eprintln!("{}", d.render(lang, Path::new("")));
    }
    // Written as it is made: the JSON of a large plan is several times its size.
    let write = |w: &mut dyn Write| -> std::io::Result<()> {
        match format {
            ImportFormat::Json => {
                serde_json::to_writer_pretty(&mut *w, &plan)?;
                w.write_all(b"\n")?;
            }
            ImportFormat::Md => w.write_all(loa::import::page(&plan).as_bytes())?,
        }
        w.flush()
    };
    let (target, written) = match output {
        Some(file) => (
            file,
            std::fs::File::create(file).and_then(|f| write(&mut std::io::BufWriter::new(f))),
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

fn parse_now(text: &str) -> Result<Now, String> {
    Now::parse(text).ok_or_else(|| {
        format!(
            "`{text}` is not a date or time; write it like 2026-03-01 or 2026-03-01T08:00:00+07:00"
        )
    })
}
