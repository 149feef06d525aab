//! Markdown to HTML: links rewritten for the deployed base path and checked,
//! headings given anchors and collected into a table of contents.

use std::collections::HashSet;

use std::ops::Range;

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

use super::anchors::AnchorLink;
use super::sanitize::{nests_too_deep, sanitize, unsafe_part, MAX_HTML_DEPTH};
use super::search;
use crate::diagnostic::{line_col, Diagnostics, Location, Positions};
use crate::messages::Msg;
use crate::model::links::{as_written, LinkError};
use crate::model::{Site, Version};
use crate::read::resources::{html_resources, other_host, Resource};
use crate::slug::slugify;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// Links to a section of a page, checked once every page is made.
    pub anchors: Vec<AnchorLink>,
    /// Whether the text has links or images whose addresses depend on the
    /// page and its language (not another host's, nor a section of the same
    /// page); without, it is the same HTML on every page.
    pub addresses: bool,
    /// Each link of the text that was checked, and where it led: what a
    /// result kept between builds depends on (see [`super::text_cache`]).
    pub links: Vec<SeenLink>,
}

/// A link of a text, as written, and where it led: `Some` address (or
/// `None`, left as written), or `None` to a page that could not be read.
#[derive(Clone, Serialize, Deserialize)]
pub struct SeenLink {
    pub dest: String,
    pub led: Option<Option<String>>,
}

/// The Markdown extensions a page's text is read with.
pub(super) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders a page's body for the page at site path `url` in `lang`: links
/// checked and rewritten, raw HTML through the allow-list of [`sanitize`];
/// written as minify-html would when `minify` (else only read, by `check`).
/// The words of the text go into `words`, for the search index.
pub fn render(
    version: &Version,
    url: &str,
    lang: &str,
    site: &Site,
    minify: bool,
    mut words: Option<&mut search::Text>,
    problems: &mut Diagnostics,
) -> Rendered {
    let mut text = Text {
        version,
        page: Page { url, lang, site },
        problems,
        // About one event for every ten bytes of text.
        events: Vec::with_capacity(version.body.len() / 8),
        toc: Vec::new(),
        ids: Ids::default(),
        heading: None,
        anchors: Vec::new(),
        links: Vec::new(),
        image: None,
        addresses: false,
        raw: false,
        html_depth: 0,
        too_deep: false,
        positions: Positions::new(&version.body),
    };
    for (event, range) in Parser::new_ext(&version.body, options()).into_offset_iter() {
        text.inspect(&event, range.start);
        if let Some(words) = words.as_deref_mut() {
            words.read(&event);
        }
        let event = text.rewrite_links(event, range);
        text.push(event);
    }
    text.finish(minify)
}

/// The page a text is rendered for.
struct Page<'p> {
    /// Its site path.
    url: &'p str,
    lang: &'p str,
    site: &'p Site,
}

/// A text being rendered, event by event.
struct Text<'a, 'p> {
    version: &'a Version,
    page: Page<'p>,
    problems: &'p mut Diagnostics,
    events: Vec<Event<'a>>,
    toc: Vec<TocEntry>,
    ids: Ids,
    /// The heading being read: its level, its id if given, its events.
    heading: Option<(HeadingLevel, Option<String>, Vec<Event<'a>>)>,
    anchors: Vec<AnchorLink>,
    links: Vec<SeenLink>,
    /// The alt text of the image being read, and where the image starts.
    image: Option<(String, usize)>,
    addresses: bool,
    /// Without raw HTML or a link the allow-list would change,
    /// pulldown-cmark's output is safe as it is: the sanitizer is skipped.
    raw: bool,
    /// How many elements of raw HTML are open, and whether they ever were
    /// too many to parse (the body is then not rendered).
    html_depth: usize,
    too_deep: bool,
    /// Lines and columns of the body, for the problems found in it.
    positions: Positions<'a>,
}

impl<'a> Text<'a, '_> {
    /// The place in the file of a byte offset in the body.
    fn at(&self, offset: usize) -> Location {
        let (line, column) = self.positions.line_col(offset);
        Location::new(
            &self.version.path,
            self.version.body_line + line - 1,
            column,
        )
    }

    /// What the writer should hear about: images without a text, and what
    /// the sanitizer will remove.
    fn inspect(&mut self, event: &Event, start: usize) {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                self.image = Some((String::new(), start));
                self.warn_unsafe(dest_url, start);
                if other_host(dest_url) {
                    // `![alt](url)`: the address follows the text closely.
                    let near = (start + 4096 + dest_url.len()).min(self.version.body.len());
                    let at = self.find(dest_url, start..near);
                    let url = dest_url.to_string();
                    self.problems.warning(at, Msg::OtherHost { url });
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => self.warn_unsafe(dest_url, start),
            Event::Text(t) | Event::Code(t) => {
                if let Some((alt, _)) = self.image.as_mut() {
                    alt.push_str(t);
                }
            }
            Event::End(TagEnd::Image) => {
                let image = self.image.take();
                if let Some((_, at)) = image.filter(|(alt, _)| alt.trim().is_empty()) {
                    self.problems.warning(self.at(at), Msg::ImageWithoutAlt);
                }
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                self.raw = true;
                if super::anchors::img_without_alt(t) {
                    self.problems.warning(self.at(start), Msg::ImageWithoutAlt);
                }
                self.warn_unsafe(t, start);
                if !self.too_deep && nests_too_deep(t, &mut self.html_depth) {
                    self.too_deep = true;
                    let depth = MAX_HTML_DEPTH;
                    self.problems
                        .error(self.at(start), Msg::HtmlTooDeep { depth });
                }
            }
            _ => {}
        }
    }

    /// The place of `text` in the body within `range` (or of its start).
    fn find(&self, text: &str, range: Range<usize>) -> Location {
        let body = &self.version.body;
        let offset = body
            .get(range.clone())
            .and_then(|s| s.find(text))
            .map_or(range.start, |i| range.start + i);
        self.at(offset)
    }

    /// Raw HTML with the addresses of its images, video and sound checked
    /// and rewritten like a Markdown image's; an address on another host,
    /// there or in its CSS, is a warning.
    fn raw_addresses(&mut self, html: CowStr<'a>, range: Range<usize>) -> CowStr<'a> {
        let mut out = String::new();
        let mut copied = 0;
        // Where an address is in the body: exactly, when the HTML is the
        // body's text as written (not inside a quote or a list item).
        let as_written = self.version.body.get(range.clone()) == Some(html.as_ref());
        let place = |found: &Resource| match (as_written, &found.range) {
            (true, Some(r)) => range.start + r.start..range.start + r.end,
            // Written with an entity: near the address before it.
            (true, None) => range.start + found.near..range.start + found.near,
            _ => range.clone(),
        };
        for found in html_resources(&html) {
            if other_host(&found.url) {
                let at = self.find(&found.url, place(&found));
                self.problems.warning(at, Msg::OtherHost { url: found.url });
                continue;
            }
            if !found.media {
                continue;
            }
            self.addresses = true;
            let link = Link {
                dest: &found.url,
                version: self.version,
                range: place(&found),
            };
            let new = rewrite(
                link,
                &self.page,
                self.problems,
                &mut self.anchors,
                &mut self.links,
            );
            if let (Some(new), Some(r)) = (new, found.range) {
                out.push_str(&html[copied..r.start]);
                out.push_str(&escape_attr(&new));
                copied = r.end;
            }
        }
        if copied == 0 {
            return html;
        }
        out.push_str(&html[copied..]);
        CowStr::from(out)
    }

    fn warn_unsafe(&mut self, text: &str, start: usize) {
        if let Some(what) = unsafe_part(text, &self.page.site.config.iframe_hosts) {
            self.raw = true;
            self.problems
                .warning(self.at(start), Msg::UnsafeHtml { what });
        }
    }

    /// A link or an image with its address rewritten (see [`rewrite`]).
    fn rewrite_links(&mut self, event: Event<'a>, range: Range<usize>) -> Event<'a> {
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = &event {
            self.addresses |= !as_written(dest_url);
        }
        let mut fix = |dest: CowStr<'a>| -> CowStr<'a> {
            let link = Link {
                dest: &dest,
                version: self.version,
                range: range.clone(),
            };
            rewrite(
                link,
                &self.page,
                self.problems,
                &mut self.anchors,
                &mut self.links,
            )
            .map(CowStr::from)
            .unwrap_or(dest)
        };
        match event {
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
            Event::Html(html) => Event::Html(self.raw_addresses(html, range)),
            Event::InlineHtml(html) => Event::InlineHtml(self.raw_addresses(html, range)),
            other => other,
        }
    }

    /// Keeps `event`, gathering a heading's events into one.
    fn push(&mut self, event: Event<'a>) {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                self.heading = Some((level, id.map(|i| i.to_string()), Vec::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, id, inner)) = self.heading.take() {
                    let html = heading_html(level, id, inner, &mut self.ids, &mut self.toc);
                    self.events.push(html);
                }
            }
            e => match self.heading.as_mut() {
                Some((_, _, inner)) => inner.push(e),
                None => self.events.push(e),
            },
        }
    }

    fn finish(self, minify: bool) -> Rendered {
        let body = &self.version.body;
        let mut out = String::with_capacity(body.len() * 3 / 2);
        html::push_html(&mut out, self.events.into_iter());
        let out = accessible_tables(out);
        let iframe_hosts = &self.page.site.config.iframe_hosts;
        let out = if self.too_deep {
            String::new() // an error: nothing is written
        } else if self.raw {
            sanitize(&out, iframe_hosts)
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
            toc: self.toc,
            anchors: self.anchors,
            addresses: self.addresses,
            links: self.links,
        }
    }
}

/// A link's address as written, in its text.
struct Link<'l> {
    dest: &'l str,
    version: &'l Version,
    /// Where the link is in the body.
    range: Range<usize>,
}

/// The address of `link` for `page`: a link to a content file or a site
/// path made a link for the deployed site (`None`: left as written); a
/// link to a section kept in `anchors` to check; where it led in `seen`.
fn rewrite(
    link: Link,
    page: &Page,
    problems: &mut Diagnostics,
    anchors: &mut Vec<AnchorLink>,
    seen: &mut Vec<SeenLink>,
) -> Option<String> {
    let Link {
        dest,
        version,
        range,
    } = link;
    let (links, url, lang) = (&page.site.links, page.url, page.lang);
    let body = version.body.as_str();
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
    let resolved = links.resolve(dest, &version.rel, url, lang);
    let led = match &resolved {
        Ok(new) => Some(Some(new.clone())),
        Err(LinkError::Unreadable) => Some(None),
        Err(_) => None,
    };
    if let Some(led) = led {
        seen.push(SeenLink {
            dest: dest.to_string(),
            led,
        });
    }
    match resolved {
        Ok(new) => {
            let fragment = dest.split_once('#').map(|(_, f)| f).unwrap_or("");
            let linked = match &new {
                Some(resolved) => links.site_path(resolved),
                None if dest.trim_start().starts_with('#') => Some(url.to_string()),
                None => None,
            };
            if let (Some(linked), false) = (linked, fragment.is_empty()) {
                anchors.push(AnchorLink {
                    location: location(),
                    target: dest.to_string(),
                    page: linked,
                    fragment: crate::model::links::percent_decode(fragment),
                });
            }
            new
        }
        Err(e) => {
            let target = dest.to_string();
            let msg = match e {
                LinkError::Broken => Msg::BrokenLink { target },
                LinkError::Draft => Msg::LinkToDraft { target },
                LinkError::OutsideSite => Msg::LinkOutsideSite { target },
                LinkError::Unreadable => return None,
            };
            problems.error(location(), msg);
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
/// One pass over the HTML, and none without a table.
fn accessible_tables(html: String) -> String {
    if !html.contains("<table>") {
        return html;
    }
    const CHANGES: [(&str, &str); 4] = [
        (
            "<table>",
            "<div class=\"table-scroll\" tabindex=\"0\"><table>",
        ),
        ("</table>", "</table></div>"),
        ("<th>", "<th scope=\"col\">"),
        ("<th style=", "<th scope=\"col\" style="),
    ];
    let mut out = String::with_capacity(html.len() + 256);
    let mut copied = 0;
    // Every change starts `<t` or `</t`: other tags are passed by.
    for at in memchr::memchr_iter(b'<', html.as_bytes()) {
        let next = html.as_bytes().get(at + 1);
        if at < copied || !matches!(next, Some(b't' | b'/')) {
            continue;
        }
        let rest = &html[at..];
        if let Some((from, to)) = CHANGES.iter().find(|(from, _)| rest.starts_with(from)) {
            out.push_str(&html[copied..at]);
            out.push_str(to);
            copied = at + from.len();
        }
    }
    out.push_str(&html[copied..]);
    out
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
