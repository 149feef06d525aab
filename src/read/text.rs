//! Text as staff paste it: Excel's BOM, Windows line ends, decomposed
//! Vietnamese from Word, UTF-16 and the legacy Vietnamese encodings (see
//! `read::encoding`). Every text file is read here, and everything read is
//! normalized here first.

use std::path::Path;

use super::encoding::{self, old_font, Decoded};
use super::known::KnownClean;
use crate::diagnostic::{line_col, Diagnostics, Location};
use crate::messages::Msg;

/// The text of the file at `path`, normalized; `None` when it cannot be
/// read or is not UTF-8, with the problem reported at the file.
pub fn read_text(path: &Path, problems: &mut Diagnostics) -> Option<String> {
    read_known(path, None, problems)
}

/// [`read_text`], taking the file as it is when `known` says an earlier
/// build found it needed nothing.
pub fn read_known(
    path: &Path,
    known: Option<&KnownClean>,
    problems: &mut Diagnostics,
) -> Option<String> {
    let bytes = read_bytes(path, problems)?;
    decode_known(bytes, path, known, problems)
}

/// The bytes of the file at `path`; `None` when it cannot be read, with the
/// problem reported at the file.
pub fn read_bytes(path: &Path, problems: &mut Diagnostics) -> Option<Vec<u8>> {
    match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            problems.error(
                Location::file(path),
                Msg::ReadFailed {
                    detail: e.to_string(),
                },
            );
            None
        }
    }
}

/// The bytes of the file at `path` as normalized text: UTF-8, UTF-16, or
/// converted from a Vietnamese legacy encoding with a warning; `None` when
/// they are none of these, with the problem at the first byte that is not
/// UTF-8.
pub fn decode(bytes: Vec<u8>, path: &Path, problems: &mut Diagnostics) -> Option<String> {
    decode_known(bytes, path, None, problems)
}

/// [`decode`], taking the text as it is when `known` says an earlier build
/// found it needed nothing, and telling `known` when it needs nothing.
fn decode_known(
    bytes: Vec<u8>,
    path: &Path,
    known: Option<&KnownClean>,
    problems: &mut Diagnostics,
) -> Option<String> {
    // Checked with SIMD: every page is, and most are not ASCII.
    if let Ok(text) = simdutf8::basic::from_utf8(&bytes) {
        if !text.contains('\0') {
            let digest = known.map(|k| (k, k.digest(&bytes)));
            if let Some((known, digest)) = digest {
                if known.was_clean(digest) {
                    return Some(text.to_owned());
                }
            }
            let before = problems.len();
            let read = old_fonts(path, normalize(text), problems);
            if let Some((known, digest)) = digest {
                if read == text && problems.len() == before {
                    known.is_clean(digest);
                }
            }
            return Some(read);
        }
    }
    let table = is_table(path);
    match encoding::decode(&bytes) {
        Decoded::Text { text, converted } => {
            if has_nul(&text, &bytes, path, problems) {
                return None;
            }
            if let Some(encoding) = converted {
                problems.warning(
                    Location::file(path),
                    Msg::ConvertedEncoding { encoding, table },
                );
            }
            Some(normalize(&text))
        }
        Decoded::Unreadable {
            before,
            byte,
            looks_like,
        } => {
            if has_nul(&before, &bytes, path, problems) {
                return None;
            }
            let (line, column) = line_col(&before, before.len());
            problems.error(
                Location::new(path, line, column),
                Msg::NotUtf8 {
                    byte,
                    looks_like,
                    table,
                },
            );
            None
        }
    }
}

/// Whether `text`, read from `bytes`, has a NUL character: an error at
/// the first, which no text editor writes.
fn has_nul(text: &str, bytes: &[u8], path: &Path, problems: &mut Diagnostics) -> bool {
    let Some(at) = text.find('\0') else {
        return false;
    };
    let (line, column) = line_col(text, at);
    let utf16 = every_other_byte_nul(bytes);
    problems.error(Location::new(path, line, column), Msg::NulByte { utf16 });
    true
}

/// Whether the bytes from the first NUL on are NUL every other byte, as
/// UTF-16 text is (from the first NUL: a file that starts as UTF-8 and
/// goes on as UTF-16 was pasted together).
fn every_other_byte_nul(bytes: &[u8]) -> bool {
    let Some(first) = bytes.iter().position(|b| *b == 0) else {
        return false;
    };
    // Look at the pair before the NUL too: `A\0` (little-endian) starts a unit.
    let from = first.saturating_sub(1);
    let window = &bytes[from..bytes.len().min(from + 32)];
    let nul_side = first - from;
    let (mut nul, mut other) = (0, 0);
    for (i, b) in window.iter().enumerate() {
        match (*b == 0, i % 2 == nul_side % 2) {
            (true, true) => nul += 1,
            (true, false) => other += 1,
            _ => {}
        }
    }
    // Vietnamese letters of UTF-16 have no NUL: most units do, all on one side.
    window.len() >= 8 && other == 0 && nul * 4 >= window.len() / 2 * 3
}

/// A table of points or visits, saved from Excel: `.csv`, `.tsv`, or a
/// `.txt` in `points/` (a plan's `.txt` is a text, not a table).
fn is_table(path: &Path) -> bool {
    let in_points = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|d| d == "points");
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .is_some_and(|e| e == "csv" || e == "tsv" || (e == "txt" && in_points))
}

/// Removes a UTF-8 BOM, turns CRLF and lone CR into LF, and normalizes to
/// NFC: the plan reader's normalization, the same for every file.
pub use loa_plan::normalize;

/// Text in Unicode's composed form (NFC), copied only when it is not.
pub use loa_plan::nfc;

/// `text` with each line typed with a legacy font (VNI-Times, `.VnTime`)
/// converted, and a warning at each such line's first letter outside ASCII.
pub fn old_fonts(path: &Path, text: String, problems: &mut Diagnostics) -> String {
    if text.is_ascii() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    for (n, line) in lines_inclusive(&text).enumerate() {
        let Some((converted, encoding)) = old_font::convert(line) else {
            out.push_str(line);
            continue;
        };
        let column = line.chars().position(|c| !c.is_ascii()).unwrap_or(0) + 1;
        problems.warning(
            Location::new(path, n + 1, column),
            Msg::OldFontText {
                encoding,
                found: excerpt(line),
                converted: excerpt(&converted),
            },
        );
        out.push_str(&converted);
        changed = true;
    }
    if changed {
        out
    } else {
        text
    }
}

/// The lines of `text`, each with its `\n`, as `split_inclusive('\n')`
/// gives them: found with SIMD, which a page's many short lines need.
fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1);
    ends.chain([text.len()]).filter_map(move |end| {
        let line = text.get(start..end).filter(|l| !l.is_empty())?;
        start = end;
        Some(line)
    })
}

/// The start of a line, at most 60 characters, for a message.
pub fn excerpt(line: &str) -> String {
    let line = line.trim();
    match line.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.to_string(),
    }
}

/// Letters of other alphabets that look like Vietnamese ones: `Ð` (U+00D0,
/// Icelandic eth) typed for `Đ` (U+0110) breaks search and sorting.
const LOOKALIKES: &[(char, char)] = &[('Ð', 'Đ'), ('ð', 'đ')];

/// A warning at every look-alike letter of `text`, at its line and column.
pub fn lookalikes(path: &Path, text: &str, problems: &mut Diagnostics) {
    // Looked for by their bytes first: most texts have none.
    let has =
        |c: char| memchr::memmem::find(text.as_bytes(), c.encode_utf8(&mut [0; 4]).as_bytes());
    if LOOKALIKES.iter().all(|(f, _)| has(*f).is_none()) {
        return;
    }
    for (n, line) in text.lines().enumerate() {
        for (col, c) in line.chars().enumerate() {
            if let Some((found, instead)) = LOOKALIKES.iter().find(|(f, _)| *f == c) {
                problems.warning(
                    Location::new(path, n + 1, col + 1),
                    Msg::LookalikeLetter {
                        found: *found,
                        instead: *instead,
                    },
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_as_split_inclusive_gives_them() {
        for text in ["", "\n", "a", "a\n", "a\nb", "a\n\nb\n", "\n\nxã\r\n"] {
            let expected: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(
                lines_inclusive(text).collect::<Vec<_>>(),
                expected,
                "{text:?}"
            );
        }
    }

    #[test]
    fn eth_typed_for_d_with_stroke() {
        let mut problems = Diagnostics::new();
        lookalikes(Path::new("a.md"), "Đúng\nÐồng Tháp và ðường", &mut problems);
        let at: Vec<(usize, usize)> = problems
            .iter()
            .map(|d| (d.location.line, d.location.column))
            .collect();
        assert_eq!(at, vec![(2, 1), (2, 14)]);
    }

    #[test]
    fn a_file_that_cannot_be_read_or_is_not_utf8_is_one_problem() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.md");
        let mut problems = Diagnostics::new();
        assert_eq!(read_text(&missing, &mut problems), None);
        let latin1 = dir.path().join("latin1.md");
        std::fs::write(&latin1, b"Qu\xe9bec\r\n").unwrap();
        assert_eq!(read_text(&latin1, &mut problems), None);
        let at = problems.iter().last().map(|d| &d.location);
        assert_eq!(at.map(|l| (l.line, l.column)), Some((1, 3)), "at the é");
        let good = dir.path().join("good.md");
        std::fs::write(&good, "\u{feff}Đi\u{0323}a\r\n").unwrap();
        assert_eq!(read_text(&good, &mut problems).as_deref(), Some("Địa\n"));
        let codes: Vec<(&str, &Path)> = problems
            .iter()
            .map(|d| (d.msg.code(), d.location.path.as_path()))
            .collect();
        assert_eq!(
            codes,
            vec![
                (
                    Msg::ReadFailed {
                        detail: String::new()
                    }
                    .code(),
                    missing.as_path()
                ),
                (
                    Msg::NotUtf8 {
                        byte: 0,
                        looks_like: None,
                        table: false
                    }
                    .code(),
                    latin1.as_path()
                )
            ]
        );
    }
}
