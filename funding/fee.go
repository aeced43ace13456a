package funding

import "github.com/hubrules/hubrules"

// FeeInput asks for the project management fee (项目管理费) of an entrusted
// project.
type FeeInput struct {
	Project string `json:"project" validate:"max=200"`
	// Total is the project's total amount; required (0.00 is a total, a
	// missing total is an *InputError).
	Total *Money `json:"total" validate:"required"`
	// Inside overrides the parameter fee.inside; absent: the parameter.
	Inside *bool `json:"inside,omitempty" doc:"管理费是否含在项目总额内；缺省：参数 fee.inside / whether the fee is inside the total; absent: the parameter fee.inside"`
	// Rounding; absent: half_up (四舍五入).
	Rounding Rounding `json:"rounding,omitempty" doc:"舍入方式；缺省：四舍五入（half_up） / rounding; absent: half_up"`
}

// FeeResult is FND-FEE-01's answer. With the fee inside the total,
// Fee + Net = Total; on top, Total + Fee = Gross.
type FeeResult struct {
	Explanation
	Input  FeeInput `json:"input"`
	Rate   Rate     `json:"rate"`
	Inside bool     `json:"inside"`
	Total  Money    `json:"total"`
	Fee    Money    `json:"fee"`
	// Net is what is left for the project's own work (fee inside).
	Net Money `json:"net"`
	// Gross is what the funder pays (fee on top).
	Gross Money `json:"gross"`
}

// Fee computes the hub's management fee (FND-FEE-01): rate × total, inside
// the total (net = total − fee) or on top (gross = total + fee).
func (e *Evaluator) Fee(in FeeInput) (FeeResult, error) {
	const rule = "FND-FEE-01"
	var r FeeResult
	if err := e.need(rule, "fee", e.p.Fee != nil, "fee.rate", "fee.inside"); err != nil {
		return r, err
	}
	rd := in.Rounding
	if rd == "" {
		rd = HalfUp
	}
	var p hubrules.Problems
	if err := hubrules.Validate(in); err != nil {
		p.Merge("", err)
	}
	nonNeg(&p, "total", in.Total)
	if !rd.Valid() || rd == Exact {
		p.Add("rounding", "enum", string(rd), hubrules.T("舍入方式须为 half_up、half_even 或 down", "rounding must be half_up, half_even or down"))
	}
	if !e.p.Fee.Rate.Fraction() {
		p.Add("params.fee.rate", "rate", e.p.Fee.Rate.String(), hubrules.T("费率须在 0 到 100% 之间", "the rate must be between 0 and 100%"))
	}
	if err := p.Err(); err != nil {
		return r, err
	}
	r.Basis = e.b.Only("fee.rate", "fee.inside")
	r.Input = in
	total := *in.Total
	r.Rate, r.Inside, r.Total = e.p.Fee.Rate, e.p.Fee.Inside, total
	if in.Inside != nil {
		r.Inside = *in.Inside
		r.step(rule, hubrules.T("调用方指定管理费是否含在总额内", "the caller set whether the fee is inside"), boolStr(r.Inside), Exact)
	}
	fee, err := total.MulRate(r.Rate, rd)
	if err != nil {
		return FeeResult{}, err
	}
	r.Fee = fee
	r.step(rule, hubrules.T("管理费 = 项目总额 × 费率", "fee = project total × rate"), total.String()+" × "+r.Rate.String()+" = "+fee.String(), rd, "fee.rate")
	if r.Inside {
		r.Net, _ = total.Sub(fee)
		r.Gross = total
		r.step(rule, hubrules.T("费用含在总额内：项目净额 = 总额 − 管理费", "fee inside: net = total − fee"), total.String()+" − "+fee.String()+" = "+r.Net.String(), Exact, "fee.inside")
	} else {
		g, err := total.Add(fee)
		if err != nil {
			return FeeResult{}, err
		}
		r.Net, r.Gross = total, g
		r.step(rule, hubrules.T("费用在总额之外：资助方支付 = 总额 + 管理费", "fee on top: gross = total + fee"), total.String()+" + "+fee.String()+" = "+g.String(), Exact, "fee.inside")
	}
	r.check(rule, in.Project, true, hubrules.Violation, hubrules.Text{})
	return r, nil
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
