//! The binary container of a generation's tables (`catalog.bin`, `validity.bin`): what is
//! derived at build time, stored so that a command opens it without recomputing or parsing
//! more than it reads. One layout for every such file:
//!
//! ```text
//! magic (8 bytes: "CANCU" + 3 letters naming the table) · version (u32 LE)
//! · XXH3-64 of everything after the header (u64 LE) · length of the table (u64 LE)
//! · the table (postcard) · the records (one JSON value each, addressed by the table)
//! ```
//!
//! The table holds fixed-shape types only (postcard is not self-describing, so no
//! `skip_serializing_if`); records keep their serde JSON form, so that a record type with
//! optional fields needs no mirror, and are decoded one by one when asked for. [`open`]
//! checks magic, version and checksum and names the file in every error: a generation made
//! by another cancu, or a file changed or cut, is refused with "run `cancu index`".

use std::path::Path;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::{Error, Result};

const HEADER: usize = 8 + 4 + 8 + 8;

/// A packed file read and checked: its table and the bytes of its records.
#[derive(Debug)]
pub struct Packed<T> {
    pub table: T,
    /// Everything after the table: the records, which the table addresses by offset.
    pub records: Vec<u8>,
}

/// The bytes of a packed file: `magic` (8 bytes), `version`, the `table` and the `records`
/// (the table gives their offsets into this slice).
pub fn encode<T: Serialize>(magic: &[u8; 8], version: u32, table: &T, records: &[u8]) -> Result<Vec<u8>> {
    let table = postcard::to_allocvec(table).map_err(|e| Error::Index(format!("bảng nhị phân: {e}")))?;
    let mut body = Vec::with_capacity(8 + table.len() + records.len());
    body.extend_from_slice(&(table.len() as u64).to_le_bytes());
    body.extend_from_slice(&table);
    body.extend_from_slice(records);
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(magic);
    out.extend_from_slice(&version.to_le_bytes());
    out.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&body).to_le_bytes());
    out.extend_from_slice(&body);
    Ok(out)
}

/// Writes a packed file at `path` (a temporary file beside it, then renamed).
pub fn write<T: Serialize>(
    path: &Path,
    magic: &[u8; 8],
    version: u32,
    table: &T,
    records: &[u8],
) -> Result<()> {
    let bytes = encode(magic, version, table, records)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = crate::replace::temp_in(dir, ".packed-", "")?;
    std::io::Write::write_all(tmp.as_file_mut(), &bytes).map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// Reads the packed file at `path`: its magic must be `magic`, its version `version`, its
/// checksum that of its bytes. Errors name the file: missing or unreadable, not such a file,
/// another version (rebuild the index), changed or cut.
pub fn read<T: DeserializeOwned>(path: &Path, magic: &[u8; 8], version: u32) -> Result<Packed<T>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    decode(path, bytes, magic, version)
}

/// [`read`] of bytes already read from `path` (named in the errors).
pub fn decode<T: DeserializeOwned>(
    path: &Path,
    mut bytes: Vec<u8>,
    magic: &[u8; 8],
    version: u32,
) -> Result<Packed<T>> {
    let bad = |why: String| Error::format(path, format!("{why}; hãy lập lại chỉ mục (cancu index)"));
    if bytes.len() < HEADER || &bytes[..8] != magic {
        return Err(bad("không phải tệp bảng của cancu hoặc tệp bị hỏng".into()));
    }
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
    let found = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
    if found != version {
        return Err(bad(format!("định dạng phiên bản {found}, bản cancu này đọc phiên bản {version}")));
    }
    let sum = word(12);
    if xxhash_rust::xxh3::xxh3_64(&bytes[HEADER - 8..]) != sum {
        return Err(bad("tệp đã bị thay đổi hoặc cắt cụt (sai tổng kiểm)".into()));
    }
    let len = usize::try_from(word(HEADER - 8)).unwrap_or(usize::MAX);
    let table_bytes =
        bytes.get(HEADER..HEADER.saturating_add(len)).ok_or_else(|| bad("bảng bị cắt cụt".into()))?;
    let table: T =
        postcard::from_bytes(table_bytes).map_err(|e| bad(format!("bảng không đọc được ({e})")))?;
    bytes.drain(..HEADER + len);
    Ok(Packed { table, records: bytes })
}

/// Appends `value` as JSON to `records` and gives its span there (start, length).
pub fn push_json<V: Serialize>(records: &mut Vec<u8>, value: &V) -> Result<(u32, u32)> {
    let start = records.len();
    serde_json::to_writer(&mut *records, value).map_err(|e| Error::Index(format!("bản ghi: {e}")))?;
    let span = |n: usize| u32::try_from(n).map_err(|_| Error::Index("bảng quá lớn (quá 4 GiB)".into()));
    Ok((span(start)?, span(records.len() - start)?))
}

/// The JSON record at `span` of `records`.
pub fn json_at<V: DeserializeOwned>(path: &Path, records: &[u8], span: (u32, u32)) -> Result<V> {
    let (start, len) = (span.0 as usize, span.1 as usize);
    let bytes = records
        .get(start..start + len)
        .ok_or_else(|| Error::format(path, "bản ghi nằm ngoài tệp; hãy lập lại chỉ mục (cancu index)"))?;
    serde_json::from_slice(bytes).map_err(|e| Error::format(path, format!("bản ghi không đọc được ({e})")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAGIC: &[u8; 8] = b"CANCUTST";

    #[test]
    fn round_trip_and_refusals() {
        let mut records = Vec::new();
        let a = push_json(&mut records, &vec!["một", "hai"]).unwrap();
        let b = push_json(&mut records, &"ba").unwrap();
        let table: Vec<(String, (u32, u32))> = vec![("a".into(), a), ("b".into(), b)];
        let bytes = encode(MAGIC, 3, &table, &records).unwrap();
        let path = Path::new("gen/test.bin");
        let p: Packed<Vec<(String, (u32, u32))>> = decode(path, bytes.clone(), MAGIC, 3).unwrap();
        assert_eq!(p.table, table);
        assert_eq!(json_at::<Vec<String>>(path, &p.records, a).unwrap(), vec!["một", "hai"]);
        assert_eq!(json_at::<String>(path, &p.records, b).unwrap(), "ba");

        // Each damage: (bytes, words the error must hold besides the file name).
        let mut flipped = bytes.clone();
        *flipped.last_mut().unwrap() ^= 1;
        let mut other_magic = bytes.clone();
        other_magic[..8].copy_from_slice(b"CANCUXXX");
        let rows: Vec<(Vec<u8>, u32, &str)> = vec![
            (bytes.clone(), 4, "phiên bản 3"),
            (flipped, 3, "tổng kiểm"),
            (bytes[..bytes.len() - 1].to_vec(), 3, "tổng kiểm"),
            (bytes[..10].to_vec(), 3, "bị hỏng"),
            (other_magic, 3, "bị hỏng"),
            (b"{\"version\":2}".to_vec(), 3, "bị hỏng"),
        ];
        for (damaged, version, why) in rows {
            let e =
                decode::<Vec<(String, (u32, u32))>>(path, damaged, MAGIC, version).unwrap_err().to_string();
            assert!(e.contains("test.bin") && e.contains(why) && e.contains("cancu index"), "{e}");
        }
    }
}
