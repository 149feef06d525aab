//! What `loa import --format md` prints: a plan document as an editable
//! campaign page, its front matter holding what was read.

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
