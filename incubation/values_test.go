package incubation_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules/incubation"
	"github.com/hubrules/hubrules/internal/clone"
	"github.com/hubrules/hubrules/internal/testutil"
)

// incubationResults is every result and accessor value of m for one
// record's life: each firing's record and decision, a refused firing, the
// replay and the network check.
func incubationResults(t testing.TB, m *incubation.Machine) []any {
	out := []any{m.Basis(), m.Params()}
	r := incubation.NewRecord("org-1")
	d := day0
	for _, tr := range []incubation.Trigger{incubation.Admit, incubation.Promote, incubation.Extend, incubation.Extend, incubation.Graduate, incubation.Engage} {
		d = d.AddDays(30)
		next, dec, err := m.Fire(r, tr, goodFacts(tr), d)
		require.NoError(t, err)
		out = append(out, next, dec)
		r = next
	}
	rep, err := incubation.Replay(r.History)
	require.NoError(t, err)
	net, err := m.CheckNetwork([]incubation.Enrolment{{Subject: "a", Base: incubation.DistrictBase}, {Subject: "a", Base: incubation.PracticePark}})
	require.NoError(t, err)
	return append(out, rep, net)
}

// Results are values: 16 goroutines share one Machine, one scribbles over
// every record and decision it gets, and the others still get what a fresh
// Machine gives.
func TestINC_ResultsShareNoMemoryWithTheMachine(t *testing.T) {
	want := incubationResults(t, machine(t))
	m := machine(t)
	testutil.Shared(t, 8, want, func() []any { return incubationResults(t, m) })
}

// A decision and the record it came with share nothing: editing the
// decision's criteria leaves the record's history as it was.
func TestINC_HIST_01_DecisionSharesNothingWithTheRecord(t *testing.T) {
	m := machine(t)
	next, dec, err := m.Fire(incubation.NewRecord("org-1"), incubation.Admit, admitFacts(), day0)
	require.NoError(t, err)
	want := clone.Copy(next)
	testutil.Scribble(dec)
	require.Equal(t, want, next)
}
