package grading

import (
	"math/big"

	"github.com/hubrules/hubrules"
)

// DimensionScore is one rater's score on one dimension, 0–100.
type DimensionScore struct {
	Dimension string `json:"dimension" validate:"required,max=64"`
	// Points is the score; required (0 is a score).
	Points *hubrules.Points `json:"points" validate:"required"`
}

// Rating is one rater's scores; Group is the rater group (street_leaders,
// departments, experts, communities by default).
type Rating struct {
	Group  string           `json:"group" validate:"required,max=64"`
	Rater  string           `json:"rater,omitempty" validate:"max=200" hubrules:"personal"`
	Scores []DimensionScore `json:"scores" validate:"max=20,dive"`
}

// AnnualInput is kaixuan's annual assessment of one organization
// (GRD-ANNUAL-01): every rater scores every dimension 0–100.
type AnnualInput struct {
	Org     string   `json:"org" validate:"required,max=200"`
	Year    int      `json:"year" validate:"gte=2000,lte=9999"`
	Ratings []Rating `json:"ratings" validate:"min=1,max=10000,dive"`
}

// GroupScore is one rater group's mean weighted score.
type GroupScore struct {
	Group  string `json:"group"`
	Weight int    `json:"weight"`
	Raters int    `json:"raters"`
	// Mean is exact, as a fraction of points ("1573/20").
	Mean string `json:"mean"`
}

// AnnualResult is the weighted score 0–100: Exact is the exact rational,
// Score is Exact rounded half up to a tenth of a point.
type AnnualResult struct {
	Org      string             `json:"org"`
	Year     int                `json:"year"`
	Groups   []GroupScore       `json:"groups"`
	Exact    string             `json:"exact"`
	Score    hubrules.Points    `json:"score"`
	Rounding string             `json:"rounding"`
	Basis    hubrules.Basis     `json:"basis"`
	Check    hubrules.Check     `json:"check"`
	Findings []hubrules.Finding `json:"findings,omitempty"`
}

// Annual computes the annual assessment (GRD-ANNUAL-01): per rater the
// dimension scores weighted by annual.dimensions, per group the mean over
// its raters, overall the groups weighted by annual.rater_groups. A group
// with no rater is left out and the other groups' weights are scaled up (a
// warning finding says so). Arithmetic is exact (rationals); the one
// rounding is the final half-up to a tenth.
func (g *Grader) Annual(in *AnnualInput) (AnnualResult, error) {
	if in == nil {
		return AnnualResult{}, errNil()
	}
	if g.annualOff != nil {
		return AnnualResult{}, g.annualOff
	}
	var p hubrules.Problems
	if err := hubrules.Validate(in); err != nil {
		p.Merge("", err)
	}
	dims, groups := g.p.AnnualDimensions, g.p.AnnualRaterGroups
	sums := make([]*big.Rat, len(groups))
	counts := make([]int, len(groups))
	for i, r := range in.Ratings {
		rp := hubrules.Index("ratings", i)
		gi := -1
		for k := range groups {
			if groups[k].Code == r.Group {
				gi = k
			}
		}
		if gi < 0 {
			p.Add(rp+".group", "enum", r.Group, hubrules.T("未知评价主体 "+r.Group, "unknown rater group "+r.Group))
			continue
		}
		got := make([]bool, len(dims))
		rater := new(big.Rat)
		for j, s := range r.Scores {
			sp := hubrules.Index(rp+".scores", j)
			di := -1
			for k := range dims {
				if dims[k].Code == s.Dimension {
					di = k
				}
			}
			switch {
			case di < 0:
				p.Add(sp+".dimension", "enum", s.Dimension, hubrules.T("未知考评维度 "+s.Dimension, "unknown dimension "+s.Dimension))
				continue
			case got[di]:
				p.Add(sp+".dimension", "duplicate", s.Dimension, hubrules.T("维度重复："+s.Dimension, "dimension given twice: "+s.Dimension))
				continue
			case s.Points == nil:
				p.Add(sp+".points", "required", "", hubrules.T("缺少维度 "+s.Dimension+" 的得分", "no points for dimension "+s.Dimension))
				continue
			case *s.Points < 0 || *s.Points > hubrules.Pt(100):
				p.Add(sp+".points", "range", s.Points.String(), hubrules.T("得分应在 0–100 之间："+s.Points.String(), "a score must be 0–100: "+s.Points.String()))
				continue
			}
			got[di] = true
			rater.Add(rater, big.NewRat(int64(*s.Points)*int64(dims[di].Weight), 1000))
		}
		for k, ok := range got {
			if !ok {
				p.Add(rp+".scores", "required", dims[k].Code, hubrules.T("缺少维度 "+dims[k].Code+" 的得分", "no score for dimension "+dims[k].Code))
			}
		}
		if sums[gi] == nil {
			sums[gi] = new(big.Rat)
		}
		sums[gi].Add(sums[gi], rater)
		counts[gi]++
	}
	if err := p.Err(); err != nil {
		return AnnualResult{}, err
	}
	res := AnnualResult{Org: in.Org, Year: in.Year, Rounding: "half_up_tenth", Basis: g.annualBasis.Clone(),
		Check: hubrules.Check{Rule: RuleAnnual, Subject: in.Org, Outcome: hubrules.Pass}}
	total, wsum := new(big.Rat), 0
	for k, gr := range groups {
		gs := GroupScore{Group: gr.Code, Weight: gr.Weight, Raters: counts[k]}
		if counts[k] == 0 {
			gs.Mean = "-"
			if gr.Weight > 0 {
				res.Findings = append(res.Findings, hubrules.Finding{Rule: RuleAnnual, Severity: hubrules.Warning, Subject: in.Org,
					Message: hubrules.T("评价主体 "+gr.Name.ZH+" 未评分，其权重按比例分给其他主体", "rater group "+gr.Name.EN+" gave no scores; its weight is spread over the others"),
					Facts:   []hubrules.Fact{fact("group", gr.Code), fact("weight", itoa(gr.Weight))}})
			}
		} else {
			mean := new(big.Rat).Quo(sums[k], big.NewRat(int64(counts[k]), 1))
			gs.Mean = mean.RatString()
			total.Add(total, new(big.Rat).Mul(mean, big.NewRat(int64(gr.Weight), 1)))
			wsum += gr.Weight
		}
		res.Groups = append(res.Groups, gs)
	}
	if wsum == 0 {
		res.Check.Outcome = hubrules.NotApplicable
		res.Exact = "0"
		res.Findings = append(res.Findings, hubrules.Finding{Rule: RuleAnnual, Severity: hubrules.Warning, Subject: in.Org,
			Message: hubrules.T("没有有权重的评价主体评分，无法计算", "no weighted rater group gave scores; no score")})
		return res, nil
	}
	total.Quo(total, big.NewRat(int64(wsum), 1))
	res.Exact = total.RatString()
	// half up to a tenth: floor(x*10 + 1/2).
	t := new(big.Rat).Mul(total, big.NewRat(10, 1))
	t.Add(t, big.NewRat(1, 2))
	q := new(big.Int).Quo(t.Num(), t.Denom())
	res.Score = hubrules.Points(q.Int64())
	return res, nil
}
