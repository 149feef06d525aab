//! What a page or a stylesheet makes the citizen's phone fetch: images,
//! video and sound (`src`, `srcset`, `poster`) in raw HTML, and `url()` and
//! `@import` in CSS. The site promises no request to another host, so an
//! address on another host (or over `http://`) is reported where it is
//! written. Raw HTML is read with html5ever's tokenizer, CSS with cssparser.

use std::cell::RefCell;
use std::path::Path;

use cssparser::{Parser, Token};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token as HtmlToken, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use crate::diagnostic::{Diagnostics, Location};
use crate::messages::Msg;

/// Whether the phone would fetch `url` from another host: an absolute
/// `http(s)://` address, a protocol-relative `//host/…`, or any `http:`.
pub fn other_host(url: &str) -> bool {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http:")
        || lower.starts_with("https:")
        || url.starts_with("//")
        || url.starts_with("\\\\")
}

/// An address found in raw HTML.
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    /// The address, as the browser reads it (entities decoded).
    pub url: String,
    /// Where it is written in the HTML, when it is written as read (no
    /// entity in it): a byte range, to point at it and to rewrite it.
    pub range: Option<std::ops::Range<usize>>,
    /// Where the search for it in the HTML began: the end of the address
    /// before it, a place near it when `range` is `None`.
    pub near: usize,
    /// A file of the page itself (`src`, `poster`, a `srcset` candidate),
    /// to check like a Markdown image; `false` for a CSS `url()`.
    pub media: bool,
}

/// Elements whose addresses the browser fetches as the page loads.
const MEDIA: &[&str] = &["img", "video", "audio", "source", "track"];

/// Every address raw HTML `html` makes the browser fetch: `src`, `srcset`
/// candidates and `poster` of images, video and sound, and CSS `url()` in
/// `style` attributes and `<style>` elements. In the order written.
pub fn html_resources(html: &str) -> Vec<Resource> {
    if !html.contains('<') {
        return Vec::new();
    }
    let sink = Collector::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let found = tokenizer.sink.found.take();
    // Place each address in the text, in order, looking no further than a
    // tag could reach: an address written with an entity is not found, and
    // thousands of them must not each search the rest of a long text.
    let mut cursor = 0;
    found
        .into_iter()
        .map(|(url, media)| {
            let mut end = (cursor + url.len() + SEARCH_WINDOW).min(html.len());
            while !html.is_char_boundary(end) {
                end -= 1;
            }
            let range = html
                .get(cursor..end)
                .and_then(|near| near.find(url.as_str()));
            let range = range.map(|at| cursor + at..cursor + at + url.len());
            let near = cursor;
            if let Some(r) = &range {
                cursor = r.end;
            }
            Resource {
                url,
                range,
                near,
                media,
            }
        })
        .collect()
}

/// How far past the previous address the next one is looked for, in bytes.
const SEARCH_WINDOW: usize = 8192;

/// The tokenizer's sink: addresses found, and the text of a `<style>`.
#[derive(Default)]
struct Collector {
    found: RefCell<Vec<(String, bool)>>,
    style: RefCell<Option<String>>,
}

impl TokenSink for Collector {
    type Handle = ();

    fn process_token(&self, token: HtmlToken, _line: u64) -> TokenSinkResult<()> {
        match token {
            HtmlToken::TagToken(tag) => {
                // The tokenizer lowers the case of names.
                let name: &str = &tag.name;
                if tag.kind == TagKind::EndTag {
                    if name == "style" {
                        if let Some(css) = self.style.take() {
                            self.found.borrow_mut().extend(css_addresses(&css));
                        }
                    }
                    return TokenSinkResult::Continue;
                }
                let mut found = self.found.borrow_mut();
                for attr in &tag.attrs {
                    let value = attr.value.as_ref();
                    match attr.name.local.as_ref() {
                        "src" | "poster" if MEDIA.contains(&name) => {
                            found.push((value.trim().to_string(), true));
                        }
                        "srcset" if MEDIA.contains(&name) => {
                            found.extend(srcset(value).map(|u| (u.to_string(), true)));
                        }
                        "style" => found.extend(css_addresses(value)),
                        _ => {}
                    }
                }
                match name {
                    "style" if !tag.self_closing => {
                        *self.style.borrow_mut() = Some(String::new());
                        TokenSinkResult::RawData(RawKind::Rawtext)
                    }
                    "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                    _ => TokenSinkResult::Continue,
                }
            }
            HtmlToken::CharacterTokens(text) => {
                if let Some(css) = self.style.borrow_mut().as_mut() {
                    css.push_str(&text);
                }
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

/// The addresses of a `srcset`: `a.png 1x, b.png 2x` → `a.png`, `b.png`.
fn srcset(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(',')
        .filter_map(|candidate| candidate.split_whitespace().next())
}

fn css_addresses(css: &str) -> Vec<(String, bool)> {
    css_urls(css)
        .into_iter()
        .map(|(url, _, _)| (url, false))
        .collect()
}

/// How deep blocks of CSS are followed; deeper ones are skipped (a
/// stylesheet needs a few levels; a hostile one must not exhaust the stack).
const MAX_CSS_DEPTH: usize = 32;

/// Every address in CSS `css` — `url(…)`, `url("…")`, `image-set("…")`,
/// `@import "…"` — with its line (from 1) and column (from 1).
pub fn css_urls(css: &str) -> Vec<(String, usize, usize)> {
    let mut parser = Parser::new(css);
    let mut out = Vec::new();
    css_block(&mut parser, 0, false, &mut out);
    out
}

/// The addresses of one block of CSS; `strings`: quoted strings are
/// addresses here (inside `url()`, `image-set()`, after `@import`).
fn css_block(
    parser: &mut Parser,
    depth: usize,
    strings: bool,
    out: &mut Vec<(String, usize, usize)>,
) {
    let mut import = false;
    loop {
        let at = parser.current_source_location();
        let place = (at.line as usize + 1, at.column as usize);
        let Ok(token) = parser.next_including_whitespace_and_comments() else {
            return;
        };
        let token = token.clone();
        let was_import = import;
        import = false;
        match token {
            Token::UnquotedUrl(url) => out.push((url.to_string(), place.0, place.1)),
            Token::QuotedString(s) if strings || was_import => {
                out.push((s.to_string(), place.0, place.1));
            }
            Token::AtKeyword(name) => import = name.eq_ignore_ascii_case("import"),
            Token::WhiteSpace(_) | Token::Comment(_) => import = was_import,
            Token::Function(name) if depth < MAX_CSS_DEPTH => {
                let inner = ["url", "image-set", "-webkit-image-set", "src"]
                    .iter()
                    .any(|f| name.eq_ignore_ascii_case(f));
                let _ = parser.parse_nested_block(|p| {
                    css_block(p, depth + 1, inner, out);
                    Ok::<(), cssparser::ParseError<()>>(())
                });
            }
            Token::CurlyBracketBlock | Token::SquareBracketBlock | Token::ParenthesisBlock
                if depth < MAX_CSS_DEPTH =>
            {
                let _ = parser.parse_nested_block(|p| {
                    css_block(p, depth + 1, strings, out);
                    Ok::<(), cssparser::ParseError<()>>(())
                });
            }
            _ => {}
        }
    }
}

/// A warning at every address on another host in the stylesheet `css`
/// (the site's `static/css/*.css`, a theme's CSS).
pub fn check_stylesheet(path: &Path, css: &str, problems: &mut Diagnostics) {
    for (url, line, column) in css_urls(css) {
        if other_host(&url) {
            problems.warning(Location::new(path, line, column), Msg::OtherHost { url });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_other_than_the_site() {
        for url in [
            "https://i.imgur.com/a.png",
            "HTTP://x.vn/a.png",
            "http://localhost/a.png",
            "//cdn.example/a.js",
            " https://x.vn/",
        ] {
            assert!(other_host(url), "{url}");
        }
        for url in [
            "qr.png",
            "/static/a.png",
            "../a.png",
            "data:image/png;base64,AA",
            "#x",
            "mailto:a@b.vn",
        ] {
            assert!(!other_host(url), "{url}");
        }
    }

    #[test]
    fn addresses_of_raw_html_in_order_with_their_place() {
        let html = "<p style=\"background: url('//cdn.x/b.png')\"><img alt=\"QR\" src=\"qr.png\">\
            <video poster=\"https://x.vn/p.jpg\" src=\"v.mp4\"><source src=\"http://x.vn/v.webm\">\
            <track src=\"sub.vtt\"></video><img srcset=\"a.png 1x, https://x.vn/a2.png 2x\">\
            <a href=\"https://x.vn/\">x</a><style>@import \"https://x.vn/s.css\"; p { background: url(https://x.vn/c.png) }</style>\
            <img src=\"a&amp;b.png\">";
        let found = html_resources(html);
        let urls: Vec<(&str, bool)> = found.iter().map(|r| (r.url.as_str(), r.media)).collect();
        assert_eq!(
            urls,
            vec![
                ("//cdn.x/b.png", false),
                ("qr.png", true),
                ("https://x.vn/p.jpg", true),
                ("v.mp4", true),
                ("http://x.vn/v.webm", true),
                ("sub.vtt", true),
                ("a.png", true),
                ("https://x.vn/a2.png", true),
                ("https://x.vn/s.css", false),
                ("https://x.vn/c.png", false),
                ("a&b.png", true),
            ]
        );
        let qr = found[1].range.clone().unwrap();
        assert_eq!(&html[qr], "qr.png");
        assert_eq!(found[10].range, None, "written with an entity");
    }

    #[test]
    fn css_addresses_with_their_line_and_column() {
        let css = "@import url(\"https://fonts.x/css\");\n@import 'b.css';\nbody {\n  background: url(bg.png);\n  src: url( //cdn.x/f.woff2 ) format('woff2');\n}\n@media print { a { background-image: image-set(\"http://x/a.png\" 1x) } }\n";
        let found = css_urls(css);
        assert_eq!(
            found,
            vec![
                ("https://fonts.x/css".to_string(), 1, 13),
                ("b.css".to_string(), 2, 9),
                ("bg.png".to_string(), 4, 15),
                ("//cdn.x/f.woff2".to_string(), 5, 8),
                ("http://x/a.png".to_string(), 7, 48),
            ]
        );
        // Hostile nesting is skipped, never a stack overflow.
        let deep = format!(
            "{}url(http://x/a){}",
            "a{".repeat(100_000),
            "}".repeat(100_000)
        );
        assert!(css_urls(&deep).is_empty());
    }
}
