package funding_test

import (
	"errors"
	"fmt"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
)

func ExampleAllocate() {
	parts, _ := funding.Allocate(funding.MustParseMoney("100.00"), []int64{1, 1, 1})
	fmt.Println(parts)
	// Output: [33.34 33.33 33.33]
}

func ExampleParseMoney() {
	m, _ := funding.ParseMoney("334,000")
	fmt.Println(m, m.Wan(), m.Yuan())
	_, err := funding.ParseMoney("1.005")
	var ie *hubrules.InputError
	fmt.Println(errors.As(err, &ie), ie.Fields[0].Code)
	r, _ := funding.ParseMoneyRound("1.005", funding.HalfUp)
	b, _ := funding.ParseMoneyRound("1.005", funding.HalfEven)
	fmt.Println(r, b)
	// Output:
	// 334000.00 33.4万元 334,000.00元
	// true precision
	// 1.01 1.00
}

func ExampleEvaluator_Fee() {
	e, _ := funding.NewEvaluator(hubrules.Lujiazui, hubrules.MustParseDate("2016-01-01"))
	r, _ := e.Fee(funding.FeeInput{Project: "党建项目", Total: hubrules.Ptr(funding.Yuan(200000))})
	fmt.Println(r.Fee, r.Net)
	for _, s := range r.Steps {
		fmt.Println(s.Expr, s.Rounding)
	}
	// Output:
	// 20000.00 180000.00
	// 200000.00 × 0.1 = 20000.00 half_up
	// 200000.00 − 20000.00 = 180000.00 exact
}

func ExampleEvaluator_Support() {
	e, _ := funding.NewEvaluator(hubrules.Lujiazui, hubrules.MustParseDate("2016-01-01"))
	s, _ := e.Support(hubrules.Date{})
	fmt.Printf("%d–%d, last day %s, 2019-01-01 inside: %v\n", s.FirstYear, s.LastYear, s.LastDay, s.Contains(hubrules.MustParseDate("2019-01-01")))
	// Output: 2014–2018, last day 2018-12-31, 2019-01-01 inside: false
}

func ExampleLedger() {
	e, _ := funding.NewEvaluator(hubrules.Jingan, hubrules.MustParseDate("2018-01-01"))
	l, _ := e.Ledger()
	l, _ = l.Commit("projects", "P-001", funding.Yuan(1000000))
	l, _ = l.Pay("P-001", funding.Yuan(400000))
	_, err := l.Pay("P-001", funding.Yuan(700000))
	a, _ := l.Area("projects")
	fmt.Println(a.Name.ZH, a.Limit, a.Committed, a.Paid, a.Free)
	fmt.Println(err != nil)
	// Output:
	// 项目资助 3750000.00 1000000.00 400000.00 2750000.00
	// true
}

func ExampleEvaluator_NewContract() {
	e, _ := funding.NewEvaluator(hubrules.Jingan, hubrules.MustParseDate("2018-01-01"))
	c, _ := e.NewContract(funding.ContractInput{ID: "C-1", Service: "elderly", Amount: funding.Yuan(100000)})
	c, _ = c.Procure()
	c, _ = c.Release(0, hubrules.MustParseDate("2018-03-01"))
	c, _ = c.Monitor()
	c, _ = c.RecordMidTerm(false)
	_, err := c.Release(1, hubrules.MustParseDate("2018-07-01"))
	fmt.Println(c.Stage, c.Released(), errors.Is(err, funding.ErrTransitionNotAllowed))
	// Output: stopped 40000.00 true
}

func ExampleEvaluator_Venture() {
	e, _ := funding.NewEvaluator(hubrules.Wuliqiao, hubrules.MustParseDate("2018-01-01"))
	r, _ := e.Venture(funding.VentureInput{Projects: []funding.VentureProject{
		{ID: "A", Score: hubrules.Ptr(score("91")), Request: hubrules.Ptr(funding.Yuan(80000))},
		{ID: "B", Score: hubrules.Ptr(score("85")), Request: hubrules.Ptr(funding.Yuan(45000))},
	}})
	for _, a := range r.Awards {
		fmt.Println(a.Rank, a.ID, a.Amount)
	}
	fmt.Println(r.Pool, r.Leftover)
	// Output:
	// 1 A 50000.00
	// 2 B 45000.00
	// 300000.00 205000.00
}

func ExampleEvaluator_Allowance() {
	e, _ := funding.NewEvaluator(hubrules.Xiyuan, hubrules.MustParseDate("2013-12-31"))
	r, _ := e.Allowance(funding.AllowanceInput{Junior: hubrules.Ptr(22), Intermediate: hubrules.Ptr(15), Senior: hubrules.Ptr(0)})
	fmt.Println(r.Certified, r.Monthly, r.Yearly)
	// Output: 37 10400.00 124800.00
}

func ExampleEvaluator_Charity() {
	e, _ := funding.NewEvaluator(hubrules.National, hubrules.MustParseDate("2020-01-01"))
	r, _ := e.Charity(funding.CharityInput{Org: "社区基金会", Class: funding.PrivateFoundation,
		LastYearIncome: hubrules.Ptr(funding.Yuan(0)), LastYearNetAssets: hubrules.Ptr(funding.Yuan(2000000)), CharitableSpending: hubrules.Ptr(funding.Yuan(150000)),
		TotalSpending: hubrules.Ptr(funding.Yuan(300000)), ManagementCosts: hubrules.Ptr(funding.Yuan(50000))})
	fmt.Println(r.SpendingFloor, r.Exempt, r.Compliant())
	// Output: 160000.00 true false
}

func ExampleEvaluator_DonateEnterprise() {
	e, _ := funding.NewEvaluator(hubrules.National, hubrules.MustParseDate("2020-12-31"))
	r, _ := e.DonateEnterprise(funding.EnterpriseDonationInput{Year: 2020, AccountingProfit: hubrules.Ptr(funding.Yuan(1000000)),
		Qualified: hubrules.Ptr(funding.Yuan(150000)), CarryForward: []funding.CarryItem{{Year: 2018, Amount: hubrules.Ptr(funding.Yuan(10000))}}})
	fmt.Println(r.Limit, r.Deducted, r.CarryOut)
	// Output: 120000.00 120000.00 [{2020 40000.00}]
}

func ExampleEvaluator_Pay() {
	e, _ := funding.NewEvaluator(hubrules.Lujiazui, hubrules.MustParseDate("2019-01-01"))
	r, _ := e.Pay(funding.PayInput{Post: funding.PostOther, YearsOfService: hubrules.Ptr(6), Certificate: "junior",
		Base: hubrules.Ptr(funding.Yuan(4000)), Performance: hubrules.Ptr(funding.Yuan(1000)), LastYearAverageWage: hubrules.Ptr(funding.Yuan(98000))})
	fmt.Println(r.Grade, r.Annual, r.Floor, r.Compliant())
	// Output: 4 60000.00 68600.00 true
}

func ExampleEvaluator_Start() {
	e, _ := funding.NewEvaluator(hubrules.Xiyuan, hubrules.MustParseDate("2017-01-01"))
	r, _ := e.Start(funding.StartInput{Org: "新引进社工机构", Started: hubrules.MustParseDate("2016-03-01"), NormalOperation: true, AlreadyGranted: hubrules.Ptr(false),
		FundUsed: hubrules.Ptr(funding.Yuan(0))}, hubrules.MustParseDate("2017-03-01"))
	fmt.Println(r.Eligible, r.Grant)
	// Output: true 50000.00
}

func ExampleEvaluator_Foundation() {
	e, _ := funding.NewEvaluator(hubrules.Kaixuan, hubrules.MustParseDate("2021-01-01"))
	r, _ := e.Foundation("美好凯旋", funding.FoundationFigures{})
	fmt.Println(r.Figures.Founding.Wan(), r.Figures.Directors, r.Figures.Raised.Wan(), r.Figures.Projects, r.Compliant())
	// Output: 200万元 14 250万元 15 true
}

func ExampleFollow() {
	r, _ := funding.Follow(funding.FollowInput{
		Items:         []funding.FundedItem{{ID: "post-1", Kind: funding.KindPost}},
		Disbursements: []funding.Disbursement{{ID: "d1", Item: "post-1", Amount: funding.Yuan(60000)}, {ID: "d2", Item: "", Amount: funding.Yuan(5000)}},
	})
	fmt.Println(r.Total, r.Unfounded, r.Report().FailedRules())
	// Output: 65000.00 5000.00 [FND-FOLLOW-01]
}
