package grading

import (
	"errors"
	"sort"

	"github.com/hubrules/hubrules"
)

// Change is one organization whose grade differs between two parameter
// sets.
type Change struct {
	Org       string         `json:"org"`
	Index     int            `json:"index"`
	BaseGrade hubrules.Grade `json:"base_grade"`
	AltGrade  hubrules.Grade `json:"alt_grade"`
	// Steps is AltGrade's rank minus BaseGrade's (NoGrade is rank 0).
	Steps     int             `json:"steps"`
	BaseTotal hubrules.Points `json:"base_total"`
	AltTotal  hubrules.Points `json:"alt_total"`
	BaseBand  string          `json:"base_band,omitempty"`
	AltBand   string          `json:"alt_band,omitempty"`
	Reasons   []string        `json:"reasons"`
}

// WhatIfResult compares two graders over the same score sheets. Changed is
// sorted by org, then by position in the input.
type WhatIfResult struct {
	Orgs      int            `json:"orgs"`
	Unchanged int            `json:"unchanged"`
	Changed   []Change       `json:"changed"`
	BaseBasis hubrules.Basis `json:"base_basis"`
	AltBasis  hubrules.Basis `json:"alt_basis"`
}

// Reason codes of a Change.
const (
	ReasonTotal = "total_changed" // the total moved (weights, sheet, bonus)
	ReasonBands = "bands_changed" // the same total falls in a different band
	ReasonGate  = "party_gate"    // evaluated under one set, not the other
	ReasonCap   = "party_cap"     // the no-party-organization cap differs
)

// WhatIf grades every sheet under base and alt and lists the organizations
// whose grade changes, by how many steps and why. Every bad sheet is
// reported in one *hubrules.InputError with paths "sheets[i]…".
func WhatIf(base, alt *Grader, sheets []ScoreSheet) (WhatIfResult, error) {
	res := WhatIfResult{Orgs: len(sheets), BaseBasis: base.basis.Clone(), AltBasis: alt.basis.Clone()}
	var p hubrules.Problems
	for i := range sheets {
		a, err := base.Grade(&sheets[i])
		if errors.Is(err, hubrules.ErrNotInForce) {
			// A grade not in force on the date is the answer of the
			// whole comparison, not a fault of this sheet.
			return WhatIfResult{}, err
		}
		if err != nil {
			p.Merge(hubrules.Index("sheets", i), err)
			continue
		}
		b, err := alt.Grade(&sheets[i])
		if errors.Is(err, hubrules.ErrNotInForce) {
			return WhatIfResult{}, err
		}
		if err != nil {
			p.Merge(hubrules.Index("sheets", i), err)
			continue
		}
		if a.Grade == b.Grade {
			res.Unchanged++
			continue
		}
		c := Change{Org: sheets[i].Org, Index: i, BaseGrade: a.Grade, AltGrade: b.Grade, Steps: b.Grade.Rank() - a.Grade.Rank(),
			BaseTotal: a.Total, AltTotal: b.Total}
		if a.Band != nil {
			c.BaseBand = string(a.Band.Grade) + " " + a.Band.Describe()
		}
		if b.Band != nil {
			c.AltBand = string(b.Band.Grade) + " " + b.Band.Describe()
		}
		if a.Total != b.Total {
			c.Reasons = append(c.Reasons, ReasonTotal)
		}
		if alt.bandGrade(a.Total) != a.BandGrade {
			c.Reasons = append(c.Reasons, ReasonBands)
		}
		if a.Evaluated != b.Evaluated {
			c.Reasons = append(c.Reasons, ReasonGate)
		} else if (a.Grade != a.BandGrade) != (b.Grade != b.BandGrade) || (a.Grade != a.BandGrade && a.Grade != b.Grade && a.BandGrade == b.BandGrade) {
			c.Reasons = append(c.Reasons, ReasonCap)
		}
		if len(c.Reasons) == 0 {
			c.Reasons = append(c.Reasons, ReasonBands)
		}
		res.Changed = append(res.Changed, c)
	}
	if err := p.Err(); err != nil {
		return WhatIfResult{}, err
	}
	sort.SliceStable(res.Changed, func(i, j int) bool {
		if res.Changed[i].Org != res.Changed[j].Org {
			return res.Changed[i].Org < res.Changed[j].Org
		}
		return res.Changed[i].Index < res.Changed[j].Index
	})
	return res, nil
}

// bandGrade is the grade of the band holding total, NoGrade if none.
func (g *Grader) bandGrade(total hubrules.Points) hubrules.Grade {
	for i := range g.p.Bands {
		if g.p.Bands[i].Contains(total) {
			return g.p.Bands[i].Grade
		}
	}
	return hubrules.NoGrade
}
