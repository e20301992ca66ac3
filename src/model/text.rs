//! Texts of the dataset may name figures as `{figure-id}`; the page shows the
//! figure there, with its basis and its sign (`−$14.0M`, `+94%`). Where the
//! words already give the direction ("a drop of", "growth of"), the text
//! writes `{figure-id:abs}` and the page shows the magnitude (`$14.0M`,
//! `94%`), so the sign is not said twice. A text may also mark a glossary
//! term as `[[words]]` (the words are the term or one of its aliases) or
//! `[[words|term-id]]`; the page lets the reader open its definition there.
//! This splits a text into its parts and says which words give a direction.

/// A piece of a text: words, or a reference to a figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Words(&'a str),
    /// `{id}`: the figure with its sign.
    Figure(&'a str),
    /// `{id:abs}`: the figure's magnitude, for words that give the direction.
    Magnitude(&'a str),
    /// `[[words]]` or `[[words|term-id]]`: words that name a glossary term.
    Term {
        words: &'a str,
        /// The term's id, when the mark names it.
        id: Option<&'a str>,
    },
}

impl Segment<'_> {
    /// The part as a text writes it: `words`, `{id}`, `{id:abs}`,
    /// `[[words]]` or `[[words|id]]`.
    pub fn source(&self) -> String {
        match self {
            Segment::Words(w) => w.to_string(),
            Segment::Figure(id) => format!("{{{id}}}"),
            Segment::Magnitude(id) => format!("{{{id}:abs}}"),
            Segment::Term { words, id: None } => format!("[[{words}]]"),
            Segment::Term {
                words,
                id: Some(id),
            } => format!("[[{words}|{id}]]"),
        }
    }

    /// The words a reader sees for this part, when it is not a figure.
    pub fn words(&self) -> Option<&str> {
        match self {
            Segment::Words(w) | Segment::Term { words: w, .. } => Some(w),
            Segment::Figure(_) | Segment::Magnitude(_) => None,
        }
    }
}

/// Words that say which way a figure moved: a signed figure right after one
/// of them says its sign twice ("a drop of −9 pts").
pub const DIRECTION_WORDS: [&str; 46] = [
    "drop",
    "drops",
    "dropped",
    "fall",
    "falls",
    "fell",
    "falling",
    "fallen",
    "lose",
    "loses",
    "lost",
    "losing",
    "loss",
    "back",
    "decline",
    "declines",
    "declined",
    "declining",
    "down",
    "up",
    "rise",
    "rises",
    "rose",
    "rising",
    "grow",
    "grows",
    "grew",
    "growing",
    "growth",
    "gain",
    "gains",
    "gained",
    "increase",
    "increased",
    "decrease",
    "decreased",
    "jump",
    "jumped",
    "slide",
    "slid",
    "shrink",
    "shrank",
    "climb",
    "climbed",
    "sank",
    "surge",
];

/// Words that may stand between a direction word and its figure ("a drop
/// of about {x}", "up by {x}").
const LINKING: [&str; 9] = [
    "of", "by", "to", "about", "roughly", "nearly", "almost", "some", "a",
];

/// The direction word that the words before a reference end with, if any:
/// "a margin falling " → `falling`; "a drop of " → `drop`.
pub fn direction_before(words: &str) -> Option<&'static str> {
    let lower = words.to_lowercase();
    let mut tail = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev();
    for _ in 0..3 {
        let word = tail.next()?;
        if let Some(d) = DIRECTION_WORDS.iter().find(|d| **d == word) {
            return Some(d);
        }
        if !LINKING.contains(&word) {
            return None;
        }
    }
    None
}

/// Where a text writes a money amount or a percentage by hand (`$12`,
/// `7%`, `7 percent`) instead of naming the figure: the hand-written part.
pub fn hand_written_number(words: &str) -> Option<String> {
    let chars: Vec<char> = words.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let digit_at = |j: usize| chars.get(j).is_some_and(|c| c.is_ascii_digit());
        if c == '$' && digit_at(i + 1) {
            let end = (i + 1..chars.len())
                .find(|&j| {
                    !(chars[j].is_ascii_alphanumeric() || chars[j] == '.' || chars[j] == ',')
                })
                .unwrap_or(chars.len());
            return Some(chars[i..end].iter().collect());
        }
        if c.is_ascii_digit() {
            let mut j = i + 1;
            while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '.') {
                j += 1;
            }
            let rest: String = chars[j..].iter().take(9).collect();
            let starts_number =
                i == 0 || !(chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '.');
            if starts_number
                && (rest.starts_with('%') || rest.starts_with(" %") || rest.starts_with(" percent"))
            {
                return Some(chars[i..j].iter().collect::<String>() + "%");
            }
        }
    }
    None
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Splits `text` at each `{id}` and each `[[term]]`; braces or brackets
/// around anything else stay words.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut words_from = 0;
    let mut at = 0;
    while at < rest.len() {
        let tail = &rest[at..];
        let found = if tail.starts_with('{') {
            tail.find('}').and_then(|close| {
                let inner = &tail[1..close];
                let (id, magnitude) = match inner.strip_suffix(":abs") {
                    Some(id) => (id, true),
                    None => (inner, false),
                };
                is_id(id).then_some((
                    if magnitude {
                        Segment::Magnitude(id)
                    } else {
                        Segment::Figure(id)
                    },
                    close + 1,
                ))
            })
        } else if tail.starts_with("[[") {
            tail.find("]]").and_then(|close| {
                let inner = &tail[2..close];
                let (words, id) = match inner.split_once('|') {
                    Some((w, id)) => (w, Some(id)),
                    None => (inner, None),
                };
                let plain = !words.trim().is_empty()
                    && !words.contains(['[', ']', '{', '}', '|'])
                    && id.is_none_or(is_id);
                plain.then_some((Segment::Term { words, id }, close + 2))
            })
        } else {
            None
        };
        match found {
            Some((segment, len)) => {
                if at > words_from {
                    out.push(Segment::Words(&rest[words_from..at]));
                }
                out.push(segment);
                rest = &rest[at + len..];
                at = 0;
                words_from = 0;
            }
            None => at += tail.chars().next().map_or(1, char::len_utf8),
        }
    }
    if !rest.is_empty() {
        out.push(Segment::Words(rest));
    }
    out
}

/// The figure ids a text names.
pub fn references(text: &str) -> impl Iterator<Item = &str> {
    segments(text).into_iter().filter_map(|s| match s {
        Segment::Figure(id) | Segment::Magnitude(id) => Some(id),
        Segment::Words(_) | Segment::Term { .. } => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_and_figures() {
        assert_eq!(
            segments("Revenue was {revenue}, up {growth}."),
            vec![
                Segment::Words("Revenue was "),
                Segment::Figure("revenue"),
                Segment::Words(", up "),
                Segment::Figure("growth"),
                Segment::Words("."),
            ]
        );
    }

    #[test]
    fn leaves_other_braces_and_unclosed_ones_as_words() {
        let text = "a {Not An Id} b {open";
        let joined: String = segments(text)
            .iter()
            .map(|s| match s {
                Segment::Words(w) => *w,
                _ => panic!("no figure or term here"),
            })
            .collect();
        assert_eq!(joined, text);
        assert_eq!(
            references("{a}{b-2:abs}").collect::<Vec<_>>(),
            vec!["a", "b-2"]
        );
    }

    #[test]
    fn terms_are_marked_with_double_brackets() {
        assert_eq!(
            segments("The [[GAAP]] loss of {x:abs}, [[adjusted|non-gaap]]."),
            vec![
                Segment::Words("The "),
                Segment::Term {
                    words: "GAAP",
                    id: None
                },
                Segment::Words(" loss of "),
                Segment::Magnitude("x"),
                Segment::Words(", "),
                Segment::Term {
                    words: "adjusted",
                    id: Some("non-gaap")
                },
                Segment::Words("."),
            ]
        );
        // Not marks: empty words, a bad id, an unclosed pair, single brackets.
        for text in ["[[ ]]", "[[a|Not Id]]", "[[open", "[a] b", "[[{x}]]"] {
            assert!(
                segments(text)
                    .iter()
                    .all(|s| !matches!(s, Segment::Term { .. })),
                "{text}"
            );
        }
        let text = "a [[b|c]] {d} {e:abs} é[[f]]";
        let again: String = segments(text).iter().map(Segment::source).collect();
        assert_eq!(again, text, "each part writes itself back as it was");
    }

    #[test]
    fn the_magnitude_form_is_its_own_segment() {
        assert_eq!(
            segments("a drop of {x:abs}"),
            vec![Segment::Words("a drop of "), Segment::Magnitude("x")]
        );
        assert_eq!(segments("{x:ABS}"), vec![Segment::Words("{x:ABS}")]);
    }

    #[test]
    fn direction_words_are_found_before_a_reference() {
        assert_eq!(direction_before("a drop of "), Some("drop"));
        assert_eq!(direction_before("a margin falling "), Some("falling"));
        assert_eq!(direction_before("the GAAP loss of "), Some("loss"));
        assert_eq!(direction_before("implies growth of ~"), Some("growth"));
        assert_eq!(direction_before("Revenue was "), None);
        assert_eq!(direction_before("up from "), None, "a level, not a move");
        assert_eq!(direction_before(""), None);
    }

    #[test]
    fn hand_written_amounts_and_percentages_are_found() {
        assert_eq!(
            hand_written_number("about $20B in orders").as_deref(),
            Some("$20B")
        );
        assert_eq!(hand_written_number("a 7% move").as_deref(), Some("7%"));
        assert_eq!(
            hand_written_number("up 12.5 percent").as_deref(),
            Some("12.5%")
        );
        for fine in [
            "Q1 2026",
            "750 MW of capacity",
            "the 2 chip families",
            "CS-3",
            "24/7",
        ] {
            assert_eq!(hand_written_number(fine), None, "{fine}");
        }
    }
}
