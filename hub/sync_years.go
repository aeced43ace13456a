package hub

import (
	"math/bits"
	"time"

	"github.com/hubrules/hubrules"
)

// MaxReportYears is the most report years SYNC-4 checks: the latest ones
// whose deadline has passed.
const MaxReportYears = 64

// sync4 checks SYNC-4 年检 year by year. The report years are the years
// by whose end the organization had been registered (or filed), and in
// the hub when it moved in, more than MinMonthsRegistered months; a year
// is checked once its deadline (DeadlineMonth/DeadlineDay of the next
// year) has passed, a year whose deadline is on or after asOf is open and
// not checked. An annual report filed in year F is the report of year
// F-1. A checked year fails when no report was filed for it (missing),
// when its reports were all filed after the deadline (late) or when none
// of them carries the party-building section. One pass over the reports.
func (c *SyncChecker) sync4(x *syncIndex, s *syncScan, asOf hubrules.Date, l *SyncLinkResult) {
	l.BusinessKind = EventAnnualReportFiled
	l.DeadlineMonth, l.DeadlineDay = uint8(c.params.DeadlineMonth), uint8(c.params.DeadlineDay)
	if s.reg.IsZero() {
		l.finish(SyncReasonNoRegistration)
		return
	}
	start := s.reg
	if s.moveIn.After(start) {
		start = s.moveIn
	}
	first := start.Year()
	if !start.AddMonths(c.params.MinMonthsRegistered).Before(hubrules.NewDate(first, time.December, 31)) {
		first++
	}
	last := asOf.Year() - 1
	if !asOf.After(c.deadline(last)) {
		last--
	}
	if open := last + 1; open >= first && open < asOf.Year() {
		l.OpenYear = int32(open)
	}
	if last < first {
		l.Checked, l.Outcome, l.Reason = true, hubrules.NotApplicable, SyncReasonNoReportDue
		return
	}
	if last-first >= MaxReportYears {
		first = last - MaxReportYears + 1
	}
	n := last - first + 1
	var filed, onTime, section uint64
	var latest hubrules.Date
	for i := x.first(syncKAnnualReport); i >= 0; i = x.after(syncKAnnualReport, i) {
		e := &x.ev[i]
		y := e.Date.Year() - 1
		if y < first || y > last {
			continue
		}
		bit := uint64(1) << (y - first)
		filed |= bit
		if !e.Date.After(c.deadline(y)) {
			onTime |= bit
		}
		if e.flag {
			section |= bit
		}
		if e.Date.After(latest) {
			latest = e.Date
		}
	}
	due := uint64(1)<<n - 1
	if n == 64 {
		due = ^uint64(0)
	}
	l.FirstYear, l.LastYear = int32(first), int32(last)
	l.YearsMissing = due &^ filed
	l.YearsLate = filed &^ onTime
	l.YearsNoSection = filed &^ section
	l.BusinessSeen, l.BusinessDate = true, latest
	l.BusinessCount = int32(n)
	l.BusinessFailing = int32(bits.OnesCount64(l.YearsMissing | l.YearsLate | l.YearsNoSection))
	if l.YearsMissing != 0 {
		l.Unmet |= 1 << SyncReasonReportMissing
	}
	if l.YearsLate != 0 {
		l.Unmet |= 1 << SyncReasonReportLate
	}
	if l.YearsNoSection != 0 {
		l.Unmet |= 1 << SyncReasonReportNoPartySection
	}
	l.finish(SyncReasonNoRegistration)
}

// deadline returns the day by which the annual report of year y is filed.
func (c *SyncChecker) deadline(y int) hubrules.Date {
	return hubrules.NewDate(y+1, time.Month(c.params.DeadlineMonth), c.params.DeadlineDay)
}

// SyncReportYear is one report year of SYNC-4.
type SyncReportYear struct {
	// Year is the report year; Deadline the day its report was due.
	Year     int           `json:"year"`
	Deadline hubrules.Date `json:"deadline"`
	// Outcome is pass or fail; Unmet the year's unmet criteria
	// (report_missing, report_late, report_no_party_section).
	Outcome hubrules.Outcome `json:"outcome"`
	Unmet   []string         `json:"unmet,omitempty"`
}

// ReportYears lists SYNC-4's checked report years in order (nil for
// another link or when no year was checked).
func (l *SyncLinkResult) ReportYears() []SyncReportYear {
	if l.Link != LinkAnnualReport || l.FirstYear == 0 || l.LastYear < l.FirstYear {
		return nil
	}
	out := make([]SyncReportYear, 0, l.LastYear-l.FirstYear+1)
	for y := l.FirstYear; y <= l.LastYear; y++ {
		bit := uint64(1) << (y - l.FirstYear)
		ry := SyncReportYear{Year: int(y), Deadline: hubrules.NewDate(int(y)+1, time.Month(l.DeadlineMonth), int(l.DeadlineDay)), Outcome: hubrules.Pass}
		for _, r := range l.yearReasons(bit) {
			ry.Unmet = append(ry.Unmet, r.Code())
			ry.Outcome = hubrules.Fail
		}
		out = append(out, ry)
	}
	return out
}

// yearReasons returns the unmet criteria of the year at bit.
func (l *SyncLinkResult) yearReasons(bit uint64) []SyncReason {
	var out []SyncReason
	if l.YearsMissing&bit != 0 {
		out = append(out, SyncReasonReportMissing)
	}
	if l.YearsLate&bit != 0 {
		out = append(out, SyncReasonReportLate)
	}
	if l.YearsNoSection&bit != 0 {
		out = append(out, SyncReasonReportNoPartySection)
	}
	return out
}

// setReportYears sets the year masks from a decoded list (UnmarshalJSON).
func (l *SyncLinkResult) setReportYears(years []SyncReportYear, path string) error {
	if len(years) == 0 {
		return nil
	}
	if len(years) > MaxReportYears {
		return hubrules.NewInputError(hubrules.FieldError{Path: path, Code: "max", Param: "64",
			Message: hubrules.T("报告年度最多 64 个", "at most 64 report years")})
	}
	l.FirstYear = int32(years[0].Year)
	l.LastYear = l.FirstYear + int32(len(years)) - 1
	l.DeadlineMonth, l.DeadlineDay = uint8(years[0].Deadline.Month()), uint8(years[0].Deadline.Day())
	for i, y := range years {
		if int32(y.Year) != l.FirstYear+int32(i) {
			return hubrules.NewInputError(hubrules.FieldError{Path: hubrules.Index(path, i) + ".year", Code: "order", Value: syncItoa(y.Year),
				Message: hubrules.T("报告年度须逐年连续", "the report years must follow each other")})
		}
		bit := uint64(1) << i
		for j, code := range y.Unmet {
			switch r, _ := syncReasonOf(code); r {
			case SyncReasonReportMissing:
				l.YearsMissing |= bit
			case SyncReasonReportLate:
				l.YearsLate |= bit
			case SyncReasonReportNoPartySection:
				l.YearsNoSection |= bit
			default:
				return syncBadResult(hubrules.Index(hubrules.Index(path, i)+".unmet", j), code)
			}
		}
	}
	return nil
}

// yearFindings are SYNC-4's findings: one per unmet criterion of each
// failing year, naming the year and its deadline.
func (l *SyncLinkResult) yearFindings(subject string) []hubrules.Finding {
	var out []hubrules.Finding
	for _, y := range l.ReportYears() {
		for _, code := range y.Unmet {
			r, _ := syncReasonOf(code)
			out = append(out, hubrules.Finding{Rule: l.Rule(), Severity: hubrules.Violation, Subject: subject,
				Message: hubrules.T(syncItoa(y.Year)+" 年度："+r.Text().ZH, "report year "+syncItoa(y.Year)+": "+r.Text().EN),
				Facts: []hubrules.Fact{{Name: "link", Value: l.Link.Code(), Label: l.Link.Name()},
					{Name: "report_year", Value: syncItoa(y.Year)}, {Name: "report_deadline", Value: y.Deadline.String()},
					{Name: "report_years_checked", Value: syncItoa(int(l.FirstYear)) + "–" + syncItoa(int(l.LastYear))}}})
		}
	}
	return out
}
