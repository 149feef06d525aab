//! Files known to read as they are: a page whose bytes an earlier build
//! found to be UTF-8 already normalized (no byte-order mark, LF line ends,
//! composed Vietnamese), with no line in a legacy font, is taken as it is.
//!
//! Looking for text typed in a legacy font, line by line, is most of the
//! work of reading a page (see [`super::text::old_fonts`]). The digests of
//! the files that needed nothing are kept in the user's cache folder, one
//! file a site, under a key that changes with the loa that read them; a
//! file is known by its bytes, so an edit makes it read in full again.

use std::hash::Hash;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::digest::KeptHasher;
use rustc_hash::FxHashSet;

/// Files kept, of the sites last read.
const FILES_KEPT: usize = 4;

/// The start of the file; another start is another format.
const MAGIC: &[u8; 16] = b"loa clean 1\n\0\0\0\0";

/// The digests of files read as they are, by earlier builds and this one.
pub struct KnownClean {
    path: PathBuf,
    seed: (u64, u64),
    earlier: FxHashSet<u128>,
    now: Mutex<Vec<u128>>,
}

impl KnownClean {
    /// The files of the site at `root` known to read as they are, kept in
    /// `folder` (the user's cache folder): `None` when loa cannot tell
    /// itself from another loa (see [`crate::digest::program_seed`]).
    pub fn load(folder: &Path, root: &Path) -> Option<KnownClean> {
        let seed = crate::digest::program_seed()?;
        let texts = folder.join("texts");
        std::fs::create_dir_all(&texts).ok()?;
        let path = texts.join(format!("{}.clean", crate::digest::site_stem(root)?));
        crate::write::prune_kept(&texts, &path, FILES_KEPT, &[]);
        let bytes = std::fs::read(&path).unwrap_or_default();
        let earlier = match bytes.strip_prefix(MAGIC.as_slice()) {
            Some(digests) if digests.len() % 16 == 0 => digests
                .chunks_exact(16)
                .filter_map(|d| Some(u128::from_le_bytes(d.try_into().ok()?)))
                .collect(),
            _ => FxHashSet::default(),
        };
        Some(KnownClean {
            path,
            seed,
            earlier,
            now: Mutex::new(Vec::new()),
        })
    }

    /// The digest of a file's bytes.
    pub fn digest(&self, bytes: &[u8]) -> u128 {
        let mut h = KeptHasher::new(self.seed);
        bytes.hash(&mut h);
        h.finish128()
    }

    /// Whether an earlier build read the file of `digest` as it is; if so,
    /// it is kept known.
    pub fn was_clean(&self, digest: u128) -> bool {
        let known = self.earlier.contains(&digest);
        if known {
            self.is_clean(digest);
        }
        known
    }

    /// Keeps known that the file of `digest` reads as it is.
    pub fn is_clean(&self, digest: u128) {
        self.now
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(digest);
    }

    /// Writes the digests of the files this build read as they are, in
    /// place of the last in one step; those not read this time are dropped.
    pub fn save(self) {
        let mut now = self.now.into_inner().unwrap_or_else(|e| e.into_inner());
        now.sort_unstable();
        now.dedup();
        if now.len() == self.earlier.len() && now.iter().all(|d| self.earlier.contains(d)) {
            // As it was; used last, so kept when older ones are pruned.
            let file = std::fs::File::options().write(true).open(&self.path);
            let _ = file.and_then(|f| f.set_modified(std::time::SystemTime::now()));
            return;
        }
        let mut bytes = Vec::with_capacity(MAGIC.len() + now.len() * 16);
        bytes.extend_from_slice(MAGIC);
        for digest in now {
            bytes.extend_from_slice(&digest.to_le_bytes());
        }
        let _ = crate::write::replace_file(&self.path, &bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_read_as_they_are_are_known_to_the_next_build_only() {
        let (folder, root) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let load = || KnownClean::load(folder.path(), root.path()).unwrap();
        let known = load();
        let (a, b) = (known.digest(b"a"), known.digest(b"b"));
        assert_ne!(a, b);
        assert!(!known.was_clean(a));
        known.is_clean(a);
        known.is_clean(b);
        known.save();
        let known = load();
        assert!(known.was_clean(a) && known.was_clean(b));
        known.save();
        let known = load();
        assert!(known.was_clean(a));
        known.save();
        // `b` was not read by the last build.
        let known = load();
        assert!(known.was_clean(a) && !known.was_clean(b));
        // A file not whole is none.
        let file = folder
            .path()
            .join("texts")
            .read_dir()
            .unwrap()
            .next()
            .unwrap();
        std::fs::write(file.unwrap().path(), &MAGIC[..8]).unwrap();
        assert!(!load().was_clean(a));
    }
}
