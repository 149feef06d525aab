//! The command line's own texts, each once with its English and its
//! Vietnamese: what `loa build`, `check`, `serve`, `new` and `import` say
//! besides diagnostics (see `table.rs` for the form of an entry).

use super::table::interface_texts;
use crate::locale::UiLang;

/// A text of the command line, with the values it shows.
#[derive(Debug, Clone, PartialEq)]
pub enum UiText {
    // Diagnostics: `path:1:1: error[E0101]: …` and `  = fix: …`
    ErrorLabel,
    WarningLabel,
    FixLabel,
    // loa build and loa check
    Built {
        pages: usize,
        files: usize,
        output: String,
        seconds: f64,
    },
    /// After a build under a sub-path: crawlers read only the host's
    /// `robots.txt`, which must name the sitemap.
    SitemapUnderPath {
        sitemap: String,
    },
    NoErrors {
        pages: usize,
        warnings: usize,
    },
    /// `3 errors`: also the start of the two texts below.
    ErrorCount(usize),
    /// After the diagnostics of a failed `loa build`.
    NothingWritten {
        errors: usize,
    },
    /// After the diagnostics of `loa check` with errors.
    ErrorTotal {
        errors: usize,
    },
    OutputHoldsSources {
        output: String,
        instead: String,
    },
    /// `--output` at a folder with files that no build of loa made.
    OutputNotOurs {
        output: String,
    },
    /// `--output` at a file.
    OutputIsAFile {
        output: String,
    },
    /// `loa import --output` at a file that exists.
    ImportOutputExists {
        file: String,
    },
    /// `loa import --format visits` of a plan whose table of visits gave none.
    ImportNoVisits {
        file: String,
    },
    /// `--now` that is neither a date nor a time.
    NotATime {
        text: String,
    },
    /// `--port` that is not a port number.
    NotAPort {
        text: String,
    },
    /// `--bind` that is not an IP address.
    NotAnAddress {
        text: String,
    },
    // loa check --translations: the headings of a language's report
    PagesNotTranslated,
    TranslationsOutdated,
    SlogansNotTranslated,
    StringsNotTranslated,
    // loa new
    SiteCreated {
        files: usize,
        dir: String,
    },
    CannotCreateSite {
        dir: String,
        error: String,
    },
    // loa serve
    PortTaken {
        port: u16,
        next: u16,
    },
    CannotListen {
        address: String,
        port: u16,
        error: String,
    },
    Serving {
        address: String,
    },
    Updated {
        file: String,
        files: usize,
        ms: u128,
    },
    Rebuilt {
        pages: usize,
        ms: u128,
    },
    /// A rebuild whose pages were shown before it ended.
    RebuiltShownFirst {
        pages: usize,
        shown: u128,
        ms: u128,
    },
    ShowingLastGoodBuild {
        errors: usize,
    },
    /// A request to the preview under another host name.
    WrongHost {
        address: String,
    },
}

interface_texts! {
    ErrorLabel {}
        en: "error";
        vi: "lỗi";
    WarningLabel {}
        en: "warning";
        vi: "cảnh báo";
    FixLabel {}
        en: "fix";
        vi: "cách sửa";

    Built { pages, files, output, seconds }
        en: format!("Built {pages} pages ({files} files) into {output} in {seconds:.2} s");
        vi: format!("Đã dựng {pages} trang ({files} tệp) vào {output} trong {seconds:.2} giây");
    SitemapUnderPath { sitemap }
        en: format!("Note: the site is under a path of its host; crawlers read only the host's own /robots.txt, not the one built here. Ask the portal's admin to add this line to it:\n  Sitemap: {sitemap}");
        vi: format!("Lưu ý: trang nằm trong một đường dẫn con của tên miền; máy tìm kiếm chỉ đọc /robots.txt của tên miền, không đọc tệp dựng ở đây. Nhờ quản trị cổng thông tin thêm dòng sau vào tệp đó:\n  Sitemap: {sitemap}");
    NoErrors { pages, warnings }
        en: format!("No errors: {pages} pages, {warnings} warnings");
        vi: format!("Không có lỗi: {pages} trang, {warnings} cảnh báo");
    ErrorCount(n)
        en: if *n == 1 { "1 error".to_string() } else { format!("{n} errors") };
        vi: format!("{n} lỗi");
    NothingWritten { errors }
        en: format!("{}; nothing was written, the previous output is unchanged.", UiText::ErrorCount(*errors).text(UiLang::En));
        vi: format!("{}; chưa ghi gì, bản cũ giữ nguyên.", UiText::ErrorCount(*errors).text(UiLang::Vi));
    ErrorTotal { errors }
        en: format!("{}.", UiText::ErrorCount(*errors).text(UiLang::En));
        vi: format!("{}.", UiText::ErrorCount(*errors).text(UiLang::Vi));
    OutputHoldsSources { output, instead }
        en: format!("the output folder {output} holds or is inside the site's sources; choose another, e.g. {instead}");
        vi: format!("thư mục kết quả {output} chứa hoặc nằm trong nội dung trang; chọn một thư mục khác, ví dụ {instead}");
    OutputNotOurs { output }
        en: format!("the output folder {output} holds files that loa did not make, and a build replaces all of it; choose an empty or new folder, or add --force to delete everything in it");
        vi: format!("thư mục kết quả {output} có tệp không do loa tạo, mà mỗi lần dựng sẽ thay toàn bộ thư mục; chọn thư mục trống hoặc mới, hoặc thêm --force để xóa hết nội dung trong đó");
    OutputIsAFile { output }
        en: format!("the output {output} is a file, not a folder; choose a folder");
        vi: format!("{output} là một tệp, không phải thư mục; chọn một thư mục cho kết quả");
    ImportOutputExists { file }
        en: format!("{file} already exists; choose another file, or add --force to replace it");
        vi: format!("{file} đã có; chọn tệp khác, hoặc thêm --force để ghi đè");
    ImportNoVisits { file }
        en: format!("{file} has a table with place and date columns, but no visit could be read from it (a date in the day column and a place in the place column); check that the table's columns line up (tabs, or a Word or Markdown table), or write the visits into `content/points/visits.csv` by hand");
        vi: format!("{file} có bảng với cột địa điểm và cột ngày, nhưng không đọc được buổi nào từ bảng đó (ngày ở cột ngày, địa điểm ở cột địa điểm); kiểm tra các cột của bảng có thẳng hàng không (dùng tab, hoặc bảng Word hay Markdown), hoặc tự ghi lịch vào `content/points/visits.csv`");
    NotATime { text }
        en: format!("`{text}` is not a date or time; write it like 2026-03-01 or 2026-03-01T08:00:00+07:00");
        vi: format!("`{text}` không phải ngày hay giờ; viết như 2026-03-01 hoặc 2026-03-01T08:00:00+07:00");
    NotAPort { text }
        en: format!("`{text}` is not a port; write a number from 0 to 65535, like 1111");
        vi: format!("`{text}` không phải số cổng; viết một số từ 0 đến 65535, như 1111");
    NotAnAddress { text }
        en: format!("`{text}` is not an IP address; write one like 127.0.0.1 (this machine only) or 0.0.0.0 (every network)");
        vi: format!("`{text}` không phải địa chỉ IP; viết như 127.0.0.1 (chỉ máy này) hoặc 0.0.0.0 (mọi mạng)");

    PagesNotTranslated {}
        en: "pages not translated";
        vi: "trang chưa dịch";
    TranslationsOutdated {}
        en: "translations older than their original";
        vi: "bản dịch cũ hơn bản gốc";
    SlogansNotTranslated {}
        en: "slogans not translated";
        vi: "khẩu hiệu chưa dịch";
    StringsNotTranslated {}
        en: "interface texts not translated";
        vi: "chuỗi giao diện chưa dịch";

    SiteCreated { files, dir }
        en: format!("Created a new site ({files} files) in {dir}; README-vi.txt there says what each file is. Next: cd {dir} && loa build");
        vi: format!("Đã tạo trang mới ({files} tệp) trong {dir}; tệp README-vi.txt trong đó giải thích từng tệp. Tiếp theo: cd {dir} && loa build");
    CannotCreateSite { dir, error }
        en: format!("cannot create a site in {dir}: {error}; choose a folder that is empty or does not exist");
        vi: format!("không tạo được trang trong {dir}: {error}; chọn một thư mục trống hoặc chưa có");

    PortTaken { port, next }
        en: format!("Port {port} is taken; using port {next}.");
        vi: format!("Cổng {port} đang bận; dùng cổng {next}.");
    CannotListen { address, port, error }
        en: format!("cannot listen on {address}:{port}: {error}; choose another port with --port");
        vi: format!("không mở được cổng {port} trên {address}: {error}; chọn cổng khác với --port");
    Serving { address }
        en: format!("Serving {address} (Ctrl+C to stop)");
        vi: format!("Đang phục vụ {address} (Ctrl+C để dừng)");
    Updated { file, files, ms }
        en: format!("Updated {file}: {files} files in {ms} ms");
        vi: format!("Đã cập nhật {file}: {files} tệp trong {ms} ms");
    Rebuilt { pages, ms }
        en: format!("Built {pages} pages in {ms} ms");
        vi: format!("Đã dựng {pages} trang trong {ms} ms");
    RebuiltShownFirst { pages, shown, ms }
        en: format!("Built {pages} pages in {ms} ms; the change showed after {shown} ms");
        vi: format!("Đã dựng {pages} trang trong {ms} ms; thay đổi hiện sau {shown} ms");
    ShowingLastGoodBuild { errors }
        en: format!("{}; the browser shows the last good build with the list of errors.", UiText::ErrorCount(*errors).text(UiLang::En));
        vi: format!("{}; trình duyệt hiện bản dựng tốt gần nhất kèm danh sách lỗi.", UiText::ErrorCount(*errors).text(UiLang::Vi));
    WrongHost { address }
        en: format!("This preview answers only at its own address: open {address}");
        vi: format!("Bản xem trước chỉ trả lời ở địa chỉ của nó: mở {address}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_of_errors_agree_in_number() {
        let en = |t: UiText| t.text(UiLang::En);
        let vi = |t: UiText| t.text(UiLang::Vi);
        assert_eq!(en(UiText::ErrorCount(1)), "1 error");
        assert_eq!(en(UiText::ErrorCount(3)), "3 errors");
        assert_eq!(vi(UiText::ErrorCount(1)), "1 lỗi");
        assert_eq!(
            en(UiText::NothingWritten { errors: 1 }),
            "1 error; nothing was written, the previous output is unchanged."
        );
        assert_eq!(vi(UiText::ErrorTotal { errors: 2 }), "2 lỗi.");
        assert_eq!(
            en(UiText::ShowingLastGoodBuild { errors: 1 }),
            "1 error; the browser shows the last good build with the list of errors."
        );
    }
}
