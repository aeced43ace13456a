package grading_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
)

// A sheet with 1 of its 9 items used to total 45 with "no grade" and no
// word of the 8 missing items; a missing points value or member count was
// read as 0. Each is now an InputError naming what is missing.
func TestScoreSheet_MissingDataIsAnInputError(t *testing.T) {
	g := grader(t, hubrules.Xiyuan, "2024-06-30")
	s, err := grading.DecodeScoreSheet([]byte(`{"org":"o","legal_form":"social_group","party_form":"liaison","formal_party_members":0,"scores":[{"item":"legal_person","points":"25"}]}`))
	require.NoError(t, err)
	_, err = g.Grade(&s)
	f, ok := inputErr(t, err).Field("scores")
	require.True(t, ok)
	assert.Equal(t, "required", f.Code)
	assert.Contains(t, f.Message.EN, "charter")
	assert.Contains(t, f.Message.EN, "(8 of 9)")
	assert.Contains(t, f.Message.ZH, "缺少 8 项指标的得分")

	_, err = grading.DecodeScoreSheet([]byte(`{"org":"o","legal_form":"social_group","party_form":"liaison","scores":[{"item":"legal_person"}]}`))
	ie := inputErr(t, err)
	for _, p := range []string{"formal_party_members", "scores[0].points"} {
		_, ok := ie.Field(p)
		assert.True(t, ok, p)
	}
	// The Go API refuses the same, without the decoder.
	_, err = g.Grade(&grading.ScoreSheet{Org: "o", LegalForm: hubrules.SocialGroup, PartyForm: hubrules.Liaison, Scores: []grading.ItemScore{{Item: "legal_person"}}})
	ie = inputErr(t, err)
	for _, p := range []string{"formal_party_members", "scores[0].points", "scores"} {
		_, ok := ie.Field(p)
		assert.True(t, ok, p)
	}
}

func TestStarsAndAnnual_MissingScoresAreInputErrors(t *testing.T) {
	g := grader(t, hubrules.Jingan, "2025-06-01")
	_, err := g.Stars(&grading.StarInput{Org: "a", PartyForm: hubrules.JointBranch, Scores: []grading.ItemScore{{Item: "organization", Points: hubrules.Ptr(pts("20"))}}})
	f, ok := inputErr(t, err).Field("scores")
	require.True(t, ok)
	assert.Contains(t, f.Message.EN, "members")
	// A form that is not star-rated needs no scores.
	r, err := g.Stars(&grading.StarInput{Org: "b", PartyForm: hubrules.Liaison})
	require.NoError(t, err)
	assert.Equal(t, hubrules.NotApplicable, r.Check.Outcome)

	var in grading.AnnualInput
	err = hubrules.DecodeJSON([]byte(`{"org":"o","year":2024,"ratings":[{"group":"experts","scores":[{"dimension":"party_building"}]}]}`), &in)
	_, ok = inputErr(t, err).Field("ratings[0].scores[0].points")
	assert.True(t, ok)
}
