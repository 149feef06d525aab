//! How often each term occurs in a page, and the weight it gives the page.
//!
//! Every content page's counts wait from its rendering to the index, so
//! they are kept packed: at 100,000 pages of some 200 terms each, 8 bytes a
//! term would be 160 MB, packed they are about 3 bytes.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::docs::Text;
use super::terms;
use super::vocabulary::{Key, Vocabulary};

/// How often each term occurs in a page's title, headings and body, and
/// how many terms the title and the body hold.
pub struct Counts {
    /// Each term by its number in the language's [`Vocabulary`], in
    /// increasing order, as two varints: its number less the one before,
    /// then its [`Occurs`], packed.
    packed: Box<[u8]>,
    title_len: u32,
    pub body_len: u32,
}

/// How often a term occurs in a page, up to what its weight tells apart.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Occurs {
    title: bool,
    /// Up to 4.
    headings: u8,
    body: u16,
}

impl Occurs {
    fn new([title, headings, body]: [u16; 3]) -> Occurs {
        Occurs {
            title: title > 0,
            headings: headings.min(4) as u8,
            body,
        }
    }

    fn pack(self) -> u32 {
        u32::from(self.body) << 4 | u32::from(self.headings) << 1 | u32::from(self.title)
    }

    fn unpack(n: u32) -> Occurs {
        Occurs {
            title: n & 1 == 1,
            headings: (n >> 1 & 7) as u8,
            body: (n >> 4) as u16,
        }
    }
}

impl Counts {
    /// Each term's number and how often it occurs, in the terms' order.
    fn terms(&self) -> impl Iterator<Item = (u32, Occurs)> + '_ {
        let mut rest = &self.packed[..];
        let mut term = 0u32;
        std::iter::from_fn(move || {
            term += take(&mut rest)?;
            Some((term, Occurs::unpack(take(&mut rest)?)))
        })
    }

    /// Each term's number, in order.
    pub fn numbers(&self) -> impl Iterator<Item = u32> + '_ {
        self.terms().map(|(t, _)| t)
    }

    /// Each term's weight, in the order of [`Counts::numbers`], so that a
    /// word in the title counts most, more so in a short title; then
    /// headings and the description; then the body, saturating as in BM25
    /// and lighter in a long body than in a short one (`avg_body` is the
    /// site's average body length).
    pub fn weights(&self, avg_body: f64) -> Box<[u8]> {
        const K1: f64 = 1.2;
        const B: f64 = 0.75;
        let title = 16.0 + 24.0 * (4.0 / self.title_len.max(1) as f64).min(1.0);
        let norm = K1 * (1.0 - B + B * self.body_len as f64 / avg_body.max(1.0));
        self.terms()
            .map(|(_, occurs)| {
                let mut w = 0.0;
                if occurs.title {
                    w += title;
                }
                if occurs.headings > 0 {
                    w += 4.0 + 2.0 * f64::from(occurs.headings);
                }
                let tf = f64::from(occurs.body);
                w += 8.0 * tf / (tf + norm);
                w.round().clamp(1.0, 255.0) as u8
            })
            .collect()
    }
}

/// Terms are counted as parts of the folded texts, and only the
/// vocabulary keeps a copy of a term, once. Each text goes on with zeros,
/// so that a short term's key is read from it at once.
const PAD: &str = "\0\0\0\0\0\0\0\0";

/// How often each term occurs in a Markdown text's headings and body, and
/// how many terms each holds, before the terms are numbered: what a text
/// kept between builds keeps of its words (see `render/text_cache.rs`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    /// Terms of up to 8 bytes, by their [`Key`].
    short: Vec<(u64, [u16; 2])>,
    long: Vec<(String, [u16; 2])>,
    lens: [u32; 2],
}

/// Counts the terms of `text`, numbered in `vocabulary`.
pub fn count(text: &Text, vocabulary: &Vocabulary) -> Counts {
    let fields = std::iter::once((0, text.title.as_str()))
        .chain(text.headings.iter().map(|h| (1, h.as_str())))
        .chain([(2, text.body.as_str())]);
    let folded = fold(fields);
    let mut counting = Counting::of(&folded);
    if let Some(tally) = text.counted.as_ref().map(|(tally, _)| tally) {
        counting.add_tally(tally);
    }
    counting.numbered(vocabulary)
}

/// Counts the terms of a Markdown text's `headings` and `body`.
pub fn tally(headings: &[String], body: &str) -> Tally {
    let fields = headings.iter().map(|h| (1, h.as_str())).chain([(2, body)]);
    let folded = fold(fields);
    let counting = Counting::of(&folded);
    let both = |c: [u16; 3]| [c[1], c[2]];
    Tally {
        short: counting
            .short
            .into_iter()
            .map(|(key, c)| (key.bits(), both(c)))
            .collect(),
        long: counting
            .long
            .into_iter()
            .map(|(t, c)| (t.to_string(), both(c)))
            .collect(),
        lens: [counting.lens[1], counting.lens[2]],
    }
}

/// Each text of its field folded, followed by [`PAD`].
fn fold<'s>(fields: impl Iterator<Item = (usize, &'s str)>) -> Vec<(usize, String)> {
    fields
        .map(|(field, s)| (field, terms::fold_then(s, PAD)))
        .collect()
}

/// Terms counted in a page's title (0), headings (1) and body (2).
struct Counting<'t> {
    short: FxHashMap<Key, [u16; 3]>,
    long: FxHashMap<&'t str, [u16; 3]>,
    lens: [u32; 3],
}

impl<'t> Counting<'t> {
    /// The terms of each text of [`fold`] counted in its field.
    fn of(folded: &'t [(usize, String)]) -> Counting<'t> {
        // Room for the distinct terms of a page of this size, about one for
        // every 16 bytes of text, so that the map seldom grows.
        let room = folded.iter().map(|(_, f)| f.len()).sum::<usize>() / 16;
        let mut counting = Counting {
            short: FxHashMap::with_capacity_and_hasher(room, Default::default()),
            long: FxHashMap::default(),
            lens: [0; 3],
        };
        for (field, padded) in folded {
            counting.add(padded, *field);
        }
        counting
    }

    /// Counts the terms of `padded`, a folded text followed by [`PAD`], in
    /// `field`.
    fn add(&mut self, padded: &'t str, field: usize) {
        let f = &padded[..padded.len() - PAD.len()];
        let start = f.as_ptr() as usize;
        let (short, long, lens) = (&mut self.short, &mut self.long, &mut self.lens);
        terms::folded_terms(f, |t| {
            lens[field] = lens[field].saturating_add(1);
            let at = t.as_ptr() as usize - start;
            let c = match Key::at(padded.as_bytes(), at, t.len()) {
                Some(key) => short.entry(key).or_default(),
                None => long.entry(t).or_default(),
            };
            c[field] = c[field].saturating_add(1);
        });
    }

    /// Adds the counts of a tally to those of the headings and the body.
    fn add_tally(&mut self, tally: &'t Tally) {
        let add = |c: &mut [u16; 3], [headings, body]: [u16; 2]| {
            c[1] = c[1].saturating_add(headings);
            c[2] = c[2].saturating_add(body);
        };
        self.short.reserve(tally.short.len());
        self.long.reserve(tally.long.len());
        for &(bits, counts) in &tally.short {
            add(self.short.entry(Key::from_bits(bits)).or_default(), counts);
        }
        for (term, counts) in &tally.long {
            add(self.long.entry(term).or_default(), *counts);
        }
        self.lens[1] = self.lens[1].saturating_add(tally.lens[0]);
        self.lens[2] = self.lens[2].saturating_add(tally.lens[1]);
    }

    /// The counts, each term numbered in `vocabulary`.
    fn numbered(self, vocabulary: &Vocabulary) -> Counts {
        // Each term's number above its occurrences: sorted as plain numbers.
        let numbered = |n: u32, c: [u16; 3]| u64::from(n) << 32 | u64::from(Occurs::new(c).pack());
        let mut numbered: Vec<u64> = self
            .short
            .into_iter()
            .map(|(key, c)| numbered(vocabulary.short_number(key), c))
            .chain(
                self.long
                    .into_iter()
                    .map(|(t, c)| numbered(vocabulary.number(t), c)),
            )
            .collect();
        numbered.sort_unstable();
        let mut packed = Vec::with_capacity(numbered.len() * 3);
        let mut last_term = 0;
        for n in numbered {
            let term = (n >> 32) as u32;
            put(&mut packed, term - last_term);
            put(&mut packed, n as u32);
            last_term = term;
        }
        Counts {
            packed: packed.into_boxed_slice(),
            title_len: self.lens[0],
            body_len: self.lens[2],
        }
    }
}

/// Appends `n` as a varint (LEB128): seven bits a byte, the lowest first,
/// the high bit set on each byte but the last. Numbers below 128, most of
/// a page's, take one byte.
fn put(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The varint at the start of `bytes`, which then starts after it.
fn take(bytes: &mut &[u8]) -> Option<u32> {
    let mut n = 0;
    for shift in (0..32).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        n |= u32::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn weights(title: &str, body: &str, avg_body: f64) -> HashMap<String, u8> {
        let mut text = Text::default();
        text.title = title.into();
        text.headings = vec!["Tài khoản".into()];
        text.body = body.into();
        let vocabulary = Vocabulary::new();
        let counts = count(&text, &vocabulary);
        let weights = counts.weights(avg_body);
        let terms = vocabulary.into_terms();
        counts
            .numbers()
            .zip(weights.iter())
            .map(|(t, &w)| (terms[t as usize].to_string(), w))
            .collect()
    }

    #[test]
    fn titles_weigh_more_than_headings_and_bodies() {
        let w = weights("Kích hoạt", "kích hoạt tài khoản mức 2 mức 2", 7.0);
        // Title (short: 40), plus once in the body.
        assert_eq!(w["kich"], 40 + 3);
        assert_eq!(w["tai"], 6 + 3);
        assert_eq!(w["muc"], 5);
        // A word in a long title counts less than in a short one.
        let long = weights("Kích hoạt và tích hợp giấy tờ vào ứng dụng VNeID", "", 7.0);
        assert!(long["kich"] < w["kich"]);
    }

    #[test]
    fn repeating_a_word_saturates_and_long_bodies_weigh_less() {
        let once = weights("", "otp", 100.0)["otp"];
        let many = weights("", &"otp ".repeat(100), 100.0)["otp"];
        assert!(many > once && many <= 8);
        let short = weights("", &format!("otp {}", "x ".repeat(10)), 100.0)["otp"];
        let long = weights("", &format!("otp {}", "x ".repeat(1000)), 100.0)["otp"];
        assert!(short > long);
    }

    #[test]
    fn short_and_long_terms_are_counted_alike() {
        let mut text = Text::default();
        text.body = "ab abc abcdefgh abcdefghi abcdefgh ab ក្រសួង ក្រ khoản ĐƯỜNG đường".into();
        let vocabulary = Vocabulary::new();
        let counts = count(&text, &vocabulary);
        let terms = vocabulary.into_terms();
        let counted: HashMap<String, u16> = counts
            .terms()
            .map(|(t, o)| (terms[t as usize].to_string(), o.body))
            .collect();
        let mut expected: HashMap<String, u16> = HashMap::new();
        super::terms::terms(&text.body, |t| {
            *expected.entry(t.to_string()).or_default() += 1
        });
        assert_eq!(counted, expected);
        assert_eq!((counted["abcdefgh"], counted["abcdefghi"]), (2, 1));
        assert_eq!((counted["ab"], counted["duong"]), (2, 2));
    }

    #[test]
    fn varints_read_back_as_written() {
        let numbers = [0, 1, 127, 128, 300, 16_383, 16_384, 1 << 21, u32::MAX];
        let mut bytes = Vec::new();
        for n in numbers {
            put(&mut bytes, n);
        }
        assert_eq!(bytes.len(), 1 + 1 + 1 + 2 + 2 + 2 + 3 + 4 + 5);
        let mut rest = &bytes[..];
        let read: Vec<u32> = std::iter::from_fn(|| take(&mut rest)).collect();
        assert_eq!(read, numbers);
        // A cut varint is not read.
        assert_eq!(take(&mut &[0x80u8, 0x80][..]), None);
    }

    #[test]
    fn packed_counts_read_back_as_counted() {
        let vocabulary = Vocabulary::new();
        // Numbers far apart take several bytes each.
        for i in 0..300 {
            vocabulary.number(&format!("w{i}"));
        }
        let mut text = Text::default();
        text.title = "w299 w3".into();
        text.headings = vec!["w3 w3 w3 w3 w3 w3 w150".into()];
        text.body = format!("{}w0 w150 w299", "w3 ".repeat(70_000));
        let counts = count(&text, &vocabulary);
        let read: Vec<(u32, Occurs)> = counts.terms().collect();
        let occurs = |title, headings, body| Occurs {
            title,
            headings,
            body,
        };
        assert_eq!(
            read,
            [
                (0, occurs(false, 0, 1)),
                (3, occurs(true, 4, u16::MAX)),
                (150, occurs(false, 1, 1)),
                (299, occurs(true, 0, 1)),
            ]
        );
        assert_eq!((counts.title_len, counts.body_len), (2, 70_003));
    }

    /// Each term of `counts` with how often it occurs, and the lengths.
    fn by_term(counts: &Counts, vocabulary: Vocabulary) -> (Vec<(String, Occurs)>, u32, u32) {
        let terms = vocabulary.into_terms();
        let mut found: Vec<(String, Occurs)> = counts
            .terms()
            .map(|(t, o)| (terms[t as usize].to_string(), o))
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        (found, counts.title_len, counts.body_len)
    }

    proptest::proptest! {
        /// A text's headings and body counted apart (as a text kept between
        /// builds keeps them), then with the rest of its page, count as
        /// they do all at once.
        #[test]
        fn a_tally_added_counts_as_its_text(
            title in "[a-zĐđ ắữ\u{1780}-\u{17b3}.,0-9]{0,30}",
            description in proptest::option::of("[a-z ắữ\u{1780}-\u{17b3}]{0,30}"),
            headings in proptest::collection::vec("[a-z ắữAĂ\u{1780}-\u{17b3}!]{0,40}", 0..4),
            body in "[a-z ắữ\u{1780}-\u{17b3}\n*0-9x]{0,400}",
            repeat in 1usize..2000,
        ) {
            let body = body.repeat(repeat.min(4000 / (body.len() + 1) + 1));
            let page = |text: &mut Text| {
                text.title.clone_from(&title);
                text.headings.extend(description.clone());
            };
            let mut whole = Text::default();
            whole.headings = headings.clone();
            whole.body = body.clone();
            page(&mut whole);
            let mut kept = Text::default();
            kept.headings = headings.clone();
            kept.body = body.clone();
            kept.count_read();
            page(&mut kept);
            let (a, b) = (Vocabulary::new(), Vocabulary::new());
            let (whole_counts, kept_counts) = (count(&whole, &a), count(&kept, &b));
            proptest::prop_assert_eq!(by_term(&whole_counts, a), by_term(&kept_counts, b));
        }
    }

    #[test]
    fn a_tally_saturates_as_its_text() {
        let mut whole = Text::default();
        whole.headings = vec!["x ".repeat(70_000)];
        whole.body = "x ".repeat(70_000);
        let mut kept = Text::default();
        kept.headings = whole.headings.clone();
        kept.body = whole.body.clone();
        kept.count_read();
        kept.headings.push("x".into());
        whole.headings.push("x".into());
        let (a, b) = (Vocabulary::new(), Vocabulary::new());
        let (whole_counts, kept_counts) = (count(&whole, &a), count(&kept, &b));
        assert_eq!(by_term(&whole_counts, a), by_term(&kept_counts, b));
    }
}
