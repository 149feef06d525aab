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

/// Lower case, without Vietnamese marks, `đ` as `d`.
pub fn fold(text: &str) -> String {
    text.to_lowercase()
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

pub fn is_khmer(c: char) -> bool {
    matches!(c, '\u{1780}'..='\u{17FF}' | '\u{19E0}'..='\u{19FF}')
}

/// Calls `each` with every term of `text`, in order.
pub fn terms(text: &str, mut each: impl FnMut(&str)) {
    let folded = fold(text);
    for word in WORD.find_iter(&folded) {
        let word = word.as_str();
        // A run may mix scripts (`vneid២`): each part on its own.
        let mut start = 0;
        let mut chars = word.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next_differs = chars
                .peek()
                .is_none_or(|&(_, n)| is_khmer(n) != is_khmer(c));
            if next_differs {
                let end = i + c.len_utf8();
                let part = &word[start..end];
                if is_khmer(c) {
                    khmer_pairs(part, &mut each);
                } else {
                    each(cut(part));
                }
                start = end;
            }
        }
    }
}

fn cut(word: &str) -> &str {
    match word.char_indices().nth(MAX_WORD) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

/// Each pair of consecutive characters; a single character alone.
fn khmer_pairs(run: &str, each: &mut impl FnMut(&str)) {
    let bounds: Vec<usize> = run
        .char_indices()
        .map(|(i, _)| i)
        .chain([run.len()])
        .collect();
    if bounds.len() == 2 {
        each(run);
    }
    for w in bounds.windows(3) {
        each(&run[w[0]..w[2]]);
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
