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

/// Writes through `inner`, keeping what [`Recorder::saved`] is asked about:
/// pages (`…index.html`) and the styles and scripts the worker saves.
pub struct Recorder<'s> {
    inner: &'s dyn Sink,
    files: Mutex<rustc_hash::FxHashMap<String, Written>>,
}

impl<'s> Recorder<'s> {
    pub fn new(inner: &'s dyn Sink) -> Self {
        Recorder {
            inner,
            files: Mutex::default(),
        }
    }

    /// The sink written through.
    pub fn inner(&self) -> &'s dyn Sink {
        self.inner
    }

    /// The file written at `rel`, if it was kept.
    pub fn saved(&self, rel: &str) -> Option<Written> {
        self.files.lock().ok()?.get(rel).copied()
    }

    /// A sink that keeps nothing (`check`) has no worker to version: its
    /// pages are not digested.
    fn keep(&self, rel: &str, bytes: &[u8]) {
        if !self.inner.keeps() {
            return;
        }
        if rel.ends_with("index.html") || super::ASSETS.contains(&rel) {
            let written = Written::of(bytes);
            if let Ok(mut files) = self.files.lock() {
                files.insert(rel.to_string(), written);
            }
        }
    }
}

impl Sink for Recorder<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        self.inner.write(rel, bytes)?;
        self.keep(rel, bytes);
        Ok(())
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
}
