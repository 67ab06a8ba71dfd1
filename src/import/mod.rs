//! Importers: official Pháp điển HTML dumps ([`phapdien`]), original documents in plain text
//! ([`vanban`]), and hand-written Markdown, all written into one normalized corpus.
//! (Under construction.)

pub mod phapdien;
pub mod vanban;
