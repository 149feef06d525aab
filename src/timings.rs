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
    let cpu = cpu_ms();
    let out = f();
    let wall = start.elapsed().as_secs_f64() * 1000.0;
    eprintln!(
        "{name:>24}: {wall:7.1} ms, cpu {:7.0} ms, peak {:4} MB",
        cpu_ms() - cpu,
        peak_mb()
    );
    out
}

/// Prints `what` under `name` when timings are on.
pub fn note(name: &str, what: &str) {
    if enabled() {
        eprintln!("{name:>24}: {what}");
    }
}

/// User and system time of all the process's threads so far, in ms (to the
/// kernel's tick, 10 ms): set beside the wall time, how well a phase uses
/// the cores.
fn cpu_ms() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // The fields after the command name, which may hold spaces.
            let fields: Vec<&str> = s.rsplit_once(')')?.1.split_whitespace().collect();
            let ticks =
                fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
            Some(ticks * 10.0)
        })
        .unwrap_or(0.0)
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
