package funding

import (
	"slices"

	"github.com/hubrules/hubrules"
)

// CarryItem is a deductible excess of an earlier year carried forward.
type CarryItem struct {
	Year int `json:"year" validate:"gte=1900,lte=2200"`
	// Amount is the excess carried from Year; required.
	Amount *Money `json:"amount" validate:"required"`
}

// EnterpriseDonationInput is an enterprise's donations in a tax year.
// Qualified are gifts to holders of 公益性捐赠税前扣除资格; Unqualified
// gifts are never deductible.
type EnterpriseDonationInput struct {
	Year int `json:"year" validate:"gte=1900,lte=2200"`
	// AccountingProfit (年度利润总额) is required; 0.00 or less deducts nothing.
	AccountingProfit *Money `json:"accounting_profit" validate:"required"`
	// Qualified is the year's gifts through qualified recipients; required.
	Qualified *Money `json:"qualified" validate:"required"`
	// Unqualified is the year's other gifts; absent: none.
	Unqualified *Money `json:"unqualified,omitempty" doc:"其他捐赠；缺省：无 / other gifts; absent: none"`
	// CarryForward lists earlier years' excess; absent: none.
	CarryForward []CarryItem `json:"carry_forward" validate:"max=20,dive"`
}

// EnterpriseDonationResult is FND-DONATE-01's answer for an enterprise.
type EnterpriseDonationResult struct {
	Explanation
	Input       EnterpriseDonationInput `json:"input"`
	Limit       Money                   `json:"limit"`
	FromCarry   []CarryItem             `json:"from_carry"`
	FromCurrent Money                   `json:"from_current"`
	Deducted    Money                   `json:"deducted"`
	CarryOut    []CarryItem             `json:"carry_out"`
	Expired     []CarryItem             `json:"expired"`
	NotAllowed  Money                   `json:"not_deductible"`
}

// DonateEnterprise applies the 12 % limit with the carry-forward used first,
// oldest first (财税〔2018〕15号); nothing is deducted when profit ≤ 0. The
// current year's excess is carried out; carried items leaving the window
// expire.
func (e *Evaluator) DonateEnterprise(in EnterpriseDonationInput) (EnterpriseDonationResult, error) {
	const rule = RuleDonate
	var r EnterpriseDonationResult
	if err := e.need(rule, "donate", e.p.Donate != nil, "donate.enterprise_rate", "donate.carry_years"); err != nil {
		return r, err
	}
	dp := e.p.Donate
	var p hubrules.Problems
	if err := hubrules.Validate(in); err != nil {
		p.Merge("", err)
	}
	nonNeg(&p, "qualified", in.Qualified)
	nonNeg(&p, "unqualified", in.Unqualified)
	if !dp.EnterpriseRate.Fraction() {
		p.Add("params.donate.enterprise_rate", "rate", dp.EnterpriseRate.String(), hubrules.T("比例须在 0 到 100% 之间", "the rate must be between 0 and 100%"))
	}
	first := in.Year - dp.CarryYears
	for i, c := range in.CarryForward {
		path := hubrules.Index("carry_forward", i)
		nonNeg(&p, path+".amount", c.Amount)
		if c.Year < first {
			p.Add(path+".year", "carry_window", itoa64(int64(c.Year)), hubrules.T("捐赠年度早于结转期（最早 "+itoa64(int64(first))+" 年）", "donation year before the carry-forward window (earliest "+itoa64(int64(first))+")"))
		} else if c.Year >= in.Year {
			p.Add(path+".year", "lt", itoa64(int64(c.Year)), hubrules.T("结转年度须早于本年度", "a carried year must be before the tax year"))
		}
		for j := 0; j < i; j++ {
			if in.CarryForward[j].Year == c.Year {
				p.Add(path+".year", "unique", itoa64(int64(c.Year)), hubrules.T("结转年度重复", "duplicate carried year"))
			}
		}
	}
	if err := p.Err(); err != nil {
		return r, err
	}
	r.Basis = e.b.Only("donate.enterprise_rate", "donate.carry_years")
	r.Input = in
	r.Input.CarryForward = append([]CarryItem(nil), in.CarryForward...)
	r.NotAllowed = val(in.Unqualified)
	if r.NotAllowed.IsPositive() {
		r.step(rule, hubrules.T("受赠方无税前扣除资格的捐赠不得扣除", "gifts to organizations without the deduction qualification are not deductible"), r.NotAllowed.String(), Exact)
	}
	if in.AccountingProfit.IsPositive() {
		lim, err := in.AccountingProfit.MulRate(dp.EnterpriseRate, HalfUp)
		if err != nil {
			return EnterpriseDonationResult{}, err
		}
		r.Limit = lim
		r.step(rule, hubrules.T("扣除限额 = 年度利润总额 × 比例", "limit = accounting profit × rate"), in.AccountingProfit.String()+" × "+dp.EnterpriseRate.String()+" = "+lim.String(), HalfUp, "donate.enterprise_rate")
	} else {
		r.step(rule, hubrules.T("利润总额不大于零，当年不得扣除", "profit ≤ 0: nothing deductible this year"), in.AccountingProfit.String()+" ≤ 0", Exact)
	}
	carry := append([]CarryItem(nil), in.CarryForward...)
	slices.SortFunc(carry, func(a, b CarryItem) int { return a.Year - b.Year })
	room := r.Limit
	for _, c := range carry {
		use := c.Amount.Min(room)
		room.fen -= use.fen
		if use.IsPositive() {
			r.FromCarry = append(r.FromCarry, CarryItem{Year: c.Year, Amount: hubrules.Ptr(use)})
			r.step(rule, hubrules.T("先扣除以前年度结转（从最早年度起）", "carried amounts first, oldest first"), itoa64(int64(c.Year))+": "+use.String(), Exact, "donate.carry_years")
		}
		rest := Money{c.Amount.fen - use.fen}
		if rest.IsPositive() {
			if c.Year+dp.CarryYears > in.Year {
				r.CarryOut = append(r.CarryOut, CarryItem{Year: c.Year, Amount: hubrules.Ptr(rest)})
			} else {
				r.Expired = append(r.Expired, CarryItem{Year: c.Year, Amount: hubrules.Ptr(rest)})
				r.step(rule, hubrules.T("超过结转年限，不再扣除", "beyond the carry-forward window: expires"), itoa64(int64(c.Year))+": "+rest.String(), Exact, "donate.carry_years")
			}
		}
		r.Deducted.fen += use.fen
	}
	r.FromCurrent = in.Qualified.Min(room)
	r.Deducted.fen += r.FromCurrent.fen
	excess := Money{in.Qualified.fen - r.FromCurrent.fen}
	if excess.IsPositive() {
		if dp.CarryYears > 0 {
			r.CarryOut = append(r.CarryOut, CarryItem{Year: in.Year, Amount: hubrules.Ptr(excess)})
		} else {
			r.Expired = append(r.Expired, CarryItem{Year: in.Year, Amount: hubrules.Ptr(excess)})
		}
	}
	r.step(rule, hubrules.T("本年捐赠扣除与结转", "this year's gifts deducted and carried"), "deducted "+r.FromCurrent.String()+" of "+in.Qualified.String()+", excess "+excess.String(), Exact, "donate.carry_years")
	r.step(rule, hubrules.T("当年扣除合计（不超过限额）", "total deducted (within the limit)"), r.Deducted.String()+" ≤ "+r.Limit.String(), Exact)
	return r, nil
}

// IndividualDonationInput is an individual's donations in a tax year.
type IndividualDonationInput struct {
	// TaxableIncome (应纳税所得额) is required.
	TaxableIncome *Money `json:"taxable_income" validate:"required"`
	// Qualified is the gifts through qualified recipients; required.
	Qualified *Money `json:"qualified" validate:"required"`
	// Unqualified is the other gifts; absent: none.
	Unqualified *Money `json:"unqualified,omitempty" doc:"其他捐赠；缺省：无 / other gifts; absent: none"`
}

// IndividualDonationResult is FND-DONATE-01's answer for an individual.
type IndividualDonationResult struct {
	Explanation
	Input      IndividualDonationInput `json:"input"`
	Limit      Money                   `json:"limit"`
	Deducted   Money                   `json:"deducted"`
	NotAllowed Money                   `json:"not_deductible"`
}

// DonateIndividual deducts qualified gifts up to 30 % of taxable income.
func (e *Evaluator) DonateIndividual(in IndividualDonationInput) (IndividualDonationResult, error) {
	const rule = RuleDonate
	var r IndividualDonationResult
	if err := e.need(rule, "donate", e.p.Donate != nil, "donate.individual_rate"); err != nil {
		return r, err
	}
	var p hubrules.Problems
	if err := hubrules.Validate(in); err != nil {
		p.Merge("", err)
	}
	nonNeg(&p, "taxable_income", in.TaxableIncome)
	nonNeg(&p, "qualified", in.Qualified)
	nonNeg(&p, "unqualified", in.Unqualified)
	if !e.p.Donate.IndividualRate.Fraction() {
		p.Add("params.donate.individual_rate", "rate", e.p.Donate.IndividualRate.String(), hubrules.T("比例须在 0 到 100% 之间", "the rate must be between 0 and 100%"))
	}
	if err := p.Err(); err != nil {
		return r, err
	}
	r.Basis = e.b.Only("donate.individual_rate")
	r.Input = in
	lim, err := in.TaxableIncome.MulRate(e.p.Donate.IndividualRate, HalfUp)
	if err != nil {
		return r, err
	}
	r.Limit = lim
	r.Deducted = in.Qualified.Min(lim)
	r.NotAllowed, err = val(in.Unqualified).Add(Money{in.Qualified.fen - r.Deducted.fen})
	if err != nil {
		return IndividualDonationResult{}, err
	}
	r.step(rule, hubrules.T("限额 = 应纳税所得额 × 比例；扣除 = min(合格捐赠, 限额)", "limit = taxable income × rate; deducted = min(qualified, limit)"),
		in.TaxableIncome.String()+" × "+e.p.Donate.IndividualRate.String()+" = "+lim.String()+"; min("+in.Qualified.String()+", "+lim.String()+") = "+r.Deducted.String(), HalfUp, "donate.individual_rate")
	return r, nil
}
