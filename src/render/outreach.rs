//! Outreach material for staff: loudspeaker scripts with their reading time
//! and audio, SMS texts with their length and number of messages, and a
//! print view with the languages side by side.

use std::collections::HashMap;

use serde::Serialize;

use super::context::LangCtx;
use super::output::Output;
use super::state::RenderCtx;
use crate::diagnostic::Diagnostics;
use crate::model::Version;

/// Whether the print view of `node` shows its text in `lang` (`v`): the
/// page in that language keeps its HTML for it (see [`print_view`]).
pub fn printed(node: &crate::model::Node, v: &Version, lang: &str) -> bool {
    has_print_view(node) && v.lang == lang
}

/// An outreach text written in more than one language has a print view.
fn has_print_view(node: &crate::model::Node) -> bool {
    node.section() == crate::model::SectionKind::Outreach && node.versions.len() >= 2
}

/// Spoken pace of a loudspeaker announcement, in syllables (words) a minute.
const SYLLABLES_PER_MINUTE: usize = 150;

#[derive(Serialize)]
pub struct OutreachCtx {
    pub kind: String,
    pub kind_label: String,
    /// `≈ 2 phút 10 giây` for loudspeaker scripts.
    pub reading_time: Option<String>,
    pub audio_url: Option<String>,
    pub sms: Vec<SmsCtx>,
    pub paper: String,
    /// The side-by-side print view, when the page has translations.
    pub print_url: Option<String>,
}

#[derive(Serialize, Debug, PartialEq)]
pub struct SmsCtx {
    pub text: String,
    /// Characters as the network counts them (GSM extension characters count two).
    pub length: usize,
    /// `GSM-7` (no Vietnamese marks) or `UCS-2`.
    pub encoding: &'static str,
    pub segments: usize,
}

/// GSM 03.38 basic alphabet.
const GSM_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// Characters of the GSM extension table, sent as two.
const GSM_EXTENDED: &str = "^{}\\[~]|€\u{c}";

/// Length, encoding and number of messages of an SMS text.
pub fn sms(text: &str) -> SmsCtx {
    let gsm = text
        .chars()
        .all(|c| GSM_BASIC.contains(c) || GSM_EXTENDED.contains(c));
    if gsm {
        let length = text
            .chars()
            .map(|c| if GSM_EXTENDED.contains(c) { 2 } else { 1 })
            .sum();
        SmsCtx {
            text: text.to_string(),
            length,
            encoding: "GSM-7",
            segments: if length <= 160 {
                1
            } else {
                length.div_ceil(153)
            },
        }
    } else {
        let length = text.encode_utf16().count();
        SmsCtx {
            text: text.to_string(),
            length,
            encoding: "UCS-2",
            segments: if length <= 70 { 1 } else { length.div_ceil(67) },
        }
    }
}

/// The texts of fenced code blocks: an SMS page keeps each message in one.
fn fenced_blocks(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in markdown.lines() {
        let fence = line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~");
        match (&mut current, fence) {
            (None, true) => current = Some(Vec::new()),
            (Some(lines), true) => {
                out.push(lines.join("\n").trim().to_string());
                current = None;
            }
            (Some(lines), false) => lines.push(line),
            (None, false) => {}
        }
    }
    out.into_iter().filter(|t| !t.is_empty()).collect()
}

/// Syllables read aloud: words separated by spaces; Khmer, written without
/// spaces between words, is estimated from its consonant clusters (a
/// consonant not under a coeng), about five clusters for three syllables.
pub fn syllables(markdown: &str) -> usize {
    let text: String = markdown
        .lines()
        .filter(|l| !l.trim_start().starts_with("```"))
        .collect::<Vec<_>>()
        .join(" ");
    text.split_whitespace()
        .map(|w| {
            let mut clusters: usize = 0;
            let mut after_coeng = false;
            for c in w.chars() {
                if ('\u{1780}'..='\u{17A2}').contains(&c) && !after_coeng {
                    clusters += 1;
                }
                after_coeng = c == '\u{17D2}';
            }
            if clusters > 0 {
                (clusters * 3).div_ceil(5)
            } else {
                usize::from(w.chars().any(char::is_alphanumeric))
            }
        })
        .sum()
}

pub fn reading_seconds(markdown: &str) -> usize {
    (syllables(markdown) * 60).div_ceil(SYLLABLES_PER_MINUTE)
}

impl LangCtx<'_> {
    pub fn outreach(
        &self,
        v: &Version,
        print_url: Option<String>,
        audio_url: Option<String>,
    ) -> Option<OutreachCtx> {
        let o = &v.front.outreach;
        let kind = o.kind.clone()?;
        let reading_time = (kind == "loudspeaker").then(|| {
            let s = reading_seconds(&v.body);
            let (m, s) = (s / 60, s % 60);
            let minutes = self.t("minutes");
            let seconds = self.t("seconds");
            match (m, s) {
                (0, s) => format!("≈ {s} {seconds}"),
                (m, 0) => format!("≈ {m} {minutes}"),
                (m, s) => format!("≈ {m} {minutes} {s} {seconds}"),
            }
        });
        Some(OutreachCtx {
            kind_label: self.t(&format!("outreach_{kind}")),
            reading_time,
            audio_url,
            sms: if kind == "sms" {
                fenced_blocks(&v.body).iter().map(|t| sms(t)).collect()
            } else {
                Vec::new()
            },
            paper: o.paper.clone().unwrap_or_else(|| "a4".into()),
            print_url,
            kind,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sms_encodings_and_segments() {
        let plain = sms("UBND TP Can Tho: Ban chua kich hoat VNeID muc 2? Mang the can cuoc va dien thoai co so chinh chu den Cong an xa, phuong noi cu tru. Khong cho ai biet ma OTP.");
        assert_eq!(
            (plain.encoding, plain.length, plain.segments),
            ("GSM-7", 157, 1)
        );
        let marked = sms("UBND TP Cần Thơ: Bạn chưa kích hoạt VNeID mức 2? Mang thẻ căn cước và điện thoại có số chính chủ đến Công an xã, phường nơi cư trú. Không cho ai biết mã OTP.");
        assert_eq!(
            (marked.encoding, marked.length, marked.segments),
            ("UCS-2", 157, 3)
        );
        assert_eq!(sms(&"a".repeat(160)).segments, 1);
        assert_eq!(sms(&"a".repeat(161)).segments, 2);
        assert_eq!(sms(&"a".repeat(306)).segments, 2);
        assert_eq!(sms(&"a".repeat(307)).segments, 3);
        assert_eq!(sms("[a]").length, 5, "brackets take two places");
        assert_eq!(sms(&"ă".repeat(70)).segments, 1);
        assert_eq!(sms(&"ă".repeat(71)).segments, 2);
        assert_eq!(sms(&"ă".repeat(134)).segments, 2);
        assert_eq!(sms(&"ă".repeat(135)).segments, 3);
    }

    #[test]
    fn messages_are_the_fenced_blocks() {
        let md = "Intro\n\n```text\nTin một\n```\n\nGiữa\n\n~~~\nTin hai\n~~~\n";
        assert_eq!(fenced_blocks(md), vec!["Tin một", "Tin hai"]);
    }

    #[test]
    fn reading_time_counts_syllables() {
        assert_eq!(syllables("Kính thưa bà con, **hôm nay** phường"), 7);
        // Khmer `សូមជម្រាបសួរ` (som chumreap suor, 4 syllables): 7 clusters → 5.
        assert_eq!(syllables("សូមជម្រាបសួរ"), 5);
        assert_eq!(reading_seconds(&"loa ".repeat(300)), 120);
    }
}

/// One language of the side-by-side print view.
#[derive(Serialize)]
struct Column {
    lang: String,
    name: String,
    title: String,
    content: String,
}

/// `…/print/`: every language of an outreach page side by side, for staff
/// who print bilingual material. Made with its pages, whose HTML is in
/// `texts` by language when they kept it.
pub fn print_view(
    r: &RenderCtx,
    index: usize,
    mut texts: HashMap<String, String>,
    problems: &mut Diagnostics,
) -> Option<Output> {
    let site = r.site;
    let node = &site.nodes[index];
    if !has_print_view(node) {
        return None;
    }
    let default = site.default_lang();
    let base_path = node.paths.get(default)?;
    let path = format!("{base_path}print/");
    let lc = r.lang(default);
    let mut columns = Vec::new();
    for lang in &site.config.languages {
        let Some(v) = node.versions.get(&lang.code) else {
            continue;
        };
        // Made by the page in that language already, when it was.
        let content = texts.remove(&lang.code).unwrap_or_else(|| {
            let url = &node.paths[&lang.code];
            let minify = r.pages.written();
            super::markdown::render(v, url, &lang.code, site, minify, None, problems).html
        });
        columns.push(Column {
            lang: lang.code.clone(),
            name: lang.name.clone(),
            title: v.front.title.clone().unwrap_or_default(),
            content,
        });
    }
    let original = &node.versions[default];
    let mut page = lc.special_page("outreach_print", &path, "", lc.title(node).0);
    page.canonical = lc.full(base_path);
    page.outreach = lc.outreach(original, None, None);
    let columns = serde_json::to_value(&columns).unwrap_or_default();
    let data = vec![("columns", columns)];
    r.page(&lc, "outreach_print.html", &path, &page, data, problems)
}
