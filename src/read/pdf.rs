//! PDF plans (`plan.pdf`): the text layer, extracted with `pdf-extract`.
//! Its lines break inside sentences; the plan reader joins them again, as it
//! does for text pasted from a PDF. A scanned PDF has no text to read.

/// Why a PDF gave no text.
#[derive(Debug, PartialEq)]
pub enum PdfError {
    /// Not a PDF, damaged, or encrypted.
    Unreadable(String),
    /// Pages without a text layer: a scan or a photo.
    NoText,
}

/// Fewer letters than this in the whole file: a scan with a stray page
/// number or stamp, not a plan.
const FEWEST_LETTERS: usize = 40;

/// The text of a PDF, pages one after another.
pub fn pdf_text(bytes: &[u8]) -> Result<String, PdfError> {
    if !bytes.starts_with(b"%PDF") {
        return Err(PdfError::Unreadable(
            "the file does not start with %PDF".into(),
        ));
    }
    // The extractor panics on some malformed files: that is a file it cannot read.
    let extracted = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes))
        .map_err(|_| PdfError::Unreadable("malformed PDF".into()))?
        .map_err(|e| PdfError::Unreadable(e.to_string()))?;
    let text = extracted.replace('\u{c}', "\n");
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < FEWEST_LETTERS {
        return Err(PdfError::NoText);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_pdf() {
        assert!(matches!(
            pdf_text(b"K\xe1 HO\xc0CH"),
            Err(PdfError::Unreadable(_))
        ));
        assert!(matches!(
            pdf_text(b"%PDF-1.4\n%broken"),
            Err(PdfError::Unreadable(_))
        ));
    }
}
