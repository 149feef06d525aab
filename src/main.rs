//! The `loa` command line (see docs/design.md, "Command line"): one module
//! of `cli` per command.

mod cli;

use std::process::ExitCode;

/// Rendering tens of thousands of pages is mostly small allocations;
/// mimalloc does them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run()
}
