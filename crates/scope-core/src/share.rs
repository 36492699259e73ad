//! Share links: a case in the URL's fragment, compact and URL-safe, under a namespaced key so
//! that a host page's own anchors keep working. The fragment never reaches a server.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

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
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9))
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
    let bytes = URL_SAFE_NO_PAD
        .decode(data.trim())
        .map_err(|_| ShareError::Damaged)?;
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

#[cfg(test)]
mod tests {
    use super::*;

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
