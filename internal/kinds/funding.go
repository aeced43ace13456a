package kinds

import (
	"errors"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
)

// AllocateInput is the input of "fund allocate": an amount split by weights
// by largest remainder, exact to the fen.
type AllocateInput struct {
	// Amount is the amount to split; required (0.00 splits into zeros).
	Amount  *funding.Money `json:"amount" validate:"required"`
	IDs     []string       `json:"ids,omitempty" validate:"max=100000,dive,max=200"`
	Weights []int64        `json:"weights" validate:"required,min=1,max=100000"`
}

// AllocateResult is the result of "fund allocate".
type AllocateResult struct {
	Amount funding.Money   `json:"amount"`
	Parts  []AllocatedPart `json:"parts"`
	Rule   hubrules.Text   `json:"rule"`
}

// AllocatedPart is one share of an allocation.
type AllocatedPart struct {
	ID     string        `json:"id,omitempty"`
	Weight int64         `json:"weight"`
	Amount funding.Money `json:"amount"`
}

// DonateInput is the input of "fund donate": an enterprise's or an
// individual's donations of one tax year (exactly one of the two).
type DonateInput struct {
	Enterprise *funding.EnterpriseDonationInput `json:"enterprise,omitempty"`
	Individual *funding.IndividualDonationInput `json:"individual,omitempty"`
}

// LedgerInput is the input of "fund ledger": the fund's areas (the
// programme's defaults when empty) and the operations to apply in order.
type LedgerInput struct {
	Areas   []funding.AreaShare `json:"areas,omitempty" validate:"max=100,dive"`
	Entries []funding.Entry     `json:"entries" validate:"max=100000,dive"`
}

func evaluator(env Env) (*funding.Evaluator, error) {
	return prepared("funding", env, func() (*funding.Evaluator, error) {
		return funding.NewEvaluator(env.Programme, env.Date, funding.WithParams(env.Set(funding.DefaultParamSet())))
	})
}

// explained is what every funding result embeds.
type explained interface {
	Report() hubrules.Report
	Describe(hubrules.Lang) string
}

func fundOutcome(v any, x explained, amounts map[string]string) Outcome {
	o := reportOutcome(v, x.Report(), x.Describe, "basis", "checks", "findings")
	o.Amounts = amounts
	return o
}

// fundingSets returns the funding package's default parameter sets (Kind.Sets).
func fundingSets() []*hubrules.ParamSet { return []*hubrules.ParamSet{funding.DefaultParamSet()} }

func init() {
	packages = append(packages, Package{Name: "funding", Rules: funding.Rules(), Sets: fundingSets})
	sets := fundingSets
	register(
		Kind{Name: "fund fee", Package: "funding", Lines: true, Sets: sets,
			Summary: hubrules.T("项目管理费（FND-FEE-01）", "project management fee (FND-FEE-01)"),
			Input:   func() any { return new(funding.FeeInput) },
			Eval: func(env Env, in any) (Outcome, error) {
				e, err := evaluator(env)
				if err != nil {
					return Outcome{}, err
				}
				r, err := e.Fee(*in.(*funding.FeeInput))
				if err != nil {
					return Outcome{}, err
				}
				return fundOutcome(r, r, map[string]string{"fee": r.Fee.String(), "net": r.Net.String(), "gross": r.Gross.String(), "total": r.Total.String()}), nil
			}},
		Kind{Name: "fund venture", Package: "funding", Lines: true, Sets: sets,
			Summary: hubrules.T("公益创投资金分配（FND-VENTURE-01）", "venture-philanthropy pool split (FND-VENTURE-01)"),
			Input:   func() any { return new(funding.VentureInput) },
			Eval: func(env Env, in any) (Outcome, error) {
				e, err := evaluator(env)
				if err != nil {
					return Outcome{}, err
				}
				r, err := e.Venture(*in.(*funding.VentureInput))
				if err != nil {
					return Outcome{}, err
				}
				amounts := map[string]string{"awarded": r.Awarded.String(), "leftover": r.Leftover.String(), "pool": r.Pool.String()}
				for _, a := range r.Awards {
					amounts["awards."+a.ID] = a.Amount.String()
				}
				return fundOutcome(r, r, amounts), nil
			}},
		Kind{Name: "fund charity", Package: "funding", Lines: true, Sets: sets,
			Summary: hubrules.T("慈善活动支出与管理费用比例（FND-CHARITY-01）", "charitable spending floor and management-cost cap (FND-CHARITY-01)"),
			Input:   func() any { return new(funding.CharityInput) },
			Eval: func(env Env, in any) (Outcome, error) {
				e, err := evaluator(env)
				if err != nil {
					return Outcome{}, err
				}
				r, err := e.Charity(*in.(*funding.CharityInput))
				if err != nil {
					return Outcome{}, err
				}
				return fundOutcome(r, r, map[string]string{"spending_floor": r.SpendingFloor.String(), "management_cap": r.MgmtCap.String(), "income_floor": r.IncomeFloor.String()}), nil
			}},
		Kind{Name: "fund donate", Package: "funding", Lines: true, Sets: sets,
			Summary: hubrules.T("公益性捐赠税前扣除（FND-DONATE-01）", "deductible donations (FND-DONATE-01)"),
			Input:   func() any { return new(DonateInput) },
			Eval:    evalDonate},
		Kind{Name: "fund allocate", Package: "funding", Lines: true,
			Summary: hubrules.T("按权重精确到分拆分金额（最大余额法）", "split an amount by weights, exact to the fen (largest remainder)"),
			Input:   func() any { return new(AllocateInput) },
			Eval:    evalAllocate},
		Kind{Name: "fund ledger", Package: "funding", Lines: true, Sets: sets,
			Summary: hubrules.T("专项资金台账：承诺、支付、释放，不得透支（FND-BUDGET-01）", "special-fund ledger: commitments, payments, releases, never overdrawn (FND-BUDGET-01)"),
			Input:   func() any { return new(LedgerInput) },
			Eval:    evalLedger},
	)
}

func evalDonate(env Env, in any) (Outcome, error) {
	e, err := evaluator(env)
	if err != nil {
		return Outcome{}, err
	}
	d := in.(*DonateInput)
	if (d.Enterprise == nil) == (d.Individual == nil) {
		return Outcome{}, hubrules.NewInputError(hubrules.FieldError{Path: "enterprise", Code: "one_of",
			Message: hubrules.T("enterprise 与 individual 须且只能给出一个", "give exactly one of enterprise and individual")})
	}
	if d.Enterprise != nil {
		r, err := e.DonateEnterprise(*d.Enterprise)
		if errors.Is(err, hubrules.ErrNotInForce) {
			return Outcome{}, err
		}
		if err != nil {
			var p hubrules.Problems
			p.Merge("enterprise", err)
			return Outcome{}, p.Err()
		}
		r.Checks = append(r.Checks, computed(funding.RuleDonate, "enterprise"))
		return fundOutcome(r, r, map[string]string{"deducted": r.Deducted.String(), "limit": r.Limit.String(), "not_deductible": r.NotAllowed.String(), "from_current": r.FromCurrent.String()}), nil
	}
	r, err := e.DonateIndividual(*d.Individual)
	if errors.Is(err, hubrules.ErrNotInForce) {
		return Outcome{}, err
	}
	if err != nil {
		var p hubrules.Problems
		p.Merge("individual", err)
		return Outcome{}, p.Err()
	}
	r.Checks = append(r.Checks, computed(funding.RuleDonate, "individual"))
	return fundOutcome(r, r, map[string]string{"deducted": r.Deducted.String(), "limit": r.Limit.String(), "not_deductible": r.NotAllowed.String()}), nil
}

func evalAllocate(env Env, in any) (Outcome, error) {
	a := in.(*AllocateInput)
	if len(a.IDs) > 0 && len(a.IDs) != len(a.Weights) {
		return Outcome{}, hubrules.NewInputError(hubrules.FieldError{Path: "ids", Code: "len", Value: itoa(len(a.IDs)),
			Message: hubrules.T("ids 的个数应与 weights 相同", "ids must have as many entries as weights")})
	}
	parts, err := funding.Allocate(*a.Amount, a.Weights)
	if err != nil {
		return Outcome{}, err
	}
	res := AllocateResult{Amount: *a.Amount, Parts: make([]AllocatedPart, len(parts)),
		Rule: hubrules.T("最大余额法：先按权重向下取整到分，余下的分按余数从大到小逐分分配，余数相同者序号小的优先；权重为零者不得分",
			"largest remainder: each part is rounded down to the fen, and the fen left over go one by one to the largest remainders, ties to the lower index; a zero weight gets nothing")}
	amounts := map[string]string{}
	for i, m := range parts {
		id := ""
		if len(a.IDs) > 0 {
			id = a.IDs[i]
		}
		res.Parts[i] = AllocatedPart{ID: id, Weight: a.Weights[i], Amount: m}
		key := "parts." + itoa(i)
		if id != "" {
			key = "parts." + id
		}
		amounts[key] = m.String()
	}
	describe := func(lang hubrules.Lang) string {
		var b strings.Builder
		b.WriteString(res.Rule.In(lang) + "\n")
		for i, p := range res.Parts {
			name := p.ID
			if name == "" {
				name = "#" + itoa(i)
			}
			b.WriteString("  " + name + " (" + itoa(int(p.Weight)) + "): " + p.Amount.String() + "\n")
		}
		return b.String()
	}
	return Outcome{Value: res, Compliant: true, Describe: describe, Findings: []string{}, Amounts: amounts,
		Verdict: hubrules.OutcomeCompliant, Result: res}, nil
}

// evalLedger replays the entries on the fund's ledger. An entry the
// ledger refuses by FND-BUDGET-01 (more than is free or unpaid, a payment
// of a project never committed) is a refusal, not bad input: the result is
// the ledger after the entries before it, with the refusal as a finding.
// Any other bad entry is an *InputError.
func evalLedger(env Env, in any) (Outcome, error) {
	e, err := evaluator(env)
	if err != nil {
		return Outcome{}, err
	}
	li := in.(*LedgerInput)
	l, err := e.Ledger(li.Areas...)
	if err != nil {
		return Outcome{}, err
	}
	start := l
	l, err = l.Replay(li.Entries)
	var refusal *hubrules.Finding
	if i, f, ok := ledgerRefusal(err, li.Entries); ok {
		if l, err = start.Replay(li.Entries[:i]); err == nil {
			refusal = &f
		}
	}
	if err != nil {
		return Outcome{}, err
	}
	amounts := map[string]string{}
	for _, a := range l.Areas() {
		amounts["free."+a.Code] = a.Free.String()
		amounts["committed."+a.Code] = a.Committed.String()
		amounts["paid."+a.Code] = a.Paid.String()
	}
	t := l.Totals()
	amounts["free"], amounts["committed"], amounts["paid"] = t.Free.String(), t.Committed.String(), t.Paid.String()
	x := l.Explanation()
	o := fundOutcome(l, x, amounts)
	outcome := hubrules.Pass
	if refusal != nil {
		outcome = hubrules.Fail
		o.refuse(*refusal)
	}
	o.Report.Checks = append(o.Report.Checks, hubrules.Check{Rule: funding.RuleBudget, Outcome: outcome})
	return o, nil
}

// ledgerRefusal returns the index of the entry that err refuses by
// FND-BUDGET-01 and the finding that says so, when err is such a refusal.
func ledgerRefusal(err error, entries []funding.Entry) (int, hubrules.Finding, bool) {
	ie, ok := err.(*hubrules.InputError)
	if !ok || len(ie.Fields) != 1 {
		return 0, hubrules.Finding{}, false
	}
	fe := ie.Fields[0]
	refused := fe.Code == "overdrawn" || fe.Code == "unknown" && strings.HasSuffix(fe.Path, ".project")
	if !refused {
		return 0, hubrules.Finding{}, false
	}
	for i, en := range entries {
		at := hubrules.Index("entries", i)
		if !strings.HasPrefix(fe.Path, at+".") {
			continue
		}
		return i, hubrules.Finding{Rule: funding.RuleBudget, Severity: hubrules.Violation, Subject: at,
			Message: hubrules.T("台账拒绝该笔操作："+fe.Message.ZH, "the ledger refuses the entry: "+fe.Message.EN),
			Facts:   []hubrules.Fact{{Name: "op", Value: string(en.Op)}, {Name: "project", Value: en.Project}, {Name: "amount", Value: en.Amount.String()}}}, true
	}
	return 0, hubrules.Finding{}, false
}
