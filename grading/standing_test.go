package grading_test

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
)

func standing(t testing.TB) *grading.Standing {
	t.Helper()
	s, err := grading.NewStanding(hubrules.Xiyuan, hubrules.NewDate(2030, 12, 31))
	require.NoError(t, err)
	return s
}

func passedYears(from, to int) []grading.Inspection {
	var out []grading.Inspection
	for y := from; y <= to; y++ {
		out = append(out, grading.Inspection{Year: y, Result: grading.Passed, Concluded: hubrules.NewDate(y+1, 5, 31)})
	}
	return out
}

func TestGRD_VALID_01_SwitchOver20260301(t *testing.T) {
	s := standing(t)
	rec := func(announced string) *grading.OrgRecord {
		return &grading.OrgRecord{Org: "a", Registered: d("2010-01-01"), Award: &grading.Award{Grade: hubrules.Grade4A, Announced: d(announced)},
			Inspections: passedYears(2024, 2025)}
	}
	// announced under the 2010 measures: 5 years from the award
	r, err := s.At(rec("2026-02-28"), d("2026-06-01"))
	require.NoError(t, err)
	assert.Equal(t, "2010", r.ValidityRule)
	assert.Equal(t, "2026", r.Measures)
	assert.Equal(t, d("2026-02-28"), r.ValidFrom)
	assert.Equal(t, d("2031-02-27"), r.ValidUntil)
	assert.True(t, r.Valid)
	assert.Equal(t, hubrules.Verified, r.ValidityBasis.Params[0].Confidence)
	r, err = s.At(rec("2026-02-28"), d("2031-02-28"))
	require.NoError(t, err)
	assert.False(t, r.Valid)
	assert.Equal(t, hubrules.NoGrade, r.EffectiveGrade)
	assert.Empty(t, r.Privileges, "an expired grade grants nothing")

	// announced under the revised measures: 1 Jan next year to 31 Dec of year five
	r, err = s.At(rec("2026-03-01"), d("2026-06-01"))
	require.NoError(t, err)
	assert.Equal(t, "2026", r.ValidityRule)
	assert.Equal(t, d("2027-01-01"), r.ValidFrom)
	assert.Equal(t, d("2031-12-31"), r.ValidUntil)
	assert.False(t, r.Valid, "not yet in effect")
	assert.Equal(t, hubrules.Secondary, r.ValidityBasis.Params[0].Confidence)
	for _, c := range []struct {
		on    string
		valid bool
	}{{"2026-12-31", false}, {"2027-01-01", true}, {"2031-12-31", true}, {"2032-01-01", false}} {
		r, err = s.At(rec("2026-03-01"), d(c.on))
		require.NoError(t, err)
		assert.Equal(t, c.valid, r.Valid, c.on)
		assert.Equal(t, map[bool]hubrules.Outcome{true: hubrules.Pass, false: hubrules.Fail}[c.valid], outcome(r.Checks, grading.RuleValid), c.on)
	}
	v1, _ := s.MeasuresAt(d("2026-02-28"))
	v2, _ := s.MeasuresAt(d("2026-03-01"))
	assert.Equal(t, "2010", v1.Version)
	assert.Equal(t, "2026", v2.Version)
}

func TestGRD_ELIG_01_RegisteredTwoFullYears(t *testing.T) {
	s := standing(t)
	rec := &grading.OrgRecord{Org: "new", Registered: d("2022-07-15"), Inspections: passedYears(2023, 2023)}
	r, err := s.At(rec, d("2024-07-14"))
	require.NoError(t, err)
	assert.False(t, r.MayApply)
	assert.Equal(t, hubrules.Fail, outcome(r.Checks, grading.RuleElig))
	r, err = s.At(rec, d("2024-07-15"))
	require.NoError(t, err)
	assert.True(t, r.MayApply)
	assert.Empty(t, r.MissingInspections)
	// Without last year's record eligibility is not established: a "no
	// record" warning, never "treated as taken part".
	rec.Inspections = nil
	r, err = s.At(rec, d("2024-07-15"))
	require.NoError(t, err)
	assert.False(t, r.MayApply)
	assert.Equal(t, []int{2023}, r.MissingInspections)
	assert.Equal(t, hubrules.Fail, outcome(r.Checks, grading.RuleElig))
	var warned bool
	for _, f := range r.Findings {
		warned = warned || (f.Rule == grading.RuleElig && f.Severity == hubrules.Warning && f.Facts[1] == hubrules.Fact{Name: "record", Value: "none"})
	}
	assert.True(t, warned, "%v", r.Findings)
}

// Asking for the standing on a day before the registration is a
// contradiction in the input, not an organization "registered for less than
// two years"; the registration day itself is fine.
func TestGRD_ELIG_01_RegisteredAfterTheDateIsAnInputError(t *testing.T) {
	s := standing(t)
	rec := &grading.OrgRecord{Org: "future", Registered: d("2027-03-01")}
	_, err := s.At(rec, d("2026-06-01"))
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	require.Len(t, ie.Fields, 1)
	assert.Equal(t, "registered", ie.Fields[0].Path)
	assert.Equal(t, "after_date", ie.Fields[0].Code)
	assert.Contains(t, ie.Fields[0].Message.ZH, "尚未成立")
	assert.Contains(t, ie.Fields[0].Message.EN, "did not exist yet")
	r, err := s.At(rec, d("2027-03-01"))
	require.NoError(t, err)
	assert.False(t, r.MayApply)
}

func TestGRD_ELIG_01_ExclusionsBeforeAndAfterSwitchOver(t *testing.T) {
	s := standing(t)
	base := func() *grading.OrgRecord {
		// every year inspected up to 2025, whose inspection concluded on 2026-01-31
		ins := append(passedYears(2020, 2024), grading.Inspection{Year: 2025, Result: grading.Passed, Concluded: d("2026-01-31")})
		return &grading.OrgRecord{Org: "a", Registered: d("2015-01-01"), Inspections: ins}
	}
	lastResult := func(res ...grading.InspectionResult) func(r *grading.OrgRecord) {
		return func(r *grading.OrgRecord) {
			for i, x := range res {
				r.Inspections[len(r.Inspections)-len(res)+i].Result = x
			}
		}
	}
	cases := []struct {
		name          string
		mod           func(r *grading.OrgRecord)
		before, after bool // may apply on 2026-02-28 / 2026-03-01
	}{
		{"clean", func(r *grading.OrgRecord) {}, true, true},
		{"failed last year", lastResult(grading.Failed), false, true},
		{"basically passed two years running", lastResult(grading.BasicallyPassed, grading.BasicallyPassed), false, true},
		{"skipped last year", lastResult(grading.Skipped), false, true},
		// the 2010 measures exclude on last year's inspection: without its
		// record eligibility is not established; the revised measures do
		// not ask for it.
		{"no record of last year", func(r *grading.OrgRecord) { r.Inspections = r.Inspections[:len(r.Inspections)-1] }, false, true},
		{"under investigation", func(r *grading.OrgRecord) {
			r.Investigations = []grading.Investigation{{Opened: d("2026-01-10")}}
		}, false, true},
		{"warning last year", func(r *grading.OrgRecord) {
			r.Penalties = []grading.Penalty{{Imposed: d("2025-03-01"), Warning: true, Completed: d("2025-03-01")}}
		}, false, true},
		{"fine outstanding", func(r *grading.OrgRecord) {
			r.Penalties = []grading.Penalty{{Imposed: d("2023-03-01")}}
		}, false, false},
		{"fine completed two years ago", func(r *grading.OrgRecord) {
			r.Penalties = []grading.Penalty{{Imposed: d("2023-03-01"), Completed: d("2023-06-01")}}
		}, true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := base()
			c.mod(rec)
			r, err := s.At(rec, d("2026-02-28"))
			require.NoError(t, err)
			assert.Equal(t, c.before, r.MayApply, "2026-02-28 (2010 measures)")
			r, err = s.At(rec, d("2026-03-01"))
			require.NoError(t, err)
			assert.Equal(t, c.after, r.MayApply, "2026-03-01 (revised measures)")
		})
	}
}

func TestGRD_ELIG_01_EveryUnmetCriterionListed(t *testing.T) {
	s := standing(t)
	rec := &grading.OrgRecord{Org: "a", Registered: d("2025-01-01"),
		Inspections:    []grading.Inspection{{Year: 2025, Result: grading.Failed, Concluded: d("2026-01-20")}},
		Investigations: []grading.Investigation{{Opened: d("2026-01-10")}},
		Penalties:      []grading.Penalty{{Imposed: d("2025-06-01")}}}
	r, err := s.At(rec, d("2026-02-01"))
	require.NoError(t, err)
	n := 0
	for _, f := range r.Findings {
		if f.Rule == grading.RuleElig && f.Severity == hubrules.Violation {
			n++
		}
	}
	assert.Equal(t, 4, n, "registration, failed inspection, penalty, investigation: %v", r.Findings)
}

func TestGRD_ELIG_01_ReapplyWithinFourYearsFrom2026(t *testing.T) {
	s := standing(t)
	rec := &grading.OrgRecord{Org: "a", Registered: d("2010-01-01"), Award: &grading.Award{Grade: hubrules.Grade3A, Announced: d("2026-05-01")},
		Inspections: passedYears(2024, 2031)}
	for _, c := range []struct {
		on         string
		may, simpl bool
	}{{"2027-01-01", true, true}, {"2028-12-31", true, true}, {"2029-01-01", true, false}, {"2030-12-31", true, false}, {"2031-01-01", false, false}, {"2032-01-01", true, false}} {
		r, err := s.At(rec, d(c.on))
		require.NoError(t, err)
		assert.Equal(t, c.may, r.MayApply, c.on)
		assert.Equal(t, c.simpl, r.Simplified, c.on)
	}
	// under the 2010 measures a valid grade must run out first
	rec.Award.Announced = d("2022-05-01")
	r, err := s.At(rec, d("2025-05-01"))
	require.NoError(t, err)
	assert.False(t, r.MayApply)
	r, err = s.At(rec, d("2027-05-01"))
	require.NoError(t, err)
	assert.False(t, r.Valid)
	assert.True(t, r.MayApply, "expired grade: may apply again")
}

func TestGRD_DOWN_01_Sequences(t *testing.T) {
	s := standing(t)
	award := &grading.Award{Grade: hubrules.Grade4A, Announced: d("2020-12-01")}
	t.Run("two basically-passed years", func(t *testing.T) {
		rec := &grading.OrgRecord{Org: "a", Registered: d("2010-01-01"), Award: award, Inspections: []grading.Inspection{
			{Year: 2020, Result: grading.Passed, Concluded: d("2021-05-31")},
			{Year: 2021, Result: grading.BasicallyPassed, Concluded: d("2022-05-31")},
			{Year: 2022, Result: grading.BasicallyPassed, Concluded: d("2023-05-31")},
		}}
		r, err := s.At(rec, d("2023-05-30"))
		require.NoError(t, err)
		assert.Equal(t, hubrules.Grade4A, r.EffectiveGrade)
		assert.Contains(t, r.Privileges, grading.PrivSimplifiedInspection)
		r, err = s.At(rec, d("2023-05-31"))
		require.NoError(t, err)
		require.Len(t, r.Downgrades, 1)
		assert.Equal(t, "inspection_basically_passed", r.Downgrades[0].Cause)
		assert.Equal(t, d("2023-06-15"), r.Downgrades[0].ReturnBy, "certificate back within 15 days")
		assert.Equal(t, hubrules.Grade3A, r.EffectiveGrade)
		assert.Equal(t, hubrules.Fail, outcome(r.Checks, grading.RuleDown))
		assert.NotContains(t, r.Privileges, grading.PrivSimplifiedInspection)
		assert.Contains(t, r.Privileges, grading.PrivPurchasePriority)
	})
	t.Run("a warning, then a failed inspection", func(t *testing.T) {
		rec := &grading.OrgRecord{Org: "a", Registered: d("2010-01-01"), Award: award,
			Inspections: []grading.Inspection{{Year: 2021, Result: grading.Failed, Concluded: d("2022-06-01")}},
			Penalties:   []grading.Penalty{{Imposed: d("2021-09-01"), Warning: true, Completed: d("2021-09-01")}}}
		r, err := s.At(rec, d("2023-01-01"))
		require.NoError(t, err)
		require.Len(t, r.Downgrades, 2)
		assert.Equal(t, "penalty", r.Downgrades[0].Cause)
		assert.Equal(t, hubrules.Grade3A, r.Downgrades[0].To)
		assert.Equal(t, "inspection_failed", r.Downgrades[1].Cause)
		assert.Equal(t, hubrules.Grade2A, r.EffectiveGrade)
		assert.Empty(t, r.Privileges, "2A has no privileges")
		assert.Equal(t, hubrules.NotApplicable, outcome(r.Checks, grading.RulePriv))
	})
	t.Run("skipped inspection outside the validity period does not count", func(t *testing.T) {
		rec := &grading.OrgRecord{Org: "a", Registered: d("2010-01-01"), Award: award,
			Inspections: []grading.Inspection{{Year: 2019, Result: grading.Skipped, Concluded: d("2020-06-01")}, {Year: 2025, Result: grading.Skipped, Concluded: d("2026-06-01")}}}
		r, err := s.At(rec, d("2025-11-30"))
		require.NoError(t, err)
		assert.Empty(t, r.Downgrades)
		assert.Equal(t, hubrules.Grade4A, r.EffectiveGrade)
	})
}

// TestGRD_DOWN_01_InsideTheValidityPeriodOnly: only inspections concluded
// inside the validity period count towards "basically passed two years
// running" (and the other downgrades): on the award day they count under
// the 2010 measures, the day before they do not, the last day of validity
// counts, the day after does not; under the 2026 measures the period starts
// on 1 January after the announcement.
func TestGRD_DOWN_01_InsideTheValidityPeriodOnly(t *testing.T) {
	s := standing(t)
	bp := func(year int, concluded string) grading.Inspection {
		return grading.Inspection{Year: year, Result: grading.BasicallyPassed, Concluded: d(concluded)}
	}
	ok := func(year int, concluded string) grading.Inspection {
		return grading.Inspection{Year: year, Result: grading.Passed, Concluded: d(concluded)}
	}
	const award2010 = "2021-06-15" // valid 2021-06-15 … 2026-06-14
	cases := []struct {
		name, announced, on string
		ins                 []grading.Inspection
		downOn              string // the downgrade's date; "" for none
	}{
		{"two basically-passed years both before the award", award2010, "2023-12-31",
			[]grading.Inspection{bp(2019, "2020-05-31"), bp(2020, "2021-05-31"), ok(2021, "2022-05-31"), ok(2022, "2023-05-31")}, ""},
		{"years before the award, the second concluded after it", award2010, "2023-12-31",
			[]grading.Inspection{bp(2019, "2020-05-31"), bp(2020, "2021-08-01"), ok(2021, "2022-05-31"), ok(2022, "2023-05-31")}, ""},
		{"in the award year, the day before the award", award2010, "2023-12-31",
			[]grading.Inspection{bp(2020, "2021-06-14"), bp(2021, "2022-05-31"), ok(2022, "2023-05-31")}, ""},
		{"on the award day it counts", award2010, "2023-12-31",
			[]grading.Inspection{bp(2020, "2021-06-15"), bp(2021, "2022-05-31"), ok(2022, "2023-05-31")}, "2022-05-31"},
		{"both inside the period", award2010, "2023-12-31",
			[]grading.Inspection{ok(2020, "2021-07-01"), bp(2021, "2022-05-31"), bp(2022, "2023-05-31")}, "2023-05-31"},
		{"the last day of validity counts", award2010, "2026-06-14",
			[]grading.Inspection{ok(2021, "2022-05-31"), ok(2022, "2023-05-31"), ok(2023, "2024-05-31"), bp(2024, "2025-05-31"), bp(2025, "2026-06-14")}, "2026-06-14"},
		{"the day after validity does not", award2010, "2026-06-30",
			[]grading.Inspection{ok(2021, "2022-05-31"), ok(2022, "2023-05-31"), ok(2023, "2024-05-31"), bp(2024, "2025-05-31"), bp(2025, "2026-06-15")}, ""},
		{"a failed inspection before the award", award2010, "2023-12-31",
			[]grading.Inspection{{Year: 2020, Result: grading.Failed, Concluded: d("2021-06-14")}, ok(2021, "2022-05-31"), ok(2022, "2023-05-31")}, ""},
		{"2026 measures: the award day is before the period", "2026-05-01", "2028-12-31",
			[]grading.Inspection{bp(2025, "2026-05-01"), bp(2026, "2027-05-31"), ok(2027, "2028-05-31")}, ""},
		{"2026 measures: two years inside the period", "2026-05-01", "2028-12-31",
			[]grading.Inspection{ok(2025, "2026-05-01"), bp(2026, "2027-05-31"), bp(2027, "2028-05-31")}, "2028-05-31"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := &grading.OrgRecord{Org: "a", Registered: d("2010-01-01"), Award: &grading.Award{Grade: hubrules.Grade4A, Announced: d(c.announced)}, Inspections: c.ins}
			r, err := s.At(rec, d(c.on))
			require.NoError(t, err)
			if c.downOn == "" {
				assert.Empty(t, r.Downgrades)
				assert.Equal(t, hubrules.Pass, outcome(r.Checks, grading.RuleDown))
				return
			}
			require.Len(t, r.Downgrades, 1)
			assert.Equal(t, "inspection_basically_passed", r.Downgrades[0].Cause)
			assert.Equal(t, d(c.downOn), r.Downgrades[0].Date)
			assert.Equal(t, hubrules.Fail, outcome(r.Checks, grading.RuleDown))
		})
	}
}

// TestGRD_DOWN_01_NoRecordIsNotPassed: a year whose inspection falls
// inside the validity period and has no record is a "no record" finding
// of its own, and the rule is not applicable (undecided) rather than
// passed; a year still open (its inspection due later) is not asked for.
func TestGRD_DOWN_01_NoRecordIsNotPassed(t *testing.T) {
	s := standing(t)
	award := &grading.Award{Grade: hubrules.Grade4A, Announced: d("2021-06-15")}
	cases := []struct {
		name, on string
		ins      []grading.Inspection
		missing  []int
		out      hubrules.Outcome
	}{
		{"every year recorded", "2024-12-31", passedYears(2021, 2023), nil, hubrules.Pass},
		{"two years missing", "2024-12-31", passedYears(2021, 2021), []int{2022, 2023}, hubrules.NotApplicable},
		{"the year still open is not asked for", "2024-06-30", passedYears(2021, 2022), nil, hubrules.Pass},
		{"the award year's conclusions are partly outside: not asked for", "2022-12-31", passedYears(2021, 2021), nil, hubrules.Pass},
		{"a failed year still downgrades", "2024-12-31", []grading.Inspection{{Year: 2021, Result: grading.Failed, Concluded: d("2022-05-31")}}, []int{2022, 2023}, hubrules.Fail},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := &grading.OrgRecord{Org: "a", Registered: d("2010-01-01"), Award: award, Inspections: c.ins}
			r, err := s.At(rec, d(c.on))
			require.NoError(t, err)
			assert.Equal(t, c.out, outcome(r.Checks, grading.RuleDown))
			var got []int
			for _, f := range r.Findings {
				if f.Rule != grading.RuleDown || f.Severity != hubrules.Warning || len(f.Facts) < 2 || f.Facts[1].Value != "none" {
					continue
				}
				assert.Contains(t, f.Message.ZH, "无")
				assert.Contains(t, f.Message.EN, "not treated as passed")
				got = append(got, atoi(t, f.Facts[0].Value))
			}
			assert.Equal(t, c.missing, got)
			for _, y := range c.missing {
				assert.Contains(t, r.MissingInspections, y)
			}
		})
	}
}

func TestGRD_PRIV_01_ByGrade(t *testing.T) {
	s := standing(t)
	for _, c := range []struct {
		g    hubrules.Grade
		want []grading.Privilege
	}{
		{hubrules.Grade5A, []grading.Privilege{grading.PrivPurchasePriority, grading.PrivFunctionTransfer, grading.PrivAwardPriority, grading.PrivTaxDeduction, grading.PrivSimplifiedInspection}},
		{hubrules.Grade4A, []grading.Privilege{grading.PrivPurchasePriority, grading.PrivFunctionTransfer, grading.PrivAwardPriority, grading.PrivTaxDeduction, grading.PrivSimplifiedInspection}},
		{hubrules.Grade3A, []grading.Privilege{grading.PrivPurchasePriority, grading.PrivFunctionTransfer, grading.PrivAwardPriority, grading.PrivTaxDeduction}},
		{hubrules.Grade2A, nil},
	} {
		rec := &grading.OrgRecord{Org: "a", Registered: d("2010-01-01"), Award: &grading.Award{Grade: c.g, Announced: d("2023-03-01")}}
		r, err := s.At(rec, d("2024-01-01"))
		require.NoError(t, err)
		assert.Equal(t, c.want, r.Privileges, string(c.g))
	}
}

func TestGRD_PRIV_01_JinganCounts151At3APlus(t *testing.T) {
	s, err := grading.NewStanding(hubrules.Jingan, hubrules.NewDate(2030, 12, 31))
	require.NoError(t, err)
	grades := []hubrules.Grade{hubrules.Grade5A, hubrules.Grade4A, hubrules.Grade3A, hubrules.Grade2A, hubrules.Grade1A}
	var rs []grading.StandingResult
	for i := 0; i < 996; i++ {
		rec := &grading.OrgRecord{Org: "org", Registered: d("2012-01-01")}
		if i < 151 {
			rec.Award = &grading.Award{Grade: grades[i%3], Announced: d("2017-06-01")}
		} else if i < 300 {
			rec.Award = &grading.Award{Grade: grades[3+i%2], Announced: d("2017-06-01")}
		}
		r, err := s.At(rec, d("2018-12-31"))
		require.NoError(t, err)
		rs = append(rs, r)
	}
	assert.Equal(t, 151, grading.CountAtLeast(rs, hubrules.Grade3A))
}

func TestGRD_DOWN_01_BadRecords(t *testing.T) {
	s := standing(t)
	for name, c := range map[string]struct {
		rec  grading.OrgRecord
		path string
	}{
		"years out of order": {grading.OrgRecord{Org: "a", Registered: d("2010-01-01"), Inspections: []grading.Inspection{
			{Year: 2022, Result: grading.Passed, Concluded: d("2023-05-01")}, {Year: 2021, Result: grading.Passed, Concluded: d("2023-06-01")}}}, "inspections[1].year"},
		"concluded in the year inspected": {grading.OrgRecord{Org: "a", Registered: d("2010-01-01"), Inspections: []grading.Inspection{
			{Year: 2022, Result: grading.Passed, Concluded: d("2022-05-01")}}}, "inspections[0].concluded"},
		"penalties out of order": {grading.OrgRecord{Org: "a", Registered: d("2010-01-01"), Penalties: []grading.Penalty{
			{Imposed: d("2022-05-01")}, {Imposed: d("2021-05-01")}}}, "penalties[1].imposed"},
		"completed before imposed": {grading.OrgRecord{Org: "a", Registered: d("2010-01-01"), Penalties: []grading.Penalty{
			{Imposed: d("2022-05-01"), Completed: d("2022-04-01")}}}, "penalties[0].completed"},
		"unknown result": {grading.OrgRecord{Org: "a", Registered: d("2010-01-01"), Inspections: []grading.Inspection{
			{Year: 2022, Result: "ok", Concluded: d("2023-05-01")}}}, "inspections[0].result"},
		"no registration":           {grading.OrgRecord{Org: "a"}, "registered"},
		"award before registration": {grading.OrgRecord{Org: "a", Registered: d("2010-01-01"), Award: &grading.Award{Grade: hubrules.Grade3A, Announced: d("2009-01-01")}}, "award.announced"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := s.At(&c.rec, d("2024-01-01"))
			ie := inputErr(t, err)
			_, ok := ie.Field(c.path)
			assert.True(t, ok, "want %s in %v", c.path, ie.Fields)
		})
	}
	// Before the first measures (2011-03-01) every rule of the measures
	// answers not in force, saying when they start.
	r, err := s.At(&grading.OrgRecord{Org: "a", Registered: d("2000-01-01")}, d("2005-01-01"))
	require.NoError(t, err)
	for _, c := range r.Checks {
		assert.Equal(t, hubrules.NotInForce, c.Outcome, c.Rule)
	}
	assert.Len(t, r.Checks, 4)
	assert.Equal(t, []hubrules.Unset{{Name: "standing.measures", Starts: d("2011-03-01")}}, r.Basis.Missing)
}

func TestGRD_PRIV_01_WuliqiaoSixAt5AThreeAt4A(t *testing.T) {
	s, err := grading.NewStanding(hubrules.Wuliqiao, hubrules.NewDate(2030, 12, 31))
	require.NoError(t, err)
	var rs []grading.StandingResult
	for i := 0; i < 32; i++ {
		rec := &grading.OrgRecord{Org: "member", Registered: d("2012-01-01")}
		switch {
		case i < 6:
			rec.Award = &grading.Award{Grade: hubrules.Grade5A, Announced: d("2018-03-01")}
		case i < 9:
			rec.Award = &grading.Award{Grade: hubrules.Grade4A, Announced: d("2018-03-01")}
		}
		r, err := s.At(rec, d("2019-06-01"))
		require.NoError(t, err)
		rs = append(rs, r)
	}
	assert.Equal(t, 6, grading.CountAtLeast(rs, hubrules.Grade5A))
	assert.Equal(t, 9, grading.CountAtLeast(rs, hubrules.Grade4A))
}

func TestNilInputsAreInputErrors(t *testing.T) {
	g := grader(t, hubrules.Kaixuan, "2024-01-01")
	_, err := g.Grade(nil)
	inputErr(t, err)
	_, err = g.Annual(nil)
	inputErr(t, err)
	_, err = g.Stars(nil)
	inputErr(t, err)
	_, err = g.Norms(nil)
	inputErr(t, err)
	_, err = standing(t).At(nil, d("2024-01-01"))
	inputErr(t, err)
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	require.NoError(t, err)
	return n
}
