//! The saved fuzzing corpora (`fuzz/corpus/<target>/`) replayed through the
//! same code as the fuzz targets, in every test run: an input that once
//! crashed or hung stays fixed. Each input must also be read in bounded time.

use std::path::Path;
use std::time::{Duration, Instant};

use loa::diagnostic::Diagnostics;
use loa::read::points::TextFile;

fn replay(target: &str, run: impl Fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let started = Instant::now();
        run(&data);
        // Generous for a debug build on a loaded machine; a hang is minutes.
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{} took {:?}",
            path.display(),
            started.elapsed()
        );
        n += 1;
    }
    assert!(n >= 3, "{target}: only {n} inputs in {}", dir.display());
}

#[test]
fn plan_reader_corpus() {
    replay("plan_reader", |data| {
        let text = String::from_utf8_lossy(data);
        let plan = loa_plan::read(&text);
        let _ = loa::import::page(&plan);
        let mut warnings = loa::diagnostic::Diagnostics::new();
        loa::read::plan::table_warnings(&plan, Path::new("fuzz.txt"), true, &mut warnings);
        loa::read::plan::date_warnings(&plan, &text, Path::new("fuzz.txt"), &mut warnings);
    });
}

#[test]
fn front_matter_corpus() {
    use loa::read::frontmatter::{parse, PageSection};
    replay("front_matter", |data| {
        let text = loa::read::text::normalize(&String::from_utf8_lossy(data));
        for section in [
            PageSection::Campaign,
            PageSection::Outreach,
            PageSection::Other,
        ] {
            let _ = parse(
                Path::new("fuzz.md"),
                &text,
                &jiff::tz::TimeZone::UTC,
                section,
                &mut Diagnostics::new(),
            );
        }
    });
}

#[test]
fn points_csv_corpus() {
    replay("points_csv", |data| {
        let text = String::from_utf8_lossy(data);
        let (points, visits) = text.split_once('\0').unwrap_or((&text, ""));
        let file = |path: &str, text: &str| TextFile {
            path: path.into(),
            text: loa::read::text::normalize(text),
        };
        let files = [
            file("points/xa.csv", points),
            file("points/visits.csv", visits),
            file("points/them.yaml", points),
        ];
        let _ = loa::read::points::parse(&files, &mut Diagnostics::new());
    });
}

#[test]
fn hours_corpus() {
    replay("hours", |data| {
        let text = String::from_utf8_lossy(data);
        if let Ok(hours) = loa::read::hours::parse(&text) {
            for day in [
                jiff::civil::date(2026, 6, 15),
                jiff::civil::date(2027, 1, 1),
            ] {
                let _ = hours.on(day).groups();
            }
            let _ = loa::read::hours::overlaps(&text);
        }
    });
}

#[test]
fn raw_html_corpus() {
    replay("raw_html", |data| {
        let html = String::from_utf8_lossy(data);
        let _ = loa::read::resources::html_resources(&html);
        let _ = loa::read::resources::css_urls(&html);
        let mut depth = 0;
        if !loa::render::sanitize::nests_too_deep(&html, &mut depth) {
            let _ = loa::render::sanitize::sanitize(&html, &[]);
        }
    });
}
