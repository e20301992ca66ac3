//! The smallest rules, shared by the others: ids, dates, non-empty strings,
//! numbers and written values; and the file's header and its sources.

use std::collections::HashSet;

use super::super::dataset::{RawReport, RawValue, Source, SourceRef};
use super::super::decimal::Decimal;
use super::super::figure::Figure;
use super::super::format;
use super::super::quantity::{MoneyScale, Quantity, Unit, Value};
use super::super::report::{fail, LoadError, FORMAT};

/// The format, the company, the period and the dates.
pub(super) fn header(raw: &RawReport) -> Result<(), LoadError> {
    if raw.format != FORMAT {
        return fail(
            "format",
            format!("is {}, but this app reads format {FORMAT}", raw.format),
        );
    }
    non_empty("company.name", &raw.company.name)?;
    non_empty("company.ticker", &raw.company.ticker)?;
    non_empty("period", &raw.period)?;
    valid_date("released", &raw.released)?;
    valid_date("as_of", &raw.as_of)
}

/// The sources, each with an id of its own; returns their ids.
pub(super) fn sources(sources: &[Source]) -> Result<HashSet<&str>, LoadError> {
    let mut ids = HashSet::new();
    for (i, s) in sources.iter().enumerate() {
        let at = format!("sources[{i}]");
        slug(&format!("{at}.id"), &s.id)?;
        non_empty(&format!("{at}.title"), &s.title)?;
        valid_date(&format!("{at}.date"), &s.date)?;
        unique(&mut ids, &format!("{at}.id"), &s.id)?;
    }
    if sources.is_empty() {
        return fail("sources", "lists no source; every figure needs one");
    }
    Ok(ids)
}

/// A place in a source: a known document, and where in it.
pub(super) fn source_ref(known: &HashSet<&str>, at: &str, r: &SourceRef) -> Result<(), LoadError> {
    if !known.contains(r.doc.as_str()) {
        return fail(
            format!("{at}.doc"),
            format!("names '{}', which is not in sources", r.doc),
        );
    }
    non_empty(&format!("{at}.where"), &r.location)
}

/// An id not seen before in its list (`at` names the field).
pub(super) fn unique<'a>(
    seen: &mut HashSet<&'a str>,
    at: &str,
    id: &'a str,
) -> Result<(), LoadError> {
    if !seen.insert(id) {
        return fail(at, format!("'{id}' is used twice"));
    }
    Ok(())
}

pub(super) fn non_empty(at: &str, s: &str) -> Result<(), LoadError> {
    if s.trim().is_empty() {
        return fail(at, "is empty");
    }
    Ok(())
}

/// Ids appear in URLs: lowercase letters, digits and dashes only.
pub(super) fn slug(at: &str, s: &str) -> Result<(), LoadError> {
    let ok = !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !ok {
        return fail(
            at,
            format!("'{s}' is not an id (lowercase letters, digits and '-', at most 64)"),
        );
    }
    Ok(())
}

pub(super) fn valid_date(at: &str, s: &str) -> Result<(), LoadError> {
    if format::date(s).is_none() {
        return fail(
            at,
            format!("'{s}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY-MM-DDTHH:MMZ)"),
        );
    }
    Ok(())
}

pub(super) fn single<'a>(at: &str, f: &'a Figure) -> Result<&'a Quantity, LoadError> {
    match &f.value {
        Value::One(q) => Ok(q),
        _ => fail(
            at,
            format!("figure '{}' must be a single number here", f.id),
        ),
    }
}

fn number(at: &str, n: &serde_json::Number) -> Result<Decimal, LoadError> {
    Decimal::parse(&n.to_string()).ok_or_else(|| LoadError {
        path: at.into(),
        message: format!("{n} is not a plain decimal number"),
    })
}

/// Converts a written value to a checked one.
pub(super) fn to_value(at: &str, raw: &RawValue) -> Result<Value, LoadError> {
    let q = |n: &serde_json::Number, unit: Unit| -> Result<Value, LoadError> {
        Ok(Value::One(Quantity::new(number(at, n)?, unit)))
    };
    match raw {
        RawValue::Usd(n) => q(n, Unit::Usd(MoneyScale::Units)),
        RawValue::UsdM(n) => q(n, Unit::Usd(MoneyScale::Millions)),
        RawValue::UsdB(n) => q(n, Unit::Usd(MoneyScale::Billions)),
        RawValue::UsdPerShare(n) => q(n, Unit::UsdPerShare),
        RawValue::Percent(n) => q(n, Unit::Percent),
        RawValue::Points(n) => q(n, Unit::Points),
        RawValue::Count { amount, unit } => {
            non_empty(&format!("{at}.unit"), unit)?;
            q(amount, Unit::Other(unit.clone()))
        }
        RawValue::Text(t) => {
            non_empty(at, t)?;
            Ok(Value::Text(t.clone()))
        }
        RawValue::NotReported => Ok(Value::NotReported),
        RawValue::Range(lo, hi) => {
            let (Value::One(lo), Value::One(hi)) = (to_value(at, lo)?, to_value(at, hi)?) else {
                return fail(at, "a range's ends must be single numbers");
            };
            if lo.unit != hi.unit {
                return fail(at, "a range's ends must share one unit");
            }
            if lo.amount > hi.amount {
                return fail(at, "a range must go from low to high");
            }
            Ok(Value::Range(lo, hi))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::model::Report;
    use serde_json::json;

    #[test]
    fn a_missing_source_is_refused() {
        let e = error_after(|d| {
            d["figures"][0].as_object_mut().unwrap().remove("source");
        });
        assert_eq!(e, "figures[0].source: figure 'revenue' has no source");
        let e = error_after(|d| d["figures"][0]["source"]["doc"] = json!("a-blog"));
        assert_eq!(
            e,
            "figures[0].source.doc: names 'a-blog', which is not in sources"
        );
    }

    #[test]
    fn an_unknown_basis_is_refused_by_name() {
        let e = error_after(|d| d["figures"][2]["basis"] = json!("ifrs"));
        assert!(
            e.starts_with("figures[2].basis: unknown variant `ifrs`"),
            "{e}"
        );
    }

    #[test]
    fn malformed_files_name_the_field() {
        let e = error_after(|d| d["figures"][0]["sorce"] = json!("x"));
        assert!(
            e.starts_with("figures[0].sorce: unknown field `sorce`"),
            "{e}"
        );
        let e = error_after(|d| d["figures"][0]["value"] = json!({ "usd_m": "193.4" }));
        assert!(e.starts_with("figures[0].value"), "{e}");
        let e = error_after(|d| d["format"] = json!(2));
        assert!(e.starts_with("format: is 2"), "{e}");
        let err = Report::from_json("{ not json").unwrap_err();
        assert!(err.to_string().contains("line 1"), "{err}");
        assert!(Report::from_json("").is_err());
    }
}
