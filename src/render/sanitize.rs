//! Raw HTML pasted into Markdown is the one way content could run code on a
//! citizen's phone. Every body of a page goes through an allow-list
//! (ammonia): no scripts, event handlers or forms, no style but table
//! alignment, no URL but http(s), mailto, tel, geo and relative ones, and
//! iframes only from the hosts listed in `site.yaml` (`iframe_hosts`).

use std::collections::HashSet;
use std::sync::OnceLock;

use regex::Regex;

/// An iframe may show `src` when it is https on a host listed in `site.yaml`.
fn iframe_allowed(src: &str, hosts: &[String]) -> bool {
    let Some(rest) = src.trim().strip_prefix("https://") else {
        return false;
    };
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    hosts.contains(&host)
}

pub fn sanitize(html: &str, iframe_hosts: &[String]) -> String {
    let hosts = iframe_hosts.to_vec();
    let mut b = ammonia::Builder::default();
    b.add_generic_attributes(["id", "class", "dir"])
        .add_tag_attributes("div", ["tabindex"])
        .add_tag_attributes("th", ["scope", "style"])
        .add_tag_attributes("td", ["style"])
        .filter_style_properties(HashSet::from(["text-align"]))
        .add_tag_attributes("img", ["loading"])
        .add_tags(["audio", "video", "source", "track"])
        .add_tag_attributes("audio", ["src", "controls", "preload"])
        .add_tag_attributes(
            "video",
            ["src", "controls", "preload", "poster", "width", "height"],
        )
        .add_tag_attributes("source", ["src", "type"])
        .add_tag_attributes("track", ["src", "kind", "srclang", "label", "default"])
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel", "geo"]))
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None);
    if !iframe_hosts.is_empty() {
        b.add_tags(["iframe"])
            .add_tag_attributes(
                "iframe",
                [
                    "src",
                    "title",
                    "width",
                    "height",
                    "allowfullscreen",
                    "loading",
                ],
            )
            .attribute_filter(move |element, attribute, value| {
                if element == "iframe" && attribute == "src" && !iframe_allowed(value, &hosts) {
                    None
                } else {
                    Some(value.into())
                }
            });
    }
    without_empty_iframes(b.clean(html).to_string())
}

/// An iframe whose address was not allowed would be an empty box: removed.
fn without_empty_iframes(html: String) -> String {
    if !html.contains("<iframe") {
        return html;
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<iframe") {
        out.push_str(&rest[..start]);
        let tag_end = rest[start..]
            .find('>')
            .map_or(rest.len(), |e| start + e + 1);
        let close = rest[start..]
            .find("</iframe>")
            .map_or(tag_end, |e| start + e + "</iframe>".len());
        if rest[start..tag_end].contains(" src=") {
            out.push_str(&rest[start..close]);
        }
        rest = &rest[close.max(tag_end)..];
    }
    out.push_str(rest);
    out
}

/// What in a piece of raw HTML or a link the sanitizer will remove, to warn
/// the person who wrote it: `<script`, `onclick=`, `javascript:`, an iframe
/// from a host not listed …
pub fn unsafe_part(text: &str, iframe_hosts: &[String]) -> Option<String> {
    // Each pattern below needs one of these: most links have none.
    if !text.bytes().any(|b| matches!(b, b'<' | b':' | b'=')) {
        return None;
    }
    static IFRAME: OnceLock<Option<Regex>> = OnceLock::new();
    let iframe = IFRAME
        .get_or_init(|| Regex::new(r#"(?i)<\s*iframe\b[^>]*?\ssrc\s*=\s*["']?([^"'\s>]*)"#).ok());
    if let Some(found) = iframe.as_ref().and_then(|re| re.captures(text)) {
        let src = found.get(1).map_or("", |m| m.as_str());
        if !iframe_allowed(src, iframe_hosts) {
            return Some(format!("<iframe src=\"{src}\">"));
        }
    }
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?i)<\s*(script|style|object|embed|form|input|button|base|meta|link|frame|frameset)\b|\son[a-z]+\s*=|\b(javascript|vbscript|livescript)\s*:|\bdata\s*:\s*text/html",
        )
        .ok()
    });
    re.as_ref()?
        .find(text)
        .map(|m| m.as_str().trim().to_string())
}

/// How deep raw HTML in a page may nest. The HTML parser behind the
/// allow-list takes time quadratic in the depth; real pages need a few
/// levels.
pub const MAX_HTML_DEPTH: usize = 256;

/// Follows how many elements of raw HTML are open after `text`, from
/// `depth` before it; `true` when they are more than [`MAX_HTML_DEPTH`].
/// Elements that have no end (`<br>`, `<img>` …) and `<x/>` are not counted.
pub fn nests_too_deep(text: &str, depth: &mut usize) -> bool {
    static TAG: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(tag) = TAG
        .get_or_init(|| Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(/?)>").ok())
        .as_ref()
    else {
        return false;
    };
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param",
    ];
    for c in tag.captures_iter(text) {
        let closing = c.get(1).is_some_and(|m| !m.is_empty());
        let name = c.get(2).map_or("", |m| m.as_str()).to_ascii_lowercase();
        let self_closing = c.get(3).is_some_and(|m| !m.is_empty());
        if closing {
            *depth = depth.saturating_sub(1);
        } else if !self_closing && !VOID.contains(&name.as_str()) {
            *depth += 1;
            if *depth > MAX_HTML_DEPTH {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(html: &str) -> String {
        sanitize(html, &["www.youtube-nocookie.com".to_string()])
    }

    #[test]
    fn scripts_handlers_and_dangerous_urls_are_removed() {
        let corpus = [
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<svg><script>alert(1)</script></svg>",
            "<svg onload=alert(1)>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<iframe src=\"https://evil.example/\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<p <script>alert(1)</script>>",
            "<form action=\"https://evil.example\"><input name=otp></form>",
            "<body onload=alert(1)>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        ];
        for html in corpus {
            let out = clean(html).to_ascii_lowercase();
            for bad in [
                "<script",
                "onerror",
                "onload",
                "javascript:",
                "vbscript:",
                "data:text/html",
                "evil.example",
                "<form",
                "<input",
                "<object",
                "<embed",
                "<meta",
                "srcdoc",
                "<svg",
            ] {
                assert!(!out.contains(bad), "{html} -> {out}");
            }
        }
    }

    #[test]
    fn what_loa_and_staff_write_is_kept() {
        let html = "<h2 id=\"buoc-1\">Bước 1</h2><div class=\"table-scroll\" tabindex=\"0\"><table><thead><tr><th scope=\"col\" style=\"text-align: right\">Số</th></tr></thead></table></div><p><a href=\"/vneid/guides/x/#buoc-2\">x</a> <a href=\"tel:+842923820011\">gọi</a> <a href=\"https://dichvucong.gov.vn/\">DVC</a></p><audio controls src=\"/vneid/a.mp3\"></audio><iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"Video\"></iframe>";
        // The same, as HTML5 writes it.
        let expected = html
            .replace("text-align: right", "text-align:right")
            .replace("<audio controls ", "<audio controls=\"\" ");
        assert_eq!(clean(html), expected);
    }

    #[test]
    fn iframes_only_from_listed_hosts() {
        assert!(!sanitize(
            "<iframe src=\"https://www.youtube-nocookie.com/embed/x\"></iframe>",
            &[]
        )
        .contains("iframe"));
        assert_eq!(
            clean(
                "<p>a</p><iframe src=\"http://www.youtube-nocookie.com/embed/x\"></iframe><p>b</p>"
            ),
            "<p>a</p><p>b</p>"
        );
        assert_eq!(clean("<iframe title=\"x\" src=\"https://www.youtube-nocookie.com.evil.example/\"></iframe>"), "");
    }

    #[test]
    fn depth_of_raw_html_is_followed_across_pieces() {
        let mut depth = 0;
        assert!(!nests_too_deep(
            "<div><p>a<br><img src=x><x-y/></p>",
            &mut depth
        ));
        assert_eq!(depth, 1);
        assert!(!nests_too_deep("</div></div></div>", &mut depth));
        assert_eq!(depth, 0);
        assert!(nests_too_deep(&"<div>".repeat(50_000), &mut depth));
        assert_eq!(depth, MAX_HTML_DEPTH + 1);
    }

    #[test]
    fn the_writer_is_told_what_goes() {
        let hosts = ["www.youtube-nocookie.com".to_string()];
        let part = |t: &str| unsafe_part(t, &hosts);
        assert_eq!(part("<p onclick=\"x()\">").as_deref(), Some("onclick="));
        assert_eq!(part("<SCRIPT>").as_deref(), Some("<SCRIPT"));
        assert_eq!(part("JavaScript:alert(1)").as_deref(), Some("JavaScript:"));
        assert_eq!(part("<p class=\"note\">Mang theo CCCD</p>"), None);
        assert_eq!(
            part("<iframe src='https://evil.example/x'>").as_deref(),
            Some("<iframe src=\"https://evil.example/x\">")
        );
        assert_eq!(
            part("<iframe src=\"https://www.youtube-nocookie.com/embed/x\">"),
            None
        );
    }
}
