//! Links to a section of a page (`kich-hoat.md#buoc-2`, `#buoc-2`) are
//! checked against the ids of the page as written, once every page is made;
//! images must say what they show.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::messages::Msg;
use crate::render::minify::MARK_BYTES;

/// A link with a `#fragment` to a page of the site.
#[derive(Debug, Clone)]
pub struct AnchorLink {
    pub location: Location,
    /// As written.
    pub target: String,
    /// The site path of the page (`guides/x/`, `en/guides/x/`).
    pub page: String,
    /// Decoded, without `#`.
    pub fragment: String,
}

/// The ids of one page, each once, in order, in one string: every page's
/// are held until the links to them are checked, and a set of strings a
/// page was most of that memory.
#[derive(Debug, Default, PartialEq)]
pub struct PageIds(Box<str>);

impl PageIds {
    /// Each id followed by a NUL, which no text of the site holds.
    fn new(mut ids: Vec<String>) -> PageIds {
        ids.sort_unstable();
        ids.dedup();
        let mut all = String::with_capacity(ids.iter().map(|i| i.len() + 1).sum());
        for id in ids {
            all.push_str(&id);
            all.push('\0');
        }
        PageIds(all.into())
    }

    /// The ids as [`PageIds::as_str`] gave them.
    pub fn kept(all: &str) -> PageIds {
        PageIds(all.into())
    }

    /// The ids, each followed by a NUL.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.split_terminator('\0')
    }

    pub fn contains(&self, id: &str) -> bool {
        self.iter().any(|i| i == id)
    }
}

/// Every `id` in a page: `id=` after a space, its value quoted, marked
/// (see [`MARK_BYTES`]) or bare.
pub fn ids_in(html: &[u8]) -> PageIds {
    let mut ids = Vec::new();
    // Where the last value ended: an `id=` inside it is not one.
    let mut after = 0;
    for at in memchr::memmem::find_iter(html, b"id=") {
        if at < after
            || !at
                .checked_sub(1)
                .is_some_and(|b| html[b].is_ascii_whitespace())
        {
            continue;
        }
        let rest = &html[at + 3..];
        // As `check` reads pages, values from minified templates are still
        // between marks.
        let marked = rest
            .strip_prefix(MARK_BYTES)
            .and_then(|r| Some((r, memchr::memmem::find(r, MARK_BYTES)?)));
        let (value, len) = match (rest.first(), marked) {
            (_, Some((inside, end))) => (&inside[..end], end + 2 * MARK_BYTES.len()),
            (Some(&q @ (b'"' | b'\'')), _) => match memchr::memchr(q, &rest[1..]) {
                Some(end) => (&rest[1..=end], end + 2),
                None => continue,
            },
            _ => {
                let end = rest
                    .iter()
                    .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'"' | b'\''))
                    .unwrap_or(rest.len());
                if end == 0 {
                    continue;
                }
                (&rest[..end], end)
            }
        };
        ids.push(String::from_utf8_lossy(value).replace("&amp;", "&"));
        after = at + 3 + len;
    }
    PageIds::new(ids)
}

/// The links whose page exists but has no such id. Links to files that are
/// not content pages (generated pages, assets) are left alone.
pub fn check(links: &[AnchorLink], pages: &HashMap<String, PageIds>, problems: &mut Diagnostics) {
    let broken = links.iter().filter_map(|link| {
        let ids = pages.get(&link.page)?;
        if ids.contains(&link.fragment) {
            return None;
        }
        let nearest = ids
            .iter()
            .map(|id| (strsim::jaro_winkler(id, &link.fragment), id))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, id)| id.to_string());
        Some(Diagnostic::error(
            link.location.clone(),
            Msg::BrokenAnchor {
                target: link.target.clone(),
                suggestion: nearest,
            },
        ))
    });
    problems.extend(broken);
}

/// Raw HTML with an `<img>` that has no `alt`.
pub fn img_without_alt(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("<img") {
        let tag = &rest[at..];
        let end = tag.find('>').unwrap_or(tag.len());
        if !tag[..end].contains("alt=") {
            return true;
        }
        rest = &tag[end..];
    }
    false
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    proptest::proptest! {
        /// The same ids as the pattern `\sid=("…"|'…'|mark…mark|bare)` finds.
        #[test]
        fn ids_are_those_of_the_pattern(html in "( id=|[id= \"'>a&p;\n\u{E005}]){0,40}") {
            let re = regex::Regex::new(
                r#"\sid=(?:"([^"]*)"|'([^']*)'|\x{E005}([^\x{E005}]*)\x{E005}|([^\s>"']+))"#,
            )
            .unwrap();
            let expected: HashSet<String> = re
                .captures_iter(&html)
                .filter_map(|c| c.get(1).or(c.get(2)).or(c.get(3)).or(c.get(4)))
                .map(|m| m.as_str().replace("&amp;", "&"))
                .collect();
            let found: HashSet<String> = ids_in(html.as_bytes()).iter().map(String::from).collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn ids_of_a_page_minified_or_not() {
        let ids = ids_in(
            "<h2 id=buoc-1>a</h2><h2 id=\"buoc 2\">b</h2><main id='main'><p data-id=x><i id=\u{E005}c d\u{E005}>"
                .as_bytes(),
        );
        let ids: Vec<&str> = ids.iter().collect();
        assert_eq!(ids, ["buoc 2", "buoc-1", "c d", "main"]);
    }

    #[test]
    fn missing_sections_are_named_with_the_nearest() {
        let link = |fragment: &str| AnchorLink {
            location: Location::new("a.md", 3, 5),
            target: format!("b.md#{fragment}"),
            page: "guides/b/".into(),
            fragment: fragment.into(),
        };
        let pages = HashMap::from([(
            "guides/b/".to_string(),
            PageIds::new(vec!["buoc-2".into(), "buoc-1".into(), "buoc-2".into()]),
        )]);
        let mut problems = Diagnostics::new();
        check(
            &[link("buoc-2"), link("buoc-3"), link("zzz")],
            &pages,
            &mut problems,
        );
        assert_eq!(problems.len(), 2);
        let text = format!("{:?}", problems.iter().next().unwrap().msg);
        assert!(
            text.contains("buoc-3") && text.contains("Some(\"buoc-"),
            "{text}"
        );
        let mut problems = Diagnostics::new();
        let elsewhere = AnchorLink {
            page: "other/".into(),
            ..link("x")
        };
        check(&[elsewhere], &pages, &mut problems);
        assert!(problems.is_empty());
    }

    #[test]
    fn images_without_alt() {
        assert!(img_without_alt("<p><IMG src=x></p>"));
        assert!(!img_without_alt("<img src=x alt=\"Bản đồ\">"));
        assert!(img_without_alt("<img src=a alt=\"\"><img src=b>"));
    }
}
