//! Numbers the user types, read with the arithmetic numbers in a case file are read with.
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
    serde_json::from_slice::<f64>(&json)
        .ok()
        .filter(|v| v.is_finite())
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
