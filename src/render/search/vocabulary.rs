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

/// Terms and their numbers, filled by pages counted in parallel.
pub struct Vocabulary {
    parts: Vec<Mutex<FxHashMap<Box<str>, u32>>>,
    next: AtomicU32,
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
        let part = FxBuildHasher.hash_one(term) as usize % PARTS;
        let mut terms = self.parts[part].lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&n) = terms.get(term) {
            return n;
        }
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        terms.insert(term.into(), n);
        n
    }

    /// Every term, by its number.
    pub fn into_terms(self) -> Vec<Box<str>> {
        let mut terms: Vec<Box<str>> = vec![Box::default(); self.next.into_inner() as usize];
        for part in self.parts {
            let part = part.into_inner().unwrap_or_else(|e| e.into_inner());
            for (term, n) in part {
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
        assert_eq!(v.number("kich"), a);
        assert_ne!(a, b);
        let terms = v.into_terms();
        assert_eq!(terms.len(), 2);
        assert_eq!((&*terms[a as usize], &*terms[b as usize]), ("kich", "hoat"));
    }
}
