//! Numbers the user types, read with the arithmetic numbers in a case file are read with; and
//! numbers shown, written without std's float formatting.
//!
//! Why not `str::parse::<f64>`: it brings its own exact algorithm into the wasm bundle (a 10 KB
//! table of powers of five and 6 KB of code) next to serde_json's number reader, which case files
//! already go through. Typed text is checked against a plain decimal grammar, written as a JSON
//! number and read by serde_json, so a typed "87.25" and an 87.25 in a case file are the same
//! `f64` by construction. For up to 15 significant digits and a power of ten within 10^±22 (every
//! figure a person types here) the result is the correctly rounded value, as std's is (tested).

/// `[+-]? digits [. digits?]` or `[+-]? . digits`, then `[eE] [+-]? digits` optionally; spaces
/// around it are ignored. None for anything else, "inf" and "NaN" included, and for a number too
/// large for an f64.
pub fn parse_number(text: &str) -> Option<f64> {
    let t = text.trim().as_bytes();
    let (negative, t) = match t.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let digits = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
    let int_len = digits(t);
    let (int, rest) = t.split_at(int_len);
    let (frac, rest) = match rest.split_first() {
        Some((b'.', after)) => after.split_at(digits(after)),
        _ => (&rest[..0], rest),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let exponent = match rest.split_first() {
        None => &rest[..0],
        Some((b'e' | b'E', after)) => {
            let unsigned = after
                .strip_prefix(b"+")
                .or(after.strip_prefix(b"-"))
                .unwrap_or(after);
            if unsigned.is_empty() || digits(unsigned) != unsigned.len() {
                return None;
            }
            after
        }
        Some(_) => return None,
    };
    // JSON forbids leading zeros, a bare point and a leading plus; the grammar above allows them.
    let int = match int.iter().position(|&b| b != b'0') {
        Some(first) => &int[first..],
        None => b"0",
    };
    let mut json = Vec::with_capacity(int.len() + frac.len() + exponent.len() + 4);
    if negative {
        json.push(b'-');
    }
    json.extend_from_slice(int);
    if !frac.is_empty() {
        json.push(b'.');
        json.extend_from_slice(frac);
    }
    if !exponent.is_empty() {
        json.push(b'e');
        json.extend_from_slice(exponent);
    }
    // Read as a `Value`, as case files are: deserializing an `f64` directly links serde's
    // "invalid type: floating point" message, which formats with std's float formatting.
    serde_json::from_slice::<serde_json::Value>(&json)
        .ok()
        .and_then(|v| v.as_f64())
        .filter(|v| v.is_finite())
}

/// `{:.N}` of std, without std's float formatting: its exact algorithms (Grisu with a Dragon4
/// fallback, for the shortest and the fixed forms) are 17 KB of the wasm bundle, and every figure
/// the product shows goes through here or [`Shortest`].
///
/// `Fixed(x, n)` writes what `format!("{x:.n$}")` writes (round half to even on the exact binary
/// value; tested against std) for `n` up to 9 and `|x| * 10^n` below 2^52, which covers every
/// figure shown here. Beyond that, where an f64 has no more significant digits to show, it writes
/// the shortest form cut or padded to `n` decimals. Width and alignment flags are honoured.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fixed(pub f64, pub usize);

/// `{}` of std for an f64, without std's float formatting: the shortest digits that read back as
/// the same f64 (zmij, serde_json's writer, already in the bundle for case files), in plain
/// notation. The same text as std's (tested), but for one rare case: where the value lies exactly
/// halfway between the two shortest forms (seen at 16 and 17 significant digits), std rounds up
/// and zmij to even (`-14826971631980.3125` is "...980.313" in std, "...980.312" here). Both read
/// back as the same f64.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shortest(pub f64);

/// `x.clamp(lo, hi)` without its check that `lo <= hi`, whose message formats both with `{:?}` and
/// so brings std's float formatting back into the bundle. Callers pass constant, ordered bounds;
/// a NaN `x` gives `lo` (clamp would give NaN).
pub fn bounded(x: f64, lo: f64, hi: f64) -> f64 {
    x.max(lo).min(hi)
}

const POW10: [f64; 10] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
const EXACT_INTEGERS: f64 = 4_503_599_627_370_496.0; // 2^52

/// Room for any text written here: a sign, 17 digits of a value below 2^53 (or zmij's longest
/// form, 24 bytes) and a point.
const TEXT: usize = 32;

/// Text written right to left into the end of a buffer.
struct Backwards {
    buf: [u8; TEXT],
    at: usize,
}

impl Backwards {
    fn new() -> Self {
        Backwards {
            buf: [0; TEXT],
            at: TEXT,
        }
    }

    fn push(&mut self, b: u8) {
        self.at -= 1;
        self.buf[self.at] = b;
    }

    fn pad(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(std::str::from_utf8(&self.buf[self.at..]).unwrap_or_default())
    }
}

impl std::fmt::Display for Fixed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Fixed(x, digits) = *self;
        let digits = digits.min(POW10.len() - 1);
        let scale = POW10[digits];
        let scaled = x * scale;
        if !scaled.is_finite() || scaled.abs() >= EXACT_INTEGERS {
            return wide(x, digits, f);
        }
        let floor = scaled.floor();
        let part = scaled - floor; // exact below 2^52
        let up = if part == 0.5 {
            // A tie after rounding the product: x * scale == scaled + error exactly (fma rounds
            // once), and the error's sign says which side of the tie x really is.
            let error = libm::fma(x, scale, -scaled);
            error > 0.0 || (error == 0.0 && floor.rem_euclid(2.0) == 1.0)
        } else {
            part > 0.5
        };
        let mut n = (floor + if up { 1.0 } else { 0.0 }).abs() as u64;
        let mut text = Backwards::new();
        for _ in 0..digits {
            text.push(b'0' + (n % 10) as u8);
            n /= 10;
        }
        if digits > 0 {
            text.push(b'.');
        }
        loop {
            text.push(b'0' + (n % 10) as u8);
            n /= 10;
            if n == 0 {
                break;
            }
        }
        if x.is_sign_negative() {
            text.push(b'-');
        }
        text.pad(f)
    }
}

/// `Fixed` past 2^52 after scaling (and NaN, the infinities): the shortest form, its decimals
/// cut or padded to `digits`.
#[inline(never)]
fn wide(x: f64, digits: usize, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    let text = Shortest(x).to_string();
    if !x.is_finite() || digits == 0 {
        return f.pad(text.split('.').next().unwrap_or(&text));
    }
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac: String = frac
        .chars()
        .chain(std::iter::repeat('0'))
        .take(digits)
        .collect();
    f.pad(&format!("{int}.{frac}"))
}

impl std::fmt::Display for Shortest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let x = self.0;
        if !x.is_finite() {
            return f.pad(if x.is_nan() {
                "NaN"
            } else if x > 0.0 {
                "inf"
            } else {
                "-inf"
            });
        }
        let mut buffer = zmij::Buffer::new();
        let written = buffer.format_finite(x.abs());
        // zmij writes "1.0", "0.001", "1.5e16", "1e-7". Without an exponent that is std's text
        // once a trailing ".0" goes; with one, the digits are laid out in plain notation.
        if !written.contains('e') {
            let digits = written.strip_suffix(".0").unwrap_or(written);
            let mut text = Backwards::new();
            for &b in digits.as_bytes().iter().rev() {
                text.push(b);
            }
            if x.is_sign_negative() {
                text.push(b'-');
            }
            return text.pad(f);
        }
        plain(written, x.is_sign_negative(), f)
    }
}

/// zmij's exponent form (`1.5e16`, `1e-7`) in std's plain notation.
#[inline(never)]
fn plain(written: &str, negative: bool, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    let (mantissa, exponent) = written.split_once('e').unwrap_or((written, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all: String = int.chars().chain(frac.chars()).collect();
    let point = int.len() as i64 + exponent;
    let lead = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_matches('0');
    let point = point - lead as i64;
    let mut text = String::with_capacity(digits.len() + 8);
    if negative {
        text.push('-');
    }
    if digits.is_empty() {
        text.push('0');
    } else if point <= 0 {
        text.push_str("0.");
        text.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        text.push_str(digits);
    } else if point as usize >= digits.len() {
        text.push_str(digits);
        text.extend(std::iter::repeat_n('0', point as usize - digits.len()));
    } else {
        let (a, b) = digits.split_at(point as usize);
        text.push_str(a);
        text.push('.');
        text.push_str(b);
    }
    f.pad(&text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_what_people_type() {
        let cases = [
            ("87.25", Some(87.25)),
            (" 30 ", Some(30.0)),
            ("+5", Some(5.0)),
            ("-2.5", Some(-2.5)),
            (".5", Some(0.5)),
            ("-.5", Some(-0.5)),
            ("5.", Some(5.0)),
            ("007", Some(7.0)),
            ("0.000", Some(0.0)),
            ("1e3", Some(1000.0)),
            ("2.5E-2", Some(0.025)),
            ("1e+2", Some(100.0)),
            ("1e400", None),
            ("", None),
            (".", None),
            ("-", None),
            ("1e", None),
            ("1e+", None),
            ("e5", None),
            ("1.2.3", None),
            ("1,5", None),
            ("12abc", None),
            ("inf", None),
            ("NaN", None),
            ("- 5", None),
            ("0x10", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_number(text), want, "{text:?}");
        }
        assert!(parse_number("-0").is_some_and(|v| v == 0.0 && v.is_sign_negative()));
    }

    #[test]
    fn writes_as_std_does() {
        let values = [
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            -0.5,
            0.125,
            -0.125,
            0.145,
            0.155,
            1.005,
            2.675,
            99.95,
            99.949,
            1e-7,
            123456.789,
            1e15,
            4.4e15,
            1e16,
            1e22,
            1e300,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            0.1 + 0.2,
            1.0 / 3.0,
            -2.0 / 3.0,
            1e-4,
            0.00049,
            f64::NAN,
            f64::INFINITY,
            -f64::INFINITY,
        ];
        for x in values {
            assert_eq!(Shortest(x).to_string(), format!("{x}"), "{x:e}");
            same_as_std_display(x).unwrap();
            for (n, scale) in POW10.iter().enumerate().take(7) {
                if x.is_finite() && (x * scale).abs() >= EXACT_INTEGERS {
                    continue;
                }
                assert_eq!(Fixed(x, n).to_string(), format!("{x:.n$}"), "{x:e} .{n}");
            }
        }
        assert_eq!(format!("[{:>6}]", Fixed(2.25, 1)), "[   2.2]");
        assert_eq!(format!("[{:<5}]", Shortest(0.5)), "[0.5  ]");
        // Beyond 2^52 after scaling: the shortest digits, cut or padded.
        assert_eq!(Fixed(1e16, 2).to_string(), "10000000000000000.00");
        assert_eq!(Fixed(f64::NAN, 2).to_string(), "NaN");
        // The documented tie: 17 digits, exactly halfway.
        let tie = f64::from_bits(14_027_297_049_479_927_968); // -14826971631980.3125 exactly
        assert_eq!(Shortest(tie).to_string(), "-14826971631980.312");
        assert_eq!(format!("{tie}"), "-14826971631980.313");
    }

    /// Shortest's text is std's, or (the documented tie) is one less in its last digit; and it
    /// always reads back as the same f64.
    fn same_as_std_display(x: f64) -> Result<(), TestCaseError> {
        let (ours, std) = (Shortest(x).to_string(), format!("{x}"));
        if x.is_finite() {
            prop_assert_eq!(
                ours.parse::<f64>().map(f64::to_bits),
                Ok(x.to_bits()),
                "{}",
                ours
            );
        }
        if ours != std {
            let (a, b) = (ours.as_bytes(), std.as_bytes());
            let last = a.len() - 1;
            prop_assert!(
                a.len() == b.len() && a[..last] == b[..last] && b[last] == a[last] + 1,
                "{} vs std {}",
                ours,
                std
            );
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn shortest_is_std_display(bits in any::<u64>()) {
            same_as_std_display(f64::from_bits(bits))?;
        }

        /// Every figure shown: values of any magnitude a case gives, at 0 to 9 decimals (and their
    /// shortest forms).
        #[test]
        fn fixed_is_std_precision(mantissa in -1e7f64..1e7, exp in -9i32..7, n in 0usize..=9) {
            let x = mantissa * 10f64.powi(exp);
            same_as_std_display(x)?;
            if (x * POW10[n]).abs() >= EXACT_INTEGERS {
                return Ok(()); // beyond Fixed's exact range
            }
            prop_assert_eq!(Fixed(x, n).to_string(), format!("{x:.n$}"), "{:e}", x);
        }

        /// Exact ties (halves at the last decimal) round to even, as std's do.
        #[test]
        fn fixed_ties_are_std_ties(k in -1_000_000i64..1_000_000, n in 0usize..4) {
            let x = (k as f64 + 0.5) / POW10[n];
            prop_assert_eq!(Fixed(x, n).to_string(), format!("{x:.n$}"), "{:e}", x);
        }
    }

    proptest! {
        /// Where both are exact (15 significant digits, a power of ten within 10^±22), the same
        /// f64 as std's correctly rounded parse.
        #[test]
        fn agrees_with_std_where_both_are_exact(
            negative in any::<bool>(),
            int in 0u64..10_000_000,
            frac in proptest::option::of((0u64..100_000_000, 1usize..9)),
            exp in proptest::option::of(-12i32..12),
        ) {
            let mut text = format!("{}{int}", if negative { "-" } else { "" });
            if let Some((f, width)) = frac {
                let f = f % 10u64.pow(width as u32);
                text.push_str(&format!(".{f:0width$}"));
            }
            if let Some(e) = exp {
                text.push_str(&format!("e{e}"));
            }
            let std: f64 = text.parse().unwrap();
            prop_assert_eq!(parse_number(&text).map(f64::to_bits), Some(std.to_bits()), "{}", text);
        }

        /// Anything std refuses is refused too (never a number from text std calls garbage).
        #[test]
        fn refuses_what_std_refuses(text in "[-+.eE0-9a-z ]{0,8}") {
            if text.trim().parse::<f64>().is_err() {
                prop_assert_eq!(parse_number(&text), None, "{}", text);
            }
        }
    }
}
