//! The opening-hours syntax (`T2-CN 07:30-11:30; T7 … đến 30/6/2026`) on
//! arbitrary input, read for a day inside and a day after such a period.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(hours) = loa::read::hours::parse(&text) {
        for day in [jiff::civil::date(2026, 6, 15), jiff::civil::date(2027, 1, 1)] {
            let _ = hours.on(day).groups();
        }
        let _ = loa::read::hours::overlaps(&text);
    }
});
