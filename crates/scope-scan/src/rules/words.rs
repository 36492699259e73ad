//! Names made into words to match on: `/api/v3/openOrders` is `api v3 open order`,
//! `newClientOrderId` is `new client order id`. Plurals lose their `s`, so that a rule's
//! `order` finds `orders`.

/// The words of `text`: split at anything not a letter or digit and where a lower-case letter
/// meets an upper-case one; lower case; a plural `s` dropped from words of four letters or more.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in text.chars() {
        if !c.is_alphanumeric() {
            flush(&mut word, &mut out);
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower {
            flush(&mut word, &mut out);
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        word.extend(c.to_lowercase());
    }
    flush(&mut word, &mut out);
    out
}

fn flush(word: &mut String, out: &mut Vec<String>) {
    if word.is_empty() {
        return;
    }
    let mut w = std::mem::take(word);
    if w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w.pop();
    }
    out.push(w);
}

/// Where `phrase` (words, space separated, already in `words`' form) occurs in `haystack`.
pub fn contains(haystack: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty() && haystack.windows(phrase.len()).any(|w| w == phrase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_words() {
        assert_eq!(words("/api/v3/openOrders"), ["api", "v3", "open", "order"]);
        assert_eq!(words("newClientOrderId"), ["new", "client", "order", "id"]);
        assert_eq!(words("GET_ORDER-BOOK l2"), ["get", "order", "book", "l2"]);
        assert_eq!(words("{symbol}/status"), ["symbol", "status"]);
        assert_eq!(words("address"), ["address"]);
        assert!(contains(&words("/v1/order/book"), &words("order book")));
        assert!(!contains(&words("/v1/order"), &words("order book")));
    }
}
