package grading_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
)

var (
	d   = hubrules.MustParseDate
	pts = hubrules.MustPoints
)

func grader(t testing.TB, p hubrules.Programme, date string) *grading.Grader {
	t.Helper()
	g, err := grading.NewGrader(p, d(date))
	require.NoError(t, err)
	return g
}

// sheetTotal builds a score sheet whose raw total is exactly target: the
// party set-up item comes from the form, the rest is filled item by item.
func sheetTotal(t testing.TB, g *grading.Grader, org string, form hubrules.LegalForm, party hubrules.PartyForm, target hubrules.Points) grading.ScoreSheet {
	t.Helper()
	p := g.Params()
	sh := p.Sheet(form)
	s := grading.ScoreSheet{Org: org, LegalForm: form, PartyForm: party, FormalPartyMembers: hubrules.Ptr(0)}
	left := target
	for _, in := range sh.Indicators {
		for _, it := range in.Items {
			if it.PartySetup {
				left -= grading.PartySetupScore(p.PartyFormPercent, party, it.Max)
			}
		}
	}
	require.GreaterOrEqual(t, int64(left), int64(0), "target below the party score")
	for _, in := range sh.Indicators {
		for _, it := range in.Items {
			if it.PartySetup {
				continue
			}
			v := it.Max
			if v > left {
				v = left
			}
			left -= v
			s.Scores = append(s.Scores, grading.ItemScore{Item: it.Code, Points: hubrules.Ptr(v)})
		}
	}
	require.Zero(t, int64(left), "target above the sheet")
	return s
}

func inputErr(t testing.TB, err error) *hubrules.InputError {
	t.Helper()
	require.Error(t, err)
	ie, ok := err.(*hubrules.InputError)
	require.True(t, ok, "want *InputError, got %T %v", err, err)
	require.ErrorIs(t, err, hubrules.ErrInvalidInput)
	for _, f := range ie.Fields {
		require.NotEmpty(t, f.Message.ZH)
		require.NotEmpty(t, f.Message.EN)
	}
	return ie
}

// filled returns s with 0 points written for every item it does not score,
// for tests about something other than a partial sheet (which is refused).
func filled(t testing.TB, g *grading.Grader, s grading.ScoreSheet) grading.ScoreSheet {
	t.Helper()
	have := map[string]bool{}
	for _, sc := range s.Scores {
		have[sc.Item] = true
	}
	s.Scores = append([]grading.ItemScore(nil), s.Scores...)
	for _, in := range g.Params().Sheet(s.LegalForm).Indicators {
		for _, it := range in.Items {
			if !it.PartySetup && !have[it.Code] {
				s.Scores = append(s.Scores, grading.ItemScore{Item: it.Code, Points: hubrules.Ptr[hubrules.Points](0)})
			}
		}
	}
	return s
}

// starsFilled is filled for a star input.
func starsFilled(g *grading.Grader, in grading.StarInput) *grading.StarInput {
	have := map[string]bool{}
	for _, sc := range in.Scores {
		have[sc.Item] = true
	}
	in.Scores = append([]grading.ItemScore(nil), in.Scores...)
	for _, it := range g.Params().StarItems {
		if !have[it.Code] {
			in.Scores = append(in.Scores, grading.ItemScore{Item: it.Code, Points: hubrules.Ptr[hubrules.Points](0)})
		}
	}
	return &in
}
