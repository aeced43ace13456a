package funding_test

import (
	"math/rand"
	"sort"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
)

// int64Allocate is the plain baseline: largest remainder in int64 fen, no
// overflow guard, no validation, ties by lower index.
func int64Allocate(total int64, w []int64) []int64 {
	var sum int64
	for _, x := range w {
		sum += x
	}
	out := make([]int64, len(w))
	rem := make([]int64, len(w))
	idx := make([]int, len(w))
	var given int64
	for i, x := range w {
		out[i] = total * x / sum
		rem[i] = total * x % sum
		given += out[i]
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool {
		if rem[idx[a]] != rem[idx[b]] {
			return rem[idx[a]] > rem[idx[b]]
		}
		return idx[a] < idx[b]
	})
	for k := int64(0); k < total-given; k++ {
		out[idx[k]]++
	}
	return out
}

// jingan 2018: 535 purchased projects; split 15,000,000.00 by their budgets.
func jinganWeights() []int64 {
	rng := rand.New(rand.NewSource(2018))
	w := make([]int64, 535)
	for i := range w {
		w[i] = 1_000_000 + rng.Int63n(100_000_000) // 10,000 – 1,010,000 yuan in fen
	}
	return w
}

func TestAllocate_MatchesInt64Baseline(t *testing.T) {
	w := jinganWeights()
	total := funding.MustParseMoney("15000000.00")
	got, err := funding.Allocate(total, w)
	if err != nil {
		t.Fatal(err)
	}
	want := int64Allocate(total.Fen(), w)
	for i := range got {
		if got[i].Fen() != want[i] {
			t.Fatalf("part %d: %d != %d", i, got[i].Fen(), want[i])
		}
	}
}

func BenchmarkAllocate(b *testing.B) {
	w := jinganWeights()
	total := funding.MustParseMoney("15000000.00")
	b.Run("hubrules", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := funding.Allocate(total, w); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("hubrules_into", func(b *testing.B) {
		b.ReportAllocs()
		dst := make([]funding.Money, len(w))
		for i := 0; i < b.N; i++ {
			if err := funding.AllocateInto(dst, total, w); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("int64", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			_ = int64Allocate(total.Fen(), w)
		}
	})
}

func BenchmarkParseMoney(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := funding.ParseMoney("1234567.89"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLedgerCommit(b *testing.B) {
	l := jinganLedger(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := l.Commit("projects", "P-1", funding.Yuan(1000)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFee(b *testing.B) {
	e, _ := funding.NewEvaluator(hubrules.Lujiazui, d2020)
	in := funding.FeeInput{Project: "p", Total: hubrules.Ptr(funding.Yuan(1000000))}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := e.Fee(in); err != nil {
			b.Fatal(err)
		}
	}
}

// TestAllocate_MatchesSortOnRandomInputs compares AllocateInto with the
// sorting baseline fen by fen on random inputs from 1 to 100,000 parts,
// with weights drawn from a few values (many equal remainders: the ties)
// or from a wide range, and zeros among them.
func TestAllocate_MatchesSortOnRandomInputs(t *testing.T) {
	rng := rand.New(rand.NewSource(19))
	for it := 0; it < 300; it++ {
		n := 1 + rng.Intn(100)
		switch it % 5 {
		case 3:
			n = 1 + rng.Intn(5000)
		case 4:
			n = 1 + rng.Intn(100_000)
		}
		w := make([]int64, n)
		levels := 1 + rng.Intn(6)
		for i := range w {
			if it%2 == 0 {
				w[i] = int64(rng.Intn(levels)) * 7919
			} else {
				w[i] = rng.Int63n(100_000_000)
			}
		}
		w[rng.Intn(n)]++
		total := rng.Int63n(10_000_000_000)
		got := make([]funding.Money, n)
		if err := funding.AllocateInto(got, funding.Fen(total), w); err != nil {
			t.Fatal(err)
		}
		want := int64Allocate(total, w)
		for i := range got {
			if got[i].Fen() != want[i] {
				t.Fatalf("case %d (%d parts), part %d: %d != %d", it, n, i, got[i].Fen(), want[i])
			}
		}
	}
}
