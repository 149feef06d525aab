//! Raw HTML of a page through the depth guard and the allow-list: no
//! panic, no hang, whatever the markup.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let _ = loa::read::resources::html_resources(&html);
    let _ = loa::read::resources::css_urls(&html);
    let mut depth = 0;
    if !loa::render::sanitize::nests_too_deep(&html, &mut depth) {
        let _ = loa::render::sanitize::sanitize(&html, &[]);
    }
});
