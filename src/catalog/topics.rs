//! The 45 chủ đề (topics) of the Bộ pháp điển, by number — the first component of a đề mục
//! code ("44" of "44.13"). The dump names each đề mục in its `<h3>` but not the chủ đề (its
//! tree file is missing), so the names are facts recorded by hand in `data/chu-de.tsv`, each
//! row with its source (the Pháp điển portal's topic list), and compiled into the binary.

use std::sync::LazyLock;

/// The recorded table: `(number, name, source)` rows of `data/chu-de.tsv`, comments skipped.
static TOPICS: LazyLock<Vec<(u32, &'static str, &'static str)>> = LazyLock::new(|| {
    include_str!("../../data/chu-de.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut c = l.split('\t');
            Some((c.next()?.trim().parse().ok()?, c.next()?.trim(), c.next()?.trim()))
        })
        .collect()
});

/// The name of chủ đề `n` ("44" → "Xây dựng pháp luật và thi hành pháp luật"), or `None`
/// for a number the table does not hold.
pub fn chu_de_name(n: &str) -> Option<&'static str> {
    let n: u32 = n.trim().parse().ok()?;
    TOPICS.iter().find(|(k, _, _)| *k == n).map(|(_, name, _)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_45_numbered_topics_with_sources() {
        assert_eq!(TOPICS.len(), 45);
        for (i, (n, name, source)) in TOPICS.iter().enumerate() {
            assert_eq!(*n as usize, i + 1, "numbered 1..45 in order");
            assert!(!name.is_empty() && source.starts_with("https://"), "{n}: {name} {source}");
        }
        let rows = [
            ("1", Some("An ninh quốc gia")),
            ("20", Some("Lao động")),
            ("44", Some("Xây dựng pháp luật và thi hành pháp luật")),
            ("45", Some("Y tế, dược")),
            ("46", None),
            ("x", None),
        ];
        for (n, want) in rows {
            assert_eq!(chu_de_name(n), want, "{n}");
        }
    }
}
