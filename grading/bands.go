package grading

import (
	"sort"

	"github.com/hubrules/hubrules"
)

// Edge is one end of a band: a score and whether the score itself belongs
// to the band. Source texts write "950以上" or "901–950"; the edges say
// exactly which side 950 falls on.
type Edge struct {
	Points    hubrules.Points `json:"points" yaml:"points"`
	Inclusive bool            `json:"inclusive" yaml:"inclusive"`
}

// Band maps a score range to a grade (GRD-LEVEL-01). Upper nil means no
// upper limit.
type Band struct {
	Grade hubrules.Grade `json:"grade" yaml:"grade"`
	Lower Edge           `json:"lower" yaml:"lower"`
	Upper *Edge          `json:"upper,omitempty" yaml:"upper"`
}

// Contains reports whether score lies in the band.
func (b *Band) Contains(score hubrules.Points) bool {
	if score < b.Lower.Points || (score == b.Lower.Points && !b.Lower.Inclusive) {
		return false
	}
	if b.Upper != nil && (score > b.Upper.Points || (score == b.Upper.Points && !b.Upper.Inclusive)) {
		return false
	}
	return true
}

// Describe writes the band as an interval: "(900, 950]".
func (b Band) Describe() string {
	s := "["
	if !b.Lower.Inclusive {
		s = "("
	}
	s += b.Lower.Points.String() + ", "
	if b.Upper == nil {
		return s + "∞)"
	}
	s += b.Upper.Points.String()
	if b.Upper.Inclusive {
		return s + "]"
	}
	return s + ")"
}

// StarBand maps a party-building score to a number of stars (GRD-STAR-01).
type StarBand struct {
	Stars int   `json:"stars" yaml:"stars"`
	Lower Edge  `json:"lower" yaml:"lower"`
	Upper *Edge `json:"upper,omitempty" yaml:"upper"`
}

type interval struct {
	label string
	rank  int
	lower Edge
	upper *Edge
}

// checkIntervals checks a band table: every band non-empty, adjacent bands
// meeting at one edge with exactly one side inclusive (no gap, no overlap),
// only the top band open, and a higher band carrying a higher rank. The
// messages name the edges.
func checkIntervals(path string, bands []interval, p *hubrules.Problems) {
	if len(bands) == 0 {
		p.Add(path, "required", "", hubrules.T("分档表为空", "the band table is empty"))
		return
	}
	order := make([]int, len(bands))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return bands[order[a]].lower.Points < bands[order[b]].lower.Points })
	for i, bi := range order {
		b := bands[bi]
		bp := hubrules.Index(path, bi)
		if b.upper != nil {
			if b.upper.Points < b.lower.Points || (b.upper.Points == b.lower.Points && !(b.upper.Inclusive && b.lower.Inclusive)) {
				p.Add(bp, "empty", b.label, hubrules.T("档 "+b.label+" 为空区间："+b.lower.Points.String()+" 至 "+b.upper.Points.String(),
					"band "+b.label+" is empty: "+b.lower.Points.String()+" to "+b.upper.Points.String()))
			}
		}
		if i == len(order)-1 {
			continue
		}
		n := bands[order[i+1]]
		if n.rank <= b.rank {
			p.Add(bp, "order", b.label, hubrules.T("档 "+n.label+" 分数更高但等级不高于 "+b.label,
				"band "+n.label+" has higher scores but not a higher rank than "+b.label))
		}
		if b.upper == nil {
			p.Add(bp+".upper", "overlap", b.label, hubrules.T("档 "+b.label+" 没有上限，与 "+n.label+" 重叠（"+n.lower.Points.String()+" 起）",
				"band "+b.label+" has no upper edge and overlaps "+n.label+" (from "+n.lower.Points.String()+")"))
			continue
		}
		u, l := *b.upper, n.lower
		switch {
		case u.Points < l.Points || (u.Points == l.Points && !u.Inclusive && !l.Inclusive):
			p.Add(bp+".upper", "gap", u.Points.String(), hubrules.T("档 "+b.label+" 上限 "+edgeText(u, true)+" 与档 "+n.label+" 下限 "+edgeText(l, false)+" 之间有空档",
				"gap between band "+b.label+" upper edge "+edgeText(u, true)+" and band "+n.label+" lower edge "+edgeText(l, false)))
		case u.Points > l.Points || (u.Points == l.Points && u.Inclusive && l.Inclusive):
			p.Add(bp+".upper", "overlap", u.Points.String(), hubrules.T("档 "+b.label+" 上限 "+edgeText(u, true)+" 与档 "+n.label+" 下限 "+edgeText(l, false)+" 重叠",
				"band "+b.label+" upper edge "+edgeText(u, true)+" overlaps band "+n.label+" lower edge "+edgeText(l, false)))
		}
	}
}

func edgeText(e Edge, upper bool) string {
	switch {
	case upper && e.Inclusive:
		return "≤" + e.Points.String()
	case upper:
		return "<" + e.Points.String()
	case e.Inclusive:
		return "≥" + e.Points.String()
	}
	return ">" + e.Points.String()
}

func checkGradeBands(path string, bands []Band, p *hubrules.Problems) {
	iv := make([]interval, len(bands))
	seen := map[hubrules.Grade]bool{}
	for i, b := range bands {
		if b.Grade.Rank() == 0 {
			p.Add(hubrules.Index(path, i)+".grade", "enum", string(b.Grade), hubrules.T("档的等级应为 1A–5A", "a band's grade must be 1A–5A"))
		}
		if seen[b.Grade] {
			p.Add(hubrules.Index(path, i)+".grade", "duplicate", string(b.Grade), hubrules.T("等级重复："+hubrules.Label(b.Grade).ZH, "grade listed twice: "+string(b.Grade)))
		}
		seen[b.Grade] = true
		iv[i] = interval{label: string(b.Grade), rank: b.Grade.Rank(), lower: b.Lower, upper: b.Upper}
	}
	checkIntervals(path, iv, p)
}

func checkStarBands(path string, bands []StarBand, p *hubrules.Problems) {
	iv := make([]interval, len(bands))
	for i, b := range bands {
		if b.Stars < 1 || b.Stars > 5 {
			p.Add(hubrules.Index(path, i)+".stars", "range", "", hubrules.T("星级应为 1–5", "stars must be 1–5"))
		}
		iv[i] = interval{label: starLabel(b.Stars), rank: b.Stars, lower: b.Lower, upper: b.Upper}
	}
	checkIntervals(path, iv, p)
}

func starLabel(n int) string {
	if n < 0 || n > 9 {
		return "?★"
	}
	return string(rune('0'+n)) + "★"
}
