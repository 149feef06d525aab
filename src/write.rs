//! Writing the output safely: everything goes into a temporary folder beside
//! the output, which replaces the output in one step only when the whole
//! build succeeded. A failed or killed build leaves the previous output as it was.

mod marker;
mod walk;

use walk::{walk, Held};

use rustc_hash::{FxHashMap, FxHashSet};
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

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
    /// Keeps at `rel` the file an earlier build wrote there, instead of
    /// writing it again, if it holds `len` bytes that `same` accepts:
    /// whether it did. Only a build writing over an earlier output can.
    fn keep(&self, _rel: &str, _len: u64, _same: &dyn Fn(&[u8]) -> bool) -> bool {
        false
    }
    /// The bytes this build wrote at `rel`, read again, if it keeps them
    /// where they can be: the offline worker's version is a digest of the
    /// few pages it saves, made once they are known.
    fn written(&self, _rel: &str) -> Option<Vec<u8>> {
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

/// Files by site path.
pub type Files = std::collections::HashMap<String, Vec<u8>>;

/// For `loa serve`: the output kept in memory, by site path.
#[derive(Default)]
pub struct Memory<'p> {
    pub files: Mutex<Files>,
    /// The output of the build before, served meanwhile: what this one
    /// makes alike is taken from it (see [`Sink::keep`], [`Sink::previous`]).
    previous: Option<&'p std::sync::RwLock<Files>>,
}

impl<'p> Memory<'p> {
    /// A memory sink that takes what it can from `previous`.
    pub fn over(previous: &'p std::sync::RwLock<Files>) -> Self {
        Memory {
            files: Mutex::default(),
            previous: Some(previous),
        }
    }

    /// `f` of the previous output, when there is one.
    fn with_previous<R>(&self, f: impl FnOnce(&Files) -> Option<R>) -> Option<R> {
        let previous = self.previous?;
        let files = previous.read().unwrap_or_else(|e| e.into_inner());
        f(&files)
    }

    pub fn into_files(self) -> Files {
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

impl Sink for Memory<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        self.put(rel, bytes.to_vec())
    }
    fn copy(&self, from: &Path, rel: &str) -> io::Result<()> {
        self.put(rel, std::fs::read(from)?)
    }
    fn keep(&self, rel: &str, len: u64, same: &dyn Fn(&[u8]) -> bool) -> bool {
        let kept = self.with_previous(|files| {
            let bytes = files.get(rel.trim_start_matches('/'))?;
            (bytes.len() as u64 == len && same(bytes)).then(|| bytes.clone())
        });
        kept.is_some_and(|bytes| self.put(rel, bytes).is_ok())
    }
    fn previous(&self, rel: &str) -> Option<Vec<u8>> {
        self.with_previous(|files| files.get(rel.trim_start_matches('/')).cloned())
    }
    fn written(&self, rel: &str) -> Option<Vec<u8>> {
        let files = self.files.lock().ok()?;
        files.get(rel.trim_start_matches('/')).cloned()
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
    /// The folders there, made or found in the spare, so that each is made
    /// once; and whether a file was written in each.
    folders: Mutex<FxHashMap<PathBuf, bool>>,
    /// Where the replaced output is kept for the next build, if anywhere.
    spare: Option<PathBuf>,
    /// When `tmp` began as the spare, its files not written yet: those
    /// left at the end are an older build's and go at the commit.
    unwritten: Option<Mutex<FxHashSet<PathBuf>>>,
    /// The spare's files being read ahead of the writes
    /// ([`Staging::read_ahead`]).
    prefetch: Option<crate::read::ahead::Prefetch>,
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
    /// holding the record that it is an output of loa. With a `spare`, the
    /// output an earlier build replaced and kept there becomes that folder
    /// and is written over: on a disk, making and deleting tens of
    /// thousands of files costs more than writing into files that exist.
    pub fn create(out: &Path, spare: Option<PathBuf>) -> io::Result<Staging> {
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
        let held = spare.as_deref().and_then(|s| take_spare(s, &tmp));
        if held.is_none() {
            std::fs::create_dir(&tmp)?;
        }
        std::fs::write(tmp.join(MARKER), MARKER_TEXT)?;
        let (folders, unwritten) = match held {
            Some(Held { folders, mut files }) => {
                files.remove(&tmp.join(MARKER));
                let folders = folders.into_iter().map(|f| (f, false)).collect();
                (folders, Some(Mutex::new(files)))
            }
            None => (FxHashMap::default(), None),
        };
        Ok(Staging {
            tmp,
            out: out.to_path_buf(),
            committed: false,
            folders: Mutex::new(folders),
            spare,
            unwritten,
            prefetch: None,
        })
    }

    /// Starts reading the spare's files ahead of the writes, in the
    /// background: called when the writes are about to begin (its files
    /// not written yet are then all of them), so that reading the site does
    /// not share the cores with it. They are read in the order of their
    /// paths' bytes: the order of their parts costs four times as much.
    pub fn read_ahead(&mut self) {
        let Some(unwritten) = &self.unwritten else {
            return;
        };
        let mut files: Vec<PathBuf> = unwritten
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .cloned()
            .collect();
        files.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
        self.prefetch = Some(crate::read::ahead::Prefetch::start(files));
    }

    fn lock_folders(&self) -> std::sync::MutexGuard<'_, FxHashMap<PathBuf, bool>> {
        self.folders.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Where `rel` goes, in a folder that exists; and whether a folder of
    /// the spare stands there.
    fn target(&self, rel: &str) -> io::Result<(PathBuf, bool)> {
        let mut path = self.tmp.clone();
        for part in inside_output(rel)?.split('/').filter(|p| !p.is_empty()) {
            path.push(part);
        }
        let Some(parent) = path.parent() else {
            return Ok((path, false));
        };
        let (there, folder_here) = {
            let mut folders = self.lock_folders();
            let there = folders.get_mut(parent).map(|used| *used = true).is_some();
            (there, folders.contains_key(&path))
        };
        if !there {
            if std::fs::create_dir_all(parent).is_err() && self.unwritten.is_some() {
                // A file of the spare where a folder goes now. One thread
                // at a time: another may have removed that file and made
                // the folder since this one looked, and removing the
                // folder as a file would fail.
                let _one_at_a_time = self.lock_folders();
                self.clear_files_on(parent)?;
                std::fs::create_dir_all(parent)?;
            }
            self.lock_folders().insert(parent.to_path_buf(), true);
        }
        Ok((path, folder_here))
    }

    /// Removes the files of the spare on the way to `folder` that stand
    /// where a folder goes.
    fn clear_files_on(&self, folder: &Path) -> io::Result<()> {
        let Ok(rest) = folder.strip_prefix(&self.tmp) else {
            return Ok(());
        };
        let mut path = self.tmp.clone();
        for part in rest.components() {
            path.push(part);
            if std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_dir()) {
                std::fs::remove_file(&path)?;
                if let Some(unwritten) = &self.unwritten {
                    unwritten
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .remove(&path);
                }
            }
        }
        Ok(())
    }

    /// Writes `bytes` at `path`. In a reused spare, a file that already
    /// holds them is left as it is, a folder where the file goes now is
    /// removed first, and so is a file with other names (a hard link made
    /// by a deployment or a backup), which writing into would change there.
    fn put(&self, (path, folder_here): (PathBuf, bool), bytes: &[u8]) -> io::Result<()> {
        let Some(unwritten) = &self.unwritten else {
            return std::fs::write(path, bytes);
        };
        let held = unwritten
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&path);
        if folder_here && std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
            std::fs::remove_dir_all(&path)?;
            self.lock_folders()
                .retain(|folder, _| !folder.starts_with(&path));
        } else if held {
            // Opened once: compared, and written over when it differs.
            // One that cannot be (read-only, copied so) is made anew.
            let open = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(&path);
            match open.and_then(|file| Ok((file.metadata()?, file))) {
                Ok((meta, mut file)) if !linked_elsewhere(&meta) => {
                    return write_over(&mut file, meta.len(), bytes);
                }
                Ok(_) => std::fs::remove_file(&path)?,
                Err(_) => remove_read_only(&path)?,
            }
        }
        std::fs::write(path, bytes)
    }

    /// Puts the new output in place of the old one, which becomes the
    /// spare, or is removed.
    pub fn commit(mut self) -> Result<(), CommitError> {
        self.prefetch = None;
        if let Some(unwritten) = self.unwritten.take() {
            let files = unwritten.into_inner().unwrap_or_else(|e| e.into_inner());
            let folders = std::mem::take(&mut *self.lock_folders());
            remove_unwritten(&self.tmp, files, folders).map_err(CommitError::NotReplaced)?;
        }
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
            let kept = self
                .spare
                .as_deref()
                .is_some_and(|spare| keep_spare(&self.tmp, spare));
            if !kept {
                remove_tree(&self.tmp).map_err(|error| CommitError::PreviousLeft {
                    left: self.tmp.clone(),
                    error,
                })?;
            }
        } else {
            std::fs::rename(&self.tmp, &self.out).map_err(CommitError::NotReplaced)?;
            self.committed = true;
        }
        Ok(())
    }
}

/// Writes `bytes` into `file`, of `len` bytes, unless it holds them already.
fn write_over(file: &mut std::fs::File, len: u64, bytes: &[u8]) -> io::Result<()> {
    use std::io::{Read, Seek, Write};
    if len == bytes.len() as u64 {
        // Read into room not zeroed first: most files are compared.
        let mut old = Vec::with_capacity(bytes.len());
        if Read::take(&mut *file, len).read_to_end(&mut old).is_ok() && old == bytes {
            return Ok(());
        }
        file.rewind()?;
    }
    file.set_len(0)?;
    file.write_all(bytes)
}

/// Removes a file that may be read-only (Windows deletes none of those).
fn remove_read_only(path: &Path) -> io::Result<()> {
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        let mut permissions = meta.permissions();
        if permissions.readonly() {
            #[allow(clippy::permissions_set_readonly_false)] // removed right after
            permissions.set_readonly(false);
            std::fs::set_permissions(path, permissions)?;
        }
    }
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Whether the file has other names than this one.
fn linked_elsewhere(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.nlink() > 1
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        true
    }
}

/// Moves the replaced output at `tmp` to `spare`, marked as the last used.
fn keep_spare(tmp: &Path, spare: &Path) -> bool {
    if std::fs::rename(tmp, spare).is_err() {
        return false;
    }
    if let Ok(folder) = std::fs::File::open(spare) {
        let _ = folder.set_modified(std::time::SystemTime::now());
    }
    if let Some(spares) = spare.parent() {
        prune_spares(spares);
    }
    true
}

/// Moves the spare at `spare` to `tmp`, if it is an output of loa, and
/// tells what it holds; links and other files that are not plain files or
/// folders are removed, so that nothing written into it can land elsewhere.
fn take_spare(spare: &Path, tmp: &Path) -> Option<Held> {
    let ours =
        std::fs::symlink_metadata(spare).is_ok_and(|m| m.is_dir()) && spare.join(MARKER).is_file();
    if !ours || std::fs::rename(spare, tmp).is_err() {
        return None;
    }
    let (held, others) = walk(tmp);
    for other in others {
        if std::fs::remove_file(&other).is_err() {
            let _ = std::fs::remove_dir_all(tmp);
            return None;
        }
    }
    Some(held)
}

/// Removes what an older build left in a reused spare: its `files` not
/// written, then the `folders` that hold no file written, that is neither
/// written in (`true`) nor on the way to one that is. What a write removed
/// already (a folder where a file goes now) is passed by.
fn remove_unwritten(
    root: &Path,
    files: FxHashSet<PathBuf>,
    folders: FxHashMap<PathBuf, bool>,
) -> io::Result<()> {
    let mut needed: FxHashSet<&Path> = FxHashSet::from_iter([root]);
    for (folder, _) in folders.iter().filter(|(_, used)| **used) {
        for folder in folder.ancestors() {
            if !needed.insert(folder) || folder == root {
                break;
            }
        }
    }
    // Gone with a folder a write removed, or under a file written there.
    let gone = |result: io::Result<()>| match result {
        Err(e)
            if !matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            Err(e)
        }
        _ => Ok(()),
    };
    for file in &files {
        gone(std::fs::remove_file(file))?;
    }
    let mut stale: Vec<&PathBuf> = folders
        .keys()
        .filter(|f| !needed.contains(f.as_path()))
        .collect();
    // The deepest first.
    stale.sort_by_key(|f| std::cmp::Reverse(f.components().count()));
    for folder in stale {
        gone(std::fs::remove_dir_all(folder))?;
    }
    Ok(())
}

impl Sink for Staging {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        self.put(self.target(rel)?, bytes)
    }
    fn copy(&self, from: &Path, rel: &str) -> io::Result<()> {
        let to = self.target(rel)?;
        if self.unwritten.is_some() {
            self.put(to, &std::fs::read(from)?)
        } else {
            std::fs::copy(from, to.0).map(|_| ())
        }
    }
    fn keep(&self, rel: &str, len: u64, same: &dyn Fn(&[u8]) -> bool) -> bool {
        let Some(unwritten) = &self.unwritten else {
            return false;
        };
        let Ok((path, false)) = self.target(rel) else {
            return false;
        };
        let held = || {
            let mut file = std::fs::File::open(&path).ok()?;
            let meta = file.metadata().ok()?;
            // Read-only, or with other names: made anew, as `put` does.
            let apart = meta.permissions().readonly() || linked_elsewhere(&meta);
            if !meta.is_file() || meta.len() != len || apart {
                return None;
            }
            let mut old = Vec::with_capacity(len as usize);
            std::io::Read::read_to_end(&mut file, &mut old).ok()?;
            same(&old).then_some(())
        };
        // Still as the spare held it: not written by this build.
        let lock = || unwritten.lock().unwrap_or_else(|e| e.into_inner());
        lock().contains(&path) && held().is_some() && lock().remove(&path)
    }
    fn previous(&self, rel: &str) -> Option<Vec<u8>> {
        read_in(&self.out, rel)
    }
    fn written(&self, rel: &str) -> Option<Vec<u8>> {
        read_in(&self.tmp, rel)
    }
}

/// The file at site path `rel` in the output folder `root`, if it can be read.
fn read_in(root: &Path, rel: &str) -> Option<Vec<u8>> {
    let rel = inside_output(rel.trim_start_matches('/')).ok()?;
    std::fs::read(root.join(rel)).ok()
}

impl Drop for Staging {
    /// A folder not committed goes back to be the spare (all it holds was
    /// written by loa), or is removed.
    fn drop(&mut self) {
        self.prefetch = None;
        if self.committed {
            return;
        }
        let kept = self
            .spare
            .as_deref()
            .is_some_and(|spare| std::fs::rename(&self.tmp, spare).is_ok());
        if !kept {
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

/// Removes a folder and everything in it. An output of tens of thousands
/// of files takes as long to delete as to write, and longer when it has
/// left the system's caches: it is walked, then its files and folders
/// removed, many at once (see [`walk`]).
fn remove_tree(root: &Path) -> io::Result<()> {
    let (held, others) = walk(root);
    let files: Vec<PathBuf> = held.files.into_iter().chain(others).collect();
    walk::each(&files, |f| std::fs::remove_file(f))?;
    // Folders by depth, removed the deepest first: a folder once what it
    // holds is.
    let mut depths: Vec<Vec<PathBuf>> = Vec::new();
    for folder in held.folders {
        let depth = folder.components().count();
        if depths.len() <= depth {
            depths.resize_with(depth + 1, Vec::new);
        }
        depths[depth].push(folder);
    }
    for level in depths.iter().rev() {
        walk::each(level, |f| std::fs::remove_dir(f))?;
    }
    Ok(())
}

/// Spares kept at most: one for each of the last outputs built.
const SPARES_KEPT: usize = 4;

/// loa's folder in the user's cache folder: `$XDG_CACHE_HOME/loa`, or
/// `~/.cache/loa`.
pub fn cache_folder() -> Option<PathBuf> {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))?;
    Some(cache.join("loa"))
}

/// Where the output a build replaces is kept for the next build of the same
/// output to write over: in the user's cache folder (`$XDG_CACHE_HOME/loa`
/// or `~/.cache/loa`), never beside the output, which may be in a portal's
/// web folder. A cache on another file system than the output is not used
/// (a folder cannot be renamed there), nor is one that cannot be made.
pub fn spare_for(out: &Path) -> Option<PathBuf> {
    use std::hash::{Hash, Hasher};
    let spares = cache_folder()?.join("spare-outputs");
    std::fs::create_dir_all(&spares).ok()?;
    let out = normalize_output(&resolve_output(out));
    let mut hash = crate::digest::Digest::new();
    out.hash(&mut hash);
    let name = out.file_name()?.to_string_lossy().into_owned();
    Some(spares.join(format!("{name}-{:016x}", hash.finish())))
}

/// Removes all but the [`SPARES_KEPT`] spares last used in `spares`.
fn prune_spares(spares: &Path) {
    let Ok(entries) = std::fs::read_dir(spares) else {
        return;
    };
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    found.sort();
    for (_, old) in found.iter().rev().skip(SPARES_KEPT) {
        let _ = remove_tree(old);
    }
}

/// Writes `bytes` at `path` in one step: into a temporary file beside it
/// (`-<pid>` after its extension, which [`prune_kept`] knows), renamed over
/// it; the temporary file is removed if either step fails.
pub fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let ext = path.extension().unwrap_or_default().to_string_lossy();
    let tmp = path.with_extension(format!("{ext}-{}", std::process::id()));
    let written = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Removes all but the `count` files last changed in `folder` with the
/// extension of `keep` (which stays, in use), and beside each the file of
/// the same name with each extension of `with`; and the temporary files of
/// those (`x.index-<pid>`) left an hour ago or more by a loa that was killed.
pub fn prune_kept(folder: &Path, keep: &Path, count: usize, with: &[&str]) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let ext = keep.extension();
    let exts: Vec<String> = ext
        .iter()
        .map(|e| e.to_string_lossy().into_owned())
        .chain(with.iter().map(|w| w.to_string()))
        .collect();
    let left = |p: &Path, changed: std::time::SystemTime| {
        let x = p
            .extension()
            .map(|x| x.to_string_lossy())
            .unwrap_or_default();
        let temporary = exts.iter().any(|e| {
            x.strip_prefix(e.as_str())
                .and_then(|r| r.strip_prefix('-'))
                .is_some_and(|pid| pid.parse::<u32>().is_ok())
        });
        temporary && changed.elapsed().is_ok_and(|t| t.as_secs() >= 3600)
    };
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
    for p in entries.flatten().map(|e| e.path()) {
        let Some(changed) = p.metadata().ok().and_then(|m| m.modified().ok()) else {
            continue;
        };
        if left(&p, changed) {
            let _ = std::fs::remove_file(&p);
        } else if p.extension() == ext && p != keep {
            found.push((changed, p));
        }
    }
    found.sort();
    for (_, old) in found.iter().rev().skip(count.saturating_sub(1)) {
        let _ = std::fs::remove_file(old);
        for x in with {
            let _ = std::fs::remove_file(old.with_extension(x));
        }
    }
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
    fn pruning_keeps_the_last_used_and_removes_what_killed_runs_left() {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str, hours_ago: u64| {
            let path = dir.path().join(name);
            std::fs::write(&path, name).unwrap();
            let when =
                std::time::SystemTime::now() - std::time::Duration::from_secs(hours_ago * 3600);
            std::fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(when)
                .unwrap();
            path
        };
        let keep = at("a.data", 5);
        at("a.index", 5);
        at("b.data", 1);
        at("b.index", 1);
        at("c.data", 3);
        at("c.index", 3);
        at("d.data", 4);
        at("d.index", 4);
        at("b.index-77", 2);
        at("b.index-78", 0);
        at("b.clean-79", 2);
        at("notes.txt", 9);
        prune_kept(dir.path(), &keep, 3, &["index"]);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        // `a` in use, the two last used of the others, a temporary file
        // still being written, and what is not loa's.
        assert_eq!(
            left,
            [
                "a.data",
                "a.index",
                "b.clean-79",
                "b.data",
                "b.index",
                "b.index-78",
                "c.data",
                "c.index",
                "notes.txt"
            ]
        );
    }

    #[test]
    fn commit_replaces_and_drop_discards() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("old.html"), "old").unwrap();

        let s = Staging::create(&out, None).unwrap();
        s.write("a/index.html", b"new").unwrap();
        drop(s);
        assert!(out.join("old.html").exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

        let s = Staging::create(&out, None).unwrap();
        s.write("a/index.html", b"new").unwrap();
        s.commit().unwrap();
        assert!(!out.join("old.html").exists());
        assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn write_over_keeps_equal_bytes_and_replaces_others() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let open = || {
            let file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(&path)
                .unwrap();
            let len = file.metadata().unwrap().len();
            (file, len)
        };
        for (old, new) in [
            ("same", "same"),
            ("abcd", "wxyz"),
            ("longer", "ab"),
            ("ab", "longer"),
        ] {
            std::fs::write(&path, old).unwrap();
            let (mut file, len) = open();
            write_over(&mut file, len, new.as_bytes()).unwrap();
            drop(file);
            assert_eq!(std::fs::read_to_string(&path).unwrap(), new);
        }
    }

    #[test]
    fn read_only_files_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, "x").unwrap();
        let mut read_only = std::fs::metadata(&path).unwrap().permissions();
        read_only.set_readonly(true);
        std::fs::set_permissions(&path, read_only).unwrap();
        remove_read_only(&path).unwrap();
        assert!(!path.exists());
        remove_read_only(&path).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_tree_is_removed_whole_and_links_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let (root, kept) = (dir.path().join("old"), dir.path().join("kept"));
        std::fs::create_dir(&kept).unwrap();
        std::fs::write(kept.join("f"), "x").unwrap();
        for i in 0..40 {
            let folder = root.join(format!("s{}/p{i}/deeper", i % 4));
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join("index.html"), "x").unwrap();
            std::fs::write(folder.parent().unwrap().join("index.html"), "x").unwrap();
        }
        std::fs::create_dir(root.join("empty")).unwrap();
        std::os::unix::fs::symlink(&kept, root.join("s1/link")).unwrap();
        remove_tree(&root).unwrap();
        assert!(!root.exists());
        assert!(kept.join("f").exists());
        // A folder that is not there is an error, as from `remove_dir_all`.
        assert!(remove_tree(&root).is_err());
    }

    #[test]
    fn refuses_paths_that_leave_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let s = Staging::create(&dir.path().join("public"), None).unwrap();
        assert!(s.write("../evil", b"x").is_err());
    }

    #[test]
    fn memory_keeps_a_file_of_the_previous_output_only_as_it_was() {
        let previous = std::sync::RwLock::new(Files::from([(
            "a/index.html".to_string(),
            b"<p>a</p>".to_vec(),
        )]));
        let memory = Memory::over(&previous);
        let is = |want: &'static [u8]| move |b: &[u8]| b == want;
        assert!(!memory.keep("a/index.html", 8, &is(b"<p>b</p>")));
        assert!(!memory.keep("a/index.html", 9, &is(b"<p>a</p>")));
        assert!(!memory.keep("b/index.html", 8, &is(b"<p>a</p>")));
        assert!(memory.files.lock().unwrap().is_empty());
        assert!(memory.keep("a/index.html", 8, &is(b"<p>a</p>")));
        assert_eq!(memory.previous("/a/index.html").unwrap(), b"<p>a</p>");
        assert_eq!(memory.into_files()["a/index.html"], b"<p>a</p>");
        assert!(!Memory::default().keep("a/index.html", 8, &is(b"<p>a</p>")));
    }
}
