//! `loa new DIR`: a new site to start from.

use std::path::PathBuf;
use std::process::ExitCode;

use loa::locale::UiLang;
use loa::messages::UiText;

#[derive(clap::Args)]
pub struct Args {
    /// The folder of the new site.
    dir: PathBuf,
}

pub fn run(args: &Args, lang: UiLang) -> ExitCode {
    let dir = args.dir.display().to_string();
    match loa::scaffold::create(&args.dir) {
        Ok(files) => {
            println!("{}", UiText::SiteCreated { files, dir }.text(lang));
            ExitCode::SUCCESS
        }
        Err(e) => {
            let text = UiText::CannotCreateSite {
                dir,
                error: e.to_string(),
            };
            eprintln!("loa: {}", text.text(lang));
            ExitCode::from(super::USAGE_ERROR)
        }
    }
}
