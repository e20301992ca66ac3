//! Texts of the dataset may name figures as `{figure-id}`; the page shows the
//! figure there, with its basis. This splits a text into its parts.

/// A piece of a text: words, or a reference to a figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Words(&'a str),
    Figure(&'a str),
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Splits `text` at each `{id}`; braces around anything else stay words.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 1..close];
        if is_id(inner) {
            if open > 0 {
                out.push(Segment::Words(&rest[..open]));
            }
            out.push(Segment::Figure(inner));
        } else {
            out.push(Segment::Words(&rest[..=close]));
        }
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Segment::Words(rest));
    }
    out
}

/// The figure ids a text names.
pub fn references(text: &str) -> impl Iterator<Item = &str> {
    segments(text).into_iter().filter_map(|s| match s {
        Segment::Figure(id) => Some(id),
        Segment::Words(_) => None,
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
                Segment::Figure(_) => panic!("no figure here"),
            })
            .collect();
        assert_eq!(joined, text);
        assert_eq!(references("{a}{b-2}").collect::<Vec<_>>(), vec!["a", "b-2"]);
    }
}
