package reliability_test

import (
	"encoding/json"
	"errors"
	"math/rand"
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

// A refused ledger operation returns an *hubrules.InputError and leaves the
// ledger exactly as it was; so does a replay refused at its last entry.
func TestLedger_RefusedOperationLeavesItUnchanged(t *testing.T) {
	e, err := funding.NewEvaluator(hubrules.Jingan, day("2018-12-31"))
	require.NoError(t, err)
	l0, err := e.Ledger()
	require.NoError(t, err)
	li := sampleInput[kinds.LedgerInput](t, "fund ledger")
	l, err := l0.Replay(li.Entries)
	require.NoError(t, err)
	before := mustJSON(t, l)
	state := mustJSON(t, l.State())
	area, ok := l.Area("cultivation")
	require.True(t, ok)

	refused := map[string]func() (funding.Ledger, error){
		"pay more than committed": func() (funding.Ledger, error) {
			return l.Pay("孵化基地运营", funding.MustParseMoney("900000.00"))
		},
		"pay a project never committed": func() (funding.Ledger, error) { return l.Pay("ghost", funding.Yuan(1)) },
		"commit beyond the area's free amount": func() (funding.Ledger, error) {
			over, err := area.Free.Add(funding.Fen(1))
			require.NoError(t, err)
			return l.Commit("cultivation", "new", over)
		},
		"commit to an unknown area": func() (funding.Ledger, error) { return l.Commit("moon", "new", funding.Yuan(1)) },
		"release more than unpaid": func() (funding.Ledger, error) {
			return l.Release("能力建设培训", funding.MustParseMoney("300000.00"))
		},
		"negative payment": func() (funding.Ledger, error) { return l.Pay("孵化基地运营", funding.Yuan(-5)) },
		"zero commitment":  func() (funding.Ledger, error) { return l.Commit("capacity", "zero", funding.Yuan(0)) },
		"replay failing at its last entry": func() (funding.Ledger, error) {
			return l.Replay([]funding.Entry{
				{Op: funding.OpCommit, Area: "capacity", Project: "ok", Amount: funding.Yuan(10)},
				{Op: funding.OpPay, Project: "ok", Amount: funding.Yuan(11)},
			})
		},
		"apply an unknown operation": func() (funding.Ledger, error) {
			return l.Apply(funding.Entry{Op: "steal", Project: "孵化基地运营", Amount: funding.Yuan(1)})
		},
	}
	for name, op := range refused {
		t.Run(name, func(t *testing.T) {
			_, err := op()
			require.Error(t, err)
			var ie *hubrules.InputError
			assert.True(t, errors.As(err, &ie), "%T: %v", err, err)
			assert.JSONEq(t, string(before), string(mustJSON(t, l)), "ledger changed")
			assert.JSONEq(t, string(state), string(mustJSON(t, l.State())))
		})
	}
	// An accepted operation does not change the ledger it started from
	// either: ledgers are values.
	_, err = l.Pay("孵化基地运营", funding.Yuan(1))
	require.NoError(t, err)
	assert.JSONEq(t, string(before), string(mustJSON(t, l)))
}

// A refused firing (unmet criteria, a trigger the state does not allow, a
// date before the last entry) leaves the input record unchanged, and two
// firings from one record never share its history's backing array.
func TestIncubation_FiringNeverChangesTheRecord(t *testing.T) {
	m, err := incubation.NewMachine(hubrules.Kaixuan, day("2024-03-01"))
	require.NoError(t, err)
	req := sampleInput[incubation.Request](t, "incubate")
	rec, _, err := m.FireRequest(req)
	require.NoError(t, err)
	// Spare capacity in History: an append inside Fire would write into it.
	rec.History = append(make([]incubation.Entry, 0, len(rec.History)+4), rec.History...)
	before := mustJSON(t, rec)

	for _, c := range []struct {
		name    string
		trigger incubation.Trigger
		facts   incubation.Facts
		date    string
	}{
		{"graduate: not allowed from incubating", incubation.Graduate, incubation.Facts{}, "2024-09-01"},
		{"admit: not allowed from incubating", incubation.Admit, req.Facts, "2024-09-01"},
		{"promote dated before the last entry", incubation.Promote, incubation.Facts{}, "2024-01-01"},
		{"promote with unmet criteria", incubation.Promote, incubation.Facts{}, "2024-09-01"},
		{"extend", incubation.Extend, incubation.Facts{Actor: "x"}, "2024-09-01"},
		{"exit", incubation.Exit, incubation.Facts{Actor: "x"}, "2024-09-01"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out1, dec, err := m.Fire(rec, c.trigger, c.facts, day(c.date))
			assert.JSONEq(t, string(before), string(mustJSON(t, rec)), "input record changed")
			if err != nil || !dec.Fired() {
				return
			}
			first := mustJSON(t, out1)
			// A second, different firing from the same record must not
			// overwrite the first result's history.
			_, _, _ = m.Fire(rec, incubation.Terminate, incubation.Facts{Actor: "y", Note: "other"}, day(c.date))
			assert.JSONEq(t, string(first), string(mustJSON(t, out1)), "an earlier result changed")
			assert.JSONEq(t, string(before), string(mustJSON(t, rec)))
		})
	}
}

// Evaluations never modify their inputs: each input is compared with its
// JSON from before the call.
func TestEvaluations_NeverModifyTheirInputs(t *testing.T) {
	check := func(t *testing.T, in any, eval func()) {
		t.Helper()
		before := mustJSON(t, in)
		eval()
		assert.JSONEq(t, string(before), string(mustJSON(t, in)))
	}
	asOf := day("2024-12-31")
	sc, err := hub.NewSyncChecker(hubrules.Kaixuan, asOf)
	require.NoError(t, err)
	org := sampleInput[hub.SyncOrg](t, "check sync")
	// Reverse the events so that a sort in place would show.
	for i, j := 0, len(org.Events)-1; i < j; i, j = i+1, j-1 {
		org.Events[i], org.Events[j] = org.Events[j], org.Events[i]
	}
	t.Run("hub.SyncChecker.Check", func(t *testing.T) {
		check(t, org, func() { _, _ = sc.Check(org, asOf) })
	})

	hc, err := hub.NewChecker(hubrules.Wuliqiao, day("2024-06-30"))
	require.NoError(t, err)
	members := sampleInput[hub.Members](t, "check coverage")
	for i, j := 0, len(members.Members)-1; i < j; i, j = i+1, j-1 {
		members.Members[i], members.Members[j] = members.Members[j], members.Members[i]
	}
	t.Run("hub.Checker.Coverage", func(t *testing.T) {
		check(t, members, func() { _, _ = hc.Coverage(members, day("2024-06-30")) })
	})
	kx, err := hub.NewChecker(hubrules.Kaixuan, day("2024-06-30"))
	require.NoError(t, err)
	st := sampleInput[hub.Structure](t, "check structure")
	for i, j := 0, len(st.Bodies)-1; i < j; i, j = i+1, j-1 {
		st.Bodies[i], st.Bodies[j] = st.Bodies[j], st.Bodies[i]
	}
	t.Run("hub.Checker.CheckStructure", func(t *testing.T) {
		check(t, st, func() { _, _ = kx.CheckStructure(st, day("2024-06-30")) })
	})

	g, err := grading.NewGrader(hubrules.Lujiazui, day("2024-06-30"))
	require.NoError(t, err)
	alt, err := grading.NewGrader(hubrules.Kaixuan, day("2024-06-30"))
	require.NoError(t, err)
	r := rand.New(rand.NewSource(3))
	var sheets []grading.ScoreSheet
	for i := range 20 {
		sheets = append(sheets, randomSheet(r, g, i))
	}
	t.Run("grading.Grader.Grade", func(t *testing.T) {
		for i := range sheets {
			check(t, &sheets[i], func() { _, _ = g.Grade(&sheets[i]) })
		}
	})
	t.Run("grading.WhatIf", func(t *testing.T) {
		check(t, sheets, func() { _, _ = grading.WhatIf(g, alt, sheets) })
	})

	// Every kind, through the registry: the decoded input is unchanged by
	// Eval.
	for _, k := range kinds.All() {
		data := sample(t, k)
		if data == nil {
			continue
		}
		t.Run(dashed(k.Name), func(t *testing.T) {
			in := k.Input()
			require.NoError(t, hubrules.DecodeJSON(data, in))
			check(t, in, func() { _, _ = k.Eval(envFor(k.Name), in) })
		})
	}
}

// jsonCopy returns a deep copy of v through JSON.
func jsonCopy[T any](t testing.TB, v T) T {
	t.Helper()
	var out T
	require.NoError(t, json.Unmarshal(mustJSON(t, v), &out))
	return out
}
