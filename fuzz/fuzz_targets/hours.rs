//! The opening-hours syntax (`T2-CN 07:30-11:30; T7 …`) on arbitrary input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(week) = loa::read::hours::parse(&text) {
        let _ = week.groups();
        let _ = loa::read::hours::overlaps(&text);
    }
});
