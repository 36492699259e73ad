//! Share links: a case in the URL's fragment, compact and URL-safe, under a namespaced key so
//! that a host page's own anchors keep working. The fragment never reaches a server.

use crate::case::{Case, CaseError};

/// The fragment key: `#connector-scope-case=...`.
pub const SHARE_KEY: &str = "connector-scope-case";
/// Longest encoded case accepted, in characters (links much longer break in mail and chat).
pub const MAX_ENCODED: usize = 32_000;
/// Largest case text a link may expand to (a guard against deflate bombs).
pub const MAX_DECODED: usize = 1 << 20;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    #[error("the shared link is too long ({0} characters; at most {MAX_ENCODED})")]
    TooLong(usize),
    #[error("the shared link is damaged: it is not valid link data (was it cut short?)")]
    Damaged,
    #[error("the shared link expands beyond {MAX_DECODED} bytes")]
    TooLarge,
    #[error("the shared case cannot be read: {0}")]
    Case(CaseError),
}

/// The case as link data.
// Not inlined (nor `decode`): called once, they would be inlined into the app's start-up code,
// and the browser compiles a wasm function whole on its first call, deflate and all, even when
// no link is made or opened.
#[inline(never)]
pub fn encode(case: &Case) -> String {
    let json = serde_json::to_string(case).unwrap_or_default();
    base64url(&miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9))
}

/// The fragment that shares `case`, to append to the page's address.
pub fn fragment(case: &Case) -> String {
    format!("#{SHARE_KEY}={}", encode(case))
}

#[inline(never)]
pub fn decode(data: &str) -> Result<Case, ShareError> {
    if data.len() > MAX_ENCODED {
        return Err(ShareError::TooLong(data.len()));
    }
    let bytes = from_base64url(data.trim()).ok_or(ShareError::Damaged)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_DECODED).map_err(
        |e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            _ => ShareError::Damaged,
        },
    )?;
    let text = String::from_utf8(json).map_err(|_| ShareError::Damaged)?;
    Case::from_json(&text).map_err(ShareError::Case)
}

/// The link data in a URL fragment (`#a=1&connector-scope-case=...`), if it has any.
pub fn find(fragment: &str) -> Option<&str> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|part| part.strip_prefix(SHARE_KEY)?.strip_prefix('='))
}

// base64url without padding (RFC 4648 section 5), by hand: the base64 crate's general engine is
// 6.5 KB of the wasm bundle for these two loops.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// None for a character outside the alphabet, a length no encoding has (4k + 1), or bits set
/// past the last byte (not an encoding this or any canonical encoder writes).
fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.as_bytes().chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|&a| a == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        let bytes = chunk.len() - 1;
        if n << (8 * bytes) & 0xff_ffff != 0 {
            return None;
        }
        out.extend((0..bytes).map(|i| (n >> (16 - 8 * i)) as u8));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn base64url_is_rfc_4648s(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            let ours = base64url(&bytes);
            prop_assert_eq!(&ours, &URL_SAFE_NO_PAD.encode(&bytes));
            prop_assert_eq!(from_base64url(&ours), Some(bytes));
        }

        #[test]
        fn base64url_refuses_what_the_crate_refuses(text in "[A-Za-z0-9_+/=-]{0,9}") {
            prop_assert_eq!(from_base64url(&text), URL_SAFE_NO_PAD.decode(&text).ok(), "{}", text);
        }
    }

    fn example() -> Case {
        Case::from_json(include_str!("../../../tests/cases/mature-spot-cex.json")).unwrap()
    }

    #[test]
    fn round_trips_and_is_compact() {
        let case = example();
        let data = encode(&case);
        assert!(
            data.len() < case.to_json().len() / 2,
            "{} chars",
            data.len()
        );
        assert!(
            data.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        assert_eq!(decode(&data).unwrap(), case);
        let frag = format!("#top&{}", &fragment(&case)[1..]);
        assert_eq!(decode(find(&frag).unwrap()).unwrap(), case);
        assert_eq!(find("#section-2"), None);
    }

    #[test]
    fn damaged_links_are_refused() {
        let data = encode(&example());
        assert_eq!(decode(&data[..data.len() / 2]), Err(ShareError::Damaged));
        assert_eq!(decode("not*base64!"), Err(ShareError::Damaged));
        assert!(matches!(
            decode(&"A".repeat(MAX_ENCODED + 1)),
            Err(ShareError::TooLong(_))
        ));
        let bomb = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(
            &vec![b' '; MAX_DECODED + 10],
            9,
        ));
        assert_eq!(decode(&bomb), Err(ShareError::TooLarge));
        let not_a_case = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(
            br#"{"version": 9}"#,
            9,
        ));
        assert!(matches!(decode(&not_a_case), Err(ShareError::Case(_))));
    }
}
