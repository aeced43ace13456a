package bench

// LargestRemainder is the plain int64 baseline of funding.Allocate: amount
// fen split by weights with the largest-remainder method (ties to the lower
// index), written into dst. It trusts its input (non-negative, a positive
// sum, amount×weight within int64) and checks nothing. The leftover fen are
// selected in expected O(n) by Hoare's quickselect, not by a sort, so that
// it is the fastest plain way to compute the same split.
func LargestRemainder(dst []int64, amount int64, weights []int64) {
	var sum int64
	for _, w := range weights {
		sum += w
	}
	rems := make([]rem, len(weights))
	given := int64(0)
	for i, w := range weights {
		dst[i] = amount * w / sum
		given += dst[i]
		rems[i] = rem{amount * w % sum, i}
	}
	left := int(amount - given)
	if left == 0 {
		return
	}
	selectFirst(rems, left)
	for _, e := range rems[:left] {
		dst[e.i]++
	}
}

type rem struct {
	r int64
	i int
}

// first reports whether a gets a leftover fen before b: a larger
// remainder, or an equal one at a lower index.
func first(a, b rem) bool { return a.r > b.r || a.r == b.r && a.i < b.i }

// selectFirst reorders rems so that its first k elements are the k that
// come first (0 < k ≤ len(rems)): quickselect, median-of-three pivot.
func selectFirst(rems []rem, k int) {
	t := k - 1
	lo, hi := 0, len(rems)-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		if first(rems[mid], rems[lo]) {
			rems[mid], rems[lo] = rems[lo], rems[mid]
		}
		if first(rems[hi], rems[lo]) {
			rems[hi], rems[lo] = rems[lo], rems[hi]
		}
		if first(rems[hi], rems[mid]) {
			rems[hi], rems[mid] = rems[mid], rems[hi]
		}
		p := rems[mid]
		i, j := lo, hi
		for i <= j {
			for first(rems[i], p) {
				i++
			}
			for first(p, rems[j]) {
				j--
			}
			if i <= j {
				rems[i], rems[j] = rems[j], rems[i]
				i++
				j--
			}
		}
		switch {
		case t <= j:
			hi = j
		case t >= i:
			lo = i
		default:
			return
		}
	}
}
