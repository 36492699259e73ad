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
    #[error(
        "this browser cannot open share links (it has no DecompressionStream): open the link in a current browser."
    )]
    Unsupported,
}

/// What a link carries, before compression: the case's compact JSON.
///
/// Link data is `base64url(deflate_raw(payload))` (RFC 1951, RFC 4648 section 5). The deflating
/// itself is the platform's: the browser's `CompressionStream("deflate-raw")` in the web app (the
/// bundle then carries no deflate of its own, 24 KB of code), any raw deflate elsewhere. Links
/// made by earlier versions, deflated by miniz_oxide, are the same format (tested both ways).
pub fn payload(case: &Case) -> Vec<u8> {
    serde_json::to_vec(case).unwrap_or_default()
}

/// Link data for a deflated payload.
pub fn link_data(deflated: &[u8]) -> String {
    base64url(deflated)
}

/// The fragment that shares link data, to append to the page's address.
pub fn fragment(data: &str) -> String {
    format!("#{SHARE_KEY}={data}")
}

/// The deflated payload in link data, or why there is none.
pub fn deflated(data: &str) -> Result<Vec<u8>, ShareError> {
    if data.len() > MAX_ENCODED {
        return Err(ShareError::TooLong(data.len()));
    }
    from_base64url(data.trim()).ok_or(ShareError::Damaged)
}

/// The case in an inflated payload. Whoever inflates stops past [`MAX_DECODED`] bytes and says
/// [`ShareError::TooLarge`]; a longer payload given here is refused the same way.
pub fn case_from_payload(json: &[u8]) -> Result<Case, ShareError> {
    if json.len() > MAX_DECODED {
        return Err(ShareError::TooLarge);
    }
    let text = std::str::from_utf8(json).map_err(|_| ShareError::Damaged)?;
    Case::from_json(text).map_err(ShareError::Case)
}

/// Link data for a case, deflated by miniz_oxide: what the web app makes with the browser's
/// deflate, for native callers and the tests (the web bundle does not link it).
pub fn encode(case: &Case) -> String {
    link_data(&miniz_oxide::deflate::compress_to_vec(&payload(case), 9))
}

/// The case in link data, inflated by miniz_oxide (at most [`MAX_DECODED`] bytes).
pub fn decode(data: &str) -> Result<Case, ShareError> {
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated(data)?, MAX_DECODED)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            _ => ShareError::Damaged,
        })?;
    case_from_payload(&json)
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

    /// The link the web app's tests open in the browser: made by miniz_oxide (level 9) from
    /// tests/cases/blocked.json, as links were before the browser deflated them.
    const OLD_LINK: &str = include_str!("../../../scope-web/tests/fixtures/blocked.link");

    #[test]
    fn links_made_before_still_open() {
        let case = Case::from_json(include_str!("../../../../tests/cases/blocked.json")).unwrap();
        assert_eq!(decode(OLD_LINK.trim()).unwrap(), case);
    }

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
        Case::from_json(include_str!("../../../../tests/cases/mature-spot-cex.json")).unwrap()
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
        let frag = format!("#top&{}", &fragment(&data)[1..]);
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
        assert_eq!(
            case_from_payload(&vec![b' '; MAX_DECODED + 1]),
            Err(ShareError::TooLarge)
        );
        assert_eq!(case_from_payload(&[0xff, 0xfe]), Err(ShareError::Damaged));
    }
}
