package funding_test

import (
	"math/rand"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var d2020 = hubrules.MustParseDate("2020-06-30")

func jinganLedger(t testing.TB) funding.Ledger {
	e, err := funding.NewEvaluator(hubrules.Jingan, d2020)
	require.NoError(t, err)
	l, err := e.Ledger()
	require.NoError(t, err)
	return l
}

func TestFND_BUDGET_01_JinganFund(t *testing.T) {
	l := jinganLedger(t)
	assert.Equal(t, "15000000.00", l.Annual().String())
	areas := l.Areas()
	require.Len(t, areas, 4)
	names := []string{"培育扶持", "能力建设", "评价激励", "项目资助"}
	for i, a := range areas {
		assert.Equal(t, names[i], a.Name.ZH)
		assert.Equal(t, "3750000.00", a.Limit.String())
	}
	ex := l.Explanation()
	p, ok := ex.Basis.Param("budget.areas")
	require.True(t, ok)
	assert.Equal(t, hubrules.Illustrative, p.Confidence)
	p, _ = ex.Basis.Param("budget.annual")
	assert.Equal(t, hubrules.Verified, p.Confidence)

	l1, err := l.Commit("projects", "P-1", funding.Yuan(3000000))
	require.NoError(t, err)
	l2, err := l1.Pay("P-1", funding.Yuan(1000000))
	require.NoError(t, err)
	a, _ := l2.Area("projects")
	assert.Equal(t, "3000000.00", a.Committed.String())
	assert.Equal(t, "1000000.00", a.Paid.String())
	assert.Equal(t, "750000.00", a.Free.String())

	// Overdrawing the area is refused and leaves the ledger unchanged.
	l3, err := l2.Commit("projects", "P-2", funding.Yuan(750001))
	require.Error(t, err)
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
	assert.Equal(t, l2, l3)
	// A payment larger than the commitment is an InputError.
	_, err = l2.Pay("P-1", funding.Yuan(2000001))
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "overdrawn", ie.Fields[0].Code)
	// Releasing gives the unpaid part back.
	l4, err := l2.Release("P-1", funding.Yuan(2000000))
	require.NoError(t, err)
	a, _ = l4.Area("projects")
	assert.Equal(t, "2750000.00", a.Free.String())
	_, err = l4.Release("P-1", funding.Fen(1))
	assert.Error(t, err, "nothing unpaid is left")
	// Earlier values are snapshots.
	a, _ = l1.Area("projects")
	assert.Equal(t, "0.00", a.Paid.String())
	assert.Len(t, l4.History(), 3)
	assert.Equal(t, funding.OpRelease, l4.History()[2].Op)
}

func TestFND_BUDGET_01_CallerShares(t *testing.T) {
	_, err := funding.NewLedger(funding.Yuan(100), []funding.AreaShare{{Code: "a", Share: funding.Percent(60)}, {Code: "b", Share: funding.Percent(30)}})
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "sum", ie.Fields[0].Code)
	_, err = funding.NewLedger(funding.Yuan(100), []funding.AreaShare{{Code: "a", Share: funding.MustParseRate("1.5")}, {Code: "a", Share: funding.Percent(0)}})
	require.ErrorAs(t, err, &ie)
	assert.Len(t, ie.Fields, 2)
	l, err := funding.NewLedger(funding.MustParseMoney("100.01"), []funding.AreaShare{{Code: "a", Share: funding.MustParseRate("0.333333")}, {Code: "b", Share: funding.MustParseRate("0.666667")}})
	require.NoError(t, err)
	assert.Equal(t, "100.01", l.Totals().Free.String())
}

func TestFND_FOLLOW_01_LedgerRefusesUnnamedPayments(t *testing.T) {
	l := jinganLedger(t)
	_, err := l.Pay("nobody", funding.Yuan(1))
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
	_, err = l.Commit("projects", "", funding.Yuan(1))
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
}

func checkInvariants(t testing.TB, l funding.Ledger) {
	var committed, paid int64
	for _, a := range l.Areas() {
		require.GreaterOrEqual(t, a.Free.Fen(), int64(0), "area %s overdrawn", a.Code)
		require.LessOrEqual(t, a.Paid.Fen(), a.Committed.Fen())
		require.Equal(t, a.Limit.Fen()-a.Committed.Fen(), a.Free.Fen())
		committed += a.Committed.Fen()
		paid += a.Paid.Fen()
	}
	for _, c := range l.Commitments() {
		require.LessOrEqual(t, c.Paid.Fen(), c.Committed.Fen())
	}
	tot := l.Totals()
	require.Equal(t, committed, tot.Committed.Fen())
	require.Equal(t, paid, tot.Paid.Fen())
	require.Equal(t, l.Annual().Fen(), tot.Committed.Fen()+tot.Free.Fen())
}

func randomOp(rng *rand.Rand) funding.Entry {
	areas := []string{"cultivation", "capacity", "incentive", "projects", "unknown"}
	ops := []funding.OpKind{funding.OpCommit, funding.OpPay, funding.OpRelease}
	return funding.Entry{
		Op:      ops[rng.Intn(3)],
		Area:    areas[rng.Intn(5)],
		Project: "P" + string(rune('A'+rng.Intn(8))),
		Amount:  funding.Fen(rng.Int63n(200_000_000) - 1000),
	}
}

// TestFND_BUDGET_01_NeverOverdrawn replays random operation sequences: the
// ledger is never overdrawn, and a refused operation leaves it unchanged.
func TestFND_BUDGET_01_NeverOverdrawn(t *testing.T) {
	rng := rand.New(rand.NewSource(42))
	base := jinganLedger(t)
	for run := 0; run < 50; run++ {
		l := base
		for i := 0; i < 200; i++ {
			before := l
			n, err := l.Apply(randomOp(rng))
			if err != nil {
				require.ErrorIs(t, err, hubrules.ErrInvalidInput)
				require.Equal(t, before, n)
				require.Equal(t, before.Seq(), l.Seq())
				continue
			}
			require.Equal(t, before.Seq()+1, n.Seq())
			checkInvariants(t, n)
			checkInvariants(t, before)
			l = n
		}
		// Replaying the history gives the same ledger.
		r := base
		for _, e := range l.History() {
			var err error
			r, err = r.Apply(e)
			require.NoError(t, err)
		}
		assert.Equal(t, l.Areas(), r.Areas())
		assert.Equal(t, l.Commitments(), r.Commitments())
		rr, err := base.Replay(l.History())
		require.NoError(t, err)
		assert.Equal(t, l.State(), rr.State(), "Replay gives what Apply gives")
	}
}

func FuzzLedger(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{0, 0, 0, 1, 1, 1, 2, 2, 2})
	base := jinganLedger(f)
	f.Fuzz(func(t *testing.T, ops []byte) {
		l := base
		for i := 0; i+2 < len(ops) && i < 300; i += 3 {
			rng := rand.New(rand.NewSource(int64(ops[i])<<16 | int64(ops[i+1])<<8 | int64(ops[i+2])))
			before := l
			n, err := l.Apply(randomOp(rng))
			if err != nil {
				require.Equal(t, before, n)
				continue
			}
			checkInvariants(t, n)
			l = n
		}
	})
}

func TestFND_BUDGET_01_StateAndReplay(t *testing.T) {
	l := jinganLedger(t)
	n, err := l.Replay([]funding.Entry{
		{Op: funding.OpCommit, Area: "capacity", Project: "P1", Amount: m("100.00")},
		{Op: funding.OpPay, Project: "P1", Amount: m("40.00")},
	})
	require.NoError(t, err)
	st := n.State()
	assert.Equal(t, "100.00", st.Totals.Committed.String())
	assert.Equal(t, "40.00", st.Totals.Paid.String())
	assert.Len(t, st.History, 2)
	_, err = n.Replay([]funding.Entry{{Op: funding.OpPay, Project: "P1", Amount: m("1.00")}, {Op: funding.OpPay, Project: "P1", Amount: m("60.00")}})
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "entries[1].amount", ie.Fields[0].Path)
	b, err := n.MarshalJSON()
	require.NoError(t, err)
	assert.Contains(t, string(b), `"committed":"100.00"`)
}

func TestExplanation_Describe(t *testing.T) {
	r, err := ev(t, hubrules.Lujiazui).Fee(funding.FeeInput{Total: hubrules.Ptr(m("1000.05"))})
	require.NoError(t, err)
	s := r.Describe(hubrules.EN)
	assert.Contains(t, s, "1000.05 × 0.1 = 100.01")
	assert.Contains(t, s, "half-up to the fen")
	assert.Contains(t, r.Describe(hubrules.ZH), "四舍五入到分")
}
