//! iCalendar (RFC 5545) files of the schedule: CRLF line ends, lines folded
//! at 75 octets, text escaped, timed events in UTC and whole days as dates,
//! `DTSTAMP` from the build's "now" so that builds are reproducible.

use jiff::tz::TimeZone;
use jiff::Zoned;

use crate::model::schedule::Event;

pub struct Calendar<'a> {
    pub name: &'a str,
    pub now: &'a Zoned,
    pub tz: &'a TimeZone,
    pub tz_name: &'a str,
}

/// `\`, `;`, `,` and line breaks escaped (RFC 5545 3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets without splitting a character.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn utc(z: &Zoned) -> String {
    z.timestamp().strftime("%Y%m%dT%H%M%SZ").to_string()
}

impl Calendar<'_> {
    pub fn write(&self, events: &[&Event], url_of: impl Fn(&Event) -> Option<String>) -> String {
        let mut out = String::new();
        line(&mut out, "BEGIN:VCALENDAR");
        line(&mut out, "VERSION:2.0");
        line(&mut out, "PRODID:-//loa//campaign site//VI");
        line(&mut out, "CALSCALE:GREGORIAN");
        line(&mut out, "METHOD:PUBLISH");
        line(&mut out, &format!("X-WR-CALNAME:{}", escape(self.name)));
        line(&mut out, &format!("X-WR-TIMEZONE:{}", self.tz_name));
        let stamp = utc(self.now);
        for e in events {
            line(&mut out, "BEGIN:VEVENT");
            line(&mut out, &format!("UID:{}", e.uid));
            line(&mut out, &format!("DTSTAMP:{stamp}"));
            match (e.start, e.end) {
                (Some(_), Some(_)) if e.start != e.end => {
                    if let (Some(s), Some(end)) = (e.starts_at(self.tz), e.ends_at(self.tz)) {
                        line(&mut out, &format!("DTSTART:{}", utc(&s)));
                        line(&mut out, &format!("DTEND:{}", utc(&end)));
                    }
                }
                (Some(_), _) => {
                    // A deadline at an hour: an instant.
                    if let Some(s) = e.starts_at(self.tz) {
                        line(&mut out, &format!("DTSTART:{}", utc(&s)));
                        line(&mut out, &format!("DTEND:{}", utc(&s)));
                    }
                }
                _ => {
                    line(
                        &mut out,
                        &format!("DTSTART;VALUE=DATE:{}", e.date.strftime("%Y%m%d")),
                    );
                    // DTEND of a date is exclusive: the day after the last.
                    if let Ok(after) = e.last_date.tomorrow() {
                        line(
                            &mut out,
                            &format!("DTEND;VALUE=DATE:{}", after.strftime("%Y%m%d")),
                        );
                    }
                }
            }
            line(&mut out, &format!("SUMMARY:{}", escape(&e.title)));
            let location = [e.place.as_deref(), e.address.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            if !location.is_empty() {
                line(&mut out, &format!("LOCATION:{}", escape(&location)));
            }
            if let (Some(lat), Some(lon)) = (e.lat, e.lon) {
                line(&mut out, &format!("GEO:{lat};{lon}"));
            }
            if let Some(d) = &e.description {
                line(&mut out, &format!("DESCRIPTION:{}", escape(d)));
            }
            if let Some(url) = url_of(e) {
                line(&mut out, &format!("URL:{url}"));
            }
            line(&mut out, "TRANSP:TRANSPARENT");
            line(&mut out, "END:VEVENT");
        }
        line(&mut out, "END:VCALENDAR");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_characters_whole() {
        let mut out = String::new();
        let text = format!(
            "SUMMARY:{}",
            "Tổ lưu động – Trường Tiểu học Cái Khế ".repeat(4)
        );
        line(&mut out, &text);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, text);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
