package funding

import "github.com/hubrules/hubrules"

// FoundationResult is FND-FOUND-01's report of a community foundation.
type FoundationResult struct {
	Explanation
	Figures FoundationFigures `json:"figures"`
	// Ratio is raised ÷ founding capital.
	Ratio Rate `json:"ratio"`
	// PerProject is raised ÷ projects, half-up to the fen.
	PerProject Money `json:"per_project"`
}

// Foundation reports a community foundation's figures (kaixuan 美好凯旋:
// 2,000,000 founding, 14 director units, ~2,500,000 raised, 15 projects)
// and checks the founding capital against the minimum for a non-public
// foundation. A zero-valued f uses the programme's own record.
func (e *Evaluator) Foundation(org string, f FoundationFigures) (FoundationResult, error) {
	const rule = RuleFoundation
	var r FoundationResult
	if err := e.need(rule, "found", e.p.Found != nil, "found.min_capital"); err != nil {
		return r, err
	}
	names := []string{"found.min_capital"}
	if f == (FoundationFigures{}) {
		// The programme's own record is a default for the input, like
		// venture.pool: without one on this date the caller gives figures.
		if e.p.FoundRecord == nil || e.b.HasMissing("found.figures") {
			return r, inputErr("figures", "required", "", "该项目在此日期没有社区基金会记录，请给出数据", "the programme has no foundation record on this date: give the figures")
		}
		f = e.p.FoundRecord.Figures
		names = append(names, "found.figures")
	}
	var p hubrules.Problems
	if err := hubrules.Validate(f); err != nil {
		p.Merge("figures", err)
	}
	nonNeg(&p, "figures.founding", &f.Founding)
	nonNeg(&p, "figures.raised", &f.Raised)
	if err := p.Err(); err != nil {
		return r, err
	}
	r.Basis = e.b.Only(names...)
	r.Figures = f
	r.step(rule, hubrules.T("原始基金、理事单位、募集资金、项目数", "founding capital, director units, funds raised, projects"),
		f.Founding.String()+", "+itoa64(int64(f.Directors))+", "+f.Raised.String()+", "+itoa64(int64(f.Projects)), Exact, names...)
	if !f.Founding.IsZero() {
		r.Ratio, _ = f.Raised.Ratio(f.Founding)
		r.step(rule, hubrules.T("募集资金 ÷ 原始基金", "raised ÷ founding capital"), f.Raised.String()+" ÷ "+f.Founding.String()+" = "+r.Ratio.String(), HalfUp)
	}
	if f.Projects > 0 {
		r.PerProject, _ = f.Raised.DivInt(int64(f.Projects), HalfUp)
		r.step(rule, hubrules.T("平均每个项目募集额", "raised per project"), f.Raised.String()+" ÷ "+itoa64(int64(f.Projects))+" = "+r.PerProject.String(), HalfUp)
	}
	min := e.p.Found.MinCapital
	r.check(rule, org, !f.Founding.LessThan(min), hubrules.Violation, hubrules.T("原始基金低于非公募基金会最低限额", "founding capital below the minimum for a non-public foundation"),
		fact("founding", f.Founding.String()), fact("minimum", min.String()))
	return r, nil
}
