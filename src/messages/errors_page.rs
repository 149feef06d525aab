//! `docs/errors.md`: every code with its example message and fix, in
//! English and Vietnamese, grouped by the part of the site it concerns.
//! `tests/catalogue.rs` keeps the file equal to [`catalogue_markdown`].

use std::fmt::Write as _;

use super::{Msg, UiText};
use crate::locale::UiLang;

/// The heading of a group of codes, by their two first digits: `E0101`
/// and `W0112` are both about front matter and files.
fn group_heading(digits: &str) -> Option<&'static str> {
    Some(match digits {
        "01" => "Front matter, YAML and files · Phần đầu trang, YAML và tệp",
        "02" => "The site's configuration, `site.yaml` · Cấu hình trang, `site.yaml`",
        "03" => "Content files and translations · Tệp nội dung và bản dịch",
        "04" => "Links and HTML · Liên kết và HTML",
        "05" => "Templates and interface texts · Mẫu trang và chuỗi giao diện",
        "06" => "Plan documents · Văn bản kế hoạch",
        "07" => "Writing the output · Ghi kết quả",
        "08" => "Enrollment points and visits · Điểm tiếp nhận và lịch lưu động",
        _ => return None,
    })
}

const INTRO: &str = "\
# Error catalogue · Danh mục lỗi

<!-- Made from src/messages/catalogue.rs: after a reviewed change of the
messages, `UPDATE_GOLDEN=1 cargo test --test catalogue` rewrites this file.
Do not edit it by hand. -->

Every message `loa build`, `loa serve` and `loa check` can give, by its code,
with an example and its fix; each entry gives the same message in English
(`en`) and in Vietnamese (`vi`), as shown when the computer is set to
Vietnamese. The list is made from the program itself, so it is always
complete.

Mọi thông báo mà `loa build`, `loa serve` và `loa check` có thể đưa ra, theo
mã, kèm một ví dụ và cách sửa; mỗi mục ghi cùng một thông báo bằng tiếng Anh
(`en`) và tiếng Việt (`vi`, như khi máy tính đặt tiếng Việt). Danh sách được
tạo từ chính chương trình nên luôn đầy đủ.

Codes starting with **E** are errors: until they are fixed, `loa build`
writes nothing and the published site stays as it was. Codes starting
with **W** are warnings: the site is still built, but the page should
be corrected. File names and values in the messages below are
examples; a real message names your own file, field or value, with its
line and column.

Mã bắt đầu bằng **E** là lỗi: khi chưa sửa, `loa build` không ghi gì và
trang đã đăng vẫn giữ nguyên. Mã bắt đầu bằng **W** là cảnh báo: trang
vẫn được tạo nhưng nên sửa. Tên tệp và giá trị trong các thông báo dưới
đây chỉ là ví dụ; thông báo thật ghi tên tệp, trường hoặc giá trị của
bạn, kèm dòng và cột.
";

/// The whole of `docs/errors.md`, from [`Msg::examples`] in their order.
pub fn catalogue_markdown() -> String {
    let mut out = String::from(INTRO);
    let mut group = "";
    for msg in &Msg::examples() {
        let code = msg.code();
        let digits = code.get(1..3).unwrap_or("");
        if digits != group {
            group = digits;
            if let Some(heading) = group_heading(digits) {
                let _ = write!(out, "\n## {heading}\n");
            }
        }
        let _ = write!(out, "\n### {code}\n\n");
        for (lang, label) in [(UiLang::En, "en"), (UiLang::Vi, "vi")] {
            let (message, fix) = msg.text(lang);
            let _ = write!(out, "- {label}: {message}");
            if let Some(fix) = fix {
                let _ = write!(out, " — {}: {fix}", UiText::FixLabel.text(lang));
            }
            out.push('\n');
        }
    }
    out
}
