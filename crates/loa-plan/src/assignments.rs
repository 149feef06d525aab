//! Tasks assigned in a table (`Phân công nhiệm vụ`): a table whose columns
//! name the work (`Nội dung công việc`, `Nhiệm vụ`) and the body that leads
//! it (`Đơn vị chủ trì`, `Cơ quan thực hiện`) gives each row's work to that
//! body, and a deadline when its time column states one (`Trước
//! 20-7-2026`, `30/7/2026`, `Tháng 7/2026`, `Quý III`; not `Từ
//! 15-7-2026`, `Thường xuyên`). The
//! bodies that assist (`Đơn vị phối hợp`) are not given the task.

use jiff::civil::Date;

use crate::model::Table;
use crate::{period, vndate};

/// One row of a table of assignments.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// The lead body, as the cell writes it.
    pub agency: String,
    /// The work, as the cell writes it.
    pub task: String,
    /// The day it is due, when the row states one.
    pub due: Option<Date>,
    /// The 1-based line of the row.
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Task,
    Lead,
    Due,
    Other,
}

fn role(header: &str) -> Role {
    let h = header.trim().to_lowercase();
    let starts = |words: &[&str]| words.iter().any(|w| h.starts_with(w));
    if h.contains("phối hợp") {
        Role::Other
    } else if h.contains("chủ trì")
        || starts(&[
            "đơn vị thực hiện",
            "cơ quan thực hiện",
            "cơ quan, đơn vị thực hiện",
        ])
    {
        Role::Lead
    } else if starts(&[
        "nội dung",
        "nhiệm vụ",
        "công việc",
        "tên nhiệm vụ",
        "hoạt động",
    ]) {
        Role::Task
    } else if starts(&["thời hạn", "thời gian", "hoàn thành", "tiến độ"]) {
        Role::Due
    } else {
        Role::Other
    }
}

/// The assignments a table lists, when its columns name the work and the
/// body that leads it.
pub fn from_table(t: &Table, year: Option<i16>) -> Vec<Assignment> {
    let roles: Vec<Role> = t.header.iter().map(|h| role(h)).collect();
    let find = |r: Role| roles.iter().position(|x| *x == r);
    let (Some(task), Some(lead)) = (find(Role::Task), find(Role::Lead)) else {
        return Vec::new();
    };
    let due = find(Role::Due);
    let cell = |row: &[String], i: usize| row.get(i).map_or("", |c| c.trim()).to_string();
    t.rows
        .iter()
        .zip(t.row_lines.iter().copied().chain(std::iter::repeat(t.line)))
        .filter_map(|(row, line)| {
            let (task, agency) = (cell(row, task), cell(row, lead));
            if task.is_empty() || agency.is_empty() {
                return None;
            }
            Some(Assignment {
                agency,
                task,
                due: due.and_then(|d| due_date(&cell(row, d), year)),
                line,
            })
        })
        .collect()
}

/// The day a time cell sets as a deadline: its date, or the end of the
/// months it names, unless it starts a span (`Từ …`) or is one (`… đến …`).
fn due_date(cell: &str, year: Option<i16>) -> Option<Date> {
    let lower = cell.to_lowercase();
    if lower.starts_with("từ") || lower.contains("đến") {
        return None;
    }
    match vndate::dates(cell, year).first() {
        Some(d) => Some(d.value),
        None => period::months_due(cell, year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::blocks;
    use crate::table::from_rows;

    fn table(text: &str) -> Table {
        from_rows(&blocks(text), None)
    }

    #[test]
    fn each_row_is_a_task_of_its_lead_body() {
        let t = table("STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn\n1\tLập danh sách\tCông an xã\tCác ấp\tTrước 20-7-2026\n2\tTuyên truyền\tĐài Truyền thanh xã\tCông an xã\tTừ 15-7-2026\n3\tTổng kết\tCông an xã\t\t05/10/2026");
        let a = from_table(&t, Some(2026));
        assert_eq!(a.len(), 3);
        assert_eq!(
            (a[0].agency.as_str(), a[0].task.as_str()),
            ("Công an xã", "Lập danh sách")
        );
        assert_eq!(a[0].due, Some(jiff::civil::date(2026, 7, 20)));
        assert_eq!(
            (a[1].agency.as_str(), a[1].due),
            ("Đài Truyền thanh xã", None)
        );
        assert_eq!(a[2].due, Some(jiff::civil::date(2026, 10, 5)));
    }

    #[test]
    fn a_time_in_months_is_due_at_their_end() {
        let t = table("TT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian hoàn thành\n1\tRà soát\tCông an xã\tTháng 7/2026\n2\tTuyên truyền\tĐoàn Thanh niên\tQuý III\n3\tTổng kết\tVăn phòng\tTrước tháng 12\n4\tHướng dẫn\tCông an xã\tThường xuyên");
        let due: Vec<Option<String>> = from_table(&t, Some(2026))
            .iter()
            .map(|a| a.due.map(|d| d.to_string()))
            .collect();
        let s = |d: &str| Some(d.to_string());
        assert_eq!(
            due,
            [s("2026-07-31"), s("2026-09-30"), s("2026-11-30"), None]
        );
    }

    #[test]
    fn a_table_without_a_lead_body_assigns_nothing() {
        let t = table("STT\tNội dung\tSố lượng\n1\tThẻ căn cước\t120");
        assert!(from_table(&t, None).is_empty());
        let t = table("Nhiệm vụ\tĐơn vị phối hợp\nLập danh sách\tCác ấp");
        assert!(from_table(&t, None).is_empty());
    }
}
