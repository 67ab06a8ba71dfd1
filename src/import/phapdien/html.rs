//! A small, forgiving HTML scanner for the Pháp điển dump: tags and text in document order,
//! nothing more. The dump's HTML is broken in known ways (a `<p>` nested in `p.pNoiDung`, a
//! stray `<` in text: "Trung tâm <Ứng cứu"), and an HTML5 tree builder would reshape it; reading
//! tokens in order keeps every paragraph where the author put it, and is several times faster.
//! Only known tag names are tags: any other `<` is text.

/// One token of an HTML document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// An opening (or self-closing) tag: lower-case name and the raw attribute text.
    Start { name: &'a str, attrs: &'a str },
    /// A closing tag.
    End { name: &'a str },
    /// Raw text (entities not yet decoded, see [`decode`]).
    Text(&'a str),
}

/// Tag names the scanner recognises (lower case).
const TAGS: &[&str] = &[
    "a",
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "col",
    "colgroup",
    "div",
    "em",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "html",
    "i",
    "img",
    "input",
    "ins",
    "label",
    "li",
    "link",
    "meta",
    "o:p",
    "ol",
    "p",
    "s",
    "script",
    "small",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "tt",
    "u",
    "ul",
    "del",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "main",
    "pre",
    "code",
    "dl",
    "dt",
    "dd",
    "v:shape",
    "w:sdt",
];

/// Scans `src` into tokens.
pub fn tokens(src: &str) -> Tokens<'_> {
    Tokens { src, pos: 0 }
}

/// Iterator over the tokens of a document.
#[derive(Debug)]
pub struct Tokens<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let s = self.src;
        let bytes = s.as_bytes();
        while self.pos < s.len() {
            let start = self.pos;
            if bytes[start] != b'<' {
                let end = memchr(b'<', &bytes[start..]).map_or(s.len(), |i| start + i);
                self.pos = end;
                return Some(Token::Text(&s[start..end]));
            }
            let rest = &s[start..];
            if rest.starts_with("<!--") {
                self.pos = rest.find("-->").map_or(s.len(), |i| start + i + 3);
                continue;
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                self.pos = rest.find('>').map_or(s.len(), |i| start + i + 1);
                continue;
            }
            if let Some((tok, len)) = tag(rest) {
                self.pos = start + len;
                return Some(tok);
            }
            // A '<' that opens no known tag is text.
            let end = memchr(b'<', &bytes[start + 1..]).map_or(s.len(), |i| start + 1 + i);
            self.pos = end;
            return Some(Token::Text(&s[start..end]));
        }
        None
    }
}

fn memchr(b: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == b)
}

/// Reads a tag at the start of `s` (which starts with '<'): the token and its length.
fn tag(s: &str) -> Option<(Token<'_>, usize)> {
    let b = s.as_bytes();
    let closing = b.get(1) == Some(&b'/');
    let name_start = if closing { 2 } else { 1 };
    let name_len = b[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b':').count();
    if name_len == 0 {
        return None;
    }
    let name_end = name_start + name_len;
    match b.get(name_end) {
        Some(c) if c.is_ascii_whitespace() || *c == b'>' || *c == b'/' => {}
        _ => return None,
    }
    let raw_name = &s[name_start..name_end];
    let name = TAGS.iter().find(|t| t.eq_ignore_ascii_case(raw_name))?;
    // Find the closing '>' outside quotes.
    let mut quote: Option<u8> = None;
    let mut end = None;
    for (i, &c) in b.iter().enumerate().skip(name_end) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'\'' || c == b'"' => quote = Some(c),
            None if c == b'>' => {
                end = Some(i);
                break;
            }
            None => {}
        }
    }
    let end = end?;
    let tok = if closing {
        Token::End { name }
    } else {
        Token::Start { name, attrs: s[name_end..end].trim_end_matches('/') }
    };
    Some((tok, end + 1))
}

/// The value of attribute `name` in raw attribute text (quotes removed, entities decoded).
pub fn attr(attrs: &str, name: &str) -> Option<String> {
    let b = attrs.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let ns = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' {
            i += 1;
        }
        let key = &attrs[ns..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'\'' || b[i] == b'"') {
                let q = b[i];
                let vs = i + 1;
                i = vs + memchr(q, &b[vs..]).unwrap_or(b.len() - vs);
                value = &attrs[vs..i];
                i += 1;
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = &attrs[vs..i];
            }
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(decode(value));
        }
        if key.is_empty() {
            i += 1;
        }
    }
    None
}

/// Decodes character references (`&amp;`, `&nbsp;`, `&#160;`, `&#xA0;`); unknown ones stay.
pub fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).map(|e| e + 1);
        let decoded = match end {
            Some(e) if rest.as_bytes()[e] == b';' => {
                let name = &rest[1..e];
                let c = match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some(' '),
                    _ => name
                        .strip_prefix("#x")
                        .or_else(|| name.strip_prefix("#X"))
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                        .and_then(char::from_u32),
                };
                c.map(|c| (c, e + 1))
            }
            _ => None,
        };
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_text_and_stray_angles() {
        let toks: Vec<Token> = tokens("<p class='x'>a <Ứng b</p><!-- c --><br/>x&lt;1").collect();
        assert_eq!(
            toks,
            vec![
                Token::Start { name: "p", attrs: " class='x'" },
                Token::Text("a "),
                Token::Text("<Ứng b"),
                Token::End { name: "p" },
                Token::Start { name: "br", attrs: "" },
                Token::Text("x&lt;1"),
            ]
        );
    }

    #[test]
    fn attributes_and_entities() {
        assert_eq!(attr(" class='pDieu' name=\"a b\"", "name").as_deref(), Some("a b"));
        assert_eq!(attr(" href='x?a=1&amp;b=2' target=_blank", "href").as_deref(), Some("x?a=1&b=2"));
        assert_eq!(attr(" selected class=p", "class").as_deref(), Some("p"));
        assert_eq!(attr(" class='p'", "name"), None);
        assert_eq!(decode("a&amp;b&#160;c&#x41;&CN;&"), "a&b\u{a0}cA&CN;&");
    }
}
