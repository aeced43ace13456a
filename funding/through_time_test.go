package funding_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/hubrules/hubrules/internal/datetest"
)

func fundingBasisAt(p hubrules.Programme) func(hubrules.Date) (hubrules.Basis, error) {
	return datetest.BasisAt(func(d hubrules.Date) (*funding.Evaluator, error) { return funding.NewEvaluator(p, d) })
}

// The foundation and charity rules through their texts: the 1988 measures,
// the 2004 regulations (art. 29 for spending, art. 8 for capital), the
// Charity Law's art. 60 and MCA 2016 No. 189, each on its first day and
// the day before.
func TestCharityAndFoundations_Revisions(t *testing.T) {
	const (
		regs2004 = `[{"class":"public_foundation","min_assets":"0","spend_rate":"0.70","base":"income","mgmt_cap":"0.10","confidence":"secondary","clause":"基金会管理条例第二十九条第一款（70%）/第二款（10%）"},{"class":"private_foundation","min_assets":"0","spend_rate":"0.08","base":"assets","mgmt_cap":"0.10","confidence":"secondary","clause":"基金会管理条例第二十九条第一款（8%上年基金余额）/第二款（10%）"}]`
		law2016  = `[{"class":"public_foundation","min_assets":"0","spend_rate":"0.70","base":"income","mgmt_cap":"0.10","confidence":"secondary","clause":"慈善法第六十条第一款"},{"class":"private_foundation","min_assets":"0","spend_rate":"0.08","base":"assets","mgmt_cap":"0.10","confidence":"secondary","clause":"基金会管理条例第二十九条（慈善法第六十条授权的标准尚未制定）"}]`
	)
	datetest.Revisions(t, fundingBasisAt(hubrules.National), []datetest.Revision{
		{Param: "found.min_capital", Day: "1988-09-26"},
		{Param: "found.min_capital", Day: "1988-09-27", Value: `"100000.00"`, Cites: "国务院令第18号"},
		{Param: "found.min_capital", Day: "2004-05-31", Value: `"100000.00"`, Cites: "第三条第（二）项"},
		{Param: "found.min_capital", Day: "2004-06-01", Value: `"2000000.00"`, Cites: "国务院令第400号"},
		{Param: "charity.tiers", Day: "2004-05-31"},
		{Param: "charity.tiers", Day: "2004-06-01", Value: regs2004, Cites: "第二十九条"},
		{Param: "charity.tiers", Day: "2016-08-31", Value: regs2004, Cites: "国务院令第400号"},
		{Param: "charity.tiers", Day: "2016-09-01", Value: law2016, Cites: "中华人民共和国主席令第四十三号"},
		{Param: "charity.tiers", Day: "2016-10-19", Value: law2016, Cites: "第六十条第一款"},
		{Param: "charity.tiers", Day: "2016-10-20", Cites: "民发〔2016〕189号", Value: mustTiers2016(t)},
		{Param: "charity.exemption", Day: "2016-10-19"},
		{Param: "charity.exemption", Day: "2016-10-20", Value: `"200000.00"`, Cites: "第十一条"},
	})
}

// mustTiers2016 is the shipped MCA 2016 No. 189 value as its JSON.
func mustTiers2016(t *testing.T) string {
	e, err := funding.NewEvaluator(hubrules.National, hubrules.MustParseDate("2020-01-01"))
	require.NoError(t, err)
	ref, ok := e.Basis().Param("charity.tiers")
	require.True(t, ok)
	require.Equal(t, "民发〔2016〕189号", ref.Source.Number)
	return string(ref.JSON)
}

// The donation rules: the Enterprise Income Tax Law from 2008-01-01 (no
// carry-forward), the three-year carry-forward from 2016-09-01 as 财税
// 〔2018〕15号 art. 5 reaches back, and the individual 30 % of 1994 and 2019.
func TestDonations_Revisions(t *testing.T) {
	datetest.Revisions(t, fundingBasisAt(hubrules.Kaixuan), []datetest.Revision{
		{Param: "donate.enterprise_rate", Day: "2007-12-31"},
		{Param: "donate.enterprise_rate", Day: "2008-01-01", Value: `"0.12"`, Cites: "《中华人民共和国企业所得税法》"},
		{Param: "donate.carry_years", Day: "2007-12-31"},
		{Param: "donate.carry_years", Day: "2008-01-01", Value: "0", Cites: "第九条"},
		{Param: "donate.carry_years", Day: "2016-08-31", Value: "0", Cites: "企业所得税法"},
		{Param: "donate.carry_years", Day: "2016-09-01", Value: "3", Cites: "财税〔2018〕15号"},
		{Param: "donate.individual_rate", Day: "2003-01-01", Value: `"0.30"`, Cites: "国务院令第142号"},
		{Param: "donate.individual_rate", Day: "2018-12-31", Value: `"0.30"`, Cites: "第二十四条"},
		{Param: "donate.individual_rate", Day: "2019-01-01", Value: `"0.30"`, Cites: "第六条第三款"},
	})
}

// The rules decide by the text of their date: a public foundation spending
// 60 % of last year's income fails the 70 % floor of 2004 and later, and
// before 2004-06-01 the rule is not in force; a 2016 donation carried into
// 2017 is deductible only from the carry-forward's start.
func TestRulesThroughTime_Decisions(t *testing.T) {
	d := hubrules.MustParseDate
	in := funding.CharityInput{Org: "基金会", Class: funding.PublicFoundation, LastYearIncome: hubrules.Ptr(funding.Yuan(1000000)),
		LastYearNetAssets: hubrules.Ptr(funding.Yuan(3000000)), CharitableSpending: hubrules.Ptr(funding.Yuan(600000)), TotalSpending: hubrules.Ptr(funding.Yuan(700000)), ManagementCosts: hubrules.Ptr(funding.Yuan(50000))}
	e := ev2(t, hubrules.National, "2004-05-31")
	_, err := e.Charity(in)
	nif := datetest.NotInForce(t, err, "FND-CHARITY-01")
	assert.Equal(t, []hubrules.Unset{{Name: "charity.tiers", Starts: d("2004-06-01")}}, nif.Unset)
	// The rest of the evaluator is decided normally on that date.
	_, err = e.DonateIndividual(funding.IndividualDonationInput{TaxableIncome: hubrules.Ptr(funding.Yuan(100000)), Qualified: hubrules.Ptr(funding.Yuan(50000))})
	require.NoError(t, err)

	r, err := ev2(t, hubrules.National, "2010-06-30").Charity(in)
	require.NoError(t, err)
	assert.Equal(t, []string{"FND-CHARITY-01"}, r.Report().FailedRules())
	assert.Equal(t, "700000.00", r.SpendingFloor.String())
	assert.Equal(t, "70000.00", r.MgmtCap.String())
	assert.False(t, r.Exempt, "no exemption before 2016-10-20: the cap applies to any amount")
	assert.True(t, r.Basis.HasMissing("charity.exemption"))
	// A social group had no spending rule before 2016-09-01.
	other := in
	other.Class = funding.PublicOther
	_, err = ev2(t, hubrules.National, "2010-06-30").Charity(other)
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)

	don := funding.EnterpriseDonationInput{Year: 2017, AccountingProfit: hubrules.Ptr(funding.Yuan(1000000)), Qualified: hubrules.Ptr(funding.Yuan(100000)),
		CarryForward: []funding.CarryItem{{Year: 2016, Amount: hubrules.Ptr(funding.Yuan(10000))}}}
	dr0, err := ev2(t, hubrules.National, "2016-08-31").DonateEnterprise(don)
	require.NoError(t, err, "no carry-forward before 2016-09-01: the carried item expires")
	assert.Equal(t, []funding.CarryItem{{Year: 2016, Amount: hubrules.Ptr(funding.Yuan(10000))}}, dr0.Expired)
	assert.Equal(t, "100000.00", dr0.Deducted.String())
	dr, err := ev2(t, hubrules.National, "2017-12-31").DonateEnterprise(don)
	require.NoError(t, err)
	assert.Equal(t, "110000.00", dr.Deducted.String())
	_, err = ev2(t, hubrules.National, "2005-06-30").DonateEnterprise(don)
	datetest.NotInForce(t, err, "FND-DONATE-01")
}

func ev2(t *testing.T, p hubrules.Programme, day string) *funding.Evaluator {
	t.Helper()
	e, err := funding.NewEvaluator(p, hubrules.MustParseDate(day))
	require.NoError(t, err)
	return e
}

// A branch-only parameter gates only its branch: without pay.floor (before
// 2018-08-01) the pay is computed and only the floor check is not in force;
// without last year's wage the floor is not read at all.
func TestPay_FloorNotInForceOnlyOnItsBranch(t *testing.T) {
	e := ev2(t, hubrules.National, "2015-06-30")
	in := funding.PayInput{Worker: "w1", Post: funding.PostOther, YearsOfService: hubrules.Ptr(3), Base: hubrules.Ptr(funding.Yuan(4000)),
		LastYearAverageWage: hubrules.Ptr(funding.Yuan(60000))}
	r, err := e.Pay(in)
	require.NoError(t, err)
	assert.True(t, r.Annual.IsPositive())
	require.Len(t, r.Checks, 1)
	assert.Equal(t, hubrules.NotInForce, r.Checks[0].Outcome)
	require.Len(t, r.Findings, 1)
	assert.Equal(t, hubrules.Notice, r.Findings[0].Severity)
	assert.Contains(t, r.Findings[0].Message.EN, "pay.floor is in force from 2018-08-01")
	in.LastYearAverageWage = nil
	r, err = e.Pay(in)
	require.NoError(t, err)
	assert.Equal(t, hubrules.NotApplicable, r.Checks[0].Outcome)
	assert.Empty(t, r.Findings)
}

// Start's asOf is the decision's date: on another date than the
// evaluator's it is decided under that date's parameters (the start-up
// grant of 合政办〔2016〕5号 was not in force in 2015 even for an evaluator
// prepared in 2024), and with resolved parameters it is refused.
func TestStart_OtherDate(t *testing.T) {
	d := hubrules.MustParseDate
	in := funding.StartInput{Org: "o", Started: d("2014-03-01"), NormalOperation: true, AlreadyGranted: hubrules.Ptr(false), FundUsed: hubrules.Ptr(funding.Yuan(0))}
	e := ev2(t, hubrules.Xiyuan, "2024-06-30")
	_, err := e.Start(in, d("2015-06-30"))
	nif := datetest.NotInForce(t, err, funding.RuleStart)
	assert.Equal(t, d("2015-06-30"), nif.AsOf)
	r, err := e.Start(in, d("2016-06-30"))
	require.NoError(t, err)
	assert.Equal(t, "2016-06-30", r.Basis.AsOf.String(), "the basis states the date asked")
	for _, p := range r.Basis.Params {
		assert.False(t, p.From.After(d("2016-06-30")), p.Name)
	}
	same, err := e.Start(in, d("2024-06-30"))
	require.NoError(t, err)
	assert.Equal(t, "2024-06-30", same.Basis.AsOf.String())

	p, b, err := funding.Resolve(hubrules.Xiyuan, d("2024-06-30"))
	require.NoError(t, err)
	given, err := funding.NewEvaluator(hubrules.Xiyuan, d("2024-06-30"), funding.WithResolved(p, b))
	require.NoError(t, err)
	_, err = given.Start(in, d("2016-06-30"))
	datetest.OtherDate(t, err, "as_of")
	_, err = given.Start(in, d("2024-06-30"))
	require.NoError(t, err)
}

// Every shipped programme, on the first day of every month from 2003 to
// 2026: the evaluator is prepared, and every rule answers pass, fail, not
// applicable or not in force on a small input — never a Go error about the
// package.
func TestEveryProgrammeEveryMonth_FundingAnswers(t *testing.T) {
	d := hubrules.MustParseDate
	set := funding.DefaultParamSet() // parsed once, not per evaluator
	for _, prog := range hubrules.Programmes() {
		for _, day := range datetest.Months(2003, 2026) {
			e, err := funding.NewEvaluator(prog, day, funding.WithParams(set))
			require.NoError(t, err, "%s %s", prog, day)
			what := string(prog) + " " + day.String()
			answer := func(checks []hubrules.Check, err error) {
				if err != nil {
					var nif *hubrules.NotInForceError
					require.ErrorAs(t, err, &nif, what)
					return
				}
				datetest.Decided(t, checks, what)
			}
			r1, err := e.Fee(funding.FeeInput{Project: "p", Total: hubrules.Ptr(funding.Yuan(1000))})
			answer(r1.Checks, err)
			r2, err := e.Support(d("2014-01-01"))
			answer(r2.Checks, err)
			r3, err := e.Venture(funding.VentureInput{Pool: hubrules.Ptr(funding.Yuan(100000)), Projects: []funding.VentureProject{{ID: "A", Score: hubrules.Ptr(score("90")), Request: hubrules.Ptr(funding.Yuan(1000)), Budget: hubrules.Ptr(funding.Yuan(2000))}}})
			answer(r3.Checks, err)
			r4, err := e.Allowance(funding.AllowanceInput{Junior: hubrules.Ptr(1), Intermediate: hubrules.Ptr(0), Senior: hubrules.Ptr(0)})
			answer(r4.Checks, err)
			r5, err := e.Charity(funding.CharityInput{Class: funding.PrivateFoundation, LastYearIncome: hubrules.Ptr(funding.Yuan(100000)), LastYearNetAssets: hubrules.Ptr(funding.Yuan(1000000)),
				CharitableSpending: hubrules.Ptr(funding.Yuan(90000)), TotalSpending: hubrules.Ptr(funding.Yuan(100000)), ManagementCosts: hubrules.Ptr(funding.Yuan(5000))})
			answer(r5.Checks, err)
			r6, err := e.DonateEnterprise(funding.EnterpriseDonationInput{Year: day.Year(), AccountingProfit: hubrules.Ptr(funding.Yuan(1000)), Qualified: hubrules.Ptr(funding.Yuan(10))})
			answer(r6.Checks, err)
			r7, err := e.DonateIndividual(funding.IndividualDonationInput{TaxableIncome: hubrules.Ptr(funding.Yuan(1000)), Qualified: hubrules.Ptr(funding.Yuan(10))})
			answer(r7.Checks, err)
			r8, err := e.Pay(funding.PayInput{Post: funding.PostOther, YearsOfService: hubrules.Ptr(1), Base: hubrules.Ptr(funding.Yuan(3000)), LastYearAverageWage: hubrules.Ptr(funding.Yuan(50000))})
			answer(r8.Checks, err)
			r9, err := e.Start(funding.StartInput{Started: day.AddYears(-2), NormalOperation: true, AlreadyGranted: hubrules.Ptr(false), FundUsed: hubrules.Ptr(funding.Yuan(0))}, day)
			answer(r9.Checks, err)
			r10, err := e.Foundation("f", funding.FoundationFigures{Founding: funding.Yuan(3000000), Raised: funding.Yuan(1)})
			answer(r10.Checks, err)
			r11, err := e.NewContract(funding.ContractInput{ID: "c", Service: "elderly", Amount: funding.Yuan(1000)})
			answer(r11.Checks, err)
			_, err = e.Ledger(funding.AreaShare{Code: "a", Share: rate(t, "1")})
			answer(nil, err)
			r13, err := e.Follow(funding.FollowInput{Year: day.Year()})
			answer(r13.Checks, err)
		}
	}
}

func rate(t *testing.T, s string) funding.Rate {
	r, err := funding.ParseRate(s)
	require.NoError(t, err)
	return r
}
