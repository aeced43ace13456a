package grading_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
)

func rating(group string, op, party, proj, sat string) grading.Rating {
	return grading.Rating{Group: group, Scores: []grading.DimensionScore{
		{Dimension: "independent_operation", Points: hubrules.Ptr(pts(op))}, {Dimension: "party_building", Points: hubrules.Ptr(pts(party))},
		{Dimension: "projects", Points: hubrules.Ptr(pts(proj))}, {Dimension: "satisfaction", Points: hubrules.Ptr(pts(sat))}}}
}

func TestGRD_ANNUAL_01_EqualWeightsExact(t *testing.T) {
	g := grader(t, hubrules.Kaixuan, "2024-01-01")
	in := grading.AnnualInput{Org: "a", Year: 2023, Ratings: []grading.Rating{
		rating("street_leaders", "80", "90", "70", "100"),
		rating("departments", "85", "85", "85", "85"),
		rating("experts", "70", "80", "90", "60"),
		rating("experts", "71", "80", "90", "60"),
		rating("communities", "90", "90", "90", "90.5"),
	}}
	r, err := g.Annual(&in)
	require.NoError(t, err)
	// leaders 85, departments 85, experts (75 + 75.25)/2 = 75.125, communities 90.125 → 335.25/4 = 83.8125
	assert.Equal(t, "1341/16", r.Exact)
	assert.Equal(t, pts("83.8"), r.Score)
	assert.Equal(t, "half_up_tenth", r.Rounding)
	assert.Equal(t, "601/8", r.Groups[2].Mean)
	assert.Equal(t, 2, r.Groups[2].Raters)
	assert.Equal(t, hubrules.Pass, r.Check.Outcome)
	ref, _ := r.Basis.Param("annual.rater_groups")
	assert.Equal(t, hubrules.Illustrative, ref.Confidence)
}

func TestGRD_ANNUAL_01_MissingGroupAndRounding(t *testing.T) {
	g := grader(t, hubrules.Kaixuan, "2024-01-01")
	in := grading.AnnualInput{Org: "a", Year: 2023, Ratings: []grading.Rating{
		rating("street_leaders", "80", "80", "80", "80.2"),
		rating("departments", "80", "80", "80", "80"),
	}}
	r, err := g.Annual(&in)
	require.NoError(t, err)
	// (80.05 + 80) / 2 = 80.025 → half up → 80.0
	assert.Equal(t, "3201/40", r.Exact)
	assert.Equal(t, pts("80"), r.Score)
	assert.Len(t, r.Findings, 2, "experts and communities gave no scores")
	in.Ratings[0] = rating("street_leaders", "80", "80", "80", "80.4")
	r, err = g.Annual(&in)
	require.NoError(t, err)
	assert.Equal(t, pts("80.1"), r.Score, "80.05 rounds half up")
}

func TestGRD_ANNUAL_01_BadInput(t *testing.T) {
	g := grader(t, hubrules.Kaixuan, "2024-01-01")
	in := grading.AnnualInput{Org: "a", Year: 2023, Ratings: []grading.Rating{
		rating("mayor", "80", "80", "80", "80"),
		rating("experts", "101", "80", "80", "80"),
		{Group: "experts", Scores: []grading.DimensionScore{{Dimension: "projects", Points: hubrules.Ptr(pts("5"))}}},
	}}
	_, err := g.Annual(&in)
	ie := inputErr(t, err)
	for _, p := range []string{"ratings[0].group", "ratings[1].scores[0].points", "ratings[2].scores"} {
		_, ok := ie.Field(p)
		assert.True(t, ok, "%s in %v", p, ie.Fields)
	}
}

func TestGRD_STAR_01_Bands(t *testing.T) {
	g := grader(t, hubrules.Jingan, "2024-01-01")
	for _, c := range []struct {
		org, members, life, role string
		stars                    int
	}{{"30", "20", "30", "10", 5}, {"30", "20", "30", "9.9", 4}, {"30", "20", "20", "10", 4}, {"30", "10", "20", "10", 3}, {"20", "10", "20", "10", 2}, {"20", "10", "10", "10", 1}, {"20", "10", "10", "9.9", 0}} {
		in := grading.StarInput{Org: "a", PartyForm: hubrules.JointBranch, Scores: []grading.ItemScore{
			{Item: "organization", Points: hubrules.Ptr(pts(c.org))}, {Item: "members", Points: hubrules.Ptr(pts(c.members))}, {Item: "activities", Points: hubrules.Ptr(pts(c.life))}, {Item: "role", Points: hubrules.Ptr(pts(c.role))}}}
		r, err := g.Stars(&in)
		require.NoError(t, err)
		assert.Equal(t, c.stars, r.Stars, "%+v score %s", c, r.Score)
		if c.stars == 0 {
			assert.Equal(t, hubrules.Fail, r.Check.Outcome)
		}
	}
	r, err := g.Stars(&grading.StarInput{Org: "a", PartyForm: hubrules.Liaison, Scores: []grading.ItemScore{{Item: "organization", Points: hubrules.Ptr(pts("30"))}}})
	require.NoError(t, err)
	assert.Equal(t, 0, r.Stars)
	assert.Equal(t, hubrules.NotApplicable, r.Check.Outcome)
	_, err = g.Stars(&grading.StarInput{Org: "a", PartyForm: hubrules.OwnBranch, Scores: []grading.ItemScore{{Item: "organization", Points: hubrules.Ptr(pts("31"))}}})
	inputErr(t, err)
}

func TestGRD_NORM_01_ChecklistByArea(t *testing.T) {
	g := grader(t, hubrules.Kaixuan, "2024-01-01")
	items := g.NormItems()
	require.Len(t, items, 34)
	counts := map[string]int{}
	for _, n := range items {
		counts[n.Area]++
	}
	assert.Equal(t, map[string]int{"norm_building": 10, "incubation": 12, "supervision_evaluation": 6, "graduation": 6}, counts)
	var met []string
	for _, n := range items {
		if n.Area != "graduation" {
			met = append(met, n.Code)
		}
	}
	r, err := g.Norms(&grading.NormInput{Org: "a", Met: met})
	require.NoError(t, err)
	assert.Equal(t, "28/34", r.Coverage)
	assert.Equal(t, hubrules.Fail, r.Check.Outcome)
	assert.Equal(t, []string{"graduation-01", "graduation-02", "graduation-03", "graduation-04", "graduation-05", "graduation-06"}, r.Areas[3].Missing)
	warn, notice := 0, 0
	for _, f := range r.Findings {
		if f.Severity == hubrules.Warning {
			warn++
		} else {
			notice++
		}
	}
	assert.Equal(t, 1, warn)
	assert.Equal(t, 1, notice, "per-area counts are illustrative")
	_, err = g.Norms(&grading.NormInput{Org: "a", Met: []string{"incubation-13", "incubation-01", "incubation-01"}})
	ie := inputErr(t, err)
	assert.Len(t, ie.Fields, 2)
}
