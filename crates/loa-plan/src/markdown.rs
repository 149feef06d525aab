//! A plan as Markdown, for a page that shows the whole document.

use std::fmt::Write as _;

use crate::model::{BodyItem, Plan, Table};

/// The document's text in order, as Markdown, with an anchor on every section
/// heading (`## 1. Mục đích {#i-1-muc-dich}`, the ids of [`Plan::sections`]) and
/// `Nơi nhận` and the signature where they stand. The text is escaped: it
/// reads as written, whatever characters it holds. Tables are HTML with a
/// caption and header cells, which Markdown tables cannot carry.
pub fn to_markdown(plan: &Plan) -> String {
    let mut out = String::new();
    for item in &plan.body {
        match item {
            BodyItem::Heading {
                level,
                id,
                number,
                text,
            } => {
                let hashes = "#".repeat((*level as usize + 1).min(6));
                let number = match number {
                    Some(n) if n.chars().all(|c| c.is_ascii_lowercase() || c == 'đ') => {
                        format!("{n}) ")
                    }
                    Some(n) => format!("{n}. "),
                    None => String::new(),
                };
                // After `##` a number is no list marker: it needs no escape.
                let text = escape(text);
                let text = text.trim_start_matches('\\');
                let _ = writeln!(out, "{hashes} {number}{text} {{#{id}}}\n");
            }
            BodyItem::Paragraph { marker, text } => match marker {
                Some(m) => {
                    let _ = writeln!(out, "{} {}\n", escape_marker(m), escape(text));
                }
                None => {
                    let _ = writeln!(out, "{}\n", escape(text));
                }
            },
            BodyItem::Bullet { depth, text } => {
                let indent = "  ".repeat(*depth as usize);
                let _ = writeln!(out, "{indent}- {}\n", escape(text));
            }
            BodyItem::Table(i) => {
                if let Some(t) = plan.tables.get(*i) {
                    out.push_str(&table_html(t));
                    out.push_str("\n\n");
                }
            }
            BodyItem::Closing => closing(plan, &mut out),
        }
    }
    out
}

fn closing(plan: &Plan, out: &mut String) {
    if !plan.recipients.is_empty() {
        out.push_str("**Nơi nhận:**\n\n");
        for r in &plan.recipients {
            let _ = writeln!(out, "- {}", escape(r));
        }
        out.push('\n');
    }
    let s = &plan.signer;
    let mut lines: Vec<String> = s.authority.iter().map(|a| escape(a)).collect();
    if let Some(p) = &s.position {
        lines.push(escape(p));
    }
    if let Some(n) = &s.name {
        lines.push(format!("**{}**", escape(n)));
    }
    if !lines.is_empty() {
        let _ = writeln!(out, "{}\n", lines.join("\\\n"));
    }
}

/// `1.` would start a Markdown list; written as `1\.` it stays the plan's own numbering.
fn escape_marker(marker: &str) -> String {
    match marker
        .strip_suffix('.')
        .or_else(|| marker.strip_suffix(')'))
    {
        Some(n) if n.chars().all(|c| c.is_ascii_digit()) => format!("{n}\\{}", &marker[n.len()..]),
        _ => marker.to_string(),
    }
}

/// Text as it reads: Markdown's special characters escaped, addresses as links.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let trimmed = word.trim_end_matches([';', ',', '.', ')']);
        if trimmed.starts_with("https://") || trimmed.starts_with("http://") {
            let _ = write!(out, "<{trimmed}>{}", escape_chars(&word[trimmed.len()..]));
        } else {
            out.push_str(&escape_chars(word));
        }
    }
    // A line that starts like a list, a quote or a heading is text here.
    if out.starts_with(['#', '>', '-', '+', '=']) {
        out.insert(0, '\\');
    }
    if let Some(dot) = out.find(['.', ')']) {
        if dot > 0 && out[..dot].chars().all(|c| c.is_ascii_digit()) {
            out.insert(dot, '\\');
        }
    }
    out
}

fn escape_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '|' | '{' | '}' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An accessible table: caption, header cells with `scope`, numbers as printed.
fn table_html(t: &Table) -> String {
    let mut out = String::from("<div class=\"table-scroll\" tabindex=\"0\"><table>");
    if let Some(c) = &t.caption {
        let _ = write!(out, "<caption>{}</caption>", html_escape(c));
    }
    out.push_str("<thead><tr>");
    for h in &t.header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", html_escape(h));
    }
    out.push_str("</tr>");
    if let Some(cols) = &t.columns {
        out.push_str("<tr class=\"column-numbers\">");
        for c in cols {
            let _ = write!(out, "<th scope=\"col\">{}</th>", html_escape(c));
        }
        out.push_str("</tr>");
    }
    out.push_str("</thead><tbody>");
    for row in &t.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let numeric = crate::table::parse_number(cell).is_some();
            let class = if numeric { " class=\"num\"" } else { "" };
            if i == 1 && !numeric && !cell.is_empty() {
                let _ = write!(out, "<th scope=\"row\">{}</th>", html_escape(cell));
            } else {
                let _ = write!(out, "<td{class}>{}</td>", html_escape(cell));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_text_literal() {
        assert_eq!(escape("a*b* [x](y) <b>"), "a\\*b\\* \\[x\\](y) \\<b\\>");
        assert_eq!(escape("2026. Năm"), "2026\\. Năm");
        assert_eq!(escape("- không phải danh sách"), "\\- không phải danh sách");
        assert_eq!(
            escape("qua https://vneid.gov.vn;"),
            "qua <https://vneid.gov.vn>;"
        );
        assert_eq!(escape_marker("1."), "1\\.");
        assert_eq!(escape_marker("a)"), "a)");
    }
}
