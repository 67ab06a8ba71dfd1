//! Fuzz target: the citation extractor never panics, and every citation's span lies inside
//! the input, on char boundaries, with `text` equal to its slice. Run with
//! `cargo +nightly fuzz run extract` from the repository root.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for c in cancu::cite::extract(text) {
        assert!(c.start <= c.end && c.end <= text.len());
        assert!(text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
        assert_eq!(&text[c.start..c.end], c.text);
    }
});
