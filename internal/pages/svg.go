package pages

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

// bar is one bar of a chart: its label, the text written beside it (the
// value itself: a chart is never read by its colours or lengths alone),
// its length as a fraction of the axis, and its series.
type bar struct {
	Label, Value string
	Fraction     float64
	Series       int
}

// chart geometry, in SVG user units.
const (
	chartWidth = 640
	labelWidth = 190
	barArea    = 330
	barHeight  = 18
	rowGap     = 8
)

// barChart draws bars as a horizontal bar chart: an SVG with a title and a
// description for screen readers, each bar labelled with its text value.
// Series 1 is drawn hatched, so that two series differ in pattern, not
// in colour only. target, when ≥ 0, is a dashed line at that fraction,
// labelled targetLabel.
func barChart(id, title, desc string, bars []bar, target float64, targetLabel string) template.HTML {
	h := len(bars)*(barHeight+rowGap) + rowGap
	if target >= 0 {
		h += 16
	}
	var b strings.Builder
	esc := template.HTMLEscapeString
	fmt.Fprintf(&b, `<svg class="chart" id="%s" role="img" aria-labelledby="%s-t %s-d" viewBox="0 0 %d %d" width="100%%" preserveAspectRatio="xMinYMin meet">`, id, id, id, chartWidth, h)
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, esc(title), id, esc(desc))
	b.WriteString(`<defs><pattern id="` + id + `-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" class="bar1bg"/><line x1="0" y1="0" x2="0" y2="6" class="hatch"/></pattern></defs>`)
	for i, br := range bars {
		y := rowGap + i*(barHeight+rowGap)
		w := int(br.Fraction*barArea + 0.5)
		if w < 0 {
			w = 0
		}
		if w > barArea {
			w = barArea
		}
		fill := `class="bar0"`
		if br.Series == 1 {
			fill = `class="bar1" fill="url(#` + id + `-hatch)"`
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" class="lbl" text-anchor="end">%s</text>`, labelWidth-8, y+barHeight-5, esc(br.Label))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" %s/>`, labelWidth, y, w, barHeight, fill)
		tx := labelWidth + w + 6
		if t := labelWidth + int(target*barArea+0.5) + 6; target >= 0 && t > tx {
			tx = t // clear of the target line
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" class="val">%s</text>`, tx, y+barHeight-5, esc(br.Value))
	}
	if target >= 0 {
		x := labelWidth + int(target*barArea+0.5)
		fmt.Fprintf(&b, `<line x1="%d" y1="2" x2="%d" y2="%d" class="target"/>`, x, x, h-14)
		fmt.Fprintf(&b, `<text x="%d" y="%d" class="val" text-anchor="middle">%s</text>`, x, h-3, esc(targetLabel))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func fraction(r hub.Rate) float64 {
	if !r.Defined() {
		return 0
	}
	return float64(r.Numerator) / float64(r.Denominator)
}

// rateText is "14/32 = 43.8%", or "0/0" when undefined.
func rateText(r hub.Rate) string { return r.String() }

// formChart is the members by party form.
func formChart(b base, c hub.CoverageResult) template.HTML {
	f, rates := c.Forms, c.FormRates
	bars := []bar{
		{Label: b.T(hubrules.OwnBranch.Name()), Value: rateText(rates.OwnBranch), Fraction: fraction(rates.OwnBranch)},
		{Label: b.T(hubrules.JointBranch.Name()), Value: rateText(rates.JointBranch), Fraction: fraction(rates.JointBranch)},
		{Label: b.T(hubrules.ActivityBranch.Name()), Value: rateText(rates.ActivityBranch), Fraction: fraction(rates.ActivityBranch)},
		{Label: b.T(hubrules.Liaison.Name()), Value: rateText(rates.Liaison), Fraction: fraction(rates.Liaison)},
		{Label: b.T(hubrules.NoPartyForm.Name()), Value: rateText(rates.None), Fraction: fraction(rates.None)},
	}
	return barChart("chart-forms", b.L("按党组织形式的覆盖", "Coverage by party form"),
		b.L(fmt.Sprintf("%d 个成员组织按党组织形式分布", f.Total()), fmt.Sprintf("%d member organizations by party form", f.Total())), bars, -1, "")
}

// categoryChart is the organizational and work coverage of each service
// category: two bars a category, the second hatched.
func categoryChart(b base, c hub.CoverageResult) template.HTML {
	var bars []bar
	for _, cc := range c.ByCategory {
		name := b.T(cc.Category.Name())
		bars = append(bars,
			bar{Label: name + " · " + b.L("组织覆盖", "organizational"), Value: rateText(cc.Organizational), Fraction: fraction(cc.Organizational)},
			bar{Label: name + " · " + b.L("工作覆盖", "work"), Value: rateText(cc.Work), Fraction: fraction(cc.Work), Series: 1})
	}
	return barChart("chart-categories", b.L("按服务类别的覆盖", "Coverage by service category"),
		b.L("每个服务类别的组织覆盖率（实心）与工作覆盖率（斜纹）", "organizational coverage (solid) and work coverage (hatched) of each service category"), bars, -1, "")
}

// crossChart is the cross-appointment rate against its target.
func crossChart(b base, c hub.CoverageResult, o hubrules.Outcome) template.HTML {
	target := -1.0
	label := ""
	if t, ok := percentOf(c.CrossAppointmentTarget); ok {
		target, label = t/100, b.L("目标 ", "target ")+c.CrossAppointmentTarget+"%"
	}
	bars := []bar{{Label: b.L("交叉任职率", "cross-appointment"), Value: rateText(c.CrossAppointment) + " " + outcomeMarks[o] + " " + b.T(o.Name()), Fraction: fraction(c.CrossAppointment)}}
	return barChart("chart-cross", b.L("交叉任职率与目标", "Cross-appointment rate against its target"),
		b.L("交叉任职率 "+rateText(c.CrossAppointment)+"，目标 "+c.CrossAppointmentTarget+"%", "cross-appointment rate "+rateText(c.CrossAppointment)+", target "+c.CrossAppointmentTarget+"%"), bars, target, label)
}

// percentOf reads a percentage written as a decimal ("60", "75.0").
func percentOf(s string) (float64, bool) {
	var f float64
	if s == "" {
		return 0, false
	}
	if _, err := fmt.Sscanf(s, "%g", &f); err != nil || f < 0 || f > 100 {
		return 0, false
	}
	return f, true
}
