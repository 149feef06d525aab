//! With `LOA_TIMINGS=1`, each phase of a build prints how long it took to
//! stderr: where to look first when a site builds slowly.

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
        "{name:>24}: {:7.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    out
}
