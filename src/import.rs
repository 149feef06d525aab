//! What `loa import --format md` prints: a plan document as an editable
//! campaign page, its front matter holding what was read; and what
//! `--format points` prints: the offices whose hours the plan states, as
//! rows of a points file.

use loa_plan::Plan;

/// Front matter with the fields a campaign's `index.md` takes (`title`,
/// `number`, `issuer`, `place`, `issued`, `period`, `audience`, `scope`),
/// then the plan's text as Markdown.
pub fn page(plan: &Plan) -> String {
    let mut fm = serde_yaml::Mapping::new();
    let issued = plan.issued.map(|d| d.to_string());
    let fields = [
        ("title", &plan.title),
        ("number", &plan.number),
        ("issuer", &plan.issuer),
        ("place", &plan.place),
        ("issued", &issued),
    ];
    for (k, v) in fields {
        if let Some(v) = v {
            fm.insert(k.into(), v.clone().into());
        }
    }
    if plan.period.start.is_some() || plan.period.end.is_some() {
        let mut p = serde_yaml::Mapping::new();
        for (k, v) in [("start", plan.period.start), ("end", plan.period.end)] {
            if let Some(v) = v {
                p.insert(k.into(), v.to_string().into());
            }
        }
        fm.insert("period".into(), p.into());
    }
    for (k, v) in [("audience", &plan.audience), ("scope", &plan.scope)] {
        if let Some(v) = v {
            fm.insert(k.into(), v.clone().into());
        }
    }
    let yaml = serde_yaml::to_string(&fm).unwrap_or_default();
    format!("---\n{yaml}---\n\n{}", loa_plan::to_markdown(plan))
}

/// The offices whose hours the plan states (`Công an xã … làm việc từ 07
/// giờ 00 đến 20 giờ 00 tất cả các ngày trong tuần`), as rows of a points
/// file (`content/points/*.csv`): the header, then one fixed point per
/// office with its `name` and `hours`; `id`, `district`, `ward`, `address`
/// and the rest are left for staff.
pub fn points_csv(plan: &Plan) -> String {
    let columns = crate::read::points::POINT_COLUMNS;
    let mut csv = csv::Writer::from_writer(Vec::new());
    let mut rows = vec![columns.iter().map(|c| c.to_string()).collect::<Vec<_>>()];
    for office in &plan.office_hours {
        rows.push(
            columns
                .iter()
                .map(|&c| match c {
                    "name" => office.office.clone(),
                    "kind" => "fixed".into(),
                    "hours" => office.hours.clone(),
                    _ => String::new(),
                })
                .collect(),
        );
    }
    for row in rows {
        // Writing into memory cannot fail.
        let _ = csv.write_record(&row);
    }
    String::from_utf8(csv.into_inner().unwrap_or_default()).unwrap_or_default()
}
