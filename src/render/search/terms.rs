//! The words of the search index, made the same way as `search.js` makes them
//! from what a reader types, so that both sides meet:
//!
//! 1. lower case;
//! 2. Vietnamese marks removed (U+0300–U+036F after NFD) and `đ` read as `d`,
//!    so `kich hoat` finds `kích hoạt` and `duong` finds `đường`;
//! 3. words are runs of letters, digits and marks (`[\p{L}\p{N}\p{M}]+`),
//!    cut to [`MAX_WORD`] characters;
//! 4. Khmer, written without spaces between words, is indexed as every pair
//!    of consecutive characters, so a word is found inside a phrase: a page
//!    matches a Khmer word when it holds all of the word's pairs.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// Longer words are cut: nobody types them, and they would bloat the index.
pub const MAX_WORD: usize = 40;

static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{N}\p{M}]+").unwrap_or_else(|_| unreachable!("a fixed pattern"))
});

/// [`fold_then`] with nothing after.
#[cfg(test)]
pub fn fold(text: &str) -> String {
    fold_then(text, "")
}

/// `text` in lower case, without Vietnamese marks, `đ` as `d`; then
/// `after`, in a string made with room for both.
pub fn fold_then(text: &str, after: &str) -> String {
    let mut folded = fast_fold(text, after.len()).unwrap_or_else(|| slow_fold(text));
    folded.push_str(after);
    folded
}

fn slow_fold(text: &str) -> String {
    text.to_lowercase()
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Characters below this are folded through [`TABLE`].
const TABLE_END: u32 = 0x3000;
/// The character is dropped (a Vietnamese mark).
const DROP: u32 = u32::MAX;
/// The character needs the whole-text fold: it becomes several
/// characters, or its lower case depends on its neighbours (`Σ`).
const SLOW: u32 = u32::MAX - 1;

/// How [`fast_fold`] folds one character.
#[derive(Clone, Copy)]
struct Fold {
    /// What [`slow_fold`] makes of it alone, or [`DROP`] or [`SLOW`].
    to: u32,
    /// It is a mark that normalization orders among the marks before it.
    mark: bool,
    /// Its decomposition ends with such a mark.
    ends_with_mark: bool,
}

/// Each character's [`Fold`], computed once: most text is folded a
/// character at a time through it.
static TABLE: LazyLock<Vec<Fold>> = LazyLock::new(|| {
    use unicode_normalization::char::canonical_combining_class as ccc;
    (0..TABLE_END)
        .map(|cp| {
            let Some(c) = char::from_u32(cp).filter(|&c| c != 'Σ') else {
                return Fold {
                    to: SLOW,
                    mark: false,
                    ends_with_mark: false,
                };
            };
            let folded = slow_fold(c.encode_utf8(&mut [0; 4]));
            let mut chars = folded.chars();
            let to = match (chars.next(), chars.next()) {
                (None, _) => DROP,
                (Some(f), None) => f as u32,
                _ => SLOW,
            };
            let last = std::iter::once(c).nfd().last().unwrap_or(c);
            Fold {
                to,
                mark: ccc(c) != 0,
                ends_with_mark: ccc(last) != 0,
            }
        })
        .collect()
});

/// [`slow_fold`] a character at a time, when every character allows it:
/// none becomes several, and no mark follows another that normalization
/// could reorder it with. Runs of characters that fold to themselves
/// (lower case ASCII, Khmer, most of a page) are copied whole; `room`
/// more bytes fit in the string made.
fn fast_fold(text: &str, room: usize) -> Option<String> {
    let table = &*TABLE;
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + room);
    let mut after_mark = false;
    // `text[..copied]` is folded into `out`.
    let mut copied = 0;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            after_mark = false;
            if b.is_ascii_uppercase() {
                out.push_str(&text[copied..at]);
                out.push(char::from(b.to_ascii_lowercase()));
                copied = at + 1;
            }
            at += 1;
            continue;
        }
        let c = text[at..].chars().next()?;
        let Fold {
            to,
            mark,
            ends_with_mark,
        } = table.get(c as usize).copied()?;
        if mark && after_mark {
            return None;
        }
        after_mark = ends_with_mark;
        let len = c.len_utf8();
        if to != u32::from(c) {
            out.push_str(&text[copied..at]);
            match to {
                DROP => {}
                SLOW => return None,
                f => out.push(char::from_u32(f)?),
            }
            copied = at + len;
        }
        at += len;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// Whether `c` is a letter, digit or mark: one match of [`WORD`], looked up
/// in a table below [`TABLE_END`], so that text is split in one pass
/// (`find_iter` scans each word forward and back).
fn is_word_char(c: char) -> bool {
    static WORD_CHARS: LazyLock<Vec<bool>> = LazyLock::new(|| {
        (0..TABLE_END)
            .map(|cp| char::from_u32(cp).is_some_and(matches_word))
            .collect()
    });
    WORD_CHARS
        .get(c as usize)
        .copied()
        .unwrap_or_else(|| matches_word(c))
}

fn matches_word(c: char) -> bool {
    WORD.is_match(c.encode_utf8(&mut [0; 4]))
}

pub fn is_khmer(c: char) -> bool {
    matches!(c, '\u{1780}'..='\u{17FF}' | '\u{19E0}'..='\u{19FF}')
}

/// Calls `each` with every term of `text`, in order.
#[cfg(test)]
pub fn terms(text: &str, each: impl FnMut(&str)) {
    folded_terms(&fold(text), each);
}

/// What a character is to [`folded_terms`].
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Not a letter, digit or mark: it ends a word.
    Space,
    /// Of a Khmer word, read as pairs.
    Khmer,
    /// Of any other word, read whole.
    Word,
}

/// Calls `each` with every term of `folded` (a text [`fold_then`] made), in
/// order: terms are parts of it. Words are the runs of `is_word_char`
/// characters (what `WORD.find_iter` finds); a word that mixes scripts
/// (`vneid២`) gives each part on its own, Khmer as pairs. One pass, a
/// character at a time, ASCII told by its byte: every page's text goes
/// through it.
pub fn folded_terms<'a>(folded: &'a str, mut each: impl FnMut(&'a str)) {
    let bytes = folded.as_bytes();
    // The run being read: its kind and start; for Khmer, where its last
    // character starts and whether it gave a pair yet.
    let (mut kind, mut start, mut last, mut paired) = (Kind::Space, 0, 0, false);
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        let (this, len) = if b.is_ascii() {
            let word = if b.is_ascii_alphanumeric() {
                Kind::Word
            } else {
                Kind::Space
            };
            (word, 1)
        } else {
            let Some(c) = folded[at..].chars().next() else {
                break;
            };
            let this = match (is_word_char(c), is_khmer(c)) {
                (false, _) => Kind::Space,
                (true, true) => Kind::Khmer,
                (true, false) => Kind::Word,
            };
            (this, c.len_utf8())
        };
        if this != kind {
            end_run(folded, kind, start, at, paired, &mut each);
            (kind, start, paired) = (this, at, false);
        } else if kind == Kind::Khmer {
            each(&folded[last..at + len]);
            paired = true;
        }
        last = at;
        at += len;
    }
    end_run(folded, kind, start, at, paired, &mut each);
}

/// Gives the term a run of `kind` from `start` to `end` holds, if any
/// is left: a word, cut to [`MAX_WORD`] characters, or a Khmer character
/// alone (a longer Khmer run gave its pairs).
fn end_run<'a>(
    folded: &'a str,
    kind: Kind,
    start: usize,
    end: usize,
    paired: bool,
    each: &mut impl FnMut(&'a str),
) {
    let run = &folded[start..end];
    match kind {
        Kind::Word if run.len() <= MAX_WORD => each(run),
        Kind::Word => each(cut(run)),
        Kind::Khmer if !paired => each(run),
        _ => {}
    }
}

fn cut(word: &str) -> &str {
    match word.char_indices().nth(MAX_WORD) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

/// Characters of a term that name its shard.
pub const SHARD_PREFIX: usize = 3;

/// The shard of the index that holds `term`: FNV-1a of the code points of
/// its first [`SHARD_PREFIX`] characters, so that a reader's unfinished word
/// of that length or more finds its shard. `search.js` computes the same.
pub fn shard(term: &str, shards: u32) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for c in term.chars().take(SHARD_PREFIX) {
        h = (h ^ c as u32).wrapping_mul(0x0100_0193);
    }
    h % shards.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn folding_by_the_table_is_folding_the_whole_text(
            text in "[a-zA-Z0-9 .àáạảãăắặâấậđĐêếệôốộơớợưứựÀÁẠẤ\u{300}\u{301}\u{303}\u{309}\u{323}\u{31b}\u{1780}-\u{17ff}Σ]{0,40}"
        ) {
            proptest::prop_assert_eq!(fold(&text), slow_fold(&text));
        }

        #[test]
        fn terms_are_those_of_the_runs_the_pattern_finds(
            text in "(\\PC|[a-z0-9 .\u{1780}-\u{17ff}\u{19e0}-\u{19ff}\u{17d2}\u{17b6}]){0,60}"
        ) {
            let mut found = Vec::new();
            folded_terms(&text, |t| found.push(t));
            proptest::prop_assert_eq!(found, by_the_pattern(&text));
        }
    }

    /// The terms of `folded` as the index defines them, by the pattern:
    /// each run of [`WORD`] split where it goes in or out of Khmer, Khmer
    /// parts as pairs of characters (one alone), others cut.
    fn by_the_pattern(folded: &str) -> Vec<&str> {
        let mut terms = Vec::new();
        for word in WORD.find_iter(folded).map(|m| m.as_str()) {
            let mut parts: Vec<(bool, usize, usize)> = Vec::new();
            for (i, c) in word.char_indices() {
                let end = i + c.len_utf8();
                match parts.last_mut() {
                    Some((khmer, _, e)) if *khmer == is_khmer(c) => *e = end,
                    _ => parts.push((is_khmer(c), i, end)),
                }
            }
            for (khmer, start, end) in parts {
                let part = &word[start..end];
                let ends: Vec<usize> = part
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain([part.len()])
                    .collect();
                match (khmer, ends.len()) {
                    (false, _) => terms.push(cut(part)),
                    (true, 2) => terms.push(part),
                    (true, _) => terms.extend(ends.windows(3).map(|w| &part[w[0]..w[2]])),
                }
            }
        }
        terms
    }

    #[test]
    fn terms_in_every_script() {
        let text = fold("Kích hoạt\u{301}x, ស្នាមម្រាមដៃ២០២៦ — 漢字 ٣ 🙂x²½ e\u{0301} vneid២ ក ។ ៛៛ ");
        let mut found = Vec::new();
        folded_terms(&text, |t| found.push(t));
        assert_eq!(found, by_the_pattern(&text));
        assert_eq!(WORD.find_iter(&text).count(), 9);
        assert!(found.contains(&"vneid") && found.contains(&"២") && found.contains(&"ក"));
    }

    fn all(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        terms(text, |t| out.push(t.to_string()));
        out
    }

    #[test]
    fn vietnamese_without_marks() {
        assert_eq!(
            all("Kích hoạt tài khoản mức 2"),
            ["kich", "hoat", "tai", "khoan", "muc", "2"]
        );
        assert_eq!(all("ĐƯỜNG Đồng Khởi"), ["duong", "dong", "khoi"]);
        // Marks typed apart (NFD) fold the same.
        assert_eq!(
            all("Căn cước"),
            all("Ca\u{306}n cu\u{31b}\u{301}o\u{31b}\u{301}c")
        );
    }

    #[test]
    fn the_table_folds_as_the_whole_text_does() {
        for text in [
            "Kích hoạt tài khoản ĐỊNH DANH mức 2 – “VNeID” …",
            "ការបើកដំណើរការគណនី ម្រាមដៃ ស្ដ្រី",
            "Ca\u{306}n cu\u{31b}\u{301}o\u{31b}\u{301}c İstanbul ǅ ΣΑΣ",
        ] {
            assert_eq!(fold(text), slow_fold(text), "{text}");
        }
        assert!(fast_fold("ម្រាមដៃ", 0).is_some());
        assert!(fast_fold("Đường", 0).is_some());
        // Marks side by side may be reordered: the whole-text path.
        assert!(fast_fold("a\u{301}\u{323}", 0).is_none());
        assert!(fast_fold("\u{1ea5}\u{323}", 0).is_none());
    }

    #[test]
    fn punctuation_separates() {
        assert_eq!(all("VNeID: (mức-2), OTP!"), ["vneid", "muc", "2", "otp"]);
        assert!(all("  \u{200b} — … ").is_empty());
    }

    #[test]
    fn khmer_pairs_find_words_inside_phrases() {
        let phrase = all("ផ្ដិតស្នាមម្រាមដៃ");
        let word = all("ម្រាមដៃ");
        assert!(!word.is_empty());
        assert!(word.iter().all(|t| phrase.contains(t)));
        assert_eq!(all("ក"), ["ក"]);
        assert_eq!(all("VNeIDក").len(), 2);
    }

    #[test]
    fn long_words_are_cut() {
        let long = "a".repeat(100);
        assert_eq!(all(&long)[0].chars().count(), MAX_WORD);
    }

    #[test]
    fn shards_by_first_characters() {
        assert_eq!(shard("kich", 64), shard("kic", 64));
        assert!(shard("kich", 64) < 64);
        assert_eq!(shard("x", 1), 0);
        // Known FNV-1a values; `search.js` must compute the same.
        assert_eq!(shard("kich", u32::MAX), 2_046_283_694);
        assert_eq!(shard("ម្រាម", u32::MAX), 2_721_937_967);
    }
}
