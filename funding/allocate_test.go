package funding_test

import (
	"math"
	"math/rand"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sumFen(ms []funding.Money) int64 {
	var s int64
	for _, m := range ms {
		s += m.Fen()
	}
	return s
}

func TestAllocate_Table(t *testing.T) {
	cases := []struct {
		name    string
		amount  int64
		weights []int64
		want    []int64
	}{
		{"thirds: leftover fen to the lower index", 100, []int64{1, 1, 1}, []int64{34, 33, 33}},
		{"largest remainder wins", 100, []int64{1, 2}, []int64{33, 67}},
		{"zero weight gets nothing", 101, []int64{0, 1, 1, 0}, []int64{0, 51, 50, 0}},
		{"40/30/30 of 1000.01", 100001, []int64{40, 30, 30}, []int64{40001, 30000, 30000}},
		{"zero amount", 0, []int64{5, 5}, []int64{0, 0}},
		{"huge weights fall back to decimal", 1000, []int64{math.MaxInt64, math.MaxInt64, 1}, []int64{500, 500, 0}},
		{"max amount", math.MaxInt64, []int64{1, 1}, []int64{math.MaxInt64/2 + 1, math.MaxInt64 / 2}},
	}
	for _, c := range cases {
		got, err := funding.Allocate(funding.Fen(c.amount), c.weights)
		require.NoError(t, err, c.name)
		fens := make([]int64, len(got))
		for i, g := range got {
			fens[i] = g.Fen()
		}
		assert.Equal(t, c.want, fens, c.name)
	}
}

func TestAllocate_BadInput(t *testing.T) {
	cases := []struct {
		name    string
		amount  int64
		weights []int64
		path    string
	}{
		{"all zero", 100, []int64{0, 0}, "weights"},
		{"negative weight", 100, []int64{1, -1}, "weights[1]"},
		{"negative amount", -1, []int64{1}, "amount"},
		{"no weights", 1, nil, "weights"},
	}
	for _, c := range cases {
		_, err := funding.Allocate(funding.Fen(c.amount), c.weights)
		require.Error(t, err, c.name)
		var ie *hubrules.InputError
		require.ErrorAs(t, err, &ie)
		_, ok := ie.Field(c.path)
		assert.True(t, ok, c.name+": "+err.Error())
	}
}

// TestAllocate_Properties: with seeded random inputs, every allocation sums
// exactly, no part is negative, a zero weight gets zero, and the same input
// gives the same output.
func TestAllocate_Properties(t *testing.T) {
	rng := rand.New(rand.NewSource(20260101))
	for n := 0; n < 2000; n++ {
		k := 1 + rng.Intn(40)
		w := make([]int64, k)
		any := false
		for i := range w {
			switch rng.Intn(4) {
			case 0:
				w[i] = 0
			case 1:
				w[i] = rng.Int63()
			default:
				w[i] = rng.Int63n(1000)
			}
			any = any || w[i] != 0
		}
		if !any {
			w[0] = 1
		}
		amt := rng.Int63()
		if rng.Intn(2) == 0 {
			amt = rng.Int63n(1_000_000_00)
		}
		a, err := funding.Allocate(funding.Fen(amt), w)
		require.NoError(t, err)
		assert.Equal(t, amt, sumFen(a))
		for i := range a {
			assert.False(t, a[i].IsNegative())
			if w[i] == 0 {
				assert.True(t, a[i].IsZero())
			}
		}
		b, _ := funding.Allocate(funding.Fen(amt), w)
		assert.Equal(t, a, b)
	}
}

func FuzzAllocate(f *testing.F) {
	f.Add(int64(1500000000), int64(1), int64(2), int64(0), int64(3))
	f.Add(int64(0), int64(0), int64(0), int64(0), int64(0))
	f.Add(int64(-5), int64(1), int64(-1), int64(1), int64(1))
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), int64(math.MaxInt64), int64(1), int64(0))
	f.Fuzz(func(t *testing.T, amt, a, b, c, d int64) {
		w := []int64{a, b, c, d}
		parts, err := funding.Allocate(funding.Fen(amt), w)
		if err != nil {
			require.ErrorIs(t, err, hubrules.ErrInvalidInput)
			return
		}
		var s int64
		for i, p := range parts {
			require.False(t, p.IsNegative())
			if w[i] == 0 {
				require.True(t, p.IsZero())
			}
			s += p.Fen()
		}
		require.Equal(t, amt, s)
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1234.50", "0", "-0.01", "1,234", "1e5", "", "12345678901234567.89", "99999999999999999999", "1.005", "元", "+.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := funding.ParseMoney(s)
		if err != nil {
			require.ErrorIs(t, err, hubrules.ErrInvalidInput)
			return
		}
		back, err := funding.ParseMoney(m.String())
		require.NoError(t, err)
		require.True(t, back.Equal(m))
		r, err := funding.ParseMoneyRound(s, funding.HalfUp)
		require.NoError(t, err)
		require.True(t, r.Equal(m))
	})
}
