//! Rendered Markdown kept between builds: a page whose text, place and
//! links are as they were is not rendered again.
//!
//! Turning each page's Markdown into HTML, and reading its words for the
//! search index, is the largest part of a build. What it gives depends on
//! the text, the page it is shown on, two settings of the site (its base
//! path and the hosts allowed in an `iframe`), the loa that renders it, and
//! where each link of the text leads. Each result is kept under a key made
//! of all of these but the links, with each link and where it led; it is
//! used again only when every link still leads there. A text that gave a
//! warning or an error is not kept: every build reports it again.
//!
//! The same files keep the pages made by templates (see
//! [`super::kept_pages`]) and the share images (see [`super::share`]),
//! under keys of their own.
//!
//! The results are in the user's cache folder, beside the spare outputs,
//! in two files for each site and kind of build (`build`, `check` or
//! `serve`). The `.data` file holds results one after another, each with
//! its key, its length and a checksum; the `.index` file says where each
//! result used by the last build is. A build reads the index, reads each
//! result as its page comes, appends those it makes that were not kept
//! already, and writes the index of those it used;
//! the data file is compacted in place when most of it is results no
//! longer used.
//! Anything wrong with the files (missing, cut short, another loa using
//! them, a checksum that does not match) only makes a page be rendered
//! again: the cache changes how long a build takes, never what it makes.

use std::fs::File;
use std::hash::Hash;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::anchors::AnchorLink;
use super::markdown::{self, Rendered, SeenLink, TocEntry};
use super::search::{self, Tally};
use super::state::Pages;
use crate::diagnostic::{Diagnostics, Location};
use crate::digest::KeptHasher;
use crate::model::links::LinkError;
use crate::model::{Site, Version};

/// The start of a data file; another start is another format, and the
/// file is begun again.
const MAGIC: &[u8; 16] = b"loa texts 1\n\0\0\0\0";
/// A result's key, payload length and checksum, before its payload.
const HEADER: u64 = 24;
/// An index's entry: key, place, length.
const INDEX_ENTRY: usize = 28;
/// Data files kept, of the sites and kinds of build last used.
const FILES_KEPT: usize = 8;

/// What makes a result the same: for a text, all but its links.
pub(super) type Key = u128;

/// What a result is of: each kind's keys are made apart.
#[derive(Clone, Copy)]
pub(super) enum Kind {
    /// A page's text (Markdown) rendered.
    Text = 1,
    /// A page made by a template (see [`super::kept_pages`]).
    Page = 2,
    /// A share image (see [`super::share`]): kept whole, so that a build
    /// into a new output folder does not draw it again.
    ShareImage = 3,
}

/// The kinds, and what `LOA_TIMINGS` calls each.
const KINDS: [(Kind, &str); 3] = [
    (Kind::Text, "kept texts"),
    (Kind::Page, "kept pages"),
    (Kind::ShareImage, "kept share images"),
];

/// Where a result is in the data file: its header's offset, and its
/// payload's length.
#[derive(Clone, Copy)]
struct Place {
    at: u64,
    len: u32,
}

/// Rendered texts kept between builds of one site, by one kind of build.
pub struct TextCache {
    data_path: PathBuf,
    index_path: PathBuf,
    /// The data file (holding the lock on it), read and written only at
    /// given places: no cursor is shared.
    data: File,
    /// Results made, to be appended.
    append: Mutex<Append>,
    /// Results of earlier builds.
    earlier: FxHashMap<Key, Place>,
    /// Results this build used or made, to be indexed.
    used: Mutex<Vec<(Key, Place)>>,
    /// What every key starts from: the loa that renders and the kind of build.
    seed: (u64, u64),
    /// Set when a result could not be written: no more are.
    failed: AtomicBool,
    /// Results asked for, and found kept, of each kind, for `LOA_TIMINGS`.
    asked: [AtomicUsize; KINDS.len()],
    found: [AtomicUsize; KINDS.len()],
}

/// Results made and not written yet, and where they go: the end of the
/// data file as written.
struct Append {
    pending: Vec<u8>,
    written: u64,
}

impl Append {
    /// Where the next result goes.
    fn end(&self) -> u64 {
        self.written + self.pending.len() as u64
    }

    /// Writes the results pending.
    fn flush(&mut self, data: &File) -> io::Result<()> {
        write_at(data, &self.pending, self.written)?;
        self.written += self.pending.len() as u64;
        self.pending.clear();
        Ok(())
    }
}

/// Results pending are written once there are this many bytes of them.
const FLUSH_AT: usize = 1 << 18;

/// One kept result. Its two long texts are read as bytes, borrowed from
/// the result read: checking they are UTF-8 with `simdutf8` costs a tenth
/// of what reading them into `String`s does.
#[derive(Serialize, Deserialize)]
struct Entry<'a> {
    #[serde(borrow, serialize_with = "as_bytes")]
    html: &'a [u8],
    toc: Vec<TocEntry>,
    anchors: Vec<KeptAnchor>,
    addresses: bool,
    /// The words of the text, when they were read.
    #[serde(borrow)]
    words: Option<Words<'a>>,
    links: Vec<SeenLink>,
}

/// A text's words, for the search index.
#[derive(Serialize, Deserialize)]
enum Words<'a> {
    /// Counted: see [`search::Text::counted`].
    Counted { tally: Tally, start: String },
    /// As read: those of a campaign's page, with its plan's words beside.
    Read {
        headings: Vec<String>,
        #[serde(borrow, serialize_with = "as_bytes")]
        body: &'a [u8],
    },
}

/// Bytes written as bytes, not as a list of numbers.
fn as_bytes<S: serde::Serializer>(bytes: &&[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_bytes(bytes)
}

/// An [`AnchorLink`], its file being the text's.
#[derive(Serialize, Deserialize)]
struct KeptAnchor {
    line: usize,
    column: usize,
    target: String,
    page: String,
    fragment: String,
}

impl TextCache {
    /// The cache of the site at `root` for the builds that make `pages`
    /// (`build`, `check` or `serve`, each its own), in `folder` (the user's
    /// cache folder): `None` when it cannot be used, by another loa for one.
    pub fn open(folder: &Path, root: &Path, pages: Pages) -> Option<TextCache> {
        let texts = folder.join("texts");
        std::fs::create_dir_all(&texts).ok()?;
        let kind = match pages {
            Pages::Minified => "build",
            Pages::Read => "check",
            Pages::AsMade => "serve",
        };
        let stem = format!("{}-{kind}", crate::digest::site_stem(root)?);
        let data_path = texts.join(format!("{stem}.data"));
        let index_path = texts.join(format!("{stem}.index"));
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&data_path)
            .ok()?;
        file.try_lock().ok()?;
        crate::write::prune_kept(&texts, &data_path, FILES_KEPT, &["index"]);
        let mut start = [0u8; MAGIC.len()];
        let begun = file.read_exact(&mut start).is_ok() && &start == MAGIC;
        let earlier = if begun {
            read_index(&index_path, file.metadata().ok()?.len())
        } else {
            file.set_len(0).ok()?;
            file.seek(SeekFrom::Start(0)).ok()?;
            file.write_all(MAGIC).ok()?;
            FxHashMap::default()
        };
        let end = file.seek(SeekFrom::End(0)).ok()?;
        Some(TextCache {
            data_path,
            index_path,
            data: file,
            append: Mutex::new(Append {
                pending: Vec::with_capacity(FLUSH_AT),
                written: end,
            }),
            earlier,
            used: Mutex::new(Vec::new()),
            seed: seed(kind)?,
            failed: AtomicBool::new(false),
            asked: Default::default(),
            found: Default::default(),
        })
    }

    /// A hasher for the key of a result of `kind`: the keys of two kinds
    /// never meet.
    pub(super) fn hasher(&self, kind: Kind) -> KeptHasher {
        let mut h = KeptHasher::new(self.seed);
        (kind as u8).hash(&mut h);
        h
    }

    /// Counts a result of `kind` asked for, or found.
    fn count(&self, kind: Kind, found: bool) {
        let counts = if found { &self.found } else { &self.asked };
        counts[kind as usize - 1].fetch_add(1, Ordering::Relaxed);
    }

    /// The key of `version`'s text rendered for the page at `url` in `lang`.
    fn key(&self, version: &Version, page: (&str, &str), site: &Site, how: (bool, bool)) -> Key {
        let (url, lang) = page;
        let mut h = self.hasher(Kind::Text);
        how.hash(&mut h);
        version.path.hash(&mut h);
        version.rel.hash(&mut h);
        version.body_line.hash(&mut h);
        version.body.hash(&mut h);
        url.hash(&mut h);
        lang.hash(&mut h);
        site.config.base_url.path.hash(&mut h);
        site.config.iframe_hosts.hash(&mut h);
        h.finish128()
    }

    /// What `take` makes of the text kept under `key`, if it is whole.
    fn get<R>(&self, key: Key, take: impl FnOnce(Entry<'_>) -> Option<R>) -> Option<R> {
        self.get_payload(Kind::Text, key, |payload| {
            take(postcard::from_bytes(payload).ok()?)
        })
    }

    /// Keeps `entry` under `key`.
    fn put(&self, key: Key, entry: &Entry) {
        if let Ok(payload) = postcard::to_allocvec(entry) {
            self.put_payload(key, &payload);
        }
    }

    /// What `take` makes of the payload of `kind` kept under `key`, if it
    /// is whole; the result is used by this build, and counted as found,
    /// when `take` gives one.
    pub(super) fn get_payload<R>(
        &self,
        kind: Kind,
        key: Key,
        take: impl FnOnce(&[u8]) -> Option<R>,
    ) -> Option<R> {
        self.count(kind, false);
        let place = *self.earlier.get(&key)?;
        let record = self.record(place)?;
        let (header, payload) = record.split_at(HEADER as usize);
        if header != self::header(key, payload).as_slice() {
            return None;
        }
        let taken = take(payload)?;
        lock(&self.used).push((key, place));
        self.count(kind, true);
        Some(taken)
    }

    /// The result at `place`, header and payload, as the data file holds it.
    fn record(&self, place: Place) -> Option<Vec<u8>> {
        let mut record = vec![0u8; HEADER as usize + place.len as usize];
        read_at(&self.data, &mut record, place.at).ok()?;
        Some(record)
    }

    /// Keeps `payload` under `key`, unless it is kept there already.
    pub(super) fn put_payload(&self, key: Key, payload: &[u8]) {
        if self.failed.load(Ordering::Relaxed) {
            return;
        }
        let Ok(len) = u32::try_from(payload.len()) else {
            return;
        };
        let head = header(key, payload);
        // Kept already, whole: a page made again because the output it
        // was written in is gone (a build into a new folder) is the same.
        if let Some(&place) = self.earlier.get(&key).filter(|p| p.len == len) {
            let record = self.record(place);
            if record.is_some_and(|r| r.split_at(HEADER as usize) == (&head[..], payload)) {
                lock(&self.used).push((key, place));
                return;
            }
        }
        let mut append = lock(&self.append);
        let at = append.end();
        append.pending.extend_from_slice(&head);
        append.pending.extend_from_slice(payload);
        if append.pending.len() >= FLUSH_AT && append.flush(&self.data).is_err() {
            self.failed.store(true, Ordering::Relaxed);
            return;
        }
        drop(append);
        lock(&self.used).push((key, Place { at, len }));
    }

    /// Closes the cache unused (the site could not be read, or was read
    /// with errors by a build), removing its files if it kept nothing.
    pub fn discard(self) {
        let empty = self.earlier.is_empty() && lock(&self.append).end() == MAGIC.len() as u64;
        // Removed while locked (on Windows, where an open file is not
        // removed, it stays): no other loa has it open for its own.
        if empty {
            let _ = std::fs::remove_file(&self.data_path);
            let _ = std::fs::remove_file(&self.index_path);
        }
    }

    /// Writes the index of the results this build used, after writing the
    /// data file anew when most of it is no longer used.
    pub fn finish(self) {
        for (kind, what) in KINDS {
            let i = kind as usize - 1;
            let (found, asked) = (&self.found[i], &self.asked[i]);
            let (found, asked) = (found.load(Ordering::Relaxed), asked.load(Ordering::Relaxed));
            crate::timings::note(what, &format!("{found} of {asked}"));
        }
        let mut used = self.used.into_inner().unwrap_or_else(|e| e.into_inner());
        if used.is_empty() {
            // Nothing rendered (the output could not be made, say): the
            // cache is left as it was for the next build.
            return;
        }
        let mut append = self.append.into_inner().unwrap_or_else(|e| e.into_inner());
        if self.failed.into_inner() || append.flush(&self.data).is_err() {
            // The index left says nothing of what was not written.
            let _ = std::fs::remove_file(&self.index_path);
            return;
        }
        used.sort_unstable_by_key(|(key, _)| *key);
        used.dedup_by_key(|(key, _)| *key);
        let live: u64 = used.iter().map(|(_, p)| HEADER + u64::from(p.len)).sum();
        let mostly_unused = append.written > 2 * live + (4 << 20);
        if mostly_unused && compact(&self.data, &mut used).is_err() {
            // Begun again, so that the file never only grows.
            let _ = std::fs::remove_file(&self.index_path);
            let _ = self.data.set_len(MAGIC.len() as u64);
            return;
        }
        let _ = write_index(&self.index_path, &used);
        // Used last: kept when older caches are pruned.
        let _ = self.data.set_modified(std::time::SystemTime::now());
    }
}

/// The start of every key: the format of the results, the loa that made
/// them and the kind of build.
fn seed(kind: &str) -> Option<(u64, u64)> {
    let both = crate::digest::kept_hash(&(MAGIC, crate::digest::program_seed()?, kind));
    Some(((both >> 64) as u64, both as u64))
}

/// A result's header: its key, its payload's length and checksum.
fn header(key: Key, payload: &[u8]) -> [u8; HEADER as usize] {
    let mut out = [0u8; HEADER as usize];
    out[..16].copy_from_slice(&key.to_le_bytes());
    let len = u32::try_from(payload.len()).unwrap_or(u32::MAX);
    out[16..20].copy_from_slice(&len.to_le_bytes());
    out[20..].copy_from_slice(&crc32fast::hash(payload).to_le_bytes());
    out
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The places of the results an index lists, within a data file of `len`
/// bytes; none when the index is missing or not whole.
fn read_index(path: &Path, len: u64) -> FxHashMap<Key, Place> {
    let mut found = FxHashMap::default();
    let Ok(bytes) = std::fs::read(path) else {
        return found;
    };
    let Some(entries) = bytes.strip_prefix(MAGIC.as_slice()) else {
        return found;
    };
    if entries.len() % INDEX_ENTRY != 0 {
        return found;
    }
    found.reserve(entries.len() / INDEX_ENTRY);
    for e in entries.chunks_exact(INDEX_ENTRY) {
        let (key, rest) = e.split_at(16);
        let (at, rest) = rest.split_at(8);
        let key = u128::from_le_bytes(key.try_into().unwrap_or_default());
        let at = u64::from_le_bytes(at.try_into().unwrap_or_default());
        let size = u32::from_le_bytes(rest.try_into().unwrap_or_default());
        if at.saturating_add(HEADER + u64::from(size)) <= len {
            found.insert(key, Place { at, len: size });
        }
    }
    found
}

/// Writes the index of `used`, in place of the last in one step.
fn write_index(path: &Path, used: &[(Key, Place)]) -> io::Result<()> {
    let mut bytes = Vec::with_capacity(MAGIC.len() + used.len() * INDEX_ENTRY);
    bytes.extend_from_slice(MAGIC);
    for (key, place) in used {
        bytes.extend_from_slice(&key.to_le_bytes());
        bytes.extend_from_slice(&place.at.to_le_bytes());
        bytes.extend_from_slice(&place.len.to_le_bytes());
    }
    crate::write::replace_file(path, &bytes)
}

/// Moves the results of `used` to the start of the data file, one after
/// another in the order they were, updating their places, and cuts the
/// file after them. A result only moves towards the start, over results no
/// longer used: a build killed meanwhile leaves results that the index no
/// longer finds whole, read past by the next.
fn compact(data: &File, used: &mut [(Key, Place)]) -> io::Result<()> {
    used.sort_unstable_by_key(|(_, place)| place.at);
    let mut end = MAGIC.len() as u64;
    let mut record = Vec::new();
    for (_, place) in used.iter_mut() {
        let size = HEADER + u64::from(place.len);
        if place.at != end {
            record.resize(size as usize, 0);
            read_at(data, &mut record, place.at)?;
            write_at(data, &record, end)?;
            place.at = end;
        }
        end += size;
    }
    data.set_len(end)
}

/// Reads `buf.len()` bytes of `file` from `at` (on Windows moving the
/// file's cursor, which nothing here reads or writes at).
#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(windows)]
fn read_at(file: &File, mut buf: &mut [u8], mut at: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, at)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut std::mem::take(&mut buf)[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

#[cfg(not(any(unix, windows)))]
fn read_at(_: &File, _: &mut [u8], _: u64) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// Writes `buf` into `file` at `at`, as [`read_at`] reads.
#[cfg(unix)]
fn write_at(file: &File, buf: &[u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, buf, at)
}

#[cfg(windows)]
fn write_at(file: &File, mut buf: &[u8], mut at: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_write(buf, at)? {
            0 => return Err(io::ErrorKind::WriteZero.into()),
            n => {
                buf = &buf[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

#[cfg(not(any(unix, windows)))]
fn write_at(_: &File, _: &[u8], _: u64) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// [`markdown::render`], taken from `cache` when kept there: the same
/// result, the same words read into `words`.
#[allow(clippy::too_many_arguments)]
pub fn render(
    cache: Option<&TextCache>,
    version: &Version,
    url: &str,
    lang: &str,
    site: &Site,
    minify: bool,
    mut words: Option<&mut search::Text>,
    problems: &mut Diagnostics,
) -> Rendered {
    let Some(cache) = cache else {
        return markdown::render(version, url, lang, site, minify, words, problems);
    };
    let key = cache.key(version, (url, lang), site, (minify, words.is_some()));
    let lead_as_before = |entry: &Entry| {
        entry.links.iter().all(|SeenLink { dest, led }| {
            let now = site.links.resolve(dest, &version.rel, url, lang);
            match (led, now) {
                (Some(before), Ok(now)) => *before == now,
                (None, Err(LinkError::Unreadable)) => true,
                _ => false,
            }
        })
    };
    let kept = cache.get(key, |entry| {
        lead_as_before(&entry)
            .then(|| entry.into_rendered(version, words.as_deref_mut()))
            .flatten()
    });
    if let Some(rendered) = kept {
        return rendered;
    }
    let before = problems.len();
    let rendered = markdown::render(
        version,
        url,
        lang,
        site,
        minify,
        words.as_deref_mut(),
        problems,
    );
    // A campaign's words are counted with those of its plan.
    if let Some(words) = words.as_deref_mut().filter(|_| version.plan.is_none()) {
        words.count_read();
    }
    if problems.len() == before {
        cache.put(key, &Entry::new(&rendered, words.as_deref()));
    }
    rendered
}

impl<'a> Entry<'a> {
    fn new(r: &'a Rendered, words: Option<&'a search::Text>) -> Entry<'a> {
        Entry {
            html: r.html.as_bytes(),
            toc: r.toc.clone(),
            anchors: r
                .anchors
                .iter()
                .map(|a| KeptAnchor {
                    line: a.location.line,
                    column: a.location.column,
                    target: a.target.clone(),
                    page: a.page.clone(),
                    fragment: a.fragment.clone(),
                })
                .collect(),
            addresses: r.addresses,
            words: words.map(|w| match &w.counted {
                Some((tally, start)) => Words::Counted {
                    tally: tally.clone(),
                    start: start.clone(),
                },
                None => Words::Read {
                    headings: w.headings.clone(),
                    body: w.body.as_bytes(),
                },
            }),
            links: r.links.clone(),
        }
    }

    /// The result as [`markdown::render`] gives it, its words read into
    /// `words`; `None` if a text is not UTF-8.
    fn into_rendered(
        self,
        version: &Version,
        words: Option<&mut search::Text>,
    ) -> Option<Rendered> {
        let html = simdutf8::basic::from_utf8(self.html).ok()?.to_owned();
        match (words, self.words) {
            (Some(words), Some(Words::Read { headings, body })) => {
                words.body = simdutf8::basic::from_utf8(body).ok()?.to_owned();
                words.headings = headings;
            }
            // The page has a plan now: its words are counted with the text's.
            (Some(words), Some(Words::Counted { tally, start })) => {
                version.plan.is_none().then_some(())?;
                words.counted = Some((tally, start));
            }
            (Some(_), None) => return None,
            (None, _) => {}
        }
        Some(Rendered {
            html,
            toc: self.toc,
            anchors: self
                .anchors
                .into_iter()
                .map(|a| AnchorLink {
                    location: Location::new(&version.path, a.line, a.column),
                    target: a.target,
                    page: a.page,
                    fragment: a.fragment,
                })
                .collect(),
            addresses: self.addresses,
            links: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(html: &str) -> Entry<'_> {
        Entry {
            html: html.as_bytes(),
            toc: Vec::new(),
            anchors: Vec::new(),
            addresses: false,
            words: Some(Words::Read {
                headings: vec!["Bước 1".to_string()],
                body: "Đến Công an phường.".as_bytes(),
            }),
            links: vec![SeenLink {
                dest: "a.md".to_string(),
                led: Some(Some("/a/".to_string())),
            }],
        }
    }

    fn found(cache: &TextCache, key: Key) -> Option<String> {
        cache.get(key, |e| Some(String::from_utf8(e.html.to_vec()).unwrap()))
    }

    fn data_file(folder: &Path) -> PathBuf {
        std::fs::read_dir(folder.join("texts"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.to_string_lossy().ends_with("-build.data"))
            .unwrap()
    }

    #[test]
    fn a_result_kept_is_found_by_the_next_build_whole_and_only_so() {
        let (folder, root) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let open = || TextCache::open(folder.path(), root.path(), Pages::Minified).unwrap();
        let cache = open();
        cache.put(1, &entry("<p>một</p>"));
        cache.put(2, &entry("<p>hai</p>"));
        assert_eq!(found(&cache, 1), None, "only earlier builds' results");
        cache.finish();

        let cache = open();
        assert_eq!(found(&cache, 1).as_deref(), Some("<p>một</p>"));
        assert_eq!(found(&cache, 3), None);
        // Links that lead elsewhere now: not taken, and not kept.
        assert!(cache.get(2, |e| e.links.is_empty().then_some(())).is_none());
        cache.finish();

        let cache = open();
        assert_eq!(found(&cache, 2), None, "unused by the last build");
        assert!(found(&cache, 1).is_some());
        // Another kind of build has its own.
        assert!(TextCache::open(folder.path(), root.path(), Pages::Read)
            .is_some_and(|check| found(&check, 1).is_none()));
        cache.finish();

        // One byte changed in a result: it is not taken.
        let data = data_file(folder.path());
        let mut bytes = std::fs::read(&data).unwrap();
        // The first result, the one found, is right after the start.
        bytes[MAGIC.len() + HEADER as usize + 3] ^= 1;
        std::fs::write(&data, &bytes).unwrap();
        assert_eq!(found(&open(), 1), None);
    }

    #[test]
    fn a_cache_in_use_by_another_loa_is_left_alone() {
        let (folder, root) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let first = TextCache::open(folder.path(), root.path(), Pages::Minified).unwrap();
        assert!(TextCache::open(folder.path(), root.path(), Pages::Minified).is_none());
        first.finish();
        assert!(TextCache::open(folder.path(), root.path(), Pages::Minified).is_some());
    }

    /// Keeps 60 results of 100 KB each, under keys 0 to 59.
    fn put_big(cache: TextCache) {
        let big = "x".repeat(100_000);
        for key in 0..60 {
            cache.put(key, &entry(&format!("{key}{big}")));
        }
        cache.finish();
    }

    #[test]
    fn a_cache_mostly_unused_is_written_anew() {
        let (folder, root) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let open = || TextCache::open(folder.path(), root.path(), Pages::Minified).unwrap();
        put_big(open());
        let size = || std::fs::metadata(data_file(folder.path())).unwrap().len();
        assert!(size() > 6_000_000);

        let cache = open();
        assert!(found(&cache, 30).is_some_and(|h| h.starts_with("30x")));
        assert!(found(&cache, 7).is_some_and(|h| h.starts_with("7x")));
        cache.put(99, &entry("<p>mới</p>"));
        cache.finish();
        assert!(size() < 300_000, "{}", size());
        let cache = open();
        assert!(found(&cache, 7).is_some_and(|h| h.starts_with("7x")));
        assert!(found(&cache, 30).is_some_and(|h| h.starts_with("30x")));
        assert_eq!(found(&cache, 99).as_deref(), Some("<p>mới</p>"));
        assert_eq!(found(&cache, 8), None);
    }

    #[test]
    fn a_build_that_rendered_nothing_leaves_the_cache_as_it_was() {
        let (folder, root) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let open = || TextCache::open(folder.path(), root.path(), Pages::Minified).unwrap();
        put_big(open());
        open().finish();
        let cache = open();
        assert!((0..60).all(|key| found(&cache, key).is_some()));
    }

    #[test]
    fn a_cache_never_used_leaves_no_file() {
        let (folder, root) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        TextCache::open(folder.path(), root.path(), Pages::Minified)
            .unwrap()
            .discard();
        let left = std::fs::read_dir(folder.path().join("texts"))
            .unwrap()
            .count();
        assert_eq!(left, 0);
    }
}
