package grading

import "github.com/hubrules/hubrules"

// Norm is one of kaixuan's 2021 party-building and business norms
// (GRD-NORM-01). Their wording was not retrieved: each keeps its area and a
// stable code "<area>-NN"; Text says the wording is unknown.
type Norm struct {
	Code string        `json:"code"`
	Area string        `json:"area"`
	Text hubrules.Text `json:"text"`
}

// NormItems lists the norms: per area (norm.areas) its count of items.
func (g *Grader) NormItems() []Norm {
	var out []Norm
	for _, a := range g.p.NormAreas {
		for i := 1; i <= a.Count; i++ {
			out = append(out, Norm{Code: normCode(a.Code, i), Area: a.Code,
				Text: hubrules.T(a.Name.ZH+"第"+itoa(i)+"条（条文未获取）", a.Name.EN+" norm "+itoa(i)+" (wording not retrieved)")})
		}
	}
	return out
}

func normCode(area string, i int) string {
	if i < 10 {
		return area + "-0" + itoa(i)
	}
	return area + "-" + itoa(i)
}

// NormInput lists the norms an organization meets, by code.
type NormInput struct {
	Org string   `json:"org" validate:"required,max=200"`
	Met []string `json:"met" validate:"max=1000"`
}

// AreaCoverage is the checklist result for one area.
type AreaCoverage struct {
	Area    string   `json:"area"`
	Count   int      `json:"count"`
	Met     int      `json:"met"`
	Missing []string `json:"missing,omitempty"`
}

// NormResult is the 34-norm checklist with coverage per area; Coverage is
// exact, "met/total".
type NormResult struct {
	Org      string             `json:"org"`
	Areas    []AreaCoverage     `json:"areas"`
	Met      int                `json:"met"`
	Total    int                `json:"total"`
	Coverage string             `json:"coverage"`
	Basis    hubrules.Basis     `json:"basis"`
	Check    hubrules.Check     `json:"check"`
	Findings []hubrules.Finding `json:"findings,omitempty"`
}

// Norms checks the norm checklist (GRD-NORM-01): unknown or duplicate codes
// are an *hubrules.InputError; each area with unmet norms is a warning.
func (g *Grader) Norms(in *NormInput) (NormResult, error) {
	if in == nil {
		return NormResult{}, errNil()
	}
	if g.normOff != nil {
		return NormResult{}, g.normOff
	}
	var p hubrules.Problems
	if err := hubrules.Validate(in); err != nil {
		p.Merge("", err)
	}
	items := g.NormItems()
	met := make([]bool, len(items))
	for i, c := range in.Met {
		k := -1
		for j := range items {
			if items[j].Code == c {
				k = j
			}
		}
		switch {
		case k < 0:
			p.Add(hubrules.Index("met", i), "unknown_norm", c, hubrules.T("未知规范代码 "+c, "unknown norm code "+c))
		case met[k]:
			p.Add(hubrules.Index("met", i), "duplicate", c, hubrules.T("规范重复："+c, "norm listed twice: "+c))
		default:
			met[k] = true
		}
	}
	if err := p.Err(); err != nil {
		return NormResult{}, err
	}
	res := NormResult{Org: in.Org, Total: len(items), Basis: g.normBasis.Clone(), Check: hubrules.Check{Rule: RuleNorms, Subject: in.Org, Outcome: hubrules.Pass}}
	k := 0
	for _, a := range g.p.NormAreas {
		ac := AreaCoverage{Area: a.Code, Count: a.Count}
		for i := 0; i < a.Count; i++ {
			if met[k] {
				ac.Met++
			} else {
				ac.Missing = append(ac.Missing, items[k].Code)
			}
			k++
		}
		res.Met += ac.Met
		if ac.Met < ac.Count {
			res.Check.Outcome = hubrules.Fail
			res.Findings = append(res.Findings, hubrules.Finding{Rule: RuleNorms, Severity: hubrules.Warning, Subject: in.Org,
				Message: hubrules.T(a.Name.ZH+"领域有规范未达到", "unmet norms in "+a.Name.EN),
				Facts:   []hubrules.Fact{fact("area", a.Code), fact("met", itoa(ac.Met)), fact("count", itoa(ac.Count))}})
		}
		res.Areas = append(res.Areas, ac)
	}
	res.Coverage = itoa(res.Met) + "/" + itoa(res.Total)
	if ref, ok := g.basis.Param("norm.areas"); ok && ref.Confidence != hubrules.Verified {
		res.Findings = append(res.Findings, hubrules.Finding{Rule: RuleNorms, Severity: hubrules.Notice, Subject: in.Org,
			Message: hubrules.T("各领域规范条数未经核实（"+ref.Confidence.Name().ZH+"）", "the norms per area are not verified ("+string(ref.Confidence)+")"),
			Facts:   []hubrules.Fact{fact("param", "norm.areas"), fact("confidence", string(ref.Confidence))}})
	}
	return res, nil
}
