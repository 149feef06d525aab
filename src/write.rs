//! Writing the output safely: everything goes into a temporary folder beside
//! the output, which replaces the output in one step only when the whole
//! build succeeded. A failed or killed build leaves the previous output as it was.

mod marker;

use std::io;
use std::path::{Component, Path, PathBuf};

pub use marker::{previous_output, Previous, MARKER, MARKER_TEXT};

/// Where rendered files go.
pub trait Sink: Sync {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()>;
    fn copy(&self, from: &Path, rel: &str) -> io::Result<()>;
    /// Whether what is written is kept: when not, outputs that cannot hold
    /// a mistake of the site (images, the search index, feeds, calendars,
    /// data files) are not made.
    fn keeps(&self) -> bool {
        true
    }
    /// The file at `rel` in the output this one replaces, if any: share
    /// images, costly to make, are taken from it when they show the same.
    fn previous(&self, _rel: &str) -> Option<Vec<u8>> {
        None
    }
}

/// For `loa check`: renders everything, writes nothing.
pub struct Discard;

impl Sink for Discard {
    fn write(&self, _: &str, _: &[u8]) -> io::Result<()> {
        Ok(())
    }
    fn copy(&self, from: &Path, _: &str) -> io::Result<()> {
        std::fs::metadata(from).map(|_| ())
    }
    fn keeps(&self) -> bool {
        false
    }
}

/// For `loa serve`: the output kept in memory, by site path.
#[derive(Default)]
pub struct Memory {
    pub files: std::sync::Mutex<std::collections::HashMap<String, Vec<u8>>>,
}

impl Memory {
    pub fn into_files(self) -> std::collections::HashMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }

    fn put(&self, rel: &str, bytes: Vec<u8>) -> io::Result<()> {
        let rel = inside_output(rel.trim_start_matches('/'))?;
        self.files
            .lock()
            .map_err(|_| io::Error::other("poisoned"))?
            .insert(rel.to_string(), bytes);
        Ok(())
    }
}

impl Sink for Memory {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        self.put(rel, bytes.to_vec())
    }
    fn copy(&self, from: &Path, rel: &str) -> io::Result<()> {
        self.put(rel, std::fs::read(from)?)
    }
}

/// `rel` when no part of it (`..`, `.`) could lead out of the output.
fn inside_output(rel: &str) -> io::Result<&str> {
    if rel.split('/').any(|p| p == ".." || p == ".") {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "path leaves the output",
        ));
    }
    Ok(rel)
}

/// A temporary output folder; removed on drop unless committed.
pub struct Staging {
    tmp: PathBuf,
    /// The folder replaced: the output, or the target of its link.
    out: PathBuf,
    committed: bool,
    /// Folders made so far, so that each is made once.
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

const TMP_PREFIX: &str = ".loa-tmp-";

/// Why a commit did not end cleanly.
#[derive(Debug)]
pub enum CommitError {
    /// The new output is not in place: the previous one is as it was.
    NotReplaced(io::Error),
    /// The new output is in place, but the previous one, moved to `left`,
    /// could not be removed.
    PreviousLeft { left: PathBuf, error: io::Error },
}

/// `out` as an absolute path with its `.` and `..` resolved: through the
/// folders that exist as the system does (canonically, links followed),
/// then as written. `S/content/../public2` is `S/public2`. Its last part is
/// kept as it is, so that a link there stays a link ([`resolve_output`]).
pub fn normalize_output(out: &Path) -> PathBuf {
    let abs = if out.is_absolute() {
        out.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(out)
    };
    let parts: Vec<Component> = abs.components().collect();
    let mut path = PathBuf::new();
    let mut exists = true;
    for (i, part) in parts.iter().enumerate() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                path.pop();
            }
            Component::Normal(name) => {
                path.push(name);
                if exists && i + 1 < parts.len() {
                    match path.canonicalize() {
                        Ok(real) => path = real,
                        Err(_) => exists = false,
                    }
                }
            }
            Component::Prefix(_) | Component::RootDir => path.push(part.as_os_str()),
        }
    }
    path
}

/// The folder a build replaces: `out`, or the folder its symbolic link
/// leads to (a `public/` linked to the portal's folder), so that the link
/// stays and the new output goes where it points.
pub fn resolve_output(out: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(out) {
        return real;
    }
    // A link to a folder not made yet: where it leads.
    let mut path = out.to_path_buf();
    for _ in 0..40 {
        let Ok(target) = std::fs::read_link(&path) else {
            break;
        };
        path = path.parent().unwrap_or(Path::new(".")).join(target);
    }
    path
}

impl Staging {
    /// A temporary folder beside `out` (beside the folder `out` links to),
    /// holding the record that it is an output of loa.
    pub fn create(out: &Path) -> io::Result<Staging> {
        let out = resolve_output(out);
        let out = out.as_path();
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        remove_stale(parent, &name);
        let tmp = parent.join(format!("{TMP_PREFIX}{name}-{}", std::process::id()));
        if tmp.exists() {
            std::fs::remove_dir_all(&tmp)?;
        }
        std::fs::create_dir(&tmp)?;
        std::fs::write(tmp.join(MARKER), MARKER_TEXT)?;
        Ok(Staging {
            tmp,
            out: out.to_path_buf(),
            committed: false,
            made: Default::default(),
        })
    }

    fn target(&self, rel: &str) -> io::Result<PathBuf> {
        let mut path = self.tmp.clone();
        for part in inside_output(rel)?.split('/').filter(|p| !p.is_empty()) {
            path.push(part);
        }
        if let Some(parent) = path.parent() {
            let made = |m: &std::collections::HashSet<PathBuf>| m.contains(parent);
            if !self.made.lock().map(|m| made(&m)).unwrap_or(false) {
                std::fs::create_dir_all(parent)?;
                if let Ok(mut m) = self.made.lock() {
                    m.insert(parent.to_path_buf());
                }
            }
        }
        Ok(path)
    }

    /// Puts the new output in place of the old one.
    pub fn commit(mut self) -> Result<(), CommitError> {
        if self.out.exists() {
            if !self.out.is_dir() {
                return Err(CommitError::NotReplaced(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!("{} exists and is not a folder", self.out.display()),
                )));
            }
            exchange(&self.tmp, &self.out).map_err(CommitError::NotReplaced)?;
            self.committed = true;
            // `tmp` now holds the previous output.
            remove_tree(&self.tmp).map_err(|error| CommitError::PreviousLeft {
                left: self.tmp.clone(),
                error,
            })?;
        } else {
            std::fs::rename(&self.tmp, &self.out).map_err(CommitError::NotReplaced)?;
            self.committed = true;
        }
        Ok(())
    }
}

impl Sink for Staging {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        std::fs::write(self.target(rel)?, bytes)
    }
    fn copy(&self, from: &Path, rel: &str) -> io::Result<()> {
        std::fs::copy(from, self.target(rel)?).map(|_| ())
    }
    fn previous(&self, rel: &str) -> Option<Vec<u8>> {
        std::fs::read(self.out.join(inside_output(rel).ok()?)).ok()
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Swaps two folders atomically where the system can (Linux `renameat2`),
/// otherwise with two renames.
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{renameat_with, RenameFlags, CWD};
        match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(()),
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(e.into()),
        }
    }
    let old = a.with_extension("old");
    std::fs::rename(b, &old)?;
    std::fs::rename(a, b)?;
    std::fs::rename(&old, a)
}

/// Removes a folder and everything in it, files in parallel: an output of
/// tens of thousands of files takes as long to delete as to write.
fn remove_tree(root: &Path) -> io::Result<()> {
    use rayon::prelude::*;
    let mut files = Vec::new();
    // Folders by depth, so that the deepest are removed first.
    let mut dirs: Vec<Vec<PathBuf>> = Vec::new();
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.map_err(io::Error::other)?;
        if entry.file_type().is_dir() {
            if dirs.len() <= entry.depth() {
                dirs.resize_with(entry.depth() + 1, Vec::new);
            }
            dirs[entry.depth()].push(entry.into_path());
        } else {
            files.push(entry.into_path());
        }
    }
    files.par_iter().try_for_each(std::fs::remove_file)?;
    for level in dirs.iter().rev() {
        level.par_iter().try_for_each(std::fs::remove_dir)?;
    }
    Ok(())
}

/// Temporary folders left by builds that were killed.
fn remove_stale(parent: &Path, name: &str) {
    let prefix = format!("{TMP_PREFIX}{name}-");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let pid = pid.trim_end_matches(".old");
        if pid.parse::<u32>().is_ok() && !process_alive(pid) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

fn process_alive(pid: &str) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid).exists()
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_drop_discards() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("old.html"), "old").unwrap();

        let s = Staging::create(&out).unwrap();
        s.write("a/index.html", b"new").unwrap();
        drop(s);
        assert!(out.join("old.html").exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

        let s = Staging::create(&out).unwrap();
        s.write("a/index.html", b"new").unwrap();
        s.commit().unwrap();
        assert!(!out.join("old.html").exists());
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn refuses_paths_that_leave_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let s = Staging::create(&dir.path().join("public")).unwrap();
        assert!(s.write("../evil", b"x").is_err());
    }
}
