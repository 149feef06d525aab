//! With `LOA_TIMINGS=1`, each phase of a build prints how long it took, and
//! the peak memory so far, to stderr: where to look first when a site
//! builds slowly.

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("LOA_TIMINGS").is_some_and(|v| v != "0"))
}

/// Runs `f`, printing its duration under `name` when timings are on.
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let start = Instant::now();
    let out = f();
    eprintln!(
        "{name:>24}: {:7.1} ms, peak {:4} MB",
        start.elapsed().as_secs_f64() * 1000.0,
        peak_mb()
    );
    out
}

/// The process's peak resident memory (`VmHWM`), on Linux.
fn peak_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kb| kb / 1024)
}
