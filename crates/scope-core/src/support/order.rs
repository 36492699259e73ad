//! Sorting through one shared instantiation of the standard sort.
//!
//! Every `sort_by` with its own closure is a separate copy of the sort in the wasm bundle
//! (2-5 KB each). Orders that are not hot go through `order_by`, whose comparator is a trait
//! object, so they share one copy. The hot sorts (10,000 Monte Carlo samples) keep their own.

use std::cmp::Ordering;

/// The indices `0..n` ordered by `cmp`, ties in index order: the order a stable sort gives.
pub(crate) fn order_by(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    // The index breaks every tie, so the comparison is a total order and the unstable sort has
    // one possible result.
    #[allow(clippy::disallowed_methods)] // the rule's own exception: the one shared copy
    order.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    order
}

/// Samples in increasing order (the Monte Carlo's 10,000, the record's days): the one float sort,
/// hot, with its comparator inlined.
pub fn sort_floats(xs: &mut [f64]) {
    #[allow(clippy::disallowed_methods)]
    // the rule's own exception: one copy, for every float sort
    xs.sort_unstable_by(f64::total_cmp);
}

/// `items` sorted stably by `cmp`.
pub fn sorted_by<T>(items: Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let order = order_by(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots[i].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        let sorted = sorted_by(items.clone(), |a, b| a.0.cmp(&b.0));
        assert_eq!(sorted, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut std = items;
        #[allow(clippy::disallowed_methods)] // compared with std's own
        std.sort_by_key(|x| x.0);
        assert_eq!(sorted, std);
        assert_eq!(order_by(3, &|a, b| b.cmp(&a)), [2, 1, 0]);
        assert!(sorted_by(Vec::<u8>::new(), Ord::cmp).is_empty());
    }
}
