package funding_test

import (
	"strconv"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ev(t testing.TB, p hubrules.Programme) *funding.Evaluator {
	e, err := funding.NewEvaluator(p, d2020)
	require.NoError(t, err)
	return e
}

func m(s string) funding.Money { return funding.MustParseMoney(s) }

func TestRules_CatalogueHasEveryID(t *testing.T) {
	ids := []string{"FND-FEE-01", "FND-SUPPORT-01", "FND-BUDGET-01", "FND-PURCHASE-01", "FND-PURCHASE-02", "FND-VENTURE-01", "FND-FOLLOW-01",
		"FND-PAY-01", "FND-PAY-02", "FND-CHARITY-01", "FND-DONATE-01", "FND-START-01", "FND-FOUND-01"}
	set := funding.DefaultParamSet()
	for _, id := range ids {
		r, ok := funding.Rules().Lookup(id)
		require.True(t, ok, id)
		assert.NotEmpty(t, r.Title.ZH)
		assert.NotEmpty(t, r.Title.EN)
		assert.NotEmpty(t, r.Source.Title.ZH)
		for _, p := range r.Params {
			assert.NotEmpty(t, set.Values(p), id+" "+p)
		}
	}
	assert.Len(t, funding.Rules(), len(ids))
}

func TestFND_FEE_01(t *testing.T) {
	e := ev(t, hubrules.Lujiazui)
	r, err := e.Fee(funding.FeeInput{Project: "x", Total: hubrules.Ptr(m("1000000.00"))})
	require.NoError(t, err)
	assert.Equal(t, "100000.00", r.Fee.String())
	assert.Equal(t, "900000.00", r.Net.String())
	assert.True(t, r.Inside)
	p, _ := r.Basis.Param("fee.rate")
	assert.Equal(t, hubrules.Verified, p.Confidence)
	assert.Equal(t, hubrules.Lujiazui, p.Programme)

	top := false
	r, err = e.Fee(funding.FeeInput{Total: hubrules.Ptr(m("1234.55")), Inside: &top})
	require.NoError(t, err)
	assert.Equal(t, "123.46", r.Fee.String(), "half-up")
	assert.Equal(t, "1358.01", r.Gross.String())
	r, err = e.Fee(funding.FeeInput{Total: hubrules.Ptr(m("1234.55")), Rounding: funding.HalfEven})
	require.NoError(t, err)
	assert.Equal(t, "123.46", r.Fee.String())
	r, err = e.Fee(funding.FeeInput{Total: hubrules.Ptr(m("0.05")), Rounding: funding.HalfEven})
	require.NoError(t, err)
	assert.Equal(t, "0.00", r.Fee.String(), "0.005 banker's → 0.00")
	r, err = e.Fee(funding.FeeInput{Total: hubrules.Ptr(m("0.05"))})
	require.NoError(t, err)
	assert.Equal(t, "0.01", r.Fee.String(), "0.005 half-up → 0.01")
	assert.NotEmpty(t, r.Steps)

	_, err = e.Fee(funding.FeeInput{Total: hubrules.Ptr(m("-1"))})
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
	// A rate over 100 % in a caller's params is an InputError.
	bad := funding.Params{Fee: &funding.FeeParams{Rate: funding.MustParseRate("1.1"), Inside: true}}
	be, err := funding.NewEvaluator(hubrules.National, d2020, funding.WithResolved(bad, hubrules.Basis{}))
	require.NoError(t, err)
	_, err = be.Fee(funding.FeeInput{Total: hubrules.Ptr(m("1"))})
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.NotEmpty(t, ie.Fields[0].Message.ZH)
	assert.NotEmpty(t, ie.Fields[0].Message.EN)
}

// TestFND_SUPPORT_01_LabelAndEndAgree: lujiazui's five years from 2014
// (taken as 2014-01-01) are labelled 2014–2018, their last day inside is
// 2018-12-31 and 2019-01-01 is outside; a transformation within 2014 runs
// into 2019 and its label says so.
func TestFND_SUPPORT_01_LabelAndEndAgree(t *testing.T) {
	e := ev(t, hubrules.Lujiazui)
	periods := []struct {
		transformed, lastDay, end string
		first, last               int
	}{
		{"", "2018-12-31", "2019-01-01", 2014, 2018},
		{"2014-01-02", "2019-01-01", "2019-01-02", 2014, 2019},
		{"2014-07-01", "2019-06-30", "2019-07-01", 2014, 2019},
		{"2014-12-31", "2019-12-30", "2019-12-31", 2014, 2019},
	}
	for _, c := range periods {
		var tr hubrules.Date
		if c.transformed != "" {
			tr = hubrules.MustParseDate(c.transformed)
		}
		s, err := e.Support(tr)
		require.NoError(t, err)
		assert.Equal(t, c.lastDay, s.LastDay.String(), c.transformed)
		assert.Equal(t, c.end, s.End.String(), c.transformed)
		assert.Equal(t, c.first, s.FirstYear, c.transformed)
		assert.Equal(t, c.last, s.LastYear, c.transformed)
		assert.Equal(t, c.last, s.LastDay.Year(), "the label ends with the year of the last day inside")
		assert.True(t, s.Contains(s.LastDay))
		assert.False(t, s.Contains(s.End))
		assert.Len(t, s.Covers, 2)
	}
	cases := []struct {
		d  string
		in bool
	}{{"2013-12-31", false}, {"2014-01-01", true}, {"2018-12-31", true}, {"2019-01-01", false}, {"2019-06-30", false}}
	for _, c := range cases {
		s, in, err := e.InSupport(hubrules.Date{}, hubrules.MustParseDate(c.d))
		require.NoError(t, err)
		assert.Equal(t, c.in, in, c.d)
		assert.Equal(t, !c.in, len(s.Findings) == 1, c.d)
	}
	// jingan has no support period parameters: the rule is not in force
	// there, and says which parameters it lacks.
	_, err := ev(t, hubrules.Jingan).Support(hubrules.Date{})
	var nif *hubrules.NotInForceError
	require.ErrorAs(t, err, &nif)
	assert.Equal(t, "FND-SUPPORT-01", nif.Rule)
	assert.Equal(t, []hubrules.Unset{{Name: "support.years"}, {Name: "support.start"}}, nif.Unset)
}

func TestFND_PURCHASE_01_Lifecycle(t *testing.T) {
	e := ev(t, hubrules.Jingan)
	c, err := e.NewContract(funding.ContractInput{ID: "C1", Service: "elderly", Amount: m("100000.01"), Approved: d2020})
	require.NoError(t, err)
	require.Len(t, c.Tranches, 3)
	assert.Equal(t, "40000.01", c.Tranches[0].Amount.String())
	assert.Equal(t, "30000.00", c.Tranches[1].Amount.String())
	assert.Equal(t, "30000.00", c.Tranches[2].Amount.String())
	_, err = c.Release(0, d2020)
	assert.ErrorIs(t, err, funding.ErrTransitionNotAllowed, "not signed yet")
	c, err = c.Procure()
	require.NoError(t, err)
	c, err = c.Release(0, d2020)
	require.NoError(t, err)
	_, err = c.RecordFinal(true)
	assert.ErrorIs(t, err, funding.ErrTransitionNotAllowed)
	c, err = c.Monitor()
	require.NoError(t, err)
	_, err = c.Release(2, d2020)
	var te *funding.TransitionError
	require.ErrorAs(t, err, &te)
	assert.GreaterOrEqual(t, len(te.Unmet), 2, "every unmet criterion is listed")
	assert.Contains(t, te.Error(), "release")
	c, err = c.RecordMidTerm(true)
	require.NoError(t, err)
	c, err = c.Release(1, d2020)
	require.NoError(t, err)
	c, err = c.RecordFinal(true)
	require.NoError(t, err)
	assert.Equal(t, funding.StageEvaluated, c.Stage)
	c, err = c.Release(2, d2020)
	require.NoError(t, err)
	assert.Equal(t, "100000.01", c.Released().String())
}

func TestFND_PURCHASE_01_FailedMidTermStops(t *testing.T) {
	e := ev(t, hubrules.Jingan)
	c, err := e.NewContract(funding.ContractInput{ID: "C2", Service: "youth", Amount: m("50000")})
	require.NoError(t, err)
	c, _ = c.Procure()
	c, _ = c.Release(0, d2020)
	c, _ = c.Monitor()
	c, err = c.RecordMidTerm(false)
	require.NoError(t, err)
	assert.Equal(t, funding.StageStopped, c.Stage)
	assert.False(t, c.Due(1))
	assert.False(t, c.Due(2))
	_, err = c.RecordFinal(true)
	assert.Error(t, err)
	assert.Equal(t, "20000.00", c.Released().String())
	assert.Equal(t, []string{"FND-PURCHASE-01"}, c.Report().FailedRules())
}

func TestFND_PURCHASE_01_ScheduleMustAddUp(t *testing.T) {
	e := ev(t, hubrules.Jingan)
	_, err := e.NewContract(funding.ContractInput{ID: "C3", Service: "youth", Amount: m("100"),
		Schedule: []funding.TrancheSpec{{Milestone: funding.MilestoneSigned, Share: funding.Percent(50)}, {Milestone: funding.MilestoneFinal, Share: funding.Percent(40)}}})
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	f, ok := ie.Field("schedule")
	require.True(t, ok)
	assert.Equal(t, "sum", f.Code)
	_, err = funding.BuildTranches(m("100"), []funding.TrancheSpec{{Milestone: "later", Share: funding.Percent(100)}})
	assert.Error(t, err)
	tr, err := funding.BuildTranches(m("148570000.00"), []funding.TrancheSpec{{Milestone: funding.MilestoneSigned, Share: funding.MustParseRate("0.333333")}, {Milestone: funding.MilestoneFinal, Share: funding.MustParseRate("0.666667")}})
	require.NoError(t, err)
	assert.Equal(t, "148570000.00", funding.Fen(tr[0].Amount.Fen()+tr[1].Amount.Fen()).String())
}

func TestFND_PURCHASE_01_Jingan2018(t *testing.T) {
	r, err := ev(t, hubrules.Jingan).PurchaseReport()
	require.NoError(t, err)
	assert.Equal(t, 535, r.Reported.Projects)
	assert.Equal(t, 36, r.Reported.Departments)
	assert.Equal(t, "14857万元", r.Reported.Amount.Wan())
	assert.Equal(t, "277700.93", r.PerProject.String())
	_, err = ev(t, hubrules.Kaixuan).PurchaseReport()
	assert.Error(t, err)
}

func TestFND_PURCHASE_02_Catalogue(t *testing.T) {
	e := ev(t, hubrules.Jingan)
	c, err := e.NewContract(funding.ContractInput{ID: "C4", Service: "fireworks", Amount: m("100")})
	require.NoError(t, err)
	assert.False(t, c.Catalogued)
	assert.Equal(t, hubrules.Fail, c.Report().Outcome("FND-PURCHASE-02"))
	_, err = c.Procure()
	assert.ErrorIs(t, err, funding.ErrTransitionNotAllowed)
	ok, err := e.InCatalogue("elderly")
	require.NoError(t, err)
	assert.True(t, ok)
}

func score(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestFND_VENTURE_01(t *testing.T) {
	cases := []struct {
		prog hubrules.Programme
		pool string
	}{{hubrules.Wuliqiao, "300000.00"}, {hubrules.Kaixuan, "500000.00"}}
	for _, c := range cases {
		e := ev(t, c.prog)
		projects := []funding.VentureProject{}
		for i := 0; i < 12; i++ {
			projects = append(projects, funding.VentureProject{ID: "p" + string(rune('a'+i)), Score: hubrules.Ptr(score("80")), Request: hubrules.Ptr(m("40000.00"))})
		}
		r, err := e.Venture(funding.VentureInput{Projects: projects})
		require.NoError(t, err)
		assert.Equal(t, c.pool, r.Pool.String(), string(c.prog))
		assert.False(t, r.Awarded.GreaterThan(r.Pool))
		assert.Equal(t, r.Pool.Fen(), r.Awarded.Fen()+r.Leftover.Fen())
		for _, a := range r.Awards {
			assert.False(t, a.Amount.GreaterThan(a.Request))
			assert.False(t, a.Amount.GreaterThan(m("50000")))
		}
		// Equal scores: input order decides.
		assert.Equal(t, "pa", r.Awards[0].ID)
	}
	e := ev(t, hubrules.Wuliqiao)
	r, err := e.Venture(funding.VentureInput{Pool: hubrules.Ptr(m("100000")), Projects: []funding.VentureProject{
		{ID: "low", Score: hubrules.Ptr(score("60")), Request: hubrules.Ptr(m("30000"))},
		{ID: "high", Score: hubrules.Ptr(score("95.5")), Request: hubrules.Ptr(m("80000"))},
		{ID: "mid", Score: hubrules.Ptr(score("80")), Request: hubrules.Ptr(m("60000"))},
		{ID: "tie", Score: hubrules.Ptr(score("80")), Request: hubrules.Ptr(m("20000"))},
	}})
	require.NoError(t, err)
	got := map[string]string{}
	for _, a := range r.Awards {
		got[a.ID] = a.Amount.String()
	}
	assert.Equal(t, "high", r.Awards[0].ID)
	assert.Equal(t, "50000.00", got["high"], "capped at 50,000")
	assert.Equal(t, "50000.00", got["mid"], "capped")
	assert.Equal(t, "0.00", got["tie"], "pool exhausted, not partial")
	assert.Equal(t, "0.00", got["low"])
	assert.Equal(t, "0.00", r.Leftover.String())
	require.Len(t, r.Awards[0].Tranches, 2)
	assert.Equal(t, "25000.00", r.Awards[0].Tranches[0].Amount.String())

	// co-funding 50 % of budget up to 100,000 (a caller's secondary profile).
	p := e.Params()
	v := *p.Venture
	v.CofundShare = funding.Percent(50)
	v.Cap = m("200000")
	p.Venture = &v
	e2, err := funding.NewEvaluator(e.Basis().Programme, e.Basis().AsOf, funding.WithResolved(p, e.Basis()))
	require.NoError(t, err)
	r, err = e2.Venture(funding.VentureInput{Pool: hubrules.Ptr(m("1000000")), Partial: true, Projects: []funding.VentureProject{
		{ID: "a", Score: hubrules.Ptr(score("90")), Request: hubrules.Ptr(m("150000")), Budget: hubrules.Ptr(m("300000"))},
		{ID: "b", Score: hubrules.Ptr(score("80")), Request: hubrules.Ptr(m("150000")), Budget: hubrules.Ptr(m("100000.01"))},
	}})
	require.NoError(t, err)
	assert.Equal(t, "100000.00", r.Awards[0].Amount.String())
	assert.Equal(t, "50000.00", r.Awards[1].Amount.String(), "50% of 100000.01 truncated")
	assert.Equal(t, "850000.00", r.Leftover.String())

	_, err = ev(t, hubrules.Jingan).Venture(funding.VentureInput{Projects: []funding.VentureProject{{ID: "x", Request: hubrules.Ptr(m("1"))}}})
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput, "jingan has no default pool")
	_, err = e.Venture(funding.VentureInput{Projects: []funding.VentureProject{{ID: "x", Score: hubrules.Ptr(score("1")), Request: hubrules.Ptr(m("-1"))}, {ID: "x", Score: hubrules.Ptr(score("-1")), Request: hubrules.Ptr(m("1"))}}})
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Len(t, ie.Fields, 3)
}

func TestFND_FOLLOW_01_Xiyuan2013(t *testing.T) {
	items := []funding.FundedItem{{ID: "post-1", Kind: funding.KindPost}, {ID: "post-2", Kind: funding.KindPost}, {ID: "proj-elderly", Kind: funding.KindProject}}
	r, err := funding.Follow(funding.FollowInput{Items: items, Disbursements: []funding.Disbursement{
		{ID: "d1", Item: "post-1", Amount: m("60000")},
		{ID: "d2", Item: "post-2", Amount: m("60000")},
		{ID: "d3", Item: "proj-elderly", Amount: m("214000")},
	}})
	require.NoError(t, err)
	assert.Equal(t, "334000.00", r.Total.String())
	assert.Equal(t, "33.4万元", r.Total.Wan())
	assert.True(t, r.Compliant())
	r, err = funding.Follow(funding.FollowInput{Items: items, Disbursements: []funding.Disbursement{{ID: "d4", Amount: m("100")}}})
	require.NoError(t, err)
	assert.Equal(t, []string{"FND-FOLLOW-01"}, r.Report().FailedRules())
	assert.Equal(t, "100.00", r.Unfounded.String())
	// The xiyuan evaluator checks the total against the published 2013 figure.
	x := ev(t, hubrules.Xiyuan)
	r, err = x.Follow(funding.FollowInput{Year: 2013, Items: items, Disbursements: []funding.Disbursement{
		{Item: "post-1", Amount: m("60000")}, {Item: "post-2", Amount: m("60000")}, {Item: "proj-elderly", Amount: m("214000")}}})
	require.NoError(t, err)
	assert.Equal(t, hubrules.Pass, r.Report().Outcome("FND-FOLLOW-01"))
	p, ok := r.Basis.Param("follow.reported")
	require.True(t, ok)
	assert.Equal(t, hubrules.Verified, p.Confidence)
	r, err = x.Follow(funding.FollowInput{Year: 2013, Items: items, Disbursements: []funding.Disbursement{{Item: "post-1", Amount: m("60000")}}})
	require.NoError(t, err)
	require.Len(t, r.Findings, 1)
	assert.Equal(t, hubrules.Warning, r.Findings[0].Severity)
	_, err = funding.Follow(funding.FollowInput{Disbursements: []funding.Disbursement{{Amount: m("-1")}}})
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
}

func TestFND_PAY_01(t *testing.T) {
	e := ev(t, hubrules.Lujiazui)
	in := funding.PayInput{Worker: "w", Post: funding.PostOther, YearsOfService: hubrules.Ptr(7), Degree: "bachelor", Certificate: "intermediate",
		Base: hubrules.Ptr(m("3000")), Performance: hubrules.Ptr(m("1000")), Technical: hubrules.Ptr(m("300")), PostAllowance: hubrules.Ptr(m("200")), Qualification: hubrules.Ptr(m("400")), LastYearAverageWage: hubrules.Ptr(m("98000"))}
	r, err := e.Pay(in)
	require.NoError(t, err)
	assert.Equal(t, 1+(7+3)/3+2, r.Grade)
	assert.Equal(t, "4900.00", r.Monthly.String())
	assert.Equal(t, "58800.00", r.Annual.String())
	assert.Equal(t, "68600.00", r.Floor.String(), "70% of 98,000")
	assert.Equal(t, "4116.00", r.HousingFund.String())
	assert.True(t, r.EmployerCost.GreaterThan(r.Floor))
	assert.True(t, r.Compliant())

	in.Post = funding.PostHead
	in.YearsOfService = hubrules.Ptr(40)
	in.Certificate = "senior"
	r, err = e.Pay(in)
	require.NoError(t, err)
	assert.Equal(t, 18, r.Grade, "capped at the head's top grade")
	assert.Equal(t, "98000.00", r.Floor.String())
	assert.False(t, r.Compliant())
	assert.Equal(t, []string{"FND-PAY-01"}, r.Report().FailedRules())
	in.Post = funding.PostDeputy
	in.YearsOfService = hubrules.Ptr(0)
	in.Degree = ""
	in.Certificate = ""
	r, _ = e.Pay(in)
	assert.Equal(t, 4, r.Grade)
	assert.Equal(t, "78400.00", r.Floor.String())
	assert.NotEmpty(t, r.Basis.Unverified(), "pay rules are secondary/illustrative")

	in.Base = hubrules.Ptr(m("-1"))
	in.Post = "boss"
	_, err = e.Pay(in)
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Len(t, ie.Fields, 2)
}

func TestFND_PAY_02_Xiyuan(t *testing.T) {
	r, err := ev(t, hubrules.Xiyuan).Allowance(funding.AllowanceInput{Junior: hubrules.Ptr(22), Intermediate: hubrules.Ptr(15), Senior: hubrules.Ptr(0)})
	require.NoError(t, err)
	assert.Equal(t, 37, r.Certified)
	assert.Equal(t, "10400.00", r.Monthly.String())
	assert.Equal(t, "124800.00", r.Yearly.String())
	p, _ := r.Basis.Param("pay.cert_allowance")
	assert.Equal(t, hubrules.Illustrative, p.Confidence, "Hefei figures are unverified")
	// No count at all uses xiyuan's published counts.
	r, err = ev(t, hubrules.Xiyuan).Allowance(funding.AllowanceInput{})
	require.NoError(t, err)
	assert.Equal(t, "124800.00", r.Yearly.String())
	assert.Equal(t, 22, *r.Input.Junior)
	// Explicit zeros are zero workers, not "use the published counts".
	r, err = ev(t, hubrules.Xiyuan).Allowance(funding.AllowanceInput{Junior: hubrules.Ptr(0), Intermediate: hubrules.Ptr(0), Senior: hubrules.Ptr(0)})
	require.NoError(t, err)
	assert.Equal(t, "0.00", r.Yearly.String())
	// One count given and the others left out is missing data.
	_, err = ev(t, hubrules.Xiyuan).Allowance(funding.AllowanceInput{Junior: hubrules.Ptr(3)})
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	_, ok := ie.Field("intermediate")
	assert.True(t, ok, "%v", ie.Fields)
	r, err = ev(t, hubrules.Kaixuan).Allowance(funding.AllowanceInput{Junior: hubrules.Ptr(1), Intermediate: hubrules.Ptr(1), Senior: hubrules.Ptr(0)})
	require.NoError(t, err)
	assert.Equal(t, "600.00", r.Monthly.String())
	p, _ = r.Basis.Param("pay.cert_allowance")
	// Hangzhou's amounts cover kaixuan, but they come from a Q&A page of
	// unknown year: illustrative.
	assert.Equal(t, hubrules.Illustrative, p.Confidence)
	_, err = ev(t, hubrules.Xiyuan).Allowance(funding.AllowanceInput{Junior: hubrules.Ptr(-1), Intermediate: hubrules.Ptr(0), Senior: hubrules.Ptr(0)})
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
}

func TestFND_CHARITY_01_Tiers(t *testing.T) {
	e := ev(t, hubrules.National)
	cases := []struct {
		name       string
		class      funding.CharityClass
		assets     string
		spendRate  string
		mgmtCap    string
		unverified bool
	}{
		{"other ≥10M", funding.PrivateOther, "10000000.00", "0.06", "0.13", false},
		{"other just under 10M", funding.PrivateOther, "9999999.99", "0.07", "0.14", false},
		{"other 5M", funding.PrivateOther, "5000000.00", "0.07", "0.14", false},
		{"other just under 5M", funding.PrivateOther, "4999999.99", "0.08", "0.15", false},
		{"other 1M", funding.PrivateOther, "1000000.00", "0.08", "0.15", false},
		{"other under 1M", funding.PrivateOther, "999999.99", "0.08", "0.20", false},
		{"foundation ≥60M (unverified)", funding.PrivateFoundation, "60000000.00", "0.06", "0.12", true},
		{"foundation 8M", funding.PrivateFoundation, "8000000.00", "0.06", "0.13", true},
		{"foundation 4–8M (unverified)", funding.PrivateFoundation, "4000000.00", "0.07", "0.15", true},
		{"foundation <4M", funding.PrivateFoundation, "3999999.99", "0.08", "0.20", false},
		{"public foundation", funding.PublicFoundation, "0", "0.70", "0.1", false},
		{"public other", funding.PublicOther, "0", "0.70", "0.13", true},
	}
	for _, c := range cases {
		r, err := e.Charity(funding.CharityInput{Org: "o", Class: c.class, LastYearNetAssets: hubrules.Ptr(m(c.assets)), LastYearIncome: hubrules.Ptr(m("1000000")),
			CharitableSpending: hubrules.Ptr(m("10000000")), TotalSpending: hubrules.Ptr(m("10000000")), ManagementCosts: hubrules.Ptr(m("0"))})
		require.NoError(t, err, c.name)
		assert.Zero(t, r.Tier.SpendRate.Cmp(funding.MustParseRate(c.spendRate)), c.name)
		assert.Zero(t, r.Tier.MgmtCap.Cmp(funding.MustParseRate(c.mgmtCap)), c.name)
		assert.Equal(t, c.unverified, r.Unverified, c.name)
		if c.unverified {
			assert.Equal(t, hubrules.Notice, r.Findings[0].Severity)
		}
	}
}

func TestFND_CHARITY_01_FloorsCapsExemption(t *testing.T) {
	e := ev(t, hubrules.National)
	base := funding.CharityInput{Org: "o", Class: funding.PrivateOther, LastYearNetAssets: hubrules.Ptr(m("2000000")), LastYearIncome: hubrules.Ptr(m("500000")),
		CharitableSpending: hubrules.Ptr(m("160000")), TotalSpending: hubrules.Ptr(m("1000000")), ManagementCosts: hubrules.Ptr(m("150000"))}
	r, err := e.Charity(base)
	require.NoError(t, err)
	assert.Equal(t, "160000.00", r.SpendingFloor.String())
	assert.True(t, r.Compliant())
	assert.True(t, r.Exempt, "150,000 < 200,000")

	in := base
	in.CharitableSpending = hubrules.Ptr(m("159999.99"))
	r, _ = e.Charity(in)
	assert.False(t, r.Compliant())

	// Exemption at 200,000: 199,999.99 exempt, 200,000 not.
	in = base
	in.ManagementCosts = hubrules.Ptr(m("199999.99"))
	r, _ = e.Charity(in)
	assert.True(t, r.Exempt)
	assert.True(t, r.Compliant())
	in.ManagementCosts = hubrules.Ptr(m("200000.00"))
	r, _ = e.Charity(in)
	assert.False(t, r.Exempt)
	assert.False(t, r.Compliant())
	assert.Equal(t, "150000.00", r.MgmtCap.String())

	// <1M: 8% of assets and 50% of income.
	in = funding.CharityInput{Class: funding.PrivateOther, LastYearNetAssets: hubrules.Ptr(m("500000")), LastYearIncome: hubrules.Ptr(m("300000")), CharitableSpending: hubrules.Ptr(m("100000")), TotalSpending: hubrules.Ptr(m("200000")), ManagementCosts: hubrules.Ptr(m("0"))}
	r, _ = e.Charity(in)
	assert.Equal(t, "40000.00", r.SpendingFloor.String())
	assert.Equal(t, "150000.00", r.IncomeFloor.String())
	assert.False(t, r.Compliant())

	// 3-year average replaces last year's figures.
	in = base
	in.UseAverage = true
	in.AvgNetAssets3 = hubrules.Ptr(m("12000000"))
	in.AvgIncome3 = hubrules.Ptr(m("500000"))
	in.CharitableSpending = hubrules.Ptr(m("720000"))
	r, _ = e.Charity(in)
	assert.Equal(t, "6%", r.Tier.SpendRate.Percent())
	assert.Equal(t, "720000.00", r.SpendingFloor.String())

	_, err = e.Charity(funding.CharityInput{Class: "x", LastYearIncome: hubrules.Ptr(m("0")), LastYearNetAssets: hubrules.Ptr(m("0")),
		CharitableSpending: hubrules.Ptr(m("0")), TotalSpending: hubrules.Ptr(m("1")), ManagementCosts: hubrules.Ptr(m("2"))})
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Len(t, ie.Fields, 2)
}

func TestFND_DONATE_01_Enterprise(t *testing.T) {
	e := ev(t, hubrules.National)
	r, err := e.DonateEnterprise(funding.EnterpriseDonationInput{Year: 2020, AccountingProfit: hubrules.Ptr(m("1000000")), Qualified: hubrules.Ptr(m("100000")), Unqualified: hubrules.Ptr(m("5000")),
		CarryForward: []funding.CarryItem{{Year: 2019, Amount: hubrules.Ptr(m("30000"))}, {Year: 2017, Amount: hubrules.Ptr(m("20000"))}}})
	require.NoError(t, err)
	assert.Equal(t, "120000.00", r.Limit.String())
	assert.Equal(t, []funding.CarryItem{{Year: 2017, Amount: hubrules.Ptr(m("20000"))}, {Year: 2019, Amount: hubrules.Ptr(m("30000"))}}, r.FromCarry, "oldest first")
	assert.Equal(t, "70000.00", r.FromCurrent.String())
	assert.Equal(t, "120000.00", r.Deducted.String())
	assert.Equal(t, []funding.CarryItem{{Year: 2020, Amount: hubrules.Ptr(m("30000"))}}, r.CarryOut)
	assert.Equal(t, "5000.00", r.NotAllowed.String())

	// The oldest carried year expires when not used up in its last year.
	r, err = e.DonateEnterprise(funding.EnterpriseDonationInput{Year: 2020, AccountingProfit: hubrules.Ptr(m("100000")), Qualified: hubrules.Ptr(m("0")), CarryForward: []funding.CarryItem{{Year: 2017, Amount: hubrules.Ptr(m("20000"))}, {Year: 2018, Amount: hubrules.Ptr(m("1"))}}})
	require.NoError(t, err)
	assert.Equal(t, []funding.CarryItem{{Year: 2017, Amount: hubrules.Ptr(m("12000"))}}, r.FromCarry)
	assert.Equal(t, []funding.CarryItem{{Year: 2017, Amount: hubrules.Ptr(m("8000"))}}, r.Expired)
	assert.Equal(t, []funding.CarryItem{{Year: 2018, Amount: hubrules.Ptr(m("1"))}}, r.CarryOut)

	// Profit ≤ 0: nothing deducted; everything carries.
	r, err = e.DonateEnterprise(funding.EnterpriseDonationInput{Year: 2020, AccountingProfit: hubrules.Ptr(m("-5")), Qualified: hubrules.Ptr(m("100"))})
	require.NoError(t, err)
	assert.True(t, r.Deducted.IsZero())
	assert.Equal(t, []funding.CarryItem{{Year: 2020, Amount: hubrules.Ptr(m("100"))}}, r.CarryOut)

	// Before 2017 there was no carry-forward.
	e2016, err := funding.NewEvaluator(hubrules.National, hubrules.MustParseDate("2016-06-30"))
	require.NoError(t, err)
	r, err = e2016.DonateEnterprise(funding.EnterpriseDonationInput{Year: 2016, AccountingProfit: hubrules.Ptr(m("100")), Qualified: hubrules.Ptr(m("50"))})
	require.NoError(t, err)
	assert.Equal(t, "12.00", r.Deducted.String())
	assert.Equal(t, []funding.CarryItem{{Year: 2016, Amount: hubrules.Ptr(m("38"))}}, r.Expired)
}

// TestFND_DONATE_01_CarryFollowsTheTaxYear: the excess of tax year y is
// usable in y+1 … y+3 whatever the evaluator's date; only gifts from
// 2016-09-01 carry; an expired carry handed in is reported (Expired and a
// notice naming its window), not refused.
func TestFND_DONATE_01_CarryFollowsTheTaxYear(t *testing.T) {
	items := func(kv ...any) []funding.CarryItem {
		var out []funding.CarryItem
		for i := 0; i < len(kv); i += 2 {
			out = append(out, funding.CarryItem{Year: kv[i].(int), Amount: hubrules.Ptr(m(kv[i+1].(string)))})
		}
		return out
	}
	cases := []struct {
		name, date        string
		year              int
		profit, qualified string
		carryable         *funding.Money
		carry             []funding.CarryItem
		fromCarry, out    []funding.CarryItem
		expired           []funding.CarryItem
		notice            string // a fact every expiry notice has ("name=value"); "" for none
		errPath, errCode  string
	}{
		{name: "2016 in its last year 2019", date: "2020-05-31", year: 2019, profit: "1000", qualified: "0", carry: items(2016, "100"),
			fromCarry: items(2016, "100")},
		{name: "2016 in 2020: expired, not refused", date: "2020-05-31", year: 2020, profit: "1000", qualified: "0", carry: items(2016, "100"),
			expired: items(2016, "100"), notice: "usable_to=2019"},
		{name: "the evaluator's date does not move the window", date: "2026-05-31", year: 2019, profit: "1000", qualified: "0", carry: items(2016, "100"),
			fromCarry: items(2016, "100")},
		{name: "an early evaluator date does not shorten it", date: "2017-05-31", year: 2019, profit: "1000", qualified: "0", carry: items(2016, "100", 2018, "5"),
			fromCarry: items(2016, "100", 2018, "5")},
		{name: "the rest expires after the last year", date: "2020-05-31", year: 2019, profit: "500", qualified: "0", carry: items(2016, "100", 2017, "10"),
			fromCarry: items(2016, "60"), out: items(2017, "10"), expired: items(2016, "40"), notice: "usable_to=2019"},
		{name: "the rest carries inside the window", date: "2019-05-31", year: 2018, profit: "500", qualified: "0", carry: items(2016, "100"),
			fromCarry: items(2016, "60"), out: items(2016, "40")},
		{name: "2015's excess never carried", date: "2018-05-31", year: 2017, profit: "1000", qualified: "0", carry: items(2015, "100", 2016, "10"),
			fromCarry: items(2016, "10"), expired: items(2015, "100"), notice: "carry_from=2016-09-01"},
		{name: "2016: only the gifts from 2016-09-01 carry", date: "2017-05-31", year: 2016, profit: "100", qualified: "50", carryable: hubrules.Ptr(m("30")),
			out: items(2016, "30"), expired: items(2016, "8"), notice: "carry_from=2016-09-01"},
		{name: "2016: all gifts after 2016-09-01", date: "2017-05-31", year: 2016, profit: "100", qualified: "50", carryable: hubrules.Ptr(m("50")),
			out: items(2016, "38")},
		{name: "2016 without an excess needs no split", date: "2017-05-31", year: 2016, profit: "1000", qualified: "50"},
		{name: "2016 with an excess needs the split", date: "2017-05-31", year: 2016, profit: "100", qualified: "50", errPath: "qualified_carryable", errCode: "required"},
		{name: "the split is part of the gifts", date: "2017-05-31", year: 2016, profit: "100", qualified: "50", carryable: hubrules.Ptr(m("51")), errPath: "qualified_carryable", errCode: "lte"},
		{name: "2017's excess carries to 2018–2020", date: "2018-05-31", year: 2017, profit: "100", qualified: "50", out: items(2017, "38")},
		{name: "no carry-forward in force: carried items expire", date: "2016-08-31", year: 2017, profit: "1000", qualified: "0", carry: items(2016, "10"),
			expired: items(2016, "10"), notice: "carry_years=0"},
		{name: "a carried year must precede the tax year", date: "2020-05-31", year: 2019, profit: "1", qualified: "0", carry: items(2019, "1"), errPath: "carry_forward[0].year", errCode: "lt"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := ev2(t, hubrules.National, c.date)
			in := funding.EnterpriseDonationInput{Year: c.year, AccountingProfit: hubrules.Ptr(m(c.profit)), Qualified: hubrules.Ptr(m(c.qualified)), QualifiedCarryable: c.carryable, CarryForward: c.carry}
			r, err := e.DonateEnterprise(in)
			if c.errCode != "" {
				var ie *hubrules.InputError
				require.ErrorAs(t, err, &ie)
				assert.Equal(t, c.errPath, ie.Fields[0].Path)
				assert.Equal(t, c.errCode, ie.Fields[0].Code)
				assert.NotEmpty(t, ie.Fields[0].Message.ZH)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.fromCarry, r.FromCarry, "from carry")
			assert.Equal(t, c.out, r.CarryOut, "carry out")
			assert.Equal(t, c.expired, r.Expired, "expired")
			require.Len(t, r.Findings, len(c.expired), "one notice per expired amount")
			for i, f := range r.Findings {
				assert.Equal(t, hubrules.Notice, f.Severity)
				assert.Equal(t, "FND-DONATE-01", f.Rule)
				var got []string
				for _, fa := range f.Facts {
					got = append(got, fa.Name+"="+fa.Value)
				}
				assert.Contains(t, got, c.notice)
				assert.Contains(t, got, "tax_year="+strconv.Itoa(c.expired[i].Year))
				assert.Contains(t, f.Message.ZH, "年度")
			}
			assert.True(t, r.Compliant(), "an expiry is a notice, not a violation")
		})
	}
	// Parameters handed over with a carry-forward but no start are refused,
	// never read as "every year carries".
	bad := funding.Params{Donate: &funding.DonateParams{EnterpriseRate: funding.MustParseRate("0.12"), CarryYears: 3}}
	be, err := funding.NewEvaluator(hubrules.National, d2020, funding.WithResolved(bad, hubrules.Basis{}))
	require.NoError(t, err)
	_, err = be.DonateEnterprise(funding.EnterpriseDonationInput{Year: 2019, AccountingProfit: hubrules.Ptr(m("1")), Qualified: hubrules.Ptr(m("0"))})
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "params.donate.carry_from", ie.Fields[0].Path)
}

func TestFND_DONATE_01_Individual(t *testing.T) {
	e := ev(t, hubrules.National)
	r, err := e.DonateIndividual(funding.IndividualDonationInput{TaxableIncome: hubrules.Ptr(m("100000")), Qualified: hubrules.Ptr(m("40000")), Unqualified: hubrules.Ptr(m("1000"))})
	require.NoError(t, err)
	assert.Equal(t, "30000.00", r.Limit.String())
	assert.Equal(t, "30000.00", r.Deducted.String())
	assert.Equal(t, "11000.00", r.NotAllowed.String())
	_, err = e.DonateIndividual(funding.IndividualDonationInput{TaxableIncome: hubrules.Ptr(m("-1"))})
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
}

func TestFND_START_01(t *testing.T) {
	e := ev(t, hubrules.Xiyuan)
	started := hubrules.MustParseDate("2019-07-01")
	r, err := e.Start(funding.StartInput{Org: "o", Started: started, NormalOperation: true, AlreadyGranted: hubrules.Ptr(false), FundUsed: hubrules.Ptr(m("0"))}, hubrules.MustParseDate("2020-07-01"))
	require.NoError(t, err)
	assert.True(t, r.Eligible)
	assert.Equal(t, "50000.00", r.Grant.String())
	assert.Equal(t, "1000000.00", r.FundLeft.String())
	r, err = e.Start(funding.StartInput{Org: "o", Started: started, AlreadyGranted: hubrules.Ptr(true), FundUsed: hubrules.Ptr(m("960000"))}, hubrules.MustParseDate("2020-06-30"))
	require.NoError(t, err)
	assert.False(t, r.Eligible)
	assert.Len(t, r.Findings, 4, "every unmet criterion")
	_, err = e.Start(funding.StartInput{Started: hubrules.MustParseDate("2021-01-01")}, d2020)
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
	// No record of earlier grants is not "never granted".
	_, err = e.Start(funding.StartInput{Org: "o", Started: started, NormalOperation: true, FundUsed: hubrules.Ptr(m("0"))}, hubrules.MustParseDate("2020-07-01"))
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "already_granted", ie.Fields[0].Path)
	assert.Equal(t, "required", ie.Fields[0].Code)
}

func TestFND_FOUND_01_Kaixuan(t *testing.T) {
	r, err := ev(t, hubrules.Kaixuan).Foundation("美好凯旋", funding.FoundationFigures{})
	require.NoError(t, err)
	assert.Equal(t, "2000000.00", r.Figures.Founding.String())
	assert.Equal(t, 14, r.Figures.Directors)
	assert.Equal(t, "2500000.00", r.Figures.Raised.String())
	assert.Equal(t, 15, r.Figures.Projects)
	assert.Equal(t, "1.25", r.Ratio.String())
	assert.Equal(t, "166666.67", r.PerProject.String())
	assert.True(t, r.Compliant())
	assert.Equal(t, "200万元", r.Figures.Founding.Wan())
	r, err = ev(t, hubrules.National).Foundation("x", funding.FoundationFigures{Founding: m("1999999.99"), Raised: m("1")})
	require.NoError(t, err)
	assert.Equal(t, []string{"FND-FOUND-01"}, r.Report().FailedRules())
	_, err = ev(t, hubrules.National).Foundation("x", funding.FoundationFigures{})
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
}

func TestParams_SeedAmountsWithProvenance(t *testing.T) {
	cases := []struct {
		prog  hubrules.Programme
		name  string
		value string
		conf  hubrules.Confidence
	}{
		{hubrules.Lujiazui, "fee.rate", "0.10", hubrules.Verified},
		{hubrules.Lujiazui, "support.years", "5", hubrules.Verified},
		{hubrules.Jingan, "budget.annual", "15000000.00", hubrules.Verified},
		{hubrules.Wuliqiao, "venture.pool", "300000.00", hubrules.Verified},
		{hubrules.Kaixuan, "venture.pool", "500000.00", hubrules.Verified},
		{hubrules.National, "charity.exemption", "200000.00", hubrules.Verified},
		{hubrules.National, "start.grant", "50000.00", hubrules.Illustrative}, // Hefei's figure outside Hefei
		{hubrules.Xiyuan, "start.grant", "50000.00", hubrules.Secondary},
	}
	set := funding.DefaultParamSet()
	for _, c := range cases {
		p, err := set.Lookup(c.name, c.prog, d2020)
		require.NoError(t, err, c.name)
		assert.Equal(t, c.value, p.Value, c.name)
		assert.Equal(t, c.conf, p.Confidence, c.name)
		assert.NotEmpty(t, p.Source.Title.ZH, c.name)
	}
	_, _, err := funding.Resolve("nowhere", d2020)
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
}
