//! The plan reader on arbitrary input: no panic, no hang, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // `loa` refuses text that is not UTF-8 before reading it; the reader sees only text.
    let text = String::from_utf8_lossy(data);
    let plan = loa_plan::read(&text);
    let _ = loa::import::page(&plan);
    let mut warnings = loa::diagnostic::Diagnostics::new();
    loa::read::plan::table_warnings(&plan, std::path::Path::new("fuzz.txt"), true, &mut warnings);
    loa::read::plan::date_warnings(&plan, &text, std::path::Path::new("fuzz.txt"), &mut warnings);
    let _ = serde_json::to_string(&plan);
});
