//! Every diagnostic, once: its code, its message and fix in English and in
//! Vietnamese, and an example, in the order of the codes (see `table.rs`
//! for the form of an entry). A real message names the user's own file,
//! field or value; the examples are what `docs/errors.md` shows.

use super::table::{diagnostics, fix};
use super::{
    Expected, HoursProblem, Msg, NestedFix, Shape, SymlinkTarget, TableFigure, TextEncoding,
};
use crate::locale::UiLang;

diagnostics! {
    // 01: front matter, YAML and files

    E0101 YamlSyntax { detail }
        en: format!("malformed YAML: {detail}"),
            "check the indentation and put text that contains `:` or `#` in quotes";
        vi: format!("YAML sai cú pháp: {detail}"),
            "kiểm tra thụt lề và đặt giá trị có dấu `:` hoặc `#` trong ngoặc kép";
        example {
            detail: "found unexpected end of stream, while scanning a quoted scalar (line 2, column 8)".into(),
        }

    E0102 UnknownField { field, suggestion }
        en: format!("unknown field `{field}`"),
            match suggestion {
                Some(s) => format!("did you mean `{s}`? Custom fields go under `extra:`"),
                None => "remove it, or put custom fields under `extra:`".into(),
            };
        vi: format!("không có trường `{field}`"),
            match suggestion {
                Some(s) => format!("có phải là `{s}`? Trường riêng đặt dưới `extra:`"),
                None => "xóa trường này, hoặc đặt trường riêng dưới `extra:`".into(),
            };
        example { field: "titel".into(), suggestion: Some("title".into()) }

    E0103 WrongType { field, expected }
        en: format!("`{field}` must be {}", expected.text(UiLang::En)),
            format!("write `{field}` as {}", expected.text(UiLang::En));
        vi: format!("`{field}` phải là {}", expected.text(UiLang::Vi)),
            format!("viết `{field}` dưới dạng {}", expected.text(UiLang::Vi));
        example { field: "weight".into(), expected: Expected::Integer }

    E0104 DateFormat { field, value }
        en: format!("`{field}: {value}` is not a date"),
            "write dates as YYYY-MM-DD, e.g. `2026-06-30`, or `2026-06-30T08:00:00+07:00`";
        vi: format!("`{field}: {value}` không phải là ngày"),
            "viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ `2026-06-30`, hoặc `2026-06-30T08:00:00+07:00`";
        example { field: "date".into(), value: "30/6/2026".into() }

    E0105 DateDoesNotExist { field, value, days_in_month }
        en: format!("`{field}: {value}` is a date that does not exist"),
            format!("that month has {days_in_month} days; correct the day");
        vi: format!("`{field}: {value}` là ngày không có thật"),
            format!("tháng đó có {days_in_month} ngày; sửa lại ngày");
        example { field: "date".into(), value: "2026-02-30".into(), days_in_month: 28 }

    E0106 FrontMatterNotClosed {}
        en: "the front matter starting with `---` is never closed",
            "add a line with only `---` after the last field";
        vi: "phần đầu trang mở bằng `---` nhưng không được đóng",
            "thêm một dòng chỉ có `---` sau trường cuối cùng";
        example {}

    E0107 MissingField { field }
        en: format!("required field `{field}` is missing"),
            format!("add a line `{field}: …`");
        vi: format!("thiếu trường bắt buộc `{field}`"),
            format!("thêm dòng `{field}: …`");
        example { field: "title".into() }

    E0108 FrontMatterNotMapping {}
        en: "the front matter must be a list of `name: value` lines",
            "write one field per line, e.g. `title: Kích hoạt VNeID`";
        vi: "phần đầu trang phải gồm các dòng `tên: giá trị`",
            "mỗi dòng một trường, ví dụ `title: Kích hoạt VNeID`";
        example {}

    E0109 BadOutreachKind { value, suggestion }
        en: format!("outreach kind `{value}` is not known"),
            match suggestion {
                Some(s) => format!("did you mean `{s}`? Kinds are loudspeaker, flyer, sms, video"),
                None => "write one of loudspeaker, flyer, sms, video".into(),
            };
        vi: format!("không có loại tài liệu `{value}`"),
            match suggestion {
                Some(s) => format!("có phải là `{s}`? Các loại: loudspeaker, flyer, sms, video"),
                None => "ghi một trong các loại loudspeaker, flyer, sms, video".into(),
            };
        example { value: "loudspeker".into(), suggestion: Some("loudspeaker".into()) }

    E0110 WrongShape { field, shape, example }
        en: match shape {
                Shape::Languages => "`languages` must be a list of languages, or a map keyed by language code".to_string(),
                Shape::Language => format!("the language `{field}` must be its name, or lines `name:`, `title:`, `description:`, `font:`"),
                Shape::SloganText => "`text` must be one text (with `translations` for other languages), or a map of language → text".to_string(),
                Shape::Translations => "`translations` must be a map of language → text".to_string(),
            },
            format!("write it like this: `{example}`");
        vi: match shape {
                Shape::Languages => "`languages` phải là danh sách ngôn ngữ, hoặc bảng theo mã ngôn ngữ".to_string(),
                Shape::Language => format!("ngôn ngữ `{field}` phải là tên của nó, hoặc các dòng `name:`, `title:`, `description:`, `font:`"),
                Shape::SloganText => "`text` phải là một câu (kèm `translations` cho ngôn ngữ khác), hoặc bảng ngôn ngữ → câu".to_string(),
                Shape::Translations => "`translations` phải là bảng ngôn ngữ → câu".to_string(),
            },
            format!("viết như sau: `{example}`");
        example {
            field: "languages".into(),
            shape: Shape::Languages,
            example: "languages: {vi: {name: Tiếng Việt}, km: {name: ភាសាខ្មែរ}}".into(),
        }

    E0111 NoDefaultText { code, example }
        en: format!("`text` has no text in the default language `{code}`"),
            format!("add it: `{example}`");
        vi: format!("`text` chưa có câu bằng ngôn ngữ mặc định `{code}`"),
            format!("thêm vào: `{example}`");
        example {
            code: "vi".into(),
            example: "text: {vi: …, en: Activate VNeID}".into(),
        }

    W0112 SymlinkOutside { target, points_to }
        en: match points_to {
                SymlinkTarget::Outside => format!("this link (symlink) leads to `{target}`, outside `content/`: it is skipped, so that file is not on the site and links to it are broken"),
                SymlinkTarget::Folder => format!("this link (symlink) leads to the folder `{target}`: linked folders are skipped, so none of its files are on the site and links to them are broken"),
                SymlinkTarget::Missing => format!("this link (symlink) leads to `{target}`, which does not exist: it is skipped, and links to it are broken"),
            },
            match points_to {
                SymlinkTarget::Folder => "put the folder itself (not a link to it) into `content/`",
                _ => "put the file itself (not a link to it) into `content/`",
            };
        vi: match points_to {
                SymlinkTarget::Outside => format!("liên kết tắt (symlink) này trỏ tới `{target}`, ngoài `content/`: loa bỏ qua nó, nên tệp đó không có trên trang và các liên kết tới nó bị hỏng"),
                SymlinkTarget::Folder => format!("liên kết tắt (symlink) này trỏ tới thư mục `{target}`: loa bỏ qua thư mục liên kết, nên không tệp nào trong đó có trên trang và các liên kết tới chúng bị hỏng"),
                SymlinkTarget::Missing => format!("liên kết tắt (symlink) này trỏ tới `{target}`, tệp không tồn tại: loa bỏ qua nó, và các liên kết tới nó bị hỏng"),
            },
            match points_to {
                SymlinkTarget::Folder => "đặt chính thư mục đó (không phải liên kết tắt) vào `content/`",
                _ => "đặt chính tệp đó (không phải liên kết tắt) vào `content/`",
            };
        example { target: "../../Documents/ke-hoach.pdf".into(), points_to: SymlinkTarget::Outside }

    E0113 TranslationTwice { code }
        en: format!("the `{code}` text is given twice, in `text` and in `translations`"),
            "keep one of the two";
        vi: format!("câu `{code}` được ghi hai lần, trong `text` và trong `translations`"),
            "chỉ giữ một trong hai";
        example { code: "en".into() }

    W0114 MissingDescription {}
        en: "this page has no `description`; lists, search engines and shared links show nothing under its title",
            "add one sentence as `description: ...` to its front matter";
        vi: "trang này chưa có `description`; danh sách, công cụ tìm kiếm và liên kết chia sẻ sẽ không có dòng mô tả",
            "thêm một câu `description: ...` vào phần đầu trang";
        example {}

    W0115 LargeFile { size_kb, limit_kb, image }
        en: format!("this {} is {size_kb} KB, above {limit_kb} KB: slow or costly on a phone", if *image { "image" } else { "file" }),
            if *image {
                "make it smaller (e.g. 1200 px wide, JPEG or WebP), or raise `max_image_kb` in site.yaml"
            } else {
                "make it smaller or split it, or raise `max_file_kb` in site.yaml"
            };
        vi: format!("{} này nặng {size_kb} KB, quá {limit_kb} KB: chậm và tốn tiền khi xem trên điện thoại", if *image { "ảnh" } else { "tệp" }),
            if *image {
                "giảm kích thước ảnh (ví dụ rộng 1200 px, JPEG hoặc WebP), hoặc tăng `max_image_kb` trong site.yaml"
            } else {
                "giảm dung lượng hoặc chia nhỏ tệp, hoặc tăng `max_file_kb` trong site.yaml"
            };
        example { size_kb: 2350, limit_kb: 300, image: true }

    W0116 PageSavedAsText { page }
        en: format!("this looks like the page `{page}` saved with `.txt` added to its name; it is neither read nor published"),
            format!("rename it to `{page}` (in Windows Explorer, show file name extensions first)");
        vi: format!("tệp này có vẻ là trang `{page}` bị lưu thêm đuôi `.txt`; loa không đọc và không xuất bản nó"),
            format!("đổi tên thành `{page}` (trong File Explorer, bật hiển thị phần mở rộng tên tệp trước)");
        example { page: "kich-hoat.md".into() }

    W0117 UpdatedInFuture { updated, now }
        en: format!("`updated: {updated}` is after today ({now}): lists and feeds would show a change that has not happened yet"),
            "write the day the page was really changed, or check the year";
        vi: format!("`updated: {updated}` muộn hơn hôm nay ({now}): danh sách và bản tin sẽ hiện một lần cập nhật chưa xảy ra"),
            "ghi ngày trang thực sự được sửa, hoặc kiểm tra lại năm";
        example { updated: "2062-06-01".into(), now: "2026-06-01".into() }

    E0118 BadOffset { field, value }
        en: format!("`{field}: {value}` has a time-zone offset that no place has"),
            "offsets go from -14:00 to +14:00, minutes below 60; Việt Nam is `+07:00`, or leave the offset out to use the site's time zone";
        vi: format!("`{field}: {value}` có độ lệch múi giờ không nơi nào dùng"),
            "độ lệch múi giờ từ -14:00 đến +14:00, phút nhỏ hơn 60; Việt Nam là `+07:00`, hoặc bỏ độ lệch để dùng múi giờ của trang";
        example { field: "date".into(), value: "2026-06-30T08:00:00+25:00".into() }

    E0119 UnknownNestedField { field, within, fix }
        en: format!("`{within}` has no field `{field}`"),
            format!("{}`{within}` takes {}; write it like this: `{}`",
                fix.suggestion.as_ref().map(|s| format!("did you mean `{s}`? ")).unwrap_or_default(),
                fix.accepted, fix.example);
        vi: format!("`{within}` không có trường `{field}`"),
            format!("{}`{within}` nhận các trường {}; viết như sau: `{}`",
                fix.suggestion.as_ref().map(|s| format!("có phải là `{s}`? ")).unwrap_or_default(),
                fix.accepted, fix.example);
        example {
            field: "tel".into(),
            within: "organization".into(),
            fix: Box::new(NestedFix {
                accepted: "`name`, `phone`, `email`, `address`, `hours`, `website`".into(),
                suggestion: Some("phone".into()),
                example: "organization: {name: \"Công an phường An Bình\", phone: \"0292 3820 123\", email: \"…\", address: \"…\", hours: \"…\", website: \"…\"}".into(),
            }),
        }

    E0199 NumberOutOfRange { number, limit, negative }
        en: if *negative {
                format!("the number {number} is too small (at least {limit})")
            } else {
                format!("the number {number} is too large (at most {limit})")
            },
            "write a number within that limit";
        vi: if *negative {
                format!("số {number} quá nhỏ (nhỏ nhất là {limit})")
            } else {
                format!("số {number} quá lớn (lớn nhất là {limit})")
            },
            "ghi một số trong giới hạn đó";
        example { number: "99999999999999999999".into(), limit: "9223372036854775807".into(), negative: false }

    // 02: site.yaml

    E0201 ConfigMissing {}
        en: "no site configuration `content/site.yaml`",
            "run `loa new DIR` to create a site, or pass `--root` with the folder that holds `content/`";
        vi: "không có tệp cấu hình `content/site.yaml`",
            "chạy `loa new THƯ_MỤC` để tạo trang, hoặc dùng `--root` chỉ tới thư mục chứa `content/`";
        example {}

    E0202 BadBaseUrl { value }
        en: format!("`base_url: {value}` is not an absolute http(s) URL"),
            "write it like `https://portal.example.gov.vn/vneid/`";
        vi: format!("`base_url: {value}` không phải địa chỉ http(s) đầy đủ"),
            "viết như `https://congthongtin.gov.vn/vneid/`";
        example { value: "portal.example.gov.vn/vneid/".into() }

    E0203 DefaultLanguageNotListed { code }
        en: format!("the default language `{code}` is not in `languages`"),
            format!("add `- code: {code}` to `languages`, or change `default_language`");
        vi: format!("ngôn ngữ mặc định `{code}` không có trong `languages`"),
            format!("thêm `- code: {code}` vào `languages`, hoặc sửa `default_language`");
        example { code: "vi".into() }

    E0204 UnknownTimezone { value }
        en: format!("unknown time zone `{value}`"),
            "use an IANA name such as `Asia/Ho_Chi_Minh`";
        vi: format!("không biết múi giờ `{value}`"),
            "dùng tên IANA như `Asia/Ho_Chi_Minh`";
        example { value: "Asia/Hanoi".into() }

    E0205 ThemeNotFound { name }
        en: format!("theme `{name}` not found"),
            format!("create `themes/{name}/` beside `content/`, or use `theme: default`");
        vi: format!("không tìm thấy giao diện `{name}`"),
            format!("tạo thư mục `themes/{name}/` cạnh `content/`, hoặc dùng `theme: default`");
        example { name: "can-tho".into() }

    E0206 DuplicateLanguage { code }
        en: format!("language `{code}` is listed twice"),
            "remove one of the two entries";
        vi: format!("ngôn ngữ `{code}` được khai báo hai lần"),
            "xóa bớt một mục";
        example { code: "en".into() }

    E0207 BadLanguageCode { code }
        en: format!("`{code}` is not a language code"),
            "use a lower-case code such as `vi`, `en`, `km`";
        vi: format!("`{code}` không phải mã ngôn ngữ"),
            "dùng mã chữ thường như `vi`, `en`, `km`";
        example { code: "VN".into() }

    E0208 BaseUrlCredentials { value }
        en: format!("`base_url: {value}` holds a user name or password, which would be published in every page"),
            "remove the part before `@`: write it like `https://portal.example.gov.vn/vneid/`";
        vi: format!("`base_url: {value}` có tên đăng nhập hoặc mật khẩu, sẽ bị công bố trên mọi trang"),
            "xóa phần trước dấu `@`: viết như `https://congthongtin.gov.vn/vneid/`";
        example { value: "https://***@portal.example.gov.vn/vneid/".into() }

    E0209 ThemeOutsideSite { name }
        en: format!("`theme: {name}` is not the name of a folder of `themes/`; a theme must be inside the site"),
            "copy the theme into `themes/NAME/` beside `content/` and write `theme: NAME`";
        vi: format!("`theme: {name}` không phải tên một thư mục trong `themes/`; giao diện phải nằm trong trang"),
            "chép giao diện vào `themes/TÊN/` cạnh `content/` và viết `theme: TÊN`";
        example { name: "/home/canbo/giao-dien".into() }

    E0210 OrganizationShape { written }
        en: "`organization` must be the office's name, or its name and contacts",
            format!("write it like this, with the values you meant: {written}");
        vi: "`organization` phải là tên cơ quan, hoặc tên và thông tin liên hệ",
            format!("viết như sau, với các giá trị của bạn: {written}");
        example {
            written: "organization: {name: \"Công an phường An Bình\", phone: \"1022\", email: \"…\", address: \"…\", hours: \"…\", website: \"…\"}".into(),
        }

    // 03: content files and translations

    E0301 DuplicateUrl { url, other }
        en: format!("two files make the same URL `{url}`; the other is {other}"),
            "give one of them another file name or `slug:`";
        vi: format!("hai tệp tạo cùng địa chỉ `{url}`; tệp kia là {other}"),
            "đổi tên một tệp hoặc đặt `slug:` khác";
        example {
            url: "/vneid/guides/kich-hoat/".into(),
            other: "content/guides/kich-hoat.md".into(),
        }

    E0302 TranslationWithoutOriginal { original }
        en: format!("this translation has no original `{original}`"),
            format!("create `{original}` in the default language, or rename this file");
        vi: format!("bản dịch này không có bản gốc `{original}`"),
            format!("tạo `{original}` bằng ngôn ngữ mặc định, hoặc đổi tên tệp này");
        example { original: "guides/bao-ve-otp.md".into() }

    E0303 LanguageNotConfigured { code }
        en: format!("language `{code}` is not configured in `site.yaml`"),
            format!("add `- code: {code}` under `languages:` in `content/site.yaml`, or rename the file");
        vi: format!("ngôn ngữ `{code}` chưa được khai báo trong `site.yaml`"),
            format!("thêm `- code: {code}` dưới `languages:` trong `content/site.yaml`, hoặc đổi tên tệp");
        example { code: "zh".into() }

    E0304 DuplicateTranslation { other }
        en: format!("the same page in the same language is also {other}"),
            "keep one of the two files";
        vi: format!("cùng trang, cùng ngôn ngữ với tệp {other}"),
            "chỉ giữ một trong hai tệp";
        example { other: "guides/kich-hoat.md".into() }

    E0305 NotUtf8 { byte, looks_like, table }
        en: match looks_like {
                Some(e) if e.is_utf16() => format!("the file is saved as UTF-16 (Unicode), not UTF-8, and is broken here: byte 0x{byte:02X} cannot be read ({})", e.name()),
                Some(e) => format!("the file looks like {} text, but byte 0x{byte:02X} here cannot be read as such", e.name()),
                None => format!("the file is not UTF-8 text: byte 0x{byte:02X} here is not UTF-8, nor Vietnamese in Windows-1258, TCVN3 or VNI"),
            },
            match looks_like {
                Some(e) if e.is_utf16() && !*table => SAVE_UTF16_AS_UTF8_EN,
                _ => save_as_utf8(*table, UiLang::En),
            };
        vi: match looks_like {
                Some(e) if e.is_utf16() => format!("tệp được lưu dạng UTF-16 (Unicode), không phải UTF-8, và bị hỏng ở đây: không đọc được byte 0x{byte:02X} ({})", e.name()),
                Some(e) => format!("tệp có vẻ là văn bản {}, nhưng byte 0x{byte:02X} ở đây không đọc được theo mã đó", e.name()),
                None => format!("tệp không phải văn bản UTF-8: byte 0x{byte:02X} ở đây không phải UTF-8, cũng không phải tiếng Việt theo Windows-1258, TCVN3 hay VNI"),
            },
            match looks_like {
                Some(e) if e.is_utf16() && !*table => SAVE_UTF16_AS_UTF8_VI,
                _ => save_as_utf8(*table, UiLang::Vi),
            };
        example { byte: 0xE9, looks_like: None, table: false }

    E0306 ReadFailed { detail }
        en: format!("cannot read: {detail}");
        vi: format!("không đọc được: {detail}");
        example { detail: "Permission denied (os error 13)".into() }

    E0307 DuplicateId { id }
        en: format!("id `{id}` is used twice"),
            "give every entry its own `id`";
        vi: format!("mã `{id}` bị dùng hai lần"),
            "mỗi mục cần một `id` riêng";
        example { id: "ca-dong-hai".into() }

    E0308 UnknownCampaign { slug }
        en: format!("no campaign `{slug}`"),
            "use the folder name of a campaign under `content/campaigns/`";
        vi: format!("không có chiến dịch `{slug}`"),
            "dùng tên thư mục của một chiến dịch trong `content/campaigns/`";
        example { slug: "can-tho-60-ngay-dem".into() }

    E0309 NonLatinSlug { value }
        en: format!("the address of this page would be `{value}`, unreadable in most browsers"),
            "give the page a `slug:` in Latin letters, e.g. `dang-ky-can-cuoc` (titles in Khmer and other scripts cannot become addresses)";
        vi: format!("địa chỉ của trang này sẽ là `{value}`, khó đọc trên hầu hết trình duyệt"),
            "đặt `slug:` bằng chữ Latinh cho trang, ví dụ `dang-ky-can-cuoc` (tiêu đề tiếng Khmer và chữ khác không làm địa chỉ được)";
        example { value: "/guides/ការចុះឈ្មោះ/".into() }

    E0310 DuplicateStep { step, other }
        en: format!("step {step} is also the step of `{other}`"),
            "number the steps of a section 1, 2, 3 …, each number once";
        vi: format!("bước {step} đã là bước của `{other}`"),
            "đánh số các bước trong một mục 1, 2, 3 …, mỗi số một lần";
        example { step: 2, other: "guides/tich-hop-bhyt-gplx.md".into() }

    W0310 LookalikeLetter { found, instead }
        en: format!("`{found}` (U+{:04X}) looks like `{instead}` but is another letter", *found as u32),
            format!("replace it with `{instead}` (U+{:04X}), or search and sorting will miss this word", *instead as u32);
        vi: format!("`{found}` (U+{:04X}) trông giống `{instead}` nhưng là chữ khác", *found as u32),
            format!("thay bằng `{instead}` (U+{:04X}), nếu không tìm kiếm và sắp xếp sẽ bỏ sót từ này", *instead as u32);
        example { found: 'Ð', instead: 'Đ' }

    W0311 ConvertedEncoding { encoding, table }
        en: format!("the file is in {}, not UTF-8; it was read as {}", encoding.name(), encoding.name()),
            save_as_utf8(*table, UiLang::En);
        vi: format!("tệp dùng bảng mã {}, không phải UTF-8; loa đã đọc theo {}", encoding.name(), encoding.name()),
            save_as_utf8(*table, UiLang::Vi);
        example { encoding: TextEncoding::Windows1258, table: true }

    W0312 OldFontText { encoding, found, converted }
        en: format!("`{found}` was typed with a {} font; read as `{converted}`", encoding.name()),
            "retype it with a Unicode font (Times New Roman, Arial), or convert it with Unikey's converter: Unikey → Công cụ (Ctrl+Shift+F6), Nguồn: the old font's code, Đích: Unicode";
        vi: format!("`{found}` được gõ bằng phông {}; loa đọc là `{converted}`", encoding.name()),
            "gõ lại bằng phông Unicode (Times New Roman, Arial), hoặc chuyển mã bằng Unikey: Unikey → Công cụ (Ctrl+Shift+F6), Nguồn: bảng mã của phông cũ, Đích: Unicode";
        example { encoding: TextEncoding::Vni, found: "Coâng an phöôøng Taân Myõ".into(), converted: "Công an phường Tân Mỹ".into() }

    E0320 AliasBackslash { alias }
        en: format!("the alias `{alias}` has a backslash `\\`, which a Windows portal reads as a folder"),
            "write addresses with `/` only, e.g. `/tin-tuc/cu/`";
        vi: format!("địa chỉ cũ `{alias}` có dấu `\\`, máy chủ Windows hiểu là thư mục"),
            "chỉ dùng dấu `/` trong địa chỉ, ví dụ `/tin-tuc/cu/`";
        example { alias: "/huong-dan\\cu/".into() }

    E0321 AliasTaken { url, other }
        en: match other {
                Some(other) => format!("the alias `{url}` is also the address of {other}; the redirect would replace it"),
                None => format!("the alias `{url}` is the address of a file loa writes; the redirect would replace it"),
            },
            "remove this alias, or change it to an address nothing else uses";
        vi: match other {
                Some(other) => format!("địa chỉ cũ `{url}` cũng là địa chỉ của {other}; trang chuyển hướng sẽ thay mất nó"),
                None => format!("địa chỉ cũ `{url}` là địa chỉ của một tệp loa tạo ra; trang chuyển hướng sẽ thay mất nó"),
            },
            "xóa địa chỉ cũ này, hoặc đổi sang địa chỉ chưa dùng";
        example { url: "/vneid/index.html".into(), other: Some("content/_index.md".into()) }

    E0322 NulByte { utf16 }
        en: if *utf16 {
                "the file has NUL bytes (0x00), one every other byte, from here: it looks like UTF-16 text without its byte-order mark"
            } else {
                "the file has a NUL byte (0x00) here, which no text has: it was probably saved by a program that is not a text editor"
            },
            "open it in a text editor (Notepad, VS Code) and save it again as UTF-8; or copy its text into a new file";
        vi: if *utf16 {
                "tệp có byte NUL (0x00), cứ hai byte một lần, từ đây: có vẻ là văn bản UTF-16 thiếu dấu thứ tự byte"
            } else {
                "tệp có byte NUL (0x00) ở đây, văn bản không bao giờ có byte này: có lẽ tệp được lưu bằng một chương trình không phải trình soạn thảo văn bản"
            },
            "mở tệp bằng trình soạn thảo văn bản (Notepad, VS Code) và lưu lại dưới dạng UTF-8; hoặc chép nội dung sang một tệp mới";
        example { utf16: false }

    E0323 SlugPath { value }
        en: format!("`slug: {value}` is not one part of an address: the page would land outside its section"),
            "write the slug as one word with `-` between words, without `/`, `\\`, `.` or `..`, e.g. `kich-hoat-vneid`";
        vi: format!("`slug: {value}` không phải một phần của địa chỉ: trang sẽ nằm ngoài mục của nó"),
            "viết slug thành một từ, nối các chữ bằng `-`, không có `/`, `\\`, `.` hay `..`, ví dụ `kich-hoat-vneid`";
        example { value: "..".into() }

    // 04: links and HTML

    E0401 BrokenLink { target }
        en: format!("link to `{target}`, which does not exist"),
            "link to an existing page's `.md` file (e.g. `../guides/kich-hoat.md`) or its URL (e.g. `/guides/kich-hoat/`)";
        vi: format!("liên kết tới `{target}` không tồn tại"),
            "liên kết tới tệp `.md` của một trang có thật (ví dụ `../guides/kich-hoat.md`) hoặc địa chỉ của nó (ví dụ `/guides/kich-hoat/`)";
        example { target: "kich-hoat-tai-khoan.md".into() }

    E0402 LinkToDraft { target }
        en: format!("link to `{target}`, which is a draft and is not published"),
            "remove `draft: true` from that page, remove the link, or build with `--drafts`";
        vi: format!("liên kết tới `{target}` là bản nháp, chưa được đăng"),
            "xóa `draft: true` ở trang đó, bỏ liên kết, hoặc chạy với `--drafts`";
        example { target: "huong-dan-dat-lich.md".into() }

    E0403 LinkOutsideSite { target }
        en: format!("link to `{target}` leaves the site's `content/` folder"),
            "put the file inside `content/` and link to it there";
        vi: format!("liên kết tới `{target}` ra ngoài thư mục `content/`"),
            "đặt tệp vào trong `content/` rồi liên kết tới đó";
        example { target: "../../tai-lieu/ke-hoach-45-KH-UBND.pdf".into() }

    E0404 BrokenAnchor { target, suggestion }
        en: format!("link to `{target}`: that page has no section `#{}`", fragment(target)),
            match suggestion {
                Some(s) => format!("did you mean `#{s}`? Sections are named from their headings"),
                None => "link to a heading of that page: its name is the heading in lower case without accents, with `-` for spaces (`## Bước 2` is `#buoc-2`)".into(),
            };
        vi: format!("liên kết tới `{target}`: trang đó không có mục `#{}`", fragment(target)),
            match suggestion {
                Some(s) => format!("có phải ý bạn là `#{s}`? Tên mục lấy từ tiêu đề của mục"),
                None => "liên kết tới một tiêu đề của trang đó: tên mục là tiêu đề viết thường, bỏ dấu, thay khoảng trắng bằng `-` (`## Bước 2` là `#buoc-2`)".into(),
            };
        example { target: "kich-hoat.md#buoc-4".into(), suggestion: Some("buoc-3".into()) }

    W0404 UnsafeHtml { what }
        en: format!("`{what}` is removed from the page: pages cannot run scripts, send forms or embed other sites"),
            "delete it; link to the page instead, or for a video ask the site's admin to add its host to `iframe_hosts` in site.yaml";
        vi: format!("`{what}` bị bỏ khỏi trang: trang không được chạy mã, gửi biểu mẫu hay nhúng trang khác"),
            "xóa phần đó; thay bằng liên kết, hoặc với video thì nhờ quản trị thêm máy chủ của video vào `iframe_hosts` trong site.yaml";
        example { what: "<iframe src=\"https://www.facebook.com/plugins/video.php\">".into() }

    W0405 ImageWithoutAlt {}
        en: "this image has no text for people who cannot see it",
            "write what it shows between the brackets: `![Mã QR để tải ứng dụng VNeID](qr.png)`";
        vi: "ảnh này chưa có lời mô tả cho người không nhìn thấy",
            "ghi ảnh cho thấy gì vào trong ngoặc vuông: `![Mã QR để tải ứng dụng VNeID](qr.png)`";
        example {}

    // 05: templates and interface texts

    E0406 HtmlTooDeep { depth }
        en: format!("the HTML in this page has more than {depth} elements open at once: it is not read"),
            "close every tag you open (`<div>` … `</div>`); a page needs only a few levels";
        vi: format!("HTML trong trang này có hơn {depth} thẻ mở lồng nhau cùng lúc: loa không đọc được"),
            "đóng mọi thẻ đã mở (`<div>` … `</div>`); một trang chỉ cần vài cấp lồng nhau";
        example { depth: 256 }

    W0407 OtherHost { url }
        en: if url.trim_start().to_ascii_lowercase().starts_with("http:") {
                format!("`{url}` is fetched over `http://` from another site: the citizen's phone would load it unencrypted, and the site promises no request to another host")
            } else {
                format!("`{url}` is on another host: the citizen's phone would fetch it from there, and the site promises no request to another host")
            },
            "download the file into the site's `static/` folder (or next to the page) and link it relatively, e.g. `![Mã QR](qr.png)`";
        vi: if url.trim_start().to_ascii_lowercase().starts_with("http:") {
                format!("`{url}` được tải qua `http://` từ trang khác: điện thoại của người dân sẽ tải không mã hóa, trong khi trang cam kết không gửi yêu cầu tới máy chủ khác")
            } else {
                format!("`{url}` nằm trên máy chủ khác: điện thoại của người dân sẽ phải tải từ đó, trong khi trang cam kết không gửi yêu cầu tới máy chủ khác")
            },
            "tải tệp về thư mục `static/` của trang (hoặc đặt cạnh trang) rồi liên kết tương đối, ví dụ `![Mã QR](qr.png)`";
        example { url: "https://i.imgur.com/qr-vneid.png".into() }

    E0501 TemplateError { detail }
        en: format!("template error: {detail}"),
            "fix the template, or delete your copy to use the default theme's";
        vi: format!("lỗi mẫu trang: {detail}"),
            "sửa mẫu trang, hoặc xóa bản sao của bạn để dùng mẫu mặc định";
        example {
            detail: "Field `titel` is not defined. Available fields: content, date, description, lang, title, url".into(),
        }

    E0502 TemplateNotFound { name }
        en: format!("template `{name}` does not exist"),
            "use a template of the theme (e.g. `page.html`) or create it under `themes/<name>/templates/`";
        vi: format!("không có mẫu trang `{name}`"),
            "dùng mẫu có sẵn (ví dụ `page.html`) hoặc tạo nó trong `themes/<tên>/templates/`";
        example { name: "chien-dich.html".into() }

    W0503 MissingStrings { lang, keys }
        en: format!("{} interface texts have no `{lang}` translation: {}", keys.len(), keys.join(", ")),
            format!("add them to `themes/<theme>/i18n/{lang}.yaml`; until then they are shown in the default language");
        vi: format!("{} chuỗi giao diện chưa có bản `{lang}`: {}", keys.len(), keys.join(", ")),
            format!("thêm vào `themes/<giao diện>/i18n/{lang}.yaml`; trong lúc chờ, chúng hiện bằng ngôn ngữ mặc định");
        example { lang: "km".into(), keys: vec!["plan_period".into(), "plan_unnumbered".into()] }

    // 06: plan documents

    W0601 TableMismatch(f)
        en: if f.rule == "Tổng" {
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
            "check the figure against the original document; correct the value or the formula row";
        vi: if f.rule == "Tổng" {
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
            "đối chiếu số liệu với văn bản gốc; sửa giá trị hoặc dòng công thức";
        example (Box::new(TableFigure {
            table: 1,
            row: "2 Tân Phú".into(),
            column: 5,
            column_name: "Còn lại".into(),
            printed: "290".into(),
            expected: "300".into(),
            rule: "5 = 3-4".into(),
        }))

    E0602 WordUnreadable { detail }
        en: format!("this Word plan cannot be read: {detail}"),
            "open it in Word and save it again as a Word Document (.docx); or paste its text into `plan.txt` beside it";
        vi: format!("không đọc được kế hoạch Word này: {detail}"),
            "mở tệp bằng Word rồi lưu lại dưới dạng Word Document (.docx); hoặc dán nội dung vào tệp `plan.txt` cùng thư mục";
        example { detail: "invalid Zip archive: Could not find EOCD".into() }

    W0602 PlanVisitsShown { count, file }
        en: format!("the plan's schedule of {count} mobile visits is shown as the campaign's visits: points/visits.csv has none in its period"),
            format!("copy them into `content/points/visits.csv` with `loa import {file} --format visits`, then fill in each row's `point_id` (and `lat`, `lon`)");
        vi: format!("lịch {count} buổi thu nhận lưu động trong kế hoạch đang được hiện làm lịch của chiến dịch: points/visits.csv chưa có buổi nào trong thời gian của chiến dịch"),
            format!("chép lịch vào `content/points/visits.csv` bằng `loa import {file} --format visits`, rồi điền `point_id` (và `lat`, `lon`) cho từng dòng");
        example { count: 8, file: "content/campaigns/ngoc-bien/plan.txt".into() }

    E0603 PdfWithoutText {}
        en: "this PDF has no text to read: it is a scan or a photo of the plan",
            "paste the plan's text into `plan.txt` beside it, or attach the Word file as `plan.docx`; the PDF can stay for download";
        vi: "tệp PDF này không có chữ để đọc: đây là bản quét hoặc ảnh chụp kế hoạch",
            "dán nội dung kế hoạch vào tệp `plan.txt` cùng thư mục, hoặc đính kèm tệp Word dưới tên `plan.docx`; tệp PDF vẫn giữ lại để tải về";
        example {}

    E0604 PdfUnreadable { detail }
        en: format!("this PDF cannot be read: {detail}"),
            "paste the plan's text into `plan.txt` beside it, or attach the Word file as `plan.docx`";
        vi: format!("không đọc được tệp PDF này: {detail}"),
            "dán nội dung kế hoạch vào tệp `plan.txt` cùng thư mục, hoặc đính kèm tệp Word dưới tên `plan.docx`";
        example { detail: "the file does not start with %PDF".into() }

    E0605 OldWordFormat {}
        en: "this is an old Word document (.doc), which loa does not read",
            "open it in Word, choose File → Save As → Word Document (.docx), and save it as `plan.docx`";
        vi: "đây là tệp Word cũ (.doc), loa không đọc được",
            "mở tệp bằng Word, chọn Tệp → Lưu thành → Word Document (.docx), lưu với tên `plan.docx`";
        example {}

    W0611 PlanDateDoesNotExist { written, days }
        en: format!("the date `{written}` does not exist (that month has {days} days): it is not on any calendar"),
            "check the original document and correct the day";
        vi: format!("ngày `{written}` không có thật (tháng đó có {days} ngày): ngày này không được đưa vào lịch nào"),
            "đối chiếu văn bản gốc và sửa lại ngày";
        example { written: "31/6/2026".into(), days: 30 }

    W0612 PlanDateShortYear { written }
        en: format!("the date `{written}` has a two-digit year: it is not on any calendar"),
            "write the year in full, e.g. `30/06/2026`";
        vi: format!("ngày `{written}` ghi năm bằng hai chữ số: ngày này không được đưa vào lịch nào"),
            "ghi đủ bốn chữ số của năm, ví dụ `30/06/2026`";
        example { written: "30/06/26".into() }

    W0613 PlanDateFarYear { written, year, plan_year }
        en: format!("the date `{written}` is in {year}, far after the plan's year {plan_year}: probably mistyped"),
            "check the year against the original document";
        vi: format!("ngày `{written}` thuộc năm {year}, quá xa so với năm của kế hoạch ({plan_year}): có thể gõ nhầm"),
            "đối chiếu năm với văn bản gốc";
        example { written: "15/7/2062".into(), year: 2062, plan_year: 2026 }

    W0614 PlanEmpty {}
        en: "the plan file is empty: the campaign has no plan text",
            "paste the plan's text into it, or delete the file and put the plan as issued (`plan.docx` or `plan.pdf`) beside the campaign's page";
        vi: "tệp kế hoạch trống: chiến dịch không có nội dung kế hoạch",
            "dán nội dung kế hoạch vào tệp, hoặc xóa tệp và đặt kế hoạch như khi ban hành (`plan.docx` hoặc `plan.pdf`) cạnh trang chiến dịch";
        example {}

    E0615 PlanIsFolder { name }
        en: format!("`{name}` is a folder, not a plan file"),
            format!("move the plan out of the folder and save it as the file `{name}`, or rename the folder");
        vi: format!("`{name}` là thư mục, không phải tệp kế hoạch"),
            format!("chuyển kế hoạch ra khỏi thư mục và lưu thành tệp `{name}`, hoặc đổi tên thư mục");
        example { name: "plan.txt".into() }

    // 07: writing the output

    E0701 WriteFailed { detail }
        en: format!("cannot write the output: {detail}"),
            "check free disk space and permissions; the previous output is unchanged";
        vi: format!("không ghi được kết quả: {detail}"),
            "kiểm tra dung lượng đĩa và quyền ghi; bản cũ vẫn giữ nguyên";
        example {
            detail: "guides/kich-hoat/index.html: No space left on device (os error 28)".into(),
        }

    W0702 PreviousOutputLeft { left, detail }
        en: format!("the new output is in place, but the previous one could not be removed from {left}: {detail}"),
            "delete that folder by hand; the site itself is up to date";
        vi: format!("bản mới đã thay vào, nhưng không xóa được bản cũ ở {left}: {detail}"),
            "tự xóa thư mục đó; trang đã được cập nhật";
        example {
            left: "/var/www/.loa-tmp-vneid-4021".into(),
            detail: "Permission denied (os error 13)".into(),
        }

    // 08: enrollment points and visits

    E0801 CsvSyntax { detail }
        en: format!("the CSV file cannot be read: {detail}"),
            "save it again from Excel as \"CSV UTF-8\"; check quotes around values with commas";
        vi: format!("không đọc được tệp CSV: {detail}"),
            "lưu lại từ Excel dưới dạng \"CSV UTF-8\"; kiểm tra dấu ngoặc kép quanh giá trị có dấu phẩy";
        example {
            detail: "CSV parse error: record 7 (line 8, field: 5, byte: 1204): invalid utf-8: invalid UTF-8 in field 5 near byte index 12".into(),
        }

    E0802 UnknownColumn { column, suggestion }
        en: format!("unknown column `{column}`"),
            match suggestion {
                Some(s) => format!("did you mean `{s}`?"),
                None => "remove the column; see README for the columns of points and visits".into(),
            };
        vi: format!("không có cột `{column}`"),
            match suggestion {
                Some(s) => format!("có phải là `{s}`?"),
                None => "xóa cột này; xem README để biết các cột của điểm và lịch lưu động".into(),
            };
        example { column: "acessibility".into(), suggestion: Some("accessibility".into()) }

    E0803 MissingColumn { column }
        en: format!("the header has no column `{column}`"),
            format!("add a column named `{column}` to the first row");
        vi: format!("dòng tiêu đề thiếu cột `{column}`"),
            format!("thêm cột tên `{column}` vào dòng đầu");
        example { column: "ward".into() }

    E0804 FieldCount { expected, found }
        en: format!("this row has {found} values but the header has {expected} columns"),
            "check for a missing value or a comma inside a value that needs quotes";
        vi: format!("dòng này có {found} giá trị nhưng tiêu đề có {expected} cột"),
            "kiểm tra giá trị bị thiếu hoặc dấu phẩy trong giá trị cần đặt trong ngoặc kép";
        example { expected: 13, found: 12 }

    E0805 MissingValue { column }
        en: format!("`{column}` is empty"),
            format!("fill in `{column}` for this row");
        vi: format!("`{column}` đang để trống"),
            format!("điền `{column}` cho dòng này");
        example { column: "address".into() }

    E0806 BadKind { value }
        en: format!("kind `{value}` is neither `fixed` nor `mobile`"),
            "write `fixed` for an office, `mobile` for a mobile team";
        vi: format!("loại `{value}` không phải `fixed` hay `mobile`"),
            "ghi `fixed` cho điểm cố định, `mobile` cho tổ lưu động";
        example { value: "co-dinh".into() }

    E0807 BadService { values, suggestions }
        en: format!("unknown service{} {}", if values.len() > 1 { "s" } else { "" }, quoted(values)),
            format!("{}{} are cccd, level2, integrate, child, separated by commas, semicolons or spaces",
                meant(suggestions, UiLang::En), if suggestions.is_empty() { "services" } else { "Services" });
        vi: format!("không có dịch vụ {}", quoted(values)),
            format!("{}{} là cccd, level2, integrate, child, cách nhau bằng dấu phẩy, dấu chấm phẩy hoặc dấu cách",
                meant(suggestions, UiLang::Vi), if suggestions.is_empty() { "các dịch vụ" } else { "Các dịch vụ" });
        example {
            values: vec!["levl2".into(), "kích".into(), "hoạt".into()],
            suggestions: vec![("levl2".into(), "level2".into())],
        }

    E0808 BadHours { problem }
        en: match problem {
                HoursProblem::Day(d) => format!("`{d}` is not a day"),
                HoursProblem::Time(t) => format!("`{t}` is not a time range"),
                HoursProblem::Order(t) => format!("`{t}` closes before it opens"),
                HoursProblem::Incomplete(t) => format!("`{t}` needs days and hours"),
                HoursProblem::Date(p) => format!("`{p}` does not give a date that exists"),
                HoursProblem::Period(p) => format!("`{p}` ends before it starts"),
                HoursProblem::PeriodForm(p) => format!("`{p}` is not a period"),
            },
            match problem {
                HoursProblem::Date(_) | HoursProblem::Period(_) | HoursProblem::PeriodForm(_) => "after the hours of days that keep them for a while only, write `đến 30/6/2026` (until, day/month/year) or `từ 1/7/2026 đến 31/12/2026`",
                _ => "write hours like `T2-CN 07:30-11:30, 13:30-17:00; T7 07:30-11:30` (T2 = Monday … CN = Sunday)",
            };
        vi: match problem {
                HoursProblem::Day(d) => format!("`{d}` không phải là ngày"),
                HoursProblem::Time(t) => format!("`{t}` không phải khung giờ"),
                HoursProblem::Order(t) => format!("`{t}` có giờ kết thúc trước giờ bắt đầu"),
                HoursProblem::Incomplete(t) => format!("`{t}` cần có ngày và giờ"),
                HoursProblem::Date(p) => format!("`{p}` không có ngày tháng hợp lệ"),
                HoursProblem::Period(p) => format!("`{p}` kết thúc trước khi bắt đầu"),
                HoursProblem::PeriodForm(p) => format!("`{p}` không phải là một thời hạn"),
            },
            match problem {
                HoursProblem::Date(_) | HoursProblem::Period(_) | HoursProblem::PeriodForm(_) => "sau giờ của những ngày chỉ làm việc trong một thời gian, ghi `đến 30/6/2026` (ngày/tháng/năm) hoặc `từ 1/7/2026 đến 31/12/2026`",
                _ => "ghi giờ làm việc như `T2-CN 07:30-11:30, 13:30-17:00; T7 07:30-11:30` (T2 = thứ Hai … CN = Chủ nhật)",
            };
        example { problem: HoursProblem::Day("T8".into()) }

    E0809 BadCoordinate { column, value }
        en: format!("`{column}` `{value}` is not a coordinate"),
            "latitude is between -90 and 90, longitude between -180 and 180, e.g. 10.03342 and 105.78771";
        vi: format!("`{column}` `{value}` không phải tọa độ"),
            "vĩ độ từ -90 đến 90, kinh độ từ -180 đến 180, ví dụ 10.03342 và 105.78771";
        example { column: "lat".into(), value: "105.78771".into() }

    E0810 UnknownPoint { id, suggestion }
        en: format!("no point with id `{id}`"),
            match suggestion {
                Some(s) => format!("did you mean `{s}`?"),
                None => "use the `id` of a mobile team from the points files".into(),
            };
        vi: format!("không có điểm mã `{id}`"),
            match suggestion {
                Some(s) => format!("có phải là `{s}`?"),
                None => "dùng `id` của một tổ lưu động trong tệp điểm".into(),
            };
        example { id: "tld-dong-hia".into(), suggestion: Some("tld-dong-hai".into()) }

    E0811 BadTime { column, value }
        en: format!("`{column}` `{value}` is not a time"),
            "write times as HH:MM, e.g. 07:30";
        vi: format!("`{column}` `{value}` không phải giờ"),
            "ghi giờ dạng GIỜ:PHÚT, ví dụ 07:30";
        example { column: "start".into(), value: "7 giờ".into() }

    E0812 EndBeforeStart { start, end }
        en: format!("ends at {end}, not after it starts at {start}"),
            "swap `start` and `end` or correct one of them";
        vi: format!("kết thúc lúc {end}, không sau giờ bắt đầu {start}"),
            "đổi chỗ `start` và `end` hoặc sửa một trong hai";
        example { start: "11:00".into(), end: "07:30".into() }

    E0813 BadId { value, suggestion }
        en: format!("id `{value}` is not usable in an address"),
            format!("use lower-case letters without marks, digits and `-`, e.g. `{suggestion}`");
        vi: format!("mã `{value}` không dùng được trong địa chỉ trang"),
            format!("dùng chữ thường không dấu, chữ số và `-`, ví dụ `{suggestion}`");
        example { value: "CA Xã Đông Hải".into(), suggestion: "ca-xa-dong-hai".into() }

    E0814 DuplicateVisit { id, date, start }
        en: format!("team `{id}` already has a visit on {date} at {start}"),
            "a team is in one place at a time: correct the date or time of one of the two";
        vi: format!("tổ `{id}` đã có lịch ngày {date} lúc {start}"),
            "một tổ chỉ ở một nơi vào một lúc: sửa ngày hoặc giờ của một trong hai lịch";
        example { id: "tld-dong-hai".into(), date: jiff::civil::date(2026, 6, 20), start: "07:30".into() }

    W0815 UnreadableTableFile { extension }
        en: format!("loa cannot read `.{extension}` files: this file is left out"),
            format!("{}; loa reads points and visits from .csv, .xlsx, .xls, .ods and .yaml files", unreadable_fix(extension, UiLang::En));
        vi: format!("loa không đọc được tệp `.{extension}`: tệp này bị bỏ qua"),
            format!("{}; loa đọc điểm và lịch từ tệp .csv, .xlsx, .xls, .ods và .yaml", unreadable_fix(extension, UiLang::Vi));
        example { extension: "numbers".into() }

    E0816 WorkbookUnreadable { detail, open_in_excel }
        en: format!("the workbook cannot be read: {detail}"),
            if *open_in_excel {
                "it is open in Excel (a `~$` file is beside it): close it in Excel, then run loa again"
            } else {
                "open it in Excel or LibreOffice and save it again as Excel Workbook (*.xlsx)"
            };
        vi: format!("không đọc được bảng tính: {detail}"),
            if *open_in_excel {
                "tệp đang mở trong Excel (có tệp `~$` bên cạnh): đóng tệp trong Excel rồi chạy lại loa"
            } else {
                "mở tệp trong Excel hoặc LibreOffice rồi lưu lại dưới dạng Excel Workbook (*.xlsx)"
            };
        example { detail: "invalid Zip archive: Could not find central directory end".into(), open_in_excel: false }

    E0817 CellError { value }
        en: format!("the cell shows Excel's error `{value}`, not a value"),
            "correct the formula of this cell, or type the value itself";
        vi: format!("ô này hiện lỗi `{value}` của Excel, không phải giá trị"),
            "sửa công thức của ô, hoặc gõ thẳng giá trị vào ô";
        example { value: "#REF!".into() }

    W0818 PhoneAsNumber { value, restored }
        en: format!("the phone number is stored as the number {value}, without its leading `0` or `+`; read as `{restored}`"),
            "format the column as Text before typing numbers (Home → Number Format → Text), or type an apostrophe first: '{restored}";
        vi: format!("số điện thoại được lưu thành số {value}, mất số `0` hoặc dấu `+` ở đầu; loa đọc là `{restored}`"),
            "định dạng cột là Văn bản trước khi gõ số (Trang đầu → Định dạng Số → Văn bản), hoặc gõ dấu nháy đơn trước: '{restored}";
        example { value: "901234567".into(), restored: "0901234567".into() }

    W0819 OverlappingHours { days, first, second }
        en: format!("on `{days}` the hours `{}` and `{}` overlap", range(*first), range(*second)),
            "write each time of the day once, e.g. `07:30-11:30, 13:30-17:00`";
        vi: format!("vào `{days}` khung giờ `{}` và `{}` chồng lên nhau", range(*first), range(*second)),
            "mỗi giờ trong ngày chỉ ghi một lần, ví dụ `07:30-11:30, 13:30-17:00`";
        example { days: "T2-T6".into(), first: (450, 690), second: (600, 1020) }

    W0820 RowsAboveHeader { first, last, header }
        en: format!("{} above the header (row {header}) {} left out", rows(*first, *last, UiLang::En), if first == last { "is" } else { "are" }),
            "the title is not read: the column names (`id`, `name` …) are read from the first row that holds them";
        vi: format!("{} phía trên dòng tiêu đề cột (dòng {header}) được bỏ qua", rows(*first, *last, UiLang::Vi)),
            "loa không đọc dòng tên bảng: tên cột (`id`, `name` …) được lấy từ dòng đầu tiên có chúng";
        example { first: 1, last: 2, header: 3 }
}

/// `` `a`, `b` ``.
fn quoted(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `did you mean `level2`? ` for one value; `did you mean `level2` for
/// `levl2`, …? ` for several; nothing without a guess.
fn meant(suggestions: &[(String, String)], lang: UiLang) -> String {
    let one = suggestions.len() == 1;
    let each: Vec<String> = suggestions
        .iter()
        .map(|(written, meant)| match (one, lang) {
            (true, _) => format!("`{meant}`"),
            (false, UiLang::En) => format!("`{meant}` for `{written}`"),
            (false, UiLang::Vi) => format!("`{meant}` thay cho `{written}`"),
        })
        .collect();
    match (each.is_empty(), lang) {
        (true, _) => String::new(),
        (false, UiLang::En) => format!("did you mean {}? ", each.join(", ")),
        (false, UiLang::Vi) => format!("có phải là {}? ", each.join(", ")),
    }
}

/// `row 1` or `rows 1–2`.
fn rows(first: usize, last: usize, lang: UiLang) -> String {
    match (lang, first == last) {
        (UiLang::En, true) => format!("row {first}"),
        (UiLang::En, false) => format!("rows {first}–{last}"),
        (UiLang::Vi, true) => format!("dòng {first}"),
        (UiLang::Vi, false) => format!("các dòng {first}–{last}"),
    }
}

/// How to save a file as UTF-8: from Excel for a table, else from an editor.
/// How to save a text that Notepad or Word wrote as UTF-16 ("Unicode") again as UTF-8.
const SAVE_UTF16_AS_UTF8_EN: &str = "save it as UTF-8: in Notepad, File → Save As → Encoding: UTF-8; in Word, File → Save As → Plain Text (*.txt), then Encoding: Unicode (UTF-8)";
const SAVE_UTF16_AS_UTF8_VI: &str = "lưu lại dưới dạng UTF-8: trong Notepad, Tệp → Lưu thành (File → Save As) → Mã hóa (Encoding): UTF-8; trong Word, Tệp → Lưu thành → Văn bản thuần (Plain Text, *.txt), rồi chọn Mã hóa: Unicode (UTF-8)";

fn save_as_utf8(table: bool, lang: UiLang) -> &'static str {
    match (table, lang) {
        (true, UiLang::En) => "in Excel: File → Save As → \"CSV UTF-8 (Comma delimited) (*.csv)\"; or save the workbook itself (.xlsx) in `points/`",
        (true, UiLang::Vi) => "trong Excel: Tệp → Lưu như (File → Save As) → chọn \"CSV UTF-8 (Comma delimited) (*.csv)\"; hoặc để chính tệp bảng tính (.xlsx) vào `points/`",
        (false, UiLang::En) => "save it as UTF-8: in Notepad, File → Save As → Encoding: UTF-8",
        (false, UiLang::Vi) => "lưu lại dưới dạng UTF-8: trong Notepad, Tệp → Lưu thành → Mã hóa: UTF-8",
    }
}

/// What to do with a file of `points/` that loa cannot read, by its extension.
fn unreadable_fix(extension: &str, lang: UiLang) -> &'static str {
    match (extension, lang) {
        ("numbers", UiLang::En) => "in Numbers: File → Export To → Excel",
        ("numbers", UiLang::Vi) => "trong Numbers: Tệp → Xuất sang → Excel",
        ("txt", UiLang::En) => "a `.txt` table is read when saved from Excel as \"Unicode Text\": save it again that way, or as \"CSV UTF-8\"; keep notes out of `points/`",
        ("txt", UiLang::Vi) => "bảng `.txt` được đọc khi lưu từ Excel dạng \"Unicode Text\": lưu lại theo cách đó, hoặc dạng \"CSV UTF-8\"; để ghi chú ngoài thư mục `points/`",
        (_, UiLang::En) => "save the table from Excel as Excel Workbook (*.xlsx) or \"CSV UTF-8\", or move this file out of `points/`",
        (_, UiLang::Vi) => "lưu bảng từ Excel dưới dạng Excel Workbook (*.xlsx) hoặc \"CSV UTF-8\", hoặc chuyển tệp này ra khỏi `points/`",
    }
}

/// A range of opening hours, `07:30-11:30`.
fn range((opens, closes): (u16, u16)) -> String {
    let hhmm = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
    format!("{}-{}", hhmm(opens), hhmm(closes))
}

/// The part of a link after `#`.
fn fragment(target: &str) -> &str {
    target.split_once('#').map_or("", |(_, f)| f)
}
