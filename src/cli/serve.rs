//! `loa serve`: the live preview (see `loa::serve`).

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use loa::build::{Now, Options};
use loa::locale::UiLang;
use loa::messages::UiText;

#[derive(clap::Args)]
pub struct Args {
    /// The folder that holds `content/` [default: the current folder]
    #[arg(long, default_value = ".", hide_default_value = true)]
    root: PathBuf,
    /// The address to listen on; only this machine can connect unless you change it.
    #[arg(long, default_value = "127.0.0.1", value_parser = parse_bind)]
    bind: IpAddr,
    /// The port; when it is taken, the next free one is used and printed. 0: any free port.
    #[arg(long, default_value_t = 1111, value_parser = parse_port)]
    port: u16,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// The build's "now" for upcoming and past events, e.g. 2026-03-01T08:00:00+07:00
    /// [default: SOURCE_DATE_EPOCH, or the start of today]
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

fn parse_port(text: &str) -> Result<u16, String> {
    parse_or(text, |text| UiText::NotAPort { text })
}

fn parse_bind(text: &str) -> Result<IpAddr, String> {
    parse_or(text, |text| UiText::NotAnAddress { text })
}

/// `text` read as a `T`, or what to write instead, in the user's language.
fn parse_or<T: std::str::FromStr>(text: &str, wrong: fn(String) -> UiText) -> Result<T, String> {
    text.trim()
        .parse()
        .map_err(|_| wrong(text.to_string()).text(UiLang::from_env()))
}
