package funding

import "github.com/hubrules/hubrules"

// StartInput is a newly introduced professional organization or community
// federation asking for the one-off start-up grant (FND-START-01).
type StartInput struct {
	Org string `json:"org" validate:"max=200"`
	// Started is the first day of operation.
	Started hubrules.Date `json:"started"`
	// NormalOperation says the organization has operated normally since.
	NormalOperation bool `json:"normal_operation"`
	// AlreadyGranted says whether it has received the grant before;
	// required (false when never): an absent record of earlier grants is
	// never read as "not granted".
	AlreadyGranted *bool `json:"already_granted" validate:"required"`
	// FundUsed is what the city fund has paid this year so far; required
	// (0.00 when nothing yet).
	FundUsed *Money `json:"fund_used" validate:"required"`
}

// StartResult is FND-START-01's decision.
type StartResult struct {
	Explanation
	Input    StartInput    `json:"input"`
	Eligible bool          `json:"eligible"`
	Grant    Money         `json:"grant"`
	DueFrom  hubrules.Date `json:"due_from"`
	FundLeft Money         `json:"fund_left"`
}

// Start decides the 50,000-yuan one-off grant after one year of normal
// operation, within the city's 1,000,000-yuan yearly fund; every unmet
// criterion is a finding.
func (e *Evaluator) Start(in StartInput, asOf hubrules.Date) (StartResult, error) {
	const rule = RuleStart
	var r StartResult
	e, err := e.at("as_of", asOf)
	if err != nil {
		return r, err
	}
	if err := e.need(rule, "start", e.p.Start != nil, "start.grant", "start.fund", "start.months"); err != nil {
		return r, err
	}
	var p hubrules.Problems
	if err := hubrules.Validate(in); err != nil {
		p.Merge("", err)
	}
	if in.Started.IsZero() {
		p.Add("started", "required", "", hubrules.T("须给出开始运营日期", "the start of operation is required"))
	} else if in.Started.After(asOf) {
		p.Add("started", "order", in.Started.String(), hubrules.T("开始运营日期晚于评估日", "the start of operation is after the evaluation date"))
	}
	nonNeg(&p, "fund_used", in.FundUsed)
	if err := p.Err(); err != nil {
		return r, err
	}
	sp := e.p.Start
	r.Basis = e.b.Only("start.grant", "start.fund", "start.months")
	r.Input = in
	r.DueFrom = in.Started.AddMonths(sp.Months)
	if err := hubrules.CheckComputed("started", in.Started, r.DueFrom); err != nil {
		return StartResult{}, err
	}
	r.FundLeft = Money{sp.Fund.fen - in.FundUsed.fen} // required, checked above
	r.step(rule, hubrules.T("满正常运营期之日 = 开始运营 + 月数", "due from = start + months"), in.Started.String()+" + "+itoa64(int64(sp.Months))+" months = "+r.DueFrom.String(), Exact, "start.months")
	r.step(rule, hubrules.T("市级资金余额 = 年度资金 − 已用", "fund left = yearly fund − used"), sp.Fund.String()+" − "+in.FundUsed.String()+" = "+r.FundLeft.String(), Exact, "start.fund")
	ok1 := !asOf.Before(r.DueFrom)
	r.check(rule, in.Org, ok1, hubrules.Violation, hubrules.T("正常运营未满一年", "less than a year of normal operation"), fact("started", in.Started.String()), fact("due_from", r.DueFrom.String()), fact("as_of", asOf.String()))
	r.check(rule, in.Org, in.NormalOperation, hubrules.Violation, hubrules.T("未正常运营", "not in normal operation"))
	granted := *in.AlreadyGranted // required, checked above
	r.check(rule, in.Org, !granted, hubrules.Violation, hubrules.T("启动资金为一次性资助，已领取过", "the grant is one-off and was already paid"))
	ok4 := !r.FundLeft.LessThan(sp.Grant)
	r.check(rule, in.Org, ok4, hubrules.Violation, hubrules.T("市级资金余额不足", "the city fund has too little left"), fact("fund_left", r.FundLeft.String()), fact("grant", sp.Grant.String()))
	r.Eligible = ok1 && in.NormalOperation && !granted && ok4
	if r.Eligible {
		r.Grant = sp.Grant
		r.step(rule, hubrules.T("一次性启动资金", "one-off start-up grant"), sp.Grant.String(), Exact, "start.grant")
	}
	return r, nil
}
