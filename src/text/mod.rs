//! Vietnamese text: the one place where text is normalized ([`normalize`]) and folded for
//! matching without diacritics ([`fold`]). Import, index, query and citations all call these,
//! so the same words always compare equal whatever keyboard, encoding or dump they came from.

pub mod chars;
mod fold;
mod normalize;
mod tone;

pub use fold::{fold, fold_char, has_diacritics};
pub use normalize::{normalize, normalize_mapped, Mapped};
