//! Markdown to HTML: links rewritten for the deployed base path and checked,
//! headings given anchors and collected into a table of contents.

use std::collections::HashSet;

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use super::sanitize::{sanitize, unsafe_part};
use crate::diagnostic::{line_col, Diagnostic, Location};
use crate::messages::Msg;
use crate::model::links::{LinkError, LinkIndex};
use crate::model::{Site, Version};
use crate::slug::slugify;

#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    pub problems: Vec<Diagnostic>,
    /// Links to a section of a page, checked once every page is made.
    pub anchors: Vec<super::anchors::AnchorLink>,
    /// Whether the text has links or images, whose addresses depend on the
    /// page and its language; without, it is the same HTML on every page.
    pub addresses: bool,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders a page's body for the page at site path `url` in `lang`: links
/// checked and rewritten, raw HTML through the allow-list of [`sanitize`];
/// written as minify-html would when `minify` (else only read, by `check`).
pub fn render<'a>(
    version: &'a Version,
    url: &str,
    lang: &str,
    site: &Site,
    minify: bool,
) -> Rendered {
    let links = &site.links;
    let body = version.body.as_str();
    let mut problems = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut toc = Vec::new();
    let mut ids = Ids::default();
    let mut heading: Option<(HeadingLevel, Option<String>, Vec<Event>)> = None;
    let mut anchors = Vec::new();
    // The alt text of the image being read, and where the image starts.
    let mut image: Option<(String, usize)> = None;
    let mut addresses = false;
    // Without raw HTML or a link the allow-list would change, pulldown-cmark's
    // output is safe as it is: the sanitizer is skipped.
    let mut raw = false;
    let at = |offset: usize| {
        let (line, column) = line_col(body, offset);
        Location::new(&version.path, version.body_line + line - 1, column)
    };

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        // What the writer should hear about: images without a text, and
        // what the sanitizer will remove.
        let warn_unsafe = |text: &str, problems: &mut Vec<Diagnostic>, raw: &mut bool| {
            if let Some(what) = unsafe_part(text, &site.config.iframe_hosts) {
                *raw = true;
                problems.push(Diagnostic::warning(
                    at(range.start),
                    Msg::UnsafeHtml { what },
                ));
            }
        };
        match &event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some((String::new(), range.start));
                warn_unsafe(dest_url, &mut problems, &mut raw);
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                warn_unsafe(dest_url, &mut problems, &mut raw)
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((alt, _)) = image.as_mut() {
                    alt.push_str(t);
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((_, start)) = image.take().filter(|(alt, _)| alt.trim().is_empty()) {
                    problems.push(Diagnostic::warning(at(start), Msg::ImageWithoutAlt));
                }
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                raw = true;
                if super::anchors::img_without_alt(t) {
                    problems.push(Diagnostic::warning(at(range.start), Msg::ImageWithoutAlt));
                }
                warn_unsafe(t, &mut problems, &mut raw);
            }
            _ => {}
        }
        let mut fix = |dest: CowStr<'a>| -> CowStr<'a> {
            rewrite(
                &dest,
                version,
                url,
                lang,
                links,
                body,
                range.clone(),
                &mut problems,
                &mut anchors,
            )
            .map(CowStr::from)
            .unwrap_or(dest)
        };
        addresses |= matches!(event, Event::Start(Tag::Link { .. } | Tag::Image { .. }));
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: fix(dest_url),
                title,
                id,
            }),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type,
                dest_url: fix(dest_url),
                title,
                id,
            }),
            other => other,
        };
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some((level, id.map(|i| i.to_string()), Vec::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, id, inner)) = heading.take() {
                    events.push(heading_html(level, id, inner, &mut ids, &mut toc));
                }
            }
            e => match heading.as_mut() {
                Some((_, _, inner)) => inner.push(e),
                None => events.push(e),
            },
        }
    }

    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    let out = accessible_tables(&out);
    let out = if raw {
        sanitize(&out, &site.config.iframe_hosts)
    } else {
        out
    };
    use super::minify::{MARK, MARK_ENTITY};
    let html = if minify {
        super::minify::markdown(&out)
    } else if out.contains(MARK) {
        out.replace(MARK, MARK_ENTITY)
    } else {
        out
    };
    Rendered {
        html,
        toc,
        problems,
        anchors,
        addresses,
    }
}

#[allow(clippy::too_many_arguments)]
fn rewrite(
    dest: &str,
    version: &Version,
    url: &str,
    lang: &str,
    links: &LinkIndex,
    body: &str,
    range: std::ops::Range<usize>,
    problems: &mut Vec<Diagnostic>,
    anchors: &mut Vec<super::anchors::AnchorLink>,
) -> Option<String> {
    // Point at the URL inside `[text](url)` when it is written there.
    let location = || {
        let offset = body
            .get(range.clone())
            .and_then(|s| s.find(dest))
            .map(|i| range.start + i)
            .unwrap_or(range.start);
        let (line, column) = line_col(body, offset);
        Location::new(&version.path, version.body_line + line - 1, column)
    };
    match links.resolve(dest, &version.rel, url, lang) {
        Ok(new) => {
            let fragment = dest.split_once('#').map(|(_, f)| f).unwrap_or("");
            let page = match &new {
                Some(resolved) => links.site_path(resolved),
                None if dest.trim_start().starts_with('#') => Some(url.to_string()),
                None => None,
            };
            if let (Some(page), false) = (page, fragment.is_empty()) {
                anchors.push(super::anchors::AnchorLink {
                    location: location(),
                    target: dest.to_string(),
                    page,
                    fragment: crate::model::links::percent_decode(fragment),
                });
            }
            new
        }
        Err(e) => {
            let loc = location();
            let target = dest.to_string();
            let msg = match e {
                LinkError::Broken => Msg::BrokenLink { target },
                LinkError::Draft => Msg::LinkToDraft { target },
                LinkError::OutsideSite => Msg::LinkOutsideSite { target },
            };
            problems.push(Diagnostic::error(loc, msg));
            None
        }
    }
}

/// The ids given to headings so far.
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
    last: std::collections::HashMap<String, usize>,
}

fn heading_html(
    level: HeadingLevel,
    id: Option<String>,
    inner: Vec<Event>,
    ids: &mut Ids,
    toc: &mut Vec<TocEntry>,
) -> Event<'static> {
    let title: String = inner
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    let base = id.unwrap_or_else(|| {
        let s = slugify(&title);
        if s.is_empty() {
            "muc".to_string()
        } else {
            s
        }
    });
    let mut anchor = base.clone();
    // The last number given to this name: a page of a thousand "Bước"
    // headings costs a thousand look-ups, not half a million.
    let n = ids.last.entry(base.clone()).or_insert(1);
    while !ids.taken.insert(anchor.clone()) {
        *n += 1;
        anchor = format!("{base}-{n}");
    }
    let mut inner_html = String::new();
    html::push_html(&mut inner_html, inner.into_iter());
    let lvl = level as u8;
    toc.push(TocEntry {
        level: lvl,
        id: anchor.clone(),
        title: title.trim().to_string(),
    });
    Event::Html(CowStr::from(format!(
        "<h{lvl} id=\"{}\">{inner_html}</h{lvl}>\n",
        escape_attr(&anchor)
    )))
}

/// Header cells get `scope="col"`; wide tables scroll inside a focusable box on phones.
fn accessible_tables(html: &str) -> String {
    if !html.contains("<table>") {
        return html.to_string();
    }
    html.replace(
        "<table>",
        "<div class=\"table-scroll\" tabindex=\"0\"><table>",
    )
    .replace("</table>", "</table></div>")
    .replace("<th>", "<th scope=\"col\">")
    .replace("<th style=", "<th scope=\"col\" style=")
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
