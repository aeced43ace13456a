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
	// QualifiedCarryable is the part of Qualified given on or after the
	// day the carry-forward starts (donate.carry_from, 2016-09-01): only
	// that part of the year's excess may be carried (财税〔2018〕15号 第五条).
	// Required only for the tax year in which the carry-forward starts
	// (2016) when that year has an excess; at most Qualified; ignored in
	// other years.
	QualifiedCarryable *Money `json:"qualified_carryable,omitempty" doc:"结转起始日（2016-09-01）起发生的合格捐赠；仅结转起始年度（2016年）有超额时必填 / the qualified gifts given from the carry-forward start (2016-09-01); required only when the tax year it starts in (2016) has an excess"`
	// Unqualified is the year's other gifts; absent: none.
	Unqualified *Money `json:"unqualified,omitempty" doc:"其他捐赠；缺省：无 / other gifts; absent: none"`
	// CarryForward lists earlier years' excess; absent: none. The excess
	// of a year is usable in the carry_years tax years after it (2016 →
	// 2017–2019); an item outside that window is not refused: it is
	// reported as Expired with a notice. An item of the year the
	// carry-forward starts is taken to be the part given from its start.
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
	// CarryOut is what may still be deducted in later years, each with the
	// tax year it arose in.
	CarryOut []CarryItem `json:"carry_out"`
	// Expired is what can no longer be deducted: carried items whose
	// window ended (or that had none) and excess that may not be carried.
	// Each has a Notice finding naming the window.
	Expired    []CarryItem `json:"expired"`
	NotAllowed Money       `json:"not_deductible"`
}

// carryWindow is the carry-forward rule of the evaluator's date: the excess
// of tax year y is usable in the years y+1 … y+years when y is on or after
// the year of from (years 0: no carry at all).
type carryWindow struct {
	years int
	from  hubrules.Date
}

// last returns the last tax year in which the excess of year y may be
// deducted, and false when that excess may not be carried at all.
func (w carryWindow) last(y int) (int, bool) {
	if w.years <= 0 || y < w.from.Year() {
		return 0, false
	}
	return y + w.years, true
}

// straddles reports whether the carry-forward starts inside tax year y, so
// that only the gifts from its start may be carried.
func (w carryWindow) straddles(y int) bool {
	return w.years > 0 && w.from.Year() == y && (w.from.Month() != 1 || w.from.Day() != 1)
}

// expire records amount of tax year y as expired in tax year now, with the
// notice that says why: its window ended (ended) or it may not be carried
// at all.
func (r *EnterpriseDonationResult) expire(w carryWindow, y, now int, amount Money, ended bool) {
	r.Expired = append(r.Expired, CarryItem{Year: y, Amount: hubrules.Ptr(amount)})
	ys, amt := itoa64(int64(y)), amount.String()
	subject := "carry " + ys
	if last, _ := w.last(y); ended {
		ls, fs := itoa64(int64(last)), itoa64(int64(y+1))
		r.notice(RuleDonate, subject, hubrules.T(ys+" 年度的超额捐赠只可在 "+fs+"—"+ls+" 年度扣除，"+amt+" 元已过结转期，不再扣除",
			"the excess of tax year "+ys+" is deductible in "+fs+"–"+ls+" only: "+amt+" yuan is past the carry-forward window and expires"),
			fact("tax_year", ys), fact("amount", amt), fact("usable_from", fs), fact("usable_to", ls), fact("year", itoa64(int64(now))))
		return
	}
	if w.years <= 0 {
		r.notice(RuleDonate, subject, hubrules.T(ys+" 年度的超额捐赠 "+amt+" 元不得结转：本日期施行的规定不许结转",
			"the excess of tax year "+ys+" ("+amt+" yuan) may not be carried forward: the rules in force on this date allow no carry-forward"),
			fact("tax_year", ys), fact("amount", amt), fact("carry_years", "0"), fact("year", itoa64(int64(now))))
		return
	}
	from := w.from.String()
	r.notice(RuleDonate, subject, hubrules.T(ys+" 年度的超额捐赠 "+amt+" 元不得结转：结转只适用于 "+from+" 起发生的捐赠",
		"the excess of tax year "+ys+" ("+amt+" yuan) may not be carried forward: the carry-forward applies to gifts from "+from+" only"),
		fact("tax_year", ys), fact("amount", amt), fact("carry_from", from), fact("year", itoa64(int64(now))))
}

// DonateEnterprise applies the 12 % limit with the carry-forward used first,
// oldest first (财税〔2018〕15号); nothing is deducted when profit ≤ 0. The
// excess of tax year y is usable in the donate.carry_years years after y
// (2016 → 2017–2019), counted from the year of the excess, not from the
// evaluator's date, and only for gifts from donate.carry_from (2016-09-01):
// before it there is no carry. A carried item outside its window is reported
// as Expired with a notice, not refused; the current year's excess is
// carried out (the part that may be carried) or expires.
func (e *Evaluator) DonateEnterprise(in EnterpriseDonationInput) (EnterpriseDonationResult, error) {
	const rule = RuleDonate
	var r EnterpriseDonationResult
	names := []string{"donate.enterprise_rate", "donate.carry_years"}
	if err := e.need(rule, "donate", e.p.Donate != nil, names...); err != nil {
		return r, err
	}
	dp := e.p.Donate
	w := carryWindow{years: dp.CarryYears, from: dp.CarryFrom}
	if w.years > 0 {
		// The carry-forward's start is read only when there is one.
		names = append(names, "donate.carry_from")
		if err := hubrules.RequireInForce(e.b, rule, "donate.carry_from"); err != nil {
			return r, err
		}
		if w.from.IsZero() {
			// Parameters handed over without the start: never read as
			// "every year carries".
			return r, inputErr("params.donate.carry_from", "required", "", "有结转年数时须给出结转起始日", "a carry-forward needs its start day (donate.carry_from)")
		}
	}
	var p hubrules.Problems
	if err := hubrules.Validate(in); err != nil {
		p.Merge("", err)
	}
	nonNeg(&p, "qualified", in.Qualified)
	nonNeg(&p, "qualified_carryable", in.QualifiedCarryable)
	nonNeg(&p, "unqualified", in.Unqualified)
	if w.straddles(in.Year) && in.QualifiedCarryable != nil {
		if in.Qualified != nil && in.QualifiedCarryable.fen > in.Qualified.fen {
			p.Add("qualified_carryable", "lte", in.QualifiedCarryable.String(), hubrules.T("可结转部分不能大于合格捐赠额 "+in.Qualified.String(),
				"the carryable part must not exceed the qualified gifts "+in.Qualified.String()))
		}
	}
	if !dp.EnterpriseRate.Fraction() {
		p.Add("params.donate.enterprise_rate", "rate", dp.EnterpriseRate.String(), hubrules.T("比例须在 0 到 100% 之间", "the rate must be between 0 and 100%"))
	}
	for i, c := range in.CarryForward {
		path := hubrules.Index("carry_forward", i)
		nonNeg(&p, path+".amount", c.Amount)
		if c.Year >= in.Year {
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
	r.Basis = e.b.Only(names...)
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
		last, ok := w.last(c.Year)
		if !ok || last < in.Year {
			// Outside its window: nothing of it is deducted.
			if c.Amount.IsPositive() {
				r.expire(w, c.Year, in.Year, *c.Amount, ok)
			}
			continue
		}
		use := c.Amount.Min(room)
		room.fen -= use.fen
		if use.IsPositive() {
			r.FromCarry = append(r.FromCarry, CarryItem{Year: c.Year, Amount: hubrules.Ptr(use)})
			r.step(rule, hubrules.T("先扣除以前年度结转（从最早年度起）", "carried amounts first, oldest first"), itoa64(int64(c.Year))+": "+use.String()+" (usable "+itoa64(int64(c.Year+1))+"–"+itoa64(int64(last))+")", Exact, "donate.carry_years")
		}
		rest := Money{c.Amount.fen - use.fen}
		if rest.IsPositive() {
			if last > in.Year {
				r.CarryOut = append(r.CarryOut, CarryItem{Year: c.Year, Amount: hubrules.Ptr(rest)})
			} else {
				r.expire(w, c.Year, in.Year, rest, true)
				r.step(rule, hubrules.T("超过结转年限，不再扣除", "beyond the carry-forward window: expires"), itoa64(int64(c.Year))+": "+rest.String(), Exact, "donate.carry_years")
			}
		}
		r.Deducted.fen += use.fen
	}
	r.FromCurrent = in.Qualified.Min(room)
	r.Deducted.fen += r.FromCurrent.fen
	excess := Money{in.Qualified.fen - r.FromCurrent.fen}
	if excess.IsPositive() {
		carried := Money{}
		if last, ok := w.last(in.Year); ok {
			carried = excess
			if w.straddles(in.Year) {
				if in.QualifiedCarryable == nil {
					return EnterpriseDonationResult{}, hubrules.NewInputError(hubrules.FieldError{Path: "qualified_carryable", Code: "required",
						Message: hubrules.T("缺少结转起始日（"+w.from.String()+"）起发生的合格捐赠额：该年度有超额，只有这部分的超额可以结转",
							"the qualified gifts given from the carry-forward start ("+w.from.String()+") are missing: the year has an excess and only their excess may be carried")})
				}
				// The earlier gifts are deducted first, so that the
				// excess is carried as far as the later gifts allow.
				carried = excess.Min(*in.QualifiedCarryable)
			}
			r.step(rule, hubrules.T("本年超额结转以后年度扣除", "this year's excess is carried forward"), itoa64(int64(in.Year))+": "+carried.String()+" (usable "+itoa64(int64(in.Year+1))+"–"+itoa64(int64(last))+")", Exact, "donate.carry_years", "donate.carry_from")
		}
		if carried.IsPositive() {
			r.CarryOut = append(r.CarryOut, CarryItem{Year: in.Year, Amount: hubrules.Ptr(carried)})
		}
		if rest := (Money{excess.fen - carried.fen}); rest.IsPositive() {
			r.expire(w, in.Year, in.Year, rest, false)
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
