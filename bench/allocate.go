package bench

import "slices"

// LargestRemainder is the plain int64 baseline of funding.Allocate: amount
// fen split by weights with the largest-remainder method (ties to the lower
// index), written into dst. It trusts its input (non-negative, a positive
// sum, amount×weight within int64) and checks nothing.
func LargestRemainder(dst []int64, amount int64, weights []int64) {
	var sum int64
	for _, w := range weights {
		sum += w
	}
	type rem struct {
		r int64
		i int
	}
	rems := make([]rem, len(weights))
	given := int64(0)
	for i, w := range weights {
		dst[i] = amount * w / sum
		given += dst[i]
		rems[i] = rem{amount * w % sum, i}
	}
	slices.SortFunc(rems, func(a, b rem) int {
		if a.r != b.r {
			if a.r > b.r {
				return -1
			}
			return 1
		}
		return a.i - b.i
	})
	for k := int64(0); k < amount-given; k++ {
		dst[rems[k].i]++
	}
}
