package funding_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/hubrules/hubrules/internal/clone"
	"github.com/hubrules/hubrules/internal/testutil"
)

// fundingCase is one evaluator: a programme and date where its rules apply.
type fundingCase struct {
	p    hubrules.Programme
	date string
}

var fundingCases = []fundingCase{
	{hubrules.Lujiazui, "2019-01-01"}, {hubrules.Jingan, "2018-01-01"}, {hubrules.Wuliqiao, "2018-01-01"},
	{hubrules.Xiyuan, "2017-01-01"}, {hubrules.National, "2020-12-31"}, {hubrules.Kaixuan, "2021-01-01"},
}

func fundingEvaluator(t testing.TB, c fundingCase) *funding.Evaluator {
	e, err := funding.NewEvaluator(c.p, hubrules.MustParseDate(c.date))
	require.NoError(t, err)
	return e
}

// fundingResults is every result and accessor value of e for one set of
// inputs; a rule a programme lacks gives its error text instead.
func fundingResults(e *funding.Evaluator) []any {
	out := []any{e.Basis(), e.Params()}
	add := func(v any, err error) {
		if err != nil {
			v = err.Error()
		}
		out = append(out, v)
	}
	d := hubrules.MustParseDate
	add(e.Fee(funding.FeeInput{Project: "党建项目", Total: hubrules.Ptr(funding.Yuan(200000))}))
	add(e.Support(hubrules.Date{}))
	add(e.Venture(funding.VentureInput{Projects: []funding.VentureProject{{ID: "A", Score: hubrules.Ptr(score("91")), Request: hubrules.Ptr(funding.Yuan(80000))}, {ID: "B", Score: hubrules.Ptr(score("85")), Request: hubrules.Ptr(funding.Yuan(45000))}}}))
	add(e.Allowance(funding.AllowanceInput{Junior: hubrules.Ptr(22), Intermediate: hubrules.Ptr(15), Senior: hubrules.Ptr(0)}))
	add(e.Charity(funding.CharityInput{Org: "社区基金会", Class: funding.PrivateFoundation, LastYearNetAssets: hubrules.Ptr(funding.Yuan(2000000)),
		CharitableSpending: hubrules.Ptr(funding.Yuan(150000)), TotalSpending: hubrules.Ptr(funding.Yuan(300000)), ManagementCosts: hubrules.Ptr(funding.Yuan(50000))}))
	add(e.DonateEnterprise(funding.EnterpriseDonationInput{Year: 2020, AccountingProfit: hubrules.Ptr(funding.Yuan(1000000)), Qualified: hubrules.Ptr(funding.Yuan(150000)),
		CarryForward: []funding.CarryItem{{Year: 2018, Amount: hubrules.Ptr(funding.Yuan(10000))}}}))
	add(e.DonateIndividual(funding.IndividualDonationInput{TaxableIncome: hubrules.Ptr(funding.Yuan(100000)), Qualified: hubrules.Ptr(funding.Yuan(50000))}))
	add(e.Pay(funding.PayInput{Post: funding.PostOther, YearsOfService: hubrules.Ptr(6), Certificate: "junior", Base: hubrules.Ptr(funding.Yuan(4000)),
		Performance: hubrules.Ptr(funding.Yuan(1000)), LastYearAverageWage: hubrules.Ptr(funding.Yuan(98000))}))
	add(e.Start(funding.StartInput{Org: "新引进社工机构", Started: d("2016-03-01"), NormalOperation: true, AlreadyGranted: hubrules.Ptr(false)}, d("2017-03-01")))
	add(e.Foundation("美好凯旋", funding.FoundationFigures{}))
	add(e.Follow(funding.FollowInput{Year: 2020}))
	add(e.PurchaseReport())
	c, err := e.NewContract(funding.ContractInput{ID: "C-1", Service: "elderly", Amount: funding.Yuan(100000)})
	add(c, err)
	if err == nil {
		add(c.Procure())
	}
	l, err := e.Ledger()
	if err == nil {
		l, err = l.Replay([]funding.Entry{{Op: funding.OpCommit, Area: l.Areas()[0].Code, Project: "P", Amount: funding.Yuan(10)}})
		out = append(out, l.Explanation(), l.State(), l.Areas(), l.Commitments(), l.History())
	}
	add(l, err)
	return out
}

// Results are values: 16 goroutines share each prepared Evaluator, one
// scribbles over every result it gets (basis parameters, steps, the
// parameters), and the others still get what a fresh Evaluator gives.
func TestFND_ResultsShareNoMemoryWithTheEvaluator(t *testing.T) {
	for _, c := range fundingCases {
		t.Run(string(c.p), func(t *testing.T) {
			want := fundingResults(fundingEvaluator(t, c))
			e := fundingEvaluator(t, c)
			testutil.Shared(t, 6, want, func() []any { return fundingResults(e) })
		})
	}
}

// An Evaluator keeps its own copy of the parameters it was built from.
func TestFND_EvaluatorCopiesItsParams(t *testing.T) {
	p, b, err := funding.Resolve(hubrules.Jingan, d2020)
	require.NoError(t, err)
	e, err := funding.NewEvaluator(b.Programme, b.AsOf, funding.WithResolved(p, b))
	require.NoError(t, err)
	want := e.Params()
	testutil.Scribble(p)
	testutil.Scribble(b)
	require.Equal(t, want, e.Params())
}

// A ledger's accessors return copies: scribbling over what one snapshot
// returns changes neither it nor the ledgers derived from it.
func TestFND_BUDGET_01_LedgerAccessorsAreCopies(t *testing.T) {
	l := jinganLedger(t)
	l1, err := l.Commit("projects", "P-1", funding.Yuan(10))
	require.NoError(t, err)
	wantL, wantL1 := clone.Copy(l.State()), clone.Copy(l1.State())
	wantEx := clone.Copy(l1.Explanation())
	testutil.Scribble(l.State())
	testutil.Scribble(l1.Explanation())
	testutil.Scribble(l1.Areas())
	testutil.Scribble(l1.Commitments())
	testutil.Scribble(l1.History())
	require.Equal(t, wantL, l.State())
	require.Equal(t, wantL1, l1.State())
	require.Equal(t, wantEx, l1.Explanation())
}
