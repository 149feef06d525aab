//! Reading files ahead of the build that needs them: the site's pages
//! before they are parsed, and a spare's files before they are written
//! over (each is read first, to be left as it is when it holds the bytes
//! already).
//!
//! A site rebuilt hours after its last build has dropped out of the
//! system's caches, and each of those reads waits for the disk while a
//! core waits for it. Asked for here by many threads at once, which a
//! disk serves about as fast as one, the files are in the caches by the
//! time the build comes to them. Files found in the caches already (a
//! build a minute ago) are not read again.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

/// Files read at once.
const READERS: usize = 16;

/// Files looked at to tell whether all are in the caches.
const SAMPLES: usize = 16;

/// Files being read in the background; stopped when dropped.
pub struct Prefetch {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Prefetch {
    /// Starts reading `files`, in their order, and returns at once;
    /// reads nothing when they are in the caches already.
    pub fn start(files: Vec<PathBuf>) -> Prefetch {
        let stop = Arc::new(AtomicBool::new(false));
        if cached(&files) {
            return Prefetch { stop, thread: None };
        }
        let stopped = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("loa-prefetch".into())
            .spawn(move || {
                read_all(&files, &stopped);
            })
            .ok();
        Prefetch { stop, thread }
    }
}

impl Drop for Prefetch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Reads each of `files` once, on [`READERS`] threads, until `stop`, and
/// tells how many were read. What cannot be read is passed by: the write
/// that follows says why.
fn read_all(files: &[PathBuf], stop: &AtomicBool) -> usize {
    let read = AtomicUsize::new(0);
    on_each(READERS, files, |file| {
        if stop.load(Ordering::Relaxed) {
            return false;
        }
        if std::fs::File::open(file).is_ok_and(read_ahead) {
            read.fetch_add(1, Ordering::Relaxed);
        }
        true
    });
    read.into_inner()
}

/// Calls `f` with each of `items`, on up to `n` threads at once (see
/// [`on_threads`]), until `f` returns `false`: then no more are begun.
pub fn on_each<T: Sync>(n: usize, items: &[T], f: impl Fn(&T) -> bool + Sync) {
    let next = AtomicUsize::new(0);
    on_threads(n.min(items.len()), || {
        while let Some(item) = items.get(next.fetch_add(1, Ordering::Relaxed)) {
            if !f(item) {
                next.store(items.len(), Ordering::Relaxed);
            }
        }
    });
}

/// Runs `work` on `n` threads at once, this one among them, and returns
/// when all are done. Threads the system will not make are done without:
/// `work` must finish what the others leave.
pub fn on_threads(n: usize, work: impl Fn() + Sync) {
    std::thread::scope(|scope| {
        for _ in 1..n {
            if std::thread::Builder::new()
                .spawn_scoped(scope, &work)
                .is_err()
            {
                break;
            }
        }
        work();
    });
}

/// Whether `files` are in the system's caches, told by up to [`SAMPLES`]
/// of them spread over the list: a site is mostly in them or mostly not.
/// Elsewhere than on Linux, never known.
fn cached(files: &[PathBuf]) -> bool {
    let step = (files.len() / SAMPLES).max(1);
    !files.is_empty()
        && files
            .iter()
            .step_by(step)
            .take(SAMPLES)
            .all(|f| in_cache(f))
}

/// Whether the start of `path` is in the caches: a read that must not
/// wait for the disk succeeds.
#[cfg(target_os = "linux")]
fn in_cache(path: &Path) -> bool {
    use rustix::io::{preadv2, ReadWriteFlags};
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut byte = [0u8; 1];
    let mut to = [std::io::IoSliceMut::new(&mut byte)];
    preadv2(&file, &mut to, 0, ReadWriteFlags::NOWAIT).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn in_cache(_: &Path) -> bool {
    false
}

/// Has the system read `file` into its caches: on Linux, asked to do so
/// without waiting (nor copying it out); elsewhere, read through.
fn read_ahead(file: std::fs::File) -> bool {
    #[cfg(target_os = "linux")]
    {
        rustix::fs::fadvise(&file, 0, None, rustix::fs::Advice::WillNeed).is_ok()
    }
    #[cfg(not(target_os = "linux"))]
    {
        std::io::copy(&mut &file, &mut std::io::sink()).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_file_and_stops_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let dir = dir.path();
        let files: Vec<PathBuf> = (0..40)
            .map(|i| {
                let f = dir.join(format!("{i}.html"));
                std::fs::write(&f, "x").unwrap();
                f
            })
            .chain([dir.join("missing.html")])
            .collect();
        let stop = AtomicBool::new(false);
        assert_eq!(read_all(&files, &stop), 40);
        // Stopped, it reads nothing more and returns.
        stop.store(true, Ordering::Relaxed);
        assert_eq!(read_all(&files, &stop), 0);
        drop(Prefetch::start(files.clone()));
        // On one thread, all the work is done too.
        let done = AtomicUsize::new(0);
        on_threads(1, || {
            done.fetch_add(1, Ordering::Relaxed);
        });
        assert_eq!(done.into_inner(), 1);
        // A file that is not there is not in the caches.
        assert!(!cached(&[dir.join("missing.html")]));
        assert!(!cached(&[]));
    }
}
