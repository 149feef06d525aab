//! Word's automatic numbering: the labels `I.`, `1.`, `a)`, `-` that Word
//! shows before a paragraph are not in its text. A paragraph names a list
//! (`w:numId`, directly or through its style) and a level (`w:ilvl`);
//! `word/numbering.xml` says how each level of the list's abstract
//! definition counts and writes its label (`w:start`, `w:numFmt`,
//! `w:lvlText` such as `%1.` or `%1.%2.`). Lists that share an abstract
//! definition count together, as in Word; a list with a `w:startOverride`
//! starts again from it; a level counted resets the levels below it.

use std::collections::{HashMap, HashSet};

use roxmltree::Node;

use super::{child, children, parse, val, WordError};

/// The numbering definitions of a document, and the lists its styles name.
#[derive(Default)]
pub struct Numbering {
    /// `w:num` by `w:numId`.
    lists: HashMap<String, List>,
    /// The levels of each `w:abstractNum`, by `w:abstractNumId`.
    abstracts: HashMap<String, Vec<Level>>,
    /// The list and level a paragraph style applies, by style id.
    styles: HashMap<String, ListLevel>,
}

struct List {
    abstract_id: String,
    /// `w:lvlOverride/w:startOverride`: level → first number.
    starts: HashMap<usize, u32>,
}

#[derive(Clone)]
struct Level {
    start: u32,
    format: Format,
    /// `%1.`, `%2)`, `%1.%2.`: `%N` is level N's number.
    text: String,
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Decimal,
    DecimalZero,
    UpperRoman,
    LowerRoman,
    UpperLetter,
    LowerLetter,
    Bullet,
    None,
}

/// A paragraph's place in a list.
#[derive(Clone, Debug, PartialEq)]
pub struct ListLevel {
    list: String,
    level: usize,
}

const LEVELS: usize = 9;

impl Numbering {
    /// From `word/numbering.xml` and `word/styles.xml`, either absent.
    pub fn parse(numbering: Option<&str>, styles: Option<&str>) -> Result<Self, WordError> {
        let mut out = Numbering::default();
        if let Some(text) = numbering {
            let doc = parse("word/numbering.xml", text)?;
            let root = doc.root_element();
            for a in children(root, "abstractNum") {
                let id = a.attribute((super::W, "abstractNumId")).unwrap_or("");
                let mut levels = vec![Level::plain(); LEVELS];
                for lvl in children(a, "lvl") {
                    let at = lvl
                        .attribute((super::W, "ilvl"))
                        .and_then(|v| v.parse::<usize>().ok())
                        .filter(|l| *l < LEVELS);
                    if let Some(at) = at {
                        levels[at] = Level::parse(lvl);
                    }
                }
                out.abstracts.insert(id.to_string(), levels);
            }
            for n in children(root, "num") {
                let id = n.attribute((super::W, "numId")).unwrap_or("").to_string();
                let abstract_id = val(n, "abstractNumId").unwrap_or("").to_string();
                let starts = children(n, "lvlOverride")
                    .filter_map(|o| {
                        let level = o.attribute((super::W, "ilvl"))?.parse().ok()?;
                        let start = val(o, "startOverride")?.parse().ok()?;
                        Some((level, start))
                    })
                    .collect();
                out.lists.insert(
                    id,
                    List {
                        abstract_id,
                        starts,
                    },
                );
            }
        }
        if let Some(text) = styles {
            let doc = parse("word/styles.xml", text)?;
            for style in children(doc.root_element(), "style") {
                let id = style.attribute((super::W, "styleId")).unwrap_or("");
                if let Some(level) = child(style, "pPr").and_then(list_level) {
                    out.styles.insert(id.to_string(), level);
                }
            }
        }
        Ok(out)
    }

    /// The list and level of a paragraph, from its properties (`w:pPr`):
    /// its own `w:numPr`, else its style's; `None` when not numbered.
    pub fn of_paragraph(&self, ppr: Node) -> Option<ListLevel> {
        if child(ppr, "numPr").is_some() {
            return list_level(ppr);
        }
        let style = val(ppr, "pStyle")?;
        self.styles.get(style).cloned()
    }
}

/// `w:numPr` of properties: `w:numId` 0 takes numbering away.
fn list_level(ppr: Node) -> Option<ListLevel> {
    let num = child(ppr, "numPr")?;
    let list = val(num, "numId").unwrap_or("0");
    if list == "0" {
        return None;
    }
    let level = val(num, "ilvl")
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(0)
        .min(LEVELS - 1);
    Some(ListLevel {
        list: list.to_string(),
        level,
    })
}

impl Level {
    fn plain() -> Self {
        Level {
            start: 1,
            format: Format::Decimal,
            text: String::new(),
        }
    }

    fn parse(lvl: Node) -> Self {
        let format = match val(lvl, "numFmt").unwrap_or("decimal") {
            "decimalZero" => Format::DecimalZero,
            "upperRoman" => Format::UpperRoman,
            "lowerRoman" => Format::LowerRoman,
            "upperLetter" => Format::UpperLetter,
            "lowerLetter" => Format::LowerLetter,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            _ => Format::Decimal,
        };
        Level {
            start: val(lvl, "start").and_then(|v| v.parse().ok()).unwrap_or(1),
            format,
            text: val(lvl, "lvlText").unwrap_or("").to_string(),
        }
    }

    fn write(&self, n: u32) -> String {
        match self.format {
            Format::Decimal | Format::Bullet | Format::None => n.to_string(),
            Format::DecimalZero => format!("{n:02}"),
            Format::UpperRoman => roman(n),
            Format::LowerRoman => roman(n).to_lowercase(),
            Format::UpperLetter => letter(n).to_uppercase(),
            Format::LowerLetter => letter(n),
        }
    }
}

/// The numbers counted so far, by abstract definition and level.
#[derive(Default)]
pub struct Counters {
    counts: HashMap<String, [Option<u32>; LEVELS]>,
    /// Lists whose start override has been applied.
    started: HashSet<String>,
}

impl Counters {
    /// Counts the paragraph at `at` and returns the label Word shows before
    /// it (`II.`, `3.`, `b)`, `-` or `+` for bullets); `None` when the list
    /// is unknown or shows no label.
    pub fn label(&mut self, numbering: &Numbering, at: &ListLevel) -> Option<String> {
        let list = numbering.lists.get(&at.list)?;
        let levels = numbering.abstracts.get(&list.abstract_id)?;
        let counts = self.counts.entry(list.abstract_id.clone()).or_default();
        if !list.starts.is_empty() && self.started.insert(at.list.clone()) {
            *counts = [None; LEVELS];
        }
        let start = |l: usize| list.starts.get(&l).copied().unwrap_or(levels[l].start);
        let n = counts[at.level].map_or(start(at.level), |n| n + 1);
        counts[at.level] = Some(n);
        for deeper in counts.iter_mut().skip(at.level + 1) {
            *deeper = None;
        }
        let level = &levels[at.level];
        match level.format {
            Format::Bullet => Some(if at.level == 0 { "-" } else { "+" }.to_string()),
            Format::None => None,
            _ => {
                let mut label = level.text.clone();
                for l in (0..=at.level).rev() {
                    let value = counts[l].unwrap_or(start(l));
                    label = label.replace(&format!("%{}", l + 1), &levels[l].write(value));
                }
                let label = label.trim().to_string();
                (!label.is_empty()).then_some(label)
            }
        }
    }
}

fn roman(mut n: u32) -> String {
    const DIGITS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// `a` … `z`, then `aa`, `bb` … as Word counts letters.
fn letter(n: u32) -> String {
    let n = n.max(1) - 1;
    let c = char::from(b'a' + (n % 26) as u8);
    std::iter::repeat_n(c, (n / 26 + 1) as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="7">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
 <w:lvl w:ilvl="3"><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%4."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="8">
 <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
 <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>
</w:numbering>"#;

    fn at(list: &str, level: usize) -> ListLevel {
        ListLevel {
            list: list.into(),
            level,
        }
    }

    #[test]
    fn levels_count_reset_and_restart() {
        let numbering = Numbering::parse(Some(NUMBERING), None).unwrap();
        let mut counters = Counters::default();
        let mut label = |list, level| counters.label(&numbering, &at(list, level));
        assert_eq!(label("1", 0).as_deref(), Some("I."));
        assert_eq!(label("1", 1).as_deref(), Some("1."));
        assert_eq!(label("1", 2).as_deref(), Some("a)"));
        assert_eq!(label("1", 2).as_deref(), Some("b)"));
        assert_eq!(label("1", 3).as_deref(), Some("1.1."));
        assert_eq!(label("4", 0).as_deref(), Some("-"));
        assert_eq!(label("4", 1).as_deref(), Some("+"));
        assert_eq!(label("1", 1).as_deref(), Some("2."));
        // A deeper level starts again under a new parent.
        assert_eq!(label("1", 2).as_deref(), Some("a)"));
        // Another list of the same definition goes on counting …
        assert_eq!(label("2", 0).as_deref(), Some("II."));
        assert_eq!(label("2", 1).as_deref(), Some("1."));
        // … unless it says where it starts.
        assert_eq!(label("3", 1).as_deref(), Some("4."));
        assert_eq!(label("3", 1).as_deref(), Some("5."));
        assert_eq!(label("9", 0), None);
    }

    #[test]
    fn roman_and_letters() {
        assert_eq!(
            [1, 4, 9, 14, 40].map(roman),
            ["I", "IV", "IX", "XIV", "XL"].map(String::from)
        );
        assert_eq!([1, 26, 27].map(letter), ["a", "z", "aa"].map(String::from));
    }
}
