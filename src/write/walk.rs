//! What a spare holds, found by reading many of its folders at once; an
//! old output removed the same way.
//!
//! Reading a folder that has dropped out of the system's caches waits for
//! the disk, and a disk serves many reads at once about as fast as one: a
//! spare of 12,000 folders, read one folder at a time, takes 2 s on a cold
//! disk, and 0.5 s read [`WALKERS`] at a time.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, MutexGuard};

use rustc_hash::FxHashSet;

/// What a spare held when it was taken, found in one walk: writing needs
/// not make its folders nor look for files that are not there, and the
/// commit needs no second walk to remove what was not written.
pub struct Held {
    pub folders: Vec<PathBuf>,
    pub files: FxHashSet<PathBuf>,
}

/// Folders read at once.
const WALKERS: usize = 16;

/// Folders found and not read yet, and how many are being read.
struct Queue {
    folders: Vec<PathBuf>,
    reading: usize,
}

/// What the folders read so far hold.
#[derive(Default)]
struct Found {
    folders: Vec<PathBuf>,
    files: Vec<PathBuf>,
    others: Vec<PathBuf>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The folders (`root` among them) and plain files under `root`, and its
/// other entries (links, sockets), read on [`WALKERS`] threads that wait
/// (rather than spin) for folders to read. What cannot be read is passed
/// by, as it goes at the commit anyway.
pub fn walk(root: &Path) -> (Held, Vec<PathBuf>) {
    let queue = Mutex::new(Queue {
        folders: vec![root.to_path_buf()],
        reading: 0,
    });
    let more = Condvar::new();
    let all = Mutex::new(Found::default());
    let walker = || {
        let mut found = Found::default();
        while let Some(folder) = next(&queue, &more) {
            let inside = read(&folder, &mut found);
            found.folders.push(folder);
            let mut q = lock(&queue);
            q.reading -= 1;
            let (new, done) = (inside.len(), inside.is_empty() && q.reading == 0);
            q.folders.extend(inside);
            drop(q);
            if done || new > 1 {
                more.notify_all();
            } else if new == 1 {
                more.notify_one();
            }
        }
        let mut all = lock(&all);
        all.folders.append(&mut found.folders);
        all.files.append(&mut found.files);
        all.others.append(&mut found.others);
    };
    crate::read::ahead::on_threads(WALKERS, walker);
    let all = all.into_inner().unwrap_or_else(|e| e.into_inner());
    let held = Held {
        folders: all.folders,
        files: all.files.into_iter().collect(),
    };
    (held, all.others)
}

/// Calls `f` with each of `paths`, [`WALKERS`] at once; the first error,
/// after which no more are begun.
pub fn each(paths: &[PathBuf], f: impl Fn(&Path) -> io::Result<()> + Sync) -> io::Result<()> {
    let failed = Mutex::new(None);
    crate::read::ahead::on_each(WALKERS, paths, |path| match f(path) {
        Ok(()) => true,
        Err(e) => {
            lock(&failed).get_or_insert(e);
            false
        }
    });
    match failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The next folder to read, waiting while others are read that may hold
/// more; `None` when all are read.
fn next(queue: &Mutex<Queue>, more: &Condvar) -> Option<PathBuf> {
    let mut q = lock(queue);
    loop {
        if let Some(folder) = q.folders.pop() {
            q.reading += 1;
            return Some(folder);
        }
        if q.reading == 0 {
            return None;
        }
        q = more.wait(q).unwrap_or_else(|e| e.into_inner());
    }
}

/// Adds the files and other entries of `folder` to `found`, and returns
/// the folders in it.
fn read(folder: &Path, found: &mut Found) -> Vec<PathBuf> {
    let mut inside = Vec::new();
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => inside.push(path),
            Ok(kind) if kind.is_file() => found.files.push(path),
            Ok(_) => found.others.push(path),
            Err(_) => {}
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_walk_finds_every_folder_and_file_and_tells_links_apart() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let mut expected = Vec::new();
        for i in 0..30 {
            let folder = root.join(format!("s{}/p{i}", i % 3));
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join("index.html"), "x").unwrap();
            expected.push(folder.join("index.html"));
        }
        std::fs::write(root.join("404.html"), "x").unwrap();
        expected.push(root.join("404.html"));
        std::os::unix::fs::symlink("/", root.join("s1/link")).unwrap();

        let (held, others) = walk(root);
        assert_eq!(held.files, expected.into_iter().collect::<FxHashSet<_>>());
        assert_eq!(others, [root.join("s1/link")]);
        let mut folders = held.folders;
        folders.sort();
        assert_eq!(folders.len(), 1 + 3 + 30);
        assert_eq!(folders[0], root);
    }
}
