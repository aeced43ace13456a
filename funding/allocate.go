package funding

import (
	"math/bits"
	"slices"

	"github.com/hubrules/hubrules"
	"github.com/shopspring/decimal"
)

// Allocate splits amount by weights exact to the fen with the largest-
// remainder method (Hamilton): each part first gets floor(amount×wᵢ/Σw)
// fen; the fen left over (fewer than the number of parts) go one each to
// the parts with the largest remainders, ties to the lower index first.
//
// Guarantees: the parts add up to amount exactly; no part is negative; a
// zero weight never receives a fen; the same input gives the same output.
// A negative amount, a negative weight or all-zero weights are an
// *hubrules.InputError. The arithmetic is int64 fen with 128-bit products
// (math/bits); only when the weights' sum overflows 64 bits does it fall
// back to decimal.
func Allocate(amount Money, weights []int64) ([]Money, error) {
	out := make([]Money, len(weights))
	if err := AllocateInto(out, amount, weights); err != nil {
		return nil, err
	}
	return out, nil
}

// AllocateMoney splits amount in proportion to other amounts (requests,
// budgets), as Allocate does with their fen as weights.
func AllocateMoney(amount Money, weights []Money) ([]Money, error) {
	w := make([]int64, len(weights))
	for i, m := range weights {
		w[i] = m.fen
	}
	return Allocate(amount, w)
}

// AllocateInto is Allocate writing into dst (len(dst) must equal
// len(weights)); it allocates only a scratch index for the remainders.
func AllocateInto(dst []Money, amount Money, weights []int64) error {
	var p hubrules.Problems
	if amount.fen < 0 {
		p.Add("amount", "gte", amount.String(), hubrules.T("待分配金额不能为负", "the amount to split must not be negative"))
	}
	if len(weights) == 0 {
		p.Add("weights", "required", "", hubrules.T("权重不能为空", "weights are required"))
	}
	if len(dst) != len(weights) {
		p.Add("dst", "len", "", hubrules.T("结果长度与权重个数不符", "dst and weights differ in length"))
	}
	var sum uint64
	overflow := false
	for i, w := range weights {
		if w < 0 {
			p.Add(hubrules.Index("weights", i), "gte", itoa64(w), hubrules.T("权重不能为负", "a weight must not be negative"))
			continue
		}
		var c uint64
		sum, c = bits.Add64(sum, uint64(w), 0)
		if c != 0 {
			overflow = true
		}
	}
	if p.Len() == 0 && sum == 0 && !overflow {
		p.Add("weights", "all_zero", "", hubrules.T("权重全为零，无法分配", "all weights are zero: nothing to split by"))
	}
	if err := p.Err(); err != nil {
		return err
	}
	if overflow {
		return allocateDecimal(dst, amount, weights)
	}
	total := uint64(amount.fen)
	var given uint64
	// rems holds (remainder, index) for the largest-remainder pass.
	rems := make([]remIdx, 0, len(weights))
	for i, w := range weights {
		hi, lo := bits.Mul64(total, uint64(w))
		q, r := lo/sum, lo%sum // the usual case, a 64-bit product: one plain division
		if hi != 0 {
			q, r = bits.Div64(hi, lo, sum) // hi < sum since w ≤ sum and total×w/sum ≤ total
		}
		dst[i] = Money{int64(q)}
		given += q
		if r != 0 {
			rems = append(rems, remIdx{r, int32(i)})
		}
	}
	distributeLeftover(dst, rems, total-given, sum)
	return nil
}

type remIdx struct {
	r uint64
	i int32
}

// distributeLeftover gives the left fen one each to the parts of rems (in
// index order, remainders below sum) with the largest remainders, ties to
// the lower index. It selects them in linear time instead of sorting: a
// radix selection on 8 bits of the remainders at a time, from the top,
// each pass giving their fen to the parts above the bucket where the
// left-th largest falls and keeping that bucket's parts (in index order)
// for the next 8 bits. A short list is sorted.
func distributeLeftover(dst []Money, rems []remIdx, left, sum uint64) {
	if left >= uint64(len(rems)) {
		// Not reached: the left fen are the sum of the remainders over
		// sum, fewer than the parts with one (defensive).
		for _, e := range rems {
			dst[e.i].fen++
		}
		return
	}
	need := int(left)
	for s := max(bits.Len64(sum)-8, 0); need > 0; s = max(s-8, 0) {
		if len(rems) <= leftoverSortMax {
			sortRemainders(rems)
			break
		}
		var hist [256]int32
		for _, e := range rems {
			hist[byte(e.r>>s)]++
		}
		b, above := 255, 0
		for above+int(hist[b]) < need {
			above += int(hist[b])
			b--
		}
		m := 0
		for _, e := range rems {
			switch k := int(byte(e.r >> s)); {
			case k > b:
				dst[e.i].fen++
			case k == b:
				rems[m] = e
				m++
			}
		}
		rems, need = rems[:m], need-above
		if s == 0 {
			break // the parts left have equal remainders: lower index first
		}
	}
	for _, e := range rems[:need] {
		dst[e.i].fen++
	}
}

// leftoverSortMax is the longest list of remainders sorted rather than
// selected by radix (whose pass costs a 256-bucket histogram).
const leftoverSortMax = 32

// sortRemainders sorts rems by remainder, largest first, ties by index
// (an insertion sort: rems is short).
func sortRemainders(rems []remIdx) {
	for i := 1; i < len(rems); i++ {
		e := rems[i]
		j := i
		for ; j > 0 && (rems[j-1].r < e.r || rems[j-1].r == e.r && rems[j-1].i > e.i); j-- {
			rems[j] = rems[j-1]
		}
		rems[j] = e
	}
}

func allocateDecimal(dst []Money, amount Money, weights []int64) error {
	sum := decimal.Zero
	for _, w := range weights {
		sum = sum.Add(decimal.NewFromInt(w))
	}
	total := decimal.NewFromInt(amount.fen)
	given := int64(0)
	type dr struct {
		r decimal.Decimal
		i int
	}
	rs := make([]dr, 0, len(weights))
	for i, w := range weights {
		num := total.Mul(decimal.NewFromInt(w))
		q := num.Div(sum).Floor()
		r := num.Sub(q.Mul(sum))
		dst[i] = Money{q.IntPart()}
		given += q.IntPart()
		if r.IsPositive() {
			rs = append(rs, dr{r, i})
		}
	}
	slices.SortStableFunc(rs, func(a, b dr) int { return -a.r.Cmp(b.r) })
	left := amount.fen - given
	for k := 0; int64(k) < left && k < len(rs); k++ {
		dst[rs[k].i].fen++
	}
	return nil
}

func itoa64(n int64) string { return formatInt(n) }
