//! The FAQ filter: which questions match what the reader typed.

/// True when every word of `query` appears in one of the `texts`, letter
/// case aside. An empty query matches everything.
pub fn matches(query: &str, texts: &[&str]) -> bool {
    let texts: Vec<String> = texts.iter().map(|t| t.to_lowercase()).collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    matches_folded(&query.to_lowercase(), &texts)
}

/// [`matches`] for a query and texts already in lower case. The browser
/// lowers them with its own Unicode tables (`String.prototype.toLowerCase`),
/// so the wasm carries none (they weighed about 8 KB brotli).
pub fn matches_folded(query: &str, texts: &[&str]) -> bool {
    query
        .split_whitespace()
        .all(|word| texts.iter().any(|text| text.contains(word)))
}

#[cfg(test)]
mod tests {
    use super::{matches, matches_folded};

    #[test]
    fn every_word_must_appear_in_any_text() {
        let texts = ["Why did the stock fall?", "Margin guidance of 36–38%"];
        assert!(matches("", &texts));
        assert!(matches("  STOCK  margin ", &texts));
        assert!(matches("36–38%", &texts));
        assert!(!matches("stock dividend", &texts));
        assert!(
            matches("ÉCART", &["un écart de 3 %"]),
            "case folds beyond ASCII"
        );
    }

    #[test]
    fn folded_texts_match_as_they_are() {
        assert!(matches_folded("gross margin", &["gross", "margin fell"]));
        assert!(
            !matches_folded("Gross", &["gross"]),
            "the caller folds the case"
        );
    }
}
