//! Regression guard of the plan reader: every plan of
//! `tests/fixtures/plans/corpus/` (with the seed plans and the older
//! fixtures) read by `loa import`, scored field by field against its
//! `*.truth.json` by `bench/plan_score.py` itself, so that the guard and the
//! published numbers cannot drift apart. Fails when the reader's overall
//! precision falls under 0.97 or its recall under 0.95.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

const MIN_PRECISION: f64 = 0.97;
const MIN_RECALL: f64 = 0.95;

fn number(v: &Value) -> String {
    v.as_f64().map_or("-".into(), |x| format!("{x:.2}"))
}

/// The per-field table, as `bench/plan_score.py` prints it.
fn table(fields: &serde_json::Map<String, Value>) -> String {
    let mut out = String::from(
        "| field | truth | read | correct | precision | recall |\n| --- | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for (field, v) in fields {
        out.push_str(&format!("| {field} | {} |\n", counts(v, " | ")));
    }
    out
}

/// Truth, read, correct, precision and recall of `v`, separated by `sep`.
fn counts(v: &Value, sep: &str) -> String {
    [
        v["truth"].to_string(),
        v["read"].to_string(),
        v["correct"].to_string(),
        number(&v["precision"]),
        number(&v["recall"]),
    ]
    .join(sep)
}

#[test]
fn the_corpus_is_read_with_the_precision_and_recall_it_had() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = Command::new("python3")
        .arg(root.join("bench/plan_score.py"))
        .args(["--json", "--bin", env!("CARGO_BIN_EXE_loa")])
        .output()
        .expect("python3 runs bench/plan_score.py");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "plan_score.py failed: {stderr}");
    // `loa import` failing on a plan is a warning there; here it is a failure.
    assert!(!stderr.contains("warning: loa import"), "{stderr}");
    let scores: Value = serde_json::from_slice(&o.stdout).expect("plan_score.py prints JSON");
    let plans = scores["plans"].as_object().map_or(0, |p| p.len());
    assert!(
        plans >= 16,
        "only {plans} plans scored: {}",
        scores["plans"]
    );
    let fields = scores["fields"].as_object().expect("fields");
    let total = &scores["total"];
    println!("{plans} plans\n\n{}", table(fields));
    println!(
        "total (truth, read, correct, precision, recall): {}",
        counts(total, ", ")
    );
    let precision = total["precision"].as_f64().unwrap_or(0.0);
    let recall = total["recall"].as_f64().unwrap_or(0.0);
    assert!(
        precision >= MIN_PRECISION && recall >= MIN_RECALL,
        "the plan reader's precision {precision:.3} (at least {MIN_PRECISION}) or recall \
         {recall:.3} (at least {MIN_RECALL}) dropped; the table above shows which field; \
         `python3 bench/plan_score.py --plan NAME` shows a plan's differences"
    );
    // Every field the truth has is read: a key the reader stops printing
    // has precision `null` and recall 0.
    for (field, v) in fields {
        let truth = v["truth"].as_u64().unwrap_or(0);
        assert!(
            truth == 0 || v["read"].as_u64().unwrap_or(0) > 0,
            "{field}: {truth} in the truth, none read\n{}",
            table(fields)
        );
    }
}
