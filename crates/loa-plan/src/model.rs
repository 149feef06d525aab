//! The structure of a plan document, as `loa import --format json` prints it
//! (see the crate's documentation for the JSON). Unknown values are `None`
//! (`null`), never guessed.

use jiff::civil::{Date, Time, Weekday};
use serde::{Serialize, Serializer};

use crate::iso;

/// What a plan document says: its header, its facts and its text in order.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Plan {
    /// The line after the document kind: `Triển khai Chiến dịch …`.
    pub title: Option<String>,
    /// `128/KH-UBND`; `None` when the number is a blank (`Số: /KH-UBND`).
    pub number: Option<String>,
    /// Who issues it: `Ủy ban nhân dân thành phố`.
    pub issuer: Option<String>,
    /// Where it is issued: `Cần Thơ`.
    pub place: Option<String>,
    /// The day of issue; `None` when left blank (`ngày   tháng 5 năm 2026`).
    #[serde(serialize_with = "iso::option_date")]
    pub issued: Option<Date>,
    /// When the campaign runs.
    pub period: Period,
    /// Who the campaign is for (`Đối tượng: …`), as written.
    pub audience: Option<String>,
    /// Where it applies (`Phạm vi: …`), as written.
    pub scope: Option<String>,
    /// The documents the plan cites as its basis, each once.
    pub legal_basis: Vec<LegalRef>,
    /// Targets (`chỉ tiêu`), in the order written.
    pub targets: Vec<Target>,
    /// Every dated task, earliest first.
    pub deadlines: Vec<Deadline>,
    /// Reporting duties and their cadence.
    pub reporting: Vec<Reporting>,
    /// The section tree: `I.`, `1.`, `a)`.
    pub sections: Vec<Section>,
    /// Agencies named in the plan with the tasks given to each.
    pub agencies: Vec<Agency>,
    /// `Nơi nhận`: who receives the document.
    pub recipients: Vec<String>,
    /// Who signs it.
    pub signer: Signer,
    /// Tab-separated tables, in the order written.
    pub tables: Vec<Table>,
    /// The mobile teams' visits a table of the plan lists (an appendix's
    /// schedule), in the order written; public.
    pub visits: Vec<Visit>,
    /// The hours of offices the text states with clock times; public.
    pub office_hours: Vec<OfficeHours>,
    /// The document in order, for a page (see [`crate::to_markdown`]).
    #[serde(skip)]
    pub body: Vec<BodyItem>,
    /// The period starts on the day of issue (`Từ ngày ban hành …`): when the
    /// day of issue is known later (a page's front matter gives it), it is
    /// also the period's start.
    #[serde(skip)]
    pub period_from_issue: bool,
}

/// The period a campaign runs, first and last day included.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Period {
    /// The first day.
    #[serde(serialize_with = "iso::option_date")]
    pub start: Option<Date>,
    /// The last day.
    #[serde(serialize_with = "iso::option_date")]
    pub end: Option<Date>,
}

/// A document cited as the plan's basis: `Nghị quyết số 57-NQ/TW ngày 22
/// tháng 12 năm 2024 của Bộ Chính trị`, `Luật Căn cước năm 2023`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LegalRef {
    /// What kind of document it is.
    pub kind: DocumentKind,
    /// `57-NQ/TW`, without spaces; `None` for a law cited by its name only.
    pub number: Option<String>,
    /// Its date, or its year alone, when the citation gives it.
    pub date: Option<CitedDate>,
    /// Who issued it (`của …`), when the citation says.
    pub issuer: Option<String>,
    /// A law's name: `Luật Căn cước` (in JSON only when known).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The date a citation gives: a day, or a year alone (`Luật Căn cước năm
/// 2023`); in JSON `2023-11-27` or `2023`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CitedDate {
    /// `ngày 27 tháng 11 năm 2023`.
    Day(Date),
    /// `năm 2023`.
    Year(i16),
}

impl CitedDate {
    /// The day, when the citation gives it.
    pub fn day(self) -> Option<Date> {
        match self {
            CitedDate::Day(d) => Some(d),
            CitedDate::Year(_) => None,
        }
    }

    /// The year.
    pub fn year(self) -> i16 {
        match self {
            CitedDate::Day(d) => d.year(),
            CitedDate::Year(y) => y,
        }
    }
}

impl Serialize for CitedDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            CitedDate::Day(d) => s.collect_str(d),
            CitedDate::Year(y) => s.collect_str(y),
        }
    }
}

/// The kinds of document a plan cites; written in JSON by their Vietnamese
/// name (`Nghị quyết`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// `Nghị quyết`
    Resolution,
    /// `Nghị định`
    Decree,
    /// `Quyết định`
    Decision,
    /// `Chỉ thị`
    Directive,
    /// `Kế hoạch`
    Plan,
    /// `Công văn`
    OfficialLetter,
    /// `Thông tư`
    Circular,
    /// `Thông báo`
    Notice,
    /// `Hướng dẫn`
    Guidance,
    /// `Luật`
    Law,
    /// `Chương trình`
    Programme,
    /// `Công điện`
    Dispatch,
}

impl DocumentKind {
    const ALL: [DocumentKind; 12] = [
        DocumentKind::Resolution,
        DocumentKind::Decree,
        DocumentKind::Decision,
        DocumentKind::Directive,
        DocumentKind::Plan,
        DocumentKind::OfficialLetter,
        DocumentKind::Circular,
        DocumentKind::Notice,
        DocumentKind::Guidance,
        DocumentKind::Law,
        DocumentKind::Programme,
        DocumentKind::Dispatch,
    ];

    /// The Vietnamese name, capitalized as in a sentence: `Nghị quyết`.
    pub fn name(self) -> &'static str {
        match self {
            DocumentKind::Resolution => "Nghị quyết",
            DocumentKind::Decree => "Nghị định",
            DocumentKind::Decision => "Quyết định",
            DocumentKind::Directive => "Chỉ thị",
            DocumentKind::Plan => "Kế hoạch",
            DocumentKind::OfficialLetter => "Công văn",
            DocumentKind::Circular => "Thông tư",
            DocumentKind::Notice => "Thông báo",
            DocumentKind::Guidance => "Hướng dẫn",
            DocumentKind::Law => "Luật",
            DocumentKind::Programme => "Chương trình",
            DocumentKind::Dispatch => "Công điện",
        }
    }

    /// The kind a name stands for, in any case (`NGHỊ QUYẾT`, `nghị quyết`).
    pub(crate) fn from_name(name: &str) -> Option<DocumentKind> {
        let lower = name.to_lowercase();
        Self::ALL
            .into_iter()
            .find(|k| k.name().to_lowercase() == lower)
    }
}

impl Serialize for DocumentKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// A target (`chỉ tiêu`): `100% công dân từ 06 đến 14 tuổi …`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Target {
    /// The target as written.
    pub text: String,
    /// The first percentage in it: `80.0` for `80%`, `99.5` for `99,5 %`.
    pub percent: Option<f64>,
    /// The day it is due, when it says (`trước ngày 30/6/2026`).
    #[serde(serialize_with = "iso::option_date")]
    pub deadline: Option<Date>,
}

/// A dated task: `… hoàn thành trước ngày 30/6/2026`, `trước 10h00 ngày 06
/// tháng 8 năm 2023`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Deadline {
    /// The day it is due.
    #[serde(serialize_with = "iso::date")]
    pub date: Date,
    /// The hour it is due, when given.
    #[serde(serialize_with = "iso::option_time")]
    pub time: Option<Time>,
    /// The sentence that sets it.
    pub text: String,
    /// The agency responsible, when the plan names one.
    pub responsible: Option<String>,
    /// The id of the section it stands in (see [`Section::id`]).
    pub section: Option<String>,
    /// Who must act by the date: residents (a deadline addressed to
    /// parents, citizens …) or the agencies (their tasks and reports,
    /// targets).
    pub audience: Audience,
    /// The 1-based line of the text where it is written.
    #[serde(skip)]
    pub line: usize,
}

/// Who a dated item is for: `public` or `internal` in JSON.
///
/// Public: campaign periods, mobile-team visits, office hours, and
/// deadlines whose subject is residents, parents, citizens, pupils'
/// families … (even under an agency's heading, or as what a school must
/// tell parents). Internal: tasks of agencies, schools and hamlets,
/// reports ([`Reporting`] is always internal), targets. A site shows
/// internal items only with the plan's own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// For residents: shown wherever the campaign's dates are.
    Public,
    /// For the agencies: shown only with the plan.
    Internal,
}

/// A reporting duty: `báo cáo hàng tuần trước 08 giờ 00 phút ngày thứ Tư`.
/// Reports are for the agencies: their audience is always
/// [`Audience::Internal`] (see [`Reporting::audience`]).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Reporting {
    /// How often.
    pub cadence: Cadence,
    /// The day of the week of a weekly report; an ISO number in JSON
    /// (1 = Monday … 7 = Sunday).
    #[serde(serialize_with = "iso::option_weekday")]
    pub weekday: Option<Weekday>,
    /// The hour it is due, when given.
    #[serde(serialize_with = "iso::option_time")]
    pub time: Option<Time>,
    /// The sentence, or the clause of it, that sets it.
    pub text: String,
    /// Always [`Audience::Internal`]: a report is an agency's duty.
    pub audience: Audience,
}

/// How often a report is due: `daily`, `weekly` or `monthly` in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Cadence {
    /// `hằng ngày`, `hàng ngày`, under `Báo cáo ngày`.
    Daily,
    /// `hằng tuần`, `hàng tuần`, under `Báo cáo tuần`.
    Weekly,
    /// `hằng tháng`, `hàng tháng`, under `Báo cáo tháng`.
    Monthly,
}

/// A section of the plan, with the sections under it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Section {
    /// Anchor on the page, unique in the plan: `iii-1-so-ban-nganh-thanh-pho`.
    pub id: String,
    /// As written: `III`, `1`, `a`.
    pub number: Option<String>,
    /// The heading without its number.
    pub heading: String,
    /// 1 for `I.`, 2 for `1.` under it, and so on (at most 4).
    pub level: u8,
    /// The sections under this one.
    pub children: Vec<Section>,
}

/// An agency named in the plan, with the tasks given to it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Agency {
    /// `Công an thành phố`.
    pub name: String,
    /// Its tasks as written, each once.
    pub tasks: Vec<String>,
}

/// The signature block.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Signer {
    /// The person who signs.
    pub name: Option<String>,
    /// The position under which the name is signed: `PHÓ CHỦ TỊCH`.
    pub position: Option<String>,
    /// `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`.
    pub authority: Vec<String>,
}

/// A tab-separated table, its cells as printed.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Table {
    /// The line that names it (`Bảng 1 …`, an appendix heading).
    pub caption: Option<String>,
    /// The header row.
    pub header: Vec<String>,
    /// The column-number row under the header (`1`, `2`, `4 = 3/50`), when there is one.
    pub columns: Option<Vec<String>>,
    /// The rows under the header, each as wide as the header.
    pub rows: Vec<Vec<String>>,
    /// The 1-based line of the header row.
    #[serde(skip)]
    pub line: usize,
    /// The 1-based line of each row of `rows`.
    #[serde(skip)]
    pub row_lines: Vec<usize>,
}

/// A mobile team's visit, from a row of a table whose columns name places,
/// dates and times (`Địa điểm`, `Ấp`, `Ngày`, `Thời gian`, `Giờ` …): the
/// fields of a row of `points/visits.csv`. Visits are public.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Visit {
    /// The day.
    #[serde(serialize_with = "iso::date")]
    pub date: Date,
    /// When the team starts, when the row says.
    #[serde(serialize_with = "iso::option_time")]
    pub start: Option<Time>,
    /// When it leaves, when the row says.
    #[serde(serialize_with = "iso::option_time")]
    pub end: Option<Time>,
    /// The place as written: `Ấp Sóc Chà - Chùa Sóc Chà`.
    pub place: String,
    /// The address, when the table has a column for it.
    pub address: Option<String>,
    /// The row's other cells (`Ghi chú`, `Đối tượng ưu tiên`), joined by `; `.
    pub notes: Option<String>,
    /// The 1-based line of the row.
    #[serde(skip)]
    pub line: usize,
}

/// An office's hours as the text states them (`làm việc từ 07 giờ 00 đến 20
/// giờ 00 tất cả các ngày trong tuần`), in the `hours` syntax of points:
/// `T2-CN 07:00-20:00`, `T2-T6 07:30-11:30, 13:30-17:00`. Public.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct OfficeHours {
    /// The office: `Công an xã Ba Chúc`.
    pub office: String,
    /// Days and times: `T2-CN 07:00-20:00`, and the period they hold for
    /// when the text gives one: `T2-CN 07:00-20:00 đến 30/6/2026`.
    pub hours: String,
    /// The text says they hold while the plan is carried out (`trong suốt
    /// thời gian thực hiện Kế hoạch`): the plan's period is added to
    /// `hours` once it is known.
    #[serde(skip)]
    pub during_plan: bool,
}

/// One piece of the document's text, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum BodyItem {
    /// A section heading.
    Heading {
        /// The section's level (see [`Section::level`]).
        level: u8,
        /// The section's id (see [`Section::id`]).
        id: String,
        /// The section's number as written.
        number: Option<String>,
        /// The heading without its number.
        text: String,
    },
    /// A paragraph or a numbered/lettered item, with its marker as written.
    Paragraph {
        /// `1.`, `a)`, or `None` for a plain paragraph.
        marker: Option<String>,
        /// The text without its marker.
        text: String,
    },
    /// An item of a bulleted list.
    Bullet {
        /// 0 for `-`, `•`, `*`; 1 for `+`.
        depth: u8,
        /// The text without its bullet.
        text: String,
    },
    /// The table of [`Plan::tables`] at this index.
    Table(usize),
    /// Where `Nơi nhận` and the signature stand (before any appendix).
    Closing,
}
