//! A hasher whose results do not change with the Rust loa is built with.
//!
//! Some hashes outlive a build: the offline worker's version and the key
//! each share image carries are in the output, and a spare is kept in a
//! folder named by one. `std`'s `DefaultHasher` may change between Rust
//! releases; a new worker version would make every phone that saved the
//! site download its pages again, for nothing. [`Digest`] is SipHash-1-3
//! with zero keys, from the `siphasher` crate: what `DefaultHasher::new()`
//! computes today, so outputs stay byte-identical to those built before.

/// The hasher for anything that outlives a build.
pub type Digest = siphasher::sip::SipHasher13;

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
