//! Query strings and form bodies (`application/x-www-form-urlencoded`), parsed by hand so that
//! repeated keys (`/in?a=…&a=…`) work and every failure is a clear 400: invalid percent
//! escapes or UTF-8, an overlong query string, a field given twice where one is expected.
//! Handlers read their parameters as one serde `Deserialize` struct each ([`Params::typed`],
//! or the [`Typed`] extractor); fields are strings or `Option<String>`, and typed values
//! (`DocType`, `Status`: their `FromStr`) are read from them with the handler's message.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use super::error::AppError;
use super::limits::MAX_QUERY_STRING;

/// The parsed pairs, in order.
#[derive(Debug, Default, Clone)]
pub struct Params(pub Vec<(String, String)>);

impl Params {
    /// Parses a query string (without `?`); `None` is the empty query.
    pub fn parse_query(raw: Option<&str>) -> Result<Params, AppError> {
        let raw = raw.unwrap_or("");
        if raw.len() > MAX_QUERY_STRING {
            return Err(AppError::new(
                axum::http::StatusCode::URI_TOO_LONG,
                "query_too_long",
                format!("Chuỗi truy vấn quá dài (tối đa {MAX_QUERY_STRING} byte)."),
            ));
        }
        Params::parse(raw.as_bytes())
    }

    /// Parses a form body or query string.
    pub fn parse(raw: &[u8]) -> Result<Params, AppError> {
        let mut out = Vec::new();
        for pair in raw.split(|&b| b == b'&') {
            if pair.is_empty() {
                continue;
            }
            let (k, v) = match pair.iter().position(|&b| b == b'=') {
                Some(i) => (&pair[..i], &pair[i + 1..]),
                None => (pair, &b""[..]),
            };
            out.push((decode(k)?, decode(v)?));
        }
        Ok(Params(out))
    }

    /// The parameters as the struct `T`: each key once (a key given twice with different
    /// values is a 400, as for [`Params::one`]), values trimmed, empty ones left out; unknown
    /// keys are ignored.
    pub fn typed<T: DeserializeOwned>(&self) -> Result<T, AppError> {
        let mut map = serde_json::Map::new();
        for (k, _) in &self.0 {
            if map.contains_key(k) {
                continue;
            }
            if let Some(v) = self.one(k)? {
                map.insert(k.clone(), serde_json::Value::String(v.to_string()));
            }
        }
        serde_json::from_value(serde_json::Value::Object(map))
            .map_err(|e| AppError::bad_request("bad_parameter", format!("Tham số không hợp lệ: {e}.")))
    }

    /// The single value of `key` (`None` if absent or empty after trimming); given twice
    /// with different values is a 400.
    pub fn one(&self, key: &str) -> Result<Option<&str>, AppError> {
        let mut found: Option<&str> = None;
        for (k, v) in &self.0 {
            if k == key {
                let v = v.trim();
                match found {
                    Some(f) if f != v => {
                        return Err(AppError::bad_request(
                            "duplicate_parameter",
                            format!("Tham số “{key}” xuất hiện nhiều lần."),
                        ))
                    }
                    _ => found = Some(v),
                }
            }
        }
        Ok(found.filter(|v| !v.is_empty()))
    }

    /// Every value of `key`, in order.
    pub fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0.iter().filter(move |(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// A positive integer parameter within `1..=max`; absent → `default` ([`number`]).
    pub fn number(&self, key: &str, default: usize, max: usize) -> Result<usize, AppError> {
        number(key, self.one(key)?, default, max)
    }
}

/// The value `v` of parameter `key` as a positive integer within `1..=max`; absent →
/// `default`; anything else a 400 naming the parameter.
pub fn number(key: &str, v: Option<&str>, default: usize, max: usize) -> Result<usize, AppError> {
    match v {
        None => Ok(default),
        Some(v) => match v.parse::<usize>() {
            Ok(n) if (1..=max).contains(&n) => Ok(n),
            _ => Err(AppError::bad_request(
                "bad_parameter",
                format!("Tham số “{key}” phải là số nguyên từ 1 đến {max}."),
            )),
        },
    }
}

/// Extracts the query string as the struct `T` ([`Params::typed`]); a failure is the
/// handler's 400 (JSON under `/api`, a page elsewhere: the handler's error type decides).
#[derive(Debug)]
pub struct Typed<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Typed<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        Params::parse_query(parts.uri.query())?.typed().map(Typed)
    }
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes one component: `+` is a space, `%XX` a byte; the result must be UTF-8.
pub fn decode(raw: &[u8]) -> Result<String, AppError> {
    let bad = || AppError::bad_request("bad_encoding", "Tham số không đúng mã hoá URL/UTF-8.");
    let mut bytes = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'+' => bytes.push(b' '),
            b'%' => {
                let h = raw.get(i + 1).copied().and_then(hex).ok_or_else(bad)?;
                let l = raw.get(i + 2).copied().and_then(hex).ok_or_else(bad)?;
                bytes.push(h * 16 + l);
                i += 2;
            }
            b => bytes.push(b),
        }
        i += 1;
    }
    String::from_utf8(bytes).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_pairs() {
        let p = Params::parse_query(Some("q=d%C3%A2n+ch%E1%BB%A7&a=x:1&a=y:2&empty=&flag")).unwrap();
        assert_eq!(p.one("q").unwrap(), Some("dân chủ"));
        assert_eq!(p.all("a").collect::<Vec<_>>(), ["x:1", "y:2"]);
        assert_eq!(p.one("empty").unwrap(), None);
        assert_eq!(p.one("missing").unwrap(), None);
        assert_eq!(p.number("page", 1, 10).unwrap(), 1);
    }

    #[test]
    fn reads_a_struct() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Q {
            q: Option<String>,
            #[serde(rename = "type")]
            kind: Option<String>,
        }
        let rows = [
            ("q=+a+&type=luat&other=1", Q { q: Some("a".into()), kind: Some("luat".into()) }),
            ("q=&q=", Q { q: None, kind: None }),
            ("q=x&q=x", Q { q: Some("x".into()), kind: None }),
        ];
        for (raw, want) in rows {
            assert_eq!(Params::parse_query(Some(raw)).unwrap().typed::<Q>().unwrap(), want, "{raw}");
        }
        let e = Params::parse_query(Some("q=a&q=b")).unwrap().typed::<Q>().unwrap_err();
        assert_eq!(e.code, "duplicate_parameter");
    }

    #[test]
    fn rejects_bad_input() {
        let rows = ["q=%", "q=%zz", "q=%C3", "q=%FF%FE"];
        for raw in rows {
            let e = Params::parse_query(Some(raw)).unwrap_err();
            assert_eq!(e.code, "bad_encoding", "{raw}");
        }
        let p = Params::parse_query(Some("page=0&per_page=x&q=a&q=b")).unwrap();
        assert_eq!(p.number("page", 1, 10).unwrap_err().code, "bad_parameter");
        assert_eq!(p.number("per_page", 1, 10).unwrap_err().code, "bad_parameter");
        assert_eq!(p.one("q").unwrap_err().code, "duplicate_parameter");
        let long = "q=".to_string() + &"a".repeat(MAX_QUERY_STRING);
        assert_eq!(Params::parse_query(Some(&long)).unwrap_err().code, "query_too_long");
    }
}
