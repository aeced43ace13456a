package grading_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
	"github.com/hubrules/hubrules/internal/testutil"
)

// gradingResults is every result and accessor value of g and s for one set
// of inputs; sheets are graded with Grade and with GradeInto into a reused
// Result.
func gradingResults(t testing.TB, g *grading.Grader, s *grading.Standing, sheets []grading.ScoreSheet) []any {
	out := []any{g.Basis(), g.Params(), g.NormItems()}
	add := func(v any, err error) {
		if err != nil {
			t.Errorf("%v", err)
		}
		out = append(out, v)
	}
	var into grading.Result
	for i := range sheets {
		add(g.Grade(&sheets[i]))
		require.NoError(t, g.GradeInto(&into, &sheets[(i+1)%len(sheets)]))
		require.NoError(t, g.GradeInto(&into, &sheets[i]))
		out = append(out, into)
	}
	add(g.Stars(starsFilled(g, grading.StarInput{Org: "a", PartyForm: hubrules.JointBranch, Scores: []grading.ItemScore{{Item: "organization", Points: hubrules.Ptr(pts("20"))}, {Item: "members", Points: hubrules.Ptr(pts("20"))}}})))
	add(g.Stars(&grading.StarInput{Org: "b", PartyForm: hubrules.Liaison}))
	add(g.Norms(&grading.NormInput{Org: "a", Met: []string{"incubation-01"}}))
	rating := grading.Rating{Group: "experts", Scores: []grading.DimensionScore{{Dimension: "independent_operation", Points: hubrules.Ptr(pts("90"))},
		{Dimension: "party_building", Points: hubrules.Ptr(pts("80"))}, {Dimension: "projects", Points: hubrules.Ptr(pts("70"))}, {Dimension: "satisfaction", Points: hubrules.Ptr(pts("60"))}}}
	add(g.Annual(&grading.AnnualInput{Org: "a", Year: 2023, Ratings: []grading.Rating{rating}}))
	add(grading.WhatIf(g, g, sheets))
	rec := &grading.OrgRecord{Org: "a", Registered: d("2010-01-01"), Award: &grading.Award{Grade: hubrules.Grade4A, Announced: d("2022-03-01")},
		Inspections: passedYears(2018, 2024)}
	add(s.At(rec, d("2025-06-01")))
	m, _ := s.MeasuresAt(d("2025-06-01"))
	return append(out, m)
}

// Results are values: 16 goroutines share one Grader and one Standing, one
// scribbles over every result it gets (the band, basis parameters, the
// prepared facts of notices), and the others still get what fresh ones give.
func TestGRD_ResultsShareNoMemoryWithTheGrader(t *testing.T) {
	g := grader(t, hubrules.Kaixuan, "2024-06-01")
	var sheets []grading.ScoreSheet
	for i, party := range []hubrules.PartyForm{hubrules.OwnBranch, hubrules.Liaison, hubrules.NoPartyForm, hubrules.JointBranch} {
		s := sheetTotal(t, g, "org", hubrules.SocialGroup, party, hubrules.Pt(int64(96-i*12)))
		s.Bonus = pts("8")
		if i%2 == 0 {
			s.Systems = []grading.System{grading.SysBoard}
		}
		sheets = append(sheets, s)
	}
	standing := func() *grading.Standing {
		s, err := grading.NewStanding(hubrules.National, hubrules.NewDate(2030, 12, 31))
		require.NoError(t, err)
		return s
	}
	want := gradingResults(t, grader(t, hubrules.Kaixuan, "2024-06-01"), standing(), sheets)
	s := standing()
	testutil.Shared(t, 8, want, func() []any { return gradingResults(t, g, s, sheets) })
}

// A Grader keeps its own copy of the parameters it was built from.
func TestGRD_GraderCopiesItsParams(t *testing.T) {
	g := grader(t, hubrules.Kaixuan, "2024-06-01")
	p, b, err := grading.Resolve(hubrules.Kaixuan, d("2024-06-01"))
	require.NoError(t, err)
	mine, err := grading.NewGrader(b.Programme, b.AsOf, grading.WithResolved(p, b))
	require.NoError(t, err)
	testutil.Scribble(p)
	testutil.Scribble(b)
	require.Equal(t, g.Params(), mine.Params())
	require.Equal(t, g.Basis(), mine.Basis())
}
