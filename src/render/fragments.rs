//! Markup made once and pasted into many pages. An event is listed on the
//! schedule, on its month page, on its ward and on its team's page; its list
//! item (`partials/event_item.html`) is rendered and minified once per
//! language. Pages carry a short placeholder instead, filled in after the
//! page itself is minified, so neither Tera nor the minifier sees an event
//! twice.

use rayon::prelude::*;

/// The theme's markup of one event.
pub const EVENT_ITEM: &str = "partials/event_item.html";
/// Renders a list of events with [`EVENT_ITEM`], each followed by [`END`].
pub const EVENT_ITEMS: &str = "__loa/event_items.html";
/// Events rendered by one call of Tera.
const CHUNK: usize = 256;

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';
/// Ends each event in the output of [`EVENT_ITEMS`].
const END: char = '\u{E002}';

pub fn event_items_template() -> String {
    format!("{{% for e in events %}}{{% include \"{EVENT_ITEM}\" %}}{END}{{% endfor %}}")
}

/// What a page holds in place of fragment `i`.
pub fn placeholder(i: usize) -> String {
    format!("{OPEN}{i}{CLOSE}")
}

/// Renders every item, `CHUNK` at a time in parallel. `render` turns a list
/// of items into the output of [`EVENT_ITEMS`]; an item whose text contains
/// [`END`] itself is rendered alone.
pub fn render_all<T: Sync, E: Send>(
    items: &[T],
    render: impl Fn(&[T]) -> Result<String, E> + Sync,
    finish: impl Fn(String) -> String + Sync,
) -> Result<Vec<String>, E> {
    let chunks: Vec<Result<Vec<String>, E>> = items
        .par_chunks(CHUNK)
        .map(|chunk| {
            let out = render(chunk)?;
            let mut parts: Vec<&str> = out.split(END).collect();
            // The text after the last END.
            let rest = parts.pop().unwrap_or_default();
            if parts.len() == chunk.len() && rest.trim().is_empty() {
                return Ok(parts.into_iter().map(|p| finish(p.to_string())).collect());
            }
            chunk
                .iter()
                .map(|item| {
                    let out = render(std::slice::from_ref(item))?;
                    Ok(finish(out.replace(END, "")))
                })
                .collect()
        })
        .collect();
    let mut all = Vec::with_capacity(items.len());
    for c in chunks {
        all.extend(c?);
    }
    Ok(all)
}

/// Replaces each placeholder in `page` by its fragment. A placeholder-like
/// text that names no fragment is left as it is.
pub fn fill(page: Vec<u8>, fragments: &[String]) -> Vec<u8> {
    let mut open = [0u8; 4];
    let open = OPEN.encode_utf8(&mut open).as_bytes().to_vec();
    let Some(first) = find(&page, &open, 0) else {
        return page;
    };
    let mut close = [0u8; 4];
    let close = CLOSE.encode_utf8(&mut close).as_bytes().to_vec();
    let mut out = Vec::with_capacity(page.len() * 2);
    let mut done = 0;
    let mut at = Some(first);
    while let Some(start) = at {
        let digits = start + open.len();
        let fragment = find(&page, &close, digits).and_then(|end| {
            let number = std::str::from_utf8(&page[digits..end]).ok()?;
            let i: usize = number.parse().ok()?;
            Some((fragments.get(i)?, end + close.len()))
        });
        match fragment {
            Some((html, next)) => {
                out.extend_from_slice(&page[done..start]);
                out.extend_from_slice(html.as_bytes());
                done = next;
                at = find(&page, &open, next);
            }
            None => at = find(&page, &open, digits),
        }
    }
    out.extend_from_slice(&page[done..]);
    out
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    memchr::memmem::find(haystack.get(from..)?, needle).map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders_and_leaves_the_rest() {
        let frags = vec!["<li>a</li>".to_string(), "<li>b</li>".to_string()];
        let page = format!(
            "<ol>{}{}</ol>{OPEN}9{CLOSE}{OPEN}x",
            placeholder(1),
            placeholder(0)
        );
        let out = String::from_utf8(fill(page.into_bytes(), &frags)).unwrap();
        assert_eq!(
            out,
            format!("<ol><li>b</li><li>a</li></ol>{OPEN}9{CLOSE}{OPEN}x")
        );
    }

    #[test]
    fn an_item_containing_the_separator_is_rendered_alone() {
        let items = vec!["a".to_string(), format!("b{END}c"), "d".to_string()];
        let render = |list: &[String]| -> Result<String, ()> {
            Ok(list.iter().map(|s| format!("<{s}>{END}")).collect())
        };
        let out = render_all(&items, render, |s| s).unwrap();
        assert_eq!(out, vec!["<a>", "<bc>", "<d>"]);
    }
}
