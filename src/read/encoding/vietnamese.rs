//! Vietnamese letters, and the measure that decides whether a decoded text
//! is Vietnamese: the share of its words that are Vietnamese syllables.

use unicode_normalization::UnicodeNormalization;

/// The vowels that carry tones, lower case, before any tone.
const VOWELS: [&str; 12] = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];

/// The five tone marks as combining characters: grave, acute, tilde,
/// hook above, dot below.
pub const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// Every Vietnamese letter outside ASCII, lower then upper case (134).
pub fn letters() -> Vec<char> {
    let mut lower: Vec<char> = Vec::new();
    for vowel in VOWELS {
        let plain = std::iter::once(vowel.to_string());
        let toned = TONES.iter().map(|t| format!("{vowel}{t}"));
        for form in plain.chain(toned) {
            let composed: String = form.nfc().collect();
            let mut chars = composed.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                if !c.is_ascii() {
                    lower.push(c);
                }
            }
        }
    }
    lower.push('đ');
    let upper: Vec<char> = lower.iter().flat_map(|c| c.to_uppercase()).collect();
    lower.into_iter().chain(upper).collect()
}

/// A Vietnamese letter outside ASCII.
pub fn is_letter(c: char) -> bool {
    !c.is_ascii() && letters_contain(c)
}

fn letters_contain(c: char) -> bool {
    // Every Vietnamese letter outside ASCII is in Latin-1, Latin Extended-A
    // or -B (ă đ ĩ ũ ơ ư) or Latin Extended Additional (U+1EA0–U+1EF9).
    let lower = c.to_lowercase().next().unwrap_or(c);
    matches!(
        lower,
        'à' | 'á'
            | 'â'
            | 'ã'
            | 'è'
            | 'é'
            | 'ê'
            | 'ì'
            | 'í'
            | 'ò'
            | 'ó'
            | 'ô'
            | 'õ'
            | 'ù'
            | 'ú'
            | 'ý'
            | 'ă'
            | 'đ'
            | 'ĩ'
            | 'ũ'
            | 'ơ'
            | 'ư'
            | '\u{1EA1}'..='\u{1EF9}'
    )
}

/// A Vietnamese letter that no Western European text has: one outside
/// Latin-1 (`ă`, `đ`, `ơ`, `ư`, `ạ`, `ả` …).
fn is_distinctive(c: char) -> bool {
    is_letter(c) && c as u32 > 0xFF
}

/// How many tone marks a letter carries (0 or 1).
fn tones(c: char) -> usize {
    if c.is_ascii() {
        return 0;
    }
    // Its decomposition, without the buffers of an NFD iterator: the
    // marks' order does not change how many are tones.
    let mut n = 0;
    unicode_normalization::char::decompose_canonical(c, |m| n += usize::from(TONES.contains(&m)));
    n
}

/// How Vietnamese a text reads: of its words with a letter outside ASCII,
/// how many are Vietnamese syllables (ASCII and Vietnamese letters, at most
/// one tone), and whether one letter is Vietnamese only.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub words: usize,
    pub syllables: usize,
    pub distinctive: bool,
}

impl Reading {
    /// Vietnamese: at least two words with letters outside ASCII, nine in
    /// ten of them syllables, and one letter Vietnamese only (so French or
    /// German text, or a stray byte, is not taken for it).
    pub fn is_vietnamese(&self) -> bool {
        self.distinctive && self.words >= 2 && self.syllables * 10 >= self.words * 9
    }

    /// The share of syllables, in thousandths, to compare readings.
    pub fn score(&self) -> usize {
        (self.syllables * 1000).checked_div(self.words).unwrap_or(0)
    }
}

/// Words are split at spaces, ASCII punctuation and digits, and general
/// punctuation (“ ” – …); other characters outside ASCII stay in the word.
fn separates(c: char) -> bool {
    c.is_whitespace()
        || (c.is_ascii() && !c.is_ascii_alphabetic())
        || ('\u{2000}'..='\u{206F}').contains(&c)
        || matches!(c, '«' | '»' | '·' | '°')
}

pub fn read(text: &str) -> Reading {
    let mut reading = Reading {
        words: 0,
        syllables: 0,
        distinctive: false,
    };
    for word in words_outside_ascii(text) {
        reading.words += 1;
        let letters_only = word
            .chars()
            .all(|c| c.is_ascii_alphabetic() || is_letter(c));
        let toned: usize = word.chars().map(tones).sum();
        if letters_only && toned <= 1 && is_syllable(word) {
            reading.syllables += 1;
            reading.distinctive |= word.chars().any(is_distinctive);
        }
    }
    reading
}

/// The words of `text` (split at [`separates`]) with a character outside
/// ASCII, in order: found from those characters, so that the ASCII most
/// lines are made of is only scanned for them.
fn words_outside_ascii(text: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let at = from + text.as_bytes()[from..].iter().position(|b| !b.is_ascii())?;
        let c = text[at..].chars().next()?;
        if separates(c) {
            from = at + c.len_utf8();
            continue;
        }
        // Before `at`, from `from`, the text is ASCII: a separator there is one byte.
        let start = text[from..at]
            .rfind(separates)
            .map_or(from, |i| from + i + 1);
        let end = text[at..].find(separates).map_or(text.len(), |i| at + i);
        from = end;
        return Some(&text[start..end]);
    })
}

/// Consonants a syllable starts with, longest first.
const ONSETS: [&str; 27] = [
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];
/// Consonants a syllable ends with.
const CODAS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// The most letters a syllable with a vowel has: three of a consonant,
/// three vowels, two of a final consonant.
const LONGEST: usize = 8;

/// A Vietnamese syllable (in any case, any tone): consonants, one to three
/// vowels, a final consonant; or an abbreviation without vowels (`ĐT`).
/// Its letters are looked at without tones, in lower case, one at a time.
fn is_syllable(word: &str) -> bool {
    let mut bare = ['\0'; LONGEST];
    let (mut len, mut vowel) = (0, false);
    for c in word.chars() {
        let Some(c) = bare_letter(c) else {
            return bare_syllable(word);
        };
        vowel |= is_vowel(c);
        if let Some(slot) = bare.get_mut(len) {
            *slot = c;
        }
        len += 1;
    }
    if !vowel {
        return true;
    }
    if len > LONGEST {
        return false;
    }
    let bare = &bare[..len];
    let same = |part: &str, letters: &[char]| part.chars().eq(letters.iter().copied());
    let fits = |rest: &[char]| {
        let vowels = rest.iter().take_while(|c| is_vowel(**c)).count();
        (1..=3).contains(&vowels) && CODAS.iter().any(|coda| same(coda, &rest[vowels..]))
    };
    fits(bare)
        || ONSETS.iter().any(|onset| {
            let n = onset.chars().count();
            n <= bare.len() && same(onset, &bare[..n]) && fits(&bare[n..])
        })
}

fn is_vowel(c: char) -> bool {
    VOWELS.iter().any(|v| v.starts_with(c))
}

/// A letter without its tone, in lower case: `Ữ` → `ư`; `None` for a
/// character that is no letter of ASCII or Vietnamese.
fn bare_letter(c: char) -> Option<char> {
    use unicode_normalization::char::{compose, decompose_canonical};
    if c.is_ascii_alphabetic() {
        return Some(c.to_ascii_lowercase());
    }
    if !is_letter(c) {
        return None;
    }
    let mut parts = ['\0'; 3];
    let mut n = 0;
    decompose_canonical(c, |part| {
        if !TONES.contains(&part) && n < parts.len() {
            parts[n] = part;
            n += 1;
        }
    });
    let letter = match parts[..n] {
        [letter] => letter,
        [base, mark] => compose(base, mark)?,
        _ => return None,
    };
    let mut lower = letter.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => Some(l),
        _ => None,
    }
}

/// [`is_syllable`] of any word, through its whole text.
fn bare_syllable(word: &str) -> bool {
    let bare: String = word
        .nfd()
        .filter(|c| !TONES.contains(c))
        .nfc()
        .flat_map(char::to_lowercase)
        .collect();
    if !bare.chars().any(is_vowel) {
        return true;
    }
    let fits = |rest: &str| {
        let vowels = rest.chars().take_while(|c| is_vowel(*c)).count();
        let coda: String = rest.chars().skip(vowels).collect();
        (1..=3).contains(&vowels) && CODAS.contains(&coda.as_str())
    };
    fits(&bare)
        || ONSETS
            .iter()
            .filter_map(|onset| bare.strip_prefix(onset))
            .any(fits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_67_letters_in_each_case() {
        let all = letters();
        assert_eq!(all.len(), 134);
        assert!(all.iter().all(|c| is_letter(*c)), "{all:?}");
        assert!(!is_letter('ä') && !is_letter('ñ') && !is_letter('Ö') && !is_letter('a'));
    }

    #[test]
    fn vietnamese_reads_as_vietnamese_and_french_does_not() {
        assert!(read("Công an xã Đông Hải, “Chợ” – 07:30").is_vietnamese());
        assert!(
            !read("Québec, Montréal").is_vietnamese(),
            "no letter only Vietnamese has"
        );
        assert!(
            !read("Vieät Nam").is_vietnamese(),
            "ä is no Vietnamese letter"
        );
        assert!(!read("Việ́t").is_vietnamese(), "two tones in a syllable");
        assert!(!read("Quộbec").is_vietnamese(), "not a syllable");
        for word in [
            "giữa", "gìn", "quốc", "NGHIÊNG", "ĐT", "người", "khuya", "ước",
        ] {
            assert!(is_syllable(word), "{word}");
        }
        assert_eq!(read("abc 123").words, 0);
    }

    #[test]
    fn syllables_letter_by_letter_as_through_the_whole_text() {
        let letters: Vec<String> = "aăâeêioôơuưy"
            .chars()
            .flat_map(|v| {
                let toned = TONES.map(|t| format!("{v}{t}").nfc().collect::<String>());
                std::iter::once(v.to_string()).chain(toned)
            })
            .chain(["b", "c", "d", "đ", "g", "h", "k", "n", "p", "t", "x", "z"].map(String::from))
            .flat_map(|l| [l.to_uppercase(), l])
            .collect();
        let mut words = vec![String::new()];
        let mut state = 7u64;
        for _ in 0..100_000 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = 1 + (state >> 33) as usize % 10;
            let word: String = (0..len)
                .map(|i| &letters[(state >> (i * 6 % 60)) as usize % letters.len()])
                .map(String::as_str)
                .collect();
            words.push(word);
        }
        words.extend(
            [
                "giữa", "NGHIÊNG", "quốc", "khuya", "ĐT", "Taân", "ä", "x\u{301}",
            ]
            .map(String::from),
        );
        let mut syllables = 0;
        for word in &words {
            assert_eq!(is_syllable(word), bare_syllable(word), "{word:?}");
            syllables += usize::from(is_syllable(word));
        }
        assert!(syllables > 1_000, "{syllables}");
    }

    #[test]
    fn words_outside_ascii_are_those_of_the_split() {
        let pieces = [
            "a", "xã", " ", "“", "”", "–", "8", ".", "Đông", "«", "·", "°", "\u{a0}", "ä", "ក",
            "\n", "é", "Vieät", ",",
        ];
        // Texts of one to five pieces: every third of each round of longer ones.
        let mut texts = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer.into_iter().step_by(3));
        }
        assert!(texts.len() > 10_000);
        for text in &texts {
            let split: Vec<&str> = text.split(separates).filter(|w| !w.is_ascii()).collect();
            let found: Vec<&str> = words_outside_ascii(text).collect();
            assert_eq!(found, split, "{text:?}");
        }
    }
}
