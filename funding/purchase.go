package funding

import (
	"errors"

	"github.com/hubrules/hubrules"
	"github.com/shopspring/decimal"
)

// Stage is a purchase contract's stage (FND-PURCHASE-01).
type Stage string

// The stages: 立项 approved → 采购 procured → 监管 monitored → 评估 evaluated;
// stopped after a failed mid-term evaluation.
const (
	StageApproved  Stage = "approved"
	StageProcured  Stage = "procured"
	StageMonitored Stage = "monitored"
	StageEvaluated Stage = "evaluated"
	StageStopped   Stage = "stopped"
)

// Evaluation is the outcome of an evaluation ("" when not held yet).
type Evaluation string

// The evaluation outcomes.
const (
	EvalPending Evaluation = ""
	EvalPass    Evaluation = "pass"
	EvalFail    Evaluation = "fail"
)

// ErrTransitionNotAllowed is the category of refused contract steps.
var ErrTransitionNotAllowed = errors.New("funding: transition not allowed")

// TransitionError is a refused contract step with every unmet criterion.
type TransitionError struct {
	Rule  string          `json:"rule"`
	From  Stage           `json:"from"`
	Step  string          `json:"step"`
	Unmet []hubrules.Text `json:"unmet"`
}

// Error names the rule, the step, the stage and every unmet condition in
// Chinese and English.
func (e *TransitionError) Error() string {
	s := "funding: " + e.Rule + " " + e.Step + " not allowed from " + string(e.From)
	for _, u := range e.Unmet {
		s += "; " + u.ZH + " / " + u.EN
	}
	return s
}

// Unwrap returns ErrTransitionNotAllowed.
func (e *TransitionError) Unwrap() error { return ErrTransitionNotAllowed }

// Tranche is one payment of a contract or an award.
type Tranche struct {
	Milestone Milestone     `json:"milestone"`
	Share     Rate          `json:"share"`
	Amount    Money         `json:"amount"`
	Released  bool          `json:"released"`
	Date      hubrules.Date `json:"date,omitempty"`
}

// ContractInput is an approved (立项) purchase of services.
type ContractInput struct {
	ID       string        `json:"id" validate:"required,max=200"`
	Service  string        `json:"service" validate:"required,max=100"`
	Amount   Money         `json:"amount"`
	Approved hubrules.Date `json:"approved"`
	// Schedule overrides the parameter purchase.tranches.
	Schedule []TrancheSpec `json:"schedule,omitempty" validate:"max=12,dive"`
}

// Contract is a government purchase-of-services contract. It is a value:
// each step returns a new Contract.
type Contract struct {
	Explanation
	ID         string        `json:"id"`
	Service    string        `json:"service"`
	Amount     Money         `json:"amount"`
	Stage      Stage         `json:"stage"`
	Catalogued bool          `json:"catalogued"`
	MidTerm    Evaluation    `json:"midterm,omitempty"`
	Final      Evaluation    `json:"final,omitempty"`
	Tranches   []Tranche     `json:"tranches"`
	Approved   hubrules.Date `json:"approved"`
}

// BuildTranches splits amount by a schedule whose shares add up to exactly
// 100 % (else an InputError), exact to the fen.
func BuildTranches(amount Money, schedule []TrancheSpec) ([]Tranche, error) {
	var p hubrules.Problems
	nonNeg(&p, "amount", &amount)
	if len(schedule) == 0 {
		p.Add("schedule", "required", "", hubrules.T("分期计划不能为空", "a tranche schedule is required"))
	}
	sum := decimal.Zero
	w := make([]int64, len(schedule))
	for i, s := range schedule {
		path := hubrules.Index("schedule", i)
		if !s.Milestone.Valid() {
			p.Add(path+".milestone", "enum", string(s.Milestone), hubrules.T("未知的拨付节点", "unknown milestone"))
		}
		x, ok := shareWeight(&p, path+".share", s.Share, "比例")
		if !ok {
			continue
		}
		w[i] = x
		sum = sum.Add(s.Share.d)
	}
	if p.Len() == 0 && !sum.Equal(decimal.NewFromInt(1)) {
		p.Add("schedule", "sum", sum.String(), hubrules.T("分期比例之和须为 100%", "the tranche shares must add up to 100%"))
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	parts, err := Allocate(amount, w)
	if err != nil {
		return nil, err
	}
	out := make([]Tranche, len(schedule))
	for i, s := range schedule {
		out[i] = Tranche{Milestone: s.Milestone, Share: s.Share, Amount: parts[i]}
	}
	return out, nil
}

// InCatalogue reports whether service is in the programme's basic-guarantee
// catalogue (FND-PURCHASE-02).
func (e *Evaluator) InCatalogue(service string) (bool, error) {
	if err := e.need(RuleCatalogue, "purchase", e.p.Purchase != nil, "purchase.catalogue"); err != nil {
		return false, err
	}
	for _, c := range e.p.Purchase.Catalogue {
		if c == service {
			return true, nil
		}
	}
	return false, nil
}

// NewContract records an approved (立项) contract: it checks the service
// against the catalogue (FND-PURCHASE-02, a finding when missing) and splits
// the amount into tranches.
func (e *Evaluator) NewContract(in ContractInput) (Contract, error) {
	var c Contract
	// purchase.tranches is read only when the contract has no schedule of
	// its own; the catalogue check answers not in force by itself (below).
	if len(in.Schedule) == 0 {
		if err := e.need(RulePurchase, "purchase", e.p.Purchase != nil, "purchase.tranches"); err != nil {
			return c, err
		}
	}
	var p hubrules.Problems
	if err := hubrules.Validate(in); err != nil {
		p.Merge("", err)
	}
	if !in.Amount.IsPositive() {
		p.Add("amount", "gt", in.Amount.String(), hubrules.T("合同金额须为正数", "the contract amount must be positive"))
	}
	sched := in.Schedule
	if len(sched) == 0 {
		sched = e.p.Purchase.Tranches
	}
	tr, err := BuildTranches(in.Amount, sched)
	if err != nil {
		p.Merge("", err)
	}
	if err := p.Err(); err != nil {
		return c, err
	}
	c = Contract{ID: in.ID, Service: in.Service, Amount: in.Amount, Stage: StageApproved, Tranches: tr, Approved: in.Approved}
	c.Basis = e.b.Only("purchase.tranches", "purchase.catalogue")
	var err2 error
	if c.Catalogued, err2 = e.InCatalogue(in.Service); err2 != nil {
		var nif *hubrules.NotInForceError
		if !errors.As(err2, &nif) {
			return Contract{}, err2
		}
		c.notInForce(RuleCatalogue, in.ID, nif.Unset)
	} else {
		c.check(RuleCatalogue, in.ID, c.Catalogued, hubrules.Violation, hubrules.T("服务不在基础保障类目录中", "the service is not in the basic-guarantee catalogue"), fact("service", in.Service))
	}
	for _, t := range tr {
		c.step(RulePurchase, hubrules.T("分期金额 = 合同金额 × 比例（最大余数法）", "tranche = amount × share (largest remainder)"),
			string(t.Milestone)+": "+in.Amount.String()+" × "+t.Share.String()+" = "+t.Amount.String(), Down, "purchase.tranches")
	}
	return c.clone(), nil
}

func (c Contract) clone() Contract {
	c.Tranches = append([]Tranche(nil), c.Tranches...)
	c.Steps = append([]Step(nil), c.Steps...)
	c.Checks = append([]hubrules.Check(nil), c.Checks...)
	c.Findings = append([]hubrules.Finding(nil), c.Findings...)
	return c
}

func (c Contract) refuse(step string, unmet ...hubrules.Text) error {
	return &TransitionError{Rule: RulePurchase, From: c.Stage, Step: step, Unmet: unmet}
}

// Procure moves approved → procured (采购, signing).
func (c Contract) Procure() (Contract, error) {
	var unmet []hubrules.Text
	if c.Stage != StageApproved {
		unmet = append(unmet, hubrules.T("合同须处于立项阶段", "the contract must be approved"))
	}
	if !c.Catalogued {
		unmet = append(unmet, hubrules.T("服务须在基础保障类目录中（FND-PURCHASE-02）", "the service must be catalogued (FND-PURCHASE-02)"))
	}
	if len(unmet) > 0 {
		return c, c.refuse("procure", unmet...)
	}
	n := c.clone()
	n.Stage = StageProcured
	return n, nil
}

// Monitor moves procured → monitored (监管).
func (c Contract) Monitor() (Contract, error) {
	if c.Stage != StageProcured {
		return c, c.refuse("monitor", hubrules.T("合同须处于采购阶段", "the contract must be procured"))
	}
	n := c.clone()
	n.Stage = StageMonitored
	return n, nil
}

// RecordMidTerm records the mid-term evaluation; a failure stops the contract
// and every later tranche.
func (c Contract) RecordMidTerm(pass bool) (Contract, error) {
	if c.Stage != StageMonitored || c.MidTerm != EvalPending {
		return c, c.refuse("midterm", hubrules.T("中期评估须在监管阶段进行且只进行一次", "the mid-term evaluation happens once, while monitored"))
	}
	n := c.clone()
	if pass {
		n.MidTerm = EvalPass
	} else {
		n.MidTerm = EvalFail
		n.Stage = StageStopped
		n.check(RulePurchase, c.ID, false, hubrules.Violation, hubrules.T("中期评估未通过，后续分期停止拨付", "failed mid-term evaluation: later tranches stop"))
	}
	return n, nil
}

// RecordFinal records the final evaluation (评估): monitored → evaluated.
func (c Contract) RecordFinal(pass bool) (Contract, error) {
	var unmet []hubrules.Text
	if c.Stage != StageMonitored {
		unmet = append(unmet, hubrules.T("合同须处于监管阶段", "the contract must be monitored"))
	}
	if c.MidTerm != EvalPass && c.hasMilestone(MilestoneMidterm) {
		unmet = append(unmet, hubrules.T("须先通过中期评估", "the mid-term evaluation must have passed"))
	}
	if len(unmet) > 0 {
		return c, c.refuse("evaluate", unmet...)
	}
	n := c.clone()
	n.Stage = StageEvaluated
	n.Final = EvalFail
	if pass {
		n.Final = EvalPass
	}
	n.check(RulePurchase, c.ID, pass, hubrules.Violation, hubrules.T("结项评估未通过，尾款不予拨付", "failed final evaluation: the last tranche is not paid"))
	return n, nil
}

func (c Contract) hasMilestone(m Milestone) bool {
	for _, t := range c.Tranches {
		if t.Milestone == m {
			return true
		}
	}
	return false
}

// Due reports whether tranche i may be released now.
func (c Contract) Due(i int) bool { return len(c.unmetFor(i)) == 0 }

func (c Contract) unmetFor(i int) []hubrules.Text {
	if i < 0 || i >= len(c.Tranches) {
		return []hubrules.Text{hubrules.T("没有这一期", "no such tranche")}
	}
	var unmet []hubrules.Text
	t := c.Tranches[i]
	if t.Released {
		unmet = append(unmet, hubrules.T("该期已拨付", "the tranche is already released"))
	}
	for j := 0; j < i; j++ {
		if !c.Tranches[j].Released {
			unmet = append(unmet, hubrules.T("前一期尚未拨付", "an earlier tranche is not released"))
			break
		}
	}
	switch t.Milestone {
	case MilestoneSigned:
		if c.Stage == StageApproved {
			unmet = append(unmet, hubrules.T("合同尚未签订（采购）", "the contract is not signed (procured)"))
		}
	case MilestoneMidterm:
		if c.MidTerm != EvalPass {
			unmet = append(unmet, hubrules.T("中期评估尚未通过", "the mid-term evaluation has not passed"))
		}
	case MilestoneFinal:
		if c.Final != EvalPass {
			unmet = append(unmet, hubrules.T("结项评估尚未通过", "the final evaluation has not passed"))
		}
	}
	if c.Stage == StageStopped && t.Milestone != MilestoneSigned {
		unmet = append(unmet, hubrules.T("合同已因中期评估未通过而停止", "the contract stopped after a failed mid-term evaluation"))
	}
	return unmet
}

// Release releases tranche i on date, when its milestone is reached.
func (c Contract) Release(i int, date hubrules.Date) (Contract, error) {
	if unmet := c.unmetFor(i); len(unmet) > 0 {
		return c, c.refuse("release", unmet...)
	}
	n := c.clone()
	n.Tranches[i].Released = true
	n.Tranches[i].Date = date
	n.step(RulePurchase, hubrules.T("拨付一期", "tranche released"), string(n.Tranches[i].Milestone)+" "+n.Tranches[i].Amount.String()+" on "+date.String(), Exact)
	return n, nil
}

// Released returns the amount released so far.
func (c Contract) Released() Money {
	var m Money
	for _, t := range c.Tranches {
		if t.Released {
			m.fen += t.Amount.fen
		}
	}
	return m
}

// PurchaseSummary reports a programme's published purchase figures with
// the average per project (FND-PURCHASE-01; jingan 2018: 36 departments,
// 535 projects, 148,570,000 yuan).
type PurchaseSummary struct {
	Explanation
	Reported   PurchaseReported `json:"reported"`
	PerProject Money            `json:"per_project"`
}

// PurchaseReport returns the published figures and the average per project.
func (e *Evaluator) PurchaseReport() (PurchaseSummary, error) {
	var r PurchaseSummary
	if err := e.need(RulePurchase, "purchase.reported", e.p.PurchaseRep != nil, "purchase.reported"); err != nil {
		return r, err
	}
	r.Basis = e.b.Only("purchase.reported")
	r.Reported = e.p.PurchaseRep.Reported
	if r.Reported.Projects > 0 {
		var err error
		if r.PerProject, err = r.Reported.Amount.DivInt(int64(r.Reported.Projects), HalfUp); err != nil {
			return PurchaseSummary{}, err
		}
	}
	r.step(RulePurchase, hubrules.T("平均每个项目资金", "average per project"), r.Reported.Amount.String()+" ÷ "+itoa64(int64(r.Reported.Projects))+" = "+r.PerProject.String(), HalfUp, "purchase.reported")
	return r, nil
}

// Name returns the purchase stage in Chinese and English.
func (s Stage) Name() hubrules.Text {
	switch s {
	case StageApproved:
		return hubrules.T("已立项", "approved")
	case StageProcured:
		return hubrules.T("已采购", "procured")
	case StageMonitored:
		return hubrules.T("已中期监管", "monitored")
	case StageEvaluated:
		return hubrules.T("已评估", "evaluated")
	case StageStopped:
		return hubrules.T("已终止", "stopped")
	}
	return hubrules.T("未知阶段", "unknown stage")
}

// Codes lists the purchase stages (hubrules.Coded).
func (Stage) Codes() []hubrules.Code {
	return hubrules.CodesOf(StageApproved, StageProcured, StageMonitored, StageEvaluated, StageStopped)
}

// Name returns the evaluation result in Chinese and English.
func (e Evaluation) Name() hubrules.Text {
	switch e {
	case EvalPending:
		return hubrules.T("未评估", "pending")
	case EvalPass:
		return hubrules.T("评估合格", "passed")
	case EvalFail:
		return hubrules.T("评估不合格", "failed")
	}
	return hubrules.T("未知评估结论", "unknown evaluation")
}

// Codes lists the evaluation results, pending ("") first (hubrules.Coded).
func (Evaluation) Codes() []hubrules.Code { return hubrules.CodesOf(EvalPending, EvalPass, EvalFail) }
