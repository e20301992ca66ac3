//! An exact decimal number: the figures of a report are decimal fractions
//! ($193.4M, −$0.22, 17.15 %), and sums such as the reconciliation must add up
//! to the cent, so they are never held as binary floats.

use std::cmp::Ordering;

/// `units / 10^scale`, e.g. 193.4 is `{ units: 1934, scale: 1 }`.
///
/// The scale is the precision the number was written with, so `14.0` keeps
/// one decimal when it is shown again.
///
/// Arithmetic is checked: what would leave the range of `i128` gives `None`,
/// never a wrapped number or a panic. `units` is never `i128::MIN`, so
/// negation and `abs` cannot overflow.
#[derive(Clone, Copy, Debug)]
pub struct Decimal {
    units: i128,
    scale: u32,
}

const MAX_SCALE: u32 = 12;

impl Decimal {
    /// A whole number.
    pub const fn int(n: i64) -> Self {
        Decimal {
            units: n as i128,
            scale: 0,
        }
    }

    /// Parses `-12.50`, `3`, `+0.5`. Exponents, spaces and more than twelve
    /// decimals are refused.
    pub fn parse(text: &str) -> Option<Self> {
        let (negative, digits) = match text.as_bytes().first()? {
            b'-' => (true, &text[1..]),
            b'+' => (false, &text[1..]),
            _ => (false, text),
        };
        let (whole, frac) = match digits.split_once('.') {
            Some((w, f)) => (w, f),
            None => (digits, ""),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !all_digits(whole) || !all_digits(frac) {
            return None;
        }
        if digits.contains('.') && frac.is_empty() {
            return None;
        }
        let scale = frac.len() as u32;
        if scale > MAX_SCALE || whole.len() > 20 {
            return None;
        }
        let units: i128 = format!("{whole}{frac}").parse().ok()?;
        Some(Decimal {
            units: if negative { -units } else { units },
            scale,
        })
    }

    /// Rounds a float to `decimals` places (half away from zero); used only for
    /// derived ratios, never for reported figures.
    pub fn from_f64(x: f64, decimals: u32) -> Option<Self> {
        if !x.is_finite() || decimals > MAX_SCALE {
            return None;
        }
        let scaled = (x * 10f64.powi(decimals as i32)).round();
        if scaled.abs() > 1e30 {
            return None;
        }
        Some(Decimal {
            units: scaled as i128,
            scale: decimals,
        })
    }

    /// How many decimals it was written with.
    pub fn decimals(self) -> u32 {
        self.scale
    }

    pub fn is_negative(self) -> bool {
        self.units < 0
    }

    pub fn is_zero(self) -> bool {
        self.units == 0
    }

    pub fn abs(self) -> Self {
        Decimal {
            units: self.units.abs(),
            ..self
        }
    }

    pub fn to_f64(self) -> f64 {
        self.units as f64 / 10f64.powi(self.scale as i32)
    }

    /// A value from its parts, if they are in range.
    fn checked(units: Option<i128>, scale: Option<u32>) -> Option<Self> {
        let units = units.filter(|u| *u != i128::MIN)?;
        Some(Decimal {
            units,
            scale: scale?,
        })
    }

    /// The same value written with `scale` decimals (only ever adds zeros).
    fn widened(self, scale: u32) -> Option<Self> {
        let factor = 10i128.checked_pow(scale.checked_sub(self.scale)?);
        Self::checked(factor.and_then(|f| self.units.checked_mul(f)), Some(scale))
    }

    /// Multiplies by `10^power` keeping the written precision relative to the
    /// new unit (e.g. 193.4 million → 193,400,000.0 units).
    pub fn times_pow10(self, power: u32) -> Option<Self> {
        let factor = 10i128.checked_pow(power);
        Self::checked(
            factor.and_then(|f| self.units.checked_mul(f)),
            Some(self.scale),
        )
    }

    /// Divides by `10^power`, exactly (the written precision grows by `power`).
    pub fn div_pow10(self, power: u32) -> Option<Self> {
        Self::checked(Some(self.units), self.scale.checked_add(power))
    }

    /// The sum.
    pub fn checked_add(self, other: Self) -> Option<Self> {
        let scale = self.scale.max(other.scale);
        let (a, b) = (self.widened(scale)?, other.widened(scale)?);
        Self::checked(a.units.checked_add(b.units), Some(scale))
    }

    /// The difference.
    pub fn checked_sub(self, other: Self) -> Option<Self> {
        self.checked_add(-other)
    }

    /// The mean of two values, exact (one more decimal when needed).
    pub fn midpoint(self, other: Self) -> Option<Self> {
        let sum = self.checked_add(other)?;
        if sum.units % 2 == 0 {
            Self::checked(Some(sum.units / 2), Some(sum.scale))
        } else {
            Self::checked(sum.units.checked_mul(5), sum.scale.checked_add(1))
        }
    }

    /// Rounds to `decimals` places, half away from zero.
    pub fn round_to(self, decimals: u32) -> Option<Self> {
        if decimals >= self.scale {
            return self.widened(decimals);
        }
        let Some(div) = 10i128.checked_pow(self.scale - decimals) else {
            // A divisor past i128 means the value is under a fifth of the
            // last place kept: it rounds to zero.
            return Some(Decimal {
                units: 0,
                scale: decimals,
            });
        };
        let half = div / 2;
        let units = if self.units >= 0 {
            self.units.checked_add(half)
        } else {
            self.units.checked_sub(half)
        };
        Self::checked(units.map(|u| u / div), Some(decimals))
    }

    /// Digits without sign: whole part and fractional part as written.
    pub fn digits(self) -> (String, String) {
        let text = self.units.abs().to_string();
        let scale = self.scale as usize;
        let padded = format!("{text:0>width$}", width = scale + 1);
        let (whole, frac) = padded.split_at(padded.len() - scale);
        (whole.to_string(), frac.to_string())
    }
}

impl std::ops::Neg for Decimal {
    type Output = Decimal;

    fn neg(self) -> Decimal {
        Decimal {
            units: -self.units,
            ..self
        }
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    /// Exact at any size: a value too large to be written with the other's
    /// decimals is the larger in size, so its sign decides.
    fn cmp(&self, other: &Self) -> Ordering {
        let scale = self.scale.max(other.scale);
        match (self.widened(scale), other.widened(scale)) {
            (Some(a), Some(b)) => a.units.cmp(&b.units),
            (None, _) => 0.cmp(&self.units).reverse(),
            (_, None) => 0.cmp(&other.units),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn parses_and_keeps_written_precision() {
        assert_eq!(d("14.0").decimals(), 1);
        assert_eq!(d("855").decimals(), 0);
        assert_eq!(d("-0.22").digits(), ("0".into(), "22".into()));
        assert!(d("-0.22").is_negative());
    }

    #[test]
    fn refuses_what_is_not_a_plain_decimal() {
        for bad in ["", "-", "1.", ".5", "1e3", "1,000", " 1", "NaN", "1.2.3"] {
            assert!(Decimal::parse(bad).is_none(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn adds_exactly_across_precisions() {
        // The reconciliation of the bundled report: −14.0 + 11.5 = −2.5.
        assert_eq!(d("-14.0").checked_add(d("11.5")), Some(d("-2.5")));
        assert_eq!(d("0.1").checked_add(d("0.2")), Some(d("0.3")));
        assert_eq!(d("193.4").checked_sub(d("180.8")), Some(d("12.6")));
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(d("2.45").round_to(1), Some(d("2.5")));
        assert_eq!(d("-2.45").round_to(1), Some(d("-2.5")));
        assert_eq!(d("2.44").round_to(1), Some(d("2.4")));
        assert_eq!(Decimal::from_f64(94.371, 1).unwrap(), d("94.4"));
    }

    #[test]
    fn dividing_by_a_power_of_ten_is_exact() {
        assert_eq!(d("12600000.0").div_pow10(6), Some(d("12.6")));
        assert_eq!(d("-25").div_pow10(1).unwrap().decimals(), 1);
    }

    #[test]
    fn midpoint_is_exact() {
        assert_eq!(d("855").midpoint(d("865")), Some(d("860")));
        assert_eq!(d("36").midpoint(d("37")), Some(d("36.5")));
    }

    #[test]
    fn orders_across_precisions() {
        assert!(d("-0.22") < d("-0.16"));
        assert_eq!(d("47"), d("47.00"));
    }

    #[test]
    fn arithmetic_past_i128_gives_none_and_order_stays_exact() {
        let big = d("99999999999999999999.999999999999");
        let tiny = d("0.000000000001");
        assert!(big.times_pow10(9).is_none(), "10^41 does not fit");
        assert!(big.div_pow10(u32::MAX).is_none());
        let huge = big.times_pow10(6).unwrap();
        assert!(huge.checked_add(huge).is_none());
        assert!(huge.midpoint(huge).is_none());
        assert_eq!((-huge).checked_sub(huge), None);
        assert_eq!(huge.checked_sub(huge), Some(d("0")));
        // Comparing needs no arithmetic that can fail.
        let deep = tiny.div_pow10(30).unwrap();
        assert!(huge > deep && -huge < deep);
        assert!(deep > -huge);
        assert_eq!(huge.cmp(&huge), Ordering::Equal);
        assert_eq!(deep.round_to(0), Some(d("0")));
    }
}
