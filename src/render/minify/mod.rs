//! Minifying pages: their templates once, when the theme is compiled (see
//! [`template`]), and Markdown's HTML as it is made (see [`markdown`]); a
//! page is minified whole only when its theme's templates could not be.

mod css;
mod mask;

pub use css::css;
pub use mask::template;

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

/// Whether an element's tags end a line of text (or it is not shown), in
/// any case: a space beside them is not shown either. A `match`, for every
/// tag of every page goes through here.
fn is_block(name: &str) -> bool {
    // Markdown's HTML names elements in lower case: copied only when not.
    if !name.bytes().any(|b| b.is_ascii_uppercase()) {
        return is_block_lower(name.as_bytes());
    }
    let mut lower = [0u8; 10];
    let Some(lower) = lower.get_mut(..name.len()) else {
        return false;
    };
    lower.copy_from_slice(name.as_bytes());
    lower.make_ascii_lowercase();
    is_block_lower(lower)
}

/// [`is_block`] of a name in lower case.
fn is_block_lower(name: &[u8]) -> bool {
    matches!(
        name,
        b"!doctype"
            | b"address"
            | b"article"
            | b"aside"
            | b"base"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"caption"
            | b"col"
            | b"colgroup"
            | b"dd"
            | b"details"
            | b"dialog"
            | b"div"
            | b"dl"
            | b"dt"
            | b"fieldset"
            | b"figcaption"
            | b"figure"
            | b"footer"
            | b"form"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"header"
            | b"hgroup"
            | b"hr"
            | b"html"
            | b"legend"
            | b"li"
            | b"link"
            | b"main"
            | b"menu"
            | b"meta"
            | b"nav"
            | b"ol"
            | b"p"
            | b"section"
            | b"summary"
            | b"table"
            | b"tbody"
            | b"td"
            | b"tfoot"
            | b"th"
            | b"thead"
            | b"title"
            | b"tr"
            | b"ul"
    )
}

/// Stands on both sides of an attribute value that a minified template left
/// without quotes but where Tera writes: [`quote_values`] quotes it if what
/// Tera wrote needs it. Tera's escaping writes this character as
/// [`MARK_ENTITY`].
pub const MARK: char = '\u{E005}';
/// [`MARK`] as an entity, for where it is text.
pub const MARK_ENTITY: &str = "&#xE005;";

/// [`MARK`] in UTF-8, as pages hold it.
pub const MARK_BYTES: &[u8] = "\u{E005}".as_bytes();

/// A page made from minified templates, its marked attribute values (see
/// [`MARK`]) quoted where they must be and left bare elsewhere.
pub fn quote_values(html: Vec<u8>) -> Vec<u8> {
    let mark = memchr::memmem::Finder::new(MARK_BYTES);
    if mark.find(&html).is_none() {
        return html;
    }
    let mut out = Vec::with_capacity(html.len() + 64);
    let mut rest = html.as_slice();
    while let Some(open) = mark.find(rest) {
        let after = &rest[open + MARK_BYTES.len()..];
        let Some(close) = mark.find(after) else {
            break;
        };
        out.extend_from_slice(&rest[..open]);
        let value = &after[..close];
        let quote = quote(value).as_bytes();
        out.extend_from_slice(quote);
        out.extend_from_slice(value);
        out.extend_from_slice(quote);
        rest = &after[close + MARK_BYTES.len()..];
    }
    out.extend_from_slice(rest);
    out
}

/// Whether an attribute value holding `byte` must be quoted.
fn needs_quotes(byte: u8) -> bool {
    byte.is_ascii_whitespace() || matches!(byte, b'"' | b'\'' | b'=' | b'<' | b'>' | b'`')
}

/// The quote an attribute value needs around it: none when HTML allows it
/// bare (not empty, and no space, quote, `=`, `<`, `>` or backtick).
fn quote(value: &[u8]) -> &'static str {
    if !value.is_empty() && !value.iter().copied().any(needs_quotes) {
        ""
    } else {
        "\""
    }
}

/// An attribute value, in quotes only when HTML needs them.
fn push_value(out: &mut String, value: &str) {
    let quote = quote(value.as_bytes());
    out.push_str(quote);
    out.push_str(value);
    out.push_str(quote);
}

/// Markdown's HTML (from pulldown-cmark, or the sanitizer) written as
/// minify-html would, for the pages it goes in are not minified whole:
/// attribute values without quotes where they need none, void elements
/// without ` /`, and no line breaks beside the tags of blocks (but in a
/// `pre`). [`MARK`] is written as an entity.
pub fn markdown(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    // How deep in `pre`, and where the last tag of a block ended in `out`.
    let (mut pre, mut block_end) = (0usize, None);
    let mut i = 0;
    while let Some(found) = memchr::memchr3(b'<', b'\n', 0xEE, &bytes[i..]) {
        let at = i + found;
        out.push_str(&html[i..at]);
        i = at + 1;
        match bytes[at] {
            b'\n' if pre == 0 && block_end == Some(out.len()) => {}
            b'\n' => out.push('\n'),
            b'<' => {
                let Some(found) = read_tag(html, at) else {
                    out.push('<');
                    continue;
                };
                let tag = &html[at..found.end];
                let block = is_block(found.name);
                if block && pre == 0 && out.ends_with('\n') {
                    out.pop();
                }
                if found.name.eq_ignore_ascii_case("pre") {
                    if tag.starts_with("</") {
                        pre = pre.saturating_sub(1);
                    } else {
                        pre += 1;
                    }
                }
                if found.plain {
                    out.push_str(tag);
                } else {
                    push_tag(&mut out, tag);
                }
                block_end = block.then_some(out.len());
                i = found.end;
            }
            _ if html[at..].starts_with(MARK) => {
                out.push_str(MARK_ENTITY);
                i = at + MARK.len_utf8();
            }
            _ => out.push_str(&html[at..at + 1]),
        }
    }
    out.push_str(&html[i..]);
    out
}

/// A tag of Markdown's HTML, read in one pass over its bytes.
struct Tag<'h> {
    /// Where it ends, after its `>` (quoted values may hold a `>`).
    end: usize,
    /// Its element: `p` of `<p>` and of `</p>`.
    name: &'h str,
    /// Written as it is, by [`push_tag`] too: no value to unquote (no
    /// `=`), no [`MARK`], no ` /` before its end. Most tags (`<p>`,
    /// `</li>`) are.
    plain: bool,
}

/// The tag starting at `start`; `None` when it does not end.
fn read_tag(html: &str, start: usize) -> Option<Tag<'_>> {
    let bytes = html.as_bytes();
    let mut at = start + 1;
    while bytes.get(at) == Some(&b'/') {
        at += 1;
    }
    let name_start = at;
    while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
        at += 1;
    }
    let name = &html[name_start..at];
    let (mut quoted, mut plain) = (false, true);
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => quoted = !quoted,
            b'>' if !quoted => {
                return Some(Tag {
                    end: at + 1,
                    name,
                    plain: plain && bytes[at - 1] != b'/',
                })
            }
            b'=' => plain = false,
            _ if byte == MARK_BYTES[0] => plain = false,
            _ => {}
        }
        at += 1;
    }
    None
}

/// A tag as serialized by pulldown-cmark or the sanitizer (`name="value"`,
/// no `"` in values), with values unquoted where they can be and no ` /`.
fn push_tag(out: &mut String, tag: &str) {
    let inner = &tag[1..tag.len() - 1];
    let inner = inner.strip_suffix('/').map_or(inner, str::trim_end);
    // MARK's first byte, before looking for all of it.
    let marked = || memchr::memchr(MARK_BYTES[0], tag.as_bytes()).is_some() && tag.contains(MARK);
    if tag.starts_with("<!") || marked() {
        out.push_str(&tag.replace(MARK, MARK_ENTITY));
        return;
    }
    out.push('<');
    let mut rest = inner;
    // Each `="`, its value up to the next `"`.
    let value_start = |rest: &str| {
        let bytes = rest.as_bytes();
        memchr::memchr_iter(b'=', bytes).find(|&i| bytes.get(i + 1) == Some(&b'"'))
    };
    while let Some(eq) = value_start(rest) {
        let value = &rest[eq + 2..];
        let Some(len) = memchr::memchr(b'"', value.as_bytes()) else {
            break;
        };
        out.push_str(&rest[..=eq]);
        push_value(out, &value[..len]);
        rest = &value[len + 1..];
    }
    out.push_str(rest);
    out.push('>');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minifies_the_html_around_tera_and_keeps_tera_as_written() {
        let source = r#"<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<title>{% block title %}{{ page.title }} – {{ site.title }}{% endblock title %}</title>
{% if page.description %}<meta name="description" content="{{ page.description }}">
{% endif %}<meta property="og:title" content="{% if page.kind == "home" %}{{ site.title }}{% else %}{{ page.title }}{% endif %}">
{# a comment #}<style>:lang({{ f.lang }}){font-family:{{ f.family | safe }}}</style>
</head>
<body>
<nav class="site-nav"><ul class="wrap">
{% for item in site.nav %}<li><a href="{{ item.url }}"{% if item.current %} aria-current="true"{% endif %}>{{ item.title }}</a></li>
{% endfor %}</ul></nav>
<p class="x {% if a %}y{% endif %}">{{ a }} {{ b }}{% raw %}{{ kept }}{% endraw %}</p>
</body>
</html>
"#;
        let out = template(source).unwrap().replace(MARK, "|");
        assert_eq!(
            out,
            concat!(
                r#"<!doctype html><html lang=|{{ lang }}|><head><title>{% block title %}{{ page.title }} – {{ site.title }}{% endblock title %}</title>"#,
                r#"{% if page.description %}<meta content=|{{ page.description }}| name=description>{% endif %}"#,
                r#"<meta content=|{% if page.kind == "home" %}{{ site.title }}{% else %}{{ page.title }}{% endif %}| property=og:title>"#,
                r#"{# a comment #}<style>:lang({{ f.lang }}){font-family:{{ f.family | safe }}}</style></head>"#,
                r#"<body><nav class=site-nav><ul class=wrap>{% for item in site.nav %}<li><a href=|{{ item.url }}|{% if item.current %} aria-current=true{% endif %}>{{ item.title }}</a></li>{% endfor %}</ul></nav>"#,
                r#"<p class="x {% if a %}y{% endif %}">{{ a }} {{ b }}{% raw %}{{ kept }}{% endraw %}</p></body></html>"#,
            )
        );
        // Tera reads it.
        let mut tera = tera::Tera::default();
        tera.add_raw_template("t.html", &out).unwrap();
    }

    #[test]
    fn blocks_in_any_case() {
        for b in [
            "p",
            "LI",
            "Table",
            "h2",
            "!DOCTYPE",
            "figcaption",
            "br",
            "ul",
        ] {
            assert!(is_block(b), "{b}");
        }
        for other in ["a", "span", "strong", "figcaptions", "", "em", "h7", "pre"] {
            assert!(!is_block(other), "{other}");
        }
    }

    #[test]
    fn spaces_beside_blocks_go_and_those_in_text_stay() {
        // Beside a block's tag a space is not shown, whatever Tera writes.
        assert_eq!(
            template("<p>a</p>\n{% if x %}<p>b</p>{% endif %}\n<ul></ul>").unwrap(),
            "<p>a</p>{% if x %}<p>b</p>{% endif %}<ul></ul>"
        );
        // Between words, and beside inline elements, it is.
        assert_eq!(
            template("<p><a>a</a>\n{% if x %}<a>b</a>{% endif %} {{ c }}</p>").unwrap(),
            "<p><a>a</a> {% if x %}<a>b</a>{% endif %} {{ c }}</p>"
        );
        assert_eq!(
            template("<pre>a\n{% if x %}b{% endif %}\n</pre>").unwrap(),
            "<pre>a\n{% if x %}b{% endif %}\n</pre>"
        );
    }

    #[test]
    fn templates_it_cannot_read_are_left_to_pages() {
        for source in [
            "<!-- {{ x }} --><p>a</p>",
            "<a href={{ url }}>a</a>",
            "<a{% if x %}><b{% endif %}>a</a>",
            "<p>{{ x </p>",
            "<p>\u{E003}</p>",
        ] {
            assert_eq!(template(source), None, "{source}");
        }
    }

    #[test]
    fn values_tera_writes_are_quoted_only_when_they_must_be() {
        let out = template(r#"<a href="{{ u }}" title="{{ t }}" class="c {{ k }}">x</a>"#).unwrap();
        let mut tera = tera::Tera::default();
        tera.set_escape_fn(crate::render::templates::escape_to);
        tera.add_raw_template("t.html", &out).unwrap();
        let mut ctx = tera::Context::new();
        let page = |ctx: &tera::Context| {
            let html = quote_values(tera.render("t.html", ctx).unwrap().into_bytes());
            String::from_utf8(html).unwrap()
        };
        ctx.insert("u", "/a/b/");
        ctx.insert("t", "Cần Thơ");
        ctx.insert("k", "k");
        assert_eq!(
            page(&ctx),
            r#"<a class="c k" href=/a/b/ title="Cần Thơ">x</a>"#
        );
        ctx.insert("u", "");
        ctx.insert("t", "a\"b\u{E005}");
        assert_eq!(
            page(&ctx),
            r#"<a class="c k" href="" title=a&quot;b&#xE005;>x</a>"#
        );
    }

    #[test]
    fn markdown_is_written_as_minify_html_would() {
        let html = concat!(
            "<h2 id=\"a\">A</h2>\n<ul>\n<li>one\n<strong>two</strong></li>\n</ul>\n",
            "<p>x<br />\ny <a href=\"/a b/\" title=\"x > y\">z</a>\u{E005}</p>\n<hr />\n"
        );
        assert_eq!(
            markdown(html),
            concat!(
                "<h2 id=a>A</h2><ul><li>one\n<strong>two</strong></li></ul>",
                "<p>x<br>y <a href=\"/a b/\" title=\"x > y\">z</a>&#xE005;</p><hr>"
            )
        );
        let code = "<pre><code class=\"language-sh\">a\n</code></pre>\n<p>b</p>\n";
        assert_eq!(
            markdown(code),
            "<pre><code class=language-sh>a\n</code></pre><p>b</p>"
        );
        // A tag that does not end is text; one whose quote does not close too.
        assert_eq!(markdown("<p>a</p>\n<x \"y>"), "<p>a</p><x \"y>");
        // Names in any case, after any slashes; comments as they are.
        assert_eq!(
            markdown("<P>a</P>\n<!-- b=c -->\n<//div>\n<br/>"),
            "<P>a</P><!-- b=c --><//div><br>"
        );
    }

    #[test]
    fn tags_are_read_in_one_pass() {
        fn read(html: &str) -> Option<(&str, &str, bool)> {
            read_tag(html, 0).map(|t| (&html[..t.end], t.name, t.plain))
        }
        assert_eq!(read("</li>\n"), Some(("</li>", "li", true)));
        assert_eq!(read("<br />x"), Some(("<br />", "br", false)));
        assert_eq!(
            read("<a title=\"x > y\">z"),
            Some(("<a title=\"x > y\">", "a", false))
        );
        assert_eq!(read("<p \"a>b\">"), Some(("<p \"a>b\">", "p", true)));
        assert_eq!(read("<td\u{E005}>"), Some(("<td\u{E005}>", "td", false)));
        assert_eq!(read("<p \"a>"), None);
        assert_eq!(read("<p"), None);
    }
}
