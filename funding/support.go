package funding

import "github.com/hubrules/hubrules"

// SupportPeriod is the 扶持期 of FND-SUPPORT-01: from the transformation date
// for Years years (end exclusive). Inside it the street fully covers the
// daily running and maintenance costs of the premises entrusted to the hub,
// and party-building projects are entrusted to the hub first; after it,
// costs follow the normal funding channels.
type SupportPeriod struct {
	Explanation
	Start hubrules.Date `json:"start"`
	// End is the first day after the period.
	End hubrules.Date `json:"end"`
	// LastDay is the last day inside the period (the day before End).
	LastDay hubrules.Date `json:"last_day"`
	Years   int           `json:"years"`
	// FirstYear and LastYear label the period by the years of its first
	// and last day: lujiazui's five years from 2014-01-01 are 2014–2018
	// (see the note of support.years).
	FirstYear int `json:"first_year"`
	LastYear  int `json:"last_year"`
	// Covers lists what the period gives.
	Covers []hubrules.Text `json:"covers"`
}

// Support returns the support period. A zero transformed date uses the
// parameter support.start (lujiazui: 2014).
func (e *Evaluator) Support(transformed hubrules.Date) (SupportPeriod, error) {
	const rule = "FND-SUPPORT-01"
	var s SupportPeriod
	// support.start is read only when the caller gives no transformation
	// date.
	names := []string{"support.years"}
	if transformed.IsZero() {
		names = append(names, "support.start")
	}
	if err := e.need(rule, "support", e.p.Support != nil, names...); err != nil {
		return s, err
	}
	s.Basis = e.b.Only(names...)
	s.Start = transformed
	if s.Start.IsZero() {
		s.Start = e.p.Support.Start
	} else {
		s.step(rule, hubrules.T("调用方给出转型日", "the caller gave the transformation date"), s.Start.String(), Exact)
	}
	s.Years = e.p.Support.Years
	s.End = s.Start.AddYears(s.Years)
	s.LastDay = s.End.AddDays(-1)
	if err := hubrules.CheckComputed("transformed", s.Start, s.End, s.LastDay); err != nil {
		return SupportPeriod{}, err
	}
	s.FirstYear = s.Start.Year()
	s.LastYear = s.LastDay.Year()
	s.step(rule, hubrules.T("扶持期 = 转型日起 N 年", "support period = N years from the transformation date"), s.Start.String()+" + "+itoa64(int64(s.Years))+" years → "+s.End.String()+" (exclusive; last day "+s.LastDay.String()+")", Exact, names...)
	s.Covers = []hubrules.Text{
		hubrules.T("街道全额承担委托阵地的日常运行和维护费用", "the street covers the daily running and maintenance costs of the entrusted premises"),
		hubrules.T("党建项目优先委托枢纽承接", "party-building projects are entrusted to the hub first"),
	}
	return s, nil
}

// Contains reports whether d is inside the period (Start ≤ d ≤ LastDay,
// i.e. d < End).
func (s SupportPeriod) Contains(d hubrules.Date) bool { return !d.Before(s.Start) && d.Before(s.End) }

// InSupport checks a date against the support period and explains it.
func (e *Evaluator) InSupport(transformed, d hubrules.Date) (SupportPeriod, bool, error) {
	s, err := e.Support(transformed)
	if err != nil {
		return s, false, err
	}
	in := s.Contains(d)
	s.check("FND-SUPPORT-01", d.String(), in, hubrules.Notice, hubrules.T("日期不在扶持期内，费用按常规渠道列支", "the date is outside the support period: costs follow the normal channels"),
		fact("date", d.String()), fact("start", s.Start.String()), fact("last_day", s.LastDay.String()))
	return s, in, nil
}
