//! The FAQ filter: which questions match what the reader typed.
//!
//! A text matches when every word typed is found in it:
//! - at the start of one of its words, so a word is found as it is being
//!   typed ("marg" finds "margin") but never inside another ("eps" is not in
//!   "keeps");
//! - in its simple form: "shares" finds "share", "missed" finds "miss";
//! - or through the glossary: a term's names (its abbreviation, what it
//!   stands for, its aliases) find each other, so "EPS" finds "earnings per
//!   share" and "loss per share", and "stock-based compensation" finds "SBC".

/// Characters besides ASCII punctuation and spaces that part words.
const PARTS: [char; 11] = [
    '–', '—', '−', '\u{a0}', '‘', '’', '“', '”', '…', '×', '\u{2009}',
];

/// The words of a text already in lower case, in order. Letters and digits
/// of any script belong to words (without the wasm carrying Unicode tables);
/// ASCII punctuation, spaces and [`PARTS`] part them.
pub fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| (c.is_ascii() && !c.is_ascii_alphanumeric()) || PARTS.contains(&c))
        .filter(|w| !w.is_empty())
        .collect()
}

/// A word's simple form: without a plural or verb ending ("shares" →
/// "shar", "missed" → "miss", "guided" → "guid"), kept whole when short.
pub fn stem(word: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(rest) = word.strip_suffix(suffix) {
            if rest.chars().count() >= 3 && !(suffix == "s" && rest.ends_with('s')) {
                return rest;
            }
        }
    }
    word
}

/// Whether the typed word `typed` finds the text's word `word`.
fn finds(typed: &str, word: &str) -> bool {
    let simple = stem(typed);
    word.starts_with(simple) || stem(word) == simple
}

/// Whether the words `phrase` stand in `text` one after the other.
fn has_phrase(phrase: &[&str], text: &[&str]) -> bool {
    !phrase.is_empty()
        && text.windows(phrase.len()).any(|run| {
            run.iter()
                .zip(phrase)
                .all(|(word, typed)| finds(typed, word))
        })
}

/// True when every word of `query` is found (see the module's doc) in one
/// of the `texts`, letter case aside; `names` are the glossary's groups of
/// names for one term each. An empty query matches everything.
pub fn matches(query: &str, texts: &[&str], names: &[Vec<String>]) -> bool {
    let texts: Vec<String> = texts.iter().map(|t| t.to_lowercase()).collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let names: Vec<Vec<String>> = names
        .iter()
        .map(|group| group.iter().map(|n| n.to_lowercase()).collect())
        .collect();
    matches_folded(&query.to_lowercase(), &texts, &names)
}

/// [`matches`] for a query, texts and names already in lower case. The
/// browser lowers them with its own Unicode tables
/// (`String.prototype.toLowerCase`), so the wasm carries none (they weighed
/// about 8 KB brotli).
pub fn matches_folded(query: &str, texts: &[&str], names: &[Vec<String>]) -> bool {
    let typed = words(query);
    if typed.is_empty() {
        return true;
    }
    let texts: Vec<Vec<&str>> = texts.iter().map(|t| words(t)).collect();
    let groups: Vec<Vec<Vec<&str>>> = names
        .iter()
        .map(|group| group.iter().map(|n| words(n)).collect())
        .collect();
    let mut at = 0;
    while at < typed.len() {
        // The longest name of a term that the typed words spell from here.
        let named = groups
            .iter()
            .flat_map(|group| group.iter().map(move |name| (group, name)))
            .filter(|(_, name)| !name.is_empty() && typed[at..].starts_with(name.as_slice()))
            .max_by_key(|(_, name)| name.len());
        let (alternatives, used): (Vec<&[&str]>, usize) = match named {
            Some((group, name)) => (group.iter().map(Vec::as_slice).collect(), name.len()),
            None => (vec![&typed[at..=at]], 1),
        };
        let found = texts.iter().any(|text| {
            alternatives
                .iter()
                .any(|alternative| has_phrase(alternative, text))
        });
        if !found {
            return false;
        }
        at += used;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::{matches, matches_folded, stem, words};

    fn glossary() -> Vec<Vec<String>> {
        vec![
            vec!["EPS", "earnings per share", "loss per share"],
            vec!["SBC", "stock-based compensation"],
        ]
        .into_iter()
        .map(|g| g.into_iter().map(String::from).collect())
        .collect()
    }

    #[test]
    fn every_word_must_start_a_word_of_any_text() {
        let texts = ["Why did the stock fall?", "Margin guidance of 36–38%"];
        assert!(matches("", &texts, &[]));
        assert!(matches("  STOCK  margin ", &texts, &[]));
        assert!(matches("36–38%", &texts, &[]));
        assert!(matches("marg", &texts, &[]), "found as it is typed");
        assert!(!matches("stock dividend", &texts, &[]));
        assert!(!matches("argin", &texts, &[]), "never inside a word");
        assert!(
            matches("ÉCART", &["un écart de 3 %"], &[]),
            "case folds beyond ASCII"
        );
    }

    #[test]
    fn simple_forms_find_each_other() {
        assert!(matches("shares", &["the share price"], &[]));
        assert!(matches("share", &["the shares fell"], &[]));
        assert!(matches("missed", &["a miss"], &[]));
        assert!(matches("guided", &["the guidance"], &[]));
        assert_eq!(stem("eps"), "eps");
        assert_eq!(stem("loss"), "loss");
        assert_eq!(words("non-gaap, −$0.16"), ["non", "gaap", "0", "16"]);
    }

    #[test]
    fn the_glossary_names_find_each_other() {
        let g = glossary();
        let keeps = ["Management keeps the steps of its margin plan"];
        assert!(!matches("EPS", &keeps, &g), "not inside 'keeps' or 'steps'");
        assert!(matches("EPS", &["No non-GAAP earnings per share"], &g));
        assert!(matches("eps", &["a loss per share of −$0.22"], &g));
        assert!(matches("earnings per share", &["EPS missed"], &g));
        assert!(matches("stock-based compensation", &["adds back SBC"], &g));
        assert!(matches(
            "sbc loss",
            &["stock-based compensation", "net loss"],
            &g
        ));
        assert!(!matches("sbc", &["stock prices"], &g));
    }

    #[test]
    fn folded_texts_match_as_they_are() {
        assert!(matches_folded(
            "gross margin",
            &["gross", "margin fell"],
            &[]
        ));
        assert!(
            !matches_folded("Gross", &["gross"], &[]),
            "the caller folds the case"
        );
    }
}

#[cfg(test)]
mod props {
    use super::{matches, words};
    use proptest::prelude::*;

    fn names() -> Vec<Vec<String>> {
        vec![
            vec!["EPS".into(), "earnings per share".into()],
            vec!["ab".into(), "a b".into()],
        ]
    }

    proptest! {
        /// Whatever the reader types and whatever the texts hold, the filter
        /// answers without a panic; no query is empty of meaning by accident:
        /// an empty one matches everything.
        #[test]
        fn any_query_over_any_text_answers(query in "\\PC{0,40}", text in "\\PC{0,200}") {
            let _ = matches(&query, &[&text], &names());
            prop_assert!(matches("", &[&text], &names()));
            prop_assert!(matches(" \t ", &[&text], &names()));
        }

        /// Every word of a text finds that text, typed whole or in any case.
        #[test]
        fn a_text_is_found_by_its_own_words(text in "[a-zA-Z0-9 .,%–-]{1,120}") {
            for word in words(&text.to_lowercase()) {
                prop_assert!(matches(word, &[&text], &names()), "{word:?} in {text:?}");
                prop_assert!(matches(&word.to_uppercase(), &[&text], &names()));
            }
        }
    }
}
