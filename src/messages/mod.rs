//! The catalogue of messages: every diagnostic ([`Msg`], one variant per
//! problem, each with a stable code) and every text of the command line
//! ([`UiText`]), each written once with its English and its Vietnamese.
//!
//! - `catalogue.rs`: per code, the message and fix in both languages and an example;
//! - `interface.rs`: the command line's own texts;
//! - `table.rs`: the macros that make methods of these two tables;
//! - `errors_page.rs`: `docs/errors.md`, made from the examples.

mod catalogue;
mod errors_page;
mod interface;
mod table;

pub use errors_page::catalogue_markdown;
pub use interface::UiText;

use crate::locale::UiLang;

/// What a value should have been, for type errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Text,
    Bool,
    Integer,
    List,
    Mapping,
    SiteRootPath,
    Paper,
    Step,
}

impl Expected {
    fn text(self, lang: UiLang) -> &'static str {
        match (self, lang) {
            (Expected::Text, UiLang::En) => "text",
            (Expected::Text, UiLang::Vi) => "một đoạn chữ",
            (Expected::Bool, UiLang::En) => "true or false",
            (Expected::Bool, UiLang::Vi) => "true hoặc false",
            (Expected::Integer, UiLang::En) => "a whole number",
            (Expected::Integer, UiLang::Vi) => "một số nguyên",
            (Expected::List, UiLang::En) => "a list (lines starting with `- `)",
            (Expected::List, UiLang::Vi) => "một danh sách (các dòng bắt đầu bằng `- `)",
            (Expected::Mapping, UiLang::En) => "a mapping of `name: value` lines",
            (Expected::Mapping, UiLang::Vi) => "các dòng dạng `tên: giá trị`",
            (Expected::SiteRootPath, UiLang::En) => "a site-root path such as `/old/page/`",
            (Expected::SiteRootPath, UiLang::Vi) => "một đường dẫn từ gốc trang như `/trang-cu/`",
            (Expected::Paper, UiLang::En) => "`a4` or `a5`",
            (Expected::Paper, UiLang::Vi) => "`a4` hoặc `a5`",
            (Expected::Step, UiLang::En) => "a step number: 1, 2, 3 …",
            (Expected::Step, UiLang::Vi) => "số thứ tự của bước: 1, 2, 3 …",
        }
    }
}

/// An encoding of text files that loa names in its messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf16Le,
    Utf16Be,
    /// Excel's "CSV" on Vietnamese Windows.
    Windows1258,
    /// TCVN3, the "ABC" fonts (`.VnTime`).
    Tcvn3,
    /// VNI-Windows, the `VNI-Times` fonts.
    Vni,
}

impl TextEncoding {
    /// Its name, the same in every language.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf16Le => "UTF-16 LE",
            TextEncoding::Utf16Be => "UTF-16 BE",
            TextEncoding::Windows1258 => "Windows-1258",
            TextEncoding::Tcvn3 => "TCVN3 (ABC, .VnTime)",
            TextEncoding::Vni => "VNI-Windows (VNI-Times)",
        }
    }

    /// UTF-16, which Notepad, Word and Excel call "Unicode".
    pub fn is_utf16(self) -> bool {
        matches!(self, TextEncoding::Utf16Le | TextEncoding::Utf16Be)
    }
}

/// How to write a nested mapping, for [`Msg::UnknownNestedField`]: the
/// keys it takes (`` `name`, `phone` ``), the key meant, and the accepted
/// shape with the values written.
#[derive(Debug, Clone, PartialEq)]
pub struct NestedFix {
    pub accepted: String,
    pub suggestion: Option<String>,
    pub example: String,
}

/// Why a symbolic link of `content/` is skipped, for [`Msg::SymlinkOutside`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymlinkTarget {
    /// A file outside `content/`: following it could publish any file.
    Outside,
    /// A folder: linked folders are not gone into.
    Folder,
    /// Nothing: the file it names does not exist.
    Missing,
}

/// The shape a value of YAML should have had, for [`Msg::WrongShape`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `languages` in `site.yaml`.
    Languages,
    /// One entry of `languages`.
    Language,
    /// A slogan's `text`.
    SloganText,
    /// A slogan's `translations`.
    Translations,
}

/// A problem found in a site, with what its message needs; its code and
/// words are in `catalogue.rs`.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    // E01xx: YAML and front matter
    YamlSyntax {
        detail: String,
    },
    UnknownField {
        field: String,
        suggestion: Option<String>,
    },
    WrongType {
        field: String,
        expected: Expected,
    },
    DateFormat {
        field: String,
        value: String,
    },
    DateDoesNotExist {
        field: String,
        value: String,
        days_in_month: i8,
    },
    FrontMatterNotClosed,
    MissingField {
        field: String,
    },
    FrontMatterNotMapping,
    // E02xx: site.yaml
    ConfigMissing,
    BadBaseUrl {
        value: String,
    },
    BaseUrlCredentials {
        value: String,
    },
    ThemeOutsideSite {
        name: String,
    },
    DefaultLanguageNotListed {
        code: String,
    },
    UnknownTimezone {
        value: String,
    },
    ThemeNotFound {
        name: String,
    },
    DuplicateLanguage {
        code: String,
    },
    BadLanguageCode {
        code: String,
    },
    OrganizationShape {
        written: String,
    },
    // E03xx: content files
    DuplicateUrl {
        url: String,
        other: String,
    },
    AliasBackslash {
        alias: String,
    },
    /// An alias at the address of a page, of a file loa writes (`other`
    /// is `None`) or of another alias.
    AliasTaken {
        url: String,
        other: Option<String>,
    },
    TranslationWithoutOriginal {
        original: String,
    },
    LanguageNotConfigured {
        code: String,
    },
    DuplicateTranslation {
        other: String,
    },
    /// `byte` is the first that is not UTF-8, at the problem's location;
    /// `table`: a table of points or visits (the advice is Excel's).
    NotUtf8 {
        byte: u8,
        looks_like: Option<TextEncoding>,
        table: bool,
    },
    ConvertedEncoding {
        encoding: TextEncoding,
        table: bool,
    },
    /// `example`: the accepted shape written with the user's own values, on one line.
    WrongShape {
        field: String,
        shape: Shape,
        example: String,
    },
    NoDefaultText {
        code: String,
        example: String,
    },
    TranslationTwice {
        code: String,
    },
    UnreadableTableFile {
        extension: String,
    },
    WorkbookUnreadable {
        detail: String,
        open_in_excel: bool,
    },
    CellError {
        value: String,
    },
    PhoneAsNumber {
        value: String,
        restored: String,
    },
    ReadFailed {
        detail: String,
    },
    DuplicateId {
        id: String,
    },
    UnknownCampaign {
        slug: String,
    },
    DuplicateStep {
        step: i64,
        other: String,
    },
    // E04xx: links
    BrokenLink {
        target: String,
    },
    LinkToDraft {
        target: String,
    },
    LinkOutsideSite {
        target: String,
    },
    // E05xx: templates
    TemplateError {
        detail: String,
    },
    TemplateNotFound {
        name: String,
    },
    // E07xx: output
    WriteFailed {
        detail: String,
    },
    PreviousOutputLeft {
        left: String,
        detail: String,
    },
    // W06xx: plan documents
    TableMismatch(Box<TableFigure>),
    PlanVisitsShown {
        count: usize,
        file: String,
    },
    WordUnreadable {
        detail: String,
    },
    PdfWithoutText,
    PdfUnreadable {
        detail: String,
    },
    OldWordFormat,
    PlanDateDoesNotExist {
        written: String,
        days: i8,
    },
    PlanDateShortYear {
        written: String,
    },
    PlanDateFarYear {
        written: String,
        year: i16,
        plan_year: i16,
    },
    // E08xx: enrollment points and visits
    CsvSyntax {
        detail: String,
    },
    UnknownColumn {
        column: String,
        suggestion: Option<String>,
    },
    MissingColumn {
        column: String,
    },
    FieldCount {
        expected: usize,
        found: usize,
    },
    MissingValue {
        column: String,
    },
    BadKind {
        value: String,
    },
    /// The services of one cell that are not known, in the order written,
    /// and for those that look like one, the service meant.
    BadService {
        values: Vec<String>,
        suggestions: Vec<(String, String)>,
    },
    BadHours {
        problem: HoursProblem,
    },
    BadCoordinate {
        column: String,
        value: String,
    },
    UnknownPoint {
        id: String,
        suggestion: Option<String>,
    },
    BadTime {
        column: String,
        value: String,
    },
    EndBeforeStart {
        start: String,
        end: String,
    },
    BadId {
        value: String,
        suggestion: String,
    },
    DuplicateVisit {
        id: String,
        date: jiff::civil::Date,
        start: String,
    },
    BadOutreachKind {
        value: String,
        suggestion: Option<String>,
    },
    NonLatinSlug {
        value: String,
    },
    LookalikeLetter {
        found: char,
        instead: char,
    },
    UnsafeHtml {
        what: String,
    },
    /// A symbolic link in `content/` that is skipped, and what it names.
    SymlinkOutside {
        target: String,
        points_to: SymlinkTarget,
    },
    MissingDescription,
    LargeFile {
        size_kb: u64,
        limit_kb: u64,
        image: bool,
    },
    PageSavedAsText {
        page: String,
    },
    UpdatedInFuture {
        updated: String,
        now: String,
    },
    /// A number beyond what the field (or YAML itself) can hold; `limit` is
    /// the smallest allowed when `negative`, else the largest.
    NumberOutOfRange {
        number: String,
        limit: String,
        negative: bool,
    },
    ImageWithoutAlt,
    HtmlTooDeep {
        depth: usize,
    },
    /// `target` as written, with its `#fragment`.
    BrokenAnchor {
        target: String,
        suggestion: Option<String>,
    },
    MissingStrings {
        lang: String,
        keys: Vec<String>,
    },
    /// A date or time with an offset no time zone has.
    BadOffset {
        field: String,
        value: String,
    },
    /// A `slug` that is not one part of an address: `.`, `..`, or with `/` or `\`.
    SlugPath {
        value: String,
    },
    /// A NUL byte in a text file; `utf16` when every other byte is NUL.
    NulByte {
        utf16: bool,
    },
    /// An image, video, sound or style from another host, or over `http://`.
    OtherHost {
        url: String,
    },
    PlanEmpty,
    PlanIsFolder {
        name: String,
    },
    /// Two time ranges of one group of an `hours` cell that overlap.
    /// `first` and `second` in minutes since midnight.
    OverlappingHours {
        days: String,
        first: (u16, u16),
        second: (u16, u16),
    },
    /// A key of a nested mapping (a language, the organization) that it
    /// does not take. `accepted` lists the keys it takes, `example` is its
    /// accepted shape with the values written.
    UnknownNestedField {
        field: String,
        within: String,
        /// Boxed: every diagnostic is as large as the largest message.
        fix: Box<NestedFix>,
    },
    /// Text typed with a legacy font (VNI-Times, `.VnTime`) in a Unicode
    /// file or a cell: `found` as written, `converted` as read.
    OldFontText {
        encoding: TextEncoding,
        found: String,
        converted: String,
    },
    /// Rows above a table's header (a title, a date, blank rows), left out.
    /// `first`..=`last` are the rows skipped, `header` the header's row.
    RowsAboveHeader {
        first: usize,
        last: usize,
        header: usize,
    },
}

/// What is wrong in an `hours` cell (see `read::hours`).
#[derive(Debug, Clone, PartialEq)]
pub enum HoursProblem {
    /// Not `T2`…`T7` or `CN`.
    Day(String),
    /// Not `HH:MM`.
    Time(String),
    /// Opens at or after it closes.
    Order(String),
    /// A group without days or without hours.
    Incomplete(String),
    /// A period with a day that does not exist: `đến 31/6/2026`.
    Date(String),
    /// A period that ends before it starts: `từ 1/7/2026 đến 30/6/2026`.
    Period(String),
    /// Words after the hours that are not `từ D`, `đến D` in that order.
    PeriodForm(String),
}

/// A figure of a plan's table that disagrees with the table's formula or total.
#[derive(Debug, Clone, PartialEq)]
pub struct TableFigure {
    pub table: usize,
    pub row: String,
    pub column: usize,
    pub column_name: String,
    pub printed: String,
    pub expected: String,
    /// `4 = 3/50`, or `Tổng` for a total.
    pub rule: String,
}
