//! A hasher whose results do not change with the Rust loa is built with.
//!
//! Some hashes outlive a build: the offline worker's version and the key
//! each share image carries are in the output, and a spare is kept in a
//! folder named by one. `std`'s `DefaultHasher` may change between Rust
//! releases; a new worker version would make every phone that saved the
//! site download its pages again, for nothing. [`Digest`] is SipHash-1-3
//! with zero keys, from the `siphasher` crate: what `DefaultHasher::new()`
//! computes today, so outputs stay byte-identical to those built before.

pub mod serialized;

/// The hasher for anything that outlives a build.
pub type Digest = siphasher::sip::SipHasher13;

/// The hasher of keys of what is kept between builds in the user's cache
/// folder (texts, pages, files known to need no conversion): XXH3 of 128
/// bits, ten times as fast as SipHash over a page. Its results may change
/// with the `xxhash-rust` crate: every key starts from a seed of
/// [`program_seed`], which changes with the loa that made it.
pub struct KeptHasher(xxhash_rust::xxh3::Xxh3);

impl KeptHasher {
    pub fn new(seed: (u64, u64)) -> KeptHasher {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(&seed.0.to_le_bytes());
        h.update(&seed.1.to_le_bytes());
        KeptHasher(h)
    }

    pub fn finish128(&self) -> u128 {
        self.0.digest128()
    }
}

impl std::hash::Hasher for KeptHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
    fn finish(&self) -> u64 {
        self.0.digest()
    }
}

/// A digest of `bytes` kept between builds beside a key of
/// [`KeptHasher`]: XXH3 of 128 bits.
pub fn kept_digest(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// A digest of `value` that goes into a key of [`KeptHasher`].
pub fn kept_hash(value: &impl std::hash::Hash) -> u128 {
    let mut h = KeptHasher::new((0, 0));
    value.hash(&mut h);
    h.finish128()
}

/// Keys for digests of what loa made of a file, kept between builds: they
/// change with the loa that made it, so that another loa's are never taken.
/// A loa is told by its version and its program file: where it is, its
/// size and times, and on Unix its inode and the time its inode last
/// changed, which installing a file sets even where packaging fixes the
/// times it shows (Nix, reproducible Debian packages; Nix also puts each
/// build at its own path). `None` when the program file cannot be looked at.
pub fn program_seed() -> Option<(u64, u64)> {
    use siphasher::sip128::Hasher128;
    use std::hash::Hash;
    let path = std::env::current_exe().ok()?;
    let exe = path.metadata().ok()?;
    let since = |t: std::io::Result<std::time::SystemTime>| {
        t.ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
    };
    let mut h = siphasher::sip128::SipHasher13::new();
    env!("CARGO_PKG_VERSION").hash(&mut h);
    path.hash(&mut h);
    exe.len().hash(&mut h);
    since(exe.modified())?.hash(&mut h);
    since(exe.created()).hash(&mut h);
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (exe.dev(), exe.ino(), exe.ctime(), exe.ctime_nsec()).hash(&mut h);
    }
    let both = h.finish128();
    Some((both.h1, both.h2))
}

/// A name for what is kept of the site at `root` (its folder's name and a
/// digest of its absolute path), in the user's cache folder.
pub fn site_stem(root: &std::path::Path) -> Option<String> {
    use std::hash::{Hash, Hasher};
    let root = std::path::absolute(root).ok()?;
    let mut hash = Digest::new();
    root.hash(&mut hash);
    let name = root
        .file_name()
        .map_or_else(|| "site".into(), |n| n.to_string_lossy());
    Some(format!("{name}-{:016x}", hash.finish()))
}

#[cfg(test)]
mod tests {
    use std::hash::{Hash, Hasher};

    use super::*;

    #[test]
    fn digests_do_not_change() {
        // What `DefaultHasher::new()` gave with Rust 1.95: worker versions
        // and image keys already deployed.
        let mut h = Digest::new();
        ("sw.js", Some((0xfeed_u64, 42_usize))).hash(&mut h);
        b"<!doctype html>"[..].hash(&mut h);
        assert_eq!(h.finish(), 0xcfcb_b6fc_468e_20e3);
    }
}
