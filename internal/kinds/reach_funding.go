package kinds

import (
	"errors"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
)

// SupportInput is the input of "fund support": is the evaluation date
// inside a hub's support period (扶持期, FND-SUPPORT-01)?
type SupportInput struct {
	// Hub names the hub-type organization the decision is about.
	Hub string `json:"hub" validate:"required,max=200"`
	// Transformed is the date the hub was transformed. Absent: the
	// programme's parameter support.start, named in the basis.
	Transformed hubrules.Date `json:"transformed,omitempty" doc:"转型日期；缺省：参数 support.start / the transformation date; absent: the parameter support.start"`
}

// PurchaseOp is a step of a purchased-service contract (FND-PURCHASE-01).
type PurchaseOp string

// The steps of a contract after its approval.
const (
	OpProcure  PurchaseOp = "procure"
	OpMonitor  PurchaseOp = "monitor"
	OpMidterm  PurchaseOp = "midterm"
	OpFinal    PurchaseOp = "final"
	OpReleaseT PurchaseOp = "release"
)

// Valid reports whether o is a known step.
func (o PurchaseOp) Valid() bool {
	return o == OpProcure || o == OpMonitor || o == OpMidterm || o == OpFinal || o == OpReleaseT
}

// Codes lists the steps (hubrules.Coded).
func (PurchaseOp) Codes() []hubrules.Code {
	return hubrules.CodesOf(OpProcure, OpMonitor, OpMidterm, OpFinal, OpReleaseT)
}

// Name returns the step in Chinese and English.
func (o PurchaseOp) Name() hubrules.Text {
	switch o {
	case OpProcure:
		return hubrules.T("采购", "procure")
	case OpMonitor:
		return hubrules.T("监管", "monitor")
	case OpMidterm:
		return hubrules.T("中期评估", "mid-term evaluation")
	case OpFinal:
		return hubrules.T("结项评估", "final evaluation")
	case OpReleaseT:
		return hubrules.T("拨付一期", "release a tranche")
	}
	return hubrules.T("未知步骤 "+string(o), "unknown step "+string(o))
}

// PurchaseStep is one step applied to the contract, in order.
type PurchaseStep struct {
	Op PurchaseOp `json:"op" validate:"enum"`
	// Pass is the result of a midterm or final evaluation (required for
	// those steps, refused for the others).
	Pass *bool `json:"pass,omitempty"`
	// Tranche is the index (from 0) of the tranche a release step pays.
	Tranche int `json:"tranche,omitempty" validate:"gte=0,lte=11"`
	// Date is the day of a release step (required for it).
	Date hubrules.Date `json:"date,omitempty"`
}

// PurchaseInput is the input of "fund purchase": a purchased-service
// contract (FND-PURCHASE-01, its service checked against the catalogue of
// FND-PURCHASE-02) and the steps taken on it since its approval.
type PurchaseInput struct {
	Contract funding.ContractInput `json:"contract"`
	Steps    []PurchaseStep        `json:"steps" validate:"required,max=100,dive"`
}

// FoundationInput is the input of "fund found": a community foundation's
// figures (FND-FOUND-01).
type FoundationInput struct {
	// Org names the foundation the decision is about.
	Org string `json:"org" validate:"required,max=200"`
	// Figures are the foundation's figures. Absent: the programme's own
	// published record (found.figures), named in the basis; a programme
	// without one refuses the input.
	Figures *funding.FoundationFigures `json:"figures,omitempty" doc:"基金会的收支数字；缺省：本项目自己的记录（参数 found.figures） / the foundation's figures; absent: the programme's own record (parameter found.figures)"`
}

// evalWith returns an Eval that prepares the package's evaluator with
// prep (cached by env) and runs run with it on the evaluation date.
func evalWith[T any](prep func(Env) (T, error), run func(x T, in any, asOf hubrules.Date) (Outcome, error)) func(Env, any) (Outcome, error) {
	return func(env Env, in any) (Outcome, error) {
		x, err := prep(env)
		if err != nil {
			return Outcome{}, err
		}
		return run(x, in, env.Date)
	}
}

// fundKind is a funding kind evaluated by run with the programme's
// funding.Evaluator.
func fundKind(name string, summary hubrules.Text, input func() any, run func(e *funding.Evaluator, in any, asOf hubrules.Date) (Outcome, error)) Kind {
	return Kind{Name: name, Package: "funding", Lines: true, Sets: fundingSets, Summary: summary, Input: input,
		Eval: evalWith(evaluator, run)}
}

// fundCall is a funding kind of input I whose result R explains itself;
// amounts names R's amounts (Outcome.Amounts).
func fundCall[I any, R explained](name string, summary hubrules.Text, call func(e *funding.Evaluator, in I, asOf hubrules.Date) (R, error), amounts func(R) map[string]string) Kind {
	return fundKind(name, summary, func() any { return new(I) }, func(e *funding.Evaluator, in any, asOf hubrules.Date) (Outcome, error) {
		r, err := call(e, *in.(*I), asOf)
		if err != nil {
			return Outcome{}, err
		}
		return fundOutcome(r, r, amounts(r)), nil
	})
}

func init() {
	register(
		fundCall("fund support", hubrules.T("枢纽扶持期：评估日是否在扶持期内（FND-SUPPORT-01）", "is the evaluation date inside the hub's support period (FND-SUPPORT-01)"),
			func(e *funding.Evaluator, in SupportInput, asOf hubrules.Date) (funding.SupportPeriod, error) {
				r, _, err := e.InSupport(in.Transformed, asOf)
				return r, err
			},
			func(r funding.SupportPeriod) map[string]string { return nil }),
		fundKind("fund purchase", hubrules.T("政府购买服务合同：目录、分期拨付与评估（FND-PURCHASE-01/02）", "purchased-service contract: catalogue, tranches and evaluations (FND-PURCHASE-01/02)"),
			func() any { return new(PurchaseInput) }, evalPurchase),
		fundCall("fund follow", hubrules.T("资金跟着项目走：每笔拨付对应立项项目或购买岗位（FND-FOLLOW-01）", "money follows projects: each disbursement names an approved project or post (FND-FOLLOW-01)"),
			func(e *funding.Evaluator, in funding.FollowInput, _ hubrules.Date) (funding.FollowResult, error) {
				return e.Follow(in)
			},
			func(r funding.FollowResult) map[string]string {
				return map[string]string{"total": r.Total.String(), "projects": r.Projects.String(), "posts": r.Posts.String(), "unfounded": r.Unfounded.String()}
			}),
		fundCall("fund pay", hubrules.T("社区工作者薪酬“三岗十八级”与平均工资下限（FND-PAY-01）", "community workers' pay ladder and the average-wage floor (FND-PAY-01)"),
			func(e *funding.Evaluator, in funding.PayInput, _ hubrules.Date) (funding.PayResult, error) {
				return e.Pay(in)
			},
			func(r funding.PayResult) map[string]string {
				return map[string]string{"monthly": r.Monthly.String(), "annual": r.Annual.String(), "employer_cost": r.EmployerCost.String(), "floor": r.Floor.String()}
			}),
		fundCall("fund allowance", hubrules.T("社会工作师职业资格津贴（FND-PAY-02）", "certified social workers' allowances (FND-PAY-02)"),
			func(e *funding.Evaluator, in funding.AllowanceInput, _ hubrules.Date) (funding.AllowanceResult, error) {
				r, err := e.Allowance(in)
				r.Checks = append(r.Checks, computed(funding.RuleAllowance, "allowance"))
				return r, err
			},
			func(r funding.AllowanceResult) map[string]string {
				return map[string]string{"monthly": r.Monthly.String(), "yearly": r.Yearly.String()}
			}),
		fundCall("fund start", hubrules.T("新引进组织一次性启动资金（FND-START-01）", "one-off start-up grant of a newly introduced organization (FND-START-01)"),
			func(e *funding.Evaluator, in funding.StartInput, asOf hubrules.Date) (funding.StartResult, error) {
				return e.Start(in, asOf)
			},
			func(r funding.StartResult) map[string]string {
				return map[string]string{"grant": r.Grant.String(), "fund_left": r.FundLeft.String()}
			}),
		fundCall("fund found", hubrules.T("社区基金会原始基金与募集情况（FND-FOUND-01）", "a community foundation's founding capital and funds raised (FND-FOUND-01)"),
			func(e *funding.Evaluator, in FoundationInput, _ hubrules.Date) (funding.FoundationResult, error) {
				var fig funding.FoundationFigures
				if in.Figures != nil {
					fig = *in.Figures
				}
				return e.Foundation(in.Org, fig)
			},
			func(r funding.FoundationResult) map[string]string {
				return map[string]string{"per_project": r.PerProject.String()}
			}),
	)
}

// evalPurchase applies the steps to the contract in order. A step the
// contract refuses (FND-PURCHASE-01: a release before its milestone, a
// procurement of a service outside the catalogue) is a refusal, not bad
// input: the result is the contract after the steps before it, with the
// refusal as a finding.
func evalPurchase(e *funding.Evaluator, in any, _ hubrules.Date) (Outcome, error) {
	pi := in.(*PurchaseInput)
	var p hubrules.Problems
	for i, s := range pi.Steps {
		at := hubrules.Index("steps", i)
		evaluation := s.Op == OpMidterm || s.Op == OpFinal
		if evaluation != (s.Pass != nil) {
			p.Add(at+".pass", "pass", "", hubrules.T("pass 须且只能用于中期评估（midterm）和结项评估（final）", "pass is required for midterm and final, and refused for the other steps"))
		}
		if (s.Op == OpReleaseT) != !s.Date.IsZero() {
			p.Add(at+".date", "date", s.Date.String(), hubrules.T("date 须且只能用于拨付一期（release）", "date is required for release, and refused for the other steps"))
		}
		if s.Op != OpReleaseT && s.Tranche != 0 {
			p.Add(at+".tranche", "tranche", itoa(s.Tranche), hubrules.T("tranche 只能用于拨付一期（release）", "tranche is only for release"))
		}
	}
	if err := p.Err(); err != nil {
		return Outcome{}, err
	}
	c, err := e.NewContract(pi.Contract)
	if err != nil {
		var q hubrules.Problems
		q.Merge("contract", err)
		return Outcome{}, q.Err()
	}
	var refusal *hubrules.Finding
	for i, s := range pi.Steps {
		var next funding.Contract
		switch s.Op {
		case OpProcure:
			next, err = c.Procure()
		case OpMonitor:
			next, err = c.Monitor()
		case OpMidterm:
			next, err = c.RecordMidTerm(*s.Pass)
		case OpFinal:
			next, err = c.RecordFinal(*s.Pass)
		case OpReleaseT:
			if s.Tranche >= len(c.Tranches) {
				return Outcome{}, hubrules.NewInputError(hubrules.FieldError{Path: hubrules.Index("steps", i) + ".tranche", Code: "range", Value: itoa(s.Tranche),
					Message: hubrules.T("合同只有 "+itoa(len(c.Tranches))+" 期", "the contract has "+itoa(len(c.Tranches))+" tranches")})
			}
			next, err = c.Release(s.Tranche, s.Date)
		}
		var te *funding.TransitionError
		if errors.As(err, &te) {
			zh, en := "", ""
			for j, u := range te.Unmet {
				if j > 0 {
					zh, en = zh+"；", en+"; "
				}
				zh, en = zh+u.ZH, en+u.EN
			}
			refusal = &hubrules.Finding{Rule: funding.RulePurchase, Severity: hubrules.Violation, Subject: hubrules.Index("steps", i),
				Message: hubrules.T("合同拒绝该步骤（"+s.Op.Name().ZH+"）："+zh, "the contract refuses the step ("+s.Op.Name().EN+"): "+en),
				Facts:   []hubrules.Fact{{Name: "op", Value: string(s.Op)}, {Name: "stage", Value: string(te.From)}}}
			break
		}
		if err != nil {
			return Outcome{}, err
		}
		c = next
	}
	amounts := map[string]string{"amount": c.Amount.String(), "released": c.Released().String()}
	checked := false
	for _, ch := range c.Checks {
		checked = checked || ch.Rule == funding.RulePurchase
	}
	o := fundOutcome(c, c, amounts)
	switch {
	case refusal != nil:
		o.Report.Checks = append(o.Report.Checks, hubrules.Check{Rule: funding.RulePurchase, Subject: c.ID, Outcome: hubrules.Fail})
		o.refuse(*refusal)
	case !checked:
		o.Report.Checks = append(o.Report.Checks, hubrules.Check{Rule: funding.RulePurchase, Subject: c.ID, Outcome: hubrules.Pass})
	}
	return o, nil
}

// refuse makes o a refusal by finding f (a step or entry refused by f's
// rule): f joins the findings, and the verdict is refused.
func (o *Outcome) refuse(f hubrules.Finding) {
	o.Report.Findings = append(o.Report.Findings, f)
	o.Findings, o.Refused, o.Compliant = failed(o.Report), []string{f.Rule}, false
	o.Verdict = hubrules.OutcomeRefused
	describe := o.Describe
	o.Describe = func(lang hubrules.Lang) string { return describe(lang) + "\n! " + f.Describe(lang) }
}

// computed is the check of a rule that computes an amount rather than
// judges one (FND-PAY-02's allowance bill, FND-DONATE-01's deduction): it
// passes once the amount is computed, so that the rule is named among the
// envelope's checks like every other rule applied.
func computed(rule, subject string) hubrules.Check {
	return hubrules.Check{Rule: rule, Subject: subject, Outcome: hubrules.Pass}
}
