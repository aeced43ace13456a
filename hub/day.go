package hub

import (
	"time"

	"github.com/hubrules/hubrules"
)

// Calendar is an activity calendar for HUB-DAY-01: the period looked at and
// the dates party activities were held.
type Calendar struct {
	From       hubrules.Date   `json:"from" validate:"required"`
	To         hubrules.Date   `json:"to" validate:"required"`
	Activities []hubrules.Date `json:"activities"`
}

// DayResult lists the months whose dedication day (党员固定奉献日) had no
// activity.
type DayResult struct {
	Day int `json:"day"`
	// Checked is the number of dedication days inside the period and on or
	// before the evaluation date.
	Checked int `json:"checked"`
	// Missing are the dedication days without an activity.
	Missing []hubrules.Date `json:"missing"`
	Report  hubrules.Report `json:"report"`
}

var msgDayMissing = hubrules.T("当月固定奉献日没有开展活动", "no activity on the month's dedication day")

// CheckDedicationDay applies HUB-DAY-01: every month's dedication day (the
// 25th by default) inside [From, To] and not after asOf must carry an
// activity. To before From, or a period over 100 years, is an *InputError.
func (c *Checker) CheckDedicationDay(cal Calendar, asOf hubrules.Date) (DayResult, error) {
	c, err := c.at(asOf)
	if err != nil {
		return DayResult{}, err
	}
	var p hubrules.Problems
	if cal.From.IsZero() {
		p.Add("from", "required", "", hubrules.T("缺少开始日期", "from is required"))
	}
	if cal.To.IsZero() {
		p.Add("to", "required", "", hubrules.T("缺少结束日期", "to is required"))
	}
	if !cal.From.IsZero() && !cal.To.IsZero() {
		if cal.To.Before(cal.From) {
			p.Add("to", "order", cal.To.String(), hubrules.T("结束日期早于开始日期 "+cal.From.String(), "to is before from "+cal.From.String()))
		} else if cal.To.DaysSince(cal.From) > 36525 {
			p.Add("to", "max", cal.To.String(), hubrules.T("期间不能超过 100 年", "the period must not exceed 100 years"))
		}
	}
	if asOf.IsZero() {
		p.Add("as_of", "required", "", hubrules.T("需要评估日期", "an evaluation date is required"))
	}
	if err := p.Err(); err != nil {
		return DayResult{}, err
	}
	if rep, ok := c.gatedReport(RuleDay01, "", asOf, "day.dedication_day"); !ok {
		return DayResult{Missing: []hubrules.Date{}, Report: rep}, nil
	}
	day := c.p.DedicationDay
	r := DayResult{Day: day, Missing: []hubrules.Date{}}
	fy, fm, _ := cal.From.Date()
	ty, tm, _ := cal.To.Date()
	months := (ty-fy)*12 + int(tm-fm) + 1
	held := make([]bool, months)
	for _, a := range cal.Activities {
		y, m, d := a.Date()
		if d != day || a.IsZero() {
			continue
		}
		if k := (y-fy)*12 + int(m-fm); k >= 0 && k < months {
			held[k] = true
		}
	}
	r.Report = hubrules.Report{Basis: c.basisFor(asOf, "day.dedication_day"), Findings: []hubrules.Finding{}}
	for k := 0; k < months; k++ {
		total := fy*12 + int(fm-1) + k
		d := hubrules.NewDate(total/12, time.Month(total%12+1), day)
		if d.Before(cal.From) || d.After(cal.To) || d.After(asOf) {
			continue
		}
		r.Checked++
		if held[k] {
			continue
		}
		r.Missing = append(r.Missing, d)
		r.Report.Findings = append(r.Report.Findings, hubrules.Finding{Rule: RuleDay01, Severity: hubrules.Violation, Subject: d.String()[:7], Message: msgDayMissing,
			Facts: []hubrules.Fact{fact("dedication_day", d.String())}})
	}
	if r.Checked == 0 {
		r.Report.Checks = []hubrules.Check{{Rule: RuleDay01, Outcome: hubrules.NotApplicable}}
	} else {
		r.Report.Checks = []hubrules.Check{{Rule: RuleDay01, Outcome: outcome(len(r.Missing) > 0)}}
	}
	return r, nil
}
