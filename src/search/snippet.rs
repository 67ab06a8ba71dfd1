//! Snippets: the best fragment of an article's text for the query's words, as HTML (escaped,
//! matches in `<mark>`) and as plain text. Matching is on folded syllables, so "bau" marks
//! "bầu"; the fragment is chosen by Tantivy's snippet generator over our tokenizer.
//!
//! Only the first [`MAX_SCAN`] bytes of a text are read for the fragment: tokenizing a whole
//! long article (an appendix of 100 KB) for its snippet cost more than the search itself,
//! and a served search makes ten of them. A text whose matches all lie further on shows its
//! start.

use std::collections::BTreeMap;

use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

use crate::index::analysis::{Mode, ViTokenizer};
use crate::index::schema::Fields;

/// Longest fragment, in bytes.
pub const MAX_CHARS: usize = 240;

/// Most bytes of a text searched for the fragment (see the module doc).
pub const MAX_SCAN: usize = 8 * 1024;

/// Escapes text for HTML (element content and attribute values).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Makes snippets for one query.
pub struct Snippets {
    generator: Option<SnippetGenerator>,
}

impl Snippets {
    /// A generator for the folded `terms` of a query; rarer terms weigh more.
    pub fn new(searcher: &tantivy::Searcher, f: &Fields, terms: &[String]) -> Snippets {
        let mut weights = BTreeMap::new();
        for t in terms {
            let df = searcher.doc_freq(&Term::from_field_text(f.body_zone.folded, t)).unwrap_or(0);
            weights.insert(t.clone(), 1.0 / (1.0 + df as f32));
        }
        if weights.is_empty() {
            return Snippets { generator: None };
        }
        let analyzer = TextAnalyzer::from(ViTokenizer::new(Mode::Folded));
        Snippets { generator: Some(SnippetGenerator::new(weights, analyzer, f.body_zone.folded, MAX_CHARS)) }
    }

    /// No highlighting: snippets are the start of the text.
    pub fn none() -> Snippets {
        Snippets { generator: None }
    }

    /// `(html, plain)` for `text`.
    pub fn make(&self, text: &str) -> (String, String) {
        if let Some(g) = &self.generator {
            let mut end = text.len().min(MAX_SCAN);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let s = g.snippet(&text[..end]);
            if !s.is_empty() && !s.highlighted().is_empty() {
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
    }
}
