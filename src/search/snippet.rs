//! Snippets: the best fragment of an article's text for the query's words, as HTML (escaped,
//! matches in `<mark>`) and as plain text. Matching is on folded syllables, so "bau" marks
//! "bầu"; the fragment is chosen by Tantivy's snippet generator over our tokenizer.
//!
//! Tokenizing a text costs more than the search itself (a served search makes ten snippets:
//! a quarter of its CPU time), so a text longer than [`AROUND`] is not read whole: the
//! fragment is looked for around the first occurrence of a word the user typed with
//! diacritics (found by a plain substring search, rarest word first), and else in the
//! first [`MAX_SCAN`] bytes. A text whose matches all lie further on shows its start.

use std::collections::BTreeMap;

use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;

use super::fulltext::DocFreq;
use crate::index::analysis::{term, Mode, ViTokenizer};
use crate::index::schema::Fields;

/// Longest fragment, in bytes.
pub const MAX_CHARS: usize = 240;

/// Most bytes of a text searched for the fragment (see the module doc).
pub const MAX_SCAN: usize = 8 * 1024;
/// Bytes read around an anchor word (before it, a third; after it, the rest).
pub const AROUND: usize = 3 * MAX_CHARS;

/// Escapes text for HTML (element content and attribute values).
/// maud's escaper, the one the web pages use (`& < > "`).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    // Writing into a String cannot fail.
    let _ = std::fmt::Write::write_str(&mut maud::Escaper::new(&mut out), s);
    out
}

/// Makes snippets for one query.
pub struct Snippets {
    generator: Option<SnippetGenerator>,
    /// Exact words to look for first in a long text, rarest first.
    anchors: Vec<String>,
    /// The weight of each folded term (rarer weighs more).
    weights: BTreeMap<String, f32>,
}

impl Snippets {
    /// A generator for the folded `terms` of a query; rarer terms weigh more.
    pub fn new(stats: &dyn DocFreq, f: &Fields, terms: &[String]) -> Snippets {
        let mut weights = BTreeMap::new();
        for t in terms {
            if weights.contains_key(t) {
                continue;
            }
            let df = stats.doc_freq(&f.body_zone.term(t));
            weights.insert(t.clone(), 1.0 / (1.0 + df as f32));
        }
        if weights.is_empty() {
            return Snippets::none();
        }
        let analyzer = TextAnalyzer::from(ViTokenizer::new(Mode::Folded));
        Snippets {
            generator: Some(SnippetGenerator::new(weights.clone(), analyzer, f.body_zone.folded, MAX_CHARS)),
            anchors: Vec::new(),
            weights,
        }
    }

    /// Looks for the fragment of a long text around `words` first (exact, lower case; the
    /// rarer a word's folded form, the earlier it is tried).
    pub fn anchored(mut self, mut words: Vec<String>) -> Snippets {
        let weight = |w: &String| self.weights.get(&term(w, Mode::Folded)).copied().unwrap_or(0.0);
        words.sort_by(|a, b| weight(b).total_cmp(&weight(a)));
        words.truncate(2);
        self.anchors = words;
        self
    }

    /// No highlighting: snippets are the start of the text.
    pub fn none() -> Snippets {
        Snippets { generator: None, anchors: Vec::new(), weights: BTreeMap::new() }
    }

    /// `(html, plain)` for `text`.
    pub fn make(&self, text: &str) -> (String, String) {
        if let Some(g) = &self.generator {
            let mut windows = Vec::with_capacity(3);
            if text.len() > AROUND {
                for a in &self.anchors {
                    if let Some(at) = text.find(a.as_str()) {
                        windows.push(cut(text, at.saturating_sub(AROUND / 3), at + 2 * AROUND / 3));
                    }
                }
            }
            windows.push(cut(text, 0, MAX_SCAN));
            let s = windows
                .into_iter()
                .map(|w| g.snippet(w))
                .find(|s| !s.is_empty() && !s.highlighted().is_empty());
            if let Some(s) = s {
                let frag = s.fragment();
                let mut html = String::with_capacity(frag.len() + 32);
                let mut at = 0;
                for r in s.highlighted() {
                    html.push_str(&escape_html(&frag[at..r.start]));
                    html.push_str("<mark>");
                    html.push_str(&escape_html(&frag[r.start..r.end]));
                    html.push_str("</mark>");
                    at = r.end;
                }
                html.push_str(&escape_html(&frag[at..]));
                return (html, frag.to_string());
            }
        }
        let plain = lead(text, MAX_CHARS);
        (escape_html(&plain), plain)
    }
}

/// `text[from..to]`, both ends moved back to character boundaries (and clamped to the text).
fn cut(text: &str, from: usize, to: usize) -> &str {
    let back = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    &text[back(from)..back(to)]
}

/// The start of `text`, cut at a word boundary, at most `max` bytes (plus "…").
pub fn lead(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if let Some(sp) = text[..end].rfind(char::is_whitespace) {
        end = sp;
    }
    format!("{}…", text[..end].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_cuts() {
        assert_eq!(escape_html("<script>a&b</script>"), "&lt;script&gt;a&amp;b&lt;/script&gt;");
        assert_eq!(lead("một hai ba", 7), "một…");
        assert_eq!(lead("ngắn", 100), "ngắn");
        assert_eq!(cut("đất đai", 0, 2), "đ");
        assert_eq!(cut("đất đai", 1, 100), "đất đai");
    }
}
