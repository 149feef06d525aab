//! The command line in Vietnamese, for `LANG=vi…`: clap writes its help
//! and its usage errors in English, so the help texts, headings and value
//! names are replaced here, and a usage error is written from its kind and
//! the words clap found.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

/// Help pages: clap's own but for the heading of the usage line.
const TEMPLATE: &str =
    "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";

/// What each command does.
fn about(command: &str) -> Option<&'static str> {
    Some(match command {
        "loa" => "Trình tạo trang web tĩnh cho thông tin các chiến dịch phục vụ người dân",
        "new" => "Tạo trang web mới trong thư mục THƯ_MỤC (cấu hình, một chiến dịch mẫu, một hướng dẫn, khẩu hiệu)",
        "build" => "Dựng trang web vào thư mục đầu ra",
        "serve" => "Dựng trong bộ nhớ, cho xem thử tại 127.0.0.1 và dựng lại mỗi khi lưu; trang đang mở tự tải lại",
        "check" => "Kiểm tra mọi thứ, không ghi gì",
        "import" => "Đọc văn bản kế hoạch và in cấu trúc của nó (json) hoặc một trang để sửa (md)",
        "help" => "In trợ giúp của loa hoặc của một lệnh",
        _ => return None,
    })
}

/// The help and value name of option or argument `id` of `command`.
fn arg(command: &str, id: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match (command, id) {
        (_, "root") => (
            "Thư mục chứa `content/` (mặc định: thư mục hiện tại)",
            Some("THƯ_MỤC"),
        ),
        ("build", "output") => (
            "Nơi ghi trang web (mặc định: THƯ_MỤC/public)",
            Some("THƯ_MỤC_RA"),
        ),
        ("import", "output") => ("Ghi vào tệp này thay vì in ra màn hình", Some("TỆP")),
        (_, "base_url") => (
            "Thay `base_url` của site.yaml, ví dụ https://portal.example.gov.vn/vneid/",
            Some("ĐỊA_CHỈ"),
        ),
        (_, "drafts") => ("Dựng cả các trang ghi `draft: true`", None),
        (_, "now") => (
            "Thời điểm “bây giờ” của lần dựng, để biết sự kiện nào sắp tới, sự kiện nào đã qua, \
             ví dụ 2026-03-01T08:00:00+07:00 (mặc định: SOURCE_DATE_EPOCH, hoặc đầu ngày hôm nay)",
            Some("THỜI_ĐIỂM"),
        ),
        ("build", "force") => (
            "Thay thư mục đầu ra cả khi nó không do loa tạo ra (mọi thứ trong đó bị xóa)",
            None,
        ),
        ("import", "force") => ("Ghi đè tệp `--output` nếu tệp đã có", None),
        (_, "bind") => (
            "Địa chỉ để mở trang xem thử; nếu không đổi, chỉ máy này vào được (mặc định: 127.0.0.1)",
            Some("ĐỊA_CHỈ"),
        ),
        (_, "port") => (
            "Cổng; nếu cổng đã có chương trình khác dùng, loa dùng cổng trống kế tiếp và in ra. \
             0: cổng trống bất kỳ (mặc định: 1111)",
            Some("CỔNG"),
        ),
        ("check", "format") => (
            "Cách in kết quả: text (để đọc) hoặc json (cho chương trình khác) (mặc định: text)",
            Some("DẠNG"),
        ),
        ("check", "translations") => (
            "Báo cáo theo từng ngôn ngữ: trang, khẩu hiệu, chữ giao diện chưa dịch và bản dịch cũ hơn bản gốc",
            None,
        ),
        ("import", "plan") => (
            "Văn bản kế hoạch: .docx, .doc, .pdf, .txt hoặc .md",
            Some("KẾ_HOẠCH"),
        ),
        ("import", "format") => (
            "In ra gì: json (cấu trúc), md (trang để sửa), visits (các buổi của tổ lưu động, \
             theo dòng của points/visits.csv) hoặc points (giờ làm việc của các điểm, theo dòng \
             của tệp điểm) (mặc định: json)",
            Some("DẠNG"),
        ),
        ("new", "dir") => ("Thư mục của trang web mới", Some("THƯ_MỤC")),
        ("help", "command") => ("Lệnh cần xem trợ giúp", Some("LỆNH")),
        _ => return None,
    })
}

/// `command` (and its subcommands) with Vietnamese help.
pub fn command(command: Command) -> Command {
    let name = command.get_name().to_string();
    let is_top = name == "loa";
    let mut command = command.help_template(TEMPLATE).disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help("In trợ giúp"),
    );
    if let Some(about) = about(&name) {
        command = command.about(about);
    }
    if is_top {
        command = command
            .subcommand_help_heading("Lệnh")
            .subcommand_value_name("LỆNH")
            .disable_version_flag(true)
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help("In phiên bản"),
            )
            // clap's `help` command is in English: `loa help build` is
            // answered from this one (see `super::parse`).
            .disable_help_subcommand(true)
            .subcommand(Command::new("help").arg(Arg::new("command")));
    } else {
        let positionals: Vec<String> = command
            .get_positionals()
            .map(|a| {
                let v = value_name(&name, a);
                if a.is_required_set() {
                    format!("<{v}>")
                } else {
                    format!("[{v}]")
                }
            })
            .collect();
        let usage = std::iter::once(format!("loa {name} [TÙY CHỌN]"))
            .chain(positionals)
            .collect::<Vec<_>>()
            .join(" ");
        command = command.override_usage(usage);
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        command = command.mut_arg(&id, |a| {
            let heading = if a.is_positional() {
                "Đối số"
            } else {
                "Tùy chọn"
            };
            // Defaults and choices are in the help texts, in Vietnamese.
            let a = if a.get_action().takes_values() {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            };
            let a = a.help_heading(heading);
            match self::arg(&name, &id) {
                Some((help, value)) => {
                    let a = a.help(help);
                    match value {
                        Some(v) => a.value_name(v),
                        None => a,
                    }
                }
                None => a,
            }
        });
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for sub in subcommands {
        command = command.mut_subcommand(&sub, self::command);
    }
    command
}

fn value_name(command: &str, a: &Arg) -> String {
    match arg(command, a.get_id().as_str()) {
        Some((_, Some(v))) => v.to_string(),
        _ => a.get_id().as_str().to_uppercase(),
    }
}

/// `loa help NAME` when loa has no command NAME.
pub fn no_command(name: &str) -> String {
    format!("lỗi: không có lệnh `{name}`\n\nXem thêm: loa --help")
}

/// A usage error in Vietnamese: what is wrong, a suggestion when clap has
/// one, the usage line and where to read more.
pub fn error(e: &clap::Error, command: &str) -> String {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(s)) if !s.is_empty() => Some(s.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let what = match e.kind() {
        ErrorKind::UnknownArgument => format!("không có tùy chọn `{arg}`"),
        ErrorKind::InvalidSubcommand => format!(
            "không có lệnh `{}`",
            text(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => format!("thiếu {arg}"),
        ErrorKind::MissingSubcommand => "thiếu tên lệnh".to_string(),
        ErrorKind::InvalidValue if value.is_empty() => format!("`{arg}` cần một giá trị"),
        ErrorKind::InvalidValue => match text(ContextKind::ValidValue) {
            Some(valid) => {
                format!("`{value}` không dùng được cho `{arg}`; các giá trị dùng được: {valid}")
            }
            None => format!("`{value}` không dùng được cho `{arg}`"),
        },
        ErrorKind::ValueValidation => match std::error::Error::source(e) {
            Some(why) => format!("giá trị của `{arg}` không dùng được: {why}"),
            None => format!("`{value}` không dùng được cho `{arg}`"),
        },
        ErrorKind::ArgumentConflict => format!(
            "`{arg}` không dùng cùng với `{}`",
            text(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("thừa giá trị `{value}` cho `{arg}`")
        }
        // Kinds a command line of loa cannot give: clap's own words.
        _ => format!("dòng lệnh không đúng: {}", e.render().to_string().trim()),
    };
    let mut out = format!("lỗi: {what}\n");
    let suggested =
        text(ContextKind::SuggestedArg).or_else(|| text(ContextKind::SuggestedSubcommand));
    if let Some(s) = suggested {
        out.push_str(&format!("\n  gợi ý: có phải bạn muốn viết `{s}`?\n"));
    }
    if let Some(usage) = text(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").map_or(usage, str::trim);
        out.push_str(&format!("\nCách dùng: {usage}\n"));
    }
    let more = if command == "loa" {
        "loa --help".to_string()
    } else {
        format!("loa {command} --help")
    };
    out.push_str(&format!("\nXem thêm: {more}"));
    out
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    /// An option added without its Vietnamese help fails here.
    #[test]
    fn every_command_and_option_has_its_vietnamese_help() {
        let cli = super::super::Cli::command();
        assert!(about("loa").is_some());
        for sub in cli.get_subcommands() {
            let name = sub.get_name();
            assert!(about(name).is_some(), "{name}");
            for a in sub.get_arguments() {
                let id = a.get_id().as_str();
                assert!(arg(name, id).is_some(), "loa {name} {id}");
            }
        }
    }

    #[test]
    fn help_has_no_english_left() {
        let mut cli = command(super::super::Cli::command());
        let mut pages = vec![cli.render_help().to_string()];
        let names: Vec<String> = cli
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        for name in names {
            let sub = cli.find_subcommand_mut(&name).unwrap();
            pages.push(sub.render_help().to_string());
        }
        for page in pages {
            for english in [
                "Usage",
                "Options",
                "Commands",
                "Arguments",
                "Print",
                "default:",
            ] {
                assert!(!page.contains(english), "{english} in\n{page}");
            }
        }
    }
}
