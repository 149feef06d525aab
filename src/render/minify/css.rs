//! Stylesheets without their comments and line breaks: a theme's CSS is
//! written for its authors to read, and every phone downloads it.
//!
//! cssparser reads the tokens, so a `/*` in a string or a `url()` stays;
//! every other token is copied as written. A run of whitespace becomes
//! one space (a selector's descendant combinator, a value's separator),
//! or nothing beside the tokens `{`, `}`, `;` and `,`, where it never
//! counts (but before the `;` of an empty custom property, `--x: ;`). A
//! comment between two tokens that would read as one without it stays as
//! `/**/`.

use cssparser::{Parser, Token, TokenSerializationType};

/// Blocks nested deeper than this are copied as they are.
const MAX_DEPTH: usize = 64;

/// `css` without comments and without the whitespace that does not count.
pub fn css(css: &str) -> String {
    let mut parser = Parser::new(css);
    let mut out = Out {
        text: String::with_capacity(css.len()),
        last: TokenSerializationType::Nothing,
        after_separator: true,
        after_colon: false,
        gap: Gap::None,
    };
    block(&mut parser, 0, &mut out);
    out.text
}

/// What came between the last token written and the next.
#[derive(PartialEq)]
enum Gap {
    None,
    Comment,
    Space,
}

struct Out {
    text: String,
    /// The kind of the last token written, to tell whether the next one
    /// would run into it.
    last: TokenSerializationType,
    /// The last token written was `{`, `}`, `;` or `,` (or none was).
    after_separator: bool,
    /// The last token written was `:`.
    after_colon: bool,
    gap: Gap,
}

/// How the block `token` opens ends: `}`, `]` or `)`; `None` when it is
/// no block.
fn block_end(token: &Token) -> Option<&'static str> {
    match token {
        Token::CurlyBracketBlock => Some("}"),
        Token::SquareBracketBlock => Some("]"),
        Token::Function(_) | Token::ParenthesisBlock => Some(")"),
        _ => None,
    }
}

/// `{`, `;` and `,`: whitespace beside them never counts.
fn is_separator(token: &Token) -> bool {
    matches!(
        token,
        Token::CurlyBracketBlock | Token::Semicolon | Token::Comma
    )
}

impl Out {
    /// Writes `text`, the source of `token`, after what separates it from
    /// the token before.
    fn token(&mut self, token: &Token, text: &str) {
        let kind = token.serialization_type();
        // `--x: ;` is a custom property whose value is a space.
        let empty_value = self.after_colon && *token == Token::Semicolon;
        let free = self.after_separator || (is_separator(token) && !empty_value);
        match self.gap {
            Gap::Space if !free => self.text.push(' '),
            Gap::Space | Gap::Comment if self.last.needs_separator_when_before(kind) => {
                self.text.push_str("/**/");
            }
            _ => {}
        }
        self.text.push_str(text);
        self.last = kind;
        self.after_separator = is_separator(token);
        self.after_colon = *token == Token::Colon;
        self.gap = Gap::None;
    }

    /// Writes the end of a block: nothing runs into it, and whitespace
    /// after a `}` does not count.
    fn close(&mut self, end: &str) {
        self.text.push_str(end);
        self.last = TokenSerializationType::Nothing;
        self.after_separator = end == "}";
        self.after_colon = false;
        self.gap = Gap::None;
    }
}

fn block(parser: &mut Parser, depth: usize, out: &mut Out) {
    loop {
        let start = parser.position();
        let Ok(token) = parser.next_including_whitespace_and_comments() else {
            return;
        };
        let token = token.clone();
        match token {
            Token::WhiteSpace(_) => out.gap = Gap::Space,
            Token::Comment(_) => {
                if out.gap == Gap::None {
                    out.gap = Gap::Comment;
                }
            }
            _ => {
                out.token(&token, parser.slice_from(start));
                if let Some(end) = block_end(&token) {
                    nested(parser, depth, end, out);
                }
            }
        }
    }
}

/// The inside of the block just opened, and its `end`.
fn nested(parser: &mut Parser, depth: usize, end: &str, out: &mut Out) {
    if depth < MAX_DEPTH {
        let _ = parser.parse_nested_block(|p| {
            block(p, depth + 1, out);
            Ok::<(), cssparser::ParseError<()>>(())
        });
    } else {
        let inner = parser.position();
        let _ = parser.parse_nested_block(|p| {
            while p.next_including_whitespace_and_comments().is_ok() {}
            Ok::<(), cssparser::ParseError<()>>(())
        });
        // What is nested too deep, as written, without its end.
        let written = parser.slice_from(inner);
        out.text
            .push_str(written.strip_suffix(end).unwrap_or(written));
    }
    out.close(end);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_line_breaks_go() {
        let theme = "/* the theme */\n:root{--ink:#1b1b1b}\n\
                     body { margin: 0; font: 1rem/1.6 \"Noto Sans\", Arial, sans-serif }\n\
                     /* Khmer */\n:lang(km) [lang]:not([lang|=km]) { line-height: 1.65 }\n\
                     @media (min-width: 40rem) and (max-width: 60rem) { .a > .b , .c { x: y } }\n";
        assert_eq!(
            css(theme),
            ":root{--ink:#1b1b1b}body{margin: 0;font: 1rem/1.6 \"Noto Sans\",Arial,sans-serif}\
             :lang(km) [lang]:not([lang|=km]){line-height: 1.65}\
             @media (min-width: 40rem) and (max-width: 60rem){.a > .b,.c{x: y}}"
        );
    }

    #[test]
    fn strings_urls_and_escapes_stay_as_written() {
        for kept in [
            "a::before{content:\"/* not a comment */ \\\"x\\\"\"}",
            "a{background:url(/img/a b.png)}",
            "a{background:url(\"/*.png\")}",
            ".\\31 0{color:red}",
            "a{grid-template-areas:\"a  b\"}",
        ] {
            assert_eq!(css(kept), kept);
        }
    }

    #[test]
    fn a_comment_that_separates_tokens_keeps_them_apart() {
        // Two idents, not one: the comment stays, empty.
        assert_eq!(css("a{x:a/* c */b}"), "a{x:a/**/b}");
        // A number and a unit would read as a dimension.
        assert_eq!(css("a{x:1/**/px}"), "a{x:1/**/px}");
        // Between a colon and a value, nothing runs together.
        assert_eq!(css("a{x:/* c */red}"), "a{x:red}");
        assert_eq!(css("a /* c */ b{}"), "a b{}");
    }

    #[test]
    fn whitespace_that_counts_stays() {
        // After `]` and `)`: a descendant combinator.
        assert_eq!(css(".s[aria-current] .n{}"), ".s[aria-current] .n{}");
        assert_eq!(css(":not(.a) .b{}"), ":not(.a) .b{}");
        // An escaped `,` ends a class name: it is no separator.
        assert_eq!(css(".a\\, .b{}"), ".a\\, .b{}");
        // A custom property whose value is a space.
        assert_eq!(css("a{--x: ;}"), "a{--x: ;}");
        assert_eq!(css("a { b : c ; }"), "a{b : c;}");
    }

    #[test]
    fn the_default_theme_reads_the_same() {
        for name in ["loa.css", "sheets.css"] {
            let path = format!(
                "{}/themes/default/static/css/{name}",
                env!("CARGO_MANIFEST_DIR")
            );
            let source = std::fs::read_to_string(path).unwrap();
            let small = css(&source);
            assert!(small.len() < source.len());
            assert!(!small.contains("/*") && !small.contains('\n'), "{small}");
            // The same rules and declarations, by their tokens.
            assert_eq!(tokens(&small), tokens(&source), "{name}");
        }
    }

    /// The tokens of `css` in order, without comments; whitespace as one
    /// `WS` where it counts: not beside `{`, `}`, `;`, `,`, nor at the
    /// start or end of a block.
    fn tokens(css: &str) -> Vec<String> {
        fn walk(p: &mut Parser, out: &mut Vec<String>) {
            let start = out.len();
            while let Ok(t) = p.next_including_whitespace_and_comments() {
                let t = t.clone();
                // `}` ends a `{…}` block; `)` and `]` end the others.
                let free = |s: &String| {
                    ["CurlyBracketBlock", "Semicolon", "Comma", "}"].contains(&s.as_str())
                };
                match t {
                    Token::Comment(_) => continue,
                    Token::WhiteSpace(_) => {
                        if out.len() > start && out.last().is_some_and(|l| l != "WS" && !free(l)) {
                            out.push("WS".into());
                        }
                        continue;
                    }
                    _ => {}
                }
                let name = format!("{t:?}");
                if free(&name) && out.last().is_some_and(|l| l == "WS") {
                    out.pop();
                }
                out.push(name);
                if let Some(end) = block_end(&t) {
                    let _ = p.parse_nested_block(|p| {
                        walk(p, out);
                        Ok::<(), cssparser::ParseError<()>>(())
                    });
                    out.push(end.into());
                }
            }
            if out.len() > start && out.last().is_some_and(|l| l == "WS") {
                out.pop();
            }
        }
        let mut out = Vec::new();
        walk(&mut Parser::new(css), &mut out);
        out
    }
}
