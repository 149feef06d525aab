//! The terms of one language's index, each kept once: a page's terms are
//! their numbers, so that a site's hundreds of thousands of pages do not
//! each hold a copy of every word they share.

use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

use rustc_hash::{FxBuildHasher, FxHashMap};

/// Parts of the vocabulary, each behind its own lock, so that pages counted
/// in parallel seldom wait for each other.
const PARTS: usize = 64;

/// The terms of one part: those of up to 8 bytes (a Khmer pair, most
/// words) by their [`Key`], quicker to hash and compare than a string.
#[derive(Default)]
struct Part {
    short: FxHashMap<Key, u32>,
    long: FxHashMap<Box<str>, u32>,
}

/// Terms and their numbers, filled by pages counted in parallel.
pub struct Vocabulary {
    parts: Vec<Mutex<Part>>,
    next: AtomicU32,
}

/// A term of up to 8 bytes as a number, told from every other such term:
/// terms hold no NUL, so the zeros after a shorter term are not its bytes.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key(u64);

impl Key {
    /// The key of the term at `at` of `padded`, `len` bytes long, when
    /// it has at most 8: `padded` goes on at least 8 bytes past the term,
    /// so that its bytes are read at once.
    pub fn at(padded: &[u8], at: usize, len: usize) -> Option<Key> {
        if len > 8 {
            return None;
        }
        let bytes: [u8; 8] = padded.get(at..at + 8)?.try_into().ok()?;
        let mask = u64::MAX.checked_shr(64 - 8 * len as u32).unwrap_or(0);
        Some(Key(u64::from_le_bytes(bytes) & mask))
    }

    /// The key as a number, to keep.
    pub fn bits(self) -> u64 {
        self.0
    }

    /// A key kept as [`Key::bits`].
    pub fn from_bits(bits: u64) -> Key {
        Key(bits)
    }

    /// The key of `term`, when it has at most 8 bytes.
    pub fn of(term: &str) -> Option<Key> {
        let mut padded = [0; 16];
        padded
            .get_mut(..term.len())?
            .copy_from_slice(term.as_bytes());
        Key::at(&padded, 0, term.len())
    }

    fn term(self) -> Box<str> {
        let bytes = self.0.to_le_bytes();
        let len = bytes.iter().position(|&b| b == 0).unwrap_or(8);
        String::from_utf8_lossy(&bytes[..len]).into()
    }
}

impl Vocabulary {
    pub fn new() -> Vocabulary {
        Vocabulary {
            parts: (0..PARTS).map(|_| Mutex::default()).collect(),
            next: AtomicU32::new(0),
        }
    }

    /// The number of `term`, given it when it is new.
    pub fn number(&self, term: &str) -> u32 {
        match Key::of(term) {
            Some(key) => self.short_number(key),
            None => self.in_part(FxBuildHasher.hash_one(term), |part, next| {
                if let Some(&n) = part.long.get(term) {
                    return n;
                }
                let n = next();
                part.long.insert(term.into(), n);
                n
            }),
        }
    }

    /// The number of the term of `key`, given it when it is new.
    pub fn short_number(&self, key: Key) -> u32 {
        self.in_part(FxBuildHasher.hash_one(key), |part, next| {
            *part.short.entry(key).or_insert_with(next)
        })
    }

    /// `f` on the part of a term of hash `hash`, locked, with what gives a
    /// new term its number.
    fn in_part(&self, hash: u64, f: impl FnOnce(&mut Part, &dyn Fn() -> u32) -> u32) -> u32 {
        let mut part = self.parts[hash as usize % PARTS]
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        f(&mut part, &|| self.next.fetch_add(1, Ordering::Relaxed))
    }

    /// Every term, by its number.
    pub fn into_terms(self) -> Vec<Box<str>> {
        let mut terms: Vec<Box<str>> = vec![Box::default(); self.next.into_inner() as usize];
        for part in self.parts {
            let part = part.into_inner().unwrap_or_else(|e| e.into_inner());
            for (key, n) in part.short {
                terms[n as usize] = key.term();
            }
            for (term, n) in part.long {
                terms[n as usize] = term;
            }
        }
        terms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_term_once_by_its_number() {
        let v = Vocabulary::new();
        let a = v.number("kich");
        let b = v.number("hoat");
        let long = v.number("abcdefghi");
        let khmer = v.number("ម្");
        assert_eq!(v.number("kich"), a);
        assert_eq!(v.short_number(Key::of("kich").unwrap()), a);
        assert_eq!(v.number("abcdefghi"), long);
        assert_ne!(a, b);
        let terms = v.into_terms();
        assert_eq!(terms.len(), 4);
        assert_eq!((&*terms[a as usize], &*terms[b as usize]), ("kich", "hoat"));
        assert_eq!(
            (&*terms[long as usize], &*terms[khmer as usize]),
            ("abcdefghi", "ម្")
        );
    }

    #[test]
    fn keys_tell_terms_apart() {
        assert!(Key::of("abcdefghi").is_none());
        assert!(Key::of("abcdefgh").is_some());
        assert!(Key::of("ab") != Key::of("abc"));
        // Read from within a longer text, a term is its own bytes only.
        let padded = b"kich hoat\0\0\0\0\0\0\0\0";
        assert!(Key::at(padded, 5, 4) == Key::of("hoat"));
        assert!(Key::at(padded, 0, 4) == Key::of("kich"));
        assert!(Key::at(padded, 0, 4) != Key::at(padded, 0, 5));
        assert!(Key::at(padded, 12, 4).is_none());
    }
}
