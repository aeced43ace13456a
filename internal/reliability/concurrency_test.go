package reliability_test

import (
	"encoding/json"
	"math/rand"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/hubrules/hubrules/grading"
	"github.com/hubrules/hubrules/hub"
	"github.com/hubrules/hubrules/incubation"
	"github.com/hubrules/hubrules/internal/kinds"
)

// sampleInput decodes the named kind's sample into its input type.
func sampleInput[T any](t testing.TB, kind string) T {
	t.Helper()
	k, ok := kinds.Lookup(kind)
	require.True(t, ok, kind)
	in := k.Input()
	require.NoError(t, hubrules.DecodeJSON(sample(t, k), in))
	v, ok := in.(*T)
	require.True(t, ok, "%s: input is %T", kind, in)
	return *v
}

// task is one evaluation through a shared prepared checker; it returns the
// result or the error as JSON.
type task func() []byte

func result(v any, err error) []byte {
	if err != nil {
		b, _ := json.Marshal(map[string]string{"error": err.Error()})
		return b
	}
	b, err := json.Marshal(v)
	if err != nil {
		return []byte("marshal: " + err.Error())
	}
	return b
}

func day(s string) hubrules.Date { return hubrules.MustParseDate(s) }

// tasks builds evaluations over one prepared checker of each package.
func tasks(t testing.TB) map[string][]task {
	out := map[string][]task{}

	cov, err := hub.NewChecker(hubrules.Wuliqiao, day("2024-06-30"))
	require.NoError(t, err)
	members := sampleInput[hub.Members](t, "check coverage")
	out["hub.Checker"] = append(out["hub.Checker"], func() []byte { return result(cov.Coverage(members, day("2024-06-30"))) })
	for n := -1; n <= 120; n += 7 {
		out["hub.Checker"] = append(out["hub.Checker"], func() []byte { return result(cov.Form(n)) })
	}
	kx, err := hub.NewChecker(hubrules.Kaixuan, day("2024-06-30"))
	require.NoError(t, err)
	st := sampleInput[hub.Structure](t, "check structure")
	out["hub.Checker"] = append(out["hub.Checker"], func() []byte { return result(kx.CheckStructure(st, day("2024-06-30"))) })

	asOf := day("2024-12-31")
	sc, err := hub.NewSyncChecker(hubrules.Kaixuan, asOf)
	require.NoError(t, err)
	orgs := []hub.SyncOrg{sampleInput[hub.SyncOrg](t, "check sync")}
	r := rand.New(rand.NewSource(7))
	for range 40 {
		orgs = append(orgs, randomSyncOrg(r, asOf))
	}
	for _, o := range orgs {
		out["hub.SyncChecker"] = append(out["hub.SyncChecker"], func() []byte {
			res, err := sc.Check(o, asOf)
			return result(&res, err)
		})
	}

	m, err := incubation.NewMachine(hubrules.Kaixuan, day("2024-03-01"))
	require.NoError(t, err)
	req := sampleInput[incubation.Request](t, "incubate")
	out["incubation.Machine"] = append(out["incubation.Machine"], func() []byte {
		rec, dec, err := m.FireRequest(req)
		return result([]any{rec, dec}, err)
	})
	rec, _, err := m.FireRequest(req)
	require.NoError(t, err)
	for i, tr := range incubation.Triggers() {
		facts := incubation.Facts{Actor: "a", ProjectsDelivered: hubrules.Ptr(i), Registration: incubation.Registration("registered")}
		out["incubation.Machine"] = append(out["incubation.Machine"], func() []byte {
			rec2, dec, err := m.Fire(rec, tr, facts, day("2024-09-01"))
			return result([]any{rec2, dec}, err)
		})
	}

	fe, err := funding.NewEvaluator(hubrules.Jingan, day("2018-12-31"))
	require.NoError(t, err)
	for _, total := range []string{"0.00", "0.01", "286000.00", "99999999.99"} {
		out["funding.Evaluator"] = append(out["funding.Evaluator"], func() []byte {
			return result(fe.Fee(funding.FeeInput{Project: "p", Total: hubrules.Ptr(funding.MustParseMoney(total))}))
		})
	}
	li := sampleInput[kinds.LedgerInput](t, "fund ledger")
	out["funding.Evaluator"] = append(out["funding.Evaluator"], func() []byte {
		l, err := fe.Ledger()
		if err != nil {
			return result(nil, err)
		}
		return result(l.Replay(li.Entries))
	})
	vi := sampleInput[funding.VentureInput](t, "fund venture")
	out["funding.Evaluator"] = append(out["funding.Evaluator"], func() []byte { return result(fe.Venture(vi)) })

	g, err := grading.NewGrader(hubrules.Lujiazui, day("2024-06-30"))
	require.NoError(t, err)
	gr := rand.New(rand.NewSource(11))
	var sheets []grading.ScoreSheet
	for i := range 30 {
		s := randomSheet(gr, g, i)
		sheets = append(sheets, s)
		out["grading.Grader"] = append(out["grading.Grader"], func() []byte { return result(g.Grade(&s)) })
	}
	alt, err := grading.NewGrader(hubrules.Xiyuan, day("2024-06-30"))
	require.NoError(t, err)
	out["grading.Grader"] = append(out["grading.Grader"], func() []byte { return result(grading.WhatIf(g, alt, sheets)) })
	return out
}

// Prepared checkers shared by many goroutines give what a sequential run
// gives (run with -race).
func TestPreparedCheckers_ConcurrentEqualsSequential(t *testing.T) {
	for name, ts := range tasks(t) {
		t.Run(name, func(t *testing.T) {
			want := make([][]byte, len(ts))
			for i, f := range ts {
				want[i] = f()
			}
			const workers = 16
			got := make([][][]byte, workers)
			var wg sync.WaitGroup
			start := make(chan struct{})
			for w := range workers {
				got[w] = make([][]byte, len(ts))
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					// Each worker starts at a different task.
					for j := range ts {
						i := (j + w*7) % len(ts)
						got[w][i] = ts[i]()
					}
				}()
			}
			close(start)
			wg.Wait()
			for w := range workers {
				for i := range ts {
					assert.Equal(t, string(want[i]), string(got[w][i]), "worker %d task %d", w, i)
				}
			}
		})
	}
}
