//! Visits of mobile teams from a plan's table of them (an appendix's
//! schedule): a table whose columns name a day (`Ngày`, `Thời gian`) and a
//! place (`Địa điểm`, `Ấp`, `Thôn` …), with times (`Giờ`, `Thời gian`), an
//! address and notes; and these visits as rows of `points/visits.csv`.

use crate::model::{Plan, Table, Visit};
use crate::vndate;

/// What a column of a table of visits holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Number,
    Date,
    Time,
    /// `Thời gian`: the time, or the day and the time.
    When,
    Place,
    Address,
    Notes,
}

/// The role of a column by its header; of a header merged over two rows
/// (`Thời gian - Ngày`, `Thời gian - Giờ`), by its lower part first.
fn role(header: &str) -> Role {
    if let Some((above, below)) = header.rsplit_once(" - ") {
        return match role_of(below) {
            Role::Notes => role_of(above),
            r => r,
        };
    }
    role_of(header)
}

fn role_of(header: &str) -> Role {
    let h = header.trim().to_lowercase();
    let starts = |words: &[&str]| words.iter().any(|w| h.starts_with(w));
    if matches!(h.as_str(), "stt" | "tt" | "số tt" | "số thứ tự" | "") {
        Role::Number
    } else if starts(&["địa chỉ"]) {
        Role::Address
    } else if starts(&["thời gian"]) {
        Role::When
    } else if starts(&["ngày", "thứ, ngày", "lịch"]) {
        Role::Date
    } else if starts(&["giờ", "buổi", "ca "]) {
        Role::Time
    } else if starts(&[
        "địa điểm",
        "ấp",
        "thôn",
        "bản",
        "khu phố",
        "tổ dân phố",
        "nơi",
        "điểm",
    ]) {
        Role::Place
    } else {
        Role::Notes
    }
}

/// The columns of a table of visits: its place and its day, when it has both.
fn schedule_columns(roles: &[Role]) -> Option<(usize, usize)> {
    let find = |r: Role| roles.iter().position(|x| *x == r);
    Some((find(Role::Place)?, find(Role::Date).or(find(Role::When))?))
}

/// Whether a table's columns name a place and a day: a schedule of visits,
/// whether or not its rows could be read.
fn is_schedule(t: &Table) -> bool {
    let roles: Vec<Role> = t.header.iter().map(|h| role(h)).collect();
    schedule_columns(&roles).is_some()
}

/// Whether a plan has a table of visits of which no row could be read:
/// a layout the reader got wrong, worth telling the user about.
pub fn unread_schedule(plan: &Plan) -> bool {
    plan.visits.is_empty() && plan.tables.iter().any(is_schedule)
}

/// A cell that holds only a time range (`7h30 - 11h00`): no place, whatever
/// its column's header says (columns shifted by a misread layout).
fn is_time_range(cell: &str) -> bool {
    let times = vndate::times(cell);
    if times.len() < 2 {
        return false;
    }
    let mut rest = cell.to_string();
    for t in times.iter().rev() {
        rest.replace_range(t.span.clone(), " ");
    }
    !rest.chars().any(char::is_alphanumeric)
}

/// The visits a table lists, when its columns name a day and a place;
/// rows without a day (a total) or whose place is a time are left out.
pub fn from_table(t: &Table, year: Option<i16>) -> Vec<Visit> {
    let roles: Vec<Role> = t.header.iter().map(|h| role(h)).collect();
    let find = |r: Role| roles.iter().position(|x| *x == r);
    let Some((place, day)) = schedule_columns(&roles) else {
        return Vec::new();
    };
    let time = find(Role::Time).or(find(Role::When));
    let address = find(Role::Address);
    let mut out = Vec::new();
    for (row, &line) in t.rows.iter().zip(&t.row_lines) {
        let cell = |i: usize| row.get(i).map_or("", |c| c.trim());
        let Some(date) = vndate::dates(cell(day), year).first().map(|d| d.value) else {
            continue;
        };
        if is_time_range(cell(place)) {
            continue;
        }
        // A time range: `07h00 - 11h00`, `7 giờ 30 - 11 giờ 00`, `07:30 - 11:00`.
        let times = time.map(|i| vndate::times(cell(i))).unwrap_or_default();
        let text = |i: Option<usize>| i.map(cell).filter(|c| !c.is_empty()).map(str::to_string);
        let notes: Vec<&str> = (0..roles.len())
            .filter(|&i| roles[i] == Role::Notes && !cell(i).is_empty())
            .map(cell)
            .collect();
        out.push(Visit {
            date,
            start: times.first().map(|t| t.value),
            end: times.get(1).map(|t| t.value),
            place: cell(place).to_string(),
            address: text(address),
            notes: (!notes.is_empty()).then(|| notes.join("; ")),
            line,
        });
    }
    out
}

/// The header of `points/visits.csv`.
pub const VISITS_CSV_HEADER: [&str; 9] = [
    "point_id", "date", "start", "end", "place", "address", "lat", "lon", "notes",
];

/// The plan's visits as `points/visits.csv`: its header, then one row per
/// visit, `point_id`, `lat` and `lon` left for staff to fill in.
pub fn visits_csv(plan: &Plan) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = w.write_record(VISITS_CSV_HEADER);
    for v in &plan.visits {
        let time = |t: Option<jiff::civil::Time>| t.map(crate::iso::hhmm).unwrap_or_default();
        let _ = w.write_record([
            String::new(),
            v.date.to_string(),
            time(v.start),
            time(v.end),
            v.place.clone(),
            v.address.clone().unwrap_or_default(),
            String::new(),
            String::new(),
            v.notes.clone().unwrap_or_default(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Table {
        crate::table::from_rows(&crate::lines::blocks(text), None)
    }

    #[test]
    fn a_schedule_of_visits() {
        let t = table("STT\tẤp/Địa điểm\tNgày\tThời gian\tGhi chú\n1\tẤp A - Chùa A\t15/10/2024\t07h00 - 11h00\tCó phiên dịch\n2\tẤp B\t16/10/2024\t7 giờ 30 - 11 giờ 00\t\n\tTổng\t\t\t");
        let v = from_table(&t, Some(2024));
        assert_eq!(v.len(), 2, "the total row is no visit");
        assert_eq!(v[0].date, jiff::civil::date(2024, 10, 15));
        assert_eq!(v[0].start, Some(jiff::civil::time(7, 0, 0, 0)));
        assert_eq!(v[0].end, Some(jiff::civil::time(11, 0, 0, 0)));
        assert_eq!(v[0].place, "Ấp A - Chùa A");
        assert_eq!(v[0].notes.as_deref(), Some("Có phiên dịch"));
        assert_eq!(
            (v[1].start.map(crate::iso::hhmm), v[1].notes.clone()),
            (Some("07:30".into()), None)
        );
        assert_eq!(v[1].line, 3);
    }

    #[test]
    fn address_notes_and_a_day_with_its_weekday() {
        let t = table("Ngày\tGiờ\tĐịa điểm\tĐịa chỉ\tĐối tượng ưu tiên\n25/7/2026 (thứ Bảy)\t19:00 - 21:30\tCảng cá\tĐường Nguyễn Huệ\tNgư dân");
        let v = from_table(&t, None);
        assert_eq!(v[0].date, jiff::civil::date(2026, 7, 25));
        assert_eq!(v[0].end, Some(jiff::civil::time(21, 30, 0, 0)));
        assert_eq!(v[0].address.as_deref(), Some("Đường Nguyễn Huệ"));
        assert_eq!(v[0].notes.as_deref(), Some("Ngư dân"));
    }

    #[test]
    fn a_header_merged_over_two_rows_is_read_by_its_lower_part() {
        assert_eq!(role("Thời gian - Ngày"), Role::Date);
        assert_eq!(role("Thời gian - Giờ"), Role::Time);
        assert_eq!(role("Địa điểm - Ấp"), Role::Place);
        assert_eq!(role("Địa điểm - Tên điểm"), Role::Place);
        assert_eq!(role("Lực lượng - Tổ"), Role::Notes);
        let t = table("STT\tThời gian - Ngày\tThời gian - Giờ\tĐịa điểm\n1\t29/6/2026\t7h30 - 11h00\tẤp Tân Long");
        let v = from_table(&t, None);
        assert_eq!(v.len(), 1);
        assert_eq!(
            (
                v[0].date,
                v[0].start.map(crate::iso::hhmm),
                v[0].place.as_str()
            ),
            (
                jiff::civil::date(2026, 6, 29),
                Some("07:30".into()),
                "Ấp Tân Long"
            )
        );
    }

    #[test]
    fn a_quota_table_is_no_schedule() {
        let t = table("STT\tẤp\tSố học sinh\tMỗi ngày\n1\tTân Long\t120\t3");
        assert!(from_table(&t, Some(2026)).is_empty());
    }

    #[test]
    fn a_place_that_is_a_time_range_is_refused() {
        // Columns shifted: the times landed under `Địa điểm`.
        let t = table("STT\tNgày Giờ\tĐịa điểm\n1\t29/3/2025\t7h30 - 11h00\n2\t30/3/2025\t13 giờ 30 - 17 giờ 00");
        assert!(from_table(&t, Some(2025)).is_empty());
        let plan = Plan {
            tables: vec![t],
            ..Plan::default()
        };
        assert!(unread_schedule(&plan));
        // A place that names a time among its words is a place.
        let t = table("Ngày\tĐịa điểm\n29/3/2025\tChợ đêm 18h00 - 22h00 khu B");
        assert_eq!(from_table(&t, None).len(), 1);
        assert!(is_time_range("07:30-11:00"));
        assert!(!is_time_range("7h30"));
        assert!(!is_time_range("Ấp 3"));
    }

    #[test]
    fn a_read_schedule_or_no_schedule_is_nothing_to_tell() {
        let read = table("Ngày\tGiờ\tĐịa điểm\n29/3/2025\t7h30 - 11h00\tẤp Tân Long");
        let plan = Plan {
            visits: from_table(&read, None),
            tables: vec![read],
            ..Plan::default()
        };
        assert!(!unread_schedule(&plan));
        let quota = table("STT\tẤp\tSố học sinh\n1\tTân Long\t120");
        let plan = Plan {
            tables: vec![quota],
            ..Plan::default()
        };
        assert!(!unread_schedule(&plan));
    }

    #[test]
    fn visits_as_csv_rows() {
        let t = table("Ngày\tGiờ\tĐịa điểm\tGhi chú\n03/8/2026\t19h00 - 21h30\tCảng cá Bến Đầm\tNgư dân, thuyền viên");
        let plan = Plan {
            visits: from_table(&t, None),
            ..Plan::default()
        };
        assert_eq!(
            visits_csv(&plan),
            "point_id,date,start,end,place,address,lat,lon,notes\n,2026-08-03,19:00,21:30,Cảng cá Bến Đầm,,,,\"Ngư dân, thuyền viên\"\n"
        );
    }
}
