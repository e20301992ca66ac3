//! Number and date formatting as a reader of an earnings report expects it:
//! `$193.4M`, `$3.3B`, `−$0.22`, `47%`, `36–38%`, `−9 to −11 pts`, `23 Jun 2026`.
//! Negative numbers use the minus sign (U+2212), never a hyphen.

use super::decimal::Decimal;
use super::quantity::{Qualifier, Quantity, Unit, Value};

const EN_DASH: char = '\u{2013}';

/// Whether a positive number gets a `+` (changes do; levels do not).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sign {
    #[default]
    NegativeOnly,
    Always,
}

/// `1234567.8` → `1,234,567.8` (no sign).
fn grouped(d: Decimal) -> String {
    let (whole, frac) = d.digits();
    let mut out = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(&frac);
    }
    out
}

fn sign_of(d: Decimal, sign: Sign) -> &'static str {
    if d.is_negative() && !d.is_zero() {
        "\u{2212}"
    } else if sign == Sign::Always && !d.is_zero() {
        "+"
    } else {
        ""
    }
}

/// The magnitude with its unit marks but without a sign: `$193.4M`, `47%`.
fn magnitude(q: &Quantity) -> String {
    let n = grouped(q.amount.abs());
    match &q.unit {
        Unit::Usd(scale) => format!("${n}{}", scale.suffix()),
        Unit::UsdPerShare => format!("${n}"),
        Unit::Percent => format!("{n}%"),
        Unit::Points => format!("{n} {}", points_word(q.amount)),
        Unit::Other(u) if u == "×" => format!("{n}×"),
        Unit::Other(u) => format!("{n} {u}"),
    }
}

fn points_word(d: Decimal) -> &'static str {
    if d.abs() == Decimal::int(1) {
        "pt"
    } else {
        "pts"
    }
}

/// One quantity: `−$14.0M`, `+1%`, `750 MW`.
pub fn quantity(q: &Quantity, sign: Sign) -> String {
    let sign = if q.unit == Unit::Points {
        Sign::Always
    } else {
        sign
    };
    format!("{}{}", sign_of(q.amount, sign), magnitude(q))
}

/// A range, written the short way when both ends share unit, scale and sign:
/// `36–38%`, `$855–865M`, and with "to" when negative: `−9 to −11 pts`.
pub fn range(lo: &Quantity, hi: &Quantity, sign: Sign) -> String {
    let both_negative = lo.amount.is_negative() && hi.amount.is_negative();
    let mixed = lo.amount.is_negative() != hi.amount.is_negative();
    if both_negative && lo.unit == hi.unit {
        // Read from the smaller move to the larger, the unit once: −9 to −11 pts.
        let full = quantity(hi, sign);
        let unit_mark = match &hi.unit {
            Unit::Usd(scale) => scale.suffix().to_string(),
            Unit::UsdPerShare => String::new(),
            Unit::Percent => "%".into(),
            Unit::Points => format!(" {}", points_word(hi.amount)),
            Unit::Other(u) if u == "×" => "×".into(),
            Unit::Other(u) => format!(" {u}"),
        };
        let bare = full.strip_suffix(&unit_mark).unwrap_or(&full);
        let lo_full = quantity(lo, sign);
        let lo_full = if lo.unit == Unit::Points {
            lo_full.replace(" pt", " pts").replace(" ptss", " pts")
        } else {
            lo_full
        };
        return format!("{bare} to {lo_full}");
    }
    if mixed || lo.unit != hi.unit || sign == Sign::Always || lo.unit == Unit::Points {
        return format!("{} to {}", quantity(lo, sign), quantity(hi, sign));
    }
    let lo_text = grouped(lo.amount);
    let hi_full = magnitude(hi);
    match &hi.unit {
        Unit::Usd(_) | Unit::UsdPerShare => {
            format!("${lo_text}{EN_DASH}{}", hi_full.trim_start_matches('$'))
        }
        Unit::Other(u) if u != "×" => format!("{lo_text}{EN_DASH}{hi_full}"),
        _ => format!("{lo_text}{EN_DASH}{hi_full}"),
    }
}

fn qualifier_mark(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::About => "~",
        Qualifier::MoreThan => ">",
    }
}

/// The qualifier put before a value's text. A symbol never stands before a
/// sign ("~+94%" reads as noise): before a signed value it is a word, joined
/// to the number by a no-break space, "about +94%", "more than −5%".
fn qualified(q: Qualifier, text: String) -> String {
    let signed = text.starts_with(['+', '\u{2212}']);
    match (q, signed) {
        (Qualifier::Exact, _) => text,
        (Qualifier::About, true) => format!("about\u{a0}{text}"),
        (Qualifier::MoreThan, true) => format!("more than\u{a0}{text}"),
        (q, false) => format!("{}{text}", qualifier_mark(q)),
    }
}

/// A value's size without its sign, for text whose words already give the
/// direction (`{id:abs}`): `$14.0M`, `94%`, `9 to 11 pts`, `~69%`.
pub fn magnitude_of(v: &Value, qualifier: Qualifier) -> String {
    let mark = qualifier_mark(qualifier);
    match v {
        Value::One(q) => format!("{mark}{}", magnitude(q)),
        Value::Range(lo, hi) => {
            let (a, b) = (
                Quantity::new(lo.amount.abs(), lo.unit.clone()),
                Quantity::new(hi.amount.abs(), hi.unit.clone()),
            );
            let (small, large) = if a.amount <= b.amount { (a, b) } else { (b, a) };
            if large.unit == Unit::Points {
                format!("{mark}{} to {}", grouped(small.amount), magnitude(&large))
            } else {
                format!("{mark}{}", range(&small, &large, Sign::NegativeOnly))
            }
        }
        other => value(other, qualifier, Sign::NegativeOnly),
    }
}

/// A figure's value as shown on the page.
pub fn value(v: &Value, qualifier: Qualifier, sign: Sign) -> String {
    match v {
        Value::One(q) => qualified(qualifier, quantity(q, sign)),
        Value::Range(lo, hi) => qualified(qualifier, range(lo, hi, sign)),
        Value::Text(t) => t.clone(),
        Value::NotReported => "not reported".into(),
    }
}

/// Breaks `text` into lines of about `width` characters, at spaces (a word
/// longer than that has a line of its own).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date of the dataset, `YYYY-MM-DD`, `YYYY-MM` or `YYYY-MM-DDTHH:MMZ`, as a
/// reader writes it: `23 Jun 2026`, `May 2026`, `24 Jun 2026, 23:00 UTC`.
/// `None` when it is not such a date.
pub fn date(text: &str) -> Option<String> {
    let (day_part, time) = match text.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (text, None),
    };
    let parts: Vec<&str> = day_part.split('-').collect();
    let num = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = num(parts.first()?, 4)?;
    let month = num(parts.get(1)?, 2)?;
    let month_name = MONTHS.get(month.checked_sub(1)? as usize)?;
    let mut out = match parts.get(2) {
        Some(day) => {
            let day = num(day, 2)?;
            if !(1..=31).contains(&day) || parts.len() > 3 {
                return None;
            }
            format!("{day} {month_name} {year}")
        }
        None => format!("{month_name} {year}"),
    };
    if let Some(t) = time {
        let hm = t.strip_suffix('Z')?;
        let (h, m) = hm.split_once(':')?;
        if num(h, 2)? > 23 || num(m, 2)? > 59 || parts.len() != 3 {
            return None;
        }
        out.push_str(&format!(", {h}:{m} UTC"));
    }
    Some(out)
}

/// A file's size as a link says it: `812 bytes`, `5.2 KB`, `1.4 MB`
/// (1 KB = 1,000 bytes), rounded half up.
pub fn file_size(bytes: u64) -> String {
    let tenths = |unit: u64| {
        let t = (bytes * 10 + unit / 2) / unit;
        format!("{}.{}", t / 10, t % 10)
    };
    match bytes {
        0..=999 => format!("{bytes} bytes"),
        1_000..=999_949 => format!("{} KB", tenths(1_000)),
        _ => format!("{} MB", tenths(1_000_000)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::quantity::MoneyScale;

    fn q(s: &str, unit: Unit) -> Quantity {
        Quantity::new(Decimal::parse(s).unwrap(), unit)
    }
    const M: Unit = Unit::Usd(MoneyScale::Millions);

    #[test]
    fn money_as_a_reader_expects_it() {
        assert_eq!(quantity(&q("193.4", M), Sign::NegativeOnly), "$193.4M");
        assert_eq!(
            quantity(
                &q("3.3", Unit::Usd(MoneyScale::Billions)),
                Sign::NegativeOnly
            ),
            "$3.3B"
        );
        assert_eq!(quantity(&q("-14.0", M), Sign::NegativeOnly), "−$14.0M");
        assert_eq!(
            quantity(&q("-0.22", Unit::UsdPerShare), Sign::NegativeOnly),
            "−$0.22"
        );
        assert_eq!(
            quantity(
                &q("226.72", Unit::Usd(MoneyScale::Units)),
                Sign::NegativeOnly
            ),
            "$226.72"
        );
        assert_eq!(quantity(&q("12.6", M), Sign::Always), "+$12.6M");
    }

    #[test]
    fn percentages_points_and_counts() {
        assert_eq!(quantity(&q("47", Unit::Percent), Sign::NegativeOnly), "47%");
        assert_eq!(
            quantity(&q("17.15", Unit::Percent), Sign::NegativeOnly),
            "17.15%"
        );
        assert_eq!(
            quantity(&q("-7.6", Unit::Percent), Sign::NegativeOnly),
            "−7.6%"
        );
        assert_eq!(
            quantity(&q("-1", Unit::Points), Sign::NegativeOnly),
            "−1 pt"
        );
        assert_eq!(
            quantity(&q("2", Unit::Points), Sign::NegativeOnly),
            "+2 pts"
        );
        assert_eq!(
            quantity(
                &q("1000", Unit::Other("tokens/s".into())),
                Sign::NegativeOnly
            ),
            "1,000 tokens/s"
        );
        assert_eq!(
            quantity(&q("20", Unit::Other("×".into())), Sign::NegativeOnly),
            "20×"
        );
    }

    #[test]
    fn magnitudes_drop_the_sign_only() {
        let m = |v: Value| magnitude_of(&v, Qualifier::Exact);
        assert_eq!(m(Value::One(q("-14.0", M))), "$14.0M");
        assert_eq!(m(Value::One(q("94", Unit::Percent))), "94%");
        assert_eq!(
            m(Value::Range(q("-11", Unit::Points), q("-9", Unit::Points))),
            "9 to 11 pts"
        );
        assert_eq!(
            m(Value::Range(q("36", Unit::Percent), q("38", Unit::Percent))),
            "36–38%"
        );
        assert_eq!(
            magnitude_of(&Value::One(q("69", Unit::Percent)), Qualifier::About),
            "~69%"
        );
    }

    #[test]
    fn ranges_short_and_long() {
        let pct = |a, b| {
            range(
                &q(a, Unit::Percent),
                &q(b, Unit::Percent),
                Sign::NegativeOnly,
            )
        };
        assert_eq!(pct("36", "38"), "36–38%");
        assert_eq!(
            range(&q("855", M), &q("865", M), Sign::NegativeOnly),
            "$855–865M"
        );
        assert_eq!(
            range(
                &q("-11", Unit::Points),
                &q("-9", Unit::Points),
                Sign::NegativeOnly
            ),
            "−9 to −11 pts"
        );
        assert_eq!(pct("-9", "-7"), "−7 to −9%");
        assert_eq!(pct("-2", "3"), "−2% to 3%");
        assert_eq!(
            range(
                &q("42.9", Unit::Percent),
                &q("54.8", Unit::Percent),
                Sign::Always
            ),
            "+42.9% to +54.8%"
        );
    }

    #[test]
    fn qualifiers_and_missing_figures() {
        let v = Value::One(q("94", Unit::Percent));
        assert_eq!(value(&v, Qualifier::About, Sign::NegativeOnly), "~94%");
        // A symbol never stands before a sign: a word does, kept on its line.
        assert_eq!(value(&v, Qualifier::About, Sign::Always), "about\u{a0}+94%");
        let down = Value::Range(q("-9", Unit::Percent), q("-7", Unit::Percent));
        assert_eq!(
            value(&down, Qualifier::About, Sign::NegativeOnly),
            "about\u{a0}−7 to −9%"
        );
        let loss = Value::One(q("-5", Unit::Percent));
        assert_eq!(
            value(&loss, Qualifier::MoreThan, Sign::NegativeOnly),
            "more than\u{a0}−5%"
        );
        let b = Value::One(q("20", Unit::Usd(MoneyScale::Billions)));
        assert_eq!(value(&b, Qualifier::MoreThan, Sign::NegativeOnly), ">$20B");
        assert_eq!(
            value(&Value::NotReported, Qualifier::Exact, Sign::NegativeOnly),
            "not reported"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(date("2026-06-23").as_deref(), Some("23 Jun 2026"));
        assert_eq!(date("2026-05").as_deref(), Some("May 2026"));
        assert_eq!(
            date("2026-06-24T23:00Z").as_deref(),
            Some("24 Jun 2026, 23:00 UTC")
        );
        for bad in [
            "2026-13-01",
            "26-06-01",
            "2026-06-32",
            "June 2026",
            "2026-06-24T25:00Z",
            "",
        ] {
            assert_eq!(date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn file_sizes_read_plainly() {
        assert_eq!(file_size(812), "812 bytes");
        assert_eq!(file_size(5_249), "5.2 KB");
        assert_eq!(file_size(5_250), "5.3 KB");
        assert_eq!(file_size(999_949), "999.9 KB");
        assert_eq!(file_size(999_950), "1.0 MB");
        assert_eq!(file_size(1_450_000), "1.5 MB");
    }
}
