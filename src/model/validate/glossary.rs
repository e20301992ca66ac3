//! The glossary: each term's names (the term and its aliases) name it alone,
//! its definition is a text, and its figure exists.

use std::collections::{HashMap, HashSet};

use super::super::dataset::Term;
use super::super::report::{fail, LoadError};
use super::fields::{non_empty, slug, unique};
use super::texts::Known;

/// Every term of the glossary.
pub(super) fn check(terms: &[Term], known: &Known) -> Result<(), LoadError> {
    let mut names: HashMap<String, &str> = HashMap::new();
    let mut ids = HashSet::new();
    for (i, t) in terms.iter().enumerate() {
        let at = format!("glossary[{i}]");
        slug(&format!("{at}.id"), &t.id)?;
        unique(&mut ids, &format!("{at}.id"), &t.id)?;
        non_empty(&format!("{at}.term"), &t.term)?;
        for (j, name) in std::iter::once(&t.term).chain(&t.aliases).enumerate() {
            let at_name = if j == 0 {
                format!("{at}.term")
            } else {
                format!("{at}.aliases[{}]", j - 1)
            };
            non_empty(&at_name, name)?;
            let other = names.insert(name.trim().to_lowercase(), &t.id);
            if let Some(other) = other.filter(|other| *other != t.id) {
                return fail(
                    at_name,
                    format!("'{name}' also names the term '{other}': a mark must name one term"),
                );
            }
        }
        known.text(&format!("{at}.definition"), &t.definition)?;
        if let Some(f) = &t.figure {
            known.figure(&format!("{at}.figure"), f)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use serde_json::json;

    #[test]
    fn a_name_names_one_term_and_a_term_its_figure() {
        let e = error_after(|d| {
            let term = d["glossary"][0]["term"].clone();
            d["glossary"][1]["aliases"] = json!([term]);
        });
        assert!(e.starts_with("glossary[1].aliases[0]:"), "{e}");
        assert!(e.contains("also names the term"), "{e}");
        let e = error_after(|d| d["glossary"][0]["figure"] = json!("no-such-figure"));
        assert_eq!(
            e,
            "glossary[0].figure: names figure 'no-such-figure', which is not in figures"
        );
        let e = error_after(|d| d["glossary"][0]["term"] = json!("  "));
        assert_eq!(e, "glossary[0].term: is empty");
    }
}
