//! Minifying pages, the costliest step of a build after Tera: about half of
//! the time of a large site. A site is rebuilt many times a day and most of
//! its pages come out the same, so a build takes a page's minified bytes
//! from the output it replaces when the page's HTML is what it was then.
//!
//! What each page was made from is kept beside the output, in
//! `.loa-cache-<output name>` (see [`crate::write::cache_path`]): a line per
//! HTML file with the hash of its HTML before minifying, the hash of the
//! bytes written, and its path. A file is taken only when both hashes match,
//! so an output edited by hand, a missing or stale record, or another
//! version of loa all mean minifying again, never a wrong page.

use std::collections::HashMap;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The first line of a record; another version of loa may minify otherwise.
const HEADER: &str = concat!("loa-cache 1 ", env!("CARGO_PKG_VERSION"));

/// Minified HTML that stays valid: opening `<html>`/`<head>` and closing tags
/// are kept for validators and old phone browsers.
pub fn minify(html: &[u8]) -> Vec<u8> {
    let cfg = minify_html::Cfg {
        keep_html_and_head_opening_tags: true,
        keep_closing_tags: true,
        minify_css: false,
        minify_js: false,
        ..minify_html::Cfg::default()
    };
    minify_html::minify(html, &cfg)
}

/// Minifies, or takes the previous output's file when it came from the same HTML.
#[derive(Default)]
pub struct Minifier {
    /// The previous output, if there is one.
    previous: Option<PathBuf>,
    /// Its record: file → (hash of the HTML, hash of the file).
    before: HashMap<String, (u64, u64)>,
    /// This build's record, in no order.
    now: Mutex<Vec<(String, u64, u64)>>,
}

impl Minifier {
    /// With `previous`, the output this build replaces, and its record.
    pub fn new(previous: Option<&Path>) -> Self {
        let before = previous
            .and_then(|p| std::fs::read_to_string(crate::write::cache_path(p)).ok())
            .map(|text| parse(&text))
            .unwrap_or_default();
        Minifier {
            previous: previous.map(Path::to_path_buf),
            before,
            now: Mutex::default(),
        }
    }

    /// The minified `html` of `file`. `record` is false for pages that are
    /// changed after minifying (see [`super::fragments`]): their output says
    /// nothing of their HTML.
    pub fn page(&self, file: &str, html: &[u8], record: bool) -> Vec<u8> {
        if !record {
            return minify(html);
        }
        let source = hash(html);
        let reused = self
            .before
            .get(file)
            .filter(|(s, _)| *s == source)
            .and_then(|&(_, out)| {
                let bytes = crate::write::read_previous(self.previous.as_deref()?, file)?;
                (hash(&bytes) == out).then_some((bytes, out))
            });
        let (bytes, out) = reused.unwrap_or_else(|| {
            let bytes = minify(html);
            let out = hash(&bytes);
            (bytes, out)
        });
        if let Ok(mut now) = self.now.lock() {
            now.push((file.to_string(), source, out));
        }
        bytes
    }

    /// This build's record, to keep beside its output.
    pub fn record(&self) -> String {
        let mut now = self.now.lock().map(|n| n.clone()).unwrap_or_default();
        now.sort_unstable();
        let mut text = String::with_capacity(now.len() * 64);
        text.push_str(HEADER);
        text.push('\n');
        for (file, source, out) in now {
            text.push_str(&format!("{source:016x} {out:016x} {file}\n"));
        }
        text
    }
}

/// A record, or nothing when it is another version's or damaged.
fn parse(text: &str) -> HashMap<String, (u64, u64)> {
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return HashMap::new();
    }
    let mut out = HashMap::new();
    for line in lines {
        let mut parts = line.splitn(3, ' ');
        let (Some(source), Some(bytes), Some(file)) = (parts.next(), parts.next(), parts.next())
        else {
            return HashMap::new();
        };
        let (Ok(source), Ok(bytes)) = (
            u64::from_str_radix(source, 16),
            u64::from_str_radix(bytes, 16),
        ) else {
            return HashMap::new();
        };
        out.insert(file.to_string(), (source, bytes));
    }
    out
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    h.write_usize(bytes.len());
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &[u8] = b"<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<title>A</title>\n</head>\n<body>\n<p class=\"x\">Xin ch\xc3\xa0o</p>\n</body>\n</html>\n";

    /// A previous output holding `bytes` at `file`, with the record of a build.
    fn previous(file: &str, bytes: &[u8], record: &str) -> tempfile::TempDir {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join(file), bytes).unwrap();
        std::fs::write(crate::write::cache_path(&out), record).unwrap();
        parent
    }

    #[test]
    fn takes_the_previous_file_only_when_both_hashes_match() {
        let first = Minifier::new(None);
        let minified = first.page("index.html", PAGE, true);
        assert_eq!(minified, minify(PAGE));
        let record = first.record();
        assert!(record.starts_with(HEADER), "{record}");

        // The previous output holds a marked copy under the record of the
        // real one: a file that does not match its record is not taken.
        let marked = [minified.as_slice(), b"<!--mark-->"].concat();
        let dir = previous("index.html", &marked, &record);
        let out = dir.path().join("public");
        assert_eq!(
            Minifier::new(Some(&out)).page("index.html", PAGE, true),
            minified
        );

        // A record that matches the marked file: taken while the HTML is the same.
        let forged = record.replace(
            &format!("{:016x}", hash(&minified)),
            &format!("{:016x}", hash(&marked)),
        );
        std::fs::write(crate::write::cache_path(&out), &forged).unwrap();
        let second = Minifier::new(Some(&out));
        assert_eq!(second.page("index.html", PAGE, true), marked);
        assert_eq!(second.page("other/index.html", PAGE, true), minified);
        let changed = [PAGE, b"<p>more</p>"].concat();
        assert_eq!(second.page("index.html", &changed, true), minify(&changed));
        // Pages changed after minifying are neither taken nor recorded.
        assert_eq!(second.page("index.html", PAGE, false), minified);
        assert_eq!(second.record().lines().count(), 1 + 3);
    }

    #[test]
    fn another_version_or_a_damaged_record_is_ignored() {
        let line = format!("{:016x} {:016x} index.html", 1, 2);
        assert_eq!(parse(&format!("{HEADER}\n{line}\n")).len(), 1);
        assert!(parse(&format!("loa-cache 1 0.0.1\n{line}\n")).is_empty());
        assert!(parse(&format!("{HEADER}\n{line}\nzz 1 a\n")).is_empty());
        assert!(parse("").is_empty());
    }
}
