package hub

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// referenceDuplicates is the plain map-based check findDuplicateMembers
// must agree with: each index whose ID appeared before, with the first
// index of that ID, in order.
func referenceDuplicates(ids []string) []uint64 {
	first := make(map[string]int, len(ids))
	var out []uint64
	for i, id := range ids {
		if j, ok := first[id]; ok {
			out = append(out, uint64(i)<<32|uint64(j))
			continue
		}
		first[id] = i
	}
	return out
}

// sortedDuplicates runs duplicateMembers on ids as validateMembers does.
func sortedDuplicates(ids []string) []uint64 {
	ms := make([]Member, len(ids))
	buf := make([]uint64, 2*len(ids))
	for i, id := range ids {
		ms[i].ID = id
		buf[i] = memberKey(id, i)
	}
	return duplicateMembers(ms, buf)
}

// collidingIDs returns pairs of distinct IDs whose memberKey hashes agree
// (three pairs take about 160,000 random IDs by the birthday bound), so
// that runs of equal hashes with different IDs are tested too.
func collidingIDs(t *testing.T, r *rand.Rand) [][2]string {
	t.Helper()
	seen := make(map[uint64]string, 200_000)
	var out [][2]string
	for len(out) < 3 {
		if len(seen) >= 2_000_000 {
			t.Fatal("no 32-bit hash collision among 2,000,000 IDs")
		}
		id := "c-" + strconv.FormatUint(r.Uint64(), 36)
		h := memberKey(id, 0) >> 32
		if o, ok := seen[h]; ok && o != id {
			out = append(out, [2]string{o, id})
		}
		seen[h] = id
	}
	return out
}

func TestDuplicateMembersMatchesMap(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 7))
	collide := collidingIDs(t, r)
	type tc struct {
		name string
		ids  []string
	}
	var cases []tc
	// Unique IDs on both sides of the 256-key switch to the radix sort.
	for _, n := range []int{0, 1, 2, 3, 255, 256, 257, 1000, 5000} {
		ids := make([]string, n)
		for i := range ids {
			ids[i] = "org-" + strconv.Itoa(i)
		}
		r.Shuffle(n, func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		cases = append(cases, tc{"unique/" + strconv.Itoa(n), ids})
	}
	// Duplicate-heavy: a few distinct IDs, many times each.
	for _, k := range []int{1, 2, 7, 300} {
		for _, n := range []int{10, 300, 4000} {
			ids := make([]string, n)
			for i := range ids {
				ids[i] = "d" + strconv.Itoa(r.IntN(k))
			}
			cases = append(cases, tc{"heavy/k=" + strconv.Itoa(k) + "/n=" + strconv.Itoa(n), ids})
		}
	}
	// Random, some repeats.
	for range 20 {
		n := r.IntN(3000)
		ids := make([]string, n)
		for i := range ids {
			ids[i] = strconv.Itoa(r.IntN(2*n + 1))
		}
		cases = append(cases, tc{"random/" + strconv.Itoa(n), ids})
	}
	// Duplicates far apart: the first and the last of 200,000, and ones
	// around the middle.
	far := make([]string, 200_000)
	for i := range far {
		far[i] = "org-" + strconv.Itoa(i)
	}
	far[len(far)-1] = far[0]
	far[len(far)/2+1] = far[3]
	far[len(far)-2] = far[len(far)/2]
	cases = append(cases, tc{"far", far})
	// Equal hashes with different IDs, alone, repeated and interleaved.
	for _, n := range []int{20, 1000} {
		ids := make([]string, n)
		for i := range ids {
			ids[i] = "x" + strconv.Itoa(i)
		}
		for i := range ids {
			if r.IntN(3) == 0 {
				c := collide[r.IntN(len(collide))]
				ids[i] = c[r.IntN(2)]
			}
		}
		cases = append(cases, tc{"colliding/" + strconv.Itoa(n), ids})
	}
	pair := collide[0]
	cases = append(cases, tc{"colliding/distinct", []string{pair[0], pair[1]}},
		tc{"colliding/repeated", []string{pair[1], pair[0], pair[1], pair[0], pair[0]}})
	for _, c := range cases {
		got, want := sortedDuplicates(c.ids), referenceDuplicates(c.ids)
		if !slices.Equal(got, want) && len(got)+len(want) > 0 {
			t.Errorf("%s: %d duplicates %v…, want %d %v…", c.name, len(got), head(got), len(want), head(want))
		}
	}
}

func head(p []uint64) []uint64 { return p[:min(len(p), 5)] }
