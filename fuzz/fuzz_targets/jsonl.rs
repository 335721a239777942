//! The JSONL reader on any bytes: no panic; every answer is JSON whose spans lie in the
//! text; the line count of a stream adds up.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsmark::jsonl::{process_line, stream, Config};
use newsmark::offsets::Unit;

fuzz_target!(|data: &[u8]| {
    let unit = match data.first().map(|b| b % 3) {
        Some(0) => Unit::Utf8,
        Some(1) => Unit::Utf16,
        _ => Unit::Chars,
    };
    let config = Config {
        unit,
        ..Config::default()
    };
    if let Ok(Some(out)) = process_line(data, &config) {
        let v: serde_json::Value = serde_json::from_str(&out).expect("answers are JSON");
        for s in v["spans"].as_array().expect("spans") {
            let (a, b) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            assert!(a < b, "empty span");
        }
    }
    let mut out = Vec::new();
    let mut bad = 0;
    let summary = stream(data, &mut out, &config, |_| bad += 1).expect("in memory");
    assert_eq!(summary.bad, bad);
    assert_eq!(
        out.iter().filter(|&&b| b == b'\n').count(),
        summary.answered
    );
    assert!(summary.answered + summary.bad <= summary.lines);
});
