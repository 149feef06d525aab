//! Tera hidden from minify-html while a template is minified (see [`template`]).

use super::{is_block, minify, needs_quotes, push_value, MARK};

/// Starts a placeholder of a piece of Tera; the piece's number follows.
const OPEN: char = '\u{E003}';
/// Ends a placeholder.
const CLOSE: char = '\u{E004}';

/// A theme's template minified once, when the theme is compiled, so that
/// its pages need no minifying: page by page, minifying took about a third
/// of the CPU time of a build.
///
/// minify-html does not read Tera, so each Tera tag, expression or comment is
/// replaced by a placeholder that minify-html leaves alone, and put back after:
/// - in text, in a script or style and in a quoted attribute value, a
///   placeholder text. Where minify-html then leaves a value without
///   quotes, the value is marked (see [`MARK`]): what Tera writes there may
///   need them;
/// - between a tag's attributes, an attribute of its own, standing for a
///   whole `{% if %}…{% endif %}` (or `{% for %}…{% endfor %}`) of whole
///   attributes. minify-html may reorder attributes; the block moves as one.
///
/// `None` when the template cannot be read so (Tera in an HTML comment or an
/// unquoted attribute value, a block that does not end in its tag), or when
/// a placeholder did not come out of minify-html exactly once: the pages of
/// such a theme are minified one by one.
pub fn template(source: &str) -> Option<String> {
    let (masked, pieces) = mask(source)?;
    let minified = String::from_utf8(minify(masked.as_bytes())).ok()?;
    unmask(&minified, &pieces)
}

/// A piece of Tera taken out of a template.
struct Piece<'a> {
    tera: &'a str,
    kind: Kind,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    /// In an attribute value; `bare` when minify-html writes the value
    /// without quotes: there is no space, quote, `=`, `<`, `>` or backtick
    /// around the piece.
    Value {
        bare: bool,
    },
    /// An `if` or `for` block of whole attributes; `joined` when the
    /// template had no space before it: what it writes starts with its own.
    Attributes {
        joined: bool,
    },
}

#[derive(Clone, Copy, PartialEq)]
enum At {
    Text,
    /// In a tag, between attributes.
    Tag,
    /// In an attribute value quoted with this byte.
    Value(u8),
    Comment,
    /// In a script or style, until this end tag.
    Raw(&'static str),
}

/// Reads a template, writing it with placeholders for [`mask`].
struct Masker<'a> {
    source: &'a str,
    out: String,
    pieces: Vec<Piece<'a>>,
    at: At,
    /// The element of the tag being read, lower case.
    element: String,
    /// Where in `out` the last tag of a block element ended.
    block_end: Option<usize>,
    /// Where in `out` the last Tera tag or comment in text ended.
    control_end: Option<usize>,
    /// The pieces in the attribute value being read, and whether the rest
    /// of it could do without quotes.
    value: (Vec<usize>, bool),
    /// How deep in `pre` or `textarea`, where spaces are kept.
    pre: usize,
}

/// The template with placeholders, and the pieces they stand for.
fn mask(source: &str) -> Option<(String, Vec<Piece<'_>>)> {
    if source.contains([OPEN, CLOSE, MARK]) {
        return None;
    }
    let mut m = Masker {
        source,
        out: String::with_capacity(source.len() + 256),
        pieces: Vec::new(),
        at: At::Text,
        element: String::new(),
        block_end: None,
        control_end: None,
        value: (Vec::new(), true),
        pre: 0,
    };
    let mut i = 0;
    while i < source.len() {
        i = match tera_end(source, i)? {
            Some(end) => m.tera(i, end)?,
            None => m.html(i)?,
        };
    }
    Some((m.out, m.pieces))
}

impl<'a> Masker<'a> {
    /// Puts a placeholder for the piece of Tera at `start..end`; returns
    /// where reading goes on.
    fn tera(&mut self, start: usize, end: usize) -> Option<usize> {
        let n = self.pieces.len();
        let mut kind = Kind::Text;
        let end = match self.at {
            At::Comment => return None,
            At::Tag => {
                let joined = !self.source[..start].ends_with(|c: char| c.is_ascii_whitespace());
                kind = Kind::Attributes { joined };
                self.out.push_str(&format!(" {OPEN}{n}{CLOSE} "));
                attributes_end(self.source, start, end)?
            }
            At::Value(_) => {
                self.out.push_str(&format!("{OPEN}{n}{CLOSE}"));
                self.value.0.push(n);
                kind = Kind::Value { bare: false };
                end
            }
            At::Raw(_) => {
                self.out.push_str(&format!("{OPEN}{n}{CLOSE}"));
                end
            }
            At::Text => {
                let control = !self.source[start..].starts_with("{{");
                // A control tag writes nothing: the space between it and a
                // block's tag is not shown, and minify-html cannot see it.
                if control {
                    self.drop_space_after(self.block_end);
                }
                self.out.push_str(&format!("{OPEN}{n}{CLOSE}"));
                self.control_end = control.then_some(self.out.len());
                end
            }
        };
        self.pieces.push(Piece {
            tera: &self.source[start..end],
            kind,
        });
        Some(end)
    }

    /// Copies the HTML at `i` up to the next thing that matters; returns
    /// where reading goes on.
    fn html(&mut self, i: usize) -> Option<usize> {
        let rest = &self.source[i..];
        let byte = rest.as_bytes()[0];
        let (next, len) = match self.at {
            At::Text if rest.starts_with("<!--") => (At::Comment, 4),
            At::Text if byte == b'<' => {
                let name = rest[1..]
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '/' || c == '!'))
                    .next()
                    .unwrap_or("");
                if name.is_empty() {
                    (At::Text, 1)
                } else {
                    self.element = name.to_ascii_lowercase();
                    let element = self.element.trim_start_matches('/');
                    if matches!(element, "pre" | "textarea") {
                        if name.starts_with('/') {
                            self.pre = self.pre.saturating_sub(1);
                        } else {
                            self.pre += 1;
                        }
                    }
                    if is_block(element) {
                        self.drop_space_after(self.control_end);
                    }
                    (At::Tag, 1 + name.len())
                }
            }
            At::Tag if byte == b'>' => {
                self.block_end = None;
                let next = match self.element.as_str() {
                    "script" => At::Raw("</script"),
                    "style" => At::Raw("</style"),
                    e => {
                        if is_block(e.trim_start_matches('/')) {
                            self.block_end = Some(self.out.len() + 1);
                        }
                        At::Text
                    }
                };
                (next, 1)
            }
            At::Tag if byte == b'"' || byte == b'\'' => {
                self.value = (Vec::new(), true);
                (At::Value(byte), 1)
            }
            // An unquoted value written by Tera may hold spaces.
            At::Tag if byte == b'=' && rest[1..].trim_start().starts_with('{') => return None,
            At::Value(quote) if byte == quote => {
                let (pieces, bare) = std::mem::take(&mut self.value);
                for n in pieces {
                    self.pieces[n].kind = Kind::Value { bare };
                }
                (At::Tag, 1)
            }
            At::Value(_) => {
                if needs_quotes(byte) {
                    self.value.1 = false;
                }
                (self.at, rest.chars().next()?.len_utf8())
            }
            At::Comment if rest.starts_with("-->") => (At::Text, 3),
            At::Raw(end)
                if rest
                    .get(..end.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(end)) =>
            {
                self.element = end[1..].to_string();
                (At::Tag, end.len())
            }
            at => (at, rest.chars().next()?.len_utf8()),
        };
        self.out.push_str(&rest[..len]);
        self.at = next;
        Some(i + len)
    }

    /// Drops the spaces at the end of the output when they come right after
    /// `at`, outside `pre`.
    fn drop_space_after(&mut self, at: Option<usize>) {
        let kept = self
            .out
            .trim_end_matches(|c: char| c.is_ascii_whitespace())
            .len();
        if self.pre == 0 && at == Some(kept) {
            self.out.truncate(kept);
        }
    }
}

/// Where the Tera tag, expression or comment at `i` ends (a `raw` block with
/// its `endraw`): `Some(None)` when none starts there, `None` when one starts
/// and does not end.
fn tera_end(source: &str, i: usize) -> Option<Option<usize>> {
    let rest = &source[i..];
    let close = match rest.get(..2) {
        Some("{{") => "}}",
        Some("{%") => "%}",
        Some("{#") => "#}",
        _ => return Some(None),
    };
    let end = i + 2 + rest[2..].find(close)? + 2;
    if keyword(rest) != "raw" {
        return Some(Some(end));
    }
    let mut from = end;
    loop {
        let tag = from + source[from..].find("{%")?;
        let end = tag + 2 + source[tag + 2..].find("%}")? + 2;
        if keyword(&source[tag..]) == "endraw" {
            return Some(Some(end));
        }
        from = end;
    }
}

/// The first word of a Tera tag: `if`, `endfor`… (empty for others).
fn keyword(tag: &str) -> &str {
    if !tag.starts_with("{%") {
        return "";
    }
    let word = tag[2..].trim_start_matches('-').trim_start();
    let len = word
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(word.len());
    &word[..len]
}

/// The end of the piece of Tera at `start..end` that stands between a
/// tag's attributes: an expression, or a whole `if` or `for` block whose
/// text is attributes only.
fn attributes_end(source: &str, start: usize, end: usize) -> Option<usize> {
    let mut depth = match keyword(&source[start..]) {
        "if" | "for" => 1,
        "" => return Some(end),
        _ => return None,
    };
    let mut i = end;
    while depth > 0 {
        let rest = &source[i..];
        if rest.starts_with(['<', '>']) {
            return None;
        }
        match tera_end(source, i)? {
            Some(next) => {
                match keyword(rest) {
                    "if" | "for" => depth += 1,
                    "endif" | "endfor" => depth -= 1,
                    _ => {}
                }
                i = next;
            }
            None => i += rest.chars().next()?.len_utf8(),
        }
    }
    Some(i)
}

/// The minified template with its pieces of Tera back, and each attribute
/// value minify-html left without quotes where Tera writes between two
/// [`MARK`]s.
fn unmask(minified: &str, pieces: &[Piece]) -> Option<String> {
    let mut out = String::with_capacity(minified.len() + pieces.len() * 32);
    let mut seen = vec![false; pieces.len()];
    let mut done = 0;
    // The end of the unquoted value being marked.
    let mut value_end: Option<usize> = None;
    while let Some(found) = minified[done..].find(OPEN) {
        let start = done + found;
        let digits = start + OPEN.len_utf8();
        let close = digits + minified[digits..].find(CLOSE)?;
        let next = close + CLOSE.len_utf8();
        let n: usize = minified[digits..close].parse().ok()?;
        let piece = pieces.get(n)?;
        if std::mem::replace(seen.get_mut(n)?, true) {
            return None;
        }
        if let Some(end) = value_end.filter(|&end| end <= start) {
            out.push_str(&minified[done..end]);
            out.push(MARK);
            (done, value_end) = (end, None);
        }
        if piece.kind == (Kind::Value { bare: true }) && value_end.is_none() {
            let head = &minified[..start];
            let at = head.rfind(|c: char| {
                c.is_ascii_whitespace() || matches!(c, '"' | '\'' | '=' | '<' | '>')
            })?;
            if head[at..].starts_with('=') && at >= done {
                out.push_str(&minified[done..=at]);
                out.push(MARK);
                done = at + 1;
                let len = minified[next..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(minified.len() - next);
                value_end = Some(next + len);
            }
        }
        let before = &minified[done..start];
        match piece.kind {
            Kind::Attributes { joined } => {
                out.push_str(if joined {
                    before.strip_suffix(' ')?
                } else {
                    before
                });
                attributes(&mut out, piece.tera)?;
            }
            _ => {
                out.push_str(before);
                out.push_str(piece.tera);
            }
        }
        done = next;
    }
    if let Some(end) = value_end {
        out.push_str(&minified[done..end]);
        out.push(MARK);
        done = end;
    }
    out.push_str(&minified[done..]);
    seen.into_iter().all(|s| s).then_some(out)
}

/// An `if` or `for` block of whole attributes, its quoted values written as
/// minify-html would: without quotes when they need none, and between
/// [`MARK`]s when Tera writes in them.
fn attributes(out: &mut String, block: &str) -> Option<()> {
    let mut i = 0;
    while i < block.len() {
        if let Some(end) = tera_end(block, i)? {
            out.push_str(&block[i..end]);
            i = end;
            continue;
        }
        if !block[i..].starts_with("=\"") {
            let len = block[i..].chars().next()?.len_utf8();
            out.push_str(&block[i..i + len]);
            i += len;
            continue;
        }
        let start = i + 2;
        let (mut j, mut bare, mut tera) = (start, true, false);
        while block.as_bytes().get(j)? != &b'"' {
            if let Some(end) = tera_end(block, j)? {
                (j, tera) = (end, true);
                continue;
            }
            bare &= !needs_quotes(block.as_bytes()[j]);
            j += 1;
        }
        let value = &block[start..j];
        out.push('=');
        match (tera, bare) {
            (false, _) => push_value(out, value),
            (true, true) => {
                out.push(MARK);
                out.push_str(value);
                out.push(MARK);
            }
            (true, false) => {
                out.push('"');
                out.push_str(value);
                out.push('"');
            }
        }
        i = j + 1;
    }
    Some(())
}
