//! What the address and the islands need to know of a report, and no more:
//! its name, which cards, answers and sections it has, the titles a view's
//! title is made of, and which cards follow the basis. The pre-render writes
//! it into every page (`<meta name="ee-catalogue">`), so the wasm reads it there
//! instead of carrying the report: the report's texts stay out of the wasm.
//!
//! The written form is lines of tab-separated fields (no JSON parser in the
//! wasm): `name`, `bridge`, `card <id> <title> [basis]`, `faq <id> <question>`,
//! `section <name>`, `term <name> <name>…`. [`Catalogue::decode`] skips any line it cannot use, so a
//! damaged attribute costs what it damages, never the page.

use super::section::Section;
use crate::model::Report;

/// A card as the address and the title know it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardEntry {
    pub id: String,
    pub title: String,
    /// The card has a non-GAAP form: it follows the basis switch.
    pub follows_basis: bool,
}

/// An answer as the address and the title know it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnswerEntry {
    pub id: String,
    /// The question as plain text.
    pub question: String,
}

/// The ids and titles of one report (see the module's doc).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalogue {
    /// "Cerebras Systems Q1 2026".
    pub name: String,
    /// The report has a reconciliation bridge.
    pub bridge: bool,
    pub cards: Vec<CardEntry>,
    pub answers: Vec<AnswerEntry>,
    /// The sections the report has, in page order.
    pub sections: Vec<Section>,
    /// The names of each glossary term that has more than one (its term,
    /// what it stands for, its aliases): the FAQ filter finds each by the
    /// others.
    pub terms: Vec<Vec<String>>,
}

/// Tabs and line breaks would end a field or a line: a field never holds one.
fn field(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Catalogue {
    /// The catalogue of a report.
    pub fn of(report: &Report) -> Catalogue {
        Catalogue {
            name: report.name(),
            bridge: report.reconciliation.is_some(),
            cards: report
                .cards
                .iter()
                .map(|c| CardEntry {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    follows_basis: c.non_gaap.is_some(),
                })
                .collect(),
            answers: report
                .faq
                .iter()
                .map(|q| AnswerEntry {
                    id: q.id.clone(),
                    question: report.plain_text(&q.question),
                })
                .collect(),
            sections: Section::ALL
                .into_iter()
                .filter(|s| s.present_in(report))
                .collect(),
            terms: report
                .glossary
                .iter()
                .map(|t| {
                    std::iter::once(&t.term)
                        .chain(&t.expansion)
                        .chain(&t.aliases)
                        .map(|n| field(n))
                        .filter(|n| !n.is_empty())
                        .collect::<Vec<_>>()
                })
                .filter(|names| names.len() > 1)
                .collect(),
        }
    }

    /// The card with this id.
    pub fn card(&self, id: &str) -> Option<&CardEntry> {
        self.cards.iter().find(|c| c.id == id)
    }

    /// The answer with this id.
    pub fn answer(&self, id: &str) -> Option<&AnswerEntry> {
        self.answers.iter().find(|q| q.id == id)
    }

    /// Whether the report has this section.
    pub fn has(&self, section: Section) -> bool {
        self.sections.contains(&section)
    }

    /// The written form (see the module's doc).
    pub fn encode(&self) -> String {
        let mut lines = vec![format!("name\t{}", field(&self.name))];
        if self.bridge {
            lines.push("bridge".into());
        }
        for c in &self.cards {
            let basis = if c.follows_basis { "\tbasis" } else { "" };
            lines.push(format!(
                "card\t{}\t{}{basis}",
                field(&c.id),
                field(&c.title)
            ));
        }
        for q in &self.answers {
            lines.push(format!("faq\t{}\t{}", field(&q.id), field(&q.question)));
        }
        for s in &self.sections {
            lines.push(format!("section\t{}", s.as_str()));
        }
        for names in &self.terms {
            let names: Vec<String> = names.iter().map(|n| field(n)).collect();
            lines.push(format!("term\t{}", names.join("\t")));
        }
        lines.join("\n")
    }

    /// Reads the written form; lines it cannot use are skipped.
    pub fn decode(text: &str) -> Catalogue {
        let mut out = Catalogue::default();
        for line in text.lines() {
            let mut fields = line.split('\t');
            let kind = fields.next().unwrap_or_default();
            if kind == "term" {
                let names: Vec<String> = fields
                    .filter(|n| !n.is_empty())
                    .map(str::to_string)
                    .collect();
                if names.len() > 1 {
                    out.terms.push(names);
                }
                continue;
            }
            let (a, b, c) = (fields.next(), fields.next(), fields.next());
            match (kind, a, b) {
                ("name", Some(name), _) => out.name = name.to_string(),
                ("bridge", _, _) => out.bridge = true,
                ("card", Some(id), Some(title)) if !id.is_empty() => out.cards.push(CardEntry {
                    id: id.to_string(),
                    title: title.to_string(),
                    follows_basis: c == Some("basis"),
                }),
                ("faq", Some(id), Some(question)) if !id.is_empty() => {
                    out.answers.push(AnswerEntry {
                        id: id.to_string(),
                        question: question.to_string(),
                    })
                }
                ("section", Some(name), _) => {
                    if let Some(s) = Section::parse(name).filter(|s| !out.sections.contains(s)) {
                        out.sections.push(s);
                    }
                }
                _ => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_form_reads_back_as_the_same_catalogue() {
        let catalogue = Catalogue::of(&crate::bundled::report());
        assert!(catalogue.card("net-loss").is_some_and(|c| c.follows_basis));
        assert!(catalogue.card("revenue").is_some_and(|c| !c.follows_basis));
        assert!(catalogue.answer("openai-deal").is_some());
        assert!(catalogue.bridge && catalogue.has(Section::Glossary));
        assert!(catalogue
            .terms
            .iter()
            .any(|names| names.contains(&"EPS".to_string())
                && names.contains(&"earnings per share".to_string())));
        assert_eq!(Catalogue::decode(&catalogue.encode()), catalogue);
    }

    #[test]
    fn a_field_never_holds_a_separator() {
        let catalogue = Catalogue {
            name: "A\tB\nC".into(),
            cards: vec![CardEntry {
                id: "x".into(),
                title: "Two\nlines".into(),
                follows_basis: true,
            }],
            ..Catalogue::default()
        };
        let read = Catalogue::decode(&catalogue.encode());
        assert_eq!(read.name, "A B C");
        assert_eq!(read.cards[0].title, "Two lines");
    }

    #[test]
    fn damaged_lines_are_skipped_and_the_rest_is_read() {
        let read = Catalogue::decode(
            "card\nfaq\t\tQ?\nsection\tnowhere\nsection\tfaq\ncard\tok\tOK\n\u{0}",
        );
        assert_eq!(read.cards.len(), 1);
        assert!(read.answers.is_empty());
        assert_eq!(read.sections, vec![Section::Faq]);
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text reads without a panic, and what it reads writes and
        /// reads back the same.
        #[test]
        fn any_text_reads_and_round_trips(text in "(?s).{0,400}") {
            let read = Catalogue::decode(&text);
            let again = Catalogue::decode(&read.encode());
            prop_assert_eq!(again.sections, read.sections);
            prop_assert_eq!(again.terms, read.terms);
            prop_assert_eq!(again.cards.len(), read.cards.iter().filter(|c| !field(&c.id).is_empty()).count());
        }

        #[test]
        fn lines_of_fields_read_without_a_panic(lines in prop::collection::vec(
            prop::collection::vec("[a-z\\- ]{0,8}|card|faq|section|name|basis|bridge|term", 0..5), 0..20)) {
            let text = lines.iter().map(|l| l.join("\t")).collect::<Vec<_>>().join("\n");
            let read = Catalogue::decode(&text);
            prop_assert!(read.cards.iter().all(|c| !c.id.is_empty()));
        }
    }
}
