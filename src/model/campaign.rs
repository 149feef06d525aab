//! Campaigns read from their plan documents: the plan of
//! `campaigns/<slug>/plan.txt` gives the page its structure, and the front
//! matter of `index.md` (or of a translation) overrides any field of it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Location};
use crate::messages::Msg;
use crate::plan::{self, Plan};
use crate::read::content::PlanFile;
use crate::read::frontmatter::CampaignFields;

/// A campaign's plan as one page shows it.
#[derive(Debug, Clone)]
pub struct CampaignPlan {
    pub plan: Plan,
    pub path: PathBuf,
    /// The plan file inside `content/`, also its path in the output.
    pub rel: String,
    pub size: u64,
}

type ReadPlan = Result<(String, CampaignPlan, Vec<Diagnostic>), Box<Diagnostic>>;

/// Reads every plan file; returns them by campaign key, with table warnings.
pub fn read_plans(files: &[PlanFile]) -> (BTreeMap<String, CampaignPlan>, Vec<Diagnostic>) {
    let read: Vec<ReadPlan> = files
        .par_iter()
        .map(|f| {
            let bytes = std::fs::read(&f.path).map_err(|e| {
                Box::new(Diagnostic::error(
                    Location::file(&f.path),
                    Msg::ReadFailed {
                        detail: e.to_string(),
                    },
                ))
            })?;
            let size = bytes.len() as u64;
            let text = String::from_utf8(bytes)
                .map_err(|_| Diagnostic::error(Location::file(&f.path), Msg::NotUtf8))?;
            let text = crate::read::text::normalize(&text);
            let plan = plan::read_normalized(&text);
            let mut warnings = plan::check(&plan, &f.path);
            warnings.extend(crate::read::text::lookalikes(&f.path, &text));
            Ok((
                f.key.clone(),
                CampaignPlan {
                    plan,
                    path: f.path.clone(),
                    rel: f.rel.clone(),
                    size,
                },
                warnings,
            ))
        })
        .collect();
    let mut out = BTreeMap::new();
    let mut problems = Vec::new();
    for r in read {
        match r {
            Ok((key, plan, mut warnings)) => {
                problems.append(&mut warnings);
                // `plan.md` and `plan.txt` side by side: the first, in file order, is read.
                out.entry(key).or_insert(plan);
            }
            Err(d) => problems.push(*d),
        }
    }
    (out, problems)
}

/// Front matter wins over what the plan says.
pub fn apply(plan: &mut Plan, fields: &CampaignFields) {
    let set = |target: &mut Option<String>, value: &Option<String>| {
        if let Some(v) = value {
            *target = Some(v.clone());
        }
    };
    set(&mut plan.number, &fields.number);
    set(&mut plan.issuer, &fields.issuer);
    set(&mut plan.place, &fields.place);
    set(&mut plan.audience, &fields.audience);
    set(&mut plan.scope, &fields.scope);
    if let Some(d) = &fields.issued {
        plan.issued = Some(d.ymd());
        if plan.period_from_issue && plan.period.start.is_none() {
            plan.period.start = plan.issued.clone();
        }
    }
    if let Some(d) = &fields.period_start {
        plan.period.start = Some(d.ymd());
    }
    if let Some(d) = &fields.period_end {
        plan.period.end = Some(d.ymd());
    }
}
