//! Prints a plan's number, title, period, agencies and deadlines.
//!
//!     cargo run -p loa-plan --example summary -- campaigns/x/plan.txt
//!     cargo run -p loa-plan --example summary -- campaigns/x/plan.docx

use std::path::Path;
use std::process::ExitCode;

use loa_plan::Plan;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: summary PLAN.txt|PLAN.md|PLAN.docx");
        return ExitCode::from(2);
    };
    match read(Path::new(&path)) {
        Ok(plan) => {
            print!("{}", summary(&plan));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", Path::new(&path).display());
            ExitCode::FAILURE
        }
    }
}

/// The plan in a text file (UTF-8) or a Word document, by its extension.
fn read(path: &Path) -> Result<Plan, Box<dyn std::error::Error>> {
    let bytes = std::fs::read(path)?;
    let word = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if word {
        Ok(loa_plan::read_docx(&bytes)?)
    } else {
        Ok(loa_plan::read(std::str::from_utf8(&bytes)?))
    }
}

fn summary(plan: &Plan) -> String {
    let unknown = || "?".to_string();
    let day = |d: Option<jiff::civil::Date>| d.map_or_else(unknown, |d| d.to_string());
    let mut out = format!(
        "{} {}\nperiod: {} .. {}\n",
        plan.number.clone().unwrap_or_else(unknown),
        plan.title.clone().unwrap_or_else(unknown),
        day(plan.period.start),
        day(plan.period.end),
    );
    out.push_str(&format!("agencies: {}\n", plan.agencies.len()));
    for agency in &plan.agencies {
        out.push_str(&format!(
            "  {} ({} tasks)\n",
            agency.name,
            agency.tasks.len()
        ));
    }
    out.push_str(&format!("deadlines: {}\n", plan.deadlines.len()));
    for d in &plan.deadlines {
        let time = d
            .time
            .map(|t| format!(" {}", t.strftime("%H:%M")))
            .unwrap_or_default();
        let who = d.responsible.as_deref().unwrap_or("-");
        out.push_str(&format!("  {}{time}  {who}: {}\n", d.date, d.text));
    }
    out
}
