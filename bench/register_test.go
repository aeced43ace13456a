package bench_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/hubrules/hubrules/bench"
	"github.com/hubrules/hubrules/hub"
)

var registerBatch *hub.SyncBatch

// loadRegisterBatch loads the register once into a hub.SyncBatch (each
// organization validated as it is added).
func loadRegisterBatch(b *testing.B) *hub.SyncBatch {
	b.Helper()
	registerOnce.Do(func() { register = bench.Generate(registerSize, bench.Seed+1) })
	if registerBatch == nil {
		registerBatch = newBatch(b, register)
	}
	return registerBatch
}

func newBatch(tb testing.TB, orgs []hub.SyncOrg) *hub.SyncBatch {
	events := 0
	for i := range orgs {
		events += len(orgs[i].Events)
	}
	sb := &hub.SyncBatch{}
	sb.Grow(len(orgs), events)
	for i := range orgs {
		if err := sb.Add(&orgs[i]); err != nil {
			tb.Fatal(err)
		}
	}
	return sb
}

// TestBatchAgrees: the register path (SyncBatch) fails the same rules as
// the per-organization check for the 1,000 organizations.
func TestBatchAgrees(t *testing.T) {
	f := load(t)
	sb := newBatch(t, f.orgs)
	for i := range f.orgs {
		want, err := f.hub.Check(&f.orgs[i])
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.hub.CheckBatch(sb, i)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("%s: batch %v, check %v", f.orgs[i].ID, got.IDs(), want.IDs())
		}
	}
}

// registerLoop runs check over the n organizations of the register per op
// and reports ns/org and the thread's cpu-ns/org.
func registerLoop(b *testing.B, n int, check func(i int) (bench.Mask, error), out []bench.Mask) {
	perOrg(b, func() int {
		for i := 0; i < n; i++ {
			m, err := check(i)
			if err != nil {
				b.Fatal(err)
			}
			out[i] = m
		}
		return n
	})
}

// perOrg runs op once per b.Loop iteration on a locked OS thread; op
// returns how many organizations it handled, and the wall and thread CPU
// time per organization are reported (ns/org, cpu-ns/org).
func perOrg(b *testing.B, op func() int) {
	b.ReportAllocs()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := threadCPU()
	start := time.Now()
	n := 0
	for b.Loop() {
		n += op()
	}
	b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(n), "ns/org")
	b.ReportMetric(float64(threadCPU()-cpu0)/float64(n), "cpu-ns/org")
}
