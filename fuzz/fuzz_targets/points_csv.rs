//! Points and visits files on arbitrary input: the bytes before the first
//! NUL are a points file, the rest `visits.csv`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (points, visits) = text.split_once('\0').unwrap_or((&text, ""));
    let files = [
        ("points/xa.csv".into(), loa::read::text::normalize(points)),
        ("points/visits.csv".into(), loa::read::text::normalize(visits)),
        ("points/them.yaml".into(), loa::read::text::normalize(points)),
    ];
    let _ = loa::read::points::parse(&files);
});
