//! Reading a spare's files ahead of the build that writes over them.
//!
//! Each file written into a spare is first read, to leave it as it is when
//! it holds the bytes already. When the spare has dropped out of the
//! system's caches (a rebuild hours after the last), each of those reads
//! waits for the disk while a core waits for it. Read here by many threads
//! at once, which a disk serves about as fast as one, they are in the
//! caches by the time the build comes to them.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

/// Files read at once.
const READERS: usize = 16;

/// Files being read in the background; stopped when dropped.
pub struct Prefetch {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Prefetch {
    /// Starts reading `files`, in their order, and returns at once.
    pub fn start(files: Vec<PathBuf>) -> Prefetch {
        let stop = Arc::new(AtomicBool::new(false));
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
    let next = AtomicUsize::new(0);
    let read = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..READERS {
            scope.spawn(|| {
                while !stop.load(Ordering::Relaxed) {
                    let Some(file) = files.get(next.fetch_add(1, Ordering::Relaxed)) else {
                        return;
                    };
                    if std::fs::File::open(file).is_ok_and(read_ahead) {
                        read.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    read.into_inner()
}

/// Has the system read `file` into its caches: on Linux, asked to do so
/// without waiting (nor copying it out); elsewhere, read through.
fn read_ahead(mut file: std::fs::File) -> bool {
    #[cfg(target_os = "linux")]
    {
        let _ = &mut file;
        rustix::fs::fadvise(&file, 0, None, rustix::fs::Advice::WillNeed).is_ok()
    }
    #[cfg(not(target_os = "linux"))]
    {
        std::io::copy(&mut file, &mut std::io::sink()).is_ok()
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
        drop(Prefetch::start(files));
    }
}
