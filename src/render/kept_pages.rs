//! Pages made by templates, kept between builds: a page whose template
//! context is as an earlier build's is not made again.
//!
//! A template makes its page from its context alone (loa's templates have
//! no function that reads anything else), and what is done to the page
//! after depends only on the build's kind and the event items pasted in.
//! A page is kept under a key of all of these: the templates' text, the
//! base of the context (`site`, `lang`, `t`), the page's own context (see
//! [`serialized`]), and the language's event items. What is kept is the
//! page's ids, which links to its sections are checked against; for a
//! build that writes, the length and digest of the file it wrote, which is
//! used again only when the file is found holding them in the output being
//! written over (see [`Sink::keep`]). A page that gave a problem is not
//! kept.

use std::hash::{Hash, Hasher};

use serde::{Deserialize, Serialize};

use super::anchors::PageIds;
use super::text_cache::{Key, Kind, TextCache};
use crate::digest::{kept_digest, serialized};
use crate::write::Sink;

/// A digest of `value` as [`serialized`] writes it, which tells apart
/// every value a template sees; `None` if it cannot be written.
pub fn digest_of(value: &impl Serialize) -> Option<u128> {
    let mut bytes = Vec::new();
    serialized::write(value, &mut bytes)?;
    Some(kept_digest(&bytes))
}

/// What is kept of a page.
#[derive(Serialize, Deserialize)]
struct KeptPage<'a> {
    #[serde(borrow)]
    ids: &'a str,
    /// The length and digest of the file a build wrote; `None` for `check`.
    written: Option<(u64, u128)>,
}

/// Where a page is kept, in the cache of an earlier build's results.
pub struct PageKey<'c> {
    cache: &'c TextCache,
    key: Key,
}

impl<'c> PageKey<'c> {
    /// The key of a page made with `how` (its template, the templates, the
    /// base of its context …) from `context`; `None` when the context
    /// cannot be serialized.
    pub fn new(cache: &'c TextCache, how: impl Hash, context: &impl Serialize) -> Option<Self> {
        let mut bytes = Vec::with_capacity(32 << 10);
        serialized::write(context, &mut bytes)?;
        let mut h = cache.hasher(Kind::Page);
        how.hash(&mut h);
        h.write(&bytes);
        Some(PageKey {
            cache,
            key: h.finish128(),
        })
    }

    /// The ids of the page kept, when it is: for a build that writes, only
    /// if `sink` kept the file at `rel` as it was written.
    pub fn take(&self, sink: &dyn Sink, rel: &str, writes: bool) -> Option<PageIds> {
        self.cache.get_payload(Kind::Page, self.key, |payload| {
            let kept: KeptPage = postcard::from_bytes(payload).ok()?;
            match (writes, kept.written) {
                (false, _) => {}
                (true, Some((len, d))) => {
                    sink.keep(rel, len, &|bytes| kept_digest(bytes) == d)
                        .then_some(())?;
                }
                (true, None) => return None,
            }
            Some(PageIds::kept(kept.ids))
        })
    }

    /// Keeps the page `html` with its `ids`; its length and digest when it
    /// was written by a build.
    pub fn keep(&self, html: &[u8], ids: &PageIds, writes: bool) {
        let kept = KeptPage {
            ids: ids.as_str(),
            written: writes.then(|| (html.len() as u64, kept_digest(html))),
        };
        if let Ok(payload) = postcard::to_allocvec(&kept) {
            self.cache.put_payload(self.key, &payload);
        }
    }
}
