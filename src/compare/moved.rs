//! Which aligned pairs stand in a different order on the two sides.
//!
//! Sort the pairs by their left position; the pairs that keep their order
//! on the right form increasing chains of right positions. A pair is
//! *in place* when it belongs to every longest such chain, and *moved*
//! otherwise (two swapped sentences are both moved; one sentence that
//! jumped is moved, the rest are not). The definition depends only on the
//! set of pairs, so it reads the same from either side.

/// `pairs` are `(left, right)` positions, distinct on each side. Returns
/// one flag per pair, in the input order: true when the pair moved.
pub fn moved_flags(pairs: &[(usize, usize)]) -> Vec<bool> {
    let n = pairs.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| pairs[i].0);
    let rights: Vec<usize> = order.iter().map(|&i| pairs[i].1).collect();
    let ending = chain_lengths(&rights);
    let reversed: Vec<usize> = rights.iter().rev().map(|&r| usize::MAX - r).collect();
    let mut starting = chain_lengths(&reversed);
    starting.reverse();
    let longest = ending.iter().copied().max().unwrap_or(0);
    // A pair on some longest chain has ending + starting - 1 == longest; it
    // is on every one when no other such pair has the same chain position.
    let mut on_chain_at = vec![0usize; longest + 1];
    for k in 0..n {
        if ending[k] + starting[k] - 1 == longest {
            on_chain_at[ending[k]] += 1;
        }
    }
    let mut flags = vec![true; n];
    for k in 0..n {
        let on_some = ending[k] + starting[k] - 1 == longest;
        if on_some && on_chain_at[ending[k]] == 1 {
            flags[order[k]] = false;
        }
    }
    flags
}

/// For each element, the length of the longest strictly increasing chain
/// ending at it (patience sorting, O(n log n)).
fn chain_lengths(values: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    values
        .iter()
        .map(|&v| {
            let pos = tails.partition_point(|&t| t < v);
            if pos == tails.len() {
                tails.push(v);
            } else {
                tails[pos] = v;
            }
            pos + 1
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_order_pairs_are_not_moved() {
        assert_eq!(moved_flags(&[(0, 0), (1, 2), (3, 5)]), [false, false, false]);
        assert!(moved_flags(&[]).is_empty());
    }

    #[test]
    fn one_jump_moves_one_pair() {
        let pairs = [(0, 0), (1, 1), (2, 2), (3, 9), (4, 3), (5, 4)];
        assert_eq!(moved_flags(&pairs), [false, false, false, true, false, false]);
    }

    #[test]
    fn a_swap_moves_both() {
        assert_eq!(
            moved_flags(&[(0, 0), (1, 3), (2, 2), (3, 4)]),
            [false, true, true, false]
        );
    }

    #[test]
    fn flags_are_the_same_from_either_side() {
        let pairs = [(0, 4), (1, 0), (2, 1), (5, 2), (6, 7), (7, 5), (9, 6)];
        let mirrored: Vec<(usize, usize)> = pairs.iter().map(|&(l, r)| (r, l)).collect();
        assert_eq!(moved_flags(&pairs), moved_flags(&mirrored));
    }
}
