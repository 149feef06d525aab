//! Points and visits files on arbitrary input: the bytes before the first
//! NUL are a points file, the rest `visits.csv`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use loa::diagnostic::Diagnostics;
use loa::read::points::TextFile;

fuzz_target!(|data: &[u8]| {
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
