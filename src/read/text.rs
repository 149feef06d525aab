//! Text as staff paste it: Excel's BOM, Windows line ends, decomposed
//! Vietnamese from Word. Everything read is normalized here first.

/// Removes a UTF-8 BOM, turns CRLF and lone CR into LF, and normalizes to
/// NFC: the plan reader's normalization, the same for every file.
pub use loa_plan::normalize;

/// Letters of other alphabets that look like Vietnamese ones: `Ð` (U+00D0,
/// Icelandic eth) typed for `Đ` (U+0110) breaks search and sorting.
const LOOKALIKES: &[(char, char)] = &[('Ð', 'Đ'), ('ð', 'đ')];

/// A warning at every look-alike letter of `text`, at its line and column.
pub fn lookalikes(path: &std::path::Path, text: &str) -> Vec<crate::diagnostic::Diagnostic> {
    let mut out = Vec::new();
    if !text.contains(|c| LOOKALIKES.iter().any(|(f, _)| *f == c)) {
        return out;
    }
    for (n, line) in text.lines().enumerate() {
        for (col, c) in line.chars().enumerate() {
            if let Some((found, instead)) = LOOKALIKES.iter().find(|(f, _)| *f == c) {
                out.push(crate::diagnostic::Diagnostic::warning(
                    crate::diagnostic::Location::new(path, n + 1, col + 1),
                    crate::messages::Msg::LookalikeLetter {
                        found: *found,
                        instead: *instead,
                    },
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eth_typed_for_d_with_stroke() {
        let w = lookalikes(std::path::Path::new("a.md"), "Đúng\nÐồng Tháp và ðường");
        let at: Vec<(usize, usize)> = w
            .iter()
            .map(|d| (d.location.line, d.location.column))
            .collect();
        assert_eq!(at, vec![(2, 1), (2, 14)]);
    }
}
