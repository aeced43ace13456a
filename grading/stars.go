package grading

import "github.com/hubrules/hubrules"

// StarInput is a party organization's scores on the star indicators
// (GRD-STAR-01, 星级党组织评定): one score for every star item when the
// party form is rated (missing items are an *InputError naming them); a
// form that is not star-rated needs none.
type StarInput struct {
	Org       string             `json:"org" validate:"required,max=200"`
	PartyForm hubrules.PartyForm `json:"party_form" validate:"enum"`
	Scores    []ItemScore        `json:"scores" validate:"max=100,dive"`
}

// StarResult is the star rating with the score, the band hit and findings.
type StarResult struct {
	Org      string             `json:"org"`
	Score    hubrules.Points    `json:"score"`
	Max      hubrules.Points    `json:"max"`
	Stars    int                `json:"stars"`
	Band     *StarBand          `json:"band,omitempty"`
	Basis    hubrules.Basis     `json:"basis"`
	Check    hubrules.Check     `json:"check"`
	Findings []hubrules.Finding `json:"findings,omitempty"`
}

// Stars rates a party organization 1–5 stars from its star-indicator scores
// by the star.bands table; below the lowest band, or without a party
// organization of its own (joint or activity branch count), no stars.
func (g *Grader) Stars(in *StarInput) (StarResult, error) {
	if in == nil {
		return StarResult{}, errNil()
	}
	if g.starOff != nil {
		return StarResult{}, g.starOff
	}
	var p hubrules.Problems
	if err := hubrules.Validate(in); err != nil {
		p.Merge("", err)
	}
	items := g.p.StarItems
	seen := make([]bool, len(items))
	res := StarResult{Org: in.Org, Basis: g.starBasis.Clone(), Check: hubrules.Check{Rule: RuleStar, Subject: in.Org, Outcome: hubrules.Pass}}
	for _, it := range items {
		res.Max += it.Max
	}
	hint := 0
	for i, s := range in.Scores {
		sp := hubrules.Index("scores", i)
		k := g.stars.find(s.Item, hint)
		hint = k + 1
		switch {
		case k < 0:
			p.Add(sp+".item", "unknown_item", s.Item, hubrules.T("星级指标中没有 "+s.Item, "no star indicator "+s.Item))
		case seen[k]:
			p.Add(sp+".item", "duplicate", s.Item, hubrules.T("指标重复："+s.Item, "item given twice: "+s.Item))
		case s.Points == nil:
			p.Add(sp+".points", "required", "", hubrules.T("缺少指标 "+s.Item+" 的得分", "no points for item "+s.Item))
		case *s.Points < 0 || *s.Points > items[k].Max:
			p.Add(sp+".points", "range", s.Points.String(), hubrules.T("得分超出 0–"+items[k].Max.String(), "score outside 0–"+items[k].Max.String()))
		default:
			seen[k] = true
			res.Score += *s.Points
		}
	}
	if in.PartyForm.OrganizationalCoverage() && (len(in.Scores) < len(items) || p.Len() > 0) {
		codes := make([]string, len(items))
		for i := range items {
			codes[i] = items[i].Code
		}
		missingItems(&p, "scores", codes, in.Scores)
	}
	if err := p.Err(); err != nil {
		return StarResult{}, err
	}
	if !in.PartyForm.OrganizationalCoverage() {
		res.Check.Outcome = hubrules.NotApplicable
		res.Findings = append(res.Findings, hubrules.Finding{Rule: RuleStar, Severity: hubrules.Notice, Subject: in.Org,
			Message: hubrules.T("未建立党组织，不参加星级评定", "no party organization: not star-rated"), Facts: []hubrules.Fact{hubrules.CodeFact("party_form", in.PartyForm)}})
		return res, nil
	}
	for i := range g.p.StarBands {
		b := &g.p.StarBands[i]
		iv := Band{Lower: b.Lower, Upper: b.Upper}
		if iv.Contains(res.Score) {
			own := *b
			own.Upper = cloneEdge(b.Upper)
			res.Band, res.Stars = &own, b.Stars
			break
		}
	}
	if res.Band == nil {
		res.Check.Outcome = hubrules.Fail
		res.Findings = append(res.Findings, hubrules.Finding{Rule: RuleStar, Severity: hubrules.Warning, Subject: in.Org,
			Message: hubrules.T("得分低于最低星级", "the score is below the lowest star band"), Facts: []hubrules.Fact{fact("score", res.Score.String())}})
	}
	return res, nil
}
