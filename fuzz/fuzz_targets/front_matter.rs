//! Front matter and body of a page on arbitrary input, in each section kind.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loa::diagnostic::Diagnostics;
use loa::read::frontmatter::{parse, PageSection};

fuzz_target!(|data: &[u8]| {
    let text = loa::read::text::normalize(&String::from_utf8_lossy(data));
    let tz = jiff::tz::TimeZone::UTC;
    for section in [PageSection::Campaign, PageSection::Outreach, PageSection::Other] {
        let path = std::path::Path::new("fuzz.md");
        let _ = parse(path, &text, &tz, section, &mut Diagnostics::new());
    }
});
