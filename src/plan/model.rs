//! The structure of a plan document, as `loa import --format json` prints it
//! (DESIGN.md, "Plan documents"). Unknown values are `null`, never guessed.

use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Plan {
    pub title: Option<String>,
    pub number: Option<String>,
    pub issuer: Option<String>,
    pub place: Option<String>,
    /// ISO date of issue.
    pub issued: Option<String>,
    pub period: Period,
    pub audience: Option<String>,
    pub scope: Option<String>,
    pub legal_basis: Vec<LegalRef>,
    pub targets: Vec<Target>,
    pub deadlines: Vec<Deadline>,
    pub reporting: Vec<Reporting>,
    pub sections: Vec<Section>,
    pub agencies: Vec<Agency>,
    pub recipients: Vec<String>,
    pub signer: Signer,
    pub tables: Vec<Table>,
    /// The document in order, for the page and for `--format md`.
    #[serde(skip)]
    pub body: Vec<BodyItem>,
    /// The period starts on the day of issue (`Từ ngày ban hành …`).
    #[serde(skip)]
    pub period_from_issue: bool,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Period {
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LegalRef {
    /// `Nghị quyết`, `Kế hoạch`, `Công văn` …
    pub kind: String,
    pub number: String,
    pub date: Option<String>,
    pub issuer: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Target {
    pub text: String,
    pub percent: Option<f64>,
    pub deadline: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Deadline {
    pub date: String,
    pub time: Option<String>,
    pub text: String,
    pub responsible: Option<String>,
    /// The id of the section it stands in.
    pub section: Option<String>,
    #[serde(skip)]
    pub line: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Reporting {
    /// `daily`, `weekly` or `monthly`.
    pub cadence: String,
    /// ISO weekday, 1 = Monday … 7 = Sunday.
    pub weekday: Option<u8>,
    pub time: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Section {
    /// Anchor on the page: `iii-1-so-ban-nganh-thanh-pho`.
    pub id: String,
    /// As written: `III`, `1`, `a`.
    pub number: Option<String>,
    pub heading: String,
    pub level: u8,
    pub children: Vec<Section>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Agency {
    pub name: String,
    pub tasks: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Signer {
    pub name: Option<String>,
    /// The position under which the name is signed: `PHÓ CHỦ TỊCH`.
    pub position: Option<String>,
    /// `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`.
    pub authority: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Table {
    pub caption: Option<String>,
    pub header: Vec<String>,
    /// The column-number row under the header (`1`, `2`, `4 = 3/50`), when there is one.
    pub columns: Option<Vec<String>>,
    pub rows: Vec<Vec<String>>,
    #[serde(skip)]
    pub line: usize,
    /// Source line of each row of `rows`.
    #[serde(skip)]
    pub row_lines: Vec<usize>,
}

/// One piece of the document's text, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum BodyItem {
    Heading {
        level: u8,
        id: String,
        number: Option<String>,
        text: String,
    },
    /// A paragraph or a numbered/lettered item, with its marker as written.
    Paragraph {
        marker: Option<String>,
        text: String,
    },
    Bullet {
        depth: u8,
        text: String,
    },
    Table(usize),
    /// Where `Nơi nhận` and the signature stand (before any appendix).
    Closing,
}
