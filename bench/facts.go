package bench

import (
	"slices"
	"time"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

// Facts is the flat, pre-computed input the general-purpose engines get
// for one organization: what a team would feed expr, CEL or OPA after
// reducing an event log in Go. Dates are day numbers (days since
// 1970-01-01); the party form is its strength (3 own branch, 2 joint or
// activity branch, 1 liaison, 0 none); repeated events are counts. The
// parameters (windows, thresholds) travel with the facts so that the rules
// name them instead of hard-coding numbers.
type Facts struct {
	// SYNC-1 登记: the first registration or filing and the first work plan.
	HasReg      bool `expr:"has_reg" json:"has_reg"`
	RegDay      int  `expr:"reg_day" json:"reg_day"`
	HasPlan     bool `expr:"has_plan" json:"has_plan"`
	PlanDay     int  `expr:"plan_day" json:"plan_day"`
	PlanMaxDays int  `expr:"plan_max_days" json:"plan_max_days"`
	// SYNC-2 入驻: the first move-in and the first census on or after it.
	HasMove       bool `expr:"has_move" json:"has_move"`
	MoveDay       int  `expr:"move_day" json:"move_day"`
	HasCensus     bool `expr:"has_census" json:"has_census"`
	CensusDay     int  `expr:"census_day" json:"census_day"`
	CensusMaxDays int  `expr:"census_max_days" json:"census_max_days"`
	// SYNC-3 管理 and HUB-FORM-01: coverage and joint activities counted
	// per reviewed quarter (the last complete quarters since the move-in).
	FormalMembers      int   `expr:"formal_members" json:"formal_members"`
	FormStrength       int   `expr:"form_strength" json:"form_strength"`
	OwnBranchMin       int   `expr:"own_branch_min" json:"own_branch_min"`
	JointPerQuarter    []int `expr:"joint_per_quarter" json:"joint_per_quarter"`
	MinJointPerQuarter int   `expr:"min_joint_per_quarter" json:"min_joint_per_quarter"`
	// SYNC-4 年检: the report years checked (those whose deadline has
	// passed, since the organization had been registered and in the hub
	// more than MinMonthsRegistered months by a year's end, at most the
	// latest 64) and those without a report filed by the deadline or
	// without a report carrying the party-building section.
	ReportYears        int `expr:"report_years" json:"report_years"`
	ReportYearsFailing int `expr:"report_years_failing" json:"report_years_failing"`
	// SYNC-5 换届: re-elections and those without a candidate review dated
	// after the previous re-election and on or before this one.
	Reelections           int `expr:"reelections" json:"reelections"`
	ReelectionsUnreviewed int `expr:"reelections_unreviewed" json:"reelections_unreviewed"`
	// SYNC-6 评选: evaluations and those that did not assess party building.
	Evaluations           int `expr:"evaluations" json:"evaluations"`
	EvaluationsUnassessed int `expr:"evaluations_unassessed" json:"evaluations_unassessed"`
}

// DeriveFacts reduces org's event log to Facts as of asOf with the
// checker's parameters p — the Go work a team would do before calling a
// general-purpose engine. It mirrors hub's reading of the log (first
// registration, first census on or after the first move-in, the last
// QuartersReviewed complete quarters, reviews between re-elections).
func DeriveFacts(org *hub.SyncOrg, asOf hubrules.Date, p hub.SyncParams) Facts {
	f := Facts{PlanMaxDays: p.PlanMaxDaysAfter, CensusMaxDays: p.CensusMaxDays,
		FormalMembers: formalOf(org), FormStrength: org.PartyForm.Strength(),
		OwnBranchMin: p.OwnBranchMinMembers, MinJointPerQuarter: p.MinJointPerQuarter}
	var reg, move, plan hubrules.Date
	var elections []hubrules.Date
	for i := range org.Events {
		e := &org.Events[i]
		d := e.Date
		switch e.Kind {
		case hub.EventRegistered, hub.EventFiled:
			if reg.IsZero() || d.Before(reg) {
				reg = d
			}
		case hub.EventMovedIn:
			if move.IsZero() || d.Before(move) {
				move = d
			}
		case hub.EventWorkPlanSubmitted:
			if plan.IsZero() || d.Before(plan) {
				plan = d
			}
		case hub.EventBoardReelected:
			elections = append(elections, d)
		case hub.EventEvaluated:
			f.Evaluations++
			if !e.PartyAssessed {
				f.EvaluationsUnassessed++
			}
		}
	}
	if !reg.IsZero() {
		f.HasReg, f.RegDay = true, reg.Ordinal()
		start := reg
		if move.After(start) {
			start = move
		}
		for _, y := range ReportWindows(asOf, p) {
			if start.Ordinal() > y.StartBy {
				continue
			}
			f.ReportYears++
			onTime, section := false, false
			for i := range org.Events {
				e := &org.Events[i]
				if d := e.Date.Ordinal(); e.Kind == hub.EventAnnualReportFiled && d >= y.From && d < y.To {
					onTime = onTime || d <= y.Deadline
					section = section || e.PartySection
				}
			}
			if !onTime || !section {
				f.ReportYearsFailing++
			}
		}
	}
	if !plan.IsZero() {
		f.HasPlan, f.PlanDay = true, plan.Ordinal()
	}
	if !move.IsZero() {
		f.HasMove, f.MoveDay = true, move.Ordinal()
		var census hubrules.Date
		for i := range org.Events {
			e := &org.Events[i]
			if e.Kind == hub.EventCensusRecorded && !e.Date.Before(move) && (census.IsZero() || e.Date.Before(census)) {
				census = e.Date
			}
		}
		if !census.IsZero() {
			f.HasCensus, f.CensusDay = true, census.Ordinal()
		}
		// Complete quarters: from the first that starts on or after the
		// move-in to the last that ends on or before asOf, at most
		// QuartersReviewed of them.
		qLast := quarter(asOf)
		if quarter(asOf.AddDays(1)) == qLast {
			qLast--
		}
		qFirst := quarter(move)
		if quarterStart(qFirst) != move {
			qFirst++
		}
		if lo := qLast - p.QuartersReviewed + 1; qFirst < lo {
			qFirst = lo
		}
		if qFirst <= qLast {
			f.JointPerQuarter = make([]int, qLast-qFirst+1)
			for i := range org.Events {
				e := &org.Events[i]
				if e.Kind != hub.EventJointActivity {
					continue
				}
				if q := quarter(e.Date); q >= qFirst && q <= qLast {
					f.JointPerQuarter[q-qFirst]++
				}
			}
		}
	}
	// SYNC-5: each re-election needs a review in (previous election, it].
	slices.SortFunc(elections, func(a, b hubrules.Date) int { return a.Compare(b) })
	f.Reelections = len(elections)
	for k, el := range elections {
		var prev hubrules.Date
		if k > 0 {
			prev = elections[k-1]
		}
		ok := false
		for i := range org.Events {
			e := &org.Events[i]
			if e.Kind == hub.EventCandidatesReviewed && !e.Date.After(el) && (prev.IsZero() || e.Date.After(prev)) {
				ok = true
				break
			}
		}
		if !ok {
			f.ReelectionsUnreviewed++
		}
	}
	return f
}

// ReportWindow is one report year of SYNC-4 as day numbers: the latest
// day the organization may have been registered (and moved in) for the
// year to be its report year, the first day of the next year (filing
// opens), the deadline and the first day of the year after (filing year
// over).
type ReportWindow struct{ StartBy, From, Deadline, To int }

// ReportWindows returns, oldest first, the report years whose deadline
// has passed on asOf, at most the latest hub.MaxReportYears: the calendar
// arithmetic of SYNC-4 done once, as for the quarter window.
func ReportWindows(asOf hubrules.Date, p hub.SyncParams) []ReportWindow {
	deadline := func(y int) hubrules.Date {
		return hubrules.NewDate(y+1, time.Month(p.DeadlineMonth), p.DeadlineDay)
	}
	last := asOf.Year() - 1
	if !asOf.After(deadline(last)) {
		last--
	}
	var out []ReportWindow
	for y := last - hub.MaxReportYears + 1; y <= last; y++ {
		end := hubrules.NewDate(y, time.December, 31)
		// The latest start: d + MinMonthsRegistered months before Dec 31.
		d := end.AddMonths(-p.MinMonthsRegistered)
		for !d.AddMonths(p.MinMonthsRegistered).Before(end) {
			d = d.AddDays(-1)
		}
		for d.AddDays(1).AddMonths(p.MinMonthsRegistered).Before(end) {
			d = d.AddDays(1)
		}
		out = append(out, ReportWindow{StartBy: d.Ordinal(), From: hubrules.NewDate(y+1, time.January, 1).Ordinal(),
			Deadline: deadline(y).Ordinal(), To: hubrules.NewDate(y+2, time.January, 1).Ordinal()})
	}
	return out
}

func quarter(d hubrules.Date) int {
	y, m, _ := d.Date()
	return y*4 + (int(m)-1)/3
}

func quarterStart(q int) hubrules.Date {
	return hubrules.NewDate(q/4, time.Month(q%4*3+1), 1)
}

// formalOf is the organization's formal members; a missing count (which
// the checkers refuse) reads 0 here only so that the engines stay total.
func formalOf(org *hub.SyncOrg) int {
	if org.FormalMembers == nil {
		return 0
	}
	return *org.FormalMembers
}
