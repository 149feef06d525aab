//! `loa serve`: the live preview (see `loa::serve`).

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use loa::build::{Now, Options};
use loa::locale::UiLang;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The address to listen on; only this machine can connect unless you change it.
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// The port; when it is taken, the next free one is used and printed. 0: any free port.
    #[arg(long, default_value_t = 1111)]
    port: u16,
    #[arg(long)]
    drafts: bool,
    #[arg(long, value_parser = super::parse_now)]
    now: Option<Now>,
}

pub fn run(args: Args, lang: UiLang) -> ExitCode {
    let options = loa::serve::ServeOptions {
        build: Options {
            root: args.root,
            base_url: None,
            drafts: args.drafts,
            now: args.now.unwrap_or_else(Now::from_env),
        },
        bind: args.bind,
        port: args.port,
        lang,
    };
    match loa::serve::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("loa: {message}");
            ExitCode::from(super::USAGE_ERROR)
        }
    }
}
