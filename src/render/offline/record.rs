//! What the worker's version is made from: a sink that passes every file
//! on and keeps a digest of the pages and styles that can be saved offline.

use std::hash::{Hash, Hasher};
use std::io;
use std::path::Path;
use std::sync::Mutex;

use crate::write::Sink;

/// A file as written: a digest of its bytes, and its size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Written {
    pub digest: u64,
    pub size: usize,
}

impl Written {
    fn of(bytes: &[u8]) -> Written {
        let mut h = crate::digest::Digest::new();
        bytes.hash(&mut h);
        Written {
            digest: h.finish(),
            size: bytes.len(),
        }
    }
}

/// Writes through `inner`, keeping the size of what [`Recorder::saved`] is
/// asked about: pages (`…index.html`) and the styles and scripts the
/// worker saves. Their digests are made when asked, from the files as
/// written: the worker saves at most [`super::BUDGET`] bytes a language,
/// a few dozen pages of a site of thousands.
pub struct Recorder<'s> {
    inner: &'s dyn Sink,
    sizes: Mutex<rustc_hash::FxHashMap<String, usize>>,
}

impl<'s> Recorder<'s> {
    pub fn new(inner: &'s dyn Sink) -> Self {
        Recorder {
            inner,
            sizes: Mutex::default(),
        }
    }

    /// The sink written through.
    pub fn inner(&self) -> &'s dyn Sink {
        self.inner
    }

    /// The size of the file written at `rel`, if it was kept.
    pub fn size(&self, rel: &str) -> Option<usize> {
        self.sizes.lock().ok()?.get(rel).copied()
    }

    /// The file written at `rel`, if it was kept and can be read again.
    pub fn saved(&self, rel: &str) -> Option<Written> {
        self.size(rel)?;
        self.inner.written(rel).map(|bytes| Written::of(&bytes))
    }

    /// A sink that keeps nothing (`check`) has no worker to version: its
    /// pages are not recorded.
    fn record(&self, rel: &str, size: usize) {
        if !self.inner.keeps() {
            return;
        }
        if rel.ends_with("index.html") || super::ASSETS.contains(&rel) {
            if let Ok(mut sizes) = self.sizes.lock() {
                sizes.insert(rel.to_string(), size);
            }
        }
    }
}

impl Sink for Recorder<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        self.inner.write(rel, bytes)?;
        self.record(rel, bytes.len());
        Ok(())
    }

    fn keep(&self, rel: &str, len: u64, same: &dyn Fn(&[u8]) -> bool) -> bool {
        let kept = self.inner.keep(rel, len, same);
        if kept {
            self.record(rel, len as usize);
        }
        kept
    }

    /// Files copied are never kept: styles and scripts, the site's own
    /// over the theme's, are written from the bytes `read/` read (see
    /// [`crate::render::assets`]).
    fn copy(&self, from: &Path, rel: &str) -> io::Result<()> {
        self.inner.copy(from, rel)
    }

    fn keeps(&self) -> bool {
        self.inner.keeps()
    }

    fn previous(&self, rel: &str) -> Option<Vec<u8>> {
        self.inner.previous(rel)
    }

    fn written(&self, rel: &str) -> Option<Vec<u8>> {
        self.inner.written(rel)
    }
}
