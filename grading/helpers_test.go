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
	s := grading.ScoreSheet{Org: org, LegalForm: form, PartyForm: party}
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
			s.Scores = append(s.Scores, grading.ItemScore{Item: it.Code, Points: v})
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
