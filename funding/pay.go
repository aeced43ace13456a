package funding

import "github.com/hubrules/hubrules"

// Post is a community social worker's post in 三岗十八级.
type Post string

// The posts.
const (
	PostHead   Post = "head"   // 正职 (书记 / 主任)
	PostDeputy Post = "deputy" // 副职
	PostOther  Post = "other"  // 其他社区工作者
)

// Valid reports whether p is known.
func (p Post) Valid() bool { return p == PostHead || p == PostDeputy || p == PostOther }

// PayInput is one full-time social worker's monthly pay (FND-PAY-01).
type PayInput struct {
	// Worker identifies the worker as the subject of findings: pass a staff
	// number, not a name (findings are kept and shown; names are personal
	// data under PIPL).
	Worker string `json:"worker" validate:"max=200"`
	Post   Post   `json:"post" validate:"enum"`
	// YearsOfService counts whole years of community service; required (0
	// for a first year).
	YearsOfService *int `json:"years_of_service" validate:"required,gte=0,lte=80"`
	// Degree is "", "bachelor", "master" or "doctor".
	Degree string `json:"degree,omitempty" validate:"omitempty,oneof=bachelor master doctor"`
	// Certificate is "", "junior", "intermediate" or "senior".
	Certificate string `json:"certificate,omitempty" validate:"omitempty,oneof=junior intermediate senior"`
	// Monthly components: 基本工资 (Base, required), 绩效奖金, 技术津贴,
	// 岗位津贴, 资格津贴 (each absent: none paid).
	Base          *Money `json:"base" validate:"required"`
	Performance   *Money `json:"performance,omitempty" doc:"绩效工资；缺省：不发 / performance pay; absent: none paid"`
	Technical     *Money `json:"technical,omitempty"`
	PostAllowance *Money `json:"post_allowance,omitempty"`
	Qualification *Money `json:"qualification,omitempty" doc:"资格津贴；缺省：不发 / qualification allowance; absent: none paid"`
	// LastYearAverageWage is the local previous-year annual average wage;
	// absent: the floor check is not made (NotApplicable). When given it
	// must be above 0.00.
	LastYearAverageWage *Money `json:"last_year_average_wage,omitempty" doc:"上年度社会平均工资；缺省：不核对工资下限（不适用） / last year's average wage; absent: the pay floor is not checked (not applicable)"`
}

// PayResult is FND-PAY-01's answer.
type PayResult struct {
	Explanation
	Input          PayInput      `json:"input"`
	Grade          int           `json:"grade"`
	Monthly        Money         `json:"monthly"`
	Annual         Money         `json:"annual"`
	Contributions  Money         `json:"contributions"`
	HousingFund    Money         `json:"housing_fund"`
	EmployerCost   Money         `json:"employer_cost"`
	Floor          Money         `json:"floor"`
	FloorApplies   bool          `json:"floor_applies"`
	ContribDetails []ContribLine `json:"contrib_details"`
}

// ContribLine is one employer contribution.
type ContribLine struct {
	Name   string `json:"name"`
	Rate   Rate   `json:"rate"`
	Amount Money  `json:"amount"`
}

// Pay computes a social worker's grade, annual pay, employer contributions
// on top, and checks the average-wage floor (FND-PAY-01). The floor is
// compared with pay plus 五险一金, as the Nanjing rule counts them.
func (e *Evaluator) Pay(in PayInput) (PayResult, error) {
	const rule = RulePay
	var r PayResult
	// pay.floor is read only when the caller gives last year's average
	// wage; without it in force that part answers not in force (below).
	if err := e.need(rule, "pay", e.p.Pay != nil, "pay.ladder", "pay.contrib"); err != nil {
		return r, err
	}
	var p hubrules.Problems
	if err := hubrules.Validate(in); err != nil {
		p.Merge("", err)
	}
	comps := [...]struct {
		name string
		m    *Money
	}{{"base", in.Base}, {"performance", in.Performance}, {"technical", in.Technical}, {"post_allowance", in.PostAllowance}, {"qualification", in.Qualification}}
	for _, c := range comps {
		nonNeg(&p, c.name, c.m)
	}
	if w := in.LastYearAverageWage; w != nil && !w.IsPositive() {
		p.Add("last_year_average_wage", "gt", w.String(), hubrules.T("上年平均工资须大于 0；不检查下限时请省略该字段",
			"the average wage must be above 0; leave the field out to skip the floor check"))
	}
	pp := e.p.Pay
	var fl PayFloor
	if e.p.PayFloor != nil {
		fl = e.p.PayFloor.Floor
	}
	for _, rt := range []Rate{fl.Head, fl.Deputy, fl.Other} {
		if rt.d.IsNegative() {
			p.Add("params.pay.floor", "rate", rt.String(), hubrules.T("比例不能为负", "a rate must not be negative"))
		}
	}
	if pp.Ladder.StepYears <= 0 {
		p.Add("params.pay.ladder.step_years", "gte", itoa64(int64(pp.Ladder.StepYears)), hubrules.T("晋级年限须为正数", "the step interval must be positive"))
	}
	if err := p.Err(); err != nil {
		return r, err
	}
	r.Basis = e.b.Only("pay.ladder", "pay.contrib")
	r.Input = in
	lad := pp.Ladder
	lo, hi, share := lad.OtherMin, lad.OtherMax, fl.Other
	switch in.Post {
	case PostHead:
		lo, hi, share = lad.HeadMin, lad.HeadMax, fl.Head
	case PostDeputy:
		lo, hi, share = lad.DeputyMin, lad.DeputyMax, fl.Deputy
	}
	years := *in.YearsOfService // required, checked above
	dy := lad.DegreeYears[in.Degree]
	cg := lad.CertGrades[in.Certificate]
	g := lo + (years+dy)/lad.StepYears + cg
	if g > hi {
		g = hi
	}
	r.Grade = g
	r.step(rule, hubrules.T("岗位等级 = 起始级 + (工龄 + 学历折算年)/晋级年限 + 证书加级，封顶", "grade = first grade + (years + degree years)/step + certificate grades, capped"),
		itoa64(int64(lo))+" + ("+itoa64(int64(years))+" + "+itoa64(int64(dy))+")/"+itoa64(int64(lad.StepYears))+" + "+itoa64(int64(cg))+" → "+itoa64(int64(g))+" (max "+itoa64(int64(hi))+")", Down, "pay.ladder")
	var err error
	for _, c := range comps {
		if r.Monthly, err = r.Monthly.Add(val(c.m)); err != nil {
			return PayResult{}, err
		}
	}
	if r.Annual, err = r.Monthly.MulInt(12); err != nil {
		return PayResult{}, err
	}
	r.step(rule, hubrules.T("月薪 = 基本工资 + 绩效 + 技术津贴 + 岗位津贴 + 资格津贴；年薪 = 月薪 × 12", "monthly = base + performance + technical + post + qualification; annual = monthly × 12"),
		in.Base.String()+" + "+val(in.Performance).String()+" + "+val(in.Technical).String()+" + "+val(in.PostAllowance).String()+" + "+val(in.Qualification).String()+" = "+r.Monthly.String()+"; × 12 = "+r.Annual.String(), Exact)
	c := pp.Contrib
	for _, l := range [...]struct {
		n string
		r Rate
	}{{"pension", c.Pension}, {"medical", c.Medical}, {"unemployment", c.Unemployment}, {"injury", c.Injury}, {"maternity", c.Maternity}, {"housing_fund", c.HousingFund}} {
		if !l.r.Fraction() {
			return PayResult{}, inputErr("params.pay.contrib."+l.n, "rate", l.r.String(), "缴费比例须在 0 到 100% 之间", "a contribution rate must be between 0 and 100%")
		}
		amt, err := r.Annual.MulRate(l.r, HalfUp)
		if err != nil {
			return PayResult{}, err
		}
		r.ContribDetails = append(r.ContribDetails, ContribLine{Name: l.n, Rate: l.r, Amount: amt})
		if l.n == "housing_fund" {
			r.HousingFund = amt
		} else if r.Contributions, err = r.Contributions.Add(amt); err != nil {
			return PayResult{}, err
		}
		r.step(rule, hubrules.T("单位缴纳 "+l.n, "employer "+l.n), r.Annual.String()+" × "+l.r.String()+" = "+amt.String(), HalfUp, "pay.contrib")
	}
	if r.EmployerCost, err = r.Annual.Add(r.Contributions); err != nil {
		return PayResult{}, err
	}
	if r.EmployerCost, err = r.EmployerCost.Add(r.HousingFund); err != nil {
		return PayResult{}, err
	}
	r.step(rule, hubrules.T("用人成本 = 年薪 + 社会保险 + 住房公积金", "employer cost = annual pay + social insurance + housing fund"),
		r.Annual.String()+" + "+r.Contributions.String()+" + "+r.HousingFund.String()+" = "+r.EmployerCost.String(), Exact)
	if in.LastYearAverageWage == nil {
		r.na(rule, in.Worker)
		return r, nil
	}
	if u := e.b.Unset("pay.floor"); len(u) > 0 {
		r.Basis = e.b.Only("pay.floor", "pay.ladder", "pay.contrib")
		r.notInForce(rule, in.Worker, u)
		return r, nil
	}
	if e.p.PayFloor == nil {
		return PayResult{}, missingGroup(rule, "pay.floor")
	}
	r.Basis = e.b.Only("pay.floor", "pay.ladder", "pay.contrib")
	r.FloorApplies = true
	if r.Floor, err = in.LastYearAverageWage.MulRate(share, HalfUp); err != nil {
		return PayResult{}, err
	}
	r.step(rule, hubrules.T("薪酬下限 = 上年平均工资 × 岗位比例", "floor = last year's average wage × post share"), in.LastYearAverageWage.String()+" × "+share.String()+" = "+r.Floor.String(), HalfUp, "pay.floor")
	r.check(rule, in.Worker, !r.EmployerCost.LessThan(r.Floor), hubrules.Violation, hubrules.T("薪酬总额（含五险一金）低于上年平均工资的规定比例", "total pay (with social insurance and housing fund) below the average-wage floor"),
		fact("total", r.EmployerCost.String()), fact("floor", r.Floor.String()), fact("share", share.Percent()), fact("average_wage", in.LastYearAverageWage.String()))
	return r, nil
}

// AllowanceInput counts certified social workers by level (FND-PAY-02).
// An input with none of the three counts uses the programme's own
// published counts (xiyuan: 22 junior, 15 intermediate); one that gives
// any must give all three (0 for none): a count left out is missing data,
// never 0.
type AllowanceInput struct {
	Junior       *int `json:"junior,omitempty" yaml:"junior" validate:"omitempty,gte=0,lte=1000000" doc:"初级持证人数；三项都缺省时用本项目公布的人数 / junior certified workers; all three absent: the programme's published counts"`
	Intermediate *int `json:"intermediate,omitempty" yaml:"intermediate" validate:"omitempty,gte=0,lte=1000000" doc:"中级持证人数；三项都缺省时用本项目公布的人数 / intermediate certified workers; all three absent: the programme's published counts"`
	Senior       *int `json:"senior,omitempty" yaml:"senior" validate:"omitempty,gte=0,lte=1000000" doc:"高级持证人数；三项都缺省时用本项目公布的人数 / senior certified workers; all three absent: the programme's published counts"`
}

// AllowanceResult is the monthly and yearly allowance bill.
type AllowanceResult struct {
	Explanation
	Input     AllowanceInput `json:"input"`
	Certified int            `json:"certified"`
	Monthly   Money          `json:"monthly"`
	Yearly    Money          `json:"yearly"`
}

// Allowance computes the monthly and yearly certificate allowances
// (FND-PAY-02): count × monthly rate per level; yearly = monthly × 12.
func (e *Evaluator) Allowance(in AllowanceInput) (AllowanceResult, error) {
	const rule = RuleAllowance
	var r AllowanceResult
	if err := e.need(rule, "allowance", e.p.Allowance != nil, "pay.cert_allowance"); err != nil {
		return r, err
	}
	if err := hubrules.Validate(in); err != nil {
		return r, err
	}
	a := e.p.Allowance.Allowance
	names := []string{"pay.cert_allowance"}
	if in.Junior == nil && in.Intermediate == nil && in.Senior == nil && e.p.Certified != nil {
		in = e.p.Certified.Certified
		names = append(names, "pay.certified")
	}
	var p hubrules.Problems
	for _, c := range [...]struct {
		name string
		n    *int
	}{{"junior", in.Junior}, {"intermediate", in.Intermediate}, {"senior", in.Senior}} {
		if c.n == nil {
			p.Add(c.name, "required", "", hubrules.T("缺少 "+c.name+" 人数（没有时写 0；三项都不写则用本项目公布的人数）",
				c.name+" is missing (write 0 for none; leave all three out for the programme's published counts)"))
		}
	}
	if err := p.Err(); err != nil {
		return r, err
	}
	r.Basis = e.b.Only(names...)
	r.Input = in
	for _, l := range [...]struct {
		name string
		n    int
		m    Money
	}{{"junior", *in.Junior, a.Junior}, {"intermediate", *in.Intermediate, a.Intermediate}, {"senior", *in.Senior, a.Senior}} {
		amt, err := l.m.MulInt(int64(l.n))
		if err != nil {
			return AllowanceResult{}, err
		}
		r.Certified += l.n
		if r.Monthly, err = r.Monthly.Add(amt); err != nil {
			return AllowanceResult{}, err
		}
		r.step(rule, hubrules.T(l.name+" 月津贴 = 人数 × 标准", l.name+" monthly = count × rate"), itoa64(int64(l.n))+" × "+l.m.String()+" = "+amt.String(), Exact, "pay.cert_allowance")
	}
	var err error
	if r.Yearly, err = r.Monthly.MulInt(12); err != nil {
		return AllowanceResult{}, err
	}
	r.step(rule, hubrules.T("年度合计 = 月合计 × 12", "yearly = monthly × 12"), r.Monthly.String()+" × 12 = "+r.Yearly.String(), Exact)
	return r, nil
}

// Name returns the post in Chinese and English.
func (p Post) Name() hubrules.Text {
	switch p {
	case PostHead:
		return hubrules.T("正职", "head")
	case PostDeputy:
		return hubrules.T("副职", "deputy")
	case PostOther:
		return hubrules.T("其他社区工作者", "other community worker")
	}
	return hubrules.T("未知岗位", "unknown post")
}

// Codes lists the posts (hubrules.Coded).
func (Post) Codes() []hubrules.Code { return hubrules.CodesOf(PostHead, PostDeputy, PostOther) }
