//! The files of `content/points/` and how each is read: CSV and YAML as
//! text (in any encoding `read::text` reads, and `.txt` saved from Excel as
//! "Unicode Text"), Excel (`.xlsx`, and `.xls` of Excel 97–2003) and
//! LibreOffice workbooks sheet by sheet; any other file is a warning naming the formats
//! loa reads, and the lock files of an open Excel or LibreOffice are left
//! alone.
//!
//! A workbook's sheets: those named `Điểm` or `points` hold points, those
//! named `Lịch` or `visits` visits (in any case, with or without accents);
//! without such a name, the first sheet is read, as visits for
//! `visits.xlsx`, as points for any other name.

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use super::{Role, Table};
use crate::diagnostic::{Diagnostics, Location};
use crate::messages::Msg;
use crate::read::records;
use crate::read::workbook::Workbook;

/// Read as text: tables saved from Excel, or written as YAML.
const TEXT: &[&str] = &["csv", "tsv", "yaml", "yml"];
/// Read as workbooks.
const WORKBOOKS: &[&str] = &["xlsx", "xlsm", "xls", "ods"];

/// The tables of every file of `dir`, in file-name order, and whether every
/// file that should have been read was (`false` after an error).
pub(super) fn read(dir: &Path, problems: &mut Diagnostics) -> (Vec<Table>, bool) {
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .max_depth(1)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|p| !is_left_alone(p))
        .collect();
    paths.sort();
    let mut tables = Vec::new();
    let mut complete = true;
    for path in paths {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if TEXT.contains(&extension.as_str()) || is_unicode_text(&path, &extension) {
            match crate::read::text::read_text(&path, problems) {
                Some(text) => tables.push(text_table(&path, &text, problems)),
                None => complete = false,
            }
        } else if WORKBOOKS.contains(&extension.as_str()) {
            complete &= workbook_tables(&path, &mut tables, problems);
        } else {
            problems.warning(
                Location::file(&path),
                Msg::UnreadableTableFile { extension },
            );
        }
    }
    (tables, complete)
}

/// A `.txt` file saved from Excel as "Unicode Text": UTF-16 with its
/// byte-order mark (other `.txt` files may be notes, and are warned about).
fn is_unicode_text(path: &Path, extension: &str) -> bool {
    use std::io::Read;
    let mut start = [0u8; 2];
    extension == "txt"
        && std::fs::File::open(path)
            .and_then(|mut f| f.read_exact(&mut start))
            .is_ok()
        && (start == [0xFF, 0xFE] || start == [0xFE, 0xFF])
}

/// Files nobody put there on purpose: hidden files, the lock files of an
/// open Excel (`~$points.xlsx`) or LibreOffice (`.~lock.points.ods#`), and
/// Windows' `Thumbs.db` and `desktop.ini`.
fn is_left_alone(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    name.starts_with('.') || name.starts_with("~$") || name == "thumbs.db" || name == "desktop.ini"
}

/// The table of a text file.
pub(super) fn text_table(path: &Path, text: &str, problems: &mut Diagnostics) -> Table {
    crate::read::text::lookalikes(path, text, problems);
    let role = Role::of_file(path);
    Table {
        role,
        records: records::read(path, text, &role.columns(), problems),
    }
}

/// The tables of a workbook's sheets; `false` when it could not be read.
fn workbook_tables(path: &Path, tables: &mut Vec<Table>, problems: &mut Diagnostics) -> bool {
    let mut book = match Workbook::open(path) {
        Ok(book) => book,
        Err(detail) => {
            let open_in_excel = is_open(path);
            problems.error(
                Location::file(path),
                Msg::WorkbookUnreadable {
                    detail,
                    open_in_excel,
                },
            );
            return false;
        }
    };
    let names = book.sheet_names();
    let mut chosen: Vec<(String, Role)> = names
        .iter()
        .filter_map(|name| Some((name.clone(), sheet_role(name)?)))
        .collect();
    if chosen.is_empty() {
        chosen.extend(
            names
                .first()
                .map(|name| (name.clone(), Role::of_file(path))),
        );
    }
    let mut read_all = true;
    for (name, role) in chosen {
        match book.sheet(&name) {
            Ok(sheet) => tables.push(Table {
                role,
                records: records::from_sheet(path, &sheet, &role.columns(), problems),
            }),
            Err(detail) => {
                problems.error(
                    Location::cell(path, &name, 1, 1, None),
                    Msg::WorkbookUnreadable {
                        detail,
                        open_in_excel: false,
                    },
                );
                read_all = false;
            }
        }
    }
    read_all
}

/// What a sheet holds by its name: `Điểm`/`points`, `Lịch`/`visits`.
fn sheet_role(name: &str) -> Option<Role> {
    let folded: String = name
        .trim()
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36F}').contains(c))
        .map(|c| if matches!(c, 'đ' | 'Đ') { 'd' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    match folded.as_str() {
        "diem" | "points" => Some(Role::Points),
        "lich" | "visits" => Some(Role::Visits),
        _ => None,
    }
}

/// Whether Excel or LibreOffice has the workbook open: its lock file is
/// beside it (`~$points.xlsx`, or with the name's first two letters
/// replaced; `.~lock.points.ods#`).
fn is_open(path: &Path) -> bool {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return false;
    };
    let name = name.to_string_lossy();
    let shortened = name.chars().skip(2).collect::<String>();
    [
        format!("~${name}"),
        format!("~${shortened}"),
        format!(".~lock.{name}#"),
    ]
    .iter()
    .any(|lock| dir.join(lock).exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheets_by_their_names() {
        assert_eq!(sheet_role("Điểm"), Some(Role::Points));
        assert_eq!(sheet_role(" DIEM "), Some(Role::Points));
        assert_eq!(sheet_role("Points"), Some(Role::Points));
        assert_eq!(sheet_role("Lịch"), Some(Role::Visits));
        assert_eq!(sheet_role("visits"), Some(Role::Visits));
        assert_eq!(sheet_role("Sheet1"), None);
        assert_eq!(sheet_role("Hướng dẫn"), None);
    }

    #[test]
    fn lock_files_and_system_files_are_left_alone() {
        for name in [
            "~$points.xlsx",
            ".~lock.points.ods#",
            "Thumbs.db",
            ".DS_Store",
        ] {
            assert!(is_left_alone(Path::new(name)), "{name}");
        }
        assert!(!is_left_alone(Path::new("points.xls")));
    }

    #[test]
    fn old_excel_files_are_workbooks() {
        for extension in ["xls", "xlsx", "xlsm", "ods"] {
            assert!(WORKBOOKS.contains(&extension), "{extension}");
        }
        assert!(!WORKBOOKS.contains(&"numbers"));
    }
}
