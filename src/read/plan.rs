//! Plan documents of campaigns (`campaigns/<slug>/plan.txt|plan.md`, or the
//! plan as issued: `plan.docx`, `plan.pdf`): read from disk, parsed by
//! [`loa_plan`] (a Word file with [`loa_plan::read_docx`], a PDF turned into
//! text by [`super::pdf`] first), and their problems located in the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use loa_plan::{DateProblemKind, Plan, WordError};
use rayon::prelude::*;

use crate::diagnostic::{Diagnostics, Location};
use crate::messages::{Msg, TableFigure};
use crate::read::cache::ReadCache;
use crate::read::content::PlanFile;
use crate::read::pdf::{self, PdfError};
use crate::read::text;

/// A campaign's plan as one page shows it.
#[derive(Debug, Clone)]
pub struct CampaignPlan {
    pub plan: Plan,
    pub path: PathBuf,
    /// The plan file inside `content/`, also its path in the output.
    pub rel: String,
    /// The file's size in bytes, for its download link.
    pub size: u64,
}

/// What a plan file is, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlanFormat {
    /// `plan.txt`, `plan.md`: pasted text.
    Text,
    /// `plan.docx`.
    Word,
    /// `plan.pdf`.
    Pdf,
    /// `plan.doc`: old Word, not read.
    OldWord,
}

impl PlanFormat {
    /// The format of a plan file named `name`; `None` for any other file.
    pub fn of(name: &str) -> Option<Self> {
        let (_, ext) = name.rsplit_once('.')?;
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "md" => Some(PlanFormat::Text),
            "docx" => Some(PlanFormat::Word),
            "pdf" => Some(PlanFormat::Pdf),
            "doc" => Some(PlanFormat::OldWord),
            _ => None,
        }
    }
}

/// Reads every plan file, in parallel; returns them by campaign key. Files
/// that cannot be read are errors; figures of their tables that disagree
/// with the table's formulas, and look-alike letters, are warnings.
pub fn read_plans(
    files: &[PlanFile],
    cache: Option<&ReadCache>,
    problems: &mut Diagnostics,
) -> BTreeMap<String, CampaignPlan> {
    let files = preferred(files);
    let read: Vec<(Option<CampaignPlan>, Diagnostics)> = files
        .par_iter()
        .map(|f| {
            let mut found = Diagnostics::new();
            let read = |found: &mut Diagnostics| read_plan(&f.path, &f.rel, found);
            let plan = match cache {
                Some(cache) => cache.plan(&f.path, &f.rel, &mut found, read),
                None => read(&mut found),
            };
            (plan, found)
        })
        .collect();
    let mut out = BTreeMap::new();
    for (file, (plan, found)) in files.iter().zip(read) {
        problems.extend(found);
        if let Some(plan) = plan {
            // `plan.md` and `plan.txt` side by side: the first, in file order, is read.
            out.entry(file.key.clone()).or_insert(plan);
        }
    }
    out
}

/// The plan files to read: every text (`plan.md`, `plan.txt`); a campaign
/// without one, its Word file, else its PDF, else its old Word file. A text
/// pasted beside a scanned PDF is read instead of it, and the PDF is only
/// offered for download.
fn preferred(files: &[PlanFile]) -> Vec<&PlanFile> {
    let format = |f: &PlanFile| PlanFormat::of(&f.rel).unwrap_or(PlanFormat::Text);
    let mut best: BTreeMap<&str, PlanFormat> = BTreeMap::new();
    for f in files {
        let e = best.entry(f.key.as_str()).or_insert(format(f));
        *e = (*e).min(format(f));
    }
    files
        .iter()
        .filter(|f| best.get(f.key.as_str()) == Some(&format(f)))
        .collect()
}

/// One plan file; `None` when it cannot be read.
fn read_plan(path: &Path, rel: &str, problems: &mut Diagnostics) -> Option<CampaignPlan> {
    let (plan, size) = read_plan_file(path, problems)?;
    Some(CampaignPlan {
        plan,
        path: path.to_path_buf(),
        rel: rel.to_string(),
        size,
    })
}

/// The plan in the file at `path`, whatever its format, with its size in
/// bytes; `None` when it cannot be read, with the problem at the file.
/// Figures of its tables that disagree with the table's formulas, and
/// look-alike letters of a text, are warnings.
pub fn read_plan_file(path: &Path, problems: &mut Diagnostics) -> Option<(Plan, u64)> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let format = PlanFormat::of(name).unwrap_or(PlanFormat::Text);
    let bytes = text::read_bytes(path, problems)?;
    let size = bytes.len() as u64;
    let at_file = Location::file(path);
    // A Word 97-2003 file (an OLE compound file), whatever its name says.
    if format == PlanFormat::OldWord || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        problems.error(at_file, Msg::OldWordFormat);
        return None;
    }
    let plan = match format {
        PlanFormat::Text | PlanFormat::OldWord => {
            let text = text::decode(bytes, path, problems)?;
            if text.trim().is_empty() {
                problems.warning(at_file, Msg::PlanEmpty);
            }
            let plan = loa_plan::read_normalized(&text);
            table_warnings(&plan, path, true, problems);
            date_warnings(&plan, &text, path, problems);
            text::lookalikes(path, &text, problems);
            return Some((plan, size));
        }
        PlanFormat::Word => loa_plan::read_docx(&bytes).map_err(word_unreadable),
        PlanFormat::Pdf => pdf::pdf_text(&bytes)
            .map(|text| loa_plan::read(&text))
            .map_err(|e| match e {
                PdfError::NoText => Msg::PdfWithoutText,
                PdfError::Unreadable(detail) => Msg::PdfUnreadable { detail },
            }),
    };
    match plan {
        Ok(plan) => {
            // Lines of text made from a Word or PDF file mean nothing to its reader.
            table_warnings(&plan, path, false, problems);
            Some((plan, size))
        }
        Err(msg) => {
            problems.error(at_file, msg);
            None
        }
    }
}

/// The catalogue's message for a Word file the plan reader cannot open:
/// the zip library's words, or the XML part and the parser's words.
fn word_unreadable(e: WordError) -> Msg {
    let detail = match e {
        WordError::NotWord(detail) => detail,
        WordError::Xml { part, detail } => format!("{part}: {detail}"),
    };
    Msg::WordUnreadable { detail }
}

/// A warning for every figure of the plan's tables that disagrees with its
/// table's formulas or totals, at the row's line in `path` when `lines`
/// (a text file), else at the file (the message names table and row).
pub fn table_warnings(plan: &Plan, path: &Path, lines: bool, problems: &mut Diagnostics) {
    for m in loa_plan::check_tables(plan) {
        let table = &plan.tables[m.table];
        let label = table.rows[m.row]
            .iter()
            .take(2)
            .filter(|c| !c.trim().is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        let figure = TableFigure {
            table: m.table + 1,
            row: label,
            column: m.column + 1,
            column_name: table.header.get(m.column).cloned().unwrap_or_default(),
            expected: m.expected_as_printed(),
            printed: m.printed,
            rule: m.rule,
        };
        problems.warning(
            if lines {
                Location::new(path, m.line, 1)
            } else {
                Location::file(path)
            },
            Msg::TableMismatch(Box::new(figure)),
        );
    }
}

/// A warning for every date of the plan the reader left out or doubts:
/// a day the month does not have, a two-digit year, a year far ahead.
pub fn date_warnings(plan: &Plan, text: &str, path: &Path, problems: &mut Diagnostics) {
    for p in loa_plan::check_dates(text, plan) {
        let written = p.written;
        let msg = match p.kind {
            DateProblemKind::DoesNotExist { days } => Msg::PlanDateDoesNotExist { written, days },
            DateProblemKind::TwoDigitYear => Msg::PlanDateShortYear { written },
            DateProblemKind::FarYear { year, plan_year } => Msg::PlanDateFarYear {
                written,
                year,
                plan_year,
            },
        };
        problems.warning(Location::new(path, p.line, p.column), msg);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(dir: &Path, slug: &str, name: &str, bytes: &[u8]) -> PlanFile {
        let rel = format!("campaigns/{slug}/{name}");
        let path = dir.join(&rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        PlanFile {
            path,
            rel,
            key: format!("campaigns/{slug}"),
        }
    }

    #[test]
    fn plans_by_campaign_with_their_problems_in_file_order() {
        let dir = tempfile::tempdir().unwrap();
        let table = "KẾ HOẠCH\r\nThử\r\nI. CHỈ TIÊU\r\nBảng 1\r\nTT\tXã\tTổng\tĐã cấp\tCòn lại\r\n1\t2\t3\t4\t5 = 3-4\r\n1\tTân Long\t420\t120\t290\r\n";
        let first = "KẾ HOẠCH\nThử một\nÐồng Tháp\n";
        let files = vec![
            file(dir.path(), "a", "plan.md", first.as_bytes()),
            file(dir.path(), "a", "plan.txt", table.as_bytes()),
            file(dir.path(), "b", "plan.txt", b"K\xe1 HO\xc0CH"),
            file(dir.path(), "c", "plan.txt", table.as_bytes()),
        ];
        std::fs::remove_file(&files[3].path).unwrap();
        let mut problems = Diagnostics::new();
        let plans = read_plans(&files, None, &mut problems);
        // The first file of a campaign is its plan; an unreadable one is none.
        assert_eq!(plans.keys().collect::<Vec<_>>(), ["campaigns/a"]);
        let a = &plans["campaigns/a"];
        assert_eq!(a.plan.title.as_deref(), Some("Thử một"));
        assert_eq!(
            (a.rel.as_str(), a.size),
            ("campaigns/a/plan.md", first.len() as u64)
        );
        let found: Vec<(&str, usize, &str)> = problems
            .iter()
            .map(|d| {
                let file = d.location.path.strip_prefix(dir.path()).unwrap();
                (file.to_str().unwrap(), d.location.line, d.msg.code())
            })
            .collect();
        assert_eq!(
            found,
            [
                ("campaigns/a/plan.md", 3, "W0310"),
                ("campaigns/a/plan.txt", 7, "W0601"),
                ("campaigns/b/plan.txt", 1, "E0305"),
                ("campaigns/c/plan.txt", 1, "E0306"),
            ]
        );
    }

    #[test]
    fn a_table_warning_names_row_column_and_expected_value() {
        let plan = loa_plan::read(
            "Bảng\nTT\tXã\tTổng\tĐã cấp\tTỉ lệ\n1\t2\t3\t4\t5 = 4/3x100\n1\tTân Long\t420\t120\t28,4\n",
        );
        let mut problems = Diagnostics::new();
        table_warnings(&plan, Path::new("plan.txt"), true, &mut problems);
        let d: Vec<_> = problems.into_iter().collect();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].location.line, 4);
        let Msg::TableMismatch(f) = &d[0].msg else {
            panic!("{d:?}")
        };
        assert_eq!(
            (f.table, f.row.as_str(), f.column, f.column_name.as_str()),
            (1, "1 Tân Long", 5, "Tỉ lệ")
        );
        assert_eq!((f.printed.as_str(), f.expected.as_str()), ("28,4", "28,57"));
        assert_eq!(f.rule, "5 = 4/3x100");
    }
}
