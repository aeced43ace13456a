package funding

import (
	"slices"

	"github.com/hubrules/hubrules"
	"github.com/shopspring/decimal"
)

// VentureProject is one scored application to a venture pool (公益创投).
type VentureProject struct {
	ID string `json:"id" validate:"required,max=200"`
	// Score is the panel's score, an exact decimal ("87.5"); required.
	Score *decimal.Decimal `json:"score" validate:"required"`
	// Request is the amount applied for; required.
	Request *Money `json:"request" validate:"required"`
	// Budget is the project's whole budget, required when the programme
	// co-funds (venture.cofund_share above 0); absent otherwise: not used.
	Budget *Money `json:"budget,omitempty" doc:"项目总预算；项目配资时必填，否则不读 / the project budget; required when the programme co-funds, otherwise not read"`
}

// VentureInput is a round of venture philanthropy.
type VentureInput struct {
	// Pool is the money to split; absent: the parameter venture.pool (a
	// programme without one refuses the round). A pool given as 0.00 is a
	// pool of nothing.
	Pool     *Money           `json:"pool,omitempty" doc:"可分配的资金；缺省：参数 venture.pool / the money to split; absent: the parameter venture.pool"`
	Projects []VentureProject `json:"projects" validate:"min=1,max=100000,dive"`
	// Partial lets the last fundable project take what is left of the pool
	// when it is less than its award; otherwise that project is skipped and
	// the next ones are tried.
	Partial bool `json:"partial"`
}

// Award is one project's award.
type Award struct {
	ID       string        `json:"id"`
	Rank     int           `json:"rank"`
	Score    string        `json:"score"`
	Request  Money         `json:"request"`
	Limit    Money         `json:"limit"`
	Amount   Money         `json:"amount"`
	Tranches []Tranche     `json:"tranches,omitempty"`
	Why      hubrules.Text `json:"why"`
}

// VentureResult is FND-VENTURE-01's allocation.
type VentureResult struct {
	Explanation
	Input    VentureInput `json:"input"`
	Pool     Money        `json:"pool"`
	Awarded  Money        `json:"awarded"`
	Leftover Money        `json:"leftover"`
	Awards   []Award      `json:"awards"`
}

// Venture splits a pool among scored projects (FND-VENTURE-01). Ranking:
// higher score first; equal scores keep the input order (earlier
// application first). Each award is the least of the request, the
// per-project cap (venture.cap) and, when venture.cofund_share > 0, the share
// of the project's budget capped at venture.cofund_cap; the pool is never
// exceeded and the leftover is reported. Awards are split into tranches
// (venture.tranches) exact to the fen.
func (e *Evaluator) Venture(in VentureInput) (VentureResult, error) {
	const rule = RuleVenture
	var r VentureResult
	// venture.pool is read only when the caller gives no pool.
	if err := e.need(rule, "venture", e.p.Venture != nil, "venture.cap", "venture.cofund_share", "venture.cofund_cap", "venture.tranches"); err != nil {
		return r, err
	}
	vp := e.p.Venture
	var p hubrules.Problems
	if err := hubrules.Validate(in); err != nil {
		p.Merge("", err)
	}
	nonNeg(&p, "pool", in.Pool)
	seen := make(map[string]bool, len(in.Projects))
	for i, pr := range in.Projects {
		path := hubrules.Index("projects", i)
		if seen[pr.ID] {
			p.Add(path+".id", "unique", pr.ID, hubrules.T("项目重复", "duplicate project"))
		}
		seen[pr.ID] = true
		if pr.Score != nil && pr.Score.IsNegative() {
			p.Add(path+".score", "gte", pr.Score.String(), hubrules.T("分数不能为负", "a score must not be negative"))
		}
		nonNeg(&p, path+".request", pr.Request)
		nonNeg(&p, path+".budget", pr.Budget)
		if vp.CofundShare.Cmp(Rate{}) > 0 {
			need(&p, path+".budget", pr.Budget, hubrules.T("该项目按预算比例配套资助", "the programme co-funds a share of the budget"))
		}
	}
	if !vp.CofundShare.Fraction() {
		p.Add("params.venture.cofund_share", "rate", vp.CofundShare.String(), hubrules.T("配套比例须在 0 到 100% 之间", "the co-funding share must be between 0 and 100%"))
	}
	pool := val(in.Pool)
	names := []string{"venture.cap", "venture.cofund_share", "venture.cofund_cap", "venture.tranches"}
	if in.Pool == nil {
		if e.p.VenturePool == nil || e.b.HasMissing("venture.pool") {
			p.Add("pool", "required", "", hubrules.T("该项目在此日期没有默认资金池，请给出 pool", "the programme has no default pool on this date: give pool"))
		} else {
			pool = e.p.VenturePool.Pool
			names = append(names, "venture.pool")
		}
	}
	if err := p.Err(); err != nil {
		return r, err
	}
	r.Basis = e.b.Only(names...)
	r.Input = in
	r.Input.Projects = append([]VentureProject(nil), in.Projects...)
	r.Pool = pool
	if len(names) == 5 {
		r.step(rule, hubrules.T("资金池（参数）", "pool (parameter)"), pool.String(), Exact, "venture.pool")
	} else {
		r.step(rule, hubrules.T("资金池（调用方给出）", "pool (given by the caller)"), pool.String(), Exact)
	}
	order := make([]int, len(in.Projects))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return -in.Projects[a].Score.Cmp(*in.Projects[b].Score) })
	left := pool
	for rank, idx := range order {
		pr := in.Projects[idx]
		a := Award{ID: pr.ID, Rank: rank + 1, Score: pr.Score.String(), Request: *pr.Request}
		limit := pr.Request.Min(vp.Cap)
		expr := "min(request " + pr.Request.String() + ", cap " + vp.Cap.String()
		if vp.CofundShare.Cmp(Rate{}) > 0 {
			co, err := pr.Budget.MulRate(vp.CofundShare, Down) // required above
			if err != nil {
				return VentureResult{}, err
			}
			co = co.Min(vp.CofundCap)
			limit = limit.Min(co)
			expr += ", budget " + pr.Budget.String() + " × " + vp.CofundShare.String() + " ≤ " + vp.CofundCap.String()
		}
		a.Limit = limit
		switch {
		case !limit.GreaterThan(left):
			a.Amount = limit
			a.Why = hubrules.T("按排名全额资助至上限", "funded in rank order up to its limit")
		case in.Partial && left.IsPositive():
			a.Amount = left
			a.Why = hubrules.T("资金池余额不足，部分资助", "partly funded: the pool ran short")
		default:
			a.Why = hubrules.T("资金池余额不足，未获资助", "not funded: the pool ran short")
		}
		left.fen -= a.Amount.fen
		r.Awarded.fen += a.Amount.fen
		r.step(rule, hubrules.T("第"+itoa64(int64(rank+1))+"名 "+pr.ID+" 的资助额", "award of rank "+itoa64(int64(rank+1))+" "+pr.ID),
			expr+") = "+limit.String()+"; pool left "+Fen(left.fen+a.Amount.fen).String()+" → award "+a.Amount.String(), Down, "venture.cap", "venture.cofund_share", "venture.cofund_cap")
		if a.Amount.IsPositive() {
			tr, err := BuildTranches(a.Amount, vp.Tranches)
			if err != nil {
				return VentureResult{}, err
			}
			a.Tranches = tr
		}
		r.Awards = append(r.Awards, a)
	}
	r.Leftover = left
	r.step(rule, hubrules.T("结余 = 资金池 − 已资助", "leftover = pool − awarded"), pool.String()+" − "+r.Awarded.String()+" = "+left.String(), Exact)
	r.check(rule, "pool", !r.Awarded.GreaterThan(pool), hubrules.Violation, hubrules.T("资助总额超过资金池", "awards exceed the pool"))
	return r, nil
}
