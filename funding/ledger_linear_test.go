package funding_test

import (
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ledgerEntries returns n entries over the jingan areas: a commitment of
// 10.00 to a new project, then a payment of 4.00 out of it, and so on, so
// that the number of projects grows with n.
func ledgerEntries(n int) []funding.Entry {
	areas := []string{"cultivation", "capacity", "incentive", "projects"}
	out := make([]funding.Entry, n)
	for i := range out {
		p := "P-" + strconv.Itoa(i/2)
		if i%2 == 0 {
			out[i] = funding.Entry{Op: funding.OpCommit, Area: areas[i/2%4], Project: p, Amount: funding.Yuan(10)}
		} else {
			out[i] = funding.Entry{Op: funding.OpPay, Project: p, Amount: funding.Yuan(4)}
		}
	}
	return out
}

// FND-BUDGET-01: 100,000 entries replay (each used to copy every
// commitment: 332 s), give the ledger Apply gives entry by entry, and a
// refused last entry leaves the ledger as it was.
func TestFND_BUDGET_01_ReplayHundredThousand(t *testing.T) {
	base := jinganLedger(t)
	entries := ledgerEntries(100_000)
	l, err := base.Replay(entries)
	require.NoError(t, err)
	assert.Equal(t, 100_000, l.Seq())
	tot := l.Totals()
	assert.Equal(t, "500000.00", tot.Committed.String())
	assert.Equal(t, "200000.00", tot.Paid.String())
	assert.Len(t, l.Commitments(), 50_000)
	h := l.History()
	require.Len(t, h, 100_000)
	assert.Equal(t, funding.Entry{Seq: 100_000, Op: funding.OpPay, Area: "projects", Project: "P-49999", Amount: funding.Yuan(4)}, h[99_999])
	assert.Equal(t, 0, base.Seq(), "the receiver is unchanged")

	// One more entry that overdraws a project is refused with its index;
	// the receiver is the ledger of the 100,000.
	bad := append(entries[:len(entries):len(entries)], funding.Entry{Op: funding.OpPay, Project: "P-7", Amount: funding.Yuan(7)})
	n, err := base.Replay(bad)
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "entries[100000].amount", ie.Fields[0].Path)
	assert.Equal(t, base, n)
	n, err = l.Replay(bad[100_000:])
	require.Error(t, err)
	assert.Equal(t, l, n)
	assert.Equal(t, tot, l.Totals())

	// Replay and Apply entry by entry agree, and neither changes the ledger
	// it started from.
	prefix := entries[:3000]
	r, err := base.Replay(prefix)
	require.NoError(t, err)
	a := base
	for _, e := range prefix {
		a, err = a.Apply(e)
		require.NoError(t, err)
	}
	assert.Equal(t, a.State(), r.State())
	mid, err := base.Replay(prefix[:1000])
	require.NoError(t, err)
	before := mid.State()
	_, err = mid.Replay(prefix[1000:])
	require.NoError(t, err)
	_, err = mid.Commit("projects", "P-new", funding.Yuan(1))
	require.NoError(t, err)
	assert.Equal(t, before, mid.State(), "later entries never change an earlier ledger")
}

// replayBytes is the bytes allocated per entry replaying n entries.
func replayBytes(t *testing.T, base funding.Ledger, n int) uint64 {
	entries := ledgerEntries(n)
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	_, err := base.Replay(entries)
	runtime.ReadMemStats(&m1)
	require.NoError(t, err)
	return (m1.TotalAlloc - m0.TotalAlloc) / uint64(n)
}

// FND-BUDGET-01: replay is linear: the memory allocated per entry does not
// grow with the number of entries (it grew with the number of projects).
func TestFND_BUDGET_01_ReplayLinear(t *testing.T) {
	base := jinganLedger(t)
	small, large := replayBytes(t, base, 2000), replayBytes(t, base, 20000)
	t.Logf("bytes per entry: %d at 2,000 entries, %d at 20,000", small, large)
	assert.Less(t, large, 2*small, "bytes per entry grow with the entries")
	assert.Less(t, large, uint64(1024))
}

// BenchmarkLedgerReplay replays 1k, 10k and 100k entries (half of them new
// projects) and reports the cost per entry, which stays flat.
func BenchmarkLedgerReplay(b *testing.B) {
	base := jinganLedger(b)
	for _, n := range []int{1000, 10_000, 100_000} {
		entries := ledgerEntries(n)
		b.Run(strconv.Itoa(n/1000)+"k", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := base.Replay(entries); err != nil {
					b.Fatal(err)
				}
			}
			perEntry := b.Elapsed() / time.Duration(b.N*n)
			b.ReportMetric(perEntry.Seconds()*1e9, "ns/entry")
		})
	}
}
