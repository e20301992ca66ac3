//! The FAQ filter: which questions match what the reader typed.

/// True when every word of `query` appears (case-insensitively) in one of the
/// `texts`. An empty query matches everything.
pub fn matches(query: &str, texts: &[&str]) -> bool {
    let haystack: String = texts.join(" \u{1f} ").to_lowercase();
    query
        .split_whitespace()
        .map(str::to_lowercase)
        .all(|word| haystack.contains(&word))
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn every_word_must_appear_in_any_text() {
        let texts = ["Why did the stock fall?", "Margin guidance of 36–38%"];
        assert!(matches("", &texts));
        assert!(matches("  STOCK  margin ", &texts));
        assert!(matches("36–38%", &texts));
        assert!(!matches("stock dividend", &texts));
    }
}
