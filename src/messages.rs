//! The catalogue of diagnostics: one variant per problem, each with a stable
//! code, a message and a fix, in Vietnamese and English.

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
    // E03xx: content files
    DuplicateUrl {
        url: String,
        other: String,
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
    NotUtf8,
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
    // W06xx: plan documents
    TableMismatch(Box<TableFigure>),
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
    BadService {
        value: String,
        suggestion: Option<String>,
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
        date: String,
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
    SymlinkOutside,
    MissingDescription,
    LargeFile {
        size_kb: u64,
        limit_kb: u64,
        image: bool,
    },
    ImageWithoutAlt,
    /// `target` as written, with its `#fragment`.
    BrokenAnchor {
        target: String,
        suggestion: Option<String>,
    },
    MissingStrings {
        lang: String,
        keys: Vec<String>,
    },
}

/// What is wrong in an `hours` cell.
#[derive(Debug, Clone, PartialEq)]
pub enum HoursProblem {
    Day(String),
    Time(String),
    Order(String),
    Incomplete(String),
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

impl Msg {
    pub fn code(&self) -> &'static str {
        match self {
            Msg::YamlSyntax { .. } => "E0101",
            Msg::UnknownField { .. } => "E0102",
            Msg::WrongType { .. } => "E0103",
            Msg::DateFormat { .. } => "E0104",
            Msg::DateDoesNotExist { .. } => "E0105",
            Msg::FrontMatterNotClosed => "E0106",
            Msg::MissingField { .. } => "E0107",
            Msg::FrontMatterNotMapping => "E0108",
            Msg::ConfigMissing => "E0201",
            Msg::BadBaseUrl { .. } => "E0202",
            Msg::DefaultLanguageNotListed { .. } => "E0203",
            Msg::UnknownTimezone { .. } => "E0204",
            Msg::ThemeNotFound { .. } => "E0205",
            Msg::DuplicateLanguage { .. } => "E0206",
            Msg::BadLanguageCode { .. } => "E0207",
            Msg::DuplicateUrl { .. } => "E0301",
            Msg::TranslationWithoutOriginal { .. } => "E0302",
            Msg::LanguageNotConfigured { .. } => "E0303",
            Msg::DuplicateTranslation { .. } => "E0304",
            Msg::NotUtf8 => "E0305",
            Msg::ReadFailed { .. } => "E0306",
            Msg::DuplicateId { .. } => "E0307",
            Msg::UnknownCampaign { .. } => "E0308",
            Msg::BrokenLink { .. } => "E0401",
            Msg::LinkToDraft { .. } => "E0402",
            Msg::LinkOutsideSite { .. } => "E0403",
            Msg::TemplateError { .. } => "E0501",
            Msg::TemplateNotFound { .. } => "E0502",
            Msg::WriteFailed { .. } => "E0701",
            Msg::TableMismatch(_) => "W0601",
            Msg::CsvSyntax { .. } => "E0801",
            Msg::UnknownColumn { .. } => "E0802",
            Msg::MissingColumn { .. } => "E0803",
            Msg::FieldCount { .. } => "E0804",
            Msg::MissingValue { .. } => "E0805",
            Msg::BadKind { .. } => "E0806",
            Msg::BadService { .. } => "E0807",
            Msg::BadHours { .. } => "E0808",
            Msg::BadCoordinate { .. } => "E0809",
            Msg::UnknownPoint { .. } => "E0810",
            Msg::BadTime { .. } => "E0811",
            Msg::EndBeforeStart { .. } => "E0812",
            Msg::BadId { .. } => "E0813",
            Msg::DuplicateVisit { .. } => "E0814",
            Msg::BadOutreachKind { .. } => "E0109",
            Msg::NonLatinSlug { .. } => "E0309",
            Msg::DuplicateStep { .. } => "E0310",
            Msg::LookalikeLetter { .. } => "W0310",
            Msg::UnsafeHtml { .. } => "W0404",
            Msg::SymlinkOutside => "W0112",
            Msg::MissingDescription => "W0114",
            Msg::LargeFile { .. } => "W0115",
            Msg::ImageWithoutAlt => "W0405",
            Msg::BrokenAnchor { .. } => "E0404",
            Msg::MissingStrings { .. } => "W0503",
        }
    }

    /// The message and, when there is one, how to fix it.
    pub fn text(&self, lang: UiLang) -> (String, Option<String>) {
        match lang {
            UiLang::En => self.english(),
            UiLang::Vi => self.vietnamese(),
        }
    }

    fn english(&self) -> (String, Option<String>) {
        let en = UiLang::En;
        let (m, h): (String, Option<String>) = match self {
            Msg::YamlSyntax { detail } => (
                format!("malformed YAML: {detail}"),
                Some("check the indentation and put text that contains `:` or `#` in quotes".into()),
            ),
            Msg::UnknownField { field, suggestion } => (
                format!("unknown field `{field}`"),
                Some(match suggestion {
                    Some(s) => format!("did you mean `{s}`? Custom fields go under `extra:`"),
                    None => "remove it, or put custom fields under `extra:`".into(),
                }),
            ),
            Msg::WrongType { field, expected } => (
                format!("`{field}` must be {}", expected.text(en)),
                Some(format!("write `{field}` as {}", expected.text(en))),
            ),
            Msg::DateFormat { field, value } => (
                format!("`{field}: {value}` is not a date"),
                Some("write dates as YYYY-MM-DD, e.g. `2026-06-30`, or `2026-06-30T08:00:00+07:00`".into()),
            ),
            Msg::DateDoesNotExist { field, value, days_in_month } => (
                format!("`{field}: {value}` is a date that does not exist"),
                Some(format!("that month has {days_in_month} days; correct the day")),
            ),
            Msg::FrontMatterNotClosed => (
                "the front matter starting with `---` is never closed".into(),
                Some("add a line with only `---` after the last field".into()),
            ),
            Msg::MissingField { field } => (
                format!("required field `{field}` is missing"),
                Some(format!("add a line `{field}: …`")),
            ),
            Msg::FrontMatterNotMapping => (
                "the front matter must be a list of `name: value` lines".into(),
                Some("write one field per line, e.g. `title: Kích hoạt VNeID`".into()),
            ),
            Msg::ConfigMissing => (
                "no site configuration `content/site.yaml`".into(),
                Some("run `loa new DIR` to create a site, or pass `--root` with the folder that holds `content/`".into()),
            ),
            Msg::BadBaseUrl { value } => (
                format!("`base_url: {value}` is not an absolute http(s) URL"),
                Some("write it like `https://portal.example.gov.vn/vneid/`".into()),
            ),
            Msg::DefaultLanguageNotListed { code } => (
                format!("the default language `{code}` is not in `languages`"),
                Some(format!("add `- code: {code}` to `languages`, or change `default_language`")),
            ),
            Msg::UnknownTimezone { value } => (
                format!("unknown time zone `{value}`"),
                Some("use an IANA name such as `Asia/Ho_Chi_Minh`".into()),
            ),
            Msg::ThemeNotFound { name } => (
                format!("theme `{name}` not found"),
                Some(format!("create `themes/{name}/` beside `content/`, or use `theme: default`")),
            ),
            Msg::DuplicateLanguage { code } => (
                format!("language `{code}` is listed twice"),
                Some("remove one of the two entries".into()),
            ),
            Msg::BadLanguageCode { code } => (
                format!("`{code}` is not a language code"),
                Some("use a lower-case code such as `vi`, `en`, `km`".into()),
            ),
            Msg::DuplicateUrl { url, other } => (
                format!("two files make the same URL `{url}`; the other is {other}"),
                Some("give one of them another file name or `slug:`".into()),
            ),
            Msg::TranslationWithoutOriginal { original } => (
                format!("this translation has no original `{original}`"),
                Some(format!("create `{original}` in the default language, or rename this file")),
            ),
            Msg::LanguageNotConfigured { code } => (
                format!("language `{code}` is not configured in `site.yaml`"),
                Some(format!("add `- code: {code}` under `languages:` in `content/site.yaml`, or rename the file")),
            ),
            Msg::DuplicateTranslation { other } => (
                format!("the same page in the same language is also {other}"),
                Some("keep one of the two files".into()),
            ),
            Msg::NotUtf8 => (
                "the file is not UTF-8 text".into(),
                Some("save it as UTF-8 (in Word or Notepad: Save As → Encoding: UTF-8)".into()),
            ),
            Msg::ReadFailed { detail } => (format!("cannot read: {detail}"), None),
            Msg::DuplicateId { id } => (
                format!("id `{id}` is used twice"),
                Some("give every entry its own `id`".into()),
            ),
            Msg::UnknownCampaign { slug } => (
                format!("no campaign `{slug}`"),
                Some("use the folder name of a campaign under `content/campaigns/`".into()),
            ),
            Msg::DuplicateStep { step, other } => (
                format!("step {step} is also the step of `{other}`"),
                Some("number the steps of a section 1, 2, 3 …, each number once".into()),
            ),
            Msg::BrokenLink { target } => (
                format!("link to `{target}`, which does not exist"),
                Some("link to an existing page's `.md` file (e.g. `../guides/kich-hoat.md`) or its URL (e.g. `/guides/kich-hoat/`)".into()),
            ),
            Msg::LinkToDraft { target } => (
                format!("link to `{target}`, which is a draft and is not published"),
                Some("remove `draft: true` from that page, remove the link, or build with `--drafts`".into()),
            ),
            Msg::LinkOutsideSite { target } => (
                format!("link to `{target}` leaves the site's `content/` folder"),
                Some("put the file inside `content/` and link to it there".into()),
            ),
            Msg::TemplateError { detail } => (
                format!("template error: {detail}"),
                Some("fix the template, or delete your copy to use the default theme's".into()),
            ),
            Msg::TemplateNotFound { name } => (
                format!("template `{name}` does not exist"),
                Some("use a template of the theme (e.g. `page.html`) or create it under `themes/<name>/templates/`".into()),
            ),
            Msg::WriteFailed { detail } => (
                format!("cannot write the output: {detail}"),
                Some("check free disk space and permissions; the previous output is unchanged".into()),
            ),
            Msg::CsvSyntax { detail } => (
                format!("the CSV file cannot be read: {detail}"),
                Some("save it again from Excel as \"CSV UTF-8\"; check quotes around values with commas".into()),
            ),
            Msg::UnknownColumn { column, suggestion } => (
                format!("unknown column `{column}`"),
                Some(match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "remove the column; see README for the columns of points and visits".into(),
                }),
            ),
            Msg::MissingColumn { column } => (
                format!("the header has no column `{column}`"),
                Some(format!("add a column named `{column}` to the first row")),
            ),
            Msg::FieldCount { expected, found } => (
                format!("this row has {found} values but the header has {expected} columns"),
                Some("check for a missing value or a comma inside a value that needs quotes".into()),
            ),
            Msg::MissingValue { column } => (
                format!("`{column}` is empty"),
                Some(format!("fill in `{column}` for this row")),
            ),
            Msg::BadKind { value } => (
                format!("kind `{value}` is neither `fixed` nor `mobile`"),
                Some("write `fixed` for an office, `mobile` for a mobile team".into()),
            ),
            Msg::BadService { value, suggestion } => (
                format!("unknown service `{value}`"),
                Some(match suggestion {
                    Some(s) => format!("did you mean `{s}`? Services are cccd, level2, integrate, child"),
                    None => "services are cccd, level2, integrate, child, separated by spaces".into(),
                }),
            ),
            Msg::BadHours { problem } => (
                match problem {
                    HoursProblem::Day(d) => format!("`{d}` is not a day"),
                    HoursProblem::Time(t) => format!("`{t}` is not a time range"),
                    HoursProblem::Order(t) => format!("`{t}` closes before it opens"),
                    HoursProblem::Incomplete(t) => format!("`{t}` needs days and hours"),
                },
                Some("write hours like `T2-CN 07:30-11:30, 13:30-17:00; T7 07:30-11:30` (T2 = Monday … CN = Sunday)".into()),
            ),
            Msg::BadCoordinate { column, value } => (
                format!("`{column}` `{value}` is not a coordinate"),
                Some("latitude is between -90 and 90, longitude between -180 and 180, e.g. 10.03342 and 105.78771".into()),
            ),
            Msg::UnknownPoint { id, suggestion } => (
                format!("no point with id `{id}`"),
                Some(match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "use the `id` of a mobile team from the points files".into(),
                }),
            ),
            Msg::BadTime { column, value } => (
                format!("`{column}` `{value}` is not a time"),
                Some("write times as HH:MM, e.g. 07:30".into()),
            ),
            Msg::EndBeforeStart { start, end } => (
                format!("ends at {end}, not after it starts at {start}"),
                Some("swap `start` and `end` or correct one of them".into()),
            ),
            Msg::BadId { value, suggestion } => (
                format!("id `{value}` is not usable in an address"),
                Some(format!("use lower-case letters without marks, digits and `-`, e.g. `{suggestion}`")),
            ),
            Msg::DuplicateVisit { id, date, start } => (
                format!("team `{id}` already has a visit on {date} at {start}"),
                Some("a team is in one place at a time: correct the date or time of one of the two".into()),
            ),
            Msg::BadOutreachKind { value, suggestion } => (
                format!("outreach kind `{value}` is not known"),
                Some(match suggestion {
                    Some(s) => format!("did you mean `{s}`? Kinds are loudspeaker, flyer, sms, video"),
                    None => "write one of loudspeaker, flyer, sms, video".into(),
                }),
            ),
            Msg::NonLatinSlug { value } => (
                format!("the address of this page would be `{value}`, unreadable in most browsers"),
                Some("give the page a `slug:` in Latin letters, e.g. `dang-ky-can-cuoc` (titles in Khmer and other scripts cannot become addresses)".into()),
            ),
            Msg::MissingDescription => (
                "this page has no `description`; lists, search engines and shared links show nothing under its title".into(),
                Some("add one sentence as `description: ...` to its front matter".into()),
            ),
            Msg::LargeFile { size_kb, limit_kb, image } => (
                format!("this {} is {size_kb} KB, above {limit_kb} KB: slow or costly on a phone", if *image { "image" } else { "file" }),
                Some(if *image {
                    "make it smaller (e.g. 1200 px wide, JPEG or WebP), or raise `max_image_kb` in site.yaml".into()
                } else {
                    "make it smaller or split it, or raise `max_file_kb` in site.yaml".into()
                }),
            ),
            Msg::ImageWithoutAlt => (
                "this image has no text for people who cannot see it".into(),
                Some("write what it shows between the brackets: `![Mã QR để tải ứng dụng VNeID](qr.png)`".into()),
            ),
            Msg::BrokenAnchor { target, suggestion } => (
                format!("link to `{target}`: that page has no section `#{}`", fragment(target)),
                Some(match suggestion {
                    Some(s) => format!("did you mean `#{s}`? Sections are named from their headings"),
                    None => "link to a heading of that page: its name is the heading in lower case without accents, with `-` for spaces (`## Bước 2` is `#buoc-2`)".into(),
                }),
            ),
            Msg::SymlinkOutside => (
                "this link (symlink) points outside `content/` or to a folder; it is neither followed nor published".into(),
                Some("copy the file itself into `content/`".into()),
            ),
            Msg::UnsafeHtml { what } => (
                format!("`{what}` is removed from the page: pages cannot run scripts, send forms or embed other sites"),
                Some("delete it; link to the page instead, or for a video ask the site's admin to add its host to `iframe_hosts` in site.yaml".into()),
            ),
            Msg::LookalikeLetter { found, instead } => (
                format!("`{found}` (U+{:04X}) looks like `{instead}` but is another letter", *found as u32),
                Some(format!("replace it with `{instead}` (U+{:04X}), or search and sorting will miss this word", *instead as u32)),
            ),
            Msg::MissingStrings { lang, keys } => (
                format!("{} interface texts have no `{lang}` translation: {}", keys.len(), keys.join(", ")),
                Some(format!("add them to `themes/<theme>/i18n/{lang}.yaml`; until then they are shown in the default language")),
            ),
            Msg::TableMismatch(f) => (
                if f.rule == "Tổng" {
                    format!(
                        "table {}, row `{}`, column {} ({}): the total {} is not the sum of the column, {}",
                        f.table, f.row, f.column, f.column_name, f.printed, f.expected
                    )
                } else {
                    format!(
                        "table {}, row `{}`, column {} ({}): {} does not match `{}`, which gives {}",
                        f.table, f.row, f.column, f.column_name, f.printed, f.rule, f.expected
                    )
                },
                Some("check the figure against the original document; correct the value or the formula row".into()),
            ),
        };
        (m, h)
    }

    fn vietnamese(&self) -> (String, Option<String>) {
        let vi = UiLang::Vi;
        let (m, h): (String, Option<String>) = match self {
            Msg::YamlSyntax { detail } => (
                format!("YAML sai cú pháp: {detail}"),
                Some("kiểm tra thụt lề và đặt giá trị có dấu `:` hoặc `#` trong ngoặc kép".into()),
            ),
            Msg::UnknownField { field, suggestion } => (
                format!("không có trường `{field}`"),
                Some(match suggestion {
                    Some(s) => format!("có phải là `{s}`? Trường riêng đặt dưới `extra:`"),
                    None => "xóa trường này, hoặc đặt trường riêng dưới `extra:`".into(),
                }),
            ),
            Msg::WrongType { field, expected } => (
                format!("`{field}` phải là {}", expected.text(vi)),
                Some(format!("viết `{field}` dưới dạng {}", expected.text(vi))),
            ),
            Msg::DateFormat { field, value } => (
                format!("`{field}: {value}` không phải là ngày"),
                Some("viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ `2026-06-30`, hoặc `2026-06-30T08:00:00+07:00`".into()),
            ),
            Msg::DateDoesNotExist { field, value, days_in_month } => (
                format!("`{field}: {value}` là ngày không có thật"),
                Some(format!("tháng đó có {days_in_month} ngày; sửa lại ngày")),
            ),
            Msg::FrontMatterNotClosed => (
                "phần đầu trang mở bằng `---` nhưng không được đóng".into(),
                Some("thêm một dòng chỉ có `---` sau trường cuối cùng".into()),
            ),
            Msg::MissingField { field } => (
                format!("thiếu trường bắt buộc `{field}`"),
                Some(format!("thêm dòng `{field}: …`")),
            ),
            Msg::FrontMatterNotMapping => (
                "phần đầu trang phải gồm các dòng `tên: giá trị`".into(),
                Some("mỗi dòng một trường, ví dụ `title: Kích hoạt VNeID`".into()),
            ),
            Msg::ConfigMissing => (
                "không có tệp cấu hình `content/site.yaml`".into(),
                Some("chạy `loa new THƯ_MỤC` để tạo trang, hoặc dùng `--root` chỉ tới thư mục chứa `content/`".into()),
            ),
            Msg::BadBaseUrl { value } => (
                format!("`base_url: {value}` không phải địa chỉ http(s) đầy đủ"),
                Some("viết như `https://congthongtin.gov.vn/vneid/`".into()),
            ),
            Msg::DefaultLanguageNotListed { code } => (
                format!("ngôn ngữ mặc định `{code}` không có trong `languages`"),
                Some(format!("thêm `- code: {code}` vào `languages`, hoặc sửa `default_language`")),
            ),
            Msg::UnknownTimezone { value } => (
                format!("không biết múi giờ `{value}`"),
                Some("dùng tên IANA như `Asia/Ho_Chi_Minh`".into()),
            ),
            Msg::ThemeNotFound { name } => (
                format!("không tìm thấy giao diện `{name}`"),
                Some(format!("tạo thư mục `themes/{name}/` cạnh `content/`, hoặc dùng `theme: default`")),
            ),
            Msg::DuplicateLanguage { code } => (
                format!("ngôn ngữ `{code}` được khai báo hai lần"),
                Some("xóa bớt một mục".into()),
            ),
            Msg::BadLanguageCode { code } => (
                format!("`{code}` không phải mã ngôn ngữ"),
                Some("dùng mã chữ thường như `vi`, `en`, `km`".into()),
            ),
            Msg::DuplicateUrl { url, other } => (
                format!("hai tệp tạo cùng địa chỉ `{url}`; tệp kia là {other}"),
                Some("đổi tên một tệp hoặc đặt `slug:` khác".into()),
            ),
            Msg::TranslationWithoutOriginal { original } => (
                format!("bản dịch này không có bản gốc `{original}`"),
                Some(format!("tạo `{original}` bằng ngôn ngữ mặc định, hoặc đổi tên tệp này")),
            ),
            Msg::LanguageNotConfigured { code } => (
                format!("ngôn ngữ `{code}` chưa được khai báo trong `site.yaml`"),
                Some(format!("thêm `- code: {code}` dưới `languages:` trong `content/site.yaml`, hoặc đổi tên tệp")),
            ),
            Msg::DuplicateTranslation { other } => (
                format!("cùng trang, cùng ngôn ngữ với tệp {other}"),
                Some("chỉ giữ một trong hai tệp".into()),
            ),
            Msg::NotUtf8 => (
                "tệp không phải văn bản UTF-8".into(),
                Some("lưu lại dưới dạng UTF-8 (trong Word hoặc Notepad: Lưu thành → Mã hóa: UTF-8)".into()),
            ),
            Msg::ReadFailed { detail } => (format!("không đọc được: {detail}"), None),
            Msg::DuplicateId { id } => (
                format!("mã `{id}` bị dùng hai lần"),
                Some("mỗi mục cần một `id` riêng".into()),
            ),
            Msg::UnknownCampaign { slug } => (
                format!("không có chiến dịch `{slug}`"),
                Some("dùng tên thư mục của một chiến dịch trong `content/campaigns/`".into()),
            ),
            Msg::DuplicateStep { step, other } => (
                format!("bước {step} đã là bước của `{other}`"),
                Some("đánh số các bước trong một mục 1, 2, 3 …, mỗi số một lần".into()),
            ),
            Msg::BrokenLink { target } => (
                format!("liên kết tới `{target}` không tồn tại"),
                Some("liên kết tới tệp `.md` của một trang có thật (ví dụ `../guides/kich-hoat.md`) hoặc địa chỉ của nó (ví dụ `/guides/kich-hoat/`)".into()),
            ),
            Msg::LinkToDraft { target } => (
                format!("liên kết tới `{target}` là bản nháp, chưa được đăng"),
                Some("xóa `draft: true` ở trang đó, bỏ liên kết, hoặc chạy với `--drafts`".into()),
            ),
            Msg::LinkOutsideSite { target } => (
                format!("liên kết tới `{target}` ra ngoài thư mục `content/`"),
                Some("đặt tệp vào trong `content/` rồi liên kết tới đó".into()),
            ),
            Msg::TemplateError { detail } => (
                format!("lỗi mẫu trang: {detail}"),
                Some("sửa mẫu trang, hoặc xóa bản sao của bạn để dùng mẫu mặc định".into()),
            ),
            Msg::TemplateNotFound { name } => (
                format!("không có mẫu trang `{name}`"),
                Some("dùng mẫu có sẵn (ví dụ `page.html`) hoặc tạo nó trong `themes/<tên>/templates/`".into()),
            ),
            Msg::WriteFailed { detail } => (
                format!("không ghi được kết quả: {detail}"),
                Some("kiểm tra dung lượng đĩa và quyền ghi; bản cũ vẫn giữ nguyên".into()),
            ),
            Msg::CsvSyntax { detail } => (
                format!("không đọc được tệp CSV: {detail}"),
                Some("lưu lại từ Excel dưới dạng \"CSV UTF-8\"; kiểm tra dấu ngoặc kép quanh giá trị có dấu phẩy".into()),
            ),
            Msg::UnknownColumn { column, suggestion } => (
                format!("không có cột `{column}`"),
                Some(match suggestion {
                    Some(s) => format!("có phải là `{s}`?"),
                    None => "xóa cột này; xem README để biết các cột của điểm và lịch lưu động".into(),
                }),
            ),
            Msg::MissingColumn { column } => (
                format!("dòng tiêu đề thiếu cột `{column}`"),
                Some(format!("thêm cột tên `{column}` vào dòng đầu")),
            ),
            Msg::FieldCount { expected, found } => (
                format!("dòng này có {found} giá trị nhưng tiêu đề có {expected} cột"),
                Some("kiểm tra giá trị bị thiếu hoặc dấu phẩy trong giá trị cần đặt trong ngoặc kép".into()),
            ),
            Msg::MissingValue { column } => (
                format!("`{column}` đang để trống"),
                Some(format!("điền `{column}` cho dòng này")),
            ),
            Msg::BadKind { value } => (
                format!("loại `{value}` không phải `fixed` hay `mobile`"),
                Some("ghi `fixed` cho điểm cố định, `mobile` cho tổ lưu động".into()),
            ),
            Msg::BadService { value, suggestion } => (
                format!("không có dịch vụ `{value}`"),
                Some(match suggestion {
                    Some(s) => format!("có phải là `{s}`? Các dịch vụ: cccd, level2, integrate, child"),
                    None => "các dịch vụ là cccd, level2, integrate, child, cách nhau bằng dấu cách".into(),
                }),
            ),
            Msg::BadHours { problem } => (
                match problem {
                    HoursProblem::Day(d) => format!("`{d}` không phải là ngày"),
                    HoursProblem::Time(t) => format!("`{t}` không phải khung giờ"),
                    HoursProblem::Order(t) => format!("`{t}` có giờ kết thúc trước giờ bắt đầu"),
                    HoursProblem::Incomplete(t) => format!("`{t}` cần có ngày và giờ"),
                },
                Some("ghi giờ làm việc như `T2-CN 07:30-11:30, 13:30-17:00; T7 07:30-11:30` (T2 = thứ Hai … CN = Chủ nhật)".into()),
            ),
            Msg::BadCoordinate { column, value } => (
                format!("`{column}` `{value}` không phải tọa độ"),
                Some("vĩ độ từ -90 đến 90, kinh độ từ -180 đến 180, ví dụ 10.03342 và 105.78771".into()),
            ),
            Msg::UnknownPoint { id, suggestion } => (
                format!("không có điểm mã `{id}`"),
                Some(match suggestion {
                    Some(s) => format!("có phải là `{s}`?"),
                    None => "dùng `id` của một tổ lưu động trong tệp điểm".into(),
                }),
            ),
            Msg::BadTime { column, value } => (
                format!("`{column}` `{value}` không phải giờ"),
                Some("ghi giờ dạng GIỜ:PHÚT, ví dụ 07:30".into()),
            ),
            Msg::EndBeforeStart { start, end } => (
                format!("kết thúc lúc {end}, không sau giờ bắt đầu {start}"),
                Some("đổi chỗ `start` và `end` hoặc sửa một trong hai".into()),
            ),
            Msg::BadId { value, suggestion } => (
                format!("mã `{value}` không dùng được trong địa chỉ trang"),
                Some(format!("dùng chữ thường không dấu, chữ số và `-`, ví dụ `{suggestion}`")),
            ),
            Msg::DuplicateVisit { id, date, start } => (
                format!("tổ `{id}` đã có lịch ngày {date} lúc {start}"),
                Some("một tổ chỉ ở một nơi vào một lúc: sửa ngày hoặc giờ của một trong hai lịch".into()),
            ),
            Msg::BadOutreachKind { value, suggestion } => (
                format!("không có loại tài liệu `{value}`"),
                Some(match suggestion {
                    Some(s) => format!("có phải là `{s}`? Các loại: loudspeaker, flyer, sms, video"),
                    None => "ghi một trong các loại loudspeaker, flyer, sms, video".into(),
                }),
            ),
            Msg::NonLatinSlug { value } => (
                format!("địa chỉ của trang này sẽ là `{value}`, khó đọc trên hầu hết trình duyệt"),
                Some("đặt `slug:` bằng chữ Latinh cho trang, ví dụ `dang-ky-can-cuoc` (tiêu đề tiếng Khmer và chữ khác không làm địa chỉ được)".into()),
            ),
            Msg::MissingDescription => (
                "trang này chưa có `description`; danh sách, công cụ tìm kiếm và liên kết chia sẻ sẽ không có dòng mô tả".into(),
                Some("thêm một câu `description: ...` vào phần đầu trang".into()),
            ),
            Msg::LargeFile { size_kb, limit_kb, image } => (
                format!("{} này nặng {size_kb} KB, quá {limit_kb} KB: chậm và tốn tiền khi xem trên điện thoại", if *image { "ảnh" } else { "tệp" }),
                Some(if *image {
                    "giảm kích thước ảnh (ví dụ rộng 1200 px, JPEG hoặc WebP), hoặc tăng `max_image_kb` trong site.yaml".into()
                } else {
                    "giảm dung lượng hoặc chia nhỏ tệp, hoặc tăng `max_file_kb` trong site.yaml".into()
                }),
            ),
            Msg::ImageWithoutAlt => (
                "ảnh này chưa có lời mô tả cho người không nhìn thấy".into(),
                Some("ghi ảnh cho thấy gì vào trong ngoặc vuông: `![Mã QR để tải ứng dụng VNeID](qr.png)`".into()),
            ),
            Msg::BrokenAnchor { target, suggestion } => (
                format!("liên kết tới `{target}`: trang đó không có mục `#{}`", fragment(target)),
                Some(match suggestion {
                    Some(s) => format!("có phải ý bạn là `#{s}`? Tên mục lấy từ tiêu đề của mục"),
                    None => "liên kết tới một tiêu đề của trang đó: tên mục là tiêu đề viết thường, bỏ dấu, thay khoảng trắng bằng `-` (`## Bước 2` là `#buoc-2`)".into(),
                }),
            ),
            Msg::SymlinkOutside => (
                "liên kết tắt (symlink) này trỏ ra ngoài `content/` hoặc vào một thư mục; loa không đi theo và không xuất bản nó".into(),
                Some("chép chính tệp đó vào `content/`".into()),
            ),
            Msg::UnsafeHtml { what } => (
                format!("`{what}` bị bỏ khỏi trang: trang không được chạy mã, gửi biểu mẫu hay nhúng trang khác"),
                Some("xóa phần đó; thay bằng liên kết, hoặc với video thì nhờ quản trị thêm máy chủ của video vào `iframe_hosts` trong site.yaml".into()),
            ),
            Msg::LookalikeLetter { found, instead } => (
                format!("`{found}` (U+{:04X}) trông giống `{instead}` nhưng là chữ khác", *found as u32),
                Some(format!("thay bằng `{instead}` (U+{:04X}), nếu không tìm kiếm và sắp xếp sẽ bỏ sót từ này", *instead as u32)),
            ),
            Msg::MissingStrings { lang, keys } => (
                format!("{} chuỗi giao diện chưa có bản `{lang}`: {}", keys.len(), keys.join(", ")),
                Some(format!("thêm vào `themes/<giao diện>/i18n/{lang}.yaml`; trong lúc chờ, chúng hiện bằng ngôn ngữ mặc định")),
            ),
            Msg::TableMismatch(f) => (
                if f.rule == "Tổng" {
                    format!(
                        "bảng {}, dòng `{}`, cột {} ({}): tổng {} khác tổng của cột là {}",
                        f.table, f.row, f.column, f.column_name, f.printed, f.expected
                    )
                } else {
                    format!(
                        "bảng {}, dòng `{}`, cột {} ({}): {} không khớp công thức `{}`, tính ra {}",
                        f.table, f.row, f.column, f.column_name, f.printed, f.rule, f.expected
                    )
                },
                Some("đối chiếu số liệu với văn bản gốc; sửa giá trị hoặc dòng công thức".into()),
            ),
        };
        (m, h)
    }
}

impl Msg {
    /// One realistic example of every variant, sorted by [`Msg::code`]: the
    /// mistakes a ward's communications office makes, with the values it
    /// would see in the message. The error catalogue in README.md is made
    /// from this list (see [`catalogue_markdown`]), and `tests/catalogue.rs`
    /// fails when a code of [`Msg::code`] has no example here.
    pub fn examples() -> Vec<Msg> {
        let s = |v: &str| v.to_string();
        vec![
            Msg::YamlSyntax {
                detail: s("found unexpected end of stream, while scanning a quoted scalar (line 2, column 8)"),
            },
            Msg::UnknownField {
                field: s("titel"),
                suggestion: Some(s("title")),
            },
            Msg::WrongType {
                field: s("weight"),
                expected: Expected::Integer,
            },
            Msg::DateFormat {
                field: s("date"),
                value: s("30/6/2026"),
            },
            Msg::DateDoesNotExist {
                field: s("date"),
                value: s("2026-02-30"),
                days_in_month: 28,
            },
            Msg::FrontMatterNotClosed,
            Msg::MissingField { field: s("title") },
            Msg::FrontMatterNotMapping,
            Msg::BadOutreachKind {
                value: s("loudspeker"),
                suggestion: Some(s("loudspeaker")),
            },
            Msg::ConfigMissing,
            Msg::BadBaseUrl {
                value: s("portal.example.gov.vn/vneid/"),
            },
            Msg::DefaultLanguageNotListed { code: s("vi") },
            Msg::UnknownTimezone {
                value: s("Asia/Hanoi"),
            },
            Msg::ThemeNotFound { name: s("can-tho") },
            Msg::DuplicateLanguage { code: s("en") },
            Msg::BadLanguageCode { code: s("VN") },
            Msg::DuplicateUrl {
                url: s("/vneid/guides/kich-hoat/"),
                other: s("content/guides/kich-hoat.md"),
            },
            Msg::TranslationWithoutOriginal {
                original: s("guides/bao-ve-otp.md"),
            },
            Msg::LanguageNotConfigured { code: s("zh") },
            Msg::DuplicateTranslation {
                other: s("guides/kich-hoat.md"),
            },
            Msg::NotUtf8,
            Msg::ReadFailed {
                detail: s("Permission denied (os error 13)"),
            },
            Msg::DuplicateId {
                id: s("ca-dong-hai"),
            },
            Msg::UnknownCampaign {
                slug: s("can-tho-60-ngay-dem"),
            },
            Msg::NonLatinSlug {
                value: s("/guides/ការចុះឈ្មោះ/"),
            },
            Msg::DuplicateStep {
                step: 2,
                other: s("guides/tich-hop-bhyt-gplx.md"),
            },
            Msg::BrokenLink {
                target: s("kich-hoat-tai-khoan.md"),
            },
            Msg::LinkToDraft {
                target: s("huong-dan-dat-lich.md"),
            },
            Msg::LinkOutsideSite {
                target: s("../../tai-lieu/ke-hoach-45-KH-UBND.pdf"),
            },
            Msg::BrokenAnchor {
                target: s("kich-hoat.md#buoc-4"),
                suggestion: Some(s("buoc-3")),
            },
            Msg::TemplateError {
                detail: s("Field `titel` is not defined. Available fields: content, date, description, lang, title, url"),
            },
            Msg::TemplateNotFound {
                name: s("chien-dich.html"),
            },
            Msg::WriteFailed {
                detail: s("guides/kich-hoat/index.html: No space left on device (os error 28)"),
            },
            Msg::CsvSyntax {
                detail: s("CSV parse error: record 7 (line 8, field: 5, byte: 1204): invalid utf-8: invalid UTF-8 in field 5 near byte index 12"),
            },
            Msg::UnknownColumn {
                column: s("acessibility"),
                suggestion: Some(s("accessibility")),
            },
            Msg::MissingColumn { column: s("ward") },
            Msg::FieldCount {
                expected: 13,
                found: 12,
            },
            Msg::MissingValue {
                column: s("address"),
            },
            Msg::BadKind { value: s("co-dinh") },
            Msg::BadService {
                value: s("levl2"),
                suggestion: Some(s("level2")),
            },
            Msg::BadHours {
                problem: HoursProblem::Day(s("T8")),
            },
            Msg::BadCoordinate {
                column: s("lat"),
                value: s("105.78771"),
            },
            Msg::UnknownPoint {
                id: s("tld-dong-hia"),
                suggestion: Some(s("tld-dong-hai")),
            },
            Msg::BadTime {
                column: s("start"),
                value: s("7 giờ"),
            },
            Msg::EndBeforeStart {
                start: s("11:00"),
                end: s("07:30"),
            },
            Msg::BadId {
                value: s("CA Xã Đông Hải"),
                suggestion: s("ca-xa-dong-hai"),
            },
            Msg::DuplicateVisit {
                id: s("tld-dong-hai"),
                date: s("2026-06-20"),
                start: s("07:30"),
            },
            Msg::SymlinkOutside,
            Msg::MissingDescription,
            Msg::LargeFile {
                size_kb: 2350,
                limit_kb: 300,
                image: true,
            },
            Msg::LookalikeLetter {
                found: 'Ð',
                instead: 'Đ',
            },
            Msg::UnsafeHtml {
                what: s("<iframe src=\"https://www.facebook.com/plugins/video.php\">"),
            },
            Msg::ImageWithoutAlt,
            Msg::MissingStrings {
                lang: s("km"),
                keys: vec![s("plan_period"), s("plan_unnumbered")],
            },
            Msg::TableMismatch(Box::new(TableFigure {
                table: 1,
                row: s("2 Tân Phú"),
                column: 5,
                column_name: s("Còn lại"),
                printed: s("290"),
                expected: s("300"),
                rule: s("5 = 3-4"),
            })),
        ]
    }
}

/// The error catalogue of README.md: every code with its example message
/// and fix (from [`Msg::examples`]) in English and Vietnamese, sorted by code.
/// `tests/catalogue.rs` keeps README.md equal to it.
pub fn catalogue_markdown() -> String {
    let mut examples = Msg::examples();
    examples.sort_by_key(Msg::code);
    let mut out = String::from(
        "Codes starting with **E** are errors: until they are fixed, `loa build` \
         writes nothing and the published site stays as it was. Codes starting \
         with **W** are warnings: the site is still built, but the page should \
         be corrected. File names and values in the messages below are \
         examples; a real message names your own file, field or value, with its \
         line and column.\n\
         \n\
         Mã bắt đầu bằng **E** là lỗi: khi chưa sửa, `loa build` không ghi gì và \
         trang đã đăng vẫn giữ nguyên. Mã bắt đầu bằng **W** là cảnh báo: trang \
         vẫn được tạo nhưng nên sửa. Tên tệp và giá trị trong các thông báo dưới \
         đây chỉ là ví dụ; thông báo thật ghi tên tệp, trường hoặc giá trị của \
         bạn, kèm dòng và cột.\n",
    );
    for msg in &examples {
        out.push_str(&format!("\n#### {}\n\n", msg.code()));
        for (lang, label, fix_label) in [(UiLang::En, "en", "fix"), (UiLang::Vi, "vi", "cách sửa")]
        {
            let (message, fix) = msg.text(lang);
            out.push_str(&format!("- {label}: {message}"));
            if let Some(fix) = fix {
                out.push_str(&format!(" — {fix_label}: {fix}"));
            }
            out.push('\n');
        }
    }
    out
}

/// The part of a link after `#`.
fn fragment(target: &str) -> &str {
    target.split_once('#').map_or("", |(_, f)| f)
}
