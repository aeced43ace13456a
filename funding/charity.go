package funding

import (
	"slices"

	"github.com/hubrules/hubrules"
)

// CharityClass is the class of a charity under 民发〔2016〕189号.
type CharityClass string

// The classes.
const (
	// PublicFoundation is a 基金会 with 公开募捐资格.
	PublicFoundation CharityClass = "public_foundation"
	// PublicOther is a 社会团体 / 社会服务机构 with 公开募捐资格.
	PublicOther CharityClass = "public_other"
	// PrivateFoundation is a 基金会 without 公开募捐资格.
	PrivateFoundation CharityClass = "private_foundation"
	// PrivateOther is a 社会团体 / 社会服务机构 without 公开募捐资格.
	PrivateOther CharityClass = "private_other"
)

// Valid reports whether c is a known class.
func (c CharityClass) Valid() bool {
	return c == PublicFoundation || c == PublicOther || c == PrivateFoundation || c == PrivateOther
}

// CharityInput is a charity's year for FND-CHARITY-01. Income and net
// assets are last year's (上年总收入, 上年末净资产) unless UseAverage, in
// which case the 3-year averages are used (Art. 10). Every amount the case
// reads is required: the last year's two without UseAverage, the two
// averages with it, and the three spending figures always; an amount the
// case does not read may be absent.
type CharityInput struct {
	Org                string       `json:"org" validate:"max=200"`
	Class              CharityClass `json:"class" validate:"enum"`
	LastYearIncome     *Money       `json:"last_year_income,omitempty"`
	LastYearNetAssets  *Money       `json:"last_year_net_assets,omitempty"`
	UseAverage         bool         `json:"use_average"`
	AvgIncome3         *Money       `json:"avg_income_3y,omitempty"`
	AvgNetAssets3      *Money       `json:"avg_net_assets_3y,omitempty"`
	CharitableSpending *Money       `json:"charitable_spending" validate:"required"`
	TotalSpending      *Money       `json:"total_spending" validate:"required"`
	ManagementCosts    *Money       `json:"management_costs" validate:"required"`
}

// CharityResult is FND-CHARITY-01's decision.
type CharityResult struct {
	Explanation
	Input         CharityInput `json:"input"`
	Tier          CharityTier  `json:"tier"`
	Unverified    bool         `json:"unverified_tier"`
	SpendingFloor Money        `json:"spending_floor"`
	IncomeFloor   Money        `json:"income_floor,omitempty"`
	MgmtCap       Money        `json:"management_cap"`
	Exempt        bool         `json:"management_exempt"`
}

// Charity checks a charity's spending floor and management-cost cap.
func (e *Evaluator) Charity(in CharityInput) (CharityResult, error) {
	const rule = "FND-CHARITY-01"
	var r CharityResult
	// charity.exemption is read only on the management-cost branch (see
	// below); the tiers always.
	if err := e.need(rule, "charity", e.p.Charity != nil, "charity.tiers"); err != nil {
		return r, err
	}
	var p hubrules.Problems
	if err := hubrules.Validate(in); err != nil {
		p.Merge("", err)
	}
	nonNeg(&p, "last_year_income", in.LastYearIncome)
	nonNeg(&p, "last_year_net_assets", in.LastYearNetAssets)
	nonNeg(&p, "avg_income_3y", in.AvgIncome3)
	nonNeg(&p, "avg_net_assets_3y", in.AvgNetAssets3)
	nonNeg(&p, "charitable_spending", in.CharitableSpending)
	nonNeg(&p, "total_spending", in.TotalSpending)
	nonNeg(&p, "management_costs", in.ManagementCosts)
	if in.UseAverage {
		when := hubrules.T("use_average 为真时按前三年平均数计算", "use_average takes the 3-year averages")
		need(&p, "avg_income_3y", in.AvgIncome3, when)
		need(&p, "avg_net_assets_3y", in.AvgNetAssets3, when)
	} else {
		when := hubrules.T("按上年数计算", "the case takes last year's figures")
		need(&p, "last_year_income", in.LastYearIncome, when)
		need(&p, "last_year_net_assets", in.LastYearNetAssets, when)
	}
	if in.ManagementCosts != nil && in.TotalSpending != nil && in.ManagementCosts.GreaterThan(*in.TotalSpending) {
		p.Add("management_costs", "lte_field", in.ManagementCosts.String(), hubrules.T("管理费用不能大于年度总支出", "management costs cannot exceed total spending"))
	}
	if err := p.Err(); err != nil {
		return r, err
	}
	cp := e.p.Charity
	r.Basis = e.b.Only("charity.tiers", "charity.exemption")
	exemption := hubrules.RequireInForce(e.b, rule, "charity.exemption") == nil
	r.Input = in
	income, assets := val(in.LastYearIncome), val(in.LastYearNetAssets)
	if in.UseAverage {
		income, assets = *in.AvgIncome3, *in.AvgNetAssets3
		r.step(rule, hubrules.T("以前三年平均收入与平均净资产代替上年数（第十条）", "3-year averages replace last year's figures (Art. 10)"), "income="+income.String()+", net_assets="+assets.String(), Exact)
	}
	tiers := make([]CharityTier, 0, 4)
	for _, t := range cp.Tiers {
		if t.Class == in.Class {
			tiers = append(tiers, t)
		}
	}
	slices.SortStableFunc(tiers, func(a, b CharityTier) int { return -a.MinAssets.Cmp(b.MinAssets) })
	found := false
	for _, t := range tiers {
		if !assets.LessThan(t.MinAssets) {
			r.Tier, found = t, true
			break
		}
	}
	if !found {
		return r, inputErr("class", "no_tier", string(in.Class), "该日期的参数中没有该类别的档次（2016-09-01 前只有基金会有支出标准）",
			"the parameters in force on this date have no tier for this class (before 2016-09-01 only foundations had a spending rule)")
	}
	t := r.Tier
	r.step(rule, hubrules.T("按类别与净资产选档", "tier chosen by class and net assets"), string(t.Class)+", net_assets "+assets.String()+" ≥ "+t.MinAssets.String()+" → "+t.Clause+" ("+string(t.Confidence)+")", Exact, "charity.tiers")
	if t.Confidence != hubrules.Verified {
		r.Unverified = true
		r.notice(rule, in.Org, hubrules.T("所用档次未经核实（"+t.Confidence.Name().ZH+"），使用前请核对原文", "the tier used is not verified ("+string(t.Confidence)+"): check the text before relying on it"), fact("clause", t.Clause))
	}
	base, baseName := income, "income"
	if t.Base == "assets" {
		base, baseName = assets, "net_assets"
	}
	exact := base.Decimal().Mul(t.SpendRate.d)
	r.SpendingFloor, _ = FromDecimal(exact, HalfUp)
	r.step(rule, hubrules.T("年度慈善活动支出下限", "charitable spending floor"), baseName+" "+base.String()+" × "+t.SpendRate.String()+" = "+exact.String()+" → "+r.SpendingFloor.String(), HalfUp, "charity.tiers")
	ok := in.CharitableSpending.Decimal().Cmp(exact) >= 0
	r.check(rule, in.Org, ok, hubrules.Violation, hubrules.T("年度慈善活动支出低于下限", "charitable spending below the floor"),
		fact("charitable_spending", in.CharitableSpending.String()), fact("floor", r.SpendingFloor.String()), fact("rate", t.SpendRate.Percent()), fact(baseName, base.String()))
	if !t.IncomeRate.IsZero() {
		ex2 := income.Decimal().Mul(t.IncomeRate.d)
		r.IncomeFloor, _ = FromDecimal(ex2, HalfUp)
		r.step(rule, hubrules.T("另须不低于上年总收入的比例", "also a share of last year's income"), "income "+income.String()+" × "+t.IncomeRate.String()+" = "+ex2.String()+" → "+r.IncomeFloor.String(), HalfUp, "charity.tiers")
		r.check(rule, in.Org, in.CharitableSpending.Decimal().Cmp(ex2) >= 0, hubrules.Violation, hubrules.T("年度慈善活动支出低于上年总收入的规定比例", "charitable spending below the required share of income"),
			fact("charitable_spending", in.CharitableSpending.String()), fact("income_floor", r.IncomeFloor.String()), fact("rate", t.IncomeRate.Percent()))
	}
	capExact := in.TotalSpending.Decimal().Mul(t.MgmtCap.d)
	r.MgmtCap, _ = FromDecimal(capExact, Down)
	r.step(rule, hubrules.T("管理费用上限", "management-cost cap"), "total_spending "+in.TotalSpending.String()+" × "+t.MgmtCap.String()+" = "+capExact.String()+" → "+r.MgmtCap.String(), Down, "charity.tiers")
	if !exemption {
		// No exemption in force (before 民发〔2016〕189号 art. 11): the cap
		// applies to every amount.
		r.step(rule, hubrules.T("该日期没有管理费用豁免额，比例上限适用于任何金额", "no exemption in force on this date: the cap applies to any amount"), e.b.Unset("charity.exemption")[0].Describe(hubrules.EN), Exact, "charity.exemption")
		r.check(rule, in.Org+"#management", in.ManagementCosts.Decimal().Cmp(capExact) <= 0, hubrules.Violation, hubrules.T("管理费用超过上限", "management costs above the cap"),
			fact("management_costs", in.ManagementCosts.String()), fact("cap", r.MgmtCap.String()), fact("rate", t.MgmtCap.Percent()))
	} else if in.ManagementCosts.LessThan(cp.Exemption) {
		r.Exempt = true
		r.step(rule, hubrules.T("管理费用低于豁免额，不适用比例上限（第十一条）", "management costs under the exemption: caps do not apply (Art. 11)"), in.ManagementCosts.String()+" < "+cp.Exemption.String(), Exact, "charity.exemption")
		r.na(rule, in.Org+"#management")
	} else {
		r.check(rule, in.Org+"#management", in.ManagementCosts.Decimal().Cmp(capExact) <= 0, hubrules.Violation, hubrules.T("管理费用超过上限", "management costs above the cap"),
			fact("management_costs", in.ManagementCosts.String()), fact("cap", r.MgmtCap.String()), fact("rate", t.MgmtCap.Percent()), fact("exemption", cp.Exemption.String()))
	}
	return r, nil
}

func nonNeg(p *hubrules.Problems, path string, m *Money) {
	if m != nil && m.IsNegative() {
		p.Add(path, "gte", m.String(), hubrules.T("金额不能为负", "an amount must not be negative"))
	}
}

// need adds a "required" problem at path when an amount that the case
// needs (but the type cannot require always) is missing.
func need(p *hubrules.Problems, path string, m *Money, when hubrules.Text) {
	if m == nil {
		p.Add(path, "required", "", hubrules.T("缺少 "+path+"（"+when.ZH+"）", path+" is missing ("+when.EN+")"))
	}
}

// val is *m, or 0.00 for an optional amount whose absence its doc comment
// defines as none.
func val(m *Money) Money {
	if m == nil {
		return Money{}
	}
	return *m
}

// Name returns the charity class in Chinese and English.
func (c CharityClass) Name() hubrules.Text {
	switch c {
	case PublicFoundation:
		return hubrules.T("具有公开募捐资格的基金会", "foundation with public fundraising")
	case PublicOther:
		return hubrules.T("具有公开募捐资格的其他慈善组织", "other charity with public fundraising")
	case PrivateFoundation:
		return hubrules.T("不具有公开募捐资格的基金会", "foundation without public fundraising")
	case PrivateOther:
		return hubrules.T("不具有公开募捐资格的其他慈善组织", "other charity without public fundraising")
	}
	return hubrules.T("未知慈善组织类别", "unknown charity class")
}

// Codes lists the charity classes (hubrules.Coded).
func (CharityClass) Codes() []hubrules.Code {
	return hubrules.CodesOf(PublicFoundation, PublicOther, PrivateFoundation, PrivateOther)
}
